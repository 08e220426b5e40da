"""Generate lke_2024.csv, history.csv and follow_up.csv for the SAKIP example (deterministic).

The units are real perangkat daerah of Kabupaten Luwu Timur; their answers, notes and earlier
scores are generated, not the results of an actual evaluation. Each unit has a maturity level;
criteria are answered Y/T (fulfilment) or A–E (quality, utilisation) around that level.

    python make_answers.py
"""

import csv
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
SEED = 2024
UNITS = {"Sekretariat Daerah": 0.80, "Inspektorat Daerah": 0.86, "Bappelitbangda": 0.84, "Dinas Kesehatan": 0.74,
         "Dinas Pendidikan dan Kebudayaan": 0.68, "Dinas Pekerjaan Umum dan Penataan Ruang": 0.62, "BKPSDM": 0.71,
         "Dinas Sosial, PP dan PA": 0.57, "Kecamatan Malili": 0.52, "Kecamatan Towuti": 0.45}
CRITERIA = {
    ("perencanaan", "pemenuhan"): ["Renstra telah tersedia dan ditetapkan", "Renja telah tersedia dan ditetapkan", "Perjanjian Kinerja telah disusun dan ditandatangani"],
    ("perencanaan", "kualitas"): ["Tujuan dan sasaran berorientasi hasil", "Indikator kinerja memenuhi kriteria SMART", "Target kinerja ditetapkan dengan basis data yang memadai"],
    ("perencanaan", "pemanfaatan"): ["Dokumen perencanaan digunakan dalam penganggaran", "Target kinerja dimonitor secara berkala", "Perjanjian kinerja digunakan untuk menilai kinerja pegawai"],
    ("pengukuran", "pemenuhan"): ["Pedoman teknis pengukuran kinerja tersedia", "Data kinerja dikumpulkan secara berkala", "Sistem informasi kinerja tersedia"],
    ("pengukuran", "kualitas"): ["Pengukuran kinerja dilakukan berjenjang", "Data kinerja andal dan dapat diverifikasi", "Indikator kinerja individu selaras dengan kinerja organisasi"],
    ("pengukuran", "pemanfaatan"): ["Hasil pengukuran menjadi dasar reward dan punishment", "Hasil pengukuran digunakan untuk penyesuaian strategi", "Hasil pengukuran digunakan dalam pengambilan keputusan"],
    ("pelaporan", "pemenuhan"): ["Laporan Kinerja disusun tepat waktu", "Laporan Kinerja telah direviu", "Laporan Kinerja dipublikasikan"],
    ("pelaporan", "kualitas"): ["Laporan menyajikan capaian beserta analisisnya", "Laporan membandingkan capaian dengan target dan tahun lalu", "Laporan memuat upaya perbaikan ke depan"],
    ("pelaporan", "pemanfaatan"): ["Informasi laporan digunakan untuk perbaikan perencanaan", "Informasi laporan menjadi perhatian pimpinan", "Rekomendasi laporan ditindaklanjuti"],
    ("evaluasi", "pemenuhan"): ["Evaluasi akuntabilitas kinerja internal dilaksanakan", "Evaluasi program dan kegiatan dilaksanakan", "Tim evaluasi internal telah dibentuk"],
    ("evaluasi", "kualitas"): ["Evaluasi dilaksanakan sesuai pedoman", "Evaluator memiliki kompetensi yang memadai", "Hasil evaluasi disertai rekomendasi yang dapat dilaksanakan"],
    ("evaluasi", "pemanfaatan"): ["Rekomendasi evaluasi telah ditindaklanjuti", "Hasil evaluasi digunakan untuk perbaikan kinerja", "Tindak lanjut rekomendasi dipantau secara berkala"],
}
NOTES = {"pemenuhan": "Bukti dukung belum lengkap", "kualitas": "Belum sepenuhnya memenuhi kriteria kualitas LKE",
         "pemanfaatan": "Belum ada bukti pemanfaatan dalam pengambilan keputusan"}
LETTERS = "EDCBA"
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
            difficulty = {"pemenuhan": 0.12, "kualitas": 0.0, "pemanfaatan": -0.10}[sub]
            for criterion in criteria:
                score = float(np.clip(level + difficulty + rng.normal(scale=0.12), 0, 1))
                answer = ("Y" if score >= 0.5 else "T") if sub == "pemenuhan" else LETTERS[min(4, int(score * 5))]
                answers.append((unit, component, sub, criterion, answer, NOTES[sub] if answer in ("T", "E", "D", "C") else ""))
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
