"""The indirect effects of a CB-SEM chapter: their table (a × b, delta SE, C.R., β, Monte Carlo
interval, type of mediation), the words of each indirect hypothesis and its discussion."""

from __future__ import annotations

from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Section, Table


def indirect_table(b: Builder, r, section: Section) -> Table:
    body = []
    for name, e in r.indirect.items():
        kind = r.mediation_types.get(name)
        body.append(
            [
                d(name),
                s("\u00a0→\u00a0".join(e.chain)),
                d(b.decimal(e.estimate)),
                d(b.decimal(e.se)),
                d(b.decimal(e.z)),
                d(b.p_value(e.p)),
                d(b.decimal(e.std)),
                d(f"[{b.decimal(e.ci_low)}; {b.decimal(e.ci_high)}]"),
                b.verdict(f"mediation:{name}", kind.outcome, "mediation_kinds") if kind else d("–"),
            ]
        )
    first = next(iter(r.indirect.values()))
    level = b.confidence()
    table = b.table(
        "cbsem.indirect",
        b.labels["cbsem_indirect_title"],
        [
            [
                h(b.col("hypothesis")),
                h(b.col("path")),
                h(b.col("sem_estimate")),
                h("SE"),
                h("C.R."),
                h(b.col("amos_p")),
                h(b.col("std_estimate")),
                h(b.col("ci", level=level)),
                h(b.col("mediation_kind")),
            ]
        ],
        body,
        notes=(
            b.label("cbsem_indirect_note_bootstrap", level=level, resamples=b.integer(first.draws))
            if first.interval == "bias_corrected"
            else b.label("cbsem_indirect_note", level=level, draws=b.integer(first.draws)),
            *((b.labels["cbsem_robust_se_note"],) if r.sem.robust is not None else ()),
            *b.type_glosses(v.outcome for v in r.mediation_types.values() if v is not None),
        ),
        widths=(0.9, 2.1, 0.9, 0.8, 0.8, 0.8, 0.8, 1.5, 1.5),
        small=True,
    )
    section.add(table)
    return table


def _common(b: Builder, r, name: str) -> dict:
    e = r.indirect[name]
    hyp = r.hypotheses[name]
    return {
        "h": name,
        "mediators": [b.name(m) for m in e.chain[1:-1]],
        "beta": b.decimal(e.std),
        "estimate": b.decimal(e.estimate),
        "low": b.decimal(e.ci_low),
        "high": b.decimal(e.ci_high),
        "level": b.confidence(),
        "interval": e.interval,
        "interval_cite": {"monte_carlo": "preacher2012", "bias_corrected": "efron1993"}[e.interval],
        "reason": hyp.decision.reason,
        "sign": hyp.decision.sign,
        "supported": hyp.decision.supported,
        "object": b.study.config.study.object_in(b.lang),
    }


def indirect_words(b: Builder, r, name: str) -> dict:
    """The context of templates/<lang>/cbsem_indirect.j2 for one indirect hypothesis."""
    e = r.indirect[name]
    x, y = e.chain[0], e.chain[-1]
    kind = r.mediation_types.get(name)
    direct = r.sem.path(x, y) if kind else None
    return {
        **_common(b, r, name),
        "x": x,
        "y": y,
        "x_name": b.name(x),
        "y_name": b.name(y),
        "z": b.decimal(e.z),
        "p": b.p_value(e.p),
        "expect": r.hypotheses[name].expect,
        "kind": b.labels["mediation_kinds"][kind.outcome].lower() if kind else "",
        "direct_significant": bool(r.path_verdicts[(x, y)].passed) if kind else False,
        "direct_beta": b.decimal(direct.std) if direct else "",
        "direct_p": b.p_value(direct.p) if direct and direct.p is not None else "",
    }


def indirect_discussion(b: Builder, r, name: str):
    """The title and paragraphs of the discussion of one indirect hypothesis."""
    e = r.indirect[name]
    title = b.label(
        "pls_discussion_indirect", source=b.name(e.chain[0]), target=b.name(e.chain[-1]), mediator=" → ".join(b.name(m) for m in e.chain[1:-1])
    )
    return title, b.say(
        "cbsem_discussion_indirect.j2",
        refs=("cbsem.indirect",),
        claims=[(f"hypothesis:{name}", r.hypotheses[name].decision.outcome)],
        chain=[b.name(c) for c in e.chain],
        **_common(b, r, name),
    )
