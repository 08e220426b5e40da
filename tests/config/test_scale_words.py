"""Which agreement scale the answer words belong to (config/scale_words.py): the same word has
a different code on four, five, six and seven points, and the midpoint keeps its own words."""

from __future__ import annotations

import pytest

from reportgen.config.scale_words import MidpointClash, is_scale_word, scale_for


@pytest.mark.parametrize(
    "middle,label",
    [
        ("Netral", ("N", "Netral", "N", "Neutral")),
        ("Ragu-ragu", ("RR", "Ragu-ragu", "U", "Undecided")),
        ("Cukup Setuju", ("CS", "Cukup Setuju", "FA", "Fairly Agree")),
        ("kurang setuju", ("KS", "Kurang Setuju", "PA", "Partly Agree")),
        ("Neither agree nor disagree", ("N", "Netral", "N", "Neither Agree nor Disagree")),
    ],
)
def test_five_points_each_midpoint_word_its_own_label(middle, label):
    scale = scale_for(["Sangat Setuju", "Setuju", middle, "Tidak Setuju"])
    assert len(scale.labels) == 5 and scale.labels[3] == label
    assert [scale.code(w) for w in ("Sangat Tidak Setuju", "Tidak Setuju", middle, "Setuju", "SANGAT  SETUJU")] == [1, 2, 3, 4, 5]


def test_no_midpoint_word_is_four_points_and_agak_words_six_or_seven():
    four = scale_for(["Sangat Setuju", "Setuju", "Tidak Setuju", "Sangat Tidak Setuju"])
    assert [four.code(w) for w in ("STS", "TS", "S", "SS")] == [1, 2, 3, 4] and four.code("Netral") is None
    six = scale_for(["Agak Setuju", "Agak Tidak Setuju", "Setuju"])
    assert [six.code(w) for w in ("STS", "TS", "ATS", "AS", "S", "SS")] == [1, 2, 3, 4, 5, 6]
    seven = scale_for(["Somewhat agree", "Neutral", "Strongly agree"])
    assert [seven.code(w) for w in ("Strongly disagree", "Slightly disagree", "Neutral", "Somewhat agree", "Agree", "SA")] == [1, 3, 4, 5, 6, 7]


def test_numbers_decide_the_points():
    five = scale_for(["TS"], points=5)
    assert five.code("TS") == 2 and five.labels[3][1] == "Kurang Setuju"  # no midpoint word: the five-point default
    assert scale_for(["Setuju"], points=10).labels == {}


def test_two_midpoint_words_clash():
    with pytest.raises(MidpointClash) as clash:
        scale_for(["Netral", "Ragu-ragu", "Setuju"])
    assert clash.value.words == ["Netral", "Ragu-ragu"]


def test_short_forms_are_not_full_words():
    assert is_scale_word("A") and not is_scale_word("A", full=True)
    assert is_scale_word("Sangat Setuju", full=True) and is_scale_word("ragu ragu", full=True)
