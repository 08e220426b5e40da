"""Shared figure style: Agg backend, Times-like serif, 200 dpi, numbers in the study's locale."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
import numpy as np
from PIL import Image

from reportgen.errors import naming
from reportgen.words.locale import tick

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

DPI = 200
SERIF = ["Liberation Serif", "Times New Roman", "Nimbus Roman", "DejaVu Serif", "serif"]
GREYS = ["#1b1b1b", "#4d4d4d", "#808080", "#b3b3b3", "#d9d9d9", "#eeeeee", "#f7f7f7"]

plt.rcParams.update({
    "font.family": "serif", "font.serif": SERIF, "font.size": 10, "axes.titlesize": 10,
    "axes.linewidth": 0.8, "savefig.dpi": DPI, "figure.dpi": 100, "figure.max_open_warning": 100,
})


def localise(ax, lang: str, axes: str = "xy") -> None:
    """Tick labels of the numeric ``axes`` written by :func:`reportgen.words.locale.tick` (0,2 in Indonesian)."""
    formatter = FuncFormatter(lambda value, position: tick(value, lang))
    for name in axes:
        getattr(ax, f"{name}axis").set_major_formatter(formatter)


def write_png(fig, path: Path) -> None:
    """The figure as an opaque PNG: greyscale ("L") when it has no colour, else RGB.

    Without the alpha channel Agg writes, the PNG is a third to a quarter of the size, and the
    PDF backend embeds it without splitting off a transparency mask.
    """
    raw = io.BytesIO()
    fig.savefig(raw, format="png", dpi=DPI, bbox_inches="tight", facecolor="white", pil_kwargs={"compress_level": 0})
    plt.close(fig)
    raw.seek(0)
    image = Image.open(raw).convert("RGB")
    pixels = np.asarray(image)
    grey = bool((pixels[..., 0] == pixels[..., 1]).all() and (pixels[..., 1] == pixels[..., 2]).all())
    path.parent.mkdir(parents=True, exist_ok=True)
    with naming(path):
        (image.convert("L") if grey else image).save(path, format="PNG", dpi=(DPI, DPI))
