"""The references a chapter's text makes to its own tables and figures ("Tabel 5.1", "Gambar 5.2").

The text of a reference is made in one place, :meth:`reportgen.report.builder.Builder.ref`: the
caption label and the block's number, ``f"{label} {number}"`` (:func:`reference_text`). A
caption's label and number name one block of the document (keys do not: a moderation's table
and figure of simple slopes share one), so each place where a paragraph holds that text is a
reference to it: the DOCX makes it a REF field to the caption's bookmark
(:mod:`reportgen.render.docx`), and the float placement never moves a paragraph that refers to
a table or figure ahead of it (:mod:`reportgen.render.flow`). A reference is matched whole, with
a space or the no-break space :func:`~reportgen.render.measure.bind` puts there, and not as the
start of a longer number ("Tabel 5.1" is not found in "Tabel 5.12" nor in "Tabel 5.1.2").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportgen.report.document import Document, Figure, Paragraph, Section, Table


def reference_text(label: str, number: str) -> str:
    """The text that refers to a table or figure: its caption's label and number ("Tabel 5.1"),
    as :meth:`Builder.ref <reportgen.report.builder.Builder.ref>` writes it."""
    return f"{label} {number}"


@dataclass(frozen=True)
class Targets:
    """The tables and figures of a document by the text that refers to each."""

    blocks: dict[str, Table | Figure]  # "Tabel 5.1" → the table
    pattern: re.Pattern | None

    def pieces(self, text: str) -> list[tuple[str, Table | Figure | None]]:
        """``text`` cut into stretches, each with the table or figure it refers to (None: plain
        text); joined, the stretches give ``text`` again."""
        if self.pattern is None:
            return [(text, None)] if text else []
        out: list[tuple[str, Table | Figure | None]] = []
        at = 0
        for match in self.pattern.finditer(text):
            if match.start() > at:
                out.append((text[at : match.start()], None))
            out.append((match.group(0), self.blocks[match.group(0).replace("\u00a0", " ")]))
            at = match.end()
        if at < len(text):
            out.append((text[at:], None))
        return out

    def cites(self, block, floats) -> bool:
        """Whether a paragraph (or any paragraph of a section) refers to one of ``floats``: by
        its text, or as a table it takes numbers from (``Paragraph.refs``)."""
        if isinstance(block, Section):
            return any(self.cites(b, floats) for b in block.blocks)
        if not isinstance(block, Paragraph):
            return False
        named = [b for _, b in self.pieces(block.text) if b is not None]
        return any(any(f is b for b in named) or (isinstance(f, Table) and f.key in block.refs) for f in floats)


def targets(doc: Document, labels: dict) -> Targets:
    """Every numbered table and figure of ``doc`` by its reference text (the labels' ``table``
    and ``figure``)."""
    blocks = {}
    for block in doc.walk():
        if isinstance(block, (Table, Figure)) and block.number:
            blocks[reference_text(labels["table" if isinstance(block, Table) else "figure"], block.number)] = block
    if not blocks:
        return Targets({}, None)
    alternatives = sorted(blocks, key=len, reverse=True)
    body = "|".join("[ \u00a0]".join(re.escape(word) for word in text.split(" ")) for text in alternatives)
    return Targets(blocks, re.compile(rf"(?<![\w.])(?:{body})(?![\w]|[.,]\d)"))
