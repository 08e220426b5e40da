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


def test_each_category_line_spans_only_its_own_respondents_range_of_x():
    """A categorical moderation's figure: category j's line is ŷ = b0 + c_j + (b1 + d_j) x, drawn
    from the smallest to the largest X its own respondents have."""
    import numpy as np

    from reportgen.stats.moderation import categorical_moderation, slope_lines

    rng = np.random.default_rng(4)
    group = np.repeat([0, 1, 2], 30)
    x = rng.normal(size=90) + np.array([0.0, 2.0, -1.0])[group]  # the groups sit at different X
    y = 1 + 0.5 * x + 0.3 * (group == 1) * x + rng.normal(size=90)
    dummies = np.column_stack([(group == 1).astype(float), (group == 2).astype(float)])
    mod = categorical_moderation(y, x, dummies, ("Y", "X"), ["g[b]", "g[c]"], ("a", "b", "c"))
    fit = np.polyfit(x[group == 1], y[group == 1], 1)  # the full model fits each group's own line
    for level, xs, ys in slope_lines(mod):
        members = x[group == "abc".index(level)]
        assert (xs.min(), xs.max()) == pytest.approx((members.min(), members.max()), rel=1e-12)
        if level == "b":
            assert ys == pytest.approx(np.polyval(fit, xs), rel=1e-9)
