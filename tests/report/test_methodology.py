"""What a methodologist checks around the numbers (issue: the chapter's reasoning as sound as its
arithmetic): each test builds the case a reader found wrong and asserts what the chapter says now."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import base, composed_example, survey_rows, write_study

from reportgen.pipeline import compose
from reportgen.report.document import Paragraph

LANGUAGES = ("id", "en")


def texts(composed) -> str:
    return "\n".join(p.text for p in composed.document.walk() if isinstance(p, Paragraph))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_reverse_item_shows_what_respondents_answered_and_says_it_was_reversed(tmp_path, lang):
    """helpers.survey_rows writes X2.3 as 6 − x (a reverse-keyed statement); the study reverses it."""
    rows = survey_rows()
    answered = [row["X2.3"] for row in rows]
    composed = compose(write_study(tmp_path, base(), rows), lang)
    tables = composed.document.tables()
    answers = tables["responses.X2"]
    row = next(r for r in answers.body if r[1].text.startswith("X2.3."))
    shown = {5 - k: int(c.text) if c.text else 0 for k, c in enumerate(row[2:7])}  # columns SS … STS (5 … 1)
    assert shown == {p: answered.count(p) for p in range(1, 6)}
    index = tables["index.X2"]
    row = next(r for r in index.body if r[1].text.startswith("X2.3."))
    assert [int(c.text) for c in row[2:7]] == [answered.count(6 - p) for p in range(1, 6)]  # scores 1..5 after reversal
    assert any("X2.3" in note for note in answers.notes) and any("X2.3" in note for note in index.notes)
    said = {
        "id": "Pernyataan X2.3 merupakan pernyataan yang berlawanan arah dengan variabel ini, sehingga diberi skor terbalik (skor = 6 − jawaban)",
        "en": "X2.3 is a statement worded against this variable and therefore reverse-scored (score = 6 − answer)",
    }
    assert said[lang] in texts(composed)
    item = composed.payload["constructs"]["X2"]["items"]["X2.3"]
    assert item["reversed"] and item["freq"] == {str(p): answered.count(p) for p in range(1, 6)}
    assert item["freq_scored"] == {str(p): answered.count(6 - p) for p in range(1, 6)}


def _compose(tmp_path, lang, config=None, rows=None):
    return compose(write_study(tmp_path, config or base(), rows), lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_single_item_construct_is_not_called_valid_or_reliable(tmp_path, lang):
    config = base()
    config["constructs"]["X1"]["items"] = {"X1.1": "a"}
    composed = _compose(tmp_path, lang, config)
    said = texts(composed)
    assert {
        "id": "Variabel Motivasi (X1) diukur dengan satu item (X1.1): korelasinya dengan skor total variabel adalah korelasi dengan dirinya sendiri",
        "en": "Motivation (X1) is measured by one item (X1.1): its correlation with the variable's total is its correlation with itself",
    }[lang] in said
    assert ("between 1.000 and 1.000" not in said) and ("antara 1,000 dan 1,000" not in said)
    assert {
        "id": "Seluruh variabel yang diukur dengan lebih dari satu item memiliki Cronbach's alpha",
        "en": "Every variable measured by more than one item has an alpha",
    }[lang] in said
    shown = {c.claim for t in composed.document.tables().values() for r in t.body for c in r if c.claim}
    assert ("validity:X1.1", "single_item") in shown and ("reliability:X1", "single_item") in shown


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_study_of_single_items_has_no_empty_ranges(tmp_path, lang):
    config = base()
    config["constructs"]["X1"]["items"] = {"X1.1": "a"}
    config["constructs"]["X2"] = {"name": "Disiplin", "items": {"X2.1": "a"}}
    config["constructs"]["Y"]["items"] = {"Y.1": "a"}
    composed = _compose(tmp_path, lang, config)
    said = texts(composed)
    assert "from to" not in said and "antara  dan" not in said and "ranges from  to" not in said
    assert {"id": "Setiap variabel penelitian ini diukur dengan satu item", "en": "Every variable of this study is measured by one item"}[
        lang
    ] in said
    assert "reliability.items" not in composed.document.tables()


def _wide_rows(n: int, seed: int = 4) -> list[dict]:
    rows = survey_rows(n=n, seed=seed)
    rng = np.random.default_rng(seed + 100)  # not survey_rows's stream, whose first draws are the X1 factor
    for row in rows:  # X1.3 barely relates to its construct: r table passes it at this n, 0,30 does not
        row["X1.3"] = int(np.clip(round(0.15 * (row["X1.1"] - 3) + 3 + rng.normal(scale=1.2)), 1, 5))
    return rows


@pytest.mark.parametrize("lang", LANGUAGES)
def test_above_200_respondents_validity_is_judged_by_the_size_of_the_correlation(tmp_path, lang):
    composed = _compose(tmp_path, lang, rows=_wide_rows(600))
    item = composed.results.described.constructs["X1"].items["X1.3"]
    assert composed.results.described.validity_rule == "magnitude"
    assert item.validity.r_item_rest < 0.30 < item.validity.r_item_total and item.valid is False  # r table (0,080) would pass it
    assert item.validity.r_item_rest > composed.results.described.r_table
    said = texts(composed)
    assert {"id": "r tabel hanya sebesar 0,0801", "en": "the r table value is only .0801"}[lang] in said
    assert {
        "id": "corrected item-total correlation ≥ 0,30 (Field, 2018; Nunnally & Bernstein, 1994)",
        "en": "corrected item–total correlation is at least .30 (Field, 2018; Nunnally & Bernstein, 1994)",
    }[lang] in said
    assert composed.payload["constructs"]["X1"]["items"]["X1.3"]["validity"]["rule"] == "item_rest_r_at_least"


def test_up_to_200_respondents_r_table_decides_unless_the_study_asks(tmp_path):
    assert _compose(tmp_path / "a", "en").results.described.validity_rule == "r_table"
    config = base()
    config["settings"] = {"validity_rule": "magnitude"}
    composed = _compose(tmp_path / "b", "en", config)
    assert composed.results.described.validity_rule == "magnitude"
    assert "As the study file asks, validity is therefore judged by the size of the correlation" in texts(composed)


@pytest.mark.parametrize(
    "robust,heteroscedastic,expected",
    [
        (
            "none",
            True,
            "The study file keeps OLS standard errors, so the significance of the t and F tests of the hypotheses should be read with caution",
        ),
        ("hc3", False, "As the study file asks, the t and F tests of the hypotheses use HC3 standard errors"),
        ("auto", False, "The t and F tests of the hypotheses therefore use OLS standard errors."),
    ],
)
def test_the_standard_errors_follow_the_setting_and_the_verdict(tmp_path, robust, heteroscedastic, expected):
    from test_consistency import _config, one_predictor
    from test_consistency import heteroscedastic as spread_with_x1

    config, rows, _ = (spread_with_x1 if heteroscedastic else one_predictor)(np.random.default_rng(11))
    config = _config(robust=robust) | ({} if heteroscedastic else {"model": config["model"], "hypotheses": config["hypotheses"]})
    composed = _compose(tmp_path, "en", config, rows)
    assert (composed.results.assumptions.heteroscedasticity.passed is False) is heteroscedastic
    assert composed.results.uses_hc3 is (robust == "hc3" or (robust == "auto" and heteroscedastic))
    assert expected in texts(composed)
    assert composed.payload["regression"]["robust"]["used"] is composed.results.uses_hc3


@pytest.mark.parametrize(
    "n,expected",
    [
        (150, "With n = 150 (at least 100), the t and F tests remain approximately valid"),
        (60, "With n = 60 (fewer than 100), the t and F tests rest on normal residuals"),
    ],
)
def test_non_normal_residuals_are_read_by_the_sample_size(tmp_path, n, expected):
    from test_consistency import _config, _study

    rng = np.random.default_rng(11)
    x1, x2 = rng.normal(size=n), rng.normal(size=n)
    error = rng.exponential(size=n) ** 2  # strongly right-skewed errors
    composed = _compose(tmp_path, "en", _config(), _study(x1, x2, 0.3 * x1 + 0.2 * x2 + error - error.mean(), rng))
    assert composed.results.assumptions.normality.passed is False
    assert expected in texts(composed) and "remain unbiased" not in texts(composed)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_mean_replacement_says_how_many_answers_it_filled(tmp_path, lang):
    rows = survey_rows()
    for k in (2, 5, 9):
        rows[k]["X1.2"] = None
    config = base()
    config["data"]["missing"] = "mean"
    composed = _compose(tmp_path, lang, config, rows)
    assert {
        "id": "sebanyak 3 jawaban kosong (0,8% dari seluruh jawaban) diganti dengan rata-rata item",
        "en": "3 blank answers (0.8% of all answers) were replaced by the mean of their item",
    }[lang] in texts(composed)
    assert composed.payload["imputed_answers"] == 3


def test_two_valued_items_name_kr20(tmp_path):
    rows = survey_rows()
    for row in rows:
        for j in (1, 2, 3):
            row[f"X1.{j}"] = 1 if row[f"X1.{j}"] <= 3 else 5
    composed = _compose(tmp_path, "en", rows=rows)
    assert "The items of X1 have two answer values only, so their Cronbach's alpha equals KR-20 (Kuder & Richardson, 1937)" in texts(composed)


CAUSAL = [
    "each one-unit increase",
    "the better the",
    "does not explain",
    "does not moderate",
    "most direct point",
    "semakin baik",
    "setiap kenaikan satu satuan",
    "tidak memoderasi",
    "titik perbaikan",
    "remain unbiased",
    "tetap tidak bias",
]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("example", ["luwu-timur", "moderation"])
def test_no_causal_or_absence_wording_in_the_regression_examples(example, lang):

    said = texts(composed_example(example, lang))
    assert [phrase for phrase in CAUSAL if phrase in said] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_listwise_deletion_looks_at_the_models_items_only(tmp_path, lang):
    """X2 is declared but not in the model: its blanks keep the respondent; X2's own statistics use
    those who answered all its items; blanks in the model's items still exclude."""
    from reportgen.stats.reliability import reliability

    rows = survey_rows(n=60)
    for k in (3, 8, 20):
        rows[k]["X2.1"] = None
    rows[30]["Y.2"] = None
    config = base()
    config["model"]["predictors"] = ["X1"]
    config["hypotheses"] = {"H1": {"path": "X1 -> Y", "expect": "positive"}}
    composed = _compose(tmp_path, lang, config, rows)
    described = composed.results.described
    assert (described.n_used, described.n_excluded) == (59, 1)
    x2 = described.constructs["X2"]
    assert x2.n_complete == 56
    complete = [r for k, r in enumerate(rows) if k != 30 and r["X2.1"] is not None]
    matrix = np.array([[r["X2.1"], r["X2.2"], 6 - r["X2.3"]] for r in complete], dtype=float)
    assert x2.alpha == pytest.approx(reliability(matrix).alpha, rel=1e-12)
    said = texts(composed)
    assert {
        "id": "Variabel Disiplin (X2) tidak digunakan dalam model; 3 responden yang tidak menjawab seluruh pernyataannya tetap diikutkan",
        "en": "Disiplin (X2) is not used in the model; 3 respondents who left some of its statements unanswered stay in the analysis",
    }[lang] in said
    r, _ = composed.results.extras.correlations["X1"]["X2"]
    x1 = described.constructs["X1"].scores
    both = ~np.isnan(x2.scores)
    assert r == pytest.approx(np.corrcoef(x1[both], x2.scores[both])[0, 1], rel=1e-12)
