"""Covariance-based SEM (CFA and structural models) by maximum likelihood, as lavaan's defaults.

- **Estimation.** semopy (Igolkina & Meshcheryakov, 2020) fits the model to the sample
  covariance matrix with divisor N, as lavaan's ML does (``likelihood = "normal"``). Each latent
  variable is scaled by its first indicator's loading fixed at 1; exogenous latent variables
  covary, and so do the residuals of two endogenous ones that no path joins (lavaan's
  ``auto.cov.y``). semopy's SLSQP stops about 1e-7 short of the optimum (lavaan's default nlminb about
  2e-7): a few Fisher-scoring steps with semopy's own gradient and information,
  ``θ ← θ − N/2 · I⁻¹ ∇F``, reach it (max |∇F| < 1e-13, so that the estimates do not depend on
  the order semopy gives the parameters, which follows string hashing), where lavaan's BFGS run
  to reltol = 1e-14 agrees to 1e-8 (tests/fixtures/cbsem).
- **Standard errors** come from the expected information (lavaan's ``information =
  "expected"``), ``I = N/2 · tr(Σ⁻¹ ∂Σ/∂θ_i Σ⁻¹ ∂Σ/∂θ_k)``; z = est / SE with its normal p.
- **Standardised estimates** are lavaan's ``std.all`` (both the latent and the observed
  variables standardised). R² of an endogenous variable is 1 − its standardised residual variance.
- **Fit.** ``χ² = N · F_ML`` with ``F_ML = log|Σ| + tr(S Σ⁻¹) − log|S| − p``; the baseline
  (independence) model has ``χ²_b = N (Σ log s_ii − log|S|)`` on p(p − 1)/2 df.
  CFI = 1 − max(χ² − df, 0) / max(χ²_b − df_b, χ² − df, 0) (Bentler, 1990);
  TLI = (χ²_b/df_b − χ²/df) / (χ²_b/df_b − 1) (Tucker & Lewis, 1973);
  RMSEA = √(max(χ² − df, 0) / (df · N)), its 90% interval from the noncentral χ² and the p of
  close fit (RMSEA ≤ .05) (Browne & Cudeck, 1993; MacCallum et al., 1996); SRMR the root mean
  square of the differences between the sample and the implied correlations, diagonal included
  (Bentler, 1995; lavaan's ``srmr``). These are lavaan's ``fitMeasures`` for ML; semopy's own
  RMSEA divides by N − 1, so the indices are computed here from χ².
- **Reliability** of a reflective construct from its standardised loadings λ: AVE = Σλ²/k
  (Fornell & Larcker, 1981), CR = (Σλ)² / ((Σλ)² + Σ(1 − λ²)) (Jöreskog, 1971).
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy import optimize, special, stats

from reportgen.errors import AnalysisError

if TYPE_CHECKING:
    from reportgen.stats.cbsem_robust import RobustFit

SOLVER_OPTIONS = {"ftol": 1e-15, "maxiter": 2000}  # a bound on the work: a model that needs more does not converge
SCORING_STEPS = 20  # Fisher-scoring steps at most after semopy's solver
GRADIENT_TOLERANCE = 1e-13  # max |∇F| at which scoring stops: the optimum to the last digits, whatever order semopy gives the parameters
RMSEA_LEVEL = 0.90  # lavaan's rmsea.ci.level
CLOSE_FIT = 0.05  # lavaan's rmsea.h0.closefit


@dataclass(frozen=True)
class Estimate:
    """One parameter: ``lhs op rhs`` in lavaan's notation (=~ loading, ~ regression, ~~ (co)variance)."""

    lhs: str
    op: str
    rhs: str
    est: float
    se: float | None  # None for a fixed parameter (a marker loading)
    z: float | None
    p: float | None
    std: float  # std.all


@dataclass(frozen=True)
class FitIndices:
    n: int
    chisq: float
    df: int
    p: float
    baseline_chisq: float
    baseline_df: int
    cfi: float
    tli: float
    rmsea: float
    rmsea_low: float
    rmsea_high: float
    rmsea_close_p: float
    srmr: float


@dataclass(frozen=True)
class Reliability:
    ave: float
    cr: float


@dataclass(frozen=True)
class CbsemFit:
    measurement: dict[str, tuple[str, ...]]  # construct → its indicators
    paths: tuple[tuple[str, str], ...]  # (source, target)
    estimates: tuple[Estimate, ...]
    fit: FitIndices
    r2: dict[str, float]  # each endogenous latent variable
    reliability: dict[str, Reliability]
    implied: np.ndarray  # Σ(θ̂), in the order of ``observed``
    sample: np.ndarray  # S, divisor N
    observed: tuple[str, ...]
    robust: RobustFit | None = None  # MLR (:mod:`reportgen.stats.cbsem_robust`): the sandwich and the scaled χ²
    ml_fit: FitIndices | None = None  # with MLR, the normal-theory indices ``fit`` replaces

    def latent_correlations(self) -> np.ndarray:
        """The correlations of the latent variables the model implies, in ``measurement`` order:
        ``(I − B)⁻¹ Ψ (I − B)⁻ᵀ`` from the standardised paths B and the standardised (residual)
        (co)variances Ψ (lavaan ``lavInspect(fit, "cor.lv")``)."""
        names = list(self.measurement)
        k = len(names)
        b, psi = np.zeros((k, k)), np.zeros((k, k))
        for e in self.estimates:
            if e.op == "~" and e.lhs in names and e.rhs in names:
                b[names.index(e.lhs), names.index(e.rhs)] = e.std
            elif e.op == "~~" and e.lhs in names and e.rhs in names:
                i, j = names.index(e.lhs), names.index(e.rhs)
                psi[i, j] = psi[j, i] = e.std
        inverse = np.linalg.inv(np.eye(k) - b)
        return inverse @ psi @ inverse.T

    def implied_r2(self, target: str, predictors: list[str]) -> float:
        """R² of latent ``target`` regressed on the latent ``predictors`` in the correlations the
        model implies, ``ρ_tP R_PP⁻¹ ρ_Pt`` (0 without predictors); on all of ``target``'s
        predecessors it is the model's R²."""
        if not predictors:
            return 0.0
        names = list(self.measurement)
        rho = self.latent_correlations()
        idx, t = [names.index(p) for p in predictors], names.index(target)
        r = rho[np.ix_(idx, [t])]
        return float((r.T @ np.linalg.solve(rho[np.ix_(idx, idx)], r))[0, 0])

    def loading(self, construct: str, item: str) -> Estimate:
        return self._find(construct, "=~", item)

    def path(self, source: str, target: str) -> Estimate:
        return self._find(target, "~", source)

    def covariance(self, a: str, b: str) -> Estimate:
        try:
            return self._find(a, "~~", b)
        except KeyError:
            return self._find(b, "~~", a)

    def _find(self, lhs: str, op: str, rhs: str) -> Estimate:
        for e in self.estimates:
            if (e.lhs, e.op, e.rhs) == (lhs, op, rhs):
                return e
        raise KeyError(f"{lhs} {op} {rhs}")


def model_syntax(measurement: dict[str, tuple[str, ...]], paths: tuple[tuple[str, str], ...]) -> str:
    """The model in lavaan (and semopy) syntax: one ``=~`` line per construct, one ``~`` per
    target, and a residual covariance between two endogenous variables that no path joins
    (lavaan's ``auto.cov.y``, which semopy does not add by itself)."""
    lines = [f"{c} =~ {' + '.join(items)}" for c, items in measurement.items()]
    targets = list(dict.fromkeys(t for _, t in paths))
    lines += [f"{t} ~ {' + '.join(s for s, u in paths if u == t)}" for t in targets]
    joined = {frozenset(p) for p in paths}
    lines += [f"{a} ~~ {b}" for i, a in enumerate(targets) for b in targets[i + 1 :] if frozenset((a, b)) not in joined]
    return "\n".join(lines)


def fit_cbsem(data: pd.DataFrame, measurement: dict[str, tuple[str, ...]], paths: tuple[tuple[str, str], ...] = ()) -> CbsemFit:
    """Fit the measurement model (and the structural ``paths``) to ``data`` (respondents ×
    indicators, no blanks) by ML; without paths it is a CFA with every pair of constructs covarying."""
    import semopy

    observed = tuple(item for items in measurement.values() for item in items)
    x = data[list(observed)].to_numpy(dtype=float)
    n = len(x)
    sample = np.cov(x, rowvar=False, ddof=0)
    _check_positive_definite(sample, observed)
    model = semopy.Model(model_syntax(measurement, paths))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        logging.getLogger().disabled = True  # semopy logs a warning for what it recovers from itself
        try:
            solved = model.fit(
                cov=pd.DataFrame(sample, index=observed, columns=observed), n_samples=n, obj="MLW", solver="SLSQP", options=SOLVER_OPTIONS
            )
            if not _score(model, n) and not solved.success:
                raise AnalysisError.coded("analysis.cbsem_not_converged", iterations=SOLVER_OPTIONS["maxiter"])
            table = model.inspect(std_est=True)
        finally:
            logging.getLogger().disabled = False
    order = list(model.vars["observed"])
    implied = model.calc_sigma()[0]
    index = [order.index(o) for o in observed]
    implied = implied[np.ix_(index, index)]
    estimates = tuple(_estimates(table, measurement))
    fit = fit_indices(sample, implied, n, len(model.param_vals))
    endogenous = dict.fromkeys(t for _, t in paths)
    r2 = {t: 1 - next(e.std for e in estimates if e.op == "~~" and e.lhs == t and e.rhs == t) for t in endogenous}
    reliability = {
        c: construct_reliability([next(e.std for e in estimates if (e.lhs, e.op, e.rhs) == (c, "=~", i)) for i in items])
        for c, items in measurement.items()
    }
    return CbsemFit(dict(measurement), tuple(paths), estimates, fit, r2, reliability, implied, sample, observed)


def _score(model, n: int) -> bool:
    """Fisher scoring from semopy's solution to the ML optimum (see the module docstring);
    whether it reached it (max |∇F| below ``GRADIENT_TOLERANCE``)."""
    theta = np.array(model.param_vals, dtype=float)
    reached = False
    for _ in range(SCORING_STEPS):
        gradient = model.grad_mlw(theta)
        if not np.all(np.isfinite(gradient)):
            break
        if np.abs(gradient).max() < GRADIENT_TOLERANCE:
            reached = True
            break
        model.update_matrices(theta)
        try:
            theta = theta - (n / 2) * np.linalg.solve(model.calc_fim(), gradient)
        except np.linalg.LinAlgError:
            break
        model.param_vals = theta
    model.update_matrices(theta)
    return reached


def _check_positive_definite(sample: np.ndarray, observed: tuple[str, ...]) -> None:
    """ML needs a positive definite S: name two indicators that are perfectly correlated, or say
    that one is a combination of the others.

    Raises
    ------
    AnalysisError
        S is singular.
    """
    values = np.linalg.eigvalsh(sample)
    if values.min() > 1e-10 * values.max():
        return
    sd = np.sqrt(np.diag(sample))
    r = sample / np.outer(sd, sd)
    pairs = [(observed[i], observed[j]) for i in range(len(observed)) for j in range(i + 1, len(observed)) if abs(r[i, j]) > 1 - 1e-9]
    if pairs:
        raise AnalysisError.coded("analysis.cbsem_identical", a=pairs[0][0], b=pairs[0][1])
    raise AnalysisError.coded("analysis.cbsem_singular")


def _estimates(table: pd.DataFrame, measurement: dict[str, tuple[str, ...]]) -> list[Estimate]:
    """semopy's inspection as lavaan's parameter table: a loading ``item ~ construct`` becomes
    ``construct =~ item``, a regression ``target ~ source`` stays, a covariance names its two
    variables in model order; loadings, then regressions, then (co)variances, each in model
    order (semopy's own order follows Python's string hashing, which changes between runs)."""
    order = [*measurement, *(i for items in measurement.values() for i in items)]
    out = []
    for row in table.itertuples(index=False):
        lhs, op, rhs = row.lval, row.op, row.rval
        if op == "~" and rhs in measurement and lhs in measurement[rhs]:
            lhs, op, rhs = rhs, "=~", lhs
        if row[5] == "-":  # Std. Err of a fixed parameter (a marker loading)
            out.append(Estimate(lhs, op, rhs, float(row.Estimate), None, None, None, float(row[4])))
            continue
        z = float(row[6])
        out.append(Estimate(lhs, op, rhs, float(row.Estimate), float(row[5]), z, float(2 * special.ndtr(-abs(z))), float(row[4])))
    out = [replace(e, lhs=e.rhs, rhs=e.lhs) if e.op == "~~" and order.index(e.lhs) > order.index(e.rhs) else e for e in out]
    rank = {"=~": 0, "~": 1, "~~": 2}
    return sorted(out, key=lambda e: (rank[e.op], order.index(e.lhs), order.index(e.rhs)))


def fit_indices(sample: np.ndarray, implied: np.ndarray, n: int, free: int) -> FitIndices:
    """χ², CFI, TLI, RMSEA with its interval and close-fit p, and SRMR (see the module docstring)."""
    p = len(sample)
    logdet_s = np.linalg.slogdet(sample)[1]
    f_ml = np.linalg.slogdet(implied)[1] + np.trace(sample @ np.linalg.inv(implied)) - logdet_s - p
    chisq = float(n * f_ml)
    df = p * (p + 1) // 2 - free
    base = float(n * (np.log(np.diag(sample)).sum() - logdet_s))
    base_df = p * (p - 1) // 2
    excess, base_excess = max(chisq - df, 0.0), max(base - base_df, 0.0)
    cfi = 1.0 - excess / max(base_excess, excess) if max(base_excess, excess) > 0 else 1.0
    tli = (base / base_df - chisq / df) / (base / base_df - 1) if df > 0 else 1.0
    rmsea = float(np.sqrt(excess / (df * n))) if df > 0 else 0.0
    low, high = rmsea_interval(chisq, df, n)
    close = float(stats.ncx2.sf(chisq, df, n * df * CLOSE_FIT**2)) if df > 0 else float("nan")
    return FitIndices(
        n,
        chisq,
        df,
        float(stats.chi2.sf(chisq, df)) if df > 0 else float("nan"),
        base,
        base_df,
        cfi,
        tli,
        rmsea,
        low,
        high,
        close,
        srmr(sample, implied),
    )


def rmsea_interval(chisq: float, df: int, n: int, level: float = RMSEA_LEVEL) -> tuple[float, float]:
    """The RMSEA interval: the noncentralities λ at which χ² is the (1 + level)/2 and (1 − level)/2
    quantile of the noncentral χ²(df, λ), as √(λ / (df · N)) (lavaan ``rmsea.ci.lower/upper``)."""
    if df <= 0:
        return float("nan"), float("nan")

    def bound(tail: float) -> float:
        def f(ncp: float) -> float:
            return float(stats.ncx2.cdf(chisq, df, ncp)) - tail if ncp > 0 else float(stats.chi2.cdf(chisq, df)) - tail

        if f(0.0) < 0:  # even a central χ² puts χ² below this quantile
            return 0.0
        upper = max(chisq, 1.0)
        while f(upper) > 0:
            upper *= 2
        return float(np.sqrt(optimize.brentq(f, 0.0, upper, xtol=1e-14) / (df * n)))

    return bound((1 + level) / 2), bound((1 - level) / 2)


def srmr(sample: np.ndarray, implied: np.ndarray) -> float:
    """The root mean square of the residual correlations over the p(p + 1)/2 distinct elements."""

    def correlation(m: np.ndarray) -> np.ndarray:
        d = np.sqrt(np.diag(m))
        return m / np.outer(d, d)

    residual = correlation(sample) - correlation(implied)
    lower = residual[np.tril_indices(len(sample))]
    return float(np.sqrt(np.mean(lower**2)))


def construct_reliability(loadings: list[float]) -> Reliability:
    """AVE and CR of a construct from its standardised loadings."""
    lam = np.asarray(loadings, dtype=float)
    total = lam.sum() ** 2
    return Reliability(float(np.mean(lam**2)), float(total / (total + np.sum(1 - lam**2))))
