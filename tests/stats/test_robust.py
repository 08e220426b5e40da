"""HC3 tests of an OLS fit (reportgen.stats.robust), pinned to R sandwich::vcovHC(type = "HC3")
with lmtest::coeftest and lmtest::waldtest on the random surveys (tests/fixtures/r_robust.R,
R 4.2.2, sandwich 3.0.2, lmtest 0.9.40), and to statsmodels OLS(cov_type="HC3")."""

from __future__ import annotations

import json

import numpy as np
import pytest
from helpers import SURVEYS, close

from reportgen.config import load_study
from reportgen.pipeline import analyse
from reportgen.stats.regression import add_constant, least_squares
from reportgen.stats.robust import hc3_covariance, hc3_fit


@pytest.fixture(scope="module", params=SURVEYS, ids=lambda p: p.name)
def fitted(request):
    study = load_study(request.param / "study.yaml")
    results = analyse(study, "id").results
    reference = json.loads((request.param / "r_robust.json").read_text())
    return results, reference


def test_hc3_coefficients_and_wald_f_equal_r(fitted):
    results, reference = fitted
    reg = results.regression
    names = ["const", *reg.predictors]
    params = np.array([reg.coefficients[n].b for n in names])
    robust = hc3_fit(reg.exog, reg.residuals, params, names)
    for name in names:
        ref = reference["regression"]["terms"][name]
        close(robust.terms[name].se, ref["se"], rel=1e-10)
        close(robust.terms[name].t, ref["t"], rel=1e-10)
        close(robust.terms[name].p, ref["p"], rel=1e-9)
    close(robust.f, reference["regression"]["f"], rel=1e-10)
    close(robust.f_p, reference["regression"]["f_p"], rel=1e-9)
    assert (robust.df1, robust.df2) == (reference["regression"]["df1"], reference["regression"]["df2"])


@pytest.mark.parametrize("centre", [False, True], ids=["raw", "centred"])
def test_hc3_of_the_interaction_equals_r(fitted, centre):
    results, reference = fitted
    scores = {c: r.scores for c, r in results.constructs.items()}
    x, z, y = scores["X1"], scores["X2"], scores[results.regression.dependent]
    if centre:
        x, z = x - x.mean(), z - z.mean()
    exog = add_constant(np.column_stack([x, z, x * z]))
    fit = least_squares(y, exog)
    robust = hc3_fit(exog, fit.resid, fit.params, ["const", "x", "z", "xz"])
    ref = reference["moderation"]["centred" if centre else "raw"]
    close(robust.terms["xz"].se, ref["se"], rel=1e-10)
    close(robust.terms["xz"].p, ref["p"], rel=1e-9)
    from reportgen.stats.moderation import moderated_regression, simple_slopes

    full = moderated_regression(y, x, z, ("Y", "x", "z")).full
    for slope in simple_slopes(full, hc3_covariance(full.exog, full.residuals)):
        close(slope.se, ref["slopes"][slope.level]["se"], rel=1e-10)
        close(slope.p, ref["slopes"][slope.level]["p"], rel=1e-9)


def test_hc3_covariance_equals_statsmodels():
    import statsmodels.api as sm

    rng = np.random.default_rng(5)
    x = rng.normal(size=(60, 3))
    y = x @ [0.5, -0.2, 0.1] + rng.normal(size=60) * np.exp(x[:, 0])
    exog = add_constant(x)
    fit = least_squares(y, exog)
    ours = hc3_covariance(exog, fit.resid)
    theirs = sm.OLS(y, exog).fit(cov_type="HC3").cov_params()
    np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-14)
