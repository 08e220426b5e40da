"""The redundancy analysis of a formative construct equals seminr's two-construct model
(fixtures/pls/corp_rep_redundancy_reference.json, make_redundancy_reference.py) to 1e-9 and the
values Hair et al. (2021, ch. 5) print to their three decimals; with one neighbour the path is the
multiple correlation of the global item on the indicators (OLS)."""

import json

import numpy as np
import pandas as pd
import pytest
from helpers import EXAMPLES, FIXTURES

from reportgen.stats.pls.redundancy import redundancy_path

REFERENCE = json.loads((FIXTURES / "pls" / "corp_rep_redundancy_reference.json").read_text())
COUNTS = {"QUAL": 8, "PERF": 5, "CSOR": 5, "ATTR": 3}


@pytest.mark.parametrize("construct", list(COUNTS))
def test_the_redundancy_path_equals_seminr_and_the_book(construct):
    data = pd.read_csv(EXAMPLES / "corp-rep" / "corp_rep_data.csv")
    names = tuple(f"{construct.lower()}_{k}" for k in range(1, COUNTS[construct] + 1))
    columns = data[[*names, f"{construct.lower()}_global"]].to_numpy(float)
    filled = np.where(np.isnan(columns), np.nanmean(columns, axis=0), columns)
    path = redundancy_path(filled[:, :-1], filled[:, -1], names)
    assert path == pytest.approx(REFERENCE["paths"][construct], abs=1e-9)
    assert round(path, 3) == REFERENCE["published"][construct]
    design = np.column_stack([np.ones(len(filled)), filled[:, :-1]])
    fitted = design @ np.linalg.lstsq(design, filled[:, -1], rcond=None)[0]
    assert path == pytest.approx(np.corrcoef(fitted, filled[:, -1])[0, 1], abs=1e-9)
