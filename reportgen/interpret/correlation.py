"""Strength of a correlation coefficient (Sugiyono, 2019).

Citation: Sugiyono (2019). *Metode Penelitian Kuantitatif, Kualitatif, dan R&D*. Bandung:
Alfabeta — interval 0,00–0,199 very weak; 0,20–0,399 weak; 0,40–0,599 moderate;
0,60–0,799 strong; 0,80–1,000 very strong.
"""

from __future__ import annotations

from reportgen.interpret.verdict import Rule, Verdict

CITATION = "Sugiyono, 2019"
BANDS = ((0.20, "very_weak"), (0.40, "weak"), (0.60, "moderate"), (0.80, "strong"))


def strength(r: float) -> str:
    """Band of |r|: 'very_weak' … 'very_strong'."""
    value = abs(r)
    for upper, name in BANDS:
        if value < upper:
            return name
    return "very_strong"


def strength_verdict(r: float | None) -> Verdict:
    """The band of |r| as a verdict (no band passes or fails)."""
    rule = Rule("sugiyono_correlation_bands", None, CITATION)
    return Verdict("undefined" if r is None else strength(r), rule, r)
