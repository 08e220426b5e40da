"""A generated PLS study whose HTMT interval crosses 1 (the issue's finding: HTMT 0,888 marked valid
while its bootstrap interval [0,698; 1,116] included 1).

Two constructs X1 and X2 with a latent correlation of 0,85 (60 respondents, three noisy items each,
seed 22, the first seed of a search in which every other criterion is met) and Y explained by both:
HTMT(X1, X2) = 0,887 is below 0,90, but its one-sided 95% upper bound (the 95th percentile of 1 000
bootstrap HTMT values, seed 7) is 1,016. Discriminant validity
is therefore not established (Henseler, Ringle & Sarstedt, 2015; Hair et al., 2022), in the table,
the text, the summary and the decision of every hypothesis whose path runs through X1 or X2, in
both languages, and the chapter never contradicts its tables (tests/consistency.py).
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from consistency import problems, table_claims
from helpers import LABELS, write_study

from reportgen.pipeline import compose

LANGUAGES = ("id", "en")
SEED, N, RHO = 22, 60, 0.85


def rows() -> list[dict]:
    """X1 and X2 correlated RHO, Y = 0,3 X1 + 0,3 X2 + noise; items 3 + 0,9 f + N(0, 0,85²) rounded into 1–5."""
    rng = np.random.default_rng(SEED)
    x = rng.multivariate_normal([0, 0], [[1, RHO], [RHO, 1]], size=N)
    y = 0.3 * x[:, 0] + 0.3 * x[:, 1] + rng.normal(scale=0.8, size=N)
    columns = {}
    for code, f in (("X1", x[:, 0]), ("X2", x[:, 1]), ("Y", y)):
        for k in (1, 2, 3):
            columns[f"{code}.{k}"] = np.clip(np.round(3 + 0.9 * f + rng.normal(scale=0.85, size=N)), 1, 5).astype(int)
    return [{"rid": f"R{i + 1}", "jk": "L" if i % 3 else "P", **{c: int(v[i]) for c, v in columns.items()}} for i in range(N)]


def config(htmt: float | None = None) -> dict:
    model = {"type": "pls", "paths": ["X1 -> Y", "X2 -> Y"], "bootstrap": 1000, "seed": 7}
    if htmt is not None:
        model["htmt"] = htmt
    return {
        "study": {"title": "Studi PLS", "author": "Uji", "year": 2024, "language": "id", "chapters": [5, 6]},
        "data": {"path": "responses.csv", "id": "rid"},
        "scale": {"min": 1, "max": 5, "labels": LABELS},
        "respondents": [{"column": "jk", "label": {"id": "Jenis Kelamin", "en": "Gender"}, "order": ["L", "P"]}],
        "constructs": {
            "X1": {"name": {"id": "Kepercayaan", "en": "Trust"}, "items": {"X1.1": "a", "X1.2": "b", "X1.3": "c"}},
            "X2": {"name": {"id": "Komitmen", "en": "Commitment"}, "items": {"X2.1": "a", "X2.2": "b", "X2.3": "c"}},
            "Y": {"name": {"id": "Loyalitas", "en": "Loyalty"}, "items": {"Y.1": "a", "Y.2": "b", "Y.3": "c"}},
        },
        "model": model,
        "hypotheses": {"H1": {"path": "X1 -> Y", "expect": "positive"}, "H2": {"path": "X2 -> Y", "expect": "positive"}},
        "settings": {"alpha": 0.05, "tails": "two"},
    }


@pytest.fixture(scope="module")
def study(tmp_path_factory):
    return write_study(tmp_path_factory.mktemp("pls_htmt"), config(), rows())


@pytest.fixture(scope="module", params=LANGUAGES)
def composed(request, study):
    return compose(study, request.param)


def paragraphs(document) -> list[str]:
    return [b.text for b in document.walk() if hasattr(b, "claims")]


def test_the_interval_crosses_1_while_htmt_is_below_the_threshold(composed):
    htmt = composed.payload["pls"]["htmt_boot"]["X1~X2"]
    assert round(htmt["htmt"], 3) == 0.887 and round(htmt["ci_low"], 3) == 0.766 and round(htmt["ci_high"], 3) == 1.016
    assert htmt["upper_bound_level"] == pytest.approx(0.95) and htmt["two_sided_level"] == pytest.approx(0.90)
    verdict = composed.payload["pls"]["assessment"]["htmt"]["verdicts"]["X1~X2"]
    assert (verdict["outcome"], verdict["rule"], verdict["threshold"]) == ("not_established", "htmt_upper_bound", 0.9)
    assert verdict["value"] == pytest.approx(htmt["ci_high"])  # the rule reads the upper bound
    assert verdict["citation"] == "Hair et al., 2022; Henseler et al., 2015"


def test_table_text_and_summary_say_it_and_never_contradict_each_other(composed):
    doc, lang = composed.document, composed.document.lang
    assert problems(doc, composed.labels) == []
    shown = table_claims(doc)
    assert shown["htmt:X1~X2"] == {"not_established"} and shown["measurement"] == {"inadequate"}
    table = doc.tables()["pls.htmt"]
    assert [c.text for c in table.header[0]] == (
        ["Pasangan Konstruk", "HTMT", "5%", "95% (< 0,90)", "Keterangan"]
        if lang == "id"
        else ["Construct Pair", "HTMT", "5%", "95% (< 0.90)", "Result"]
    )
    assert [c.text for c in table.body[0]][1:] == (
        ["0,887", "0,766", "1,016", "Tidak terbukti"] if lang == "id" else ["0.887", "0.766", "1.016", "Not established"]
    )
    text = " ".join(paragraphs(doc))
    said = {
        "id": "Pasangan X1 ↔ X2 (HTMT 0,887; batas atas 1,016) memiliki HTMT di bawah 0,90, tetapi batas atas intervalnya "
        "mencapai batas tersebut, sehingga HTMT-nya tidak terbukti berada di bawah 0,90.",
        "en": "X1 ↔ X2 (HTMT 0.887, upper bound 1.016) has an HTMT below 0.90, but its interval reaches it, so it is not "
        "significantly below the threshold.",
    }
    assert said[lang] in text
    summary = doc.tables()["pls.summary"]
    row = next(r for r in summary.body if r[-1].claim == ("criterion:htmt", "not_met"))
    assert row[1].text == ("batas atas 95% < 0,90" if lang == "id" else "95% upper bound < 0.90") and row[2].text == "X1 ↔ X2"


def test_every_decision_through_the_pair_carries_the_caveat(composed):
    """H1 (X1 → Y) and H2 (X2 → Y): in full in the hypothesis test; in their discussions the pair
    in one clause (X1 ↔ X2 has a construct of each path), pointing back to the test; once before
    the conclusions of BAB VI, not again under each."""
    lang = composed.document.lang
    caveat = {
        "id": "Temuan ini bersifat sementara karena pengukuran konstruk pada jalur ini belum memadai: validitas diskriminan "
        "Kepercayaan ↔ Komitmen tidak terpenuhi (HTMT; Henseler et al., 2015).",
        "en": "This finding is provisional, as the measurement of the constructs of this path falls short: discriminant "
        "validity is not established for Trust ↔ Commitment (HTMT; Henseler et al., 2015).",
    }[lang]
    pointer = {
        "id": "Temuan ini bersifat sementara karena validitas diskriminan Kepercayaan ↔ Komitmen tidak terpenuhi (HTMT; "
        "Henseler et al., 2015); lihat pengujian hipotesisnya dan Tabel",
        "en": "This finding is provisional, as discriminant validity is not established for Trust ↔ Commitment (HTMT; "
        "Henseler et al., 2015); see its hypothesis test and Table",
    }[lang]
    for h in ("H1", "H2"):
        about = [p for p in paragraphs(composed.document) if any(c == f"hypothesis:{h}" for c, _ in _claims(composed, p))]
        carrying = [p for p in about if caveat in p]
        pointing = [p for p in about if pointer in p]
        assert (len(carrying), len(pointing)) == (1, 1), (h, len(carrying), len(pointing))  # 5.1 test in full; 5.2 the pair
        assert composed.payload["hypotheses"][h]["measurement_caveat"]["htmt"] == ["X1~X2"]
    summary = {
        "id": "Seluruh kesimpulan berikut bersifat sementara karena pengukuran konstruk pada jalur-jalurnya belum memadai (BAB V): "
        "validitas diskriminan Kepercayaan ↔ Komitmen tidak terpenuhi (HTMT; Henseler et al., 2015).",
        "en": "All the conclusions below are provisional, as the measurement of the constructs of their paths falls short (CHAPTER 5): "
        "discriminant validity is not established for Trust ↔ Commitment (HTMT; Henseler et al., 2015).",
    }[lang]
    assert sum(p.startswith(summary) for p in paragraphs(composed.document)) == 1  # BAB VI, once
    assert set(composed.payload["conclusions"]["caveats"]) == {"H1", "H2"}


def _claims(composed, text):
    return next(b.claims for b in composed.document.walk() if hasattr(b, "claims") and b.text == text)


@pytest.mark.parametrize(
    "threshold,outcome,citation",
    [
        (1, "not_established", "Henseler et al., 2015"),  # HTMT_inference: the interval must exclude 1
        (0.85, "invalid", "Hair et al., 2022; Henseler et al., 2015"),  # 0,887 ≥ 0,85 itself
    ],
)
def test_the_threshold_chosen_decides_and_is_stated(threshold, outcome, citation, tmp_path):
    path = write_study(tmp_path, config(threshold), rows())
    composed = compose(path, "en")
    verdict = composed.payload["pls"]["assessment"]["htmt"]["verdicts"]["X1~X2"]
    assert (verdict["outcome"], verdict["threshold"], verdict["citation"]) == (outcome, float(threshold), citation)
    assert problems(composed.document, composed.labels) == []
    note = composed.document.tables()["pls.htmt"].notes[0]
    assert ("HTMT_inference: the interval must exclude 1" in note) == (threshold == 1)
    assert json.dumps(composed.payload["pls"]["assessment"]["htmt"]["failing"]) == '["X1~X2"]'
