"""Read a respondents × columns table from .csv, .xlsx or SPSS .sav.

Cells are kept as written (strings or numbers; a blank cell is None or ""); coding answers is
:mod:`reportgen.data.coding`'s job. SPSS value labels are returned alongside, so a profile
column stored as 1/2 can be shown as "Laki-laki"/"Perempuan". CSV is read with the standard
library's csv module (its encoding recognised by :mod:`reportgen.data.encoding`) and .xlsx with
openpyxl, so a run on a CSV or Excel file does not pay for importing pandas; .sav goes through
pyreadstat.

A wholly blank row (an empty Excel row, a CSV line of commas only) is not a respondent: it is
skipped and listed in :attr:`RawTable.blank_rows`. Every kept row remembers its row number in the
file, so messages name the row a user sees in Excel.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.data.encoding import decode_text
from reportgen.errors import DataError

SUPPORTED = (".csv", ".xlsx", ".sav")


@dataclass(frozen=True)
class RawTable:
    """The data file as read.

    ``columns``: header → cells (a blank is None, or "" in a CSV file); ``rows``: the file's row
    number of each respondent (the header is row 1; in a .sav file, case numbers); ``name``: how
    messages call the file (with the sheet of a workbook); ``duplicates``: header names written
    more than once, with their column numbers; ``notes``: what the user should know (blank rows
    skipped, the encoding when it was not UTF-8).
    """

    columns: dict[str, list]
    rows: list[int]
    name: str
    value_labels: dict[str, dict] = field(default_factory=dict)
    row_word: str = "row"
    blank_rows: list[int] = field(default_factory=list)
    duplicates: dict[str, list[int]] = field(default_factory=dict)
    other_sheets: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def n_rows(self) -> int:
        return len(self.rows)


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
    row_word, notes, other_sheets = "row", [], []
    try:
        if suffix == ".csv":
            records, encoding = _read_csv(path)
            if encoding:
                notes.append(f"{name} was read as {encoding} text")
        elif suffix == ".xlsx":
            records, shown, other_sheets = _read_xlsx(path, sheet)
            name = f"{name}, sheet '{shown}'"
        else:
            records, labels = _read_sav(path)
            row_word = "case"
    except DataError:
        raise
    except (ValueError, KeyError, OSError, UnicodeDecodeError, csv.Error) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise DataError(f"{name}: cannot read the data file ({detail})") from None
    except Exception as exc:  # readers raise their own types (zipfile, pyreadstat)
        if exc.__class__.__module__.split(".")[0] in ("zipfile", "pyreadstat", "openpyxl"):
            raise DataError(f"{name}: cannot read the data file ({exc.__class__.__name__}: {exc})") from None
        raise
    numbered = [(number + 1, row) for number, row in enumerate(records)]
    if row_word == "row":  # the header is the first row with anything in it
        while numbered and _blank(numbered[0][1]):
            numbered.pop(0)
        if not numbered:
            raise DataError(f"{name}: the data file is empty")
        header = numbered.pop(0)[1]
    else:
        header = records.header
    blank = [number for number, row in numbered if _blank(row)]
    numbered = [(number, row) for number, row in numbered if not _blank(row)]
    if blank:
        notes.append(f"{name}: {_count(len(blank), 'wholly blank ' + row_word)} skipped ({_spans(blank, row_word)})")
    if not numbered:
        raise DataError(f"{name}: the data file has no respondents (no rows under the header)" + other_sheets_hint(other_sheets))
    names, duplicates = _column_names(header)
    width = len(names)
    cells_of = []
    for number, row in numbered:
        if len(row) != width:
            if len(row) > width and any(not _empty(cell) for cell in row[width:]):
                raise DataError(f"{name}, {row_word} {number}: {len(row)} cells, but the header names {width} columns")
            row = list(row[:width]) + [None] * (width - len(row))
        cells_of.append(row)
    columns = [list(column) for column in zip(*cells_of)] if width else []
    return RawTable(columns=dict(zip(names, columns)), rows=[n for n, _ in numbered], name=name, value_labels=labels,
                    row_word=row_word, blank_rows=blank, duplicates=duplicates, other_sheets=other_sheets, notes=notes)


def other_sheets_hint(names: list[str]) -> str:
    """' (the workbook also has the sheet Data; choose one with data.sheet)' when there are others."""
    if not names:
        return ""
    return f" (the workbook also has the sheet{'s' if len(names) > 1 else ''} {', '.join(names)}; choose one with data.sheet)"


def _empty(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and cell.strip() == "") or (isinstance(cell, float) and math.isnan(cell))


def _blank(row: list) -> bool:
    return all(_empty(cell) for cell in row)


def _count(n: int, word: str) -> str:
    return f"1 {word} was" if n == 1 else f"{n} {word}s were"


def _spans(numbers: list[int], word: str) -> str:
    """'row 7' / 'rows 7, 12–15' (at most ten ranges shown)."""
    ranges: list[list[int]] = []
    for n in numbers:
        if ranges and n == ranges[-1][1] + 1:
            ranges[-1][1] = n
        else:
            ranges.append([n, n])
    shown = [str(a) if a == b else f"{a}–{b}" for a, b in ranges[:10]]
    more = ", …" if len(ranges) > 10 else ""
    return f"{word}{'s' if len(numbers) > 1 else ''} {', '.join(shown)}{more}"


def _column_names(header: list) -> tuple[list[str], dict[str, list[int]]]:
    """Header cells as names (stripped; "Unnamed: i" for a blank) and the names written twice.

    A repeated name keeps its first column; the later ones get names no study can ask for, and
    :func:`reportgen.data.prepare.prepare` refuses a study that uses a repeated name.
    """
    names: list[str] = []
    where: dict[str, list[int]] = {}
    for i, cell in enumerate(header):
        text = "" if cell is None else str(cell).strip()
        text = text or f"Unnamed: {i}"
        where.setdefault(text, []).append(i + 1)
        names.append(text if len(where[text]) == 1 else f"{text} (column {i + 1})")
    return names, {name: columns for name, columns in where.items() if len(columns) > 1}


def _read_csv(path: Path) -> tuple[list[list], str | None]:
    """The records of a CSV file (an empty line is an empty record) and its encoding when not UTF-8.

    The delimiter is sniffed from the first line (',' ';' or tab: Indonesian Excel exports use ';');
    an empty cell stays "" (coding and the profile read it as blank)."""
    text, encoding = decode_text(path.read_bytes(), path.name)
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        delimiter = csv.Sniffer().sniff(first, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True))
    if not any(records):
        raise DataError(f"{path.name}: the data file is empty")
    return records, encoding


def _read_xlsx(path: Path, sheet: str | None) -> tuple[list[list], str, list[str]]:
    """The named sheet (or the first) of a workbook, as pandas reads it: the sheet's declared size
    is ignored (some writers get it wrong), trailing cells with no value are dropped, and the header
    is as wide as the widest row (a column of values without a name is "Unnamed: i").
    Returns the records, the sheet's name and the workbook's other sheets."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        names = list(workbook.sheetnames)
        if sheet is not None and sheet not in names:
            raise DataError(f"{path.name}: no sheet '{sheet}' in the workbook (sheets: {', '.join(names)})")
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        chosen = worksheet.title
        worksheet.reset_dimensions()
        rows = [[None if isinstance(v, str) and v.strip() == "" else v for v in row]
                for row in worksheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    for row in rows:
        while row and row[-1] is None:
            row.pop()
    if not any(rows):
        raise DataError(f"{path.name}, sheet '{chosen}': the sheet is empty"
                        + (f" (other sheets: {', '.join(n for n in names if n != chosen)}; choose one with data.sheet)"
                           if len(names) > 1 else ""))
    width = max(len(row) for row in rows)
    return [row + [None] * (width - len(row)) for row in rows], chosen, [n for n in names if n != chosen]


class _Cases(list):
    """The cases of a .sav file, with its variable names as ``header``."""

    header: list


def _read_sav(path: Path) -> tuple[_Cases, dict[str, dict]]:
    """An SPSS file with its value labels (codes are kept; labels are applied to the profile)."""
    import pyreadstat

    frame, meta = pyreadstat.read_sav(str(path), apply_value_formats=False)
    labels = {str(k): v for k, v in (meta.variable_value_labels or {}).items()}
    cases = _Cases([None if isinstance(v, float) and math.isnan(v) else v for v in row] for row in frame.itertuples(index=False))
    cases.header = list(frame.columns)
    return cases, labels
