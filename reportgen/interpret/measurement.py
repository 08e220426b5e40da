"""Decisions about the questionnaire itself: item validity and construct reliability.

- Validity, by one of two rules, always named in the chapter (``settings.validity_rule``):
  ``r_table`` — an item is valid when its correlation with the total (Pearson item–total, or the
  corrected item–rest r) exceeds r table, the critical r for df = n − 2 at α two-tailed
  (Sugiyono, 2019); ``magnitude`` — valid when its corrected item–total correlation is at least
  0,30 (Nunnally & Bernstein, 1994; Field, 2018). r table shrinks with n (0,22 at n = 80, 0,04 at
  n = 2 400: a test of r ≠ 0 says nothing about how well an item measures), so ``auto`` (the
  default) uses r table up to :data:`MAGNITUDE_FROM` respondents and the magnitude rule above.
  A construct of one item has no other item to correlate with: its validity and reliability are
  not tested ('single_item').
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
MAGNITUDE_R = 0.30
MAGNITUDE_CITATION = "Field, 2018; Nunnally & Bernstein, 1994"
MAGNITUDE_FROM = 200  # with more respondents, settings.validity_rule auto uses the magnitude rule
KR20_CITATION = "Kuder & Richardson, 1937"
RELIABILITY_CITATION = "Ghozali, 2018"
OMEGA_CITATION = "McDonald, 1999"


def validity_rule(setting: str, n: int) -> str:
    """The rule ``settings.validity_rule`` gives for ``n`` respondents: 'r_table' or 'magnitude'."""
    return "magnitude" if setting == "magnitude" or (setting == "auto" and n > MAGNITUDE_FROM) else "r_table"


def validity_verdict(r: float | None, r_table: float, method: str, rule: str = "r_table", single: bool = False) -> Verdict:
    """By the r-table rule 'valid' when r > r table (strictly); by the magnitude rule when the
    corrected item–total r ≥ 0,30 (``r`` is then that r); 'undefined' for an item without
    variance; 'single_item' for the one item of its construct."""
    if rule == "magnitude":
        named = Rule("item_rest_r_at_least", MAGNITUDE_R, MAGNITUDE_CITATION)
    else:
        named = Rule(f"{method}_r_above_r_table", r_table, VALIDITY_CITATION)
    if single:
        return Verdict("single_item", named)
    if r is None:
        return Verdict("undefined", named)
    valid = bool(r >= MAGNITUDE_R) if rule == "magnitude" else bool(r > r_table)
    return Verdict("valid" if valid else "invalid", named, r, valid)


def reliability_verdict(alpha: float | None, minimum: float, single: bool = False) -> Verdict:
    """'reliable' when Cronbach's alpha ≥ the minimum; 'single_item' for a construct of one item
    (no internal consistency to assess); 'undefined' without alpha (no variance)."""
    rule = Rule("cronbach_alpha", minimum, RELIABILITY_CITATION)
    if single:
        return Verdict("single_item", rule)
    return at_least(alpha, minimum, rule, "reliable", "unreliable")


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


def measurement_problems(construct: str, item_names: list[str], alpha: float | None, constant: tuple[int, ...], omega) -> list[Problem]:
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
