"""Group tests, effect sizes, post-hoc comparisons and diagnostics equal R.

Reference: tests/fixtures/groups/reference.json, made by tests/fixtures/groups/r_groups.R (R 4.2.2,
car 3.1.1, effectsize 0.8.3, rstatix 0.7.2, boot 1.3.28.1): car::leveneTest, shapiro.test, t.test,
wilcox.test, oneway.test, kruskal.test, effectsize::hedges_g / eta_squared / omega_squared /
rank_biserial / rank_epsilon_squared, TukeyHSD, rstatix::games_howell_test and
rstatix::dunn_test(p.adjust.method = "holm"). Each case carries its data: the construct scores of
the random surveys by their column `group` (three groups and A vs BC) and three made-up samples.
"""

import json

import numpy as np
import pytest
from helpers import FIXTURES, close

from reportgen.stats.groups import EffectSize, group_test, groups_of, levene, posthoc, rank_epsilon_squared, shapiro_by_group, variance_explained

REFERENCE = json.loads((FIXTURES / "groups" / "reference.json").read_text())
CASES = REFERENCE["cases"]
TWO = sorted(name for name, case in CASES.items() if len(case["groups"]) == 2)
MORE = sorted(name for name, case in CASES.items() if len(case["groups"]) > 2)
# effectsize finds the noncentrality of a CI with optim (Nelder–Mead, abstol 1e-9 on the cdf),
# which stops a little short of the root we solve for exactly
NCP = dict(rel=2e-4, abs=2e-5)


def groups(case):
    return groups_of(np.array(case["values"], dtype=float), np.array(case["labels"], dtype=object), case["groups"])


def effect(test, kind) -> EffectSize:
    return next(e for e in test.effects if e.kind == kind)


def test_fixture_is_from_the_versions_it_names():
    assert REFERENCE["r"].startswith("R version 4.2.2")
    assert REFERENCE["packages"] == {"car": "3.1.1", "effectsize": "0.8.3", "rstatix": "0.7.2", "boot": "1.3.28.1"}
    assert len(TWO) == 31 and len(MORE) == 30


@pytest.mark.parametrize("name", TWO + MORE)
def test_levene_both_centres_and_shapiro_per_group(name):
    """car::leveneTest(center = mean) (SPSS) and (center = median) (Brown–Forsythe); shapiro.test."""
    case = CASES[name]
    found = groups(case)
    assert list(found.names) == case["groups"]
    for center in ("mean", "median"):
        ours, r = levene(found, center), case[f"levene_{center}"]
        close([ours.f, ours.df1, ours.df2, ours.p], [r["f"], r["df1"], r["df2"], r["p"]])
    close(list(shapiro_by_group(found)), [case["shapiro_p"][g] for g in case["groups"]])


def test_the_two_centres_differ():
    """A regression: "Levene" was the median-centred test; the mean-centred one is SPSS's."""
    case = CASES["shifted/four"]
    found = groups(case)
    assert levene(found).center == "mean"
    assert levene(found).p == pytest.approx(case["levene_mean"]["p"], rel=1e-6)
    assert levene(found).p != pytest.approx(levene(found, "median").p, rel=1e-2)


@pytest.mark.parametrize("name", TWO)
@pytest.mark.parametrize("test", ["student_t", "welch_t"])
def test_t_tests_and_hedges_g(name, test):
    """t.test(var.equal = TRUE/FALSE); effectsize::hedges_g(pooled_sd = TRUE/FALSE), CI by the noncentral t."""
    r = CASES[name][test]
    ours = group_test(test, groups(CASES[name]))
    close([ours.statistic, ours.df[0], ours.p], [r["statistic"], r["df"], r["p"]])
    g = effect(ours, "hedges_g")
    close(g.value, r["hedges_g"]["value"], rel=1e-9)
    assert [g.ci_low, g.ci_high] == pytest.approx([r["hedges_g"]["ci_low"], r["hedges_g"]["ci_high"]], **NCP)
    assert (g.level, g.alternative, g.method) == (0.95, "two.sided", "ncp_t")


def test_welch_g_uses_the_mean_of_the_variances():
    """For Welch's t the standardiser is √((s₁² + s₂²)/2), not the pooled SD: the two g differ."""
    case = CASES["unequal/two"]
    welch, student = (effect(group_test(t, groups(case)), "hedges_g").value for t in ("welch_t", "student_t"))
    assert welch == pytest.approx(case["welch_t"]["hedges_g"]["value"], rel=1e-9)
    assert abs(welch - student) > 1e-3


@pytest.mark.parametrize("name", TWO)
def test_mann_whitney_and_rank_biserial(name):
    """wilcox.test (exact for small samples without ties); effectsize::rank_biserial, CI by Fisher's z."""
    r = CASES[name]["mann_whitney"]
    ours = group_test("mann_whitney", groups(CASES[name]))
    close([ours.statistic, ours.p], [r["statistic"], r["p"]])
    rb = effect(ours, "rank_biserial")
    close([rb.value, rb.ci_low, rb.ci_high], [r["rank_biserial"][k] for k in ("value", "ci_low", "ci_high")], rel=1e-9)


@pytest.mark.parametrize("name", MORE)
@pytest.mark.parametrize("test", ["anova", "welch_anova"])
def test_oneway_eta_and_omega_squared(name, test):
    """oneway.test(var.equal = TRUE/FALSE); effectsize::eta_squared / omega_squared of it, one-sided CI
    by the noncentral F, upper bound 1."""
    r = CASES[name][test]
    ours = group_test(test, groups(CASES[name]))
    close([ours.statistic, *ours.df, ours.p], [r["statistic"], *r["df"], r["p"]])
    for kind in ("eta2", "omega2"):
        es = effect(ours, kind)
        close(es.value, r[kind]["value"], rel=1e-9)
        assert es.ci_high == 1 == r[kind]["ci_high"] and (es.alternative, es.method) == ("greater", "ncp_f")
        assert es.ci_low == pytest.approx(r[kind]["ci_low"], **NCP)


def test_eta_squared_lower_bound_is_positive_exactly_when_f_is_significant():
    """The one-sided 95% interval excludes 0 iff p < 0,05 (why effectsize makes it one-sided)."""
    for name in MORE:
        for test in ("anova", "welch_anova"):
            ours = group_test(test, groups(CASES[name]))
            assert (effect(ours, "eta2").ci_low > 0) == (ours.p < 0.05), (name, test)
    assert group_test("welch_anova", groups(CASES["shifted/four"])).p < 0.05


def test_variance_explained_hand_checked():
    """F = 4, df 2 and 27: η² = 8/35, ω² = 6/36; the lower bound solves pf(F*, 2, 27, λ) = 0,95."""
    from scipy.stats import ncf

    eta = variance_explained("eta2", 4.0, 2, 27)
    assert eta.value == pytest.approx(8 / 35) and variance_explained("omega2", 4.0, 2, 27).value == pytest.approx(6 / 36)
    lam = eta.ci_low * 27 / (1 - eta.ci_low)
    assert ncf.cdf(4.0, 2, 27, lam) == pytest.approx(0.95, abs=1e-9)


@pytest.mark.parametrize("name", MORE)
def test_kruskal_wallis_and_epsilon_squared(name):
    """kruskal.test; effectsize::rank_epsilon_squared. The bootstrap lower bound is compared with R's
    at 10 000 resamples (ours: 2 000, seed fixed) within 0,01."""
    r = CASES[name]["kruskal_wallis"]
    ours = group_test("kruskal_wallis", groups(CASES[name]))
    close([ours.statistic, ours.df[0], ours.p], [r["statistic"], r["df"], r["p"]])
    es = effect(ours, "epsilon2")
    close(es.value, r["epsilon2"]["value"], rel=1e-9)
    assert es.ci_high == 1 and es.method == "percentile_bootstrap"
    assert es.ci_low == pytest.approx(r["epsilon2"]["ci_low"], abs=0.01)


def test_epsilon_squared_bootstrap_is_reproducible():
    found = groups(CASES["shifted/four"])
    assert rank_epsilon_squared(found) == rank_epsilon_squared(found)


@pytest.mark.parametrize("name", MORE)
@pytest.mark.parametrize("test,method", [("anova", "tukey"), ("welch_anova", "games_howell"), ("kruskal_wallis", "dunn_holm")])
def test_posthoc(name, test, method):
    """TukeyHSD; rstatix::games_howell_test (p unrounded by its own ptukey formula, and rounded as
    rstatix prints it); rstatix::dunn_test(p.adjust.method = "holm"). Estimates are group2 − group1."""
    ref = CASES[name][test]["posthoc"]
    ours = posthoc(method, groups(CASES[name]))
    assert [(p.group1, p.group2) for p in ours.pairs] == [(r["group1"], r["group2"]) for r in ref]
    for pair, r in zip(ours.pairs, ref):
        close(pair.estimate, r["estimate"], rel=1e-9)
        close(pair.p_adj, r["p_adj"], rel=1e-4)
        if method == "dunn_holm":
            close(pair.statistic, r["statistic"], rel=1e-9)
            assert pair.ci_low is None
        else:
            close([pair.ci_low, pair.ci_high], [r["ci_low"], r["ci_high"]], rel=1e-5)
        if method == "games_howell":
            close([pair.statistic, pair.df], [r["statistic"], r["df"]], rel=1e-9)
            assert round(pair.p_adj, 3) == pytest.approx(r["p_adj_rstatix"])


def test_shifted_groups_have_pairs_that_differ_and_pairs_that_do_not():
    """The made-up groups exercise both outcomes of every post-hoc test."""
    for test in ("anova", "welch_anova", "kruskal_wallis"):
        p = [r["p_adj"] for r in CASES["shifted/four"][test]["posthoc"]]
        assert min(p) < 0.05 < max(p), test


def test_constant_groups_make_welch_anova_undefined():
    found = groups_of(np.array([1, 1, 1, 2, 3, 4, 2, 2, 5.0]), np.array(list("AAABBBCCC"), dtype=object))
    result = group_test("welch_anova", found)
    assert np.isnan(result.statistic) and result.effects == ()
    assert np.isfinite(group_test("anova", found).statistic)


def test_groups_keep_the_profile_order_and_drop_blank_labels():
    found = groups_of(np.arange(6.0), np.array(["b", "a", None, "", "b", "c"], dtype=object), ["c", "b"])
    assert found.names == ("c", "b", "a") and found.n == (1, 2, 1) and found.sds[0] is None


def test_extreme_separation_and_tiny_groups_do_not_break():
    """F in the hundreds of thousands still gives a lower bound of η² (near 1); two groups of two
    with one constant give Welch df = 1, where Hedges' J is undefined: g is NaN, not a crash."""
    found = groups_of(np.array([1, 1.1, 1.2, 50, 50.1, 50.2, 100, 100.1, 100.3]), np.array(list("AAABBBCCC"), dtype=object))
    eta = effect(group_test("anova", found), "eta2")
    assert 0.9999 < eta.ci_low < eta.value < 1
    tiny = group_test("welch_t", groups_of(np.array([3, 3, 1, 5.0]), np.array(list("AABB"), dtype=object)))
    assert tiny.df == (1.0,) and np.isnan(effect(tiny, "hedges_g").value)
