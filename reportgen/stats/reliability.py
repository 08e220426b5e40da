"""Internal consistency: Cronbach's alpha and alpha if item deleted."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def omega_total(items: np.ndarray) -> float | None:
    """McDonald's omega total of a one-factor model of the items (McDonald, 1999).

    The loadings l are the minimum-residual (minres / ULS) solution, minimising the squared
    off-diagonal residuals ``sum_{i<j} (r_ij - l_i l_j)^2`` of the correlation matrix R;
    ``omega = 1 - sum(1 - l_i^2) / sum(R)``. This equals R ``psych::omega(x, nfactors = 1)$omega.tot``
    (psych's default three-factor Schmid–Leiman solution is a different statistic).
    Undefined (None) for fewer than three items or an item without variance.
    """
    items = np.asarray(items, dtype=float)
    k = items.shape[1]
    if k < 3 or (items.std(axis=0) == 0).any():
        return None
    r = np.corrcoef(items, rowvar=False)
    loadings = _minres_one_factor(r)
    return float(1 - (1 - loadings ** 2).sum() / r.sum())


def _minres_one_factor(r: np.ndarray) -> np.ndarray:
    """One-factor loadings minimising the off-diagonal residuals of R (minres = ULS).

    Iterated principal axes: put the communalities l² on the diagonal, take the first
    eigenvector scaled by the square root of its eigenvalue, repeat until the loadings move
    less than 1e-13 — a fixed point of the iteration is a stationary point of the minres loss.
    """
    reduced = r.copy()
    values, vectors = np.linalg.eigh(reduced)
    loadings = vectors[:, -1] * np.sqrt(values[-1])
    for _ in range(10000):
        np.fill_diagonal(reduced, loadings ** 2)
        values, vectors = np.linalg.eigh(reduced)
        new = vectors[:, -1] * np.sqrt(max(values[-1], 0.0))
        new = new if new @ loadings >= 0 else -new
        if np.abs(new - loadings).max() < 1e-13:
            loadings = new
            break
        loadings = new
    return loadings if loadings.sum() >= 0 else -loadings


@dataclass(frozen=True)
class Reliability:
    alpha: float | None
    alpha_if_deleted: tuple[float | None, ...]


def cronbach_alpha(items: np.ndarray) -> float | None:
    """Cronbach's alpha of an n × k item matrix.

    ``alpha = k / (k - 1) * (1 - sum(var_i) / var(total))`` (Cronbach, 1951), sample variances.
    Matches R ``psych::alpha(x)$total$raw_alpha`` and SPSS RELIABILITY. Undefined (None) for a
    single item or a total without variance.
    """
    items = np.asarray(items, dtype=float)
    k = items.shape[1]
    if k < 2:
        return None
    total_var = items.sum(axis=1).var(ddof=1)
    if not np.isfinite(total_var) or total_var == 0:
        return None
    return float(k / (k - 1) * (1 - items.var(axis=0, ddof=1).sum() / total_var))


def reliability(items: np.ndarray) -> Reliability:
    """Alpha and, for each item, alpha of the remaining items.

    ``alpha_if_deleted`` matches R ``psych::alpha(x)$alpha.drop$raw_alpha`` and the
    "Cronbach's Alpha if Item Deleted" column of SPSS RELIABILITY /SUMMARY=TOTAL.
    """
    items = np.asarray(items, dtype=float)
    k = items.shape[1]
    dropped = tuple(cronbach_alpha(np.delete(items, j, axis=1)) if k > 2 else None for j in range(k))
    return Reliability(alpha=cronbach_alpha(items), alpha_if_deleted=dropped)
