"""The command line: output locations, exit codes, one-line errors, atomic output."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, base, invoke, survey_rows, write_study


def reportgen(*args, cwd=None):
    """Run the CLI in-process (as the console script does) and return exit code and streams."""
    previous = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        result = invoke(args)
    finally:
        os.chdir(previous)
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


def test_console_script_exits_2_without_traceback(tmp_path):
    """The real process: exit code 2, one line on stderr, nothing on stdout."""
    cfg = base()
    cfg["model"]["dependent"] = "Z"
    result = subprocess.run(
        [sys.executable, "-m", "reportgen.cli", "run", str(write_study(tmp_path, cfg))],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("error: study.yaml, line ") and len(result.stderr.strip().splitlines()) == 1


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_run_writes_results_json_to_the_default_folder(tmp_path):
    study = write_study(tmp_path / "s", base())
    result = reportgen("run", study, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "output" / "s" / "results.json").read_text())  # named after the study's folder
    assert (tmp_path / "output" / "s" / "bab5.pdf").stat().st_size > 10000
    assert (tmp_path / "output" / "s" / "bab5.docx").stat().st_size > 10000
    assert data["n_used"] == 40
    assert set(data["regression"]["coefficients"]) == {"const", "X1", "X2"}
    assert [p.name for p in (tmp_path / "output").iterdir()] == ["s"]  # no temporary folder left behind
    assert oct((tmp_path / "output" / "s").stat().st_mode & 0o777) == oct(0o777 & ~_umask())


def test_english_decision_text_with_lang(tmp_path):
    study = write_study(tmp_path, base())
    assert reportgen("run", study, "--out", tmp_path / "o", "--lang", "en", "--formats", "json").returncode == 0
    data = json.loads((tmp_path / "o" / "results.json").read_text())
    assert data["hypotheses"]["H3"]["decision_text"].startswith(("H3 is supported: ", "H3 is not supported: "))


@pytest.mark.parametrize(
    "breakage,expected",
    [
        (lambda cfg, rows: rows[36].update({"X1.2": 6}), "column X1.2, respondent R37 (row 38): 6 is outside the scale 1–5"),
        (lambda cfg, rows: cfg["model"].update({"dependent": "Z"}), "'Z' is not a construct"),
        (lambda cfg, rows: cfg["study"].update({"languag": "id"}), "unknown key 'study.languag'; did you mean 'language'?"),
        (lambda cfg, rows: [r.pop("X2.1") for r in rows], "column 'X2.1' not found"),
        (lambda cfg, rows: cfg["data"].update({"path": "nope.csv"}), "nope.csv: data file not found"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_keeps_earlier_output(tmp_path, breakage, expected):
    out = tmp_path / "report"
    assert reportgen("run", write_study(tmp_path / "good", base()), "--out", out, "--formats", "json").returncode == 0
    before = snapshot(out)
    cfg, rows = base(), survey_rows()
    breakage(cfg, rows)
    result = reportgen("run", write_study(tmp_path / "bad", cfg, rows), "--out", out, "--formats", "json")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], result.stderr
    assert snapshot(out) == before


def test_validate_prints_a_summary_without_computing(tmp_path):
    result = reportgen("validate", write_study(tmp_path, base()))
    assert result.returncode == 0, result.stderr
    assert "40 respondents, 40 usable" in result.stdout
    assert "constructs: 3, items: 9" in result.stdout
    assert "X2: Disiplin (3 items, reversed X2.3)" in result.stdout
    assert "hypotheses: H1, H2, H3" in result.stdout
    assert not (tmp_path / "output").exists()


def test_validate_lists_every_problem(tmp_path):
    rows = survey_rows()
    rows[0]["X1.1"] = 7
    rows[1]["X1.2"] = "hmm"
    rows[2]["Y.1"] = 0
    result = reportgen("validate", write_study(tmp_path, base(), rows))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "3 problems found"
    assert "respondent R1 (row 2): 7 is outside" in lines[0] and "'hmm'" in lines[1] and "R3 (row 4): 0 is outside" in lines[2]


def test_unsupported_language_and_format(tmp_path):
    study = write_study(tmp_path, base())
    result = reportgen("run", study, "--lang", "fr")
    assert result.returncode == 2 and "--lang: 'fr' is not a supported language; use id or en" in result.stderr
    result = reportgen("run", study, "--formats", "json,epub")
    assert result.returncode == 2 and "'epub' is not supported" in result.stderr


def test_wrong_command_line_is_one_line(tmp_path):
    for args, expected in (
        (["run"], "the following arguments are required: STUDY"),
        (["run", "study.yaml", "--jobs", "two"], "argument --jobs: 'two' is not a number of studies; use a whole number of 1 or more"),
        (["rnu", "study.yaml"], "invalid choice: 'rnu'"),
    ):
        result = reportgen(*args)
        assert result.returncode == 2 and result.stdout == "", args
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: reportgen") and expected in lines[0], result.stderr


def test_a_failed_run_leaves_no_pdf_process_behind(tmp_path):
    """The PDF process is forked when the run starts; a user error stops it with the run."""
    import multiprocessing

    cfg = base()
    cfg["model"]["predictors"] = ["X1", "Z"]
    result = reportgen("run", write_study(tmp_path, cfg), "--out", tmp_path / "o")
    assert result.returncode == 2 and "'Z' is not a construct" in result.stderr
    assert multiprocessing.active_children() == []
    assert not (tmp_path / "o").exists()


def test_too_few_respondents_and_collinearity(tmp_path):
    result = reportgen("run", write_study(tmp_path / "few", base(), survey_rows(n=3)), "--out", tmp_path / "o", "--formats", "json")
    assert result.returncode == 2 and "needs at least 4 respondents; 3 are usable" in result.stderr
    rows = survey_rows()
    for r in rows:
        r["X2.1"], r["X2.2"], r["X2.3"] = r["X1.1"], r["X1.2"], 6 - r["X1.3"]  # X2 score == X1 score
    result = reportgen("run", write_study(tmp_path / "col", base(), rows), "--out", tmp_path / "o", "--formats", "json")
    assert result.returncode == 2 and "perfectly collinear" in result.stderr and "Traceback" not in result.stderr


def test_constant_item_is_a_warning_not_an_error(tmp_path):
    rows = survey_rows()
    for r in rows:
        r["X1.3"] = 4
    result = reportgen("run", write_study(tmp_path, base(), rows), "--out", tmp_path / "o", "--formats", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "o" / "results.json").read_text())
    item = data["constructs"]["X1"]["items"]["X1.3"]
    assert item["r_item_total"] is None and item["valid"] is None
    assert any("X1.3 of X1 has no variance" in w for w in data["warnings"])


def test_many_studies_in_one_call_one_failing(tmp_path):
    good_a = write_study(tmp_path / "a", base())
    good_b = write_study(tmp_path / "b", base(), survey_rows(n=50, seed=8))
    cfg = base()
    cfg["model"]["dependent"] = "Z"
    bad = write_study(tmp_path / "c", cfg)
    result = subprocess.run(
        [sys.executable, "-m", "reportgen.cli", "run", str(good_a), str(bad), str(good_b), "--out", str(tmp_path / "o"), "--formats", "json"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "'Z' is not a construct" in result.stderr and "1 of 3 studies failed" in result.stderr
    assert json.loads((tmp_path / "o" / "a" / "results.json").read_text())["n_used"] == 40
    assert json.loads((tmp_path / "o" / "b" / "results.json").read_text())["n_used"] == 50
    assert not (tmp_path / "o" / "c").exists()


@pytest.mark.parametrize("when", ["before", "after"], ids=["reader gone before the output", "reader gone after 10 bytes"])
def test_a_reader_that_stops_reading_ends_the_command_quietly(tmp_path, when):
    """``reportgen validate … | head -c 10``: no error line, the exit code a shell gives SIGPIPE (141)."""
    study = write_study(tmp_path, base())
    process = subprocess.Popen(
        [sys.executable, "-m", "reportgen.cli", "validate", str(study)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if when == "after":
        assert len(process.stdout.read(10)) == 10
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) in (0, 141) and stderr == ""
    if when == "before":
        assert process.returncode == 141


def test_a_stopped_run_names_the_reports_it_finished_first():
    """A signal that comes while a report is being swapped in (or after a study of a batch ended,
    before its files were printed) cannot undo it: the line says so instead of "unchanged"."""
    from reportgen.cli import stopped_line
    from reportgen.interrupt import Interrupted

    assert stopped_line(Interrupted(15)) == "stopped by SIGTERM; no unfinished report was written and earlier reports are unchanged"
    both = Interrupted(2, ("out/a",)).also_written("out/b", "out/a")
    assert both.written == ("out/a", "out/b") and both.exit_code == 130
    assert stopped_line(both) == (
        "stopped by SIGINT after the reports in out/a, out/b were complete (written in full); "
        "no unfinished report was written and other earlier reports are unchanged"
    )
