"""Charts of a SAKIP report: predicate distribution, ranking, trends."""

from __future__ import annotations

import math

from reportgen.figures.pages import TREND_FRAME_IN, TREND_PANEL_IN, ranking_height, trend_columns
from reportgen.figures.style import GREYS, SMALL, localise, plt, print_width, text_size, wrap
from reportgen.words.locale import fmt, fmt_int

ORDER = ("AA", "A", "BB", "B", "CC", "C", "D")


def predicate_distribution(counts: dict[str, int], ylabel: str, lang: str, width: float = print_width(0.6)):
    """Units per predicate, ``width`` inches wide, each bar with its count (a predicate no unit
    has reads 0 above the axis, so it is not taken for a missing bar)."""
    fig, ax = plt.subplots(figsize=(width, 0.58 * width), layout="constrained")
    values = [counts.get(p, 0) for p in ORDER]
    bars = ax.bar(ORDER, values, color="#7f7f7f", edgecolor="black", linewidth=0.6)
    for bar, v in zip(bars, values):
        ax.text(bar.get_x() + bar.get_width() / 2, v, fmt_int(v, lang), ha="center", va="bottom", fontsize=SMALL)
    ax.set_ylabel(ylabel)
    ax.set_ylim(0, max(values) * 1.2 + 0.5)
    # the axis's default AutoLocator is a MaxNLocator, which takes integer; the stub's base Locator.set_params takes nothing
    ax.yaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]
    ax.spines[["top", "right"]].set_visible(False)
    localise(ax, lang, "y")
    return fig


def ranking(totals: list[tuple[str, float, str]], xlabel: str, lang: str, width: float = print_width(0.95), max_height: float | None = None):
    """``totals``: (unit, total, predicate), highest first; ``width`` inches wide, at most
    ``max_height`` tall (its page less the caption: the chapter gives each chart as many units
    as fit, :func:`reportgen.figures.pages.ranking_parts`). Unit names at the printed size of
    the labels beside the bars, wrapped to at most two fifths of the width."""
    probe = plt.figure()
    names = [wrap(probe, t[0], SMALL, 0.4 * width) for t in totals]
    plt.close(probe)
    lines = sum(n.count("\n") + 1 for n in names)
    height = ranking_height(lines, len(totals))
    fig, ax = plt.subplots(figsize=(width, min(height, max_height or height)), layout="constrained")
    values = [t[1] for t in totals]
    shade = {p: GREYS[min(i, len(GREYS) - 1)] for i, p in enumerate(ORDER)}
    ax.barh(range(len(totals)), values, color=[shade[t[2]] for t in totals], edgecolor="black", linewidth=0.4)
    ax.set_yticks(range(len(totals)), names)
    for y, (v, p) in enumerate(zip(values, [t[2] for t in totals])):
        ax.text(v + 0.8, y, f"{fmt(v, 2, lang)}  {p}", va="center", fontsize=SMALL)
    for boundary in (30, 50, 60, 70, 80, 90):
        ax.axvline(boundary, color="#999999", linewidth=0.5, linestyle=":")
    ax.set_xlim(0, 116)
    ax.set_xticks(range(0, 101, 20))
    ax.set_ylim(len(totals) - 0.5, -0.5)
    ax.tick_params(axis="y", labelsize=SMALL, length=0)
    ax.set_xlabel(xlabel)
    ax.spines[["top", "right"]].set_visible(False)
    localise(ax, lang, "x")
    return fig


def trends(
    series: dict[str, dict[int, float]],
    ylabel: str,
    mean_label: str,
    unit_label: str,
    lang: str,
    overall: dict[int, float] | None = None,
    width: float = print_width(0.9),
    max_height: float | None = None,
):
    """Small multiples: one panel per unit (in the order given, the ranking's), its total over the
    years in black, the mean of all units (``overall``) as a grey dashed reference line in every
    panel; the unit's name above its panel and one shared axis, so each line can be read by name.
    ``unit_label`` and ``mean_label`` (the language's labels) name the two lines in the legend.
    At most ``max_height`` inches tall: many units are shown in several charts
    (:func:`reportgen.figures.pages.trend_parts`), each fitting its page."""
    units = list(series)
    years = sorted({y for s in series.values() for y in s} | set(overall or {}))
    columns = trend_columns(len(units))
    rows = math.ceil(len(units) / columns)
    probe = plt.figure()
    panel = width / columns
    titles = [wrap(probe, unit, SMALL, 0.8 * panel - 0.1) for unit in units]
    title_lines = max(t.count("\n") + 1 for t in titles)
    title_h = text_size(probe, "\n".join(["Ag"] * title_lines), SMALL)[1]
    plt.close(probe)
    height = rows * (TREND_PANEL_IN + title_h) + TREND_FRAME_IN
    fig, axes = plt.subplots(
        rows, columns, figsize=(width, min(height, max_height or height)), sharex=True, sharey=True, squeeze=False, layout="constrained"
    )
    values = [v for s in series.values() for v in s.values()] + list((overall or {}).values())
    low = max(0, 25 * math.floor((min(values) - 2) / 25))  # a labelled tick (…, 25, 50, 75, 100) under the lowest point
    for k, ax in enumerate(axes.flat):
        if k >= len(units):
            ax.axis("off")
            continue
        points = series[units[k]]
        if overall:
            xs = sorted(overall)
            ax.plot(xs, [overall[y] for y in xs], color="#8a8a8a", linewidth=1.1, linestyle="--", label=mean_label)
        xs = [y for y in years if y in points]
        ax.plot(xs, [points[y] for y in xs], color="black", linewidth=1.4, marker="o", markersize=3, label=unit_label)
        ax.set_title(titles[k], fontsize=SMALL, loc="center", pad=3)
        ax.set_ylim(low, 100)
        ax.set_yticks(range(low, 101, 25))
        ax.set_xlim(years[0] - 0.35, years[-1] + 0.35)
        ax.set_xticks([years[0], years[-1]] if len(years) > 2 else years)
        ax.tick_params(labelsize=SMALL)
        if k + columns >= len(units):  # no panel below: the years under this one
            ax.xaxis.set_tick_params(labelbottom=True)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", color="#dddddd", linewidth=0.5)
        localise(ax, lang)  # years without a thousands separator (tick)
    fig.supylabel(ylabel, fontsize=10)
    handles, labels = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles[::-1], labels[::-1], loc="outside lower center", ncol=2, frameon=False, fontsize=SMALL)
    return fig
