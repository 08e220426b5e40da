"""Generate the data of the mixed-scales example (deterministic, seeded).

A simulated survey of 150 accounting undergraduates: learning motivation (five statements on the
study's 1–5 agreement scale), academic self-efficacy (four statements on a 1–7 confidence scale,
the fourth worded against the construct), the hours of independent study a week (a number the
student writes), and the grade point average from the faculty's records (IPK, 0.00–4.00). The
values come from a stated model, not from students:

1. Latent scores. η_MOT and η_EFF are standard normal with correlation 0.45; hours
   H = exp(2.2 + 0.25 η_MOT + 0.45 ε) − 1, rounded to the half hour (a right-skewed count of hours,
   1 to about 35); GPA = 2.95 + 0.13 η_MOT + 0.17 η_EFF + 0.012 (H − 9) + 0.28 ε, rounded to two
   decimals and kept within 1.80–4.00.
2. Answers. Item j has a loading and difficulty; a respondent's tendency λ η + √(1 − λ²) ε is cut
   at thresholds (four for the 1–5 scale, six for the 1–7 scale) with a small jitter; the reverse
   statement is answered as 8 − its code.
3. Data entry. Two students left the hours blank: listwise deletion leaves 148.

    python make_academic_example.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from likert import FIVE, JITTER, answers, write_csv  # the shared generator code, beside this file

HERE = Path(__file__).resolve().parents[1] / "examples" / "academic"
N = 150
BLANK_HOURS = 2
SEED = 11
SEVEN = np.array([-2.1, -1.45, -0.8, -0.1, 0.6, 1.35])
MOTIVATION = {"X1.1": (0.74, 0.0), "X1.2": (0.70, 0.2), "X1.3": (0.66, -0.1), "X1.4": (0.71, 0.3), "X1.5": (0.60, 0.1)}
EFFICACY = {"X2.1": (0.76, 0.0), "X2.2": (0.72, 0.25), "X2.3": (0.69, -0.15), "X2.4": (0.58, 0.1)}
REVERSED = "X2.4"


def generate(seed: int = SEED) -> dict[str, list]:
    rng = np.random.default_rng(seed)
    columns: dict[str, list] = {
        "nim": [f"A{2021000 + i + 1}" for i in range(N)],
        "jk": list(rng.choice(["Laki-laki", "Perempuan"], size=N, p=[0.38, 0.62])),
        "angkatan": list(rng.choice(["2021", "2022", "2023"], size=N, p=[0.3, 0.35, 0.35])),
    }
    motivation = rng.normal(size=N)
    efficacy = 0.45 * motivation + np.sqrt(1 - 0.45**2) * rng.normal(size=N)
    hours = np.round(2 * (np.exp(2.2 + 0.25 * motivation + 0.45 * rng.normal(size=N)) - 1)) / 2
    hours = np.clip(hours, 1.0, None)
    gpa = 2.95 + 0.13 * motivation + 0.17 * efficacy + 0.012 * (hours - 9) + 0.28 * rng.normal(size=N)
    gpa = np.clip(np.round(gpa, 2), 1.80, 4.00)
    for item, (loading, difficulty) in MOTIVATION.items():
        columns[item] = [str(c) for c in answers(rng, motivation, loading, difficulty, FIVE, JITTER)]
    for item, (loading, difficulty) in EFFICACY.items():
        codes = answers(rng, efficacy, loading, difficulty, SEVEN, JITTER)
        columns[item] = [str(8 - c if item == REVERSED else c) for c in codes]
    blank = set(rng.choice(N, size=BLANK_HOURS, replace=False).tolist())
    columns["X3"] = ["" if i in blank else f"{h:g}" for i, h in enumerate(hours)]
    columns["Y"] = [f"{g:.2f}" for g in gpa]
    return columns


def write(columns: dict[str, list]) -> None:
    write_csv(HERE, columns)


if __name__ == "__main__":
    write(generate())
