"""Normality tests equal R nortest::lillie.test, ks.test and shapiro.test."""

import numpy as np
import pytest

from reportgen.stats.assumptions import lilliefors_p, normality

# NIST StRD, Longley (1967), certified values: https://www.itl.nist.gov/div898/strd/lls/data/Longley.shtml


# R 4.2.2 on x_i = sin(i) + (i mod 7) / 3 + (i / n)^2, i = 1..n:
# nortest::lillie.test(x) D and p; shapiro.test(x) W and p.
@pytest.mark.parametrize(
    "n,d,p,w,p_sw",
    [
        (30, 0.203150397019847, 0.0027655487523925, 0.839609245150202, 0.000378588355533854),
        (80, 0.0496461838088474, 0.896645154018962, 0.986684112770975, 0.578098657559281),
        (150, 0.0300302202844299, 0.984742122635773, 0.994315086675403, 0.825608313694526),
        (400, 0.0301642533884987, 0.505496270168226, 0.993250508045071, 0.0702111490861334),
    ],
)
def test_normality_equals_nortest_and_shapiro(n, d, p, w, p_sw):
    i = np.arange(1, n + 1)
    x = np.sin(i) + (i % 7) / 3 + (i / n) ** 2
    result = normality(x)
    assert result.ks_d == pytest.approx(d, rel=1e-9)
    assert result.ks_p_lilliefors == pytest.approx(p, rel=1e-9)
    assert lilliefors_p(d, n) == pytest.approx(p, rel=1e-9)
    assert result.shapiro_w == pytest.approx(w, rel=1e-6)
    assert result.shapiro_p == pytest.approx(p_sw, rel=1e-6)
