"""Path models and indirect effects equal R (lm per equation, Sobel by hand, bootstrap by refitting)."""

import numpy as np
import pytest

from reportgen.stats.mediation import bootstrap_indirect, fit_path_model, mediation

from helpers import close


def test_mediation(survey):
    scores, _, ref = survey
    model = fit_path_model(scores, [("X1", "X2"), ("X1", "Y"), ("X2", "Y")])
    draws = bootstrap_indirect(scores, list(model.paths), [("X1", "X2", "Y")], 2000, seed=1)[:, 0]
    m = mediation(model, ("X1", "X2", "Y"), draws)
    r = ref["mediation"]
    close([m.a, m.b, m.c, m.c_prime, m.c_prime_p, m.indirect, m.sobel_z, m.sobel_p],
          [r["a"], r["b"], r["c"], r["c_prime"], r["c_prime_p"], r["indirect"], r["sobel_z"], r["sobel_p"]])
    # the bootstrap SD of ab is close to its delta-method (Sobel) SE
    assert m.boot_sd == pytest.approx(abs(m.indirect / m.sobel_z), rel=0.25)

def test_bootstrap_indirect_equals_refitting_each_resample():
    """The covariance shortcut gives exactly what refitting lm on each resample gives."""
    rng = np.random.default_rng(5)
    x = rng.normal(size=60)
    m = 0.5 * x + rng.normal(size=60)
    y = 0.4 * m + 0.2 * x + rng.normal(size=60)
    scores = {"X": x, "M": m, "Y": y}
    draws = bootstrap_indirect(scores, [("X", "M"), ("X", "Y"), ("M", "Y")], [("X", "M", "Y")], 50, seed=9)[:, 0]
    index = np.random.default_rng(9).integers(0, 60, size=(50, 60))
    for k in range(50):
        i = index[k]
        a = np.linalg.lstsq(np.column_stack([np.ones(60), x[i]]), m[i], rcond=None)[0][1]
        b = np.linalg.lstsq(np.column_stack([np.ones(60), x[i], m[i]]), y[i], rcond=None)[0][2]
        assert draws[k] == pytest.approx(a * b, rel=1e-9)
