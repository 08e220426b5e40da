"""The LKE as an Excel workbook, in layout (a) of :mod:`reportgen.data.sakip_workbook` (one sheet per
unit, the criteria of the Lembar Kerja Evaluasi of PermenPAN-RB 88/2021 under their component and
sub-component headings): blank, for ``reportgen init --sakip`` (:func:`lke_sheet`), and scored,
for ``--formats xlsx`` (:func:`write_scored_workbook`).

The scored workbook opens with a sheet ``Rekap`` (one row per unit: each component's score, the
total, the predicate and the rank); each unit's sheet repeats its answers and notes and adds the
criterion's value (% of the criterion's weight, the framework's scale) and its points (its share
of the total: :func:`reportgen.interpret.sakip.criterion_points` × the value), the sub-component
and component scores on their heading rows, and the unit's total and predicate at the foot. Every
score is a number with a number format, the values a percentage; the totals are the results'
own (:class:`~reportgen.stats.sakip.UnitScore`), so the workbook and the report agree. The scored
workbook reads back as answers: headings, subtotals and the value and points columns are not answers.
"""

from __future__ import annotations

import re
from pathlib import Path

from reportgen.errors import naming
from reportgen.interpret.sakip import Framework, criterion_points

HEADER_ROW = 4  # row 1: the title; row 2: the unit; row 4: the header (the reader looks in the first ten)
BLANK_COLUMNS = ("number", "text", "answer", "note", "evidence", "cause", "effect", "recommendation")
SCORED_COLUMNS = ("number", "text", "answer", "value", "points", "note", "evidence", "cause", "effect", "recommendation")
HEADERS = {
    "id": {
        "number": "No",
        "text": "Kriteria",
        "answer": "Jawaban",
        "value": "Nilai (% bobot kriteria)",
        "points": "Poin",
        "note": "Catatan",
        "evidence": "Bukti Dukung",
        "cause": "Sebab",
        "effect": "Akibat",
        "recommendation": "Rekomendasi",
    },
    "en": {
        "number": "No",
        "text": "Criterion",
        "answer": "Answer",
        "value": "Value (% of the criterion's weight)",
        "points": "Points",
        "note": "Note",
        "evidence": "Evidence",
        "cause": "Cause",
        "effect": "Effect",
        "recommendation": "Recommendation",
    },
}
WIDTHS = {
    "number": 8,
    "text": 64,
    "answer": 10,
    "value": 12,
    "points": 10,
    "note": 40,
    "evidence": 34,
    "cause": 30,
    "effect": 30,
    "recommendation": 40,
}
WORDS = {
    "id": {
        "title": "Lembar Kerja Evaluasi AKIP — {short}",
        "unit": "Perangkat Daerah:",
        "weight": "bobot",
        "total": "Nilai Akhir",
        "predicate": "Predikat",
        "rank": "Peringkat",
        "recap": "Rekap",
        "recap_unit": "Perangkat Daerah",
        "recap_title": "Rekapitulasi Hasil Evaluasi AKIP {year} — {short}",
    },
    "en": {
        "title": "AKIP Evaluation Worksheet (LKE) — {short}",
        "unit": "Unit:",
        "weight": "weight",
        "total": "Total",
        "predicate": "Predicate",
        "rank": "Rank",
        "recap": "Rekap",
        "recap_unit": "Unit",
        "recap_title": "AKIP Evaluation {year}: recapitulation — {short}",
    },
}
LETTERS = "abcdefghijklmnopqrstuvwxyz"
POINTS_FORMAT = "0.00"
VALUE_FORMAT = "0%"


def _number(value: float) -> str:
    """A weight as written: 30, 7.5."""
    return f"{value:g}"


def grades(fw: Framework) -> list[str]:
    """The answers a grade cell's list offers: the framework's scale, then N/A."""
    return list(fw.scale) + ["N/A"]


def sheet_title(name: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (at most 31 characters, none of []:*?/\\), unique in ``taken`` (case ignored)."""
    base = re.sub(r"[\[\]:*?/\\]", " ", name).strip().strip("'") or "Unit"
    base, title, k = base[:31], base[:31], 2
    while title.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({k})"
        title, k = base[: 31 - len(suffix)] + suffix, k + 1
    taken.add(title)
    return title


def lke_sheet(sheet, fw: Framework, unit: str, lang: str = "id", scored=None) -> None:
    """Write one unit's LKE into ``sheet`` in layout (a): title, the unit, the header, and every
    component, sub-component (headings with their weights) and criterion. ``scored``, when given,
    is ``(rows, score)``: the unit's answer rows (answer, value, points, notes by criterion
    number) and its :class:`~reportgen.stats.sakip.UnitScore` with its predicate."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    words, headers = WORDS[lang], HEADERS[lang]
    columns = SCORED_COLUMNS if scored else BLANK_COLUMNS
    col = {name: k + 1 for k, name in enumerate(columns)}
    sheet.cell(1, 1, words["title"].format(short=fw.short.get(lang, fw.name) if fw.short else fw.name)).font = Font(bold=True, size=12)
    sheet.cell(2, 1, words["unit"]).font = Font(bold=True)
    sheet.cell(2, 2, unit).font = Font(bold=True)
    wrap, top = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    for name, k in col.items():
        cell = sheet.cell(HEADER_ROW, k, headers[name])
        cell.font, cell.fill, cell.alignment = bold, fill, Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[_letter(k)].width = WIDTHS[name]
    rows, score, predicate = scored if scored else ({}, None, "")
    row = HEADER_ROW
    first = last = None
    for k, component in enumerate(fw.components, start=1):
        row += 1
        name = (component.name or {}).get(lang, component.code)
        sheet.cell(row, col["number"], str(k))
        sheet.cell(row, col["text"], f"{name} ({words['weight']} {_number(component.weight)})")
        if score:
            sheet.cell(row, col["points"], score.components[component.code]).number_format = POINTS_FORMAT
        for c in range(1, len(columns) + 1):
            sheet.cell(row, c).font, sheet.cell(row, c).fill = bold, fill
        for s, (sub, share) in enumerate(component.subcomponents):
            row += 1
            sub_name = component.sub_names.get(sub, {}).get(lang, sub)
            sheet.cell(row, col["number"], f"{k}.{LETTERS[s]}")
            sheet.cell(
                row,
                col["text"],
                f"{sub_name} ({words['weight']} {_number(float(component.exact_points(sub)))}: "
                f"{_number(share * 100)}% × {_number(component.weight)})",
            )
            if score:
                sheet.cell(row, col["points"], score.subcomponents[component.code][sub]).number_format = POINTS_FORMAT
            for c in range(1, len(columns) + 1):
                sheet.cell(row, c).font = bold
            criteria = component.criteria.get(sub) or ()
            numbered = [(c.number, c.text) for c in criteria] or _unlisted(rows, k, LETTERS[s])
            for number, text in numbered:
                row += 1
                first, last = first or row, row
                sheet.cell(row, col["number"], number).alignment = top
                sheet.cell(row, col["text"], text).alignment = wrap
                for name in ("note", "evidence", "cause", "effect", "recommendation"):
                    sheet.cell(row, col[name]).alignment = wrap
                sheet.cell(row, col["answer"]).alignment = Alignment(horizontal="center", vertical="top")
                answer = rows.get(number)
                if answer:
                    sheet.cell(row, col["answer"], answer["answer"])
                    if answer["value"] is not None:
                        sheet.cell(row, col["value"], answer["value"]).number_format = VALUE_FORMAT
                        sheet.cell(row, col["points"], answer["points"]).number_format = POINTS_FORMAT
                    for name in ("note", "evidence", "cause", "effect", "recommendation"):
                        if answer.get(name):
                            sheet.cell(row, col[name], answer[name])
    if score:
        row += 2
        sheet.cell(row, col["text"], words["total"]).font = bold
        cell = sheet.cell(row, col["points"], score.total)
        cell.number_format, cell.font = POINTS_FORMAT, bold
        sheet.cell(row + 1, col["text"], words["predicate"]).font = bold
        sheet.cell(row + 1, col["points"], predicate).font = bold
    if first and not scored:
        check = DataValidation(
            type="list",
            formula1='"' + ",".join(grades(fw)) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="LKE",
            error=f"{', '.join(grades(fw))}",
        )
        check.add(f"{_letter(col['answer'])}{first}:{_letter(col['answer'])}{last}")
        sheet.add_data_validation(check)
    sheet.freeze_panes = f"C{HEADER_ROW + 1}"


def _unlisted(rows: dict, k: int, letter: str) -> list[tuple[str, str]]:
    """A framework that lists no criteria (12/2015): the answered criteria of the sub-component,
    or one row to fill in."""
    prefix = f"{k}.{letter}."
    found = [(number, r["criterion"]) for number, r in rows.items() if number.startswith(prefix)]
    return found or [(f"{prefix}1", "")]


def _letter(k: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(k)


def write_scored_workbook(results, path: Path, lang: str = "id") -> None:
    """The scored LKE (module docstring) of a :class:`~reportgen.designs.sakip.analysis.SakipResults` at ``path``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    lang = lang if lang in WORDS else "id"
    fw, words = results.framework, WORDS[lang]
    book = Workbook()
    recap = book.active
    recap.title = words["recap"]
    taken = {recap.title}
    frame = results.answers
    points = criterion_points(frame, results.components)
    by_unit: dict[str, dict] = {}
    places: dict[tuple, int] = {}
    for (_, r), p in zip(frame.iterrows(), points):
        key = (r["unit"], r["component"], r["subcomponent"])
        places[key] = places.get(key, 0) + 1
        number = r["number"] or _number_of(r, results.components, places[key])
        value = None if r["value"] != r["value"] else float(r["value"])
        by_unit.setdefault(r["unit"], {})[number] = {
            "answer": r["answer"],
            "value": value,
            "points": None if value is None else value * p,
            "criterion": r["criterion"],
            **{k: r.get(k) or "" for k in ("note", "evidence", "cause", "effect", "recommendation")},
        }
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    recap.cell(1, 1, words["recap_title"].format(year=results.year, short=fw.short.get(lang, fw.name) if fw.short else fw.name)).font = Font(
        bold=True, size=12
    )
    header = (
        ["No", words["recap_unit"]]
        + [f"{(c.name or {}).get(lang, c.code)} ({_number(c.weight)})" for c in results.components]
        + [words["total"], words["predicate"], words["rank"]]
    )
    for k, text in enumerate(header, start=1):
        cell = recap.cell(3, k, text)
        cell.font, cell.fill, cell.alignment = bold, fill, Alignment(wrap_text=True, vertical="center")
        recap.column_dimensions[_letter(k)].width = 40 if k == 2 else 6 if k == 1 else 14
    for n, (unit, score) in enumerate(results.units.items(), start=1):
        row = 3 + n
        recap.cell(row, 1, n)
        recap.cell(row, 2, unit)
        for k, c in enumerate(results.components, start=3):
            recap.cell(row, k, score.components[c.code]).number_format = POINTS_FORMAT
        base = 3 + len(results.components)
        recap.cell(row, base, score.total).number_format = POINTS_FORMAT
        recap.cell(row, base + 1, results.predicates[unit])
        recap.cell(row, base + 2, score.rank)
    recap.freeze_panes = "C4"
    for unit, score in results.units.items():
        sheet = book.create_sheet(sheet_title(unit, taken))
        lke_sheet(sheet, fw, unit, lang, (by_unit.get(unit, {}), score, results.predicates[unit]))
    with naming(path):
        book.save(path)


def _number_of(r, components, place: int) -> str:
    """The criterion's number in a framework that lists no criteria: component and sub-component
    by position, then the criterion's place among its sub-component's (the answers' order)."""
    for k, c in enumerate(components, start=1):
        if c.code == r["component"]:
            subs = [s for s, _ in c.subcomponents]
            return f"{k}.{LETTERS[subs.index(r['subcomponent'])]}.{place}"
    return str(place)
