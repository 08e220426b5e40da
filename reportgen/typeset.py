"""Text set as the PDF sets it, measured without rendering: the serif font's advance widths, the
no-break spaces a line never breaks at, and how many lines a text fills in a column. The renderers
(:mod:`reportgen.render.measure`, :mod:`reportgen.render.flow`), the chart pages and the SAKIP
chapter (which splits its charts to fit a page) all measure with these; the page's geometry is in
:mod:`reportgen.page`."""

from __future__ import annotations

import re
from functools import lru_cache

from reportgen.fonts import SERIF, serif_file
from reportgen.page import TEXT_WIDTH_PT

SLACK = 1.02  # 2 % over the measured width: Pango's shaping may round each glyph advance up
SPACES = re.compile(r"[ \t]+")
BODY_PT, BODY_LINE = 12.0, 18.0  # chapter.css: 12 pt, line-height 1.5
CAPTION_LINE, SMALL_LINE = 15.6, 12.0  # caption 12 pt × 1.3; source and notes 10 pt × 1.2
FLOAT_MARGINS = (9.6, 12.0)  # .table-block and figure: 0.8em above, 1em below
FIT_TOLERANCE = 8.0  # a float estimated to fit with less to spare may not: it is taken to the next page


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


def lines_of(text: str, width: float, size: float = BODY_PT, indent: float = 0.0, bold: bool = False, slack: float = SLACK) -> int:
    """How many lines ``text`` fills in a column ``width`` points wide, words never broken; each
    word measured ``slack`` times as wide as its advance width (by default the margin the table
    measure gives a column; 1.0 for text in a column of known width, a paragraph's or a
    cell's, which Pango fills at the advance widths: measured on the demo, every paragraph's
    count of lines was then the PDF's, against 84 of 96 with the margin)."""
    count, scale = 0, slack / SLACK
    for paragraph in text.split("\n"):
        line, limit, count = 0.0, width - indent, count + 1
        space = text_width(" ", size, bold) * scale
        for word in SPACES.split(bind(paragraph.strip())):
            w = text_width(word, size, bold) * scale
            if line and line + space + w > limit:
                count, line, limit = count + 1, w, width
            else:
                line += (space if line else 0.0) + w
    return count


def caption_height(title: str) -> float:
    """The height of a table's or figure's caption in points: its label line and its wrapped title."""
    return CAPTION_LINE * (1 + lines_of(title, TEXT_WIDTH_PT, bold=True)) + 3.6
