"""Moderated regression (MRA) equals R: anova(m1, m2) and simple slopes from vcov."""

import pytest
from helpers import close

from reportgen.stats.moderation import moderated_regression


@pytest.mark.parametrize("centre", [False, True])
def test_moderation(survey, centre):
    scores, _, ref = survey
    r = ref["moderation"]["centred" if centre else "raw"]
    mod = moderated_regression(scores["Y"], scores["X1"], scores["X2"], ("Y", "X1", "X2"), centre)
    term = mod.full.coefficients["X1 × X2"]
    close(
        [term.b, term.se, term.t, term.p, mod.delta_r2, mod.delta_f, mod.delta_p],
        [r["b"], r["se"], r["t"], r["p"], r["delta_r2"], r["delta_f"], r["delta_p"]],
    )
    for slope in mod.slopes:
        s = r["slopes"][slope.level]
        close([slope.z, slope.slope, slope.se, slope.t, slope.p], [s["z"], s["slope"], s["se"], s["t"], s["p"]])
