"""Higher-order constructs by the repeated indicators approach equal seminr's model with a
composite of its dimensions' items (fixtures/pls/corp_rep_repeated_reference.json,
make_repeated_reference.py): reputation (REP) of competence and likeability in the
corporate-reputation model of Sarstedt et al. (2019), reflective–reflective (mode A, with its
formative drivers) and reflective–formative (mode B, REP explained by its dimensions only).
Estimates to 1e-6, bootstrap SDs on the same resamples to 1e-6."""

import json

import numpy as np
import pandas as pd
import pytest
from helpers import EXAMPLES, FIXTURES

from reportgen.stats.pls.algorithm import Dimension, PlsSpec
from reportgen.stats.pls.bootstrap import bootstrap
from reportgen.stats.pls.higher_order import observed_indicators
from reportgen.stats.pls.repeated_indicators import alias, estimate_repeated, repeated_columns, repeated_spec, view_of_correlations
from reportgen.stats.resample import correlations_from_counts

REFERENCE = json.loads((FIXTURES / "pls" / "corp_rep_repeated_reference.json").read_text())
DRIVERS = {"QUAL": 8, "PERF": 5, "CSOR": 5, "ATTR": 3}
DIMENSIONS = (Dimension("COMP", ("comp_1", "comp_2", "comp_3")), Dimension("LIKE", ("like_1", "like_2", "like_3")))


def spec_of(mode: str) -> PlsSpec:
    drivers = DRIVERS if mode == "A" else {}
    blocks = tuple(tuple(f"{name.lower()}_{k}" for k in range(1, count + 1)) for name, count in drivers.items())
    return PlsSpec(
        (*drivers, "REP", "CUSA", "CUSL"),
        (*blocks, ("COMP", "LIKE"), ("cusa",), ("cusl_1", "cusl_2", "cusl_3")),
        ("B",) * len(drivers) + (mode, "A", "A"),
        (*((d, "REP") for d in drivers), ("REP", "CUSA"), ("REP", "CUSL"), ("CUSA", "CUSL")),
        higher_order=("REP",),
        dimensions=DIMENSIONS,
        approach="repeated_indicators",
    )


@pytest.fixture(scope="module", params=["A", "B"])
def model(request):
    spec = spec_of(request.param)
    raw = pd.read_csv(EXAMPLES / "corp-rep" / "corp_rep_data.csv")[observed_indicators(spec)].to_numpy(float)
    x = np.where(np.isnan(raw), np.nanmean(raw, axis=0), raw)
    one, view, x2 = estimate_repeated(x, spec)
    return REFERENCE[f"mode_{request.param.lower()}"], spec, raw, one, view, x2


def test_the_higher_order_construct_repeats_its_dimensions_items_and_is_linked_to_them():
    a, b = repeated_spec(spec_of("A")), repeated_spec(spec_of("B"))
    assert a.constructs == ("QUAL", "PERF", "CSOR", "ATTR", "REP", "COMP", "LIKE", "CUSA", "CUSL")
    assert a.items[4] == tuple(alias(i, "REP") for d in DIMENSIONS for i in d.items) and a.modes[4] == "A" and b.modes[0] == "B"
    assert {("REP", "COMP"), ("REP", "LIKE")} <= set(a.paths) and {("COMP", "REP"), ("LIKE", "REP")} <= set(b.paths)
    assert a.repeated == ("REP",) and a.unmeasured == ("REP",) and a.higher_order == ()
    assert [observed_indicators(spec_of("B"))[k] for k in repeated_columns(spec_of("B"))][:6] == [
        "comp_1",
        "comp_2",
        "comp_3",
        "like_1",
        "like_2",
        "like_3",
    ]


def test_estimates_equal_seminr(model):
    ref, _, _, one, _, _ = model
    names, items = one.spec.constructs, one.spec.indicators
    for key, value in ref["paths"].items():
        a, b = key.split(" -> ")
        assert one.paths[names.index(a), names.index(b)] == pytest.approx(value["coef"], abs=1e-6), key
    for c, value in ref["r2"].items():
        assert one.r2[names.index(c)] == pytest.approx(value, abs=1e-6), c
    checked = 0
    for item, row in ref["loadings"].items():
        for construct, value in row.items():
            if value:
                k, j = items.index(alias(item, "REP") if construct == "REP" else item), names.index(construct)
                assert one.loadings[k, j] == pytest.approx(value, abs=1e-6), (item, construct)
                assert one.weights[k, j] == pytest.approx(ref["weights"][item][construct], abs=1e-6), (item, construct)
                checked += 1
    assert checked == len(items)


def test_the_view_reads_the_links_as_the_higher_order_constructs_loadings_or_weights(model):
    """Sarstedt et al. (2019): mode A's paths REP → dimension are its loadings; mode B's paths
    dimension → REP its weights; the structural paths and R² are the model's own."""
    ref, spec, _, one, view, _ = model
    j = spec.constructs.index("REP")
    dims = [spec.indicators.index(d) for d in ("COMP", "LIKE")]
    mode_a = spec.modes[j] == "A"
    for k, dim in zip(dims, ("COMP", "LIKE")):
        link = ref["paths"][f"REP -> {dim}" if mode_a else f"{dim} -> REP"]["coef"]
        assert (view.loadings if mode_a else view.weights)[k, j] == pytest.approx(link, abs=1e-6), dim
        assert view.loadings[k, j] == pytest.approx(np.corrcoef(one.scores[:, one.spec.constructs.index(dim)], view.scores[:, j])[0, 1], abs=1e-12)
    for a, b in spec.paths:
        assert view.paths[spec.constructs.index(a), spec.constructs.index(b)] == pytest.approx(ref["paths"][f"{a} -> {b}"]["coef"], abs=1e-6)
    for c in ("REP", "CUSA", "CUSL"):
        if c in ref["r2"] and not np.isnan(view.r2[spec.constructs.index(c)]):
            assert view.r2[spec.constructs.index(c)] == pytest.approx(ref["r2"][c], abs=1e-6), c


def test_the_whole_sample_as_one_resample_gives_the_view(model):
    _, spec, raw, _, view, x2 = model
    batch = view_of_correlations(correlations_from_counts(raw, np.ones((1, len(raw)))), spec)
    assert batch.item_cor[0] == pytest.approx(np.corrcoef(x2, rowvar=False), abs=1e-12)
    assert batch.paths[0] == pytest.approx(view.paths, abs=1e-12)
    assert batch.weights[0] == pytest.approx(view.weights, abs=1e-12)


def test_bootstrap_equals_seminr_and_the_view_bootstraps_the_links(model):
    ref, spec, raw, one, view, _ = model
    resamples, seed = ref["bootstrap"]["resamples"], ref["bootstrap"]["seed"]
    whole = bootstrap(raw[:, repeated_columns(spec)], one, resamples, seed)
    for key, value in ref["paths"].items():
        a, b = key.split(" -> ")
        assert whole.paths[(a, b)].sd == pytest.approx(value["sd"], abs=1e-6), key
    read = bootstrap(raw, view, resamples, seed)
    for a, b in spec.paths:
        assert read.paths[(a, b)].sd == pytest.approx(whole.paths[(a, b)].sd, abs=1e-12)
    mode_a = spec.modes[spec.constructs.index("REP")] == "A"
    for dim in ("COMP", "LIKE"):
        link = whole.paths[("REP", dim) if mode_a else (dim, "REP")]
        mine = (read.loadings if mode_a else read.weights)[dim]
        assert (mine.estimate, mine.sd, mine.ci_low, mine.ci_high) == pytest.approx((link.estimate, link.sd, link.ci_low, link.ci_high), abs=1e-12)


def _fold_by_fold(x, model, orders, target: str, item: str, seminr_rows: bool) -> np.ndarray:
    """Direct-antecedent PLS predictions of ``item`` by hand, fold by fold (Shmueli et al., 2016):
    the held-out cases standardised by the training means and SDs, scored with the training
    weights, their target's score predicted by the training paths, times the item's loading. With
    ``seminr_rows`` each repeated item's weight row is read as seminr reads it, by name: the row
    of its first occurrence (which holds its weights on REP and on its dimension) for both
    occurrences, so those items count twice in REP's and the dimension's scores."""
    from reportgen.stats.pls.algorithm import estimate
    from reportgen.stats.pls.predict import cut_folds

    names = model.indicators
    j, k = model.constructs.index(target), names.index(item)
    predicted = np.zeros(len(x))
    for order in orders:
        for fold in cut_folds(np.asarray(order), 10):
            train, test = x[fold.train], x[fold.test]
            fit = estimate(train, model)
            weights = fit.weights.copy()
            if seminr_rows:
                for a, name in enumerate(names):
                    if "@" in name:
                        b = names.index(name.split("@")[0])
                        weights[a] = weights[b] = fit.weights[a] + fit.weights[b]
            mean, sd = train.mean(axis=0), train.std(axis=0, ddof=1)
            scores = ((test - mean) / sd) @ weights
            predicted[fold.test] += (scores @ fit.paths)[:, j] * fit.loadings[k, j] * sd[k] + mean[k]
    return predicted / len(orders)


def test_plspredict_of_the_structural_targets():
    """seminr's predict_pls of the same model (direct antecedents, the same folds): its LM equals
    ours (REP's LM regresses on its repeated items). Its PLS predictions read each repeated item's
    weight row by name, so the item counts twice in the scores; computed so by hand, they equal
    seminr's to 1e-10 — the folds and estimates are the same — while reportgen's equal the same
    computation with each row in its place. The dimensions, whose items REP repeats, are not
    predicted (their LM would regress an item on itself)."""
    from reportgen.stats.pls.predict import cross_validate, indicator_errors

    spec = spec_of("A")
    raw = pd.read_csv(EXAMPLES / "corp-rep" / "corp_rep_data.csv")[observed_indicators(spec)].to_numpy(float)
    one, _, _ = estimate_repeated(np.where(np.isnan(raw), np.nanmean(raw, axis=0), raw), spec)
    expected = REFERENCE["mode_a"]["predict"]
    x = np.where(np.isnan(raw), np.nanmean(raw, axis=0), raw)[:, repeated_columns(spec)]
    orders = [np.array(order) for order in expected["orders"]]
    predictions = cross_validate(x, one.spec, orders, expected["folds"], expected["technique"], only=("CUSA", "CUSL"))
    assert predictions.items == ("cusa", "cusl_1", "cusl_2", "cusl_3")
    errors = {row.indicator: row for row in indicator_errors(x, one.spec, predictions)}
    for item, want in expected["items"].items():
        assert (errors[item].lm_rmse, errors[item].lm_mae) == pytest.approx((want["lm_rmse"], want["lm_mae"]), abs=1e-10), item
    for k, item in enumerate(predictions.items):
        target = one.spec.construct_of(item)
        actual = x[:, one.spec.indicators.index(item)]
        as_seminr = _fold_by_fold(x, one.spec, orders, target, item, seminr_rows=True)
        assert np.sqrt(np.mean((actual - as_seminr) ** 2)) == pytest.approx(expected["items"][item]["pls_rmse"], abs=1e-10), item
        assert predictions.pls[:, k] == pytest.approx(_fold_by_fold(x, one.spec, orders, target, item, seminr_rows=False), abs=1e-12)
    assert errors["cusa"].q2_predict == pytest.approx(0.268, abs=5e-4) and expected["items"]["cusa"]["q2_predict"] < 0


def test_htmt_on_the_repeated_items_equals_seminr(model):
    """seminr's htmt() of the same model: REP's HTMT with the other constructs on its repeated
    items (mode A: REP~CUSA .5617, REP~CUSL .6853), the chapter's REP row. reportgen leaves out
    (NaN) the pairs with a single-item construct, whose HTMT it does not assess."""
    from reportgen.stats.pls.quality import htmt

    ref, _, _, one, _, _ = model
    names = one.spec.constructs
    ours = htmt(one.spec, one.item_cor[None])[0]
    checked = []
    for pair, value in ref["htmt"].items():
        a, b = pair.split("~")
        found = ours[names.index(a), names.index(b)]
        if found == found:
            assert found == pytest.approx(value, abs=1e-9), pair
            checked.append(pair)
    assert {"COMP~LIKE", "REP~CUSL"} <= set(checked)
