"""Repeated measures: the test the study chose, the sphericity correction, whether the
measurements differ, which pairs differ and how large each change is.

Rules:

- **The test** (rule ``settings.repeated_test``) is the study's choice, never the outcome of a
  pre-test, for the same reason as the group tests (Zimmerman, 2004; Rasch, Kubinger & Moder,
  2011). ``parametric`` (default): the paired t test for two measurements, the one-way
  repeated-measures ANOVA for more (Field, 2018); ``nonparametric``: the Wilcoxon signed-rank test
  (Wilcoxon, 1945) or Friedman's test (Friedman, 1937), which compare ranks, not means. The
  Shapiro–Wilk test of the differences (two measurements) or of the ANOVA's residuals (more) is
  reported as a description (Shapiro & Wilk, 1965), and the other family's test as a check.
- **Sphericity** (three or more measurements, parametric): the F test's degrees of freedom are
  corrected by Greenhouse–Geisser's ε when ε < 0,75 and by Huynh–Feldt's ε otherwise (Girden,
  1992; Greenhouse & Geisser, 1959; Huynh & Feldt, 1976); an ε_HF above 1 leaves the F test
  uncorrected. The correction is not chosen by Mauchly's test (Mauchly, 1940), which is reported
  as a description: it misses departures in small samples and flags trivial ones in large ones.
- **Difference**: the measurements differ when the chosen test's p < α. A p ≥ α is "not
  significant", not "no change".
- **Pairs**: every pair of measurements by the paired t (Wilcoxon) test, p adjusted by Holm's
  method over all pairs (Holm, 1979), which holds the familywise error rate without a gate on the
  omnibus test. A change between two particular measurements is stated only from its pair.
- **Size**: Cohen's (1988) bands: d_z 0,2 / 0,5 / 0,8 (Lakens, 2013, notes that d_z grows with
  the correlation between the measurements, so its band is a rough guide), the rank-biserial r
  0,1 / 0,3 / 0,5, and the generalized η² 0,01 / 0,06 / 0,14 (Bakeman, 2005; Olejnik & Algina,
  2003). Kendall's W is reported without a band.
"""

from __future__ import annotations

from reportgen.interpret.verdict import Rule, Verdict, at_least, below, significance

SETTINGS = ("parametric", "nonparametric")
TESTS = {"parametric": ("paired_t", "rm_anova"), "nonparametric": ("wilcoxon", "friedman")}  # setting → (two, three or more)
CITATIONS = {"paired_t": "Field, 2018", "rm_anova": "Field, 2018", "wilcoxon": "Wilcoxon, 1945", "friedman": "Friedman, 1937"}
NO_PRETEST = "Rasch et al., 2011; Zimmerman, 2004"
RANK_TESTS = ("wilcoxon", "friedman")
GG_BELOW = 0.75  # Girden (1992): Greenhouse–Geisser below this ε, Huynh–Feldt at or above it
SPHERICITY_CITATION = "Girden, 1992"
HOLM_CITATION = "Holm, 1979"
NORMALITY_CITATION = "Shapiro & Wilk, 1965"
SIZE_BANDS = {  # effect size → (small, medium, large) lower bounds (Cohen, 1988)
    "d_z": (0.2, 0.5, 0.8),
    "rank_biserial": (0.1, 0.3, 0.5),
    "ges": (0.01, 0.06, 0.14),
    "hedges_g": (0.2, 0.5, 0.8),  # the groups' changes compared (a hypothesis with a moderator)
    "eta2": (0.01, 0.06, 0.14),
}
SIZE_CITATIONS = {
    "d_z": "Cohen, 1988; Lakens, 2013",
    "rank_biserial": "Cohen, 1988",
    "ges": "Bakeman, 2005; Cohen, 1988",
    "hedges_g": "Cohen, 1988",
    "eta2": "Cohen, 1988",
}


def choose_test(measures: int, setting: str) -> Verdict:
    """The test the setting names for ``measures`` measurements (outcome: paired_t … friedman)."""
    test = TESTS[setting][0 if measures == 2 else 1]
    return Verdict(test, Rule(f"repeated_test_{setting}", None, f"{CITATIONS[test]}; {NO_PRETEST}"))


def correction(measures: int, gg_epsilon: float | None, hf_epsilon: float | None) -> Verdict:
    """The correction of the repeated-measures F: 'gg' when ε_GG < 0,75, else 'hf' (an ε_HF ≥ 1
    leaves F as it is: 'none'); 'none' for two measurements (Girden, 1992)."""
    rule = Rule("girden_epsilon", GG_BELOW, SPHERICITY_CITATION)
    if measures == 2 or gg_epsilon is None or hf_epsilon is None:
        return Verdict("none", rule, None, None)
    if gg_epsilon < GG_BELOW:
        return Verdict("gg", rule, gg_epsilon, False)
    return Verdict("hf" if hf_epsilon < 1 else "none", rule, gg_epsilon, True)


def normality(p: float | None, alpha: float) -> Verdict:
    """A description: 'normal' when the Shapiro–Wilk p ≥ α (it chooses nothing)."""
    return at_least(p, alpha, Rule("shapiro_wilk_p", alpha, NORMALITY_CITATION), "normal", "not_normal")


def sphericity(p: float | None, alpha: float) -> Verdict:
    """A description: 'spherical' when Mauchly's p ≥ α (it chooses nothing); 'undefined' for two measurements."""
    return at_least(p, alpha, Rule("mauchly_p", alpha, "Mauchly, 1940"), "spherical", "not_spherical")


BOX_M_ALPHA = 0.001  # Box's M is sensitive to non-normality and large samples: read at .001 (Tabachnick & Fidell, 2013)


def covariance_equality(p: float | None) -> Verdict:
    """Box's M: the groups' covariance matrices of the measurements are 'equal' unless p < .001
    (Tabachnick & Fidell, 2013); 'undefined' without a test (a singular group matrix)."""
    return at_least(p, BOX_M_ALPHA, Rule("box_m_p", BOX_M_ALPHA, "Box, 1949; Tabachnick & Fidell, 2013"), "equal", "unequal")


def difference(p: float | None, alpha: float, citation: str) -> Verdict:
    """'significant' when p < α, else 'not_significant'; 'undefined' without a p."""
    return significance(p, alpha, citation)


def pair_difference(p_holm: float | None, alpha: float) -> Verdict:
    return below(p_holm, alpha, Rule("holm_p", alpha, HOLM_CITATION), "significant", "not_significant")


def size(kind: str, value: float | None) -> Verdict | None:
    """'none' below the small band, then 'small', 'medium', 'large' by |value|; None for an
    effect size without bands (Kendall's W)."""
    if kind not in SIZE_BANDS:
        return None
    rule = Rule(f"{kind}_bands", None, SIZE_CITATIONS[kind])
    if value is None or value != value:
        return Verdict("undefined", rule, None, None)
    small, medium, large = SIZE_BANDS[kind]
    magnitude = abs(value)
    outcome = "none" if magnitude < small else "small" if magnitude < medium else "medium" if magnitude < large else "large"
    return Verdict(outcome, rule, value, magnitude >= small)


def decision_rule(kind: str, test: str, alpha: float, tails: str, holm: bool, group_setting: str = "welch", two_groups: bool = True) -> Rule:
    """The rule a hypothesis is decided by: a pair's p (Holm's with three or more measurements,
    one-tailed in the hypothesised direction when asked) and its sign, or the omnibus test's p;
    a change compared between groups by the group test's p (and its sign with two groups), the
    group × time interaction of every measurement by the mixed ANOVA's p."""
    from reportgen.interpret.groups import CITATIONS as GROUP_CITATIONS

    if kind == "gain":
        return Rule(f"group_change_p_{tails}_tailed_and_sign" if two_groups else "group_change_p", alpha, GROUP_CITATIONS[group_setting])
    if kind == "interaction":
        return Rule("group_time_interaction_p", alpha, "Field, 2018")
    if kind == "pair":
        return Rule(f"pair_p_{tails}_tailed_and_sign{'_holm' if holm else ''}", alpha, HOLM_CITATION if holm else CITATIONS[test])
    return Rule("omnibus_p", alpha, CITATIONS[test])
