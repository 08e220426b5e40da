"""A workbook's codebook sheet: what each coded column means, as SPSS's Variable View has it.

Students who enter answers as numbers in Excel often keep, beside the data, a sheet named
``codes`` (or ``kode``, ``codebook``, ``keterangan``, ``label``) with three columns:

    column | code | label
    jk     | 1    | Laki-laki
    jk     | 2    | Perempuan
    jk     |      | Jenis kelamin          ← no code: the column's own label
    X1.1   |      | Saya memahami target kinerja unit saya

A row with a code is a value label (``1`` of ``jk`` is "Laki-laki"), a row without one the
column's label (a profile column's name, an item's statement); the headers may also be
Indonesian (``kolom``/``variabel``, ``kode``/``nilai``, ``label``/``keterangan``/``arti``).
:func:`with_codebook` gives the data sheet those labels, as a .sav file carries its own.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reportgen.data.coding import normalise_word
from reportgen.data.read import RawTable, read_table
from reportgen.errors import DataError
from reportgen.words.messages import Localized

SHEETS = ("codes", "kode", "codebook", "keterangan", "label", "labels")
COLUMN = ("column", "kolom", "variable", "variabel")
CODE = ("code", "kode", "nilai", "value")
LABEL = ("label", "keterangan", "arti", "meaning")


def codebook_sheet(raw: RawTable) -> str | None:
    """The name of the workbook's codebook sheet among its other sheets, or None."""
    return next((name for name in raw.other_sheets if normalise_word(name) in SHEETS), None)


def with_codebook(raw: RawTable, path: Path) -> RawTable:
    """``raw`` (a workbook's data sheet) with the variable and value labels of its codebook
    sheet; ``raw`` itself when the workbook has none."""
    sheet = codebook_sheet(raw)
    if sheet is None:
        return raw
    book = read_table(path, sheet)
    where = {kind: _header(book, names, sheet, path) for kind, names in (("column", COLUMN), ("code", CODE), ("label", LABEL))}
    variables = dict(raw.variable_labels)
    values = {column: dict(labels) for column, labels in raw.value_labels.items()}
    for k, number in enumerate(book.rows):
        column, code, label = (_text(book.columns[where[kind]][k]) for kind in ("column", "code", "label"))
        if not column or not label:
            continue
        if column not in raw.columns:
            raise DataError.coded("codebook.no_column", file=book.name, row=number, column=column)
        if code:
            values.setdefault(column, {})[_number(code)] = label
        else:
            variables[column] = label
    return replace(raw, variable_labels=variables, value_labels=values)


def _header(book: RawTable, names: tuple[str, ...], sheet: str, path: Path) -> str:
    found = next((header for header in book.columns if normalise_word(header) in names), None)
    if found is None:
        raise DataError.coded("codebook.header", file=path.name, sheet=sheet, names=Localized(" or ".join(names[:2]), " atau ".join(names[:2])))
    return found


def _text(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())


def _number(code: str):
    """A code as the data hold it: 1 for "1" (the cells of a coded column are numbers), else the text."""
    try:
        number = float(code)
    except ValueError:
        return code
    return int(number) if number.is_integer() else number
