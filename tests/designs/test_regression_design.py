"""The multiple-regression design on the reference thesis's replica."""

import json

from reportgen.pipeline import run_study

from helpers import EXAMPLES

# NIST StRD, Longley (1967), certified values: https://www.itl.nist.gov/div898/strd/lls/data/Longley.shtml


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
