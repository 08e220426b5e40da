"""Document → one HTML page with print CSS (the input of the PDF backend, and the ``html`` format).

The page template is this package's own (not a user template); every text from the study is
escaped by Jinja2's autoescape, so a title such as ``{{ 7*7 }}`` or ``<b>`` prints as written.
Given the folder the figures were written to, the tables and figures are placed so that no page
is left more than a third empty (:mod:`reportgen.render.flow`), and with ``embed`` the figures
are written into the page as ``data:`` URLs, so that one file holds the whole chapter.

In a draft (``doc.draft``) each of the chapter's tasks is a note in the right margin, beside the
paragraph it follows (or below the heading or float it follows), and every page carries the
draft label as its running head; a final document shows neither.

The contents are left out when the study asks (``doc.contents``, ``study.toc: false``); a
figure's caption stands above or below it (``doc.figure_caption``); a table that goes on over a
page carries "Lanjutan Tabel 5.29" / "Table 5.29 (continued)" above its repeated header (the
label ``table_continued``, set as a named string on its first row and shown in the page's top
margin, chapter.css).
"""

from __future__ import annotations

import base64
import re
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from reportgen.render.flow import contents_lines, flowed, longer_than_page
from reportgen.render.measure import NUMBER, SPACES, bind, no_widow, table_layout
from reportgen.render.references import targets
from reportgen.report.document import Document, Figure, Paragraph, Section, Table, Task
from reportgen.resources import shipped

HERE = shipped("render")


def _kind(block) -> str:
    return {Section: "section", Paragraph: "paragraph", Table: "table", Figure: "figure", Task: "task"}[type(block)]


def with_tasks(blocks, draft: bool) -> tuple[list[Task], list[tuple[object, list[Task]]]]:
    """``blocks`` without their tasks, each with the tasks that follow it (shown beside it in a
    draft; none in a final document), and the tasks before the first block (shown under the
    heading)."""
    leading: list[Task] = []
    out: list[tuple[object, list[Task]]] = []
    for block in blocks:
        if not isinstance(block, Task):
            out.append((block, []))
        elif draft:
            (out[-1][1] if out else leading).append(block)
    return leading, out


def css_string(text: str) -> Markup:
    """``text`` to stand between double quotes in the page's style sheet: every character but a
    letter, a digit or a space as a CSS escape (no quote, backslash or ``</style>`` gets through)."""
    return Markup("".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in str(text)))


LEADING_POINT = re.compile(r"(?<!\d)\.\d")  # ".05": English without the leading zero (APA 7)


def keep_whole(text: str) -> Markup:
    """Text (a table cell, a paragraph's run) with each number, each word holding a hyphen or
    slash (``Rata-rata``, ``SS/S``) and each number without its leading zero (``.05``, where
    Unicode allows a break after the point), in a no-wrap span, and no-break spaces where
    :func:`~reportgen.render.measure.bind` joins words: a line breaks only between words. A
    line break written in the text (a cell of several lines) is kept."""
    if "\n" in text:
        return Markup("<br>").join(keep_whole(line) for line in text.split("\n"))
    if NUMBER.match(text.strip()):
        return Markup('<span class="nw">') + escape(text) + Markup("</span>")
    text = bind(text)
    pieces = []
    for piece in SPACES.split(text):
        whole = any(ch in piece for ch in "-/–") or LEADING_POINT.search(piece)
        pieces.append(Markup('<span class="nw">') + escape(piece) + Markup("</span>") if whole else escape(piece))
    return Markup(" ").join(pieces)


def whole_cell(text: str) -> Markup | None:
    """A table cell's content when :func:`keep_whole` would make all of it one no-wrap span (a
    number, ``20,0%``, ``SS/S``), to stand in a cell of class ``nw``: the same line, laid out
    without an inline box in each of an LKE's 500 number cells (9% of its PDF time); else None."""
    if "\n" in text:
        return None
    if NUMBER.match(text.strip()):
        return escape(text)
    text = bind(text)
    if len(SPACES.split(text)) == 1 and (any(ch in text for ch in "-/–") or LEADING_POINT.search(text)):
        return escape(text)
    return None


def render_html(doc: Document, labels: dict, folder: Path | None = None, embed: bool = False) -> str:
    """The chapter as HTML. ``folder``: the output folder, holding the drawn figures (their
    sizes place the floats); ``embed``: the figures inside the page, else paths relative to
    that folder."""
    toc = _contents(doc)
    breaking = {t.key for t in doc.tables().values() if longer_than_page(t)}
    if folder is not None:
        doc, flow = flowed(doc, lambda figure: _aspect(folder / figure.path), contents_lines(toc), targets(doc, labels))
        toc, breaking = _contents(doc), breaking | flow.split
    ids = {id(block): f"s{n}" for n, block in enumerate(b for b in doc.walk() if isinstance(b, Section))}
    image = (lambda path: data_url((folder / path).read_bytes())) if embed and folder is not None else str
    return _template().render(
        doc=doc,
        toc=toc,
        ids=ids,
        labels=labels,
        css=_stylesheet(),
        breaks=lambda table: table.key in breaking,  # starts where it is and breaks between rows
        continued=lambda table: _filled(labels["table_continued"], table=labels["table"], number=table.number),
        image=image,
    )


@cache
def _template():
    """The page template, compiled once per process (a 20-page LHE spent a third of its HTML
    time compiling it); what depends on the document is passed to ``render``."""
    env = Environment(loader=FileSystemLoader(str(HERE)), autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    env.filters["kind"] = _kind
    env.filters["with_tasks"] = with_tasks
    env.filters["css_string"] = css_string
    env.filters["string_id"] = id
    env.filters["keep_whole"] = keep_whole
    env.filters["whole_cell"] = whole_cell
    env.filters["title_whole"] = lambda text: keep_whole(no_widow(text))  # a heading or caption: no last word alone
    env.filters["layout"] = table_layout
    env.filters["logo"] = lambda head: data_url(head.logo, head.logo_type)
    return env.get_template("chapter.html.j2")


@cache
def _stylesheet() -> str:
    return (HERE / "chapter.css").read_text(encoding="utf-8")


def _contents(doc: Document) -> list[dict]:
    """The table of contents: every section down to level 4, with its anchor; none when the
    study leaves it out (``study.toc: false``)."""
    if not doc.contents:
        return []
    return [
        {"id": f"s{n}", "level": block.level, "text": f"{block.number} {block.title}".strip()}
        for n, block in enumerate(b for b in doc.walk() if isinstance(b, Section))
        if block.level <= 4
    ]


def _filled(label: str, **values: str) -> str:
    """A label with its ``{name}`` placeholders filled."""
    for name, value in values.items():
        label = label.replace("{" + name + "}", value)
    return label


def _aspect(png: Path) -> float:
    """A figure's height over its width, read from its PNG header."""
    from PIL import Image

    with Image.open(png) as image:
        width, height = image.size
    return height / width


def data_url(data: bytes, mime: str = "image/png") -> str:
    """An image inside the page (RFC 2397): a drawn figure, a letterhead's logo."""
    return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")
