"""A two-stage moderation in the PLS chapter (hypotheses.H: {path: X -> Y, moderator: M}):
switching costs moderating CUSA → CUSL in the corporate-reputation model, as Hair et al. (2022,
ch. 7) moderate it. The interaction's path and bootstrap SD equal seminr's (the fixture of
tests/stats/test_pls_moderation.py, same resamples); the chapter states the moderation, its
simple slopes and figure; a moderation the model cannot hold is one line."""

from __future__ import annotations

import json

import pytest
from consistency import problems
from helpers import FIXTURES, example_variant, invoke

from reportgen.render.text import render_text

REFERENCE = json.loads((FIXTURES / "pls" / "corp_rep_moderation_reference.json").read_text())


def _moderated(config):
    config["constructs"]["SC"] = {
        "name": {"id": "Biaya Peralihan", "en": "Switching Costs"},
        "items": {
            "switch_1": "It takes me a great deal of time to switch to another company.",
            "switch_2": "It costs me too much to switch to another company.",
            "switch_3": "It takes a lot of effort to get used to a new company with its specific rules and practices.",
            "switch_4": "In general it would be a hassle switching to another company.",
        },
    }
    config["model"]["paths"] = ["COMP -> CUSA", "LIKE -> CUSA", "COMP -> CUSL", "LIKE -> CUSL", "CUSA -> CUSL", "SC -> CUSL"]
    config["model"].pop("mga", None)
    config["model"].update(bootstrap=REFERENCE["bootstrap"]["resamples"], seed=REFERENCE["bootstrap"]["seed"])
    config["hypotheses"]["H8"] = {"path": "CUSA -> CUSL", "moderator": "SC", "expect": "negative"}


@pytest.fixture(scope="module")
def composed(tmp_path_factory):
    from reportgen.pipeline import compose

    return {lang: compose(example_variant("corp-rep", tmp_path_factory.mktemp(lang), _moderated), lang) for lang in ("en", "id")}


def test_the_interaction_equals_seminr_and_decides_the_hypothesis(composed):
    out = composed["en"].payload
    for key, ref in REFERENCE["paths"].items():
        assert [out["pls"]["paths"][key]["coef"], out["pls"]["paths"][key]["sd"]] == pytest.approx([ref["coef"], ref["sd"]], abs=1e-6), key
    h8 = out["hypotheses"]["H8"]
    assert (h8["path"], h8["moderator"], h8["coef"]) == ("CUSA -> CUSL", "SC", pytest.approx(REFERENCE["paths"]["CUSA*SC -> CUSL"]["coef"], abs=1e-6))
    assert h8["supported"] and h8["sign"] == "negative"
    assert "PLS: PLSpredict is not run for a model with an interaction term" in out["warnings"]
    effects = {e["hypothesis"]: e for e in out["effects"]}
    assert effects["H8"]["kind"] == "moderation" and effects["H8"]["f2"] == pytest.approx(out["pls"]["f2"]["CUSA*SC -> CUSL"])


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_chapter_states_the_moderation_and_its_slopes(composed, lang):
    c = composed[lang]
    out = c.payload["pls"]
    beta, interaction = out["paths"]["CUSA -> CUSL"]["coef"], out["paths"]["CUSA*SC -> CUSL"]["coef"]
    low, high = beta - interaction, beta + interaction
    text = " ".join(render_text(c.document, c.labels).split())
    fmt = (lambda v: f"{v:.3f}") if lang == "en" else (lambda v: f"{v:.3f}".replace(".", ","))
    said = {
        "en": f"The path from Customer Satisfaction to Customer Loyalty is {fmt(low)} where Switching Costs is one standard deviation below its mean",
        "id": f"Jalur Kepuasan Pelanggan ke Loyalitas Pelanggan bernilai {fmt(low)} bila Biaya Peralihan satu simpangan baku di bawah rata-ratanya",
    }[lang]
    assert said in text and fmt(high) in text
    assert {"en": "weakens as Switching Costs rises", "id": "melemah seiring meningkatnya Biaya Peralihan"}[lang] in text
    assert "CUSA × SC → CUSL" in [row[1].text for row in c.document.tables()["pls.paths"].body]
    assert "pls.slopes.H8" in {f.key for f in c.document.figures()}
    assert problems(c.document, c.labels) == []


@pytest.mark.parametrize(
    "edit, message",
    [
        (
            lambda c: c["model"].update(paths=["COMP -> CUSA", "LIKE -> CUSA", "COMP -> CUSL", "LIKE -> CUSL", "CUSA -> CUSL"]),
            "needs the path SC -> CUSL",
        ),
        (lambda c: c["model"].update(mga={"column": "servicetype"}), "cannot be combined with model.mga yet"),
        (lambda c: c["hypotheses"]["H8"].update(path="COMP -> CUSA -> CUSL"), "a moderated path is one path X -> Y"),
    ],
)
def test_a_moderation_the_model_cannot_hold_is_one_line(tmp_path, edit, message):
    def change(config):
        _moderated(config)
        edit(config)

    result = invoke(["validate", example_variant("corp-rep", tmp_path, change)])
    assert result.exit_code == 2 and "Traceback" not in result.stderr and message in result.stderr, result.stderr
