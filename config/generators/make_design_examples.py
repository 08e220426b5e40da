"""Generate the answers of the mediation and moderation examples (deterministic, seeded).

Both are simulated surveys of 150 civil servants on a 1–5 scale; the answers come from a stated
model, not from respondents. The model is an ordinal (graded-response) factor model, so that items
differ as the items of a real questionnaire do:

1. Construct scores. Each construct has a standardised latent score η (mean 0, SD 1 before group
   differences) that follows the example's structural model (``mediation()``, ``moderation()``),
   with one group difference added so that the comparison by groups finds one.
2. Items. Item j of a construct has its own loading λ_j and difficulty δ_j (the table ``ITEMS``,
   chosen from what the statement asks: "my salary matches my workload" is agreed with less than
   "I work well with colleagues"). Respondent i's response tendency is

       y*_ij = λ_j η_i + √(1 − λ_j²) ε_ij + s_i,

   where ε_ij is standard normal or, for the items marked skewed, a standardised gamma variable
   (shape 3) turned around, a long tail towards disagreement under a ceiling of agreement; s_i is
   the respondent's acquiescence (normal, SD 0.15), shared by all their answers.
3. Answers. The answer is 1 + the number of thresholds τ_jk below y*_ij, with τ_j = BASE + δ_j plus
   a jitter of SD 0.12 per threshold, so no two items cut the scale alike. BASE gives a typical
   agreeing item about 3%, 8%, 22%, 40% and 27% answers 1 … 5.
4. Data entry. Two respondents answered 4 to every statement (straight-lining, as some do); the
   answers of about a quarter of the respondents, typed from paper forms, are written as words
   (SS/S/KS/TS/STS) rather than codes. There are no blank answers.

The seed of each example is one whose sample of 150 shows what the example's README describes
(tests/designs/test_example_data.py checks it, and that this script writes the committed CSVs).

    python make_design_examples.py
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parents[1] / "examples"  # config/examples/
N = 150
WORDS = {5: "SS", 4: "S", 3: "KS", 2: "TS", 1: "STS"}
BASE = np.array([-1.88, -1.23, -0.44, 0.61])  # normal quantiles of 3%, 11%, 33% and 73% (cumulative)
JITTER = 0.12  # SD of each threshold's own shift
STYLE = 0.15  # SD of a respondent's acquiescence
SKEW_SHAPE = 3.0  # gamma shape of the skewed items' noise
STRAIGHT_LINERS = 2
WORDED_SHARE = 0.25

# item: (loading λ, difficulty δ: above 0 agreed with less, skewed noise)
PERFORMANCE = {  # the same five statements of employee performance in both examples
    "KN1": (0.74, 0.10, False),
    "KN2": (0.79, -0.05, False),
    "KN3": (0.63, 0.35, False),
    "KN4": (0.55, -0.60, True),
    "KN5": (0.70, 0.25, False),
}
ITEMS = {
    "mediation": {
        "KP1": (0.78, -0.15, False),
        "KP2": (0.72, 0.05, False),
        "KP3": (0.64, 0.45, False),
        "KP4": (0.74, 0.20, False),
        "KP5": (0.60, -0.05, True),
        "MK1": (0.82, 0.05, False),
        "MK2": (0.78, -0.35, False),
        "MK3": (0.70, 0.40, False),
        "MK4": (0.64, -0.65, True),
        **PERFORMANCE,
    },
    "moderation": {
        "KO1": (0.76, 0.55, False),
        "KO2": (0.60, -0.35, True),
        "KO3": (0.80, 0.30, False),
        "KO4": (0.66, 0.00, False),
        "KM1": (0.72, -0.45, True),
        "KM2": (0.78, -0.10, False),
        "KM3": (0.70, 0.35, False),
        "KM4": (0.66, 0.20, False),
        **PERFORMANCE,
    },
}


def standardised(v: np.ndarray) -> np.ndarray:
    """v with mean 0 and SD 1."""
    return (v - v.mean()) / v.std()


def noise(rng: np.random.Generator, skewed: bool) -> np.ndarray:
    """Standard normal noise, or a standardised gamma (shape SKEW_SHAPE) with its long tail below."""
    if not skewed:
        return rng.normal(size=N)
    return -(rng.gamma(SKEW_SHAPE, size=N) - SKEW_SHAPE) / np.sqrt(SKEW_SHAPE)


def item_answers(rng: np.random.Generator, eta: np.ndarray, style: np.ndarray, item: tuple) -> np.ndarray:
    """Codes 1–5 of one item: its loading, its own thresholds (difficulty and jitter), its noise."""
    loading, difficulty, skewed = item
    tendency = loading * eta + np.sqrt(1 - loading**2) * noise(rng, skewed) + style
    thresholds = np.sort(BASE + difficulty + rng.normal(scale=JITTER, size=BASE.size))
    return 1 + np.searchsorted(thresholds, tendency)


def profile(rng: np.random.Generator) -> dict:
    """Respondent number, gender, age group and education."""
    jk = rng.choice(["Laki-laki", "Perempuan"], size=N, p=[0.55, 0.45])
    pendidikan = rng.choice(["SMA", "D3", "S1", "S2"], size=N, p=[0.15, 0.15, 0.5, 0.2])
    usia = rng.choice(["21-30 Tahun", "31-40 Tahun", "41-50 Tahun", ">50 Tahun"], size=N, p=[0.2, 0.35, 0.3, 0.15])
    return {"resp_id": [f"P{i + 1:03d}" for i in range(N)], "jk": jk, "usia": usia, "pendidikan": pendidikan}


def shift(groups: np.ndarray, by_group: dict[str, float]) -> np.ndarray:
    """The difference each respondent's group adds to a latent score."""
    return np.array([by_group.get(g, 0.0) for g in groups])


def items(rng: np.random.Generator, example: str, latent: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Every item's codes; two straight-lining respondents answer 4 throughout."""
    style = rng.normal(scale=STYLE, size=N)
    codes = {name: item_answers(rng, latent[name.rstrip("0123456789")], style, item) for name, item in ITEMS[example].items()}
    for i in rng.choice(N, size=STRAIGHT_LINERS, replace=False):
        for column in codes.values():
            column[i] = 4
    return codes


def written(rng: np.random.Generator, codes: dict[str, np.ndarray]) -> dict[str, list[str]]:
    """The answers as typed: codes, or words for the respondents whose forms were on paper."""
    worded = rng.random(N) < WORDED_SHARE
    return {name: [WORDS[c] if worded[i] else str(c) for i, c in enumerate(column)] for name, column in codes.items()}


def write(folder: str, columns: dict) -> None:
    """responses.csv of an example."""
    header = list(columns)
    lines = [",".join(header)] + [",".join(str(columns[h][i]) for h in header) for i in range(N)]
    (HERE / folder / "responses.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def mediation(seed: int = 19) -> None:
    """Leadership KP → motivation MK → performance KN: a = 0.55, b = 0.50, no direct path (standardised
    latents), so a × b is clearly significant and c′ is not (indirect-only mediation, Zhao et al., 2010).
    Performance is higher with more education (SMA −0.45, D3 −0.25, S1 0, S2 +0.45 SD)."""
    rng = np.random.default_rng(seed)
    cols = profile(rng)
    kp = standardised(rng.normal(size=N))
    mk = standardised(0.55 * kp + np.sqrt(1 - 0.55**2) * rng.normal(size=N))
    kn = standardised(0.50 * mk + 0.85 * rng.normal(size=N))
    kn = kn + shift(cols["pendidikan"], {"SMA": -0.45, "D3": -0.25, "S2": 0.45})
    cols.update(written(rng, items(rng, "mediation", {"KP": kp, "MK": mk, "KN": kn})))
    write("mediation", cols)


def moderation(seed: int = 9) -> None:
    """Compensation KO and commitment KM → performance KN with their interaction: KN = 0.40 KO + 0.30 KM
    + 0.40 KO × KM + noise (standardised latents), with KM = 0.25 KO + noise. Commitment is higher in
    older age groups (21-30 −0.35, 41-50 +0.15, >50 +0.45 SD against 31-40)."""
    rng = np.random.default_rng(seed)
    cols = profile(rng)
    ko = standardised(rng.normal(size=N))
    km = standardised(0.25 * ko + rng.normal(size=N) + shift(cols["usia"], {"21-30 Tahun": -0.35, "41-50 Tahun": 0.15, ">50 Tahun": 0.45}))
    kn = standardised(0.40 * ko + 0.30 * km + 0.40 * ko * km + 0.80 * rng.normal(size=N))
    cols.update(written(rng, items(rng, "moderation", {"KO": ko, "KM": km, "KN": kn})))
    write("moderation", cols)


if __name__ == "__main__":
    mediation()
    moderation()
