"""Characters that Word and PDF cannot hold (XML 1.0's Char production, W3C XML 1.0 §2.2) are
cleaned from a document in one place (reportgen.report.printable), with a note; before, a
``\\x0b`` in a cell or a study file's text ended the run with "All strings must be XML compatible"."""

from __future__ import annotations

from pathlib import Path

from docx import Document as WordDocument
from helpers import base, invoke, survey_rows, write_study
from pypdf import PdfReader

from reportgen.report.document import Cell, Document, Figure, Paragraph, Run, Section, Table
from reportgen.report.printable import NOT_XML, Cleaner, printable


def test_every_text_of_a_document_is_cleaned_and_counted():
    table = Table("t", "5.1", "Ti\x01tle", ((Cell("a\x0bb", claim=("s\x02", "ok")),),), ((Cell("ok"),),), "src\x00")
    figure = Figure("f", "5.1", "fig\x1f", Path("figures/f.png"), data={"labels": ["x\x0cy"], "n": 3})
    paragraph = Paragraph.of_runs([Run("one\x08 "), Run("two", italic=True)])
    doc = Document("id", "BAB V", "HASIL\ufffe", "Judul\ud800", "A", 2024, sections=[Section("5.1\x07", 2, blocks=[paragraph, table, figure])])
    notes: list[str] = []
    cleaned = printable(doc, "bab5", notes)
    texts = [cleaned.title, cleaned.study_title, cleaned.sections[0].title]
    block, table, figure = cleaned.sections[0].blocks
    texts += [
        block.text,
        *(r.text for r in block.runs),
        table.title,
        table.source,
        *table.texts(),
        *table.header[0][0].claim,
        figure.title,
        *figure.data["labels"],
    ]
    assert not any(NOT_XML.search(t) for t in texts)
    assert block.text == "one  two" and table.header[0][0].text == "a b" and figure.data["n"] == 3
    assert notes == [
        "bab5: 11 characters that Word and PDF files cannot hold (U+0000, U+0001, U+0002, U+0007, U+0008, …), "
        "from the data or the study file, were written as spaces"
    ]


def test_what_xml_holds_is_kept():
    cleaner = Cleaner()
    text = "tab\tline\nreturn\r é ü 中文 🙂 \x85 \u2028 \ue000 \ufffd"
    assert cleaner.text(text) == text and cleaner.note("x") is None


def test_control_characters_from_the_data_and_the_study_file_reach_word_and_pdf_as_spaces(tmp_path):
    rows = survey_rows()
    for k, row in enumerate(rows):
        row["jk"] = "L\x01aki" if k % 3 else "P"
    config = base()
    config["study"]["title"] = "Studi\x0bKecil"
    config["respondents"][0]["order"] = ["L\x01aki", "P"]
    study = write_study(tmp_path / "s", config, rows)
    result = invoke(["run", study, "--out", tmp_path / "o", "--formats", "json,pdf,docx"])
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stderr.splitlines() if "cannot hold" in line]
    assert len(notes) == 1 and "(U+0001, U+000B)" in notes[0], result.stderr
    word = WordDocument(next((tmp_path / "o").glob("*.docx")))
    text = "\n".join(p.text for p in word.paragraphs) + "\n".join(c.text for t in word.tables for r in t.rows for c in r.cells)
    assert "L aki" in text and "\x01" not in text
    pdf = "".join(page.extract_text() for page in PdfReader(next((tmp_path / "o").glob("*.pdf"))).pages)
    assert "L aki" in pdf
