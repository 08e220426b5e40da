"""Simple slopes of a moderated regression: predicted Y over X at low, mean and high Z."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from reportgen.figures.style import plt, save


def simple_slopes(moderation, x: np.ndarray, labels: dict[str, str], xlabel: str, ylabel: str, path: Path) -> Path:
    full = moderation.full
    names = full.predictors
    b0 = full.coefficients["const"].b
    b1, b2, b3 = (full.coefficients[n].b for n in names)
    xs = np.linspace(x.min(), x.max(), 50)
    fig, ax = plt.subplots(figsize=(5.2, 3.6))
    for slope, style in zip(moderation.slopes, ("--", "-", "-.")):
        ax.plot(xs, b0 + b1 * xs + b2 * slope.z + b3 * xs * slope.z, linestyle=style, color="black", linewidth=1.2, label=labels[slope.level])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(frameon=False, fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return save(fig, path)
