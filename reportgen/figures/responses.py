"""Stacked horizontal bars of the answer percentages of each item of a construct."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from reportgen.figures.style import GREYS, plt, save


def response_bars(construct, points: list[int], labels: list[str], path: Path) -> Path:
    """One bar per item (first item on top), one segment per scale point, highest point first."""
    items = list(construct.items.values())
    names = [i.name for i in items]
    shares = np.array([[i.distribution.percents[i.distribution.points.index(p)] for p in points] for i in items])
    shares = np.nan_to_num(shares)
    fig, ax = plt.subplots(figsize=(6.3, 0.42 * len(items) + 1.2))
    left = np.zeros(len(items))
    colours = GREYS[: len(points)] if len(points) <= len(GREYS) else plt.cm.Greys(np.linspace(0.9, 0.1, len(points)))
    for j, label in enumerate(labels):
        ax.barh(names, shares[:, j], left=left, color=colours[j], edgecolor="white", linewidth=0.6, label=label)
        for y, (x0, w) in enumerate(zip(left, shares[:, j])):
            if w >= 8:
                ax.text(x0 + w / 2, y, f"{w:.0f}", ha="center", va="center", fontsize=7,
                        color="white" if j < 2 else "black")
        left += shares[:, j]
    ax.set_xlim(0, 100)
    ax.invert_yaxis()
    ax.set_xlabel("%")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(ncol=len(labels), loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False, fontsize=8)
    return save(fig, path)
