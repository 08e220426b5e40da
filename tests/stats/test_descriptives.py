"""The three-box index as the reference thesis computes it."""

import numpy as np
import pytest
import yaml
from helpers import EXAMPLES

from reportgen.interpret.three_box import bands, category
from reportgen.stats.descriptives import (
    item_distribution,
    three_box_index,
    three_box_range,
)

# NIST StRD, Longley (1967), certified values: https://www.itl.nist.gov/div898/strd/lls/data/Longley.shtml


def test_three_box_index_of_the_thesis():
    counts = yaml.safe_load((EXAMPLES / "luwu-timur" / "published_counts.yaml").read_text())
    published = {
        "X1.1": 74.4,
        "X1.2": 71,
        "X1.3": 71,
        "X1.4": 69.2,
        "X1.5": 73,
        "X2.2": 68.2,
        "X2.4": 66.6,
        "X3.3": 65.2,
        "X3.8": 69,
        "X4.1": 69,
        "X4.4": 67.4,
        "X5.1": 68.2,
        "Y6": 71.4,
    }
    for item, index in published.items():
        answers = np.repeat([5, 4, 3, 2, 1], counts[item]).astype(float)
        dist = item_distribution(answers, [1, 2, 3, 4, 5])
        assert three_box_index(dist) == pytest.approx(index, abs=1e-12)
        assert three_box_index(dist, "percent") == pytest.approx(index * 100 / 80, abs=1e-12)
    rng = three_box_range(80, 1, 5)
    assert (rng.low, rng.high) == (16, 80)
    assert [round(b[0], 2) for b in bands(rng, 3)] == [16, 37.33, 58.67]
    assert category(58.6, rng, 3) == "medium" and category(58.7, rng, 3) == "high" and category(16, rng, 3) == "low"
    assert category(80, rng, 5) == "very_high"


def test_an_item_some_left_blank_is_placed_in_the_range_of_those_who_answered():
    """10 respondents, 1–5, counts: an item 9 answered, all with 4, has index 7.2; in the range of
    10 (2–10) that is 'medium', but its answerers all chose 4 — three quarters of the way up the
    scale, 'high' in the range of 9 (1.8–9). A construct is placed by its items' mean position."""
    from types import SimpleNamespace

    from reportgen.interpret.three_box import mean_position, own_range

    scale = SimpleNamespace(min=1, max=5)
    study = three_box_range(10, 1, 5)
    blank = item_distribution(np.array([4.0] * 9 + [np.nan]), (1, 2, 3, 4, 5))
    whole = item_distribution(np.array([4.0] * 10), (1, 2, 3, 4, 5))
    index = three_box_index(blank)
    assert (blank.n, index, category(index, study, 3)) == (9, pytest.approx(7.2), "medium")
    assert own_range(blank, study, scale, "count") == three_box_range(9, 1, 5)
    assert category(index, own_range(blank, study, scale, "count"), 3) == "high"
    assert own_range(blank, study, scale, "percent") == study  # percentages are of those who answered already
    items = [(d, three_box_index(d)) for d in (blank, whole)]
    assert mean_position(items, study, scale, "count") == pytest.approx(8.0)  # both at 3/4 of their ranges: 2 + 0.75 × 8
