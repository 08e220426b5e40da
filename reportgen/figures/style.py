"""Shared figure style: Agg backend, Times-like serif, 200 dpi."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

DPI = 200
SERIF = ["Liberation Serif", "Times New Roman", "Nimbus Roman", "DejaVu Serif", "serif"]
GREYS = ["#1b1b1b", "#4d4d4d", "#808080", "#b3b3b3", "#d9d9d9", "#eeeeee", "#f7f7f7"]

plt.rcParams.update({
    "font.family": "serif", "font.serif": SERIF, "font.size": 10, "axes.titlesize": 10,
    "axes.linewidth": 0.8, "savefig.dpi": DPI, "figure.dpi": 100,
})


def save(fig, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=DPI, bbox_inches="tight", facecolor="white")
    plt.close(fig)
    return path
