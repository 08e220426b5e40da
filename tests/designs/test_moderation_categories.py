"""An observed moderator in the regression design (config/examples/controls data): a number (age),
two categories (gender: one product, tested by its t with a direction) and three categories
(employment status: the F of the block of products, no direction), with the slope of X in each
category. Every value equals R (tests/fixtures/controls/moderation_categories.json, made by
r_moderation_categories.R: R 4.2.2, stats ``lm``/``anova``, car 3.1 ``linearHypothesis`` and
``hccm``)."""

from __future__ import annotations

import json

import pytest
from consistency import problems
from helpers import EXAMPLES, FIXTURES, example_variant, invoke

from reportgen.pipeline import compose
from reportgen.render.text import render_text

REFERENCE = json.loads((FIXTURES / "controls" / "moderation_categories.json").read_text())
TIGHT = 1e-10


def _moderated(config, robust: str = "none") -> None:
    config["model"]["controls"] = ["usia"]
    config["hypotheses"]["H5"] = {"path": "X1 -> Y", "moderator": "jk", "expect": "positive"}
    config["hypotheses"]["H6"] = {"path": "X2 -> Y", "moderator": "status", "expect": "any"}
    config["settings"]["robust"] = robust


@pytest.fixture(scope="module")
def composed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("moderated")
    return {lang: compose(example_variant("controls", folder, _moderated), lang) for lang in ("id", "en")}


def _slopes_equal(got: dict, ref: dict, keys=("slope", "se", "t", "p")) -> None:
    assert list(got) == list(ref)  # the categories in order, the reference first
    for level, r in ref.items():
        assert [got[level][k] for k in keys] == pytest.approx([r[k] for k in keys], rel=TIGHT), level


def test_a_two_category_moderator_is_one_product_tested_by_its_t(composed):
    out = composed["en"].payload
    assert out["n_used"] == REFERENCE["n"] == 159
    m, ref = out["moderation"]["H5"], REFERENCE["two"]
    product = ref["coefficients"]["X1:jkPerempuan"]
    assert list(m["interactions"]) == ["X1 × jk[Perempuan]"] and m["reference"] == "Laki-laki"
    assert [m["interaction"][k] for k in ("b", "se", "t", "p")] == pytest.approx([product[k] for k in ("b", "se", "t", "p")], rel=TIGHT)
    assert [m["r2_main"], m["r2_full"], m["delta_f"], m["delta_p"]] == pytest.approx(
        [ref["r2_main"], ref["r2"], ref["delta_f"], ref["delta_p"]], rel=TIGHT
    )
    _slopes_equal(m["slopes"], ref["slopes"])
    _slopes_equal(m["slopes_hc3"], ref["slopes_hc3"], ("se", "t", "p"))
    h5 = out["hypotheses"]["H5"]
    assert h5["rule"].startswith("t_test") and h5["statistic"] == pytest.approx(product["t"], rel=TIGHT) and h5["supported"] is False


def test_three_categories_are_decided_by_the_f_of_their_block_of_products(composed):
    out = composed["en"].payload
    m, ref = out["moderation"]["H6"], REFERENCE["three"]
    assert m["interaction"] is None and list(m["interactions"]) == ["X2 × status[PPPK]", "X2 × status[Honorer]"]
    for key, r_key in (("X2 × status[PPPK]", "X2:statusPPPK"), ("X2 × status[Honorer]", "X2:statusHonorer")):
        assert m["interactions"][key]["b"] == pytest.approx(ref["coefficients"][r_key]["b"], rel=TIGHT)
    assert [m["delta_f"], m["delta_p"], m["r2_full"]] == pytest.approx([ref["delta_f"], ref["delta_p"], ref["r2"]], rel=TIGHT)
    assert [m["interactions_hc3"]["f"], m["interactions_hc3"]["p"]] == pytest.approx([ref["hc3_f"], ref["hc3_p"]], rel=1e-9)
    _slopes_equal(m["slopes"], ref["slopes"])
    _slopes_equal(m["slopes_hc3"], ref["slopes_hc3"], ("se", "t", "p"))
    h6 = out["hypotheses"]["H6"]
    assert h6["rule"] == "f_test_p" and h6["statistic"] == pytest.approx(ref["delta_f"], rel=TIGHT)
    assert (h6["r2_change"]["df1"], h6["r2_change"]["df2"]) == (ref["df1"], ref["df2"]) == (2, 153)
    assert "F hitung" in composed["id"].payload["hypotheses"]["H6"]["decision_text"]


def test_with_hc3_the_block_is_the_wald_test_of_car(tmp_path):
    payload = compose(example_variant("controls", tmp_path, lambda c: _moderated(c, "hc3")), "en").payload
    assert payload["hypotheses"]["H6"]["statistic"] == pytest.approx(REFERENCE["three"]["hc3_f"], rel=1e-9)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_chapter_reads_the_slope_in_each_category(composed, lang):
    chapter = composed[lang]
    tables = chapter.document.tables()
    slopes = [row[0].text for row in tables["slopes.H6"].body if row]
    text = " ".join(render_text(chapter.document, chapter.labels).split())
    if lang == "id":
        assert slopes == ["PNS", "PPPK", "Honorer"]
        assert "interaksi X2 dengan kategori-kategori Status Kepegawaian diuji bersama" in text
        assert "F hitung = 0,314 dengan df = (2; 153)" in text
        assert "pada responden Perempuan 0,031 satuan lebih besar daripada pada responden Laki-laki" in text
        assert "yang tidak berarti kemiringannya sama" in text  # not significant is not no difference
        assert "Kategori pembanding Status Kepegawaian: PNS" in text
    else:
        assert slopes == ["PNS", "PPPK", "Honorary"]
        assert "the interactions of X2 with the categories of Employment Status are tested together" in text
        assert "for respondents whose Gender is Female than for those whose Gender is Male" in text
    assert problems(chapter.document, chapter.labels) == []


def test_an_observed_number_moderates_as_a_score_does(tmp_path):
    def edit(config):
        config["model"]["controls"] = ["jk"]
        config["hypotheses"]["H5"] = {"path": "X1 -> Y", "moderator": "usia"}

    out = compose(example_variant("controls", tmp_path, edit), "en").payload
    got, ref = out["moderation"]["H5"]["interaction"], REFERENCE["numeric"]["interaction"]
    assert [got[k] for k in ("b", "se", "t", "p")] == pytest.approx([ref[k] for k in ("b", "se", "t", "p")], rel=TIGHT)
    assert set(out["moderation"]["H5"]["slopes"]) == {"low", "mean", "high"}


def test_a_direction_on_three_categories_or_an_observed_predictor_is_one_line(tmp_path):
    def direction(config):
        _moderated(config)
        config["hypotheses"]["H6"]["expect"] = "positive"

    result = invoke(["run", example_variant("controls", tmp_path / "a", direction), "--out", tmp_path / "out", "--formats", "json"])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "hypotheses.H6.expect: 'status' has 3 categories, compared together by an F test, which has no direction" in result.stderr

    def observed_predictor(config):
        config["model"]["controls"] = ["jk"]
        config["hypotheses"]["H5"] = {"path": "usia -> Y", "moderator": "X1"}

    result = invoke(["validate", example_variant("controls", tmp_path / "b", observed_predictor)])
    assert result.exit_code == 2
    assert "key hypotheses.H5.path: 'usia' is an observed variable; the predictor of a moderation hypothesis is a construct" in result.stderr


def test_the_conclusions_read_categories_and_moderations_by_name(tmp_path):
    def edit(config):
        _moderated(config)
        config["study"].pop("chapter", None)
        config["study"]["chapters"] = [4, 5]

    chapter = compose(example_variant("controls", tmp_path, edit), "id")
    text = " ".join(render_text(chapter.document, chapter.labels).split())
    assert "3. Kinerja Pegawai berbeda secara signifikan antarkategori Status Kepegawaian, dengan variabel lain dalam model tetap." in text
    assert "H5: Kompensasi × Jenis Kelamin → Kinerja Pegawai" in text  # a moderation is not a chain through its moderator
    assert "Kategori-kategori Status Kepegawaian bersama-sama menambah R²" in text
    assert "Status Kepegawaian terhadap Kinerja Pegawai melalui" not in text  # not read as an indirect effect
    assert problems(chapter.document, chapter.labels) == []


def test_the_example_moderation_by_status_is_the_f_of_r_anova():
    """config/examples/controls H5: does the slope of compensation differ by employment status?"""
    from helpers import composed_example

    h5 = composed_example("controls", "en").payload["hypotheses"]["H5"]
    assert [h5["statistic"], h5["p"]] == pytest.approx([REFERENCE["example"]["f"], REFERENCE["example"]["p"]], rel=TIGHT)
    assert h5["rule"] == "f_test_p" and h5["supported"] is False
    readme = (EXAMPLES / "controls" / "README.md").read_text()
    assert f"F(2, 153) = {h5['statistic']:.3f}" in readme
