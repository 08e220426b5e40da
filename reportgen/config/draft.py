"""A first study file drafted from a data file (``reportgen init``, and the web app's form).

What the data tell, and how:

- **Items**: a column whose header is an item code (``X1.1``, ``X1_1``, ``csor_1``, ``X1a``,
  ``P1``, ``KP3``) or carries one (``Saya memahami … [X1.1]``, ``X1.1. Saya …``;
  :mod:`reportgen.data.headers`), and whose every answer is a scale point: a whole number, an
  agreement word (``Setuju``, ``Agree``, ``SS``) or a Google Forms answer ``"4 - Setuju"``.
  Items with the same prefix form a construct, in the order of the columns; the header's text is
  the statement and ``data.columns`` maps the code to the header. Questions without a code are
  items when answered in words, or in numbers among at least :data:`RUN_MIN` adjacent questions;
  they group by a grid's title, a shared "Title:", or their runs, and one run holding every
  question is cut by :func:`adjacent_blocks`.
- **Scale**: its points from the numbers (0 when an answer is 0), or from the words' set when
  every answer is a word (:mod:`reportgen.config.scale_words`: four to seven points, each
  midpoint word its own label); labels from the words, a Google Forms answer's own words, or a
  .sav file's (or a codebook sheet's, :mod:`reportgen.data.codebook`) value labels. Answered in
  numbers only, the study's scale is the one most constructs reach; a construct whose answers go
  higher (1–7 among 1–5 constructs) gets its own ``scale``.
- **Measured numbers**: a column of numbers that are no scale points (a fraction, a value above
  10 or below 0) with more than :data:`PROFILE_MAX` distinct values (hours, a GPA, a financial
  ratio) is a construct of ``type: continuous``, named by its header (``IPK``, ``ROA``); coded
  ``X3.1``, ``X3.2``, its columns group by their prefix.
- **Respondent profile**: other columns with 2 to :data:`PROFILE_MAX` distinct answers, labelled
  by their variable labels, with their value labels as ``values`` and ``order``.
- **Id**: a column named like an id (``id``, ``resp_id``, ``no``, ``responden`` …) whose values
  are all different; a Google Forms timestamp column is left out.

Names the data do not give (the title, the constructs' names, statements) are placeholders
that begin with ``TODO`` (a profile column's label is its header, marked TODO in a comment); the
file validates and runs as it is. The model: the last construct (``Y`` when there is one)
explained by the others, one hypothesis per path, and for a regression the joint (F) test. An
existing file is never replaced.
"""

from __future__ import annotations

import datetime
import math
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from reportgen.config.model_options import written as written_options
from reportgen.config.origin import Origin
from reportgen.config.scale_words import MidpointClash, is_scale_word, scale_for
from reportgen.data.codebook import with_codebook
from reportgen.data.coding import NUMBERED, normalise_word
from reportgen.data.headers import Header, item_prefix, read_header
from reportgen.data.read import read_table
from reportgen.errors import ConfigError, OutputError, naming
from reportgen.stats.blocks import adjacent_blocks
from reportgen.stats.profile import natural_order
from reportgen.words.messages import catalogue, worded

DESIGNS = ("regression", "path", "pls", "cbsem", "repeated")
PROFILE_MAX = 8
ID_NAMES = {"id", "no", "nomor", "no.", "resp", "resp_id", "respondent", "responden", "kode", "code", "nama", "name", "nim", "npm", "nip"}
TIMESTAMP_NAMES = {"timestamp", "stempel waktu", "cap waktu", "tanda waktu", "waktu"}
PLACEHOLDER = re.compile(r"^\s*TODO\b")  # what init writes where the data name nothing: "TODO: nama X1", "TODO: pernyataan X1.1"
RUN_MIN = 3  # question-text columns answered in numbers are items only in a run of this many (not a coded profile column)


@dataclass
class Draft:
    """What :func:`draft` found in the data. Items are named by their code: the header's own
    (``X1.1``, or the ``[X1.1]`` of a Google Forms question) or one given here (``X1.1`` for the
    first question of the first group without codes); ``columns`` maps a code to the data's
    header where the two differ, ``statements`` a code to the question's text in the header."""

    data: Path
    id_column: str | None = None
    constructs: dict[str, list[str]] = field(default_factory=dict)
    scale: tuple[int, int] = (1, 5)
    sheet: str | None = None  # the workbook's sheet read, when not the first
    labels: dict[int, tuple[str, str, str, str]] = field(default_factory=dict)  # code → (short id, id, short en, en)
    profile: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # column → why it is not used
    columns: dict[str, str] = field(default_factory=dict)  # item code → header, where they differ
    statements: dict[str, str] = field(default_factory=dict)  # item code → the statement its header holds
    names: dict[str, str] = field(default_factory=dict)  # construct → the name the data give it (a grid's title)
    profile_labels: dict[str, str] = field(default_factory=dict)  # profile column → its label (a .sav variable label)
    profile_values: dict[str, dict[str, str]] = field(default_factory=dict)  # profile column → code → label
    profile_categories: dict[str, list[str]] = field(default_factory=dict)  # profile column → its answers in their natural order
    split: tuple[int, int] | None = None  # (questions, constructs) when one run of questions was cut by their answers
    continuous: list[str] = field(default_factory=list)  # constructs of measured numbers (type: continuous)
    scales: dict[str, tuple[int, int]] = field(default_factory=dict)  # construct → its own scale, where it is not the study's

    @property
    def notes(self) -> list[str]:
        """What the user should check, as ``reportgen init`` prints it."""
        if self.split is None:
            return []
        return [
            f"the {self.split[0]} questions have no codes: they are drafted as {self.split[1]} constructs of adjacent "
            f"questions whose answers correlate most; check them against your questionnaire"
        ]


@dataclass
class _Column:
    name: str
    header: Header
    values: list
    answers: list | None  # each answer as an int, a scale word or (number, words); None: not scale answers
    cells: list  # every respondent's cell, blanks included


def draft(data: Path, sheet: str | None = None, items_required: bool = True) -> Draft:
    """Read ``data`` (its ``sheet``, for a workbook) and sort its columns (see the module
    docstring). No column that looks like an item is a ConfigError, unless not ``items_required``
    (the web app's form then offers every column to be made an item)."""
    if sheet is not None and data.suffix.lower() != ".xlsx":
        raise ConfigError.coded("init.sheet_not_workbook", file=data.name)
    raw = read_table(data, sheet)
    if data.suffix.lower() == ".xlsx":
        raw = with_codebook(raw, data)
    found = Draft(data, sheet=sheet)
    candidates: list[_Column] = []
    for name, cells in raw.columns.items():
        values = [c for c in cells if c is not None and str(c).strip() != ""]
        key = normalise_word(name)
        if key in TIMESTAMP_NAMES:
            found.skipped[name] = "timestamp"
            continue
        if found.id_column is None and key in ID_NAMES and len(set(map(str, values))) == len(values) == len(cells):
            found.id_column = name
            continue
        label = raw.variable_labels.get(name, "")
        header = read_header(name)
        if label and header.code and not header.statement:  # a .sav variable's label is its statement
            header = Header(header.code, " ".join(label.split()))
        candidates.append(_Column(name, header, values, _answers(values, raw.value_labels.get(name)), cells))
    items = _items(candidates)
    measured = [c for c in candidates if c.name not in items and _measured(c)]
    for column in candidates:
        if column.name in items or column in measured:
            continue
        if 2 <= len(set(map(str, column.values))) <= PROFILE_MAX:
            found.profile.append(column.name)
            found.profile_categories[column.name] = natural_order({_code_text(v) for v in column.values})
            if raw.variable_labels.get(column.name):
                found.profile_labels[column.name] = " ".join(raw.variable_labels[column.name].split())
            if raw.value_labels.get(column.name):
                labelled = sorted(raw.value_labels[column.name].items(), key=lambda pair: _code_order(pair[0]))
                found.profile_values[column.name] = {_code_text(code): str(text) for code, text in labelled}
        else:
            found.skipped[column.name] = "neither"
    if not items and not measured and items_required:
        raise ConfigError.coded("init.no_items", file=data.name)
    if items:
        item_columns = [c for c in candidates if c.name in items]
        code_of = _scale(found, item_columns, raw)
        _name_items(found, item_columns, code_of)
        _own_scales(found, item_columns, code_of)
    _name_measured(found, measured)
    return found


def _number(value) -> float | None:
    """A cell as a finite number (a decimal comma read as a point), or None."""
    from reportgen.data.coding import AnswerCoder

    coded = AnswerCoder(None).code(value)
    return coded if isinstance(coded, float) and math.isfinite(coded) else None


def _measured(column: _Column) -> bool:
    """Whether a column holds measured numbers, not scale answers or categories: every value a
    number, one of them a fraction, above 10 or below 0, and more than :data:`PROFILE_MAX` distinct."""
    numbers = [_number(v) for v in column.values]
    if not numbers or None in numbers or len(set(numbers)) <= PROFILE_MAX:
        return False
    return any(n != int(n) or n > 10 or n < 0 for n in numbers if n is not None)


MEASURED_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,19}$")


def _name_measured(found: Draft, columns: list[_Column]) -> None:
    """Each column of measured numbers a construct of ``type: continuous``: named by its header
    when it is a code (``IPK``, ``ROA``, ``Y``), else ``M1``, ``M2`` …; ``X3.1`` and ``X3.2`` group
    by their prefix."""
    for column in columns:
        header = column.header
        code = header.code or (column.name.strip() if MEASURED_CODE.match(column.name.strip()) else None)
        prefix = item_prefix(code) if code and re.search(r"[._]\d+$", code) else code
        if prefix is None or (prefix in found.constructs and prefix not in found.continuous) or code in found.statements:
            prefix = next(f"M{n}" for n in range(1, 10_000) if f"M{n}" not in found.constructs)
            code = prefix
        assert code is not None
        found.constructs.setdefault(prefix, []).append(code)
        if prefix not in found.continuous:
            found.continuous.append(prefix)
        _assign(found, code, column)


def _own_scales(found: Draft, columns: list[_Column], code_of) -> None:
    """Answered in numbers only, the study's scale is the highest point most constructs reach;
    a construct whose answers reach higher keeps its own scale (its answers stay on their scale)."""
    if found.labels:
        return
    by_name = {column.name: column for column in columns}
    highest = {}
    for name, codes in found.constructs.items():
        points = [code_of(cell) for code in codes for cell in by_name[found.columns.get(code, code)].cells]
        highest[name] = int(np.nanmax(points))
    counts = Counter(highest.values())
    study = max(counts, key=lambda top: (counts[top], -top))  # the most common; on a tie the lower
    low = found.scale[0]
    found.scales = {name: (low, top) for name, top in highest.items() if top > study}
    found.scale = (low, max(study, low + 1))


def _answers(values: list, value_labels: dict | None) -> list | None:
    """Each answer as a whole number, a scale word, or (number, words) for a Google Forms
    ``"4 - Setuju"``; None when an answer is none of these (the column is no item)."""
    answers = [_answer(value) for value in values]
    if None in answers:
        return None
    numbers = [a if isinstance(a, int) else a[0] for a in answers if isinstance(a, (int, tuple))]  # None is not among them
    if not answers or (numbers and max(numbers) > 10):
        return None
    if value_labels and numbers and not any(is_scale_word(str(text)) for text in value_labels.values()):
        return None  # coded answers whose labels are not agreement words (1 = Laki-laki): a profile column
    return answers


def _answer(value) -> int | str | tuple[int, str] | None:
    """One answer as a whole number, a scale word or (number, words); None when it is none."""
    text = normalise_word(str(value))
    if re.fullmatch(r"\d+(\.0)?", text):
        return int(float(text))
    if is_scale_word(text):
        return str(value).strip()
    if (match := NUMBERED.match(str(value).strip())) is not None and re.search(r"[^\W\d_]", match.group(2)):
        return int(match.group(1)), re.sub(r"\s+", " ", match.group(2).strip())
    return None


def _items(columns: list[_Column]) -> set[str]:
    """The columns that are questionnaire items: scale answers under a header with a code, or
    answers written in the scale's words (``Setuju``, ``4 - Setuju``); and answers in numbers
    under a question's text when the column stands among at least :data:`RUN_MIN` adjacent
    items (a lone coded column is a profile column: 1 = S1)."""
    items = {c.name for c in columns if c.answers is not None and (c.header.code or _in_words(c.answers))}
    run: list[_Column] = []
    for column in columns + [None]:
        if (
            column is not None
            and column.answers is not None
            and (column.name in items or (column.header.is_question and len(set(map(str, column.answers))) >= 3))
        ):
            run.append(column)
            continue
        if len(run) >= RUN_MIN:
            items.update(c.name for c in run)
        run = []
    return items


def _in_words(answers: list) -> bool:
    """Whether answers are written in an agreement scale's words (short forms aside: "A" may be
    a grade), or as "4 - Setuju"."""
    return any(isinstance(a, (str, tuple)) for a in answers) and all(
        is_scale_word(a, full=True) if isinstance(a, str) else isinstance(a, int) or is_scale_word(a[1], full=True) for a in answers
    )


def _name_items(found: Draft, columns: list[_Column], code_of) -> None:
    """Item codes and constructs: a header's code groups by its prefix (``X1`` of ``X1.1``);
    questions without a code group by a grid's title or a shared "Title:" before the
    statement, else by runs of adjacent questions (a question numbered 1 starts a new run);
    when all of them are one run, it is cut into blocks of adjacent questions by their answers
    (:func:`adjacent_blocks`). Those groups are constructs ``X1``, ``X2`` … not used by a code."""
    taken = {item_prefix(c.header.code) for c in columns if c.header.code}
    groups: list[tuple[str | None, list[_Column]]] = []
    previous = -2
    for position, column in enumerate(columns):
        header = column.header
        if header.code:
            code_prefix = item_prefix(header.code)
            assert code_prefix is not None  # a header's code is one item_prefix reads (read_header)
            found.constructs.setdefault(code_prefix, []).append(header.code)
            _assign(found, header.code, column)
            continue
        title, statement = header.group, header.statement
        if title is None and (match := SHARED_TITLE.match(statement)) and len(match.group(1).split()) <= 6:
            title, statement = match.group(1).strip(), match.group(2)
        if not (groups and groups[-1][0] == title and previous == position - 1 and header.numbered != 1):
            groups.append((title, []))
        groups[-1][1].append(replace(column, header=Header(None, statement, title, header.numbered)))
        previous = position
    if len(groups) == 1 and not taken and groups[0][0] is None and len(groups[0][1]) >= 4:
        run = groups[0][1]
        blocks = adjacent_blocks(np.array([[code_of(cell) for cell in c.cells] for c in run]).T)
        groups = [(None, run[a:b]) for a, b in blocks]
        found.split = (len(run), len(blocks))
    number = 0
    for title, members in groups:
        number += 1
        while f"X{number}" in taken:
            number += 1
        prefix = f"X{number}"
        taken.add(prefix)
        if title:
            found.names[prefix] = title
        for k, column in enumerate(members, start=1):
            found.constructs.setdefault(prefix, []).append(f"{prefix}.{k}")
            _assign(found, f"{prefix}.{k}", column)


SHARED_TITLE = re.compile(r"^([^:]{2,60}):\s+(\S.*)$")


def _assign(found: Draft, code: str, column: _Column) -> None:
    if code in found.statements or code in found.columns or (code != column.name and code in found.columns.values()):
        raise ConfigError.coded(
            "init.code_twice", file=found.data.name, item=code, first=scalar(found.columns.get(code, code)), second=scalar(column.name)
        )
    if code != column.name:
        found.columns[code] = column.name
    found.statements[code] = column.header.statement


def _scale_answers(column: _Column) -> list:
    """An item's answers (an item's are scale answers: :func:`_items`)."""
    assert column.answers is not None
    return column.answers


def _scale(found: Draft, columns: list[_Column], raw):
    """The scale from the items' answers: its points from the numbers (0 when an answer is 0),
    or, when every answer is a word, from the words' set (:func:`scale_for`); the labels from
    the words, a Google Forms answer's own words, or a .sav file's value labels. Returns the
    code of a cell on that scale (NaN when blank)."""
    answers = [a for c in columns for a in _scale_answers(c)]
    numbers = [a if isinstance(a, int) else a[0] for a in answers if not isinstance(a, str)]
    words = [a for a in answers if isinstance(a, str)]
    sav_words = {int(code): str(text) for c in columns for code, text in (raw.value_labels.get(c.name) or {}).items() if float(code).is_integer()}
    low = 0 if numbers and min(numbers) == 0 else 1
    points = max(numbers) - low + 1 if numbers else None
    try:
        scale = scale_for(words + list(sav_words.values()), points)
    except MidpointClash as clash:
        raise ConfigError.coded("init.midpoint_clash", file=found.data.name, words=str(clash)) from None
    codes = list(numbers)
    for column in columns:
        for answer in _scale_answers(column):
            if isinstance(answer, str):
                code = scale.code(answer)
                if code is None:
                    raise ConfigError.coded(
                        "init.not_a_point", file=found.data.name, column=scalar(column.name), answer=answer, low=low, high=max(numbers)
                    )
                codes.append(code)
    found.scale = (low, max(codes + ([len(scale.labels)] if scale.labels and not numbers else [])))

    def code_of(cell) -> float:
        answer = _answer(cell) if cell is not None and str(cell).strip() else None
        if answer is None:
            return math.nan
        code = scale.code(answer) if isinstance(answer, str) else answer if isinstance(answer, int) else answer[0]
        return math.nan if code is None else float(code)

    forms_words: dict[int, str] = {}
    for number, text in sorted({a for a in answers if isinstance(a, tuple)}):
        forms_words.setdefault(number, text)
    forms_words = sav_words | forms_words
    if not words and not forms_words:
        return code_of
    labels = dict(scale.labels)
    for code, text in forms_words.items():
        known = scale.labels.get(code) if scale.code(text) == code else None
        short = known[0] if known else "".join(w[0] for w in text.split()).upper()
        labels[code] = (short, text, *(known[2:] if known else (short, text)))
    found.labels = {code: label for code, label in labels.items() if found.scale[0] <= code <= found.scale[1]}
    return code_of


def _code_order(code) -> tuple:
    """Codes in their order: numbers by value, then texts."""
    return (0, float(code), "") if isinstance(code, (int, float)) else (1, 0.0, str(code))


def _code_text(code) -> str:
    """A value label's code as the data show it: 1.0 → '1'."""
    return str(int(code)) if isinstance(code, float) and code.is_integer() else str(code)


@dataclass
class ConstructChoice:
    """A construct as the user names it: its name, its items (column → statement) and the items
    scored in reverse."""

    name: str
    items: dict[str, str]
    reverse: list[str] = field(default_factory=list)
    kind: str = "scale"  # scale | continuous (measured numbers)
    scale: tuple[int, int] | None = None  # its own scale, where it is not the study's
    labels: dict[int, tuple[str, str, str, str]] = field(default_factory=dict)  # its own scale's labels, as the study's


@dataclass
class Choices:
    """Everything a study file says, as the user chose it (``reportgen init`` takes the
    defaults of :func:`choices_for`; the web app takes them from its form)."""

    title: str
    author: str
    year: int
    language: str
    design: str
    id_column: str | None
    scale: tuple[int, int]
    labels: dict[int, tuple[str, str, str, str]]  # code → (short id, id, short en, en)
    profile: dict[str, str]  # column → label
    constructs: dict[str, ConstructChoice]
    dependent: str  # regression: the explained construct
    predictors: list[str]  # regression: the explaining constructs
    hypotheses: list[tuple[str, str]]  # (path "A -> B", expect positive / negative / any)
    joint_test: bool = True  # regression: a simultaneous (F test) hypothesis after the paths
    skipped: dict[str, str] = field(default_factory=dict)
    model_paths: list[str] = field(default_factory=list)  # path / PLS: the opened study file's model.paths (the hypotheses' are added)
    columns: dict[str, str] = field(default_factory=dict)  # item code → the data's header, where they differ
    profile_values: dict[str, dict[str, str]] = field(default_factory=dict)  # profile column → code → label
    profile_order: dict[str, list[str]] = field(default_factory=dict)  # profile column → its categories in order
    sheet: str | None = None  # the workbook's sheet of answers, when not the first
    discussions: dict[str, str] = field(default_factory=dict)  # a hypothesis's path → the author's discussion of it
    literature: str | None = None  # the reference file (.bib or .ris) beside the study file
    origin: Origin | None = None  # a study file opened again: what it says beyond these choices
    citations: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)  # path → (supports, contradicts) keys
    options: dict[str, str] = field(default_factory=dict)  # the model's settings the form offers (reportgen.config.model_options)


def choices_for(found: Draft, design: str) -> Choices:
    """The defaults: what the data name (statements, a grid's title, a .sav file's labels) as
    they name it, everything else TODO; the last construct (``Y`` when there is one) explained
    by the others, one hypothesis per path expecting a positive effect."""
    names = list(found.constructs)
    dependent = "Y" if "Y" in names else names[-1] if names else ""
    predictors = [n for n in names if n != dependent]
    return Choices(
        title="TODO: judul penelitian",
        author="TODO: nama penulis",
        year=datetime.date.today().year,
        language="id",
        design=design,
        id_column=found.id_column,
        scale=found.scale,
        labels=dict(found.labels),
        profile={column: found.profile_labels.get(column, column) for column in found.profile},
        constructs={
            name: ConstructChoice(
                found.names.get(name) or f"TODO: nama {name}",
                {item: found.statements.get(item) or f"TODO: pernyataan {item}" for item in items},
                kind="continuous" if name in found.continuous else "scale",
                scale=found.scales.get(name),
            )
            for name, items in found.constructs.items()
        },
        dependent=dependent,
        predictors=predictors,
        hypotheses=[(f"{a} -> {b}", "positive") for a, b in zip(names, names[1:])]
        if design == "repeated"  # each measurement against the one before it
        else [(f"{p} -> {dependent}", "positive") for p in predictors],
        skipped=dict(found.skipped),
        columns=dict(found.columns),
        profile_values={c: dict(v) for c, v in found.profile_values.items()},
        profile_order={c: list(dict.fromkeys(v.values())) for c, v in found.profile_values.items()},
        sheet=found.sheet,
    )


@dataclass
class WrittenStudy:
    """A study file's text and, for each of its lines that a choice wrote, the choice's name
    (``title``, ``name.X1``, ``text.X1.1``, ``hypotheses`` …): a problem reported at a line is
    shown at the field it came from."""

    text: str
    fields: dict[int, str]


class _Lines:
    """The study file's lines, and the choice each line was written for.

    Structure and comments of our own are added with :meth:`add`; everything that comes from
    the data or the form (a column's name, a statement, a title) only through :meth:`put`,
    which hands it to the YAML emitter, or :func:`scalar` for a name inside a comment."""

    def __init__(self):
        self.lines: list[str] = []
        self.fields: dict[int, str] = {}

    def add(self, text: str, field_name: str | None = None) -> None:
        """A line of reportgen's own (a key, a comment): never text from the data or the form."""
        self.lines.append(text)
        if field_name:
            self.fields[len(self.lines)] = field_name

    def put(self, value: dict | list, field_name: str | None = None, indent: int = 0, comment: str = "") -> None:
        """``value`` (a mapping or list) as the emitter writes it, indented by ``indent``; its
        lines belong to ``field_name``; ``comment`` (ours) ends its last line."""
        lines = emitted(value, indent)
        for k, line in enumerate(lines):
            self.add(line + (comment if k == len(lines) - 1 else ""), field_name)


class Flow(dict):
    """A mapping the emitter writes on one line: ``{short: SS, id: Sangat Setuju}``."""


class FlowList(list):
    """A list the emitter writes on one line: ``[X1, X2]``."""


class StudyDumper(yaml.SafeDumper):
    """PyYAML's safe emitter as the study file wants it: a name of letters, digits, ``_``, ``.``
    and ``-`` that reads back as text is written plain (``language: id``, ``X1.1:``), every other
    text double-quoted (its line breaks, control characters and line separators escaped, so that
    it stays one scalar on its line and reads back as written, whatever it holds); :class:`Flow`
    and :class:`FlowList` on one line; no anchors or aliases."""

    def ignore_aliases(self, data) -> bool:
        return True

    def represent_text(self, text: str):
        plain = PLAIN_NAME.fullmatch(text) and self.resolve(yaml.ScalarNode, text, (True, False)) == STR_TAG
        return self.represent_scalar(STR_TAG, text, style=None if plain else '"')


STR_TAG = "tag:yaml.org,2002:str"
PLAIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{0,99}")
StudyDumper.add_representer(str, StudyDumper.represent_text)
StudyDumper.add_representer(Flow, lambda dumper, mapping: dumper.represent_mapping("tag:yaml.org,2002:map", mapping, flow_style=True))
StudyDumper.add_representer(FlowList, lambda dumper, items: dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=True))


def emitted(value, indent: int = 0) -> list[str]:
    """The lines the YAML emitter writes for ``value``, each indented by ``indent`` spaces (a
    block fragment stays valid YAML when every line of it is indented alike)."""
    text = yaml.dump(value, Dumper=StudyDumper, default_flow_style=False, allow_unicode=True, width=math.inf, sort_keys=False)
    lines = text.splitlines()
    if lines and lines[-1] == "...":  # the end of a document whose only value is a plain scalar
        lines.pop()
    return [" " * indent + line for line in lines]


def scalar(value) -> str:
    """``value`` as one YAML scalar on one line (a text double-quoted, with its escapes), by the emitter:
    what a comment may quote of the data (a column's name) without a line break ending the comment."""
    lines = emitted(value)
    if len(lines) != 1:  # pragma: no cover - the emitter writes a scalar on one line at an infinite width
        raise ValueError(f"{value!r} is not one line of YAML")
    return lines[0]


def study_text(found: Draft, design: str, study_file: Path) -> str:
    """The study file of ``found`` for ``design``, with comments (``reportgen init``)."""
    return written_study(choices_for(found, design), found.data, study_file).text


def written_study(choices: Choices, data: Path, study_file: Path) -> WrittenStudy:
    """The study file of ``choices`` for the answers in ``data``, to be saved as ``study_file``.

    Every value is written by the YAML emitter (:meth:`_Lines.put`): no header of the data and
    no field of the form can add a key, end a comment or change the file's structure."""
    data_path = os.path.relpath(data.resolve(), study_file.resolve().parent)
    out = _Lines()
    say = _comments(choices.language)
    if has_placeholders(choices):
        out.add(say("drafted", data=scalar(data.name)))
        out.add(say("drafted_more"))
    else:
        out.add(say("written", data=scalar(data.name)))
    origin = choices.origin or Origin(design=choices.design)
    text = lambda where, shown: _one_line(origin.text(where, shown))  # noqa: E731
    out.add("study:")
    out.put({"title": text(("study", "title"), choices.title)}, "title", 2)
    out.put({"author": choices.author}, "author", 2)
    out.put({"year": choices.year}, "year", 2)
    out.put({"language": choices.language}, "language", 2)
    _kept(out, origin.sections.get("study"))
    out.add("data:")
    out.put({"path": data_path}, indent=2)
    if choices.sheet:
        out.put({"sheet": choices.sheet}, indent=2)
    if choices.id_column:
        out.put({"id": choices.id_column}, indent=2, comment="   # " + say("id"))
    if choices.columns:
        out.add("  columns:   # " + say("columns"), "columns")
        out.put(dict(choices.columns), "columns", 4)
    _kept(out, origin.sections.get("data"))
    low, high = choices.scale
    counted = all(isinstance(v, int) and not isinstance(v, bool) for v in (low, high))
    out.add("scale:" + ("   # " + say("scale", low=low, high=high) if counted else ""), "scale")
    out.put({"min": low}, "scale", 2)
    out.put({"max": high}, "scale", 2)
    if choices.labels:
        out.add("  labels:   # " + say("labels"), "scale")
        for code, (short_id, words_id, short_en, words_en) in sorted(choices.labels.items(), reverse=True):
            out.put({code: Flow(short=Flow(id=short_id, en=short_en), id=words_id, en=words_en)}, f"label.{code}", 4)
    if choices.profile:
        out.add("respondents:   # " + say("respondents"))
        for column, label in choices.profile.items():
            todo = "   # " + say("profile_todo") if label == column else ""
            entry: dict = {"column": column, "label": text(("respondents", column, "label"), label)}
            if choices.profile_values.get(column):  # the data's codes with their labels
                entry["values"] = Flow(
                    {code: text(("respondents", column, "values", code), shown) for code, shown in choices.profile_values[column].items()}
                )
            if choices.profile_order.get(column):
                entry["order"] = FlowList(choices.profile_order[column])
            out.put([entry], f"profile.{column}", 2, todo)
    if choices.literature:
        out.put({"literature": choices.literature}, "literature")
    out.add("constructs:   # " + say("constructs") if choices.constructs else "constructs: {}")
    for name, construct in choices.constructs.items():
        entry = {"name": text(("constructs", name, "name"), construct.name)}
        if construct.kind == "continuous":
            entry["type"] = "continuous"
        elif construct.scale is not None:
            entry["scale"] = _scale_entry(construct.scale, construct.labels)
        entry["items"] = {item: text(("constructs", name, "items", item), statement) for item, statement in construct.items.items()}
        if construct.reverse:
            entry["reverse"] = FlowList(construct.reverse)
        entry.update(origin.constructs.get(name, {}))
        out.put({name: entry}, f"name.{name}", 2)
        _item_fields(out, construct)
    _model_lines(choices, out, origin)
    for key, value in origin.top.items():
        out.put({key: value})
    if choices.skipped:
        out.add("# " + say("not_used") + "; ".join(f"{scalar(name)} ({say(why)})" for name, why in choices.skipped.items()))
    return WrittenStudy("\n".join(out.lines) + "\n", out.fields)


def _scale_entry(scale: tuple[int, int], labels: dict[int, tuple[str, str, str, str]]) -> Flow:
    """A construct's own scale as the study file writes it: ``{min: 1, max: 7}``, with its labels."""
    low, high = scale
    written = {code: Flow(short=Flow(id=a, en=c), id=b, en=d) for code, (a, b, c, d) in sorted(labels.items(), reverse=True) if low <= code <= high}
    return Flow(min=low, max=high, **({"labels": Flow(written)} if written else {}))


def _comments(language: str):
    """The study file's comment ``key`` (words/messages.yaml ``comment.<key>``) in ``language``
    (English for a language without comments), with its ``params``; a text that is no key (a
    reason of a study file opened again) as it is."""
    known = language if language in ("id", "en") else "en"
    return lambda key, **params: worded(f"comment.{key}", known, params) if f"comment.{key}" in catalogue() else key


def has_placeholders(choices: Choices) -> bool:
    """Whether a text of ``choices`` is still a TODO placeholder."""
    texts = [
        choices.title,
        choices.author,
        *(c.name for c in choices.constructs.values()),
        *(t for c in choices.constructs.values() for t in c.items.values()),
    ]
    return any(isinstance(t, str) and PLACEHOLDER.match(t) for t in texts)


def _item_fields(out: _Lines, construct: ConstructChoice) -> None:
    """Give each statement's line (written by :meth:`_Lines.put` with its construct) its item's field."""
    if not construct.items:
        return
    last = len(out.lines) - (1 if construct.reverse else 0)
    first = last - len(construct.items) + 1
    if all(out.lines[k - 1].startswith("      ") for k in range(first, last + 1)):  # one line per statement
        for k, item in zip(range(first, last + 1), construct.items):
            out.fields[k] = f"text.{item}"


def _model_lines(choices: Choices, out: _Lines, origin: Origin) -> None:
    if choices.design == "regression":
        out.add("model:", "model")
        out.add("  type: regression", "model")
        out.put({"dependent": choices.dependent}, "dependent", 2)
        out.put({"predictors": FlowList(choices.predictors)}, "predictors", 2)
    elif choices.design == "repeated":
        out.add("model:", "model")
        out.put({"type": choices.design}, "design", 2)
        if not (origin.design == "repeated" and "measures" in origin.sections.get("model", {})):  # an opened file's order is kept
            out.put({"measures": FlowList(list(choices.constructs))}, "model", 2)
    else:
        steps = [[s.strip() for s in path.split("->")] for path, _ in choices.hypotheses]
        edges = [f"{a} -> {b}" for chain in steps for a, b in zip(chain, chain[1:])]
        paths = list(dict.fromkeys([*choices.model_paths, *edges]))
        out.add("model:", "hypotheses")
        out.put({"type": choices.design}, "design", 2)
        out.put({"paths": FlowList(paths)}, "hypotheses", 2)
    for key, value in written_options(choices.design, choices.options).items():
        out.put({key: value}, f"option.{key}", 2)
    if origin.design == choices.design:  # a model's settings belong to its design
        _kept(out, origin.sections.get("model"))
    joint = choices.design == "regression" and choices.joint_test and len(choices.predictors) > 1
    say = _comments(choices.language)
    todo = say("hypotheses_todo") if has_placeholders(choices) else ""
    entries = _hypothesis_entries(choices, origin, joint)
    out.add(f"hypotheses:   # {say('hypotheses')}{todo}" if entries else "hypotheses: {}", "hypotheses")
    for code, entry, field_name in entries:
        out.put({code: entry}, field_name, 2)


def _hypothesis_entries(choices: Choices, origin: Origin, joint: bool) -> list[tuple[str, dict, str]]:
    """(code, entry, form field) of each hypothesis in the file's order: the rows (row k with
    the code of the opened file's k-th path hypothesis, and the keys it had beyond the row),
    the hypotheses no row holds at their places, the simultaneous test."""
    used = {*origin.row_codes, *(code for _, code, _ in origin.others), *([origin.joint[1]] if origin.joint else [])}
    fresh = (f"H{n}" for n in range(1, 10_000) if f"H{n}" not in used)
    entries = []
    for k, (path, expect) in enumerate(choices.hypotheses, start=1):
        code = origin.row_codes[k - 1] if k <= len(origin.row_codes) else next(fresh)
        supports, contradicts = choices.citations.get(path, ([], []))
        entry = {
            "path": path,
            "expect": expect,
            **{kind: FlowList(keys) for kind, keys in (("supports", supports), ("contradicts", contradicts)) if keys},
        }
        if choices.discussions.get(path):
            entry["discussion"] = _one_line(origin.text(("discussion", path), choices.discussions[path]))
        findings = {key: found for key, found in origin.findings.get(code, {}).items() if key in {*supports, *contradicts}}
        extras = origin.extras.get(code, {}) | ({"findings": findings} if findings else {})
        entries.append((code, {**entry, **extras} if extras else Flow(entry), f"hypothesis.{k}"))
    for place, code, entry in origin.others:
        entries.insert(min(place, len(entries)), (code, entry, "hypotheses"))
    if joint:  # "on" is quoted by the emitter: a bare on is a boolean in YAML 1.1
        place, code = origin.joint or (len(entries), next(fresh))
        extras = origin.extras.get(code, {})
        entry = {"simultaneous": FlowList(choices.predictors), "on": choices.dependent}
        entries.insert(min(place, len(entries)), (code, {**entry, **extras} if extras else Flow(entry), "joint"))
    return entries


def _kept(out: _Lines, keys: dict | None) -> None:
    """A section's keys the form does not show, as the opened study file wrote them."""
    for key, value in (keys or {}).items():
        out.put({key: value}, indent=2)


def _one_line(value: Any) -> Any:
    """A text in both languages on one line (``{id: …, en: …}``), so that its line is its field's."""
    return Flow(value) if isinstance(value, dict) else value


def write_new(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole, never replacing a file that is there."""
    if path.exists():
        raise OutputError(f"{path}: the file exists; reportgen init never replaces a file, give --out a new name")
    folder = path.parent if str(path.parent) else Path(".")
    with naming(path):
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.link(temporary, path)  # fails if the file appeared meanwhile: nothing is replaced
        except FileExistsError:
            raise OutputError(f"{path}: the file exists; reportgen init never replaces a file, give --out a new name") from None
        finally:
            os.unlink(temporary)
