"""Control variables and categorical predictors in the regression design (config/examples/controls):
Y on compensation X1, work environment X2 and employment status (PNS, PPPK, honorary; reference
PNS), controlling for age (a number) and gender (reference male). The coefficients, the joint F of
the status categories (OLS and HC3) and the R² change of the predictors beyond the controls equal R
(tests/fixtures/controls/controls.json, made by r_controls.R: R 4.2.2, stats ``lm``/``anova``, car
3.1 ``linearHypothesis``); a study file that misuses a control or an observed variable is refused
in one line naming its key."""

from __future__ import annotations

import json

import pytest
from consistency import problems
from helpers import EXAMPLES, FIXTURES, composed_example, example_rows, example_variant, generated_example, invoke, write_rows

from reportgen.pipeline import compose
from reportgen.render.text import render_text

REFERENCE = json.loads((FIXTURES / "controls" / "controls.json").read_text())
TIGHT = 1e-10


def _payload(lang: str = "en") -> dict:
    return composed_example("controls", lang).payload


def test_coefficients_of_constructs_categories_and_controls_equal_r():
    out = _payload()
    assert out["n_used"] == REFERENCE["n"] == 159
    coefficients = out["regression"]["coefficients"]
    assert list(coefficients) == list(REFERENCE["coefficients"])  # the same terms in the same order
    for name, ref in REFERENCE["coefficients"].items():
        got = coefficients[name]
        assert [got["b"], got["se"], got["t"], got["p"]] == pytest.approx([ref["b"], ref["se"], ref["t"], ref["p"]], rel=TIGHT), name
    regression = out["regression"]
    assert [regression["r2"], regression["adj_r2"], regression["f"]] == pytest.approx(
        [REFERENCE["r2"], REFERENCE["adj_r2"], REFERENCE["f"]], rel=TIGHT
    )
    assert regression["terms"]["status[Honorer]"] == {"variable": "status", "category": "Honorer", "reference": "PNS"}
    assert regression["categories"]["status"] == {
        "levels": ["PNS", "PPPK", "Honorer"],
        "reference": "PNS",
        "counts": {"PNS": 82, "PPPK": 39, "Honorer": 38},
    }
    assert regression["controls"] == ["usia", "jk"]


def test_a_categorical_hypothesis_is_the_joint_f_of_its_categories_as_r_anova():
    h3 = _payload()["hypotheses"]["H3"]
    ref = REFERENCE["status"]
    assert h3["rule"] == "f_test_p" and h3["supported"] is True
    assert [h3["statistic"], h3["p"]] == pytest.approx([ref["f"], ref["p"]], rel=TIGHT)
    assert h3["r2_change"]["delta_r2"] == pytest.approx(ref["delta_r2"], rel=TIGHT)
    assert (h3["r2_change"]["df1"], h3["r2_change"]["df2"]) == (ref["df1"], ref["df2"]) == (2, 152)


def test_the_simultaneous_hypothesis_is_what_the_predictors_add_to_the_controls():
    out = _payload()
    ref = REFERENCE["predictors"]
    h4 = out["hypotheses"]["H4"]
    assert [h4["statistic"], h4["p"]] == pytest.approx([ref["f"], ref["p"]], rel=TIGHT)
    assert h4["statistic"] != pytest.approx(out["regression"]["f"])  # not the F of the whole equation, which holds the controls
    controls_only = out["regression"]["controls_only"]
    assert controls_only["r2"] == pytest.approx(ref["controls_r2"], rel=TIGHT)
    assert [controls_only["delta_r2"], controls_only["f"], controls_only["df1"]] == pytest.approx([ref["delta_r2"], ref["f"], ref["df1"]], rel=TIGHT)


def test_with_hc3_the_joint_tests_are_wald_tests_as_car(tmp_path):
    def edit(config):
        config["settings"]["robust"] = "hc3"

    payload = compose(example_variant("controls", tmp_path, edit), "en").payload
    for hypothesis, ref in (("H3", REFERENCE["status"]), ("H4", REFERENCE["predictors"])):
        got = payload["hypotheses"][hypothesis]
        assert [got["statistic"], got["p"]] == pytest.approx([ref["hc3_f"], ref["hc3_p"]], rel=1e-9), hypothesis


def test_a_two_category_predictor_is_tested_by_its_t_with_a_direction(tmp_path):
    def edit(config):
        config["model"]["predictors"] = ["X1", "X2", "jk"]
        config["model"]["controls"] = ["usia", "status"]
        config["hypotheses"] = {"H1": {"path": "X1 -> Y", "expect": "positive"}, "H2": {"path": "jk -> Y", "expect": "positive"}}

    composed = compose(example_variant("controls", tmp_path, edit), "en")
    h2 = composed.payload["hypotheses"]["H2"]
    ref = REFERENCE["coefficients"]["jk[Perempuan]"]  # the same equation, its terms in another order
    assert h2["rule"].startswith("t_test") and h2["statistic"] == pytest.approx(ref["t"], rel=TIGHT)
    assert h2["supported"] is False
    text = " ".join(render_text(composed.document, composed.labels).split())  # lines joined
    assert "respondents whose Gender is Female" in text and "than those whose Gender is Male" in text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_chapter_reads_categories_against_their_reference_and_names_the_controls(lang):
    composed = composed_example("controls", lang)
    tables = composed.document.tables()
    assert {"coefficients", "categories.H3", "anova", "r2_change", "determination"} <= set(tables)
    text = " ".join(render_text(composed.document, composed.labels).split())  # lines joined
    if lang == "id":
        assert "Kategori pembanding: Status Kepegawaian: PNS; Jenis Kelamin: Laki-laki" in text
        assert (
            "responden dengan Status Kepegawaian Honorer diperkirakan memiliki skor Kinerja Pegawai 2,193 satuan lebih rendah daripada responden PNS"
            in text
        )
        assert "Persamaan ini juga memuat variabel kontrol Usia dan Jenis Kelamin." in text
        assert "Nilai F hitung adalah 6,017 dengan df = (2; 152)" in text
        assert "menambah R² sebesar 0,307, dengan F perubahan = 17,473, df = (4; 152)" in text
        assert "tidak berarti Usia tidak berhubungan dengan Kinerja Pegawai" in text  # not significant is not no effect
    else:
        assert "Reference categories: Employment Status: PNS; Gender: Male" in text
        assert "The equation also holds the control variables Age and Gender." in text
        assert "gives F = 6.017 with df = (2; 152)" in text
        assert "add .307 to R², with F change = 17.473, df = (4; 152)" in text
    assert "status[Honorer]" not in "".join(row[0].text for row in tables["coefficients"].body if row)  # a category is named, not keyed
    assert problems(composed.document, composed.labels) == []


def test_the_example_data_are_what_the_generator_writes_and_the_readme_holds(tmp_path):
    """The README's numbers: R² = .333; b = 0.372, 0.265, −1.434, −2.193; F(2, 152) = 6.017; R² .026 + .307."""
    assert generated_example("controls", tmp_path) == (EXAMPLES / "controls" / "responses.csv").read_bytes()
    out = _payload()
    regression, coefficients = out["regression"], out["regression"]["coefficients"]
    said = {
        f"R² = {regression['r2']:.3f}".replace("0.", "."),
        f"b = {coefficients['X1']['b']:.3f}",
        f"and {coefficients['X2']['b']:.3f} for X2",
        f"{-coefficients['status[PPPK]']['b']:.3f} lower",
        f"{-coefficients['status[Honorer]']['b']:.3f} lower",
        f"F(2, 152) = {out['hypotheses']['H3']['statistic']:.3f}",
        f"R² = {regression['controls_only']['r2']:.3f}".replace("0.", "."),
        f"F change (4, 152) = {out['hypotheses']['H4']['statistic']:.3f}",
    }
    readme = (EXAMPLES / "controls" / "README.md").read_text()
    for text in said:
        assert text in readme, text


def _refused(tmp_path, edit) -> str:
    result = invoke(["validate", example_variant("controls", tmp_path, edit)])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    return result.stderr


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda c: c["model"].update(controls=["usia", "X1"]), "key model.controls.1: 'X1' is already a predictor"),
        (lambda c: c["model"].update(controls=["usia", "jk", "usia"]), "key model.controls.2: the control 'usia' is listed twice"),
        (
            lambda c: c["model"].update(controls=["usiaa", "jk"]),
            "key model.controls.0: 'usiaa' is neither a construct nor an observed variable; did you mean 'usia'?",
        ),
        (lambda c: c["model"].update(controls=["Y"]), "'Y' is the dependent construct and cannot also be a control"),
        (lambda c: c["hypotheses"].update(H5={"path": "usia -> Y"}), "key hypotheses.H5.path: 'usia' is a control, which has no hypothesis"),
        (lambda c: c["observed"].update(X1={"name": "Dup", "column": "usia"}), "key observed.X1: 'X1' is already a construct"),
        (lambda c: c["observed"]["usia"].update(reference="30"), "key observed.usia.reference: 'usia' is numeric and has no 'reference'"),
        (
            lambda c: c["observed"]["status"].update(order=["PNS", "PPPK"], reference="Honorer"),
            "key observed.status.reference: the reference 'Honorer' is not one of the order",
        ),
        (
            lambda c: c["observed"].update(masa={"name": "Masa Kerja"}),
            "key observed.masa: the observed variable 'masa' is used by neither the model nor a hypothesis",
        ),
        (
            lambda c: c["observed"].update(umur={"name": "Umur", "column": "X1.1"}),
            "key observed.umur.column: column 'X1.1' is an item of a construct",
        ),
    ],
)
def test_a_misused_control_or_observed_variable_is_one_line(tmp_path, edit, message):
    assert message in _refused(tmp_path, edit)


def test_what_is_not_built_yet_is_refused_in_one_line(tmp_path):
    def cbsem(config):
        config["model"] = {"type": "cbsem", "paths": ["X1 -> X2", "X2 -> Y"], "controls": ["usia"]}
        config["hypotheses"] = {"H1": {"path": "X1 -> X2"}}
        config["observed"] = {"usia": {"name": "Usia"}}

    assert "key model.controls: a cbsem model does not hold control variables yet; use model.type regression, path or pls" in _refused(
        tmp_path, cbsem
    )


def test_a_direction_on_three_categories_is_refused_in_one_line(tmp_path):
    def edit(config):
        config["hypotheses"]["H3"]["expect"] = "positive"

    result = invoke(["run", example_variant("controls", tmp_path, edit), "--out", tmp_path / "out", "--formats", "json"])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert (
        "hypotheses.H3.expect: 'status' has 3 categories, compared together by an F test, which has no direction; write 'expect: any'"
        in result.stderr
    )


def test_a_reference_no_respondent_has_is_one_line(tmp_path):
    def edit(config):
        config["observed"]["jk"]["reference"] = "Pria"

    result = invoke(["run", example_variant("controls", tmp_path, edit), "--out", tmp_path / "out", "--formats", "json"])
    assert result.exit_code == 2
    assert (
        "observed.jk.reference: 'Pria' is not a category of column 'jk' among the respondents used (categories: Laki-laki, Perempuan)"
        in result.stderr
    )


def test_a_word_in_a_numeric_control_names_its_cell_and_a_blank_excludes_the_respondent(tmp_path):
    rows = example_rows("controls")
    rows[4]["usia"] = "tiga puluh"
    folder = tmp_path / "data"
    folder.mkdir()
    write_rows(folder / "responses.csv", rows)

    def edit(config):
        config["data"]["path"] = str(folder / "responses.csv")

    result = invoke(["validate", example_variant("controls", tmp_path, edit)])
    assert result.exit_code == 2 and "column usia" in result.stderr and "'tiga puluh' is not a number" in result.stderr and "P5005" in result.stderr
    assert _payload()["n_excluded"] == 1  # the blank age
