"""The chapter as typeset: no word or number broken at a line end, tables measured from their
content, floats placed without large gaps, the first page number, the html format.

The PDF checks read the text of every example's PDF in both languages (pypdf), so they fail
when hyphenation comes back ("Keterang-" / "an") or a number wraps in a narrow column
("2" / "5" for 25).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import composed_example, example_variant, rendered_examples, written_example
from pypdf import PdfReader

from reportgen.pipeline import run_study
from reportgen.render.flow import LARGEST_GAP, PAGE_HEIGHT_PT, Flow, flowed, lines_of
from reportgen.render.measure import NUMBER, TEXT_WIDTH_PT, distribute, table_layout, text_width, unbreakable_pieces
from reportgen.render.references import targets
from reportgen.report.document import Cell, Document, Figure, Paragraph, Section, Table

CHAPTERS = ["luwu-timur", "corp-rep", "mobi", "mediation", "moderation", "sakip-luwu-timur", "mixed-methods", "academic"]


def chapter(example: str, lang: str, root: str) -> tuple[Path, Document]:
    """The example's PDF (written once per test run) and its document."""
    pdf = next(p for p in written_example(example, lang).files if p.suffix == ".pdf")
    return pdf, composed_example(example, lang).document


@pytest.fixture(scope="session")
def root(tmp_path_factory) -> str:
    return str(tmp_path_factory.mktemp("typeset"))


def pdf_lines(pdf: Path) -> list[str]:
    return [line.strip() for page in PdfReader(pdf).pages for line in page.extract_text().splitlines() if line.strip()]


@pytest.mark.parametrize("example, lang", rendered_examples(CHAPTERS))
def test_no_word_is_broken_at_a_line_end(example, lang, root):
    """No line ends in a hyphen after a letter: nothing is hyphenated and a word holding its own
    hyphen ("masing-masing", "Durbin-Watson") stays whole; only a web address may break."""
    pdf, _ = chapter(example, lang, root)
    lines = pdf_lines(pdf)
    broken = [
        f"{line[-30:]} / {following[:30]}"
        for line, following in zip(lines, lines[1:])
        if re.search(r"[^\W\d]-$", line) and "http" not in line + following and "doi" not in line
    ]
    assert not broken, broken[:10]


@pytest.mark.parametrize("example, lang", rendered_examples(CHAPTERS))
def test_no_relation_is_left_at_a_line_end(example, lang, root):
    """A relation sign stays with what it relates: no line ends in "=", "<", ">", "≤" or "≥"
    ("t = / 11,885", "Sig. / = 0,011" before), and no interval is cut after its semicolon."""
    pdf, _ = chapter(example, lang, root)
    lines = pdf_lines(pdf)
    assert not [line for line in lines if re.search(r"(^=\s)|([=<>≤≥]$)|(\[[−\-\d.,]+;$)", line)][:10]


def _runs_of_numbers(row) -> list[list[str]]:
    """The runs of two or more adjacent data cells holding a number, in a row of single-row cells."""
    runs, run = [], []
    for cell in row:
        if cell.role == "data" and cell.rowspan == 1 and NUMBER.match(cell.text.strip() or "x"):
            run.append(cell.text.strip())
        else:
            runs, run = runs + [run], []
    return [r for r in runs + [run] if len(r) >= 2]


@pytest.mark.heavy
def test_response_tables_with_ten_point_scales_have_whole_counts(root):
    """mobi's 10-point answer tables: every two-digit count is a token of the PDF text."""
    pdf, doc = chapter("mobi", "en", root)
    tokens = set(" ".join(pdf_lines(pdf)).split())
    counts = [c.text for t in doc.tables().values() if "respon" in t.key for row in t.body for c in row if re.fullmatch(r"\d{2,}", c.text)]
    assert len(counts) > 20 and set(counts) <= tokens


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_estimated_page_of_every_table_and_figure_is_the_real_one(lang, root):
    """The float placement's page estimate agrees with the PDF renderer on the demo chapter:
    each table and figure starts on the page the estimate says (at most one off by a page)."""
    from weasyprint import HTML

    from reportgen.render.html import _aspect, render_html

    pdf, doc = chapter("luwu-timur", lang, root)
    labels = composed_example("luwu-timur", lang).labels
    folder = pdf.parent
    html = render_html(doc, labels, folder)
    _, flow = flowed(doc, lambda f: _aspect(folder / f.path), _contents_of(doc), targets(doc, labels))
    layout = HTML(string=html, base_url=str(folder) + "/").render()
    real = {}
    for number, page in enumerate(layout.pages, start=1):
        for box in _boxes(page._page_box):
            element = getattr(box, "element", None)
            if element is not None and element.get("data-key") and element.get("data-key") not in real:
                real[element.get("data-key")] = number
    assert len(real) == len(flow.page_of) > 30
    wrong = [key for key in real if real[key] != flow.page_of[key]]
    assert len(wrong) <= 1, [(k, real[k], flow.page_of[k]) for k in wrong]


def _contents_of(doc):
    from reportgen.render import html

    return html.contents_lines(html._contents(doc))


def _boxes(box):
    yield box
    for child in getattr(box, "children", []):
        yield from _boxes(child)


def test_first_page_number(tmp_path):
    """study.first_page: 53 prints 53 under the first page and numbers the contents from there."""
    study = example_variant("luwu-timur", tmp_path, lambda c: c["study"].update(first_page=53))
    report = run_study(study, tmp_path / "o", formats=("pdf",))
    pages = PdfReader(report.files[0]).pages
    first = pages[0].extract_text().split()
    assert first[-1] == "53" and pages[1].extract_text().split()[-1] == "54"
    assert "Hasil Penelitian" in pages[0].extract_text() or "Hasil Penelitian" in pages[1].extract_text()
    toc = re.findall(r"\.{3,}\s*(\d+)", pages[0].extract_text())
    assert toc and min(int(n) for n in toc) >= 53


def test_html_format_is_one_self_contained_page(root):
    pdf, doc = chapter("luwu-timur", "id", root)
    page = pdf.with_suffix(".html").read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") == len(doc.figures()) == 11
    assert 'src="figures/' not in page and "<table" in page and "Tabel 5.1" in page


def test_a_cell_that_is_one_unbreakable_piece_is_a_no_wrap_cell_without_a_span():
    """whole_cell: a number or a single hyphenated or slashed word fills a cell of class nw
    (escaped); a cell of several words, or of several lines, keeps keep_whole's spans."""
    from reportgen.render.html import keep_whole, whole_cell

    assert whole_cell("20,0%") == "20,0%" and whole_cell(" 30 ") == " 30 "
    assert whole_cell("Rata-rata") == "Rata-rata" and whole_cell("SS/S") == "SS/S"
    assert whole_cell("<\u00a00,001") == "&lt;\u00a00,001"
    assert whole_cell("p < 0,05") is None  # one piece (bind), already unbreakable: keep_whole adds no span
    assert whole_cell("Perencanaan Kinerja") is None and whole_cell("Ya") is None
    assert whole_cell("20,0%\n30,0%") is None
    assert str(keep_whole("Rata-rata skor")) == '<span class="nw">Rata-rata</span> skor'


@pytest.mark.heavy
def test_number_cells_are_no_wrap_cells(root):
    """The SAKIP recapitulation's scores and predicates: cells of class nw, not spans in cells."""
    pdf, _ = chapter("sakip-luwu-timur", "id", root)
    page = pdf.with_suffix(".html").read_text(encoding="utf-8")
    assert page.count(' nw">') > 100
    assert not re.search(r'<td class="[^"]*"><span class="nw">[^<]*</span></td>', page)


# -- the measures, on hand-made tables -------------------------------------------------------


def test_pieces_numbers_stay_whole_words_split_at_spaces():
    assert unbreakable_pieces("1.234,5") == ["1.234,5"]
    assert unbreakable_pieces("<\u00a00,001") == ["<\u00a00,001"]
    assert unbreakable_pieces("\u22120,038") == ["\u22120,038"]
    assert unbreakable_pieces("Cronbach's Alpha") == ["Cronbach's", "Alpha"]
    assert unbreakable_pieces("[0,12; 0,34]") == ["[0,12;\u00a00,34]"]
    assert unbreakable_pieces("t = 11,885 (p < 0,05)") == ["t\u00a0=\u00a011,885", "(p\u00a0<\u00a00,05)"]
    assert unbreakable_pieces("KP → MK → KN") == ["KP\u00a0→", "MK\u00a0→", "KN"]
    assert unbreakable_pieces("D3: 18,16") == ["D3:\u00a018,16"]


def test_distribute_follows_css_automatic_table_layout():
    """CSS 2.1 §17.5.2.2: minima first, the rest in proportion to max − min; all maxima fit:
    in proportion to the maxima."""
    assert distribute([10, 20], [30, 40], 140) == pytest.approx([60, 80])
    assert distribute([10, 20], [50, 20], 50) == pytest.approx([30, 20])
    assert distribute([10, 20], [110, 20], 80) == pytest.approx([60, 20])
    assert distribute([60, 60], [90, 90], 100) == pytest.approx([50, 50])


def _table(header, rows, small=False):
    return Table("t", "5.1", "T", (tuple(Cell(t, "header") for t in header),), tuple(tuple(Cell(t) for t in row) for row in rows), "S", small=small)


def test_every_column_is_as_wide_as_its_longest_word_and_number():
    table = _table(
        ["Variabel", "Cronbach's Alpha", "Keterangan"],
        [["Perencanaan Kinerja (X1)", "0,905", "Reliabel"], ["Multikolinearitas", "1.234,567", "Tidak terjadi heteroskedastisitas"]],
    )
    layout = table_layout(table)
    assert sum(layout.widths_pt) == pytest.approx(TEXT_WIDTH_PT)
    assert layout.size_pt == 10.0
    for column, words in enumerate([["Variabel", "Multikolinearitas"], ["Cronbach's", "1.234,567"], ["heteroskedastisitas"]]):
        bold = column == 1
        assert layout.widths_pt[column] > max(text_width(w, 10.0, bold) for w in words)


def test_a_table_too_wide_at_ten_points_is_set_smaller():
    wide = _table([f"Kolom{k}" for k in range(14)], [[f"{k}.234,5" for k in range(14)]])
    assert table_layout(wide).size_pt < 10.0


def test_lines_are_filled_word_by_word():
    words = "kata " * 200
    width = text_width("kata", 12.0) * 10 + text_width(" ", 12.0) * 9.5
    assert lines_of(words, width) == 20


def test_a_paragraph_moves_before_a_figure_that_would_leave_a_gap():
    """Half a page of text, then a figure as tall as two thirds of a page: the paragraphs after
    the figure fill the page first (the second one runs over to the next page), then the figure;
    a heading ends the moving."""
    line = "kata " * 14
    para = lambda n: Paragraph((line * n).strip())  # noqa: E731
    figure = Figure("f", "5.1", "Gambar", Path("figures/a.png"), width=1.0)
    first, after, longer, beyond = para(17), para(6), para(20), para(3)
    later = Section("Lanjut", 3, "5.1.1", [beyond])
    section = Section("Hasil", 2, "5.1", [first, figure, after, longer, later])
    doc = Document("id", "BAB V", "HASIL", "Judul", "", 2024, [section])
    moved, flow = flowed(doc, lambda f: (PAGE_HEIGHT_PT * 0.66 - 60) / TEXT_WIDTH_PT)
    assert moved.sections[0].blocks[:4] == [first, after, longer, figure]
    assert doc.sections[0].blocks[1] is figure  # the original is left as it was
    assert flow.page_of["f"] == 2


def test_a_figure_that_leaves_a_small_gap_is_not_moved():
    line = "kata " * 14
    figure = Figure("f", "5.1", "Gambar", Path("figures/a.png"), width=1.0)
    lines = int((PAGE_HEIGHT_PT - LARGEST_GAP) // 18) + 2  # the page more than two thirds full
    section = Section("Hasil", 2, "5.1", [Paragraph((line * lines).strip()), figure, Paragraph(line)])
    doc = Document("id", "BAB V", "HASIL", "Judul", "", 2024, [section])
    moved, _ = flowed(doc, lambda f: 0.75)
    assert moved.sections[0].blocks[1] is figure
    assert isinstance(Flow(lambda f: 1.0).pages.left, float)


def test_after_a_run_of_floats_the_following_paragraphs_fill_the_page():
    """A table then a figure, neither fitting below half a page of text: the paragraph after
    the two comes first; the table keeps its place before the figure."""
    line = "kata " * 14
    table_like = Figure("g", "5.2", "Gambar", Path("figures/b.png"), width=1.0)
    figure = Figure("f", "5.1", "Gambar", Path("figures/a.png"), width=1.0)
    first, after = Paragraph((line * 17).strip()), Paragraph((line * 4).strip())
    section = Section("Hasil", 2, "5.1", [first, figure, table_like, after])
    doc = Document("id", "BAB V", "HASIL", "Judul", "", 2024, [section])
    moved, flow = flowed(doc, lambda f: (PAGE_HEIGHT_PT * 0.6 - 60) / TEXT_WIDTH_PT)
    assert moved.sections[0].blocks == [first, after, figure, table_like]
    assert flow.page_of == {"f": 2, "g": 3}


def test_one_font_configuration_per_process_and_thread():
    """render/pdf._fonts: the documents a thread renders share one font configuration; another
    thread gets its own."""
    import threading

    from reportgen.render.pdf import _fonts

    other = []
    thread = threading.Thread(target=lambda: other.append(_fonts()))
    thread.start()
    thread.join()
    assert _fonts() is _fonts() and other[0] is not _fonts()
