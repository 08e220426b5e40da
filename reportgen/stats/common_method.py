"""Harman's single-factor test for common method variance (Podsakoff, MacKenzie, Lee & Podsakoff,
2003): when every item comes from one questionnaire answered by one respondent, a single factor
that accounts for most of the items' variance suggests the method, not the constructs, drives
their correlations.

The share is that of the first unrotated principal component of the items' correlation matrix,
its largest eigenvalue divided by the number of items — R ``eigen(cor(X))$values[1] / ncol(X)``,
the "proportion of variance" of ``psych::principal(X, nfactors = 1, rotate = "none")``. Items
without variance are left out (their correlations are undefined).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Harman:
    share: float  # of the items' total variance, 0–1
    items: int


def harman_single_factor(items: np.ndarray) -> Harman | None:
    """The first component's share of variance of ``items`` (respondents × items, complete rows);
    None with fewer than two items that vary."""
    items = np.asarray(items, dtype=float)
    items = items[~np.isnan(items).any(axis=1)]
    varying = items[:, np.ptp(items, axis=0) > 0]
    if varying.shape[1] < 2 or varying.shape[0] < 3:
        return None
    eigenvalues = np.linalg.eigvalsh(np.corrcoef(varying, rowvar=False))
    return Harman(float(eigenvalues[-1] / varying.shape[1]), int(varying.shape[1]))
