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

from reportgen.fonts import SERIF, serif_file
from reportgen.page import TEXT_WIDTH_PT
from reportgen.report.document import Table

PADDING_PT = 2 * 4.0 + 1.0  # left and right cell padding of the PDF (4 pt each; the DOCX uses 2.8) and a rule
SIZES = (10.0, 9.0, 8.0)  # table type sizes tried in turn
SLACK = 1.02  # 2 % over the measured width: Pango's shaping may round each glyph advance up
SPACES = re.compile(r"[ \t]+")
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


@lru_cache(maxsize=4)
def _font_file(bold: bool) -> str:
    """The font file the PDF uses (:func:`reportgen.fonts.serif_file`), else matplotlib's match."""
    found = serif_file(bold)
    if found:
        return found
    from matplotlib import font_manager

    properties = font_manager.FontProperties(family=SERIF, weight="bold" if bold else "normal")
    return font_manager.findfont(properties, fallback_to_default=True)


@lru_cache(maxsize=8)
def _font(bold: bool, size: float):
    from PIL import ImageFont

    return ImageFont.truetype(_font_file(bold), size=100)  # measured at 100 pt, scaled: FreeType hints small sizes


@lru_cache(maxsize=65536)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """The advance width of ``text`` on one line, in points at ``size`` pt."""
    return _font(bold, size).getlength(text) * size / 100 * SLACK


MONTHS = (
    "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember|"
    "January|February|March|May|June|July|August|October|December"
)
BINDINGS = (
    (re.compile(r" (?=[=<>≤≥≈±→])"), "\u00a0"),  # never a line break before a relation sign or an arrow,
    (re.compile(r"(?<=[=<>≤≥≈±]) "), "\u00a0"),  # nor after a relation sign: "t = 11,885", "(8,369 > 1,976)"
    (re.compile(r"(\[[^\[\]]*?;) (?=[−\-\d])"), "\\1\u00a0"),  # an interval "[0,093; 0,312]"
    (re.compile(r"(?<=\w:) (?=[−\d])"), "\u00a0"),  # a label and its value "D3: 18,16"
    (re.compile(r"\b(Tabel|Table|Gambar|Figure|Bab|Chapter|Lampiran|Appendix|Tahun|Year|Nomor|No\.) (?=\d)"), "\\1\u00a0"),  # "Tabel 3", "Tahun 2024"
    (re.compile(rf"\b(\d{{1,2}}) (?=(?:{MONTHS})\b)"), "\\1\u00a0"),  # a date "7 Maret 2025" stays on one line
    (re.compile(rf"\b((?:{MONTHS})) (?=\d{{4}}\b)"), "\\1\u00a0"),
)


def bind(text: str) -> str:
    """``text`` with no-break spaces where a line must not break: around a relation sign, before
    an arrow, inside a numeric interval, between a label and its number, between "Tabel" (Table,
    Gambar, Tahun …) and its number, inside a date "7 Maret 2025". A path "KP → MK" may
    still break after its arrow."""
    for pattern, replacement in BINDINGS:
        text = pattern.sub(replacement, text)
    return text


def no_widow(text: str) -> str:
    """A heading or caption never ends with one short word alone on its last line ("… Penataan /
    Ruang", "… TAHUN / 2024"): the last two words of a title of four words or more are joined by
    a no-break space when the last is a short word (up to 10 characters)."""
    words = text.rsplit(" ", 2)
    if len(text.split()) >= 4 and len(words) == 3 and len(words[2]) <= 10 and "\n" not in words[2]:
        return f"{words[0]} {words[1]}\u00a0{words[2]}"
    return text


def bound_title(text: str) -> str:
    """A heading or caption as printed: :func:`no_widow`, then :func:`bind`."""
    return bind(no_widow(text))


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
