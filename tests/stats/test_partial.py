"""Zero-order, partial and semipartial correlations, sr², the shared part of R², β with its
interval (reportgen.stats.partial) and the score ranges (reportgen.stats.score_range), pinned to R
on the random surveys and the thesis replica: tests/fixtures/r_partial.R (R 4.2.2; ppcor's pcor
and spcor written out and checked against the residual definitions; effectsize 0.8.3
``standardize_parameters``; lmtest 0.9.40 ``coefci`` with sandwich 3.0.2 ``vcovHC(type = "HC3")``),
stored in tests/fixtures/partial/<study>.json."""

from __future__ import annotations

import json

import numpy as np
import pytest
from helpers import EXAMPLES, FIXTURES, SURVEYS, close

from reportgen.config import load_study
from reportgen.designs.regression.explain import construct_ranges
from reportgen.pipeline import analyse
from reportgen.stats.partial import variance_shares
from reportgen.stats.score_range import score_range

STUDIES = SURVEYS + [EXAMPLES / "luwu-timur"]


@pytest.fixture(scope="module", params=STUDIES, ids=lambda p: p.name)
def fitted(request):
    study = load_study(request.param / "study.yaml")
    results = analyse(study, "id").results
    reference = json.loads((FIXTURES / "partial" / f"{request.param.name}.json").read_text())
    reg = results.regression
    y = results.constructs[reg.dependent].scores
    x = np.column_stack([results.constructs[p].scores for p in reg.predictors])
    return study, results, y, x, reference


def test_correlations_and_shares_equal_r(fitted):
    study, results, y, x, reference = fitted
    shares = variance_shares(results.regression, y, x, study.config.settings.alpha)
    ref = reference["shares"]
    assert list(shares.predictors) == list(ref["predictors"])
    for name, p in shares.predictors.items():
        r = ref["predictors"][name]
        close(p.r, r["r"], rel=1e-10)
        close(p.r_p, r["r_p"], rel=1e-8)
        close(p.partial, r["partial_r"], rel=1e-9)
        close(p.semipartial, r["semipartial_r"], rel=1e-9)
        close(p.sr2, r["sr2"], rel=1e-8)
        close(p.beta, r["beta"], rel=1e-10)
        close(p.beta_low, r["beta_ci"][0], rel=1e-9)
        close(p.beta_high, r["beta_ci"][1], rel=1e-9)
    close(shares.r2, ref["r2"], rel=1e-10)
    close(shares.unique, ref["unique"], rel=1e-8)
    close(shares.shared, ref["shared"], rel=1e-8)


def test_beta_intervals_with_hc3_standard_errors_equal_r(fitted):
    study, results, y, x, reference = fitted
    se = {name: results.robust.terms[name].se for name in results.regression.predictors}
    shares = variance_shares(results.regression, y, x, study.config.settings.alpha, se)
    for name, p in shares.predictors.items():
        low, high = reference["shares"]["predictors"][name]["beta_ci_hc3"]
        close(p.beta_low, low, rel=1e-9)
        close(p.beta_high, high, rel=1e-9)


def test_score_ranges_equal_r(fitted):
    study, results, _, _, reference = fitted
    ranges = construct_ranges(study, results.described)
    assert set(ranges) == set(reference["ranges"])
    for code, ours in ranges.items():
        ref = reference["ranges"][code]
        assert [ours.low, ours.high] == pytest.approx(ref["possible"]) and [ours.minimum, ours.maximum] == pytest.approx(ref["observed"])
        assert ours.distinct == ref["distinct"] and list(ours.points) == [int(p) for p in np.atleast_1d(ref["points"])]
        for key in ("top", "top_two", "bottom", "bottom_two", "at_highest", "at_lowest", "sd", "sd_ratio"):
            close(getattr(ours, key), ref[key], rel=1e-10)


def test_luwu_timur_shares_are_the_ones_the_issue_names():
    """X2, X3 and X5 correlate about 0.60, 0.54 and 0.51 with Y, yet their unique shares are below
    0.01; 0.42 of R² = 0.667 is shared. Y is answered only with 4 and 5 (scores 24–30 of 6–30)."""
    reference = json.loads((FIXTURES / "partial" / "luwu-timur.json").read_text())
    predictors = reference["shares"]["predictors"]
    assert [round(predictors[x]["r"], 3) for x in ("X2", "X3", "X5")] == [0.597, 0.540, 0.510]
    assert all(predictors[x]["sr2"] < 0.01 for x in ("X2", "X3", "X5"))
    assert round(reference["shares"]["shared"], 3) == 0.420
    assert reference["ranges"]["Y"]["points"] == [4, 5] and reference["ranges"]["Y"]["observed"] == [24, 30]


def test_sd_ratio_is_one_with_half_the_respondents_at_each_end():
    half = np.array([6.0, 30.0] * 10)
    counts = np.array([[10, 0, 0, 0, 10]] * 6)
    r = score_range("Y", half, [1, 2, 3, 4, 5], counts, 6, mean_score=False)
    assert r.sd_ratio == pytest.approx(np.sqrt(20 / 19))  # n − 1 in the SD: a little above 1
    assert (r.at_highest, r.at_lowest, r.top, r.top_two, r.points) == (0.5, 0.5, 0.5, 0.5, (1, 5))
