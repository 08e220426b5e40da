"""Robust ML for CB-SEM (lavaan's ``estimator = "MLR"``): Huber–White standard errors and the
Yuan–Bentler scaled χ² with the fit indices read from it, for indicators that are not
multivariate normal (Likert items rarely are).

- **Standard errors** (lavaan ``se = "robust.huber.white"``, ``information = "observed"``): the
  sandwich ``V = A⁻¹ B A⁻¹ / N`` with A the unit observed information, ½ ∂²F_ML/∂θ∂θᵀ (central
  differences of the analytic gradient ∂F/∂θ_k = tr(Σ⁻¹(Σ − S)Σ⁻¹ ∂Σ/∂θ_k), as lavaan's numerical
  Hessian), and B the mean outer product of the casewise scores
  ``s_ik = ½ tr(Σ⁻¹(d_i d_iᵀ − Σ)Σ⁻¹ ∂Σ/∂θ_k)``, d_i = x_i − x̄.
- **Scaling factor** (Yuan & Bentler, 2000; lavaan ``test = "yuan.bentler.mplus"``):
  ``c = (tr(A₁⁻¹B₁) − tr(A⁻¹B)) / df``, A₁ and B₁ those of the saturated model (the parameters
  vech Σ, at S); the scaled ``χ²_s = χ² / c``. The baseline's c_b likewise (its parameters the p
  variances).
- **Robust indices** (Brosseau-Liard, Savalei & Li, 2012; Brosseau-Liard & Savalei, 2014; lavaan
  ``cfi.robust``, ``tli.robust``, ``rmsea.robust``): CFI = 1 − max(χ² − c·df, 0) /
  max(χ²_b − c_b·df_b, χ² − c·df, 0); TLI = 1 − ((χ² − c·df)/df) / ((χ²_b − c_b·df_b)/df_b);
  RMSEA = √(max(χ² − c·df, 0) / (N·df)), its interval √c times the interval of χ²_s.

Written here because no Python SEM library gives MLR; equal to lavaan 0.6-14 on the fixtures
(tests/fixtures/cbsem/r_cbsem.R) to 1e-6.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from scipy import stats

from reportgen.stats.cbsem import CbsemFit, Estimate, FitIndices, rmsea_interval
from reportgen.stats.cbsem_information import Matrices, at, derivative, free_values, gradient, matrices

STEP = 1e-5  # relative step of the central differences of the gradient


@dataclass(frozen=True)
class RobustFit:
    keys: list[tuple[str, str, str]]  # the free parameters (lhs, op, rhs)
    vcov: np.ndarray  # the sandwich covariance matrix of the free estimates
    scaling: float  # c
    baseline_scaling: float  # c_b
    chisq_scaled: float
    p_scaled: float
    baseline_chisq_scaled: float
    cfi: float  # robust
    tli: float
    rmsea: float
    rmsea_low: float
    rmsea_high: float

    @property
    def se(self) -> dict[tuple[str, str, str], float]:
        return dict(zip(self.keys, np.sqrt(np.diag(self.vcov)).tolist()))


def _observed_information(m: Matrices, sample: np.ndarray) -> np.ndarray:
    """½ ∂²F/∂θ∂θᵀ by central differences of the analytic gradient, symmetrised."""
    theta = free_values(m)
    k = len(theta)
    hessian = np.zeros((k, k))
    for col in range(k):
        step = STEP * max(1.0, abs(theta[col]))
        e = np.zeros(k)
        e[col] = step
        hessian[:, col] = (gradient(at(m, theta + e), sample) - gradient(at(m, theta - e), sample)) / (2 * step)
    return 0.25 * (hessian + hessian.T)


def _scores(inverse: np.ndarray, sigma: np.ndarray, centred: np.ndarray, deltas: np.ndarray) -> np.ndarray:
    """(n, k) casewise scores ½ tr(Σ⁻¹(d dᵀ − Σ)Σ⁻¹ Δ_k)."""
    w = inverse @ deltas @ inverse  # (k, p, p)
    quadratic = np.einsum("ni,kij,nj->nk", centred, w, centred)
    return 0.5 * (quadratic - np.einsum("ij,kji->k", sigma, w)[None, :])


def _trace_ab(information: np.ndarray, scores: np.ndarray) -> float:
    meat = scores.T @ scores / len(scores)
    return float(np.trace(np.linalg.solve(information, meat)))


def _saturated_trace(sample: np.ndarray, centred: np.ndarray, diagonal: bool) -> float:
    """tr(A₁⁻¹B₁) of the saturated model at S (``diagonal``: of the baseline's p variances)."""
    p = len(sample)
    cells = [(i, i) for i in range(p)] if diagonal else [(i, j) for j in range(p) for i in range(j, p)]
    deltas = np.zeros((len(cells), p, p))
    for k, (i, j) in enumerate(cells):
        deltas[k, i, j] = deltas[k, j, i] = 1.0
    implied = np.diag(np.diag(sample)) if diagonal else sample
    inverse = np.linalg.inv(implied)
    w = inverse @ deltas @ inverse
    information = 0.5 * np.einsum("kij,lji->kl", w, deltas)
    return _trace_ab(information, _scores(inverse, implied, centred, deltas))


def robust_fit(fit: CbsemFit, x: np.ndarray) -> RobustFit:
    """MLR of a fitted model on its data ``x`` (N × p, the columns in ``fit.observed`` order)."""
    m = matrices(fit)
    n = len(x)
    centred = x - x.mean(axis=0)
    sample = fit.sample
    information = _observed_information(m, sample)
    deltas = np.array([derivative(m, kind) for kind in m.free])
    scores = _scores(m.inverse, m.sigma, centred, deltas)
    meat = scores.T @ scores / n
    bread = np.linalg.inv(information)
    vcov = bread @ meat @ bread / n
    f = fit.fit
    saturated = _saturated_trace(sample, centred, diagonal=False)
    c = (saturated - float(np.trace(bread @ meat))) / f.df if f.df > 0 else 1.0  # a saturated model: χ² = 0 either way
    c_b = (saturated - _saturated_trace(sample, centred, diagonal=True)) / f.baseline_df
    chisq_s = f.chisq / c
    excess, base_excess = max(f.chisq - c * f.df, 0.0), max(f.baseline_chisq - c_b * f.baseline_df, 0.0)
    cfi = 1.0 - excess / max(base_excess, excess) if max(base_excess, excess) > 0 else 1.0
    tli = 1.0 - ((f.chisq - c * f.df) / f.df) / ((f.baseline_chisq - c_b * f.baseline_df) / f.baseline_df) if f.df > 0 else 1.0
    low, high = rmsea_interval(chisq_s, f.df, n)
    return RobustFit(
        m.keys,
        vcov,
        float(c),
        float(c_b),
        float(chisq_s),
        float(stats.chi2.sf(chisq_s, f.df)),
        float(f.baseline_chisq / c_b),
        float(cfi),
        float(tli),
        float(np.sqrt(excess / (n * f.df))) if f.df > 0 else 0.0,
        float(np.sqrt(c) * low),
        float(np.sqrt(c) * high),
    )


def with_robust_errors(fit: CbsemFit, x: np.ndarray) -> CbsemFit:
    """The fit as MLR reports it: each free estimate's SE, z and p from the sandwich, the fit
    indices those of the scaled χ² (the robust CFI, TLI and RMSEA; no close-fit p), the ML ones kept
    in ``ml_fit``."""
    robust = robust_fit(fit, x)
    se = robust.se

    def robust_estimate(e: Estimate) -> Estimate:
        if e.se is None:
            return e
        error = se[(e.lhs, e.op, e.rhs)]
        z = e.est / error
        return replace(e, se=error, z=z, p=float(2 * stats.norm.sf(abs(z))))

    indices: FitIndices = replace(
        fit.fit,
        chisq=robust.chisq_scaled,
        p=robust.p_scaled,
        baseline_chisq=robust.baseline_chisq_scaled,
        cfi=robust.cfi,
        tli=robust.tli,
        rmsea=robust.rmsea,
        rmsea_low=robust.rmsea_low,
        rmsea_high=robust.rmsea_high,
        rmsea_close_p=float("nan"),
    )
    return replace(fit, estimates=tuple(robust_estimate(e) for e in fit.estimates), fit=indices, robust=robust, ml_fit=fit.fit)
