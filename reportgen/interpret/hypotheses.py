"""Hypothesis decisions: significance with the configured tails AND the expected sign.

Rule: a partial hypothesis is supported when its coefficient is significant at ``alpha``
(two-tailed p, or one-tailed p in the expected direction) and its sign is the expected one;
a significant coefficient of the opposite sign does not support it (Sugiyono, 2019, ch. 8:
a directional hypothesis states the sign). The simultaneous hypothesis is decided by the F
test of the model.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.interpret.verdict import Rule

CITATION = "Sugiyono, 2019"


@dataclass(frozen=True)
class Decision:
    supported: bool
    statistic: float
    p: float  # the p compared with alpha (one-tailed when tails = one)
    reason: str  # supported | not_significant | opposite_sign
    sign: str  # positive | negative

    @property
    def outcome(self) -> str:
        """The verdict's code, whose words are in labels.yaml: 'accepted' or 'rejected'."""
        return "accepted" if self.supported else "rejected"


def partial_decision(t: float, p_two_sided: float, expect: str, alpha: float, tails: str) -> Decision:
    """Decide a partial (t test) hypothesis."""
    sign = "positive" if t >= 0 else "negative"
    if tails == "one" and expect != "any":
        p = p_two_sided / 2 if sign == expect else 1 - p_two_sided / 2
    else:
        p = p_two_sided
    if p >= alpha:
        reason = "not_significant"
    elif expect != "any" and sign != expect:
        reason = "opposite_sign"
    else:
        reason = "supported"
    return Decision(supported=reason == "supported", statistic=t, p=p, reason=reason, sign=sign)


def simultaneous_decision(f: float, f_p: float, alpha: float) -> Decision:
    """Decide the simultaneous (F test) hypothesis."""
    supported = f_p < alpha
    return Decision(supported=supported, statistic=f, p=f_p, reason="supported" if supported else "not_significant", sign="positive")


def decision_rule(kind: str, alpha: float, tails: str) -> Rule:
    """The rule a hypothesis of ``kind`` is decided by (for results.json)."""
    if kind in ("simultaneous", "categorical"):  # categorical: the joint F of a variable's categories
        return Rule("f_test_p", alpha, CITATION)
    if kind == "indirect":
        from reportgen.interpret.mediation import CITATION as MEDIATION

        return Rule("bootstrap_interval_and_sign", alpha, MEDIATION)
    if kind == "z":  # a CB-SEM path: its critical ratio
        return Rule(f"z_test_p_{tails}_tailed_and_sign", alpha, CITATION)
    return Rule(f"t_test_p_{tails}_tailed_and_sign", alpha, CITATION)
