"""The bootstrap of a CB-SEM model's indirect effects with bias-corrected percentile intervals, the
interval AMOS users report (AMOS's "bias-corrected percentile method"; Efron & Tibshirani, 1993).

- Each resample draws N respondents with replacement (``default_rng([seed, 4])``, a stream of its
  own), and the model is fitted to its covariance matrix (divisor N) by ML: Fisher scoring from the
  full-sample estimates, ``θ ← θ − (2 I)⁻¹ ∇F`` with I the unit expected information
  (:mod:`reportgen.stats.cbsem_information`), to max |∇F| < 10⁻¹⁰. A resample whose implied matrix
  is not positive definite, or that does not converge in 100 steps, is left out and counted, as
  AMOS reports the bootstrap samples it could not use.
- The bias-corrected interval: z₀ = Φ⁻¹(share of the resamples' effects below the estimate); the
  limits are the Φ(2z₀ + z_{α/2}) and Φ(2z₀ + z_{1−α/2}) quantiles of the resamples' effects
  (R's type 7).

Each resample's estimates equal lavaan 0.6-14 fitted to the same rows (tests/fixtures/cbsem/r_cbsem.R).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from reportgen.stats.cbsem import CbsemFit
from reportgen.stats.cbsem_information import Matrices, at, free_values, matrices, stacked

STEPS = 100
TOLERANCE = 1e-10


@dataclass(frozen=True)
class BootstrapIndirect:
    draws: dict[tuple[str, ...], np.ndarray]  # chain → its effect in each usable resample
    resamples: int  # drawn
    failed: int  # left out: not positive definite, or not converged


def refit(m: Matrices, sample: np.ndarray) -> np.ndarray | None:
    """The ML estimates for the covariance matrix ``sample``, from those of ``m``; None when the
    scoring leaves the positive definite matrices or does not converge."""
    theta = free_values(m)
    for _ in range(STEPS):
        current = at(m, theta)
        if np.linalg.eigvalsh(current.sigma)[0] <= 0:
            return None
        deltas, weighted = stacked(current, current.free)  # vec(∂Σ/∂θ_k), vec(Σ⁻¹ ∂Σ/∂θ_k Σ⁻¹)
        g = weighted @ (current.sigma - sample).ravel()  # ∂F/∂θ_k
        if np.abs(g).max() < TOLERANCE:
            return theta
        theta = theta - np.linalg.solve(weighted @ deltas.T, g)  # (2 I)⁻¹ ∇F, I = ½ Σ⁻¹Δ Σ⁻¹ · Δ
    return None


def bootstrap_indirect(fit: CbsemFit, x: np.ndarray, chains: list[tuple[str, ...]], resamples: int, seed: int | None) -> BootstrapIndirect:
    """The effect of every chain in each of ``resamples`` resamples of the rows of ``x`` (N × p, in
    ``fit.observed`` order)."""
    m = matrices(fit)
    n = len(x)
    rows = np.random.default_rng(None if seed is None else [seed, 4]).integers(0, n, size=(resamples, n))
    index = {chain: [m.keys.index((t, "~", s)) for s, t in zip(chain, chain[1:])] for chain in chains}
    kept: dict[tuple[str, ...], list[float]] = {chain: [] for chain in chains}
    failed = 0
    for draw in rows:
        theta = refit(m, np.cov(x[draw], rowvar=False, ddof=0))
        if theta is None:
            failed += 1
            continue
        for chain, links in index.items():
            kept[chain].append(float(np.prod(theta[links])))
    return BootstrapIndirect({chain: np.array(v) for chain, v in kept.items()}, resamples, failed)


def bias_corrected(draws: np.ndarray, estimate: float, alpha: float) -> tuple[float, float]:
    """The bias-corrected percentile interval of ``estimate`` from its bootstrap ``draws``."""
    z0 = special.ndtri(np.mean(draws < estimate))
    low, high = special.ndtr(2 * z0 + special.ndtri(np.array([alpha / 2, 1 - alpha / 2])))
    return float(np.quantile(draws, low)), float(np.quantile(draws, high))
