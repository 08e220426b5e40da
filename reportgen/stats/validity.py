"""Item validity: correlation of each item with its construct's total."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reportgen.stats.pearson import pearson


@dataclass(frozen=True)
class ItemValidity:
    """Item–total r (with two-sided p) and item–rest r ("Corrected Item-Total Correlation")."""

    r_item_total: float | None
    r_p: float | None
    r_item_rest: float | None


def item_validity(items: np.ndarray) -> tuple[ItemValidity, ...]:
    """Pearson r of each item with the total score and with the total of the other items.

    - ``r_item_total``: ``cor(x_j, sum_i x_i)``, R ``cor.test(x_j, total)`` (its p is ``r_p``);
      what the reference thesis computes (and mislabels "corrected").
    - ``r_item_rest``: ``cor(x_j, sum_i x_i - x_j)``, SPSS "Corrected Item-Total Correlation",
      R ``psych::alpha(x)$item.stats$r.drop``.
    Undefined (None) when the item or the total has no variance.
    """
    items = np.asarray(items, dtype=float)
    total = items.sum(axis=1)
    results = []
    for j in range(items.shape[1]):
        x = items[:, j]
        rest = total - x
        r_total, p = _pearson(x, total)
        r_rest, _ = _pearson(x, rest) if items.shape[1] > 1 else (None, None)
        results.append(ItemValidity(r_item_total=r_total, r_p=p, r_item_rest=r_rest))
    return tuple(results)


def _pearson(x: np.ndarray, y: np.ndarray) -> tuple[float | None, float | None]:
    return pearson(x, y)
