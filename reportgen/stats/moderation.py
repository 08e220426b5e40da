"""Moderated regression analysis (MRA): ``Y = b0 + b1 X + b2 Z + b3 XZ``.

- The interaction term is the raw product X·Z, or the product of mean-centred X and Z when
  ``centre`` is set (Aiken & West, 1991); b3 with its t and p is R ``summary(lm(y ~ x * z))``.
- ΔR² between ``Y ~ X + Z`` and the full model, with ``F = ΔR² / ((1 - R²_full) / (n - 4))``
  on (1, n - 4) df (R ``anova(m1, m2)``).
- Simple slopes of X at Z = mean − SD, mean, mean + SD: ``b1 + b3 z`` with
  ``se = sqrt(var b1 + z² var b3 + 2 z cov(b1, b3))`` and t on n - 4 df (Aiken & West, 1991).
- A categorical moderator of k categories enters as k − 1 0/1 terms D_j (treatment coding, R
  ``lm(y ~ x * factor(z))``): ``Y = b0 + b1 X + Σ c_j D_j + Σ d_j X·D_j``. The slope of X is b1 in
  the reference category and ``b1 + d_j`` in category j, with ``se = sqrt(var b1 + var d_j +
  2 cov(b1, d_j))`` (Hayes, 2018, §7.4; Cohen et al., 2003, §9.3). ΔR² of the k − 1 products is
  R ``anova(lm(y ~ x + z), lm(y ~ x * z))``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from reportgen.stats.regression import RegressionResult, ols, r2_change


@dataclass(frozen=True)
class SimpleSlope:
    level: str  # low | mean | high; a categorical moderator's category
    z: float  # the moderator's value (its category's 0/1 columns are not one value: nan)
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
    interactions: tuple[str, ...] = ()  # the product terms: one, or one per compared category
    reference: str | None = None  # a categorical moderator's reference category

    @property
    def predictor(self) -> str:
        return self.full.predictors[0]

    @property
    def interaction(self) -> str:
        """The product term of a moderator with one term (a number or two categories)."""
        assert len(self.interactions) == 1, self.interactions
        return self.interactions[0]

    @property
    def categorical(self) -> bool:
        return self.reference is not None


def product_key(x: str, z: str) -> str:
    """The key of the product of ``x`` and ``z``'s term: 'X1 × Z', 'X1 × jk[Perempuan]'."""
    return f"{x} × {z}"


def moderated_regression(y: np.ndarray, x: np.ndarray, z: np.ndarray, names: tuple[str, str, str], centre: bool = False) -> Moderation:
    """``names`` = (dependent, predictor, moderator)."""
    y, x, z = (np.asarray(v, dtype=float) for v in (y, x, z))
    dep, xn, zn = names
    if centre:
        x, z = x - x.mean(), z - z.mean()
    product = product_key(xn, zn)
    main = ols(y, np.column_stack([x, z]), dep, [xn, zn])
    full = ols(y, np.column_stack([x, z, x * z]), dep, [xn, zn, product])
    change = r2_change(main, full)
    cov = np.linalg.inv(full.exog.T @ full.exog) * full.se_estimate**2
    return Moderation(main, full, change.r2, change.f, change.p, simple_slopes(full, cov), centre, (product,))


def categorical_moderation(
    y: np.ndarray, x: np.ndarray, dummies: np.ndarray, names: tuple[str, str], terms: list[str], levels: tuple[str, ...], centre: bool = False
) -> Moderation:
    """Moderation of X by a categorical variable: ``dummies`` (n, k − 1) its 0/1 columns named
    ``terms``, ``levels`` its categories with the reference first; ``names`` = (dependent,
    predictor). ``centre`` centres X only (a category's 0/1 column has no meaningful mean)."""
    y, x, dummies = (np.asarray(v, dtype=float) for v in (y, x, dummies))
    dep, xn = names
    if centre:
        x = x - x.mean()
    products = [product_key(xn, t) for t in terms]
    main = ols(y, np.column_stack([x, dummies]), dep, [xn, *terms])
    full = ols(y, np.column_stack([x, dummies, x[:, None] * dummies]), dep, [xn, *terms, *products])
    change = r2_change(main, full)
    cov = np.linalg.inv(full.exog.T @ full.exog) * full.se_estimate**2
    return Moderation(main, full, change.r2, change.f, change.p, category_slopes(full, cov, levels), centre, tuple(products), levels[0])


def category_slopes(full: RegressionResult, cov: np.ndarray, levels: tuple[str, ...]) -> tuple[SimpleSlope, ...]:
    """The slope of X in each category of a categorical moderation ``full`` (constant, X, the
    k − 1 category terms, the k − 1 products): b1 in the reference ``levels[0]``, b1 + d_j in the
    others, their SE from ``cov`` (OLS or HC3) and t on the model's residual df."""
    k = len(levels) - 1
    b1 = full.coefficients[full.predictors[0]].b
    slopes = []
    for j, level in enumerate(levels):
        column = 1 + k + j  # the product of category j (j ≥ 1) in exog
        slope = b1 + (full.coefficients[full.predictors[k + j]].b if j else 0.0)
        var = cov[1, 1] + (cov[column, column] + 2 * cov[1, column] if j else 0.0)
        se = float(np.sqrt(var))
        t = slope / se
        slopes.append(SimpleSlope(level, float("nan"), float(slope), se, float(t), float(2 * special.stdtr(full.df2, -abs(t)))))
    return tuple(slopes)


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


def slopes_with(moderation: Moderation, cov: np.ndarray) -> tuple[SimpleSlope, ...]:
    """The simple slopes of ``moderation`` with the coefficients' covariance ``cov`` (HC3, say)."""
    if moderation.categorical:
        return category_slopes(moderation.full, cov, tuple(s.level for s in moderation.slopes))
    return simple_slopes(moderation.full, cov)


def slope_lines(moderation: Moderation, points: int = 50) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """(level, x, predicted y) of each simple slope over the observed range of X, for the figure:
    ŷ = b0 + b1 x + b2 z + b3 x z at the level's z; for a category j, ŷ = b0 + c_j + (b1 + d_j) x
    over the range of X its respondents have (a line is not drawn where a category has no data)."""
    full = moderation.full
    b = [full.coefficients[n].b for n in ("const", *full.predictors)]
    x = full.exog[:, 1]
    xs = np.linspace(x.min(), x.max(), points)
    if moderation.categorical:
        k = len(moderation.interactions)
        dummies = full.exog[:, 2 : 2 + k]
        lines = []
        for j, s in enumerate(moderation.slopes):
            members = dummies[:, j - 1] == 1 if j else ~dummies.any(axis=1)
            own = np.linspace(x[members].min(), x[members].max(), points)
            lines.append((s.level, own, b[0] + (b[1 + j] if j else 0.0) + s.slope * own))
        return lines
    return [(slope.level, xs, b[0] + b[1] * xs + b[2] * slope.z + b[3] * xs * slope.z) for slope in moderation.slopes]
