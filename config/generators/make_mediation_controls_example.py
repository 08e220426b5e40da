"""Generate the data of the mediation-with-controls example (deterministic, seeded).

A simulated survey of 180 teachers of a regency's public junior high schools: the principal's
leadership (five statements), work motivation (four statements) and teaching performance (five
statements) on a 1–5 agreement scale, the years of service, the gender and the employment status
(PNS, PPPK, honorary). The values come from a stated model, not from teachers:

1. Latent scores. η_L (leadership) is standard normal; the years of service S are uniform on
   1–30, rounded down; status is PNS with probability 0.55, PPPK 0.25 and honorary 0.20, an
   honorary teacher having served at most 8 years; gender is female with probability 0.60.
2. Motivation η_M = 0.45 η_L + 0.10 [female] − 0.30 [honorary] + 0.85 ε, standardised.
3. Performance η_P = 0.38 η_M + 0.14 η_L + 0.015 (S − 12) − 0.22 [honorary] + 0.80 ε,
   standardised.
4. Answers. Item j has a loading and difficulty; a respondent's tendency λ η + √(1 − λ²) ε is cut
   at four thresholds with a small jitter.
5. Data entry. One teacher left the years of service blank: listwise deletion leaves 179.

    python make_mediation_controls_example.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from likert import FIVE, JITTER, answers, write_csv  # the shared generator code, beside this file

HERE = Path(__file__).resolve().parents[1] / "examples" / "mediation-controls"
N = 180
SEED = 31
LEADERSHIP = {"KP1": (0.76, 0.0), "KP2": (0.72, 0.15), "KP3": (0.69, -0.1), "KP4": (0.71, 0.2), "KP5": (0.65, 0.05)}
MOTIVATION = {"MK1": (0.74, 0.0), "MK2": (0.70, 0.1), "MK3": (0.67, -0.15), "MK4": (0.63, 0.2)}
PERFORMANCE = {"KG1": (0.75, 0.0), "KG2": (0.73, 0.1), "KG3": (0.70, -0.1), "KG4": (0.66, 0.25), "KG5": (0.62, 0.05)}


def _standardised(x: np.ndarray) -> np.ndarray:
    return (x - x.mean()) / x.std()


def generate(seed: int = SEED) -> dict[str, list]:
    rng = np.random.default_rng(seed)
    leadership = rng.normal(size=N)
    service = np.floor(rng.uniform(1, 31, size=N)).astype(int)
    status = rng.choice(["PNS", "PPPK", "Honorer"], size=N, p=[0.55, 0.25, 0.20])
    service = np.where(status == "Honorer", np.minimum(service, 1 + service % 8), service)
    female = rng.random(size=N) < 0.60
    honorary = status == "Honorer"
    motivation = _standardised(0.45 * leadership + 0.10 * female - 0.30 * honorary + 0.85 * rng.normal(size=N))
    performance = _standardised(0.38 * motivation + 0.14 * leadership + 0.015 * (service - 12) - 0.22 * honorary + 0.80 * rng.normal(size=N))
    columns: dict[str, list] = {
        "nuptk": [f"G{7000 + i + 1}" for i in range(N)],
        "jk": ["Perempuan" if f else "Laki-laki" for f in female],
        "status": list(status),
    }
    blank = int(rng.integers(N))
    columns["masa_kerja"] = ["" if i == blank else str(s) for i, s in enumerate(service)]
    for items, eta in ((LEADERSHIP, leadership), (MOTIVATION, motivation), (PERFORMANCE, performance)):
        for item, (loading, difficulty) in items.items():
            columns[item] = [str(c) for c in answers(rng, eta, loading, difficulty, FIVE, JITTER)]
    return columns


def write(columns: dict[str, list]) -> None:
    write_csv(HERE, columns)


if __name__ == "__main__":
    write(generate())
