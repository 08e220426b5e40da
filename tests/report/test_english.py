"""English chapters are English: answer headers from the scale's English short labels, no
Indonesian word outside the study's own data (item texts, category values, the names the study
gives in one language only), and counts with the right form of their noun."""

import csv
import re

import pytest
import yaml
from helpers import EXAMPLES

from reportgen.pipeline import compose
from reportgen.render.text import render_text
from reportgen.report.document import Figure, Paragraph, Section, Table

NAMES = sorted(p.name for p in EXAMPLES.iterdir() if (p / "study.yaml").is_file())
INDONESIAN = (
    "dan",
    "yang",
    "dengan",
    "untuk",
    "tidak",
    "terhadap",
    "sumber",
    "tabel",
    "gambar",
    "jumlah",
    "keterangan",
    "sangat",
    "setuju",
    "responden",
    "diolah",
    "pengaruh",
    "variabel",
    "hipotesis",
    "diterima",
    "ditolak",
    "berdasarkan",
    "sebesar",
    "nilai",
    "hasil",
    "penelitian",
    "primer",
    "sekunder",
    "kategori",
    "rata-rata",
    "catatan",
)
INDONESIAN_SHORT = {"SS", "KS", "TS", "STS"}


@pytest.fixture(scope="module", params=NAMES)
def english(request):
    folder = EXAMPLES / request.param
    composed = compose(folder / "study.yaml", "en")
    return folder, composed.document, composed.labels


def _texts(doc) -> list[str]:
    """Every text a reader sees: notes, headings, sentences, table cells, titles, notes and
    sources, and the words drawn on the figures."""
    texts = [p.text for p in doc.preface] + [doc.chapter_label, doc.title]

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for v in value.values():
                yield from strings(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                yield from strings(v)

    for block in doc.walk():
        if isinstance(block, Section):
            texts.append(block.title)
        elif isinstance(block, Paragraph) and block.style != "reference":  # a cited work keeps its own title
            texts.append(block.text)
        elif isinstance(block, Table):
            texts += [block.title, block.source, *block.notes, *block.texts()]
        elif isinstance(block, Figure):
            texts += [block.title, block.source, *strings(block.data)]
    return texts


def _data_values(folder) -> list[str]:
    """What the study itself wrote: every string of the study file except the Indonesian half of
    a text given in both languages, and every cell of its data files; longest first."""
    found = set()

    def visit(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if not (key == "id" and "en" in node):
                    visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)
        elif isinstance(node, str):
            found.add(node)

    visit(yaml.safe_load((folder / "study.yaml").read_text(encoding="utf-8")))
    for data in folder.glob("*.csv"):
        with data.open(encoding="utf-8") as handle:
            found.update(cell for row in csv.reader(handle) for cell in row)
    found.update(_corpus_values(folder))
    found.update(_criteria_texts(folder))
    return sorted((v.strip() for v in found if len(v.strip()) >= 3), key=len, reverse=True)


def _criteria_texts(folder) -> set[str]:
    """The criteria of an official LKE (a SAKIP report quotes the regulation's Indonesian wording)."""
    from reportgen.config import load_study
    from reportgen.interpret.sakip import framework_of

    config = load_study(folder / "study.yaml").config
    if getattr(config, "kind", None) != "sakip":
        return set()
    return {k.text.rstrip(".") for c in framework_of(config).components for criteria in c.criteria.values() for k in criteria}


def _corpus_values(folder) -> set[str]:
    """The words of a qualitative corpus (interviews are quoted as spoken; codes and roles as the
    researcher wrote them), whatever file it is kept in."""
    from reportgen.config import load_study
    from reportgen.config.models import QualitativeCorpus
    from reportgen.qualitative.study import read_study_corpus

    study = load_study(folder / "study.yaml")
    if not isinstance(getattr(study.config, "qualitative", None), QualitativeCorpus):
        return set()
    corpus = read_study_corpus(study)
    found = {e.text for e in corpus.excerpts} | {i.role for i in corpus.informants.values()} | {i.unit for i in corpus.informants.values()}
    found |= {c.name for c in corpus.codes.values()} | {c.definition for c in corpus.codes.values()} | set(corpus.themes)
    return found | set(corpus.categories.values())


def test_answer_headers_are_the_english_short_labels(english):
    folder, doc, _ = english
    headers = {cell.text for table in doc.tables().values() for row in table.header for cell in row}
    assert not headers & INDONESIAN_SHORT, sorted(headers & INDONESIAN_SHORT)
    responses = [t for key, t in doc.tables().items() if key.startswith("responses.")]
    if folder.name in ("luwu-timur", "mediation", "moderation"):  # 1–5 scales with labels {id: SS, en: SA} ...
        assert responses and all([c.text for c in t.header[1]] == ["SA", "A", "PA", "D", "SD"] for t in responses)
        bars = [f for f in doc.figures() if f.kind == "responses"]
        assert bars and all(f.data["labels"] == ["SA", "A", "PA", "D", "SD"] for f in bars)


def test_no_indonesian_word_outside_the_data(english):
    folder, doc, _ = english
    values = _data_values(folder)
    found = set()
    for text in _texts(doc):
        for value in values:
            text = text.replace(value, " ")
        found |= {w.lower() for w in re.findall(rf"\b(?:{'|'.join(INDONESIAN)})\b", text, flags=re.IGNORECASE)}
    assert not found, f"{folder.name}: {sorted(found)}"


def test_a_count_of_one_takes_the_singular(english):
    folder, doc, labels = english
    text = " ".join(render_text(doc, labels).split())
    wrong = re.findall(r"(?<![\d.,])1 (?:respondents|items|indicators|hypotheses|units|pairs|subsamples|resamples|criterion answers)\b", text)
    assert not wrong, wrong
    if folder.name == "luwu-timur":  # X1.2: 36 SS, 43 S and one KS (Tabel 5.3 of the thesis)
        assert "the most frequent answer is agree (43 respondents, 53.8%), followed by strongly agree (45.0%)" in text
