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
import math
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

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
    3: ("KS", "Kurang Setuju", "PA", "Partly Agree"),  # "kurang setuju" leans to a side: it is not "neutral"
    4: ("S", "Setuju", "A", "Agree"),
    5: ("SS", "Sangat Setuju", "SA", "Strongly Agree"),
}
MIDPOINTS = {"netral": ("N", "Neutral"), "neutral": ("N", "Neutral"), "n": ("N", "Neutral"), "ragu-ragu": ("U", "Undecided"), "ragu ragu": ("U", "Undecided"),
             "cukup setuju": ("FA", "Fairly Agree"), "neither agree nor disagree": ("N", "Neither Agree nor Disagree")}
# the other words of the midpoint, each with its own English (short, words): "Netral" is "Neutral", "Kurang Setuju" is not
LIKERT_WORDS = {normalise_word(w): code for code, words in LIKERT.items() for w in words} | {word: 3 for word in MIDPOINTS}


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
            english = MIDPOINTS.get(normalise_word(words)) or (known[2:] if known else (short, words))
            labels[code] = (short, words, *english)
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
    text = yaml.dump(value, Dumper=StudyDumper, default_flow_style=False, allow_unicode=True, width=math.inf,
                     sort_keys=False)
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
    out.add(f"# Study file drafted by `reportgen init` from {scalar(data.name)}. Replace every TODO with the")
    out.add("# names and texts of your study; the file validates and runs as it is (README, \"The study file\").")
    out.add("study:")
    out.put({"title": choices.title}, "title", 2)
    out.put({"author": choices.author}, "author", 2)
    out.put({"year": choices.year}, "year", 2)
    out.put({"language": choices.language}, "language", 2)
    out.add("data:")
    out.put({"path": data_path}, indent=2)
    if choices.id_column:
        out.put({"id": choices.id_column}, indent=2, comment="   # every value differs: the respondent's id")
    low, high = choices.scale
    counted = all(isinstance(v, int) and not isinstance(v, bool) for v in (low, high))
    out.add("scale:" + (f"   # from the answers: {low} to {high}" if counted else ""), "scale")
    out.put({"min": low}, "scale", 2)
    out.put({"max": high}, "scale", 2)
    if choices.labels:
        out.add("  labels:   # the words the answers are written in", "scale")
        for code, (short_id, words_id, short_en, words_en) in sorted(choices.labels.items(), reverse=True):
            out.put({code: Flow(short=Flow(id=short_id, en=short_en), id=words_id, en=words_en)}, f"label.{code}", 4)
    if choices.profile:
        out.add("respondents:   # columns with few distinct answers: the respondent profile")
        for column, label in choices.profile.items():
            todo = "   # TODO: the label the chapter prints" if label == column else ""
            out.put([{"column": column, "label": label}], f"profile.{column}", 2, todo)
    out.add("constructs:   # items grouped by the prefix of their names" if choices.constructs else "constructs: {}")
    for name, construct in choices.constructs.items():
        entry = {"name": construct.name, "items": dict(construct.items)}
        if construct.reverse:
            entry["reverse"] = FlowList(construct.reverse)
        out.put({name: entry}, f"name.{name}", 2)
        _item_fields(out, construct)
    _model_lines(choices, out)
    if choices.skipped:
        out.add("# not used: " + "; ".join(f"{scalar(name)} ({why})" for name, why in choices.skipped.items()))
    return WrittenStudy("\n".join(out.lines) + "\n", out.fields)


def _item_fields(out: _Lines, construct: ConstructChoice) -> None:
    """Give each statement's line (written by :meth:`_Lines.put` with its construct) its item's field."""
    if not construct.items:
        return
    last = len(out.lines) - (1 if construct.reverse else 0)
    first = last - len(construct.items) + 1
    if all(out.lines[k - 1].startswith("      ") for k in range(first, last + 1)):  # one line per statement
        for k, item in zip(range(first, last + 1), construct.items):
            out.fields[k] = f"text.{item}"


def _model_lines(choices: Choices, out: _Lines) -> None:
    if choices.design == "regression":
        out.add("model:", "model")
        out.add("  type: regression", "model")
        out.put({"dependent": choices.dependent}, "dependent", 2)
        out.put({"predictors": FlowList(choices.predictors)}, "predictors", 2)
    else:
        paths = list(dict.fromkeys([*(path for path, _ in choices.hypotheses), *choices.more_paths]))
        out.add("model:", "hypotheses")
        out.put({"type": choices.design}, "design", 2)
        out.put({"paths": FlowList(paths)}, "hypotheses", 2)
    joint = choices.design == "regression" and choices.joint_test and len(choices.predictors) > 1
    out.add("hypotheses:   # one per path; TODO: the hypotheses of your study" if choices.hypotheses or joint
            else "hypotheses: {}", "hypotheses")
    for k, (path, expect) in enumerate(choices.hypotheses, start=1):
        out.put({f"H{k}": Flow(path=path, expect=expect)}, f"hypothesis.{k}", 2)
    if joint:  # "on" is quoted by the emitter: a bare on is a boolean in YAML 1.1
        out.put({f"H{len(choices.hypotheses) + 1}": Flow(simultaneous=FlowList(choices.predictors), on=choices.dependent)},
                "joint", 2)


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
