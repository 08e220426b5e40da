"""Which test compares the groups, and what its result means.

Rule (Field, 2018; Ghozali, 2018): when every group's scores are normal (Shapiro–Wilk p ≥ α in
each group of 3–5000; a group above 5000 counts as normal, its mean being normal by the central
limit theorem; a constant group or one of fewer than 3 does not), a parametric test, chosen by Levene's test (p ≥ α: equal
variances): two groups Student's t or Welch's t, three or more one-way ANOVA or Welch's ANOVA;
otherwise a rank test: Mann–Whitney U for two groups, Kruskal–Wallis for more. The groups
differ when the chosen test's p < α.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.interpret.verdict import Rule, Verdict, at_least

CITATION = "Field, 2018; Ghozali, 2018"


@dataclass(frozen=True)
class GroupVerdicts:
    normal: Verdict  # every group normal (Shapiro–Wilk)
    equal_variances: Verdict  # Levene
    test: Verdict  # outcome: the test chosen (student_t … kruskal_wallis)
    difference: Verdict  # significant | not_significant by the chosen test


def choose_test(groups: int, shapiro_p: tuple[float | None, ...], levene_p: float, alpha: float,
                untested: tuple[str, ...] = ()) -> tuple[Verdict, Verdict, Verdict]:
    """(normality, equal variances, the test to use) for ``groups`` groups (``untested``: why a
    group's p is None, see :class:`reportgen.stats.groups.Groups`)."""
    tested = [p for p in shapiro_p if p is not None]
    normal = all(p >= alpha for p in tested) and not any(why in ("constant", "too_small") for why in untested)
    normality = Verdict("normal" if normal else "not_normal", Rule("shapiro_wilk_each_group", alpha, CITATION),
                        min(tested) if tested else None, normal)
    equal = at_least(levene_p, alpha, Rule("levene_p", alpha, CITATION), "equal_variances", "unequal_variances")
    if normal:
        test = ("student_t" if equal.passed else "welch_t") if groups == 2 else ("anova" if equal.passed else "welch_anova")
    else:
        test = "mann_whitney" if groups == 2 else "kruskal_wallis"
    return normality, equal, Verdict(test, Rule("normality_then_levene", alpha, CITATION))
