"""A line of the PDF is not cut short by the space before an inline element (WeasyPrint ≤ 70).

WeasyPrint fits a line's text piece by piece (each stretch of text between inline elements:
a no-wrap span of :func:`reportgen.render.html.keep_whole`, an italic run). When a stretch ends
in a space (``"… dengan jenis kelamin "`` before ``<span class="nw">Laki-laki</span>``) and its
words fit the line but its trailing space does not, ``split_first_line`` takes the stretch for
one that cannot be broken early and keeps only its first word: "Berdasarkan" stood alone on the
first line of a paragraph whose next line was full (luwu-timur p. 2). CSS Text 3 §4.1.3 lets a
line's trailing space hang past its end, so the stretch fits: :func:`install` wraps WeasyPrint's
``split_first_line`` (as ``weasyprint.layout.inline`` calls it) to lay out such a stretch
whole, its trailing space hanging; the next inline element then goes to the next line, or
breaks there, as anywhere else. Any other text is laid out by WeasyPrint unchanged.
"""

from __future__ import annotations

import inspect
import math

EXPECTED = ["text", "style", "context", "max_width", "justification_spacing", "is_line_start", "minimum"]


def hanging_spaces(split_first_line):
    """``split_first_line`` that lays out whole a text whose words fit ``max_width`` but for its
    trailing spaces (which hang past the line's end)."""

    def split(text, style, context, max_width, justification_spacing, is_line_start=True, minimum=False):
        result = split_first_line(text, style, context, max_width, justification_spacing, is_line_start, minimum)
        if result[2] is None or not _may_hang(text, style, max_width):
            return result
        words = split_first_line(text.rstrip(" "), style, context, max_width, justification_spacing, is_line_start, minimum)
        if words[2] is None and words[3] <= max_width:
            return split_first_line(text, style, context, None, justification_spacing, is_line_start, minimum)
        return result

    split.hangs_spaces = True  # type: ignore[attr-defined]  # a mark on the function, read by getattr below
    return split


def _may_hang(text: str, style, max_width) -> bool:
    """Whether ``text`` ends in spaces that collapse at a line's end, one stretch of ordinary
    (wrapping) text in a finite width."""
    return (
        text.endswith(" ")
        and bool(text.strip(" "))
        and max_width is not None
        and not math.isinf(max_width)
        and style["white_space"] in ("normal", "pre-line")
    )


def install() -> bool:
    """Wrap WeasyPrint's ``split_first_line`` where its inline layout calls it (once); False,
    leaving WeasyPrint as it is, when its signature is not the one this was written for."""
    from weasyprint.layout import inline

    original = inline.split_first_line
    if getattr(original, "hangs_spaces", False):
        return True
    if list(inspect.signature(original).parameters) != EXPECTED:
        return False
    inline.split_first_line = hanging_spaces(original)
    return True
