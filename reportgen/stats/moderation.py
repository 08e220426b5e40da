"""Moderated regression analysis (MRA): ``Y = b0 + b1 X + b2 Z + b3 XZ``.

- The interaction term is the raw product X·Z, or the product of mean-centred X and Z when
  ``centre`` is set (Aiken & West, 1991); b3 with its t and p is R ``summary(lm(y ~ x * z))``.
- ΔR² between ``Y ~ X + Z`` and the full model, with ``F = ΔR² / ((1 - R²_full) / (n - 4))``
  on (1, n - 4) df (R ``anova(m1, m2)``).
- Simple slopes of X at Z = mean − SD, mean, mean + SD: ``b1 + b3 z`` with
  ``se = sqrt(var b1 + z² var b3 + 2 z cov(b1, b3))`` and t on n - 4 df (Aiken & West, 1991).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from reportgen.stats.regression import RegressionResult, ols, r2_change


@dataclass(frozen=True)
class SimpleSlope:
    level: str  # low | mean | high
    z: float
    slope: float
    se: float
    t: float
    p: float


@dataclass(frozen=True)
class Moderation:
    main: RegressionResult
    full: RegressionResult
    delta_r2: float
    delta_f: float
    delta_p: float
    slopes: tuple[SimpleSlope, ...]
    centred: bool


def moderated_regression(y: np.ndarray, x: np.ndarray, z: np.ndarray, names: tuple[str, str, str], centre: bool = False) -> Moderation:
    """``names`` = (dependent, predictor, moderator)."""
    y, x, z = (np.asarray(v, dtype=float) for v in (y, x, z))
    dep, xn, zn = names
    if centre:
        x, z = x - x.mean(), z - z.mean()
    product = f"{xn} × {zn}"
    main = ols(y, np.column_stack([x, z]), dep, [xn, zn])
    full = ols(y, np.column_stack([x, z, x * z]), dep, [xn, zn, product])
    change = r2_change(main, full)
    cov = np.linalg.inv(full.exog.T @ full.exog) * full.se_estimate**2
    return Moderation(main, full, change.r2, change.f, change.p, simple_slopes(full, cov), centre)


def simple_slopes(full: RegressionResult, cov: np.ndarray) -> tuple[SimpleSlope, ...]:
    """The slopes of X at Z = mean − SD, mean, mean + SD of the full model ``full`` (constant, X,
    Z, X·Z), their standard errors from the coefficients' covariance ``cov`` (OLS, or HC3 where
    the interaction is tested with HC3) and t on the model's residual df."""
    xn, _, product = full.predictors
    z = full.exog[:, 2]
    b1, b3 = full.coefficients[xn].b, full.coefficients[product].b
    slopes = []
    for level, value in (("low", z.mean() - z.std(ddof=1)), ("mean", z.mean()), ("high", z.mean() + z.std(ddof=1))):
        slope = b1 + b3 * value
        se = float(np.sqrt(cov[1, 1] + value * value * cov[3, 3] + 2 * value * cov[1, 3]))
        t = slope / se
        slopes.append(SimpleSlope(level, float(value), float(slope), se, float(t), float(2 * special.stdtr(full.df2, -abs(t)))))
    return tuple(slopes)


def slope_lines(moderation: Moderation, points: int = 50) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """(level, x, predicted y) of each simple slope over the observed range of X, for the figure:
    ŷ = b0 + b1 x + b2 z + b3 x z at the level's z."""
    full = moderation.full
    b0 = full.coefficients["const"].b
    b1, b2, b3 = (full.coefficients[n].b for n in full.predictors)
    x = full.exog[:, 1]
    xs = np.linspace(x.min(), x.max(), points)
    return [(slope.level, xs, b0 + b1 * xs + b2 * slope.z + b3 * xs * slope.z) for slope in moderation.slopes]
