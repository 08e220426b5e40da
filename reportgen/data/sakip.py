"""Reading the Lembar Kerja Evaluasi answers and the score history of a SAKIP report.

Answers: one row per criterion of a unit — ``unit, component, subcomponent, criterion, answer`` and,
for the findings, the evaluator's ``note`` (catatan: what was found), ``evidence`` (bukti dukung
examined), ``cause`` (sebab), ``effect`` (akibat) and ``recommendation`` (rekomendasi), each optional.
Components and sub-components may be written by code (``perencanaan``, ``keberadaan``), by the
regulation's name (``Perencanaan Kinerja``, ``Keberadaan``; ``pemenuhan`` for keberadaan) or by
number (``1``, ``1.a``); a criterion of a framework that lists its criteria (88/2021's LKE) by its
number (``1.a.1``) or its text. Every problem is named by file, row and column, and nothing is
scored silently: an answer outside the framework's scale; a number when the study does not say
whether numbers are percentages or fractions (``answers.numbers``); a criterion answered Y/T in one
unit and graded in another; a criterion a unit leaves out that other units answer (or, with an
official LKE, that the LKE lists: a left-out row would re-weight its sub-component); a criterion
written twice. ``N/A`` marks a criterion that does not apply to a unit: its sub-component's weight
is spread over the unit's other criteria there, and the report's notes say so.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import pandas as pd

from reportgen.config import bounds
from reportgen.data.read import RawTable, read_table
from reportgen.data.sakip_workbook import read_lke_workbook
from reportgen.errors import DataError, ReportgenError, did_you_mean, one_or_all
from reportgen.interpret.sakip import NOT_APPLICABLE, Component, Framework

ANSWER_COLUMNS = ("unit", "component", "subcomponent", "criterion", "answer")
HISTORY_COLUMNS = ("unit", "year", "total")
SUB_ALIASES = {"pemenuhan": "keberadaan"}  # the name the LKE of 12/2015 and many worksheets use for keberadaan


@dataclass(frozen=True)
class Answers:
    """Valid answers: the columns above plus ``number`` (the LKE's, or ''), ``value`` (0…1; NaN
    for N/A), ``exact`` (the value as a Fraction; None for N/A), the optional columns ('' when not
    written) and the file ``row``."""

    frame: pd.DataFrame
    units: list[str]
    notes: tuple[str, ...] = ()


OPTIONAL_COLUMNS = ("note", "evidence", "cause", "effect", "recommendation")
COLUMN_ALIASES = {"catatan": "note", "bukti_dukung": "evidence", "sebab": "cause", "akibat": "effect", "rekomendasi": "recommendation"}


def _column(name: str) -> str:
    """A header as the reader knows it: lower case, spaces as ``_``, the LKE's Indonesian names
    (``catatan``, ``bukti dukung``, ``sebab``, ``akibat``, ``rekomendasi``) as their English keys."""
    key = "_".join(str(name).casefold().split())
    return COLUMN_ALIASES.get(key, key)


def _records(raw: RawTable, wanted) -> list[dict[str, object]]:
    """The rows with the reader's column names (:func:`_column`), after checking that the
    ``wanted`` columns exist."""
    names = [_column(name) for name in raw.columns]
    missing = [c for c in wanted if c not in names]
    if missing:
        raise DataError(f"{raw.name}: column '{missing[0]}' not found (the file needs {', '.join(wanted)})")
    return [dict(zip(names, cells)) for cells in zip(*raw.columns.values())]


def _plain(text: str) -> str:
    """A name or criterion as compared: case, repeated spaces and a final full stop ignored."""
    return " ".join(text.casefold().split()).rstrip(".")


def _component_names(components: tuple[Component, ...]) -> dict[str, str]:
    """Every way of writing a component (code, its names, its number) → its code."""
    out = {}
    for k, c in enumerate(components, start=1):
        out[c.code] = c.code
        out[str(k)] = c.code
        for name in (c.name or {}).values():
            out[_plain(name)] = c.code
    return out


def _sub_names(component: Component, number: int) -> dict[str, str]:
    """Every way of writing a sub-component of ``component`` (code, names, number "1.a", alias) → its code."""
    out = {}
    for k, (sub, _) in enumerate(component.subcomponents):
        out[sub] = sub
        out[f"{number}.{'abcdefghijklmnopqrstuvwxyz'[k]}"] = sub
        for name in component.sub_names.get(sub, {}).values():
            out[_plain(name)] = sub
    out.update({alias: code for alias, code in SUB_ALIASES.items() if code in out})
    return out


def _number(text: str, numbers: str | None, where: str) -> Fraction:
    """A numeric answer as a share of the criterion's weight, read as the study declares."""
    value = Fraction(text.replace(",", "."))
    if numbers is None:
        raise DataError(
            f"{where}: '{text}' is a number, but the study file does not say how numbers read; "
            f"set answers.numbers to percent (0–100) or fraction (0–1)"
        )
    top = 100 if numbers == "percent" else 1
    if not 0 <= value <= top:
        raise DataError(f"{where}: {text} is outside 0–{top} (answers.numbers: {numbers})")
    return value / top


NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _answer(text: str, fw: Framework, numbers: str | None, where: str) -> tuple[Fraction | None, str]:
    """(share of the criterion's weight, kind): kind ``yes_no``, ``graded``, ``number`` or ``na``."""
    word = text.upper()
    if word in NOT_APPLICABLE:
        return None, "na"
    if word in fw.scale:
        return fw.scale[word], "yes_no" if word in fw.yes_no else "graded"
    if NUMBER.fullmatch(text):
        return _number(text, numbers, where), "number"
    allowed = ", ".join(fw.scale) + ", N/A" + (" or a number (answers.numbers)" if numbers is None else f" or a number ({numbers})")
    raise DataError(f"{where}: '{text}' is not an answer of the framework's scale ({allowed})")


def read_answers(path: Path, fw: Framework, numbers: str | None = None) -> Answers:
    """The LKE answers checked against ``fw``; ``numbers``: how a numeric answer reads
    (``percent``, ``fraction``, or None: not allowed)."""
    raw = read_lke_workbook(path, fw) or read_table(path)
    records = _records(raw, ANSWER_COLUMNS)
    _check_counts(raw.name, [{"unit": str(r.get("unit") or "").strip()} for r in records])  # sizes first: they bound the work
    components = {c.code: c for c in fw.components}
    comp_names = _component_names(fw.components)
    sub_names = {c.code: _sub_names(c, k) for k, c in enumerate(fw.components, start=1)}
    problems: list[ReportgenError] = []
    rows: list[dict[str, Any]] = []
    seen: dict[tuple[str, str, str, str], int] = {}  # (unit, component, sub-component, criterion) → its row
    for row, record in zip(raw.rows, records):
        where = f"{raw.name}, row {row}"
        cells = {k: ("" if record.get(k) is None else str(record.get(k)).strip()) for k in ANSWER_COLUMNS + OPTIONAL_COLUMNS}
        unit, criterion = cells["unit"], cells["criterion"]
        if not unit or not criterion:
            problems.append(DataError(f"{where}: the {'unit' if not unit else 'criterion'} is blank"))
            continue
        component = comp_names.get(_plain(cells["component"]))
        if component is None:
            problems.append(
                DataError(
                    f"{where}, column component: '{cells['component']}' is not a component of the framework"
                    + (did_you_mean(_plain(cells["component"]), comp_names) or f" ({', '.join(components)})")
                )
            )
            continue
        sub = sub_names[component].get(_plain(cells["subcomponent"]))
        if sub is None:
            known = [s for s, _ in components[component].subcomponents]
            problems.append(
                DataError(
                    f"{where}, column subcomponent: '{cells['subcomponent']}' is not a sub-component of {component}"
                    + (did_you_mean(_plain(cells["subcomponent"]), known) or f" ({', '.join(known)})")
                )
            )
            continue
        official = components[component].criteria.get(sub)
        number = ""
        if official:
            match = next((c for c in official if _plain(criterion) in (_plain(c.text), c.number)), None)
            if match is None:
                problems.append(
                    DataError(
                        f"{where}, column criterion: '{criterion}' is not a criterion of {component} / {sub} in the "
                        f"LKE of {fw.short.get('id', fw.name)}"
                        + (
                            did_you_mean(criterion, [c.text for c in official], cutoff=0.5)
                            or f" (its criteria are {official[0].number} to {official[-1].number})"
                        )
                    )
                )
                continue
            criterion, number = match.text, match.number
        if not cells["answer"]:
            problems.append(DataError(f"{where}, column answer: the answer is blank (write N/A for a criterion that does not apply)"))
            continue
        try:
            exact, kind = _answer(cells["answer"], fw, numbers, f"{where}, column answer")
        except DataError as problem:
            problems.append(problem)
            continue
        key = (unit, component, sub, _plain(criterion))
        if key in seen:
            problems.append(DataError(f"{where}: criterion '{criterion}' of unit {unit} ({component}/{sub}) is already answered in row {seen[key]}"))
            continue
        seen[key] = row
        rows.append(
            {
                "unit": unit,
                "component": component,
                "subcomponent": sub,
                "criterion": criterion,
                "number": number,
                "answer": cells["answer"],
                "kind": kind,
                "exact": exact,
                "value": float("nan") if exact is None else float(exact),
                **{k: cells[k] for k in OPTIONAL_COLUMNS},
                "row": row,
            }
        )
    units = list(dict.fromkeys(r["unit"] for r in rows))
    if not problems:
        problems += _mixed_kinds(raw.name, rows) + _coverage(raw.name, rows, units, fw)
    if problems:
        raise one_or_all(problems)
    return Answers(frame=pd.DataFrame(rows), units=units, notes=tuple(raw.notes) + _not_applicable_notes(raw.name, rows))


def _mixed_kinds(name: str, rows: list[dict]) -> list[ReportgenError]:
    """A criterion answered Y/T in one unit and graded (or as a number) in another."""
    first: dict[tuple, dict] = {}
    out: list[ReportgenError] = []
    for r in rows:
        if r["kind"] == "na":
            continue
        key = (r["component"], r["subcomponent"], _plain(r["criterion"]))
        earlier = first.setdefault(key, r)
        if (earlier["kind"] == "yes_no") != (r["kind"] == "yes_no"):
            out.append(
                DataError(
                    f"{name}, row {r['row']}, column answer: '{r['answer']}' for criterion '{r['criterion']}', which "
                    f"row {earlier['row']} answers '{earlier['answer']}': a criterion is answered Y/T or graded, not both"
                )
            )
    return out


def _coverage(name: str, rows: list[dict], units: list[str], fw: Framework) -> list[ReportgenError]:
    """Every unit answers every criterion (N/A where it does not apply): the LKE's criteria when
    the framework lists them, else every criterion any unit answers; and every sub-component has
    a criterion that applies."""
    out: list[ReportgenError] = []
    answered = {(r["unit"], r["component"], r["subcomponent"], _plain(r["criterion"])) for r in rows}
    expected: list[tuple[str, str, str, str, dict | None]]  # component, sub-component, criterion, as shown, first answer
    if fw.official:
        expected = [
            (c.code, sub, _plain(k.text), f"{k.number} '{k.text}'", None)
            for c in fw.components
            for sub, _ in c.subcomponents
            for k in c.criteria.get(sub, ())
        ]
    else:
        firsts: dict[tuple[str, str, str], dict] = {}
        for r in rows:
            firsts.setdefault((r["component"], r["subcomponent"], _plain(r["criterion"])), r)
        expected = [(c, sub, k, f"'{r['criterion']}'", r) for (c, sub, k), r in firsts.items()]
    for unit in units:
        for component, sub, key, shown, first in expected:
            if (unit, component, sub, key) not in answered:
                source = f", which unit {first['unit']} answers in row {first['row']}" if first else " of the LKE"
                out.append(
                    DataError(
                        f"{name}: unit '{unit}' has no answer for criterion {shown} ({component} / {sub}){source}; "
                        f"answer it, or write N/A if it does not apply"
                    )
                )
    if not out:
        applies = {(r["unit"], r["component"], r["subcomponent"]) for r in rows if r["kind"] != "na"}
        for unit in units:
            for c in fw.components:
                for sub, _ in c.subcomponents:
                    if (unit, c.code, sub) not in applies:
                        out.append(
                            DataError(
                                f"{name}: unit '{unit}' has no applicable answer for {c.code} / {sub} (every criterion there is N/A or missing)"
                            )
                        )
    return out


def _not_applicable_notes(name: str, rows: list[dict]) -> tuple[str, ...]:
    """One note per unit with criteria marked N/A."""
    counts = Counter(r["unit"] for r in rows if r["kind"] == "na")
    return tuple(
        f"{name}: unit '{unit}' marks {n} {'criterion' if n == 1 else 'criteria'} N/A; "
        f"{'its' if n == 1 else 'each'} sub-component's weight is spread over its other criteria"
        for unit, n in counts.items()
    )


def _check_counts(name: str, rows: list[dict]) -> None:
    """At most :data:`~reportgen.config.bounds.MAX_UNITS` units (one LHE each) and
    :data:`~reportgen.config.bounds.MAX_CRITERIA` criteria per unit (blank units aside)."""
    units = {r["unit"] for r in rows if r["unit"]}
    if len(units) > bounds.MAX_UNITS:
        raise DataError(
            f"{name}: {len(units):,} units; a report takes at most {bounds.MAX_UNITS} (each gets an LHE of its own): "
            f"split the units into several study files"
        )
    counts = Counter(r["unit"] for r in rows if r["unit"])
    unit, most = counts.most_common(1)[0] if counts else ("", 0)
    if most > bounds.MAX_CRITERIA:
        raise DataError(f"{name}: unit '{unit}' has {most:,} criteria; a worksheet has at most {bounds.MAX_CRITERIA} (PermenPAN-RB 88/2021's has 80)")


def read_history(path: Path, units: list[str] | None = None) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Earlier totals: ``unit, year, total`` (0–100); and notes on the file (blank rows skipped).
    A unit that is not one of this year's ``units`` is an error naming the closest (a misspelt
    name would otherwise lose its history silently)."""
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
        unit = str(record["unit"] or "").strip()
        if units is not None and unit not in units:
            problems.append(DataError(f"{where}, column unit: '{unit}' is not a unit of this year's answers" + (did_you_mean(unit, units) or "")))
            continue
        out.append({"unit": unit, "year": year, "total": total})
    if problems:
        raise one_or_all(problems)
    return pd.DataFrame(out, columns=list(HISTORY_COLUMNS)), tuple(raw.notes)


FOLLOW_UP_COLUMNS = ("unit", "recommendation", "status")
STATUSES = {
    "done": "done",
    "selesai": "done",
    "sudah": "done",
    "sesuai": "done",
    "in progress": "in progress",
    "dalam proses": "in progress",
    "proses": "in progress",
    "not yet": "not yet",
    "belum": "not yet",
    "belum ditindaklanjuti": "not yet",
}


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
            problems.append(
                DataError(
                    f"{where}, column unit: '{cells['unit']}' is not a unit of this year's answers" + (did_you_mean(cells["unit"], units) or "")
                )
            )
            continue
        if not cells["recommendation"]:
            problems.append(DataError(f"{where}, column recommendation: the recommendation is blank"))
            continue
        status = STATUSES.get(" ".join(cells["status"].lower().split()))
        if status is None:
            problems.append(
                DataError(
                    f"{where}, column status: '{cells['status']}' is not a status; use done, in progress or not yet (selesai, dalam proses, belum)"
                )
            )
            continue
        out.append({"unit": cells["unit"], "recommendation": cells["recommendation"], "status": status, "note": cells["note"], "row": row})
    if problems:
        raise one_or_all(problems)
    return pd.DataFrame(out, columns=["unit", "recommendation", "status", "note", "row"])


REGISTER_COLUMNS = ("unit", "number")
REGISTER_OPTIONAL = ("addressee", "signatory", "signatory_nip", "signatory_rank", "signatory_position")


def read_register(path: Path, units: list[str]) -> dict[str, dict[str, str]]:
    """The letter register: unit → its letter's ``number`` and, where written, ``addressee`` and
    who signs it (``signatory``, ``signatory_nip``, ``signatory_rank``, ``signatory_position``).

    Every unit of the answers needs its row (a letter without its agenda number cannot be sent),
    no unit twice, no unit the answers do not have (the closest name is suggested); a signatory
    needs its position."""
    raw = read_table(path)
    records = _records(raw, REGISTER_COLUMNS)
    out: dict[str, dict[str, str]] = {}
    rows_of: dict[str, int] = {}
    problems: list[ReportgenError] = []
    for row, record in zip(raw.rows, records):
        where = f"{raw.name}, row {row}"
        cells = {k: ("" if record.get(k) is None else str(record.get(k)).strip()) for k in REGISTER_COLUMNS + REGISTER_OPTIONAL}
        unit = cells["unit"]
        if unit not in units:
            problems.append(DataError(f"{where}, column unit: '{unit}' is not a unit of this year's answers" + (did_you_mean(unit, units) or "")))
        elif unit in out:
            problems.append(DataError(f"{where}: unit {unit} is already in row {rows_of[unit]}"))
        elif not cells["number"]:
            problems.append(DataError(f"{where}, column number: the letter number of {unit} is blank"))
        elif cells["signatory"] and not cells["signatory_position"]:
            problems.append(DataError(f"{where}, column signatory_position: the position of {cells['signatory']} is blank"))
        else:
            out[unit], rows_of[unit] = cells, row
    if not problems:
        missing = [u for u in units if u not in out]
        if missing:
            problems.append(
                DataError(
                    f"{raw.name}: no letter number for {missing[0]}"
                    + (f" and {len(missing) - 1} more units" if len(missing) > 1 else "")
                    + " (the register needs a row per unit)"
                )
            )
    if problems:
        raise one_or_all(problems)
    return out
