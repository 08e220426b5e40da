"""A higher-order construct by repeated indicators in the PLS chapter (model.higher_order_approach:
repeated_indicators): corporate reputation (REP) of competence and likeability in the model of
Sarstedt et al. (2019), config/examples/higher-order. Paths, R² and their bootstrap SDs, and the
paths between REP and its dimensions read as its loadings (mode A) or weights (mode B), equal
seminr's model with REP measured by its dimensions' items on the same resamples (the fixture of
tests/stats/test_pls_repeated_indicators.py); the first-order constructs are assessed in that model
without REP; REP's reliability is rho_C alone, .898 with AVE .815 as Sarstedt et al. (2019) report."""

from __future__ import annotations

import json

import pytest
from consistency import assert_said, problems
from helpers import FIXTURES, example_variant, invoke

from reportgen.render.text import render_text

REFERENCE = json.loads((FIXTURES / "pls" / "corp_rep_repeated_reference.json").read_text())
SETTINGS = REFERENCE["mode_a"]["bootstrap"]
DRIVERS = ("QUAL", "PERF", "CSOR", "ATTR")


def _repeated(mode: str):
    def edit(config):
        model = config["model"]
        model.update(bootstrap=SETTINGS["resamples"], seed=SETTINGS["seed"], higher_order_approach="repeated_indicators")
        model["higher_order"]["REP"]["mode"] = mode
        if mode == "B":  # REP explained by its dimensions only: no drivers
            model["paths"] = [p for p in model["paths"] if not p.startswith(DRIVERS)]
            config["hypotheses"] = {k: h for k, h in config["hypotheses"].items() if not h["path"].startswith(DRIVERS)}
            for name in DRIVERS:
                del config["constructs"][name]

    return edit


@pytest.fixture(scope="module")
def composed(tmp_path_factory):
    from reportgen.pipeline import compose

    out = {}
    for mode in ("A", "B"):
        for lang in ("en", "id") if mode == "A" else ("en",):
            out[(mode, lang)] = compose(example_variant("higher-order", tmp_path_factory.mktemp(f"{mode}{lang}"), _repeated(mode)), lang)
    return out


@pytest.mark.parametrize("mode", ["A", "B"])
def test_the_model_equals_seminr_and_its_links_are_reps_measurement(composed, mode):
    ref = REFERENCE[f"mode_{mode.lower()}"]
    out = composed[(mode, "en")].payload["pls"]
    structural = {
        k: v for k, v in ref["paths"].items() if not any(f"{a} -> {b}" == k for a in ("REP", "COMP", "LIKE") for b in ("COMP", "LIKE", "REP"))
    }
    assert set(out["paths"]) == set(structural)
    for key, value in structural.items():
        assert [out["paths"][key]["coef"], out["paths"][key]["sd"]] == pytest.approx([value["coef"], value["sd"]], abs=1e-6), key
    explained = ("COMP", "LIKE") if mode == "A" else ("REP",)  # the dimensions' R² (mode A) or REP's by them (mode B, .991) is not structural
    assert out["r2"] == pytest.approx({c: v for c, v in ref["r2"].items() if c not in explained}, abs=1e-6)
    for dim in ("COMP", "LIKE"):
        link = ref["paths"][f"REP -> {dim}" if mode == "A" else f"{dim} -> REP"]
        kind = "loadings" if mode == "A" else "weights"
        assert [out[kind][dim], out[f"{kind}_boot"][dim]["sd"]] == pytest.approx([link["coef"], link["sd"]], abs=1e-6), dim
    for item, row in ref["loadings"].items():  # the whole model: every item's loading on its construct, the repeated ones as item@REP
        for construct, value in row.items():
            if value:
                assert out["first_stage"]["loadings"][f"{item}@REP" if construct == "REP" else item] == pytest.approx(value, abs=1e-6)
    assert out["higher_order"] == {"REP": {"dimensions": ["COMP", "LIKE"], "mode": mode, "approach": "repeated_indicators"}}


def test_the_first_order_constructs_are_assessed_without_rep_and_rep_by_rho_c(composed):
    c = composed[("A", "en")]
    tables = c.document.tables()
    loadings = [row[-1].claim[0] for row in tables["pls.loadings"].body]
    assert "loading:comp_1" in loadings and not any("@" in claim for claim in loadings)
    assert not any("REP" in pair for row in tables["pls.htmt"].body for pair in row[-1].claim[0].split(":")[1].split("~"))
    assert [row[-1].claim for row in tables["pls.hoc.REP"].body] == [("loading:COMP", "valid"), ("loading:LIKE", "valid")]
    validity = [row[-1].claim for row in tables["pls.hoc_validity.REP"].body]
    assert validity == [("reliability:REP", "reliable"), ("ave:REP", "valid"), ("htmt:REP~CUSA", "valid"), ("htmt:REP~CUSL", "valid")]
    reliability = c.payload["pls"]["reliability"]["REP"]
    assert (round(reliability["rho_c"], 3), round(reliability["ave"], 3), reliability["rho_a"]) == (0.898, 0.815, None)  # Sarstedt et al. (2019)
    htmt = c.payload["pls"]["htmt"]  # on REP's repeated items, as SmartPLS: not on its dimensions' scores (.593, .721)
    assert (round(htmt["REP~CUSA"], 3), round(htmt["REP~CUSL"], 3)) == (0.562, 0.685)
    assert c.payload["pls"]["htmt_boot"]["REP~CUSA"]["htmt"] == pytest.approx(htmt["REP~CUSA"], abs=1e-12)
    assert tables["pls.hoc_validity.REP"].body[0][1].text == ".898"
    first = c.payload["pls"]["first_stage"]["reliability"]  # the model with every indicator is this one, not stage one of two
    assert c.payload["pls"]["initial_reliability"] == {k: v for k, v in first.items() if k != "REP"}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_chapter_says_how_rep_is_measured(composed, lang):
    c = composed[("A", lang)]
    text = " ".join(render_text(c.document, c.labels).split())
    said = {
        "en": [
            "It is estimated by the repeated indicators approach (Sarstedt et al., 2019) with the path weighting scheme, which Becker et al. (2012) advise for it: REP is measured by all the items of COMP and LIKE",
            "In Table 5.27 the paths between REP and its dimensions are taken as its loadings; the structural model below leaves those paths out",
            "rho_A is not reported, as the links between REP and its dimensions are paths of the structural model",
            "assesses the higher-order construct REP through its paths to its dimensions",
        ],
        "id": [
            "pendekatan indikator berulang (repeated indicators; Sarstedt et al., 2019) dengan skema pembobotan jalur sebagaimana disarankan Becker et al. (2012)",
            "jalur antara REP dan dimensinya diperlakukan sebagai loading-nya",
            "rho_A tidak dilaporkan",
        ],
    }[lang]
    assert_said(text, said)
    assert "stage" not in text.replace("stage-", "") or lang == "id"
    assert problems(c.document, c.labels) == []


def test_a_formative_higher_order_construct_is_assessed_by_its_paths_as_weights(composed):
    c = composed[("B", "en")]
    rows = c.document.tables()["pls.hoc.REP"].body
    # COMP → REP 0.197 with bootstrap SD 0.105 (seminr): t = 1.88, not significant, but its loading .745 ≥ .50 keeps it (Hair et al., 2022)
    assert [row[-1].claim for row in rows] == [("weight:COMP", "absolute"), ("weight:LIKE", "significant")]
    text = " ".join(render_text(c.document, c.labels).split())
    assert "in mode B, and in the structural model they form it (dimension → REP), a reflective–formative construct (Becker et al., 2012)" in text
    assert "The weight of COMP is not significant, but its loading of .745 is at least .50, so it is retained for its absolute contribution" in text
    assert "The weight of LIKE is significant: it contributes to REP beyond the other dimensions" in text
    assert "Becker, J.-M., Klein, K., & Wetzels, M. (2012)" in text
    assert problems(c.document, c.labels) == []


def test_plspredict_predicts_the_structural_targets_only(composed):
    """The whole model is cross-validated (tests/stats/test_pls_repeated_indicators.py pins it):
    REP through its repeated items; its dimensions, which share those items, are not predicted."""
    c = composed[("A", "en")]
    predicted = c.payload["pls"]["predict"]["constructs"]
    assert set(predicted) == {"REP", "CUSA", "CUSL"} and set(predicted["CUSL"]["indicators"]) == {"cusl_1", "cusl_2", "cusl_3"}
    assert set(predicted["REP"]["indicators"]) == {f"{i}@REP" for i in ("comp_1", "comp_2", "comp_3", "like_1", "like_2", "like_3")}
    assert 0.2 < predicted["CUSA"]["indicators"]["cusa"]["q2_predict"] < 0.35
    text = " ".join(render_text(c.document, c.labels).split())
    assert "REP is predicted through its own indicators, the items of its dimensions, repeated; the dimensions themselves" in text
    rows = c.document.tables()["pls.predict"].body
    assert (rows[0][1].text, rows[1][0].text) == ("comp_1", "comp_2")  # the repeated items by their own names (REP's cell spans its rows)
    assert not any("PLSpredict" in w for w in c.payload["warnings"])


def test_the_path_diagram_draws_the_whole_model(composed):
    """As SmartPLS draws a repeated-indicators model: REP's dimensions are constructs with their R²,
    fed by REP's paths with their stars."""
    figure = next(f for f in composed[("A", "en")].document.figures() if f.kind == "path_diagram")
    assert "indicators" not in figure.data and ("COMP", "Competence") in figure.data["constructs"]
    assert figure.data["paths"][("REP", "COMP")] == "0.888***" and ("REP", "CUSA") in figure.data["paths"]
    assert figure.data["r2"]["LIKE"] == "R² = .841"


def test_a_formative_higher_order_construct_with_antecedents_is_refused(tmp_path):
    def edit(config):
        config["model"].update(higher_order_approach="repeated_indicators")
        config["model"]["higher_order"]["REP"]["mode"] = "B"

    result = invoke(["validate", example_variant("higher-order", tmp_path, edit)])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "model.higher_order.REP.mode: by repeated indicators the dimensions of REP form it" in result.stderr
    assert "from QUAL, PERF, CSOR, ATTR shrink towards zero" in result.stderr
