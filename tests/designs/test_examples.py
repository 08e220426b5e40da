"""The mediation and moderation examples: chapters whose numbers agree with their tables, results.json keys."""

import json

import pytest
from helpers import EXAMPLES, composed_example, written_example


@pytest.mark.parametrize("example", ["mediation", "moderation"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_design_examples_agree_with_their_tables(example, lang):
    from helpers import numbers_checked_against_tables

    doc = composed_example(example, lang).document
    assert numbers_checked_against_tables(doc, lang) > 100


@pytest.mark.heavy
@pytest.mark.parametrize("example", ["mediation", "moderation"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_design_examples_render(example, lang):
    from docx import Document as WordDocument
    from pypdf import PdfReader

    out = written_example(example, lang).files[0].parent
    stem = "bab4" if lang == "id" else "chapter4"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out / f"{stem}.pdf").pages).split())
    words = {
        "mediation": ["Sobel", "bootstrap", "c′", "Welch", "Omega"],
        "moderation": ["Moderated Regression Analysis", "Simple Slopes", "ΔR²", "Hedges' g", "Omega"],
    }
    for word in words[example]:
        assert word in text, word
    assert len(WordDocument(out / f"{stem}.docx").tables) >= 15


def test_design_results_json(tmp_path):
    from reportgen.pipeline import run_study

    run_study(EXAMPLES / "mediation" / "study.yaml", tmp_path / "m", formats=["json"])
    med = json.loads((tmp_path / "m" / "results.json").read_text())
    h4 = med["mediation"]["H4"]
    assert set(h4) >= {"a", "b", "c", "c_prime", "indirect", "sobel_z", "sobel_p", "ci_low", "ci_high", "kind"}
    assert h4["indirect"] == pytest.approx(h4["a"] * h4["b"]) and h4["c"] == pytest.approx(h4["c_prime"] + h4["indirect"])
    assert h4["kind"] == "indirect_only" and h4["ci_low"] > 0 and med["hypotheses"]["H4"]["supported"] is True
    assert set(med["group_tests"]) == {"jk", "pendidikan"} and med["correlations"]["KP"]["MK"]["p"] < 0.05
    assert all(c["omega"] is not None for c in med["constructs"].values())
    run_study(EXAMPLES / "moderation" / "study.yaml", tmp_path / "o", formats=["json"])
    mod = json.loads((tmp_path / "o" / "results.json").read_text())
    h3 = mod["moderation"]["H3"]
    assert set(h3["interaction"]) == {"b", "se", "t", "p"} and h3["delta_r2"] > 0 and h3["centred"] is True
    assert mod["hypotheses"]["H3"]["supported"] == (h3["interaction"]["p"] < 0.05)
    assert set(mod["simple_regressions"]) == {"H1", "H2"}
