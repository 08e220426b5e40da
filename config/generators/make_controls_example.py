"""Generate the data of the control-variables example (deterministic, seeded).

A simulated survey of 160 employees of a regency's regional secretariat: compensation (five
statements) and work environment (four statements) on a 1–5 agreement scale, performance (five
statements) on the same scale, the employment status (PNS, PPPK, honorary), the age in years and
the gender. The values come from a stated model, not from employees:

1. Latent scores. η_K (compensation) and η_L (environment) are standard normal with correlation
   0.40; age A is uniform on 23–58 years, rounded down; status is PNS with probability 0.50, PPPK
   0.25 and honorary 0.25, an honorary employee being younger (A − 8, at least 21); gender is
   female with probability 0.45.
2. Performance η_Y = 0.38 η_K + 0.24 η_L − 0.10 [PPPK] − 0.42 [honorary] + 0.012 (A − 40)
   + 0.10 [female] + 0.80 ε, standardised.
3. Answers. Item j has a loading and difficulty; a respondent's tendency λ η + √(1 − λ²) ε is cut
   at four thresholds with a small jitter.
4. Data entry. One employee left the age blank: listwise deletion leaves 159.

    python make_controls_example.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from likert import FIVE, JITTER, answers, write_csv  # the shared generator code, beside this file

HERE = Path(__file__).resolve().parents[1] / "examples" / "controls"
N = 160
SEED = 23
COMPENSATION = {"X1.1": (0.75, 0.0), "X1.2": (0.71, 0.2), "X1.3": (0.68, -0.1), "X1.4": (0.72, 0.25), "X1.5": (0.63, 0.05)}
ENVIRONMENT = {"X2.1": (0.74, 0.0), "X2.2": (0.70, 0.15), "X2.3": (0.66, -0.1), "X2.4": (0.62, 0.2)}
PERFORMANCE = {"Y.1": (0.76, 0.0), "Y.2": (0.72, 0.1), "Y.3": (0.70, -0.15), "Y.4": (0.68, 0.2), "Y.5": (0.64, 0.05)}


def generate(seed: int = SEED) -> dict[str, list]:
    rng = np.random.default_rng(seed)
    compensation = rng.normal(size=N)
    environment = 0.40 * compensation + np.sqrt(1 - 0.40**2) * rng.normal(size=N)
    age = np.floor(rng.uniform(23, 59, size=N)).astype(int)
    status = rng.choice(["PNS", "PPPK", "Honorer"], size=N, p=[0.50, 0.25, 0.25])
    age = np.where(status == "Honorer", np.maximum(age - 8, 21), age)
    female = rng.random(size=N) < 0.45
    performance = (
        0.38 * compensation
        + 0.24 * environment
        - 0.10 * (status == "PPPK")
        - 0.42 * (status == "Honorer")
        + 0.012 * (age - 40)
        + 0.10 * female
        + 0.80 * rng.normal(size=N)
    )
    performance = (performance - performance.mean()) / performance.std()
    columns: dict[str, list] = {
        "nip": [f"P{5000 + i + 1}" for i in range(N)],
        "jk": ["Perempuan" if f else "Laki-laki" for f in female],
        "status": list(status),
    }
    blank = int(rng.integers(N))
    columns["usia"] = ["" if i == blank else str(a) for i, a in enumerate(age)]
    for items, eta in ((COMPENSATION, compensation), (ENVIRONMENT, environment), (PERFORMANCE, performance)):
        for item, (loading, difficulty) in items.items():
            columns[item] = [str(c) for c in answers(rng, eta, loading, difficulty, FIVE, JITTER)]
    return columns


def write(columns: dict[str, list]) -> None:
    write_csv(HERE, columns)


if __name__ == "__main__":
    write(generate())
