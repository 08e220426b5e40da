"""PLS-SEM assessment thresholds (Hair, Hult, Ringle, Sarstedt, Danks & Ray, 2021, ch. 4–6).

- Indicator loadings ≥ 0,70 (indicator reliability ≥ 0,50).
- Internal consistency: rho_C and rho_A ≥ 0,70 (0,60 acceptable in exploratory research); ≤ 0,95.
- Convergent validity: AVE ≥ 0,50.
- Discriminant validity: HTMT < 0,90 (Henseler, Ringle & Sarstedt, 2015); Fornell–Larcker:
  sqrt(AVE) above the construct's correlations.
- Collinearity: VIF < 5 (ideally < 3).
- f²: 0,02 small, 0,15 medium, 0,35 large (Cohen, 1988). Q² > 0: predictive relevance.
- R²: 0,75 substantial, 0,50 moderate, 0,25 weak (Hair et al., 2011).
"""

from __future__ import annotations


CITATION = "Hair et al., 2021"
LOADING_MIN = 0.70
RELIABILITY_MIN = 0.70
AVE_MIN = 0.50
HTMT_MAX = 0.90
VIF_MAX = 5.0


def f2_size(f2: float) -> str:
    """'none' < 0,02 ≤ 'small' < 0,15 ≤ 'medium' < 0,35 ≤ 'large'."""
    return "none" if f2 < 0.02 else "small" if f2 < 0.15 else "medium" if f2 < 0.35 else "large"


def r2_level(r2: float) -> str:
    """'weak' below 0,50 (0,25 its lower anchor), 'moderate' below 0,75, else 'substantial'."""
    return "very_weak" if r2 < 0.25 else "weak" if r2 < 0.50 else "moderate" if r2 < 0.75 else "substantial"


def check_quality(results) -> list[str]:
    """Warnings for every threshold the model misses."""
    spec = results.model.spec
    warnings = []
    loadings = results.model.loadings.sum(axis=1)
    for item, value in zip(spec.indicators, loadings):
        if value < LOADING_MIN:
            warnings.append(f"PLS: loading of {item} is {value:.3f}, below {LOADING_MIN}")
    for c, rel in results.reliability.items():
        if rel.ave < AVE_MIN:
            warnings.append(f"PLS: AVE of {c} is {rel.ave:.3f}, below {AVE_MIN}")
        if rel.rho_c < RELIABILITY_MIN:
            warnings.append(f"PLS: rho_C of {c} is {rel.rho_c:.3f}, below {RELIABILITY_MIN}")
    c = len(spec.constructs)
    for i in range(c):
        for j in range(i + 1, c):
            if results.htmt[i, j] >= HTMT_MAX:
                warnings.append(f"PLS: HTMT of {spec.constructs[i]} and {spec.constructs[j]} is {results.htmt[i, j]:.3f}, not below {HTMT_MAX}")
    for (a, b), v in results.inner_vif.items():
        if v >= VIF_MAX:
            warnings.append(f"PLS: inner VIF of {a} -> {b} is {v:.3f}, not below {VIF_MAX}")
    for item, v in zip(spec.indicators, results.outer_vif):
        if v >= VIF_MAX:
            warnings.append(f"PLS: outer VIF of {item} is {v:.3f}, not below {VIF_MAX}")
    return warnings
