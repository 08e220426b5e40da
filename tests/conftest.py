"""Fixtures shared across the test tree (constants and helpers are in helpers.py)."""

import json
from pathlib import Path

import numpy as np
import pytest
from helpers import EXAMPLES, FIXTURES, ROOT, SURVEYS  # noqa: F401  (older tests import them from here)


@pytest.fixture
def luwu_timur() -> Path:
    return EXAMPLES / "luwu-timur" / "study.yaml"


@pytest.fixture(scope="module", params=SURVEYS, ids=lambda p: p.name)
def survey(request):
    """(construct scores, the group column, R's reference values) of one random survey of fixtures/surveys."""
    from reportgen.config import load_study
    from reportgen.data import load_dataset
    from reportgen.pipeline import analyse

    study = load_study(request.param / "study.yaml")
    data = load_dataset(study)
    results = analyse(study, "id").results
    scores = {c: r.scores for c, r in results.constructs.items()}
    ref = json.loads((request.param / "r_reference.json").read_text())["designs"]
    return scores, np.array(data.profile["group"], dtype=object), ref
