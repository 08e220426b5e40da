"""The CB-SEM design (config/examples/cbsem): 258 outpatients, service quality → satisfaction →
loyalty with the direct path, by ML. Its measurement model (CFA) and structural model equal lavaan
0.6-14 (tests/fixtures/cbsem/cbsem.json, r_cbsem.R, keys example_cfa and example); the chapter
reports them as AMOS users do, in both languages; a model it cannot fit is one line."""

from __future__ import annotations

import json

import pytest
from consistency import assert_said, problems
from helpers import EXAMPLES, FIXTURES, composed_example, example_variant, generated_example, invoke

from reportgen.render.text import render_text

REFERENCE = json.loads((FIXTURES / "cbsem" / "cbsem.json").read_text())
ESTIMATE = 5e-6  # lavaan stops near a gradient of 1e-7 (tests/stats/test_cbsem.py)
FIT = 1e-8


def _payload(lang: str = "en") -> dict:
    return composed_example("cbsem", lang).payload


@pytest.mark.parametrize("model, key", [("measurement", "example_cfa"), ("structural", "example")])
def test_both_models_equal_lavaan(model, key):
    out = _payload()["cbsem"][model]
    ref = REFERENCE[key]
    assert _payload()["n_used"] == ref["n"] == 258
    found = {(e["lhs"], e["op"], e["rhs"]): e for e in out["estimates"]}
    for r in ref["estimates"]:
        if r["op"] not in ("=~", "~", "~~"):
            continue
        got = found.get((r["lhs"], r["op"], r["rhs"])) or found[(r["rhs"], r["op"], r["lhs"])]
        assert [got["est"], got["std"]] == pytest.approx([r["est"], r["std"]], rel=ESTIMATE), r
        if r["se"] is not None:
            assert [got["se"], got["z"]] == pytest.approx([r["se"], r["z"]], rel=ESTIMATE), r
    fit = out["fit"]
    for mine, theirs in (("chisq", "chisq"), ("df", "df"), ("cfi", "cfi"), ("tli", "tli"), ("rmsea", "rmsea"), ("p", "pvalue")):
        assert fit[mine] == pytest.approx(ref["fit"][theirs], rel=FIT), mine
    assert fit["srmr"] == pytest.approx(ref["fit"]["srmr"], rel=ESTIMATE)
    assert [fit["rmsea_ci_low"], fit["rmsea_ci_high"]] == pytest.approx(
        [ref["fit"]["rmsea.ci.lower"], ref["fit"]["rmsea.ci.upper"]], rel=1e-6, abs=1e-12
    )


def test_r2_reliability_and_the_hypotheses():
    out = _payload()
    structural = out["cbsem"]["structural"]
    for construct in ("KP", "LY"):
        assert structural["r2"][construct] == pytest.approx(REFERENCE["example"]["r2"][construct], rel=ESTIMATE)
    std = {e["rhs"]: e["std"] for e in out["cbsem"]["measurement"]["estimates"] if e["op"] == "=~" and e["lhs"] == "KL"}
    ave = sum(v * v for v in std.values()) / len(std)
    assert out["cbsem"]["measurement"]["reliability"]["KL"]["ave"] == pytest.approx(ave, rel=1e-12)
    assert out["cbsem"]["verdicts"]["measurement"]["ave"]["KL"]["outcome"] == "invalid"  # KL5's loading .436 pulls it below .50
    assert out["cbsem"]["verdicts"]["measurement"]["loadings"]["KL -> KL5"]["outcome"] == "invalid"
    hypotheses = out["hypotheses"]
    assert [hypotheses[h]["supported"] for h in ("H1", "H2", "H3")] == [True, False, True]
    assert hypotheses["H2"]["rule"] == "z_test_p_two_tailed_and_sign"
    assert "C.R." in hypotheses["H2"]["decision_text"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_chapter_reports_the_cfa_fit_and_paths(lang):
    composed = composed_example("cbsem", lang)
    tables = composed.document.tables()
    assert {"cbsem.loadings", "cbsem.reliability", "cbsem.fornell_larcker", "cbsem.htmt", "cbsem.cfa_fit", "cbsem.paths", "cbsem.hypotheses"} <= set(
        tables
    )
    assert "cbsem.sem_fit" not in tables  # the structural part is saturated: its fit is the CFA's, not shown twice
    text = " ".join(render_text(composed.document, composed.labels).split())
    if lang == "id":
        assert "Indikator KL5 (Kualitas Pelayanan) memiliki λ = 0,436, di bawah 0,50" in text
        assert "CFI = 0,989, TLI = 0,986, RMSEA = 0,029 (IK 90% [0,000; 0,050])" in text
        assert "bagian struktural model ini jenuh (saturated)" in text
        assert "yang tidak berarti hubungan itu tidak ada. Dengan demikian, H2 ditolak." in text
    else:
        assert "Indicator KL5 (Service Quality) has λ = .436, below .50" in text
        assert "CFI = .989, TLI = .986, RMSEA = .029 (90% CI [.000; .050])" in text
    for cited in ("Hu & Bentler, 1999", "Fornell & Larcker, 1981", "Henseler et al., 2015", "Browne & Cudeck, 1993"):
        assert cited in text
    assert problems(composed.document, composed.labels) == []


def test_the_example_data_are_what_the_generator_writes_and_the_readme_holds(tmp_path):
    assert generated_example("cbsem", tmp_path) == (EXAMPLES / "cbsem" / "responses.csv").read_bytes()
    out = _payload()
    fit = out["cbsem"]["measurement"]["fit"]
    paths = {(e["rhs"], e["lhs"]): e for e in out["cbsem"]["structural"]["estimates"] if e["op"] == "~"}
    said = {
        f"χ²({fit['df']}) = {fit['chisq']:.3f}",
        f"CFI = {fit['cfi']:.3f}".replace("0.", "."),
        f"RMSEA = {fit['rmsea']:.3f}".replace("0.", "."),
        f"β = {paths[('KL', 'KP')]['std']:.3f}".replace("0.", "."),
        f"β = {paths[('KL', 'LY')]['std']:.3f}".replace("0.", "."),
        f"β = {paths[('KP', 'LY')]['std']:.3f}".replace("0.", "."),
    }
    readme = (EXAMPLES / "cbsem" / "README.md").read_text()
    for text in said:
        assert text in readme, text


def _refused(tmp_path, edit) -> str:
    result = invoke(["validate", example_variant("cbsem", tmp_path, edit)])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    return result.stderr


@pytest.mark.parametrize(
    "edit, message",
    [
        (
            lambda c: c["hypotheses"].update(H5={"path": "KP -> KL -> LY"}),
            "key hypotheses.H5.path: path 'KP -> KL -> LY' is not in the model (KP -> KL)",
        ),
        (lambda c: c["constructs"]["KP"].update(items={"KP1": "Saya puas"}), "key constructs.KP.items: 'KP' has one indicator"),
        (lambda c: c["model"].update(controls=["KL"]), "key model.controls: a cbsem model does not hold control variables yet"),
        (lambda c: c["model"].update(estimator="wls"), "model.estimator"),
    ],
)
def test_what_a_cbsem_model_cannot_hold_is_one_line(tmp_path, edit, message):
    assert message in _refused(tmp_path, edit)


def test_the_f2_of_each_path_is_the_r2_its_target_loses_without_it_in_lavaan():
    """f² = (R²_in − R²_out) / (1 − R²_in), both from the latent correlations the fitted model
    implies (lavaan's cor.lv): R²_in is the model's R², R²_out its target on its other
    predecessors (0 when the path was the target's only one)."""
    out = _payload()["cbsem"]
    r2 = out["structural"]["r2"]
    for target, implied in REFERENCE["example_r2_implied"].items():
        assert r2[target] == pytest.approx(implied, rel=ESTIMATE)
    for path, without in REFERENCE["example_r2_without"].items():
        target = path.split(" -> ")[1]
        expected = (r2[target] - without[target]) / (1 - r2[target])
        assert out["f2"][path] == pytest.approx(expected, rel=ESTIMATE, abs=1e-9), path
        assert out["f2"][path] >= 0
    assert out["f2"]["KL -> KP"] == pytest.approx(r2["KP"] / (1 - r2["KP"]), rel=1e-9)  # KP's only path


def test_two_identical_indicators_are_one_line_not_a_hang(tmp_path):
    """A singular covariance matrix has no ML estimate: named before any fit is tried."""
    from helpers import example_rows, write_rows

    rows = [dict(row, KL2=row["KL1"]) for row in example_rows("cbsem")]
    data = write_rows(tmp_path / "responses.csv", rows)

    def edit(config):
        config["data"]["path"] = str(data)

    result = invoke(["run", example_variant("cbsem", tmp_path / "study", edit), "--out", tmp_path / "out", "--formats", "json"])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "indicators KL1 and KL2 are perfectly correlated among the respondents used" in result.stderr
    assert not (tmp_path / "out" / "results.json").exists()


def test_a_cfa_on_its_own_reports_the_measurement_model_and_what_it_says_of_the_instrument(tmp_path):
    """No paths, no hypotheses: the CFA of every construct (the same fit as the example's
    saturated model), no structural model, and a discussion of the instrument, not of hypotheses."""
    from reportgen.pipeline import compose

    def edit(config):
        config["model"].pop("paths")
        config["hypotheses"] = {}

    composed = compose(example_variant("cbsem", tmp_path, edit), "id")
    tables = composed.document.tables()
    assert {"cbsem.loadings", "cbsem.reliability", "cbsem.cfa_fit"} <= set(tables)
    assert not {"cbsem.paths", "cbsem.hypotheses"} & set(tables)
    fit = composed.payload["cbsem"]["measurement"]["fit"]
    assert fit["chisq"] == pytest.approx(REFERENCE["example_cfa"]["fit"]["chisq"], rel=FIT)
    text = " ".join(render_text(composed.document, composed.labels).split())
    assert "Confirmatory factor analysis atas 3 konstruk dengan 13 indikator" in text
    assert "Indikator KL5 memiliki loading terstandardisasi di bawah batas" in text
    assert "uji satu koefisien memiliki kekuatan" not in text  # no coefficient is tested: no power paragraph
    assert "korelasi antarkonstruk yang ditemukan tidak menunjukkan" in text and "arah setiap hipotesis" not in text
    assert problems(composed.document, composed.labels) == []

    def one(config):
        edit(config)
        config["constructs"] = {"KL": config["constructs"]["KL"]}

    assert "a CFA without paths needs two or more constructs" in _refused(tmp_path / "one", one)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_modification_indices_of_the_cfa_equal_lavaan_and_are_not_acted_on(lang):
    """results.json lists every cross-loading and error covariance of the CFA with lavaan's mi, epc
    and sepc.all (modindices; at our optimum, 5e-5, see tests/stats/test_cbsem_estimation.py);
    the table shows those of at least 3.84, the text names the largest and keeps the model."""
    composed = composed_example("cbsem", lang)
    ours = {(m["lhs"], m["op"], m["rhs"]): m for m in composed.payload["cbsem"]["modification_indices"]}
    theirs = REFERENCE["example_cfa"]["modindices"]
    assert len(ours) == len(theirs) == 104
    for ref in theirs:
        got = ours[(ref["lhs"], ref["op"], ref["rhs"])]
        assert [got["mi"], got["epc"], got["sepc_all"]] == pytest.approx([ref["mi"], ref["epc"], ref["sepc_all"]], rel=5e-5, abs=5e-5), ref
    listed = [m["mi"] for m in composed.payload["cbsem"]["modification_indices"]]
    assert listed == sorted(listed, reverse=True)
    table = composed.document.tables()["cbsem.modification"]
    assert len(table.body) == sum(mi >= 3.84 for mi in listed) == 8
    assert table.body[0][0].text == "e(KP1) ↔ e(LY2)"
    text = " ".join(render_text(composed.document, composed.labels).split())
    assert {"en": "The largest is the error covariance e(KP1) ↔ e(LY2) (MI = 7.779", "id": "kovarians galat e(KP1) ↔ e(LY2) (MI = 7,779"}[
        lang
    ] in text
    assert "(MacCallum et al., 1992)" in text
    assert problems(composed.document, composed.labels) == []


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_indirect_effect_equals_lavaan_and_its_monte_carlo_interval_semtools(lang):
    """H4 (KL → KP → LY): a × b, its delta-method SE, z, p and std.all equal lavaan's defined
    parameter ``ind := a*b`` (5e-6, the estimates' tolerance); the 95% Monte Carlo interval of
    20 000 draws lies within 0.01 of semTools' monteCarloCI with 1e5 draws (the Monte Carlo
    error of a 2.5% quantile here is about 0.002). The direct path is not significant, so the
    type is indirect-only mediation (Zhao et al., 2010)."""
    composed = composed_example("cbsem", lang)
    ref = REFERENCE["example_indirect"]
    ours = composed.payload["cbsem"]["indirect"]["H4"]
    assert ours["path"] == "KL -> KP -> LY" and ours["interval"] == "monte_carlo" and ours["draws"] == 20000
    assert [ours["est"], ours["se"], ours["z"], ours["std"]] == pytest.approx([ref["est"], ref["se"], ref["z"], ref["std"]], rel=ESTIMATE)
    assert ours["p"] == pytest.approx(ref["p"], rel=1e-4)
    assert [ours["ci_low"], ours["ci_high"]] == pytest.approx([ref["mc_low"], ref["mc_high"]], abs=0.01)
    assert ours["mediation_type"]["outcome"] == "indirect_only"
    hypothesis = composed.payload["hypotheses"]["H4"]
    assert hypothesis["path"] == "KL -> KP -> LY" and hypothesis["supported"]
    assert "cbsem.indirect" in composed.document.tables()
    text = " ".join(render_text(composed.document, composed.labels).split())
    said = {
        "en": "the pattern is indirect-only mediation (Zhao et al., 2010)",
        "id": "polanya termasuk mediasi tidak langsung saja (Zhao et al., 2010)",
    }[lang]
    assert said in text
    assert {"en": "an indirect effect, when its Monte Carlo interval excludes zero", "id": "bila interval Monte Carlo-nya tidak memuat nol"}[
        lang
    ] in text
    assert problems(composed.document, composed.labels) == []


def test_an_indirect_chain_without_its_direct_path_has_no_mediation_type(tmp_path):
    from reportgen.pipeline import compose

    def edit(config):
        config["model"]["paths"] = ["KL -> KP", "KP -> LY"]
        config["hypotheses"] = {"H1": {"path": "KL -> KP", "expect": "positive"}, "H2": {"path": "KL -> KP -> LY", "expect": "positive"}}

    composed = compose(example_variant("cbsem", tmp_path, edit), "en")
    assert composed.payload["cbsem"]["indirect"]["H2"]["mediation_type"] is None
    text = " ".join(render_text(composed.document, composed.labels).split())
    assert "The model has no direct path from KL to LY, so it assumes" in text
    assert problems(composed.document, composed.labels) == []


@pytest.mark.parametrize("lang", ["en", "id"])
def test_mlr_equals_lavaan_and_the_chapter_says_so(tmp_path, lang):
    """model.estimator: mlr — the robust SEs, the scaled χ² and the robust indices of both models
    equal lavaan's estimator = "MLR" (r_cbsem.R, mlr); the fit table and its note say what they are."""
    from reportgen.pipeline import compose

    composed = compose(example_variant("cbsem", tmp_path, lambda c: c["model"].update(estimator="mlr")), lang)
    out = composed.payload["cbsem"]
    assert out["estimator"] == "MLR"
    for model, key in (("measurement", "example_cfa"), ("structural", "example")):
        ref = REFERENCE["mlr"][key]
        found = {(e["lhs"], e["op"], e["rhs"]): e for e in out[model]["estimates"]}
        for r in ref["se"]:
            got = found.get((r["lhs"], r["op"], r["rhs"])) or found[(r["rhs"], r["op"], r["lhs"])]
            assert got["se"] == pytest.approx(r["se"], rel=1e-5), r
        fit, robust = out[model]["fit"], out[model]["robust"]
        assert robust["chisq_scaling_factor"] == pytest.approx(ref["fit"]["chisq.scaling.factor"], rel=1e-6)
        assert robust["ml_fit"]["chisq"] == pytest.approx(ref["fit"]["chisq"], rel=FIT)
        assert [fit["chisq"], fit["cfi"], fit["tli"], fit["rmsea"]] == pytest.approx(
            [ref["fit"][k] for k in ("chisq.scaled", "cfi.robust", "tli.robust", "rmsea.robust")], rel=1e-6
        )
    assert (
        "CB-SEM MLR: the modification indices are those of normal-theory ML (expected information), not robust ones" in composed.payload["warnings"]
    )
    text = " ".join(render_text(composed.document, composed.labels).split())
    said = {
        "en": ["robust maximum likelihood (MLR", "Yuan–Bentler scaled statistic (scaling factor c = 1.012"],
        "id": ["robust maximum likelihood (MLR", "faktor skala c = 1,012"],
    }[lang]
    assert_said(text, said)
    assert problems(composed.document, composed.labels) == []


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_bias_corrected_bootstrap_interval_as_amos_reports_it(tmp_path, lang):
    """indirect_interval: bias_corrected — the interval of H4 is the bias-corrected percentile
    interval of the model refitted to each resample (tests/stats/test_cbsem_bootstrap.py pins the
    resamples' fits to lavaan); it lies near the Monte Carlo one (its bootstrap error about 0.01 at
    1000 resamples) and the chapter names it."""
    from reportgen.pipeline import compose

    composed = compose(
        example_variant("cbsem", tmp_path, lambda c: c["model"].update(indirect_interval="bias_corrected", bootstrap=1000, seed=7)), lang
    )
    ours = composed.payload["cbsem"]["indirect"]["H4"]
    ref = REFERENCE["example_indirect"]
    assert (ours["interval"], ours["draws"], ours["failed_resamples"]) == ("bias_corrected", 1000, 0)
    assert ours["ci_low"] < ref["est"] < ours["ci_high"] and [ours["ci_low"], ours["ci_high"]] == pytest.approx(
        [ref["mc_low"], ref["mc_high"]], abs=0.05
    )
    text = " ".join(render_text(composed.document, composed.labels).split())
    said = {
        "en": ["95% bias-corrected bootstrap interval [", "bias-corrected percentile bootstrap interval from 1,000 resamples"],
        "id": ["interval bootstrap terkoreksi bias 95% [", "dari 1.000 resampel"],
    }[lang]
    assert_said(text, said)
    assert problems(composed.document, composed.labels) == []


def test_too_few_resamples_for_a_bootstrap_interval_is_one_line(tmp_path):
    result = invoke(["validate", example_variant("cbsem", tmp_path, lambda c: c["model"].update(indirect_interval="bias_corrected", bootstrap=50))])
    assert result.exit_code == 2 and "Traceback" not in result.stderr and "at least 200 bootstrap resamples" in result.stderr, result.stderr


def test_an_order_written_with_codes_names_the_labelled_categories():
    """respondents.pembayaran: order [BPJS, Umum, Asuransi] with Asuransi labelled 'Asuransi swasta':
    the code in the order is read as its label, so the table has no empty 'Asuransi' row beside the
    30 respondents of 'Asuransi swasta'."""
    profile = _payload("id")["profile"]["pembayaran"]
    assert [k for k in profile if k != "_missing"] == ["BPJS", "Umum", "Asuransi swasta"]
    assert profile["Asuransi swasta"]["frequency"] == 30
