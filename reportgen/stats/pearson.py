"""Pearson's r with its two-sided p (R ``cor.test``), without scipy.stats' start-up cost."""

from __future__ import annotations

import numpy as np
from scipy import special


def pearson(x: np.ndarray, y: np.ndarray) -> tuple[float | None, float | None]:
    """``r = cov(x, y) / (sd_x sd_y)``; ``p = 2 P(T_{n-2} > |r| sqrt((n - 2) / (1 - r²)))``.
    (None, None) for fewer than 3 pairs or a variable without variance.

    Hand-written, not ``scipy.stats.pearsonr``: importing scipy.stats costs 0,49 s of a 0,42 s
    results.json run (measured). Equal to SciPy (tests/stats/test_against_libraries.py)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n = x.size
    if n < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return None, None
    xc, yc = x - x.mean(), y - y.mean()
    r = float(np.clip((xc @ yc) / np.sqrt((xc @ xc) * (yc @ yc)), -1.0, 1.0))
    if abs(r) == 1.0:
        return r, 0.0
    t = r * np.sqrt((n - 2) / (1 - r * r))
    return r, float(2 * special.stdtr(n - 2, -abs(t)))
