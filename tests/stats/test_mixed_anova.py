"""The mixed ANOVA (reportgen.stats.mixed) against car 3.1-1 Anova(type = 3) on the repeated
example (tests/fixtures/paired/mixed.json, r_mixed.R): years of service (3 groups) and gender (2)
by the three measurements."""

import json

import numpy as np
import pandas as pd
import pytest
from helpers import EXAMPLES, FIXTURES

from reportgen.stats.box_m import box_m
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


@pytest.mark.parametrize("column", ["masa_kerja", "jk"])
def test_box_m_equals_r(data, column):
    """Box's M of the groups' covariance matrices of the three measurements: the base-R
    transcription of r_mixed.R (SPSS's F approximation and heplots' χ²)."""
    raw, table = data
    ref = REFERENCE[column]["box_m"]
    groups = [table[(raw[column] == level).to_numpy()] for level in REFERENCE[column]["levels"]]
    got = box_m(groups)
    assert [got.m, got.f, got.df1, got.df2, got.p, got.chisq, got.chisq_p] == pytest.approx(
        [ref[k] for k in ("m", "f", "df1", "df2", "p", "chisq", "chisq_p")], rel=1e-10
    )


def test_box_m_gives_the_published_iris_values():
    """iris (R's datasets, the four measures by species): SPSS prints M = 146.663 and F = 7.045 on
    20 and 77566.751 df; heplots::boxM χ² = 140.94 on 20 df (its documentation); and r_mixed.R."""
    iris = pd.read_csv(FIXTURES / "paired" / "iris.csv")
    got = box_m([iris[iris.Species == s].iloc[:, :4].to_numpy() for s in ("setosa", "versicolor", "virginica")])
    assert (round(got.m, 3), round(got.f, 3), got.df1, round(got.df2, 3), round(got.chisq, 2)) == (146.663, 7.045, 20, 77566.751, 140.94)
    ref = REFERENCE["iris_box_m"]
    assert [got.m, got.f, got.df2, got.chisq] == pytest.approx([ref["m"], ref["f"], ref["df2"], ref["chisq"]], rel=1e-10)


def test_box_m_is_undefined_for_a_singular_group():
    rng = np.random.default_rng(3)
    assert box_m([rng.normal(size=(2, 3)), rng.normal(size=(20, 3))]) is None
