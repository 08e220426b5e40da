"""The regression chapter explains its results from the data (issue 30), on the thesis replica:
X2, X3 and X5 correlate 0.597, 0.540 and 0.510 with Y but are not significant in the model (their
association is shared with the other predictors), and Y is answered only with 4 and 5 (scores
24–30 of 6–30: a restricted range, which draws the residual scatterplot in stripes). Before, the
discussion (5.2) said neither. Values are those of tests/fixtures/partial/luwu-timur.json (R)."""

from __future__ import annotations

import json

import pytest
from consistency import problems
from helpers import FIXTURES, composed_example, example_variant, numbers_checked_against_tables
from test_regression_design import _one_predictor

from reportgen.pipeline import compose
from reportgen.report.document import Paragraph, Section

LANGS = ("id", "en")


@pytest.fixture(scope="module", params=LANGS)
def replica(request):
    return composed_example("luwu-timur", request.param)


def _discussion_of(doc, hypothesis: str) -> str:
    """The text of hypothesis ``hypothesis``'s subsection of the discussion."""
    sub = next(b for b in doc.walk() if isinstance(b, Section) and b.title.startswith(f"{hypothesis}: "))
    return " ".join(b.text for b in sub.blocks if isinstance(b, Paragraph))


SHARED = {
    "id": "Secara sendiri, Pengukuran Kinerja berkorelasi signifikan dengan Akuntabilitas Kinerja (r = 0,597; Tabel 5.31), "
    "tetapi hanya sr² = 0,005 dari varians Akuntabilitas Kinerja yang unik miliknya dalam model (r semiparsial = 0,073): "
    "bagian yang dibaginya bersama variabel lain tidak dikreditkan kepada satu pun dari mereka",
    "en": "On its own, Performance Measurement correlates significantly with Performance Accountability (r = .597; Table 5.31), "
    "but only sr² = .005 of the variance of Performance Accountability is unique to it in the model (semipartial r = .073): "
    "what it shares with the other variables is credited to none of them",
}
INTERVAL = {
    "id": "Interval kepercayaan 95% untuk koefisien terstandardisasinya berkisar dari −0,088 sampai 0,299: interval ini mencakup nol",
    "en": "The 95% confidence interval of its standardised coefficient runs from −0.088 to 0.299: it includes zero",
}
RANGE = {
    "id": "Semua jawaban atas butir Akuntabilitas Kinerja bernilai Setuju (4) atau Sangat Setuju (5), sehingga skornya hanya berkisar "
    "dari 24 sampai 30 dari rentang yang mungkin 6–30 (Tabel 5.16)",
    "en": "All answers to the Performance Accountability items are Agree (4) or Strongly Agree (5), so its scores run only from 24 "
    "to 30 of a possible 6–30 (Table 5.16)",
}
JOINT = {
    "id": "bagian yang unik bagi masing-masing (sr²) berjumlah 0,247 (Tabel 5.31): 0,420 sisanya dijelaskan oleh variabel-variabel itu "
    "secara bersama-sama",
    "en": "the parts unique to each of them (sr²) add up to .247 (Table 5.31): the other .420 of R² is explained by the variables jointly",
}
STRIPES = {
    "id": "Akuntabilitas Kinerja (Y) hanya memiliki 7 skor yang berbeda (24–30; Tabel 5.16), sehingga titik-titik tersusun pada garis-garis sejajar",
    "en": "Performance Accountability (Y) takes only 7 distinct scores (24–30; Table 5.16), so the points lie on parallel stripes",
}


def test_the_discussion_explains_the_predictors_not_significant_in_the_model(replica):
    lang = replica.document.lang
    h2 = _discussion_of(replica.document, "H2")
    assert SHARED[lang] in h2 and INTERVAL[lang] in h2 and RANGE[lang] in h2
    for hypothesis in ("H3", "H5"):
        text = _discussion_of(replica.document, hypothesis)
        assert ("tidak dikreditkan kepada satu pun" if lang == "id" else "credited to none of them") in text
        assert RANGE[lang] not in text and "H2" not in text  # the range of Y is told once, where it first applies
    for hypothesis in ("H1", "H4"):  # significant, no suppression: nothing to explain
        text = _discussion_of(replica.document, hypothesis)
        assert "sr²" not in text and "Tabel 5.16" not in text and "Table 5.16" not in text
    h6 = _discussion_of(replica.document, "H6")
    assert JOINT[lang] in h6 and RANGE[lang] not in h6


def test_the_scatterplot_stripes_are_said(replica):
    lang = replica.document.lang
    heteroscedasticity = next(
        b for b in replica.document.walk() if isinstance(b, Paragraph) and "ZPRED" in b.text and b.claims and "glejser" in b.refs
    )
    assert STRIPES[lang] in heteroscedasticity.text
    assert ("range:Y", "restricted") in heteroscedasticity.claims and "score_range" in heteroscedasticity.refs


def test_every_number_is_printed_in_a_table_and_no_sentence_contradicts_one(replica):
    doc = replica.document
    assert numbers_checked_against_tables(doc, doc.lang) > 0
    assert problems(doc, replica.labels) == []
    tables = doc.tables()
    shares = tables["shares.Y"]
    assert [[c.text for c in row][-1] for row in shares.body] == [
        replica.labels["explain_words"][o] for o in ("none", "shared_variance", "shared_variance", "none", "shared_variance")
    ]
    assert [c.claim for c in tables["score_range"].body[-1] if c.claim] == [("range:Y", "restricted"), ("ceiling:Y", "none")]
    # the range table is the last lettered subsection of the descriptive statistics, before validity
    descriptives = next(b for b in doc.walk() if isinstance(b, Section) and b.title == replica.labels["descriptives"])
    last = [b for b in descriptives.blocks if isinstance(b, Section)][-1]
    assert (last.number, last.title) == ("g.", replica.labels["score_range"]) and tables["score_range"].number == "5.16"


def test_results_json_carries_the_statistics_and_verdicts_as_r_computes_them(replica):
    reference = json.loads((FIXTURES / "partial" / "luwu-timur.json").read_text())
    payload = replica.payload
    shares = payload["regression"]["variance_shares"]
    for name, ref in reference["shares"]["predictors"].items():
        ours = shares["predictors"][name]
        for key in ("r", "partial_r", "semipartial_r", "sr2", "beta"):
            assert ours[key] == pytest.approx(ref[key], rel=1e-9), (name, key)
        assert ours["beta_ci"] == pytest.approx(ref["beta_ci"], rel=1e-9)
    assert shares["shared"] == pytest.approx(reference["shares"]["shared"], rel=1e-8)
    assert {n: p["verdict"]["outcome"] for n, p in shares["predictors"].items()} == {
        "X1": "none",
        "X2": "shared_variance",
        "X3": "shared_variance",
        "X4": "none",
        "X5": "shared_variance",
    }
    y = payload["score_ranges"]["Y"]
    assert (y["points"], y["observed"], y["range"]["outcome"], y["ceiling"]["outcome"]) == ([4, 5], [24.0, 30.0], "restricted", "none")
    assert [e["subject"] for e in payload["hypotheses"]["H2"]["explanations"]] == ["association:X2->Y", "range:Y"]
    assert [e["subject"] for e in payload["hypotheses"]["H6"]["explanations"]] == ["shared_r2", "range:Y"]
    assert payload["hypotheses"]["H1"]["explanations"] == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_simple_regression_has_no_shares_table_but_its_range(tmp_path, lang):
    """One predictor: its partial and semipartial r are its r, nothing is shared; the range of Y stays."""
    composed = compose(example_variant("luwu-timur", tmp_path, _one_predictor), lang)
    tables = composed.document.tables()
    assert "shares.Y" not in tables and "score_range" in tables
    assert problems(composed.document, composed.labels) == []
    assert composed.payload["hypotheses"]["H1"]["explanations"] == []  # accepted, no suppression


@pytest.mark.parametrize("lang", LANGS)
def test_the_path_design_explains_each_equation(lang):
    """Each equation of two or more predictors gets its shares table; a direct hypothesis whose
    predictor shares its association is explained in the discussion; results.json has the keys."""
    composed = composed_example("mediation", lang)
    doc, payload = composed.document, composed.payload
    tables = doc.tables()
    for target, fit in composed.results.model.regressions.items():
        assert (f"shares.{target}" in tables) is (len(fit.predictors) > 1)
        assert set(payload["path_model"][target]["variance_shares"]["predictors"]) == set(fit.predictors)
    assert "score_range" in tables and set(payload["score_ranges"]) == set(composed.results.described.constructs)
    said = {"id": "tidak dikreditkan kepada satu pun dari mereka", "en": "credited to none of them"}[lang]
    for name, hyp in payload["hypotheses"].items():
        shared = any(e["subject"].startswith("association:") and e["outcome"] == "shared_variance" for e in hyp["explanations"])
        assert (said in _discussion_of(doc, name)) is shared, name
    assert problems(doc, composed.labels) == [] and numbers_checked_against_tables(doc, lang) > 0
