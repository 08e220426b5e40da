"""The mixed ANOVA (reportgen.stats.mixed) against car 3.1-1 Anova(type = 3) on the repeated
example (tests/fixtures/paired/mixed.json, r_mixed.R): years of service (3 groups) and gender (2)
by the three measurements."""

import json

import numpy as np
import pandas as pd
import pytest
from helpers import EXAMPLES, FIXTURES

from reportgen.stats.mixed import mixed_anova

REFERENCE = json.loads((FIXTURES / "paired" / "mixed.json").read_text())
MEASURES = ("PRE", "POST", "FU")


@pytest.fixture(scope="module")
def data():
    raw = pd.read_csv(EXAMPLES / "repeated" / "responses.csv")
    items = [f"{m}{i}" for m in MEASURES for i in range(1, 6)]
    raw = raw.dropna(subset=items)
    return raw, np.column_stack([raw[[f"{m}{i}" for i in range(1, 6)]].mean(axis=1) for m in MEASURES])


@pytest.mark.parametrize("column", ["masa_kerja", "jk"])
def test_equals_car(data, column):
    raw, table = data
    ref = REFERENCE[column]
    result = mixed_anova(table, list(raw[column]), ref["levels"])
    assert list(result.sizes) == [ref["n"][level] for level in ref["levels"]]
    for name in ("group", "time", "interaction"):
        ours, theirs = getattr(result, name), ref[name]
        for key in ("ss", "df1", "error_ss", "df2", "f", "p"):
            assert getattr(ours, key) == pytest.approx(theirs[key], rel=1e-10), (name, key)
        assert ours.partial_eta2 == pytest.approx(theirs["ss"] / (theirs["ss"] + theirs["error_ss"]), rel=1e-12)
        if name != "group":
            for key in ("gg_epsilon", "gg_p", "hf_epsilon", "hf_p"):
                assert getattr(ours, key) == pytest.approx(theirs[key], rel=1e-9), (name, key)
            assert [result.mauchly_w, result.mauchly_p] == pytest.approx([theirs["mauchly_w"], theirs["mauchly_p"]], rel=1e-9)
