"""The contract of README "Your files are safe": each point, table-driven.

1. reportgen replaces only a folder it wrote itself; it writes nothing outside the output folder.
2. Every input is bounded: YAML aliases and nesting; user templates (folder, time, output, errors).
3. Signals stop a run cleanly (see test_signals.py for the real SIGTERM / SIGINT / SIGKILL).
4. OS errors are one line naming the path (see test_signals.py for full and read-only disks).
5. Batches: one folder per study, every outcome reported with its study, a crash stays one study's.
6. Data files: blank rows, encodings, sheets, keys as written, duplicated and blank columns.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import yaml
from helpers import base, invoke, survey_rows, write_study


def tree(folder: Path) -> dict:
    """Every file and link under ``folder`` with its bytes (links as their target)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            found[path.relative_to(folder)] = ("link", os.readlink(path))
        elif path.is_file():
            found[path.relative_to(folder)] = path.read_bytes()
        else:
            found[path.relative_to(folder)] = "folder"
    return found


def run_in(cwd: Path, *args):
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        return invoke(args)
    finally:
        os.chdir(previous)


def one_error_line(result, expected: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert expected in lines[0], lines[0]
    assert "Traceback" not in result.output


def earlier_report(root: Path, name: str = "o") -> Path:
    """A report reportgen wrote (json only) at ``root/name``."""
    study = write_study(root / "earlier-study", base())
    out = root / name
    assert invoke(["run", study, "--out", out, "--formats", "json"]).exit_code == 0
    return out


# 1. The output folder -----------------------------------------------------------------------


def _study_folder(root):
    return root / "s", "this folder holds your file study.yaml"


def _parent_of_study(root):
    return root, "this folder holds your file study.yaml"


def _data_elsewhere(root):
    (root / "data").mkdir()
    (root / "s" / "responses.csv").rename(root / "data" / "responses.csv")
    cfg = base()
    cfg["data"]["path"] = "../data/responses.csv"
    (root / "s" / "study.yaml").write_text(yaml.safe_dump(cfg, sort_keys=False))
    return root / "data", "this folder holds your file responses.csv"


def _templates_folder(root):
    cfg = base()
    cfg["templates"] = "../mine"
    (root / "mine").mkdir()
    (root / "s" / "study.yaml").write_text(yaml.safe_dump(cfg, sort_keys=False))
    return root / "mine", "this folder holds your templates folder mine"


def _a_file(root):
    (root / "notes.txt").write_text("my notes")
    return root / "notes.txt", "this is a file, not a folder"


def _current_folder(root):
    return Path("."), "this is the current folder"


def _parent_of_current(root):
    return Path(".."), "this folder holds the current folder"


def _home(root, monkeypatch=None):
    return Path.home(), "this is your home folder"


def _file_system_root(root):
    return Path("/"), "this is the root of the file system"


def _symlink(root):
    (root / "real").mkdir()
    (root / "link").symlink_to(root / "real")
    return root / "link", "this is a symbolic link"


def _foreign_folder(root):
    (root / "thesis").mkdir()
    (root / "thesis" / "bab4.docx").write_bytes(b"chapter four")
    return root / "thesis", "it holds bab4.docx, which reportgen did not write"


def _report_plus_user_file(root):
    out = earlier_report(root)
    (out / "catatan.txt").write_text("do not lose me")
    return out, "it holds catatan.txt, which reportgen did not write"


def _report_edited(root):
    out = earlier_report(root)
    (out / "results.json").write_text((out / "results.json").read_text() + " ")
    return out, "results.json was changed after reportgen wrote it (move it elsewhere to keep your changes)"


def _report_open_in_word(root):
    out = earlier_report(root)
    (out / "~$results.json").write_bytes(b"lock")
    return out, "it holds ~$results.json, which reportgen did not write"


def _report_with_user_folder(root):
    out = earlier_report(root)
    (out / "drafts").mkdir()
    return out, "it holds the folder drafts, which reportgen did not write"


def _damaged_manifest(root):
    out = earlier_report(root)
    (out / ".reportgen-manifest.json").write_text("{not json")
    return out, "its .reportgen-manifest.json is damaged"


REFUSED = [
    ("the study's own folder", _study_folder),
    ("a folder holding the study", _parent_of_study),
    ("the data's folder", _data_elsewhere),
    ("the templates folder", _templates_folder),
    ("a file", _a_file),
    (".", _current_folder),
    ("..", _parent_of_current),
    ("~", _home),
    ("/", _file_system_root),
    ("a symbolic link", _symlink),
    ("a folder of the user's", _foreign_folder),
    ("a report with a user's file added", _report_plus_user_file),
    ("a report whose file was edited", _report_edited),
    ("a report with a Word lock file", _report_open_in_word),
    ("a report with a user's folder added", _report_with_user_folder),
    ("a report with a damaged manifest", _damaged_manifest),
]


@pytest.mark.parametrize("name,setup", REFUSED, ids=[c[0] for c in REFUSED])
def test_output_folder_refused(tmp_path, name, setup):
    root = tmp_path / "work"
    study = write_study(root / "s", base())
    target, expected = setup(root)
    cwd = root / "s" if str(target).startswith(".") else tmp_path  # '.' is the study's folder: the worst place to write
    watched = Path.home() if target == Path.home() else root
    before = tree(watched) if watched == root else sorted(os.listdir(watched))
    result = run_in(cwd, "run", study, "--out", target, "--formats", "json")
    one_error_line(result, f"{target}: {expected}")
    assert result.stderr.endswith("; give --out a new folder, or one reportgen wrote\n")
    assert (tree(watched) if watched == root else sorted(os.listdir(watched))) == before


def test_batch_into_the_folder_of_the_studies_deletes_nothing(tmp_path):
    studies = tmp_path / "studies"
    for name in ("a", "b"):
        write_study(studies / name, base())
    before = tree(studies)
    result = invoke(["run", studies, "--out", studies, "--formats", "json"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"error: {studies / n / 'study.yaml'}: {studies / n}: this folder holds your file study.yaml; give --out a new folder, or one reportgen wrote"
        for n in ("a", "b")
    ] + ["2 of 2 studies failed"]
    assert tree(studies) == before


@pytest.mark.parametrize("kind", ["missing", "empty", "reportgen's own"])
def test_output_folder_accepted_and_replaced_whole(tmp_path, kind):
    study = write_study(tmp_path / "s", base())
    out = tmp_path / "o"
    if kind == "empty":
        out.mkdir()
    elif kind == "reportgen's own":
        assert invoke(["run", study, "--out", out, "--formats", "json,docx"]).exit_code == 0
        assert (out / "bab5.docx").exists()
    result = invoke(["run", study, "--out", out, "--formats", "json"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [".reportgen-manifest.json", "results.json"]
    manifest = json.loads((out / ".reportgen-manifest.json").read_text())
    assert list(manifest["files"]) == ["results.json"] and manifest["study"] == "study.yaml"
    assert manifest["files"]["results.json"]["bytes"] == (out / "results.json").stat().st_size
    assert sorted(os.listdir(tmp_path)) == ["o", "s"]  # no temporary folder beside it


def test_manifest_lists_every_file_of_a_chapter(tmp_path):
    from reportgen.output.manifest import foreign_content

    study = write_study(tmp_path / "s", base())
    assert invoke(["run", study, "--out", tmp_path / "o", "--formats", "json,pdf,docx"]).exit_code == 0
    manifest = json.loads((tmp_path / "o" / ".reportgen-manifest.json").read_text())
    written = {p.relative_to(tmp_path / "o").as_posix() for p in (tmp_path / "o").rglob("*") if p.is_file()}
    assert set(manifest["files"]) == written - {".reportgen-manifest.json"}
    assert {"bab5.pdf", "bab5.docx", "results.json", "figures/pp_plot.png"} <= set(manifest["files"])
    assert manifest["folders"] == ["figures"] and foreign_content(tmp_path / "o") is None


def test_stale_temporary_folders_of_dead_processes_are_swept(tmp_path):
    """What a SIGKILLed run could not remove is removed by the next run beside it, and nothing else."""
    from reportgen.output import sweep_stale

    dead = 2**22 + 12345  # above the default pid_max: no process has it
    stale = tmp_path / f".o.reportgen-tmp-{dead}-abc123"
    stale.mkdir()
    (stale / ".reportgen-staging").touch()
    alive = tmp_path / f".o.reportgen-tmp-{os.getpid()}-def456"
    alive.mkdir()
    (alive / ".reportgen-staging").touch()
    lookalike = tmp_path / f".o.reportgen-tmp-{dead}-ghi789"  # the user's, without reportgen's mark
    lookalike.mkdir()
    (lookalike / "mine.txt").write_text("x")
    assert sweep_stale(tmp_path) == [stale]
    assert alive.exists() and lookalike.exists() and not stale.exists()


@pytest.mark.parametrize("when", ["while the report is written", "during the swap"])
def test_a_stop_says_whether_the_new_report_was_complete(tmp_path, monkeypatch, when):
    """SIGTERM is held back during the folder swap and arrives just after it: the stop then names
    the report it could no longer prevent; before the swap the earlier report stays as it was."""
    import signal
    import threading

    from reportgen.interrupt import Interrupted, stopping_cleanly
    from reportgen.output import atomic_folder
    from reportgen.output import folder as folder_module

    out = tmp_path / "o"
    with atomic_folder(out) as staging:
        (staging / "chapter.txt").write_text("earlier")
    exchange = folder_module._exchange

    def signalled_exchange(a, b):
        os.kill(os.getpid(), signal.SIGTERM)  # held back: it arrives once the swap is done
        return exchange(a, b)

    monkeypatch.setattr(folder_module, "_exchange", signalled_exchange)
    idle = threading.Event()
    other = threading.Thread(target=idle.wait)  # a thread that may take the signal (as BLAS threads do)
    other.start()
    try:
        with pytest.raises(Interrupted) as stop, stopping_cleanly(), atomic_folder(out) as staging:
            (staging / "chapter.txt").write_text("new")
            if when == "while the report is written":
                os.kill(os.getpid(), signal.SIGTERM)
    finally:
        idle.set()
    swapped = when == "during the swap"
    assert stop.value.signum == signal.SIGTERM and stop.value.written == ((str(out),) if swapped else ())
    assert (out / "chapter.txt").read_text() == ("new" if swapped else "earlier")
    assert sorted(os.listdir(tmp_path)) == ["o"]  # neither the new nor the old report left beside it


# 1b. Names from the study file never leave the output folder --------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("x/../../../../tmp/ESCAPED", "x_tmp_ESCAPED"),
        ("..", "item"),
        (".hidden", "hidden"),
        ("C:\\Windows\\evil", "C_Windows_evil"),
        ("-rf", "rf"),
        ("Kinerja Pegawai (Y)", "Kinerja_Pegawai_Y"),
        ("H1", "H1"),
        ("x" * 200, "x" * 60),
        ("\u00e9t\u00e9/\u0000", "t"),
    ],
)
def test_safe_name(text, expected):
    from reportgen.output import safe_name

    assert safe_name(text) == expected


def test_name_book_keeps_names_distinct():
    from reportgen.output import NameBook

    book = NameBook()
    assert [book.name(t) for t in ("X1.1", "X1_1", "x1_1", "X1.1")] == ["X1_1", "X1_1-2", "x1_1-3", "X1_1"]


def test_keys_cannot_write_outside_the_output_folder(tmp_path):
    """A hypothesis key and a construct key that read as paths become plain file names."""
    from helpers import EXAMPLES

    folder = tmp_path / "study"
    folder.mkdir()
    escape = "../" * 12 + str(tmp_path / "ESCAPED").lstrip("/")
    text = (EXAMPLES / "moderation" / "study.yaml").read_text()
    text = text.replace("  H3: {path: KO -> KN, moderator: KM", f"  x/{escape}: {{path: KO -> KN, moderator: KM")
    (folder / "study.yaml").write_text(text)
    (folder / "responses.csv").write_bytes((EXAMPLES / "moderation" / "responses.csv").read_bytes())
    result = invoke(["run", folder / "study.yaml", "--out", tmp_path / "o", "--formats", "docx"])
    assert result.exit_code == 0, result.output
    assert sorted(os.listdir(tmp_path)) == ["o", "study"]
    slopes = [p.name for p in (tmp_path / "o" / "figures").glob("slopes_*")]
    assert len(slopes) == 1 and slopes[0].startswith("slopes_x_tmp_pytest") and len(slopes[0]) == len("slopes_.png") + 60


# 2. Bounded input: YAML ---------------------------------------------------------------------

LAUGHS = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))

YAML_BOMBS = [
    ("billion laughs", LAUGHS, "study.yaml, line 1: the file expands to more than 200,000 values (through YAML aliases '*')"),
    ("recursive alias", "study: &s {title: x, again: *s}\n", "study.yaml, line 1: an alias refers to a list or mapping that contains it"),
    ("recursive list", "constructs: &c [1, *c]\n", "an alias refers to a list or mapping that contains it"),
    ("20 000 deep", "study: " + "[" * 20000 + "]" * 20000 + "\n", "study.yaml, line 1: lists and mappings are nested more than 64 deep"),
    ("900 000 deep", "study: " + "[" * 900000 + "]" * 900000 + "\n", "lists and mappings are nested more than 64 deep"),
    (
        "deep mappings",
        "".join("  " * i + f"k{i}:\n" for i in range(100)) + "  " * 100 + "v: 1\n",
        "study.yaml, line 65: lists and mappings are nested",
    ),
    ("3 MB", "study: {title: '" + "x" * 3_000_000 + "'}\n", "study.yaml: the file has 3,000,019 characters; a study file may have at most 2,000,000"),
]


@pytest.mark.parametrize("name,text,expected", YAML_BOMBS, ids=[c[0] for c in YAML_BOMBS])
def test_yaml_is_bounded(tmp_path, name, text, expected):
    """One line within a second of CPU time (not of the clock: a loaded machine must not fail it)
    and under 200 MB (measured in a fresh process)."""
    import subprocess
    import sys

    from helpers import ROOT

    study = write_study(tmp_path, base())
    study.write_text(text)
    # VmHWM: the peak resident memory of this process since its exec (ru_maxrss would count pytest's, from the fork)
    probe = (
        "import re, sys, time; from reportgen.cli import main; t = time.process_time(); code = main(['validate', sys.argv[1]]); "
        "peak = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1); "
        "print(time.process_time() - t, peak, code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(study)], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60
    )
    seconds, kilobytes, code = result.stdout.split()
    assert code == "2" and result.stderr.count("\n") == 1 and expected in result.stderr, result.stderr
    assert float(seconds) < 1.0 and int(kilobytes) < 200_000, (seconds, kilobytes)


def test_numeric_keys_are_kept_as_written(tmp_path):
    """Items 1.1 and 1.10 are two items (YAML would read both as the number 1.1)."""
    rows = survey_rows()
    for r in rows:
        r["1.1"], r["1.10"] = r.pop("X1.1"), r.pop("X1.2")
    text = yaml.safe_dump(base(), sort_keys=False).replace("X1.1:", "1.1:").replace("X1.2:", "1.10:")
    study = write_study(tmp_path, rows=rows, text=text)
    result = invoke(["run", study, "--out", tmp_path / "o", "--formats", "json"])
    assert result.exit_code == 0, result.output
    items = json.loads((tmp_path / "o" / "results.json").read_text())["constructs"]["X1"]["items"]
    assert list(items) == ["1.1", "1.10", "X1.3"]


# 2b. Bounded input: user templates -----------------------------------------------------------


def _template(text: str, name: str = "hypothesis_decision.j2"):
    def setup(folder: Path) -> None:
        (folder / "mine" / "id").mkdir(parents=True, exist_ok=True)
        (folder / "mine" / "id" / name).write_text(text)

    return setup


def _linked_template(folder: Path) -> None:
    secret = folder.parent / "secret.txt"
    secret.write_text("SECRET CONTENT")
    (folder / "mine" / "id").mkdir(parents=True)
    (folder / "mine" / "id" / "hypothesis_decision.j2").symlink_to(secret)


def _linked_folder(folder: Path) -> None:
    outside = folder.parent / "elsewhere"
    outside.mkdir()
    (outside / "hypothesis_decision.j2").write_text("SECRET CONTENT")
    (folder / "mine").mkdir()
    (folder / "mine" / "id").symlink_to(outside)


def _linked_labels(folder: Path) -> None:
    secret = folder.parent / "secret.yaml"
    secret.write_text("profile_by: SECRET\n")
    (folder / "mine" / "id").mkdir(parents=True)
    (folder / "mine" / "id" / "labels.yaml").symlink_to(secret)


TEMPLATES = [
    ("a link to a file outside", _linked_template, "hypothesis_decision.j2: it is a link to "),
    ("a linked folder", _linked_folder, "hypothesis_decision.j2: it is a link to "),
    ("a linked labels.yaml", _linked_labels, "labels.yaml: it is a link to "),
    ("labels.yaml with aliases", _template(LAUGHS, "labels.yaml"), "labels.yaml, line 1: the file expands to more than 200,000 values"),
    ("range(10**9)", _template("{% for i in range(10**9) %}x{% endfor %}"), "hypothesis_decision.j2, line 1: OverflowError: Range too big"),
    (
        "a loop without end",
        _template("a\n{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"),
        "hypothesis_decision.j2, line 2: it ran for more than 2 seconds",
    ),
    (
        "includes itself",
        _template("{% include 'hypothesis_decision.j2' %}"),
        "hypothesis_decision.j2, line 1: it includes or calls itself without end",
    ),
    (
        "a recursive macro",
        _template("{% macro m() %}{{ m() }}{% endmacro %}\n{{ m() }}"),
        "hypothesis_decision.j2, line 1: it includes or calls itself",
    ),
    ("1/0", _template("{{ name }}\n{{ 1/0 }}"), "hypothesis_decision.j2, line 2: ZeroDivisionError: division by zero"),
    ("a huge text", _template("{{ 'x' * 10**9 }}"), "hypothesis_decision.j2, line 1: a text or list of 1,000,000,000 elements is too long"),
    ("a huge number", _template("{{ 2 ** (10**9) }}"), "hypothesis_decision.j2, line 1: 2 ** 1000000000 is too large a number"),
    ("a huge padding", _template("{{ name|center(10**9) }}"), "hypothesis_decision.j2, line 1: the filter center takes a width of at most 1000"),
    (
        "too much output",
        _template("{% for i in range(1000) %}{{ 'x' * 1000 }}{% endfor %}"),
        "hypothesis_decision.j2: it writes more than 200,000 characters",
    ),
    ("an unknown include", _template("{% include 'nowhere.j2' %}"), "it includes 'nowhere.j2', which is not in the templates folder"),
]


@pytest.mark.parametrize("name,setup,expected", TEMPLATES, ids=[c[0] for c in TEMPLATES])
def test_user_templates_are_bounded(tmp_path, name, setup, expected):
    cfg = base()
    cfg["templates"] = "mine"
    folder = tmp_path / "s"
    study = write_study(folder, cfg)
    setup(folder)
    result = invoke(["run", study, "--out", tmp_path / "o", "--formats", "pdf"])
    one_error_line(result, expected)
    assert str(folder / "mine" / "id") in result.stderr or "labels.yaml" in result.stderr
    assert "SECRET" not in result.output and not (tmp_path / "o").exists()


# 5. Batches ---------------------------------------------------------------------------------


def test_studies_in_folders_of_the_same_name_get_their_own_folders(tmp_path):
    first = write_study(tmp_path / "x" / "thesis", base())
    second = write_study(tmp_path / "y" / "thesis", base(), survey_rows(n=50, seed=8))
    result = invoke(["run", first, second, "--out", tmp_path / "o", "--formats", "json"])
    assert result.exit_code == 0, result.output
    assert sorted(os.listdir(tmp_path / "o")) == ["x-thesis", "y-thesis"]
    assert json.loads((tmp_path / "o" / "y-thesis" / "results.json").read_text())["n_used"] == 50
    assert f"{first}: 1 file in {tmp_path / 'o' / 'x-thesis'}" in result.stdout


def test_output_names():
    from reportgen.batch import output_names

    assert output_names([Path("a/thesis/study.yaml"), Path("b/thesis/study.yaml"), Path("c/other.yaml")]) == ["a-thesis", "b-thesis", "other"]
    assert output_names([Path("s1/x/study.yaml"), Path("s2/x/study.yaml"), Path("s2/y/study.yaml")]) == ["s1-x", "s2-x", "y"]
    assert output_names([Path("p/q r/study.yaml")]) == ["q_r"]


def test_a_crash_is_one_study_s_failure_and_the_others_finish(tmp_path, monkeypatch):
    import reportgen.pipeline as pipeline

    real = pipeline.run_study

    def run_study(study, *args, **kwargs):
        if Path(study).parent.name == "b":
            raise RuntimeError("an unforeseen state")
        return real(study, *args, **kwargs)

    monkeypatch.setattr(pipeline, "run_study", run_study)
    cfg = base()
    cfg["model"]["dependent"] = "Z"
    studies = [write_study(tmp_path / n, base() if n != "c" else cfg) for n in ("a", "b", "c", "d")]
    result = invoke(["run", *studies, "--out", tmp_path / "o", "--formats", "json", "--jobs", "2"])
    assert result.exit_code == 1
    assert f"error: {studies[1]}: the study process failed: RuntimeError: an unforeseen state (a bug in reportgen" in result.stderr
    assert "Traceback" in result.stderr  # a bug keeps its traceback
    assert f"error: {studies[2]}: study.yaml, line" in result.stderr and "'Z' is not a construct" in result.stderr
    assert "2 of 4 studies failed" in result.stderr
    assert sorted(os.listdir(tmp_path / "o")) == ["a", "d"]


def test_the_same_study_twice_runs_once(tmp_path):
    study = write_study(tmp_path / "a", base())
    result = invoke(["run", study, tmp_path / "a", "--out", tmp_path / "o", "--formats", "json"])
    assert result.exit_code == 0 and sorted(os.listdir(tmp_path / "o")) == [".reportgen-manifest.json", "results.json"]


@pytest.mark.parametrize("value", ["-1", "0", "two", "1.5"])
def test_jobs_must_be_a_positive_number(tmp_path, value):
    result = invoke(["run", "study.yaml", "--jobs", value])
    one_error_line(result, f"argument --jobs: '{value}' is not a number of studies; use a whole number of 1 or more")


# 6. Data files ------------------------------------------------------------------------------


def csv_text(rows: list[dict], delimiter: str = ",") -> str:
    header = list(rows[0])
    return "\n".join([delimiter.join(header)] + [delimiter.join(str(r[h]) for h in header) for r in rows]) + "\n"


def test_blank_rows_are_not_respondents(tmp_path):
    rows = survey_rows()
    reference = write_study(tmp_path / "plain", base(), rows)
    assert invoke(["run", reference, "--out", tmp_path / "a", "--formats", "json"]).exit_code == 0
    lines = csv_text(rows).splitlines()
    width = len(lines[0].split(","))
    lines[5:5] = ["," * (width - 1), "", " , ,"]  # rows 6, 7, 8
    lines += ["," * (width - 1)] * 2  # rows 45, 46
    study = write_study(tmp_path / "blank", base(), rows)
    (tmp_path / "blank" / "responses.csv").write_text("\n".join(lines) + "\n")
    result = invoke(["run", study, "--out", tmp_path / "b", "--formats", "json"])
    assert result.exit_code == 0, result.output
    note = "responses.csv: 5 wholly blank rows were skipped (rows 6–8, 45–46)"
    assert result.stderr == f"note: {note}\n"
    a, b = (json.loads((tmp_path / f / "results.json").read_text()) for f in "ab")
    assert b["n_used"] == 40 and b["warnings"][0] == note
    assert b["regression"] == a["regression"] and b["constructs"] == a["constructs"]
    cell = survey_rows()
    cell[36]["X1.2"] = 6  # respondent R37 is still named by the row Excel shows: 38 + 3 blank rows
    lines[40] = csv_text(cell).splitlines()[37]
    (tmp_path / "blank" / "responses.csv").write_text("\n".join(lines) + "\n")
    one_error_line(invoke(["validate", study]), "column X1.2, respondent R37 (row 41): 6 is outside the scale 1–5")


def test_blank_rows_in_the_pls_example_leave_its_results_unchanged(tmp_path):
    """corp-rep with 20 rows of commas appended: 344 respondents, not 364, and the same estimates."""
    from helpers import EXAMPLES

    folder = tmp_path / "corp-rep"
    folder.mkdir()
    for name in ("study.yaml", "corp_rep_data.csv"):
        (folder / name).write_bytes((EXAMPLES / "corp-rep" / name).read_bytes())
    text = (folder / "corp_rep_data.csv").read_text()
    width = text.splitlines()[0].count(",")
    (folder / "corp_rep_data.csv").write_text(text + ("," * width + "\n") * 20)
    for out, study in (("plain", EXAMPLES / "corp-rep" / "study.yaml"), ("blank", folder / "study.yaml")):
        assert invoke(["run", study, "--out", tmp_path / out, "--formats", "json"]).exit_code == 0
    plain, blank = (json.loads((tmp_path / f / "results.json").read_text()) for f in ("plain", "blank"))
    assert blank["n_used"] == plain["n_used"] == 344
    assert blank["pls"]["paths"] == plain["pls"]["paths"]
    assert "corp_rep_data.csv: 20 wholly blank rows were skipped (rows 346–365)" in blank["warnings"][0]


def _profile_word(rows):
    for i, r in enumerate(rows):
        r["jk"] = "Perempuan’s" if i % 3 else "Laki-laki é"
    return rows


ENCODINGS = [
    ("UTF-8", lambda text: text.encode("utf-8"), None),
    ("UTF-8 with BOM", lambda text: "\ufeff".encode("utf-8") + text.encode("utf-8"), None),
    ("UTF-16 LE with BOM, tabs", lambda text: "\ufeff".encode("utf-16-le") + text.replace(",", "\t").encode("utf-16-le"), "UTF-16"),
    ("UTF-16 BE with BOM", lambda text: "\ufeff".encode("utf-16-be") + text.encode("utf-16-be"), "UTF-16"),
    ("Windows-1252", lambda text: text.encode("cp1252"), "Windows-1252"),
    ("Windows-1252, semicolons", lambda text: text.replace(",", ";").encode("cp1252"), "Windows-1252"),
]


@pytest.mark.parametrize("name,encode,reported", ENCODINGS, ids=[c[0] for c in ENCODINGS])
def test_what_excel_saves_is_read(tmp_path, name, encode, reported):
    rows = _profile_word(survey_rows())
    cfg = base()
    cfg["respondents"][0]["order"] = ["Laki-laki é", "Perempuan’s"]
    study = write_study(tmp_path, cfg, rows)
    (tmp_path / "responses.csv").write_bytes(encode(csv_text(rows)))
    result = invoke(["run", study, "--out", tmp_path / "o", "--formats", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "o" / "results.json").read_text())
    assert data["n_used"] == 40
    notes = [w for w in data["warnings"] if "was read as" in w]
    assert notes == ([f"responses.csv was read as {reported} text"] if reported else [])


@pytest.mark.parametrize("content", [bytes(range(256)) * 8, b"\xff\xfe\x00\xd8", b"PK\x03\x04" + bytes(300)])
def test_what_is_not_text_is_refused_with_advice(tmp_path, content):
    study = write_study(tmp_path, base())
    (tmp_path / "responses.csv").write_bytes(content)
    result = invoke(["run", study, "--out", tmp_path / "o", "--formats", "json"])
    one_error_line(result, "responses.csv: ")
    assert "in Excel, use File > Save As > 'CSV UTF-8 (Comma delimited) (*.csv)'" in result.stderr


def _workbook(path: Path, sheets: dict[str, list[list]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)


def test_the_sheet_read_is_named_and_data_sheet_chooses_another(tmp_path):
    rows = survey_rows()
    table = [list(rows[0])] + [list(r.values()) for r in rows]
    cfg = base()
    cfg["data"]["path"] = "r.xlsx"
    study = write_study(tmp_path, cfg)
    _workbook(tmp_path / "r.xlsx", {"Petunjuk": [["Petunjuk"], ["Isi kuesioner di sheet Data"]], "Data": table[:6] + [[None] * 4] + table[6:]})
    result = invoke(["run", study, "--out", tmp_path / "o", "--formats", "json"])
    one_error_line(result, "r.xlsx, sheet 'Petunjuk': column 'X1.1' not found (the workbook also has the sheet Data; choose one with data.sheet)")
    cfg["data"]["sheet"] = "Data"
    study.write_text(yaml.safe_dump(cfg, sort_keys=False))
    result = invoke(["run", study, "--out", tmp_path / "o", "--formats", "json"])
    assert result.exit_code == 0, result.output
    assert result.stderr == "note: r.xlsx, sheet 'Data': 1 wholly blank row was skipped (row 7)\n"
    rows[8]["Y.2"] = 9
    _workbook(tmp_path / "r.xlsx", {"Petunjuk": [["-"]], "Data": [list(rows[0])] + [list(r.values()) for r in rows]})
    one_error_line(invoke(["validate", study]), "r.xlsx, sheet 'Data', column Y.2, respondent R9 (row 10): 9 is outside the scale 1–5")


def test_a_duplicated_column_the_study_uses_is_refused(tmp_path):
    rows = survey_rows()
    study = write_study(tmp_path, base(), rows)
    text = csv_text(rows).splitlines()
    text = [line + "," + line.split(",")[3] for line in text]  # X1.2 again, as the last column
    (tmp_path / "responses.csv").write_text("\n".join(text) + "\n")
    one_error_line(
        invoke(["run", study, "--out", tmp_path / "o"]),
        "responses.csv: column 'X1.2' is written 2 times in the header (columns 4 and 12); rename or remove the extra one",
    )
    text = [line.rsplit(",", 1)[0] + ",x,y" for line in text]
    text[0] = text[0].rsplit(",", 1)[0] + ",catatan,catatan"  # an unused column written twice is harmless
    (tmp_path / "responses.csv").write_text("\n".join(text) + "\n")
    assert invoke(["run", study, "--out", tmp_path / "o", "--formats", "json"]).exit_code == 0


def test_validate_takes_folders_like_run(tmp_path):
    write_study(tmp_path / "a", base())
    cfg = base()
    cfg["model"]["dependent"] = "Z"
    write_study(tmp_path / "b", cfg)
    result = invoke(["validate", tmp_path / "a"])
    assert result.exit_code == 0 and result.stdout.startswith("study.yaml: valid"), result.output
    result = invoke(["validate", tmp_path])
    assert result.exit_code == 2 and "study.yaml: valid" in result.stdout
    assert f"error: {tmp_path / 'b' / 'study.yaml'}: study.yaml, line" in result.stderr
    one_error_line(invoke(["validate", tmp_path / "nothing-here"]), "nothing-here: study file not found")


def test_scale_words_that_clash_are_named_with_file_and_line(tmp_path):
    cfg = base()
    cfg["scale"]["labels"][4]["short"] = "SS"
    one_error_line(
        invoke(["validate", write_study(tmp_path, cfg)]), "study.yaml, line 17, key scale.labels.4: the word 'SS' is used for both 5 and 4"
    )


def test_output_folders_have_the_usual_permissions(tmp_path):
    study = write_study(tmp_path, base())
    mask = os.umask(0o027)
    try:
        assert invoke(["run", study, "--out", tmp_path / "o", "--formats", "json,pdf"]).exit_code == 0
    finally:
        os.umask(mask)
    assert (tmp_path / "o").stat().st_mode & 0o777 == 0o750
    assert (tmp_path / "o" / "figures").stat().st_mode & 0o777 == 0o750
    assert (tmp_path / "o" / "results.json").stat().st_mode & 0o777 == 0o640


def test_blank_rows_in_a_sakip_answer_sheet(tmp_path):
    from helpers import EXAMPLES

    folder = tmp_path / "sakip"
    shutil.copytree(EXAMPLES / "sakip-luwu-timur", folder)
    lines = (folder / "lke_2024.csv").read_text().splitlines()
    lines.insert(3, ",,,,,")
    (folder / "lke_2024.csv").write_text("\n".join(lines) + "\n")
    result = invoke(["run", folder / "study.yaml", "--out", tmp_path / "o", "--formats", "json"])
    assert result.exit_code == 0, result.output
    note = "lke_2024.csv: 1 wholly blank row was skipped (row 4)"
    assert result.stderr.splitlines()[0] == f"note: {note}"  # first; then the kecamatan's N/A criteria
    assert json.loads((tmp_path / "o" / "results.json").read_text())["warnings"][0] == note
