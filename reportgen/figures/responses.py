"""Stacked horizontal bars of the answer percentages of each item of a construct."""

from __future__ import annotations

import numpy as np

from reportgen.figures.style import GREYS, localise, plt
from reportgen.words.locale import fmt


def response_bars(items: list[str], shares: list[list[float]], labels: list[str], lang: str):
    """One bar per item (first item on top), one segment per scale point (``shares``: percent of
    each point per item, in the order of ``labels``, highest point first)."""
    shares = np.nan_to_num(np.array(shares, dtype=float))
    fig, ax = plt.subplots(figsize=(6.3, 0.42 * len(items) + 1.2))
    left = np.zeros(len(items))
    colours = GREYS[: len(labels)] if len(labels) <= len(GREYS) else plt.cm.Greys(np.linspace(0.9, 0.1, len(labels)))
    for j, label in enumerate(labels):
        ax.barh(items, shares[:, j], left=left, color=colours[j], edgecolor="white", linewidth=0.6, label=label)
        for y, (x0, w) in enumerate(zip(left, shares[:, j])):
            if w >= 8:
                ax.text(x0 + w / 2, y, fmt(w, 0, lang), ha="center", va="center", fontsize=7,
                        color="white" if j < 2 else "black")
        left += shares[:, j]
    ax.set_xlim(0, 100)
    ax.invert_yaxis()
    ax.set_xlabel("%")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(ncol=len(labels), loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False, fontsize=8)
    localise(ax, lang, "x")
    return fig
