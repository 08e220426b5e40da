"""The discussion states what the cited works found and reads them against the decision (issue 30):
``supports: [{key: finding}]`` gives "…, yang menemukan bahwa <finding>", a work that found the
hypothesised association is 'in line' with a supported hypothesis and 'differs' from a rejected
one (before, every cited work was "sejalan" whatever the decision); ``theory:`` adds the
hypothesis's theory with its citation, and every cited work is in the reference list."""

from __future__ import annotations

import pytest
from helpers import composed_example, example_variant, invoke

from reportgen.pipeline import compose
from reportgen.report.document import Paragraph, Section

WINARA_H4 = {
    "id": "Temuan ini sejalan dengan penelitian Winara dan Putri (2019), yang menemukan bahwa evaluasi berpengaruh positif dan "
    "signifikan terhadap akuntabilitas kinerja Sekretariat BPSDM Perhubungan.",
    "en": "This finding is in line with Winara and Putri (2019), who found that evaluation was positively and significantly "
    "related to the performance accountability of the BPSDM Perhubungan secretariat.",
}
THEORY_H1 = {
    "id": "Dalam siklus SAKIP, perencanaan kinerja menetapkan sasaran dan indikator kinerja yang menjadi dasar pertanggungjawaban "
    "instansi atas hasil kerjanya (Lembaga Administrasi Negara, 2003).",
    "en": "In the SAKIP cycle, performance planning sets the objectives and indicators against which an agency later accounts for "
    "its results (Lembaga Administrasi Negara, 2003).",
}


def _discussion_of(doc, hypothesis: str) -> list[str]:
    sub = next(b for b in doc.walk() if isinstance(b, Section) and b.title.startswith(f"{hypothesis}: "))
    return [b.text for b in sub.blocks if isinstance(b, Paragraph)]


def _references(doc) -> list[str]:
    return [b.text for b in doc.walk() if getattr(b, "style", "") == "reference"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_discussion_says_what_the_cited_work_found_and_the_theory(lang):

    doc = composed_example("luwu-timur", lang).document
    assert WINARA_H4[lang] in _discussion_of(doc, "H4")
    assert THEORY_H1[lang] in _discussion_of(doc, "H1")
    assert any(r.startswith("Lembaga Administrasi Negara. (2003).") for r in _references(doc))


def _h2_cites_winara(config):
    config["hypotheses"]["H2"] = {
        "path": "X2 -> Y",
        "expect": "positive",
        "supports": [
            {
                "winara2019": {
                    "id": "pengukuran berhubungan positif dengan akuntabilitas",
                    "en": "measurement was positively related to accountability",
                }
            }
        ],
        "theory": {"text": "Teori X", "cite": ["hair2022"]},
    }


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_rejected_hypothesis_differs_from_the_work_that_found_the_association(lang, tmp_path):
    """H2 is rejected in the replica: a work that found the association is not 'in line' with it."""
    doc = compose(example_variant("luwu-timur", tmp_path, _h2_cites_winara), lang).document
    text = " ".join(_discussion_of(doc, "H2"))
    said = {
        "id": "Temuan ini berbeda dengan penelitian Winara dan Putri (2019), yang menemukan bahwa pengukuran berhubungan positif "
        "dengan akuntabilitas; perbedaan ini tidak menunjukkan bahwa hubungan tersebut tidak ada",
        "en": "This finding differs from Winara and Putri (2019), who found that measurement was positively related to "
        "accountability; the difference does not show that the association is absent",
    }[lang]
    assert said in text and "sejalan dengan penelitian Winara" not in text and "in line with Winara" not in text
    assert "Teori X (Hair et al., 2022)." in text  # a theory may cite a work of the built-in bibliography
    assert any(r.startswith("Hair, J. F.") and "(2022)" in r for r in _references(doc))


@pytest.mark.parametrize(
    "edit,message",
    [
        (
            lambda c: c["hypotheses"]["H2"].update(findings={"winara2019": "x"}) if isinstance(c["hypotheses"]["H2"], dict) else None,
            "findings: 'winara2019' is cited under neither supports nor contradicts",
        ),
        (lambda c: c["hypotheses"]["H2"].update(theory={"text": "T", "cite": ["nobody2020"]}), "'nobody2020' is not in references.bib"),
    ],
)
def test_findings_and_theory_keys_are_checked(edit, message, tmp_path):
    def change(config):
        config["hypotheses"]["H2"] = {"path": "X2 -> Y", "expect": "positive"}
        edit(config)

    result = invoke(["validate", example_variant("luwu-timur", tmp_path, change)])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
