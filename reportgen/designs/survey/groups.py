"""Group differences by the profile columns of ``compare:``: for each column whether it can be
compared and the test the study chose (``settings.group_test``), for each construct the test,
its effect sizes, the descriptive diagnostics and, after a significant omnibus test of three or
more groups, the post-hoc pairs; and their results.json keys."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from reportgen.interpret.groups import MIN_GROUP, GroupVerdicts, choose_test, comparable, group_verdicts, pair_key, with_pairs
from reportgen.interpret.verdict import Verdict, verdicts_json
from reportgen.stats.groups import Groups, GroupTest, Levene, PostHoc, group_test, groups_of, levene, posthoc, shapiro_by_group


@dataclass(frozen=True)
class Comparison:
    """One construct compared across the groups of one column."""

    groups: Groups
    test: GroupTest
    levene: Levene  # a description of the variances; it chooses nothing
    shapiro_p: tuple[float | None, ...]  # a description of each group's distribution
    posthoc: PostHoc | None
    verdicts: GroupVerdicts


@dataclass(frozen=True)
class ColumnGroups:
    """The groups of one ``compare:`` column: their sizes, whether they can be compared, the test
    chosen for them and each construct's comparison (none when the column is not comparable)."""

    column: str
    sizes: dict[str, int]
    comparable: Verdict
    test: Verdict
    levene_center: str  # settings.levene_center
    comparisons: dict[str, Comparison]

    @property
    def too_small(self) -> dict[str, int]:
        """The groups below MIN_GROUP respondents, with their sizes."""
        return {g: n for g, n in self.sizes.items() if n < MIN_GROUP}


def compare_score(
    values: np.ndarray, labels: np.ndarray, setting: str = "welch", alpha: float = 0.05, center: str = "mean", order: list[str] | None = None
) -> Comparison:
    """One score compared across the groups of ``labels`` (each of at least MIN_GROUP) with the
    test ``setting`` chooses, at confidence 1 − alpha."""
    found = groups_of(values, labels, order)
    chosen = choose_test(len(found.names), setting)
    result = group_test(chosen.outcome, found, 1 - alpha)
    verdicts = group_verdicts(chosen, result.p, alpha, found.names, direction_of(result, found))
    pairs = None
    if verdicts.posthoc.outcome != "none":
        pairs = posthoc(verdicts.posthoc.outcome, found, 1 - alpha)
        verdicts = with_pairs(verdicts, pairs, alpha)
    return Comparison(found, result, levene(found, center), shapiro_by_group(found), pairs, verdicts)


def direction_of(result: GroupTest, found: Groups) -> float | None:
    """The sign of group2 − group1 of two groups: in means, or in mean ranks for a rank test."""
    if len(found.names) != 2:
        return None
    first, second = found.mean_ranks if result.test == "mann_whitney" else found.means
    return float(np.sign(second - first))


def compare_column(column: str, labels: np.ndarray, scores: dict[str, np.ndarray], settings, order: list[str] | None) -> ColumnGroups:
    """Every construct compared by one column, when its groups are large enough."""
    first = next(iter(scores.values()))
    found = groups_of(first, labels, order)
    sizes = dict(zip(found.names, found.n))
    can = comparable(sizes)
    chosen = choose_test(max(len(sizes), 2), settings.group_test)
    comparisons = {}
    if can.passed:
        comparisons = {c: compare_score(v, labels, settings.group_test, settings.alpha, settings.levene_center, order) for c, v in scores.items()}
    return ColumnGroups(column, sizes, can, chosen, settings.levene_center, comparisons)


def group_comparisons(study, data, scores: dict[str, np.ndarray], warnings: list[str]) -> dict[str, ColumnGroups]:
    """Each ``compare:`` column's comparisons; a column that cannot be compared adds a warning."""
    config = study.config
    out = {}
    for column in config.compare:
        labels = np.array(data.profile[column], dtype=object)
        out[column] = compare_column(column, labels, scores, config.settings, config.category_order(column))
        col = out[column]
        if col.comparable.outcome == "too_small":
            small = ", ".join(f"{g} ({n})" for g, n in col.too_small.items())
            warnings.append(
                f"compare {column}: not compared, group(s) with fewer than {MIN_GROUP} respondents: {small}; "
                "merge or leave them out in the data to compare the others"
            )
        elif col.comparable.outcome == "one_group":
            warnings.append(f"compare {column}: not compared, all respondents are in one group")
    return out


# results.json --------------------------------------------------------------------------------


def effect_json(e) -> dict[str, Any]:
    return {"value": e.value, "ci_low": e.ci_low, "ci_high": e.ci_high, "ci_level": e.level, "ci_alternative": e.alternative, "ci_method": e.method}


def _comparison_json(c: Comparison) -> dict[str, Any]:
    t, g = c.test, c.groups
    out = {
        "test": t.test,
        "statistic": t.statistic,
        "df": list(t.df) if len(t.df) != 1 else t.df[0],
        "p": t.p,
        "effect_sizes": {e.kind: effect_json(e) for e in t.effects},
        "diagnostics": {
            "levene": {"center": c.levene.center, "f": c.levene.f, "df1": c.levene.df1, "df2": c.levene.df2, "p": c.levene.p},
            "shapiro_p": dict(zip(g.names, c.shapiro_p)),
        },
        "groups": {
            name: {"n": n, "mean": m, "sd": sd, "median": md, "mean_rank": mr}
            for name, n, m, sd, md, mr in zip(g.names, g.n, g.means, g.sds, g.medians, g.mean_ranks)
        },
        "verdicts": {
            "test": c.verdicts.test.as_json(),
            "difference": c.verdicts.difference.as_json(),
            "posthoc": c.verdicts.posthoc.as_json(),
            "higher": c.verdicts.higher,
        },
    }
    if c.posthoc is not None:
        out["posthoc"] = {
            "method": c.posthoc.method,
            "ci_level": c.posthoc.level,
            "pairs": [
                {
                    "group1": p.group1,
                    "group2": p.group2,
                    "estimate": p.estimate,
                    "ci_low": p.ci_low,
                    "ci_high": p.ci_high,
                    "statistic": p.statistic,
                    "df": p.df,
                    "p_adj": p.p_adj,
                    "verdict": verdicts_json(c.verdicts.pairs[pair_key(p.group1, p.group2)]),
                    "higher": c.verdicts.pair_higher.get(pair_key(p.group1, p.group2)),
                }
                for p in c.posthoc.pairs
            ],
        }
    return out


def groups_json(columns: dict[str, ColumnGroups]) -> dict[str, Any]:
    """results.json ``group_tests``: per column the group sizes, whether it was compared, the test
    chosen (its rule names the setting), and per construct the test, effect sizes, diagnostics and
    post-hoc pairs."""
    return {
        col: {
            "compared": g.comparable.passed,
            "comparable": g.comparable.as_json(),
            "sizes": g.sizes,
            "too_small": list(g.too_small),
            "test": g.test.as_json(),
            "levene_center": g.levene_center,
            "constructs": {c: _comparison_json(comp) for c, comp in g.comparisons.items()},
        }
        for col, g in columns.items()
    }
