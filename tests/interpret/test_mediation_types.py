"""The type of an indirect effect, exactly as Zhao, Lynch & Chen (2010) define it, and the decision
on an indirect hypothesis."""

import math

import pytest

from reportgen.interpret.mediation import CITATION, TYPES, indirect_decision, indirect_significance, mediation_type
from reportgen.interpret.verdict import significance

ALPHA = 0.05
SIGNIFICANT = indirect_significance(0.05, 0.30, ALPHA)  # the interval excludes 0
NOT_SIGNIFICANT = indirect_significance(-0.02, 0.30, ALPHA)


@pytest.mark.parametrize(
    "indirect, verdict, c_prime, c_prime_p, expected",
    [
        (0.20, SIGNIFICANT, 0.15, 0.01, "complementary"),  # both significant, same sign
        (-0.20, indirect_significance(-0.3, -0.1, ALPHA), -0.15, 0.01, "complementary"),
        (0.20, SIGNIFICANT, -0.15, 0.01, "competitive"),  # both significant, opposite signs
        (-0.20, indirect_significance(-0.3, -0.1, ALPHA), 0.15, 0.01, "competitive"),
        (0.20, SIGNIFICANT, 0.15, 0.20, "indirect_only"),  # a × b significant, c′ not
        (0.20, SIGNIFICANT, -0.15, 0.05, "indirect_only"),  # p = α is not significant
        (0.01, NOT_SIGNIFICANT, 0.30, 0.001, "direct_only"),  # c′ significant, a × b not
        (0.01, NOT_SIGNIFICANT, 0.30, 0.40, "no_effect"),  # neither
    ],
)
def test_the_five_types(indirect, verdict, c_prime, c_prime_p, expected):
    kind = mediation_type(indirect, verdict, c_prime, significance(c_prime_p, ALPHA))
    assert kind.outcome == expected and kind.outcome in TYPES
    assert kind.passed == (expected in ("complementary", "competitive", "indirect_only"))
    assert kind.rule.citation == CITATION == "Zhao et al., 2010"  # APA 7: three authors, "et al."
    assert kind.value == pytest.approx(indirect * c_prime)


def test_no_baron_kenny_labels():
    """Zhao et al. reject 'full' and 'partial' mediation: neither is an outcome."""
    assert set(TYPES) == {"complementary", "competitive", "indirect_only", "direct_only", "no_effect"}


@pytest.mark.parametrize(
    "low, high, significant", [(0.01, 0.2, True), (-0.2, -0.01, True), (-0.01, 0.2, False), (0.0, 0.2, False), (-0.2, 0.0, False)]
)
def test_the_indirect_effect_is_significant_when_its_percentile_interval_excludes_zero(low, high, significant):
    verdict = indirect_significance(low, high, ALPHA)
    assert verdict.passed is significant and verdict.outcome == ("significant" if significant else "not_significant")
    assert verdict.rule.name == "percentile_bootstrap_interval_excludes_zero"


@pytest.mark.parametrize(
    "verdict, indirect, expect, reason",
    [
        (SIGNIFICANT, 0.2, "positive", "supported"),
        (SIGNIFICANT, 0.2, "any", "supported"),
        (SIGNIFICANT, 0.2, "negative", "opposite_sign"),
        (NOT_SIGNIFICANT, 0.2, "positive", "not_significant"),
    ],
)
def test_the_decision_rests_on_the_interval_and_the_sign(verdict, indirect, expect, reason):
    decision = indirect_decision(verdict, indirect, 1.5, 0.13, 0.05, expect)  # Sobel p 0,13 does not decide
    assert decision.reason == reason and decision.supported == (reason == "supported")
    assert decision.statistic == 1.5 and decision.p == 0.13


def test_a_chain_without_sobel_reports_a_over_its_bootstrap_se():
    decision = indirect_decision(SIGNIFICANT, 0.2, None, None, 0.05, "positive")
    assert decision.statistic == pytest.approx(4.0) and math.isnan(decision.p)
