"""Critical values (r table, t table, F table) as the reference thesis prints them."""

import pytest

from reportgen.stats.critical import f_critical, r_critical, t_critical

# NIST StRD, Longley (1967), certified values: https://www.itl.nist.gov/div898/strd/lls/data/Longley.shtml


def test_critical_values_of_the_thesis():
    # r table at n = 80 (Sugiyono's table: 0,2199); t and F from R 4.2.2 qt/qf.
    assert round(r_critical(0.05, 80), 4) == 0.2199
    assert t_critical(0.05, 74) == pytest.approx(1.992543, abs=1e-6)  # R qt(0.975, 74)
    assert t_critical(0.05, 74, "one") == pytest.approx(1.665707, abs=1e-6)  # R qt(0.95, 74)
    assert f_critical(0.05, 5, 74) == pytest.approx(2.338278, abs=1e-6)  # R qf(0.95, 5, 74)
