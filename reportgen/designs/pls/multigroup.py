"""The multigroup section of the PLS chapter (``model.mga``): MICOM, then each path in the two
groups with the permutation test of its difference (Hair et al., 2018, ch. 4–5)."""

from __future__ import annotations

from reportgen.designs.pls.analysis import PlsStudyResults, pls_model_of
from reportgen.interpret.pls_mga import CITATION
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Section


def multigroup_section(b: Builder, r: PlsStudyResults, number: str) -> Section | None:
    m = r.multigroup
    if m is None:
        return None
    config = b.study.config
    settings = pls_model_of(config).mga
    assert settings is not None
    column = next(c for c in config.respondents if c.column == m.column)
    label = column.label.get(b.lang) if column.label else m.column
    first, second = (b.category(m.column, g) for g in m.groups)
    result, verdicts = m.result, m.verdicts
    section = b.section(b.label("pls_mga", label=label), 3, number)

    def interval(pair) -> str:
        return f"[{b.decimal(pair[0])}; {b.decimal(pair[1])}]"

    micom_body = [
        [
            s(b.labelled(row.construct)),
            d(b.decimal(row.c, 4)),
            d(b.decimal(row.c_quantile, 4)),
            d(b.decimal(row.mean_difference)),
            d(interval(row.mean_interval)),
            d(b.decimal(row.log_variance_ratio)),
            d(interval(row.variance_interval)),
            b.verdict(f"micom:{row.construct}", verdicts.invariance[row.construct].outcome, "micom_levels"),
        ]
        for row in result.invariance
    ]
    micom = b.table(
        "pls.micom",
        b.labels["pls_micom_title"],
        [
            [
                h(b.col("variable"), rowspan=2),
                h(b.labels["pls_micom_step2"], colspan=2),
                h(b.labels["pls_micom_step3"], colspan=4),
                h(b.labels["pls_micom_invariance"], rowspan=2),
            ],
            [h("c"), h(b.labels["pls_micom_c_quantile"]), h(b.labels["pls_micom_mean"]), h("95%"), h(b.labels["pls_micom_variance"]), h("95%")],
        ],
        micom_body,
        notes=(b.label("pls_micom_note", permutations=b.integer(result.permutations), first=first, second=second),),
        widths=(2.2, 0.9, 1.0, 1.0, 1.5, 1.0, 1.5, 1.1),
        small=True,
    )
    not_invariant = [c for c, v in verdicts.invariance.items() if v.outcome == "none"]
    section.blocks += b.say(
        "pls_mga_intro.j2",
        column=label,
        first=first,
        second=second,
        n_first=b.integer(result.sizes[0]),
        n_second=b.integer(result.sizes[1]),
        excluded=b.integer(m.excluded) if m.excluded else "",
        others=b.integer(m.others) if m.others else "",
        other_groups=[b.category(m.column, g) for g in m.other_groups],
        permutations=b.integer(result.permutations),
    )
    section.add(micom)
    section.blocks += b.say(
        "pls_micom.j2",
        refs=(micom.key,),
        claims=[(f"micom:{c}", v.outcome) for c, v in verdicts.invariance.items()],
        table=b.ref(micom),
        level=verdicts.model.outcome,
        partial=[b.name(c) for c, v in verdicts.invariance.items() if v.outcome == "partial"],
        not_invariant=[b.name(c) for c in not_invariant],
    )

    paths_body = []
    for diff in result.paths:
        verdict = verdicts.paths[(diff.source, diff.target)]
        paths_body.append(
            [
                s(f"{diff.source} → {diff.target}"),
                d(b.decimal(diff.group1)),
                d(b.decimal(diff.group2)),
                d(b.decimal(diff.difference)),
                d(b.p_value(diff.p)),
                b.verdict(f"mga:{diff.source}->{diff.target}", verdict.outcome, "significance_words"),
            ]
        )
    paths = b.table(
        "pls.mga",
        b.label("pls_mga_title", label=label),
        [[h(b.col("path")), h(f"β {first}"), h(f"β {second}"), h(b.labels["pls_mga_difference"]), h(b.labels["pls_mga_p"]), h(b.col("description"))]],
        paths_body,
        notes=(b.label("pls_mga_note", permutations=b.integer(result.permutations), alpha=b.bounded(config.settings.alpha, 2)),),
        widths=(2.4, 1.1, 1.1, 1.1, 1.2, 1.5),
    )
    section.add(paths)
    rows = [
        {
            "path": f"{diff.source} → {diff.target}",
            "source": b.name(diff.source),
            "target": b.name(diff.target),
            "first": b.decimal(diff.group1),
            "second": b.decimal(diff.group2),
            "difference": b.decimal(diff.difference),
            "p": b.sig(diff.p),
            "significant": bool(verdicts.paths[(diff.source, diff.target)].passed),
            "uninterpretable": diff.source in not_invariant or diff.target in not_invariant,
        }
        for diff in result.paths
    ]
    section.blocks += b.say(
        "pls_mga.j2",
        refs=(paths.key,),
        claims=[(f"mga:{a}->{t}", v.outcome) for (a, t), v in verdicts.paths.items()],
        table=b.ref(paths),
        first=first,
        second=second,
        alpha=b.bounded(config.settings.alpha, 2),
        citation=CITATION,
        significant=[row for row in rows if row["significant"]],
        others=[row["path"] for row in rows if not row["significant"]],
        uninterpretable=[row["path"] for row in rows if row["uninterpretable"]],
    )
    return section
