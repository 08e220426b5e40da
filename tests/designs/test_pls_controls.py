"""Control variables in a PLS model (model.controls): each observed variable a construct of one
indicator (a dummy per compared category) with a path to every endogenous construct, as Hair et
al. (2022) model them. The corporate-reputation model with age and service type as controls
equals seminr (fixtures/pls/corp_rep_controls_reference.json, make_controls_reference.py): path
coefficients, R² and the bootstrap SDs on the same resamples; the outer model leaves the controls
out; a construct as a control is one line."""

from __future__ import annotations

import json

import pytest
from consistency import problems
from helpers import FIXTURES, example_variant, invoke

from reportgen.render.text import render_text

REFERENCE = json.loads((FIXTURES / "pls" / "corp_rep_controls_reference.json").read_text())
KEYS = {"age": "usia", "servicetype[Prepaid]": "layanan[Prepaid]"}  # the fixture's names → the study's


def _with_controls(config):
    config["observed"] = {
        "usia": {"name": {"id": "Usia", "en": "Age"}, "column": "age"},
        "layanan": {"name": {"id": "Jenis Layanan", "en": "Service Type"}, "column": "servicetype", "type": "categorical", "reference": "Postpaid"},
    }
    config["model"].update(controls=["usia", "layanan"], bootstrap=REFERENCE["bootstrap"]["resamples"], seed=REFERENCE["bootstrap"]["seed"])
    config["model"].pop("mga", None)
    config["model"]["predict"] = {"folds": 5, "repetitions": 1}


@pytest.fixture(scope="module")
def composed(tmp_path_factory):
    from reportgen.pipeline import compose

    return {lang: compose(example_variant("corp-rep", tmp_path_factory.mktemp(lang), _with_controls), lang) for lang in ("en", "id")}


def _key(name: str) -> str:
    a, b = name.split(" -> ")
    return f"{KEYS.get(a, a)} -> {KEYS.get(b, b)}"


def test_paths_r2_and_bootstrap_equal_seminr(composed):
    out = composed["en"].payload
    assert out["n_used"] == REFERENCE["n"] == 343  # the respondent without an age is left out
    paths = out["pls"]["paths"]
    assert len(paths) == len(REFERENCE["paths"]) == 9
    for name, ref in REFERENCE["paths"].items():
        ours = paths[_key(name)]
        assert [ours["coef"], ours["sd"]] == pytest.approx([ref["coef"], ref["sd"]], abs=1e-6), name
    for construct, r2 in REFERENCE["r2"].items():
        if construct in ("CUSA", "CUSL"):
            assert out["pls"]["r2"][construct] == pytest.approx(r2, abs=1e-6)
    for item, loading in REFERENCE["loadings"].items():
        assert out["pls"]["loadings"][KEYS.get(item, item)] == pytest.approx(loading, abs=1e-6)
    assert out["controls"]["controls"] == ["usia", "layanan"]
    assert list(out["controls"]["terms"]) == ["usia", "layanan[Prepaid]"]
    assert out["controls"]["categories"]["layanan"]["reference"] == "Postpaid"


def test_the_outer_model_leaves_the_controls_out(composed):
    for lang, c in composed.items():
        out = c.payload["pls"]
        assert "usia" not in out["assessment"]["convergent_validity"]["verdicts"]
        assert not [pair for pair in out["assessment"]["htmt"]["verdicts"] if "usia" in pair or "layanan[Prepaid]" in pair]
        tables = c.document.tables()
        loadings = [row[1].text if len(row) > 7 else row[0].text for row in tables["pls.loadings"].body]
        assert "usia" not in loadings and "layanan[Prepaid]" not in loadings
        assert "usia" not in [cell.text for cell in tables["pls.fl"].header[0]]
        assert not [chain for chain in out["indirect"] if chain.startswith(("usia", "layanan"))]
        controls = tables["pls.controls"]
        assert [row[0].text for row in controls.body][:2] == {"en": ["Age → CUSA", "Age → CUSL"], "id": ["Usia → CUSA", "Usia → CUSL"]}[lang]
        assert len(controls.body) == 4
        text = " ".join(render_text(c.document, c.labels).split())
        said = {
            "en": "The control variables (Age and Service Type: Prepaid) are observed, each a construct of one indicator",
            "id": "Variabel kontrol (Usia dan Jenis Layanan: Prabayar) adalah variabel teramati",
        }[lang]
        assert said in text
        assert {
            "en": "adjusted for the control variables Age and Service Type",
            "id": "dikendalikan terhadap variabel kontrol Usia dan Jenis Layanan",
        }[lang] in text
        assert problems(c.document, c.labels) == []


def test_a_construct_as_a_pls_control_is_one_line(tmp_path):
    def edit(config):
        config["model"]["controls"] = ["COMP"]

    result = invoke(["validate", example_variant("corp-rep", tmp_path, edit)])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "key model.controls.0: in a PLS model a control is an observed variable" in result.stderr


def test_a_resample_where_a_rare_control_category_is_absent_is_drawn_again():
    """Two of 60 respondents in a category: about one resample in seven holds neither, its dummy
    constant; such a resample is drawn again (as PROCESS does), so every bootstrap statistic
    stays finite."""
    import numpy as np

    from reportgen.stats.pls.algorithm import PlsSpec, estimate
    from reportgen.stats.pls.bootstrap import bootstrap

    rng = np.random.default_rng(5)
    n = 60
    a = rng.normal(size=n)
    y = 0.5 * a + rng.normal(size=n)
    dummy = np.zeros(n)
    dummy[:2] = 1.0
    noisy = lambda v: v + rng.normal(scale=0.5, size=n)  # noqa: E731
    x = np.column_stack([noisy(a), noisy(a), noisy(y), noisy(y), dummy])
    spec = PlsSpec(("A", "Y", "d"), (("a1", "a2"), ("y1", "y2"), ("d",)), ("A", "A", "A"), (("A", "Y"), ("d", "Y")), controls=("d",))
    result = bootstrap(x, estimate(x, spec), 200, seed=3)
    assert result.replaced > 0
    assert np.isfinite([st.sd for st in result.paths.values()]).all()
