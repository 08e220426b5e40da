"""Three-box method categories (Ferdinand, 2014).

Citation: Ferdinand, A. (2014). *Metode Penelitian Manajemen* (5th ed.). Semarang: BP UNDIP.
The attainable index range is split into equal bands: 3 classes (rendah / sedang / tinggi) or
5 classes (adding sangat rendah / sangat tinggi). Reference thesis: 16–80 in bands of 21,3.
"""

from __future__ import annotations

import math

import numpy as np

from reportgen.stats.descriptives import IndexRange, ItemDistribution, three_box_range

CITATION = "Ferdinand, 2014"
CATEGORIES = {
    3: ("low", "medium", "high"),
    5: ("very_low", "low", "medium", "high", "very_high"),
}


def bands(index_range: IndexRange, classes: int) -> list[tuple[float, float, str]]:
    """(lower, upper, category) for each band, lowest first."""
    width = (index_range.high - index_range.low) / classes
    names = CATEGORIES[classes]
    return [(index_range.low + i * width, index_range.low + (i + 1) * width, names[i]) for i in range(classes)]


def interval(low: float, high: float, last: bool, low_text: str, high_text: str, symbol: str) -> str:
    """A band as the interval :func:`category` uses: ``16,00 ≤ indeks < 37,33``, the last band
    closed above (``58,67 ≤ indeks ≤ 80,00``), so that no value belongs to two bands."""
    return f"{low_text} ≤ {symbol} {'≤' if last else '<'} {high_text}"


def category(value: float | None, index_range: IndexRange, classes: int) -> str | None:
    """The band ``value`` falls in; a value on a boundary belongs to the upper band."""
    if value is None or math.isnan(value):
        return None
    width = (index_range.high - index_range.low) / classes
    position = int(math.floor((value - index_range.low) / width + 1e-9))
    return CATEGORIES[classes][min(max(position, 0), classes - 1)]


def own_range(dist: ItemDistribution, study_range: IndexRange, scale, basis: str) -> IndexRange:
    """The index range an item is placed in: with counts (``basis: count``), that of the
    respondents who answered it (an item some left blank sums fewer answers: 343 of 344 reach
    at most 343); with percentages, the study's."""
    return three_box_range(dist.n, scale.min, scale.max, basis) if basis == "count" and dist.n > 0 else study_range


def mean_position(items, study_range: IndexRange, scale, basis: str) -> float:
    """A construct's mean index placed in the study's range: each item's position within its own
    range (:func:`own_range`), averaged, on the study's range; ``items``: (distribution, index)
    pairs. The mean index itself when every item has every answer."""
    positions = []
    for dist, index in items:
        rng = own_range(dist, study_range, scale, basis)
        positions.append((index - rng.low) / (rng.high - rng.low))
    return study_range.low + float(np.mean(positions)) * (study_range.high - study_range.low)
