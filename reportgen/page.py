"""The thesis page both renderers set: A4, margins 4 cm left and top, 3 cm right and bottom
(render/chapter.css ``@page``; render/docx.py section setup). Figures, table measures and the
float placement read its text block from here."""

from __future__ import annotations

POINTS_PER_CM = 72 / 2.54
TEXT_WIDTH_CM = 21.0 - 4.0 - 3.0  # A4 width less the side margins
TEXT_HEIGHT_CM = 29.7 - 4.0 - 3.0  # A4 height less the top and bottom margins
TEXT_WIDTH_PT = TEXT_WIDTH_CM * POINTS_PER_CM
TEXT_HEIGHT_PT = TEXT_HEIGHT_CM * POINTS_PER_CM
