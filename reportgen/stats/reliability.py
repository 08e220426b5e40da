"""Internal consistency: Cronbach's alpha, alpha if item deleted, McDonald's omega total."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

PSI_LOWER, PSI_UPPER = 0.005, 1.0  # psych::fa's bounds on the uniquenesses of a correlation matrix


@dataclass(frozen=True)
class Omega:
    """McDonald's omega total of a one-factor model, with what a reader must know about it.

    ``flipped``: positions of items loading negatively, reversed before omega is computed (psych's
    ``flip = TRUE``). ``heywood``: positions of items whose uniqueness stopped at its lower bound
    0,005, i.e. whose communality would exceed one (a Heywood case). ``omega`` is kept as computed
    even outside 0–1; :mod:`reportgen.interpret.measurement` decides what it may be called.
    """

    omega: float
    loadings: tuple[float, ...]
    flipped: tuple[int, ...]
    heywood: tuple[int, ...]


def omega_total(items: np.ndarray) -> Omega | None:
    """McDonald's omega total (McDonald, 1999) as R ``psych::omega(x, nfactors = 1)$omega.tot``.

    The loadings l are psych's minimum-residual (minres) solution (:func:`minres_one_factor`);
    items loading negatively are reversed (the signs ``s`` of the loadings flip their
    correlations), and ``omega = 1 - sum(1 - l_i^2) / sum_ij(s_i s_j r_ij)``. psych's default
    three-factor Schmid–Leiman solution is a different statistic. Undefined (None) for fewer than
    three items or an item without variance.
    """
    items = np.asarray(items, dtype=float)
    k = items.shape[1]
    if k < 3 or (items.std(axis=0) == 0).any():
        return None
    r = np.corrcoef(items, rowvar=False)
    loadings, psi = minres_one_factor(r)
    signs = np.where(loadings < 0, -1.0, 1.0)
    flipped_sum = float((r * np.outer(signs, signs)).sum())
    omega = 1 - float((1 - loadings**2).sum()) / flipped_sum
    return Omega(
        omega,
        tuple(float(v) for v in loadings),
        tuple(int(i) for i in np.flatnonzero(signs < 0)),
        tuple(int(i) for i in np.flatnonzero(psi <= PSI_LOWER)),
    )


def minres_one_factor(r: np.ndarray, tolerance: float = 1e-12) -> tuple[np.ndarray, np.ndarray]:
    """One-factor loadings and uniquenesses of a correlation matrix, as ``psych::fa(fm = "minres")``.

    psych finds uniquenesses ψ in [0,005, 1] where the diagonal residual vanishes: with
    ``M(ψ) = R`` with ``1 - ψ`` on its diagonal, and ``l = v sqrt(λ)`` its first eigenpair,
    ``g_i(ψ) = l_i^2 + ψ_i - 1 = 0`` (``FAgr.minres``, driven to zero by L-BFGS-B). A ψ at a bound
    stays there when g pushes it outwards. Here g = 0 is solved by Newton's method on the free
    ψ, with the exact Jacobian from first-order eigen-perturbation,
    ``dg_i/dψ_j = δ_ij - v_i^2 v_j^2 + 2 λ v_i v_j P_ij``, ``P = Σ_{m>1} v_m v_mᵀ / (λ_m - λ)``;
    a step that does not reduce |g| is halved. It starts, as psych does, at ψ = 1 − SMC.

    Hand-written, not ``scipy.optimize``: importing SciPy's optimiser costs 0,09 s of a 0,42 s
    results.json run (measured), and psych's criterion is this root, not a plain minimum. The
    plain fixed-point iteration (principal axes) it replaces needed up to 10 000 eigen-decompositions
    for weakly related items; Newton needs a handful. Equal to psych to 1e-6 (tests/stats/test_reliability.py).
    """
    k = len(r)
    psi = np.clip(1 - _smc(r), PSI_LOWER, PSI_UPPER)

    def state(psi: np.ndarray):
        m = r.copy()
        np.fill_diagonal(m, 1 - psi)
        values, vectors = np.linalg.eigh(m)
        lam, v = max(values[-1], 0.0), vectors[:, -1]
        return values, vectors, lam, v, lam * v * v + psi - 1

    values, vectors, lam, v, g = state(psi)
    for _ in range(200):
        free = ~(((psi <= PSI_LOWER) & (g > 0)) | ((psi >= PSI_UPPER) & (g < 0)))
        size = np.abs(g[free]).max() if free.any() else 0.0
        if size < tolerance:
            break
        gaps = values[:-1] - values[-1]
        gaps[gaps == 0] = -np.finfo(float).eps
        pseudo = (vectors[:, :-1] / gaps) @ vectors[:, :-1].T
        jacobian = np.eye(k) - np.outer(v * v, v * v) + 2 * lam * np.outer(v, v) * pseudo
        step = np.zeros(k)
        try:
            step[free] = np.linalg.solve(jacobian[np.ix_(free, free)], -g[free])
        except np.linalg.LinAlgError:
            step[free] = -g[free]  # a fixed-point (principal-axis) step
        t = 1.0
        while t > 1e-6:
            trial = np.clip(psi + t * step, PSI_LOWER, PSI_UPPER)
            new = state(trial)
            new_free = ~(((trial <= PSI_LOWER) & (new[4] > 0)) | ((trial >= PSI_UPPER) & (new[4] < 0)))
            if (np.abs(new[4][new_free]).max() if new_free.any() else 0.0) < size:
                break
            t /= 2
        psi = trial
        values, vectors, lam, v, g = new
    loadings = v * np.sqrt(lam)
    return (loadings if loadings.sum() >= 0 else -loadings), psi


def _smc(r: np.ndarray) -> np.ndarray:
    """Squared multiple correlations ``1 - 1 / diag(R⁻¹)`` (psych::smc), 0 where R is singular."""
    try:
        inverse = np.linalg.inv(r)
    except np.linalg.LinAlgError:
        return np.zeros(len(r))
    diagonal = np.diag(inverse)
    return np.where(diagonal > 0, 1 - 1 / np.where(diagonal > 0, diagonal, 1), 0.0)


@dataclass(frozen=True)
class Reliability:
    alpha: float | None
    alpha_if_deleted: tuple[float | None, ...]
    constant: tuple[int, ...] = ()  # items without variance, left out of alpha (as psych::alpha does)


def cronbach_alpha(items: np.ndarray) -> float | None:
    """Cronbach's alpha of an n × k item matrix.

    ``alpha = k / (k - 1) * (1 - sum(var_i) / var(total))`` (Cronbach, 1951), sample variances.
    Matches R ``psych::alpha(x)$total$raw_alpha`` and SPSS RELIABILITY. Undefined (None) for a
    single item or a total without variance. It can be negative: the items then do not measure
    one thing (or a reversed item was not recoded).
    """
    items = np.asarray(items, dtype=float)
    k = items.shape[1]
    if k < 2:
        return None
    total_var = items.sum(axis=1).var(ddof=1)
    if not np.isfinite(total_var) or total_var == 0:
        return None
    return float(k / (k - 1) * (1 - items.var(axis=0, ddof=1).sum() / total_var))


def reliability(items: np.ndarray) -> Reliability:
    """Alpha and, for each item, alpha of the remaining items.

    Items without variance are left out first, as ``psych::alpha`` does (with its warning "Item
    = z had no variance and was deleted"): ``alpha`` and ``alpha_if_deleted`` match
    ``psych::alpha(x)$total$raw_alpha`` and ``$alpha.drop$raw_alpha``, the latter also SPSS's
    "Cronbach's Alpha if Item Deleted"; a constant item has no alpha if deleted (None).
    """
    items = np.asarray(items, dtype=float)
    varies = np.ptp(items, axis=0) > 0
    kept = items[:, varies]
    positions = np.cumsum(varies) - 1
    dropped = tuple(cronbach_alpha(np.delete(kept, positions[j], axis=1)) if varies[j] and kept.shape[1] > 2 else None for j in range(items.shape[1]))
    return Reliability(alpha=cronbach_alpha(kept), alpha_if_deleted=dropped, constant=tuple(int(j) for j in np.flatnonzero(~varies)))
