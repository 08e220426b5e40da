"""Blocks of adjacent questions that belong together: a proposal of constructs for a
questionnaire whose columns carry no codes (``reportgen init``)."""

from __future__ import annotations

import numpy as np
import pandas as pd

MOST_BLOCKS = 12
MOST_SPLIT = 120  # questions: a longer run is left whole


def pairwise_correlations(answers: np.ndarray) -> np.ndarray:
    """Pearson r of each pair of columns over the respondents who answered both (R's
    ``cor(x, use = "pairwise.complete.obs")``); 0 where a column is constant, 1 on the diagonal."""
    r = np.nan_to_num(pd.DataFrame(answers).corr().to_numpy(), nan=0.0)
    np.fill_diagonal(r, 1.0)
    return r


def kaiser_count(r: np.ndarray) -> int:
    """The eigenvalues of the correlation matrix ``r`` above 1 (Kaiser, 1960): R's
    ``sum(eigen(r)$values > 1)``."""
    return int((np.linalg.eigvalsh(r) > 1).sum())


def adjacent_blocks(answers: np.ndarray, blocks: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of the blocks of adjacent columns of ``answers`` (respondents × questions, NaN
    for a blank) that belong together. ``blocks`` of them, or else :func:`kaiser_count` of their
    :func:`pairwise_correlations` (at least 2, at most :data:`MOST_BLOCKS` and one per two
    questions), each of two questions or more, cut where the total within-block distance
    Σ_blocks Σ_{i<j in block} (1 − r_ij) / size is least (Ward's criterion for contiguous
    segments, solved exactly by dynamic programming over the cuts). A run of more than
    :data:`MOST_SPLIT` questions stays one block."""
    n = answers.shape[1]
    if n < 4 or n > MOST_SPLIT:
        return [(0, n)]
    r = pairwise_correlations(answers)
    k = blocks or min(max(kaiser_count(r), 2), MOST_BLOCKS, n // 2)
    summed = np.zeros((n + 1, n + 1))  # summed[b, b'] = Σ of (1 − r) over rows < b, columns < b'
    summed[1:, 1:] = (1 - r).cumsum(0).cumsum(1)

    def cost(a: int, b: int) -> float:
        within = summed[b, b] - summed[a, b] - summed[b, a] + summed[a, a]
        return within / 2 / (b - a)

    best: dict[tuple[int, int], tuple[float, list[tuple[int, int]]]] = {(0, 0): (0.0, [])}  # (end, blocks) → cost, cuts
    for used in range(1, k + 1):
        for end in range(2 * used, n + 1):
            options = [
                (best[(start, used - 1)][0] + cost(start, end), best[(start, used - 1)][1] + [(start, end)])
                for start in range(2 * (used - 1), end - 1)
                if (start, used - 1) in best
            ]
            if options:
                best[(end, used)] = min(options, key=lambda option: option[0])
    return best[(n, k)][1]
