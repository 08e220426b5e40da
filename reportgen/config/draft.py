"""A first study file drafted from a data file (``reportgen init``).

What the data tell, and how:

- **Items**: columns named like questionnaire items — ``X1.1``, ``X1_1``, ``csor_1`` (prefix,
  separator, number), ``X1a`` (prefix with a number, then a letter), ``P1``, ``KP3`` (letters,
  then a number) — whose every answer is a scale point: a whole number, a scale word
  (``Setuju``, ``Agree``, ``SS``) or a Google Forms answer ``"1 - Sangat Tidak Setuju"``.
  Items with the same prefix form a construct, in the order of the columns.
- **Scale**: from 1 (0 when an answer is 0) to the largest answer; with words, the labels of the
  five-point Likert scale they belong to (Indonesian or English), or the words the Google Forms
  answers carry after their numbers.
- **Respondent profile**: other columns with 2 to :data:`PROFILE_MAX` distinct answers.
- **Id**: a column named like an id (``id``, ``resp_id``, ``no``, ``responden`` …) whose values
  are all different; a Google Forms timestamp column is left out.

Names reportgen cannot know (the title, the constructs' names, the statements) are placeholders
that begin with ``TODO`` (a profile column's label is its header, marked TODO in a comment); the file validates and runs as it is. The model: the last construct
(``Y`` when there is one) explained by the others, one hypothesis per path, and for a
regression the joint (F) test. An existing file is never replaced.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.data.coding import NUMBERED, normalise_word
from reportgen.data.read import read_table
from reportgen.errors import ConfigError, OutputError, naming

DESIGNS = ("regression", "path", "pls")
PROFILE_MAX = 8
ITEM_NAMES = (re.compile(r"^(?P<prefix>[A-Za-z][A-Za-z0-9]*?)[._-](?P<index>\d+)$"),
              re.compile(r"^(?P<prefix>[A-Za-z]+\d+)(?P<index>[a-z])$"),
              re.compile(r"^(?P<prefix>[A-Za-z]+)(?P<index>\d+)$"))
ID_NAMES = {"id", "no", "nomor", "no.", "resp", "resp_id", "respondent", "responden", "kode", "code", "nama", "name"}
TIMESTAMP_NAMES = {"timestamp", "stempel waktu", "cap waktu", "tanda waktu", "waktu"}
LIKERT = {  # code → (short id, Indonesian, short en, English)
    1: ("STS", "Sangat Tidak Setuju", "SD", "Strongly Disagree"),
    2: ("TS", "Tidak Setuju", "D", "Disagree"),
    3: ("KS", "Kurang Setuju", "N", "Neutral"),
    4: ("S", "Setuju", "A", "Agree"),
    5: ("SS", "Sangat Setuju", "SA", "Strongly Agree"),
}
LIKERT_WORDS = {normalise_word(w): code for code, words in LIKERT.items() for w in words} | {
    "netral": 3, "ragu-ragu": 3, "ragu ragu": 3, "cukup setuju": 3, "neither agree nor disagree": 3}


@dataclass
class Draft:
    """What :func:`draft` found in the data."""

    data: Path
    id_column: str | None = None
    constructs: dict[str, list[str]] = field(default_factory=dict)
    scale: tuple[int, int] = (1, 5)
    labels: dict[int, tuple[str, str, str, str]] = field(default_factory=dict)  # code → (short id, id, short en, en)
    profile: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # column → why it is not used


def draft(data: Path) -> Draft:
    """Read ``data`` and sort its columns (see the module docstring)."""
    raw = read_table(data)
    found = Draft(data)
    answers: dict[str, list] = {}
    forms_words: dict[int, str] = {}
    for name, cells in raw.columns.items():
        values = [c for c in cells if c is not None and str(c).strip() != ""]
        key = normalise_word(name)
        if key in TIMESTAMP_NAMES:
            found.skipped[name] = "a form's timestamp"
            continue
        if found.id_column is None and key in ID_NAMES and len(set(map(str, values))) == len(values) == len(cells):
            found.id_column = name
            continue
        prefix = _item_prefix(name)
        codes = _scale_points(values, forms_words) if prefix and values else None
        if codes is not None:
            found.constructs.setdefault(prefix, []).append(name)
            answers[name] = codes
        elif 2 <= len(set(map(str, values))) <= PROFILE_MAX:
            found.profile.append(name)
        else:
            found.skipped[name] = "neither a scale item nor a profile column with few answers"
    if not found.constructs:
        raise ConfigError(f"{data.name}: no column looks like a questionnaire item (names such as X1.1, X1_1, P1 "
                          f"with answers on a scale); write the study file by hand from the README")
    points = [c for codes in answers.values() for c in codes]
    found.scale = (0 if min(points) == 0 else 1, max(max(points), 5 if _worded(answers, raw) else 2))
    found.labels = _labels(found.scale, forms_words, _worded(answers, raw))
    return found


def _item_prefix(name: str) -> str | None:
    for pattern in ITEM_NAMES:
        match = pattern.match(name.strip())
        if match:
            return match.group("prefix")
    return None


def _scale_points(values: list, forms_words: dict[int, str]) -> list[int] | None:
    """Each answer's scale point, or None when an answer is not one (the column is no item)."""
    codes = []
    for value in values:
        text = normalise_word(str(value))
        if re.fullmatch(r"\d+(\.0)?", text):
            codes.append(int(float(text)))
        elif text in LIKERT_WORDS:
            codes.append(LIKERT_WORDS[text])
        elif (match := NUMBERED.match(str(value).strip())) is not None:
            number = int(match.group(1))
            forms_words.setdefault(number, re.sub(r"\s+", " ", match.group(2).strip()))
            codes.append(number)
        else:
            return None
    return codes if codes and max(codes) <= 10 else None


def _worded(answers: dict[str, list], raw) -> bool:
    """Whether any item answer is written in words."""
    return any(not re.fullmatch(r"\d+(\.0)?", normalise_word(str(c))) for name in answers for c in raw.columns[name]
               if c is not None and str(c).strip())


def _labels(scale: tuple[int, int], forms_words: dict[int, str], worded: bool) -> dict[int, tuple[str, str, str, str]]:
    if not worded:
        return {}
    if forms_words:
        labels = {}
        for code, words in sorted(forms_words.items()):
            known = LIKERT.get(LIKERT_WORDS.get(normalise_word(words), 0))
            short = known[0] if known else "".join(w[0] for w in words.split()).upper()
            labels[code] = (short, words, known[2] if known else short, known[3] if known else words)
        return labels
    return dict(LIKERT) if scale == (1, 5) else {}


@dataclass
class ConstructChoice:
    """A construct as the user names it: its name, its items (column → statement) and the items
    scored in reverse."""

    name: str
    items: dict[str, str]
    reverse: list[str] = field(default_factory=list)


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
    more_paths: list[str] = field(default_factory=list)  # path / PLS: model paths besides the hypotheses' (a study file's)


def choices_for(found: Draft, design: str) -> Choices:
    """The defaults: names left TODO, the last construct (``Y`` when there is one) explained by
    the others, one hypothesis per path expecting a positive effect."""
    names = list(found.constructs)
    dependent = "Y" if "Y" in names else names[-1]
    predictors = [n for n in names if n != dependent]
    return Choices(title="TODO: judul penelitian", author="TODO: nama penulis", year=datetime.date.today().year,
                   language="id", design=design, id_column=found.id_column, scale=found.scale, labels=dict(found.labels),
                   profile={column: column for column in found.profile},
                   constructs={name: ConstructChoice(f"TODO: nama {name}", {item: f"TODO: pernyataan {item}" for item in items})
                               for name, items in found.constructs.items()},
                   dependent=dependent, predictors=predictors,
                   hypotheses=[(f"{p} -> {dependent}", "positive") for p in predictors], skipped=dict(found.skipped))


@dataclass
class WrittenStudy:
    """A study file's text and, for each of its lines that a choice wrote, the choice's name
    (``title``, ``name.X1``, ``text.X1.1``, ``hypotheses`` …): a problem reported at a line is
    shown at the field it came from."""

    text: str
    fields: dict[int, str]


class _Lines:
    def __init__(self):
        self.lines: list[str] = []
        self.fields: dict[int, str] = {}

    def add(self, text: str, field_name: str | None = None) -> None:
        self.lines.append(text)
        if field_name:
            self.fields[len(self.lines)] = field_name


def study_text(found: Draft, design: str, study_file: Path) -> str:
    """The study file of ``found`` for ``design``, with comments (``reportgen init``)."""
    return written_study(choices_for(found, design), found.data, study_file).text


def written_study(choices: Choices, data: Path, study_file: Path) -> WrittenStudy:
    """The study file of ``choices`` for the answers in ``data``, to be saved as ``study_file``."""
    q = _quoted
    data_path = os.path.relpath(data.resolve(), study_file.resolve().parent)
    out = _Lines()
    out.add(f"# Study file drafted by `reportgen init` from {data.name}. Replace every TODO with the")
    out.add("# names and texts of your study; the file validates and runs as it is (README, \"The study file\").")
    out.add("study:")
    out.add(f"  title: {q(choices.title)}", "title")
    out.add(f"  author: {q(choices.author)}", "author")
    out.add(f"  year: {_scalar(choices.year, q)}", "year")
    out.add(f"  language: {q(choices.language)}", "language")
    out.add("data:")
    out.add(f"  path: {q(data_path)}")
    if choices.id_column:
        out.add(f"  id: {q(choices.id_column)}   # every value differs: the respondent's id")
    low, high = choices.scale
    out.add(f"scale:   # from the answers: {low} to {high}", "scale")
    out.add(f"  min: {_scalar(low, q)}", "scale")
    out.add(f"  max: {_scalar(high, q)}", "scale")
    if choices.labels:
        out.add("  labels:   # the words the answers are written in", "scale")
        for code, (short_id, words_id, short_en, words_en) in sorted(choices.labels.items(), reverse=True):
            out.add(f"    {code}: {{short: {{id: {q(short_id)}, en: {q(short_en)}}}, id: {q(words_id)}, en: {q(words_en)}}}",
                    f"label.{code}")
    if choices.profile:
        out.add("respondents:   # columns with few distinct answers: the respondent profile")
        for column, label in choices.profile.items():
            out.add(f"  - column: {q(column)}", f"profile.{column}")
            todo = "   # TODO: the label the chapter prints" if label == column else ""
            out.add(f"    label: {q(label)}{todo}", f"profile.{column}")
    out.add("constructs:   # items grouped by the prefix of their names" if choices.constructs else "constructs: {}")
    for name, construct in choices.constructs.items():
        out.add(f"  {q(name)}:", f"name.{name}")
        out.add(f"    name: {q(construct.name)}", f"name.{name}")
        out.add("    items:", f"name.{name}")
        for item, statement in construct.items.items():
            out.add(f"      {q(item)}: {q(statement)}", f"text.{item}")
        if construct.reverse:
            out.add(f"    reverse: [{', '.join(map(q, construct.reverse))}]", f"name.{name}")
    _model_lines(choices, q, out)
    if choices.skipped:
        out.add("# not used: " + "; ".join(f"{name} ({why})" for name, why in choices.skipped.items()))
    return WrittenStudy("\n".join(out.lines) + "\n", out.fields)


def _model_lines(choices: Choices, q, out: _Lines) -> None:
    if choices.design == "regression":
        out.add("model:", "model")
        out.add("  type: regression", "model")
        out.add(f"  dependent: {q(choices.dependent)}", "dependent")
        out.add(f"  predictors: [{', '.join(map(q, choices.predictors))}]", "predictors")
    else:
        paths = list(dict.fromkeys([*(path for path, _ in choices.hypotheses), *choices.more_paths]))
        out.add("model:", "hypotheses")
        out.add(f"  type: {q(choices.design)}", "design")
        out.add(f"  paths: [{', '.join(map(q, paths))}]", "hypotheses")
    joint = choices.design == "regression" and choices.joint_test and len(choices.predictors) > 1
    out.add("hypotheses:   # one per path; TODO: the hypotheses of your study" if choices.hypotheses or joint
            else "hypotheses: {}", "hypotheses")
    for k, (path, expect) in enumerate(choices.hypotheses, start=1):
        out.add(f"  H{k}: {{path: {q(path)}, expect: {q(expect)}}}", f"hypothesis.{k}")
    if joint:
        on = q("on")  # quoted: a bare on is a boolean in YAML 1.1
        out.add(f"  H{len(choices.hypotheses) + 1}: {{simultaneous: [{', '.join(map(q, choices.predictors))}], "
                f"{on}: {q(choices.dependent)}}}", "joint")


UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def _quoted(text) -> str:
    """A YAML double-quoted scalar that reads back as ``text`` exactly: JSON's escapes, and
    ``\\uXXXX`` for the characters YAML refuses or folds (DEL, C1 controls, line separators)."""
    return UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(str(text), ensure_ascii=False))


def _scalar(value, q) -> str:
    """A whole number as it is; anything else quoted (a form's text never becomes YAML syntax)."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else q(value)


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
