"""Common method variance: Harman's single-factor test (Podsakoff, MacKenzie, Lee & Podsakoff,
2003), and for PLS-SEM Kock's (2015) full collinearity test.

Harman: when every item comes from one questionnaire answered by one respondent, a single factor
that accounts for most of the items' variance suggests the method, not the constructs, drives
their correlations.

The share is that of the first unrotated principal component of the items' correlation matrix,
its largest eigenvalue divided by the number of items — R ``eigen(cor(X))$values[1] / ncol(X)``,
the "proportion of variance" of ``psych::principal(X, nfactors = 1, rotate = "none")``. Items
without variance are left out (their correlations are undefined).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Harman:
    share: float  # of the items' total variance, 0–1
    items: int


def harman_single_factor(items: np.ndarray) -> Harman | None:
    """The first component's share of variance of ``items`` (respondents × items, complete rows);
    None with fewer than two items that vary."""
    items = np.asarray(items, dtype=float)
    items = items[~np.isnan(items).any(axis=1)]
    varying = items[:, np.ptp(items, axis=0) > 0]
    if varying.shape[1] < 2 or varying.shape[0] < 3:
        return None
    eigenvalues = np.linalg.eigvalsh(np.corrcoef(varying, rowvar=False))
    return Harman(float(eigenvalues[-1] / varying.shape[1]), int(varying.shape[1]))


@dataclass(frozen=True)
class FullCollinearity:
    """Kock's (2015) full collinearity test: each construct's VIF on all the model's other
    constructs (not only its predecessors); a VIF above 3.3 signals pathological collinearity,
    which a common method can produce."""

    vifs: dict[str, float]

    @property
    def highest(self) -> tuple[str, float]:
        name = max(self.vifs, key=lambda c: self.vifs[c])
        return name, self.vifs[name]


def full_collinearity(scores: np.ndarray, names: list[str]) -> FullCollinearity | None:
    """``VIF_j = 1 / (1 − R²_j)``, R²_j of construct j's scores regressed (OLS, with an intercept)
    on every other construct's: statsmodels' ``variance_inflation_factor`` on the scores with a
    constant. None with fewer than two constructs. R: ``1 / (1 − summary(lm(Sj ~ .))$r.squared)``."""
    from statsmodels.stats.outliers_influence import variance_inflation_factor

    scores = np.asarray(scores, dtype=float)
    if scores.shape[1] < 2:
        return None
    exog = np.column_stack([np.ones(len(scores)), scores])
    return FullCollinearity({name: float(variance_inflation_factor(exog, k + 1)) for k, name in enumerate(names)})
