"""Generate the answers of the repeated-measures example (deterministic, seeded).

A simulated evaluation of an occupational safety (K3) training: 64 production employees answer the
same five statements on their safe working behaviour (1–5) before the training (PRE), right after
it (POST) and three months later (FU). The answers come from a stated model, not from respondents:

1. Latent scores. η_PRE is standard normal; η_POST = 0.75 η_PRE + 0.66 ε + 0.85 (the training
   raises behaviour by about 0.85 SD); η_FU = 0.55 η_POST + 0.95 ε + 0.05 (part of the gain fades
   and the spread grows, so the three measurements are not spherical).
2. Answers. As the other examples (make_design_examples.py): item j has a loading and difficulty,
   the same at each measurement (the same statement), thresholds with a small jitter, and each
   respondent's acquiescence shared by all their answers.
3. Data entry. Three employees had left the company by the follow-up: their FU answers are blank,
   so listwise deletion leaves 61 respondents measured three times.

    python make_repeated_example.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from likert import write_csv  # the shared generator code, beside this file

HERE = Path(__file__).resolve().parents[1] / "examples" / "repeated"
N = 64
LEFT = 3  # employees without a follow-up
BASE = np.array([-1.88, -1.23, -0.44, 0.61])  # as make_design_examples.BASE
JITTER = 0.12
STYLE = 0.15
SEED = 7
ITEMS = {  # statement: (loading, difficulty)
    "1": (0.78, 0.30),
    "2": (0.72, 0.10),
    "3": (0.66, 0.55),
    "4": (0.70, -0.20),
    "5": (0.62, 0.40),
}
MEASURES = ("PRE", "POST", "FU")


def answers(rng: np.random.Generator, eta: np.ndarray, style: np.ndarray, loading: float, difficulty: float) -> np.ndarray:
    tendency = loading * eta + np.sqrt(1 - loading**2) * rng.normal(size=N) + style
    thresholds = np.sort(BASE + difficulty + rng.normal(scale=JITTER, size=BASE.size))
    return 1 + np.searchsorted(thresholds, tendency)


def generate(seed: int = SEED) -> dict[str, list]:
    rng = np.random.default_rng(seed)
    columns: dict[str, list] = {
        "resp_id": [f"K{i + 1:02d}" for i in range(N)],
        "jk": list(rng.choice(["Laki-laki", "Perempuan"], size=N, p=[0.7, 0.3])),
        "masa_kerja": list(rng.choice(["< 5 Tahun", "5-10 Tahun", "> 10 Tahun"], size=N, p=[0.35, 0.4, 0.25])),
    }
    pre = rng.normal(size=N)
    post = 0.75 * pre + 0.66 * rng.normal(size=N) + 0.85
    follow = 0.55 * post + 0.95 * rng.normal(size=N) + 0.05
    latent = dict(zip(MEASURES, (pre, post, follow)))
    style = rng.normal(scale=STYLE, size=N)
    left = set(rng.choice(N, size=LEFT, replace=False).tolist())
    for measure in MEASURES:
        for item, (loading, difficulty) in ITEMS.items():
            codes = answers(rng, latent[measure], style, loading, difficulty)
            columns[f"{measure}{item}"] = ["" if measure == "FU" and i in left else str(c) for i, c in enumerate(codes)]
    return columns


def write(columns: dict[str, list]) -> None:
    write_csv(HERE, columns)


if __name__ == "__main__":
    write(generate())
