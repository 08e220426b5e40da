"""Where reportgen runs (README, "Supported systems"): Linux with forked helper processes;
elsewhere (macOS, Windows) each study, its figures and its PDF in the command's own process.
The second mode is exercised here on Linux, in a process whose signal module lacks what
Windows lacks (SIGKILL, SIGHUP, SIGPROF and its timer, pthread_sigmask)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from helpers import ROOT, base, write_study

WINDOWS_LIKE = """
import signal, sys
for name in ("SIGKILL", "SIGHUP", "SIGPROF", "ITIMER_PROF", "setitimer", "pthread_sigmask", "SIGALRM"):
    if hasattr(signal, name):
        delattr(signal, name)
import reportgen.processes
reportgen.processes.FORK = False
from reportgen.cli import main
studies, out = sys.argv[1:-1], sys.argv[-1]
code = main(["run", *studies, "--out", out, "--formats", "json,pdf,docx"])
print("exit", code)
"""


@pytest.mark.heavy
def test_without_fork_or_unix_signals_a_batch_of_chapters_is_written(tmp_path):
    first = write_study(tmp_path / "a", base())
    second = write_study(tmp_path / "b", base() | {"templates": "mine"})
    (second.parent / "mine" / "id").mkdir(parents=True)
    (second.parent / "mine" / "id" / "hypothesis_decision.j2").write_text("{{ name }}: keputusan.")
    result = subprocess.run(
        [sys.executable, "-c", WINDOWS_LIKE, str(first), str(second), str(tmp_path / "o")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=600,
    )
    assert result.stdout.strip().endswith("exit 0"), result.stderr
    for name in ("a", "b"):
        files = sorted(p.name for p in (tmp_path / "o" / name).iterdir())
        assert "results.json" in files and any(f.endswith(".pdf") for f in files) and any(f.endswith(".docx") for f in files)
    assert ": keputusan." in (tmp_path / "o" / "b" / "results.json").read_text()
    assert not any(".reportgen-tmp-" in p for p in os.listdir(tmp_path / "o"))


def test_forked_helpers_only_on_linux():
    import reportgen.processes as processes

    assert sys.platform.startswith("linux") == processes.FORK
