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

Every reader is bounded (:mod:`reportgen.data.limits`): a file over 100 MB is refused before it is
opened, a table over ten million cells while it is read, and a workbook's zip is checked by
:mod:`reportgen.data.archive` before openpyxl opens it. A damaged file is one line naming it (and
its member, sheet or line).
"""

from __future__ import annotations

import contextlib
import csv
import math
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.data import limits
from reportgen.data.archive import Archive, open_archive
from reportgen.data.encoding import text_encoding
from reportgen.errors import DataError
from reportgen.words.messages import Localized, phrase

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
    variable_labels: dict[str, str] = field(default_factory=dict)  # a .sav variable's label: its question or what it records
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
        raise DataError.coded("data.not_found", file=str(path))
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise DataError.coded("data.unsupported", file=name, suffix=suffix, kinds=", ".join(SUPPORTED))
    size = path.stat().st_size
    if size == 0:
        raise DataError.coded("data.empty", file=name)
    if size > limits.MAX_DATA_BYTES:
        raise DataError(limits.too_large(name, size))
    labels: dict[str, dict] = {}
    variables: dict[str, str] = {}
    row_word = "row"
    notes: list[str] = []
    other_sheets: list[str] = []
    try:
        if suffix == ".csv":
            records, encoding = _read_csv(path)
            if encoding:
                notes.append(phrase("data.encoding", file=name, encoding=encoding))
        elif suffix == ".xlsx":
            records, shown, other_sheets = _read_xlsx(path, sheet)
            name = f"{name}, sheet '{shown}'"
        else:
            records, labels, variables = _read_sav(path)
            row_word = "case"
    except DataError:
        raise
    except (ValueError, KeyError, OSError, UnicodeDecodeError, csv.Error) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise DataError.coded("data.unreadable", file=name, detail=detail) from None
    except Exception as exc:  # readers raise their own types (zipfile, pyreadstat)
        if exc.__class__.__module__.split(".")[0] in ("zipfile", "pyreadstat", "openpyxl"):
            raise DataError.coded("data.unreadable", file=name, detail=f"{exc.__class__.__name__}: {exc}") from None
        raise
    numbered = [(number + 1, row) for number, row in enumerate(records)]
    if row_word == "row":  # the header is the first row with anything in it
        while numbered and _blank(numbered[0][1]):
            numbered.pop(0)
        if not numbered:
            raise DataError.coded("data.empty", file=name)
        header = numbered.pop(0)[1]
    else:
        assert isinstance(records, _Cases)  # a .sav file's cases, which carry the header
        header = records.header
    blank = [number for number, row in numbered if _blank(row)]
    numbered = [(number, row) for number, row in numbered if not _blank(row)]
    if blank:
        notes.append(_blank_rows_note(name, blank, row_word))
    if not numbered:
        raise DataError.coded("data.no_rows", file=name, hint=other_sheets_hint(other_sheets))
    names, duplicates = _column_names(header)
    width = len(names)
    cells_of = []
    for number, row in numbered:
        if len(row) != width:
            if len(row) > width and any(not _empty(cell) for cell in row[width:]):
                raise DataError.coded("data.row_width", file=name, row=_row(row_word, number), cells=len(row), width=width)
            row = list(row[:width]) + [None] * (width - len(row))
        cells_of.append(row)
    columns = [list(column) for column in zip(*cells_of)] if width else []
    return RawTable(
        columns=dict(zip(names, columns)),
        rows=[n for n, _ in numbered],
        name=name,
        value_labels=labels,
        variable_labels=variables,
        row_word=row_word,
        blank_rows=blank,
        duplicates=duplicates,
        other_sheets=other_sheets,
        notes=notes,
    )


def other_sheets_hint(names: list[str]) -> Localized | str:
    """' (the workbook also has the sheet Data; choose one with data.sheet)' when there are others."""
    if not names:
        return ""
    return phrase("hint.other_sheets", s="s" if len(names) > 1 else "", names=", ".join(names))


def _empty(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and cell.strip() == "") or (isinstance(cell, float) and math.isnan(cell))


def _blank(row: list) -> bool:
    return all(_empty(cell) for cell in row)


def _row(row_word: str, number: int) -> Localized:
    """ "row 7" / "baris 7" ("case 7" / "kasus 7" in an SPSS file)."""
    return Localized(f"{row_word} {number}", f"{phrase('data.' + row_word).get('id')} {number}")


def _blank_rows_note(name: str, blank: list[int], row_word: str) -> Localized:
    """ "data.csv: 2 wholly blank rows were skipped (rows 7, 12)" (and its Indonesian)."""
    count = len(blank)
    word = phrase(f"data.{row_word}" + ("s" if count > 1 else ""))
    return phrase(
        "data.blank_rows",
        file=name,
        count=count,
        row=word,
        were="was" if count == 1 else "were",
        where=Localized(_spans(blank, word.get("en")), _spans(blank, word.get("id"))),
    )


def _spans(numbers: list[int], word: str) -> str:
    """'rows 7, 12–15' (at most ten ranges shown), after ``word``."""
    ranges: list[list[int]] = []
    for n in numbers:
        if ranges and n == ranges[-1][1] + 1:
            ranges[-1][1] = n
        else:
            ranges.append([n, n])
    shown = [str(a) if a == b else f"{a}–{b}" for a, b in ranges[:10]]
    more = ", …" if len(ranges) > 10 else ""
    return f"{word} {', '.join(shown)}{more}"


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
    an empty cell stays "" (coding and the profile read it as blank). The file is read as a
    stream, its cells counted: the table stops at :data:`~reportgen.data.limits.MAX_CELLS`."""
    name = path.name
    codec, encoding = text_encoding(path)
    delimiter = _delimiter(path, codec)
    records, cells = [], 0
    with path.open(encoding=codec, newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter, skipinitialspace=True)
        try:
            for record in reader:
                cells += max(1, len(record))
                if cells > limits.MAX_CELLS:
                    raise DataError(limits.too_many_cells(f"{name}, line {reader.line_num}"))
                records.append(record)
        except csv.Error as exc:
            if "field limit" in str(exc):
                raise DataError(
                    f'{name}, line {reader.line_num}: a cell has more than {csv.field_size_limit():,} characters (is a quote " never closed?)'
                ) from None
            raise DataError(f"{name}, line {reader.line_num}: cannot read the CSV file ({exc})") from None
    if not any(records):
        raise DataError.coded("data.empty", file=name)
    return records, encoding


def _delimiter(path: Path, codec: str) -> str:
    """',' ';' or tab, as csv.Sniffer guesses from the first line that is not blank (at most its
    first 64 KB; ',' when it cannot tell)."""
    with path.open(encoding=codec, newline="") as handle:
        for line in iter(lambda: handle.readline(1 << 16), ""):
            if line.strip():
                try:
                    return csv.Sniffer().sniff(line.rstrip("\r\n"), delimiters=",;\t").delimiter
                except csv.Error:
                    return ","
    return ","


NOT_A_WORKBOOK = (
    "cannot read the data file (it is not an Excel workbook: an .xlsx file is a zip archive and this "
    "file is not one; save it again from Excel as 'Excel Workbook (*.xlsx)')"
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old .xls, or any password-protected Office file
# what openpyxl raises on a workbook whose parts are missing, malformed or inconsistent (its own
# exceptions subclass these); a zip that passed Archive.verify has no damage left for zipfile or zlib
_OPENPYXL_ERRORS = (
    SyntaxError,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    AttributeError,
    OSError,
    EOFError,
    zipfile.BadZipFile,
    zlib.error,
    NotImplementedError,
    RuntimeError,
)


class NotAWorkbook(DataError):
    """An .xlsx file that is an old .xls, a password-protected file or a zip without a workbook."""


@contextlib.contextmanager
def opened_workbook(path: Path):
    """(workbook, archive, each sheet's zip member) of an .xlsx, read by openpyxl read-only from
    the verified zip (:meth:`Archive.verify`: at most 100 MB unpacked, every member intact), and
    closed after. An old .xls, a password-protected file or a zip that holds no workbook raises
    :class:`NotAWorkbook`; openpyxl's errors name the member."""
    from openpyxl.reader.excel import ExcelReader

    with path.open("rb") as handle:
        if handle.read(len(_OLE_MAGIC)) == _OLE_MAGIC:
            raise NotAWorkbook.coded("data.old_workbook", file=path.name)
    with open_archive(path, "workbook", NOT_A_WORKBOOK) as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl's warnings are not for the user
        archive.verify(limits.MAX_WORKBOOK_UNPACKED)
        if "[Content_Types].xml" not in archive.zip.namelist():
            raise NotAWorkbook(
                f"{path.name}: cannot read the data file (it is a zip archive but not an Excel workbook: it has no [Content_Types].xml)"
            )
        try:
            reader = ExcelReader(archive.handle, read_only=True, data_only=True)
            reader.read()
        except _OPENPYXL_ERRORS as exc:
            raise _workbook_error(archive, exc) from None
        workbook = reader.wb
        try:
            yield workbook, archive, _sheet_parts(reader, archive)
        finally:
            workbook.close()


def _read_xlsx(path: Path, sheet: str | None) -> tuple[list[list], str, list[str]]:
    """The named sheet (or the first) of a workbook, as pandas reads it: the sheet's declared size
    is ignored (some writers get it wrong), trailing cells with no value are dropped, and the header
    is as wide as the widest row (a column of values without a name is "Unnamed: i").
    Returns the records, the sheet's name and the workbook's other sheets.

    The zip is verified first (:meth:`Archive.verify`: at most 100 MB unpacked, every member
    intact), then read by openpyxl from the same open file; its errors name the member."""
    with opened_workbook(path) as (workbook, archive, parts):
        names = list(workbook.sheetnames)
        tables = {ws.title: ws for ws in workbook.worksheets}
        if sheet is not None and sheet not in names:
            raise DataError.coded("data.no_sheet", file=path.name, sheet=sheet, names=", ".join(names))
        chosen = sheet if sheet is not None else next(iter(tables), None)
        if chosen not in tables:
            raise DataError(f"{path.name}: " + (f"sheet '{sheet}' is a chart, not a table" if chosen else "the workbook has no sheet of cells"))
        assert chosen is not None  # a sheet of the workbook (tables has no None key)
        rows = _sheet_rows(tables[chosen], archive, parts[chosen], f"{path.name}, sheet '{chosen}'")
    if not any(rows):
        others = phrase("data.other_sheets", names=", ".join(n for n in names if n != chosen)) if len(names) > 1 else ""
        raise DataError.coded("data.sheet_empty", file=path.name, sheet=chosen, others=others)
    width = max(len(row) for row in rows)
    return [row + [None] * (width - len(row)) for row in rows], chosen, [n for n in names if n != chosen]


def _sheet_parts(reader, archive: Archive) -> dict[str, str]:
    """Each sheet's member in the zip, from openpyxl's reading of workbook.xml; a sheet whose member
    is missing (openpyxl would silently leave the sheet out) is refused."""
    parts = {}
    for sheet, rel in reader.parser.find_sheets():
        if rel.target not in reader.valid_files:
            raise archive.failure(rel.target, f"missing, though xl/workbook.xml lists sheet '{sheet.name}' there; the file is damaged")
        parts[sheet.name] = rel.target
    return parts


def _sheet_rows(worksheet, archive: Archive, member: str, where: str) -> list[list]:
    """The sheet's rows as lists of values, trailing empty cells dropped, the cells counted as they
    are read (a row of a sheet can be 16,384 cells wide however little its XML): at most MAX_CELLS."""
    rows, cells = [], 0
    worksheet.reset_dimensions()
    try:
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            cells += max(1, len(values))
            if cells > limits.MAX_CELLS:
                raise DataError(limits.too_many_cells(f"{where}, row {number}"))
            row = [None if isinstance(v, str) and v.strip() == "" else v for v in values]
            while row and row[-1] is None:
                row.pop()
            rows.append(row)
    except _OPENPYXL_ERRORS as exc:
        raise _workbook_error(archive, exc, member) from None
    return rows


def _workbook_error(archive: Archive, exc: Exception, member: str | None = None) -> DataError:
    """One line for what openpyxl raised: malformed XML names the member and line (found again by
    expat: openpyxl's parsers do not say which part they were reading); anything else names
    ``member`` when known and the error's first line (openpyxl's own or, when it wraps one, the
    error it wraps)."""
    if isinstance(exc, SyntaxError):
        found = archive.malformed_xml()
        if found is not None:
            return archive.failure(f"{found[0]}, line {found[1]}", f"malformed XML ({found[2]})")
    cause = exc.__cause__ if isinstance(exc.__cause__, Exception) else exc
    text = str(cause).strip().splitlines()[0] if str(cause).strip() else ""
    return archive.failure(member, f"{cause.__class__.__name__}{': ' + text if text else ''}; the file is damaged")


class _Cases(list):
    """The cases of a .sav file, with its variable names as ``header``."""

    header: list


def _read_sav(path: Path) -> tuple[_Cases, dict[str, dict], dict[str, str]]:
    """An SPSS file with its value labels (codes are kept; labels are applied to the profile)
    and its variable labels.

    Its header is read first (pyreadstat's ``metadataonly``): cases × variables over MAX_CELLS are
    refused before the data is read, and ``row_limit`` keeps a header that lies from mattering."""
    import pyreadstat

    try:
        _, header = pyreadstat.read_sav(str(path), metadataonly=True)
        width = max(1, header.number_columns or len(header.column_names or []))
        allowed = max(1, limits.MAX_CELLS // width)
        if header.number_rows is not None and header.number_rows > allowed:
            raise DataError(limits.too_many_cells(f"{path.name} ({header.number_rows:,} cases × {width:,} variables)"))
        frame, meta = pyreadstat.read_sav(str(path), apply_value_formats=False, row_limit=allowed + 1)
    except (pyreadstat.ReadstatError, pyreadstat.PyreadstatError) as exc:
        raise DataError.coded("data.spss_unreadable", file=path.name, detail=str(exc)) from None
    if len(frame) > allowed:
        raise DataError(limits.too_many_cells(f"{path.name}, case {allowed + 1}"))
    labels = {str(k): v for k, v in (meta.variable_value_labels or {}).items()}
    cases = _Cases([None if isinstance(v, float) and math.isnan(v) else v for v in row] for row in frame.itertuples(index=False))
    cases.header = list(frame.columns)
    variables = {str(k): str(v) for k, v in (meta.column_names_to_labels or {}).items() if v and str(v).strip()}
    return cases, labels, variables
