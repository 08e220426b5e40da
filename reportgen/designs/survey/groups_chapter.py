"""The chapter's section on group differences (``compare:``): per column a table of the test of
each construct with its effect sizes and the Levene diagnostic, one paragraph per construct, and,
after a significant omnibus test of three or more groups, the post-hoc pairs in their own table
and the pairs that differ named; a column whose groups are too small gets a sentence instead."""

from __future__ import annotations

from reportgen.designs.survey.groups import ColumnGroups, Comparison
from reportgen.interpret.groups import MIN_GROUP, RANK_TESTS, pair_key
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Section
from reportgen.stats.groups import BOOTSTRAP, EFFECTS, Pair


def group_section(b: Builder, extras, alpha: float, number: str) -> Section | None:
    """x.y Differences between respondent groups, or None without ``compare:``."""
    if extras is None or not extras.groups:
        return None
    config = b.study.config
    labels = {c.column: (c.label.get(b.lang) if c.label else c.column) for c in config.respondents}
    section = b.section(b.labels["groups"], 3, number)
    settings = config.settings
    section.blocks += b.say(
        "groups_intro.j2", setting=settings.group_test, center=settings.levene_center, alpha=b.bounded(alpha, 2), level=b.confidence()
    )
    for column, col in extras.groups.items():
        label = labels.get(column, column)
        if not col.comparable.passed:
            section.blocks += b.say(
                "groups_skipped.j2",
                label=label.lower(),
                reason=col.comparable.outcome,
                minimum=b.integer(MIN_GROUP),
                groups=[{"name": b.category(column, g), "n": b.integer(n)} for g, n in col.too_small.items()],
                only=b.category(column, next(iter(col.sizes), "")),
            )
            continue
        _column_blocks(b, section, column, col, label)
    return section


def _column_blocks(b: Builder, section: Section, column: str, col: ColumnGroups, label: str) -> None:
    """The table, the paragraphs and the post-hoc table and paragraphs of one compared column."""
    table = _omnibus_table(b, column, col, label)
    with_posthoc = {c: comp for c, comp in col.comparisons.items() if comp.posthoc is not None}
    pairs = _posthoc_table(b, column, col, with_posthoc, label) if with_posthoc else None
    section.add(table)
    for i, (construct, comp) in enumerate(col.comparisons.items()):
        section.blocks += b.say(
            "groups.j2",
            refs=(table.key,),
            claims=[(f"groups:{column}:{construct}", comp.verdicts.difference.outcome)],
            table=b.ref(table),
            label=label.lower(),
            level=b.confidence(),
            posthoc_table=b.ref(pairs) if pairs is not None and construct in with_posthoc else "",
            r=_row_words(b, column, construct, comp, first=i == 0),
        )
    if pairs is None:
        return
    section.add(pairs)
    for construct, comp in with_posthoc.items():
        posthoc = comp.posthoc
        assert posthoc is not None  # with_posthoc holds the comparisons that have one
        found = [p for p in posthoc.pairs if comp.verdicts.pairs[pair_key(p.group1, p.group2)].passed]
        section.blocks += b.say(
            "groups_posthoc.j2",
            refs=(pairs.key,),
            claims=[(f"groups:{column}:{construct}:{pair_key(p.group1, p.group2)}", "significant") for p in found],
            table=b.ref(pairs),
            method=b.labels["posthoc_tests"][posthoc.method],
            code=construct,
            name=b.name(construct),
            rank=comp.test.test in RANK_TESTS,
            label=label.lower(),
            pairs=[
                {
                    "first": b.category(column, p.group1),
                    "second": b.category(column, p.group2),
                    "p": b.p_value(p.p_adj),
                    "higher": b.category(column, comp.verdicts.pair_higher.get(pair_key(p.group1, p.group2), "")),
                }
                for p in found
            ],
            others=len(found) < len(posthoc.pairs),
        )


BOUNDED_EFFECTS = frozenset({"eta2", "omega2", "rank_biserial", "epsilon2", "ges", "kendalls_w"})  # cannot exceed 1 (Hedges' g, d_z can)


def effect_number(b: Builder, e, value: float) -> str:
    """A value of effect size ``e`` as printed: in English without the leading zero where the
    effect size cannot exceed 1 (η², ω², ε², rank-biserial r; APA 7 §6.36)."""
    return b.bounded(value) if e.kind in BOUNDED_EFFECTS else b.decimal(value)


def _effect_cell(b: Builder, e) -> str:
    """'0,150 [−0,174; 0,474]'; '–' for an effect size that cannot be computed."""
    return f"{effect_number(b, e, e.value)} [{effect_number(b, e, e.ci_low)}; {effect_number(b, e, e.ci_high)}]" if e.value == e.value else "–"


def _omnibus_table(b: Builder, column: str, col: ColumnGroups, label: str):
    """Variable | descriptives by group | statistic | df | Sig. | effect sizes [CI] | Levene Sig. | result."""
    test = col.test.outcome
    rank = test in RANK_TESTS
    kinds = EFFECTS[test]
    cols = b.labels["groups_cols"]
    header = (
        [h(b.col("variable")), h(cols["ranks" if rank else "means"]), h(b.labels["group_symbols"][test])]
        + ([h("df")] if test != "mann_whitney" else [])
        + [h(b.col("p"))]
        + [h(f"{b.labels['effect_symbols'][k]} [{b.col('ci', level=b.confidence())}]") for k in kinds]
        + [h(cols[f"levene_{col.levene_center}"]), h(b.col("description"))]
    )
    body = []
    for construct, comp in col.comparisons.items():
        t, g = comp.test, comp.groups
        defined = t.statistic == t.statistic
        names = [b.category(column, n) for n in g.names]
        groups = (
            "\n".join(_unbroken(f"{n}: {b.decimal(md, 2)} ({b.decimal(mr, 2)})") for n, md, mr in zip(names, g.medians, g.mean_ranks))
            if rank
            else "\n".join(_unbroken(f"{n}: {b.decimal(m, 2)} ({b.decimal(sd, 2)})") for n, m, sd in zip(names, g.means, g.sds))
        )
        effects = {e.kind: e for e in t.effects}
        body.append(
            [s(construct), s(groups), d(b.decimal(t.statistic) if defined else "–")]
            + ([d(df_text(b, t.df) if defined else "–")] if test != "mann_whitney" else [])
            + [d(b.p_value(t.p) if defined else "–")]
            + [d(_effect_cell(b, effects[k]) if k in effects else "–") for k in kinds]
            + [
                d(b.p_value(comp.levene.p) if comp.levene.p == comp.levene.p else "–"),
                b.verdict(f"groups:{column}:{construct}", comp.verdicts.difference.outcome, "group_words"),
            ]
        )
    first, second = (col.comparisons[next(iter(col.comparisons))].groups.names + ("", ""))[:2]
    notes = (
        b.label(
            f"groups_note_{test}",
            first=b.category(column, first),
            second=b.category(column, second),
            level=b.confidence(),
            resamples=b.integer(BOOTSTRAP),
        ),
        b.labels["levene_notes"][col.levene_center],
    )
    widths = (0.9, 3.4, 0.9) + ((0.8,) if test != "mann_whitney" else ()) + (0.8,) + (1.6,) * len(kinds) + (1.0, 1.2)
    return b.table(f"groups.{column}", b.label("groups_title", label=label), [header], body, notes=notes, widths=widths, small=True)


def _unbroken(text: str) -> str:
    """One group's line of the table ('21-30 Tahun: 15,18 (2,96)') kept on one line: no-break spaces."""
    return text.replace(" ", "\u00a0")


def _df(b: Builder, value: float) -> str:
    """A df as printed: whole for Student's and the rank tests, two decimals for Welch's."""
    return b.integer(int(value)) if float(value).is_integer() else b.decimal(value, 2)


def df_text(b: Builder, df: tuple[float, ...]) -> str:
    return "; ".join(_df(b, v) for v in df)


def _pair_df(b: Builder, pair: Pair) -> str:
    """The df of a Games–Howell pair (the only post-hoc test with one)."""
    assert pair.df is not None
    return _df(b, pair.df)


def _posthoc_table(b: Builder, column: str, col: ColumnGroups, comparisons: dict[str, Comparison], label: str):
    """Variable | pair (second − first) | difference | CI | t or z | df | adjusted Sig. | result."""
    first = next(iter(comparisons.values())).posthoc
    assert first is not None  # ``comparisons``: those with a post-hoc test
    method = first.method
    cols = b.labels["groups_cols"]
    ci, stat, df = method != "dunn_holm", method != "tukey", method == "games_howell"
    header = (
        [h(b.col("variable")), h(cols["pair"]), h(cols["rank_difference" if method == "dunn_holm" else "difference"])]
        + ([h(b.col("ci", level=b.confidence()))] if ci else [])
        + ([h("z" if method == "dunn_holm" else "|t|")] if stat else [])  # Games–Howell's t is unsigned (rstatix)
        + ([h("df")] if df else [])
        + [h(cols["p_holm" if method == "dunn_holm" else "p_adj"]), h(b.col("description"))]
    )
    body = []
    for construct, comp in comparisons.items():
        assert comp.posthoc is not None
        for k, p in enumerate(comp.posthoc.pairs):
            key = pair_key(p.group1, p.group2)
            body.append(
                [s(construct if k == 0 else ""), s(f"{b.category(column, p.group2)} − {b.category(column, p.group1)}"), d(b.decimal(p.estimate))]
                + ([d(f"[{b.decimal(p.ci_low)}; {b.decimal(p.ci_high)}]")] if ci else [])
                + ([d(b.decimal(p.statistic))] if stat else [])
                + ([d(_pair_df(b, p))] if df else [])
                + [d(b.p_value(p.p_adj)), b.verdict(f"groups:{column}:{construct}:{key}", comp.verdicts.pairs[key].outcome, "group_words")]
            )
    widths = (0.9, 1.8, 1.1) + ((1.8,) if ci else ()) + ((0.8,) if stat else ()) + ((0.8,) if df else ()) + (0.9, 1.2)
    return b.table(
        f"groups_posthoc.{column}",
        b.label("groups_posthoc_title", label=label, method=b.labels["posthoc_tests"][method]),
        [header],
        body,
        notes=(b.label(f"posthoc_note_{method}", level=b.confidence()),),
        widths=widths,
        small=True,
    )


def _row_words(b: Builder, column: str, construct: str, comp: Comparison, first: bool) -> dict:
    """What the sentence on one construct says, formatted."""
    t, g, v = comp.test, comp.groups, comp.verdicts
    rank = t.test in RANK_TESTS
    index = {name: i for i, name in enumerate(g.names)}
    words = {
        "first": first,
        "code": construct,
        "name": b.name(construct),
        "rank": rank,
        "two": len(g.names) == 2,
        "g1": b.category(column, g.names[0]),
        "g2": b.category(column, g.names[1]),
        "outcome": v.difference.outcome,
        "test": b.labels["tests"][t.test],
        "symbol": b.own(b.labels["group_symbols"][t.test]),
        "statistic": b.decimal(t.statistic),
        "p": b.p_value(t.p),
        "df": df_text(b, t.df) if t.df else "",
        "posthoc": b.labels["posthoc_tests"].get(v.posthoc.outcome, ""),
        "effects": [
            {
                "symbol": b.own(b.labels["effect_symbols"][e.kind]),
                "value": effect_number(b, e, e.value),
                "low": effect_number(b, e, e.ci_low),
                "high": effect_number(b, e, e.ci_high),
                "one_sided": e.alternative != "two.sided",
            }
            for e in t.effects
            if e.value == e.value
        ],
        "means": [b.decimal(m, 2) for m in g.means],
        "ranks": [b.decimal(m, 2) for m in g.mean_ranks],
        "constant": [b.category(column, n) for n, x in zip(g.names, g.samples) if len(x) > 1 and x.max() == x.min()],
    }
    if v.higher is not None:
        hi = index[v.higher]
        lo = 1 - hi
        words |= {
            "higher": b.category(column, g.names[hi]),
            "lower": b.category(column, g.names[lo]),
            "higher_mean": b.decimal(g.means[hi], 2),
            "lower_mean": b.decimal(g.means[lo], 2),
            "higher_rank": b.decimal(g.mean_ranks[hi], 2),
            "lower_rank": b.decimal(g.mean_ranks[lo], 2),
            "higher_median": b.decimal(g.medians[hi], 2),
            "lower_median": b.decimal(g.medians[lo], 2),
        }
    return words
