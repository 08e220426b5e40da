"""The DOCX is a Word document a student goes on editing (reportgen/render/docx.py): captions are
SEQ fields in the Caption style whose cached numbers are the document's own and which Word's
field update (F9) leaves as they are; the contents are a TOC field with its entries written out;
headings in Heading 1–4; tables keep their header rows on every page, never split a row and, when
they fit on a page, stay on one; captions keep with what follows; page numbers start at
``study.first_page``. Checked in word/document.xml of every example in both languages.

Field codes: ECMA-376 Part 1, §17.16 (SEQ: ``\\r`` resets to a number, ``\\s`` at a heading level;
TOC: ``\\o``, ``\\c``); row properties ``w:cantSplit`` and ``w:tblHeader``, §17.4.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

from reportgen.render.measure import bind, no_widow
from reportgen.pipeline import compose
from reportgen.render.docx import _keep_rows, seq_identifier, write_docx
from reportgen.report.document import Cell, Document, Figure, Paragraph, Section, Table

from helpers import EXAMPLES, example_variant

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
EXAMPLE_NAMES = sorted(p.parent.name for p in EXAMPLES.glob("*/study.yaml"))
SEQ = re.compile(r"^SEQ (\S+) \\\* ARABIC(?P<s> \\s 1)?(?: \\r (?P<r>\d+))?$")


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def placeholder_figures(doc: Document, base: Path) -> None:
    """A small PNG where each figure goes: the XML checked here does not depend on the drawing."""
    for figure in doc.figures():
        target = base / figure.path
        target.parent.mkdir(parents=True, exist_ok=True)
        Image.new("L", (40, 30), 200).save(target)


def write(doc: Document, labels: dict, folder: Path, **options) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    placeholder_figures(doc, folder)
    return write_docx(doc, labels, folder, folder / "chapter.docx", **options)


def part(path: Path, name: str):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def style(p) -> str | None:
    found = p.find("w:pPr/w:pStyle", NS)
    return found.get(w("val")) if found is not None else None


def text(p) -> str:
    """A paragraph's text as Word shows it: w:t, w:br as a newline; field codes left out."""
    out = []
    for element in p.iter(w("t"), w("br")):
        out.append("\n" if element.tag == w("br") else element.text or "")
    return "".join(out)


def fields(p) -> list[tuple[str, str]]:
    """(code, cached result) of each complex field that begins in paragraph ``p``."""
    found, code, result, state = [], [], [], None
    for r in p.iter(w("r")):
        char = r.find("w:fldChar", NS)
        if char is not None:
            kind = char.get(w("fldCharType"))
            if kind == "begin":
                code, result, state = [], [], "code"
            elif kind == "separate":
                state = "result"
            elif kind == "end" and state is not None:
                found.append(("".join(code).strip(), "".join(result)))
                state = None
            continue
        if state == "code":
            code += [t.text or "" for t in r.findall("w:instrText", NS)]
        elif state == "result":
            result += [t.text or "" for t in r.findall("w:t", NS)]
    return found


def body_paragraphs(root) -> list:
    return root.findall("w:body/w:p", NS)


def captions(root) -> list[dict]:
    """Every paragraph holding a SEQ field: its style, text, keep-with-next and the field."""
    out = []
    for p in body_paragraphs(root):
        for code, result in fields(p):
            if code.startswith("SEQ "):
                m = SEQ.match(code)
                assert m, code
                out.append({"style": style(p), "text": text(p), "keep": p.find("w:pPr/w:keepNext", NS) is not None,
                            "identifier": m.group(1), "heading_reset": bool(m.group("s")),
                            "restart": int(m.group("r")) if m.group("r") else None, "result": result})
    return out


def word_update(root) -> list[int]:
    """The numbers Word's field update gives the SEQ fields, in order: one more than the last of the
    identifier; ``\\r n``: n; ``\\s 1``: 1 when a Heading 1 stands between it and the last."""
    last: dict[str, int] = {}
    heading_since: dict[str, bool] = {}
    numbers = []
    for p in body_paragraphs(root):
        if style(p) == "Heading1":
            heading_since = {k: True for k in last}
        for code, _ in fields(p):
            m = SEQ.match(code)
            if not m:
                continue
            name = m.group(1)
            if m.group("r"):
                value = int(m.group("r"))
            elif m.group("s") and heading_since.get(name, True):
                value = 1
            else:
                value = last.get(name, 0) + 1
            last[name], heading_since[name] = value, False
            numbers.append(value)
    return numbers


def expected_captions(doc: Document, labels: dict) -> list[tuple[str, str, str]]:
    """(label, number, title) of every table and figure, in reading order."""
    return [(labels["table" if isinstance(b, Table) else "figure"], b.number, b.title)
            for b in doc.walk() if isinstance(b, (Table, Figure))]


def section_headings(doc: Document) -> list[tuple[str, str]]:
    """(style id, text) of the chapter heading and every section heading."""
    heads = [("Heading1", f"{bind(doc.chapter_label)}\n{bind(no_widow(doc.title))}")]
    for b in doc.walk():
        if isinstance(b, Section):
            heads.append((f"Heading{min(b.level, 4)}", f"{b.number}\n{bind(no_widow(b.title))}" if b.level == 1
                          else bind(no_widow(f"{b.number} {b.title}".strip()))))
    return heads


@pytest.fixture(scope="module", params=[(e, lang) for e in EXAMPLE_NAMES for lang in ("id", "en")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def written(request, tmp_path_factory):
    example, lang = request.param
    composed = compose(EXAMPLES / example / "study.yaml", lang)
    path = write(composed.document, composed.labels, tmp_path_factory.mktemp(f"{example}-{lang}"))
    return composed.document, composed.labels, path, part(path, "word/document.xml")


def test_every_caption_is_a_seq_field_with_the_documents_number(written):
    doc, labels, _, root = written
    found = captions(root)
    want = expected_captions(doc, labels)
    assert len(found) == len(want) > 0
    for caption, (label, number, title) in zip(found, want):
        assert caption["style"] == "Caption"
        assert caption["keep"], number
        assert caption["identifier"] == label  # "Tabel" / "Gambar" / "Table" / "Figure": Insert › Caption goes on counting
        assert caption["text"] == f"{label} {number}\n{bind(no_widow(title))}"
        assert caption["result"] == number.rpartition(".")[2]
        assert caption["heading_reset"] == ("." in number)  # chapter-numbered captions restart at each Heading 1
    assert {c["identifier"] for c in found} <= {labels["table"], labels["figure"]}


def test_updating_the_fields_changes_no_number(written):
    _, _, _, root = written
    assert word_update(root) == [int(c["result"]) for c in captions(root)]


def test_contents_is_a_toc_field_under_its_title_with_the_headings_written_out(written):
    doc, _, path, root = written
    paragraphs = body_paragraphs(root)
    assert style(paragraphs[0]) == "Heading1" and text(paragraphs[0]) == f"{bind(doc.chapter_label)}\n{bind(no_widow(doc.title))}"
    after_preface = 1 + len(doc.preface)
    assert [text(p) for p in paragraphs[1:after_preface]] == [bind(p.text) for p in doc.preface]
    title = paragraphs[after_preface]
    assert style(title) == "TOCHeading" and text(title) == doc.contents_title
    begin = paragraphs[after_preface + 1]
    assert [code for code, _ in fields(begin)] == []  # the field spans paragraphs: it begins here, ends below
    assert begin.xpath("string(.//w:instrText)", namespaces=NS).strip() == 'TOC \\o "1-4" \\h \\z \\u'
    end = next(i for i, p in enumerate(paragraphs) if p.find(".//w:fldChar[@w:fldCharType='end']", NS) is not None)
    entries = paragraphs[after_preface + 1:end + 1]
    heads = [(1, f"{doc.chapter_label} {doc.title}")] + [
        (b.level, f"{b.number} {b.title}".strip()) for b in doc.walk() if isinstance(b, Section) and b.level <= 4]
    assert [(style(p), text(p)) for p in entries] == [(f"TOC{level}", t) for level, t in heads]
    update = part(path, "word/settings.xml").find("w:updateFields", NS)
    assert update is not None and update.get(w("val")) == "true"


def test_headings_in_heading_styles(written):
    doc, _, _, root = written
    found = [(style(p), text(p)) for p in body_paragraphs(root) if (style(p) or "").startswith("Heading")]
    assert found == section_headings(doc)


def test_rows_whole_headers_repeated_and_tables_kept_on_a_page(written):
    doc, _, _, root = written
    tables = [b for b in doc.walk() if isinstance(b, Table)]
    blocks = [b for b in doc.walk() if not isinstance(b, Section)]
    before_signature = {a.key for a, b in zip(blocks, blocks[1:]) if isinstance(a, Table) and getattr(b, "style", "") == "gap"}
    xml_tables = root.findall("w:body/w:tbl", NS)
    assert len(xml_tables) == len(tables)
    for t, tbl in zip(tables, xml_tables):
        rows = tbl.findall("w:tr", NS)
        assert len(rows) == len(t.header) + len(t.body)
        keep = _keep_rows(t)
        for r, tr in enumerate(rows):
            assert tr.find("w:trPr/w:cantSplit", NS) is not None, (t.number, r)
            assert (tr.find("w:trPr/w:tblHeader", NS) is not None) == (r < len(t.header)), (t.number, r)
            kept = [p.find("w:pPr/w:keepNext", NS) is not None for p in tr.iter(w("p"))]
            assert kept == [keep[r]] * len(kept), (t.number, r)  # every paragraph, the empty ones of merged cells too
        following = tbl.getnext()  # the note and source lines: all but the last keep with the next
        lines = [following]
        for _ in t.notes:
            lines.append(lines[-1].getnext())
        assert [text(p) for p in lines] == [bind(n) for n in t.notes] + [bind(t.source)]
        signed = t.key in before_signature  # a signature block brings the line above it along
        assert [p.find("w:pPr/w:keepNext", NS) is not None for p in lines] == [True] * len(t.notes) + [signed]
    if tables:
        assert all(_keep_rows(tables[0]))  # the first table of every example fits on a page: kept whole


def test_a_figures_caption_picture_and_source_stay_together(written):
    doc, _, _, root = written
    paragraphs = body_paragraphs(root)
    pictures = [i for i, p in enumerate(paragraphs) if p.find(".//w:drawing", NS) is not None]
    figures = doc.figures()
    assert len(pictures) == len(figures)
    for i, figure in zip(pictures, figures):
        caption, picture, source = paragraphs[i - 1], paragraphs[i], paragraphs[i + 1]
        assert style(caption) == "Caption" and text(caption).endswith(bind(no_widow(figure.title)))
        assert caption.find("w:pPr/w:keepNext", NS) is not None
        assert picture.find("w:pPr/w:keepNext", NS) is not None and picture.find("w:pPr/w:keepLines", NS) is not None
        spacing = picture.find("w:pPr/w:spacing", NS)
        assert spacing.get(w("line")) == "240" and spacing.get(w("lineRule")) == "auto"  # single: not the body's 1.5
        assert text(source) == figure.source


def test_page_numbers_start_at_first_page(written):
    doc, _, _, root = written
    start = root.find("w:body/w:sectPr/w:pgNumType", NS)
    assert start is not None and start.get(w("start")) == str(doc.first_page) == "1"


@pytest.fixture(scope="module")
def two_chapters(tmp_path_factory):
    """The demo with BAB VI (study.chapters: [5, 6]) starting on page 53; BAB VI has its own Tabel
    6.1 (importance–performance) and is given a figure and a second table after it, so its
    numbers 6.1, 6.2 follow BAB V's."""
    folder = tmp_path_factory.mktemp("two-chapters")

    def edit(config):
        config["study"].pop("chapter", None)
        config["study"]["chapters"] = [5, 6]
        config["study"]["first_page"] = 53

    composed = compose(example_variant("luwu-timur", folder, edit), "id")
    doc = composed.document
    sixth = next(s for s in doc.sections if s.level == 1)
    cells = ((Cell("A", "header"), Cell("B", "header")),), ((Cell("a", "stub"), Cell("1")),)
    practice = sixth.blocks[1].blocks[1]  # 6.2.2, which holds Tabel 6.1
    assert [b.number for b in practice.blocks if isinstance(b, Table)] == ["6.1"]
    practice.blocks += [Figure("vi.f", "6.1", "Gambar Bab Enam", Path("figures/vi.png"), source="Sumber: uji"),
                        Table("vi.2", "6.2", "Ringkasan Kedua", *cells, "Sumber: uji")]
    path = write(doc, composed.labels, folder / "out")
    return doc, composed.labels, path, part(path, "word/document.xml")


def test_a_second_chapter_restarts_its_numbers(two_chapters):
    doc, labels, _, root = two_chapters
    found = captions(root)
    assert [c["text"].split("\n")[0] for c in found][-3:] == ["Tabel 6.1", "Gambar 6.1", "Tabel 6.2"]
    restarts = [(c["identifier"], c["result"], c["restart"]) for c in found if c["restart"] is not None]
    assert restarts == [("Tabel", "1", 1), ("Gambar", "1", 1)]  # the first table and figure of BAB VI, no other
    assert word_update(root) == [int(c["result"]) for c in found]
    heading = next(p for p in body_paragraphs(root) if style(p) == "Heading1" and text(p).startswith("BAB VI"))
    assert text(heading) == "BAB VI\nKESIMPULAN, IMPLIKASI, DAN\u00a0SARAN" and heading.find("w:pPr/w:pageBreakBefore", NS) is not None


def test_inserting_a_table_shifts_every_later_number_of_its_chapter(two_chapters):
    """What a student gets after Insert › Caption (``SEQ Tabel \\* ARABIC``) before Tabel 5.3 and F9."""
    _, _, _, root = two_chapters
    paragraphs = body_paragraphs(root)
    before = word_update(root)
    third = next(p for p in paragraphs if text(p).startswith("Tabel 5.3\n"))
    inserted = etree.fromstring(
        f'<w:p xmlns:w="{W}"><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> SEQ Tabel \\* ARABIC </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    third.addprevious(inserted)
    after = word_update(root)
    third.getparent().remove(inserted)
    labels = [c["text"].split("\n")[0] for c in captions(root)]
    shifted = dict(zip(labels, after[:labels.index("Tabel 5.3")] + after[labels.index("Tabel 5.3") + 1:]))
    assert after[labels.index("Tabel 5.3")] == 3  # the new table is 5.3
    assert shifted["Tabel 5.3"] == 4 and shifted["Tabel 5.33"] == 34 and shifted["Tabel 5.2"] == 2
    assert shifted["Gambar 5.1"] == before[labels.index("Gambar 5.1")]  # figures keep their numbers
    assert shifted["Tabel 6.1"] == 1 and shifted["Tabel 6.2"] == 2  # BAB VI still starts at 1


def test_page_numbers_start_at_the_studys_first_page(two_chapters):
    _, _, _, root = two_chapters
    sect = root.find("w:body/w:sectPr", NS)
    assert sect.find("w:pgNumType", NS).get(w("start")) == "53"
    children = [etree.QName(c).localname for c in sect]
    assert children.index("pgNumType") == children.index("pgMar") + 1  # schema order: after pgMar, before cols


def test_a_long_table_keeps_only_its_header_first_and_last_rows():
    header = ((Cell("No", "header"), Cell("Pernyataan", "header")),)
    body = tuple((Cell(str(i)), Cell("pernyataan " * 12, align="left")) for i in range(60))
    long = Table("long", "5.1", "Panjang", header, body, "Sumber: uji")
    assert _keep_rows(long) == [True, True] + [False] * 57 + [True, True]
    short = Table("short", "5.2", "Pendek", header, body[:8], "Sumber: uji")
    assert _keep_rows(short) == [True] * 9


def test_lists_of_tables_and_figures_on_request(tmp_path):
    composed = compose(EXAMPLES / "luwu-timur" / "study.yaml", "en")
    doc, labels = composed.document, composed.labels
    root = part(write(doc, labels, tmp_path, lists=True), "word/document.xml")
    paragraphs = body_paragraphs(root)
    titles = [(i, text(p)) for i, p in enumerate(paragraphs) if style(p) == "TOCHeading"]
    assert [t for _, t in titles] == ["Contents", "List of Tables", "List of Figures"]
    for (i, title), kind, label in ((titles[1], Table, "Table"), (titles[2], Figure, "Figure")):
        code = paragraphs[i + 1].xpath("string(.//w:instrText)", namespaces=NS).strip()
        assert code == f'TOC \\h \\z \\c "{label}"'
        blocks = [b for b in doc.walk() if isinstance(b, kind)]
        entries = paragraphs[i + 1:i + 1 + len(blocks)]
        assert [(style(p), text(p)) for p in entries] == [("TableofFigures", f"{label} {b.number} {b.title}") for b in blocks]
        assert entries[-1].find(".//w:fldChar[@w:fldCharType='end']", NS) is not None
    plain = part(write(doc, labels, tmp_path / "plain"), "word/document.xml")
    assert [text(p) for p in body_paragraphs(plain) if style(p) == "TOCHeading"] == ["Contents"]


def test_list_titles_in_both_languages_and_the_study_option():
    from reportgen.config.models import StudyInfo
    from reportgen.config.sakip import SakipInfo
    from reportgen.words.labels import load_labels

    assert {k: load_labels("id", None)[k] for k in ("list_of_tables", "list_of_figures")} == {
        "list_of_tables": "Daftar Tabel", "list_of_figures": "Daftar Gambar"}
    assert {k: load_labels("en", None)[k] for k in ("list_of_tables", "list_of_figures")} == {
        "list_of_tables": "List of Tables", "list_of_figures": "List of Figures"}
    assert StudyInfo(title="T", year=2024).lists is False
    assert StudyInfo(title="T", year=2024, lists=True).lists is True
    assert SakipInfo(title="T", year=2024, lists=True).lists is True


def test_a_label_with_a_space_is_still_a_field_identifier():
    assert seq_identifier("Tabel") == "Tabel"
    assert seq_identifier("Tabel Data") == "Tabel_Data"
    assert seq_identifier("1 Tabel") == "L_1_Tabel"


def test_a_number_word_cannot_count_stays_text(tmp_path):
    section = Section("Uji", 2, "5.1", [Figure("f", "5.1a", "Varian", Path("figures/f.png"), source="Sumber: uji")])
    doc = Document("id", "BAB V", "HASIL", "Studi", "A", 2024, [section])
    root = part(write(doc, {"table": "Tabel", "figure": "Gambar"}, tmp_path), "word/document.xml")
    caption = next(p for p in body_paragraphs(root) if style(p) == "Caption")
    assert text(caption) == "Gambar 5.1a\nVarian" and fields(caption) == []


def test_sakip_table_numbers_follow_reading_order():
    """The SAKIP report numbers its tables in reading order, so its SEQ fields need no restart
    and a table the reader inserts shifts every later number."""
    doc = compose(EXAMPLES / "sakip-luwu-timur" / "study.yaml", "id").document
    numbers = [int(b.number) for b in doc.walk() if isinstance(b, Table)]
    assert numbers == list(range(1, len(numbers) + 1))
    methods = next(p.text for p in doc.walk() if isinstance(p, Paragraph) and "Konversi" not in p.text and "(Tabel 1)" in p.text)
    assert "sebagaimana pada Tabel 4" in methods  # the text cites the renumbered tables
