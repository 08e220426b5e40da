"""Two-stage moderation in PLS equals seminr's interaction_term(method = two_stage)
(fixtures/pls/corp_rep_moderation_reference.json, make_moderation_reference.py): switching
costs moderating CUSA → CUSL in the corporate-reputation model. Estimates to 1e-6; the bootstrap
repeats both stages in every resample, as seminr does, on the same resamples."""

import json
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from helpers import EXAMPLES, FIXTURES

from reportgen.stats.pls.algorithm import PlsSpec, estimate
from reportgen.stats.pls.bootstrap import bootstrap
from reportgen.stats.pls.interaction import products, rescaled, two_stage_correlations
from reportgen.stats.resample import correlations_from_counts

REFERENCE = json.loads((FIXTURES / "pls" / "corp_rep_moderation_reference.json").read_text())
ITEMS = {
    "COMP": ("comp_1", "comp_2", "comp_3"),
    "LIKE": ("like_1", "like_2", "like_3"),
    "CUSA": ("cusa",),
    "CUSL": ("cusl_1", "cusl_2", "cusl_3"),
    "SC": ("switch_1", "switch_2", "switch_3", "switch_4"),
}
PATHS = (("COMP", "CUSA"), ("LIKE", "CUSA"), ("COMP", "CUSL"), ("LIKE", "CUSL"), ("CUSA", "CUSL"), ("SC", "CUSL"), ("CUSA*SC", "CUSL"))


@pytest.fixture(scope="module")
def model():
    spec = PlsSpec((*ITEMS, "CUSA*SC"), (*ITEMS.values(), ("CUSA*SC",)), ("A",) * 6, PATHS, interactions=("CUSA*SC",))
    data = pd.read_csv(EXAMPLES / "corp-rep" / "corp_rep_data.csv")
    raw = data[[i for items in ITEMS.values() for i in items]].to_numpy(float)
    x = np.where(np.isnan(raw), np.nanmean(raw, axis=0), raw)
    product = products(raw, spec)
    result = estimate(np.column_stack([x, product]), spec)
    paths, loadings = rescaled(spec, result.paths[None], result.loadings[None], product.std(axis=0, ddof=1)[None])
    return spec, raw, replace(result, paths=paths[0], loadings=loadings[0])


def test_estimates_equal_seminr(model):
    spec, _, result = model
    names = spec.constructs
    for key, ref in REFERENCE["paths"].items():
        a, b = key.split(" -> ")
        assert result.paths[names.index(a), names.index(b)] == pytest.approx(ref["coef"], abs=1e-6), key
    for c in ("CUSA", "CUSL"):
        assert result.r2[names.index(c)] == pytest.approx(REFERENCE["r2"][c], abs=1e-6)
    loadings = dict(zip(spec.indicators, result.loadings.sum(axis=1)))
    weights = dict(zip(spec.indicators, result.weights.sum(axis=1)))
    for item, value in REFERENCE["loadings"].items():
        key = "CUSA*SC" if item.endswith("_intxn") else item
        assert loadings[key] == pytest.approx(value, abs=1e-6), item
        assert weights[key] == pytest.approx(REFERENCE["weights"][item], abs=1e-6), item


def test_the_whole_sample_as_one_resample_gives_the_estimate_correlations(model):
    spec, raw, result = model
    n = len(raw)
    correlations, scales = two_stage_correlations(raw, np.ones((1, n)), spec)
    assert correlations[0] == pytest.approx(result.item_cor, abs=1e-12)
    assert correlations[0][:-1, :-1] == pytest.approx(correlations_from_counts(raw, np.ones((1, n)))[0], abs=1e-15)
    assert scales[0, 0] == pytest.approx(products(raw, spec)[:, 0].std(ddof=1), abs=1e-12)


def test_bootstrap_repeats_both_stages_as_seminr(model):
    _, raw, result = model
    boot = bootstrap(raw, result, REFERENCE["bootstrap"]["resamples"], REFERENCE["bootstrap"]["seed"])
    for key, ref in REFERENCE["paths"].items():
        a, b = key.split(" -> ")
        assert boot.paths[(a, b)].sd == pytest.approx(ref["sd"], abs=1e-6), key
