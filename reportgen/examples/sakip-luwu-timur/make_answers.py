"""Generate lke_2024.csv, history.csv and follow_up.csv for the SAKIP example (deterministic).

The units are real perangkat daerah of Kabupaten Luwu Timur; their answers, notes and earlier
scores are generated, not the results of an actual evaluation. Each unit has a maturity level;
the 80 criteria of the LKE of PermenPAN-RB 88/2021 (reportgen/designs/sakip/frameworks/) are
graded AA–E around that level.

    python make_answers.py
"""

import csv
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).parent
SEED = 2024
UNITS = {"Sekretariat Daerah": 0.80, "Inspektorat Daerah": 0.86, "Bappelitbangda": 0.84, "Dinas Kesehatan": 0.74,
         "Dinas Pendidikan dan Kebudayaan": 0.68, "Dinas Pekerjaan Umum dan Penataan Ruang": 0.62, "BKPSDM": 0.71,
         "Dinas Sosial, PP dan PA": 0.57, "Kecamatan Malili": 0.52, "Kecamatan Towuti": 0.45}
FRAMEWORK = yaml.safe_load((HERE.parents[1] / "designs" / "sakip" / "frameworks" / "permenpan-rb-88-2021.yaml").read_text(encoding="utf-8"))
CRITERIA = {(component, sub): [c["number"] for c in spec["criteria"]]
            for component, cspec in FRAMEWORK["components"].items() for sub, spec in cspec["subcomponents"].items()}
NOTES = {"keberadaan": "Bukti dukung belum lengkap", "kualitas": "Belum sepenuhnya memenuhi kriteria kualitas LKE",
         "pemanfaatan": "Belum ada bukti pemanfaatan dalam pengambilan keputusan"}
GRADES = ((0.95, "AA"), (0.85, "A"), (0.75, "BB"), (0.65, "B"), (0.55, "CC"), (0.40, "C"), (0.15, "D"), (0.0, "E"))
RECOMMENDATIONS_2023 = [  # last year's recommendations (follow_up.csv): the same for every unit, their status generated
    ("Menyusun indikator kinerja yang memenuhi kriteria SMART dan menetapkannya dalam Renstra", "Reviu indikator telah dilaksanakan"),
    ("Memanfaatkan hasil pengukuran kinerja sebagai dasar pemberian reward dan punishment", ""),
    ("Menindaklanjuti rekomendasi evaluasi internal dan memantau tindak lanjutnya secara berkala", ""),
]
STATUSES = ("done", "in progress", "not yet")


def main() -> None:
    rng = np.random.default_rng(SEED)
    answers = [("unit", "component", "subcomponent", "criterion", "answer", "note")]
    history = [("unit", "year", "total")]
    for unit, level in UNITS.items():
        for (component, sub), criteria in CRITERIA.items():
            difficulty = {"keberadaan": 0.12, "kualitas": 0.0, "pemanfaatan": -0.10}[sub]
            for criterion in criteria:
                score = float(np.clip(level + difficulty + rng.normal(scale=0.12), 0, 1))
                answer = next(grade for bound, grade in GRADES if score >= bound)
                answers.append((unit, component, sub, criterion, answer, NOTES[sub] if answer in ("C", "D", "E") else ""))
        for year, drift in ((2022, -7.0), (2023, -3.5)):
            history.append((unit, year, f"{100 * level + drift + rng.normal(scale=2.5):.2f}"))
    follow_up = [("unit", "recommendation", "status", "note")]
    for unit, level in UNITS.items():  # after the answers, so that they stay as they were
        for recommendation, note in RECOMMENDATIONS_2023:
            status = STATUSES[min(2, int((1 - level) * 4 + rng.uniform(0, 1.5)))]
            follow_up.append((unit, recommendation, status, note if status == "done" else ""))
    for name, rows in (("lke_2024.csv", answers), ("history.csv", history), ("follow_up.csv", follow_up)):
        with (HERE / name).open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle, lineterminator="\n").writerows(rows)


if __name__ == "__main__":
    main()
