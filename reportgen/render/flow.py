"""Tables and figures placed so that no page is left more than a third empty.

A table that fits on a page is never split and a figure never is, so a table or figure that
does not fit in what is left of a page moves to the next one and leaves a gap. Books avoid the
gap as LaTeX's float placement does (Lamport, *LaTeX*, 2nd ed., §C.9.1): the text that follows
the float fills the page, and the float goes to the top of the next page. Here the paragraphs
that follow a table or figure in its section are moved before it while the page still has
room, when the gap would otherwise exceed a third of the page (after a run of tables and figures,
the paragraphs that follow the run). A float may pass the subsections of its own section (a
thematic map before the themes it maps), never the heading of the next section or another float,
so the order of tables, figures and sections is kept; nor a paragraph that refers to it (its
interpretation, "Berdasarkan Tabel 5.5, …", :mod:`reportgen.render.references`), which a thesis
prints after the table it reads, so nothing after that paragraph moves either. A table that
would still leave the gap, and has rows enough for three on each side, is split there instead:
it starts where it is and goes on over the page under its repeated header, with "Lanjutan
Tabel 5.5" above (chapter.css), as the university guidelines allow for a table that cannot be
kept on one page.

Where the page breaks fall is estimated from the chapter's page geometry and type
(chapter.css: A4, 4/3 cm margins, 12 pt text at 1.5 lines, tables measured by
:mod:`reportgen.render.measure`): lines are filled word by word with the font's advance widths,
as the PDF renderer fills them. The estimate needs no layout pass of the renderer (which would
double the chapter's time); when it is a line or two off, the float lands after one more or
one fewer paragraph, and the gap stays small.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeGuard

from reportgen.page import TEXT_HEIGHT_PT, TEXT_WIDTH_PT
from reportgen.render.measure import placed_cells, table_layout
from reportgen.render.references import Targets
from reportgen.report.document import Document, Figure, Paragraph, Section, Table, Task
from reportgen.typeset import (  # noqa: F401 - re-exported
    BODY_LINE,
    BODY_PT,
    CAPTION_LINE,
    FIT_TOLERANCE,
    FLOAT_MARGINS,
    SMALL_LINE,
    caption_height,
    lines_of,
    text_width,
)

PAGE_HEIGHT_PT = TEXT_HEIGHT_PT
INDENT_PT = 1.25 / 2.54 * 72
LARGEST_GAP = PAGE_HEIGHT_PT / 3  # a page may end this much early, no more
SPLIT_ROWS = 3  # a table is split to fill a page only with this many rows at least on each page
HEADING = (12.0, 18.0, 3.6)
CELL_PADDING_PT = 2 * 4.0  # a cell's text is its column's width less 4 pt of padding on each side (chapter.css td, th; no vertical rule)
TOC_ENTRY = {2: (0.0, 12.0), 3: (28.3, 12.0), 4: (56.7, 12.0)}  # chapter.css nav.toc: indent and size by level
TOC_LEADER_PT = 16.0  # the page number (and a few leader dots) at the end of an entry's last line  # h2–h4: 1em above, one 18 pt line, 0.3em below


def paragraph_lines(p: Paragraph) -> tuple[int, float]:
    """(lines, line height) of a paragraph in its style."""
    if p.style == "quote":
        return lines_of(p.text, TEXT_WIDTH_PT - INDENT_PT * 2, BODY_PT, slack=1.0), BODY_PT * 1.3
    if p.style == "note":  # a 2 pt rule and 0.4 cm padding on its left
        return lines_of(p.text, TEXT_WIDTH_PT - 2.0 - 0.4 / 2.54 * 72, BODY_PT, slack=1.0), BODY_PT * 1.3
    if p.style == "equation":
        return lines_of(p.text, TEXT_WIDTH_PT, slack=1.0), BODY_LINE
    if p.style == "reference":
        return lines_of(p.text, TEXT_WIDTH_PT - INDENT_PT, slack=1.0), BODY_LINE
    return lines_of(p.text, TEXT_WIDTH_PT, indent=INDENT_PT, slack=1.0), BODY_LINE


def table_rows(t: Table) -> tuple[float, list[float], list[float]]:
    """The heights of a table in points: caption with the notes and source below; header rows; body rows."""
    layout = table_layout(t)
    size, line = layout.size_pt, layout.size_pt * 1.25

    def heights(rows, padding: float) -> list[float]:
        """Each row's height: its tallest cell; a cell spanning rows lengthens the last of them."""
        out, spanning = [], []
        for r, placed_row in enumerate(placed_cells(rows)):
            tallest = 1
            for c, cell in placed_row:
                width = sum(layout.widths_pt[c : c + cell.colspan]) - CELL_PADDING_PT
                lines = lines_of(cell.text, width, size, bold=cell.role == "header", slack=1.0)
                if cell.rowspan == 1:
                    tallest = max(tallest, lines)
                else:
                    spanning.append((r, cell.rowspan, lines * line + padding))
            out.append(tallest * line + padding)
        for r, span, need in spanning:
            last = min(r + span, len(out)) - 1
            out[last] += max(0.0, need - sum(out[r : last + 1]))
        return out

    below = sum(SMALL_LINE * lines_of(n, TEXT_WIDTH_PT, 10.0) + 2 for n in t.notes) + SMALL_LINE + 2
    rows = heights(Table(t.key, t.number, t.title, (), t.header + t.body, t.source), 4.3)
    header = [h + 2.7 for h in rows[: len(t.header)]]  # th: 3 pt padding above and below, a 1 pt rule
    return caption_height(t.title) + below, header, rows[len(t.header) :]


def row_units(table: Table, body: list[float]) -> list[tuple[int, float]]:
    """(rows, height) of each run of body rows a page break may not divide: the rows a spanning
    cell joins (:meth:`Table.joined_to_next`, chapter.css ``tr.spanned``), else one row."""
    units, rows, height = [], 0, 0.0
    for r, row_height in enumerate(body):
        rows, height = rows + 1, height + row_height
        if not table.joined_to_next(r):
            units.append((rows, height))
            rows, height = 0, 0.0
    return units + ([(rows, height)] if rows else [])


def _units_for(units: list[tuple[int, float]], rows: int) -> int:
    """How many of ``units``, from the first, hold at least ``rows`` rows (all of them if fewer)."""
    held = 0
    for k, (count, _) in enumerate(units, start=1):
        held += count
        if held >= rows:
            return k
    return len(units)


def contents_lines(toc: list[dict]) -> list[tuple[int, float]]:
    """(lines, line height) of each entry of the table of contents, as chapter.css sets them."""
    out = []
    for entry in toc:
        indent, size = TOC_ENTRY[min(max(entry["level"], 2), 4)]
        out.append((lines_of(entry["text"], TEXT_WIDTH_PT - indent - TOC_LEADER_PT, size), size * 1.4))
    return out


def longer_than_page(t: Table) -> bool:
    """Whether a table is taller than a page: it then starts where it is and breaks between rows."""
    around, header, body = table_rows(t)
    return around + sum(header) + sum(body) > PAGE_HEIGHT_PT


@dataclass
class Pages:
    """The estimated page position: ``used`` points of the current page, the margin pending below
    the last block (collapsing with the next block's top margin)."""

    used: float = 0.0
    pending: float = 0.0
    page: int = 1

    @property
    def left(self) -> float:
        return PAGE_HEIGHT_PT - self.used

    def new_page(self) -> None:
        self.used, self.pending, self.page = 0.0, 0.0, self.page + 1

    def advance(self, height: float, top: float = 0.0, bottom: float = 0.0, tolerance: float = 0.0) -> None:
        """Place an unbreakable piece ``height`` tall (a new page first when it does not fit with
        ``tolerance`` to spare)."""
        gap = max(self.pending, top) if self.used else 0.0
        if self.used and self.used + gap + height + tolerance > PAGE_HEIGHT_PT:
            self.new_page()
            gap = 0.0
        self.used += gap + height
        self.pending = bottom

    def lines(self, count: int, line: float, bottom: float) -> None:
        """Place ``count`` lines that may break between pages (at least two on each side)."""
        gap = self.pending if self.used else 0.0
        room = int((self.left - gap) // line)
        if room < min(2, count):
            self.new_page()
            gap, room = 0.0, int(PAGE_HEIGHT_PT // line)
        while count > room:
            take = room if count - room >= 2 else count - 2
            count -= max(take, 0)
            self.new_page()
            room = int(PAGE_HEIGHT_PT // line)
            gap = 0.0
        self.used += gap + count * line
        self.pending = bottom


class Flow:
    """Walks the chapter in reading order, estimating where each block falls, and reorders the
    paragraphs after a float that would leave a gap (or splits the table)."""

    def __init__(self, aspect: Callable[[Figure], float], targets: Targets | None = None):
        self.aspect = aspect  # a figure's height over its width
        self.targets = targets or Targets({}, None)  # which paragraphs refer to which table or figure
        self.pages = Pages()
        self.page_of: dict[str, int] = {}  # key of each table and figure → the page it is estimated to start on
        self.split: set[str] = set()  # keys of the tables that fit on a page but are split to leave no gap

    def breaks(self, block: Table | Figure) -> TypeGuard[Table]:
        """Whether a table breaks between rows: longer than a page, or split here."""
        return isinstance(block, Table) and (block.key in self.split or longer_than_page(block))

    def float_height(self, block: Table | Figure) -> float:
        if isinstance(block, Figure):
            image = TEXT_WIDTH_PT * block.width * self.aspect(block)
            return caption_height(block.title) + image + SMALL_LINE + 4
        around, header, body = table_rows(block)
        return around + sum(header) + sum(body)

    def place_float(self, block: Table | Figure) -> None:
        top, bottom = FLOAT_MARGINS
        if self.breaks(block):
            self.place_breaking(block)
            return
        self.pages.advance(self.float_height(block), top, bottom, FIT_TOLERANCE)
        self.page_of[block.key] = self.pages.page  # an unbreakable block starts on the page it ends on

    def place_breaking(self, table: Table) -> None:
        """Place a table that breaks between rows, as chapter.css breaks it: its caption, header
        and first SPLIT_ROWS rows together, its last SPLIT_ROWS rows together with the notes and
        source line, the header repeated on each page it goes on to."""
        around, header, body = table_rows(table)
        caption = caption_height(table.title)
        units = row_units(table, body)
        head = _units_for(units, SPLIT_ROWS)
        tail = max(len(units) - _units_for(units[::-1], SPLIT_ROWS), head)
        self.pages.advance(caption + sum(header) + sum(h for _, h in units[:head]), FLOAT_MARGINS[0], 0.0)
        self.page_of[table.key] = self.pages.page
        chunks = [h for _, h in units[head:tail]] + ([sum(h for _, h in units[tail:]) + around - caption] if tail < len(units) else [])
        if not chunks:  # rows all in the first piece: the notes and source line under them
            chunks = [around - caption]
        for chunk in chunks:
            if chunk > self.pages.left:
                self.pages.new_page()
                self.pages.used = sum(header)
            self.pages.used += chunk
        self.pages.pending = FLOAT_MARGINS[1]

    def place_paragraph(self, p: Paragraph) -> None:
        count, line = paragraph_lines(p)
        self.pages.lines(count, line, 4.8 if p.style == "body" else 7.2)

    def would_leave_gap(self, block: Table | Figure) -> bool:
        height = self.float_height(block)
        left = self.pages.left - max(self.pages.pending, FLOAT_MARGINS[0])
        return self.pages.used > 0 and height + FIT_TOLERANCE > left and left > LARGEST_GAP and height <= PAGE_HEIGHT_PT

    def heading_room(self, section: Section) -> float:
        """The height a heading needs at the foot of a page: itself and two lines of text."""
        top, line, bottom = HEADING
        count = lines_of(f"{section.number} {section.title}", TEXT_WIDTH_PT, bold=True)
        return top + count * line + bottom + 2 * BODY_LINE

    def begins_here(self, block, floats: list) -> bool:
        """Whether ``block`` may fill the page ahead of ``floats``: a paragraph (with a task, which
        stays beside it), or a subsection of the floats' own section whose heading starts on
        this page (the float stays in its section); neither referring to one of the floats."""
        if self.targets.cites(block, floats):
            return False
        if isinstance(block, Paragraph) and block.style in ("signature", "gap"):
            return False  # a signature closes what is above it, tables included
        if isinstance(block, (Paragraph, Task)):
            return True
        return isinstance(block, Section) and not (self.pages.used and self.pages.left < self.heading_room(block))

    def splits_here(self, table: Table) -> bool:
        """Whether ``table`` may be split at the foot of this page: its caption, header and three
        rows fit in what is left, and three rows or more go on to the next page (no page holds a
        stub of one or two rows of it: the gap is then the lesser evil)."""
        around, header, body = table_rows(table)
        room = self.pages.left - max(self.pages.pending, FLOAT_MARGINS[0]) - FIT_TOLERANCE
        used, fitting = around + sum(header), 0
        for rows, height in row_units(table, body):
            if used + height > room:
                break
            used, fitting = used + height, fitting + rows
        return fitting >= SPLIT_ROWS and len(body) - fitting >= SPLIT_ROWS

    def section(self, section: Section) -> None:
        if section.level == 1:
            self.pages.new_page()
            self.pages.advance(2 * 21.0 + 16.8)
        else:
            top, line, bottom = HEADING
            count = lines_of(f"{section.number} {section.title}", TEXT_WIDTH_PT, bold=True)
            if self.pages.used and (section.new_page or self.pages.left < self.heading_room(section)):
                self.pages.new_page()  # an appendix starts a page; a heading keeps its first lines with it
            self.pages.advance(count * line, top, bottom)
        self.blocks(section.blocks)

    def blocks(self, blocks: list) -> None:
        """Place ``blocks`` in order; before a table or figure that would leave a gap, the
        paragraphs and subsections after it (after the run of tables and figures it starts) that
        begin on this page are moved to fill it; the float follows them."""
        i = 0
        while i < len(blocks):
            block = blocks[i]
            if isinstance(block, (Table, Figure)) and self.would_leave_gap(block):
                page, first = self.pages.page, i + 1
                while first < len(blocks) and isinstance(blocks[first], (Table, Figure)):
                    first += 1
                floats = blocks[i:first]
                last = first
                while last < len(blocks) and self.pages.page == page and self.begins_here(blocks[last], floats):
                    if isinstance(blocks[last], Section):
                        self.section(blocks[last])
                    elif isinstance(blocks[last], Paragraph):
                        self.place_paragraph(blocks[last])
                    last += 1
                blocks[i:last] = blocks[first:last] + blocks[i:first]  # the paragraphs first, then the floats
                i += last - first
                if isinstance(block, Table) and self.would_leave_gap(block) and self.splits_here(block):
                    self.split.add(block.key)
            if isinstance(block, Section):
                self.section(block)
            elif isinstance(block, Paragraph):
                self.place_paragraph(block)
            elif not isinstance(block, Task):  # a task is a note in the margin: it takes no room
                self.place_float(block)
            i += 1

    def document(self, doc: Document, contents: list[tuple[int, float]]) -> None:
        self.pages.advance(2 * 21.0 + 16.8)  # the chapter heading
        for p in doc.preface:
            if isinstance(p, Paragraph):
                self.place_paragraph(p)
        if contents:
            self.pages.advance(sum(HEADING), HEADING[0])  # its title
            for count, line in contents:
                self.pages.lines(count, line, 0.0)
            self.pages.pending = 18.0
        for section in doc.sections:
            self.section(section)


def placed(doc: Document, aspect: Callable[[Figure], float], contents: Sequence[tuple[int, float]] = (), targets: Targets | None = None) -> Document:
    """A copy of ``doc`` whose paragraphs move before a table or figure that would otherwise
    leave more than a third of a page empty. ``aspect`` gives a figure's height over width;
    ``contents``: the lines and line height of each entry of the table of contents; ``targets``:
    the text of a reference to each table and figure (a paragraph holding one stays after it)."""
    return flowed(doc, aspect, contents, targets)[0]


def flowed(doc: Document, aspect: Callable[[Figure], float], contents=(), targets: Targets | None = None) -> tuple[Document, Flow]:
    """:func:`placed`, with the :class:`Flow` that placed it (its estimated pages, the tables it splits)."""
    moved = copy.copy(doc)
    moved.sections = [_copy_section(s) for s in doc.sections]
    flow = Flow(aspect, targets)
    flow.document(moved, list(contents))
    return moved, flow


def _copy_section(section: Section) -> Section:
    return dataclasses.replace(section, blocks=[_copy_section(b) if isinstance(b, Section) else b for b in section.blocks])
