"""The PLS measurement decisions the chapter states once: discriminant validity by the bootstrap
upper bound of HTMT (Henseler, Ringle & Sarstedt, 2015; Hair et al., 2022, ch. 4), indicator
reliability as a criterion (Hair et al., 2022: 0,708; 0,40–0,708 kept unless removal raises AVE or
rho_C), and the measurement caveat of each hypothesis."""

import pytest

from reportgen.interpret.pls import PlsVerdicts, htmt_verdict, measurement_caveat, redundancy_verdict, weight_verdict
from reportgen.interpret.verdict import Rule, Verdict

RULE = Rule("test", None, "test")


def v(outcome, passed=True, value=None) -> Verdict:
    return Verdict(outcome, RULE, value, passed)


@pytest.mark.parametrize(
    "estimate,upper,threshold,outcome",
    [
        (0.780, 0.847, 0.90, "valid"),  # corp-rep COMP ↔ LIKE (5000 resamples, seed 123)
        (0.888, 1.076, 0.90, "not_established"),  # mobi IMAG ↔ CUEX, all indicators: the pair
        (0.887, 0.899, 0.90, "valid"),
        (0.887, 0.900, 0.90, "not_established"),  # "below" is strict
        (0.947, 1.011, 0.90, "invalid"),  # HTMT itself at or above the threshold
        (0.870, 0.890, 0.85, "invalid"),
        (0.888, 0.990, 1.00, "valid"),  # HTMT_inference: the interval lies below 1
        (0.888, 1.076, 1.00, "not_established"),
    ],
)
def test_htmt_is_decided_by_the_upper_bound(estimate, upper, threshold, outcome):
    verdict = htmt_verdict(estimate, upper, threshold)
    assert (verdict.outcome, verdict.passed, verdict.value) == (outcome, outcome == "valid", upper)
    assert verdict.rule.name == "htmt_upper_bound" and verdict.rule.threshold == threshold
    assert verdict.rule.citation == ("Henseler et al., 2015" if threshold == 1 else "Hair et al., 2022; Henseler et al., 2015")


def test_an_undefined_htmt_is_undefined():
    assert htmt_verdict(float("nan"), float("nan"), 0.90).outcome == "undefined"


def verdicts(loadings: dict, htmt=None, ave=None, reliability=None) -> PlsVerdicts:
    """PlsVerdicts of constructs A, B, C, D, every verdict 'valid' unless given."""
    names = ("A", "B", "C", "D")
    pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
    ok = {c: v("reliable") for c in names}
    return PlsVerdicts(
        loadings=loadings,
        rho_a=ok,
        rho_c=ok,
        reliability={**ok, **(reliability or {})},
        ave={**{c: v("valid") for c in names}, **(ave or {})},
        fornell_larcker={c: v("valid") for c in names},
        htmt={**{p: v("valid") for p in pairs}, **(htmt or {})},
        cross_loadings=v("valid"),
        outer_vif={},
        inner_vif={},
        r2={},
        q2={},
        f2={},
        srmr=v("fit"),
        indirect={},
    )


def test_indicator_reliability_lists_every_loading_below_0708():
    """mobi (indicator_removal: hair) keeps IMAG2 0,632 and PERQ2 0,638: the criterion is partly met
    (the model may still be adequate); an indicator the rule would remove makes it not met."""
    retained = verdicts({"IMAG1": v("valid", value=0.772), "IMAG2": v("retained", value=0.632), "PERQ2": v("retained", value=0.638)})
    assert retained.below_threshold() == ["IMAG2", "PERQ2"]
    criterion = retained.criteria()["indicator_reliability"]
    assert (criterion.outcome, criterion.passed, criterion.rule.threshold) == ("partly_met", True, 0.708)
    assert retained.measurement.outcome == "adequate"
    assert retained.assessment_json()["indicator_reliability"]["below_threshold"] == ["IMAG2", "PERQ2"]
    removable = verdicts({"CUSL1": v("valid"), "CUSL2": v("remove", False, 0.202), "IMAG2": v("retained")})
    assert removable.below_threshold() == ["CUSL2", "IMAG2"] and removable.criteria()["indicator_reliability"].outcome == "not_met"
    assert verdicts({"A1": v("valid"), "S": v("single_item", None)}).criteria()["indicator_reliability"].outcome == "met"


def test_the_htmt_criterion_carries_its_threshold_and_citation():
    distinct = verdicts(
        {}, htmt={(a, b): htmt_verdict(0.5, 0.6, 0.85) for a, b in (("A", "B"), ("A", "C"), ("A", "D"), ("B", "C"), ("B", "D"), ("C", "D"))}
    )
    criterion = distinct.criteria()["htmt"]
    assert (criterion.outcome, criterion.rule.threshold) == ("met", 0.85)
    assert criterion.rule.citation == "Hair et al., 2022; Henseler et al., 2015"


def test_a_hypothesis_carries_the_failures_of_the_constructs_of_its_path():
    """A → B: the HTMT pair B ↔ C (C outside the path) counts, C ↔ D does not; A's AVE and B's
    redundant reliability count; the claims are the verdicts the tables show."""
    failing = verdicts(
        {},
        htmt={("B", "C"): htmt_verdict(0.888, 1.076, 0.90), ("C", "D"): htmt_verdict(0.95, 1.0, 0.90)},
        ave={"A": v("invalid", False)},
        reliability={"B": v("redundant", False), "C": v("unreliable", False)},
    )
    caveat = measurement_caveat(failing, ("A", "B"))
    assert (caveat.verdict.outcome, caveat.verdict.passed) == ("caveat", False)
    assert (caveat.htmt, caveat.low_ave, caveat.unreliable, caveat.redundant) == ((("B", "C"),), ("A",), (), ("B",))
    assert caveat.claims == (("htmt:B~C", "not_established"), ("ave:A", "invalid"), ("reliability:B", "redundant"))
    assert caveat.as_context() == {"htmt": [["B", "C"]], "low_ave": ["A"], "unreliable": [], "redundant": ["B"]}
    assert measurement_caveat(failing, ("A", "C", "D")).unreliable == ("C",)  # an indirect path: every construct of its chain
    clean = measurement_caveat(verdicts({}), ("A", "B"))
    assert (clean.verdict.outcome, clean.claims, clean.as_context()) == ("none", (), None)


@pytest.mark.parametrize(
    "weight_p,loading,loading_p,outcome,passed",
    [
        (0.001, 0.30, 0.40, "significant", True),  # a significant weight counts whatever the loading
        (0.437, 0.570, 0.001, "absolute", True),  # corp-rep qual_2: weight not significant, loading ≥ 0,50
        (0.300, 0.500, 0.001, "absolute", True),  # 0,50 itself is enough
        (0.300, 0.499, 0.010, "consider_removal", None),  # loading below 0,50 but significant: a theoretical decision
        (0.300, 0.350, 0.200, "remove", False),  # neither: removable (content validity permitting)
    ],
)
def test_a_formative_indicator_is_judged_by_its_weight_then_its_loading(weight_p, loading, loading_p, outcome, passed):
    """Hair et al. (2022, ch. 5, the decision tree of outer weights) at α = 0,05."""
    verdict = weight_verdict(weight_p, loading, loading_p, 0.05)
    assert (verdict.outcome, verdict.passed) == (outcome, passed)
    assert verdict.rule.name == "outer_weight" and verdict.rule.threshold == 0.50


@pytest.mark.parametrize("path,outcome", [(0.805, "valid"), (0.708, "valid"), (0.7079, "invalid")])
def test_the_redundancy_path_must_reach_0_708(path, outcome):
    verdict = redundancy_verdict(path)
    assert (verdict.outcome, verdict.value, verdict.rule.threshold) == (outcome, path, 0.708)
