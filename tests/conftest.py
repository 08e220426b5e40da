"""Fixtures shared across the test tree (constants and helpers are in helpers.py)."""

import json
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pytest
from helpers import EXAMPLES, FIXTURES, ROOT, SURVEYS  # noqa: F401  (older tests import them from here)


def pytest_configure(config):
    """One folder per test run for the examples written once (helpers.written_example): made by
    the run's first process, before pytest-xdist starts its workers, which inherit its name."""
    if not hasattr(config, "workerinput"):
        config.shared_folder = tempfile.mkdtemp(prefix="reportgen-tests-")
        os.environ["REPORTGEN_TEST_SHARED"] = config.shared_folder


def pytest_unconfigure(config):
    if hasattr(config, "shared_folder"):
        shutil.rmtree(config.shared_folder, ignore_errors=True)


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
