"""Higher-order constructs by the disjoint two-stage approach equal seminr's
higher_composite(method = two_stage) (fixtures/pls/corp_rep_higher_order_reference.json,
make_higher_order_reference.py): reputation (REP) of competence and likeability in the
corporate-reputation model of Sarstedt et al. (2019), reflective–reflective (mode A) and
reflective–formative (mode B). Estimates to 1e-6; the bootstrap repeats both stages in every
resample, as seminr does, on the same resamples."""

import json

import numpy as np
import pandas as pd
import pytest
from helpers import EXAMPLES, FIXTURES

from reportgen.stats.pls.algorithm import Dimension, PlsSpec
from reportgen.stats.pls.bootstrap import bootstrap
from reportgen.stats.pls.higher_order import estimate_two_stage, observed_indicators, stage_one, stage_two_correlations
from reportgen.stats.resample import correlations_from_counts

REFERENCE = json.loads((FIXTURES / "pls" / "corp_rep_higher_order_reference.json").read_text())
DRIVERS = {"QUAL": 8, "PERF": 5, "CSOR": 5, "ATTR": 3}
DIMENSIONS = (Dimension("COMP", ("comp_1", "comp_2", "comp_3")), Dimension("LIKE", ("like_1", "like_2", "like_3")))
PATHS = (*((d, "REP") for d in DRIVERS), ("REP", "CUSA"), ("REP", "CUSL"), ("CUSA", "CUSL"))


def spec_of(mode: str) -> PlsSpec:
    drivers = tuple(tuple(f"{name.lower()}_{k}" for k in range(1, count + 1)) for name, count in DRIVERS.items())
    return PlsSpec(
        (*DRIVERS, "REP", "CUSA", "CUSL"),
        (*drivers, ("COMP", "LIKE"), ("cusa",), ("cusl_1", "cusl_2", "cusl_3")),
        ("B",) * 4 + (mode, "A", "A"),
        PATHS,
        higher_order=("REP",),
        dimensions=DIMENSIONS,
    )


@pytest.fixture(scope="module", params=["A", "B"])
def model(request):
    spec = spec_of(request.param)
    raw = pd.read_csv(EXAMPLES / "corp-rep" / "corp_rep_data.csv")[observed_indicators(spec)].to_numpy(float)
    x = np.where(np.isnan(raw), np.nanmean(raw, axis=0), raw)
    one, two, _ = estimate_two_stage(x, spec)
    return REFERENCE[f"mode_{request.param.lower()}"], spec, raw, one, two


def test_stage_one_links_each_dimension_to_the_constructs_of_the_higher_order_one():
    first = stage_one(spec_of("A"))
    assert first.constructs == ("QUAL", "PERF", "CSOR", "ATTR", "COMP", "LIKE", "CUSA", "CUSL")
    assert set(first.paths) == {*((d, dim) for d in DRIVERS for dim in ("COMP", "LIKE")), ("COMP", "CUSA"), ("LIKE", "CUSA")} | {
        ("COMP", "CUSL"),
        ("LIKE", "CUSL"),
        ("CUSA", "CUSL"),
    }
    assert first.items[4] == ("comp_1", "comp_2", "comp_3") and first.higher_order == ()


def test_estimates_equal_seminr(model):
    ref, spec, _, one, two = model
    names = spec.constructs
    for key, value in ref["paths"].items():
        a, b = key.split(" -> ")
        assert two.paths[names.index(a), names.index(b)] == pytest.approx(value["coef"], abs=1e-6), key
    for c, value in ref["r2"].items():
        assert two.r2[names.index(c)] == pytest.approx(value, abs=1e-6), c
    stage = {False: (one, stage_one(spec)), True: (two, spec)}
    for item, value in ref["loadings"].items():
        result, its_spec = stage[item in two.spec.indicators]
        k = its_spec.indicators.index(item)
        assert result.loadings[k].sum() == pytest.approx(value, abs=1e-6), item
        assert result.weights[k].sum() == pytest.approx(ref["weights"][item], abs=1e-6), item


def test_the_whole_sample_as_one_resample_gives_stage_twos_correlations(model):
    _, spec, raw, _, two = model
    correlations = stage_two_correlations(correlations_from_counts(raw, np.ones((1, len(raw)))), spec)
    assert correlations[0] == pytest.approx(two.item_cor, abs=1e-12)


def test_bootstrap_repeats_both_stages_as_seminr(model):
    ref, _, raw, _, two = model
    boot = bootstrap(raw, two, ref["bootstrap"]["resamples"], ref["bootstrap"]["seed"])
    for key, value in ref["paths"].items():
        a, b = key.split(" -> ")
        assert boot.paths[(a, b)].sd == pytest.approx(value["sd"], abs=1e-6), key
    for dim in ("COMP", "LIKE"):
        assert boot.loadings[dim].sd == pytest.approx(ref["hoc_sd"]["loadings"][dim], abs=1e-6)
        assert boot.weights[dim].sd == pytest.approx(ref["hoc_sd"]["weights"][dim], abs=1e-6)


def test_the_ipma_rates_a_higher_order_construct_by_its_dimensions_rescaled_scores(model):
    """Ringle & Sarstedt (2016) on two-stage models: the dimensions' 0–100 scores of stage one are
    the higher-order construct's indicators, so its performance is their weighted mean and its
    importance for CUSA (its only predecessor) the OLS slope of the rescaled scores."""
    from reportgen.stats.pls.ipma import ipma, rescaled_scores

    _, spec, raw, one, two = model
    x1 = np.where(np.isnan(raw), np.nanmean(raw, axis=0), raw)
    first = stage_one(spec)
    dims, _, _ = rescaled_scores(one, x1, {"COMP": (1, 7), "LIKE": (1, 7)})
    x2 = np.column_stack([dims[i] if i in dims else x1[:, first.indicators.index(i)] for i in spec.indicators])
    rated = dict.fromkeys(("QUAL", "PERF", "CSOR", "ATTR", "CUSA", "CUSL"), (1, 7)) | {"REP": (0, 100)}
    result = ipma(two, x2, rated)
    w = result.weights
    assert w["COMP"] + w["LIKE"] == pytest.approx(1) and min(w["COMP"], w["LIKE"]) > 0
    assert result.performance["REP"] == pytest.approx(w["COMP"] * dims["COMP"].mean() + w["LIKE"] * dims["LIKE"].mean(), abs=1e-10)
    scores, _, _ = rescaled_scores(two, x2, rated)
    slope = np.polyfit(scores["REP"], scores["CUSA"], 1)[0]
    assert result.importance["CUSA"]["REP"] == pytest.approx(slope, abs=1e-10)
