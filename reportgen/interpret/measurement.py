"""Decisions about the questionnaire itself: item validity and construct reliability.

- Validity: an item is valid when its correlation with the total (Pearson item–total, or the
  corrected item–rest r) exceeds r table, the critical r for df = n − 2 at α two-tailed
  (Sugiyono, 2019).
- Reliability: a construct is reliable when Cronbach's alpha reaches ``settings.reliability_min``
  (0,60 by default, Ghozali, 2018; 0,70 in Nunnally & Bernstein, 1994). A negative alpha means the
  items do not measure one thing, or a reversed item was not recoded (Cortina, 1993).
- Omega total (McDonald, 1999) is a share of variance: outside 0–1 the one-factor model does not
  fit the items and omega is not reported; a Heywood case (a uniqueness at its bound) is named.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.interpret.verdict import Rule, Verdict, at_least

VALIDITY_CITATION = "Sugiyono, 2019"
RELIABILITY_CITATION = "Ghozali, 2018"
OMEGA_CITATION = "McDonald, 1999"


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


def omega_verdict(omega: float | None) -> Verdict:
    """'within_range' for omega in 0–1; 'out_of_range' outside it (then it is not reported); 'undefined'."""
    rule = Rule("omega_between_0_and_1", None, OMEGA_CITATION)
    if omega is None:
        return Verdict("undefined", rule)
    inside = 0 <= omega <= 1
    return Verdict("within_range" if inside else "out_of_range", rule, omega, inside)


@dataclass(frozen=True)
class Problem:
    """Something about a construct's measurement that a reader must be told, with its values.

    ``code``: constant_items (left out of alpha, as psych::alpha does), negative_alpha,
    omega_out_of_range, heywood (items whose uniqueness reached its bound), flipped_items
    (reversed for omega because they load negatively)."""

    code: str
    construct: str
    items: tuple[str, ...] = ()
    value: float | None = None

    def as_json(self) -> dict:
        return {"code": self.code, "construct": self.construct, "items": list(self.items), "value": self.value}


def measurement_problems(construct: str, item_names: list[str], alpha: float | None, constant: tuple[int, ...],
                         omega) -> list[Problem]:
    """The problems of one construct (``omega``: a :class:`reportgen.stats.reliability.Omega` or None)."""
    found = []
    if constant:
        found.append(Problem("constant_items", construct, tuple(item_names[j] for j in constant)))
    if alpha is not None and alpha < 0:
        found.append(Problem("negative_alpha", construct, (), alpha))
    if omega is not None:
        if omega_verdict(omega.omega).passed is False:
            found.append(Problem("omega_out_of_range", construct, (), omega.omega))
        if omega.heywood:
            found.append(Problem("heywood", construct, tuple(item_names[j] for j in omega.heywood)))
        if omega.flipped:
            found.append(Problem("flipped_items", construct, tuple(item_names[j] for j in omega.flipped)))
    return found
