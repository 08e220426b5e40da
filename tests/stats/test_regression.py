"""OLS equals the NIST StRD certified values (Longley)."""

import numpy as np
import pytest
from statsmodels.datasets import longley

from reportgen.stats.regression import ols

# NIST StRD, Longley (1967), certified values: https://www.itl.nist.gov/div898/strd/lls/data/Longley.shtml


# NIST StRD, Longley (1967), certified values: https://www.itl.nist.gov/div898/strd/lls/data/Longley.shtml
LONGLEY_B = [
    -3482258.63459582,
    15.0618722713733,
    -0.358191792925910e-01,
    -2.02022980381683,
    -1.03322686717359,
    -0.511041056535807e-01,
    1829.15146461355,
]

LONGLEY_SE = [890420.383607373, 84.9149257747669, 0.334910077722432e-01, 0.488399681651699, 0.214274163161675, 0.226073200069370, 455.478499142212]


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
