"""Table column widths measured from their content, shared by the PDF and the DOCX.

A cell may wrap only between words; a number never wraps. So each column needs at least the
width of its longest word (its *minimum*) and would like the width of its longest cell on one
line (its *maximum*). The widths then follow the automatic table layout of CSS 2.1 §17.5.2.2,
which browsers and Word's "AutoFit to window" approximate:

- every column gets its minimum;
- the width left over is shared in proportion to how much each column wants beyond its
  minimum (``max − min``), so a statement column takes the slack and number columns stay tight;
- when the maxima all fit, each column gets its maximum and the rest of the line is shared in
  proportion to the maxima (the table spans the text width, as a thesis table does).

When even the minima do not fit at 10 pt, the table is set at 9 pt, then 8 pt; a table that
does not fit at 8 pt keeps its minima and is scaled down to the line (the only case in which a
long word could still wrap, which the chapter's tests would catch).

Text is measured with the chapter's font (Liberation Serif, metrically equal to Times New
Roman; DejaVu Serif where it is missing) through FreeType (Pillow's ``ImageFont.getlength``),
the engine that also rasterises it for WeasyPrint through Pango/cairo. The measure is hand-
written because neither python-docx nor WeasyPrint exposes a column-width computation that
the other renderer could reuse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reportgen.page import TEXT_WIDTH_PT
from reportgen.report.document import Table
from reportgen.typeset import SLACK, SPACES, bind, bound_title, no_widow, text_width  # noqa: F401 - re-exported

PADDING_PT = 2 * 4.0 + 1.0  # left and right cell padding of the PDF (4 pt each; the DOCX uses 2.8) and a rule
SIZES = (10.0, 9.0, 8.0)  # table type sizes tried in turn
NUMBER = re.compile(r"^[<>≤≥±−\-+\[(]?\s?[\d.,]+[%)\]*]*$|^[\d.,]+\s*[–-]\s*[\d.,]+$")


@dataclass(frozen=True)
class TableLayout:
    """Column widths in points (summing to the text width) and the type size of the table."""

    widths_pt: tuple[float, ...]
    size_pt: float

    @property
    def fractions(self) -> tuple[float, ...]:
        total = sum(self.widths_pt)
        return tuple(w / total for w in self.widths_pt)


def unbreakable_pieces(text: str) -> list[str]:
    """The stretches of a cell that must stay on one line: its words (with what :func:`bind`
    joins), and the whole cell when it is a number (``1.234,5``, ``< 0,001``, ``−0,038``)."""
    text = bind(text.strip())
    if not text:
        return []
    if NUMBER.match(text):
        return [text]
    return SPACES.split(text)  # a no-break space (``<\u00a0``0,001) joins


def _cell_extent(text: str, size: float, bold: bool) -> tuple[float, float]:
    """(minimum, maximum) width of a cell's text: its longest piece; its longest line."""
    lines = text.split("\n")
    widest = max((text_width(piece, size, bold) for line in lines for piece in unbreakable_pieces(line)), default=0.0)
    longest = max((text_width(line.strip(), size, bold) for line in lines), default=0.0)
    return widest + PADDING_PT, longest + PADDING_PT


def _extents(table: Table, size: float) -> tuple[list[float], list[float]]:
    """The minimum and maximum width of each column; a cell spanning columns widens them evenly
    when they are too narrow for it (CSS 2.1 §17.5.2.2, step 2)."""
    n = table.columns
    low, high = [0.0] * n, [0.0] * n
    spanning = []
    for row in placed_cells(table):
        for c, cell in row:
            extent = _cell_extent(cell.text, size, cell.role == "header" or cell.bold)
            if cell.colspan == 1:
                low[c], high[c] = max(low[c], extent[0]), max(high[c], extent[1])
            else:
                spanning.append((c, cell.colspan, extent))
    for c, span, (need_low, need_high) in spanning:
        cols = range(c, min(c + span, n))
        for values, need in ((low, need_low), (high, need_high)):
            short = need - sum(values[k] for k in cols)
            if short > 0:
                for k in cols:
                    values[k] += short / len(cols)
    high = [max(h, lo) for lo, h in zip(low, high)]
    return low, high


def placed_cells(table: Table):
    """Each row as (column index, cell) pairs, skipping the columns that rowspans above occupy."""
    occupied: set[tuple[int, int]] = set()
    for r, row in enumerate(table.header + table.body):
        c, placed = 0, []
        for cell in row:
            while (r, c) in occupied:
                c += 1
            placed.append((c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    occupied.add((r + dr, c + dc))
            c += cell.colspan
        yield placed


def distribute(low: list[float], high: list[float], width: float) -> list[float]:
    """Widths from minima and maxima for a table ``width`` wide (CSS 2.1 §17.5.2.2, step 3)."""
    if sum(high) <= width:
        return [h * width / sum(high) for h in high]
    if sum(low) >= width:
        return [lo * width / sum(low) for lo in low]
    spare, wants = width - sum(low), [h - lo for lo, h in zip(low, high)]
    return [lo + spare * want / sum(wants) for lo, want in zip(low, wants)]


@lru_cache(maxsize=256)
def table_layout(table: Table, width: float = TEXT_WIDTH_PT) -> TableLayout:
    """The widths and type size of ``table`` on a line ``width`` points wide (remembered: the
    float placement, the HTML and the DOCX each ask for every table, some several times)."""
    sizes = SIZES[1:] if table.small else SIZES
    for size in sizes:
        low, high = _extents(table, size)
        if sum(low) <= width:
            break
    return TableLayout(tuple(distribute(low, high, width)), size)
