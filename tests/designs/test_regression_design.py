"""The regression design on the reference thesis's replica, and a one-predictor variant of it."""

import csv
import json

import numpy as np
import pytest
from helpers import EXAMPLES, composed_example, example_variant

from reportgen.pipeline import compose, run_study
from reportgen.report.document import Paragraph, Section
from reportgen.words.locale import fmt, fmt_unit

# NIST StRD, Longley (1967), certified values: https://www.itl.nist.gov/div898/strd/lls/data/Longley.shtml


def test_thesis_replica_reproduces_published_indexes(tmp_path):
    run_study(EXAMPLES / "luwu-timur" / "study.yaml", tmp_path / "o", formats=["json"])
    result = json.loads((tmp_path / "o" / "results.json").read_text())
    means = {c: round(v["index_mean"], 3) for c, v in result["constructs"].items()}
    # Tabel 5.4, 5.6, 5.8, 5.10, 5.12, 5.14: 71,72; 68,2; 68,025; 68,3; 68,07; 70,2
    assert means == {"X1": 71.72, "X2": 68.2, "X3": 68.025, "X4": 68.3, "X5": 68.067, "Y": 70.2}
    assert all(v["category"] == "high" for v in result["constructs"].values())
    assert result["constructs"]["X4"]["items"]["X4.4"]["freq"] == {"1": 0, "2": 1, "3": 2, "4": 56, "5": 21}
    assert round(result["validity"]["r_table"], 4) == 0.2199
    assert (round(result["regression"]["dl"], 3), round(result["regression"]["du"], 3)) == (1.507, 1.772)
    assert result["n_used"] == 80 and result["n_excluded"] == 0


# --- one predictor: a simple linear regression study ---------------------------------------------


def _one_predictor(config):
    config["model"]["predictors"] = ["X1"]
    for name in ("X2", "X3", "X4", "X5"):
        del config["constructs"][name]
    config["hypotheses"] = {"H1": config["hypotheses"]["H1"]}


@pytest.fixture(scope="module")
def simple_study(tmp_path_factory):
    return example_variant("luwu-timur", tmp_path_factory.mktemp("simple"), _one_predictor)


def _sum_scores(prefix: str) -> np.ndarray:
    """A construct's sum score read straight from the example's CSV (all answers are codes 1–5)."""
    with (EXAMPLES / "luwu-timur" / "responses.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    columns = [c for c in rows[0] if c.startswith(prefix)]
    return np.array([sum(int(r[c]) for c in columns) for r in rows], dtype=float)


def _children(doc, title):
    parent = next(b for b in doc.walk() if isinstance(b, Section) and b.title == title)
    return [(b.number, b.title) for b in parent.blocks if isinstance(b, Section)]


def _results_text(doc) -> str:
    """Every sentence of x.1 (the discussion, x.2, is written elsewhere)."""
    results = doc.sections[0]
    out = []

    def visit(blocks):
        for block in blocks:
            if isinstance(block, Paragraph):
                out.append(block.text)
            elif isinstance(block, Section):
                out.append(block.title)
                visit(block.blocks)

    visit(results.blocks)
    return "\n".join(out)


SIMPLE_WORDS = {
    "id": (
        "Analisis Regresi Linier Sederhana",
        "Hasil Analisis Regresi Linier Sederhana",
        "Uji t",
        "regresi linier sederhana",
        ("berganda", "simultan", "multikolinearitas", "variabel lain tetap"),
    ),
    "en": (
        "Simple Linear Regression Analysis",
        "Simple Linear Regression Results",
        "t Test",
        "simple linear regression",
        ("multiple", "jointly", "simultaneous", "multicollinearity", "other variables held"),
    ),
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_one_predictor_gives_a_simple_regression_chapter(simple_study, lang):
    import statsmodels.api as sm

    heading, title, t_heading, wording, absent = SIMPLE_WORDS[lang]
    composed = compose(simple_study, lang)
    doc, labels = composed.document, composed.labels
    tables = doc.tables()
    assert tables["coefficients"].title == title
    assert heading in {b.title for b in doc.walk() if isinstance(b, Section)}
    # no multicollinearity test, no F test; the remaining subsections lettered without gaps
    assert "multicollinearity" not in tables and "anova" not in tables
    assert _children(doc, labels["assumptions"]) == [
        ("a.", labels["normality"]),
        ("b.", labels["heteroscedasticity"]),
        ("c.", labels["autocorrelation"]),
    ]
    assert _children(doc, labels["hypotheses"]) == [("a.", t_heading), ("b.", labels["determination"])]
    text = _results_text(doc)
    assert wording in text.lower()
    for word in absent:
        assert word not in text.lower(), word
    # R² read for one predictor: R is |r| of X1 and Y
    determination = next(b.text for b in doc.walk() if isinstance(b, Paragraph) and b.refs == ("determination",) and "R Square" in b.text)
    assert ("korelasi Pearson" if lang == "id" else "Pearson correlation") in determination

    # the numbers are statsmodels' OLS of the same sum scores
    x, y = _sum_scores("X1."), _sum_scores("Y")
    fit = sm.OLS(y, sm.add_constant(x)).fit()
    reg = composed.results.regression
    assert reg.coefficients["X1"].b == pytest.approx(fit.params[1], rel=1e-9)
    assert reg.coefficients["X1"].t == pytest.approx(fit.tvalues[1], rel=1e-9)
    assert reg.r2 == pytest.approx(fit.rsquared, rel=1e-9)
    assert reg.r == pytest.approx(abs(np.corrcoef(x, y)[0, 1]), rel=1e-9)
    printed = [c.text for c in tables["coefficients"].body[1]]
    assert fmt(fit.params[1], 3, lang) in printed and fmt(fit.tvalues[1], 3, lang) in printed
    assert fmt_unit(fit.rsquared, 3, lang) in tables["determination"].texts()  # R²: .491 in English (APA 7)
    # results.json: multicollinearity is not applicable
    coefficient = composed.payload["regression"]["coefficients"]["X1"]
    assert coefficient["tolerance"] is None and coefficient["vif"] is None
    assert composed.payload["assumptions"]["verdicts"]["multicollinearity"] == {}
    assert not any(w.startswith("multicollinearity") for w in composed.payload["warnings"])


# --- the residual figures, described by their numbers ---------------------------------------------


def _figure_paragraph(doc, figure_key: str) -> Paragraph:
    """The paragraph that describes figure ``figure_key`` (it names the figure's number)."""
    figure = next(f for f in doc.figures() if f.key == figure_key)
    word = {"id": "Gambar", "en": "Figure"}[doc.lang]
    return next(b for b in doc.walk() if isinstance(b, Paragraph) and f"{word} {figure.number}" in b.text and b.refs and b.claims)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_figure_sentences_print_what_the_figures_show(lang):
    composed = composed_example("luwu-timur", lang)
    doc, plots = composed.document, composed.results.residual_plots
    pp = _figure_paragraph(doc, "pp")
    assert fmt_unit(plots.pp_distance, 3, lang) in pp.text  # a distance between probabilities: .058 in English
    for value in (plots.skewness, plots.excess_kurtosis):
        assert fmt(value, 3, lang) in pp.text
    assert pp.claims == (("normality", composed.results.assumptions.normality.outcome),)
    assert ("dasar keputusan" if lang == "id" else "not as the decision") in pp.text
    scatter = _figure_paragraph(doc, "scatter")
    assert "; ".join(fmt(v, 3, lang) for v in plots.spread.sd) in scatter.text
    assert fmt(plots.spread.ratio, 3, lang) in scatter.text
    assert {s for s, _ in scatter.claims} == (
        {f"glejser:{x}" for x in composed.results.regression.predictors} | {"breusch_pagan", "heteroscedasticity"} | {"range:Y"}
    )  # Y answered on two points: its stripes are said (issue 30)
    # the numbers are the ones printed in the tables the sentences cite
    assert fmt_unit(plots.pp_distance, 3, lang) in doc.tables()["normality"].texts()
    assert any(fmt(plots.spread.ratio, 3, lang) in note for note in doc.tables()["glejser"].notes)
    # what the chapter's figures say equals results.json
    shown = composed.payload["assumptions"]["residual_plots"]
    assert shown["pp_distance"] == plots.pp_distance and shown["sresid_sd_by_third"] == list(plots.spread.sd)
