"""Generate the answers of the mediation and moderation examples (deterministic).

Both are simulated surveys of 150 civil servants on a 1–5 scale (answers written as codes or
as SS/S/KS/TS/STS). The construct scores follow the stated model plus noise; items are the
construct score plus item noise, cut into five answers.

    python make_design_examples.py
"""

from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
N = 150
WORDS = {5: "SS", 4: "S", 3: "KS", 2: "TS", 1: "STS"}


def answers(rng, latent, k):
    cols = []
    for _ in range(k):
        raw = latent + rng.normal(scale=0.75, size=len(latent))
        cuts = np.quantile(raw, [0.03, 0.10, 0.35, 0.70])
        codes = 1 + np.searchsorted(cuts, raw)
        cols.append([WORDS[c] if rng.random() < 0.3 else str(c) for c in codes])
    return cols


def profile(rng):
    jk = rng.choice(["Laki-laki", "Perempuan"], size=N, p=[0.55, 0.45])
    pendidikan = rng.choice(["SMA", "D3", "S1", "S2"], size=N, p=[0.15, 0.15, 0.5, 0.2])
    usia = rng.choice(["21-30 Tahun", "31-40 Tahun", "41-50 Tahun", ">50 Tahun"], size=N, p=[0.2, 0.35, 0.3, 0.15])
    return {"resp_id": [f"P{i + 1:03d}" for i in range(N)], "jk": jk, "usia": usia, "pendidikan": pendidikan}


def write(folder, columns):
    header = list(columns)
    lines = [",".join(header)] + [",".join(str(columns[h][i]) for h in header) for i in range(N)]
    (HERE / folder / "responses.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def mediation():
    rng = np.random.default_rng(11)
    cols = profile(rng)
    x = rng.normal(size=N)
    m = 0.6 * x + 0.8 * rng.normal(size=N)
    y = 0.15 * x + 0.55 * m + 0.8 * rng.normal(size=N) + 0.3 * (cols["pendidikan"] == "S2")
    for name, latent, k in (("KP", x, 5), ("MK", m, 4), ("KN", y, 5)):
        for j, col in enumerate(answers(rng, latent, k), start=1):
            cols[f"{name}{j}"] = col
    write("mediation", cols)


def moderation():
    rng = np.random.default_rng(12)
    cols = profile(rng)
    x = rng.normal(size=N)
    z = 0.3 * x + rng.normal(size=N)
    y = 0.45 * x + 0.25 * z + 0.3 * x * z + 0.8 * rng.normal(size=N) + 0.25 * (cols["jk"] == "Perempuan")
    for name, latent, k in (("KO", x, 4), ("KM", z, 4), ("KN", y, 5)):
        for j, col in enumerate(answers(rng, latent, k), start=1):
            cols[f"{name}{j}"] = col
    write("moderation", cols)


if __name__ == "__main__":
    mediation()
    moderation()
