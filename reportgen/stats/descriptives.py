"""Per-item answer distributions, the three-box index (Ferdinand, 2014), and the summary of a
continuous indicator."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats


@dataclass(frozen=True)
class ItemDistribution:
    """Counts and percentages per scale point, mean and SD of one item."""

    points: tuple[int, ...]
    counts: tuple[int, ...]
    percents: tuple[float, ...]
    n: int
    mean: float
    sd: float

    def count_of(self, point: int) -> int:
        return self.counts[self.points.index(point)]


def item_distribution(answers: np.ndarray, points: list[int]) -> ItemDistribution:
    """Distribution of one item's observed answers (blanks ignored).

    ``mean`` and ``sd`` (n - 1 denominator) match SPSS DESCRIPTIVES and R ``mean``/``sd``.
    """
    observed = answers[~np.isnan(answers)]
    n = int(observed.size)
    counts = tuple(int(np.count_nonzero(observed == p)) for p in points)
    percents = tuple(100.0 * c / n if n else float("nan") for c in counts)
    mean = float(observed.mean()) if n else float("nan")
    sd = float(observed.std(ddof=1)) if n > 1 else float("nan")
    return ItemDistribution(tuple(points), counts, percents, n, mean, sd)


@dataclass(frozen=True)
class ItemSummary:
    """N, minimum, median, maximum, mean and SD of one indicator's observed values: what a
    continuous indicator reports instead of an answer table."""

    n: int
    minimum: float
    median: float
    maximum: float
    mean: float
    sd: float


def item_summary(values: np.ndarray) -> ItemSummary:
    """Summary of one indicator's observed values (blanks ignored). ``median`` is R's
    ``median`` (the mean of the two middle values for even n), ``sd`` has the n − 1 denominator
    (R ``sd``, SPSS DESCRIPTIVES)."""
    observed = values[~np.isnan(values)]
    n = int(observed.size)
    if n == 0:
        return ItemSummary(0, *(float("nan"),) * 5)
    sd = float(observed.std(ddof=1)) if n > 1 else float("nan")
    return ItemSummary(n, float(observed.min()), float(np.median(observed)), float(observed.max()), float(observed.mean()), sd)


@dataclass(frozen=True)
class IndexRange:
    """The attainable range of the three-box index for n respondents."""

    low: float
    high: float


def three_box_index(dist: ItemDistribution, basis: str = "count") -> float:
    """Three-box index of an item (Ferdinand, 2014, as printed in the reference thesis).

    ``index = sum(k * F_k) / max`` with F_k the count of answers k (basis ``count``, range
    n*min/max … n) or the percentage of answers k (basis ``percent``, range 100*min/max … 100).
    Thesis check, X1.1 with 28 × 4 and 52 × 5 among 80: (112 + 260) / 5 = 74.4.
    """
    weights = np.array(dist.points, dtype=float)
    values = np.array(dist.counts, dtype=float) if basis == "count" else np.array(dist.percents, dtype=float)
    return float((weights * values).sum() / max(dist.points))


def three_box_range(n: int, scale_min: int, scale_max: int, basis: str = "count") -> IndexRange:
    """Range of the index: all answers at ``scale_min`` … all at ``scale_max`` (n=80, 1–5: 16 … 80)."""
    total = float(n) if basis == "count" else 100.0
    return IndexRange(low=total * scale_min / scale_max, high=total)


def performance_interval(answers: np.ndarray, low: float, high: float, level: float = 0.95) -> tuple[float, float] | None:
    """The confidence interval of a construct's performance, its mean answer rescaled to 0–100
    as the importance–performance reading takes it: each respondent's mean answer over the items
    they answered, p = 100 (m − low) / (high − low), and mean(p) ± t(1 − (1 − level)/2; n − 1)
    SD(p) / √n, the t interval of a mean (Field, 2018; R's ``t.test(p)$conf.int``). None with
    fewer than two respondents."""
    answered = ~np.isnan(answers).all(axis=1)
    if answered.sum() < 2 or high <= low:
        return None
    rescaled = 100 * (np.nanmean(answers[answered], axis=1) - low) / (high - low)
    n = len(rescaled)
    half = stats.t.ppf(1 - (1 - level) / 2, n - 1) * np.std(rescaled, ddof=1) / np.sqrt(n)
    return float(rescaled.mean() - half), float(rescaled.mean() + half)
