"""Blocks of adjacent questions (stats/blocks.py): the correlations and the Kaiser count pinned
to R 4.2.2 on a seeded three-factor questionnaire with blanks (tests/fixtures/blocks/, made by
r_blocks.R there), the cuts checked against every way of cutting the run."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from reportgen.stats.blocks import adjacent_blocks, kaiser_count, pairwise_correlations

ANSWERS = pd.read_csv(Path(__file__).parents[1] / "fixtures" / "blocks" / "answers.csv").to_numpy(dtype=float)
# Rscript tests/fixtures/blocks/r_blocks.R
R_EIGEN = [
    3.698918104253504,
    2.947205765674390,
    2.192825340719768,
    0.508591576771197,
    0.447245580092380,
    0.414872431452560,
    0.386661442719262,
    0.365130610076917,
    0.311247547219808,
    0.281328953346771,
    0.234989251860749,
    0.210983395812679,
]


def test_correlations_and_the_kaiser_count_equal_r():
    r = pairwise_correlations(ANSWERS)
    assert r[0, 1] == pytest.approx(0.725663782001618, abs=1e-12)
    assert r[0, 7] == pytest.approx(0.038431984176411, abs=1e-12)
    assert r[7, 11] == pytest.approx(0.630756704562084, abs=1e-12)
    assert np.sort(np.linalg.eigvalsh(r))[::-1] == pytest.approx(R_EIGEN, abs=1e-12)
    assert kaiser_count(r) == 3


def test_the_three_factors_are_the_three_blocks():
    assert adjacent_blocks(ANSWERS) == [(0, 4), (4, 7), (7, 12)]


def _cost(r: np.ndarray, cuts: list[tuple[int, int]]) -> float:
    return sum((1 - r[a:b, a:b]).sum() / 2 / (b - a) for a, b in cuts)


@pytest.mark.parametrize("blocks", [2, 3, 4, 5])
def test_the_cuts_are_the_best_of_every_way_of_cutting(blocks):
    """Every split of 12 questions into ``blocks`` runs of two or more, costed directly: the
    dynamic programme finds the least."""
    r = pairwise_correlations(ANSWERS)
    found = adjacent_blocks(ANSWERS, blocks)
    every = []
    for inner in itertools.combinations(range(2, 11), blocks - 1):
        bounds = (0, *inner, 12)
        cuts = list(zip(bounds, bounds[1:]))
        if all(b - a >= 2 for a, b in cuts):
            every.append(_cost(r, cuts))
    assert _cost(r, found) == pytest.approx(min(every), abs=1e-12)


def test_short_or_long_runs_stay_whole():
    assert adjacent_blocks(ANSWERS[:, :3]) == [(0, 3)]
    assert adjacent_blocks(np.ones((10, 121))) == [(0, 121)]
