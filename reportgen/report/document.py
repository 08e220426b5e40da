"""The format-neutral chapter: sections of paragraphs, tables and figures.

Built once by :mod:`reportgen.report.build`; the HTML/PDF and DOCX renderers only consume it.
A table is content with cell roles (header, stub, data), as in statsmodels' SimpleTable. Every
paragraph lists the tables it cites (``refs``), so a test can check that each number in the
text is printed in its table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportgen.words.runs import Run, merge_runs

Claim = tuple[str, str]  # (subject, outcome) of a verdict: ("reliability:X1", "reliable")


@dataclass(frozen=True)
class Cell:
    text: str
    role: str = "data"  # header | stub | data
    colspan: int = 1
    rowspan: int = 1
    align: str = "center"  # left | center | right
    bold: bool = False
    claim: Claim | None = None  # the verdict this cell shows (a "Keterangan" cell)


@dataclass(frozen=True)
class Table:
    key: str
    number: str  # "5.1"
    title: str
    header: tuple[tuple[Cell, ...], ...]
    body: tuple[tuple[Cell, ...], ...]
    source: str
    notes: tuple[str, ...] = ()
    widths: tuple[float, ...] | None = None  # relative column widths
    small: bool = False  # many columns: smaller type

    def texts(self) -> list[str]:
        return [c.text for row in self.header + self.body for c in row]

    @property
    def columns(self) -> int:
        return sum(c.colspan for c in self.header[0]) if self.header else sum(c.colspan for c in self.body[0])

    def is_group_row(self, row) -> bool:
        """A body row that is one cell across every column: it names the group of rows below it
        (a component above its findings), so it never ends a page."""
        return len(row) == 1 and row[0].colspan == self.columns > 1

    def joined_to_next(self, r: int) -> bool:
        """Whether body row ``r`` and the next share a cell spanning rows: a page break between
        them would leave the rows after it without that cell's text, so they stay together."""
        return any(k + cell.rowspan - 1 > r for k in range(r + 1) for cell in self.body[k])


@dataclass(frozen=True)
class Figure:
    """A figure as content: what to draw (``kind``, one of :data:`reportgen.figures.KINDS`, with
    its ``data``: numbers and the words on it) and where its PNG goes. The figures backend
    draws it when the chapter is written."""

    key: str
    number: str
    title: str
    path: Path  # PNG, relative to the output folder
    width: float = 0.8  # fraction of the text width
    source: str = ""
    kind: str = ""
    data: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph. ``text`` is always its plain text (what tests, claims and the text renderer
    read); ``runs``, when given, is the same text cut into roman and italic stretches, which the
    HTML and DOCX renderers print. Build one with runs by :meth:`of_runs`."""

    text: str
    refs: tuple[str, ...] = ()  # keys of the tables this text takes numbers from
    style: str = "body"  # body | equation | quote | note | reference (hanging indent 1.27 cm, APA 7 §9.43)
    # in a letter also: plain (flush left), right (flush right), field ("Nomor<TAB>value": a label
    # column, a colon, the value) and signature (a block from the middle of the line)
    claims: tuple[Claim, ...] = ()  # the verdicts this text states; each must be the one its table shows
    runs: tuple[Run, ...] = ()  # empty: the whole text in the style's own face

    def __post_init__(self) -> None:
        if self.runs and "".join(run.text for run in self.runs) != self.text:
            raise ValueError("a paragraph's runs must spell its text")

    @classmethod
    def of_runs(cls, runs, style: str = "body", refs: tuple[str, ...] = (), claims=()) -> Paragraph:
        """A paragraph made of ``runs`` (adjacent runs of one face are merged)."""
        joined = merge_runs(runs)
        return cls("".join(run.text for run in joined), tuple(refs), style, tuple(claims), joined)

    def spans(self) -> tuple[Run, ...]:
        """The runs to print: ``runs``, or the whole text as one roman run."""
        return self.runs or (Run(self.text),)


@dataclass(frozen=True)
class Letterhead:
    """The kop surat of a letter: the government and the office (printed in capitals), the address
    and contact lines under them, the logo (PNG or JPEG bytes, with its MIME type) on the left."""

    government: str
    office: str
    lines: tuple[str, ...] = ()
    logo: bytes | None = None
    logo_type: str = "image/png"


@dataclass(frozen=True)
class Task:
    """What the author must still write, where it is missing: never printed as the chapter's text.

    A draft shows it beside the block before it (a Word comment anchored there, a margin note in
    the PDF); a final document shows nothing, and ``reportgen run`` lists it as a note either way.
    ``mark`` (the margin note) names no study-file key; ``comment`` (the Word comment) says what
    to add and under which key of the study file; both are in the chapter's language. ``note``
    is the line of ``reportgen run``, in English as its other notes."""

    kind: str  # literature (no earlier study compared) | discordant (the two strands' disagreement unexplained) | placeholders
    subject: str  # what it concerns: a hypothesis ("H2"), or "" for the whole study
    mark: str
    comment: str
    note: str


@dataclass
class Section:
    title: str
    level: int  # 1 = chapter, 2 = 5.1, 3 = 5.1.1, 4 = a./b.
    number: str = ""
    blocks: list = field(default_factory=list)  # Paragraph | Table | Figure | Task | Section
    new_page: bool = False  # begins a page (an appendix); a chapter (level 1) always does

    def add(self, block):
        self.blocks.append(block)
        return block


@dataclass
class Document:
    lang: str
    chapter_label: str  # "BAB V" / "CHAPTER 5"
    title: str  # "HASIL PENELITIAN DAN PEMBAHASAN"
    study_title: str
    author: str
    year: int
    sections: list[Section] = field(default_factory=list)
    preface: list = field(default_factory=list)  # notes (Paragraph) and tasks (Task) under the chapter heading, before its first section
    contents_title: str = "Daftar Isi"
    first_page: int = 1  # the number printed on the first page (study.first_page)
    letter: list[Paragraph] = field(default_factory=list)  # a cover letter on the page before the heading (an LHE's)
    letterhead: Letterhead | None = None  # the kop surat above the letter
    draft: bool = False  # tasks are shown (Word comments, margin notes and a "DRAF" running head in the PDF)
    contents: bool = True  # the contents (Daftar Isi) under the chapter heading (study.toc)
    figure_caption: str = "above"  # above | below: where a figure's number and title stand (study.captions)

    def walk(self):
        """Every block in reading order, sections included."""

        def visit(blocks):
            for block in blocks:
                yield block
                if isinstance(block, Section):
                    yield from visit(block.blocks)

        yield from visit(self.sections)

    def tasks(self) -> list[tuple[Section | None, Task]]:
        """Every task with the section it stands in (None: under the chapter heading), in reading order."""
        found: list[tuple[Section | None, Task]] = [(None, b) for b in self.preface if isinstance(b, Task)]

        def visit(section: Section) -> None:
            for block in section.blocks:
                if isinstance(block, Task):
                    found.append((section, block))
                elif isinstance(block, Section):
                    visit(block)

        for section in self.sections:
            visit(section)
        return found

    def tables(self) -> dict[str, Table]:
        return {b.key: b for b in self.walk() if isinstance(b, Table)}

    def figures(self) -> list[Figure]:
        return [b for b in self.walk() if isinstance(b, Figure)]

    def reader_texts(self) -> list[str]:
        """Every piece of text a reader sees but the reference list: the preface, a letter, the
        paragraphs, the tables' titles, cells, notes and sources, the figures' titles and
        sources, the headings (where the chapter's citations are found)."""
        out = [p.text for p in list(self.preface) + list(getattr(self, "letter", []))]
        for block in self.walk():
            if isinstance(block, Paragraph) and block.style != "reference":
                out.append(block.text)
            elif isinstance(block, Table):
                out += [block.title, *block.texts(), *block.notes, block.source]
            elif isinstance(block, Figure):
                out += [block.title, block.source]
            elif isinstance(block, Section):
                out.append(block.title)
        return [text for text in out if text]
