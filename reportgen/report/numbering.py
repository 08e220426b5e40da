"""Tables and figures numbered in the order they are read.

A report whose summary cites a table made for a later section (the SAKIP recapitulation cites
its results table in the summary, then shows the weights in its method section first) numbers
its tables as they were made; :func:`in_reading_order` renumbers them as they stand on the page
(Tabel 1 is the first table read) and rewrites every "Tabel N" / "Gambar N" in the text with
the new numbers, at once, so that no number is rewritten twice.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reportgen.report.document import Document, Figure, Paragraph, Run, Section, Table


def in_reading_order(doc: Document, table_word: str, figure_word: str) -> dict[str, str]:
    """Renumber ``doc``'s tables and figures in reading order, in place; old → new number of each kind
    (keys ``"table 3"``, ``"figure 2"``)."""
    mapping: dict[str, str] = {}
    counts = {Table: 0, Figure: 0}
    for block in doc.walk():
        if type(block) in counts:
            counts[type(block)] += 1
            kind = "table" if isinstance(block, Table) else "figure"
            prefix = block.number.rpartition(".")[0]
            mapping[f"{kind} {block.number}"] = f"{prefix}.{counts[type(block)]}" if prefix else str(counts[type(block)])
    if all(key.split(" ", 1)[1] == new for key, new in mapping.items()):
        return mapping
    words = {table_word: "table", figure_word: "figure"}
    pattern = re.compile(rf"\b({'|'.join(map(re.escape, words))})(\s|\u00a0)(\d+(?:\.\d+)?)\b")

    def renumbered(text: str) -> str:
        def one(match: re.Match) -> str:
            new = mapping.get(f"{words[match.group(1)]} {match.group(3)}", match.group(3))
            return f"{match.group(1)}{match.group(2)}{new}"

        return pattern.sub(one, text)

    def fix(block):
        if isinstance(block, Table):
            return replace(block, number=mapping[f"table {block.number}"])
        if isinstance(block, Figure):
            return replace(block, number=mapping[f"figure {block.number}"])
        if isinstance(block, Paragraph):
            runs = tuple(Run(renumbered(r.text), r.italic) for r in block.runs)
            return replace(block, text=renumbered(block.text), runs=runs)
        if isinstance(block, Section):
            block.blocks = [fix(b) for b in block.blocks]
        return block

    doc.sections = [fix(section) for section in doc.sections]
    doc.preface = [fix(p) for p in doc.preface]
    return mapping
