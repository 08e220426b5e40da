"""How much of its possible range a construct's score uses: the answers at the ends of the scale,
the respondents at the lowest and highest possible score, the distinct scores and the SD beside
the largest SD the score could have.

For a construct of m items on a scale min…max, scored as a sum (or a mean):

- possible range: m·min … m·max (min … max for a mean score);
- answer shares: of all the answers to its items (as scored: a reverse item after recoding), the
  share at the highest point, in the two highest points, at the lowest and in the two lowest;
  ``points``: the scale points the answers use;
- at_highest / at_lowest: the share of respondents whose score is the highest (lowest) possible
  one, the quantity of the floor and ceiling criterion of Terwee et al. (2007);
- sd_ratio = SD / ((high − low) / 2): the SD (n − 1) beside the largest SD a score bounded by low
  and high can have, half the respondents at each end (Popoviciu's inequality, Var ≤ (high − low)² / 4).

R: ``table``, ``mean(score == max)``, ``length(unique(score))``, ``sd`` (tests/fixtures/r_partial.R).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

EXACT = 1e-9  # a score this close to a bound is at it (mean scores are not integers)


@dataclass(frozen=True)
class ScoreRange:
    construct: str
    n: int  # respondents with a score
    low: float  # the lowest possible score
    high: float  # the highest possible score
    minimum: float  # the lowest observed score
    maximum: float
    distinct: int  # distinct observed scores
    points: tuple[int, ...]  # the scale points the answers use, as scored
    top: float  # share of the answers at the highest scale point
    top_two: float  # share in the two highest points
    bottom: float
    bottom_two: float
    at_highest: float  # share of the respondents with the highest possible score
    at_lowest: float
    sd: float
    scale_points: int  # points of the scale

    @property
    def sd_ratio(self) -> float:
        """SD beside the largest SD possible between ``low`` and ``high``."""
        return self.sd / ((self.high - self.low) / 2)


def score_range(construct: str, scores: np.ndarray, points: list[int], counts: np.ndarray, items: int, mean_score: bool) -> ScoreRange:
    """The range of one construct's ``scores`` (blanks, NaN, left out). ``counts``: the answers to
    its items at each scale point of ``points`` (rows: items; columns: points), as scored."""
    scores = np.asarray(scores, dtype=float)
    scores = scores[~np.isnan(scores)]
    counts = np.asarray(counts, dtype=float).reshape(-1, len(points)).sum(axis=0)
    total = counts.sum()
    share = (lambda c: float(c / total)) if total else (lambda c: float("nan"))
    factor = 1 if mean_score else items
    low, high = factor * points[0], factor * points[-1]
    return ScoreRange(
        construct=construct,
        n=int(scores.size),
        low=float(low),
        high=float(high),
        minimum=float(scores.min()) if scores.size else float("nan"),
        maximum=float(scores.max()) if scores.size else float("nan"),
        distinct=int(np.unique(scores.round(9)).size),
        points=tuple(p for p, c in zip(points, counts) if c > 0),
        top=share(counts[-1]),
        top_two=share(counts[-2:].sum()),
        bottom=share(counts[0]),
        bottom_two=share(counts[:2].sum()),
        at_highest=float(np.mean(scores >= high - EXACT)) if scores.size else float("nan"),
        at_lowest=float(np.mean(scores <= low + EXACT)) if scores.size else float("nan"),
        sd=float(scores.std(ddof=1)) if scores.size > 1 else float("nan"),
        scale_points=len(points),
    )
