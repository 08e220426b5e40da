"""Stacked horizontal bars of the answer percentages of each item of a construct."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.colors import to_rgb

from reportgen.figures.style import GREYS, SMALL, localise, plt, print_width
from reportgen.words.locale import fmt


def bar_label(share: float, lang: str) -> str:
    """The number written on a segment: the share as the answer table prints it (one decimal,
    half-up, :func:`reportgen.words.locale.fmt_pct` without the sign), so 32,5 in the table is
    32,5 on the bar. (Rounded to whole numbers with Python's ``f"{w:.0f}"`` the bars once read
    32 for 32,5 but 58 for 57,5: that rounds halves to the even neighbour.)"""
    return fmt(share, 1, lang)


def response_bars(items: list[str], shares: list[list[float]], labels: list[str], lang: str, width: float = print_width(0.85)):
    """One bar per item (first item on top), one segment per scale point (``shares``: percent of
    each point per item, in the order of ``labels``, highest point first), drawn ``width`` inches
    wide. A segment carries its percentage (:func:`bar_label`) where the number fits inside it."""
    table = np.nan_to_num(np.array(shares, dtype=float))
    fig, ax = plt.subplots(figsize=(width, 0.34 * len(items) + 1.1), layout="constrained")
    left = np.zeros(len(items))
    colours = GREYS[: len(labels)] if len(labels) <= len(GREYS) else plt.cm.Greys(np.linspace(0.9, 0.1, len(labels)))
    written = []
    for j, label in enumerate(labels):
        ax.barh(items, table[:, j], left=left, color=colours[j], edgecolor="white", linewidth=0.6, label=label)
        dark = sum(to_rgb(colours[j])) / 3 < 0.45
        for y, (x0, w) in enumerate(zip(left, table[:, j])):
            if w > 0:
                text = ax.text(x0 + w / 2, y, bar_label(w, lang), ha="center", va="center", fontsize=SMALL, color="white" if dark else "black")
                written.append((text, x0, w))
        left += table[:, j]
    ax.set_xlim(0, 100)
    ax.invert_yaxis()
    ax.set_xlabel("%")
    ax.spines[["top", "right"]].set_visible(False)
    localise(ax, lang, "x")
    columns = len(labels)
    legend = ax.legend(
        ncol=columns, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False, fontsize=SMALL, handlelength=1.2, columnspacing=1.0
    )
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # Agg's canvas (figures.style); not in FigureCanvasBase's stub
    fig.draw_without_rendering()  # the layout, to measure the legend and the labels (nothing rasterised)
    while columns > 1 and legend.get_window_extent(renderer).width > fig.bbox.width:
        columns = math.ceil(columns / 2)  # the legend in two (or more) rows rather than wider than the figure
        legend = ax.legend(
            ncol=columns, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False, fontsize=SMALL, handlelength=1.2, columnspacing=1.0
        )
        fig.draw_without_rendering()
    for text, x0, w in written:
        inside = ax.transData.transform([(x0, 0), (x0 + w, 0)])
        if text.get_window_extent(renderer).width + 0.04 * fig.dpi > inside[1, 0] - inside[0, 0]:
            text.remove()  # too narrow for its number: the table gives it
    return fig
