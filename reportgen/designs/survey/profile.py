"""5.1.1 Respondent profile: one SPSS-style frequency table per profile column."""

from __future__ import annotations

from reportgen.designs.survey.analysis import Description
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Section


def profile_section(b: Builder, results: Description, number: str) -> Section | None:
    config = b.study.config
    if not config.respondents:
        return None
    section = b.section(b.labels["profile"], 3, number)
    for column in config.respondents:
        table_data = results.profile[column.column]
        shown = [b.category(column.column, cat) for cat in table_data.categories]  # in the chapter's language where the study says
        label = column.label.get(b.lang) if column.label else column.column
        body = [
            [s(cat), d(b.integer(f)), d(b.decimal(p, 1)), d(b.decimal(v, 1)), d(b.decimal(c, 1))]
            for cat, f, p, v, c in zip(shown, table_data.frequency, table_data.percent, table_data.valid_percent, table_data.cumulative_percent)
        ]
        if table_data.n_missing:
            body.append(
                [s(b.col("missing")), d(b.integer(table_data.n_missing)), d(b.decimal(100 * table_data.n_missing / table_data.n, 1)), d(""), d("")]
            )
        body.append(
            [
                s(b.col("total"), bold=True),
                d(b.integer(table_data.n), bold=True),
                d(b.decimal(100.0, 1), bold=True),
                d(b.decimal(100.0, 1) if table_data.n_valid else "", bold=True),
                d(""),
            ]
        )
        table = b.table(
            f"profile.{column.column}",
            b.label("profile_by", label=label),
            [[h(label), h(b.col("frequency")), h(b.col("percent")), h(b.col("valid_percent")), h(b.col("cumulative_percent"))]],
            body,
            widths=(3, 1.4, 1.4, 1.6, 1.8),
        )
        rows = [
            {"category": cat, "count": b.integer(f), "pct": b.pct(v)} for cat, f, v in zip(shown, table_data.frequency, table_data.valid_percent) if f
        ]
        top = max(range(len(table_data.frequency)), key=lambda i: table_data.frequency[i]) if table_data.frequency else None
        tie = top is not None and table_data.frequency.count(table_data.frequency[top]) > 1
        section.blocks += b.say("profile_intro.j2", label=label.lower(), table=b.ref(table))
        section.add(table)
        section.blocks += b.say(
            "profile.j2",
            refs=(table.key,),
            table=b.ref(table),
            label=label.lower(),
            n=b.integer(table_data.n_valid),
            rows=rows,
            dominant=None if top is None or tie else rows_by_category(rows, shown[top]),
            share=None if top is None or tie else dominance(table_data.valid_percent[top]),
        )
    return section


def rows_by_category(rows: list[dict], category: str) -> dict | None:
    return next((r for r in rows if r["category"] == category), None)


DOMINANT = 60.0  # percent from which a group "dominates" the respondents; above half it is "more than half"


def dominance(percent: float) -> str:
    """How the largest group is described: 'dominant' (60% and more), 'majority' (more than half),
    'largest' (the largest of several, none of them half): 51% is no domination."""
    return "dominant" if percent >= DOMINANT else "majority" if percent > 50 else "largest"
