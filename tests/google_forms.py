"""A Google Forms export as students download it (tests of ``reportgen init`` and of the web app):
the questions' headers in one of four shapes, answers in words driven by one factor per
construct (seeded), a timestamp and two profile questions."""

from __future__ import annotations

import csv

import numpy as np

QUESTIONS = {  # construct → its questions, as a form asks them
    "X1": ["Saya memahami target kinerja unit saya", "Saya mengetahui indikator kinerja saya", "Atasan menjelaskan sasaran kerja"],
    "X2": ["Saya menyelesaikan tugas tepat waktu", "Hasil kerja saya sesuai standar", "Saya jarang melakukan kesalahan"],
    "Y": ["Saya puas dengan pekerjaan saya", "Saya bangga bekerja di sini", "Saya ingin tetap bekerja di sini", "Saya betah di sini"],
}
GRIDS = {"X1": "Pemahaman Target", "X2": "Kinerja", "Y": "Kepuasan Kerja"}


def answers(n: int = 90, seed: int = 11) -> np.ndarray:
    """Codes 1–5 of ``n`` respondents: each construct's questions driven by a factor of its own."""
    rng = np.random.default_rng(seed)
    factors = rng.normal(size=(n, len(QUESTIONS)))
    columns = [
        np.clip(np.round(3 + 1.1 * factors[:, j] + rng.normal(scale=0.6, size=n)), 1, 5)
        for j, questions in enumerate(QUESTIONS.values())
        for _ in questions
    ]
    return np.array(columns, dtype=int).T


def headers(shape: str) -> list[str]:
    codes = [f"{c}.{k}" for c, qs in QUESTIONS.items() for k in range(1, len(qs) + 1)]
    texts = [q for qs in QUESTIONS.values() for q in qs]
    groups = [GRIDS[c] for c, qs in QUESTIONS.items() for _ in qs]
    return {
        "brackets": [f"{t} [{c}]" for t, c in zip(texts, codes)],
        "leading": [f"{c}. {t}" for t, c in zip(texts, codes)],
        "grid": [f"{g} [{t}]" for g, t in zip(groups, texts)],
        "text": texts,
    }[shape]


def form_export(folder, shape: str, middle: str = "Netral", numbered: bool = False):
    """A Google Forms export: timestamp, two profile questions, the questionnaire."""
    words = {1: "Sangat Tidak Setuju", 2: "Tidak Setuju", 3: middle, 4: "Setuju", 5: "Sangat Setuju"}
    codes = answers()
    rng = np.random.default_rng(3)
    path = folder / "form.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Timestamp", "Jenis Kelamin", "Pendidikan terakhir", *headers(shape)])
        for k, row in enumerate(codes):
            cells = [f"{v} - {words[v]}" if numbered and j % 2 else words[v] for j, v in enumerate(row)]
            writer.writerow(
                [
                    f"2024/05/01 10:{k // 60:02d}:{k % 60:02d} GMT+8",
                    ("Laki-laki", "Perempuan")[int(rng.integers(2))],
                    ("SMA/SMK", "D3", "S1", "S2")[int(rng.integers(4))],
                    *cells,
                ]
            )
    return path
