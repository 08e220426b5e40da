"""Decisions about the questionnaire itself: item validity and construct reliability.

- Validity: an item is valid when its correlation with the total (Pearson item–total, or the
  corrected item–rest r) exceeds r table, the critical r for df = n − 2 at α two-tailed
  (Sugiyono, 2019).
- Reliability: a construct is reliable when Cronbach's alpha reaches ``settings.reliability_min``
  (0,60 by default, Ghozali, 2018; 0,70 in Nunnally & Bernstein, 1994).
"""

from __future__ import annotations

from reportgen.interpret.verdict import Rule, Verdict, at_least

VALIDITY_CITATION = "Sugiyono, 2019"
RELIABILITY_CITATION = "Ghozali, 2018"


def validity_verdict(r: float | None, r_table: float, method: str) -> Verdict:
    """'valid' when r > r table (strictly); 'undefined' for an item without variance."""
    rule = Rule(f"{method}_r_above_r_table", r_table, VALIDITY_CITATION)
    if r is None:
        return Verdict("undefined", rule)
    valid = bool(r > r_table)
    return Verdict("valid" if valid else "invalid", rule, r, valid)


def reliability_verdict(alpha: float | None, minimum: float) -> Verdict:
    """'reliable' when Cronbach's alpha ≥ the minimum; 'undefined' without alpha (one item, no variance)."""
    return at_least(alpha, minimum, Rule("cronbach_alpha", minimum, RELIABILITY_CITATION), "reliable", "unreliable")
