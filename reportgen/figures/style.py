"""Shared figure style: Agg backend, Times-like serif, 200 dpi, numbers in the study's locale.

Every figure is drawn at the size it is printed: :func:`reportgen.figures.draw` gives each drawing
function its printed width in inches (the figure's fraction of the 14 cm text width), so a font
size in points is the size on paper (:func:`printed_scale` measures how close a saved figure comes;
the chapter asks for at least :data:`MIN_POINTS`).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import matplotlib
import numpy as np
from PIL import Image

from reportgen.errors import naming
from reportgen.fonts import SERIF as FONT_FAMILIES
from reportgen.fonts import serif_file
from reportgen.page import TEXT_WIDTH_CM
from reportgen.words.locale import tick

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter

DPI = 200
SERIF = FONT_FAMILIES + ["serif"]  # the chapter's families, then matplotlib's default serif
GREYS = ["#1b1b1b", "#4d4d4d", "#808080", "#b3b3b3", "#d9d9d9", "#eeeeee", "#f7f7f7"]
TEXT_WIDTH_IN = TEXT_WIDTH_CM / 2.54
PAD_INCHES = 0.04  # white border write_png keeps around the tight bounding box
MIN_POINTS = 8.0  # the smallest text on a printed figure
SMALL = 9.0  # annotations, legends, labels on bars and arrows


def _register_fonts() -> None:
    """Make the chapter's serif font known to matplotlib, whose cached font list may predate it."""
    from matplotlib import font_manager

    for bold in (False, True):
        path = serif_file(bold)
        if path and path not in {entry.fname for entry in font_manager.fontManager.ttflist}:
            font_manager.fontManager.addfont(path)


_register_fonts()
plt.rcParams.update(
    {
        "font.family": "serif",
        "font.serif": SERIF,
        "font.size": 10,
        "axes.titlesize": 10,
        "legend.fontsize": SMALL,
        "axes.linewidth": 0.8,
        "savefig.dpi": DPI,
        "figure.dpi": 100,
        "figure.max_open_warning": 100,
    }
)


def localise(ax, lang: str, axes: str = "xy") -> None:
    """Tick labels of the numeric ``axes`` written by :func:`reportgen.words.locale.tick` (0,2 in Indonesian)."""
    formatter = FuncFormatter(lambda value, position: tick(value, lang))
    for name in axes:
        getattr(ax, f"{name}axis").set_major_formatter(formatter)


def print_width(fraction: float) -> float:
    """The printed width in inches of a figure placed at ``fraction`` of the text width
    (``<img style="width: …%">`` in render/chapter.html.j2, ``Cm(TEXT_WIDTH_CM * width)`` in render/docx.py)."""
    return fraction * TEXT_WIDTH_IN


def saved_box(fig):
    """The part of ``fig`` that :func:`write_png` saves, in inches: its tight bounding box (which
    grows past the figure for text that sticks out and shrinks to what is drawn) and the pad."""
    fig.draw_without_rendering()  # the layout engine places the axes as savefig will
    return fig.get_tightbbox(fig.canvas.get_renderer()).padded(PAD_INCHES)


def saved_width(fig) -> float:
    """The width in inches of the PNG :func:`write_png` makes of ``fig``."""
    return saved_box(fig).width


def printed_scale(fig, fraction: float) -> float:
    """How many printed points one point of ``fig`` becomes when its PNG is placed at ``fraction``
    of the text width: a text of ``fontsize`` prints at ``fontsize * printed_scale(fig, fraction)``."""
    return print_width(fraction) / saved_width(fig)


def text_size(fig, text: str, size: float) -> tuple[float, float]:
    """(width, height) in inches of ``text`` at ``size`` points in the figure's font (several lines allowed)."""
    from matplotlib.text import Text

    probe = Text(0, 0, text, fontsize=size, figure=fig)
    box = probe.get_window_extent(fig.canvas.get_renderer())
    return box.width / fig.dpi, box.height / fig.dpi


def wrap(fig, text: str, size: float, width: float) -> str:
    """``text`` broken between words into lines no wider than ``width`` inches at ``size`` points
    (a single word wider than that keeps its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_size(fig, f"{lines[-1]} {word}", size)[0] <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


def write_png(fig, path: Path) -> None:
    """The figure as an opaque PNG: greyscale ("L") when it has no colour, else RGB.

    Without the alpha channel Agg writes, the PNG is a third to a quarter of the size, and the
    PDF backend embeds it without splitting off a transparency mask. The file appears whole
    (written beside it, then renamed).
    """
    raw = io.BytesIO()
    fig.savefig(raw, format="png", dpi=DPI, bbox_inches="tight", pad_inches=PAD_INCHES, facecolor="white", pil_kwargs={"compress_level": 0})
    plt.close(fig)
    raw.seek(0)
    image = Image.open(raw).convert("RGB")
    pixels = np.asarray(image)
    grey = bool((pixels[..., 0] == pixels[..., 1]).all() and (pixels[..., 1] == pixels[..., 2]).all())
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.part")
    with naming(path):
        (image.convert("L") if grey else image).save(partial, format="PNG", dpi=(DPI, DPI))
        os.replace(partial, path)
