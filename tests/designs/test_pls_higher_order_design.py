"""A higher-order construct in the PLS chapter (model.higher_order: disjoint two-stage approach):
corporate reputation (REP) of competence and likeability in the model of Sarstedt et al. (2019),
config/examples/higher-order. Paths, R², the dimensions' loadings and weights and their bootstrap
SDs equal seminr's higher_composite(two_stage) on the same resamples (the fixture of
tests/stats/test_pls_higher_order.py); stage one is the measurement model of the first-order
constructs, REP is assessed in stage two; formative constructs by their weights and VIFs; a model
the design cannot hold is one line."""

from __future__ import annotations

import json

import pytest
from consistency import assert_said, problems
from helpers import FIXTURES, example_variant, invoke

from reportgen.render.text import render_text

REFERENCE = json.loads((FIXTURES / "pls" / "corp_rep_higher_order_reference.json").read_text())
REDUNDANCY = json.loads((FIXTURES / "pls" / "corp_rep_redundancy_reference.json").read_text())
SETTINGS = REFERENCE["mode_a"]["bootstrap"]


def _resampled(mode: str):
    def edit(config):
        config["model"].update(bootstrap=SETTINGS["resamples"], seed=SETTINGS["seed"])
        config["model"]["higher_order"]["REP"]["mode"] = mode

    return edit


@pytest.fixture(scope="module")
def composed(tmp_path_factory):
    from reportgen.pipeline import compose

    out = {}
    for mode in ("A", "B"):
        for lang in ("en", "id") if mode == "A" else ("en",):
            out[(mode, lang)] = compose(example_variant("higher-order", tmp_path_factory.mktemp(f"{mode}{lang}"), _resampled(mode)), lang)
    return out


@pytest.mark.parametrize("mode", ["A", "B"])
def test_the_two_stages_equal_seminr(composed, mode):
    ref = REFERENCE[f"mode_{mode.lower()}"]
    out = composed[(mode, "en")].payload["pls"]
    for key, value in ref["paths"].items():
        assert [out["paths"][key]["coef"], out["paths"][key]["sd"]] == pytest.approx([value["coef"], value["sd"]], abs=1e-6), key
    assert out["r2"] == pytest.approx(ref["r2"], abs=1e-6)
    for dim in ("COMP", "LIKE"):  # stage two: the dimensions as REP's indicators
        assert out["loadings"][dim] == pytest.approx(ref["loadings"][dim], abs=1e-6)
        assert out["weights"][dim] == pytest.approx(ref["weights"][dim], abs=1e-6)
        assert out["loadings_boot"][dim]["sd"] == pytest.approx(ref["hoc_sd"]["loadings"][dim], abs=1e-6)
        assert out["weights_boot"][dim]["sd"] == pytest.approx(ref["hoc_sd"]["weights"][dim], abs=1e-6)
    for item in ("comp_1", "comp_2", "comp_3", "like_1", "like_2", "like_3"):  # stage one: the dimensions' own items
        assert out["first_stage"]["loadings"][item] == pytest.approx(ref["loadings"][item], abs=1e-6), item
        assert out["first_stage"]["weights"][item] == pytest.approx(ref["weights"][item], abs=1e-6), item
    assert out["higher_order"] == {"REP": {"dimensions": ["COMP", "LIKE"], "mode": mode, "approach": "disjoint_two_stage"}}
    assert "REP" not in out["first_stage"]["reliability"] and {"COMP", "LIKE"} <= set(out["first_stage"]["reliability"])
    assert (
        "PLS: PLSpredict is not run for a model with a higher-order construct estimated in two stages (higher_order_approach: repeated_indicators runs it)"
        in composed[(mode, "en")].payload["warnings"]
    )


def test_the_measurement_of_the_first_order_constructs_is_stage_one_and_rep_is_stage_two(composed):
    c = composed[("A", "en")]
    tables = c.document.tables()
    loadings = [row[-1].claim[0] for row in tables["pls.loadings"].body]
    assert "loading:comp_1" in loadings and not any(s in loadings for s in ("loading:COMP", "loading:LIKE"))
    htmt = {row[-1].claim[0] for row in tables["pls.htmt"].body}
    assert "htmt:COMP~LIKE" in htmt and not any(f in pair for pair in htmt for f in ("QUAL", "PERF", "CSOR", "ATTR"))  # formative: no HTMT
    fl = {cell.claim for cell in tables["pls.fl"].body[-1] if cell.claim}  # the reflective constructs only
    assert fl == {(f"fornell_larcker:{c}", "valid") for c in ("COMP", "LIKE", "CUSA", "CUSL")}
    assert not any(row[0].text.startswith(("qual", "perf", "csor", "attr")) for row in tables["pls.cross"].body)
    assert not any("qual_1" in cell.text for row in tables["pls.loadings"].body for cell in row)  # formative: in the weights table
    assert [row[-1].claim for row in tables["pls.hoc.REP"].body] == [("loading:COMP", "valid"), ("loading:LIKE", "valid")]
    validity = [row[-1].claim for row in tables["pls.hoc_validity.REP"].body]
    assert validity == [("reliability:REP", "reliable"), ("ave:REP", "valid"), ("htmt:REP~CUSA", "valid"), ("htmt:REP~CUSL", "valid")]
    weights = {row[-1].claim for row in tables["pls.weights"].body}
    assert ("weight:qual_2", "absolute") in weights and ("weight:attr_3", "significant") in weights
    assert [row[-1].claim for row in tables["pls.redundancy"].body] == [(f"redundancy:{c}", "valid") for c in ("QUAL", "PERF", "CSOR", "ATTR")]


def test_the_redundancy_analysis_equals_seminr(composed):
    out = composed[("A", "en")].payload["pls"]
    for construct, path in REDUNDANCY["paths"].items():
        got = out["redundancy"][construct]
        assert (got["global_item"], got["path"], got["r2"]) == (
            f"{construct.lower()}_global",
            pytest.approx(path, abs=1e-9),
            pytest.approx(path**2, abs=1e-9),
        )
        assert got["verdict"]["outcome"] == "valid"
    assessment = out["assessment"]
    assert [assessment[k]["outcome"] for k in ("formative_convergent", "formative_collinearity", "formative_weights")] == ["met"] * 3


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_chapter_says_how_rep_is_measured(composed, lang):
    c = composed[("A", lang)]
    text = " ".join(render_text(c.document, c.labels).split())
    said = {
        "en": [
            "PLSpredict (Shmueli et al., 2019) is not reported for this model. In the disjoint two-stage approach the indicators of REP",
            "REP is a higher-order construct of COMP and LIKE",
            "disjoint two-stage approach (Sarstedt et al., 2019)",
            "The HTMT of REP with COMP and LIKE is not assessed",
        ],
        "id": [
            "PLSpredict (Shmueli et al., 2019) tidak dilaporkan untuk model ini",
            "REP merupakan konstruk orde-tinggi dari COMP dan LIKE",
            "(Sarstedt et al., 2019)",
            "HTMT REP dengan COMP dan LIKE tidak dinilai",
        ],
    }[lang]
    assert_said(text, said)
    assert problems(c.document, c.labels) == []


def test_the_path_diagram_draws_rep_with_its_dimensions(composed):
    """As SmartPLS draws stage two: REP's dimensions are its indicators, with their loadings (mode
    A) or weights (mode B); no other construct's indicators (model.diagram_indicators is false)."""
    for mode, value in (("A", ".895"), ("B", "0.416")):
        figure = next(f for f in composed[(mode, "en")].document.figures() if f.kind == "path_diagram")
        assert figure.data["indicators"] == {
            "REP": {"items": [("COMP", value), ("LIKE", figure.data["indicators"]["REP"]["items"][1][1])], "formative": mode == "B"}
        }


def test_a_formative_higher_order_construct_is_assessed_by_its_weights(composed):
    c = composed[("B", "en")]
    out = c.payload["pls"]
    rows = c.document.tables()["pls.hoc.REP"].body
    assert [row[-1].claim[0] for row in rows] == ["weight:COMP", "weight:LIKE"]
    assert all(out["weights_boot"][d]["p"] < 0.05 for d in ("COMP", "LIKE")) and {row[-1].claim[1] for row in rows} == {"significant"}
    assert "pls.hoc_validity.REP" not in c.document.tables()
    text = " ".join(render_text(c.document, c.labels).split())
    assert "which they form (a reflective–formative construct)" in text
    assert problems(c.document, c.labels) == []


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda c: c["model"]["paths"].append("COMP -> CUSA"), "the dimension 'COMP' is also on a path of model.paths"),
        (lambda c: c["model"]["higher_order"]["REP"]["dimensions"].append("COMPX"), "'COMPX' is not a construct"),
        (lambda c: c["model"]["higher_order"].update(CUSA=c["model"]["higher_order"]["REP"]), "'CUSA' is already a construct"),
        (lambda c: c["model"].update(mga={"column": "servicetype"}), "cannot yet use mga"),
        (lambda c: c["model"].update(indicator_removal="hair"), "cannot yet use indicator_removal"),
        (lambda c: c["model"]["higher_order"]["REP"].update(dimensions=["COMP"]), "model.higher_order.REP.dimensions"),
        (lambda c: c["model"]["higher_order"].update(REP2={"name": "Second", "dimensions": ["COMP", "LIKE"]}), "already a dimension of 'REP'"),
        (lambda c: c["constructs"]["COMP"].update(global_item="comp_1"), "a global item serves the redundancy analysis of a formative construct"),
        (lambda c: c["constructs"]["QUAL"].update(global_item="qual_1"), "'qual_1' is already an item"),
    ],
)
def test_a_higher_order_construct_the_model_cannot_hold_is_one_line(tmp_path, edit, message):
    result = invoke(["validate", example_variant("higher-order", tmp_path, edit)])
    assert result.exit_code == 2 and "Traceback" not in result.stderr and message in result.stderr, result.stderr
