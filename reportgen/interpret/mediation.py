"""Mediation: the type of an indirect effect and the decision on its hypothesis.

Rule (Zhao, Lynch & Chen, 2010; Preacher & Hayes, 2008): the indirect effect a × b is significant
when its percentile bootstrap interval at 1 − α excludes zero. It is then full mediation when the
direct effect c′ is not significant (or not in the model), partial mediation when c′ is
significant; otherwise there is no mediation. The hypothesis of an indirect effect is supported
when the effect is significant and has the expected sign.
"""

from __future__ import annotations

import math

from reportgen.interpret.hypotheses import Decision
from reportgen.interpret.verdict import Rule, Verdict

CITATION = "Zhao, Lynch & Chen, 2010; Preacher & Hayes, 2008"


def mediation_type(ci_low: float, ci_high: float, c_prime_p: float | None, alpha: float) -> Verdict:
    """'full', 'partial' or 'none' (``c_prime_p`` None: the model has no direct path)."""
    rule = Rule("bootstrap_interval_excludes_zero", alpha, CITATION)
    if ci_low <= 0 <= ci_high:
        return Verdict("none", rule, None, False)
    return Verdict("partial" if c_prime_p is not None and c_prime_p < alpha else "full", rule, None, True)


def indirect_decision(kind: Verdict, indirect: float, sobel_z: float | None, sobel_p: float | None, boot_sd: float,
                      expect: str) -> Decision:
    """The decision on an indirect-effect hypothesis; the statistic is Sobel's z (or a × b over its
    bootstrap SD for a chain of more than two links, which has no Sobel test)."""
    sign = "positive" if indirect >= 0 else "negative"
    if kind.outcome == "none":
        reason = "not_significant"
    elif expect not in ("any", sign):
        reason = "opposite_sign"
    else:
        reason = "supported"
    statistic = sobel_z if sobel_z is not None else indirect / boot_sd
    return Decision(reason == "supported", statistic, sobel_p if sobel_p is not None else math.nan, reason, sign)
