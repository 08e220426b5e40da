"""What the author must still write is never the chapter's text: it is a Word comment and a margin
note of a draft, and a note of ``reportgen run`` (reportgen/report/tasks.py).

Every example, in both languages, is written as PDF and DOCX: neither holds a study-file key or a
bracketed instruction; the DOCX carries one comment per hypothesis the study file gives no
earlier studies or text for (read from the study file, not from the chapter), and the run notes
each. A small study then checks the draft flag both ways, the comments' anchor and language,
the notes' wording and reportgen init's placeholders."""

from __future__ import annotations

import re

import pytest
from docx import Document as WordDocument
from docx.oxml.ns import qn
from helpers import EXAMPLES, base, invoke, rendered_examples, survey_rows, write_study, written_example
from pypdf import PdfReader

from reportgen.config import load_study
from reportgen.pipeline import compose, run_study
from reportgen.render.html import css_string, with_tasks
from reportgen.render.measure import bind
from reportgen.render.text import render_text
from reportgen.report.document import Paragraph, Task
from reportgen.report.tasks import placeholders

EXAMPLE_STUDIES = sorted(p.parent.name for p in EXAMPLES.glob("*/study.yaml"))
# a key of the study file: "supports" is matched as a key (".supports", "supports:") only, since
# the English joint display prints the stance word "supports" of a theme
KEYS = re.compile(r"hypotheses\.|\.supports|\.contradicts|supports:|literature:|\.discussion|TODO")
INSTRUCTION = re.compile(r"\[[^\]]*\b(penulis|author|berkas studi|study file)\b", re.IGNORECASE)
ADDRESSED = re.compile(  # instructions to the author, and advice on what to do with the study's own items and indicators
    r"perlu dijelaskan oleh penulis|untuk penulis|the author needs|for the author|should be reviewed|deserves? a second look|remedies to consider"
    r"|should be removed|perlu ditinjau|layak ditinjau|sebaiknya ditinjau|seharusnya dihapus|perbaikan yang dapat dipertimbangkan",
    re.IGNORECASE,
)
DRAFT_MARK = {"id": "DRAF", "en": "DRAFT"}


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def docx_text(word) -> str:
    """The document's text: its paragraphs and table cells (not its comments)."""
    texts = [p.text for p in word.paragraphs]
    texts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(texts).split())


def uncompared(study_file) -> list[str]:
    """The hypotheses the study file compares with no earlier study and gives no text of its own."""
    hypotheses = getattr(load_study(study_file).config, "hypotheses", {})  # a SAKIP evaluation has none
    return [h for h, hyp in hypotheses.items() if not (hyp.supports or hyp.contradicts) and hyp.discussion is None]


def written(study_file, folder, lang, formats=("pdf", "docx")):
    """Run the study; (the report, the chapter's PDF text, the chapter's DOCX): the first of each in
    the run's files (a SAKIP evaluation's reports per unit follow)."""
    report = run_study(study_file, folder, lang=lang, formats=list(formats))
    pdf = next((p for p in report.files if p.suffix == ".pdf"), None)
    docx = next((p for p in report.files if p.suffix == ".docx"), None)
    return report, pdf_text(pdf) if pdf else "", WordDocument(docx) if docx else None


@pytest.mark.parametrize("example, lang", rendered_examples(EXAMPLE_STUDIES))
def test_no_example_prints_a_study_file_key_or_an_instruction(example, lang, tmp_path):
    study = EXAMPLES / example / "study.yaml"
    report = written_example(example, lang)
    pdf = pdf_text(next(p for p in report.files if p.suffix == ".pdf"))
    word = WordDocument(next(p for p in report.files if p.suffix == ".docx"))
    texts = [(p.name, pdf_text(p)) for p in report.files if p.suffix == ".pdf"]
    texts += [(p.name, docx_text(WordDocument(p))) for p in report.files if p.suffix == ".docx"]
    assert len(texts) >= 2
    for name, text in texts:
        assert not KEYS.findall(text), f"{name}: {sorted(set(KEYS.findall(text)))}"
        assert not INSTRUCTION.search(text) and not ADDRESSED.search(text), name
    missing = uncompared(study)
    comments = list(word.comments)
    literature = [c for c in comments if "hypotheses." in c.text and ".supports" in c.text]
    assert [re.search(r"\b(H[\w.]*\d)\b", c.text).group(1) for c in literature] == missing
    assert all(c.author == "reportgen" and c.initials == "rg" for c in comments)
    notes = [n for n in report.notes if "has no discussion of earlier studies" in n]
    assert [re.search(r": (H[\w.]*\d) has", n).group(1) for n in notes] == missing
    if comments:  # a draft: the running head, and the margin note of each task
        assert DRAFT_MARK[lang] in pdf and word.core_properties.content_status == DRAFT_MARK[lang]
    else:
        assert DRAFT_MARK[lang] not in pdf.split() and word.core_properties.content_status == ""


def _commented_paragraphs(word) -> dict[str, str]:
    """Comment id → the text of the paragraph its range starts in."""
    found = {}
    for p in word.paragraphs:
        for start in p._p.iter(qn("w:commentRangeStart")):
            found[start.get(qn("w:id"))] = p.text
    return found


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_study_without_discussion_gets_comments_in_its_language(tmp_path, lang):
    config = base()
    config["study"]["language"] = lang
    config["hypotheses"]["H2"]["discussion"] = {"id": "Disiplin belum terbentuk.", "en": "Discipline has not formed yet."}
    study = write_study(tmp_path, config)
    report, _pdf, word = written(study, tmp_path / "out", lang, formats=("docx",))
    comments = list(word.comments)
    assert [c.author for c in comments] == ["reportgen", "reportgen"]
    first = {
        "id": "Bandingkan temuan H1 dengan penelitian terdahulu: cantumkan berkas referensi (BibTeX atau RIS) pada "
        "literature dan kunci referensinya untuk studi yang sejalan pada hypotheses.H1.supports atau yang berbeda "
        "pada hypotheses.H1.contradicts agar dikutip di sini, atau tuliskan pembahasan sendiri pada hypotheses.H1.discussion.",
        "en": "Compare the finding on H1 with earlier studies: name a reference file (BibTeX or RIS) under literature "
        "and the keys of the studies it agrees with under hypotheses.H1.supports or of those it differs from under "
        "hypotheses.H1.contradicts to cite them here, or write your own text under hypotheses.H1.discussion.",
    }
    assert comments[0].text == first[lang]
    assert "hypotheses.H3.supports" in comments[1].text  # H2 has its own text: no comment
    # each is anchored on the last paragraph of its hypothesis's discussion, never printed
    doc = compose(study, lang).document
    discussion = {s.title.split(":")[0]: s for s in doc.sections[1].blocks if hasattr(s, "title")}
    last = {h: bind([b.text for b in discussion[h].blocks if isinstance(b, Paragraph)][-1]) for h in ("H1", "H3")}  # as Word prints it
    anchors = _commented_paragraphs(word)
    assert [anchors[str(c.comment_id)] for c in comments] == [last["H1"], last["H3"]]
    assert not KEYS.search(docx_text(word))
    assert report.notes[-3:] == [
        "BAB V, 5.2.1: H1 has no discussion of earlier studies: name a reference file under literature: and add its keys "
        "under hypotheses.H1.supports or hypotheses.H1.contradicts, or write hypotheses.H1.discussion"
        if lang == "id"
        else "CHAPTER 5, 5.2.1: H1 has no discussion of earlier studies: name a reference file under literature: and add its keys "
        "under hypotheses.H1.supports or hypotheses.H1.contradicts, or write hypotheses.H1.discussion",
        report.notes[-2],
        "2 things to write: the PDF is marked as a draft with a note in the margin at each, the DOCX carries each as a "
        "Word comment (study.draft: false writes the final files without them)",
    ]
    assert report.notes[-2].endswith(
        ": H3 has no discussion of earlier studies: name a reference file under literature: "
        "and add its keys under hypotheses.H3.supports or hypotheses.H3.contradicts, "
        "or write hypotheses.H3.discussion"
    )


def test_run_prints_the_tasks_as_notes(tmp_path):
    study = write_study(tmp_path, base())
    result = invoke(["run", str(study), "--out", str(tmp_path / "out"), "--formats", "docx"])
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stderr.splitlines() if line.startswith("note: ")]
    assert notes == [
        f"note: BAB V, 5.2.{k}: H{k} has no discussion of earlier studies: name a reference file under "
        f"literature: and add its keys under hypotheses.H{k}.supports or hypotheses.H{k}.contradicts, "
        f"or write hypotheses.H{k}.discussion"
        for k in (1, 2, 3)
    ] + [
        "note: 3 things to write: the PDF is marked as a draft with a note in the margin at each, the DOCX carries each "
        "as a Word comment (study.draft: false writes the final files without them)"
    ]


def test_a_final_document_shows_no_task_but_the_run_notes_them(tmp_path):
    config = base()
    config["study"]["draft"] = False
    study = write_study(tmp_path, config)
    report, pdf, word = written(study, tmp_path / "out", "id")
    assert list(word.comments) == [] and word.core_properties.content_status == ""
    assert "DRAF" not in pdf and "bandingkan temuan" not in pdf
    assert [n.split(": ", 1)[1].split(" ", 1)[0] for n in report.notes[:3]] == ["H1", "H2", "H3"]
    assert report.notes[-1] == "3 things to write, but study.draft is false: the PDF and the DOCX show none of them"
    composed = compose(study)
    assert not composed.document.draft and "[DRAF]" not in render_text(composed.document, composed.labels)


def test_a_draft_shows_each_task_in_the_margin(tmp_path):
    study = write_study(tmp_path, base())
    _report, pdf, _word = written(study, tmp_path / "out", "id", formats=("pdf",))
    assert pdf.count("DRAF") >= 3 + len(PdfReader(tmp_path / "out" / "bab5.pdf").pages)  # a running head per page, a note per task
    for h in ("H1", "H2", "H3"):
        assert f"{h}: bandingkan temuan dengan penelitian terdahulu." in pdf
    composed = compose(study)
    text = render_text(composed.document, composed.labels)
    assert text.count("[DRAF] H") == 3 and "[DRAF] H2: bandingkan temuan dengan penelitian terdahulu." in text


def test_draft_is_chosen_by_the_study_file_else_by_what_is_left(tmp_path):
    complete = base()
    for h, hyp in complete["hypotheses"].items():
        hyp["discussion"] = f"Teks {h}."
    assert not compose(write_study(tmp_path / "complete", complete)).document.draft
    complete["study"]["draft"] = True
    study = write_study(tmp_path / "draft", complete)
    doc = compose(study).document
    assert doc.draft and doc.tasks() == []
    report, _pdf, word = written(study, tmp_path / "out", "id", formats=("pdf", "docx"))
    pages = [page.extract_text().split() for page in PdfReader(tmp_path / "out" / "bab5.pdf").pages]
    assert all("DRAF" in words for words in pages) and list(word.comments) == [] and report.notes == []  # the running head
    assert compose(write_study(tmp_path / "left", base())).document.draft


def test_init_placeholders_are_noted_and_printed_as_written(tmp_path):
    config = base()
    config["study"]["title"] = "TODO: judul penelitian"
    config["constructs"]["X1"]["name"] = "TODO: nama X1"
    config["constructs"]["X1"]["items"]["X1.2"] = "TODO: pernyataan X1.2"
    config["constructs"]["Y"]["name"] = {"id": "Kinerja", "en": "TODO: name Y"}
    for hyp in config["hypotheses"].values():
        hyp["discussion"] = "Teks."
    study = write_study(tmp_path, config)
    assert placeholders(load_study(study).config) == ["study.title", "constructs.X1.name", "constructs.X1.items.X1.2", "constructs.Y.name.en"]
    doc = compose(study).document
    [(where, task)] = doc.tasks()
    assert where is None and doc.preface[0] is task and doc.draft
    assert task.mark == "Judul, nama, atau pernyataan dalam berkas studi belum diisi."
    assert task.comment == (
        "Berkas studi masih memuat 4 teks sementara dari reportgen init (diawali TODO), yang dicetak apa "
        "adanya: study.title, constructs.X1.name, constructs.X1.items.X1.2, constructs.Y.name.en. Gantilah "
        "dengan judul, nama variabel, dan pernyataan kuesioner penelitian Anda."
    )
    assert any("TODO: nama X1" in b.text for b in doc.walk() if isinstance(b, Paragraph))  # the study's text, as written
    report, _pdf, word = written(study, tmp_path / "out", "id", formats=("docx",))
    assert report.notes[0] == (
        "BAB V: 4 texts of the study file are still reportgen init's TODO placeholders (study.title, "
        "constructs.X1.name, constructs.X1.items.X1.2, constructs.Y.name.en); the chapter prints them "
        "as written: replace them with your study's own"
    )
    [comment] = word.comments
    assert _commented_paragraphs(word)[str(comment.comment_id)].split() == ["BAB", "V", "HASIL", "PENELITIAN", "DAN", "PEMBAHASAN"]  # the heading


def test_the_margin_notes_follow_their_paragraph_and_escape_the_style_sheet():
    p, q = Paragraph("a"), Paragraph("b")
    t1, t2 = Task("literature", "H1", "H1: x", "c", "n"), Task("discordant", "H1", "H1: y", "c", "n")
    assert with_tasks([t1, p, t2, q], True) == ([t1], [(p, [t2]), (q, [])])
    assert with_tasks([t1, p, t2, q], False) == ([], [(p, []), (q, [])])
    assert str(css_string('DRAF"</style>\\')) == "DRAF\\22 \\3c \\2f style\\3e \\5c "


def test_a_stale_docx_text_would_fail():
    """The checks above catch the chapter as it was printed before (the bracketed note)."""
    old = (
        "[Bagian ini untuk penulis: bandingkan temuan H2 dengan penelitian terdahulu. Cantumkan berkas referensi (BibTeX "
        "atau RIS) pada literature dan kunci referensinya pada hypotheses.H2.supports atau hypotheses.H2.contradicts]"
    )
    assert KEYS.search(old) and INSTRUCTION.search(old)
    assert ADDRESSED.search("Perbedaan antara kedua fase ini perlu dijelaskan oleh penulis: pengaruh yang digambarkan")


def test_a_study_drafted_by_init_says_what_is_left_when_validated_and_run(tmp_path):
    rows = survey_rows()
    (tmp_path / "answers.csv").write_text("\n".join([",".join(rows[0])] + [",".join(str(v) for v in r.values()) for r in rows]) + "\n")
    assert invoke(["init", str(tmp_path / "answers.csv")]).exit_code == 0
    study = tmp_path / "study.yaml"
    note = (
        "note: 14 texts of the study file are still reportgen init's TODO placeholders (study.title, study.author, "
        "constructs.X1.name, constructs.X1.items.X1.1, constructs.X1.items.X1.2, constructs.X1.items.X1.3, …); the chapter "
        "prints them as written: replace them with your study's own"
    )
    assert note in invoke(["validate", str(study)]).output.splitlines()
    result = invoke(["run", str(study), "--out", str(tmp_path / "out"), "--formats", "docx"])
    assert result.exit_code == 0, result.output
    assert f"note: BAB V: {note[6:]}" in result.stderr.splitlines()
    word = WordDocument(tmp_path / "out" / "bab5.docx")
    assert list(word.comments)[0].text.startswith("Berkas studi masih memuat 14 teks sementara dari reportgen init (diawali TODO)")
