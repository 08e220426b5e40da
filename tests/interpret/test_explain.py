"""The verdicts that explain a result (reportgen.interpret.explain): each rule at its boundary."""

from __future__ import annotations

import numpy as np
import pytest

from reportgen.interpret.explain import association_verdict, ceiling_verdict, explain, range_verdict, range_verdicts
from reportgen.interpret.verdict import Rule, Verdict
from reportgen.stats.partial import PredictorShare
from reportgen.stats.score_range import score_range

POINTS = [1, 2, 3, 4, 5]


def share(r: float, r_p: float, beta: float, semipartial: float = 0.05) -> PredictorShare:
    return PredictorShare("X", r, r_p, partial=0.1, semipartial=semipartial, beta=beta, beta_low=beta - 0.2, beta_high=beta + 0.2)


def test_shared_variance_when_r_is_significant_and_the_coefficient_is_not():
    verdict = association_verdict(share(0.597, 1e-9, 0.105, semipartial=0.0727), False, 0.05)
    assert verdict.outcome == "shared_variance" and verdict.rule.citation == "Cohen et al., 2003"
    assert verdict.value == pytest.approx(0.0727**2 / 0.597**2)  # the unique share of its own r²


def test_no_reading_when_both_or_neither_are_significant():
    assert association_verdict(share(0.7, 1e-9, 0.5), True, 0.05).outcome == "none"
    assert association_verdict(share(0.1, 0.4, 0.05), False, 0.05).outcome == "none"


def test_net_suppression_needs_a_significant_coefficient_of_the_opposite_sign():
    assert association_verdict(share(0.054, 0.5, -0.48), True, 0.05).outcome == "suppression"
    assert association_verdict(share(0.054, 0.5, -0.48), False, 0.05).outcome == "none"  # within sampling error
    assert association_verdict(share(0.3, 0.01, -0.05), False, 0.05).outcome == "shared_variance"


def test_classical_suppression_needs_r_not_significant():
    """A significant β a little above a significant r (nearly uncorrelated predictors) is not suppression."""
    assert association_verdict(share(0.12, 0.3, 0.35), True, 0.05).outcome == "suppression"
    assert association_verdict(share(0.615, 1e-9, 0.616), True, 0.05).outcome == "none"
    assert association_verdict(share(0.12, 0.3, 0.11), True, 0.05).outcome == "none"  # |β| < |r|
    assert association_verdict(share(0.12, 0.3, 0.12 + 1e-12), True, 0.05).outcome == "none"  # one predictor: β is r


def _range(answers: np.ndarray, items: int = 6, mean_score: bool = False, points=POINTS):
    """A construct whose respondents give ``answers`` (one row per respondent) to ``items`` items."""
    answers = np.asarray(answers, dtype=float).reshape(-1, items)
    counts = np.array([[np.sum(answers[:, j] == p) for p in points] for j in range(items)])
    scores = answers.mean(axis=1) if mean_score else answers.sum(axis=1)
    return score_range("Y", scores, points, counts, items, mean_score)


def test_restricted_when_every_answer_is_on_two_adjacent_points():
    rng = np.random.default_rng(1)
    assert range_verdict(_range(rng.integers(4, 6, size=(80, 6)))).outcome == "restricted"
    assert range_verdict(_range(rng.integers(1, 3, size=(80, 6)))).outcome == "restricted"
    assert range_verdict(_range(rng.integers(3, 6, size=(80, 6)))).outcome == "not_restricted"
    assert range_verdict(_range(rng.choice([1, 5], size=(80, 6)))).outcome == "not_restricted"  # the two ends: no narrow range
    two_point_scale = _range(rng.integers(1, 3, size=(80, 6)), points=[1, 2])
    assert range_verdict(two_point_scale).outcome == "not_restricted"  # a two-point scale is that by design


def test_ceiling_above_15_percent_at_the_highest_possible_score():
    """Terwee et al. (2007): more than 15% — exactly 15% is not a ceiling effect."""
    base = np.full((100, 3), 4)
    at_15 = base.copy()
    at_15[:15] = 5
    at_16 = base.copy()
    at_16[:16] = 5
    assert ceiling_verdict(_range(at_15, items=3)).outcome == "none"
    verdict = ceiling_verdict(_range(at_16, items=3))
    assert (verdict.outcome, verdict.value, verdict.rule.citation) == ("ceiling", 0.16, "Terwee et al., 2007")
    floor = np.full((100, 3), 2)
    floor[:20] = 1
    assert ceiling_verdict(_range(floor, items=3)).outcome == "floor"
    mean_scores = np.full((100, 3), 4)
    mean_scores[:30] = 5
    assert ceiling_verdict(_range(mean_scores, items=3, mean_score=True)).outcome == "ceiling"


def _verdicts(**outcomes) -> dict[str, Verdict]:
    rule = Rule("r", None, "c")
    return {name: Verdict(outcome, rule) for name, outcome in outcomes.items()}


def test_explanations_follow_the_decision():
    rng = np.random.default_rng(2)
    ranges = {
        "Y": range_verdicts(_range(rng.integers(4, 6, size=(80, 6)))),
        "X1": range_verdicts(_range(rng.integers(1, 6, size=(80, 6)))),
        "X2": range_verdicts(_range(rng.integers(1, 6, size=(80, 6)))),
    }
    associations = _verdicts(X1="suppression", X2="shared_variance")
    reliability = _verdicts(X1="reliable", X2="unreliable", Y="reliable")
    supported = explain("partial", ("X1",), "Y", True, associations, ranges, reliability)
    assert (supported.association, supported.ranges, supported.unreliable) == ("X1", (), ())  # suppression whatever the decision
    rejected = explain("partial", ("X2",), "Y", False, associations, ranges, reliability)
    assert (rejected.association, rejected.ranges, rejected.unreliable) == ("X2", ("Y",), ("X2",))
    joint = explain("simultaneous", ("X1", "X2"), "Y", True, associations, ranges, reliability)
    assert joint.shared and joint.ranges == ("Y",) and joint.association is None
    assert explain("moderation", ("X1", "X2"), "Y", False, associations, ranges, reliability).empty
