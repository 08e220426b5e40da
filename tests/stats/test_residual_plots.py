"""What the residual figures show equals the libraries: the P-P distance is statsmodels'
Lilliefors D less half a step, skewness and excess kurtosis are SciPy's with bias=False (the
SPSS G1 and G2), the spread by thirds is the SD of statsmodels' internally studentized residuals."""

import statistics

import numpy as np
import pytest
from scipy import stats

from reportgen.stats.assumptions import normal_pp_points, normality
from reportgen.stats.regression import ols
from reportgen.stats.residual_plots import (
    excess_kurtosis,
    pp_distance,
    residual_plots,
    skewness,
    spread_by_thirds,
    thirds,
)


def samples():
    rng = np.random.default_rng(15)
    i = np.arange(1, 81)
    return [
        np.sin(i) + (i % 7) / 3 + (i / 80) ** 2,
        rng.normal(size=30),
        rng.exponential(size=200),
        rng.standard_t(3, size=500),
        np.round(rng.normal(size=60) * 2) / 2,
    ]  # the last with ties


@pytest.mark.parametrize("x", samples(), ids=["sine80", "normal30", "exponential200", "t500", "ties60"])
def test_pp_distance_is_lilliefors_d_less_half_a_step(x):
    from statsmodels.stats.diagnostic import lilliefors

    observed, expected = normal_pp_points(x)
    distance = pp_distance(observed, expected)
    d, _ = lilliefors(x, dist="norm", pvalmethod="table")
    # the points sit at (i - 1/2)/n, the middle of each step of the empirical CDF; D is read at its edges
    assert distance + 1 / (2 * x.size) == pytest.approx(d, rel=1e-12)
    assert distance + 1 / (2 * x.size) == pytest.approx(normality(x).ks_d, rel=1e-12)


@pytest.mark.parametrize("x", samples(), ids=["sine80", "normal30", "exponential200", "t500", "ties60"])
def test_skewness_and_kurtosis_are_spss_g1_g2(x):
    # SPSS DESCRIPTIVES/EXAMINE print G1 and G2 = SciPy with bias=False (R e1071 type 2)
    assert skewness(x) == pytest.approx(stats.skew(x, bias=False), rel=1e-10, abs=1e-14)
    assert excess_kurtosis(x) == pytest.approx(stats.kurtosis(x, fisher=True, bias=False), rel=1e-10, abs=1e-14)


def test_skewness_and_kurtosis_need_enough_values():
    assert skewness(np.array([1.0, 2.0])) is None and excess_kurtosis(np.array([1.0, 2.0, 4.0])) is None
    assert skewness(np.ones(10)) is None and excess_kurtosis(np.ones(10)) is None
    # hand value: x = 1, 2, 3, 10 → m2 = 12.5, m3 = 45, G1 = sqrt(12)/2 · 45 / 12.5^1.5
    assert skewness(np.array([1.0, 2.0, 3.0, 10.0])) == pytest.approx(np.sqrt(12) / 2 * 45 / 12.5**1.5, rel=1e-12)


@pytest.mark.parametrize("n,sizes", [(9, [3, 3, 3]), (10, [3, 4, 3]), (80, [27, 26, 27]), (81, [27, 27, 27])])
def test_thirds_are_as_equal_as_possible(n, sizes):
    values = np.random.default_rng(n).permutation(n).astype(float)
    group = thirds(values)
    assert np.bincount(group).tolist() == sizes
    assert all(values[group == g].max() < values[group == g + 1].min() for g in (0, 1))


def test_equal_fitted_values_share_a_third():
    zpred = np.array([0, 0, 0, 0, 1, 2, 3, 4, 5, 5], dtype=float)
    # average ranks 2.5 (the four zeros), 5, 6, 7, 8, 9.5: floor(3 (r - 1/2) / 10) = 0; 1, 1, 1; 2; 2
    assert thirds(zpred[::-1]).tolist() == [2, 2, 2, 1, 1, 1, 0, 0, 0, 0]
    sresid = np.array([1, -1, 2, -2, 0.5, -0.5, 0.25, 3, -3, 1], dtype=float)
    spread = spread_by_thirds(zpred, sresid)
    assert spread.n == (4, 3, 3)
    expected = (statistics.stdev([1, -1, 2, -2]), statistics.stdev([0.5, -0.5, 0.25]), statistics.stdev([3, -3, 1]))
    assert spread.sd == pytest.approx(expected, rel=1e-12)
    assert spread.ratio == pytest.approx(max(expected) / min(expected), rel=1e-12)
    assert spread.bounds == (0.5, 3.5)


def test_a_third_of_one_value_has_no_sd():
    spread = spread_by_thirds(np.array([0, 1, 1, 1, 1.0]), np.array([0.3, 1, -1, 2, -2.0]))
    assert spread.n == (1, 4, 0) and spread.sd[0] is None and spread.sd[2] is None and spread.ratio is None


@pytest.mark.parametrize("n,k", [(40, 1), (80, 5), (300, 3)])
def test_residual_plots_of_a_fit_equal_statsmodels(n, k):
    import statsmodels.api as sm
    from statsmodels.stats.outliers_influence import OLSInfluence

    rng = np.random.default_rng(n * k)
    x = rng.integers(5, 26, size=(n, k)).astype(float)
    y = x @ rng.uniform(0.2, 0.8, size=k) + rng.normal(scale=1 + x[:, 0] / 10)
    plots = residual_plots(ols(y, x, "Y", [f"X{j + 1}" for j in range(k)]))
    fit = sm.OLS(y, sm.add_constant(x)).fit()
    np.testing.assert_allclose(plots.sresid, OLSInfluence(fit).resid_studentized_internal, rtol=1e-9)
    fitted = fit.fittedvalues
    np.testing.assert_allclose(plots.zpred, (fitted - fitted.mean()) / fitted.std(ddof=1), rtol=1e-9, atol=1e-12)
    group = thirds(plots.zpred)
    sresid = OLSInfluence(fit).resid_studentized_internal
    assert plots.spread.sd == pytest.approx([statistics.stdev(sresid[group == g]) for g in range(3)], rel=1e-9)
    assert plots.skewness == pytest.approx(stats.skew(fit.resid, bias=False), rel=1e-9)
    assert plots.excess_kurtosis == pytest.approx(stats.kurtosis(fit.resid, bias=False), rel=1e-9)
    from statsmodels.stats.diagnostic import lilliefors

    assert plots.pp_distance == pytest.approx(lilliefors(fit.resid, dist="norm", pvalmethod="table")[0] - 1 / (2 * n), rel=1e-9)
