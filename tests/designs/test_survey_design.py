"""The questionnaire part every design shares: dropping invalid items and recomputing."""

import json

import numpy as np
import pytest
from helpers import FIXTURES


def test_drop_invalid_removes_items_and_recomputes(tmp_path):
    """An item of pure noise is not valid; with drop_invalid it is removed and alpha recomputed."""
    import sys

    from reportgen.pipeline import run_study

    sys.path.insert(0, str(FIXTURES.parent))
    from helpers import base, survey_rows, write_study

    rows = survey_rows(n=60)
    rng = np.random.default_rng(4)
    for r in rows:
        r["X1.4"] = int(rng.integers(1, 6))
    cfg = base()
    cfg["constructs"]["X1"]["items"]["X1.4"] = "noise"
    plain = json.loads((run_study(write_study(tmp_path / "a", cfg, rows), tmp_path / "a" / "o", formats=["json"]).files[0]).read_text())
    assert plain["constructs"]["X1"]["items"]["X1.4"]["valid"] is False and plain["dropped_items"] == []
    cfg["settings"] = {"drop_invalid": True}
    run_study(write_study(tmp_path / "b", cfg, rows), tmp_path / "b" / "o", formats=["json", "pdf"])
    dropped = json.loads((tmp_path / "b" / "o" / "results.json").read_text())
    assert [d["item"] for d in dropped["dropped_items"]] == ["X1.4"]
    assert "X1.4" not in dropped["constructs"]["X1"]["items"]
    x1 = np.array([[r[f"X1.{j}"] for j in (1, 2, 3)] for r in rows], dtype=float)
    from reportgen.stats.reliability import cronbach_alpha

    assert dropped["constructs"]["X1"]["alpha"] == pytest.approx(cronbach_alpha(x1))
    assert any("drop_invalid: removed 1 item(s)" in w for w in dropped["warnings"])
