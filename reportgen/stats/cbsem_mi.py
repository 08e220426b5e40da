"""Modification indices of a fitted CB-SEM model, as lavaan's ``modindices()`` (ML, expected
information) and AMOS's "Modification Indices" print them (Sörbom, 1989).

The candidates are the parameters the model fixes at zero that lavaan lists: every cross-loading
(``construct =~ item`` of an item of another construct) and every residual covariance of two
indicators (``item ~~ item``).

With Δ_k = ∂Σ/∂θ_k for the free parameters and the candidates alike
(:mod:`reportgen.stats.cbsem_information`), the unit expected information is ``I_kl = ½ tr(Σ⁻¹ Δ_k Σ⁻¹ Δ_l)`` and the
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
from reportgen.stats.cbsem_information import matrices, stacked

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


def modification_indices(fit: CbsemFit, n: int) -> list[ModificationIndex]:
    """The modification index, EPC and standardised EPC of every cross-loading and every residual
    covariance of two indicators, in lavaan's order (cross-loadings by construct, then the
    covariances by the indicators' order)."""
    m = matrices(fit)
    latent, observed, theta, inverse = m.latent, m.observed, m.theta, m.inverse
    p = len(observed)
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

    d_r, w_r = stacked(m, m.free)
    i_rr = 0.5 * w_r @ d_r.T
    misfit = (inverse - inverse @ fit.sample @ inverse).ravel()
    gradient, v = np.empty(len(kinds)), np.empty(len(kinds))
    for start in range(0, len(kinds), CHUNK):  # the candidates in blocks: their Δ grow with p² each
        d_c, w_c = stacked(m, kinds[start : start + CHUNK])
        i_cr = 0.5 * w_c @ d_r.T
        i_cc = 0.5 * np.einsum("kq,kq->k", w_c, d_c)
        gradient[start : start + CHUNK] = d_c @ misfit
        v[start : start + CHUNK] = i_cc - np.einsum("kr,kr->k", i_cr, np.linalg.solve(i_rr, i_cr.T).T)
    out = []
    latent_sd = np.sqrt(np.diag(m.phi))
    observed_sd = np.sqrt(np.diag(m.sigma))
    for c, (op, lhs, rhs) in enumerate(candidates):
        g = gradient[c]
        epc = -g / (2 * v[c])
        if op == "=~":
            sepc = epc * latent_sd[latent.index(lhs)] / observed_sd[observed.index(rhs)]
        else:
            sepc = epc / np.sqrt(theta[observed.index(lhs), observed.index(lhs)] * theta[observed.index(rhs), observed.index(rhs)])
        out.append(ModificationIndex(lhs, op, rhs, float(n * g * g / (4 * v[c])), float(epc), float(sepc)))
    return out
