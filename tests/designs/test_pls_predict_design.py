"""PLSpredict in the PLS chapter (model.predict): the table, the sentences and results.json agree,
the verdicts follow Shmueli et al. (2019), and a setting the data cannot bear is one line.
The numbers themselves are pinned to seminr in tests/stats/test_pls_predict.py."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest
from consistency import problems
from helpers import composed_example, example_variant, invoke

from reportgen.errors import AnalysisError
from reportgen.interpret.pls_predict import construct_predictions, power_level, statistic_verdict
from reportgen.render.text import render_text
from reportgen.stats.pls.algorithm import PlsSpec
from reportgen.stats.pls.predict import IndicatorPrediction, cross_validate


def _row(item, construct="Y", q2=0.3, pls=1.0, lm=1.1, skew=0.2):
    return IndicatorPrediction(item, construct, q2, pls, pls * 0.8, lm, lm * 0.8, skew)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_corp_rep_table_text_and_json_agree(lang):
    composed = composed_example("corp-rep", lang)
    predict = composed.payload["pls"]["predict"]
    assert (predict["folds"], predict["repetitions"], predict["technique"]) == (10, 10, "direct")
    cusl = predict["constructs"]["CUSL"]
    assert cusl["power"]["outcome"] == "high" and cusl["statistic"]["outcome"] == "rmse"
    for item, row in cusl["indicators"].items():
        assert row["q2_predict"] > 0 and row["pls_rmse"] < row["lm_rmse"] and row["pls_better"], item
    cusa = predict["constructs"]["CUSA"]["indicators"]["cusa"]
    assert cusa["pls_rmse"] > cusa["lm_rmse"] and predict["constructs"]["CUSA"]["power"]["outcome"] == "none"
    table = composed.document.tables()["pls.predict"]
    cells = [c.text for row in table.body for c in row]
    number = composed.payload["pls"]["predict"]["constructs"]["CUSL"]["indicators"]["cusl_2"]["q2_predict"]
    shown = f"{number:.3f}" if lang == "en" else f"{number:.3f}".replace(".", ",")
    assert shown in cells
    text = " ".join(render_text(composed.document, composed.labels).split())
    said = {
        "en": "so the model has high predictive power for CUSL (Shmueli et al., 2019)",
        "id": "sehingga kekuatan prediksi model untuk CUSL tinggi (Shmueli et al., 2019)",
    }[lang]
    assert said in text
    assert {"en": "lacks predictive power for CUSA beyond the linear benchmark", "id": "tidak memiliki kekuatan prediksi untuk CUSA"}[lang] in text
    assert problems(composed.document, composed.labels) == []


def test_a_sentence_that_contradicts_the_table_is_caught():
    """The phrase rule reads the words even where the sentence carries no claim."""
    composed = composed_example("corp-rep", "en")
    changed = 0
    for holder in composed.document.walk():
        blocks = getattr(holder, "blocks", None)
        for k, block in enumerate(blocks or []):
            if getattr(block, "text", "").startswith("For Customer Loyalty (CUSL), Q²predict"):
                blocks[k] = replace(block, text=block.text.replace("high predictive power", "low predictive power"), claims=(), runs=())
                changed += 1
    assert changed == 1
    assert [p for p in problems(composed.document, composed.labels) if "predict:CUSL" in p]


def test_verdict_rules():
    assert [power_level(k, 4) for k in (4, 3, 2, 1, 0)] == ["high", "medium", "low", "low", "none"]
    assert power_level(1, 1) == "high" and power_level(0, 1) == "none"
    assert statistic_verdict([_row("a", skew=0.9), _row("b", skew=-0.4)]).outcome == "rmse"
    assert statistic_verdict([_row("a", skew=-1.2), _row("b", skew=0.1)]).outcome == "mae"
    # Q²predict ≤ 0 never counts for PLS-SEM, even with the smaller error
    verdicts = construct_predictions([_row("a", q2=-0.01, pls=1.0, lm=1.2), _row("b", q2=0.2, pls=1.0, lm=1.2)])["Y"]
    assert verdicts.better == {"a": False, "b": True} and verdicts.power.outcome == "low"
    assert verdicts.relevant["a"].outcome == "not_relevant"
    # with skewed errors MAE decides: PLS has the larger RMSE but the smaller MAE
    skewed = [replace(_row("a", skew=1.5, pls=1.0, lm=0.9), pls_mae=0.6, lm_mae=0.7)]
    assert construct_predictions(skewed)["Y"].power.outcome == "high"


def _run(tmp_path, edit):
    def change(config):
        config["model"]["bootstrap"] = 200
        edit(config)

    return invoke(["run", example_variant("corp-rep", tmp_path / "study", change), "--out", tmp_path / "out", "--formats", "json"])


def test_predict_false_leaves_it_out(tmp_path):
    result = _run(tmp_path, lambda c: c["model"].update(predict=False))
    assert result.exit_code == 0, result.stderr
    assert json.loads((tmp_path / "out" / "results.json").read_text())["pls"]["predict"] is None


def test_earliest_antecedents(tmp_path):
    result = _run(tmp_path, lambda c: c["model"].update(predict={"folds": 5, "repetitions": 2, "technique": "earliest"}))
    assert result.exit_code == 0, result.stderr
    predict = json.loads((tmp_path / "out" / "results.json").read_text())["pls"]["predict"]
    assert (predict["folds"], predict["repetitions"], predict["technique"]) == (5, 2, "earliest")
    # every endogenous construct is predicted, whichever antecedents predict it
    assert set(predict["constructs"]) == {"CUSA", "CUSL"}


@pytest.mark.parametrize(
    "predict, says",
    [
        ({"folds": 51}, "model.predict.folds"),
        ({"repetitions": 0}, "model.predict.repetitions"),
        ({"technique": "all"}, "model.predict.technique"),
    ],
)
def test_bad_settings_are_one_line(tmp_path, predict, says):
    result = _run(tmp_path, lambda c: c["model"].update(predict=predict))
    assert result.exit_code == 2 and says in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_too_many_folds_for_the_sample_is_one_line(tmp_path):
    x = np.random.default_rng(1).normal(size=(22, 10))

    spec = PlsSpec(("A", "B"), (tuple(f"a{i}" for i in range(5)), tuple(f"b{i}" for i in range(5))), ("A", "A"), (("A", "B"),))
    with pytest.raises(AnalysisError, match=r"model.predict.folds: with 2 folds a training sample holds only 11 of the 22"):
        cross_validate(x, spec, [np.arange(24)], 2)
