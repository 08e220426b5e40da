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
    from scipy.optimize import least_squares

    items = np.asarray(items, dtype=float)
    k = items.shape[1]
    if k < 3 or (items.std(axis=0) == 0).any():
        return None
    r = np.corrcoef(items, rowvar=False)
    upper = np.triu_indices(k, 1)
    values, vectors = np.linalg.eigh(r)
    start = vectors[:, -1] * np.sqrt(values[-1])
    start = start if start.sum() >= 0 else -start
    fit = least_squares(lambda l: r[upper] - np.outer(l, l)[upper], start, xtol=1e-15, ftol=1e-15, gtol=1e-15)
    loadings = fit.x if fit.x.sum() >= 0 else -fit.x
    return float(1 - (1 - loadings ** 2).sum() / r.sum())


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
