"""Control variables in the path design (config/examples/mediation-controls): leadership KP →
motivation MK → teaching performance KG, every equation holding years of service (a number),
gender (reference male) and employment status (PNS, PPPK, honorary; reference PNS), as PROCESS
holds its covariates. Both equations, the total effect c and the percentile interval of a × b on
reportgen's own resamples equal R (tests/fixtures/controls/path_controls.json, made by
r_path_controls.R: R 4.2.2, stats ``lm``, ``quantile(type = 7)``, ``sd``)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from consistency import problems
from helpers import EXAMPLES, FIXTURES, composed_example, example_variant, generated_example, invoke

from reportgen.errors import AnalysisError
from reportgen.render.text import render_text
from reportgen.stats.resample import replacing_resample_counts, resample_counts, varying_resamples

REFERENCE = json.loads((FIXTURES / "controls" / "path_controls.json").read_text())
TIGHT = 1e-10
EXAMPLE = "mediation-controls"


def _payload(lang: str = "en") -> dict:
    return composed_example(EXAMPLE, lang).payload


@pytest.mark.parametrize("equation", ["MK", "KG"])
def test_each_equation_holds_the_controls_as_r_lm(equation):
    out = _payload()
    assert out["n_used"] == REFERENCE["n"] == 179
    got, ref = out["path_model"][equation], REFERENCE[equation]
    assert list(got["coefficients"]) == list(ref["coefficients"])  # the paths' predictors, then the control terms
    for name, r in ref["coefficients"].items():
        c = got["coefficients"][name]
        assert [c["b"], c["se"], c["t"], c["p"]] == pytest.approx([r["b"], r["se"], r["t"], r["p"]], rel=TIGHT), (equation, name)
    assert [got["r2"], got["adj_r2"], got["f"]] == pytest.approx([ref["r2"], ref["adj_r2"], ref["f"]], rel=TIGHT)


def test_the_mediation_is_adjusted_for_the_controls_and_its_interval_equals_r_on_the_same_resamples():
    h4 = _payload()["mediation"]["H4"]
    assert h4["c"] == pytest.approx(REFERENCE["total"]["b"], rel=TIGHT)
    assert h4["total"]["p"] == pytest.approx(REFERENCE["total"]["p"], rel=TIGHT)
    assert h4["total_covariates"] == ["masa_kerja", "jk[Perempuan]", "status[PPPK]", "status[Honorer]"]
    assert h4["indirect"] == pytest.approx(REFERENCE["indirect"], rel=TIGHT)
    assert h4["c"] == pytest.approx(h4["c_prime"] + h4["indirect"], rel=1e-9)  # c = c′ + a × b with the controls in every equation
    assert h4["resamples"] == REFERENCE["resamples"] == 5000
    assert [h4["ci_low"], h4["ci_high"], h4["boot_se"]] == pytest.approx([REFERENCE["ci_low"], REFERENCE["ci_high"], REFERENCE["boot_se"]], rel=1e-9)
    assert h4["kind"] == "complementary"


def test_results_json_names_the_controls_their_terms_and_categories():
    controls = _payload()["controls"]
    assert controls["controls"] == ["masa_kerja", "jk", "status"]
    assert controls["terms"]["status[Honorer]"] == {"variable": "status", "category": "Honorer", "reference": "PNS"}
    assert controls["terms"]["masa_kerja"] == {"variable": "masa_kerja", "category": None, "reference": None}
    assert controls["categories"]["status"]["levels"] == ["PNS", "PPPK", "Honorer"]
    assert sum(controls["categories"]["status"]["counts"].values()) == 179
    assert controls["replaced_resamples"] == 0  # no category is small enough to be missed by a resample of 179


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_chapter_lists_the_controls_in_every_equation_and_reads_them_as_associations(lang):
    composed = composed_example(EXAMPLE, lang)
    tables = composed.document.tables()
    for equation in ("path.MK", "path.KG"):
        first_cells = [row[0].text for row in tables[equation].body if row]
        heading = "Variabel kontrol" if lang == "id" else "Control variables"
        assert heading in first_cells
        assert first_cells.index(heading) < first_cells.index("Status Kepegawaian: Honorer" if lang == "id" else "Employment Status: Honorary")
    text = " ".join(render_text(composed.document, composed.labels).split())  # lines joined
    if lang == "id":
        assert "Setiap persamaan juga memuat variabel kontrol Masa Kerja, Jenis Kelamin, dan Status Kepegawaian." in text
        assert "Kategori pembanding: Jenis Kelamin: Laki-laki; Status Kepegawaian: PNS" in text
        assert "tanpa M dengan variabel kontrol tetap di dalam persamaan" in text
        assert "Semua koefisien, termasuk c, disesuaikan dengan variabel kontrol" in text
        assert "termasuk variabel kontrol, menjelaskan" in text
        assert "yang tidak berarti Masa Kerja tidak berhubungan dengan Motivasi Kerja" in text
    else:
        assert "Every equation also holds the control variables Years of Service, Gender, and Employment Status." in text
        assert "Reference categories: Gender: Male; Employment Status: PNS" in text
        assert "the controls kept in the equation" in text
    assert "Hayes" in text  # the covariates' source is cited
    assert problems(composed.document, composed.labels) == []


def test_the_example_data_are_what_the_generator_writes_and_the_readme_holds(tmp_path):
    assert generated_example(EXAMPLE, tmp_path) == (EXAMPLES / EXAMPLE / "responses.csv").read_bytes()
    out = _payload()
    h4, kg = out["mediation"]["H4"], out["path_model"]["KG"]["coefficients"]
    said = {
        f"a = {h4['a']:.3f}",
        f"b = {h4['b']:.3f}",
        f"c′ = {h4['c_prime']:.3f}",
        f"c = {h4['c']:.3f}",
        f"a × b = {h4['indirect']:.3f}",
        f"[{h4['ci_low']:.3f}, {h4['ci_high']:.3f}]",
        f"{-kg['status[Honorer]']['b']:.3f} lower",
    }
    readme = (EXAMPLES / EXAMPLE / "README.md").read_text()
    for text in said:
        assert text in readme, text


def _refused(tmp_path, edit) -> str:
    result = invoke(["validate", example_variant(EXAMPLE, tmp_path, edit)])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    return result.stderr


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda c: c["model"].update(controls=["masa_kerja", "MK"]), "key model.controls.1: 'MK' is on a path of the model"),
        (lambda c: c["model"].update(controls=["jk", "jk"]), "key model.controls.1: the control 'jk' is listed twice"),
        (
            lambda c: c["model"].update(controls=["masa"]),
            "key model.controls.0: 'masa' is neither a construct nor an observed variable; did you mean",
        ),
    ],
)
def test_a_misused_path_control_is_one_line(tmp_path, edit, message):
    assert message in _refused(tmp_path, edit)


def test_without_controls_the_resamples_are_the_plain_ones_and_a_missed_category_is_drawn_again():
    """A resample that holds no respondent of a category (its 0/1 column constant) is replaced by a
    further draw of the same stream; the other resamples are untouched."""
    n, seed = 60, 5
    plain = resample_counts(n, 400, seed)
    same, replaced = replacing_resample_counts(n, 400, seed, np.empty((n, 0)), [])
    assert replaced == 0 and np.array_equal(same, plain)
    rare = np.zeros((n, 1))
    rare[:2] = 1  # two respondents of 60: a resample misses both with probability (58/60)^60 ≈ 0.13
    counts, replaced = replacing_resample_counts(n, 400, seed, rare, ["rare"])
    missed = ~varying_resamples(rare, plain)
    assert replaced >= missed.sum() > 20
    assert varying_resamples(rare, counts).all()
    assert np.array_equal(counts[~missed], plain[~missed])
    assert (counts.sum(axis=1) == n).all()


def test_a_control_no_resample_can_vary_is_one_line():
    with pytest.raises(AnalysisError, match=r"model\.controls: rare is the same for every respondent"):
        replacing_resample_counts(30, 50, 1, np.zeros((30, 1)), ["rare"])
