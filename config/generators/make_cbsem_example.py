"""Generate the data of the CB-SEM example (deterministic, seeded).

A simulated survey of 260 patients of a regional public hospital (RSUD): service quality (five
statements), patient satisfaction (four) and loyalty (four) on a 1–5 agreement scale, with the
gender and the kind of payment. The values come from a stated model, not from patients:

1. Latent scores. η_Q (service quality) is standard normal; satisfaction
   η_S = 0.60 η_Q + 0.80 ε; loyalty η_L = 0.45 η_S + 0.25 η_Q + 0.78 ε, each standardised.
2. Answers. Item j has a loading and difficulty; a respondent's tendency λ η + √(1 − λ²) ε is cut
   at four thresholds with a small jitter (one loading, KL5's, is low on purpose: .45).
3. Data entry. Two patients left a statement blank: listwise deletion leaves 258.

    python make_cbsem_example.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from likert import FIVE, JITTER, answers, write_csv  # the shared generator code, beside this file

HERE = Path(__file__).resolve().parents[1] / "examples" / "cbsem"
N = 260
SEED = 47
QUALITY = {"KL1": (0.80, 0.0), "KL2": (0.76, 0.15), "KL3": (0.74, -0.1), "KL4": (0.71, 0.2), "KL5": (0.45, 0.05)}
SATISFACTION = {"KP1": (0.82, 0.0), "KP2": (0.78, 0.1), "KP3": (0.75, -0.15), "KP4": (0.70, 0.2)}
LOYALTY = {"LY1": (0.80, 0.0), "LY2": (0.77, 0.1), "LY3": (0.73, -0.1), "LY4": (0.69, 0.25)}


def _standardised(x: np.ndarray) -> np.ndarray:
    return (x - x.mean()) / x.std()


def generate(seed: int = SEED) -> dict[str, list]:
    rng = np.random.default_rng(seed)
    quality = rng.normal(size=N)
    satisfaction = _standardised(0.60 * quality + 0.80 * rng.normal(size=N))
    loyalty = _standardised(0.45 * satisfaction + 0.25 * quality + 0.78 * rng.normal(size=N))
    columns: dict[str, list] = {
        "no_rm": [f"RM{3000 + i + 1}" for i in range(N)],
        "jk": ["Perempuan" if f else "Laki-laki" for f in rng.random(size=N) < 0.55],
        "pembayaran": list(rng.choice(["BPJS", "Umum", "Asuransi"], size=N, p=[0.70, 0.22, 0.08])),
    }
    for items, eta in ((QUALITY, quality), (SATISFACTION, satisfaction), (LOYALTY, loyalty)):
        for item, (loading, difficulty) in items.items():
            columns[item] = [str(c) for c in answers(rng, eta, loading, difficulty, FIVE, JITTER)]
    for row, item in zip(rng.choice(N, size=2, replace=False), ("KP3", "LY2")):
        columns[item][int(row)] = ""
    return columns


def write(columns: dict[str, list]) -> None:
    write_csv(HERE, columns)


if __name__ == "__main__":
    write(generate())
