"""Modification indices of a fitted CB-SEM model, as lavaan's ``modindices()`` (ML, expected
information) and AMOS's "Modification Indices" print them (Sörbom, 1989).

The candidates are the parameters the model fixes at zero that lavaan lists: every cross-loading
(``construct =~ item`` of an item of another construct) and every residual covariance of two
indicators (``item ~~ item``).

With Σ(θ) = Λ A Ψ Aᵀ Λᵀ + Θ, A = (I − B)⁻¹, and Δ_k = ∂Σ/∂θ_k for the free parameters and the
candidates alike, the unit expected information is ``I_kl = ½ tr(Σ⁻¹ Δ_k Σ⁻¹ Δ_l)`` and the
derivative of the ML discrepancy ``g_k = tr((Σ⁻¹ − Σ⁻¹ S Σ⁻¹) Δ_k)`` (zero for a free parameter at
the optimum). For one candidate j, with the free parameters r re-estimated,
``V_j = I_jj − I_jr I_rr⁻¹ I_rj``; the score test of freeing it is

    MI_j = N g_j² / (4 V_j)          (χ² with 1 df)
    EPC_j = −g_j / (2 V_j)           (the expected value of the freed parameter)

and the completely standardised EPC (lavaan ``sepc.all``) divides by the standard deviations the
model implies: a loading by sd(item) / sd(construct), a residual covariance by
sqrt(θ_ii θ_jj).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reportgen.stats.cbsem import CbsemFit

CRITICAL = 3.84  # χ²(1) at .05: a smaller MI promises no significant improvement
CHUNK = 256  # candidates whose derivatives are held at once
MAX_INDICATORS = 100  # the candidates grow with p²: above this many indicators no indices are computed


@dataclass(frozen=True)
class ModificationIndex:
    lhs: str
    op: str  # "=~" a cross-loading, "~~" a residual covariance
    rhs: str
    mi: float
    epc: float
    sepc_all: float


def _matrices(fit: CbsemFit):
    """Λ (p × k), B (k × k, B[t, s] the path s → t), Ψ (k × k), Θ (p × p) of the estimates."""
    latent = list(fit.measurement)
    observed = list(fit.observed)
    p, k = len(observed), len(latent)
    lam, b, psi, theta = np.zeros((p, k)), np.zeros((k, k)), np.zeros((k, k)), np.zeros((p, p))
    for e in fit.estimates:
        if e.op == "=~":
            lam[observed.index(e.rhs), latent.index(e.lhs)] = e.est
        elif e.op == "~":
            b[latent.index(e.lhs), latent.index(e.rhs)] = e.est
        elif e.lhs in latent:
            i, j = latent.index(e.lhs), latent.index(e.rhs)
            psi[i, j] = psi[j, i] = e.est
        else:
            i, j = observed.index(e.lhs), observed.index(e.rhs)
            theta[i, j] = theta[j, i] = e.est
    return lam, b, psi, theta


def _derivative(kind: str, i: int, j: int, lam, a, phi, shape) -> np.ndarray:
    """∂Σ/∂θ of one parameter: a loading (item i, construct j), a path (target i, source j), a
    latent (co)variance (i, j) or a residual (co)variance (items i, j)."""
    p, k = shape
    if kind == "loading":
        e = np.zeros((p, k))
        e[i, j] = 1.0
        half = e @ phi @ lam.T
    elif kind == "path":
        e = np.zeros((k, k))
        e[i, j] = 1.0
        half = lam @ a @ e @ phi @ lam.T
    elif kind == "psi":
        e = np.zeros((k, k))
        e[i, j] = 1.0
        out = lam @ a @ (e + e.T if i != j else e) @ a.T @ lam.T
        return out
    else:
        out = np.zeros((p, p))
        out[i, j] = out[j, i] = 1.0
        return out
    return half + half.T


def modification_indices(fit: CbsemFit, n: int) -> list[ModificationIndex]:
    """The modification index, EPC and standardised EPC of every cross-loading and every residual
    covariance of two indicators, in lavaan's order (cross-loadings by construct, then the
    covariances by the indicators' order)."""
    latent, observed = list(fit.measurement), list(fit.observed)
    p, k = len(observed), len(latent)
    lam, b, psi, theta = _matrices(fit)
    a = np.linalg.inv(np.eye(k) - b)
    phi = a @ psi @ a.T
    sigma = lam @ phi @ lam.T + theta
    inverse = np.linalg.inv(sigma)
    free = []
    for e in fit.estimates:
        if e.se is None:
            continue
        if e.op == "=~":
            free.append(("loading", observed.index(e.rhs), latent.index(e.lhs)))
        elif e.op == "~":
            free.append(("path", latent.index(e.lhs), latent.index(e.rhs)))
        elif e.lhs in latent:
            free.append(("psi", latent.index(e.lhs), latent.index(e.rhs)))
        else:
            free.append(("theta", observed.index(e.lhs), observed.index(e.rhs)))
    owner = {item: c for c, items in fit.measurement.items() for item in items}
    candidates = [("=~", c, item) for c in latent for item in observed if owner[item] != c]
    fixed_theta = {frozenset((e.lhs, e.rhs)) for e in fit.estimates if e.op == "~~"}
    candidates += [
        ("~~", observed[i], observed[j]) for i in range(p) for j in range(i + 1, p) if frozenset((observed[i], observed[j])) not in fixed_theta
    ]
    kinds = [
        ("loading", observed.index(rhs), latent.index(lhs)) if op == "=~" else ("theta", observed.index(lhs), observed.index(rhs))
        for op, lhs, rhs in candidates
    ]

    def stacked(params) -> tuple[np.ndarray, np.ndarray]:
        """vec(Δ) and vec(Σ⁻¹ Δ Σ⁻¹) of the parameters, one row each."""
        deltas = np.array([_derivative(kind, i, j, lam, a, phi, (p, k)) for kind, i, j in params]).reshape(-1, p, p)
        return deltas.reshape(-1, p * p), (inverse @ deltas @ inverse).reshape(-1, p * p)

    d_r, w_r = stacked(free)
    i_rr = 0.5 * w_r @ d_r.T
    misfit = (inverse - inverse @ fit.sample @ inverse).ravel()
    gradient, v = np.empty(len(kinds)), np.empty(len(kinds))
    for start in range(0, len(kinds), CHUNK):  # the candidates in blocks: their Δ grow with p² each
        d_c, w_c = stacked(kinds[start : start + CHUNK])
        i_cr = 0.5 * w_c @ d_r.T
        i_cc = 0.5 * np.einsum("kq,kq->k", w_c, d_c)
        gradient[start : start + CHUNK] = d_c @ misfit
        v[start : start + CHUNK] = i_cc - np.einsum("kr,kr->k", i_cr, np.linalg.solve(i_rr, i_cr.T).T)
    out = []
    latent_sd = np.sqrt(np.diag(phi))
    observed_sd = np.sqrt(np.diag(sigma))
    for c, (op, lhs, rhs) in enumerate(candidates):
        g = gradient[c]
        epc = -g / (2 * v[c])
        if op == "=~":
            sepc = epc * latent_sd[latent.index(lhs)] / observed_sd[observed.index(rhs)]
        else:
            sepc = epc / np.sqrt(theta[observed.index(lhs), observed.index(lhs)] * theta[observed.index(rhs), observed.index(rhs)])
        out.append(ModificationIndex(lhs, op, rhs, float(n * g * g / (4 * v[c])), float(epc), float(sepc)))
    return out
