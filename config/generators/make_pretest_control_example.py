"""Generate the answers of the pretest–posttest control-group example (deterministic, seeded).

A simulated quasi-experiment: two Year-11 classes of one school, one taught by problem-based
learning (Eksperimen, 31 students) and one as before (Kontrol, 32), answer the same six statements
on their learning motivation (1–5) before the semester (PRE) and after it (POST). The classes were
not formed at random. The answers come from a stated model, not from students:

1. Latent scores. η_PRE is normal with mean 0 in Kontrol and 0.15 in Eksperimen (the classes
   differ a little before the study); η_POST = 0.70 η_PRE + 0.70 ε + 0.20, plus 0.65 in
   Eksperimen: every class rises a little, the problem-based class by about 0.65 SD more.
2. Answers. As the other examples (likert.py): item j has a loading and a difficulty, the same at
   both measurements (the same statement), thresholds with a small jitter.
3. Data entry. One Kontrol student missed the posttest: their POST answers are blank, so listwise
   deletion compares 62 students.

    python make_pretest_control_example.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from likert import FIVE, JITTER, answers, write_csv  # the shared generator code, beside this file

HERE = Path(__file__).resolve().parents[1] / "examples" / "pretest-control"
SIZES = {"Kontrol": 32, "Eksperimen": 31}
SEED = 11
ITEMS = {  # statement: (loading, difficulty)
    "1": (0.76, 0.20),
    "2": (0.71, 0.00),
    "3": (0.68, 0.35),
    "4": (0.73, -0.15),
    "5": (0.64, 0.45),
    "6": (0.70, 0.10),
}
MISSED = 1  # Kontrol students without a posttest


def generate(seed: int = SEED) -> dict[str, list]:
    rng = np.random.default_rng(seed)
    kelas = [name for name, n in SIZES.items() for _ in range(n)]
    n = len(kelas)
    treated = np.array([k == "Eksperimen" for k in kelas])
    columns: dict[str, list] = {
        "nis": [f"S{i + 1:03d}" for i in range(n)],
        "kelas": kelas,
        "jk": list(rng.choice(["Laki-laki", "Perempuan"], size=n, p=[0.45, 0.55])),
    }
    pre = rng.normal(size=n) + 0.15 * treated
    post = 0.70 * pre + 0.70 * rng.normal(size=n) + 0.20 + 0.65 * treated
    missed = set(rng.choice(np.flatnonzero(~treated), size=MISSED, replace=False).tolist())
    for measure, eta in (("PRE", pre), ("POST", post)):
        for item, (loading, difficulty) in ITEMS.items():
            codes = answers(rng, eta, loading, difficulty, FIVE, JITTER)
            columns[f"{measure}{item}"] = ["" if measure == "POST" and i in missed else str(c) for i, c in enumerate(codes)]
    return columns


if __name__ == "__main__":
    write_csv(HERE, generate())
