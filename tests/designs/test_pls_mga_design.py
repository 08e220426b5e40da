"""The multigroup analysis in the PLS chapter (model.mga; config/examples/corp-rep compares
postpaid with prepaid customers): MICOM and the permutation test in tables, sentences and
results.json, their verdicts, and the one-line errors of a grouping the data cannot bear. The
numbers are pinned to seminr in tests/stats/test_pls_mga.py."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from consistency import problems
from helpers import EXAMPLES, composed_example, example_variant, invoke

from reportgen.interpret.pls_mga import invariance_level, mga_verdicts
from reportgen.render.text import render_text
from reportgen.stats.pls.mga import Invariance, MgaResult, PathDifference


@pytest.mark.parametrize("lang", ["en", "id"])
def test_corp_rep_groups_in_tables_text_and_json(lang):
    composed = composed_example("corp-rep", lang)
    mga = composed.payload["pls"]["mga"]
    assert (mga["column"], mga["sizes"], mga["permutations"]) == ("servicetype", [125, 219], 5000)
    assert mga["groups"] == ["Postpaid", "Prepaid"]
    assert mga["invariance"]["outcome"] == "full"
    for construct, row in mga["micom"].items():
        assert row["compositional"] and row["c"] >= row["c_quantile_05"] - 1e-12, construct
        low, high = row["mean_interval"]
        assert low <= row["mean_difference"] <= high
    path = mga["paths"]["LIKE -> CUSL"]
    assert path["difference"] == pytest.approx(path["group1"] - path["group2"], abs=1e-15)
    assert 1 / 5001 <= path["p"] <= 1 and path["verdict"]["outcome"] == ("significant" if path["p"] < 0.05 else "not_significant")
    tables = composed.document.tables()
    assert {"pls.micom", "pls.mga"} <= set(tables)
    text = " ".join(render_text(composed.document, composed.labels).split())
    said = {
        "en": "which does not show that the paths are the same in both groups",
        "id": "tidak menunjukkan bahwa jalurnya sama pada kedua kelompok",
    }[lang]
    assert said in text
    assert {"en": "full measurement invariance", "id": "invariansi pengukuran penuh"}[lang] in text
    assert problems(composed.document, composed.labels) == []


def _invariance(construct="A", c=0.99, q=0.98, mean=0.0, var=0.0):
    return Invariance(construct, c, q, mean, (-0.2, 0.2), var, (-0.3, 0.3))


def test_invariance_levels():
    assert invariance_level(_invariance()) == "full"
    assert invariance_level(_invariance(mean=0.25)) == "partial"
    assert invariance_level(_invariance(var=-0.4)) == "partial"
    assert invariance_level(_invariance(c=0.97)) == "none"
    result = MgaResult(
        (50, 60),
        1000,
        [PathDifference("A", "B", 0.5, 0.1, 0.4, 0.012), PathDifference("B", "C", 0.3, 0.2, 0.1, 0.5)],
        [_invariance("A"), _invariance("B", mean=0.3), _invariance("C")],
        ({}, {}),
    )
    verdicts = mga_verdicts(result, 0.05)
    assert verdicts.model.outcome == "partial" and verdicts.comparable
    assert verdicts.paths[("A", "B")].outcome == "significant" and verdicts.paths[("B", "C")].outcome == "not_significant"
    worst = mga_verdicts(MgaResult((50, 60), 1000, [], [_invariance("A"), _invariance("B", c=0.5)], ({}, {})), 0.05)
    assert worst.model.outcome == "none" and not worst.comparable


def _run_settings(config) -> None:
    config["model"]["bootstrap"] = 200
    config["model"]["mga"]["permutations"] = 200  # kept when edit drops model.mga
    config["model"]["predict"] = False


def _run(tmp_path, edit):
    def change(config):
        _run_settings(config)
        edit(config)

    return invoke(["run", example_variant("corp-rep", tmp_path / "study", change), "--out", tmp_path / "out", "--formats", "json"])


def test_a_column_that_is_not_a_respondents_column_is_one_line(tmp_path):
    result = _run(tmp_path, lambda c: c["model"]["mga"].update(column="servicetyp"))
    assert result.exit_code == 2 and "model.mga.column" in result.stderr and "servicetype" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_three_groups_are_refused_in_one_line(tmp_path):
    table = pd.read_csv(EXAMPLES / "corp-rep" / "corp_rep_data.csv")
    table.loc[::10, "servicetype"] = 3
    data = tmp_path / "data.csv"
    table.to_csv(data, index=False)

    def edit(config):
        config["respondents"][0]["values"]["3"] = {"id": "Lainnya", "en": "Other"}
        config["data"]["path"] = str(data)

    result = _run(tmp_path, edit)
    assert result.exit_code == 2, result.stderr
    assert "model.mga.column: servicetype holds 3 groups" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def _with_a_third_group(tmp_path) -> Path:
    """The example's data twice, the copy's respondents in a third group (servicetype 3): every
    column's mean, so every value imputed by it, is the example's."""
    table = pd.read_csv(EXAMPLES / "corp-rep" / "corp_rep_data.csv")
    data = tmp_path / "data.csv"
    pd.concat([table, table.assign(servicetype=3)]).to_csv(data, index=False)
    return data


def test_two_groups_named_of_three_are_compared_as_a_column_of_two(tmp_path):
    """model.mga.groups (codes or labels) picks two groups of a column with three: the same
    respondents, values and permutations as the example's two-group analysis, so the same MICOM
    and path differences; the third group is left out and said to be."""
    data = _with_a_third_group(tmp_path)

    def named(config):
        config["respondents"][0]["values"]["3"] = {"id": "Lainnya", "en": "Other"}
        config["data"]["path"] = str(data)
        config["model"]["mga"]["groups"] = ["1", "Prepaid"]

    from reportgen.pipeline import compose

    assert _run(tmp_path / "two", lambda c: None).exit_code == 0
    two = json.loads((tmp_path / "two" / "out" / "results.json").read_text())["pls"]["mga"]
    study = example_variant("corp-rep", tmp_path / "three", lambda c: _run_settings(c) or named(c))
    said = {
        "en": "separately for the 125 Postpaid and the 219 Prepaid respondents (the 344 respondents in the group Other are not part of this comparison).",
        "id": "terpisah untuk 125 responden Pascabayar dan 219 responden Prabayar (344 responden pada kelompok Lainnya tidak termasuk dalam perbandingan ini).",
    }
    for lang in ("en", "id"):
        composed = compose(study, lang)
        assert said[lang] in " ".join(render_text(composed.document, composed.labels).split())
        assert problems(composed.document, composed.labels) == []
    three = composed.payload["pls"]["mga"]
    assert (three["groups"], three["sizes"], three["others"], three["other_groups"]) == (["Postpaid", "Prepaid"], [125, 219], 344, ["Other"])
    assert (two["others"], two["other_groups"]) == (0, [])
    for construct, row in two["micom"].items():
        for key in ("c", "c_quantile_05", "mean_difference", "log_variance_ratio"):
            assert three["micom"][construct][key] == pytest.approx(row[key], abs=1e-12), (construct, key)
    for path, row in two["paths"].items():
        assert [three["paths"][path][k] for k in ("group1", "group2", "p")] == pytest.approx([row[k] for k in ("group1", "group2", "p")], abs=1e-12)


@pytest.mark.parametrize(
    "groups,said",
    [
        (
            None,
            "model.mga.column: servicetype holds 3 groups among the respondents used (Other, Postpaid, Prepaid); the multigroup analysis "
            "compares two: name the two in model.mga.groups (groups: [Other, Postpaid], say), or recode the column into two groups",
        ),
        (["1", "Others"], "model.mga.groups: Others is not a group of servicetype among the respondents used (Other, Postpaid, Prepaid)"),
        (["2", "Prepaid"], "model.mga.groups: both entries name the group Prepaid of servicetype; name two different groups"),
    ],
)
def test_groups_of_a_column_of_three_that_cannot_be_compared_are_one_line(tmp_path, groups, said):
    data = _with_a_third_group(tmp_path)

    def edit(config):
        config["respondents"][0]["values"]["3"] = {"id": "Lainnya", "en": "Other"}
        config["data"]["path"] = str(data)
        if groups:
            config["model"]["mga"]["groups"] = groups

    result = _run(tmp_path, edit)
    assert result.exit_code == 2 and result.stderr.strip().splitlines() == [f"error: {said}"], result.stderr


def test_json_without_mga_is_null(tmp_path):
    result = _run(tmp_path, lambda c: c["model"].pop("mga"))
    assert result.exit_code == 0, result.stderr
    assert json.loads((tmp_path / "out" / "results.json").read_text())["pls"]["mga"] is None


def test_a_construct_formed_differently_in_the_groups_makes_its_paths_uninterpretable(tmp_path):
    """No example lacks compositional invariance: the corp-rep analysis with LIKE's c put below its
    5% quantile, then written as the chapter would be."""
    from dataclasses import replace

    from reportgen.config import load_study
    from reportgen.interpret.pls_mga import mga_verdicts
    from reportgen.pipeline import analyse, chapter

    def edit(config):
        config["model"].update(bootstrap=200)
        config["model"]["mga"]["permutations"] = 200

    analysed = analyse(load_study(example_variant("corp-rep", tmp_path, edit)), "en")
    m = analysed.results.multigroup
    invariance = [replace(row, c=row.c_quantile - 0.01) if row.construct == "LIKE" else row for row in m.result.invariance]
    result = replace(m.result, invariance=invariance)
    results = replace(analysed.results, multigroup=replace(m, result=result, verdicts=mga_verdicts(result, 0.05)))
    document, builder = chapter(replace(analysed, results=results), "en")
    text = " ".join(render_text(document, builder.labels).split())
    assert "In Table 5.26, Likeability is not compositionally invariant (c below the 5% quantile" in text
    assert "The comparisons of LIKE → CUSA and LIKE → CUSL are not interpretable" in text
    assert [row[-1].text for row in document.tables()["pls.micom"].body][1] == "None"
    assert problems(document, builder.labels) == []
