"""``reportgen init --sakip``: a study file and an answer workbook for an evaluation on the
official LKE of a regulation (PermenPAN-RB 88/2021 by default), to fill in.

The workbook is in the LKE's own layout, layout (a) of :mod:`reportgen.data.sakip_workbook`: a sheet
``Petunjuk`` (how to fill it in), then one sheet per unit (placeholders ``Unit 1`` and ``Unit 2``,
copied for the others) with the unit's name above the header, the components and sub-components as
heading rows with their weights, and every criterion of the LKE (number and text) with an empty
grade cell (a list of the framework's scale and N/A) and the columns catatan, bukti dukung, sebab,
akibat and rekomendasi (:func:`reportgen.designs.sakip.workbook.lke_sheet`). The study file is
written by the YAML emitter, never by pasting text into YAML.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml

from reportgen.config.draft import write_new
from reportgen.errors import OutputError
from reportgen.interpret.sakip import framework

UNITS = ("Unit 1", "Unit 2")  # placeholders: one sheet per unit, copied for the others
INSTRUCTIONS = "Petunjuk"


def instructions(name: str) -> list[str]:
    """The lines of the sheet Petunjuk (in Indonesian, the evaluators' language)."""
    fw = framework(name)
    scale = ", ".join(f"{grade} = {float(share) * 100:g}%" for grade, share in fw.scale.items())
    return [
        f"Lembar Kerja Evaluasi AKIP ({fw.short.get('id', fw.name)}): petunjuk pengisian",
        "",
        "1. Satu lembar (sheet) untuk setiap perangkat daerah. Salin lembar 'Unit 1' untuk setiap perangkat daerah lain "
        "(klik kanan pada tab > Move or Copy > Create a copy) dan hapus lembar yang tidak dipakai.",
        "2. Tulis nama perangkat daerah di sel B2 (di samping 'Perangkat Daerah:'); nama itulah yang dipakai dalam laporan. "
        "Nama lembar hanya label tab (Excel membatasinya 31 karakter).",
        f"3. Isi kolom Jawaban setiap kriteria dengan salah satu nilai: {scale}; atau N/A bila kriteria tidak berlaku "
        "(bobot subkomponennya dibagi ke kriteria lain).",
        "4. Kolom Catatan, Bukti Dukung, Sebab, Akibat dan Rekomendasi boleh dikosongkan; yang diisi masuk ke temuan LHE.",
        "5. Jangan mengubah nomor kriteria (kolom No): nomor menentukan komponen dan subkomponen. Baris judul komponen dan "
        "subkomponen tidak diisi jawaban.",
        "6. Simpan sebagai Excel Workbook (*.xlsx), lalu jalankan: reportgen validate study.yaml, kemudian reportgen run study.yaml.",
        "",
        "Bobot: "
        + "; ".join(f"{k}. {(c.name or {}).get('id', c.code)} {c.weight:g}" for k, c in enumerate(fw.components, start=1))
        + " (jumlah 100).",
    ]


def study_text(name: str, answers: str, year: int) -> str:
    """The study file: the framework, the workbook, the year; what the evaluator still writes is
    left as placeholders the check names (title, author, units, letter)."""
    config = {
        "kind": "sakip",
        "study": {
            "title": {"id": f"Evaluasi AKIP Perangkat Daerah Tahun {year}", "en": f"AKIP Evaluation of the Units, {year}"},
            "author": "Inspektorat Daerah",
            "year": year,
            "language": "id",
        },
        "framework": name,
        "answers": {"path": answers},
        "settings": {"boundary": "gt"},
    }
    fw = framework(name)
    grades = ", ".join(fw.scale)
    head = (
        f"# A SAKIP evaluation on the LKE of {fw.short['en']}: fill in {answers} (one sheet per unit, its name in cell B2;\n"
        f"# grade each criterion {grades}, or N/A where it does not apply; the sheet Petunjuk says how), and add\n"
        "# history:, follow_up:, letter:, signatory: and team: as the README shows.\n"
    )
    return head + yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def write_template(folder: Path, name: str = "permenpan-rb-88-2021", year: int | None = None) -> tuple[Path, Path]:
    """Write ``study.yaml`` and ``lke.xlsx`` in ``folder``; neither replaces a file that is there."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from reportgen.designs.sakip.workbook import lke_sheet

    year = year or datetime.date.today().year - 1  # an evaluation reports on the year before
    study, book_path = folder / "study.yaml", folder / "lke.xlsx"
    for path in (study, book_path):
        if path.exists():
            raise OutputError(f"{path}: the file exists; reportgen init never replaces a file, give --out a new folder")
    folder.mkdir(parents=True, exist_ok=True)
    fw = framework(name)
    book = Workbook()
    guide = book.active
    guide.title = INSTRUCTIONS
    for line in instructions(name):
        guide.append([line])
    guide["A1"].font = Font(bold=True, size=12)
    guide.column_dimensions["A"].width = 120
    for row in guide.iter_rows(min_row=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    for unit in UNITS:
        lke_sheet(book.create_sheet(unit), fw, unit)
    book.active = 1  # the first unit's sheet opens
    book.save(book_path)
    write_new(study, study_text(name, book_path.name, year))
    return study, book_path
