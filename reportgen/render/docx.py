"""Document → DOCX with python-docx: real Word tables, captions, figures, heading styles.

Headings use Word's built-in "Heading 1–4" styles, so the thesis's own table of contents
picks them up; table captions use the "Caption" style; the header rows of tables repeat on
each page; the body is Times New Roman 12 pt with 1.5 line spacing on A4 with thesis margins.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell

from reportgen.errors import naming
from reportgen.report.document import Document, Figure, Paragraph, Section, Table

FONT = "Times New Roman"
TEXT_WIDTH_CM = 21.0 - 4.0 - 3.0
CELL_MARGIN_TWIPS = 57  # 0.1 cm
TABLE_TEXT, TABLE_TEXT_SMALL = "Table Text", "Table Text Small"  # paragraph styles of table cells (10 / 9 pt, single spacing)
TABLE_TEXT_ID, TABLE_TEXT_SMALL_ID = "TableText", "TableTextSmall"
REFERENCE, REFERENCE_ID = "Reference", "Reference"  # paragraph style of a reference-list entry
REFERENCE_INDENT_CM = 1.27  # its hanging indent: APA 7 §9.43, 0.5 in
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}


def write_docx(doc: Document, labels: dict, base: Path, target: Path) -> Path:
    word = WordDocument()
    _setup(word)
    title = word.add_paragraph(style="Heading 1")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(doc.chapter_label)
    title.add_run().add_break()
    title.add_run(doc.title)
    for paragraph in doc.preface:
        _paragraph(word, paragraph)
    for section in doc.sections:
        _section(word, section, labels, base)
    word.core_properties.title = f"{doc.chapter_label} {doc.title}"
    word.core_properties.author = doc.author
    with naming(target):
        word.save(str(target))
    return target


def _setup(word: WordDocument) -> None:
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
    for name, size in ((TABLE_TEXT, 10), (TABLE_TEXT_SMALL, 9)):
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
    _page_number(sec)


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


def _page_number(sec) -> None:
    paragraph = sec.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _section(word, section: Section, labels: dict, base: Path) -> None:
    heading = word.add_paragraph(style=f"Heading {min(section.level, 4)}")
    if section.level == 1:  # a following chapter (BAB VI): on a new page, centred, its label above its title
        heading.paragraph_format.page_break_before = True
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        heading.add_run(section.number).add_break()
        heading.add_run(section.title)
    else:
        heading.add_run(f"{section.number} {section.title}".strip())
    for block in section.blocks:
        if isinstance(block, Section):
            _section(word, block, labels, base)
        elif isinstance(block, Paragraph):
            _paragraph(word, block)
        elif isinstance(block, Table):
            _table(word, block, labels)
        elif isinstance(block, Figure):
            _figure(word, block, labels, base)


def _paragraph(word, block: Paragraph) -> None:
    """A paragraph, its runs in their faces; in an italic style (equation, quote, note) an
    italic run turns roman, as italic within italic does."""
    p = word.add_paragraph()
    italic_style = block.style in ("equation", "quote", "note")
    for span in block.spans():
        run = p.add_run(span.text)
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
        fmt.line_spacing = 1.15
    elif block.style == "reference":
        p._p.style = REFERENCE_ID
    else:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.first_line_indent = Cm(1.25)


def _caption(word, label: str, number: str, title: str) -> None:
    p = word.add_paragraph(style="Caption")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = True
    p.paragraph_format.line_spacing = 1.0
    p.paragraph_format.space_before = Pt(6)
    p.add_run(f"{label} {number}")
    p.add_run().add_break()
    p.add_run(title)


def _small_line(word, text: str) -> None:
    p = word.add_paragraph()
    p.paragraph_format.line_spacing = 1.0
    p.paragraph_format.space_after = Pt(2)
    run = p.add_run(text)
    run.font.size = Pt(10)


def _table(word, t: Table, labels: dict) -> None:
    """A real Word table. Cells are filled through the row XML while the grid is still regular
    (python-docx's ``table.cell`` rebuilds the whole grid on every call); the merges of the
    spanning cells come last, through the same cell objects."""
    _caption(word, labels["table"], t.number, t.title)
    rows = len(t.header) + len(t.body)
    cols = t.columns
    table = word.add_table(rows=rows, cols=cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _narrow_cell_margins(table)
    grid = [[_Cell(tc, table) for tc in row._tr.tc_lst] for row in table.rows]
    style_id = TABLE_TEXT_SMALL_ID if t.small else TABLE_TEXT_ID
    occupied: set[tuple[int, int]] = set()
    merges = []
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
            paragraph = grid[r][c].paragraphs[0]
            paragraph._p.style = style_id  # by id: python-docx looks a style name up on every use
            if cell.align != "left":
                paragraph.alignment = ALIGN[cell.align]
            run = paragraph.add_run(cell.text)
            if cell.role == "header" or cell.bold:
                run.bold = True
            c += cell.colspan
    if t.widths:
        table.autofit = False
        total = sum(t.widths)
        for c, w in enumerate(t.widths):
            width = Cm(TEXT_WIDTH_CM * w / total)
            table.columns[c].width = width  # the grid column, which LibreOffice reads
            for row in grid:
                row[c].width = width  # the cell, which Word reads
    for r in range(len(t.header)):
        tr_pr = table.rows[r]._tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        tr_pr.append(header)
    for r0, c0, r1, c1 in merges:  # merges never overlap, so each cell's element is still in place
        grid[r0][c0].merge(grid[r1][c1])
    for note in t.notes:
        _small_line(word, note)
    _small_line(word, t.source)


def _narrow_cell_margins(table) -> None:
    """0.1 cm left and right inside cells (Word's default is 0.19 cm), as in the PDF: the narrow
    answer-count columns of the response tables then hold two digits without wrapping."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(CELL_MARGIN_TWIPS))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _figure(word, f: Figure, labels: dict, base: Path) -> None:
    _caption(word, labels["figure"], f.number, f.title)
    p = word.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = True
    p.add_run().add_picture(str(base / f.path), width=Cm(TEXT_WIDTH_CM * f.width))
    _small_line(word, f.source)
