"""Power of the test of one coefficient and Harman's single-factor share, pinned to R 4.2.2:
pwr::pwr.f2.test (pwr 1.3-0) and eigen(cor(X)) / psych::principal (tests/fixtures/limitations/r_limitations.R)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from helpers import FIXTURES, SURVEYS, close

from reportgen.config import load_study
from reportgen.data import load_dataset
from reportgen.stats.common_method import harman_single_factor
from reportgen.stats.power import detectable_dz, detectable_f2, f2_power, paired_power, two_sample_power

REFERENCE = json.loads((FIXTURES / "limitations" / "reference.json").read_text())


@pytest.mark.parametrize("case", REFERENCE["power"], ids=lambda c: f"u{c['u']:g}-v{c['v']:g}-f{c['f2']}-a{c['alpha']}")
def test_power_and_detectable_effect_equal_pwr(case):
    u, v = int(case["u"]), int(case["v"])
    close(f2_power(case["f2"], u, v, case["alpha"]), case["power"], rel=1e-8)
    found = detectable_f2(u, v, case["alpha"])
    close(f2_power(found, u, v, case["alpha"]), 0.80, rel=1e-10)  # exactly the f² of 80% power
    close(found, case["detectable"], rel=2e-3)  # pwr's uniroot stops at tol = eps^0.25 (about 1e-4)


@pytest.mark.parametrize("folder", SURVEYS, ids=lambda p: p.name)
def test_harman_share_equals_r(folder):
    study = load_study(folder / "study.yaml")
    data = load_dataset(study)
    found = harman_single_factor(data.items)
    ref = REFERENCE["harman"][folder.name]
    close(found.share, ref["share"], rel=1e-12)
    assert found.items == ref["items"]


def test_harman_needs_two_varying_items():
    assert harman_single_factor(np.array([[1.0, 2], [1, 3], [1, 4]])) is None


# pwr 1.3-0, R 4.2.2: pwr.t.test(n, d, sig.level, type = "paired")$power, and $d at power = 0.8
PAIRED = [(61, 0.2, 0.05, 0.33642126303074), (61, 0.5, 0.05, 0.970077052942347), (30, 0.5, 0.01, 0.502555497127586)]


@pytest.mark.parametrize(("n", "dz", "alpha", "power"), PAIRED)
def test_paired_power_equals_pwr(n, dz, alpha, power):
    close(paired_power(dz, n, alpha), power, rel=1e-9)


def test_detectable_dz_equals_pwr():
    found = detectable_dz(61, 0.05)
    close(paired_power(found, 61, 0.05), 0.80, rel=1e-6)  # statsmodels solves to about 3e-8
    close(found, 0.364580192435563, rel=2e-4)  # pwr's uniroot stops at tol = eps^0.25


@pytest.mark.parametrize(
    "n1, n2, d, power",
    # R 4: power.t.test(n = 31, delta = 0.5, sd = 1, type = "two.sample", strict = TRUE) for equal groups; for all three
    # the noncentral t of pwr.t2n.test, pt(q, df, ncp, lower.tail = FALSE) + pt(-q, df, ncp), ncp = d √(n1 n2 / (n1 + n2))
    [(31, 31, 0.5, 0.490869673667), (31, 31, 0.2, 0.121108089055), (20, 35, 0.8, 0.800105728621)],
)
def test_two_sample_power_equals_r(n1, n2, d, power):
    assert two_sample_power(d, n1, n2, 0.05) == pytest.approx(power, abs=1e-11)


@pytest.mark.parametrize(
    "n1, n2, d",
    # R 4: uniroot(function(d) pw(d, n1, n2) - 0.8, c(0.01, 3), tol = 1e-14), pw the two-sample power above (pwr.t2n.test)
    [(31, 31, 0.7232481088), (20, 35, 0.7998921214)],
)
def test_the_smallest_detectable_two_sample_d_equals_r(n1, n2, d):
    from reportgen.stats.power import detectable_d

    assert detectable_d(n1, n2, 0.05) == pytest.approx(d, abs=5e-6)  # statsmodels' solver stops within 2e-6
    assert two_sample_power(detectable_d(n1, n2, 0.05), n1, n2, 0.05) == pytest.approx(0.80, abs=1e-5)


# Kock (2015), full collinearity: R 4.x, `1 / (1 - summary(lm(C ~ ., data = scores))$r.squared)` for each
# construct C of the corporate-reputation model's construct scores (config/examples/corp-rep, the scores
# equal to seminr's, tests/stats/test_pls.py), written out to 17 digits and read by R.
KOCK_R = {"COMP": 1.750745158075832, "LIKE": 2.235188383663835, "CUSA": 1.998641102576728, "CUSL": 2.283307079870541}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_kocks_full_collinearity_equals_r_and_is_read_beside_harman(lang):
    from helpers import composed_example

    from reportgen.render.text import render_text

    composed = composed_example("corp-rep", lang)
    test = composed.payload["limitations"]["full_collinearity"]
    assert test["vifs"] == pytest.approx(KOCK_R, abs=1e-12)
    assert (test["verdict"]["outcome"], test["verdict"]["threshold"], test["verdict"]["citation"]) == ("not_collinear", 3.3, "Kock, 2015")
    text = " ".join(render_text(composed.document, composed.labels).split())
    said = {  # Harman's first factor takes 51.2% here: the two tests disagree, and the chapter says so
        "en": "every VIF is below 3.3 (the highest 2.283, of Customer Loyalty), so this test, unlike Harman's, shows no sign of common method bias; it cannot show its absence.",
        "id": "seluruh VIF di bawah 3,3 (tertinggi 2,283, pada Loyalitas Pelanggan), sehingga uji ini, berbeda dengan uji Harman, tidak menunjukkan tanda bias metode bersama;",
    }[lang]
    assert said in text and "Kock, N. (2015)" in text


def test_a_construct_collinear_with_the_others_is_flagged():
    from reportgen.interpret.limitations import full_collinearity_verdict
    from reportgen.stats.common_method import full_collinearity

    rng = np.random.default_rng(5)
    a = rng.normal(size=200)
    scores = np.column_stack([a, a + 0.3 * rng.normal(size=200), rng.normal(size=200)])
    test = full_collinearity(scores, ["A", "B", "C"])
    r2 = 1 - np.var(scores[:, 0] - np.polyval(np.polyfit(scores[:, 1], scores[:, 0], 1), scores[:, 1])) / np.var(scores[:, 0])
    assert test.vifs["A"] == pytest.approx(1 / (1 - r2), rel=2e-2)  # C adds next to nothing to A's R² on B
    assert test.highest[1] > 3.3 and full_collinearity_verdict(test).outcome == "collinear"
    assert full_collinearity(scores[:, :1], ["A"]) is None
