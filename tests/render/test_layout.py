"""The page as a thesis sets it (issue 30, "Page"): no line of a paragraph holding one word while
the next is full; a table's interpretation after the table; "Lanjutan Tabel 5.29" / "Table 5.29
(continued)" above the repeated header of a table that goes on over a page; figure captions
above or below (``study.captions``); no contents with ``study.toc: false``.

The PDF's text is read with pypdf; where a check needs to know which page a box fell on, the
chapter's HTML is laid out by WeasyPrint, as the PDF is (the typesetting tests do the same).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from helpers import EXAMPLES, composed_example, example_variant, heavy, written_example
from pydantic import ValidationError
from pypdf import PdfReader

from reportgen.config.models import Captions, StudyInfo
from reportgen.pipeline import run_study
from reportgen.render.flow import SPLIT_ROWS, flowed, longer_than_page
from reportgen.render.html import _aspect, render_html
from reportgen.render.linebreak import install
from reportgen.render.pdf import write_pdf  # noqa: F401  (its import installs the line-break fix, as in the PDF process)
from reportgen.render.references import reference_text, targets
from reportgen.report.document import Cell, Document, Figure, Paragraph, Section, Table

CSS = (Path(__file__).resolve().parents[2] / "reportgen" / "render" / "chapter.css").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("layout")


@cache
def written(example: str, lang: str, root: Path) -> tuple[Path, object]:
    """The example's PDF (written once per test run) and its laid-out HTML page (WeasyPrint's pages, as the PDF's)."""
    from weasyprint import HTML

    pdf = next(p for p in written_example(example, lang).files if p.suffix == ".pdf")
    return pdf, HTML(filename=str(pdf.with_suffix(".html"))).render()


def boxes(box):
    yield box
    for child in getattr(box, "children", []) or []:
        yield from boxes(child)


def lines_of_paragraphs(layout) -> list[tuple[int, list[str]]]:
    """(page, the text of each line) of each body paragraph's part on each page."""
    out = []
    for number, page in enumerate(layout.pages, start=1):
        for box in boxes(page._page_box):
            if getattr(box, "element_tag", None) == "p" and box.element.get("class") == "body":
                lines = [
                    "".join(t.text for t in boxes(line) if type(t).__name__ == "TextBox") for line in box.children if type(line).__name__ == "LineBox"
                ]
                out.append((number, lines))
    return out


# -- one word alone on a line ------------------------------------------------------------------


def first_lines(html_paragraph: str) -> list[str]:
    from weasyprint import HTML

    install()
    layout = HTML(string=f'<html lang="id"><style>{CSS}</style><body><p class="body">{html_paragraph}</p></body></html>').render()
    return lines_of_paragraphs(layout)[0][1]


def test_a_stretch_of_text_before_an_inline_element_keeps_its_words_on_the_line():
    """luwu-timur p. 2 before: "Berdasarkan" alone on the first line, the next line full — the
    words before ``<span class="nw">Laki-laki</span>`` fitted the line but for their trailing
    space, and WeasyPrint kept only their first word (render/linebreak.py)."""
    lines = first_lines(
        "Berdasarkan Tabel&nbsp;5.1, dari 80 responden, responden dengan jenis kelamin "
        '<span class="nw">Laki-laki</span> sebanyak 43 orang atau 53,8%, dan responden dengan jenis '
        "kelamin Perempuan sebanyak 37 orang atau 46,3%."
    )
    assert lines[0].split(" ")[:2] == ["Berdasarkan", "Tabel\u00a05.1,"]
    assert lines[0].rstrip().endswith("kelamin") and lines[1].startswith("Laki-laki sebanyak")
    assert first_lines("Berdasarkan Tabel 5.1, dari 80 responden, responden dengan jenis kelamin <i>Laki</i> sebanyak 43 orang")[0].split()[-1] in (
        "kelamin",
        "Laki",
    )


@pytest.mark.parametrize("example, lang", [("luwu-timur", "id"), heavy("mixed-methods", "en"), heavy("mixed-methods", "id")])
def test_no_line_but_the_last_of_a_paragraph_holds_one_word(example, lang, root):
    """Measured before the fix: luwu-timur (id) had 3 such lines ("Berdasarkan" p. 2, "residual",
    "sedangkan"); now none in these chapters."""
    _, layout = written(example, lang, root)
    alone = [(page, lines[i]) for page, lines in lines_of_paragraphs(layout) for i in range(len(lines) - 1) if len(lines[i].split()) == 1]
    assert not alone


# -- a table's interpretation after it; a table split rather than a gap ------------------------


def _survey_table(key: str, number: str, rows: int) -> Table:
    header = ((Cell("No", "header"), Cell("Pernyataan", "header")),)
    body = tuple((Cell(str(i)), Cell("pernyataan yang cukup panjang " * 5, align="left")) for i in range(rows))
    return Table(key, number, "Tanggapan", header, body, "Sumber: uji")


def test_the_interpretation_of_a_table_is_never_moved_before_it():
    """Half a page of text, a table too tall for the rest of the page, then the paragraph that
    reads it ("Berdasarkan Tabel 5.1, …"): the paragraph stays after the table (before: it was
    moved ahead to fill the page); a paragraph that does not refer to it still may move."""
    line = "kata " * 14
    first = Paragraph((line * 17).strip())
    table = _survey_table("t", "5.1", 9)  # taller than what is left; two rows would go on alone: not split
    reading = Paragraph("Berdasarkan Tabel 5.1, " + line * 3, refs=("t",))
    doc = Document("id", "BAB V", "HASIL", "Judul", "", 2024, [Section("Hasil", 2, "5.1", [first, table, reading])])
    labels = {"table": "Tabel", "figure": "Gambar"}
    moved, _flow = flowed(doc, lambda f: 0.75, (), targets(doc, labels))
    assert moved.sections[0].blocks == [first, table, reading]
    plain = Paragraph(line * 3)
    doc.sections[0].blocks = [first, table, plain, reading]
    moved, _ = flowed(doc, lambda f: 0.75, (), targets(doc, labels))
    assert moved.sections[0].blocks == [first, plain, table, reading]


def test_a_table_that_would_leave_a_gap_is_split_when_rows_enough_go_on_each_page():
    """Its reading paragraph cannot fill the page, so a table of many rows starts where it is and
    goes on over the page (SPLIT_ROWS rows at least on each); a short one moves whole."""
    line = "kata " * 14
    first = Paragraph((line * 16).strip())
    labels = {"table": "Tabel", "figure": "Gambar"}
    for rows, split in ((14, True), (9, False)):
        table = _survey_table("t", "5.1", rows)
        reading = Paragraph("Berdasarkan Tabel 5.1, " + line, refs=("t",))
        doc = Document("id", "BAB V", "HASIL", "Judul", "", 2024, [Section("Hasil", 2, "5.1", [first, table, reading])])
        _, flow = flowed(doc, lambda f: 0.75, (), targets(doc, labels))
        assert (flow.split == {"t"}) is split, rows
        assert flow.page_of["t"] == (1 if split else 2)
    assert SPLIT_ROWS == 3


@pytest.mark.parametrize("lang", ["id", "en"])
def test_in_the_demo_every_paragraph_that_reads_a_table_stays_after_it(lang, tmp_path):
    composed = composed_example("luwu-timur", lang)
    doc = composed.document
    report = run_study(EXAMPLES / "luwu-timur" / "study.yaml", tmp_path / "o", lang=lang, formats=("html",))
    folder = report.files[0].parent
    found = targets(doc, composed.labels)
    moved, _ = flowed(doc, lambda f: _aspect(folder / f.path), (), found)

    def order(document):
        return [b for b in document.walk() if not isinstance(b, Section)]

    def after(blocks):
        """(float, paragraph) pairs: a paragraph referring to a float that stands before it."""
        pairs, seen = set(), []
        for b in blocks:
            if isinstance(b, (Table, Figure)):
                seen.append(b)
            elif isinstance(b, Paragraph):
                pairs |= {(id(f), id(b)) for f in seen if found.cites(b, [f])}
        return pairs

    before = after(order(doc))
    assert len(before) > 30 and before <= after(order(moved))


# -- "Lanjutan Tabel" ----------------------------------------------------------------------------


def continued_pages(layout) -> dict[int, str]:
    """Page → the number of the table whose body rows go on from an earlier page to it, from the layout."""
    first_page, out = {}, {}
    for number, page in enumerate(layout.pages, start=1):
        for box in boxes(page._page_box):
            if getattr(box, "element_tag", None) == "div" and "table-block" in (box.element.get("class") or ""):
                rows = [
                    b
                    for b in boxes(box)
                    if type(b).__name__ == "TableRowGroupBox"
                    and b.element_tag == "tbody"
                    and any(type(r).__name__ == "TableRowBox" for r in b.children)
                ]
                caption = "".join(box.element.find(".//caption/span").itertext())
                if rows:
                    first_page.setdefault(caption, number)
                    if number > first_page[caption]:
                        out[number] = caption.split()[-1]
    return out


@pytest.mark.parametrize("example, lang", [heavy("mobi", "id"), heavy("mobi", "en"), ("luwu-timur", "id")])
def test_a_table_that_goes_on_over_a_page_says_so_above_its_header(example, lang, root):
    """mobi's table of specific indirect effects (longer than a page; Tabel 5.29 when the issue
    was filed) and every table split at a page's foot: each page it goes on to carries "Lanjutan
    Tabel 5.29" / "Table 5.29 (continued)" (the PDF's text); no other page carries the line."""
    pdf, layout = written(example, lang, root)
    want = continued_pages(layout)
    longer = {t.number for t in composed_example(example, lang).document.tables().values() if longer_than_page(t)}
    assert longer <= set(want.values()) and (longer or example != "mobi")  # mobi's indirect effects run over a page
    label = {"id": "Lanjutan Tabel {}", "en": "Table {} (continued)"}[lang]
    pattern = re.compile({"id": r"Lanjutan Tabel (\d+\.\d+)", "en": r"Table (\d+\.\d+) \(continued\)"}[lang])
    shown = {}
    for number, page in enumerate(PdfReader(pdf).pages, start=1):
        found = pattern.findall(page.extract_text())
        if found:
            shown[number] = found[0]
            assert len(found) == 1
    assert shown == want and want
    text = PdfReader(pdf).pages[min(want) - 1].extract_text()
    assert label.format(want[min(want)]) in text


# -- study.captions and study.toc --------------------------------------------------------------


def test_captions_setting_defaults_by_language_and_refuses_what_no_guideline_does():
    info = StudyInfo(title="T", year=2024)
    assert info.captions.figure_side("id") == "below" and info.captions.figure_side("en") == "above"
    assert StudyInfo(title="T", year=2024, captions={"figure": "above"}).captions.figure_side("id") == "above"
    assert Captions(figure="below").figure_side("en") == "below"
    with pytest.raises(ValidationError):
        StudyInfo(title="T", year=2024, captions={"table": "below"})
    with pytest.raises(ValidationError):
        StudyInfo(title="T", year=2024, captions={"figure": "left"})
    assert StudyInfo(title="T", year=2024).toc is True


@pytest.mark.parametrize("example, lang", [("luwu-timur", "id"), heavy("mixed-methods", "en")])
def test_a_figures_caption_stands_where_the_language_puts_it(example, lang, root):
    """In Bahasa Indonesia under the figure (the guidelines' "judul gambar di bawah gambar"), in
    English above it (APA 7 §7.22, figure components): every figure's caption box below or above
    its image in the PDF's layout, the source line last."""
    _, layout = written(example, lang, root)
    seen = set()
    for page in layout.pages:
        for box in boxes(page._page_box):
            if getattr(box, "element_tag", None) == "figure" and id(box.element) not in seen:
                seen.add(id(box.element))  # the figure's outermost box (its line boxes bear its tag too)
                tops = {}
                for part in boxes(box):
                    kind = (
                        "image"
                        if type(part).__name__ == "InlineReplacedBox"
                        else (part.element.get("class") or "")
                        if getattr(part, "element_tag", "") == "div"
                        else ""
                    )
                    if kind in ("image", "caption", "source"):
                        tops.setdefault(kind, part.position_y)
                assert sorted(tops, key=tops.get) == (["image", "caption", "source"] if lang == "id" else ["caption", "image", "source"])
    assert len(seen) >= 5


def test_no_contents_and_figure_captions_above_when_the_study_says_so(tmp_path):
    """study.toc: false and captions.figure: above in a chapter in Bahasa Indonesia: the PDF's
    first page goes from the chapter heading to 5.1 with no Daftar Isi, and the html page puts
    each figure's caption before its image."""
    study = example_variant("luwu-timur", tmp_path, lambda c: c["study"].update(toc=False, captions={"figure": "above"}))
    report = run_study(study, tmp_path / "o", formats=("pdf", "html"))
    pdf = next(p for p in report.files if p.suffix == ".pdf")
    first = PdfReader(pdf).pages[0].extract_text()
    assert "Daftar Isi" not in first and "5.1 Hasil Penelitian" in first
    page = pdf.with_suffix(".html").read_text(encoding="utf-8")
    assert 'class="toc"' not in page
    figures = re.findall(r'<figure class="caption-(\w+)".*?</figure>', page, re.S)
    assert figures and set(figures) == {"above"}
    assert all(f.index('class="caption"') < f.index("<img") for f in re.findall(r"<figure.*?</figure>", page, re.S))


def test_the_contents_and_its_estimate_go_together():
    """Without contents the float placement reserves no room for them either."""
    section = Section("Hasil", 2, "5.1", [Paragraph("kata " * 30)])
    doc = Document("id", "BAB V", "HASIL", "Judul", "", 2024, [section], contents=False)
    html = render_html(doc, {"table": "Tabel", "figure": "Gambar", "draft": "DRAF", "table_continued": "Lanjutan {table} {number}"})
    assert "<nav" not in html and "Daftar Isi" not in html


# -- the references found in the text ------------------------------------------------------------


def test_references_are_found_whole():
    table, figure = _survey_table("t", "5.1", 2), Figure("t", "5.12", "G", Path("figures/g.png"))
    other = _survey_table("u", "5.12", 2)
    doc = Document("id", "BAB V", "HASIL", "Judul", "", 2024, [Section("Hasil", 2, "5.1", [table, other, figure])])
    found = targets(doc, {"table": "Tabel", "figure": "Gambar"})
    assert found.pieces("Berdasarkan Tabel\u00a05.1, dan Tabel 5.12.") == [
        ("Berdasarkan ", None),
        ("Tabel\u00a05.1", table),
        (", dan ", None),
        ("Tabel 5.12", other),
        (".", None),
    ]
    assert found.pieces("Gambar 5.12 dan Tabel 5.1.2 dan Tabel 5.13") == [("Gambar 5.12", figure), (" dan Tabel 5.1.2 dan Tabel 5.13", None)]
    assert found.pieces("SubTabel 5.1") == [("SubTabel 5.1", None)]
    assert found.cites(Paragraph("Gambar 5.12 menunjukkan"), [figure]) and not found.cites(Paragraph("Gambar 5.12"), [table])
    assert found.cites(Paragraph("Nilai ini", refs=("t",)), [table])  # a table it takes numbers from
    assert reference_text("Tabel", "5.1") == "Tabel 5.1"


def test_builder_ref_writes_the_reference_text():
    """The text the renderers look for is the one the builder writes."""
    from reportgen.config import load_study
    from reportgen.report.builder import Builder

    builder = Builder(load_study(EXAMPLES / "luwu-timur" / "study.yaml"), "id")
    table = builder.table("k", "Judul", [[Cell("A", "header")]], [[Cell("1")]])
    assert builder.ref(table) == reference_text(builder.labels["table"], table.number)
