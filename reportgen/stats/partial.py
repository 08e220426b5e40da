"""How R² of a multiple regression splits among its predictors: zero-order, partial and
semipartial (part) correlations, the unique share sr² of each predictor and the part of R² that
the predictors share, with the standardized coefficient β and its confidence interval.

For predictor j of ``y = b0 + Σ b_j x_j + e`` with k predictors, n respondents, df = n − k − 1
and t_j the t of b_j (Cohen, Cohen, West & Aiken, 2003, ch. 3):

- zero-order r_j: Pearson's r of x_j and y (R ``cor.test``);
- partial r:     pr_j = t_j / sqrt(t_j² + df), the correlation of y and x_j with the other
  predictors removed from both (R ``ppcor::pcor``: −cov2cor(solve(cov(data))));
- semipartial r: sr_j = t_j · sqrt((1 − R²) / df), the correlation of y with x_j with the other
  predictors removed from x_j only (SPSS "Part"; R ``ppcor::spcor``); sr_j² = R² − R²_(without j),
  the share of the variance of y that x_j explains and no other predictor does;
- shared = R² − Σ sr_j²: the part of R² that two or more predictors explain together and that no
  single coefficient is credited with (negative under suppression);
- β_j = b_j · sd(x_j) / sd(y) with its (1 − α) interval β_j ± t(1 − α/2; df) · SE_j · sd(x_j) / sd(y),
  SE_j the standard error the hypotheses are tested with (OLS, or HC3): R ``confint`` of the
  regression on the standardized scores, which is ``effectsize::standardize_parameters(fit)``
  (method "refit"), and ``lmtest::coefci(…, vcov = sandwich::vcovHC(type = "HC3"))`` for HC3.

The partial and semipartial correlations and sr² use the OLS t (they describe the fit, not a test).
Pinned to R in tests/stats/test_partial.py (tests/fixtures/r_partial.R).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from reportgen.stats.critical import t_critical
from reportgen.stats.pearson import pearson
from reportgen.stats.regression import RegressionResult


@dataclass(frozen=True)
class PredictorShare:
    """One predictor's correlations with the dependent and its standardized coefficient."""

    name: str
    r: float  # zero-order
    r_p: float  # two-sided p of r (cor.test)
    partial: float
    semipartial: float
    beta: float
    beta_low: float
    beta_high: float

    @property
    def sr2(self) -> float:
        """The unique share: the R² lost when this predictor leaves the model."""
        return self.semipartial * self.semipartial


@dataclass(frozen=True)
class VarianceShares:
    """R² split into each predictor's unique share and the shared rest."""

    dependent: str
    predictors: dict[str, PredictorShare]
    r2: float
    level: float  # the confidence level of the β intervals, 1 − α

    @property
    def unique(self) -> float:
        """Σ sr²: what the predictors explain each on its own."""
        return sum(p.sr2 for p in self.predictors.values())

    @property
    def shared(self) -> float:
        """R² − Σ sr²: what the predictors explain only together."""
        return self.r2 - self.unique


def variance_shares(
    regression: RegressionResult, y: np.ndarray, x: np.ndarray, alpha: float, standard_errors: dict[str, float] | None = None
) -> VarianceShares:
    """The shares of ``regression`` (fitted to ``y`` on the columns of ``x``, in the order of its
    predictors). ``standard_errors`` (by predictor) replaces the OLS SE in the β intervals (the HC3
    standard errors, when they decide the t tests)."""
    y = np.asarray(y, dtype=float)
    x = np.asarray(x, dtype=float).reshape(len(y), -1)
    df = regression.df2
    quantile = t_critical(alpha, df, "two")
    sd_y = float(y.std(ddof=1))
    out = {}
    for j, name in enumerate(regression.predictors):
        c = regression.coefficients[name]
        assert c.beta is not None  # a predictor's coefficient (only the constant has no beta)
        r, r_p = pearson(x[:, j], y)
        scale = float(x[:, j].std(ddof=1)) / sd_y
        se = (standard_errors or {}).get(name, c.se)
        half = quantile * se * scale
        out[name] = PredictorShare(
            name,
            float("nan") if r is None else r,
            float("nan") if r_p is None else r_p,
            partial=c.t / math.sqrt(c.t * c.t + df),
            semipartial=c.t * math.sqrt((1 - regression.r2) / df),
            beta=c.beta,
            beta_low=c.beta - half,
            beta_high=c.beta + half,
        )
    return VarianceShares(regression.dependent, out, regression.r2, 1 - alpha)
