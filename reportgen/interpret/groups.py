"""Group differences: whether a column can be compared, which test compares it, whether the groups
differ, and which pairs differ.

Rules:

- **Comparable** (rule ``min_group_size``): at least two groups, each of at least MIN_GROUP
  respondents (a group of one has no variance and no rank spread; the comparison is not made and
  the chapter says which groups were too small).
- **The test** (rule ``settings.group_test``) is the study's choice, never the outcome of a
  pre-test: testing normality or equal variances first and choosing by the result distorts the
  error rates of the test that follows (Zimmerman, 2004; Rasch, Kubinger & Moder, 2011).
  ``welch`` (default): Welch's t for two groups, Welch's ANOVA for more, which do not assume equal
  variances and lose almost nothing when they are equal (Delacre, Lakens & Leys, 2017; Delacre et
  al., 2019); ``student``: Student's t or one-way ANOVA, equal variances assumed; ``nonparametric``:
  Mann–Whitney U or Kruskal–Wallis H, comparing distributions (mean ranks), not means (Field,
  2018). Levene's and Shapiro–Wilk's tests are reported as descriptions only.
- **Difference**: the groups differ when the test's p < α (a p ≥ α is "not significant", not
  "no difference"). With two groups the test is itself the comparison of the pair, and the group
  with the higher mean (mean rank) is named.
- **Post-hoc** (three or more groups, only after a significant omnibus test): Tukey's HSD after
  ANOVA, Games–Howell after Welch's ANOVA (Games & Howell, 1976), Dunn's test with Holm's
  adjustment after Kruskal–Wallis (Dunn, 1964; Holm, 1979). A pair differs when its adjusted
  p < α; a difference between two specific groups is stated only from here, never from the
  omnibus test.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportgen.interpret.verdict import Rule, Verdict, significance

MIN_GROUP = 2
SETTINGS = ("welch", "student", "nonparametric")
CITATIONS = {
    "welch": "Delacre et al., 2017; Delacre et al., 2019",
    "student": "Field, 2018",
    "nonparametric": "Field, 2018",
}
NO_PRETEST = "Rasch et al., 2011; Zimmerman, 2004"
TESTS = {  # setting → (two groups, three or more)
    "welch": ("welch_t", "welch_anova"),
    "student": ("student_t", "anova"),
    "nonparametric": ("mann_whitney", "kruskal_wallis"),
}
POSTHOC = {"anova": "tukey", "welch_anova": "games_howell", "kruskal_wallis": "dunn_holm"}
POSTHOC_CITATIONS = {"tukey": "Field, 2018", "games_howell": "Games & Howell, 1976", "dunn_holm": "Dunn, 1964; Holm, 1979"}
RANK_TESTS = ("mann_whitney", "kruskal_wallis")


@dataclass(frozen=True)
class GroupVerdicts:
    """The verdicts of one construct by one column. ``higher``: the group the significant
    difference of two groups favours (None otherwise); ``pairs`` (post-hoc, 'A|B' → significant |
    not_significant) and ``pair_higher`` (the higher group of each significant pair)."""

    test: Verdict  # outcome: the test run (student_t … kruskal_wallis)
    difference: Verdict  # significant | not_significant | undefined
    posthoc: Verdict  # outcome: tukey | games_howell | dunn_holm | none
    higher: str | None = None
    pairs: dict[str, Verdict] = field(default_factory=dict)
    pair_higher: dict[str, str] = field(default_factory=dict)


def pair_key(group1: str, group2: str) -> str:
    """The key of a pair in verdicts, claims and results.json: 'A|B'."""
    return f"{group1}|{group2}"


def comparable(sizes: dict[str, int]) -> Verdict:
    """'compared', 'too_small' (a group below MIN_GROUP; value: the smallest size) or
    'one_group' (fewer than two groups with answers)."""
    rule = Rule("min_group_size", MIN_GROUP, "Field, 2018")
    if len(sizes) < 2:
        return Verdict("one_group", rule, float(len(sizes)), False)
    smallest = min(sizes.values())
    return Verdict("compared" if smallest >= MIN_GROUP else "too_small", rule, float(smallest), smallest >= MIN_GROUP)


def choose_test(groups: int, setting: str = "welch") -> Verdict:
    """The test for ``groups`` groups under ``settings.group_test`` (no pre-test decides it)."""
    if setting not in TESTS:
        raise ValueError(f"unknown group_test setting {setting!r}")
    two, more = TESTS[setting]
    return Verdict(two if groups == 2 else more, Rule(f"settings.group_test:{setting}", None, CITATIONS[setting]))


def posthoc_method(test: Verdict, difference: Verdict, groups: int) -> Verdict:
    """The post-hoc test to run: after a significant omnibus test of three or more groups, else 'none'."""
    method = POSTHOC.get(test.outcome, "none") if groups > 2 and difference.passed else "none"
    return Verdict(method, Rule("posthoc_after_significant_omnibus", None, POSTHOC_CITATIONS.get(method, "Field, 2018")))


def group_verdicts(test: Verdict, p: float, alpha: float, groups, estimate_sign: float | None = None) -> GroupVerdicts:
    """The difference and the post-hoc choice of one construct; with two groups, the higher group
    of a significant difference (``estimate_sign``: the sign of group2 − group1 in means, or in
    mean ranks for a rank test)."""
    difference = significance(p, alpha)
    higher = None
    if len(groups) == 2 and difference.passed and estimate_sign:
        higher = groups[1] if estimate_sign > 0 else groups[0]
    return GroupVerdicts(test, difference, posthoc_method(test, difference, len(groups)), higher)


def with_pairs(verdicts: GroupVerdicts, posthoc, alpha: float) -> GroupVerdicts:
    """``verdicts`` with each post-hoc pair's significance (adjusted p < α) and, for a significant
    pair, the higher group (the sign of group2 − group1)."""
    citation = POSTHOC_CITATIONS[posthoc.method]
    pairs = {pair_key(p.group1, p.group2): significance(p.p_adj, alpha, citation) for p in posthoc.pairs}
    higher = {
        pair_key(p.group1, p.group2): (p.group2 if p.estimate > 0 else p.group1)
        for p in posthoc.pairs
        if pairs[pair_key(p.group1, p.group2)].passed and p.estimate != 0
    }
    return GroupVerdicts(verdicts.test, verdicts.difference, verdicts.posthoc, verdicts.higher, pairs, higher)
