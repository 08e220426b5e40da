"""``reportgen init --sakip``: a study file and an answer workbook for an evaluation on the
official LKE of a regulation (PermenPAN-RB 88/2021 by default), to fill in.

The workbook has one row per criterion of each unit, in the LKE's order, with the columns the
answers are read from (``unit, component, subcomponent, criterion, answer, note``) and the
criterion's text and the evidence (``bukti dukung``) beside them for the evaluator; the study
file is written by the YAML emitter, never by pasting text into YAML.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml

from reportgen.config.draft import write_new
from reportgen.errors import OutputError
from reportgen.interpret.sakip import framework

COLUMNS = ("unit", "component", "subcomponent", "criterion", "text", "answer", "note", "bukti_dukung")
UNITS = ("Unit 1", "Unit 2")  # placeholders: one block of rows per unit, copied for the others


def workbook_rows(name: str, units=UNITS) -> list[tuple[str, ...]]:
    """The rows of the answer workbook: every criterion of the framework for every unit."""
    fw = framework(name)
    return [(unit, c.code, sub, k.number, k.text, "", "", "") for unit in units for c in fw.components
            for sub, _ in c.subcomponents for k in c.criteria.get(sub, ())]


def study_text(name: str, answers: str, year: int) -> str:
    """The study file: the framework, the workbook, the year; what the evaluator still writes is
    left as placeholders the check names (title, author, units, letter)."""
    config = {"kind": "sakip",
              "study": {"title": {"id": f"Evaluasi AKIP Perangkat Daerah Tahun {year}", "en": f"AKIP Evaluation of the Units, {year}"},
                        "author": "Inspektorat Daerah", "year": year, "language": "id"},
              "framework": name, "answers": {"path": answers},
              "settings": {"boundary": "gt"}}
    head = (f"# A SAKIP evaluation on the LKE of {framework(name).short['en']}: fill in {answers} (one row per criterion of each\n"
            "# unit: grade AA, A, BB, B, CC, C, D or E, or N/A where a criterion does not apply), name the units, and add\n"
            "# history:, follow_up:, letter:, signatory: and team: as the README shows.\n")
    return head + yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def write_template(folder: Path, name: str = "permenpan-rb-88-2021", year: int | None = None) -> tuple[Path, Path]:
    """Write ``study.yaml`` and ``lke.xlsx`` in ``folder``; neither replaces a file that is there."""
    from openpyxl import Workbook

    year = year or datetime.date.today().year - 1  # an evaluation reports on the year before
    study, book_path = folder / "study.yaml", folder / "lke.xlsx"
    for path in (study, book_path):
        if path.exists():
            raise OutputError(f"{path}: the file exists; reportgen init never replaces a file, give --out a new folder")
    folder.mkdir(parents=True, exist_ok=True)
    book = Workbook()
    sheet = book.active
    sheet.title = "LKE"
    sheet.append(COLUMNS)
    for row in workbook_rows(name):
        sheet.append(row)
    for column, width in zip("ABCDEFGH", (22, 14, 14, 10, 70, 8, 30, 30)):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    book.save(book_path)
    write_new(study, study_text(name, book_path.name, year))
    return study, book_path
