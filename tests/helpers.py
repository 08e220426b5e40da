"""A small valid study written to a temporary folder, to be broken one way at a time; the examples' chapters made once."""

from __future__ import annotations

import copy
import functools
import re
from pathlib import Path

import numpy as np
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = ROOT / "config" / "examples"
SURVEYS = sorted(p for p in (FIXTURES / "surveys").iterdir() if (p / "r_reference.json").exists())


def close(ours, ref, rel=1e-6):
    """Equal to R's value within a relative tolerance (1e-6 unless told)."""
    assert ours == pytest.approx(ref, rel=rel, abs=1e-12)


LABELS = {
    5: {"short": "SS", "id": "Sangat Setuju", "en": "Strongly Agree"},
    4: {"short": "S", "id": "Setuju", "en": "Agree"},
    3: {"short": "KS", "id": "Kurang Setuju", "en": "Neutral"},
    2: {"short": "TS", "id": "Tidak Setuju", "en": "Disagree"},
    1: {"short": "STS", "id": "Sangat Tidak Setuju", "en": "Strongly Disagree"},
}

BASE = {
    "study": {"title": "Studi Kecil", "author": "Uji", "year": 2024, "language": "id"},
    "data": {"path": "responses.csv", "id": "rid"},
    "scale": {"min": 1, "max": 5, "labels": LABELS},
    "respondents": [{"column": "jk", "label": {"id": "Jenis Kelamin", "en": "Gender"}, "order": ["L", "P"]}],
    "constructs": {
        "X1": {"name": {"id": "Motivasi", "en": "Motivation"}, "items": {"X1.1": "a", "X1.2": "b", "X1.3": "c"}},
        "X2": {"name": "Disiplin", "items": {"X2.1": "a", "X2.2": "b", "X2.3": "c"}, "reverse": ["X2.3"]},
        "Y": {"name": {"id": "Kinerja", "en": "Performance"}, "items": {"Y.1": "a", "Y.2": "b", "Y.3": "c"}},
    },
    "model": {"type": "regression", "dependent": "Y", "predictors": ["X1", "X2"]},
    "hypotheses": {
        "H1": {"path": "X1 -> Y", "expect": "positive"},
        "H2": {"path": "X2 -> Y", "expect": "positive"},
        "H3": {"simultaneous": ["X1", "X2"], "on": "Y"},
    },
}


def survey_rows(n: int = 40, seed: int = 3) -> list[dict]:
    rng = np.random.default_rng(seed)
    f = {c: rng.normal(size=n) for c in ("X1", "X2")}
    f["Y"] = 0.6 * f["X1"] + 0.3 * f["X2"] + rng.normal(size=n)
    rows = []
    for i in range(n):
        row = {"rid": f"R{i + 1}", "jk": "L" if i % 3 else "P"}
        for c in ("X1", "X2", "Y"):
            for j in (1, 2, 3):
                value = int(np.clip(np.round(3 + f[c][i] + rng.normal(scale=0.7)), 1, 5))
                if c == "X2" and j == 3:
                    value = 6 - value
                row[f"{c}.{j}"] = value
        rows.append(row)
    return rows


def write_study(folder: Path, config: dict | None = None, rows: list[dict] | None = None, text: str | None = None) -> Path:
    """Write study.yaml (from ``config`` or raw ``text``) and responses.csv (from ``rows``)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = survey_rows() if rows is None else rows
    header = list(rows[0]) if rows else ["rid"]
    lines = [",".join(header)] + [",".join("" if r.get(h) is None else str(r.get(h)) for h in header) for r in rows]
    (folder / "responses.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = folder / "study.yaml"
    path.write_text(text if text is not None else yaml.safe_dump(config or BASE, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def base() -> dict:
    return copy.deepcopy(BASE)


DECIMAL = {
    "id": re.compile(r"\d+(?:\.\d{3})*,\d+"),
    "en": re.compile(r"(?<![\d.,])(?:\d+(?:,\d{3})*)?\.\d+"),
}  # .724: no leading zero where a value cannot exceed 1 (APA 7)


def numbers_checked_against_tables(doc, lang: str) -> int:
    """Assert every decimal number of a paragraph is printed in a table it cites; return how many."""
    from reportgen.report.document import Paragraph

    tables = doc.tables()
    checked = 0
    for block in doc.walk():
        if not isinstance(block, Paragraph) or not block.refs:
            continue
        printed = set()
        for key in block.refs:
            for text in tables[key].texts() + list(tables[key].notes):
                printed.update(DECIMAL[lang].findall(text))
        text = re.sub(r"\b(Table|Figure|Tabel|Gambar) \d+\.\d+", "", block.text)
        for number in DECIMAL[lang].findall(text):
            assert number in printed, f"{lang}: {number} in “{block.text[:90]}…” is not in {block.refs}"
            checked += 1
    return checked


class CliResult:
    """What one in-process command line run printed and returned."""

    def __init__(self, exit_code: int, stdout: str, stderr: str):
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr
        self.output = stdout + stderr


def invoke(args) -> CliResult:
    """Run ``reportgen ARGS`` in this process (as the console script does) and capture its streams."""
    import contextlib
    import io

    from reportgen.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return CliResult(code, out.getvalue(), err.getvalue())


def example_variant(example: str, folder: Path, edit) -> Path:
    """A copy of an example's study.yaml in ``folder``, changed by ``edit(config)``, its data read
    from the example folder."""
    config = _on_is_a_word(yaml.safe_load((EXAMPLES / example / "study.yaml").read_text(encoding="utf-8")))
    for section in ("data", "answers", "history"):
        if isinstance(config.get(section), dict) and "path" in config[section]:
            config[section]["path"] = str(EXAMPLES / example / config[section]["path"])
    if config.get("literature"):
        config["literature"] = str(EXAMPLES / example / config["literature"])
    edit(config)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "study.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _on_is_a_word(value):
    """PyYAML reads the key ``on`` (of a simultaneous hypothesis) as True, as YAML 1.1 says;
    the study loader reads it as the word."""
    if isinstance(value, dict):
        return {("on" if k is True else k): _on_is_a_word(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_on_is_a_word(v) for v in value]
    return value


def english_names(example: str = "luwu-timur") -> dict[str, str]:
    """Construct code → English name, as the example's study file gives them (what a user types in the web form)."""
    import yaml

    config = yaml.safe_load((EXAMPLES / example / "study.yaml").read_text(encoding="utf-8"))
    return {code: spec["name"]["en"] for code, spec in config["constructs"].items()}


def composed_example(example: str, lang: str | None = None):
    """The chapter and results.json of an example (:func:`reportgen.pipeline.compose`), made once per
    test run (shared by the xdist workers, :func:`made_once`) and handed out as a fresh copy, so that
    a test may change what it receives."""
    import pickle

    return pickle.loads(_composed(example, lang))


@functools.cache
def _composed(example: str, lang: str | None) -> bytes:
    import pickle

    from reportgen.pipeline import compose

    return made_once(f"composed-{example}-{lang or 'own'}.pickle", lambda: pickle.dumps(compose(EXAMPLES / example / "study.yaml", lang)))


def made_once(name: str, make) -> bytes:
    """The bytes ``make()`` returns, made by the first test process of the run that asks for them and
    read from the run's shared folder (conftest) by the others, which wait for them under a lock."""
    import fcntl
    import os

    path = Path(os.environ["REPORTGEN_TEST_SHARED"]) / name
    with open(path.with_name(name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            part = path.with_name(name + ".part")
            part.write_bytes(make())
            part.replace(path)
    return path.read_bytes()


def written_example(example: str, lang: str):
    """The :class:`~reportgen.pipeline.Report` of running an example in every format (results.json,
    PDF, DOCX, html page), written once per test run and shared by its test processes (pytest-xdist
    workers, :func:`made_once`); tests read its files and must not change them."""
    import json
    import os

    from reportgen.pipeline import Report, run_study

    def run() -> bytes:
        folder = Path(os.environ["REPORTGEN_TEST_SHARED"]) / f"{example}-{lang}"
        report = run_study(EXAMPLES / example / "study.yaml", folder, lang=lang, formats=("json", "pdf", "docx", "html"))
        return json.dumps({"files": [str(p) for p in report.files], "notes": report.notes}).encode()

    written = json.loads(made_once(f"written-{example}-{lang}.json", run))
    return Report([Path(p) for p in written["files"]], written["notes"])


LIGHT_EXAMPLE = "luwu-timur"  # the thesis replica: its PDF and DOCX are checked by make test; the other examples' by make test-heavy


def rendered_examples(examples, langs=("id", "en")) -> list:
    """(example, lang) parameters of a check of each example's PDF: the thesis replica's run by
    ``make test``, the others marked heavy (``make test-heavy``, CI), each PDF rendered once."""
    return heavy_unless([(e, lang) for e in examples for lang in langs], (LIGHT_EXAMPLE,))


def heavy_unless(cases, light) -> list:
    """The (example, …) cases as parameters: those of an example in ``light`` run by ``make test``, the others marked heavy."""
    return [case if case[0] in light else heavy(*case) for case in cases]


def heavy(*values):
    """A parameter set of a test run by ``make test-heavy`` only (an example's PDF besides the thesis replica's)."""
    return pytest.param(*values, marks=pytest.mark.heavy)


def generated_example(name: str, folder: Path) -> bytes:
    """The data ``config/generators/make_<name>_example.py`` writes, written into ``folder``: its
    bytes, to be compared with the committed example's (a generator is seeded)."""
    import importlib.util

    module = f"make_{name.replace('-', '_')}_example"
    spec = importlib.util.spec_from_file_location(module, EXAMPLES.parent / "generators" / f"{module}.py")
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    generator.HERE = folder
    generator.write(generator.generate())
    return (folder / "responses.csv").read_bytes()


def example_rows(example: str) -> list[dict]:
    """The rows of an example's responses.csv, to be changed by a test and written with :func:`write_rows`."""
    import csv

    with (EXAMPLES / example / "responses.csv").open(encoding="utf-8") as data:
        return list(csv.DictReader(data))


def write_rows(path: Path, rows: list[dict]) -> Path:
    """``rows`` as a CSV file at ``path`` (the columns of the first row)."""
    import csv

    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path
