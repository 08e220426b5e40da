"""The indicator removal rule of Hair et al. (2022, ch. 4) and the PLS measurement verdicts.

The mobi model's final reliability and HTMT are pinned to seminr (fixtures/pls/
mobi_reduced_reference.json, the model without IMAG3, CUEX3 and CUSL2, made by make_reference.py);
the branches of the rule are driven by a stand-in estimation with chosen loadings.
"""

import json

import pytest
from helpers import EXAMPLES, FIXTURES

from reportgen.config import load_study
from reportgen.data import load_dataset
from reportgen.designs.pls.analysis import spec_of
from reportgen.interpret.pls import ave_verdict, consistency_verdict, loading_verdict, reliability_verdict
from reportgen.interpret.pls_indicators import (
    BELOW_FLOOR,
    FEW_INDICATORS,
    MEETS,
    MEETS_AFTER_REMOVALS,
    NO_GAIN,
    RAISES_AVE_CR,
    remove_indicators,
    retention_reasons,
)
from reportgen.stats.pls import PlsSpec, estimate, quality


def mobi_fit():
    study = load_study(EXAMPLES / "mobi" / "study.yaml")
    data = load_dataset(study)

    def fit(spec):
        model = estimate(data.items_of(spec.indicators), spec)
        return dict(zip(spec.indicators, model.loadings.sum(axis=1))), quality.reliability(model)

    return spec_of(study), fit


def test_mobi_removal_steps_and_final_model_equal_seminr():
    spec, fit = mobi_fit()
    removal = remove_indicators(spec, fit)
    assert [(s.indicator, s.rule, s.removed) for s in removal.steps] == [
        ("CUSL2", BELOW_FLOOR, True),
        ("IMAG3", RAISES_AVE_CR, True),
        ("CUEX3", RAISES_AVE_CR, True),
    ]
    first = removal.steps[0]
    assert round(first.loading, 3) == 0.202 and round(first.before.ave, 3) == 0.517 and round(first.after.ave, 3) == 0.766
    assert [round(s.before.ave, 3) for s in removal.steps[1:]] == [0.478, 0.480]  # below 0,50: the rule may act
    assert removal.spec.items[0] == ("IMAG1", "IMAG2", "IMAG4", "IMAG5") and removal.spec.items[1] == ("CUEX1", "CUEX2")
    ref = json.loads((FIXTURES / "pls" / "mobi_reduced_reference.json").read_text())
    for c, values in ref["reliability"].items():
        got = removal.reliability[c]
        assert [got.alpha, got.rho_a, got.rho_c, got.ave] == pytest.approx(
            [values["alpha"], values["rho_a"], values["rho_c"], values["ave"]], abs=1e-6
        )
    final = estimate(load_dataset(load_study(EXAMPLES / "mobi" / "study.yaml")).items_of(removal.spec.indicators), removal.spec)
    htmt = quality.htmt(removal.spec, final.item_cor)
    names = removal.spec.constructs
    for key, value in ref["htmt"].items():
        a, b = key.split("~")
        assert htmt[names.index(a), names.index(b)] == pytest.approx(value, abs=1e-6)


class Rel:
    """A construct's reliability as the rule reads it."""

    def __init__(self, ave, rho_c=0.80, alpha=0.75, rho_a=0.78):
        self.ave, self.rho_c, self.alpha, self.rho_a = ave, rho_c, alpha, rho_a


def stand_in(table):
    """An estimation that looks its answer up by the indicators left: {frozenset(indicators): (loadings, reliability)}."""

    def fit(spec):
        return table[frozenset(spec.indicators)]

    return fit


def spec(*blocks, modes=None):
    names = tuple(f"C{k}" for k in range(len(blocks)))
    return PlsSpec(names, tuple(tuple(b) for b in blocks), modes or ("A",) * len(blocks), ((names[0], names[-1]),))


def test_a_weak_indicator_whose_removal_does_not_reach_the_threshold_is_retained():
    model = spec(["a1", "a2", "a3"], ["b1", "b2"])
    full = frozenset(model.indicators)
    table = {
        full: ({"a1": 0.80, "a2": 0.75, "a3": 0.55, "b1": 0.9, "b2": 0.9}, {"C0": Rel(0.45), "C1": Rel(0.81)}),
        full - {"a3"}: ({"a1": 0.82, "a2": 0.78, "b1": 0.9, "b2": 0.9}, {"C0": Rel(0.49), "C1": Rel(0.81)}),
    }
    removal = remove_indicators(model, stand_in(table))
    assert [(s.indicator, s.rule, s.removed) for s in removal.steps] == [("a3", NO_GAIN, False)]
    assert removal.removed == () and removal.spec == model
    assert retention_reasons(removal, ["a3"], {"C0": Rel(0.45)}, applied=True) == {"a3": NO_GAIN}


def test_a_construct_that_meets_the_thresholds_keeps_its_weak_indicator():
    model = spec(["a1", "a2", "a3"], ["b1", "b2"])
    table = {frozenset(model.indicators): ({"a1": 0.85, "a2": 0.85, "a3": 0.60, "b1": 0.9, "b2": 0.9}, {"C0": Rel(0.60), "C1": Rel(0.81)})}
    removal = remove_indicators(model, stand_in(table))
    assert removal.steps == ()
    assert retention_reasons(removal, ["a3"], {"C0": Rel(0.60)}, applied=False) == {"a3": MEETS}


def test_below_040_goes_first_weakest_first_even_where_the_construct_meets_the_thresholds():
    model = spec(["a1", "a2", "a3"], ["b1", "b2"], ["c1"])
    full = frozenset(model.indicators)
    rel = {"C0": Rel(0.60), "C1": Rel(0.55), "C2": Rel(1.0, 1.0)}
    table = {
        full: ({"a1": 0.85, "a2": 0.85, "a3": 0.35, "b1": 0.9, "b2": 0.39, "c1": 1.0}, rel),
        full - {"a3"}: ({"a1": 0.86, "a2": 0.86, "b1": 0.9, "b2": 0.38, "c1": 1.0}, rel),
        full - {"a3", "b2"}: ({"a1": 0.86, "a2": 0.86, "b1": 1.0, "c1": 1.0}, rel),
    }
    removal = remove_indicators(model, stand_in(table))
    assert [(s.indicator, s.rule) for s in removal.steps] == [("a3", BELOW_FLOOR), ("b2", BELOW_FLOOR)]  # 0,35 before 0,39
    assert removal.removed == ("a3", "b2") and removal.spec.items == (("a1", "a2"), ("b1",), ("c1",))  # c1, alone, stays


def test_two_indicators_are_never_cut_to_one_for_ave_and_formative_or_single_constructs_are_not_assessed():
    model = spec(["a1", "a2"], ["f1", "f2", "f3"], ["s1"], modes=("A", "B", "A"))
    table = {
        frozenset(model.indicators): (
            {"a1": 0.9, "a2": 0.5, "f1": 0.1, "f2": 0.3, "f3": 0.9, "s1": 1.0},
            {"C0": Rel(0.45, 0.62), "C1": Rel(0.3, 0.5), "C2": Rel(1.0, 1.0)},
        )
    }
    removal = remove_indicators(model, stand_in(table))
    assert removal.steps == ()
    assert retention_reasons(removal, ["a2"], {"C0": Rel(0.45, 0.62)}, applied=False) == {"a2": FEW_INDICATORS}


def test_retention_reason_when_the_rule_is_not_applied():
    model = spec(["a1", "a2", "a3", "a4"], ["b1", "b2"])
    full = frozenset(model.indicators)
    table = {
        full: ({"a1": 0.80, "a2": 0.65, "a3": 0.50, "a4": 0.80, "b1": 0.9, "b2": 0.9}, {"C0": Rel(0.46), "C1": Rel(0.81)}),
        full - {"a3"}: ({"a1": 0.82, "a2": 0.66, "a4": 0.82, "b1": 0.9, "b2": 0.9}, {"C0": Rel(0.55), "C1": Rel(0.81)}),
    }
    removal = remove_indicators(model, stand_in(table))
    assert removal.removed == ("a3",)
    # the model shown keeps a3 (C0 misses AVE there), but the rule's final model meets it: a2 stays by the rule
    assert retention_reasons(removal, ["a2"], {"C0": Rel(0.46)}, applied=False) == {"a2": MEETS_AFTER_REMOVALS}
    assert retention_reasons(removal, ["a2"], {"C0": Rel(0.55)}, applied=True) == {"a2": MEETS}


@pytest.mark.parametrize(
    "value,outcome,passed", [(0.699, "unreliable", False), (0.70, "reliable", True), (0.95, "reliable", True), (0.951, "redundant", False)]
)
def test_internal_consistency_bounds(value, outcome, passed):
    verdict = consistency_verdict(value, "rho_c", None)
    assert (verdict.outcome, verdict.passed) == (outcome, passed)


def test_reliability_needs_both_rho_a_and_rho_c():
    ok, low, high = (consistency_verdict(v, "rho_a", None) for v in (0.8, 0.494, 0.97))
    assert reliability_verdict(ok, ok).outcome == "reliable"
    assert reliability_verdict(low, ok).outcome == "unreliable"  # CUEX of mobi: rho_A 0,494, rho_C 0,797
    assert reliability_verdict(ok, high).outcome == "redundant"
    single = consistency_verdict(1.0, "rho_a", "single_item")
    assert reliability_verdict(single, single).outcome == "single_item" and reliability_verdict(single, single).passed is None


def test_loading_and_ave_verdicts():
    assert loading_verdict(0.708, False, None).outcome == "valid"
    assert loading_verdict(0.707, False, None).outcome == "retained"
    assert loading_verdict(0.202, True, None).outcome == "remove"
    assert loading_verdict(0.3, False, "formative").outcome == "formative"
    assert ave_verdict(0.4999, None).outcome == "invalid" and ave_verdict(0.50, None).outcome == "valid"
