"""Pearson correlations between construct scores, with two-sided p (R ``cor.test``)."""

from __future__ import annotations

import numpy as np
from scipy import stats


def correlation_matrix(scores: dict[str, np.ndarray]) -> dict[str, dict[str, tuple[float | None, float | None]]]:
    """{A: {B: (r, p)}} for every pair; (1, 0) on the diagonal; None where a score is constant."""
    names = list(scores)
    out: dict[str, dict[str, tuple[float | None, float | None]]] = {a: {} for a in names}
    for i, a in enumerate(names):
        for b in names[i:]:
            if a == b:
                out[a][b] = (1.0, 0.0)
                continue
            x, y = scores[a], scores[b]
            if np.ptp(x) == 0 or np.ptp(y) == 0:
                out[a][b] = out[b][a] = (None, None)
                continue
            res = stats.pearsonr(x, y)
            out[a][b] = out[b][a] = (float(res.statistic), float(res.pvalue))
    return out
