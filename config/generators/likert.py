"""What the seeded example generators share: answers on a rating scale from a latent score,
and the CSV they write (imported by each ``make_*_example.py`` from its own folder)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

FIVE = np.array([-1.9, -1.1, -0.3, 0.75])  # the base thresholds of a 1–5 agreement scale (latent sd units)
JITTER = 0.10  # the sd of each threshold's own shift, per item


def answers(rng, eta: np.ndarray, loading: float, difficulty: float, base: np.ndarray, jitter: float) -> np.ndarray:
    """Codes 1 … len(base) + 1: the tendency λ η + √(1 − λ²) ε cut at ``base`` shifted by the
    item's ``difficulty`` and a small ``jitter``."""
    tendency = loading * eta + np.sqrt(1 - loading**2) * rng.normal(size=eta.size)
    thresholds = np.sort(base + difficulty + rng.normal(scale=jitter, size=base.size))
    return 1 + np.searchsorted(thresholds, tendency)


def write_csv(folder: Path, columns: dict[str, list]) -> None:
    """``columns`` as ``folder/responses.csv``, comma-separated, one row per respondent."""
    header = list(columns)
    n = len(columns[header[0]])
    lines = [",".join(header)] + [",".join(str(columns[h][i]) for h in header) for i in range(n)]
    (folder / "responses.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
