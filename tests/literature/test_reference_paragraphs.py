"""A reference-list entry as a paragraph: italic runs in the HTML (PDF) and the DOCX, plain text in
the text rendering, and the hanging indent of APA 7 §9.43 (1.27 cm) in both styles."""

import pytest
from helpers import FIXTURES

from reportgen.literature import load_literature
from reportgen.report.document import Document, Paragraph, Run, Section

ENTRY = (
    "Sari, D., & Putra, B. (2020). Pengaruh Perencanaan Kinerja terhadap Akuntabilitas Instansi Pemerintah. "
    "Jurnal Akuntansi Publik, 5(2), 101–115. https://doi.org/10.1234/jap.v5i2.101"
)


def chapter() -> Document:
    literature = load_literature(FIXTURES / "literature" / "zotero.bib")
    entry = literature.reference_list(["sari_pengaruh_2020"], "id")[0]
    section = Section("Daftar Pustaka", 2, "5.3", [Paragraph.of_runs(entry, style="reference")])
    return Document("id", "BAB V", "HASIL", "Studi", "Uji", 2024, sections=[section])


def test_paragraph_of_runs_keeps_its_plain_text():
    paragraph = chapter().sections[0].blocks[0]
    assert paragraph.text == ENTRY
    assert [run.text for run in paragraph.runs if run.italic] == ["Jurnal Akuntansi Publik", "5"]
    merged = Paragraph.of_runs([Run("a "), Run("b"), Run("c", True), Run("", True), Run("d", True)])
    assert merged.runs == (Run("a b"), Run("cd", True))
    with pytest.raises(ValueError):
        Paragraph("other text", runs=(Run("text"),))


def test_html_prints_italics_and_the_reference_style():
    from reportgen.render.html import render_html

    html = render_html(chapter(), {"table": "Tabel", "figure": "Gambar"})
    assert (
        '<p class="reference">Sari, D., &amp; Putra, B. (2020). Pengaruh Perencanaan Kinerja terhadap Akuntabilitas '
        "Instansi Pemerintah. <i>Jurnal Akuntansi Publik</i>, <i>5</i>(2), 101–115. "
        "https://doi.org/10.1234/jap.v5i2.101</p>"
    ) in html
    assert "p.reference { text-align: left; text-indent: -1.27cm; margin-left: 1.27cm;" in html


def test_docx_runs_are_italic_and_the_entry_hangs(tmp_path):
    from docx import Document as WordDocument
    from docx.shared import Cm

    from reportgen.render.docx import write_docx

    target = write_docx(chapter(), {"table": "Tabel", "figure": "Gambar"}, tmp_path, tmp_path / "bab5.docx")
    paragraph = next(p for p in WordDocument(str(target)).paragraphs if p.text.startswith("Sari, D."))
    assert paragraph.text == ENTRY
    assert [run.text for run in paragraph.runs if run.italic] == ["Jurnal Akuntansi Publik", "5"]
    assert all(not run.italic for run in paragraph.runs if run.text not in ("Jurnal Akuntansi Publik", "5"))
    style = paragraph.style
    assert style.name == "Reference"
    assert style.paragraph_format.left_indent == Cm(1.27) and style.paragraph_format.first_line_indent == Cm(-1.27)


def test_text_rendering_is_plain_with_a_hanging_indent():
    from reportgen.render.text import render_text

    text = render_text(chapter(), {"table": "Tabel", "figure": "Gambar"})
    assert (
        "Sari, D., & Putra, B. (2020). Pengaruh Perencanaan Kinerja terhadap Akuntabilitas Instansi\n"
        "    Pemerintah. Jurnal Akuntansi Publik, 5(2), 101–115. https://doi.org/10.1234/jap.v5i2.101\n" in text
    )
