"""Bootstrap resamples as counts, and the covariance matrices of many resamples at once."""

from __future__ import annotations

import numpy as np

from reportgen.errors import AnalysisError

MAX_REPLACEMENT_ROUNDS = 50  # a resample still unusable after this many further draws is a study's problem, not bad luck


def resample_counts(n: int, resamples: int, seed: int | None) -> np.ndarray:
    """(B, n) counts of each row in B resamples with replacement (``default_rng(seed)`` indices)."""
    return _draw(np.random.default_rng(seed), n, resamples)


def _draw(rng: np.random.Generator, n: int, resamples: int) -> np.ndarray:
    index = rng.integers(0, n, size=(resamples, n))
    counts = np.zeros((resamples, n))
    np.add.at(counts, (np.repeat(np.arange(resamples), n), index.ravel()), 1.0)
    return counts


def varying_resamples(x: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """(B,) True where every column of x (n, p) takes two values or more among the rows the resample holds."""
    present = counts > 0
    usable = np.ones(len(counts), dtype=bool)
    for column in x.T:
        low = np.where(present, column, np.inf).min(axis=1)
        high = np.where(present, column, -np.inf).max(axis=1)
        usable &= high > low
    return usable


def replacing_resample_counts(n: int, resamples: int, seed: int | None, regressors: np.ndarray, names: list[str]) -> tuple[np.ndarray, int]:
    """:func:`resample_counts`, a resample in which a column of ``regressors`` (n, p) is constant
    replaced by a further draw of the same stream, and how many were replaced.

    A category that no respondent of a resample has leaves its 0/1 column constant and the
    equation singular; PROCESS replaces such a bootstrap sample and reports how many it replaced
    (Hayes, 2018). Without such columns the counts equal :func:`resample_counts`'s.

    Raises
    ------
    AnalysisError
        ``MAX_REPLACEMENT_ROUNDS`` further draws still left a resample unusable: a category of
        ``names`` (the columns' names) too small to resample.
    """
    rng = np.random.default_rng(seed)
    counts = _draw(rng, n, resamples)
    bad = np.flatnonzero(~varying_resamples(regressors, counts))
    replaced = 0
    for _ in range(MAX_REPLACEMENT_ROUNDS):
        if not len(bad):
            return counts, replaced
        replaced += len(bad)
        counts[bad] = _draw(rng, n, len(bad))
        bad = bad[~varying_resamples(regressors, counts[bad])]
    if not len(bad):
        return counts, replaced
    constant = [name for name, column in zip(names, regressors.T) if not varying_resamples(column[:, None], counts[bad]).all()]
    raise AnalysisError.coded("analysis.resample_constant", names=", ".join(constant), rounds=MAX_REPLACEMENT_ROUNDS)


def covariances_from_counts(x: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Covariance matrices (divisor k - 1) of resamples given as counts (B, n) of the rows of x (n, p),
    k the resample's size (the sum of its counts): n for a bootstrap resample, the group's size for
    the 0/1 counts of a group of respondents.

    Blank cells (NaN) are replaced by the item mean *of each resample*. Writing an imputed value
    as ``o x + (1 - o) m`` (o = 1 when observed, m the resample mean) turns the resample's sums
    of products into three matrix products over the rows, so no resample is ever built:
    ``S = K(ox ⊗ ox) + m_l K(ox ⊗ (1-o)) + m_j K((1-o) ⊗ ox) + m_j m_l K((1-o) ⊗ (1-o))``.
    """
    n, p = x.shape
    observed = ~np.isnan(x)
    centred = np.where(observed, x - np.nanmean(x, axis=0), 0.0)  # a shift keeps covariances, and precision

    def gram(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return (counts @ (a[:, :, None] * b[:, None, :]).reshape(n, p * p)).reshape(-1, p, p)

    mean = (counts @ centred) / (counts @ observed)
    second = gram(centred, centred)
    if not observed.all():
        blank = (~observed).astype(float)
        cross = gram(centred, blank)
        second = (
            second + cross * mean[:, None, :] + np.swapaxes(cross, 1, 2) * mean[:, :, None] + gram(blank, blank) * mean[:, :, None] * mean[:, None, :]
        )
    size = counts.sum(axis=1)[:, None, None]  # n for a bootstrap resample, the group's size for a group's rows (counts 0/1)
    return (second - size * mean[:, :, None] * mean[:, None, :]) / (size - 1)


def correlations_from_counts(x: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Correlation matrices of the resamples (see :func:`covariances_from_counts`)."""
    cov = covariances_from_counts(x, counts)
    sd = np.sqrt(np.einsum("bii->bi", cov))
    sd = np.where(sd == 0, 1.0, sd)
    return cov / sd[:, :, None] / sd[:, None, :]
