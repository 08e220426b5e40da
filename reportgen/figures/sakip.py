"""Charts of a SAKIP report: predicate distribution, ranking, trends."""

from __future__ import annotations

from reportgen.figures.style import GREYS, localise, plt
from reportgen.words.locale import fmt

ORDER = ("AA", "A", "BB", "B", "CC", "C", "D")


def predicate_distribution(counts: dict[str, int], ylabel: str, lang: str):
    fig, ax = plt.subplots(figsize=(5.2, 2.8))
    values = [counts.get(p, 0) for p in ORDER]
    bars = ax.bar(ORDER, values, color="#7f7f7f", edgecolor="black", linewidth=0.6)
    for bar, v in zip(bars, values):
        if v:
            ax.text(bar.get_x() + bar.get_width() / 2, v, str(v), ha="center", va="bottom", fontsize=8)
    ax.set_ylabel(ylabel)
    ax.set_ylim(0, max(values) * 1.2 + 0.5)
    ax.spines[["top", "right"]].set_visible(False)
    localise(ax, lang, "y")
    return fig


def ranking(totals: list[tuple[str, float, str]], xlabel: str, lang: str):
    """``totals``: (unit, total, predicate), highest first."""
    fig, ax = plt.subplots(figsize=(6.3, 0.28 * len(totals) + 1.0))
    names = [t[0] for t in totals]
    values = [t[1] for t in totals]
    shade = {p: GREYS[min(i, len(GREYS) - 1)] for i, p in enumerate(ORDER)}
    ax.barh(names, values, color=[shade[t[2]] for t in totals], edgecolor="black", linewidth=0.4)
    for y, (v, p) in enumerate(zip(values, [t[2] for t in totals])):
        ax.text(v + 0.8, y, f"{fmt(v, 2, lang)}  {p}", va="center", fontsize=7)
    for boundary in (30, 50, 60, 70, 80, 90):
        ax.axvline(boundary, color="#999999", linewidth=0.5, linestyle=":")
    ax.set_xlim(0, 108)
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=7)
    ax.set_xlabel(xlabel)
    ax.spines[["top", "right"]].set_visible(False)
    localise(ax, lang, "x")
    return fig


def trends(series: dict[str, dict[int, float]], ylabel: str, mean_label: str, lang: str, overall: dict[int, float] | None = None):
    """One line per unit over the years; the government-wide mean in bold when given."""
    fig, ax = plt.subplots(figsize=(6.3, 3.6))
    years = sorted({y for s in series.values() for y in s})
    for unit, points in series.items():
        xs = [y for y in years if y in points]
        ax.plot(xs, [points[y] for y in xs], color="#9a9a9a", linewidth=0.8, marker="o", markersize=2.5)
    if overall:
        xs = sorted(overall)
        ax.plot(xs, [overall[y] for y in xs], color="black", linewidth=2.2, marker="o", markersize=4, label=mean_label)
        ax.legend(frameon=False, fontsize=8, loc="lower right")
    ax.set_xticks(years)
    ax.set_ylabel(ylabel)
    ax.set_ylim(max(0, min(min(s.values()) for s in series.values()) - 10), 100)
    ax.spines[["top", "right"]].set_visible(False)
    localise(ax, lang)
    return fig
