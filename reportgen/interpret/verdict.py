"""A verdict: the outcome of one named, cited rule applied to one statistic.

Every decision the chapter states (normal, valid, reliable, a Durbin–Watson zone, accepted,
full mediation, the group test chosen …) is made once, in :mod:`reportgen.interpret`, and stored
on the results as a :class:`Verdict`. The table cell and the sentence both read its ``outcome``
(a code whose words are in labels.yaml); results.json carries the code, the rule, its threshold
and its citation.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """A decision rule: a stable name, the threshold it compares with, and who states it."""

    name: str
    threshold: float | None
    citation: str


@dataclass(frozen=True)
class Verdict:
    """``outcome`` of ``rule`` for ``value``; ``passed`` is True for the favourable outcome
    (normal, valid, reliable, no multicollinearity …), False for the other, None when undefined."""

    outcome: str
    rule: Rule
    value: float | None = None
    passed: bool | None = None

    def as_json(self) -> dict:
        return {
            "outcome": self.outcome,
            "rule": self.rule.name,
            "threshold": self.rule.threshold,
            "citation": self.rule.citation,
            "value": self.value,
        }


def below(value: float | None, threshold: float, rule: Rule, yes: str, no: str) -> Verdict:
    """``yes`` when ``value`` < ``threshold``, else ``no``; 'undefined' when there is no value."""
    if value is None or value != value:
        return Verdict("undefined", rule, None, None)
    return Verdict(yes if value < threshold else no, rule, value, value < threshold)


def at_least(value: float | None, threshold: float, rule: Rule, yes: str, no: str) -> Verdict:
    """``yes`` when ``value`` ≥ ``threshold``, else ``no``; 'undefined' when there is no value."""
    if value is None or value != value:
        return Verdict("undefined", rule, None, None)
    return Verdict(yes if value >= threshold else no, rule, value, value >= threshold)


SIGNIFICANCE = "significance"


def significance(p: float | None, alpha: float, citation: str = "Sugiyono, 2019") -> Verdict:
    """'significant' when p < alpha (passed), else 'not_significant'."""
    return below(p, alpha, Rule(SIGNIFICANCE, alpha, citation), "significant", "not_significant")


def verdicts_json(value, pair: str = " -> "):
    """Verdicts for results.json: alone, in mappings (a tuple key joined by ``pair``), or in a
    dataclass of verdicts (one key per field)."""
    if isinstance(value, Verdict):
        return value.as_json()
    if isinstance(value, dict):
        return {pair.join(k) if isinstance(k, tuple) else k: verdicts_json(v, pair) for k, v in value.items()}
    if dataclasses.is_dataclass(value):
        return {f.name: verdicts_json(getattr(value, f.name), pair) for f in dataclasses.fields(value)}
    return value
