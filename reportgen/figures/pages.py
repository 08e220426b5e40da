"""How tall the SAKIP ranking and trend charts are, and how many units each may hold so that a
chart and its caption fit one page (reportgen.render.flow never splits a figure: one taller than
a page is cut off, as the first province-sized report's were after about 25 units).

No matplotlib here: the chapter decides its figures before any is drawn. The heights are the
ones :func:`reportgen.figures.sakip.ranking` and :func:`~reportgen.figures.sakip.trends` give
their figures; the names' lines are estimated with the chapter's font
(:mod:`reportgen.render.measure`), which the charts use too, with a margin, and each chart is
also given its page's height as a limit it never exceeds.
"""

from __future__ import annotations

import math

SMALL_PT = 9.0  # reportgen.figures.style.SMALL: the unit names beside the bars and above the panels
RANKING_LINE_IN, RANKING_BAR_IN, RANKING_FRAME_IN = 0.16, 0.1, 0.7  # per line of a name, per bar, axis and margins
RANKING_MOST = 40  # bars in one ranking chart at most, however short the names
TREND_PANEL_IN, TREND_TITLE_LINE_IN, TREND_FRAME_IN = 0.95, 0.155, 0.75  # a panel, a line of its title, axis label and legend
TREND_MOST = 30  # panels in one trend chart at most (6 rows of 5)
MEASURE_MARGIN = 1.08  # a name measured this much wider than its advance widths: matplotlib's wrap may break earlier


def name_lines(name: str, width_in: float) -> int:
    """Lines of ``name`` at the charts' small size wrapped to ``width_in`` inches."""
    from reportgen.typeset import lines_of

    return lines_of(name, width_in * 72, SMALL_PT, slack=MEASURE_MARGIN)


def ranking_height(lines: int, bars: int) -> float:
    """The height in inches of a ranking chart of ``bars`` units whose names take ``lines`` lines."""
    return RANKING_LINE_IN * lines + RANKING_BAR_IN * bars + RANKING_FRAME_IN


def ranking_parts(names: list[str], width_in: float, budget_in: float, most: int = RANKING_MOST) -> list[tuple[int, int]]:
    """(start, end) of the units of each ranking chart, in rank order: as many as fit
    ``budget_in`` inches (and ``most``), the charts then evened out (30 + 30 + 29 rather than 40 + 40 + 9)."""
    lines = [name_lines(n, 0.4 * width_in) for n in names]  # names wrap at two fifths of the width
    greedy, start = [], 0
    while start < len(names):
        end = start + 1
        while end < len(names) and end - start < most and ranking_height(sum(lines[start : end + 1]), end + 1 - start) <= budget_in:
            end += 1
        greedy.append((start, end))
        start = end
    return _even(greedy, lambda a, b: ranking_height(sum(lines[a:b]), b - a) <= budget_in and b - a <= most)


def trend_columns(panels: int) -> int:
    return min(panels, 4 if panels <= 16 else 5)


def trend_height(panels: int, title_lines: int) -> float:
    rows = math.ceil(panels / trend_columns(panels))
    return rows * (TREND_PANEL_IN + TREND_TITLE_LINE_IN * title_lines) + TREND_FRAME_IN


def trend_parts(names: list[str], width_in: float, budget_in: float, most: int = TREND_MOST) -> list[tuple[int, int]]:
    """(start, end) of the units of each trend chart (small multiples): whole rows of panels, as
    many as fit ``budget_in`` inches with their titles (and ``most``)."""

    def fits(a: int, b: int) -> bool:
        panel = width_in / trend_columns(b - a)
        title = max(name_lines(n, 0.8 * panel - 0.1) for n in names[a:b])
        return b - a <= most and trend_height(b - a, title) <= budget_in

    greedy, start = [], 0
    while start < len(names):
        end = start + 1
        while end < len(names) and fits(start, end + 1):
            end += 1
        greedy.append((start, end))
        start = end
    return _even(greedy, fits)


def _even(parts: list[tuple[int, int]], fits) -> list[tuple[int, int]]:
    """As few parts as ``parts`` (or one more), their sizes as equal as ``fits`` allows: the last
    chart is no stub. ``parts`` itself when no even split fits."""
    if len(parts) < 2:
        return parts
    total = parts[-1][1]
    for count in (len(parts), len(parts) + 1):
        bounds = [round(k * total / count) for k in range(count + 1)]
        even = list(zip(bounds, bounds[1:]))
        if all(b > a and fits(a, b) for a, b in even):
            return even
    return parts
