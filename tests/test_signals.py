"""Real signals and real OS errors against real chapter runs (separate processes).

Contract points 3 and 4 of README "Your files are safe": SIGINT, SIGTERM and SIGHUP stop a run
within about a second (the tests allow 10 s, for a loaded machine) with one line (exit 130 / 143 / 129), leaving no temporary folder and no process; the
PDF process and the study workers end when their parent dies, even by SIGKILL; a full disk, a
read-only file system or a permission denied is one line naming the path (exit 2). The earlier
report is intact in every case, but one: a signal during the final folder swap is held back
until the swap is done, and the line then names the report that was written whole.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT, base, write_study

COMMAND = [sys.executable, "-m", "reportgen.cli"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
pytestmark = pytest.mark.heavy


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def unchanged_or_whole(out: Path, before: dict) -> str:
    """``unchanged`` when ``out`` is byte for byte as it was; ``whole`` when it holds a new report
    complete to its manifest (a signal that came during the folder swap arrives just after it);
    anything else is a half-changed report and fails."""
    now = snapshot(out)
    if now == before:
        return "unchanged"
    manifest = json.loads(now[Path(".reportgen-manifest.json")])
    assert set(manifest["files"]) == {p.as_posix() for p in now} - {".reportgen-manifest.json"}
    assert all(len(now[Path(name)]) == entry["bytes"] for name, entry in manifest["files"].items())
    return "whole"


def stopped_line(signum: int, out: Path, before: dict) -> str:
    """The one line a stopped run must print, given what became of ``out``."""
    name = signal.Signals(signum).name
    if unchanged_or_whole(out, before) == "unchanged":
        return f"reportgen: stopped by {name}; no unfinished report was written and earlier reports are unchanged"
    return (
        f"reportgen: stopped by {name} after the report in {out} was complete (written in full); "
        "no unfinished report was written and other earlier reports are unchanged"
    )


def session_processes(session: int) -> list[tuple[int, str]]:
    """(pid, state) of the live processes of ``session`` (zombies are dead, only not yet reaped)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        state, sid = fields[0], int(fields[3])
        if sid == session and state != "Z":
            found.append((int(entry), state))
    return found


def children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry))
            except (OSError, IndexError):
                pass
    return found


def gone_within(session: int, seconds: float) -> list:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        left = session_processes(session)
        if not left:
            return []
        time.sleep(0.05)
    return session_processes(session)


def temporary_folders(parent: Path) -> list[str]:
    return [name for name in os.listdir(parent) if ".reportgen-tmp-" in name]


@pytest.fixture
def running(tmp_path):
    """Start a whole chapter (PDF, DOCX, json) over an earlier report; yield (process, out, before)."""
    study = write_study(tmp_path / "s", base())
    out = tmp_path / "o"
    assert subprocess.run(COMMAND + ["run", str(study), "--out", str(out), "--formats", "json"], env=ENV).returncode == 0
    before = snapshot(out)
    started = []

    def start(*extra: str, wait_for_writing: bool = True) -> subprocess.Popen:
        process = subprocess.Popen(
            COMMAND + ["run", str(study), "--out", str(out), *extra],
            env=ENV,
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        started.append(process)
        deadline = time.monotonic() + 30
        while wait_for_writing and not temporary_folders(tmp_path) and time.monotonic() < deadline:
            time.sleep(0.02)  # the statistics are done; figures, DOCX and the PDF process are at work
        assert process.poll() is None, process.communicate()
        return process

    yield start, out, before
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)


@pytest.mark.parametrize(
    "signum,code,group",
    [(signal.SIGTERM, 143, False), (signal.SIGINT, 130, True), (signal.SIGHUP, 129, False)],
    ids=["SIGTERM", "Ctrl-C to the process group", "SIGHUP"],
)
def test_a_stopped_run_leaves_nothing_behind(running, tmp_path, signum, code, group):
    start, out, before = running
    process = start()
    sent = time.monotonic()
    (os.killpg if group else os.kill)(process.pid, signum)
    _stdout, stderr = process.communicate(timeout=30)
    assert time.monotonic() - sent < 10  # about a second when idle; a loaded machine may take longer
    assert process.returncode == code
    assert stderr.strip().splitlines() == [stopped_line(signum, out, before)]
    assert gone_within(process.pid, 10) == []
    assert temporary_folders(tmp_path) == []


def test_a_signal_while_the_statistics_run(running, tmp_path):
    start, out, before = running
    process = start(wait_for_writing=False)
    time.sleep(0.4)
    process.send_signal(signal.SIGTERM)
    _stdout, stderr = process.communicate(timeout=10)
    assert process.returncode == 143 and stderr.strip().splitlines() == [stopped_line(signal.SIGTERM, out, before)], stderr
    assert gone_within(process.pid, 10) == [] and temporary_folders(tmp_path) == []


def test_sigkill_of_the_run_stops_its_workers_which_clean_up(running, tmp_path):
    start, out, before = running
    process = start()
    assert len(session_processes(process.pid)) >= 3  # the run, the study worker, the PDF process
    process.kill()
    process.communicate(timeout=10)
    assert gone_within(process.pid, 10) == []
    deadline = time.monotonic() + 10
    while temporary_folders(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert temporary_folders(tmp_path) == [] and unchanged_or_whole(out, before)  # no one is left to say which


def test_the_pdf_process_ends_when_its_parent_is_killed(running, tmp_path):
    """SIGKILL of the study worker: the kernel ends its PDF process; the run reports a failure."""
    start, out, before = running
    process = start()
    workers = children_of(process.pid)
    assert len(workers) == 1 and children_of(workers[0]), "a worker with a PDF process"
    os.kill(workers[0], signal.SIGKILL)
    _stdout, stderr = process.communicate(timeout=10)
    assert process.returncode == 1
    assert stderr.strip().endswith("the study process was killed by SIGKILL (a bug in reportgen; the traceback above says where)")
    assert gone_within(process.pid, 10) == []
    assert temporary_folders(tmp_path) == [] and snapshot(out) == before


def test_a_batch_stops_every_study(tmp_path):
    studies = [write_study(tmp_path / n, base()) for n in ("a", "b")]
    out = tmp_path / "out"
    process = subprocess.Popen(
        COMMAND + ["run", *map(str, studies), "--out", str(out), "--jobs", "2"],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while not (out.exists() and len(temporary_folders(out)) == 2) and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGTERM)
    _stdout, stderr = process.communicate(timeout=10)
    assert process.returncode == 143 and "Traceback" not in stderr, stderr
    assert gone_within(process.pid, 10) == [] and os.listdir(out) == []


# OS errors --------------------------------------------------------------------------------------


def _limit_file_size():
    resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, 60_000))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def test_a_file_too_large_for_the_system_is_one_line(tmp_path):
    """RLIMIT_FSIZE makes every write beyond 60 kB fail with EFBIG, as a full disk fails with ENOSPC."""
    study = write_study(tmp_path / "s", base())
    out = tmp_path / "o"
    assert subprocess.run(COMMAND + ["run", str(study), "--out", str(out), "--formats", "json"], env=ENV).returncode == 0
    before = snapshot(out)
    result = subprocess.run(
        COMMAND + ["run", str(study), "--out", str(out)], env=ENV, capture_output=True, text=True, preexec_fn=_limit_file_size, timeout=120
    )
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {out}/") and lines[0].endswith(": cannot write (File too large)"), lines
    assert snapshot(out) == before and temporary_folders(tmp_path) == []


def _in_own_mounts(script: str) -> subprocess.CompletedProcess:
    """Run a shell script in a private mount namespace (root only: skipped elsewhere)."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root for a private mount namespace")
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("mount namespaces are not available here")
    return subprocess.run(["unshare", "-m", "sh", "-euc", script], capture_output=True, text=True, env=ENV, timeout=180)


RUN = " ".join(COMMAND)


@pytest.mark.parametrize(
    "kind,size,expected",
    [
        ("a full disk", "80k", ": cannot write (No space left on device)"),
        ("a read-only file system", "2m", ": cannot create the output folder (Read-only file system)"),
    ],
)
def test_disk_errors_are_one_line_and_keep_the_earlier_report(tmp_path, kind, size, expected):
    study = write_study(tmp_path / "s", base())
    disk = tmp_path / "disk"
    disk.mkdir()
    freeze = "mount -o remount,ro $D" if "read-only" in kind else "true"
    script = f"""
        D={disk}
        mount -t tmpfs -o size={size} tmpfs $D
        {RUN} run {study} --out $D/o --formats json > /dev/null
        sha256sum $D/o/results.json $D/o/.reportgen-manifest.json > {tmp_path}/before
        {freeze}
        set +e
        {RUN} run {study} --out $D/o 2> {tmp_path}/stderr > /dev/null
        echo $? > {tmp_path}/code
        set -e
        sha256sum $D/o/results.json $D/o/.reportgen-manifest.json > {tmp_path}/after
        ls -A $D > {tmp_path}/listing
    """
    result = _in_own_mounts(script)
    assert result.returncode == 0, result.stderr
    stderr = (tmp_path / "stderr").read_text().strip().splitlines()
    assert (tmp_path / "code").read_text().strip() == "2"
    assert len(stderr) == 1 and stderr[0].startswith(f"error: {disk}") and stderr[0].endswith(expected), stderr
    assert (tmp_path / "before").read_text() == (tmp_path / "after").read_text()
    assert (tmp_path / "listing").read_text().split() == ["o"]


@pytest.fixture
def shared_folder():
    """A folder every user may read (pytest's own are private to root)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="reportgen-shared-"))
    os.chmod(folder, 0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def as_nobody(*args: str) -> subprocess.CompletedProcess:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root to run as another user")
    result = subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *COMMAND, *args], env=ENV, capture_output=True, text=True, timeout=60
    )
    if "ModuleNotFoundError" in result.stderr or "can't open file" in result.stderr:
        pytest.skip("the interpreter or the package is not readable by another user here")
    return result


def test_permission_denied_is_one_line(shared_folder):
    study = write_study(shared_folder / "s", base())
    locked = shared_folder / "locked"
    locked.mkdir(mode=0o755)
    result = as_nobody("run", str(study), "--out", str(locked / "o"), "--formats", "json")
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines() == [f"error: {locked}: cannot create the output folder (Permission denied)"]
    assert os.listdir(locked) == []
    os.chmod(study, 0o600)
    result = as_nobody("run", str(study), "--out", str(shared_folder / "o"), "--formats", "json")
    assert result.stderr.strip().splitlines() == [f"error: {study}: cannot read the study file (Permission denied)"]
