"""The measurements by the groups of each ``compare:`` column in a repeated-measures chapter: the
groups' means at each measurement and the mixed (split-plot) ANOVA, whose group × time
interaction says whether the change differs between the groups (Field, 2018)."""

from __future__ import annotations

from reportgen.designs.repeated.analysis import GroupChange, RepeatedStudyResults, corrected
from reportgen.designs.repeated.gains import signed
from reportgen.designs.survey.groups_chapter import df_text
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Section


def group_change_section(b: Builder, r: RepeatedStudyResults, number: str) -> Section | None:
    if not r.groups:
        return None
    section = b.section(b.labels["repeated_groups"], 3, number)
    for column, g in r.groups.items():
        _column_blocks(b, r, section, column, g)
    return section


def _label(b: Builder, column: str) -> str:
    found = next((c for c in b.study.config.respondents if c.column == column), None)
    return found.label.get(b.lang) if found is not None and found.label else column


def _column_blocks(b: Builder, r: RepeatedStudyResults, section: Section, column: str, g: GroupChange) -> None:
    label = _label(b, column)
    measures = r.change.measures
    a = g.anova
    two = len(measures) == 2
    change = {name: g.within[name][0] for name in a.groups} if two and g.within else {}  # later − earlier within each group
    means = b.table(
        f"repeated.group_means.{column}",
        b.label("repeated_group_means_title", label=label),
        [[h(label), h("n")] + [h(b.labelled(m)) for m in measures] + ([h(b.labels["repeated_change"])] if change else [])],
        [
            [s(b.category(column, name)), d(b.integer(n))]
            + [d(f"{b.decimal(mean, 2)} ({b.decimal(sd, 2)})") for mean, sd in zip(g.means[name], g.sds[name])]
            + ([d(signed(b, change[name].test.mean_difference))] if change else [])
            for name, n in zip(a.groups, a.sizes)
        ],
        notes=(b.labels["repeated_group_means_note"],),
    )
    section.add(means)
    figure = b.figure(
        f"repeated.group_figure.{column}",
        b.label("repeated_group_figure_title", label=label),
        "group_means",
        {
            "labels": list(measures),
            "groups": [(b.category(column, name), list(g.means[name])) for name in a.groups],
            "ylabel": b.labels["repeated_figure_axis"],
        },
        width=0.6,
        name=column,
    )
    section.add(figure)
    correction = g.correction.outcome
    rows = [
        ("group", a.group, label),
        ("time", a.time, b.labels["repeated_time"]),
        ("interaction", a.interaction, f"{label} × {b.labels['repeated_time']}"),
    ]
    body = []
    for key, term, name in rows:
        p, scale = corrected(term, correction) if key != "group" else (term.p, 1.0)
        verdict = g.interaction if key == "interaction" else g.group if key == "group" else None
        body.append(
            [
                s(name),
                d(b.decimal(term.ss)),
                d(b.decimal(term.df1 * scale, 2)),
                d(b.decimal(term.df2 * scale, 2)),
                d(b.decimal(term.f)),
                d(b.p_value(p)),
                d(b.bounded(term.partial_eta2)),
                b.verdict(f"group_change:{column}:{key}", verdict.outcome, "significance_words") if verdict else d("–"),
            ]
        )
    anova = b.table(
        f"repeated.mixed.{column}",
        b.label("repeated_mixed_title", label=label),
        [[h(b.labels["repeated_source"]), h(b.labels["repeated_ss"]), h("df₁"), h("df₂"), h("F"), h(b.col("p")), h("η²ₚ"), h(b.col("description"))]],
        body,
        notes=(
            b.label("repeated_mixed_note_two") if two else b.label("repeated_mixed_note", correction=b.labels["repeated_corrections"][correction]),
            b.label(
                "repeated_levene_note",
                tests="; ".join(f"{m} F({t.df1}, {t.df2}) = {b.decimal(t.f)}, p {b.sig(t.p)}" for m, t in zip(measures, g.levene)),
            ),
            *_box_m_note(b, g),
        ),
        widths=(3, 1, 0.8, 0.8, 0.9, 0.9, 0.8, 1.4),
    )
    section.add(anova)
    inter = a.interaction
    p, _ = corrected(inter, correction)
    section.blocks += b.say(
        "repeated_groups.j2",
        refs=(means.key, figure.key, anova.key),
        claims=[(f"group_change:{column}:interaction", g.interaction.outcome), (f"group_change:{column}:group", g.group.outcome)],
        means=b.ref(means),
        figure=b.ref(figure),
        table=b.ref(anova),
        label=label,
        changed=g.interaction.outcome == "significant",
        hypothesised=any(h.moderator == column for h in b.study.config.hypotheses.values()),
        differ=g.group.outcome == "significant",
        f=b.decimal(inter.f),
        p=b.p_value(p),
        eta=b.bounded(inter.partial_eta2),
        group_f=b.decimal(a.group.f),
        group_p=b.p_value(a.group.p),
        group_eta=b.bounded(a.group.partial_eta2),
        corrected=correction != "none",
        correction=b.labels["repeated_corrections"][correction],
        excluded=b.integer(g.excluded) if g.excluded else "",
        largest=_largest_change(b, column, change),
        **_baseline_words(b, r, column, g),
    )


def _largest_change(b: Builder, column: str, change: dict) -> dict | None:
    """The group whose change between two measurements is the largest, with that change."""
    if not change:
        return None
    name = max(change, key=lambda k: change[k].test.mean_difference)
    return {"group": b.category(column, name), "change": signed(b, change[name].test.mean_difference)}


def _baseline_words(b: Builder, r: RepeatedStudyResults, column: str, g: GroupChange) -> dict:
    """The groups at the first measurement, compared by the study's group test: whether they
    already differed before (a difference at baseline; its absence is not shown equivalence)."""
    c = g.baseline
    if c is None or c.test.p != c.test.p:
        return {"baseline": None}
    test = c.test.test
    return {
        "baseline": {
            "first": b.labelled(r.change.measures[0]),
            "means": [f"{b.decimal(m, 2)} ({b.category(column, name)})" for name, m in zip(c.groups.names, c.groups.means)],
            "test": b.labels["tests"][test],
            "symbol": b.labels["group_symbols"][test],
            "df": df_text(b, c.test.df),
            "statistic": b.decimal(abs(c.test.statistic) if test in ("student_t", "welch_t") else c.test.statistic),
            "p": b.p_value(c.test.p),
            "differ": c.test.p < b.study.config.settings.alpha,
        }
    }


def _box_m_note(b: Builder, g: GroupChange) -> tuple[str, ...]:
    """Box's M of the groups' covariance matrices, read at .001 (Tabachnick & Fidell, 2013)."""
    test, verdict = g.box_m, g.covariances
    if test is None or verdict is None:
        return (b.labels["repeated_box_m_undefined"],)
    return (
        b.label(
            "repeated_box_m_note",
            m=b.decimal(test.m),
            f=b.decimal(test.f),
            df1=b.trimmed(test.df1, 0),
            df2=b.decimal(test.df2, 2),
            p=b.sig(test.p),
            reading=b.labels["repeated_box_m_readings"][verdict.outcome],
        ),
    )
