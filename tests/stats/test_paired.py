"""Paired and repeated-measures comparisons pinned to R (tests/fixtures/paired/reference.json, made
by r_paired.R: R 4.2.2, effectsize 0.8.3, afex's aov_ez)."""

import json

import numpy as np
import pytest
from helpers import FIXTURES

from reportgen.stats.paired import cohens_dz, friedman, matched_rank_biserial, paired_t, pairwise, repeated_anova, wilcoxon_signed_rank

REFERENCE = json.loads((FIXTURES / "paired" / "reference.json").read_text())
PAIRS = [name for name, case in REFERENCE.items() if "pre_post" in case]
REPEATED = [name for name, case in REFERENCE.items() if "repeated" in case]
TIGHT = 1e-10


def _pair(name):
    case = REFERENCE[name]
    return np.array(case["data"]["pre"], float), np.array(case["data"]["post"], float), case["pre_post"]


def _table(name):
    case = REFERENCE[name]
    return np.column_stack([np.array(v, float) for v in case["data"].values()]), case["repeated"]


@pytest.mark.parametrize("name", PAIRS)
def test_paired_t_equals_r(name):
    before, after, ref = _pair(name)
    t = paired_t(before, after)
    assert (t.statistic, t.df, t.p, t.mean_difference) == pytest.approx((ref["t"], ref["df"], ref["p"], ref["mean_difference"]), rel=TIGHT)
    assert t.ci == pytest.approx((ref["ci_low"], ref["ci_high"]), rel=TIGHT)


@pytest.mark.parametrize("name", PAIRS)
def test_wilcoxon_signed_rank_equals_r_exact_or_corrected(name):
    before, after, ref = _pair(name)
    w = wilcoxon_signed_rank(before, after)
    assert w.exact == (ref["wilcoxon_method"] == "Wilcoxon signed rank exact test")
    assert w.statistic == ref["v"] and w.p == pytest.approx(ref["wilcoxon_p"], rel=1e-9)


@pytest.mark.parametrize("name", PAIRS)
def test_paired_effect_sizes_equal_effectsize(name):
    before, after, ref = _pair(name)
    d = cohens_dz(before, after)
    assert (d.value, d.ci_low, d.ci_high) == pytest.approx((ref["d_z"], ref["d_ci_low"], ref["d_ci_high"]), rel=1e-6)
    r = matched_rank_biserial(before, after)
    assert (r.value, r.ci_low, r.ci_high) == pytest.approx((ref["rank_biserial"], ref["rb_ci_low"], ref["rb_ci_high"]), rel=1e-9)


@pytest.mark.parametrize("name", REPEATED)
def test_repeated_anova_equals_afex(name):
    table, ref = _table(name)
    a = repeated_anova(table)
    assert (a.f, a.df1, a.df2, a.p, a.ges) == pytest.approx((ref["f"], ref["df1"], ref["df2"], ref["p"], ref["ges"]), rel=TIGHT)
    assert (a.mauchly_w, a.mauchly_p) == pytest.approx((ref["mauchly_w"], ref["mauchly_p"]), rel=1e-8)
    assert (a.gg_epsilon, a.gg_p, a.hf_epsilon, a.hf_p) == pytest.approx((ref["gg_epsilon"], ref["gg_p"], ref["hf_epsilon"], ref["hf_p"]), rel=1e-9)


@pytest.mark.parametrize("name", REPEATED)
def test_friedman_and_kendalls_w_equal_r(name):
    table, ref = _table(name)
    f = friedman(table)
    assert (f.chi2, f.df, f.p) == pytest.approx((ref["friedman"], ref["friedman_df"], ref["friedman_p"]), rel=TIGHT)
    assert f.kendalls_w == pytest.approx(ref["kendalls_w"], rel=1e-9)


def test_two_measurements_have_no_sphericity_to_test():
    before, after, _ = _pair("training")
    a = repeated_anova(np.column_stack([before, after]))
    assert a.mauchly_w is None and a.gg_epsilon == pytest.approx(1.0) and a.f == pytest.approx(paired_t(before, after).statistic ** 2)


@pytest.mark.parametrize("name", REPEATED)
@pytest.mark.parametrize("ranks", [False, True])
def test_pairwise_holm_equals_r(name, ranks):
    """R's pairwise.t.test / pairwise.wilcox.test (paired, Holm), every pair in column order."""
    table, ref = _table(name)
    names = list(REFERENCE[name]["data"])
    found = pairwise(table, names, ranks)
    expected = ref["pairwise_wilcoxon_holm" if ranks else "pairwise_t_holm"]
    assert [p.p_holm for p in found] == pytest.approx(expected, rel=1e-9)
    assert [(p.first, p.second) for p in found][0] == (names[0], names[1])
    assert all(p.test.test == ("wilcoxon" if ranks else "paired_t") for p in found)
    assert all(p.effect.kind == ("rank_biserial" if ranks else "d_z") for p in found)
