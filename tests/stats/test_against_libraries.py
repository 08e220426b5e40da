"""Hand-written statistics equal the library they stand in for, over the whole input range.

Each is hand-written for a measured reason, given in its docstring (the import of scipy.stats
costs 0,49 s, of scipy.integrate 0,14 s, of scipy.optimize 0,09 s, where a results.json run of the
reference thesis takes 0,42 s); these tests keep them equal to SciPy, statsmodels and pandas.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from scipy import stats

from reportgen.stats.assumptions import shapiro_wilk
from reportgen.stats.pearson import pearson
from reportgen.stats.regression import least_squares, variance_inflation

SIZES = [3, 4, 5, 6, 7, 8, 11, 12, 20, 50, 100, 500, 1000, 5000]


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("shape", ["normal", "skewed", "ties"])
def test_shapiro_wilk_equals_scipy(n, shape):
    rng = np.random.default_rng(n)
    x = {"normal": rng.normal(size=n), "skewed": rng.exponential(size=n), "ties": rng.integers(1, 6, size=n).astype(float)}[shape]
    if np.ptp(x) == 0:
        x[0] += 1
    w, p = shapiro_wilk(x)
    reference = stats.shapiro(x)
    assert w == pytest.approx(reference.statistic, rel=1e-6, abs=1e-9)
    assert p == pytest.approx(reference.pvalue, rel=1e-5, abs=1e-9)


@pytest.mark.parametrize("n", [3, 4, 10, 80, 400, 10_000])
def test_pearson_equals_scipy(n):
    rng = np.random.default_rng(n)
    x = rng.normal(size=n)
    for y in (0.5 * x + rng.normal(size=n), rng.normal(size=n), -x + 1e-3 * rng.normal(size=n)):
        r, p = pearson(x, y)
        reference = stats.pearsonr(x, y)
        assert r == pytest.approx(reference.statistic, abs=1e-12)
        assert p == pytest.approx(reference.pvalue, rel=1e-7, abs=1e-300)


@pytest.mark.parametrize("n,k", [(5, 2), (30, 4), (80, 5), (400, 8), (5000, 3)])
def test_least_squares_equals_statsmodels(n, k):
    import statsmodels.api as sm

    rng = np.random.default_rng(n + k)
    x = rng.normal(size=(n, k))
    x[:, -1] = x[:, 0] + 0.05 * rng.normal(size=n)  # near-collinear, still full rank
    y = x @ rng.normal(size=k) + rng.normal(size=n)
    exog = sm.add_constant(x)
    ours, theirs = least_squares(y, exog), sm.OLS(y, exog).fit()
    np.testing.assert_allclose(ours.params, theirs.params, rtol=1e-9)
    np.testing.assert_allclose(ours.bse, theirs.bse, rtol=1e-9)
    np.testing.assert_allclose(ours.pvalues, theirs.pvalues, rtol=1e-7, atol=1e-300)
    assert ours.rsquared == pytest.approx(theirs.rsquared, rel=1e-12)
    assert ours.f_pvalue == pytest.approx(theirs.f_pvalue, rel=1e-7, abs=1e-300)
    from statsmodels.stats.outliers_influence import variance_inflation_factor

    np.testing.assert_allclose(variance_inflation(exog), [variance_inflation_factor(exog, j) for j in range(1, k + 1)], rtol=1e-8)


@pytest.mark.parametrize(
    "text",
    [
        "rid,jk,X1.1\nR1,L,4\nR2,P,5\n",
        "rid;jk;X1.1\nR1;L;4\nR2;P;\n",
        'rid,note,X1.1\nR1,"a, quoted; cell",4\nR2,"two\nlines",3\n',
        "rid\tjk\tX1.1\nR1\tL\t4\n",
    ],
)
def test_csv_reading_equals_pandas(tmp_path, text):
    """The csv-module reader (pandas costs 0,16 s to import) gives the cells pandas gives."""
    import pandas as pd

    from reportgen.data.read import read_table

    path = tmp_path / "r.csv"
    path.write_text(text, encoding="utf-8")
    ours = read_table(path)
    theirs = pd.read_csv(io.StringIO(text), sep=None, engine="python", dtype=str, keep_default_na=False)
    assert list(ours.columns) == list(theirs.columns)
    for column in theirs.columns:
        assert [("" if v is None else str(v)) for v in ours.columns[column]] == list(theirs[column])
