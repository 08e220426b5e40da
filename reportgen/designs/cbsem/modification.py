"""The modification indices of the CB-SEM measurement model in the chapter: the largest ones of at
least 3.84 (χ²(1) at .05) in an AMOS-style table, and a sentence that reports them without acting
on them (Sörbom, 1989; MacCallum, Roznowski & Necowitz, 1992)."""

from __future__ import annotations

from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Section
from reportgen.stats.cbsem_mi import CRITICAL

SHOWN = 10  # rows of the table; the rest are in results.json


def parameter(m) -> str:
    """AMOS's arrows: a cross-loading 'item ← construct', an error covariance 'e(a) ↔ e(b)'."""
    return f"{m.rhs} ← {m.lhs}" if m.op == "=~" else f"e({m.lhs}) ↔ e({m.rhs})"


def modification_blocks(b: Builder, r, section: Section) -> None:
    """The table and the sentence of the CFA's modification indices (none when not computed)."""
    if r.modification is None:
        return
    large = [m for m in r.modification if m.mi >= CRITICAL]
    if not large:
        section.blocks += b.say("cbsem_mi.j2", count=0)
        return
    shown = large[:SHOWN]
    body = [[s(parameter(m)), s(b.labels["cbsem_mi_kinds"][m.op]), d(b.decimal(m.mi)), d(b.decimal(m.epc)), d(b.decimal(m.sepc_all))] for m in shown]
    notes = [b.labels["cbsem_mi_note"]]
    if len(large) > SHOWN:
        notes.append(b.label("cbsem_mi_more", count=b.integer(len(large) - SHOWN)))
    table = b.table(
        "cbsem.modification",
        b.labels["cbsem_mi_title"],
        [[h(b.col("parameter")), h(b.col("kind")), h("MI"), h("EPC"), h(b.col("std_epc"))]],
        body,
        notes=tuple(notes),
        widths=(2.4, 1.6, 0.9, 0.9, 1.3),
    )
    section.add(table)
    top = shown[0]
    section.blocks += b.say(
        "cbsem_mi.j2",
        refs=(table.key,),
        table=b.ref(table),
        count=len(large),
        top=parameter(top),
        cross=top.op == "=~",
        mi=b.decimal(top.mi),
        sepc=b.decimal(top.sepc_all),
        critical=b.decimal(CRITICAL, 2),
    )
