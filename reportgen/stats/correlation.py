"""Pearson correlations between construct scores, with two-sided p (R ``cor.test``)."""

from __future__ import annotations

import numpy as np

from reportgen.stats.pearson import pearson


def correlation_matrix(scores: dict[str, np.ndarray]) -> dict[str, dict[str, tuple[float | None, float | None]]]:
    """{A: {B: (r, p)}} for every pair; (1, 0) on the diagonal; None where a score is constant.
    A blank score (a construct outside the model, under listwise deletion) leaves out only the
    pairs it is in (pairwise deletion, R ``cor.test`` on the complete pairs)."""
    names = list(scores)
    out: dict[str, dict[str, tuple[float | None, float | None]]] = {a: {} for a in names}
    for i, a in enumerate(names):
        for b in names[i:]:
            if a == b:
                out[a][b] = (1.0, 0.0)
                continue
            x, y = scores[a], scores[b]
            both = ~(np.isnan(x) | np.isnan(y))
            out[a][b] = out[b][a] = pearson(x[both], y[both])
    return out
