"""Heteroscedasticity-consistent (HC3) tests of an OLS fit.

With heteroscedastic errors the OLS coefficients stay unbiased but their usual standard errors
do not; the sandwich estimator corrects them. HC3 (MacKinnon & White, 1985) is the variant Long &
Ervin (2000) recommend for samples of the sizes theses have:

    V = (X'X)⁻¹ X' diag(e_i² / (1 − h_ii)²) X (X'X)⁻¹

with e the OLS residuals and h_ii the leverages. Each coefficient is tested by t = b / sqrt(V_jj)
on the residual degrees of freedom (n − k − 1), and all slopes together by the Wald F statistic
F = b_s' V_s⁻¹ b_s / q on (q, n − k − 1) df — R ``sandwich::vcovHC(fit, type = "HC3")`` with
``lmtest::coeftest`` and ``lmtest::waldtest(fit, vcov = …, test = "F")``; statsmodels
``OLS.fit(cov_type="HC3")`` gives the same covariance.

Hand-written (a few lines of linear algebra) because statsmodels is not imported on a run (see
:func:`reportgen.stats.regression.least_squares`); tested against both libraries.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special


@dataclass(frozen=True)
class RobustTerm:
    se: float
    t: float
    p: float


@dataclass(frozen=True)
class RobustFit:
    """HC3 standard errors, t and two-sided p of every coefficient (keyed as the fit's, 'const'
    first) and the Wald F test of all slopes together."""

    terms: dict[str, RobustTerm]
    f: float
    f_p: float
    df1: int
    df2: int


def hc3_covariance(exog: np.ndarray, residuals: np.ndarray) -> np.ndarray:
    """The HC3 covariance matrix of the OLS coefficients (formula in the module docstring)."""
    q, r = np.linalg.qr(exog)
    leverage = np.einsum("ij,ij->i", q, q)
    weight = residuals**2 / np.clip(1 - leverage, 1e-12, None) ** 2
    r_inv = np.linalg.inv(r)
    bread = r_inv @ r_inv.T  # (X'X)⁻¹
    meat = exog.T @ (exog * weight[:, None])
    return bread @ meat @ bread


def hc3_fit(exog: np.ndarray, residuals: np.ndarray, params: np.ndarray, names: list[str]) -> RobustFit:
    """The HC3 tests of a fit with design matrix ``exog`` (constant first), its ``residuals`` and
    coefficients ``params``, named ``names`` ('const' first)."""
    n, k = exog.shape
    df2 = n - k
    cov = hc3_covariance(exog, residuals)
    se = np.sqrt(np.diag(cov))
    t = params / se
    p = 2 * special.stdtr(df2, -np.abs(t))
    terms = {name: RobustTerm(float(se[j]), float(t[j]), float(p[j])) for j, name in enumerate(names)}
    wald, wald_p = wald_f(params, cov, list(range(1, k)), df2)
    return RobustFit(terms, wald, wald_p, k - 1, df2)


def ols_covariance(exog: np.ndarray, residuals: np.ndarray) -> np.ndarray:
    """The usual OLS covariance of the coefficients, s² (X'X)⁻¹ with s² = e'e / (n − k)."""
    n, k = exog.shape
    r = np.linalg.qr(exog, mode="r")
    r_inv = np.linalg.inv(r)
    return float(residuals @ residuals) / (n - k) * (r_inv @ r_inv.T)


def wald_f(params: np.ndarray, cov: np.ndarray, indices: list[int], df2: int) -> tuple[float, float]:
    """(F, p) of the hypothesis that the coefficients at ``indices`` are all zero:
    F = b_s' V_s⁻¹ b_s / q on (q, df2) df. With the OLS covariance it is the partial F of the
    nested models (R ``anova(reduced, full)``); with the HC3 covariance R
    ``car::linearHypothesis(fit, terms, white.adjust = "hc3")``."""
    chosen = params[indices]
    q = len(indices)
    f = float(chosen @ np.linalg.solve(cov[np.ix_(indices, indices)], chosen)) / q
    return f, float(special.fdtrc(q, df2, f))
