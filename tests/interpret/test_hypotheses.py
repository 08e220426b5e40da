"""Hypothesis decisions: p against alpha with the configured tails AND the expected sign."""

import json

import pytest
from helpers import base, write_study

from reportgen.interpret.hypotheses import partial_decision, simultaneous_decision
from reportgen.pipeline import run_study


def test_significant_negative_does_not_support_positive():
    d = partial_decision(t=-3.1, p_two_sided=0.003, expect="positive", alpha=0.05, tails="two")
    assert (d.supported, d.reason, d.sign) == (False, "opposite_sign", "negative")


def test_expect_any_accepts_either_sign():
    assert partial_decision(-3.1, 0.003, "any", 0.05, "two").supported


def test_one_tailed_p_is_halved_in_the_expected_direction():
    d = partial_decision(t=1.772, p_two_sided=0.081, expect="positive", alpha=0.05, tails="one")
    assert d.p == pytest.approx(0.0405) and d.supported
    wrong_way = partial_decision(t=-1.772, p_two_sided=0.081, expect="positive", alpha=0.05, tails="one")
    assert wrong_way.p == pytest.approx(1 - 0.0405) and not wrong_way.supported
    assert not partial_decision(1.772, 0.081, "positive", 0.05, "two").supported  # the thesis's H4


def test_simultaneous_decided_by_f():
    assert simultaneous_decision(16.343, 1e-10, 0.05).supported
    assert not simultaneous_decision(1.2, 0.31, 0.05).supported


def test_decisions_in_results_json_follow_the_rule(tmp_path):
    cfg = base()
    cfg["hypotheses"]["H2"]["expect"] = "negative"
    cfg["settings"] = {"tails": "one"}
    run_study(write_study(tmp_path, cfg), tmp_path / "out", formats=["json"])
    result = json.loads((tmp_path / "out" / "results.json").read_text())
    coef = result["regression"]["coefficients"]
    h1, h2 = result["hypotheses"]["H1"], result["hypotheses"]["H2"]
    assert coef["X1"]["t"] > 0 and h1["p"] == pytest.approx(coef["X1"]["p"] / 2)
    assert h1["supported"] == (h1["p"] < 0.05)
    assert coef["X2"]["t"] > 0 and h2["p"] == pytest.approx(1 - coef["X2"]["p"] / 2) and not h2["supported"]
    assert result["regression"]["t_table"] == pytest.approx(1.687094, abs=1e-6)  # R qt(0.95, 37)
    assert h1["decision_text"].startswith("H1 diterima: t hitung ")
    assert result["hypotheses"]["H3"]["supported"] == (result["regression"]["f_p"] < 0.05)
