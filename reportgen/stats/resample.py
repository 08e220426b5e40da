"""Bootstrap resamples as counts, and the covariance matrices of many resamples at once."""

from __future__ import annotations

import numpy as np


def resample_counts(n: int, resamples: int, seed: int | None) -> np.ndarray:
    """(B, n) counts of each row in B resamples with replacement (``default_rng(seed)`` indices)."""
    index = np.random.default_rng(seed).integers(0, n, size=(resamples, n))
    counts = np.zeros((resamples, n))
    np.add.at(counts, (np.repeat(np.arange(resamples), n), index.ravel()), 1.0)
    return counts


def covariances_from_counts(x: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Covariance matrices (n - 1) of resamples given as counts (B, n) of the rows of x (n, p).

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
    return (second - n * mean[:, :, None] * mean[:, None, :]) / (n - 1)


def correlations_from_counts(x: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Correlation matrices of the resamples (see :func:`covariances_from_counts`)."""
    cov = covariances_from_counts(x, counts)
    sd = np.sqrt(np.einsum("bii->bi", cov))
    sd = np.where(sd == 0, 1.0, sd)
    return cov / sd[:, :, None] / sd[:, None, :]
