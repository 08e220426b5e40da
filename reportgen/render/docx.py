r"""Document → DOCX with python-docx: a Word document a student goes on editing.

- Headings in Word's built-in "Heading 1–4" styles. Under the chapter heading (and its note), the
  contents title and a TOC field ``TOC \o "1-4" \h \z \u`` whose entries are written out, so it
  is not blank before the fields are updated (page numbers are Word's to lay out: the document
  asks Word to update its fields on opening, ``w:updateFields``); on request (``study.lists``)
  a list of tables and one of figures, TOC fields ``TOC \h \z \c "Tabel"``.
- Captions in the "Caption" style: the label, the chapter number as text and a
  ``SEQ Tabel \* ARABIC \s 1`` field whose cached result is the document's own number ("5.1":
  "Tabel 5." and 1). The identifier is the language's label, so Word's Insert › Caption with
  that label goes on with the numbering and updating the fields (F9) renumbers every later
  caption. Where the document's number does not follow the previous one (the first table of
  BAB VI) the field restarts it (``\r 1``), so updating changes no number; ``\s 1`` restarts
  at every Heading 1, as Word's own chapter-numbered captions do, so the chapter pasted into a
  thesis after BAB IV still counts from 1. (ECMA-376 Part 1, §17.16: SEQ and TOC fields.)
  A figure's caption stands above or below it, as the study says (``doc.figure_caption``).
- Cross-references, as Word's Insert › Cross-reference makes them: the number of each caption
  ("5.1", the chapter's text and the SEQ field) is a bookmark (``w:bookmarkStart`` /
  ``w:bookmarkEnd``, hidden: its name begins with "_Ref", ECMA-376 Part 1, §17.13.6), and in each
  "Tabel 5.1" / "Gambar 5.2" of the text (:mod:`reportgen.render.references`) the number is a
  field ``REF _Ref_Tabel_5_1 \h`` whose cached result is the number the PDF prints, after the
  label and a no-break space; when the captions are renumbered, updating the fields renumbers
  the text's references too (§17.16.5, REF).
- Tables ruled as the PDF's and APA 7's (§7.17, table borders): a rule above and below the
  table and under its header (between header rows too), a hairline between rows, no vertical
  line (``w:tblBorders``, ``w:tcBorders``, §17.4).
- Pagination, Word's way: header rows repeat on each page (``w:tblHeader``), no row is split
  (``w:cantSplit``), a table that fits on a page keeps every row with the next (``w:keepNext``:
  it moves whole to the next page), a longer one keeps its header with its first two rows and
  its last two rows with its source line; a caption keeps with its table or figure, a
  figure's picture with its source line. Page numbers in the footer start at
  ``doc.first_page`` (``w:pgNumType w:start``). The contents are left out when the study
  says so (``doc.contents``, ``study.toc: false``).
- The body is Times New Roman 12 pt with 1.5 line spacing on A4 with thesis margins.
- In a draft (``doc.draft``) each task of the chapter (what the author must still write) is a
  Word comment by "reportgen", anchored on the paragraph (or heading) before it, saying what to
  add and under which key of the study file; the document's status is the draft label. A final
  document has no comments.
"""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph

from reportgen.errors import naming
from reportgen.page import TEXT_HEIGHT_PT, TEXT_WIDTH_CM
from reportgen.render.flow import table_rows
from reportgen.render.measure import bind, bound_title, table_layout
from reportgen.render.references import Targets, targets
from reportgen.report.document import Document, Figure, Paragraph, Section, Table, Task

if TYPE_CHECKING:
    from docx.document import Document as WordFile

FONT = "Times New Roman"
CELL_MARGIN_TWIPS = 57  # 0.1 cm
TABLE_TEXTS = {
    10.0: ("Table Text", "TableText"),
    9.0: ("Table Text Small", "TableTextSmall"),
    8.0: ("Table Text Smaller", "TableTextSmaller"),
}  # paragraph styles of table cells by size (single spacing): name, id
REFERENCE, REFERENCE_ID = "Reference", "Reference"  # paragraph style of a reference-list entry
REFERENCE_INDENT_CM = 1.27  # its hanging indent: APA 7 §9.43, 0.5 in
CAPTION_ID, TOC_HEADING_ID = "Caption", "TOCHeading"  # built-in styles, set by id
LETTER_STYLES = ("plain", "right", "field", "signature", "gap")  # a letter's lines and a signature block
SIGNATURE_INDENT = 0.55  # a signature block starts at 55% of the line, as chapter.css's p.signature
TOC_LEVELS = 4  # the contents list headings down to level 4 (a./b.), as the PDF's does
TOC_STYLE_ID = "TOC{}"  # Word's built-in "toc 1" … "toc 4", the styles its TOC field gives the entries
FIGURES_LIST, FIGURES_LIST_ID = "table of figures", "TableofFigures"  # Word's style of a \c list's entries
TOC_INDENT_CM = {1: 0.0, 2: 0.0, 3: 1.0, 4: 2.0}  # as the PDF's contents
# How tall a table is, to know whether it fits on a page (then all its rows keep with the next):
FITS = 0.9  # Word sets table rows a little tighter than the estimate: a table counts as fitting at 90 % of a page
COMMENT_AUTHOR, COMMENT_INITIALS = "reportgen", "rg"  # who a task's comment is by
RULE = ("single", "8", "000000")  # a table's rules: 1 pt black (w:sz in eighths of a point), as chapter.css's
HAIRLINE = ("single", "2", "BBBBBB")  # between its rows: 0.25 pt grey, chapter.css's 0.3 pt #bbb
NO_LINE = ("nil", "0", "auto")
BOOKMARK_ID_BASE = 10_000  # bookmark ids apart from the comments' (both are annotations' ids, ECMA-376 Part 1, §17.13)


@dataclass
class _Numbers:
    """The last number each SEQ identifier has reached, as Word counts it while updating;
    whether the document is a draft (its tasks become comments); the tables and figures by the
    text that refers to them, each with the bookmark of its caption."""

    last: dict[str, int] = field(default_factory=dict)
    draft: bool = False
    targets: Targets = field(default_factory=lambda: Targets({}, None))
    bookmarks: dict[int, str] = field(default_factory=dict)  # a table or figure (its id()) → its caption's bookmark
    figure_below: bool = False  # a figure's caption under it (study.captions.figure: below)

    def bookmark(self, block: Table | Figure, label: str) -> str:
        """The name of the bookmark of ``block``'s caption: hidden ("_Ref…"), from its label and
        number, unique in the document, at most 40 characters (ECMA-376 Part 1, §17.13.6)."""
        base = ("_Ref_" + seq_identifier(label) + "_" + re.sub(r"\W", "_", block.number))[:36]
        name, n = base, 1
        while name in self.bookmarks.values():
            n += 1
            name = f"{base}_{n}"
        self.bookmarks[id(block)] = name
        return name


def write_docx(doc: Document, labels: dict, base: Path, target: Path, lists: bool = False) -> Path:
    """Write ``doc`` as ``target``; ``lists``: a list of tables and a list of figures after the
    contents (``study.lists``)."""
    word = WordDocument()
    _setup(word, doc.first_page, letter=bool(doc.letter))
    if doc.letter and doc.letterhead is not None:
        _letterhead(word.sections[0], doc.letterhead)
    for paragraph in doc.letter:
        _letter_paragraph(word, paragraph)
    title = word.add_paragraph()
    title._p.style = "Heading1"
    title.paragraph_format.page_break_before = bool(doc.letter)  # after a cover letter, on a page of its own
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(doc.chapter_label)
    title.add_run().add_break()
    title.add_run(bound_title(doc.title))
    numbers = _Numbers(draft=doc.draft, targets=targets(doc, labels), figure_below=doc.figure_caption == "below")
    for block in doc.walk():  # named first: the text refers to a table before it stands
        if isinstance(block, (Table, Figure)):
            numbers.bookmark(block, labels["table" if isinstance(block, Table) else "figure"])
    for block in doc.preface:
        if isinstance(block, Task):
            _task(word, block, doc.draft)
        else:
            _paragraph(word, block, numbers)
    _contents(word, doc, labels, lists)
    for section in doc.sections:
        _section(word, section, labels, base, numbers)
    properties = word.core_properties  # none of python-docx's template (its 2013 dates, "generated by python-docx")
    properties.title = f"{doc.chapter_label} {doc.title}"
    properties.author = properties.last_modified_by = doc.author
    properties.comments = properties.subject = properties.keywords = ""
    properties.created = properties.modified = datetime.datetime.now(datetime.UTC).replace(microsecond=0, tzinfo=None)
    properties.revision = 1
    if doc.draft:
        word.core_properties.content_status = labels["draft"]
    package = io.BytesIO()
    word.save(package)  # whole in memory first: a failing write then leaves no half-written zip behind
    with naming(target):
        target.write_bytes(package.getvalue())
    return target


def _setup(word: WordFile, first_page: int = 1, letter: bool = False) -> None:
    """A4 page, margins 4-4-3-3 cm, styles, page numbers; ``letter``: the first page is a cover
    letter, unnumbered, and the report after it starts at ``first_page``."""
    sec = word.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin, sec.top_margin, sec.right_margin, sec.bottom_margin = Cm(4), Cm(4), Cm(3), Cm(3)
    styles = word.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.ONE_POINT_FIVE
    normal.paragraph_format.space_after = Pt(0)
    for level in range(1, 5):
        style = styles[f"Heading {level}"]
        style.font.name = FONT
        style.font.size = Pt(14 if level == 1 else 12)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        _plain_font(style)
        style.paragraph_format.space_before = Pt(12 if level <= 2 else 6)
        style.paragraph_format.space_after = Pt(6 if level == 1 else 3)
        style.paragraph_format.keep_with_next = True
    for size, (name, _) in TABLE_TEXTS.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.size = Pt(size)
        style.paragraph_format.line_spacing = 1.0
        style.paragraph_format.space_after = Pt(0)
    reference = styles.add_style(REFERENCE, WD_STYLE_TYPE.PARAGRAPH)  # flush left, hanging indent (APA 7 §9.43)
    reference.base_style = normal
    reference.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    reference.paragraph_format.left_indent = Cm(REFERENCE_INDENT_CM)
    reference.paragraph_format.first_line_indent = Cm(-REFERENCE_INDENT_CM)
    caption = styles["Caption"]
    caption.font.name = FONT
    caption.font.size = Pt(12)
    caption.font.bold = True
    caption.font.italic = False
    caption.font.color.rgb = RGBColor(0, 0, 0)
    _plain_font(caption)
    caption_format = caption.paragraph_format  # a caption the student inserts looks like these
    caption_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption_format.keep_with_next = True
    caption_format.line_spacing = 1.0
    caption_format.space_before = Pt(6)
    caption_format.space_after = Pt(0)
    contents_title = styles["TOC Heading"]  # Heading 1's look, outline level 9: not listed in the contents itself
    contents_title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    contents_title.paragraph_format.page_break_before = False
    for level in range(1, TOC_LEVELS + 1):  # every entry in the text's size, as the PDF's
        _list_style(styles, f"toc {level}", TOC_STYLE_ID.format(level), TOC_INDENT_CM[level], 12)
    _list_style(styles, FIGURES_LIST, FIGURES_LIST_ID, 0.0, 12)
    if letter:
        sec.different_first_page_header_footer = True  # the letter's page has an empty footer
    _page_number(sec, first_page - 1 if letter else first_page)
    _update_fields_on_open(word)


def _list_style(styles, name: str, style_id: str, indent_cm: float, size: int) -> None:
    """A style of the entries of a contents list: single spaced, indented by level, the page
    number (when Word has laid the pages out) at the right margin after a dotted leader."""
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = style_id
    style.base_style = styles["Normal"]
    style.font.size = Pt(size)
    fmt = style.paragraph_format
    fmt.line_spacing = 1.15
    fmt.space_after = Pt(3)
    fmt.left_indent = Cm(indent_cm)
    fmt.right_indent = Cm(0.8)
    fmt.tab_stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)


def _update_fields_on_open(word: WordFile) -> None:
    """``w:updateFields``: Word updates the fields when the document is opened (it asks first),
    so the contents get their page numbers."""
    settings = word.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.insert_element_before(
        update,
        "w:hdrShapeDefaults",
        "w:footnotePr",
        "w:endnotePr",
        "w:compat",
        "w:docVars",
        "w:rsids",
        "m:mathPr",
        "w:attachedSchema",
        "w:themeFontLang",
        "w:clrSchemeMapping",
        "w:doNotIncludeSubdocsInStats",
        "w:doNotAutoCompressPictures",
        "w:forceUpgrade",
        "w:captions",
        "w:readModeInkLockDown",
        "w:smartTagType",
        "sl:schemaLibrary",
        "w:shapeDefaults",
        "w:doNotEmbedSmartTags",
        "w:decimalSymbol",
        "w:listSeparator",
    )


def _plain_font(style) -> None:
    """Drop theme fonts so the heading really is Times New Roman."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _page_number(sec, first_page: int) -> None:
    """The page number, centred in the footer, counting from ``first_page`` (the chapter's place
    in the thesis)."""
    paragraph = sec.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(paragraph._p, " PAGE ", str(first_page))
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), str(first_page))
    sec._sectPr.insert_element_before(
        numbering,
        "w:cols",
        "w:formProt",
        "w:vAlign",
        "w:noEndnote",
        "w:titlePg",
        "w:textDirection",
        "w:bidi",
        "w:rtlGutter",
        "w:docGrid",
        "w:printerSettings",
        "w:sectPrChange",
    )


def _run_of(parent, tag: str, text: str | None = None, **attributes: str) -> None:
    """Append to ``parent`` a run holding one element ``tag`` (with ``text`` and ``attributes``)."""
    run = OxmlElement("w:r")
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(name.replace("_", ":", 1)), value)
    if text is not None:
        element.text = text
    run.append(element)
    parent.append(run)


def _field(parent, instruction: str, result: str) -> None:
    """A complex field in ``parent`` (a paragraph element): its code and its cached result."""
    _run_of(parent, "w:fldChar", w_fldCharType="begin")
    _run_of(parent, "w:instrText", instruction, xml_space="preserve")
    _run_of(parent, "w:fldChar", w_fldCharType="separate")
    _run_of(parent, "w:t", result, xml_space="preserve")
    _run_of(parent, "w:fldChar", w_fldCharType="end")


def seq_identifier(label: str) -> str:
    """The SEQ identifier of a caption label: the label itself ("Tabel", "Figure"), any character
    a field identifier may not hold (a space of a user's label) turned into "_"."""
    identifier = re.sub(r"\W", "_", label.strip())
    return identifier if identifier[:1].isalpha() else f"L_{identifier}"


def _contents(word, doc: Document, labels: dict, lists: bool) -> None:
    """The contents title and the TOC field, with the headings as its cached entries (unless the
    study leaves the contents out); then, on request, the list of tables and the list of figures."""
    if doc.contents:
        _contents_title(word, doc.contents_title)
        entries = [(1, f"{doc.chapter_label} {doc.title}")]
        entries += [
            (block.level, f"{block.number} {block.title}".strip()) for block in doc.walk() if isinstance(block, Section) and block.level <= TOC_LEVELS
        ]
        _toc_field(word, f' TOC \\o "1-{TOC_LEVELS}" \\h \\z \\u ', [(TOC_STYLE_ID.format(level), text) for level, text in entries])
    if not lists:
        return
    for kind, key in ((Table, "table"), (Figure, "figure")):
        blocks = [b for b in doc.walk() if isinstance(b, kind)]
        if blocks:
            _contents_title(word, labels[f"list_of_{key}s"])
            _toc_field(
                word, f' TOC \\h \\z \\c "{seq_identifier(labels[key])}" ', [(FIGURES_LIST_ID, f"{labels[key]} {b.number} {b.title}") for b in blocks]
            )


def _contents_title(word, text: str) -> None:
    p = word.add_paragraph()
    p._p.style = TOC_HEADING_ID
    p.add_run(text)


def _toc_field(word, instruction: str, entries: list[tuple[str, str]]) -> None:
    """A TOC field over several paragraphs: it begins in the first entry and ends after the
    last; each entry in its style (``toc 2``, ``table of figures``)."""
    paragraphs = []
    for style_id, _text in entries or [(FIGURES_LIST_ID, "")]:
        p = word.add_paragraph()
        p._p.style = style_id
        paragraphs.append(p)
    first = paragraphs[0]._p
    _run_of(first, "w:fldChar", w_fldCharType="begin")
    _run_of(first, "w:instrText", instruction, xml_space="preserve")
    _run_of(first, "w:fldChar", w_fldCharType="separate")
    for p, (_, text) in zip(paragraphs, entries):
        p.add_run(text)
    _run_of(paragraphs[-1]._p, "w:fldChar", w_fldCharType="end")


def _section(word, section: Section, labels: dict, base: Path, numbers: _Numbers) -> None:
    heading = word.add_paragraph()
    heading._p.style = f"Heading{min(section.level, 4)}"  # by id: python-docx looks a style name up on every use
    if section.level == 1:  # a following chapter (BAB VI): on a new page, centred, its label above its title
        heading.paragraph_format.page_break_before = True
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        heading.add_run(section.number).add_break()
        heading.add_run(bound_title(section.title))
    else:
        heading.paragraph_format.page_break_before = section.new_page
        heading.add_run(bound_title(f"{section.number} {section.title}".strip()))
    for block in section.blocks:
        if isinstance(block, Section):
            _section(word, block, labels, base, numbers)
        elif isinstance(block, Paragraph):
            _paragraph(word, block, numbers)
        elif isinstance(block, Table):
            _table(word, block, labels, numbers)
        elif isinstance(block, Figure):
            _figure(word, block, labels, base, numbers, below=numbers.figure_below)
        elif isinstance(block, Task):
            _task(word, block, numbers.draft)


def _task(word, task: Task, draft: bool) -> None:
    """In a draft, ``task`` as a Word comment on the last paragraph written that has text (the
    paragraph or heading it follows); nothing in a final document."""
    if not draft:
        return
    for element in reversed(word.element.body):
        if element.tag == qn("w:p"):
            runs = [run for run in WordParagraph(element, word._body).runs if run.text.strip()]
            if runs:
                word.add_comment(runs, text=task.comment, author=COMMENT_AUTHOR, initials=COMMENT_INITIALS)
                return


def _paragraph(word, block: Paragraph, numbers: _Numbers | None = None) -> None:
    """A paragraph, its runs in their faces; in an italic style (equation, quote, note) an
    italic run turns roman, as italic within italic does. Each reference to a table or figure
    of the document is a REF field to its caption's bookmark (:func:`_reference`)."""
    if block.style in LETTER_STYLES:
        _letter_paragraph(word, block)
        return
    p = word.add_paragraph()
    italic_style = block.style in ("equation", "quote", "note")
    numbers = numbers or _Numbers()
    for span in block.spans():
        for text, target in numbers.targets.pieces(bind(span.text)):
            if id(target) in numbers.bookmarks:
                _reference(p, numbers.bookmarks[id(target)], text, italic=span.italic != italic_style)
                continue
            run = p.add_run(text)
            if span.italic != italic_style:
                run.italic = True
            if block.style == "note":
                run.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    fmt = p.paragraph_format
    if block.style == "equation":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fmt.space_before = fmt.space_after = Pt(6)
    elif block.style in ("quote", "note"):
        fmt.left_indent = Cm(1.25)
        if block.style == "quote":
            fmt.right_indent = Cm(1.25)  # as the PDF's block quote
        fmt.line_spacing = 1.15
        fmt.keep_together = block.style == "note"  # a note to the author is never split across pages
    elif block.style == "reference":
        p._p.style = REFERENCE_ID
    else:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.first_line_indent = Cm(1.25)


LOGO_CM = 2.3  # the kop surat's logo height, as the PDF's (chapter.css .kop img.logo)
LETTER_SPACING = 1.15  # a letter's lines: Word's 1.15 of Times 12 pt ≈ 15.9 pt, the PDF's line-height 1.3 (chapter.css .letter p)
KOP_TOP_CM = 1.2  # the kop's distance from the top edge, as the PDF's letter page (chapter.html.j2)


def _letterhead(sec, head) -> None:
    """The kop surat in the letter page's own header (the first page's: ``titlePg``), within the
    top margin: the logo in a borderless cell on the left, the government, the office and the
    address lines centred beside it, and a double rule under them (w:pBdr, ECMA-376 §17.3.1.5)
    — the PDF's .kop, which chapter.css sets in a smaller top margin of that page."""
    sec.header_distance = Cm(KOP_TOP_CM)
    header = sec.first_page_header
    header.is_linked_to_previous = False
    table = header.add_table(rows=1, cols=2 if head.logo else 1, width=Cm(TEXT_WIDTH_CM))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    text_cell = table.rows[0].cells[-1]
    table.autofit = False
    widths = [Cm(LOGO_CM + 0.4), Cm(TEXT_WIDTH_CM - LOGO_CM - 0.4)] if head.logo else [Cm(TEXT_WIDTH_CM)]
    for column, cell, width in zip(table.columns, table.rows[0].cells, widths):  # the grid and the cell: Word reads one, LibreOffice the other
        column.width = cell.width = width
    if head.logo:
        table.rows[0].cells[0].paragraphs[0].add_run().add_picture(io.BytesIO(head.logo), height=Cm(LOGO_CM))
    lines = [(head.government.upper(), 13, True), (head.office.upper(), 15, True)] + [(line, 9.5, False) for line in head.lines]
    for k, (text, size, bold) in enumerate(lines):
        p = text_cell.paragraphs[0] if k == 0 else text_cell.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.first_line_indent = Cm(0)
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.line_spacing = 1.0
        run = p.add_run(text)
        run.font.size, run.font.bold = Pt(size), bold
    for cell in table.rows[0].cells:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    empty = header.paragraphs[0]  # the header's own empty paragraph, before the table
    empty._p.getparent().remove(empty._p)
    rule = header.add_paragraph()
    rule.paragraph_format.space_after = Pt(0)
    rule.paragraph_format.line_spacing = Pt(4)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "double"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    rule._p.get_or_add_pPr().append(borders)


def _letter_paragraph(word, block: Paragraph) -> None:
    """A line of a cover letter: flush left or right, a field with its label in a column of its
    own (a tab stop at 2.8 cm, as the PDF's), or a signature block from the middle of the line."""
    if block.style == "body":
        _paragraph(word, block)
        word.paragraphs[-1].paragraph_format.line_spacing = LETTER_SPACING
        return
    p = word.add_paragraph()
    fmt = p.paragraph_format
    fmt.first_line_indent = Cm(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = LETTER_SPACING
    if block.style == "field":
        key, value = block.text.split("\t", 1)
        fmt.tab_stops.add_tab_stop(Cm(2.8))
        p.add_run(f"{key}\t: {bind(value)}")
        return
    p.add_run(bind(block.text))
    fmt.keep_with_next = block.style in ("signature", "gap")  # a signature block is never split across pages,
    before = p._p.getprevious()
    if block.style == "gap" and before is not None and before.tag == qn("w:p"):  # nor left alone on a page: the line above comes with it
        before.get_or_add_pPr().get_or_add_keepNext()
    if block.style == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        fmt.space_after = Pt(12)
    elif block.style == "signature":
        fmt.left_indent = Cm(TEXT_WIDTH_CM * SIGNATURE_INDENT)
    else:
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _reference(p, bookmark: str, text: str, italic: bool = False) -> None:
    """A reference ``text`` ("Tabel 5.1", what the PDF prints) in paragraph ``p`` to the caption
    bookmarked ``bookmark``: its label and the (no-break) space as text, its number a REF field
    (``\\h``: a link to the caption) whose cached result is the number. The label stays text so
    that no viewer breaks the line between it and the number when it updates the field."""
    match = re.fullmatch(r"(.*[ \u00a0])(\S+)", text, re.S)
    assert match is not None  # a reference is a label, a space and a number
    label, number = match.groups()
    p.add_run(label).italic = italic or None
    _field(p._p, f" REF {bookmark} \\h ", number)
    if italic:
        result = p._p.findall(qn("w:r"))[-2]  # the run of the field's result, before its end
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:i"))
        result.insert(0, rpr)


def _bookmark(p, name: str, start: bool, numbers: _Numbers) -> None:
    """The start or the end of the bookmark ``name`` at the end of paragraph ``p`` (its id: the
    bookmark's place among the document's, above the comments' ids)."""
    element = OxmlElement("w:bookmarkStart" if start else "w:bookmarkEnd")
    element.set(qn("w:id"), str(BOOKMARK_ID_BASE + list(numbers.bookmarks.values()).index(name)))
    if start:
        element.set(qn("w:name"), name)
    p._p.append(element)


def _caption(word, label: str, number: str, title: str, numbers: _Numbers, block: Table | Figure | None = None) -> None:
    """ "Tabel 5.1", a line break, the title, in the Caption style (centred, bold, kept with what
    follows: the table or figure, or the source line under a figure). The part of the number
    after its last dot is a SEQ field with that number as its result; the part before it (the
    chapter) is text. The number ("5.1") is the bookmark the text's references point to."""
    p = word.add_paragraph()
    p._p.style = CAPTION_ID
    p._p.get_or_add_pPr().get_or_add_keepNext()  # also on the paragraph: a thesis's own Caption style may lack it
    bookmark = numbers.bookmarks.get(id(block))
    p.add_run(f"{label} ")
    if bookmark:
        _bookmark(p, bookmark, True, numbers)
    chapter, dot, count = number.rpartition(".")
    if count.isdigit():
        identifier = seq_identifier(label)
        value = int(count)
        instruction = f" SEQ {identifier} \\* ARABIC"
        if chapter:
            instruction += " \\s 1"
        if value != numbers.last.get(identifier, 0) + 1:  # a new chapter (or a number out of step): restart here
            instruction += f" \\r {value}"
        numbers.last[identifier] = value
        if chapter:
            p.add_run(f"{chapter}{dot}")
        _field(p._p, instruction + " ", count)
    else:  # not a number Word can count ("5.1a"): plain text
        p.add_run(number)
    if bookmark:
        _bookmark(p, bookmark, False, numbers)
    p.add_run().add_break()
    p.add_run(bound_title(title))


def _small_line(word, text: str, keep_with_next: bool = False, last: bool = False) -> None:
    """A note or source line under a table or figure (10 pt); the ``last`` one leaves 10 pt
    before the text that follows, as the PDF does."""
    p = word.add_paragraph()
    p.paragraph_format.line_spacing = 1.0
    p.paragraph_format.space_after = Pt(10 if last else 2)
    if keep_with_next:
        p.paragraph_format.keep_with_next = True
    run = p.add_run(bind(text))
    run.font.size = Pt(10)


def _keep_rows(t: Table) -> list[bool]:
    """Which rows keep with the next (Word's way of keeping a table on one page: keep-with-next
    on the paragraphs of its rows). All of them when the table fits on a page, the last keeping
    with the notes and source line; in a longer table the header rows, the first body row (two
    body rows under the header at a page's foot), a group's row (never alone at a page's foot),
    the rows a spanning cell joins (:meth:`Table.joined_to_next`) and the last two rows (never one
    row alone with the source line on the next page)."""
    rows = len(t.header) + len(t.body)
    around, header, body = table_rows(t)  # the chapter's page estimate (reportgen.render.flow)
    if around + sum(header) + sum(body) <= FITS * TEXT_HEIGHT_PT:
        return [True] * rows
    head = len(t.header)
    return [r < head + 1 or r >= rows - 2 or (r >= head and (t.is_group_row(t.body[r - head]) or t.joined_to_next(r - head))) for r in range(rows)]


def _table(word, t: Table, labels: dict, numbers: _Numbers) -> None:
    """A real Word table. Cells are filled through the row XML while the grid is still regular
    (python-docx's ``table.cell`` rebuilds the whole grid on every call); the merges of the
    spanning cells come last, through the same cell objects. Every row is kept whole
    (``w:cantSplit``), the header rows repeat (``w:tblHeader``), and the rows :func:`_keep_rows`
    names keep with the next."""
    _caption(word, labels["table"], t.number, t.title, numbers, t)
    rows = len(t.header) + len(t.body)
    cols = t.columns
    table = word.add_table(rows=rows, cols=cols)  # no table style: the rules below are the table's own
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _table_rules(table)
    _narrow_cell_margins(table)
    grid = [[_Cell(tc, table) for tc in row._tr.tc_lst] for row in table.rows]
    layout = table_layout(t)  # widths and size measured from the content, as in the PDF
    style_id = TABLE_TEXTS[layout.size_pt][1]
    occupied: set[tuple[int, int]] = set()
    merges = []
    keep = _keep_rows(t)
    for r, row in enumerate(list(t.header) + list(t.body)):
        c = 0
        for cell in row:
            while (r, c) in occupied:
                c += 1
            if cell.colspan > 1 or cell.rowspan > 1:
                merges.append((r, c, r + cell.rowspan - 1, c + cell.colspan - 1))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    occupied.add((r + dr, c + dc))
                    if dr or dc:  # a cell the merge covers: a vertical merge keeps its empty paragraph, styled like the rest
                        _fill(grid[r + dr][c + dc]._tc, style_id, keep[r + dr], "left", None, False)
            _fill(grid[r][c]._tc, style_id, keep[r], cell.align, cell.text, cell.role == "header" or cell.bold)
            c += cell.colspan
    table.autofit = False
    for c, fraction in enumerate(layout.fractions):
        width = Cm(TEXT_WIDTH_CM * fraction)
        table.columns[c].width = width  # the grid column, which LibreOffice reads
        for grid_row in grid:
            if c < len(grid_row):
                grid_row[c].width = width  # the cell, which Word reads
    for r, tr in enumerate(table._tbl.tr_lst):
        tr_pr = tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        if r < len(t.header):
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            tr_pr.append(header)
    for r0, c0, r1, c1 in merges:  # merges never overlap, so each cell's element is still in place
        grid[r0][c0].merge(grid[r1][c1])
    _header_rules(table, len(t.header))
    for note in t.notes:
        _small_line(word, note, keep_with_next=True)
    _small_line(word, t.source, last=True)


def _fill(tc, style_id: str, keep: bool, align: str, text: str | None, bold: bool) -> None:
    """The paragraph of a new cell: its style (by id), keep-with-next, alignment and text (None:
    none, not even an empty run), written as XML in schema order (python-docx's setters look up
    each element's place every time)."""
    p = tc.find(qn("w:p"))
    ppr = OxmlElement("w:pPr")
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), style_id)
    ppr.append(style)
    if keep:
        ppr.append(OxmlElement("w:keepNext"))
    if align != "left":
        jc = OxmlElement("w:jc")
        jc.set(qn("w:val"), align)  # center | right
        ppr.append(jc)
    p.insert(0, ppr)
    if text is None:
        return
    text = bind(text)
    run = OxmlElement("w:r")
    p.append(run)
    if bold:
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:b"))
        run.append(rpr)
    if "\n" in text or "\t" in text:  # line breaks and tabs: python-docx writes w:br and w:tab
        run.text = text
        return
    t = OxmlElement("w:t")
    if text != text.strip():
        t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)


TBL_PR_AFTER_BORDERS = (
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)  # the elements of w:tblPr after w:tblBorders, in schema order (ECMA-376 Part 1, §17.4)
TC_PR_AFTER_BORDERS = (
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
)  # of w:tcPr after w:tcBorders


def _border(parent, side: str, line: tuple[str, str, str]) -> None:
    """A border element ``w:<side>`` of ``parent`` (w:tblBorders or w:tcBorders): its line
    style, width in eighths of a point, colour."""
    element = OxmlElement(f"w:{side}")
    for name, value in zip(("w:val", "w:sz", "w:space", "w:color"), (line[0], line[1], "0", line[2])):
        element.set(qn(name), value)
    parent.append(element)


def _table_rules(table) -> None:
    """The table's borders, as the PDF's and APA 7 §7.17 (table borders): a 1 pt rule above and
    below it, a hairline between rows, no vertical line (``w:tblBorders``); the header's rules
    are its cells' (:func:`_header_rules`)."""
    borders = OxmlElement("w:tblBorders")
    for side, line in (("top", RULE), ("left", NO_LINE), ("bottom", RULE), ("right", NO_LINE), ("insideH", HAIRLINE), ("insideV", NO_LINE)):
        _border(borders, side, line)
    table._tbl.tblPr.insert_element_before(borders, *TBL_PR_AFTER_BORDERS)


def _header_rules(table, header_rows: int) -> None:
    """A 1 pt rule under the header (on every cell of its last row, the lower ends of cells
    spanning down into it included) and above each further header row's cells that begin
    there (under a spanning column head, as the PDF's ``th`` rules), as ``w:tcBorders``."""
    for r, tr in enumerate(table._tbl.tr_lst[:header_rows]):
        for tc in tr.tc_lst:
            sides = [("top", RULE)] if r and not _continues_merge(tc) else []
            if r == header_rows - 1:
                sides.append(("bottom", RULE))
            if sides:
                borders = OxmlElement("w:tcBorders")
                for side, line in sides:
                    _border(borders, side, line)
                tc.get_or_add_tcPr().insert_element_before(borders, *TC_PR_AFTER_BORDERS)


def _continues_merge(tc) -> bool:
    """Whether cell ``tc`` continues a vertical merge from the row above (``w:vMerge`` without
    ``restart``): no rule is drawn across a merged cell."""
    merge = tc.tcPr.find(qn("w:vMerge")) if tc.tcPr is not None else None
    return merge is not None and merge.get(qn("w:val"), "continue") == "continue"


def _narrow_cell_margins(table) -> None:
    """0.1 cm left and right inside cells (Word's default is 0.19 cm), as in the PDF: the narrow
    answer-count columns of the response tables then hold two digits without wrapping."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(CELL_MARGIN_TWIPS))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.insert_element_before(margins, *TBL_PR_AFTER_BORDERS[3:])


def _figure(word, f: Figure, labels: dict, base: Path, numbers: _Numbers, below: bool = False) -> None:
    """Caption, picture and source line (``below``: picture, caption, source line), kept
    together: each keeps with the next. The picture's paragraph is single spaced (not the
    body's 1.5 lines), so its line is no taller than the picture."""
    if not below:
        _caption(word, labels["figure"], f.number, f.title, numbers, f)
    p = word.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt = p.paragraph_format
    fmt.keep_with_next = True
    fmt.keep_together = True
    fmt.line_spacing = 1.0
    fmt.space_before = Pt(3)
    p.add_run().add_picture(str(base / f.path), width=Cm(TEXT_WIDTH_CM * f.width))
    if below:
        _caption(word, labels["figure"], f.number, f.title, numbers, f)
    _small_line(word, f.source, last=True)
