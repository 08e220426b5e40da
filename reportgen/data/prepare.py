"""From the raw table to the analysis data set: coded answers, reverse items, missing data.

- Answers are coded by :class:`AnswerCoder`; every bad cell is reported with column and row.
- Reverse-coded items are scored ``max + min - x``.
- ``missing: listwise`` drops a respondent with a blank item of a construct the model uses
  (counted in ``n_excluded``);
- an observed variable the model uses (a control, a categorical predictor) is read as a number
  (``numeric``, every bad cell reported) or as its category's label (``categorical``); a blank in
  one drops the respondent under either missing-data rule (a category cannot be imputed); a blank in a construct the model does not use keeps the respondent,
  and that construct's own statistics use those who answered all of its items
  (``outside_blanks`` counts the respondents kept so);
  ``missing: mean`` replaces a blank by the item's mean (the PLS convention, SmartPLS/seminr).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np

from reportgen.config.checks import model_constructs, model_observed
from reportgen.config.load import Study
from reportgen.data.coding import AnswerCoder
from reportgen.data.read import RawTable, other_sheets_hint, read_table
from reportgen.errors import DataError, ReportgenError, one_or_all
from reportgen.words.messages import Localized, joined, phrase


@dataclass(frozen=True)
class Dataset:
    """Respondents used in the analysis, one row each, items in the study file's order.

    ``answered`` holds the coded answers as respondents gave them, blanks left blank (NaN: the
    answer tables); ``answers`` the same after reverse items are recoded (the index);
    ``items`` the recoded answers after the missing-data rule (scores and correlations);
    ``profile`` the respondent columns as display text (None for a blank); ``observed`` the
    observed variables the model uses: numbers (float) or category labels (str), by key.
    """

    item_names: tuple[str, ...]
    answers: np.ndarray
    items: np.ndarray
    answered: np.ndarray
    profile: dict[str, list]
    n_total: int
    excluded: list[str] = field(default_factory=list)
    notes: tuple[str, ...] = ()
    imputed: int = 0  # blank answers replaced by their item's mean (missing: mean)
    outside_blanks: int = 0  # respondents kept with blanks only in constructs the model does not use (listwise)
    observed: dict[str, np.ndarray] = field(default_factory=dict)

    @cached_property
    def _position(self) -> dict[str, int]:
        return {name: j for j, name in enumerate(self.item_names)}

    def answers_of(self, names: Sequence[str]) -> np.ndarray:
        """Respondents × ``names`` of :attr:`answers`."""
        return self.answers[:, [self._position[n] for n in names]]

    def answered_of(self, names: Sequence[str]) -> np.ndarray:
        """Respondents × ``names`` of :attr:`answered` (as respondents answered, before reversal)."""
        return self.answered[:, [self._position[n] for n in names]]

    def items_of(self, names: Sequence[str]) -> np.ndarray:
        """Respondents × ``names`` of :attr:`items`."""
        return self.items[:, [self._position[n] for n in names]]

    @property
    def n_used(self) -> int:
        return self.items.shape[0]

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
    raw = with_codes(raw, config.data.columns)
    columns = raw.columns
    problems: list[ReportgenError] = []
    items = config.all_items()
    wanted = list(items) + [c.column for c in config.respondents] + ([config.data.id] if config.data.id else [])
    wanted += [c for c in config.compare if c not in wanted]
    observed_keys = model_observed(config)
    wanted += [config.column_of(k) for k in observed_keys]
    for column in dict.fromkeys(wanted):
        if column not in columns:
            near = nearest_column(column, list(columns))
            hint = phrase("hint.did_you_mean", near=near) if near else ""
            if not near and raw.other_sheets:
                hint = other_sheets_hint(raw.other_sheets)
            problems.append(DataError.coded("data.column_missing", file=raw.name, column=column, hint=hint))
        elif column in raw.duplicates:
            numbers = raw.duplicates[column]
            problems.append(
                DataError.coded(
                    "data.column_twice", file=raw.name, column=column, times=len(numbers), columns=", ".join(map(str, numbers[:-1])), last=numbers[-1]
                )
            )
    if problems:
        raise one_or_all(problems)

    labels = _respondent_labels(raw, config.data.id, problems)
    coders = {name: AnswerCoder(config.scale_of(name)) for name in config.constructs}
    coder_of = {item: coders[name] for name, construct in config.constructs.items() for item in construct.columns}
    answers = np.empty((raw.n_rows, len(items)))
    bad_cells: dict[str, list[tuple[str, str]]] = {}  # reason → (column, respondent) of each cell it concerns
    for j, item in enumerate(items):
        codes, bad = coder_of[item].code_column(columns[item])
        for row_index, reason in bad.items():
            bad_cells.setdefault(reason, []).append((item, labels[row_index]))
        answers[:, j] = codes
    observed, observed_bad = _observed_values(config, observed_keys, columns, raw.value_labels)
    for column, cells in observed_bad.items():
        for row_index, reason in cells.items():
            bad_cells.setdefault(reason, []).append((column, labels[row_index]))
    problems += answer_problems(raw.name, bad_cells)
    refused = {item for cells in bad_cells.values() for item, _ in cells}  # answered, but not on the scale: said above
    # all(axis=0) of the 2-D answers is an array; numpy's stub says a scalar or an array
    for item, none in zip(items, np.isnan(answers).all(axis=0)):  # type: ignore[arg-type]
        if none and item not in refused:
            problems.append(DataError.coded("answer.none", file=raw.name, column=item))
    if problems:
        raise one_or_all(problems)
    position = {item: j for j, item in enumerate(items)}
    answered = answers.copy()
    for name, construct in config.constructs.items():
        scale = config.scale_of(name)
        if scale is None:  # continuous: nothing to reverse (the study file may not ask it)
            continue
        for item in construct.reverse:
            answers[:, position[item]] = scale.max + scale.min - answers[:, position[item]]

    excluded: list[str] = []
    imputed = outside_blanks = 0
    kept = np.arange(raw.n_rows)
    if config.missing_policy == "listwise":
        used = [position[i] for c in model_constructs(config) for i in config.constructs[c].items]
        complete = ~np.isnan(answers[:, used]).any(axis=1) & _observed_complete(observed, raw.n_rows)
        excluded = [labels[i] for i in np.flatnonzero(~complete)]
        kept = np.flatnonzero(complete)
        answers, answered = answers[complete], answered[complete]
        scored = answers
        outside_blanks = int(np.isnan(answers).any(axis=1).sum())
    else:
        complete = _observed_complete(observed, raw.n_rows)
        if not complete.all():
            excluded = [labels[i] for i in np.flatnonzero(~complete)]
            kept = np.flatnonzero(complete)
            answers, answered = answers[complete], answered[complete]
        scored = np.where(np.isnan(answers), np.nanmean(answers, axis=0), answers)
        imputed = int(np.isnan(answers).sum())
    profile_columns = list(dict.fromkeys([c.column for c in config.respondents] + list(config.compare)))
    language = config.study.language  # a category is named by its label in the study's language (``order`` lists those)
    written = {c.column: {code: label.get(language) for code, label in c.values.items()} for c in config.respondents if c.values}
    profile = {}
    for column in profile_columns:
        shown = _profile_values(columns[column], raw.value_labels.get(column), written.get(column))
        profile[column] = [shown[i] for i in kept.tolist()]
    return Dataset(
        item_names=tuple(items),
        answers=answers,
        items=scored,
        answered=answered,
        profile=profile,
        n_total=raw.n_rows,
        excluded=excluded,
        notes=tuple(raw.notes),
        imputed=imputed,
        outside_blanks=outside_blanks,
        observed={key: values[kept] for key, values in observed.items()},
    )


def _observed_values(config, keys: list[str], columns: dict, value_labels: dict) -> tuple[dict[str, np.ndarray], dict[str, dict[int, str]]]:
    """The observed variables' values by key (numbers, or category labels as the profile shows
    them) and, by column, the cells that are not numbers."""
    language = config.study.language
    written = {c.column: {code: label.get(language) for code, label in c.values.items()} for c in config.respondents if c.values}
    values: dict[str, np.ndarray] = {}
    bad: dict[str, dict[int, str]] = {}
    for key in keys:
        column = config.column_of(key)
        if config.observed[key].type == "numeric":
            numbers, problems = AnswerCoder(None).code_column(columns[column])
            values[key] = numbers
            if problems:
                bad[column] = problems
        else:
            shown = _profile_values(columns[column], value_labels.get(column), written.get(column))
            values[key] = np.array(shown, dtype=object)
    return values, bad


def _observed_complete(observed: dict[str, np.ndarray], n_rows: int) -> np.ndarray:
    """The rows with a value in every observed variable."""
    complete = np.ones(n_rows, dtype=bool)
    for values in observed.values():
        complete &= np.array([not _blank(v) for v in values], dtype=bool)
    return complete


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value))


GROUPED = 3  # one reason in this many cells or more is one line


def answer_problems(name: str, bad_cells: dict[str, list[tuple[str, str]]]) -> list[DataError]:
    """One problem per answer that is not on the scale, naming its column and respondent; a
    reason shared by :data:`GROUPED` cells or more ("'Netral' is not an answer on the scale", a
    word the scale's labels lack) is one problem with its count, its columns and its first cell."""
    problems = []
    words = {reason: cells for reason, cells in bad_cells.items() if len(cells) >= GROUPED and hasattr(reason, "word")}
    if len(words) > 1:  # several words the scale lacks: one problem, at the scale's words
        problems.append(_words_off_scale(name, words))
        bad_cells = {reason: cells for reason, cells in bad_cells.items() if reason not in words}
    for reason, cells in bad_cells.items():
        if len(cells) < GROUPED:
            problems += [DataError.coded("answer.one", file=name, column=item, who=who, reason=reason) for item, who in cells]
            continue
        problems.append(
            DataError.coded(
                "answer.grouped", file=name, reason=reason, count=f"{len(cells):,}", where=_columns_of(cells), who=cells[0][1], column=cells[0][0]
            )
        )
    return problems


def _columns_of(cells: list[tuple[str, str]]):
    """ "column X1.1" or "3 columns (X1.1, X1.2, X1.3)" (five named at most)."""
    columns = list(dict.fromkeys(item for item, _ in cells))
    more = phrase("answer.more", count=f"{len(columns) - 5:,}") if len(columns) > 5 else ""
    shown = joined([", ".join(columns[:5]), more], separator="")
    return phrase("where.column", column=columns[0]) if len(columns) == 1 else phrase("where.columns", count=f"{len(columns):,}", columns=shown)


def _words_off_scale(name: str, words: dict) -> DataError:
    """One problem for several answer words the scale's labels lack, each counted: "'Selalu'
    (16), 'Sering' (16) … are not answers on the scale …", the first cell named."""
    cells = [cell for found in words.values() for cell in found]
    listed = [f"'{reason.word}' ({len(found):,})" for reason, found in words.items()]
    more = phrase("answer.more", count=f"{len(listed) - 5:,}") if len(listed) > 5 else ""
    points, known = next(iter(words)).scale
    return DataError.coded(
        "answer.words_off",
        file=name,
        words=joined([", ".join(listed[:5]), more], separator=""),
        points=points,
        known=known,
        count=f"{len(cells):,}",
        where=_columns_of(cells),
        who=cells[0][1],
        column=cells[0][0],
    )


def with_codes(raw: RawTable, codes: dict[str, str]) -> RawTable:
    """``raw`` with each column of ``data.columns`` also under its code (``X1.1`` for the
    question headed "Saya memahami … [X1.1]"). A header not in the file, or a code that is
    another column's header, is one problem each."""
    if not codes:
        return raw
    problems: list[ReportgenError] = []
    columns = dict(raw.columns)
    for code, header in codes.items():
        if header not in raw.columns:
            near = nearest_column(header, list(raw.columns))
            problems.append(
                DataError.coded(
                    "data.mapped_missing", file=raw.name, item=code, header=header, hint=phrase("hint.did_you_mean", near=near) if near else ""
                )
            )
        elif code in raw.columns and code != header:
            problems.append(DataError.coded("data.code_is_header", file=raw.name, item=code))
        else:
            columns[code] = raw.columns[header]
    if problems:
        raise one_or_all(problems)
    return replace(raw, columns=columns)


def nearest_column(name: str, columns: list[str]) -> str | None:
    """The column the user probably meant: same letters and digits first ('X1_2' for 'X1.2')."""

    def squash(text: str) -> str:
        return "".join(ch for ch in text.lower() if ch.isalnum())

    same = [c for c in columns if squash(c) == squash(name)]
    if same:
        return same[0]
    near = difflib.get_close_matches(name, columns, n=1)
    return near[0] if near else None


def _respondent_labels(raw: RawTable, id_column: str | None, problems: list[ReportgenError]) -> list[str]:
    """'respondent 37 (row 38)' for each row; with an id column, the id names the respondent."""
    rows, row_word = raw.rows, raw.row_word
    row_id = {"row": "baris", "case": "kasus"}.get(row_word, row_word)
    if id_column is None:  # one per respondent (100 000 of them): written here, not through the catalogue
        return [Localized(f"respondent {i + 1} ({row_word} {row})", f"responden {i + 1} ({row_id} {row})") for i, row in enumerate(rows)]
    ids = raw.columns[id_column]
    first_seen: dict[str, int] = {}
    labels: list[str] = []
    for value, row in zip(ids, rows):
        text = _as_text(value)
        if text is None:
            problems.append(DataError.coded("data.id_blank", file=raw.name, column=id_column, row=Localized(f"{row_word} {row}", f"{row_id} {row}")))
        elif text in first_seen:
            problems.append(
                DataError.coded(
                    "data.id_twice",
                    file=raw.name,
                    column=id_column,
                    id=text,
                    row=Localized(f"{row_word} {row}", f"{row_id} {row}"),
                    first=Localized(f"{row_word} {first_seen[text]}", f"{row_id} {first_seen[text]}"),
                )
            )
        else:
            first_seen[text] = row
        labels.append(
            Localized(f"respondent {text} ({row_word} {row})", f"responden {text} ({row_id} {row})")
            if text is not None
            else Localized(f"{row_word} {row}", f"{row_id} {row}")
        )
    return labels


def _as_text(value: object) -> str | None:
    """A cell as display text: 1.0 → '1', blank → None."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    text = str(value).strip()
    return text or None


def _profile_values(column: list, value_labels: dict | None, written: dict | None = None) -> list[str | None]:
    """Profile cells as text: the study's ``values`` labels first, then SPSS value labels."""

    def show(value: object) -> str | None:
        text = _as_text(value)
        if written and text in written:
            return written[text]
        if value_labels and value in value_labels:
            return str(value_labels[value])
        return text

    return [show(v) for v in column]
