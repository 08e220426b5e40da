"""Path models and indirect effects equal R (lm per equation, Sobel by hand, bootstrap by refitting)."""

import json

import numpy as np
import pytest
from helpers import FIXTURES, close

from reportgen.stats.mediation import bootstrap_indirect, fit_path_model, mediation

MEDIATION = FIXTURES / "mediation"
REFERENCE = json.loads((MEDIATION / "reference.json").read_text())  # r_mediation.R: lm, confint, boot 1.3.28.1
STUDIES = ["example", "complementary", "competitive", "indirect_only", "direct_only", "no_effect"]


def test_mediation(survey):
    """The random surveys: a, b, c (lm(Y ~ X1)), c′ and its p, a × b and Sobel equal R (r_reference.R)."""
    scores, _, ref = survey
    model = fit_path_model(scores, [("X1", "X2"), ("X1", "Y"), ("X2", "Y")])
    draws = bootstrap_indirect(scores, list(model.paths), [("X1", "X2", "Y")], 2000, seed=1)[0][:, 0]
    m = mediation(model, scores, ("X1", "X2", "Y"), draws)
    r = ref["mediation"]
    close(
        [m.a.b, m.b.b, m.total.b, m.direct.b, m.direct.p, m.indirect, m.sobel_z, m.sobel_p],
        [r["a"], r["b"], r["c"], r["c_prime"], r["c_prime_p"], r["indirect"], r["sobel_z"], r["sobel_p"]],
    )
    assert m.additive and m.total.b == pytest.approx(m.direct.b + m.indirect, rel=1e-9)
    # the bootstrap SD of ab is close to its delta-method (Sobel) SE
    assert m.boot_se == pytest.approx(m.sobel_se, rel=0.25)


def _scores(name: str) -> tuple[dict, tuple[str, ...], int]:
    """The construct scores of a mediation study (the example or a generated one), its chain and seed."""
    from reportgen.config import load_study
    from reportgen.designs.survey.analysis import describe
    from reportgen.pipeline import design_for

    folder = FIXTURES.parents[1] / "config" / "examples" / "mediation" if name == "example" else MEDIATION / name
    study = load_study(folder / "study.yaml")
    data = design_for(study.config).load(study)
    described = describe(study, data, [])
    chain = ("KP", "MK", "KN") if name == "example" else ("X", "M", "Y")
    return {c: described.constructs[c].scores for c in chain}, chain, study.config.model.seed


@pytest.mark.parametrize("name", STUDIES)
def test_a_b_c_c_prime_and_the_indirect_effect_equal_r(name):
    """B, SE, t, df, p and the t interval (R summary.lm, confint) of a, b, c and c′; β (lm on scale()d
    scores); a × b, β_a × β_b = a × b · sd(X) / sd(Y), and Sobel's SE, z and p."""
    scores, chain, seed = _scores(name)
    x, mid, y = chain
    model = fit_path_model(scores, [(x, mid), (x, y), (mid, y)])
    m = mediation(model, scores, chain, bootstrap_indirect(scores, list(model.paths), [chain], 200, seed)[0][:, 0])
    ref = REFERENCE[name]
    for ours, key in ((m.a, "a"), (m.b, "b"), (m.total, "c"), (m.direct, "c_prime")):
        close(
            [ours.b, ours.se, ours.t, ours.p, ours.df, ours.ci_low, ours.ci_high, ours.beta],
            [ref[key][k] for k in ("b", "se", "t", "p", "df", "ci_low", "ci_high", "beta")],
            rel=1e-9,
        )
    close(
        [m.indirect, m.indirect_beta, m.indirect_beta, m.sobel_se, m.sobel_z, m.sobel_p],
        [ref["indirect"], ref["indirect_beta"], ref["indirect_beta_from_sd"], ref["sobel"]["se"], ref["sobel"]["z"], ref["sobel"]["p"]],
        rel=1e-9,
    )
    assert m.covariates == () and m.additive


@pytest.mark.parametrize("name", STUDIES)
def test_percentile_interval_equals_r_on_the_same_resamples(name):
    """reportgen's resamples (default_rng(seed) row indices; make_studies.py hands the same to R):
    R refits lm on each and takes quantile(type = 7) at 2.5% and 97.5% and sd() — equal to rounding."""
    scores, chain, seed = _scores(name)
    x, mid, y = chain
    ref = REFERENCE[name]["same_resamples"]
    draws = bootstrap_indirect(scores, [(x, mid), (x, y), (mid, y)], [chain], ref["resamples"], seed)[0][:, 0]
    model = fit_path_model(scores, [(x, mid), (x, y), (mid, y)])
    m = mediation(model, scores, chain, draws)
    close([m.ci_low, m.ci_high, m.boot_se], [ref["ci_low"], ref["ci_high"], ref["se"]], rel=1e-9)


@pytest.mark.parametrize("name", STUDIES)
def test_the_5000_resample_interval_agrees_with_r_boot(name):
    """The chapter's 5000 resamples cannot equal R's boot::boot (numpy's PCG64 and R's Mersenne-Twister
    draw different resamples), so what is pinned is what both estimate: the two percentile intervals
    and bootstrap SEs agree within the Monte Carlo error of 5000 resamples (a tenth of the SE here),
    the interval holds a × b, and the same seed gives the same interval."""
    scores, chain, seed = _scores(name)
    x, mid, y = chain
    paths = [(x, mid), (x, y), (mid, y)]
    model = fit_path_model(scores, paths)
    m = mediation(model, scores, chain, bootstrap_indirect(scores, paths, [chain], 5000, seed)[0][:, 0])
    again = mediation(model, scores, chain, bootstrap_indirect(scores, paths, [chain], 5000, seed)[0][:, 0])
    ref = REFERENCE[name]["boot_package"]
    assert (m.ci_low, m.ci_high) == (again.ci_low, again.ci_high)
    assert m.ci_low < m.indirect < m.ci_high
    assert abs(m.ci_low - ref["ci_low"]) < 0.1 * ref["se"] and abs(m.ci_high - ref["ci_high"]) < 0.1 * ref["se"]
    assert m.boot_se == pytest.approx(ref["se"], rel=0.05)


def test_total_effect_is_adjusted_for_the_same_covariates_as_c_prime():
    """With a second cause Z of M and Y, c is lm(Y ~ X + Z) (not lm(Y ~ X)): c = c′ + a × b still holds."""
    rng = np.random.default_rng(3)
    x, z = rng.normal(size=120), rng.normal(size=120)
    m_ = 0.5 * x + 0.4 * z + rng.normal(size=120)
    y = 0.3 * m_ + 0.2 * x + 0.5 * z + rng.normal(size=120)
    scores = {"X": x, "Z": z, "M": m_, "Y": y}
    paths = [("X", "M"), ("Z", "M"), ("X", "Y"), ("Z", "Y"), ("M", "Y")]
    model = fit_path_model(scores, paths)
    m = mediation(model, scores, ("X", "M", "Y"), bootstrap_indirect(scores, paths, [("X", "M", "Y")], 200, 1)[0][:, 0])
    expected = np.linalg.lstsq(np.column_stack([np.ones(120), x, z]), y, rcond=None)[0][1]
    assert m.covariates == ("Z",) and m.total.b == pytest.approx(expected, rel=1e-10)
    assert m.additive and m.total.b == pytest.approx(m.direct.b + m.indirect, rel=1e-10)


def test_a_chain_of_three_links_has_no_sobel_test_and_multiplies_its_betas():
    rng = np.random.default_rng(4)
    x = rng.normal(size=100)
    m1 = 0.6 * x + rng.normal(size=100)
    m2 = 0.5 * m1 + rng.normal(size=100)
    y = 0.4 * m2 + 0.1 * x + rng.normal(size=100)
    scores = {"X": x, "M1": m1, "M2": m2, "Y": y}
    paths = [("X", "M1"), ("M1", "M2"), ("M2", "Y"), ("X", "Y")]
    chain = ("X", "M1", "M2", "Y")
    model = fit_path_model(scores, paths)
    m = mediation(model, scores, chain, bootstrap_indirect(scores, paths, [chain], 300, 2)[0][:, 0])
    assert len(m.links) == 3 and m.sobel_z is None and m.sobel_p is None
    assert m.indirect == pytest.approx(np.prod([e.b for e in m.links]))
    assert m.indirect_beta == pytest.approx(m.indirect * x.std(ddof=1) / y.std(ddof=1), rel=1e-10)
    assert not m.additive  # Y ~ X + M2 leaves M1 out: c ≠ c′ + a × d × b


def test_bootstrap_indirect_equals_refitting_each_resample():
    """The covariance shortcut gives exactly what refitting lm on each resample gives."""
    rng = np.random.default_rng(5)
    x = rng.normal(size=60)
    m = 0.5 * x + rng.normal(size=60)
    y = 0.4 * m + 0.2 * x + rng.normal(size=60)
    scores = {"X": x, "M": m, "Y": y}
    draws = bootstrap_indirect(scores, [("X", "M"), ("X", "Y"), ("M", "Y")], [("X", "M", "Y")], 50, seed=9)[0][:, 0]
    index = np.random.default_rng(9).integers(0, 60, size=(50, 60))
    for k in range(50):
        i = index[k]
        a = np.linalg.lstsq(np.column_stack([np.ones(60), x[i]]), m[i], rcond=None)[0][1]
        b = np.linalg.lstsq(np.column_stack([np.ones(60), x[i], m[i]]), y[i], rcond=None)[0][2]
        assert draws[k] == pytest.approx(a * b, rel=1e-9)
