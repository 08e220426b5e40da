"""The formative measurement models of a PLS-SEM chapter, assessed as Hair et al. (2022, ch. 5) do:
collinearity among each block's indicators (VIF), then the significance and relevance of the outer
weights, each indicator kept or not by the weight–loading rule of
:func:`reportgen.interpret.pls.weight_verdict`."""

from __future__ import annotations

from reportgen.designs.pls.analysis import PlsStudyResults
from reportgen.interpret.pls import CITATION, FORMATIVE_LOADING_MIN, REDUNDANCY_MIN, VIF_MAX
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Section


def formative_constructs(r: PlsStudyResults) -> list[str]:
    """The formative constructs of the model (their indicators' weights have verdicts)."""
    spec = r.model.spec
    return [c for j, c in enumerate(spec.constructs) if spec.modes[j] == "B" and any(i in r.verdicts.weights for i in spec.items[j])]


def formative_section(b: Builder, r: PlsStudyResults, letter: str) -> Section:
    """The weights table (weight, bootstrap t, p and interval, loading, VIF, verdict) of every
    formative construct, and the sentences on collinearity and on each indicator's contribution."""
    spec = r.model.spec
    v = r.verdicts
    sub = b.section(b.labels["pls_formative"], 4, letter)
    constructs = formative_constructs(r)
    loadings = dict(zip(spec.indicators, r.model.loadings.sum(axis=1)))
    weights = dict(zip(spec.indicators, r.model.weights.sum(axis=1)))
    vif = dict(zip(spec.indicators, r.assessed.outer_vif))
    body = []
    for c in constructs:
        block = spec.items[spec.constructs.index(c)]
        for n, item in enumerate(block):
            st = r.boot.weights[item]
            body.append(
                ([s(b.labelled(c), rowspan=len(block))] if n == 0 else [])
                + [
                    d(item),
                    d(b.decimal(weights[item])),
                    d(b.decimal(st.t)),
                    d(b.p_value(st.p)),
                    d(f"[{b.decimal(st.ci_low)}; {b.decimal(st.ci_high)}]"),
                    d(b.bounded(loadings[item])),
                    d(b.decimal(vif[item])),
                    b.verdict(f"weight:{item}", v.weights[item].outcome, "pls_weight_words"),
                ]
            )
    sub.blocks += b.say(
        "pls_formative_intro.j2",
        constructs=constructs,
        vif=b.integer(int(VIF_MAX)),
        floor=b.bounded(FORMATIVE_LOADING_MIN, 2),
        citation=CITATION,
    )
    sub.blocks += _redundancy_blocks(b, r, constructs)
    table = b.table(
        "pls.weights",
        b.labels["pls_weights_title"],
        [
            [
                h(b.col("variable")),
                h(b.col("indicator")),
                h(b.col("outer_weight")),
                h("t"),
                h(b.col("p")),
                h(b.col("ci", level=b.confidence())),
                h(f"{b.col('loading')}"),
                h(f"VIF (< {b.integer(int(VIF_MAX))})"),
                h(b.col("description")),
            ]
        ],
        body,
        notes=(b.label("pls_weights_note", resamples=b.integer(r.boot.resamples), level=b.confidence(), floor=b.bounded(FORMATIVE_LOADING_MIN, 2)),),
        widths=(2.2, 1, 1, 0.9, 0.9, 1.6, 1, 1, 2),
        small=True,
    )
    sub.add(table)
    items = [i for c in constructs for i in spec.items[spec.constructs.index(c)]]
    highest = max(items, key=lambda i: vif[i])

    def listed(outcome: str) -> list[str]:
        return [i for i in items if v.weights[i].outcome == outcome]

    sub.blocks += b.say(
        "pls_formative.j2",
        refs=(table.key,),
        claims=[(f"weight:{i}", v.weights[i].outcome) for i in items],
        table=b.ref(table),
        vif=b.integer(int(VIF_MAX)),
        highest={"item": highest, "vif": b.decimal(vif[highest])},
        collinear=[f"{i} ({b.decimal(vif[i])})" for i in items if v.outer_vif[i].passed is False],
        significant=listed("significant"),
        absolute=[{"item": i, "loading": b.bounded(loadings[i])} for i in listed("absolute")],
        consider=[{"item": i, "loading": b.bounded(loadings[i])} for i in listed("consider_removal")],
        remove=[{"item": i, "loading": b.bounded(loadings[i])} for i in listed("remove")],
        floor=b.bounded(FORMATIVE_LOADING_MIN, 2),
        strongest=_strongest(b, constructs, spec, weights),
    )
    return sub


def _redundancy_blocks(b: Builder, r: PlsStudyResults, constructs: list[str]) -> list:
    """The redundancy analysis (convergent validity) of the formative constructs with a global
    item: a table of their paths and R², and its sentence."""
    v = r.verdicts.redundancy
    rated = [c for c in constructs if c in r.redundancy]
    if not rated:
        return b.say("pls_redundancy_none.j2", constructs=constructs)
    body = [
        [
            s(b.labelled(c)),
            d(r.redundancy[c][0]),
            d(b.bounded(r.redundancy[c][1])),
            d(b.bounded(r.redundancy[c][1] ** 2)),
            b.verdict(f"redundancy:{c}", v[c].outcome),
        ]
        for c in rated
    ]
    table = b.table(
        "pls.redundancy",
        b.labels["pls_redundancy_title"],
        [
            [
                h(b.col("variable")),
                h(b.col("global_item")),
                h(f"{b.col('path_coefficient')} (≥ {b.bounded(REDUNDANCY_MIN)})"),
                h("R²"),
                h(b.col("description")),
            ]
        ],
        body,
        widths=(3, 1.6, 1.8, 1, 1.4),
    )
    text = b.say(
        "pls_redundancy.j2",
        refs=(table.key,),
        claims=[(f"redundancy:{c}", v[c].outcome) for c in rated],
        table=b.ref(table),
        threshold=b.bounded(REDUNDANCY_MIN),
        valid=[f"{c} ({b.bounded(r.redundancy[c][1])})" for c in rated if v[c].passed],
        invalid=[f"{c} ({b.bounded(r.redundancy[c][1])})" for c in rated if not v[c].passed],
        unrated=[c for c in constructs if c not in r.redundancy],
    )
    return [*text, table]


def _strongest(b: Builder, constructs: list[str], spec, weights: dict[str, float]) -> list[dict[str, str]]:
    """Each formative construct's indicator with the largest weight: its relative contribution."""
    out = []
    for c in constructs:
        block = spec.items[spec.constructs.index(c)]
        top = max(block, key=lambda i: weights[i])
        out.append({"construct": c, "item": top, "weight": b.decimal(weights[top])})
    return out
