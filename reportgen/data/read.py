"""Read a respondents × columns table from .csv, .xlsx or SPSS .sav.

Cells are kept as written (strings or numbers; a blank cell is None or ""); coding answers is
:mod:`reportgen.data.coding`'s job. SPSS value labels are returned alongside, so a profile
column stored as 1/2 can be shown as "Laki-laki"/"Perempuan". CSV is read with the standard
library's csv module and .xlsx with openpyxl, so a run on a CSV or Excel file does not pay for
importing pandas; .sav goes through pyreadstat.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.errors import DataError

SUPPORTED = (".csv", ".xlsx", ".sav")


@dataclass(frozen=True)
class RawTable:
    """The data file as read: its columns (header → cells; a blank is None, or "" in a CSV file),
    value labels, and how rows are called in messages."""

    columns: dict[str, list]
    n_rows: int
    name: str
    value_labels: dict[str, dict] = field(default_factory=dict)
    first_data_row: int = 2  # spreadsheet row of the first respondent (row 1 is the header)


def read_table(path: Path, sheet: str | None = None) -> RawTable:
    """Read ``path`` by its extension.

    Raises
    ------
    DataError
        Missing, empty, unreadable file, or an unsupported extension.
    """
    name = path.name
    if not path.is_file():
        raise DataError(f"{path}: data file not found")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise DataError(f"{name}: unsupported data file type '{suffix}'; use {', '.join(SUPPORTED)}")
    if path.stat().st_size == 0:
        raise DataError(f"{name}: the data file is empty")
    labels: dict[str, dict] = {}
    first_row = 2
    try:
        if suffix == ".csv":
            header, rows = _read_csv(path)
        elif suffix == ".xlsx":
            header, rows = _read_xlsx(path, sheet)
        else:
            header, rows, labels = _read_sav(path)
            first_row = 1
    except DataError:
        raise
    except (ValueError, KeyError, OSError, UnicodeDecodeError, csv.Error) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise DataError(f"{name}: cannot read the data file ({detail})") from None
    except Exception as exc:  # readers raise their own types (zipfile, pyreadstat)
        if exc.__class__.__module__.split(".")[0] in ("zipfile", "pyreadstat", "openpyxl"):
            raise DataError(f"{name}: cannot read the data file ({exc.__class__.__name__}: {exc})") from None
        raise
    if not rows:
        raise DataError(f"{name}: the data file has no respondents (no rows under the header)")
    names = _column_names(header)
    width = len(names)
    for number, row in enumerate(rows):
        if len(row) != width:
            if len(row) > width and any(cell not in (None, "") for cell in row[width:]):
                raise DataError(f"{name}, row {number + first_row}: {len(row)} cells, but the header names {width} columns")
            rows[number] = row[:width] + [None] * (width - len(row))
    cells = [list(column) for column in zip(*rows)]
    return RawTable(columns=dict(zip(names, cells)), n_rows=len(rows), name=name, value_labels=labels,
                    first_data_row=first_row)


def _column_names(header: list) -> list[str]:
    """Header cells as names: stripped, "Unnamed: i" for a blank, "X.1" for a second "X" (as pandas names them)."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for i, cell in enumerate(header):
        text = "" if cell is None else str(cell).strip()
        text = text or f"Unnamed: {i}"
        if text in seen:
            seen[text] += 1
            text = f"{text}.{seen[text]}"
        seen.setdefault(text, 0)
        names.append(text)
    return names


def _read_csv(path: Path) -> tuple[list, list[list]]:
    """CSV with the delimiter sniffed (',' ';' or tab: Indonesian Excel exports use ';').
    Empty lines are skipped; an empty cell stays "" (coding and the profile read it as blank)."""
    with path.open("r", encoding="utf-8-sig", errors="strict", newline="") as handle:
        sample = handle.read(65536)
        try:
            delimiter = csv.Sniffer().sniff(sample.splitlines()[0] if sample else "", delimiters=",;\t").delimiter
        except csv.Error:
            delimiter = ","
        handle.seek(0)
        lines = [row for row in csv.reader(handle, delimiter=delimiter, skipinitialspace=True) if row]
    if not lines:
        raise DataError(f"{path.name}: the data file is empty")
    return lines[0], lines[1:]


def _read_xlsx(path: Path, sheet: str | None) -> tuple[list, list[list]]:
    """The named sheet (or the first) of a workbook, as pandas reads it: the sheet's declared size
    is ignored (some writers get it wrong), trailing rows with no value are dropped, and the header
    is as wide as the widest row (a column of values without a name is "Unnamed: i")."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise DataError(f"{path.name}: no sheet '{sheet}' in the workbook (sheets: {', '.join(workbook.sheetnames)})")
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        worksheet.reset_dimensions()
        rows = [[None if isinstance(v, str) and v.strip() == "" else v for v in row]
                for row in worksheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    for row in rows:
        while row and row[-1] is None:
            row.pop()
    while rows and not rows[-1]:
        rows.pop()
    if not rows:
        raise DataError(f"{path.name}: the data file is empty")
    width = max(len(row) for row in rows)
    return rows[0] + [None] * (width - len(rows[0])), rows[1:]


def _read_sav(path: Path) -> tuple[list, list[list], dict[str, dict]]:
    """An SPSS file with its value labels (codes are kept; labels are applied to the profile)."""
    import pyreadstat

    frame, meta = pyreadstat.read_sav(str(path), apply_value_formats=False)
    labels = {str(k): v for k, v in (meta.variable_value_labels or {}).items()}
    rows = [[None if isinstance(v, float) and math.isnan(v) else v for v in row] for row in frame.itertuples(index=False)]
    return list(frame.columns), rows, labels
