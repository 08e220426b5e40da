"""Generate responses.csv: 80 respondents whose per-item answer counts are exactly the
published ones (published_counts.yaml, Tabel 5.3-5.14 of the reference thesis) and whose
profile is 43 men / 37 women and 2 / 24 / 36 / 18 per age group.

The original answers are not published. Each item's answers are handed out by the rank of
a latent trait (a common factor plus a construct factor plus item noise), so items of a
construct correlate and Y depends on the predictors, as in a real survey. Deterministic:
running it again writes the same file.

    python make_responses.py
"""

from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).parent
N = 80
SEED = 2022
# Y's construct factor depends on the predictors' factors with these weights.
Y_WEIGHTS = {"X1": 0.55, "X2": 0.05, "X3": 0.05, "X4": 0.3, "X5": 0.25}
WORD_ANSWERS = {("X4.4", 2): "TS"}  # the answer coded 6 in the original, as the author read it


def main() -> None:
    rng = np.random.default_rng(SEED)
    counts = yaml.safe_load((HERE / "published_counts.yaml").read_text())
    common = rng.normal(size=N)
    factors = {c: 0.75 * common + 0.65 * rng.normal(size=N) for c in ["X1", "X2", "X3", "X4", "X5"]}
    factors["Y"] = sum(w * factors[c] for c, w in Y_WEIGHTS.items()) + 0.45 * rng.normal(size=N)
    columns: dict[str, list] = {"resp_id": [f"R{i + 1:03d}" for i in range(N)]}
    columns["jk"] = list(rng.permutation(["Laki-laki"] * 43 + ["Perempuan"] * 37))
    columns["usia"] = list(rng.permutation(["20-30 Tahun"] * 2 + ["31-40 Tahun"] * 24 + ["41-50 Tahun"] * 36 + [">50 Tahun"] * 18))
    for item, per_answer in counts.items():
        construct = item.split(".")[0] if "." in item else "Y"
        trait = factors[construct] + 0.8 * rng.normal(size=N)
        answers = np.repeat([1, 2, 3, 4, 5], per_answer[::-1])  # lowest answers first
        order = np.argsort(trait, kind="stable")
        column = np.empty(N, dtype=object)
        column[order] = answers
        for (word_item, code), word in WORD_ANSWERS.items():
            if word_item == item:
                column[np.flatnonzero(column == code)[0]] = word
        columns[item] = list(column)
    header = list(columns)
    lines = [",".join(header)] + [",".join(str(columns[h][i]) for h in header) for i in range(N)]
    (HERE / "responses.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
