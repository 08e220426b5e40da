"""Statistics pinned to published values: NIST StRD, Savin & White (1977), the thesis, SPSS."""

import json

import numpy as np
import pytest
import yaml
from statsmodels.datasets import longley

from reportgen.interpret.three_box import bands, category
from reportgen.stats.assumptions import lilliefors_p, normality
from reportgen.stats.critical import f_critical, r_critical, t_critical
from reportgen.stats.descriptives import item_distribution, three_box_index, three_box_range
from reportgen.stats.durbin_watson import _normal_approximation, dw_cdf, durbin_watson, residual_eigenvalues, savin_white_bounds
from reportgen.stats.profile import frequency_table
from reportgen.stats.regression import ols
from reportgen.pipeline import run_study

from conftest import EXAMPLES

# NIST StRD, Longley (1967), certified values: https://www.itl.nist.gov/div898/strd/lls/data/Longley.shtml
LONGLEY_B = [-3482258.63459582, 15.0618722713733, -0.358191792925910e-01, -2.02022980381683,
             -1.03322686717359, -0.511041056535807e-01, 1829.15146461355]
LONGLEY_SE = [890420.383607373, 84.9149257747669, 0.334910077722432e-01, 0.488399681651699,
              0.214274163161675, 0.226073200069370, 455.478499142212]


def test_longley_certified_values():
    data = longley.load_pandas()
    names = list(data.exog.columns)
    fit = ols(data.endog.to_numpy(), data.exog.to_numpy(), "TOTEMP", names)
    b = [fit.coefficients["const"].b] + [fit.coefficients[n].b for n in names]
    se = [fit.coefficients["const"].se] + [fit.coefficients[n].se for n in names]
    np.testing.assert_allclose(b, LONGLEY_B, rtol=1e-6)
    np.testing.assert_allclose(se, LONGLEY_SE, rtol=1e-6)
    assert fit.se_estimate == pytest.approx(304.854073561965, rel=1e-6)
    assert fit.r2 == pytest.approx(0.995479004577296, rel=1e-9)
    assert fit.ss_regression == pytest.approx(184172401.944494, rel=1e-6)
    assert fit.ss_residual == pytest.approx(836424.055505915, rel=1e-6)
    assert fit.f == pytest.approx(330.285339234588, rel=1e-6)
    assert (fit.df1, fit.df2) == (6, 9)


# Savin & White (1977), Econometrica 45(8), Table: 5% significance points dL, dU (k excl. constant).
@pytest.mark.parametrize("n,k,dl,du", [(15, 1, 1.077, 1.361), (40, 3, 1.338, 1.659), (50, 5, 1.335, 1.771),
                                       (80, 5, 1.507, 1.772), (100, 2, 1.634, 1.715), (200, 6, 1.707, 1.831)])
def test_savin_white_bounds(n, k, dl, du):
    low, high = savin_white_bounds(n, k, 0.05)
    assert round(low, 3) == dl and round(high, 3) == du


def test_critical_values_of_the_thesis():
    # r table at n = 80 (Sugiyono's table: 0,2199); t and F from R 4.2.2 qt/qf.
    assert round(r_critical(0.05, 80), 4) == 0.2199
    assert t_critical(0.05, 74) == pytest.approx(1.992543, abs=1e-6)  # R qt(0.975, 74)
    assert t_critical(0.05, 74, "one") == pytest.approx(1.665707, abs=1e-6)  # R qt(0.95, 74)
    assert f_critical(0.05, 5, 74) == pytest.approx(2.338278, abs=1e-6)  # R qf(0.95, 5, 74)


def test_dw_normal_approximation_close_to_exact():
    """The large-n path (normal with exact moments) agrees with Imhof at n = 600."""
    rng = np.random.default_rng(1)
    x = np.column_stack([np.ones(600), rng.normal(size=(600, 3))])
    e = rng.normal(size=600)
    e = e - x @ np.linalg.lstsq(x, e, rcond=None)[0]
    d = float(np.sum(np.diff(e) ** 2) / np.sum(e ** 2))
    exact = dw_cdf(d, residual_eigenvalues(x))
    assert _normal_approximation(d, x) == pytest.approx(exact, abs=0.01)
    result = durbin_watson(e, x)  # n = 600 is above the exact limit: normal approximation, no bounds
    assert result.p == pytest.approx(_normal_approximation(d, x), abs=1e-12) and result.dl is None


# R 4.2.2 on x_i = sin(i) + (i mod 7) / 3 + (i / n)^2, i = 1..n:
# nortest::lillie.test(x) D and p; shapiro.test(x) W and p.
@pytest.mark.parametrize("n,d,p,w,p_sw", [
    (30, 0.203150397019847, 0.0027655487523925, 0.839609245150202, 0.000378588355533854),
    (80, 0.0496461838088474, 0.896645154018962, 0.986684112770975, 0.578098657559281),
    (150, 0.0300302202844299, 0.984742122635773, 0.994315086675403, 0.825608313694526),
    (400, 0.0301642533884987, 0.505496270168226, 0.993250508045071, 0.0702111490861334),
])
def test_normality_equals_nortest_and_shapiro(n, d, p, w, p_sw):
    i = np.arange(1, n + 1)
    x = np.sin(i) + (i % 7) / 3 + (i / n) ** 2
    result = normality(x)
    assert result.ks_d == pytest.approx(d, rel=1e-9)
    assert result.ks_p_lilliefors == pytest.approx(p, rel=1e-9)
    assert lilliefors_p(d, n) == pytest.approx(p, rel=1e-9)
    assert result.shapiro_w == pytest.approx(w, rel=1e-6)
    assert result.shapiro_p == pytest.approx(p_sw, rel=1e-6)


def test_three_box_index_of_the_thesis():
    counts = yaml.safe_load((EXAMPLES / "luwu-timur" / "published_counts.yaml").read_text())
    published = {"X1.1": 74.4, "X1.2": 71, "X1.3": 71, "X1.4": 69.2, "X1.5": 73, "X2.2": 68.2, "X2.4": 66.6,
                 "X3.3": 65.2, "X3.8": 69, "X4.1": 69, "X4.4": 67.4, "X5.1": 68.2, "Y6": 71.4}
    for item, index in published.items():
        answers = np.repeat([5, 4, 3, 2, 1], counts[item]).astype(float)
        dist = item_distribution(answers, [1, 2, 3, 4, 5])
        assert three_box_index(dist) == pytest.approx(index, abs=1e-12)
        assert three_box_index(dist, "percent") == pytest.approx(index * 100 / 80, abs=1e-12)
    rng = three_box_range(80, 1, 5)
    assert (rng.low, rng.high) == (16, 80)
    assert [round(b[0], 2) for b in bands(rng, 3)] == [16, 37.33, 58.67]
    assert category(58.6, rng, 3) == "medium" and category(58.7, rng, 3) == "high" and category(16, rng, 3) == "low"
    assert category(80, rng, 5) == "very_high"


def test_thesis_replica_reproduces_published_indexes(tmp_path):
    run_study(EXAMPLES / "luwu-timur" / "study.yaml", tmp_path / "o", formats=["json"])
    result = json.loads((tmp_path / "o" / "results.json").read_text())
    means = {c: round(v["index_mean"], 3) for c, v in result["constructs"].items()}
    # Tabel 5.4, 5.6, 5.8, 5.10, 5.12, 5.14: 71,72; 68,2; 68,025; 68,3; 68,07; 70,2
    assert means == {"X1": 71.72, "X2": 68.2, "X3": 68.025, "X4": 68.3, "X5": 68.067, "Y": 70.2}
    assert all(v["category"] == "high" for v in result["constructs"].values())
    assert result["constructs"]["X4"]["items"]["X4.4"]["freq"] == {"1": 0, "2": 1, "3": 2, "4": 56, "5": 21}
    assert round(result["validity"]["r_table"], 4) == 0.2199
    assert (round(result["regression"]["dl"], 3), round(result["regression"]["du"], 3)) == (1.507, 1.772)
    assert result["n_used"] == 80 and result["n_excluded"] == 0


def test_spss_frequencies_of_the_thesis_profile():
    import pandas as pd

    table = frequency_table(pd.Series(["Perempuan"] * 37 + ["Laki-laki"] * 43 + [None]), ["Laki-laki", "Perempuan"])
    assert table.categories == ("Laki-laki", "Perempuan")
    assert table.frequency == (43, 37) and table.n_missing == 1
    assert table.valid_percent == pytest.approx((53.75, 46.25))
    assert table.percent == pytest.approx((100 * 43 / 81, 100 * 37 / 81))
    assert table.cumulative_percent == pytest.approx((53.75, 100.0))
