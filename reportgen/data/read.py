"""Read a respondents × columns table from .csv, .xlsx or SPSS .sav.

Cells are kept as written (strings or numbers); coding answers is :mod:`reportgen.data.coding`'s
job. SPSS value labels are returned alongside, so a profile column stored as 1/2 can be shown
as "Laki-laki"/"Perempuan".
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from reportgen.errors import DataError

SUPPORTED = (".csv", ".xlsx", ".sav")


@dataclass(frozen=True)
class RawTable:
    """The data file as read: cells, value labels, and how rows are called in messages."""

    frame: pd.DataFrame
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
            frame = _read_csv(path)
        elif suffix == ".xlsx":
            frame = pd.read_excel(path, sheet_name=sheet if sheet is not None else 0, dtype=object, engine="openpyxl")
        else:
            import pyreadstat

            frame, meta = pyreadstat.read_sav(str(path), apply_value_formats=False)
            labels = {str(k): v for k, v in (meta.variable_value_labels or {}).items()}
            first_row = 1
    except DataError:
        raise
    except (ValueError, KeyError, OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise DataError(f"{name}: cannot read the data file ({detail})") from None
    except Exception as exc:  # readers raise their own types (zipfile, pyreadstat)
        if exc.__class__.__module__.split(".")[0] in ("zipfile", "pyreadstat", "openpyxl"):
            raise DataError(f"{name}: cannot read the data file ({exc.__class__.__name__}: {exc})") from None
        raise
    frame.columns = [str(c).strip() for c in frame.columns]
    if frame.empty or len(frame.index) == 0:
        raise DataError(f"{name}: the data file has no respondents (no rows under the header)")
    return RawTable(frame=frame.reset_index(drop=True), name=name, value_labels=labels, first_data_row=first_row)


def _read_csv(path: Path) -> pd.DataFrame:
    """CSV with the delimiter sniffed (',' ';' or tab: Indonesian Excel exports use ';')."""
    with path.open("r", encoding="utf-8-sig", errors="strict", newline="") as handle:
        sample = handle.read(65536)
    try:
        delimiter = csv.Sniffer().sniff(sample.splitlines()[0] if sample else "", delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    return pd.read_csv(path, sep=delimiter, dtype=str, encoding="utf-8-sig", skipinitialspace=True, keep_default_na=False, na_values=[""])
