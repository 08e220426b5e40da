"""What the residual figures of a regression show, as numbers: the normal P-P plot, the
histogram of the standardized residuals and the ZPRED × SRESID scatterplot (SPSS REGRESSION
/RESIDUALS HISTOGRAM(ZRESID) NORMPROB(ZRESID) /SCATTERPLOT=(*SRESID, *ZPRED)).

The chapter describes each figure by these numbers; the decisions (normal, homoscedastic) stay
with the tests in :mod:`reportgen.interpret.assumptions`.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from reportgen.stats.assumptions import normal_pp_points
from reportgen.stats.regression import RegressionResult, residual_diagnostics


@dataclass(frozen=True)
class ThirdSpread:
    """The spread of SRESID along the fitted values (:func:`spread_by_thirds`)."""

    sd: tuple[float | None, float | None, float | None]  # lowest, middle, highest third of ZPRED
    n: tuple[int, int, int]
    ratio: float | None  # largest SD / smallest SD; None when an SD is undefined or zero
    bounds: tuple[float, ...]  # ZPRED midway between neighbouring thirds (two, fewer when a third is empty)


@dataclass(frozen=True)
class ResidualPlots:
    """The points of the three residual figures and the numbers that describe them."""

    zresid: np.ndarray
    sresid: np.ndarray
    zpred: np.ndarray
    pp_observed: np.ndarray
    pp_expected: np.ndarray
    pp_distance: float  # largest vertical distance of a P-P point from the diagonal (:func:`pp_distance`)
    skewness: float | None  # of ZRESID, SPSS "Skewness" (:func:`skewness`)
    excess_kurtosis: float | None  # of ZRESID, SPSS "Kurtosis" (:func:`excess_kurtosis`)
    spread: ThirdSpread  # SD of SRESID in each third of ZPRED (:func:`spread_by_thirds`)


def pp_distance(observed: np.ndarray, expected: np.ndarray) -> float:
    """The largest vertical distance of the normal P-P points from the diagonal,
    ``max_i |Phi(z_(i)) - (i - 1/2) / n|`` (points of :func:`normal_pp_points`).

    This is the Kolmogorov–Smirnov (Lilliefors) distance between the empirical distribution of
    the standardized residuals and the normal one, read at the plotting positions: D takes the
    largest of ``i/n - Phi(z_(i))`` and ``Phi(z_(i)) - (i - 1)/n``, the two edges of each step of
    the empirical CDF, and the plotted point sits in the middle of its step, so
    ``D = pp_distance + 1 / (2n)`` exactly (statsmodels ``lilliefors(e)[0]``, R
    ``nortest::lillie.test(e)$statistic``; tests/stats/test_residual_plots.py).
    """
    return float(np.max(np.abs(np.asarray(expected, dtype=float) - np.asarray(observed, dtype=float))))


def _moments(x: np.ndarray) -> tuple[int, float, float, float]:
    x = np.asarray(x, dtype=float)
    centred = x - x.mean()
    return x.size, float(np.mean(centred**2)), float(np.mean(centred**3)), float(np.mean(centred**4))


def skewness(x: np.ndarray) -> float | None:
    """Sample skewness as SPSS prints it (adjusted Fisher–Pearson, "G1"):
    ``G1 = sqrt(n (n - 1)) / (n - 2) · m3 / m2^(3/2)`` with the central moments
    ``m_k = mean((x - mean(x))^k)``. SciPy ``stats.skew(x, bias=False)``; R
    ``e1071::skewness(x, type = 2)`` (Joanes & Gill, 1998). 0 for a normal distribution;
    None below 3 values or without spread."""
    n, m2, m3, _ = _moments(x)
    if n < 3 or m2 <= 0:
        return None
    return float(np.sqrt(n * (n - 1)) / (n - 2) * m3 / m2**1.5)


def excess_kurtosis(x: np.ndarray) -> float | None:
    """Sample excess kurtosis as SPSS prints it ("G2"):
    ``G2 = (n - 1) / ((n - 2)(n - 3)) · ((n + 1) g2 + 6)`` with ``g2 = m4 / m2^2 - 3``.
    SciPy ``stats.kurtosis(x, fisher=True, bias=False)``; R ``e1071::kurtosis(x, type = 2)``
    (Joanes & Gill, 1998). 0 for a normal distribution; None below 4 values or without spread."""
    n, m2, _, m4 = _moments(x)
    if n < 4 or m2 <= 0:
        return None
    g2 = m4 / m2**2 - 3
    return float((n - 1) / ((n - 2) * (n - 3)) * ((n + 1) * g2 + 6))


def thirds(values: np.ndarray) -> np.ndarray:
    """The third (0 lowest, 1 middle, 2 highest) each value falls in: ``floor(3 (r - 1/2) / n)``
    with r its average rank (1 … n), so the groups are as equal as the values allow (n = 80:
    27, 26, 27) and equal values always share a group."""
    v = np.asarray(values, dtype=float)
    n = v.size
    order = np.argsort(v, kind="stable")
    ranks = np.empty(n)
    ranks[order] = np.arange(1, n + 1)
    _, inverse = np.unique(v, return_inverse=True)
    average = np.bincount(inverse, weights=ranks) / np.bincount(inverse)  # average rank of tied values
    return np.minimum(np.floor(3 * (average[inverse] - 0.5) / n), 2).astype(int)


def spread_by_thirds(zpred: np.ndarray, sresid: np.ndarray) -> ThirdSpread:
    """The standard deviation (n - 1) of SRESID among the lowest, middle and highest third of
    the standardized predicted values (:func:`thirds`), and the ratio of the largest to the
    smallest. It describes what the ZPRED × SRESID scatterplot shows: a band that widens or
    narrows along the fitted values gives unequal SDs (the idea of the Goldfeld–Quandt (1965)
    comparison of residual variance in the low and high groups, here only described, not
    tested). An SD of a third with fewer than 2 values is None. ``bounds`` are the ZPRED values
    midway between the highest of one third and the lowest of the next, for the figure."""
    group = thirds(zpred)
    s = np.asarray(sresid, dtype=float)
    sds: list[float | None] = []
    sizes: list[int] = []
    for g in range(3):
        part = s[group == g]
        sizes.append(int(part.size))
        sds.append(float(part.std(ddof=1)) if part.size >= 2 else None)
    defined = [v for v in sds if v is not None]
    ratio = max(defined) / min(defined) if len(defined) == 3 and min(defined) > 0 else None
    z = np.asarray(zpred, dtype=float)
    present = [g for g in range(3) if sizes[g]]
    bounds = tuple(float((z[group == lo].max() + z[group == hi].min()) / 2) for lo, hi in pairwise(present))
    return ThirdSpread(sd=(sds[0], sds[1], sds[2]), n=(sizes[0], sizes[1], sizes[2]), ratio=ratio, bounds=bounds)


def residual_plots(fit: RegressionResult) -> ResidualPlots:
    """The residual figures of ``fit`` (:func:`residual_diagnostics`, :func:`normal_pp_points`)
    with the numbers that describe them."""
    zresid, sresid, zpred = residual_diagnostics(fit)
    observed, expected = normal_pp_points(zresid)
    return ResidualPlots(
        zresid=zresid,
        sresid=sresid,
        zpred=zpred,
        pp_observed=observed,
        pp_expected=expected,
        pp_distance=pp_distance(observed, expected),
        skewness=skewness(zresid),
        excess_kurtosis=excess_kurtosis(zresid),
        spread=spread_by_thirds(zpred, sresid),
    )
