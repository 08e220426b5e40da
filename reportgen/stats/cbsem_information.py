"""The LISREL matrices of a fitted CB-SEM model and the derivatives of its implied covariance
matrix, shared by the modification indices (:mod:`reportgen.stats.cbsem_mi`) and the indirect
effects (:mod:`reportgen.stats.cbsem_indirect`).

Σ(θ) = Λ A Ψ Aᵀ Λᵀ + Θ with A = (I − B)⁻¹ and the latent covariance Φ = A Ψ Aᵀ:

- a loading λ_ic: ∂Σ = E_ic Φ Λᵀ + (E_ic Φ Λᵀ)ᵀ;
- a path b_ts (s → t): ∂Σ = Λ A E_ts Φ Λᵀ + (…)ᵀ;
- a latent (co)variance ψ_ab: ∂Σ = Λ A (E_ab + E_ba) Aᵀ Λᵀ (E_aa once on the diagonal);
- a residual (co)variance θ_ij: ∂Σ = E_ij + E_ji (E_ii once).

The unit expected information of ML is ``I_kl = ½ tr(Σ⁻¹ Δ_k Σ⁻¹ Δ_l)``; the covariance matrix
of the free estimates is ``(N I)⁻¹`` (lavaan ``vcov`` with ``information = "expected"``), whose
square roots are the standard errors of the fit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reportgen.stats.cbsem import CbsemFit

Kind = tuple[str, int, int]  # ("loading" | "path" | "psi" | "theta", i, j)


@dataclass(frozen=True)
class Matrices:
    latent: list[str]
    observed: list[str]
    lam: np.ndarray  # Λ (p × k)
    b: np.ndarray  # B (k × k), B[t, s] the path s → t
    psi: np.ndarray  # Ψ (k × k)
    theta: np.ndarray  # Θ (p × p)
    a: np.ndarray  # (I − B)⁻¹
    phi: np.ndarray  # Φ = A Ψ Aᵀ
    sigma: np.ndarray  # Σ(θ̂)
    inverse: np.ndarray  # Σ⁻¹
    free: list[Kind]  # the free parameters, in the order of the fit's estimates
    keys: list[tuple[str, str, str]]  # (lhs, op, rhs) of each free parameter


def matrices(fit: CbsemFit) -> Matrices:
    """Λ, B, Ψ, Θ of the estimates and the free parameters of the fit."""
    latent = list(fit.measurement)
    observed = list(fit.observed)
    p, k = len(observed), len(latent)
    lam, b, psi, theta = np.zeros((p, k)), np.zeros((k, k)), np.zeros((k, k)), np.zeros((p, p))
    free: list[Kind] = []
    keys = []
    for e in fit.estimates:
        if e.op == "=~":
            kind = ("loading", observed.index(e.rhs), latent.index(e.lhs))
            lam[kind[1], kind[2]] = e.est
        elif e.op == "~":
            kind = ("path", latent.index(e.lhs), latent.index(e.rhs))
            b[kind[1], kind[2]] = e.est
        elif e.lhs in latent:
            kind = ("psi", latent.index(e.lhs), latent.index(e.rhs))
            psi[kind[1], kind[2]] = psi[kind[2], kind[1]] = e.est
        else:
            kind = ("theta", observed.index(e.lhs), observed.index(e.rhs))
            theta[kind[1], kind[2]] = theta[kind[2], kind[1]] = e.est
        if e.se is not None:
            free.append(kind)
            keys.append((e.lhs, e.op, e.rhs))
    a = np.linalg.inv(np.eye(k) - b)
    phi = a @ psi @ a.T
    sigma = lam @ phi @ lam.T + theta
    return Matrices(latent, observed, lam, b, psi, theta, a, phi, sigma, np.linalg.inv(sigma), free, keys)


def derivative(m: Matrices, kind: Kind) -> np.ndarray:
    """∂Σ/∂θ of one parameter (see the module docstring)."""
    name, i, j = kind
    p, k = m.lam.shape
    if name == "theta":
        out = np.zeros((p, p))
        out[i, j] = out[j, i] = 1.0
        return out
    if name == "psi":
        e = np.zeros((k, k))
        e[i, j] = 1.0
        return m.lam @ m.a @ (e + e.T if i != j else e) @ m.a.T @ m.lam.T
    if name == "loading":
        e = np.zeros((p, k))
        e[i, j] = 1.0
        half = e @ m.phi @ m.lam.T
    else:
        e = np.zeros((k, k))
        e[i, j] = 1.0
        half = m.lam @ m.a @ e @ m.phi @ m.lam.T
    return half + half.T


def stacked(m: Matrices, kinds: list[Kind]) -> tuple[np.ndarray, np.ndarray]:
    """vec(Δ) and vec(Σ⁻¹ Δ Σ⁻¹) of the parameters, one row each."""
    p = len(m.observed)
    deltas = np.array([derivative(m, kind) for kind in kinds]).reshape(-1, p, p)
    return deltas.reshape(-1, p * p), (m.inverse @ deltas @ m.inverse).reshape(-1, p * p)


def at(m: Matrices, theta: np.ndarray) -> Matrices:
    """The matrices at the free parameters ``theta`` (in ``m.free`` order)."""
    lam, b, psi, th = m.lam.copy(), m.b.copy(), m.psi.copy(), m.theta.copy()
    for value, (name, i, j) in zip(theta, m.free):
        if name == "loading":
            lam[i, j] = value
        elif name == "path":
            b[i, j] = value
        elif name == "psi":
            psi[i, j] = psi[j, i] = value
        else:
            th[i, j] = th[j, i] = value
    a = np.linalg.inv(np.eye(len(b)) - b)
    phi = a @ psi @ a.T
    sigma = lam @ phi @ lam.T + th
    return Matrices(m.latent, m.observed, lam, b, psi, th, a, phi, sigma, np.linalg.inv(sigma), m.free, m.keys)


def free_values(m: Matrices) -> np.ndarray:
    """The free parameters' values, in ``m.free`` order."""
    source = {"loading": m.lam, "path": m.b, "psi": m.psi, "theta": m.theta}
    return np.array([source[name][i, j] for name, i, j in m.free])


def gradient(m: Matrices, sample: np.ndarray) -> np.ndarray:
    """∂F_ML/∂θ_k = tr(Σ⁻¹(Σ − S)Σ⁻¹ ∂Σ/∂θ_k) at ``m`` for the sample covariance matrix ``sample``."""
    w = m.inverse @ (m.sigma - sample) @ m.inverse
    return np.array([np.sum(w * derivative(m, kind)) for kind in m.free])


def information(m: Matrices) -> np.ndarray:
    """The unit expected information of the free parameters."""
    d, w = stacked(m, m.free)
    return 0.5 * w @ d.T


def covariance(fit: CbsemFit, n: int) -> tuple[np.ndarray, list[tuple[str, str, str]]]:
    """The covariance matrix of the free estimates, ``(N I)⁻¹`` (with MLR the sandwich), and
    their (lhs, op, rhs)."""
    m = matrices(fit)
    if fit.robust is not None:
        return fit.robust.vcov, m.keys
    return np.linalg.inv(n * information(m)), m.keys
