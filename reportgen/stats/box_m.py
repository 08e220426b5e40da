"""Box's M test of equal covariance matrices across groups (Box, 1949), as SPSS reports it in a
mixed (split-plot) ANOVA: M, its F approximation and that F's p; the χ² approximation beside it.

With g groups of n_i cases, p variables, N = Σ n_i, S_i each group's covariance matrix (divisor
n_i − 1) and S the pooled one, Σ (n_i − 1) S_i / (N − g):

- M = (N − g) ln|S| − Σ (n_i − 1) ln|S_i|
- c₁ = (Σ 1/(n_i − 1) − 1/(N − g)) (2p² + 3p − 1) / (6 (p + 1)(g − 1)); df₁ = p (p + 1)(g − 1) / 2
- χ² = (1 − c₁) M on df₁
- c₂ = (Σ 1/(n_i − 1)² − 1/(N − g)²) (p − 1)(p + 2) / (6 (g − 1)); when c₂ > c₁²:
  df₂ = (df₁ + 2)/(c₂ − c₁²), F = M (1 − c₁ − df₁/df₂) / df₁; otherwise
  df₂ = (df₁ + 2)/(c₁² − c₂), b = df₂ / (1 − c₁ + 2/df₂), F = df₂ M / (df₁ (b − M)).

Written here because the SPSS F approximation is what thesis readers expect and pingouin's
``box_m`` gives the χ² one only; equal to a base-R transcription and to iris's published values
(M = 146.663, F = 7.045 in SPSS; χ² = 140.94 on 20 df in heplots' documentation):
tests/fixtures/paired/r_mixed.R.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats


@dataclass(frozen=True)
class BoxM:
    m: float
    f: float
    df1: float
    df2: float
    p: float  # of F
    chisq: float
    chisq_p: float


def box_m(groups: list[np.ndarray]) -> BoxM | None:
    """Box's M of the groups (each n_i × p); None when a group's covariance matrix is singular
    (fewer cases than variables, or a constant variable): M is not defined."""
    sizes = np.array([len(x) for x in groups], dtype=float)
    k, p, total = len(groups), groups[0].shape[1], float(sizes.sum())
    covariances = [np.cov(x, rowvar=False, ddof=1).reshape(p, p) for x in groups]
    logdets = [np.linalg.slogdet(c) for c in covariances]
    pooled = sum((n - 1) * c for n, c in zip(sizes, covariances)) / (total - k)
    sign, pooled_logdet = np.linalg.slogdet(pooled)
    if sign <= 0 or any(s <= 0 for s, _ in logdets):
        return None
    m = (total - k) * pooled_logdet - sum((n - 1) * logdet for n, (_, logdet) in zip(sizes, logdets))
    c1 = (np.sum(1 / (sizes - 1)) - 1 / (total - k)) * (2 * p**2 + 3 * p - 1) / (6 * (p + 1) * (k - 1))
    df1 = p * (p + 1) * (k - 1) / 2
    c2 = (np.sum(1 / (sizes - 1) ** 2) - 1 / (total - k) ** 2) * (p - 1) * (p + 2) / (6 * (k - 1))
    if c2 > c1**2:
        df2 = (df1 + 2) / (c2 - c1**2)
        f = m * (1 - c1 - df1 / df2) / df1
    else:
        df2 = (df1 + 2) / (c1**2 - c2)
        b = df2 / (1 - c1 + 2 / df2)
        f = df2 * m / (df1 * (b - m))
    chisq = (1 - c1) * m
    return BoxM(float(m), float(f), float(df1), float(df2), float(stats.f.sf(f, df1, df2)), float(chisq), float(stats.chi2.sf(chisq, df1)))
