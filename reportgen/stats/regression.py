"""Ordinary least squares as SPSS REGRESSION reports it (Coefficients, ANOVA, Model Summary)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from reportgen.errors import AnalysisError
from reportgen.words.messages import Localized


@dataclass(frozen=True)
class Coefficient:
    b: float
    se: float
    beta: float | None
    t: float
    p: float
    tolerance: float | None
    vif: float | None


@dataclass(frozen=True)
class RegressionResult:
    """Everything of one OLS fit; ``coefficients`` keyed 'const' and predictor names."""

    dependent: str
    predictors: tuple[str, ...]
    coefficients: dict[str, Coefficient]
    n: int
    r: float
    r2: float
    adj_r2: float
    se_estimate: float
    f: float
    f_p: float
    df1: int
    df2: int
    ss_regression: float
    ss_residual: float
    residuals: np.ndarray
    fitted: np.ndarray
    exog: np.ndarray  # design matrix with the constant first

    @property
    def ss_total(self) -> float:
        return self.ss_regression + self.ss_residual

    @property
    def ms_regression(self) -> float:
        return self.ss_regression / self.df1

    @property
    def ms_residual(self) -> float:
        return self.ss_residual / self.df2


@dataclass(frozen=True)
class LeastSquares:
    """The bare least-squares fit ``y = X b + e`` (X with its constant column)."""

    params: np.ndarray
    bse: np.ndarray
    tvalues: np.ndarray
    pvalues: np.ndarray
    resid: np.ndarray
    fitted: np.ndarray
    ssr: float
    ess: float
    df_resid: int
    df_model: int

    @property
    def mse_resid(self) -> float:
        return self.ssr / self.df_resid

    @property
    def rsquared(self) -> float:
        return self.ess / (self.ess + self.ssr)

    @property
    def rsquared_adj(self) -> float:
        n = self.df_resid + self.df_model + 1
        return 1 - (1 - self.rsquared) * (n - 1) / self.df_resid

    @property
    def fvalue(self) -> float:
        return (self.ess / self.df_model) / self.mse_resid if self.df_model else float("nan")

    @property
    def f_pvalue(self) -> float:
        return float(special.fdtrc(self.df_model, self.df_resid, self.fvalue)) if self.df_model else float("nan")


def least_squares(y: np.ndarray, exog: np.ndarray) -> LeastSquares:
    """OLS through the QR decomposition of X (as R ``lm``): ``b = R^-1 Q'y``,
    ``se = sqrt(diag((X'X)^-1) · SSR / (n - k))``, two-sided t p values on n - k df.
    The model df count the columns besides the constant (the first column).

    Hand-written, not statsmodels' OLS: importing statsmodels.api costs 0,72 s (it imports
    scipy.stats and pandas) where a results.json run takes 0,42 s (measured). Equal to statsmodels
    (tests/stats/test_against_libraries.py) and to the NIST StRD Longley values."""
    n, k = exog.shape
    q, r = np.linalg.qr(exog)
    params = np.linalg.solve(r, q.T @ y)
    fitted = exog @ params
    resid = y - fitted
    ssr = float(resid @ resid)
    df = n - k
    r_inv = np.linalg.inv(r)
    bse = np.sqrt((r_inv * r_inv).sum(axis=1) * ssr / df)
    tvalues = params / bse
    pvalues = 2 * special.stdtr(df, -np.abs(tvalues))
    ess = float(((fitted - y.mean()) ** 2).sum())
    return LeastSquares(params, bse, tvalues, pvalues, resid, fitted, ssr, ess, df, k - 1)


def add_constant(x: np.ndarray) -> np.ndarray:
    return np.column_stack([np.ones(len(x)), x])


def variance_inflation(exog: np.ndarray) -> np.ndarray:
    """VIF of each predictor: ``1 / (1 - R_j^2)``, R_j^2 from regressing x_j on the other
    predictors (R ``car::vif`` for models without factors, which takes it from the inverse
    correlation matrix). Here ``1 - R_j^2`` is the residual share of that regression, computed by
    QR, so it is never negative when the predictors are nearly collinear."""
    x = exog[:, 1:]
    if x.shape[1] == 1:
        return np.ones(1)
    centred = x - x.mean(axis=0)
    out = []
    for j in range(x.shape[1]):
        others, target = np.delete(centred, j, axis=1), centred[:, j]
        q, _ = np.linalg.qr(others)
        residual = target - q @ (q.T @ target)
        out.append(float((target @ target) / (residual @ residual)))
    return np.array(out)


def ols(y: np.ndarray, x: np.ndarray, dependent: str, predictors: list[str]) -> RegressionResult:
    """Fit ``y = b0 + X b + e`` by least squares (QR, :func:`least_squares`).

    - B, SE, t, p: R ``summary(lm(y ~ X))``; Beta = ``b_j * sd(x_j) / sd(y)`` (SPSS
      "Standardized Coefficients").
    - Tolerance ``1 - R_j^2`` and VIF ``1 / (1 - R_j^2)`` with R_j^2 from regressing x_j on the
      other predictors: R ``car::vif``; SPSS "Collinearity Statistics". With a single predictor
      there is no other predictor to be collinear with: both are None (not applicable; R
      ``car::vif`` refuses a model with fewer than 2 terms, SPSS prints a trivial 1,000).
    - R, R², adjusted R², SE of the estimate ``sqrt(SS_res / (n - k - 1))``; ANOVA F with
      (k, n - k - 1) df: SPSS Model Summary and ANOVA, R ``summary.lm``.

    Raises
    ------
    AnalysisError
        Fewer respondents than the model needs, or perfectly collinear predictors.
    """
    y = np.asarray(y, dtype=float)
    x = np.asarray(x, dtype=float).reshape(len(y), -1)
    n, k = x.shape
    check_sample_size(n, k, dependent)
    if np.ptp(y) == 0:
        raise AnalysisError.coded("analysis.constant_dependent", dependent=dependent)
    exog = add_constant(x)
    _check_collinearity(exog, predictors)
    fit = least_squares(y, exog)
    if fit.ssr <= PERFECT_FIT * (fit.ssr + fit.ess):
        raise AnalysisError.coded("analysis.exact_fit", dependent=dependent, predictors=", ".join(predictors))
    sd_y = y.std(ddof=1)
    vifs = variance_inflation(exog)
    coefficients = {"const": Coefficient(float(fit.params[0]), float(fit.bse[0]), None, float(fit.tvalues[0]), float(fit.pvalues[0]), None, None)}
    for j, name in enumerate(predictors):
        beta = fit.params[j + 1] * x[:, j].std(ddof=1) / sd_y
        coefficients[name] = Coefficient(
            b=float(fit.params[j + 1]),
            se=float(fit.bse[j + 1]),
            beta=float(beta),
            t=float(fit.tvalues[j + 1]),
            p=float(fit.pvalues[j + 1]),
            tolerance=float(1 / vifs[j]) if k > 1 else None,
            vif=float(vifs[j]) if k > 1 else None,
        )
    return RegressionResult(
        dependent=dependent,
        predictors=tuple(predictors),
        coefficients=coefficients,
        n=n,
        r=float(np.sqrt(fit.rsquared)),
        r2=float(fit.rsquared),
        adj_r2=float(fit.rsquared_adj),
        se_estimate=float(np.sqrt(fit.mse_resid)),
        f=float(fit.fvalue),
        f_p=float(fit.f_pvalue),
        df1=int(round(fit.df_model)),
        df2=int(round(fit.df_resid)),
        ss_regression=float(fit.ess),
        ss_residual=float(fit.ssr),
        residuals=np.asarray(fit.resid),
        fitted=np.asarray(fit.fitted),
        exog=exog,
    )


PERFECT_FIT = 1e-20  # residual share below which the fit is exact up to rounding (real data: far above)
ALIAS_TOLERANCE = 1e-7  # R lm's tol for dqrdc2: a column whose remainder is below this share of its norm is aliased


def check_sample_size(n: int, k: int, dependent: str) -> None:
    """OLS with k predictors and a constant needs n ≥ k + 2 (at least one residual df)."""
    if n < k + 2:
        raise AnalysisError.coded("analysis.too_few", dependent=dependent, k=k, least=k + 2, n=n)


def _check_collinearity(exog: np.ndarray, predictors: list[str]) -> None:
    """Name the predictor R ``lm`` would report as aliased (coefficient NA).

    R's QR (LINPACK dqrdc2, ``tol = 1e-7``) takes the columns in order and sets one aside when what
    remains of it, after the columns before it are projected out, is below 1e-7 of its length.
    The same test here, by Gram–Schmidt with re-orthogonalisation; NumPy's own rank tolerance is
    looser, so near-collinear predictors used to be fitted and printed with a negative VIF.
    """
    basis: list[np.ndarray] = []
    for j in range(exog.shape[1]):
        column = exog[:, j]
        remainder = column.copy()
        for _ in range(2):
            for b in basis:
                remainder -= (b @ remainder) * b
        if np.linalg.norm(remainder) <= ALIAS_TOLERANCE * np.linalg.norm(column):
            name = predictors[j - 1] if j else "the constant"
            if j and np.ptp(column) == 0:
                raise AnalysisError.coded("analysis.constant_predictor", name=name)
            before = ", ".join(predictors[: j - 1])
            raise AnalysisError.coded(
                "analysis.collinear",
                predictors=", ".join(predictors[:j]),
                name=name,
                before=Localized(", ".join(filter(None, ["the constant", before])), ", ".join(filter(None, ["konstanta", before]))),
            )
        basis.append(remainder / np.linalg.norm(remainder))


def residual_diagnostics(fit: RegressionResult) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """SPSS's *ZRESID, *SRESID and *ZPRED of a fit.

    ZRESID = e / s; SRESID = e / (s sqrt(1 - h_ii)) with h_ii the leverage (diagonal of the hat
    matrix); ZPRED = (yhat - mean(yhat)) / sd(yhat). s is the SE of the estimate.
    """
    q, _ = np.linalg.qr(fit.exog)
    leverage = np.einsum("ij,ij->i", q, q)
    s = fit.se_estimate
    zresid = fit.residuals / s
    sresid = fit.residuals / (s * np.sqrt(np.clip(1 - leverage, 1e-12, None)))
    sd_fitted = fit.fitted.std(ddof=1)
    zpred = (fit.fitted - fit.fitted.mean()) / sd_fitted if sd_fitted > 0 else np.zeros_like(fit.fitted)
    return zresid, sresid, zpred


@dataclass(frozen=True)
class R2Change:
    """What a block of terms adds to a model (SPSS "Change Statistics" of a hierarchical
    regression): ΔR² = R²_full − R²_reduced and F change = (ΔR² / q) / ((1 − R²_full) / df2_full)
    on (q, df2_full) df, q the terms added — R ``anova(reduced, full)``."""

    reduced: RegressionResult
    r2: float
    f: float
    df1: int
    df2: int
    p: float


def r2_change(reduced: RegressionResult, full: RegressionResult) -> R2Change:
    """The change from ``reduced`` to ``full``, fitted to the same respondents, ``full`` holding
    every term of ``reduced`` (formula in :class:`R2Change`)."""
    q = full.df1 - reduced.df1
    delta = full.r2 - reduced.r2
    f = delta / q / ((1 - full.r2) / full.df2)
    return R2Change(reduced, float(delta), float(f), q, full.df2, float(special.fdtrc(q, full.df2, f)))
