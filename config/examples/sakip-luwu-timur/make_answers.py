"""Generate lke_2024.csv, history.csv, follow_up.csv, letters.csv and logo.png for the SAKIP example
(deterministic).

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
UNITS = {
    "Sekretariat Daerah": 0.80,
    "Inspektorat Daerah": 0.86,
    "Bappelitbangda": 0.84,
    "Dinas Kesehatan": 0.74,
    "Dinas Pendidikan dan Kebudayaan": 0.68,
    "Dinas Pekerjaan Umum dan Penataan Ruang": 0.62,
    "BKPSDM": 0.71,
    "Dinas Sosial, PP dan PA": 0.57,
    "Kecamatan Malili": 0.52,
    "Kecamatan Towuti": 0.45,
}
FRAMEWORK = yaml.safe_load((HERE.parents[1] / "designs" / "sakip" / "frameworks" / "permenpan-rb-88-2021.yaml").read_text(encoding="utf-8"))
CRITERIA = {
    (component, sub): [c["number"] for c in spec["criteria"]]
    for component, cspec in FRAMEWORK["components"].items()
    for sub, spec in cspec["subcomponents"].items()
}
NOTES = {  # the evaluator's note at C (partly met) and at D or E (hardly or not met)
    "keberadaan": ("Dokumen ada, tetapi belum lengkap atau belum ditetapkan", "Dokumen tidak ditemukan pada saat evaluasi"),
    "kualitas": ("Sebagian unsur kualitas dalam LKE belum terpenuhi", "Sebagian besar unsur kualitas dalam LKE belum terpenuhi"),
    "pemanfaatan": ("Pemanfaatan baru sebagian dan belum terdokumentasi dalam keputusan", "Belum ada bukti pemanfaatan dalam pengambilan keputusan"),
}
DETAILS = {  # criterion → (evidence, cause, effect, recommendation) written for an answer at C, D or E
    "1.a.3": (
        "Draf Renstra 2021–2026 tanpa naskah penetapan",
        "Renstra belum ditetapkan oleh kepala perangkat daerah",
        "Sasaran dan indikator jangka menengah belum mengikat sebagai acuan Perjanjian Kinerja",
        "Menetapkan Renstra 2021–2026 dan mengunggah naskah penetapannya",
    ),
    "1.a.5": ("Perjanjian Kinerja 2024 belum ditandatangani", "Penyusunan Perjanjian Kinerja menunggu DPA yang terlambat ditetapkan", "", ""),
    "2.a.2": (
        "Manual IKU 2024 tanpa definisi operasional dan formula indikator",
        "Manual IKU disalin dari periode sebelumnya",
        "Capaian indikator tidak dapat diverifikasi dan dibandingkan antarperiode",
        "Menyusun definisi operasional dan formula setiap IKU dalam Manual IKU",
    ),
    "3.a.3": (
        "Laporan Kinerja 2024 tanpa tanda tangan kepala perangkat daerah",
        "",
        "Laporan Kinerja belum dapat dipertanggungjawabkan secara formal",
        "",
    ),
    "4.a.2": (
        "Laporan evaluasi internal hanya untuk sebagian bidang",
        "Belum ada tim evaluasi internal yang ditetapkan",
        "Bidang yang tidak dievaluasi tidak memperoleh rekomendasi perbaikan",
        "",
    ),
}
NOT_FOR_KECAMATAN = {"1.a.2"}  # a long-term plan (RPJPD) is the regency's, not a kecamatan's: N/A, its weight goes to 1.a.1, 1.a.3–1.a.7
GRADES = ((0.95, "AA"), (0.85, "A"), (0.75, "BB"), (0.65, "B"), (0.55, "CC"), (0.40, "C"), (0.15, "D"), (0.0, "E"))
RECOMMENDATIONS_2023 = [  # last year's recommendations (follow_up.csv): the same for every unit, their status generated
    ("Menyusun indikator kinerja yang memenuhi kriteria SMART dan menetapkannya dalam Renstra", "Reviu indikator telah dilaksanakan"),
    ("Memanfaatkan hasil pengukuran kinerja sebagai dasar pemberian reward dan punishment", ""),
    ("Menindaklanjuti rekomendasi evaluasi internal dan memantau tindak lanjutnya secara berkala", ""),
]
STATUSES = ("done", "in progress", "not yet")


def main() -> None:
    rng = np.random.default_rng(SEED)
    answers = [("unit", "component", "subcomponent", "criterion", "answer", "note", "evidence", "cause", "effect", "recommendation")]
    history = [("unit", "year", "total")]
    for unit, level in UNITS.items():
        for (component, sub), criteria in CRITERIA.items():
            difficulty = {"keberadaan": 0.12, "kualitas": 0.0, "pemanfaatan": -0.10}[sub]
            for criterion in criteria:
                score = float(np.clip(level + difficulty + rng.normal(scale=0.12), 0, 1))
                answer = next(grade for bound, grade in GRADES if score >= bound)
                if unit.startswith("Kecamatan") and criterion in NOT_FOR_KECAMATAN:
                    answer = "N/A"  # graded, then set aside, so that the other answers stay as they were
                weak = answer in ("C", "D", "E")
                answers.append(
                    (
                        unit,
                        component,
                        sub,
                        criterion,
                        answer,
                        NOTES[sub][answer != "C"] if weak else "",
                        *(DETAILS.get(criterion, ("",) * 4) if weak else ("",) * 4),
                    )
                )
        for year, drift in ((2022, -7.0), (2023, -3.5)):
            history.append((unit, year, f"{100 * level + drift + rng.normal(scale=2.5):.2f}"))
    follow_up = [("unit", "recommendation", "status", "note")]
    for unit, level in UNITS.items():  # after the answers, so that they stay as they were
        for recommendation, note in RECOMMENDATIONS_2023:
            status = STATUSES[min(2, int((1 - level) * 4 + rng.uniform(0, 1.5)))]
            follow_up.append((unit, recommendation, status, note if status == "done" else ""))
    letters = [("unit", "number", "signatory", "signatory_nip", "signatory_rank", "signatory_position")]
    for k, unit in enumerate(UNITS):  # each letter's own agenda number; the Inspektorat's own LHE is signed by the Sekretaris Daerah
        other = (
            ("Ir. H. Muhammad Syukur, M.Si.", "19700602 199603 1 005", "Pembina Utama Madya (IV/d)", "Sekretaris Daerah Kabupaten Luwu Timur")
            if unit.startswith("Inspektorat")
            else ("",) * 4
        )
        letters.append((unit, f"700/{112 + 3 * k}/Itda-LT/III/2025", *other))
    for name, rows in (("lke_2024.csv", answers), ("history.csv", history), ("follow_up.csv", follow_up), ("letters.csv", letters)):
        with (HERE / name).open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle, lineterminator="\n").writerows(rows)
    draw_logo(HERE / "logo.png")


def draw_logo(path: Path) -> None:
    """A plain grey shield with a five-pointed star: a stand-in for a government's arms."""
    import math

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (200, 240), (255, 255, 255, 0))
    pen = ImageDraw.Draw(image)
    shield = (
        [(20, 20), (180, 20), (180, 120)]
        + [(100 + 80 * math.cos(a), 120 + 100 * math.sin(a)) for a in (k * math.pi / 12 for k in range(13))]
        + [(20, 120)]
    )
    pen.polygon(shield, fill=(90, 90, 90, 255), outline=(0, 0, 0, 255), width=6)
    star = [(100 + r * math.sin(k * math.pi / 5), 115 - r * math.cos(k * math.pi / 5)) for k, r in zip(range(10), [55, 22] * 5)]
    pen.polygon(star, fill=(255, 255, 255, 255))
    image.save(path, optimize=True)


if __name__ == "__main__":
    main()
