"""5.1.3 Validity and 5.1.4 Reliability of the measurement."""

from __future__ import annotations

from reportgen.designs.survey.analysis import Description
from reportgen.interpret.measurement import KR20_CITATION, MAGNITUDE_CITATION, MAGNITUDE_FROM
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Section


def measured_numbers(results: Description) -> list[str]:
    """The constructs of one continuous indicator: a number measured or taken from records (hours,
    a GPA, a financial ratio), to which the validity and reliability of items do not apply."""
    return [code for code, c in results.constructs.items() if c.continuous and c.single]


def validity_section(b: Builder, results: Description, number: str) -> Section | None:
    """The validity of every item by the study's rule (r table, or the magnitude rule above
    MAGNITUDE_FROM respondents), named in the introduction; a construct of one item is said to
    have no other item to be correlated with. A construct of one continuous indicator (a number
    measured or taken from records, not a statement) has no table: one sentence says why."""
    measured = measured_numbers(results)
    if len(measured) == len(results.constructs):  # no statement to test: no section
        return None
    config = b.study.config
    method = results.validity_method
    magnitude = results.validity_rule == "magnitude"
    section = b.section(b.labels["validity"], 3, number)
    threshold = b.bounded(results.validity_threshold, 2 if magnitude else 4)
    r_table = b.bounded(results.r_table, 4)
    section.blocks += b.say(
        "validity_intro.j2",
        method=method,
        r_table=r_table,
        n=b.integer(results.n_used),
        df=b.integer(results.n_used - 2),
        alpha=b.bounded(config.settings.alpha, 2),
        magnitude=magnitude,
        chosen=config.settings.validity_rule,
        threshold=threshold,
        above=b.integer(MAGNITUDE_FROM),
        citation=MAGNITUDE_CITATION,
    )
    r_header = b.col("r_item_total") if method == "item_total" else b.col("r_item_rest")
    bound_header = b.col("threshold") if magnitude else b.col("r_table")
    dropped = results.dropped
    if dropped:
        table = b.table(
            "validity.dropped",
            b.labels["dropped_title"],
            [[h(b.col("item")), h(b.col("variable")), h(r_header), h(bound_header)]],
            [[d(item), s(b.labelled(c)), d(b.bounded(r)), d(threshold)] for item, c, r in dropped],
            widths=(1, 3, 2, 1),
        )
        section.add(table)
        section.blocks += b.say("dropped.j2", refs=(table.key,), table=b.ref(table), items=[i for i, _, _ in dropped], r_table=threshold)
    for code, construct in results.constructs.items():
        if code in measured:
            continue
        body = []
        for n, (item, result) in enumerate(construct.items.items()):
            r = result.validity.r_item_total if method == "item_total" else result.validity.r_item_rest
            shown = "–" if construct.single else b.bounded(r)
            third = "–" if construct.single else b.p_value(result.validity.r_p) if method == "item_total" else b.bounded(result.validity.r_item_total)
            cells = [d(item), d(shown), d(third), d(threshold), b.verdict(f"validity:{item}", result.verdict.outcome)]
            body.append(([s(b.labelled(code), rowspan=len(construct.items))] if n == 0 else []) + cells)
        third_header = h(b.col("p")) if method == "item_total" else h(b.col("r_item_total"))
        table = b.table(
            f"validity.{code}",
            b.label("validity_title", name=b.name(code), code=code),
            [[h(b.col("variable")), h(b.col("item")), h(r_header), third_header, h(bound_header), h(b.col("description"))]],
            body,
            widths=(2.4, 1, 2.2, 1.2, 1.1, 1.3),
        )
        items = list(construct.items.values())
        rs = [i.r for i in items]
        defined = [r for r in rs if r is not None]
        invalid = [{"item": i.name, "r": b.bounded(i.r)} for i in items if i.valid is False]
        undefined = [i.name for i in items if i.verdict.outcome == "undefined"]
        section.add(table)
        section.blocks += b.say(
            "validity.j2",
            refs=(table.key,),
            claims=[(f"validity:{i.name}", i.verdict.outcome) for i in items],
            table=b.ref(table),
            name=b.name(code),
            code=code,
            single=construct.single,
            item=items[0].name,
            k=len(items),
            r_min=b.bounded(min(defined)) if defined else "",
            r_max=b.bounded(max(defined)) if defined else "",
            r_table=threshold,
            magnitude=magnitude,
            invalid=invalid,
            undefined=undefined,
            dropped=b.study.config.settings.drop_invalid,
        )
    if measured:
        section.blocks += b.say("validity_measured.j2", names=[b.labelled(c) for c in measured], test="validity")
    return section


def reliability_section(b: Builder, results: Description, number: str) -> Section | None:
    """Cronbach's alpha and omega of every construct but those of one measured number (no
    section when every construct is one)."""
    measured = measured_numbers(results)
    if len(measured) == len(results.constructs):
        return None
    config = b.study.config
    threshold = b.bounded(config.settings.reliability_min, 2)
    section = b.section(b.labels["reliability"], 3, number)
    body = []
    constructs = {code: c for code, c in results.constructs.items() if code not in measured}
    for code, construct in constructs.items():
        body.append(
            [
                s(b.labelled(code)),
                d(b.integer(len(construct.items))),
                d("–" if construct.single else b.bounded(construct.alpha)),
                d("–" if construct.single else b.bounded(construct.omega)),
                d(threshold),
                b.verdict(f"reliability:{code}", construct.reliability.outcome),
            ]
        )
    table = b.table(
        "reliability",
        b.labels["reliability_title"],
        [[h(b.col("variable")), h(b.col("items")), h(b.col("alpha")), h("McDonald's Omega"), h(b.col("threshold")), h(b.col("description"))]],
        body,
        notes=(b.labels["omega_note"],),
        widths=(3, 0.9, 1.2, 1.3, 1.3, 1.3),
    )
    alphas = [c.alpha for c in constructs.values() if c.alpha is not None and not c.single]
    unreliable = [{"code": code, "alpha": b.bounded(c.alpha)} for code, c in constructs.items() if c.reliability.passed is False]
    section.blocks += b.say("reliability_intro.j2", threshold=threshold, table=b.ref(table))
    section.add(table)
    section.blocks += b.say(
        "reliability.j2",
        refs=(table.key,),
        table=b.ref(table),
        threshold=threshold,
        claims=[(f"reliability:{code}", c.reliability.outcome) for code, c in constructs.items()],
        a_min=b.bounded(min(alphas)) if alphas else "",
        a_max=b.bounded(max(alphas)) if alphas else "",
        unreliable=unreliable,
        single=[code for code, c in constructs.items() if c.single],
        every_single=all(c.single for c in constructs.values()),
        dichotomous=[code for code, c in constructs.items() if c.dichotomous and not c.single],
        kr20=KR20_CITATION,
        problems=[
            {"code": p.code, "construct": p.construct, "names": list(p.items), "value": None if p.value is None else b.bounded(p.value)}
            for c in constructs.values()
            for p in c.problems
        ],
    )
    if measured:
        section.blocks += b.say("validity_measured.j2", names=[b.labelled(c) for c in measured], test="reliability")
    detail_body, raising = [], []
    for code, construct in ((code, c) for code, c in constructs.items() if not c.single):
        for n, (item, result) in enumerate(construct.items.items()):
            row = [
                d(item),
                d(b.decimal(result.summary.mean)),
                d(b.decimal(result.summary.sd)),
                d(b.bounded(result.validity.r_item_rest)),
                d(b.bounded(result.alpha_if_deleted)),
            ]
            detail_body.append(([s(f"{code} (α = {b.bounded(construct.alpha)})", rowspan=len(construct.items))] if n == 0 else []) + row)
            if result.alpha_if_deleted is not None and construct.alpha is not None and result.alpha_if_deleted > construct.alpha:
                raising.append({"item": item, "code": code, "alpha": b.bounded(construct.alpha), "dropped": b.bounded(result.alpha_if_deleted)})
    if not detail_body:  # every construct has a single item: there is no item to delete
        return section
    detail = b.table(
        "reliability.items",
        b.labels["alpha_deleted_title"],
        [[h(b.col("variable")), h(b.col("item")), h(b.col("mean")), h("SD"), h(b.col("r_item_rest")), h(b.col("alpha_deleted"))]],
        detail_body,
        widths=(1.8, 1, 1, 1, 2.2, 2),
        small=True,
    )
    section.add(detail)
    section.blocks += b.say("alpha_deleted.j2", refs=(detail.key,), table=b.ref(detail), raising=raising)
    return section
