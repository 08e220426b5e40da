"""Frequency tables as SPSS FREQUENCIES prints them."""

import pytest

from reportgen.stats.profile import frequency_table

# NIST StRD, Longley (1967), certified values: https://www.itl.nist.gov/div898/strd/lls/data/Longley.shtml


def test_spss_frequencies_of_the_thesis_profile():
    import pandas as pd

    table = frequency_table(pd.Series(["Perempuan"] * 37 + ["Laki-laki"] * 43 + [None]), ["Laki-laki", "Perempuan"])
    assert table.categories == ("Laki-laki", "Perempuan")
    assert table.frequency == (43, 37) and table.n_missing == 1
    assert table.valid_percent == pytest.approx((53.75, 46.25))
    assert table.percent == pytest.approx((100 * 43 / 81, 100 * 37 / 81))
    assert table.cumulative_percent == pytest.approx((53.75, 100.0))
