"""Document → plain text: the chapter as a reader would quote it, for review and snapshot tests.

Headings carry their numbers, paragraphs are wrapped at 100 characters (as plain text: italics
are not marked; a reference-list entry hangs by four spaces), tables are rows of cells separated
by " | " under their number and title, with notes and source below, and a figure is one
bracketed line; in a draft, a task is its margin note after the draft label, bracketed ("[DRAF] H2:
…"), and a final document leaves it out, as its PDF does. A change of wording or of a printed
number shows as a line diff.
"""

from __future__ import annotations

import textwrap

from reportgen.report.document import Document, Figure, Paragraph, Section, Table, Task

WIDTH = 100


def render_text(doc: Document, labels: dict) -> str:
    """The whole document as text, ending with a newline."""
    lines = [doc.chapter_label, doc.title, ""]
    for block in doc.preface:
        if isinstance(block, Task):
            _task(block, doc, labels, lines)
        else:
            _paragraph(block, lines)
    for section in doc.sections:
        _section(section, doc, labels, lines)
    return "\n".join(lines).rstrip("\n") + "\n"


def _section(section: Section, doc: Document, labels: dict, lines: list[str]) -> None:
    heading = f"{section.number} {section.title}".strip()
    lines += ["#" * section.level + " " + heading, ""]
    for block in section.blocks:
        if isinstance(block, Section):
            _section(block, doc, labels, lines)
        elif isinstance(block, Paragraph):
            _paragraph(block, lines)
        elif isinstance(block, Table):
            lines.append(f"{labels['table']} {block.number} {block.title}")
            for row in block.header + block.body:
                lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
            lines += [f"  {note}" for note in block.notes] + [f"  {block.source}", ""]
        elif isinstance(block, Figure):
            lines += [f"[{labels['figure']} {block.number} {block.title} ({block.path.as_posix()})]", ""]
        elif isinstance(block, Task):
            _task(block, doc, labels, lines)


def _task(task: Task, doc: Document, labels: dict, lines: list[str]) -> None:
    """A draft's margin note; nothing in a final document."""
    if doc.draft:
        lines += textwrap.wrap(f"[{labels['draft']}] {task.mark}", WIDTH, break_long_words=False, break_on_hyphens=False) + [""]


def _paragraph(block: Paragraph, lines: list[str]) -> None:
    prefix = {"quote": "> ", "note": "[note] ", "equation": "    "}.get(block.style, "")
    hanging = "    " if block.style == "reference" else ""  # a reference-list entry
    lines += textwrap.wrap(prefix + block.text, WIDTH, subsequent_indent=hanging, break_long_words=False, break_on_hyphens=False) + [""]


def _cell(cell) -> str:
    text = cell.text.replace("\n", " ")
    spans = (f"<{cell.colspan}" if cell.colspan > 1 else "") + (f"^{cell.rowspan}" if cell.rowspan > 1 else "")
    return (f"**{text}**" if cell.bold else text) + spans
