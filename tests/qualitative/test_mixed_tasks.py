"""A discordant hypothesis of a mixed-methods study: the discussion states what each strand shows
(the questionnaire's decision, the themes that disagree with it) and never asks the author
anything; explaining the difference is the author's task (a Word comment, a margin note), gone
once ``hypotheses.<H>.discussion`` is written."""

from __future__ import annotations

import pytest
from consistency import problems
from test_mixed_chapter import mixed_study

from reportgen.pipeline import compose
from reportgen.report.document import Paragraph, Task

# H1 is accepted and H2 rejected in this study (tests/qualitative/test_mixed_chapter.py), so a
# theme that contradicts H1 and one that supports H2 are both discordant (Fetters et al., 2013)
DISCORDANT = {
    "Tekanan koersif": {"title": {"id": "Tekanan koersif", "en": "Coercive pressure"}, "explains": {"H1": "contradicts", "H2": "supports"}},
    "Tekanan normatif": {"explains": ["H1"], "quotes": ["membuat kami paham"]},
}
CLOSING = {
    "id": [
        "Singkatnya, data kuesioner mendukung H1, sedangkan tema Tekanan koersif menggambarkan hal yang tidak sejalan dengan hubungan tersebut.",
        "Singkatnya, data kuesioner tidak mendukung H2, sedangkan tema Tekanan koersif menggambarkan hubungan yang dihipotesiskan.",
    ],
    "en": [
        "In short, the questionnaire data support H1, while Coercive pressure describes what does not fit that association.",
        "In short, the questionnaire data do not support H2, while Coercive pressure describes the hypothesised association.",
    ],
}
COMMENT = {
    "id": "Data kuesioner dan temuan wawancara tidak sejalan pada H2. Jelaskan perbedaan itu, misalnya dari ukuran "
    "sampel, cara konstruk diukur, atau perbedaan pengalaman antara informan dan responden, pada "
    "hypotheses.H2.discussion.",
    "en": "The questionnaire data and the interviews disagree on H2. Explain the difference, for instance by the sample "
    "size, the way the construct is measured, or a difference between the informants' and the respondents' "
    "experience, under hypotheses.H2.discussion.",
}


def _subsections(doc) -> dict:
    return {s.title.split(":")[0]: s for s in doc.sections[1].blocks if hasattr(s, "title")}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_discordance_is_stated_from_the_data_and_its_explanation_is_a_task(tmp_path, lang):
    composed = compose(mixed_study(tmp_path, DISCORDANT), lang)
    doc = composed.document
    decisions = {e["hypothesis"]: e["decision"] for e in composed.payload["effects"]}
    assert (decisions["H1"], decisions["H2"]) == ("accepted", "rejected")
    subs = _subsections(doc)
    for k, code in enumerate(("H1", "H2")):
        mixed = next(b for b in subs[code].blocks if isinstance(b, Paragraph) and b.text.endswith(CLOSING[lang][k]))
        assert (f"hypothesis:{code}", decisions[code]) in mixed.claims
        after = subs[code].blocks[subs[code].blocks.index(mixed) + 1 :]
        assert [(t.kind, t.subject) for t in after] == [("discordant", code), ("literature", code)]  # both beside it
    [discordant] = [t for _, t in doc.tasks() if t.kind == "discordant" and t.subject == "H2"]
    assert discordant.comment == COMMENT[lang]
    assert discordant.mark == {"id": "H2: jelaskan mengapa kedua fase tidak sejalan.", "en": "H2: explain why the two strands disagree."}[lang]
    text = " ".join(b.text for b in doc.walk() if isinstance(b, Paragraph))
    assert "penulis" not in text and "author" not in text and "hypotheses." not in text
    assert problems(doc, composed.labels) == []


def test_the_authors_explanation_ends_the_task(tmp_path):
    import yaml

    study = mixed_study(tmp_path, DISCORDANT)
    config = yaml.safe_load(study.read_text(encoding="utf-8"))
    config["hypotheses"]["H2"]["discussion"] = "Informan berbicara tentang pimpinan, bukan tentang seluruh pegawai."
    study.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    doc = compose(study, "id").document
    assert [(t.kind, t.subject) for _, t in doc.tasks()] == [("discordant", "H1"), ("literature", "H1"), ("literature", "H3")]
    h2 = [b for b in _subsections(doc)["H2"].blocks if isinstance(b, (Paragraph, Task))]
    assert h2[-1].text == "Informan berbicara tentang pimpinan, bukan tentang seluruh pegawai."
    assert h2[-2].text.endswith(CLOSING["id"][1])  # the discordance is still stated
