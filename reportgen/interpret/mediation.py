"""Mediation: the type of an indirect effect and the decision on its hypothesis.

Typology (Zhao, X., Lynch, J. G., Jr., & Chen, Q. (2010). Reconsidering Baron and Kenny: Myths and
truths about mediation analysis. *Journal of Consumer Research*, 37(2), 197–206), from two tests:

- a × b is significant when its percentile bootstrap interval at 1 − α excludes zero
  (Preacher & Hayes, 2008; the percentile interval, as PROCESS gives by default since version 3;
  Zhao et al. used the bias-corrected one); in a CB-SEM model, its Monte Carlo interval (Preacher
  & Selig, 2012);
- c′ is significant when the two-tailed p of its t test (a CB-SEM path: its z) is below α.

Then (Zhao et al., 2010):

- complementary mediation: a × b and c′ both significant, with the same sign (a × b × c′ > 0);
- competitive mediation: both significant, with opposite signs;
- indirect-only mediation: a × b significant, c′ not;
- direct-only non-mediation: c′ significant, a × b not;
- no-effect non-mediation: neither.

Zhao et al. reject Baron and Kenny's "full" and "partial" mediation: there is no such label here.
"Non-mediation" and "no-effect" name the outcome of the tests, not a proof that an effect is zero.

The hypothesis of an indirect effect is supported when a × b is significant and has the expected
sign (``expect: any`` takes either).
"""

from __future__ import annotations

import math

from reportgen.interpret.hypotheses import Decision
from reportgen.interpret.verdict import Rule, Verdict

CITATION = "Zhao et al., 2010"
INTERVAL_CITATION = "Preacher & Hayes, 2008"
MONTE_CARLO_CITATION = "Preacher & Selig, 2012"
TYPES = ("complementary", "competitive", "indirect_only", "direct_only", "no_effect")
MEDIATED = frozenset({"complementary", "competitive", "indirect_only"})


def indirect_significance(ci_low: float, ci_high: float, alpha: float) -> Verdict:
    """'significant' when the percentile bootstrap interval of a × b at 1 − ``alpha`` excludes
    zero, else 'not_significant'."""
    rule = Rule("percentile_bootstrap_interval_excludes_zero", alpha, INTERVAL_CITATION)
    significant = not ci_low <= 0 <= ci_high
    return Verdict("significant" if significant else "not_significant", rule, None, significant)


def monte_carlo_significance(ci_low: float, ci_high: float, alpha: float) -> Verdict:
    """'significant' when the Monte Carlo interval of a × b at 1 − ``alpha`` excludes zero
    (Preacher & Selig, 2012; the CB-SEM design), else 'not_significant'."""
    rule = Rule("monte_carlo_interval_excludes_zero", alpha, MONTE_CARLO_CITATION)
    significant = not ci_low <= 0 <= ci_high
    return Verdict("significant" if significant else "not_significant", rule, None, significant)


def mediation_type(indirect: float, indirect_verdict: Verdict, c_prime: float, c_prime_verdict: Verdict) -> Verdict:
    """One of :data:`TYPES` (Zhao, Lynch & Chen, 2010), from the significance of a × b
    (:func:`indirect_significance`) and of c′ (its t test: ``reportgen.interpret.verdict.significance``
    of its two-tailed p). ``passed`` is True for the three kinds of mediation. The value is
    a × b × c′, whose sign separates complementary from competitive mediation."""
    rule = Rule("zhao_lynch_chen_2010_types", indirect_verdict.rule.threshold, CITATION)
    indirect_sig, direct_sig = bool(indirect_verdict.passed), bool(c_prime_verdict.passed)
    if indirect_sig and direct_sig:
        outcome = "complementary" if indirect * c_prime > 0 else "competitive"
    elif indirect_sig:
        outcome = "indirect_only"
    elif direct_sig:
        outcome = "direct_only"
    else:
        outcome = "no_effect"
    return Verdict(outcome, rule, indirect * c_prime, outcome in MEDIATED)


def indirect_decision(
    indirect_verdict: Verdict, indirect: float, sobel_z: float | None, sobel_p: float | None, boot_se: float, expect: str
) -> Decision:
    """The decision on an indirect-effect hypothesis, from the bootstrap interval and the sign of
    a × b. The statistic reported with it is Sobel's z (or a × b over its bootstrap SE for a chain
    of more than two links, which has no Sobel test) and Sobel's p: a second reading, which does
    not decide."""
    sign = "positive" if indirect >= 0 else "negative"
    if not indirect_verdict.passed:
        reason = "not_significant"
    elif expect not in ("any", sign):
        reason = "opposite_sign"
    else:
        reason = "supported"
    statistic = sobel_z if sobel_z is not None else indirect / boot_se
    return Decision(reason == "supported", statistic, sobel_p if sobel_p is not None else math.nan, reason, sign)
