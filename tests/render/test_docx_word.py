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
from helpers import EXAMPLES, LIGHT_EXAMPLE, composed_example, example_variant
from lxml import etree
from PIL import Image

from reportgen.pipeline import compose
from reportgen.render.docx import LETTER_STYLES, _keep_rows, seq_identifier, write_docx
from reportgen.render.measure import bind, no_widow
from reportgen.report.document import Cell, Document, Figure, Paragraph, Section, Table

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
                out.append(
                    {
                        "style": style(p),
                        "text": text(p),
                        "keep": p.find("w:pPr/w:keepNext", NS) is not None,
                        "identifier": m.group(1),
                        "heading_reset": bool(m.group("s")),
                        "restart": int(m.group("r")) if m.group("r") else None,
                        "result": result,
                    }
                )
    return out


def word_update(root) -> list[int]:
    """The numbers Word's field update gives the SEQ fields, in order: one more than the last of the
    identifier; ``\\r n``: n; ``\\s 1``: 1 when a Heading 1 stands between it and the last."""
    last: dict[str, int] = {}
    heading_since: dict[str, bool] = {}
    numbers = []
    for p in body_paragraphs(root):
        if style(p) == "Heading1":
            heading_since = dict.fromkeys(last, True)
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
    return [(labels["table" if isinstance(b, Table) else "figure"], b.number, b.title) for b in doc.walk() if isinstance(b, (Table, Figure))]


def section_headings(doc: Document) -> list[tuple[str, str]]:
    """(style id, text) of the chapter heading and every section heading."""
    heads = [("Heading1", f"{bind(doc.chapter_label)}\n{bind(no_widow(doc.title))}")]
    for b in doc.walk():
        if isinstance(b, Section):
            heads.append(
                (
                    f"Heading{min(b.level, 4)}",
                    f"{b.number}\n{bind(no_widow(b.title))}" if b.level == 1 else bind(no_widow(f"{b.number} {b.title}".strip())),
                )
            )
    return heads


@pytest.fixture(
    scope="module",
    params=[pytest.param((e, lang), marks=() if e == LIGHT_EXAMPLE else pytest.mark.heavy) for e in EXAMPLE_NAMES for lang in ("id", "en")],
    ids=lambda p: f"{p[0]}-{p[1]}",
)
def written(request, tmp_path_factory):
    """Each example's DOCX (the thesis replica's in make test, the others' in make test-heavy)."""
    example, lang = request.param
    composed = composed_example(example, lang)
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
    paragraphs = body_paragraphs(root)[len(doc.letter) :]  # after a cover letter (the SAKIP recapitulation's to the Bupati), if any
    assert style(paragraphs[0]) == "Heading1" and text(paragraphs[0]) == f"{bind(doc.chapter_label)}\n{bind(no_widow(doc.title))}"
    after_preface = 1 + len(doc.preface)
    assert [text(p) for p in paragraphs[1:after_preface]] == [bind(p.text) for p in doc.preface]
    title = paragraphs[after_preface]
    assert style(title) == "TOCHeading" and text(title) == doc.contents_title
    begin = paragraphs[after_preface + 1]
    assert [code for code, _ in fields(begin)] == []  # the field spans paragraphs: it begins here, ends below
    assert begin.xpath("string(.//w:instrText)", namespaces=NS).strip() == 'TOC \\o "1-4" \\h \\z \\u'
    end = next(i for i, p in enumerate(paragraphs) if p.find(".//w:fldChar[@w:fldCharType='end']", NS) is not None)
    entries = paragraphs[after_preface + 1 : end + 1]
    heads = [(1, f"{doc.chapter_label} {doc.title}")] + [
        (b.level, f"{b.number} {b.title}".strip()) for b in doc.walk() if isinstance(b, Section) and b.level <= 4
    ]
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
    """Caption, picture, source line (in Bahasa Indonesia: picture, caption, source line, as the
    university guidelines ask; study.captions), each kept with the next."""
    doc, _, _, root = written
    paragraphs = body_paragraphs(root)
    pictures = [i for i, p in enumerate(paragraphs) if p.find(".//w:drawing", NS) is not None]
    figures = doc.figures()
    assert len(pictures) == len(figures)
    assert doc.figure_caption == ("below" if doc.lang == "id" else "above")
    for i, figure in zip(pictures, figures):
        below = doc.figure_caption == "below"
        caption, picture = paragraphs[i + 1 if below else i - 1], paragraphs[i]
        source = paragraphs[i + 2 if below else i + 1]
        assert style(caption) == "Caption" and text(caption).endswith(bind(no_widow(figure.title)))
        assert caption.find("w:pPr/w:keepNext", NS) is not None
        assert picture.find("w:pPr/w:keepNext", NS) is not None and picture.find("w:pPr/w:keepLines", NS) is not None
        spacing = picture.find("w:pPr/w:spacing", NS)
        assert spacing.get(w("line")) == "240" and spacing.get(w("lineRule")) == "auto"  # single: not the body's 1.5
        assert text(source) == figure.source


def test_page_numbers_start_at_first_page(written):
    doc, _, _, root = written
    start = root.find("w:body/w:sectPr/w:pgNumType", NS)
    # a cover letter is the unnumbered page 0: the report after it starts at its first page
    assert start is not None and start.get(w("start")) == str(doc.first_page - bool(doc.letter)) and doc.first_page == 1


@pytest.fixture(scope="module")
def two_chapters(tmp_path_factory):
    """The demo with BAB VI (study.chapters: [5, 6]) starting on page 53; BAB VI has its own Tabel
    6.1 (importance–performance) and Gambar 6.1 (its map), and is given a second table after
    them, so its numbers 6.1, 6.2 follow BAB V's."""
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
    assert [b.number for b in practice.blocks if isinstance(b, Figure)] == ["6.1"]
    practice.blocks += [Table("vi.2", "6.2", "Ringkasan Kedua", *cells, "Sumber: uji")]
    path = write(doc, composed.labels, folder / "out")
    return doc, composed.labels, path, part(path, "word/document.xml")


def test_a_second_chapter_restarts_its_numbers(two_chapters):
    _doc, _labels, _, root = two_chapters
    found = captions(root)
    assert [c["text"].split("\n")[0] for c in found][-3:] == ["Tabel 6.1", "Gambar 6.1", "Tabel 6.2"]
    restarts = [(c["identifier"], c["result"], c["restart"]) for c in found if c["restart"] is not None]
    assert restarts == [("Tabel", "1", 1), ("Gambar", "1", 1)]  # the first table and figure of BAB VI, no other
    assert word_update(root) == [int(c["result"]) for c in found]
    heading = next(p for p in body_paragraphs(root) if style(p) == "Heading1" and text(p).startswith("BAB VI"))
    assert text(heading) == "BAB VI\nKESIMPULAN, IMPLIKASI, DAN\u00a0SARAN" and heading.find("w:pPr/w:pageBreakBefore", NS) is not None


def insert_caption_before(paragraphs, start: str):
    """What Insert › Caption writes (``SEQ Tabel \\* ARABIC``), put before the paragraph whose text
    begins with ``start``: (that paragraph, the inserted one)."""
    following = next(p for p in paragraphs if text(p).startswith(start))
    inserted = etree.fromstring(
        f'<w:p xmlns:w="{W}"><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> SEQ Tabel \\* ARABIC </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    following.addprevious(inserted)
    return following, inserted


def test_inserting_a_table_shifts_every_later_number_of_its_chapter(two_chapters):
    """What a student gets after Insert › Caption (``SEQ Tabel \\* ARABIC``) before Tabel 5.3 and F9."""
    _, _, _, root = two_chapters
    paragraphs = body_paragraphs(root)
    before = word_update(root)
    third, inserted = insert_caption_before(paragraphs, "Tabel 5.3\n")
    after = word_update(root)
    third.getparent().remove(inserted)
    labels = [c["text"].split("\n")[0] for c in captions(root)]
    shifted = dict(zip(labels, after[: labels.index("Tabel 5.3")] + after[labels.index("Tabel 5.3") + 1 :]))
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
    composed = composed_example("luwu-timur", "en")
    doc, labels = composed.document, composed.labels
    root = part(write(doc, labels, tmp_path, lists=True), "word/document.xml")
    paragraphs = body_paragraphs(root)
    titles = [(i, text(p)) for i, p in enumerate(paragraphs) if style(p) == "TOCHeading"]
    assert [t for _, t in titles] == ["Contents", "List of Tables", "List of Figures"]
    for (i, _title), kind, label in ((titles[1], Table, "Table"), (titles[2], Figure, "Figure")):
        code = paragraphs[i + 1].xpath("string(.//w:instrText)", namespaces=NS).strip()
        assert code == f'TOC \\h \\z \\c "{label}"'
        blocks = [b for b in doc.walk() if isinstance(b, kind)]
        entries = paragraphs[i + 1 : i + 1 + len(blocks)]
        assert [(style(p), text(p)) for p in entries] == [("TableofFigures", f"{label} {b.number} {b.title}") for b in blocks]
        assert entries[-1].find(".//w:fldChar[@w:fldCharType='end']", NS) is not None
    plain = part(write(doc, labels, tmp_path / "plain"), "word/document.xml")
    assert [text(p) for p in body_paragraphs(plain) if style(p) == "TOCHeading"] == ["Contents"]


def test_list_titles_in_both_languages_and_the_study_option():
    from reportgen.config.models import StudyInfo
    from reportgen.config.sakip import SakipInfo
    from reportgen.words.labels import load_labels

    assert {k: load_labels("id", None)[k] for k in ("list_of_tables", "list_of_figures")} == {
        "list_of_tables": "Daftar Tabel",
        "list_of_figures": "Daftar Gambar",
    }
    assert {k: load_labels("en", None)[k] for k in ("list_of_tables", "list_of_figures")} == {
        "list_of_tables": "List of Tables",
        "list_of_figures": "List of Figures",
    }
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
    doc = composed_example("sakip-luwu-timur", "id").document
    numbers = [int(b.number) for b in doc.walk() if isinstance(b, Table)]
    assert numbers == list(range(1, len(numbers) + 1))
    methods = next(p.text for p in doc.walk() if isinstance(p, Paragraph) and "Konversi" not in p.text and "(Tabel 1)" in p.text)
    assert "sebagaimana pada Tabel 4" in methods  # the text cites the renumbered tables


# -- cross-references and table rules (issue 30) ---------------------------------------------


def bookmarked(p) -> list[tuple[str, str, str]]:
    """(name, id, text) of each bookmark in paragraph ``p``: the w:t between its start and its end
    (a field's result included, its code left out)."""
    found, open_ = [], {}
    for element in p.iter(w("bookmarkStart"), w("bookmarkEnd"), w("t")):
        if element.tag == w("bookmarkStart"):
            open_[element.get(w("id"))] = [element.get(w("name")), []]
        elif element.tag == w("bookmarkEnd"):
            name, texts = open_.pop(element.get(w("id")))
            found.append((name, element.get(w("id")), "".join(texts)))
        else:
            for _, texts in open_.values():
                texts.append(element.text or "")
    assert not open_, open_
    return found


def references(root) -> list[tuple[str, str, str]]:
    """(bookmark, cached result, the text of the run before the field) of every REF field in the
    body's paragraphs, in order."""
    out = []
    for p in body_paragraphs(root):
        runs = list(p.iter(w("r")))
        for i, r in enumerate(runs):
            char = r.find("w:fldChar", NS)
            if char is None or char.get(w("fldCharType")) != "begin":
                continue
            code = "".join(t.text or "" for t in runs[i + 1].findall("w:instrText", NS)).split()
            if code and code[0] == "REF":
                result = "".join(t.text or "" for t in runs[i + 3].findall("w:t", NS))  # begin, code, separate, result
                before = "".join(t.text or "" for t in runs[i - 1].findall("w:t", NS)) if i else ""
                out.append((code[1], result, before))
    return out


def test_every_caption_number_is_a_bookmark_and_every_reference_a_ref_field_to_it(written):
    """Word's cross-references: the number of each caption ("5.1": text and SEQ field) is a hidden
    bookmark, unique; each "Tabel 5.1" / "Gambar 5.2" in the text is the label, a no-break space
    and a REF field to that bookmark whose cached result is the number the PDF prints, so F9
    after a renumbering renumbers the references (ECMA-376 Part 1, §17.13.6 and §17.16.5)."""
    doc, labels, _, root = written
    caption_marks = [
        (name, ident, marked, text(p).split("\n")[0]) for p in body_paragraphs(root) if style(p) == "Caption" for name, ident, marked in bookmarked(p)
    ]
    blocks = [b for b in doc.walk() if isinstance(b, (Table, Figure))]
    assert [(text, label_number) for _, _, text, label_number in caption_marks] == [
        (b.number, f"{labels['table' if isinstance(b, Table) else 'figure']} {b.number}") for b in blocks
    ]
    names = [name for name, _, _, _ in caption_marks]
    ids = [ident for _, ident, _, _ in caption_marks]
    assert len(set(names)) == len(names) and len(set(ids)) == len(ids)
    assert all(name.startswith("_Ref") and len(name) <= 40 and re.fullmatch(r"\w+", name) for name in names)
    every_id = [e.get(w("id")) for e in root.iter(w("bookmarkStart"))]
    assert len(every_id) == len(set(every_id)) == len(names)  # no other bookmark shares an id
    number_of = {name: text for name, _, text, _ in caption_marks}
    label_of = {name: label_number.rsplit(" ", 1)[0] for name, _, _, label_number in caption_marks}
    refs = references(root)
    for bookmark, result, before in refs:
        assert bookmark in number_of, bookmark
        assert result == number_of[bookmark]  # what updating the field gives: no number changes
        assert before.endswith(label_of[bookmark] + "\u00a0")
    paragraphs = [p for p in [*doc.preface, *doc.walk()] if isinstance(p, Paragraph) and p.style not in LETTER_STYLES]
    cited = [
        re.compile(
            rf"(?<![\w.]){labels['table' if isinstance(b, Table) else 'figure']}[ \u00a0]{re.escape(b.number)}"
            r"(?![\w]|[.,]\d)"
        )
        for b in blocks
    ]
    assert len(refs) == sum(len(pattern.findall(p.text)) for p in paragraphs for pattern in cited)


def test_the_demos_references_are_fields_and_read_as_the_pdf(tmp_path):
    """The demo's text cites its tables in 60-odd places, each a REF field; every paragraph reads
    in Word as in the PDF (its text, no-break spaces included)."""
    composed = composed_example("luwu-timur", "id")
    root = part(write(composed.document, composed.labels, tmp_path), "word/document.xml")
    refs = references(root)
    assert len(refs) > 40 and {result for _, result, _ in refs} >= {"5.1", "5.5", "5.29", "5.34"}
    shown = {text(p) for p in body_paragraphs(root) if any(code.startswith("REF ") for code, _ in fields(p))}
    printed = {bind(p.text) for p in composed.document.walk() if isinstance(p, Paragraph)}
    assert shown and shown <= printed
    first = next(p for p in body_paragraphs(root) if text(p).startswith("Berdasarkan Tabel\u00a05.1,"))
    assert [code for code, _ in fields(first)] == ["REF _Ref_Tabel_5_1 \\h"]


def test_tables_are_ruled_horizontally_as_the_pdf(written):
    """APA 7 §7.17 (table borders) and the PDF: rules above and below the table (1 pt) and under
    the header, a 0.25 pt grey hairline between rows, no vertical line, no grid style."""
    doc, _, _, root = written
    tables = [b for b in doc.walk() if isinstance(b, Table)]
    for t, tbl in zip(tables, root.findall("w:body/w:tbl", NS)):
        assert tbl.find("w:tblPr/w:tblStyle", NS) is None
        borders = {etree.QName(e).localname: (e.get(w("val")), e.get(w("sz")), e.get(w("color"))) for e in tbl.find("w:tblPr/w:tblBorders", NS)}
        assert borders == {
            "top": ("single", "8", "000000"),
            "bottom": ("single", "8", "000000"),
            "insideH": ("single", "2", "BBBBBB"),
            "left": ("nil", "0", "auto"),
            "right": ("nil", "0", "auto"),
            "insideV": ("nil", "0", "auto"),
        }
        children = [etree.QName(e).localname for e in tbl.find("w:tblPr", NS)]
        assert children.index("tblBorders") < children.index("tblLayout") < children.index("tblCellMar") < children.index("tblLook")
        rows = tbl.findall("w:tr", NS)
        for r, tr in enumerate(rows):
            for tc in tr.findall("w:tc", NS):
                sides = {etree.QName(e).localname: e.get(w("sz")) for e in tc.findall("w:tcPr/w:tcBorders/*", NS)}
                continues = tc.find("w:tcPr/w:vMerge", NS) is not None and tc.find("w:tcPr/w:vMerge", NS).get(w("val")) in (None, "continue")
                want = {}
                if r < len(t.header) and r and not continues:
                    want["top"] = "8"
                if r == len(t.header) - 1:
                    want["bottom"] = "8"
                assert sides == want, (t.number, r)


def test_no_contents_when_the_study_says_so(tmp_path):
    """study.toc: false: neither the DOCX nor the PDF has the in-chapter contents (a student
    merging the chapter into a thesis gets one Daftar Isi); the lists of tables still come on request."""
    study = example_variant("luwu-timur", tmp_path, lambda c: c["study"].update(toc=False))
    composed = compose(study, "id")
    assert composed.document.contents is False
    root = part(write(composed.document, composed.labels, tmp_path / "out"), "word/document.xml")
    codes = [code for p in body_paragraphs(root) for code in p.xpath(".//w:instrText/text()", namespaces=NS)]
    assert not [c for c in codes if c.strip().startswith("TOC")]
    assert not [p for p in body_paragraphs(root) if style(p) == "TOCHeading"]
    listed = part(write(composed.document, composed.labels, tmp_path / "lists", lists=True), "word/document.xml")
    assert [text(p) for p in body_paragraphs(listed) if style(p) == "TOCHeading"] == ["Daftar Tabel", "Daftar Gambar"]
    default = composed_example("luwu-timur", "id").document
    assert default.contents is True


def test_contents_entries_all_in_the_texts_size(tmp_path):
    """The fourth level of the contents (a., b.) is 12 pt like the others (was 11 pt)."""
    composed = composed_example("luwu-timur", "en")
    styles = part(write(composed.document, composed.labels, tmp_path), "word/styles.xml")
    sizes = {
        s.get(w("styleId")): s.find("w:rPr/w:sz", NS).get(w("val"))
        for s in styles.findall("w:style", NS)
        if s.get(w("styleId")) in ("TOC1", "TOC2", "TOC3", "TOC4")
    }
    assert sizes == {"TOC1": "24", "TOC2": "24", "TOC3": "24", "TOC4": "24"}


def test_after_a_table_is_inserted_the_texts_references_follow_their_captions(two_chapters):
    """Insert › Caption before Tabel 5.3 and F9: Word recomputes each SEQ field, then each REF
    field shows its bookmark's new text, so "Tabel 5.4" in the text reads "Tabel 5.5" and BAB VI's
    references keep their numbers."""
    _, _, _, root = two_chapters
    paragraphs = body_paragraphs(root)
    third, inserted = insert_caption_before(paragraphs, "Tabel 5.3\n")
    values = iter(word_update(root))
    updated = {}  # bookmark → the text Word gives it after F9: the chapter's text and the SEQ field's new value
    for p in body_paragraphs(root):
        seq = [code for code, _ in fields(p) if code.startswith("SEQ ")]
        value = next(values) if seq else None
        for name, _, marked in bookmarked(p):
            updated[name] = marked.rpartition(".")[0] + "." + str(value)
    third.getparent().remove(inserted)
    shown = {(name, result): updated[name] for name, result, _ in references(root)}
    assert shown[("_Ref_Tabel_5_4", "5.4")] == "5.5" and shown[("_Ref_Tabel_5_3", "5.3")] == "5.4"
    assert shown[("_Ref_Tabel_5_2", "5.2")] == "5.2" and shown[("_Ref_Tabel_6_1", "6.1")] == "6.1"
