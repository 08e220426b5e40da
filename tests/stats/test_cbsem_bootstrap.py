"""The bootstrap of a CB-SEM indirect effect (reportgen.stats.cbsem_bootstrap): each resample's
fit equals lavaan 0.6-14 fitted to the same rows (the first 20 resamples of the example's draws,
tests/fixtures/cbsem/bootstrap_rows.csv; r_cbsem.R ``example_bootstrap``), and the bias-corrected
percentile interval of those 20 effects equals R's transcription of it."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from helpers import EXAMPLES, FIXTURES

from reportgen.stats.cbsem import fit_cbsem
from reportgen.stats.cbsem_bootstrap import bias_corrected, bootstrap_indirect

REFERENCE = json.loads((FIXTURES / "cbsem" / "cbsem.json").read_text())
MEASUREMENT = {"KL": tuple(f"KL{i}" for i in range(1, 6)), "KP": tuple(f"KP{i}" for i in range(1, 5)), "LY": tuple(f"LY{i}" for i in range(1, 5))}
CHAIN = ("KL", "KP", "LY")


@pytest.fixture(scope="module")
def example():
    raw = pd.read_csv(EXAMPLES / "cbsem" / "responses.csv")
    data = raw[[i for items in MEASUREMENT.values() for i in items]].dropna().reset_index(drop=True)
    fit = fit_cbsem(data, MEASUREMENT, (("KL", "KP"), ("KL", "LY"), ("KP", "LY")))
    return fit, data[list(fit.observed)].to_numpy(float)


def test_each_resample_equals_lavaan_on_the_same_rows(example):
    fit, x = example
    rows = np.loadtxt(FIXTURES / "cbsem" / "bootstrap_rows.csv", delimiter=",", dtype=int) - 1
    drawn = np.random.default_rng([2026, 4]).integers(0, len(x), size=(20, len(x)))
    assert (rows == drawn).all()  # the fixture's rows are the draws reportgen makes
    result = bootstrap_indirect(fit, x, [CHAIN], 20, 2026)
    assert result.failed == 0
    assert result.draws[CHAIN] == pytest.approx(REFERENCE["example_bootstrap"]["draws"], rel=5e-6)  # lavaan stops ~1e-7 short of each optimum


def test_the_bias_corrected_interval_equals_r():
    ref = REFERENCE["example_bootstrap"]
    low, high = bias_corrected(np.array(ref["draws"]), REFERENCE["example_indirect"]["est"], 0.05)
    assert [low, high] == pytest.approx(ref["bc"], rel=1e-12)


def test_with_no_bias_it_is_the_percentile_interval():
    draws = np.linspace(-1, 1, 400)  # half of them below 0: z0 = 0
    assert bias_corrected(draws, 0.0, 0.05) == pytest.approx(tuple(np.quantile(draws, [0.025, 0.975])), rel=1e-12)
