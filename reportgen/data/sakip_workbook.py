"""The SAKIP answers as evaluators keep them: an .xlsx in the layout of the Lembar Kerja Evaluasi
(LKE) of PermenPAN-RB 88/2021 (the criteria numbered 1.a.1 … 4.c.5 under their component and
sub-component headings), read into the long table :func:`reportgen.data.sakip.read_answers` checks.

Two layouts are recognised (header names compared with case, spaces, underscores, full stops and a
final colon ignored):

(a) **one sheet per unit** (what ``reportgen init --sakip`` writes, and the scored workbook of
    ``--formats xlsx``): in the first ten rows a header with the criterion's number (``No``,
    ``Nomor``, ``number``, ``kode``), its text (``Kriteria``, ``criterion``, ``text``, ``uraian``)
    and the grade (``Jawaban``, ``nilai``, ``answer``, ``grade``), and optionally ``Catatan``/``note``,
    ``Bukti Dukung``/``evidence``, ``Sebab``/``cause``, ``Akibat``/``effect`` and
    ``Rekomendasi``/``recommendation``; other columns are ignored. The unit is written in a cell
    above the header as ``Perangkat Daerah:`` (or ``Unit:``, ``Unit Kerja:``, ``OPD:``, ``Satuan
    Kerja:``) followed by the name, in the same cell or the next one; without such a cell the
    sheet's name is the unit (Excel cuts sheet names at 31 characters, so write long names in the cell).
(b) **one sheet per component**: the sheet named as the component (``Perencanaan Kinerja``, its
    first 8+ characters, its code ``perencanaan`` or its number ``1``); the header has the number
    and text columns and one grade column per unit, headed by the unit's name; ``Catatan <unit>``
    (``note``, ``bukti dukung``, ``sebab``, ``akibat``, ``rekomendasi`` likewise) holds that unit's
    note; columns headed ``bobot``/``weight``, ``skor``/``score``, ``poin``/``points``, ``value`` are
    ignored. Every component sheet names the same units.

In both, a criterion row is one whose number cell holds a criterion number ``1.a.3`` (component 1,
sub-component a, criterion 3, counted in the framework's order); it decides the component and
sub-component (the text is for the reader; the framework's text is reported). Any other row is a
heading (``1. Perencanaan Kinerja``, ``a. Keberadaan``, a subtotal) when it holds no grade, note
or evidence, and an error naming its sheet and row when it does. Sheets named ``Petunjuk``,
``Instructions``, ``Rekap``, ``Recap`` or ``README`` and wholly empty sheets are skipped.

A workbook whose first sheet has the long header (a ``unit`` column) is not read here:
:func:`read_lke_workbook` returns None and the long table is read as before. Sizes are bounded:
at most :data:`~reportgen.data.limits.MAX_SHEETS` sheets, :data:`~reportgen.data.limits.MAX_CELLS`
cells in all, :data:`~reportgen.config.bounds.MAX_UNITS` units and (in read_answers)
:data:`~reportgen.config.bounds.MAX_CRITERIA` criteria a unit.

Row numbers are the sheet's. When the answers come from one sheet the table's name is
``lke.xlsx, sheet 'Dinas Kesehatan'``; from several, the name is the file's and each row number is a
:class:`SheetRow`, an ``int`` that prints with its sheet (``12 of sheet 'Dinas Kesehatan'``; in
layout (b) with its cell and unit), so read_answers' messages name the place a user sees in Excel.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from reportgen.config import bounds
from reportgen.data import limits
from reportgen.data.read import NotAWorkbook, RawTable, _sheet_rows, opened_workbook
from reportgen.errors import DataError
from reportgen.interpret.sakip import Component, Framework

HEADER_ROWS = 10  # the header is looked for in a sheet's first rows
FIELDS = {
    "number": ("no", "nomor", "number", "kode", "code", "nokriteria"),
    "text": ("kriteria", "criterion", "text", "uraian", "uraiankriteria"),
    "answer": ("jawaban", "nilai", "answer", "grade"),
    "note": ("catatan", "note", "notes"),
    "evidence": ("buktidukung", "evidence"),
    "cause": ("sebab", "cause"),
    "effect": ("akibat", "effect"),
    "recommendation": ("rekomendasi", "recommendation"),
}
OPTIONAL = ("note", "evidence", "cause", "effect", "recommendation")
ALIASES = {alias: name for name, aliases in FIELDS.items() for alias in aliases}
IGNORED = {"bobot", "weight", "skor", "score", "poin", "points", "value"}  # layout (b): columns that are not units
SKIPPED_SHEETS = {"petunjuk", "instructions", "rekap", "recap", "readme"}
UNIT_LABEL = re.compile(r"\s*(?:perangkat\s+daerah|unit\s+kerja|unit|opd|satuan\s+kerja)\s*:\s*(.*)", re.IGNORECASE | re.DOTALL)
CRITERION = re.compile(r"\s*(\d{1,3})\s*\.\s*([a-z])\s*\.\s*(\d{1,4})\s*\.?\s*", re.IGNORECASE)
LETTERS = "abcdefghijklmnopqrstuvwxyz"
_Header = tuple[int, dict[str, int], dict[int, str]]  # row index, field → column index, other columns: index → header text
_Sheet = tuple[str, list[list], int, dict[str, int], dict[int, str]]  # name, rows and its _Header


class SheetRow(int):
    """A row number of one sheet of a workbook read whole: an ``int`` (it orders and compares as
    the sheet's row) that prints with its sheet, and in layout (b) its cell and unit."""

    sheet: str
    cell: str
    unit: str

    def __new__(cls, number: int, sheet: str, cell: str = "", unit: str = ""):
        row = super().__new__(cls, number)
        row.sheet, row.cell, row.unit = sheet, cell, unit
        return row

    def __getnewargs__(self):
        return int(self), self.sheet, self.cell, self.unit

    def __str__(self) -> str:
        where = f" (cell {self.cell}, unit {self.unit})" if self.cell else ""
        return f"{int(self)} of sheet '{self.sheet}'{where}"

    def __format__(self, spec: str) -> str:
        return str(self) if not spec else format(int(self), spec)


def header_key(cell) -> str:
    """A header cell as compared: case, spaces, underscores, full stops and a final colon ignored."""
    text = "" if cell is None else str(cell)
    return re.sub(r"[\s_.]+", "", text.casefold()).rstrip(":")


def _text(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and math.isfinite(cell) and cell == int(cell):
        return str(int(cell))
    return str(cell).strip()


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def read_lke_workbook(path: Path, fw: Framework) -> RawTable | None:
    """The answers of a workbook in the LKE's layout (a) or (b) (module docstring) as the long table
    ``unit, component, subcomponent, criterion, answer`` (plus ``note``, ``evidence``, ``cause``,
    ``effect``, ``recommendation`` when the sheets have them); None when ``path`` is not an .xlsx
    file or its first sheet has the long header (a ``unit`` column): read_answers then reads it
    as a table. Every mistake is a :class:`DataError` naming the file, the sheet and the row or column."""
    if path.suffix.lower() != ".xlsx" or not path.is_file() or not 0 < path.stat().st_size <= limits.MAX_DATA_BYTES:
        return None  # read_table says what is wrong
    sheets = _read_sheets(path)
    if not sheets or _long_header(sheets[0][1]):
        return None
    file = path.name
    unit_sheets: list[_Sheet] = []
    component_sheets: list[_Sheet] = []
    notes: list[str] = []
    for sheet, rows in sheets:
        if header_key(sheet) in SKIPPED_SHEETS:
            continue
        if not any(any(c is not None for c in row) for row in rows):
            notes.append(f"{file}: sheet '{sheet}' is empty and was skipped")
            continue
        found = _header(file, sheet, rows)
        if found is None:
            raise DataError(
                f"{file}, sheet '{sheet}': no LKE header in the first {HEADER_ROWS} rows (a row with No, Kriteria and "
                f"Jawaban for a unit's sheet, or No, Kriteria and one column per unit for a component's sheet); "
                f"or, for the long layout, put the sheet with the column 'unit' first"
            )
        index, columns, extra = found
        (unit_sheets if "answer" in columns else component_sheets).append((sheet, rows, index, columns, extra))
    if unit_sheets and component_sheets:
        raise DataError(
            f"{file}: sheet '{unit_sheets[0][0]}' is a unit's sheet (a Jawaban column) and sheet "
            f"'{component_sheets[0][0]}' a component's (a column per unit); use one layout in a workbook"
        )
    if not unit_sheets and not component_sheets:
        raise DataError(f"{file}: no sheet of answers (the sheets are {', '.join(s for s, _ in sheets)})")
    if unit_sheets:
        records, single = _unit_layout(file, unit_sheets, fw), len(unit_sheets) == 1
    else:
        records, single = _component_layout(file, component_sheets, fw), False
    if not records:
        raise DataError(f"{file}: no criterion rows (a row whose No is a criterion number such as 1.a.1)")
    wanted = ["unit", "component", "subcomponent", "criterion", "answer"]
    wanted += [k for k in OPTIONAL if any(k in r for r in records)]
    name = f"{file}, sheet '{unit_sheets[0][0]}'" if single else file
    numbers = [int(r["row"]) if single else r["row"] for r in records]
    return RawTable(columns={k: [r.get(k) for r in records] for k in wanted}, rows=numbers, name=name, notes=notes)


def _read_sheets(path: Path) -> list[tuple[str, list[list]]]:
    """Every sheet of cells as (name, rows), read as :func:`reportgen.data.read.read_table` reads
    one (the zip verified first; openpyxl's errors one line naming the member); the first sheet
    alone when it has the long header. At most MAX_SHEETS sheets and MAX_CELLS cells in all."""
    try:
        with opened_workbook(path) as (workbook, archive, parts):
            return _every_sheet(path.name, workbook, archive, parts)
    except NotAWorkbook:
        return []  # read_table names it


def _every_sheet(name: str, workbook, archive, parts: dict[str, str]) -> list[tuple[str, list[list]]]:
    if len(workbook.sheetnames) > limits.MAX_SHEETS:
        raise DataError(
            f"{name}: {len(workbook.sheetnames):,} sheets; an LKE workbook has at most {limits.MAX_SHEETS} "
            f"(one per unit, at most {bounds.MAX_UNITS} units): split the units into several study files"
        )
    out, cells = [], 0
    for worksheet in workbook.worksheets:
        rows = _sheet_rows(worksheet, archive, parts[worksheet.title], f"{name}, sheet '{worksheet.title}'")
        cells += sum(max(1, len(row)) for row in rows)
        if cells > limits.MAX_CELLS:
            raise DataError(limits.too_many_cells(f"{name}, sheet '{worksheet.title}'"))
        out.append((worksheet.title, rows))
        if len(out) == 1 and _long_header(rows):
            break
    return out


def _long_header(rows: list[list]) -> bool:
    """Whether the first row with anything in it names a ``unit`` column (the long layout)."""
    first = next((row for row in rows if any(c is not None for c in row)), [])
    return any(header_key(cell) == "unit" for cell in first)


def _header(file: str, sheet: str, rows: list[list]) -> _Header | None:
    """(row index, field → column index, other columns: index → header text) of the first row in
    the first HEADER_ROWS that has a number and a text column; None when none has."""
    for index, row in enumerate(rows[:HEADER_ROWS]):
        columns: dict[str, int] = {}
        extra: dict[int, str] = {}
        for col, cell in enumerate(row):
            key = header_key(cell)
            if not key:
                continue
            field = ALIASES.get(key)
            if field is None:
                extra[col] = _text(cell)
            elif field in columns:
                raise DataError(
                    f"{file}, sheet '{sheet}', row {index + 1}: columns {_letter(columns[field])} and {_letter(col)} "
                    f"are both the {field} column ('{_text(row[columns[field]])}', '{_text(cell)}'); keep one"
                )
            else:
                columns[field] = col
        if "number" in columns and "text" in columns:
            return index, columns, extra
    return None


def _cell(row: list, col: int | None):
    return row[col] if col is not None and col < len(row) else None


def _unit_of(rows: list[list], sheet: str) -> str:
    """The unit written above the header ("Perangkat Daerah: …", in the cell or the next), else the sheet's name."""
    for row in rows:
        for col, cell in enumerate(row):
            match = UNIT_LABEL.fullmatch(_text(cell)) if isinstance(cell, str) else None
            if match:
                name = match.group(1).strip() or next((_text(c) for c in row[col + 1 :] if _text(c)), "")
                if name:
                    return " ".join(name.split())
    return sheet.strip()


def _criterion(number: str, fw: Framework, where: str) -> tuple[Component, str, str] | None:
    """(component, sub-component code, the LKE's number) of a criterion number 1.a.3; None when the
    cell is not a criterion number; an error when the framework has no such criterion."""
    match = CRITERION.fullmatch(number)
    if match is None:
        return None
    k, letter, j = int(match.group(1)), match.group(2).lower(), int(match.group(3))
    shown = f"{k}.{letter}.{j}"
    if not 1 <= k <= len(fw.components):
        raise DataError(f"{where}: criterion number {shown}: the framework has components 1 to {len(fw.components)}")
    component = fw.components[k - 1]
    subs = [s for s, _ in component.subcomponents]
    if LETTERS.index(letter) >= len(subs):
        raise DataError(f"{where}: criterion number {shown}: component {k} has sub-components {k}.a to {k}.{LETTERS[len(subs) - 1]}")
    sub = subs[LETTERS.index(letter)]
    official = component.criteria.get(sub)
    if official and shown not in {c.number for c in official}:
        raise DataError(
            f"{where}: criterion number {shown} is not in the LKE of {fw.short.get('id', fw.name)} "
            f"({k}.{letter} has {official[0].number} to {official[-1].number})"
        )
    return component, sub, shown


def _heading_or_error(row: list, number: str, filled: list[int], where: str) -> None:
    """A row that is not a criterion: a heading when nothing in ``filled`` columns has a value."""
    if any(_text(_cell(row, col)) for col in filled):
        shown = f"'{number}' is not a criterion number" if number else "no criterion number"
        raise DataError(
            f"{where}: {shown}, but the row has an answer or a note; write the LKE's number "
            f"(such as 1.a.1) in the number column, or leave the row as a heading without answers"
        )


def _unit_layout(file: str, sheets: list[_Sheet], fw: Framework) -> list[dict]:
    """Layout (a): one sheet per unit."""
    if len(sheets) > bounds.MAX_UNITS:
        raise DataError(
            f"{file}: {len(sheets):,} unit sheets; a report takes at most {bounds.MAX_UNITS} units (each gets an LHE "
            f"of its own): split the units into several study files"
        )
    records: list[dict] = []
    seen: dict[str, str] = {}  # unit → its sheet
    for sheet, rows, index, columns, _ in sheets:
        unit = _unit_of(rows[:index], sheet)
        if unit in seen:
            raise DataError(f"{file}, sheet '{sheet}': unit '{unit}' has a sheet already ('{seen[unit]}'); one sheet per unit")
        seen[unit] = sheet
        filled = [columns[k] for k in ("answer",) + OPTIONAL if k in columns]
        for offset, row in enumerate(rows[index + 1 :], start=index + 2):
            if not any(_text(c) for c in row):
                continue
            where = f"{file}, sheet '{sheet}', row {offset}"
            number = _text(_cell(row, columns["number"]))
            found = _criterion(number, fw, f"{where}, column {_letter(columns['number'])}")
            if found is None:
                _heading_or_error(row, number, filled, where)
                continue
            component, sub, shown = found
            text = _text(_cell(row, columns["text"]))
            record = {
                "unit": unit,
                "component": component.code,
                "subcomponent": sub,
                "criterion": shown if component.criteria.get(sub) else (text or shown),
                "answer": _cell(row, columns["answer"]),
                "row": SheetRow(offset, sheet),
            }
            record.update({k: _cell(row, columns[k]) for k in OPTIONAL if k in columns})
            records.append(record)
    return records


def _component_names(fw: Framework) -> dict[str, Component]:
    out = {}
    for k, c in enumerate(fw.components, start=1):
        out[header_key(c.code)] = out[str(k)] = c
        for name in (c.name or {}).values():
            out[header_key(name)] = out[header_key(f"{k}. {name}")] = c
    return out


def _sheet_component(file: str, sheet: str, fw: Framework) -> Component:
    """The component a sheet is named after: code, name, number, "1. name", or 8+ first characters of a name."""
    names = _component_names(fw)
    key = header_key(sheet)
    if key in names:
        return names[key]
    starting = {id(c): c for name, c in names.items() if len(key) >= 8 and name.startswith(key)}
    if len(starting) == 1:
        return next(iter(starting.values()))
    known = ", ".join(f"{k} {(c.name or {}).get('id', c.code)}" for k, c in enumerate(fw.components, start=1))
    raise DataError(f"{file}, sheet '{sheet}': a sheet with a column per unit must be named as a component ({known})")


def _unit_columns(file: str, sheet: str, header_row: int, extra: dict[int, str]) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """Layout (b): unit → grade column, and (field, unit) → that unit's note (evidence …) column."""
    units: dict[str, int] = {}
    per_unit: dict[tuple[str, str], tuple[str, int]] = {}
    for col, title in extra.items():
        words = title.split(maxsplit=2)
        head = next((n for n in (1, 2) if len(words) > n and ALIASES.get(header_key(" ".join(words[:n]))) in OPTIONAL), None)
        if head:
            per_unit[(ALIASES[header_key(" ".join(words[:head]))], header_key(" ".join(words[head:])))] = (title, col)
        elif header_key(title) not in IGNORED:
            name = " ".join(title.split())
            if name in units:
                raise DataError(
                    f"{file}, sheet '{sheet}', row {header_row}: unit '{name}' has two columns ({_letter(units[name])} and {_letter(col)})"
                )
            units[name] = col
    if len(units) > bounds.MAX_UNITS:
        raise DataError(
            f"{file}, sheet '{sheet}': {len(units):,} unit columns; a report takes at most {bounds.MAX_UNITS} units "
            f"(each gets an LHE of its own): split the units into several study files"
        )
    keys = {header_key(u): u for u in units}
    notes = {}
    for (field, key), (title, col) in per_unit.items():
        if key not in keys:
            raise DataError(f"{file}, sheet '{sheet}', column {_letter(col)}: '{title}' names no unit of the sheet ({', '.join(units)})")
        notes[(field, keys[key])] = col
    return units, notes


def _component_layout(file: str, sheets: list[_Sheet], fw: Framework) -> list[dict]:
    """Layout (b): one sheet per component, a grade column per unit."""
    records: list[dict] = []
    done: dict[str, str] = {}  # component → its sheet
    first_units: tuple[str, list[str]] | None = None  # the first sheet and its units
    for sheet, rows, index, columns, extra in sheets:
        component = _sheet_component(file, sheet, fw)
        if component.code in done:
            raise DataError(f"{file}, sheet '{sheet}': component {component.code} has a sheet already ('{done[component.code]}')")
        done[component.code] = sheet
        units, notes = _unit_columns(file, sheet, index + 1, extra)
        if not units:
            raise DataError(f"{file}, sheet '{sheet}', row {index + 1}: no unit columns (a column per unit, headed by its name, holding its grades)")
        if first_units is None:
            first_units = (sheet, list(units))
        else:
            for a, b in ((units, first_units[1]), (first_units[1], units)):
                missing = [u for u in b if u not in a]
                if missing:
                    holder, lacking = (first_units[0], sheet) if a is units else (sheet, first_units[0])
                    raise DataError(
                        f"{file}, sheet '{lacking}': no column for unit '{missing[0]}' (sheet '{holder}' has one); "
                        f"every component's sheet names the same units"
                    )
        filled = list(units.values()) + list(notes.values())
        number_col = columns["number"]
        for offset, row in enumerate(rows[index + 1 :], start=index + 2):
            if not any(_text(c) for c in row):
                continue
            where = f"{file}, sheet '{sheet}', row {offset}"
            number = _text(_cell(row, number_col))
            found = _criterion(number, fw, f"{where}, column {_letter(number_col)}")
            if found is None:
                _heading_or_error(row, number, filled, where)
                continue
            owner, sub, shown = found
            if owner is not component:
                raise DataError(
                    f"{where}, column {_letter(number_col)}: criterion {shown} belongs to component {owner.code}, "
                    f"not to this sheet's ({component.code})"
                )
            text = _text(_cell(row, columns["text"]))
            criterion = shown if component.criteria.get(sub) else (text or shown)
            for unit, col in units.items():
                record = {
                    "unit": unit,
                    "component": component.code,
                    "subcomponent": sub,
                    "criterion": criterion,
                    "answer": _cell(row, col),
                    "row": SheetRow(offset, sheet, f"{_letter(col)}{offset}", unit),
                }
                record.update({k: _cell(row, notes[(k, unit)]) for k in OPTIONAL if (k, unit) in notes})
                records.append(record)
    return records
