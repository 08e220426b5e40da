"""The mixed (split-plot) ANOVA: k measurements of the same respondents (within) by the groups of
a respondent column (between), type III sums of squares with sum-to-zero contrasts, as car's
``Anova(lm(Y ~ group), idesign = ~time, type = 3)`` and SPSS's GLM repeated measures give them.

With X the design matrix (intercept and g − 1 sum-to-zero columns) and (X'X)⁻¹ = V:

- between subjects: the row means m of Y regressed on X; ``SS_group = k · b_Gᵀ V_GG⁻¹ b_G`` and
  ``SS_error = k · RSS(m)`` on (g − 1, n − g) df;
- within: Z = Y C, C an orthonormal basis of the k − 1 contrasts; B = V X'Z; the error SSCP
  E = (Z − XB)ᵀ(Z − XB); time: ``H = b₀ b₀ᵀ / V₀₀`` (b₀ the intercept row), time × group:
  ``H = B_Gᵀ V_GG⁻¹ B_G``; each tested univariately, ``F = (tr H / df_H) / (tr E / df_E)`` with
  df_E = (n − g)(k − 1).
- Sphericity on E (Mauchly's W, car's ``mauchly``) and its ε_GG and ε_HF with df = n − g
  (:func:`reportgen.stats.paired.sphericity_epsilons`, car); each within test's p also at its
  df × ε.
- Partial η² = SS / (SS + SS_error) of the stratum (as SPSS prints it).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats

from reportgen.stats.paired import mauchly, sphericity_epsilons


@dataclass(frozen=True)
class MixedTerm:
    ss: float
    df1: float
    error_ss: float
    df2: float
    f: float
    p: float
    partial_eta2: float
    gg_epsilon: float | None = None  # within-subject terms only
    gg_p: float | None = None
    hf_epsilon: float | None = None
    hf_p: float | None = None


@dataclass(frozen=True)
class MixedAnova:
    groups: tuple[str, ...]
    sizes: tuple[int, ...]
    group: MixedTerm
    time: MixedTerm
    interaction: MixedTerm
    mauchly_w: float | None  # None for two measurements
    mauchly_p: float | None


def _term(h: float, df1: float, error: float, df2: float) -> MixedTerm:
    f = (h / df1) / (error / df2)
    return MixedTerm(h, df1, error, df2, f, float(stats.f.sf(f, df1, df2)), h / (h + error))


def _corrected(term: MixedTerm, gg: float, hf: float) -> MixedTerm:
    def p_at(eps: float) -> float:
        e = min(1.0, eps)
        return float(stats.f.sf(term.f, term.df1 * e, term.df2 * e))

    return MixedTerm(**{**term.__dict__, "gg_epsilon": gg, "gg_p": p_at(gg), "hf_epsilon": hf, "hf_p": p_at(hf)})


def mixed_anova(table: np.ndarray, labels, groups: list[str]) -> MixedAnova:
    """The mixed ANOVA of the n × k ``table`` with each row's group in ``labels`` (``groups``: the
    groups in their order; every row's label is one of them)."""
    y = np.asarray(table, float)
    n, k = y.shape
    g = len(groups)
    index = np.array([groups.index(label) for label in labels])
    coding = np.vstack([np.eye(g - 1), -np.ones(g - 1)])  # contr.sum
    x = np.column_stack([np.ones(n), coding[index]])
    v = np.linalg.inv(x.T @ x)
    m = y.mean(axis=1)
    b = v @ x.T @ m
    rss = float(((m - x @ b) ** 2).sum())
    gg_block = np.linalg.inv(v[1:, 1:])
    group = _term(k * float(b[1:] @ gg_block @ b[1:]), g - 1, k * rss, n - g)
    contrasts = np.linalg.qr(np.eye(k) - 1 / k)[0][:, : k - 1]
    z = y @ contrasts
    coef = v @ x.T @ z
    residual = z - x @ coef
    error = residual.T @ residual
    h_time = np.outer(coef[0], coef[0]) / v[0, 0]
    h_inter = coef[1:].T @ gg_block @ coef[1:]
    p = k - 1
    df_e = (n - g) * p
    time = _term(float(np.trace(h_time)), p, float(np.trace(error)), df_e)
    interaction = _term(float(np.trace(h_inter)), (g - 1) * p, float(np.trace(error)), df_e)
    df = n - g
    gg, hf = sphericity_epsilons(error, df)
    w, w_p = mauchly(error / df, df, k) if p > 1 else (None, None)
    sizes = tuple(int((index == j).sum()) for j in range(g))
    return MixedAnova(tuple(groups), sizes, group, _corrected(time, gg, hf), _corrected(interaction, gg, hf), w, w_p)
