"""The PLS design: results.json keys and the chapter."""

import json

import pytest

from reportgen.pipeline import run_study

from helpers import EXAMPLES


def test_results_json_pls_keys(tmp_path):
    run_study(EXAMPLES / "corp-rep" / "study.yaml", tmp_path / "o", formats=["json"])
    data = json.loads((tmp_path / "o" / "results.json").read_text())
    pls = data["pls"]
    assert set(pls["paths"]["COMP -> CUSA"]) >= {"coef", "sd", "t", "p", "ci_low", "ci_high"}
    assert round(pls["paths"]["CUSA -> CUSL"]["coef"], 3) == 0.504
    assert set(pls["r2"]) == {"CUSA", "CUSL"} and set(pls["q2"]) == {"CUSA", "CUSL"}
    assert set(pls["reliability"]["COMP"]) == {"alpha", "rho_a", "rho_c", "ave"}
    assert "COMP~LIKE" in pls["htmt"] and "COMP -> CUSA" in pls["f2"] and 0 < pls["srmr"] < 0.1
    assert pls["loadings"]["cusa"] == pytest.approx(1.0)
    assert data["hypotheses"]["H3"]["supported"] is False and data["hypotheses"]["H5"]["supported"] is True
    assert data["hypotheses"]["H6"]["path"] == "COMP -> CUSA -> CUSL"

def pls_document(example, lang, tmp_path):
    from reportgen.pipeline import compose

    composed = compose(EXAMPLES / example / "study.yaml", lang)
    return composed.document, composed.results

@pytest.mark.parametrize("example,lang", [("corp-rep", "en"), ("corp-rep", "id"), ("mobi", "id"), ("mobi", "en")])
def test_pls_chapter_numbers_agree_with_tables(example, lang, tmp_path):
    from helpers import numbers_checked_against_tables

    doc, _ = pls_document(example, lang, tmp_path)
    assert numbers_checked_against_tables(doc, lang) > 40

def test_pls_chapter_structure(tmp_path):
    from reportgen.report.document import Section

    doc, results = pls_document("mobi", "id", tmp_path)
    titles = [s.title for s in doc.sections[0].blocks if isinstance(s, Section)]
    assert titles == ["Deskripsi Variabel Penelitian", "Evaluasi Model Pengukuran (Outer Model)", "Evaluasi Model Struktural (Inner Model)",
                      "Pengujian Hipotesis", "Hasil Analisis Kualitatif"]
    keys = set(doc.tables())
    assert {"pls.loadings", "pls.ave", "pls.fl", "pls.htmt", "pls.cross", "pls.reliability", "pls.inner_vif", "pls.r2", "pls.f2",
            "pls.paths", "pls.indirect"} <= keys
    assert [f.path.name for f in doc.figures()][-1] == "path_diagram.png"
    assert [s.title.split(":")[0] for s in doc.sections[1].blocks if isinstance(s, Section)] == [f"H{i}" for i in range(1, 8)]

def test_mobi_renders_pdf_and_docx(tmp_path):
    from docx import Document as WordDocument
    from pypdf import PdfReader

    run_study(EXAMPLES / "mobi" / "study.yaml", tmp_path / "o")
    pdf = PdfReader(tmp_path / "o" / "bab5.pdf")
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert len(pdf.pages) >= 15
    for word in ("Outer Loading", "Fornell-Larcker", "HTMT", "rho_C", "AVE", "R²", "Q²", "f²", "SRMR", "Diagram Jalur", "Harga dan nilai"):
        assert word in text, word
    assert len(WordDocument(tmp_path / "o" / "bab5.docx").tables) >= 15


def test_mobi_removes_indicators_by_the_rule_and_reports_each_criterion(tmp_path):
    """mobi (indicator_removal: hair): CUSL2 (0,202 < 0,40), IMAG3 and CUEX3 (their removal raises AVE
    to 0,537 and 0,663) go; CUEX's rho_A 0,494 and three HTMT values ≥ 0,90 remain and are said."""
    run_study(EXAMPLES / "mobi" / "study.yaml", tmp_path / "o", formats=["json"])
    pls = json.loads((tmp_path / "o" / "results.json").read_text())["pls"]
    assert pls["indicator_removal"] == "hair"
    assert [(s["indicator"], s["rule"]) for s in pls["removed_indicators"]] == [
        ("CUSL2", "below_floor"), ("IMAG3", "raises_ave_cr"), ("CUEX3", "raises_ave_cr")]
    assert "CUSL2" not in pls["loadings"] and round(pls["reliability"]["IMAG"]["ave"], 3) == 0.537
    assert round(pls["initial_reliability"]["IMAG"]["ave"], 3) == 0.478
    outcome = {name: (c["outcome"], c["failing"]) for name, c in pls["assessment"].items() if name != "measurement_model"}
    assert outcome == {"indicator_reliability": ("met", []), "internal_consistency": ("not_met", ["CUEX"]),
                       "convergent_validity": ("met", []), "htmt": ("not_met", ["IMAG~PERQ", "IMAG~CUSA", "PERQ~CUSA"]),
                       "fornell_larcker": ("not_met", ["IMAG", "PERQ"]), "cross_loadings": ("met", [])}
    assert pls["assessment"]["measurement_model"]["outcome"] == "inadequate"
    assert pls["assessment"]["indicator_reliability"]["verdicts"]["IMAG2"]["outcome"] == "retained"


def test_mobi_without_removal_names_what_the_rule_would_remove(tmp_path):
    from helpers import example_variant

    def keep_all(config):
        config["model"]["indicator_removal"] = "none"

    run_study(example_variant("mobi", tmp_path / "s", keep_all), tmp_path / "o", formats=["json"])
    pls = json.loads((tmp_path / "o" / "results.json").read_text())["pls"]
    assert pls["removed_indicators"] == [] and "CUSL2" in pls["loadings"]
    assert [s["indicator"] for s in pls["removal_rule"]] == ["CUSL2", "IMAG3", "CUEX3"]
    assessment = pls["assessment"]
    assert assessment["indicator_reliability"]["failing"] == ["IMAG3", "CUEX3", "CUSL2"]
    assert assessment["convergent_validity"]["failing"] == ["IMAG", "CUEX"]
    assert assessment["htmt"]["failing"] == ["IMAG~PERQ", "IMAG~CUSA", "PERQ~CUSA", "CUSA~CUSL"]
    assert assessment["internal_consistency"]["failing"] == ["CUEX"]  # rho_A 0,462; CUSL's alpha 0,472 is only a lower bound
