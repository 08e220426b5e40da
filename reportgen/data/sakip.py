"""Reading the Lembar Kerja Evaluasi answers and the score history of a SAKIP report.

Answers: one row per criterion of a unit — ``unit, component, subcomponent, criterion, answer[, note]``.
Every problem is named by file and row: unknown component or sub-component, an answer outside
Y/T, A–E or 0–100, a criterion written twice, a unit with no answers for a sub-component.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from reportgen.config import bounds
from reportgen.data.read import RawTable, read_table
from reportgen.errors import DataError, ReportgenError, did_you_mean, one_or_all
from reportgen.interpret.sakip import Component, answer_value

ANSWER_COLUMNS = ("unit", "component", "subcomponent", "criterion", "answer")
HISTORY_COLUMNS = ("unit", "year", "total")


@dataclass(frozen=True)
class Answers:
    """Valid answers: the columns above plus ``value`` (0…1), ``note`` and the file ``row``."""

    frame: pd.DataFrame
    units: list[str]
    notes: tuple[str, ...] = ()


def _records(raw: RawTable, wanted) -> list[dict[str, object]]:
    """The rows with lower-case column names, after checking that the ``wanted`` columns exist."""
    names = [name.lower() for name in raw.columns]
    missing = [c for c in wanted if c not in names]
    if missing:
        raise DataError(f"{raw.name}: column '{missing[0]}' not found (the file needs {', '.join(wanted)})")
    return [dict(zip(names, cells)) for cells in zip(*raw.columns.values())]


def read_answers(path: Path, components: tuple[Component, ...]) -> Answers:
    raw = read_table(path)
    records = _records(raw, ANSWER_COLUMNS)
    known = {c.code: {s for s, _ in c.subcomponents} for c in components}
    problems: list[ReportgenError] = []
    rows, seen = [], {}
    for row, record in zip(raw.rows, records):
        where = f"{raw.name}, row {row}"
        cells = {k: ("" if record.get(k) is None else str(record.get(k)).strip()) for k in ANSWER_COLUMNS + ("note",)}
        unit, component, sub, criterion = (cells[k] for k in ("unit", "component", "subcomponent", "criterion"))
        if not unit or not criterion:
            problems.append(DataError(f"{where}: the {'unit' if not unit else 'criterion'} is blank"))
            continue
        component = component.lower()
        sub = sub.lower()
        if component not in known:
            problems.append(DataError(f"{where}, column component: '{cells['component']}' is not a component of the framework"
                                      + (did_you_mean(component, known) or f" ({', '.join(known)})")))
            continue
        if sub not in known[component]:
            problems.append(DataError(f"{where}, column subcomponent: '{cells['subcomponent']}' is not a sub-component of {component}"
                                      + (did_you_mean(sub, sorted(known[component])) or f" ({', '.join(sorted(known[component]))})")))
            continue
        value = answer_value(cells["answer"]) if cells["answer"] else None
        if value is None:
            problems.append(DataError(f"{where}, column answer: '{cells['answer']}' is not an allowed answer (Y/T, A–E or a number 0–100)"))
            continue
        key = (unit, component, sub, criterion.lower())
        if key in seen:
            problems.append(DataError(f"{where}: criterion '{criterion}' of unit {unit} ({component}/{sub}) is already answered in row {seen[key]}"))
            continue
        seen[key] = row
        rows.append({"unit": unit, "component": component, "subcomponent": sub, "criterion": criterion,
                     "answer": cells["answer"], "value": value, "note": cells["note"], "row": row})
    units = list(dict.fromkeys(r["unit"] for r in rows))
    _check_counts(raw.name, rows, units)
    if not problems:
        covered = {(r["unit"], r["component"], r["subcomponent"]) for r in rows}
        for unit in units:
            for c in components:
                for s, _ in c.subcomponents:
                    if (unit, c.code, s) not in covered:
                        problems.append(DataError(f"{raw.name}: unit '{unit}' has no answers for {c.code} / {s}"))
    if problems:
        raise one_or_all(problems)
    return Answers(frame=pd.DataFrame(rows), units=units, notes=tuple(raw.notes))


def _check_counts(name: str, rows: list[dict], units: list[str]) -> None:
    """At most :data:`~reportgen.config.bounds.MAX_UNITS` units (one LHE each) and
    :data:`~reportgen.config.bounds.MAX_CRITERIA` criteria per unit."""
    if len(units) > bounds.MAX_UNITS:
        raise DataError(f"{name}: {len(units):,} units; a report takes at most {bounds.MAX_UNITS} (each gets an LHE of its own): "
                        f"split the units into several study files")
    counts = Counter(r["unit"] for r in rows)
    unit, most = counts.most_common(1)[0] if counts else ("", 0)
    if most > bounds.MAX_CRITERIA:
        raise DataError(f"{name}: unit '{unit}' has {most:,} criteria; a worksheet has at most {bounds.MAX_CRITERIA} "
                        f"(PermenPAN-RB 88/2021's has 80)")


def read_history(path: Path) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Earlier totals: ``unit, year, total`` (0–100); and notes on the file (blank rows skipped)."""
    raw = read_table(path)
    records = _records(raw, HISTORY_COLUMNS)
    out, problems = [], []
    for row, record in zip(raw.rows, records):
        where = f"{raw.name}, row {row}"
        try:
            year = int(float(str(record["year"]).strip()))
            total = float(str(record["total"]).strip().replace(",", "."))
        except ValueError:
            shown = ["" if record[k] is None else record[k] for k in ("year", "total")]
            problems.append(DataError(f"{where}: year and total must be numbers ('{shown[0]}', '{shown[1]}')"))
            continue
        if not 0 <= total <= 100:
            problems.append(DataError(f"{where}, column total: {total:g} is outside 0–100"))
            continue
        out.append({"unit": str(record["unit"]).strip(), "year": year, "total": total})
    if problems:
        raise one_or_all(problems)
    return pd.DataFrame(out, columns=list(HISTORY_COLUMNS)), tuple(raw.notes)


FOLLOW_UP_COLUMNS = ("unit", "recommendation", "status")
STATUSES = {"done": "done", "selesai": "done", "sudah": "done", "sesuai": "done",
            "in progress": "in progress", "dalam proses": "in progress", "proses": "in progress",
            "not yet": "not yet", "belum": "not yet", "belum ditindaklanjuti": "not yet"}


def read_follow_up(path: Path, units: list[str]) -> pd.DataFrame:
    """Last year's recommendations and what became of them: ``unit, recommendation, status[, note]``.

    The status is ``done``, ``in progress`` or ``not yet`` (or ``selesai``/``sudah``, ``dalam
    proses``, ``belum``), stored as the English word; every unit must be one of this year's.
    """
    raw = read_table(path)
    records = _records(raw, FOLLOW_UP_COLUMNS)
    out, problems = [], []
    for row, record in zip(raw.rows, records):
        where = f"{raw.name}, row {row}"
        cells = {k: ("" if record.get(k) is None else str(record.get(k)).strip()) for k in FOLLOW_UP_COLUMNS + ("note",)}
        if cells["unit"] not in units:
            problems.append(DataError(f"{where}, column unit: '{cells['unit']}' is not a unit of this year's answers"
                                      + (did_you_mean(cells["unit"], units) or "")))
            continue
        if not cells["recommendation"]:
            problems.append(DataError(f"{where}, column recommendation: the recommendation is blank"))
            continue
        status = STATUSES.get(" ".join(cells["status"].lower().split()))
        if status is None:
            problems.append(DataError(f"{where}, column status: '{cells['status']}' is not a status; use done, in progress "
                                      f"or not yet (selesai, dalam proses, belum)"))
            continue
        out.append({"unit": cells["unit"], "recommendation": cells["recommendation"], "status": status,
                    "note": cells["note"], "row": row})
    if problems:
        raise one_or_all(problems)
    return pd.DataFrame(out, columns=["unit", "recommendation", "status", "note", "row"])
