"""The conclusions of a PLS study read its IPMA (Ringle & Sarstedt, 2016): the importance of each
predecessor is its unstandardised total effect in the rescaled scores, its performance the
weighted mean rescaled score with its t interval (results.json pls.ipma, the module pinned in
tests/stats/test_pls_ipma.py); the table and the sentence say so."""

from __future__ import annotations

import pytest
from consistency import problems
from helpers import composed_example

from reportgen.render.text import render_text


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_conclusions_read_the_ipma(lang):
    composed = composed_example("mobi", lang)
    out = composed.payload
    assert out["conclusions"]["importance_basis"] == "ipma" and out["pls"]["ipma"]["negative_weights"] == []
    for row in out["conclusions"]["importance_performance"]["CUSL"]:
        c = row["construct"]
        assert row["importance"] == pytest.approx(out["pls"]["ipma"]["importance"]["CUSL"][c], abs=1e-12)
        assert row["performance"] == pytest.approx(out["pls"]["ipma"]["performance"][c], abs=1e-12)
        assert row["performance_interval"] == pytest.approx(out["pls"]["ipma"]["performance_interval"][c], abs=1e-12)
    text = " ".join(render_text(composed.document, composed.labels).split())
    said = {
        "en": "its unstandardised total effect on Customer Loyalty in the construct scores rescaled to 0–100, the IPMA of Ringle and Sarstedt (2016)",
        "id": "efek total tidak terstandardisasi terhadap Loyalitas Pelanggan pada skor konstruk yang diubah ke skala 0–100",
    }[lang]
    assert said in text
    note = composed.document.tables()["importance.CUSL"].notes[0]
    assert {"en": "Importance: the unstandardised total effect", "id": "Kepentingan: efek total tidak terstandardisasi"}[lang] in note
    assert problems(composed.document, composed.labels) == []
