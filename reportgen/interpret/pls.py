"""PLS-SEM assessment thresholds (Hair, Hult, Ringle, Sarstedt, Danks & Ray, 2021, ch. 4–6).

- Indicator loadings ≥ 0,70 (indicator reliability ≥ 0,50).
- Internal consistency: rho_C and rho_A ≥ 0,70 (0,60 acceptable in exploratory research); ≤ 0,95.
- Convergent validity: AVE ≥ 0,50.
- Discriminant validity: HTMT < 0,90 (Henseler, Ringle & Sarstedt, 2015); Fornell–Larcker:
  sqrt(AVE) above the construct's correlations; each indicator loads highest on its construct.
- Collinearity: VIF < 5 (ideally < 3).
- f²: 0,02 small, 0,15 medium, 0,35 large (Cohen, 1988). Q² > 0: predictive relevance.
- R²: 0,75 substantial, 0,50 moderate, 0,25 weak (Hair et al., 2011).
- SRMR < 0,08: good fit (Hu & Bentler, 1999).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reportgen.interpret.verdict import Rule, Verdict, at_least, below, significance

CITATION = "Hair et al., 2021"
LOADING_MIN = 0.70
RELIABILITY_MIN = 0.70
AVE_MIN = 0.50
HTMT_MAX = 0.90
VIF_MAX = 5.0
SRMR_MAX = 0.08


def f2_size(f2: float) -> str:
    """'none' < 0,02 ≤ 'small' < 0,15 ≤ 'medium' < 0,35 ≤ 'large'."""
    return "none" if f2 < 0.02 else "small" if f2 < 0.15 else "medium" if f2 < 0.35 else "large"


def r2_level(r2: float) -> str:
    """'weak' below 0,50 (0,25 its lower anchor), 'moderate' below 0,75, else 'substantial'."""
    return "very_weak" if r2 < 0.25 else "weak" if r2 < 0.50 else "moderate" if r2 < 0.75 else "substantial"


@dataclass(frozen=True)
class PlsVerdicts:
    """Every decision of the outer and inner model assessment, made once."""

    loadings: dict[str, Verdict]  # indicator → valid | invalid
    ave: dict[str, Verdict]  # construct → valid | invalid
    composite_reliability: dict[str, Verdict]  # construct → reliable | unreliable (rho_C)
    fornell_larcker: dict[str, Verdict]  # construct → valid | invalid
    htmt: dict[tuple[str, str], Verdict]  # pair → valid | invalid
    cross_loadings: Verdict  # valid when every indicator loads highest on its own construct
    outer_vif: dict[str, Verdict]  # indicator → no_multicollinearity | multicollinearity
    inner_vif: dict[tuple[str, str], Verdict]  # path → no_multicollinearity | multicollinearity
    r2: dict[str, Verdict]  # endogenous construct → substantial | moderate | weak | very_weak
    q2: dict[str, Verdict]  # endogenous construct → relevant | not_relevant
    f2: dict[tuple[str, str], Verdict]  # path → large | medium | small | none
    srmr: Verdict  # fit | no_fit
    indirect: dict[tuple[str, ...], Verdict]  # specific indirect effect → significant | not_significant


def pls_verdicts(spec, model, reliability, htmt, fornell_larcker, outer_vif, inner_vif, q2, f2, srmr, boot, alpha) -> PlsVerdicts:
    """Apply the thresholds above to a fitted model and its bootstrap."""
    names = spec.constructs
    loadings = model.loadings.sum(axis=1)
    owner = spec.mask.argmax(axis=1)
    cross = model.cross_loadings
    own_highest = all(abs(cross[k, owner[k]]) >= abs(cross[k]).max() - 1e-12 for k in range(len(spec.indicators)))
    vif_rule = Rule("vif", VIF_MAX, CITATION)
    return PlsVerdicts(
        loadings={item: at_least(float(v), LOADING_MIN, Rule("outer_loading", LOADING_MIN, CITATION), "valid", "invalid")
                  for item, v in zip(spec.indicators, loadings)},
        ave={c: at_least(reliability[c].ave, AVE_MIN, Rule("ave", AVE_MIN, CITATION), "valid", "invalid") for c in names},
        composite_reliability={c: at_least(reliability[c].rho_c, RELIABILITY_MIN, Rule("rho_c", RELIABILITY_MIN, CITATION),
                                           "reliable", "unreliable") for c in names},
        fornell_larcker={c: _fornell_larcker(fornell_larcker, i) for i, c in enumerate(names)},
        htmt={(names[i], names[j]): below(float(htmt[i, j]), HTMT_MAX, Rule("htmt", HTMT_MAX, "Henseler, Ringle & Sarstedt, 2015"),
                                          "valid", "invalid")
              for i in range(len(names)) for j in range(i + 1, len(names))},
        cross_loadings=Verdict("valid" if own_highest else "invalid", Rule("cross_loadings", None, CITATION), None, own_highest),
        outer_vif={item: below(float(v), VIF_MAX, vif_rule, "no_multicollinearity", "multicollinearity")
                   for item, v in zip(spec.indicators, outer_vif)},
        inner_vif={path: below(v, VIF_MAX, vif_rule, "no_multicollinearity", "multicollinearity") for path, v in inner_vif.items()},
        r2={names[j]: Verdict(r2_level(float(model.r2[j])), Rule("r2_levels", None, "Hair et al., 2011"), float(model.r2[j]))
            for j in spec.endogenous},
        q2={c: Verdict("relevant" if v > 0 else "not_relevant", Rule("q2_above_zero", 0.0, CITATION), v, v > 0) for c, v in q2.items()},
        f2={path: Verdict(f2_size(v), Rule("f2_sizes", None, "Cohen, 1988"), v) for path, v in f2.items()},
        srmr=below(srmr, SRMR_MAX, Rule("srmr", SRMR_MAX, "Hu & Bentler, 1999"), "fit", "no_fit"),
        indirect={chain: significance(st.p, alpha, CITATION) for chain, st in boot.specific_indirect.items()},
    )


def _fornell_larcker(matrix: np.ndarray, i: int) -> Verdict:
    """'valid' when sqrt(AVE) (the diagonal) is above every correlation of the construct."""
    others = [abs(matrix[i, j]) for j in range(len(matrix)) if j != i]
    valid = not any(value > matrix[i, i] for value in others)
    return Verdict("valid" if valid else "invalid", Rule("fornell_larcker", None, "Fornell & Larcker, 1981"), float(matrix[i, i]), valid)


def quality_warnings(reliability, verdicts: PlsVerdicts) -> list[str]:
    """One line for every threshold the model misses."""
    warnings = []
    for item, verdict in verdicts.loadings.items():
        if verdict.passed is False:
            warnings.append(f"PLS: loading of {item} is {verdict.value:.3f}, below {LOADING_MIN}")
    for c, rel in reliability.items():
        if verdicts.ave[c].passed is False:
            warnings.append(f"PLS: AVE of {c} is {rel.ave:.3f}, below {AVE_MIN}")
        if verdicts.composite_reliability[c].passed is False:
            warnings.append(f"PLS: rho_C of {c} is {rel.rho_c:.3f}, below {RELIABILITY_MIN}")
    for (a, b), verdict in verdicts.htmt.items():
        if verdict.passed is False:
            warnings.append(f"PLS: HTMT of {a} and {b} is {verdict.value:.3f}, not below {HTMT_MAX}")
    for (a, b), verdict in verdicts.inner_vif.items():
        if verdict.passed is False:
            warnings.append(f"PLS: inner VIF of {a} -> {b} is {verdict.value:.3f}, not below {VIF_MAX}")
    for item, verdict in verdicts.outer_vif.items():
        if verdict.passed is False:
            warnings.append(f"PLS: outer VIF of {item} is {verdict.value:.3f}, not below {VIF_MAX}")
    return warnings
