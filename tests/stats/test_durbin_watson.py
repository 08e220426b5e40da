"""Durbin–Watson: Savin & White (1977) bounds and the exact distribution."""

import numpy as np
import pytest

from reportgen.stats.durbin_watson import (
    _normal_approximation,
    durbin_watson,
    dw_cdf,
    residual_eigenvalues,
    savin_white_bounds,
)

# NIST StRD, Longley (1967), certified values: https://www.itl.nist.gov/div898/strd/lls/data/Longley.shtml


# Savin & White (1977), Econometrica 45(8), Table: 5% significance points dL, dU (k excl. constant).
@pytest.mark.parametrize(
    "n,k,dl,du",
    [(15, 1, 1.077, 1.361), (40, 3, 1.338, 1.659), (50, 5, 1.335, 1.771), (80, 5, 1.507, 1.772), (100, 2, 1.634, 1.715), (200, 6, 1.707, 1.831)],
)
def test_savin_white_bounds(n, k, dl, du):
    low, high = savin_white_bounds(n, k, 0.05)
    assert round(low, 3) == dl and round(high, 3) == du


def test_dw_normal_approximation_close_to_exact():
    """The large-n path (normal with exact moments) agrees with Imhof at n = 600."""
    rng = np.random.default_rng(1)
    x = np.column_stack([np.ones(600), rng.normal(size=(600, 3))])
    e = rng.normal(size=600)
    e = e - x @ np.linalg.lstsq(x, e, rcond=None)[0]
    d = float(np.sum(np.diff(e) ** 2) / np.sum(e**2))
    exact = dw_cdf(d, residual_eigenvalues(x))
    assert _normal_approximation(d, x) == pytest.approx(exact, abs=0.01)
    result = durbin_watson(e, x)  # n = 600 is above the exact limit: normal approximation, no bounds
    assert result.p == pytest.approx(_normal_approximation(d, x), abs=1e-12) and result.dl is None
