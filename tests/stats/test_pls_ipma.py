"""IPMA of a PLS model (Ringle & Sarstedt, 2016) on the ECSI model of config/examples/mobi
(1–10 scales), recomputed here from its definition by another route: the rescaled scores built
item by item, their unstandardised paths by OLS (numpy lstsq), and the total effects of those
paths; the module takes the shortcut β · sd(Ỹ_t) / sd(Ỹ_s). seminr has no IPMA."""

import numpy as np
import pytest
from helpers import EXAMPLES

from reportgen.config import load_study
from reportgen.data import load_dataset
from reportgen.designs.pls.analysis import spec_of
from reportgen.stats.pls import estimate
from reportgen.stats.pls.ipma import ipma


@pytest.fixture(scope="module")
def mobi():
    study = load_study(EXAMPLES / "mobi" / "study.yaml")
    spec = spec_of(study)
    x = load_dataset(study).items_of(spec.indicators)
    scale = study.config.scale
    bounds = dict.fromkeys(spec.constructs, (scale.min, scale.max))
    return spec, x, estimate(x, spec), bounds


def test_importance_and_performance_equal_their_definition(mobi):
    spec, x, model, bounds = mobi
    result = ipma(model, x, bounds)
    names = spec.constructs
    owner = spec.mask.argmax(axis=1)
    low, high = next(iter(bounds.values()))
    rescaled = 100 * (x - low) / (high - low)
    scores = {}
    for j, c in enumerate(names):
        idx = np.flatnonzero(owner == j)
        w = model.weights[idx, j] / rescaled[:, idx].std(axis=0, ddof=1)
        scores[c] = rescaled[:, idx] @ (w / w.sum())
        assert result.performance[c] == pytest.approx(scores[c].mean(), abs=1e-10)
        assert 0 <= result.performance[c] <= 100
    b = np.zeros((len(names), len(names)))
    for j in spec.endogenous:
        preds = spec.predecessors(j)
        design = np.column_stack([np.ones(len(x))] + [scores[names[i]] for i in preds])
        coef, *_ = np.linalg.lstsq(design, scores[names[j]], rcond=None)
        b[preds, j] = coef[1:]
    total = np.linalg.inv(np.eye(len(names)) - b) - np.eye(len(names))
    for target, row in result.importance.items():
        for source, value in row.items():
            assert value == pytest.approx(total[names.index(source), names.index(target)], abs=1e-10), (source, target)
    assert set(result.importance["CUSL"]) == {"IMAG", "CUEX", "PERQ", "PERV", "CUSA", "CUSCO"}
    low_ci, high_ci = result.interval["CUSA"]
    assert low_ci < result.performance["CUSA"] < high_ci


def test_a_negative_weight_is_flagged():
    from reportgen.stats.pls.algorithm import PlsSpec

    rng = np.random.default_rng(2)
    a = rng.normal(size=80)
    x = np.column_stack([a + rng.normal(size=80), -a + rng.normal(size=80) + 8, a + rng.normal(size=80)]) + 4
    spec = PlsSpec(("A", "B"), (("a1", "a2"), ("b1",)), ("B", "A"), (("A", "B"),))
    model = estimate(x, spec)
    assert (model.weights[:2, 0] < 0).any()
    assert ipma(model, x, {"A": (1, 10), "B": (1, 10)}).negative == ("A",)
