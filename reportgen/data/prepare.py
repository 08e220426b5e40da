"""From the raw table to the analysis data set: coded answers, reverse items, missing data.

- Answers are coded by :class:`AnswerCoder`; every bad cell is reported with column and row.
- Reverse-coded items are scored ``max + min - x``.
- ``missing: listwise`` drops a respondent with any blank item (counted in ``n_excluded``);
  ``missing: mean`` replaces a blank by the item's mean (the PLS convention, SmartPLS/seminr).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from reportgen.config.load import Study
from reportgen.data.coding import AnswerCoder, check_scale_labels
from reportgen.data.read import RawTable, read_table
from reportgen.errors import DataError, ProblemList, ReportgenError

MAX_LISTED = 50  # problems listed by `validate`; the rest are counted


@dataclass(frozen=True)
class Dataset:
    """Respondents used in the analysis.

    ``answers`` holds the coded answers after reversal with blanks left blank (for frequencies);
    ``items`` the same after the missing-data rule (for scores and correlations).
    """

    answers: pd.DataFrame
    items: pd.DataFrame
    profile: pd.DataFrame
    n_total: int
    excluded: list[str] = field(default_factory=list)

    @property
    def n_used(self) -> int:
        return len(self.items.index)

    @property
    def n_excluded(self) -> int:
        return self.n_total - self.n_used


def load_dataset(study: Study) -> Dataset:
    """Read the study's data file and prepare it, or raise every problem found."""
    config = study.config
    raw = read_table(study.data_path, config.data.sheet)
    return prepare(study, raw)


def prepare(study: Study, raw: RawTable) -> Dataset:
    config = study.config
    check_scale_labels(config.scale)
    frame = raw.frame
    problems: list[ReportgenError] = []
    items = config.all_items()
    wanted = list(items) + [c.column for c in config.respondents] + ([config.data.id] if config.data.id else [])
    wanted += [c for c in config.compare if c not in wanted]
    for column in dict.fromkeys(wanted):
        if column not in frame.columns:
            near = nearest_column(column, [str(c) for c in frame.columns])
            hint = f"; did you mean '{near}'?" if near else ""
            problems.append(DataError(f"{raw.name}: column '{column}' not found{hint}"))
    if problems:
        raise _raise(problems)

    labels = _respondent_labels(raw, config.data.id, problems)
    coder = AnswerCoder(config.scale)
    coded = {}
    for item in items:
        codes, bad = coder.code_column(frame[item])
        for position, reason in bad.items():
            problems.append(DataError(f"{raw.name}, column {item}, {labels[position]}: {reason}"))
        coded[item] = codes
    if problems:
        raise _raise(problems)
    answers = pd.DataFrame(coded, index=pd.Index(range(len(frame)), name="respondent"))
    for construct in config.constructs.values():
        for item in construct.reverse:
            answers[item] = config.scale.max + config.scale.min - answers[item]

    excluded: list[str] = []
    if config.missing_policy == "listwise":
        complete = answers.notna().all(axis=1).to_numpy()
        excluded = [labels[i] for i in np.flatnonzero(~complete)]
        answers = answers.loc[complete]
        scored = answers
    else:
        scored = answers.fillna(answers.mean())
        empty = [item for item in items if answers[item].isna().all()]
        if empty:
            raise DataError(f"{raw.name}, column {empty[0]}: the item has no answers at all")
    profile_columns = list(dict.fromkeys([c.column for c in config.respondents] + list(config.compare)))
    written = {c.column: c.values for c in config.respondents if c.values}
    profile = pd.DataFrame(
        {col: _profile_values(frame[col], raw.value_labels.get(col), written.get(col)) for col in profile_columns},
        index=pd.RangeIndex(len(frame)),
    ).loc[answers.index]
    return Dataset(answers=answers, items=scored, profile=profile, n_total=len(frame), excluded=excluded)


def nearest_column(name: str, columns: list[str]) -> str | None:
    """The column the user probably meant: same letters and digits first ('X1_2' for 'X1.2')."""
    def squash(text: str) -> str:
        return "".join(ch for ch in text.lower() if ch.isalnum())

    same = [c for c in columns if squash(c) == squash(name)]
    if same:
        return same[0]
    near = difflib.get_close_matches(name, columns, n=1)
    return near[0] if near else None


def _raise(problems: list[ReportgenError]) -> ReportgenError:
    return problems[0] if len(problems) == 1 else ProblemList(problems)


def _respondent_labels(raw: RawTable, id_column: str | None, problems: list[ReportgenError]) -> list[str]:
    """'respondent 37 (row 38)' for each row; with an id column, the id names the respondent."""
    frame = raw.frame
    rows = [i + raw.first_data_row for i in range(len(frame))]
    row_word = "case" if raw.first_data_row == 1 else "row"
    if id_column is None:
        return [f"respondent {i + 1} ({row_word} {row})" for i, row in enumerate(rows)]
    ids = frame[id_column]
    first_seen: dict[str, int] = {}
    labels = []
    for position, (value, row) in enumerate(zip(ids, rows)):
        text = _as_text(value)
        if text is None:
            problems.append(DataError(f"{raw.name}, column {id_column}, {row_word} {row}: the respondent id is blank"))
        elif text in first_seen:
            problems.append(DataError(
                f"{raw.name}, column {id_column}, {row_word} {row}: id '{text}' is also used in {row_word} {first_seen[text]}"
            ))
        else:
            first_seen[text] = row
        labels.append(f"respondent {text} ({row_word} {row})" if text is not None else f"{row_word} {row}")
    return labels


def _as_text(value: object) -> str | None:
    """A cell as display text: 1.0 → '1', blank → None."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    text = str(value).strip()
    return text or None


def _profile_values(column: pd.Series, value_labels: dict | None, written: dict | None = None) -> pd.Series:
    """Profile cells as text: the study's ``values`` labels first, then SPSS value labels."""
    def show(value: object) -> str | None:
        text = _as_text(value)
        if written and text in written:
            return written[text]
        if value_labels and value in value_labels:
            return str(value_labels[value])
        return text

    return pd.Series([show(v) for v in column], dtype=object)
