"""Every value in results.json equals R on random surveys (fixtures/surveys/*).

Reference: fixtures/r_reference.R (R 4.2.2: psych::alpha, cor.test, lm, car::vif,
lmtest::dwtest/bptest, nortest::lillie.test, ks.test(exact = FALSE), shapiro.test), run on
the raw CSVs written by fixtures/make_surveys.py (label words, reverse items, blanks,
sum and mean scores). Tolerances: 1e-6 relative; dw_p 1e-3; Lilliefors p 0.02.
"""

import json
import math

import pytest
from helpers import FIXTURES

from reportgen.pipeline import run_study

SURVEYS = sorted(p for p in (FIXTURES / "surveys").iterdir() if (p / "r_reference.json").exists())
LOOSE = {"dw_p": 1e-3, "ks_p_lilliefors": 0.02}
NOT_OURS = {"dw_p_method", "lilliefors_d", "ks_p_asymptotic_r_default", "designs"}  # designs: test_designs.py


def compare(ours, ref, path=""):
    """Yield (path, ours, ref) for every leaf of ``ref`` that differs."""
    if isinstance(ref, dict):
        assert isinstance(ours, dict), f"{path}: expected a mapping, got {ours!r}"
        for key, value in ref.items():
            if key in NOT_OURS:
                continue
            assert key in ours, f"{path}.{key} missing from results.json"
            yield from compare(ours[key], value, f"{path}.{key}")
        return
    key = path.rsplit(".", 1)[-1]
    if key in LOOSE:
        ok = abs(ours - ref) <= LOOSE[key]
    else:
        ok = math.isclose(ours, ref, rel_tol=1e-6, abs_tol=1e-12)
    if not ok:
        yield path, ours, ref


@pytest.mark.parametrize("folder", SURVEYS, ids=lambda p: p.name)
def test_results_equal_r(folder, tmp_path):
    run_study(folder / "study.yaml", tmp_path / "out", formats=["json"])
    ours = json.loads((tmp_path / "out" / "results.json").read_text())
    ref = json.loads((folder / "r_reference.json").read_text())
    differences = list(compare(ours, ref))
    assert not differences, "\n".join(f"{p}: ours {o!r} vs R {r!r}" for p, o, r in differences[:20])


def test_fixtures_cover_the_required_range():
    """45–400 respondents, 2–6 predictors, both score kinds, with exclusions and words."""
    refs = [json.loads((f / "r_reference.json").read_text()) for f in SURVEYS]
    ns = [r["n_used"] + r["n_excluded"] for r in refs]
    ks = [len(r["regression"]["coefficients"]) - 1 for r in refs]
    assert min(ns) == 45 and max(ns) == 400
    assert min(ks) == 2 and max(ks) == 6
    assert any(r["n_excluded"] > 0 for r in refs)
    texts = [(f / "study.yaml").read_text() for f in SURVEYS]
    assert any("score: mean" in t for t in texts) and any("score: sum" in t for t in texts)
    assert all("reverse:" in t for t in texts)
