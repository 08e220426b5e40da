"""The words of a repeated-measures hypothesis with a ``moderator`` (a ``compare:`` column): the
change between two measurements compared between its groups (:class:`GainComparison`), or the
group × time interaction of the mixed ANOVA across every measurement.

With two groups the change of the other group is read against that of the reference (the first of
the column's order, a control group): the group test computes the reference minus the other, so
its t and its effect size (Hedges' g, rank-biserial r) are printed with their sign turned, the
difference the hypothesis is about (Field, 2018)."""

from __future__ import annotations

from dataclasses import replace

from reportgen.designs.repeated.analysis import GainComparison, RepeatedStudyResults, corrected
from reportgen.designs.survey.groups_chapter import df_text, effect_number
from reportgen.interpret import repeated as rules
from reportgen.interpret.limitations import POWER
from reportgen.report.builder import Builder
from reportgen.stats.power import detectable_d, two_sample_power

SIGNED = ("student_t", "welch_t", "mann_whitney")  # two-group tests whose effect size has a direction


def column_label(b: Builder, column: str) -> str:
    found = next((c for c in b.study.config.respondents if c.column == column), None)
    return found.label.get(b.lang) if found is not None and found.label else column


def compared_columns(b: Builder, r: RepeatedStudyResults) -> list[str]:
    """The labels of the columns whose groups' change a hypothesis compares (its moderators)."""
    hypotheses = b.study.config.hypotheses
    return [column_label(b, c) for c in dict.fromkeys(h.moderator for h in hypotheses.values() if h.moderator and h.moderator in r.groups)]


def group_powers(b: Builder, r: RepeatedStudyResults) -> list[dict]:
    """For each two-group comparison of changes (once per column): the groups, their sizes, and
    the power of the two-sided two-sample t test to detect a small and a medium difference
    (d = 0,2 and 0,5; Cohen, 1988)."""
    alpha = b.study.config.settings.alpha
    out, seen = [], set()
    for g in r.gains.values():
        names, sizes = g.comparison.groups.names, g.comparison.groups.n
        if len(names) != 2 or g.column in seen:
            continue
        seen.add(g.column)
        out.append(
            {
                "groups": [b.category(g.column, name) for name in names],
                "sizes": [b.integer(n) for n in sizes],
                "small": b.bounded(two_sample_power(0.2, sizes[0], sizes[1], alpha), 2),
                "medium": b.bounded(two_sample_power(0.5, sizes[0], sizes[1], alpha), 2),
                "detectable": b.decimal(detectable_d(sizes[0], sizes[1], alpha, POWER), 2),
            }
        )
    return out


def within_groups(b: Builder, r: RepeatedStudyResults, first: str, second: str) -> list[dict]:
    """The change from ``first`` to ``second`` within each group of every column a hypothesis
    compares (its own paired test, Holm within the group with three or more measurements)."""
    out = []
    moderators = {h.moderator for h in b.study.config.hypotheses.values() if h.moderator}
    for column, g in r.groups.items():
        if column not in moderators:
            continue
        for group, pairs in g.within.items():
            pair = next(p for p in pairs if {p.first, p.second} == {first, second})
            sign = 1 if (pair.first, pair.second) == (first, second) else -1
            test = pair.test
            out.append(
                {
                    "group": b.category(column, group),
                    "change": signed(b, sign * test.mean_difference),
                    "symbol": b.labels["repeated_symbols"][test.test],
                    "df": b.integer(int(test.df)) if test.df is not None else "",
                    "statistic": b.decimal(sign * test.statistic if test.test == "paired_t" else test.statistic),
                    "p": b.p_value(pair.p_holm if len(r.change.measures) > 2 else test.p),
                }
            )
    return out


def oriented(g: GainComparison):
    """The first effect size of the group test, as the other group's minus the reference's."""
    effect = g.comparison.test.effects[0] if g.comparison.test.effects else None
    if effect is None or g.comparison.test.test not in SIGNED:
        return effect
    return replace(effect, value=-effect.value, ci_low=-effect.ci_high, ci_high=-effect.ci_low)


def effect_text(b: Builder, effect) -> str:
    """'Hedges' g = 0,62 [0,11; 1,12]'; '–' when it cannot be computed."""
    if effect is None or effect.value != effect.value:
        return "–"
    text = f"{b.labels['effect_symbols'][effect.kind]} = {effect_number(b, effect, effect.value)}"
    if effect.ci_low == effect.ci_low:
        text += f" [{effect_number(b, effect, effect.ci_low)}; {effect_number(b, effect, effect.ci_high)}]"
    return text


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def signed(b: Builder, value: float) -> str:
    """A change with its sign: '+0,57', '−0,20', '0,00'."""
    return ("+" if round(value, 2) > 0 else "") + b.decimal(value, 2)


def gain_words(b: Builder, r: RepeatedStudyResults, name: str) -> dict:
    """A hypothesis on the change from its first to its second measurement between groups."""
    hyp = r.hypotheses[name]
    g = r.gains[name]
    c = g.comparison
    test = c.test.test
    rank = test in ("mann_whitney", "kruskal_wallis")
    effect = oriented(g)
    band = rules.size(effect.kind, effect.value) if effect is not None else None
    groups = [
        {
            "name": b.category(g.column, group),
            "n": b.integer(n),
            "change": signed(b, median if rank else mean),
        }
        for group, n, mean, median in zip(c.groups.names, c.groups.n, c.groups.means, c.groups.medians)
    ]
    return {
        "first": b.labelled(g.first),
        "second": b.labelled(g.second),
        "column": column_label(b, g.column),
        "reference": b.category(g.column, g.reference),
        "other": b.category(g.column, c.groups.names[1]) if len(c.groups.names) == 2 else None,
        "groups": groups,
        "two": len(c.groups.names) == 2,
        "rank": rank,
        "test": b.labels["tests"][test],
        "table_test": _capital(b.label("repeated_gain_test", test=b.labels["tests"][test])),
        "symbol": b.labels["group_symbols"][test],
        "statistic": b.decimal(hyp.decision.statistic),
        "df": df_text(b, c.test.df),
        "p": b.p_value(hyp.decision.p),
        "one_tailed": b.study.config.settings.tails == "one" and hyp.expect != "any" and len(c.groups.names) == 2,
        "effect": effect_text(b, effect),
        "size": b.labels["repeated_sizes"][band.outcome].lower() if band is not None and band.outcome in b.labels["repeated_sizes"] else "",
        "larger": hyp.decision.sign == "positive",
        "welch": test in ("welch_t", "welch_anova"),
        "identity": test in ("welch_t", "student_t") and len(r.change.measures) == 2,
    }


def interaction_words(b: Builder, r: RepeatedStudyResults, name: str) -> dict:
    """A hypothesis that the change across every measurement differs between the groups."""
    hyp = r.hypotheses[name]
    column = b.study.config.hypotheses[name].moderator
    g = r.groups[column]
    term = g.anova.interaction
    _, scale = corrected(term, g.correction.outcome)
    return {
        "column": column_label(b, column),
        "measures": [b.labelled(m) for m in r.change.measures],
        "test": b.labels["repeated_mixed_anova"],
        "table_test": b.labels["repeated_interaction_test"],
        "symbol": "F",
        "statistic": b.decimal(term.f),
        "df": f"{b.decimal(term.df1 * scale, 2)}; {b.decimal(term.df2 * scale, 2)}",
        "p": b.p_value(hyp.decision.p),
        "correction": b.labels["repeated_corrections"][g.correction.outcome],
        "effect": f"η²ₚ = {b.bounded(term.partial_eta2)}",
        "one_tailed": False,
    }
