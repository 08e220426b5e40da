"""Degenerate and unusual data: a number equal to the reference, an honest statement, or one line.

References are R's, in fixtures/degenerate/reference.json, written by fixtures/degenerate/
make_reference.R with the R call beside each value (R 4.2.2, psych 2.2.9, lmtest 0.9.40).
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from helpers import FIXTURES, base, invoke, survey_rows, write_study

from reportgen.stats.durbin_watson import durbin_watson, savin_white_bounds
from reportgen.stats.regression import ols
from reportgen.stats.reliability import omega_total, reliability
from reportgen.words.locale import fmt, fmt_g

HERE = FIXTURES / "degenerate"
REFERENCE = json.loads((HERE / "reference.json").read_text())


def table(name: str) -> np.ndarray:
    return np.loadtxt(HERE / name, delimiter=",", skiprows=1)


# Statistics against their references -------------------------------------------------------------

OMEGA = [
    # (data set, tolerance against psych, flipped items, Heywood items)
    ("negative", 1e-6, (3,), ()),  # an item loading negatively is reversed, as psych's flip = TRUE
    ("unrelated", 1e-6, (3,), (0,)),  # bounded uniquenesses: was 1.253-like values before
    ("strong", 1e-6, (), ()),
    ("heywood", 2e-4, (), (0, 1)),  # psych's L-BFGS-B stops early here (see minres_one_factor)
]


@pytest.mark.parametrize("name,tolerance,flipped,heywood", OMEGA, ids=[c[0] for c in OMEGA])
def test_omega_equals_psych(name, tolerance, flipped, heywood):
    result = omega_total(table(f"omega_{name}.csv"))
    assert result.omega == pytest.approx(REFERENCE["omega"][name]["omega_tot"], abs=tolerance)
    assert result.flipped == flipped and result.heywood == heywood
    assert 0 <= result.omega <= 1


def test_alpha_leaves_out_an_item_without_variance_as_psych_does():
    x = table("alpha_constant_item.csv")
    ref = REFERENCE["alpha_constant_item"]
    rel = reliability(x)
    assert rel.alpha == pytest.approx(ref["raw_alpha"], rel=1e-12)
    assert rel.alpha_if_deleted[:3] == pytest.approx([ref["alpha_drop"][k] for k in "abc"], rel=1e-12)
    assert rel.alpha_if_deleted[3] is None and rel.constant == (3,)


def test_negative_alpha_equals_psych():
    assert reliability(table("alpha_negative.csv")).alpha == pytest.approx(REFERENCE["alpha_negative"]["raw_alpha"], rel=1e-12)


def test_durbin_watson_with_two_residual_df_equals_lmtest():
    data = table("dw_two_df.csv")
    y, x = data[:, 0], data[:, 1:]
    fit = ols(y, x, "y", [f"x{j}" for j in range(x.shape[1])])
    result = durbin_watson(fit.residuals, fit.exog)
    assert result.d == pytest.approx(REFERENCE["dw_two_df"]["d"], rel=1e-9)
    assert result.p == pytest.approx(REFERENCE["dw_two_df"]["p"], abs=1e-6)


def test_durbin_watson_with_one_residual_df_has_no_test():
    """d is fixed by the design when e spans one direction: no p, no bounds (and no 3-second quadrature)."""
    rng = np.random.default_rng(8)
    exog = np.column_stack([np.ones(8), rng.normal(size=(8, 6))])
    q, _ = np.linalg.qr(exog)
    e = rng.normal(size=8)
    result = durbin_watson(e - q @ (q.T @ e), exog)
    assert result.p is None and result.dl is None and result.du is None


def test_savin_white_bounds_for_a_small_sample():
    """n = 10, k = 6: three residual eigenvalues; equal to the Gauss–Legendre evaluation to 1e-10."""
    dl, du = savin_white_bounds(10, 6)
    assert dl == pytest.approx(0.14204722515545645, abs=1e-10) and du == pytest.approx(3.2308050657272394, abs=1e-10)


def test_aliased_predictor_is_refused_as_r_lm_does():
    assert REFERENCE["aliased"]["coef_x2_is_na"] is True
    data = table("aliased.csv")
    from reportgen.errors import AnalysisError

    with pytest.raises(AnalysisError, match=r"x2 is an exact linear combination of the constant, x1 .R lm reports its coefficient as NA."):
        ols(data[:, 0], data[:, 1:], "y", ["x1", "x2"])


@pytest.mark.parametrize(
    "value,lang,expected",
    [
        (1e25, "en", "1.000E+25"),
        (1e25, "id", "1,000E+25"),
        (-3.25e18, "id", "\u22123,250E+18"),
        (float("inf"), "en", "∞"),
        (float("-inf"), "id", "−∞"),
        (123456.5, "id", "123.456,500"),
        (float("nan"), "en", "–"),
    ],
)
def test_huge_and_infinite_numbers_are_written(value, lang, expected):
    assert fmt(value, 3, lang) == expected
    assert fmt_g(value, 3, lang) == expected.replace(",500", ",5")


# Whole studies: honest words or one line ---------------------------------------------------------


def run(tmp_path, cfg=None, rows=None, lang="id", formats="json,docx"):
    study = write_study(tmp_path / "s", cfg or base(), rows if rows is not None else survey_rows())
    result = invoke(["run", study, "--out", tmp_path / "o", "--formats", formats, "--lang", lang])
    return result


def text_of(tmp_path, lang="id") -> str:
    from docx import Document

    name = "bab5.docx" if lang == "id" else "chapter5.docx"
    return " ".join(p.text for p in Document(tmp_path / "o" / name).paragraphs).replace("\u00a0", " ")  # no-break spaces read as spaces


def identical_items(cfg, rows):
    for r in rows:
        r["Y.1"], r["Y.2"], r["Y.3"] = r["X1.1"], r["X1.2"], r["X1.3"]
    cfg["model"]["predictors"] = ["X1"]
    cfg["hypotheses"] = {"H1": {"path": "X1 -> Y", "expect": "positive"}}


def eight_respondents(cfg, rows):
    cfg["constructs"]["X3"] = {"name": "Tiga", "items": {"X3.1": "a", "X3.2": "b"}}
    cfg["model"]["predictors"] = ["X1", "X2", "X3"]
    del rows[5:]
    for r in rows:
        r["X3.1"], r["X3.2"] = 3, 4


ONE_LINE = [
    ("a perfect fit", identical_items, "Y is an exact linear function of X1 (R² = 1): the regression has no error to test"),
    (
        "one residual degree of freedom",
        eight_respondents,
        "the regression of Y on 3 predictors has 1 residual degree of freedom (n = 5): the Durbin–Watson test and the other tests "
        "of the residuals need at least 2; use at least 6 respondents or fewer predictors",
    ),
]


@pytest.mark.parametrize("name,mutate,expected", ONE_LINE, ids=[c[0] for c in ONE_LINE])
def test_meaningless_analyses_are_one_line(tmp_path, name, mutate, expected):
    cfg, rows = base(), survey_rows()
    mutate(cfg, rows)
    result = run(tmp_path, cfg, rows, formats="json")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and expected in result.stderr, result.stderr


def test_constant_and_negative_items_are_named_in_the_chapter(tmp_path):
    cfg, rows = base(), survey_rows()
    cfg["constructs"]["X1"]["items"]["X1.4"] = "d"
    cfg["constructs"]["X2"]["reverse"] = []  # X2.3 is written reversed: now it loads negatively
    for r in rows:
        r["X1.4"] = 4
    assert run(tmp_path, cfg, rows).exit_code == 0
    data = json.loads((tmp_path / "o" / "results.json").read_text())
    codes = {(p["code"], p["construct"]) for c in data["constructs"].values() for p in c["problems"]}
    assert {("constant_items", "X1"), ("flipped_items", "X2")} <= codes
    assert data["constructs"]["X1"]["items"]["X1.4"]["alpha_if_deleted"] is None
    text = text_of(tmp_path)
    assert "Item X1.4 pada variabel X1 tidak memiliki variasi jawaban" in text
    assert "Item X2.3 pada variabel X2 bermuatan negatif pada faktornya" in text
    assert any(w.startswith("constant_items: X1.4 of X1") for w in data["warnings"])


def test_negative_alpha_is_explained(tmp_path):
    cfg, rows = base(), survey_rows(seed=5)
    cfg["constructs"]["X2"]["reverse"] = []
    for r in rows:
        r["X2.1"] = 6 - r["X2.1"]
    assert run(tmp_path, cfg, rows, lang="en").exit_code == 0
    data = json.loads((tmp_path / "o" / "results.json").read_text())
    assert data["constructs"]["X2"]["alpha"] < 0
    assert "Cronbach's alpha of X2 is negative" in text_of(tmp_path, "en")


def test_levels_follow_the_study_alpha(tmp_path):
    from helpers import EXAMPLES

    folder = tmp_path / "mediation"
    folder.mkdir()
    text = (EXAMPLES / "mediation" / "study.yaml").read_text()
    assert "alpha: 0.05" not in text
    (folder / "study.yaml").write_text(
        text.replace("settings:", "settings:\n  alpha: 0.10", 1) if "settings:" in text else text + "settings:\n  alpha: 0.10\n"
    )
    (folder / "responses.csv").write_bytes((EXAMPLES / "mediation" / "responses.csv").read_bytes())
    assert invoke(["run", folder / "study.yaml", "--out", tmp_path / "o", "--formats", "docx", "--lang", "en"]).exit_code == 0
    from docx import Document

    document = Document(tmp_path / "o" / "chapter4.docx")
    words = " ".join(p.text for p in document.paragraphs) + " ".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "90% confidence interval" in words and "95%" not in words and "90% CI" in words


def test_small_samples_say_which_normality_test_is_defined(tmp_path):
    cfg, rows = base(), survey_rows(n=4, seed=11)
    cfg["model"]["predictors"] = ["X1"]
    cfg["hypotheses"] = {"H1": {"path": "X1 -> Y", "expect": "positive"}}
    del cfg["respondents"]
    assert run(tmp_path, cfg, rows, lang="en").exit_code == 0
    data = json.loads((tmp_path / "o" / "results.json").read_text())
    assert data["assumptions"]["normality"]["ks_p_lilliefors"] is None
    assert data["assumptions"]["verdicts"]["normality"]["rule"] == "shapiro_wilk_p"
    text = text_of(tmp_path, "en")
    assert "With n = 4 residuals the Lilliefors correction is not defined" in text and "The Shapiro-Wilk test decides" in text


def test_a_constant_group_is_compared_by_welch_without_a_pretest():
    """A group whose answers do not vary (variance 0) beside one that does: Welch's t is defined
    (its df use the other group's variance) and no normality pre-test picks another test."""
    from reportgen.designs.survey.groups import compare_score

    values = np.array([3.0] * 10 + list(np.random.default_rng(2).normal(3, 1, 30)))
    labels = np.array(["A"] * 10 + ["B"] * 30, dtype=object)
    result = compare_score(values, labels).test
    assert result.test == "welch_t" and np.isfinite(result.statistic) and 0 <= result.p <= 1


def test_shapiro_is_not_reported_beyond_5000(tmp_path):
    from reportgen.stats.assumptions import normality

    result = normality(np.random.default_rng(3).normal(size=5001))
    assert result.shapiro_p is None and result.shapiro_w is None and result.ks_p_lilliefors is not None
