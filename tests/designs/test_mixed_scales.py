"""Constructs on their own scales and continuous indicators (config/examples/academic): X1 on the
study's 1–5 scale, X2 on its own 1–7 scale with X2.4 reversed as 8 − x, X3 (hours) and Y (GPA)
continuous. The alphas, the three-box indexes, the summaries of the continuous indicators and the
regression equal R (tests/fixtures/academic/academic.json, made by r_academic.R: psych 2.2.9, stats);
the chapter shows an answer table and index only where a scale exists; a study file that gives a
continuous construct a scale or a reverse item is refused in one line."""

from __future__ import annotations

import json
from types import SimpleNamespace

import numpy as np
import pytest
from consistency import problems
from helpers import EXAMPLES, FIXTURES, composed_example, example_rows, example_variant, generated_example, invoke, write_rows

from reportgen.data.coding import AnswerCoder
from reportgen.interpret.conclusions import importance_performance
from reportgen.pipeline import compose
from reportgen.render.text import render_text

REFERENCE = json.loads((FIXTURES / "academic" / "academic.json").read_text())
TIGHT = 1e-12


def _payload(lang: str = "en") -> dict:
    return composed_example("academic", lang).payload


def test_alphas_indexes_and_summaries_equal_r():
    out = _payload()
    assert out["n_used"] == REFERENCE["n"] == 148
    constructs = out["constructs"]
    for code in ("X1", "X2"):
        assert constructs[code]["alpha"] == pytest.approx(REFERENCE["alpha"][code], rel=TIGHT)
        indexes = [item["index"] for item in constructs[code]["items"].values()]
        assert indexes == pytest.approx(REFERENCE["index"][code], rel=TIGHT)
    for code in ("X3", "Y"):
        item = constructs[code]["items"][code]
        ref = REFERENCE["summary"][code]
        assert [item["min"], item["median"], item["max"], item["mean"], item["sd"]] == pytest.approx(
            [ref["min"], ref["median"], ref["max"], ref["mean"], ref["sd"]], rel=TIGHT
        )


def test_regression_on_mixed_scales_equals_r():
    coefficients = _payload()["regression"]["coefficients"]
    ref = REFERENCE["coefficients"]
    for k, name in enumerate(("const", "X1", "X2", "X3")):
        got = coefficients[name]
        assert [got["b"], got["se"], got["t"], got["p"]] == pytest.approx([ref["b"][k], ref["se"][k], ref["t"][k], ref["p"][k]], rel=1e-10)
    assert _payload()["regression"]["r2"] == pytest.approx(REFERENCE["r2"], rel=TIGHT)


def test_each_construct_says_its_scale_and_only_scaled_items_have_answers():
    constructs = _payload()["constructs"]
    assert [constructs[c]["scale"] for c in ("X1", "X2", "X3", "Y")] == [
        {"type": "scale", "min": 1, "max": 5},
        {"type": "scale", "min": 1, "max": 7},
        {"type": "continuous"},
        {"type": "continuous"},
    ]
    x24 = constructs["X2"]["items"]["X2.4"]
    assert list(x24["freq"]) == [str(p) for p in range(1, 8)] and x24["reversed"]
    assert x24["freq_scored"]["7"] == x24["freq"]["1"]  # 8 − x on its own scale
    assert constructs["X3"]["index_mean"] is None and constructs["X3"]["category"] is None
    assert not {"freq", "index", "category"} & set(constructs["X3"]["items"]["X3"])
    # the index range of the 1–7 scale: n·1/7 … n, its mean index in the middle class (63,43 ≤ 96,25 < 105,71)
    assert constructs["X2"]["index_mean"] == pytest.approx(np.mean(REFERENCE["index"]["X2"]), rel=TIGHT)
    assert constructs["X2"]["category"] == "medium"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_chapter_has_answer_tables_on_each_scale_and_summaries_of_numbers(lang):
    composed = composed_example("academic", lang)
    doc = composed.document
    tables = doc.tables()
    assert {"responses.X1", "index.X1", "responses.X2", "index.X2", "summary.X3", "summary.Y"} <= set(tables)
    assert not {"responses.X3", "index.X3", "responses.Y", "index.Y", "validity.X3", "validity.Y"} & set(tables)
    bands = tables["index.bands"]
    assert [c.text for c in bands.header[0]] == {
        "id": ["Kategori", "Rentang indeks, skala 1–5", "Rentang indeks, skala 1–7"],
        "en": ["Category", "Index range, 1–5 scale", "Index range, 1–7 scale"],
    }[lang]
    # 148 respondents: 1–5 from 148/5 = 29,60; 1–7 from 148/7 = 21,14, classes (148 − 21,14) / 3 = 42,29 wide
    assert [c.text for c in bands.body[0]][1:] == {
        "id": ["29,60 ≤ indeks < 69,07", "21,14 ≤ indeks < 63,43"],
        "en": ["29.60 ≤ index < 69.07", "21.14 ≤ index < 63.43"],
    }[lang]
    x2 = tables["responses.X2"]
    assert [c.text for c in x2.header[1]] == {"id": ["SY", "6", "5", "4", "3", "2", "STY"], "en": ["VC", "6", "5", "4", "3", "2", "NC"]}[lang]
    summary = tables["summary.Y"]
    assert [c.text for c in summary.body[0]][2:] == {
        "id": ["148", "2,12", "2,97", "4,00", "2,95", "0,42"],
        "en": ["148", "2.12", "2.97", "4.00", "2.95", "0.42"],
    }[lang]
    text = render_text(doc, composed.labels)
    said = {
        "id": [
            "Untuk Efikasi Diri Akademik (X2) yang diukur dengan skala 1–7, indeks dibagi 7 dan berkisar dari 21,14 sampai 148,00",
            "Nilai X3 berkisar dari 1,50 sampai 32,50 (median 8,25), dengan rata-rata 9,93 (simpangan baku 6,27).",
            "Jam Belajar Mandiri (X3) dan Indeks Prestasi Kumulatif (Y) masing-masing diukur dengan satu indikator kontinu",
            "skor terbalik (skor = 8 − jawaban)",
            "responden dengan nilai Jam Belajar Mandiri yang lebih tinggi cenderung memiliki nilai Indeks Prestasi Kumulatif yang lebih tinggi",
            "responden dengan skor Motivasi Belajar yang lebih tinggi cenderung memiliki nilai Indeks Prestasi Kumulatif",
        ],
        "en": [
            "For Academic Self-Efficacy (X2), measured on a 1–7 scale, the index is divided by 7 and ranges from 21.14 to 148.00",
            "X3 ranges from 1.50 to 32.50 (median 8.25), with a mean of 9.93 (SD 6.27).",
            "Independent Study Hours (X3) and Grade Point Average (Y) are each measured by one continuous indicator",
            "(score = 8 − answer)",
            "respondents with higher Independent Study Hours tend to have higher Grade Point Average, the other variables",
            "respondents with higher Learning Motivation scores tend to have higher Grade Point Average,",
        ],
    }[lang]
    flat = " ".join(text.split())
    for sentence in said:
        assert sentence in flat
    assert problems(doc, composed.labels) == []


def test_a_study_of_measured_numbers_only_has_no_index_validity_or_reliability(tmp_path):
    """Financial-ratio theses: every construct one continuous indicator. No band table, no answer
    table, no validity or reliability section; the summaries and the regression remain."""

    def edit(config):
        config["constructs"] = {k: v for k, v in config["constructs"].items() if k in ("X3", "Y")}
        config["model"]["predictors"] = ["X3"]
        config["hypotheses"] = {"H1": {"path": "X3 -> Y", "expect": "positive"}}

    composed = compose(example_variant("academic", tmp_path, edit), "en")
    tables = composed.document.tables()
    assert "index.bands" not in tables and "reliability" not in tables
    assert {"summary.X3", "summary.Y"} <= set(tables)
    titles = [s.title for s in composed.document.sections[0].blocks if hasattr(s, "title")]
    assert not any("Validity" in t or "Reliability" in t for t in titles)
    assert composed.payload["regression"]["coefficients"]["X3"]["b"] > 0
    assert problems(composed.document, composed.labels) == []


def test_continuous_answers_are_any_number():
    coder = AnswerCoder(None)
    codes, bad = coder.code_column([4.442651, "4,44", "1.234,5", "1,234.5", " 12 ", "", None, "-0.75"])
    assert codes[:5].tolist() == [4.442651, 4.44, 1234.5, 1234.5, 12.0]
    assert np.isnan(codes[5]) and np.isnan(codes[6]) and codes[7] == -0.75 and bad == {}
    _, bad = coder.code_column(["abc", float("inf"), "Setuju", 1e200, "-2e15", 1e15])
    too_large = "is larger than a measured number may be (10^15 at most): write it in millions or as its logarithm"
    assert bad == {
        0: "'abc' is not a number",
        1: "'inf' is not a number",
        2: "'Setuju' is not a number",
        3: f"1e+200 {too_large}",
        4: f"-2e15 {too_large}",
    }


def test_measured_figures_keep_their_size():
    """Decimals by magnitude: rupiah without decimals, a GPA with two, a ratio with two significant digits."""
    from reportgen.designs.survey.descriptives import measured_decimals

    assert [measured_decimals(v) for v in ([853e12, 1.6e15], [1.5, 32.5], [0.012, 0.052], [0.0012, 0.0071], [0.0])] == [0, 2, 3, 4, 2]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda c: c["constructs"]["X3"].update(scale={"min": 0, "max": 10}),
            "constructs.X3.scale: X3 has continuous indicators (type: continuous), which have no scale; remove 'scale' or 'type'",
        ),
        (
            lambda c: c["constructs"]["Y"].update(reverse=["Y"]),
            "constructs.Y.reverse: a continuous indicator of Y cannot be reversed (there is no scale to recode it on)",
        ),
        (
            lambda c: c["constructs"]["X2"]["scale"]["labels"].update({6: {"short": "SY", "id": "Yakin"}}),
            "constructs.X2.scale.labels.6: the word 'SY' is used for both 7 and 6",
        ),
        (lambda c: c["constructs"]["X2"]["scale"].update(max=4), "constructs.X2.scale: label 7 is outside the scale 1–4"),
        (
            lambda c: c["constructs"]["X3"].update(scale={"min": 0, "max": 100}, type="scale"),
            "0–100 has 101 points; a rating scale has at most 11 (0–10): check min and max, or, for measured numbers (scores, ratios), write 'type: continuous'",
        ),
    ],
)
def test_a_scale_a_continuous_construct_cannot_have_is_one_line(tmp_path, edit, message):
    result = invoke(["validate", example_variant("academic", tmp_path, edit)])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_fraction_on_a_scaled_construct_points_to_continuous(tmp_path):
    def edit(config):
        del config["constructs"]["Y"]["type"]  # GPA read as answers on the study's 1–5 scale

    result = invoke(["validate", example_variant("academic", tmp_path, edit)])
    assert result.exit_code == 2
    assert "is not a whole scale point (a construct measured in numbers needs 'type: continuous')" in result.stderr


def test_importance_performance_leaves_out_a_construct_without_a_scale():
    """IPMA rescales each construct's index on its own scale (Ringle & Sarstedt, 2016); a continuous
    construct has no index, so it has no performance and no quadrant. A: 1–5 scale (n = 100: index
    20–100), B: 1–7 (14,29–100), C: continuous."""
    from reportgen.interpret.effects import Effect
    from reportgen.interpret.hypotheses import Decision

    decision = Decision(True, 2.0, 0.01, "supported", "positive")
    effects = [
        Effect(h, "direct", (c, "Y"), beta, 2.0, "t", 0.01, decision)
        for h, c, beta in [("H1", "A", 0.5), ("H2", "B", 0.2), ("H3", "C", 0.4), ("H4", "D", 0.1)]
    ]
    constructs = {
        "A": SimpleNamespace(index_range=SimpleNamespace(low=20.0, high=100.0), index_mean=80.0, performance_interval=None),
        "B": SimpleNamespace(
            index_range=SimpleNamespace(low=100 / 7, high=100.0), index_mean=100 / 7 + 0.5 * (100 - 100 / 7), performance_interval=None
        ),
        "C": SimpleNamespace(index_range=None, index_mean=None, performance_interval=None),
        "D": SimpleNamespace(index_range=SimpleNamespace(low=20.0, high=100.0), index_mean=40.0, performance_interval=None),
    }
    rows = importance_performance(effects, constructs)["Y"]
    assert [(r.construct, round(r.performance, 10)) for r in rows] == [("A", 75.0), ("B", 50.0), ("D", 25.0)]


def test_the_csv_is_what_the_generator_writes_and_the_readme_holds(tmp_path):
    """Seeded: make_academic_example.py writes the committed data byte for byte, two hours blank;
    the README's numbers (R² = .486; b = 0.138, 0.152, 0.025; Glejser p of X1 = .024)."""
    written = generated_example("academic", tmp_path)
    assert written == (EXAMPLES / "academic" / "responses.csv").read_bytes()
    assert sum(1 for line in written.decode().splitlines()[1:] if line.split(",")[-2] == "") == 2
    out = _payload()
    assert round(out["regression"]["r2"], 3) == 0.486
    assert [round(out["regression"]["coefficients"][c]["b"], 3) for c in ("X1", "X2", "X3")] == [0.138, 0.152, 0.025]
    assert "heteroscedasticity: Glejser test of X1 has p = 0.024 < 0.05" in out["warnings"]
    readme = (EXAMPLES / "academic" / "README.md").read_text()
    for said in ("R² = .486", "b = 0.138", "0.152", "0.025 per weekly hour", "Glejser p = .024", "29.60–148.00", "21.14–148.00"):
        assert said in readme


def _path(config):
    config["model"] = {"type": "path", "paths": ["X1 -> X3", "X3 -> Y", "X1 -> Y", "X2 -> Y"], "score": "mean", "bootstrap": 500, "seed": 1}
    config["hypotheses"] = {"H1": {"path": "X1 -> X3", "expect": "positive"}, "H2": {"path": "X1 -> X3 -> Y", "expect": "positive"}}


def _pls(config):
    config["model"] = {"type": "pls", "paths": ["X1 -> Y", "X2 -> Y", "X3 -> Y"], "bootstrap": 200, "seed": 1}
    config["hypotheses"] = {k: v for k, v in config["hypotheses"].items() if "path" in v}


def _moderated_with_conclusions(config):
    config["hypotheses"]["H5"] = {"path": "X3 -> Y", "moderator": "X2", "expect": "positive"}
    config["study"]["chapters"] = [4, 5]


@pytest.mark.heavy
@pytest.mark.parametrize("edit", [_path, _pls, _moderated_with_conclusions], ids=["path", "pls", "moderation+conclusions"])
def test_every_questionnaire_design_takes_mixed_scales(tmp_path, edit):
    """The path, PLS and moderation designs (and the conclusions chapter) take the same constructs:
    summaries for X3 and Y, answer tables on 1–5 and 1–7, and a consistent chapter."""
    composed = compose(example_variant("academic", tmp_path, edit), "en")
    tables = composed.document.tables()
    assert {"summary.X3", "summary.Y", "index.X1", "index.X2"} <= set(tables) and "index.Y" not in tables
    assert composed.payload["constructs"]["X2"]["scale"] == {"type": "scale", "min": 1, "max": 7}
    assert problems(composed.document, composed.labels) == []


def test_a_construct_of_right_and_wrong_answers_beside_a_rating_scale(tmp_path):
    """A test of four items scored 0/1 (its own scale, 'Benar'/'Salah' as words) beside the 1–5 and
    1–7 constructs: its answers are coded on 0–1, its alpha is KR-20 (Kuder & Richardson, 1937:
    k/(k − 1) · (1 − Σ p q / σ²), σ² of the total with n − 1, as psych::alpha computes it on 0/1
    items), and its index range is 0 … n (count basis: index = the number of right answers)."""
    rows = example_rows("academic")
    rng = np.random.default_rng(5)
    ability = rng.normal(size=len(rows))
    for k, row in enumerate(rows):
        for j, hard in enumerate((-0.8, -0.2, 0.3, 0.9), start=1):
            row[f"T{j}"] = "Benar" if ability[k] + rng.normal(scale=0.9) > hard else "Salah"
    data = write_rows(tmp_path / "data.csv", rows)

    def edit(config):
        config["data"]["path"] = str(data)
        config["constructs"]["T"] = {
            "name": {"id": "Literasi Keuangan", "en": "Financial Literacy"},
            "scale": {
                "min": 0,
                "max": 1,
                "labels": {1: {"short": "B", "id": "Benar", "en": "Right"}, 0: {"short": "S", "id": "Salah", "en": "Wrong"}},
            },
            "items": {f"T{j}": f"Soal {j}" for j in range(1, 5)},
        }
        config["model"]["predictors"] = ["X1", "X2", "X3", "T"]

    composed = compose(example_variant("academic", tmp_path, edit), "en")
    t = composed.payload["constructs"]["T"]
    answered = np.array([[1.0 if r[f"T{j}"] == "Benar" else 0.0 for j in range(1, 5)] for r in rows if r["X3"] != ""])
    p = answered.mean(axis=0)
    kr20 = 4 / 3 * (1 - (p * (1 - p)).sum() * len(answered) / (len(answered) - 1) / answered.sum(axis=1).var(ddof=1))
    assert t["scale"] == {"type": "scale", "min": 0, "max": 1} and t["alpha"] == pytest.approx(kr20, rel=1e-12)
    assert [t["items"][f"T{j}"]["index"] for j in range(1, 5)] == answered.sum(axis=0).tolist()
    assert [c.text for c in composed.document.tables()["responses.T"].header[1]] == ["B", "S"]  # its short words, highest point first
    assert problems(composed.document, composed.labels) == []
