"""Internal consistency: Cronbach's alpha and alpha if item deleted."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


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
