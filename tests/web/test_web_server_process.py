"""``reportgen serve`` as a process of its own, killed: its study runs end themselves and the
next server to start removes its folder, but not the folder of a server still running; and a
worker whose server is gone ends at once, removing nothing but its own output."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx2
import pytest
from helpers import EXAMPLES
from page_form import form_values, named
from served import free_port

from reportgen.web.serverfolder import LOCK, PREFIX, ServerFolder, sweep
from reportgen.web.sessions import FOLDER_PREFIX

pytestmark = [pytest.mark.heavy, pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; uses fcntl and signals")]
THESIS_DATA = EXAMPLES / "luwu-timur" / "responses.csv"


def alive(pid: int) -> bool:
    """Whether the process runs (a zombie, ended but not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def until(condition, seconds: float = 60) -> float:
    """Wait until ``condition()`` holds; the seconds it took (fails after ``seconds``)."""
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < seconds, f"{condition} did not hold within {seconds} s"
        time.sleep(0.05)
    return time.monotonic() - start


class Server:
    """``reportgen serve`` on a free port, its temporary folder ``temp``."""

    def __init__(self, temp: Path):
        self.port = free_port()
        self.address = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reportgen.cli", "serve", "--port", str(self.port)],
            env=os.environ | {"TMPDIR": str(temp)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.client = httpx2.Client(base_url=self.address, timeout=60)
        until(self._answers)

    def _answers(self) -> bool:
        assert self.process.poll() is None, "the server ended"
        try:
            return self.client.get("/").status_code == 200
        except httpx2.TransportError:
            return False

    def run(self) -> None:
        """Upload the thesis data, start its run and wait until it works (a stage is done)."""
        where = self.client.post("/upload", files={"data": ("responses.csv", THESIS_DATA.read_bytes(), "text/csv")}).headers["location"]
        values = named(form_values(self.client.get(where).text, where)) | {"action": "run"}
        assert self.client.post(where, data=values).headers["location"] == f"{where}/run"
        until(lambda: '<li class="done">' in self.client.get(f"{where}/run").text)

    def stop(self, signum: int) -> int:
        """Send the server ``signum``; its exit code."""
        self.client.close()
        if self.process.poll() is None:
            self.process.send_signal(signum)
        return self.process.wait(60)


@pytest.fixture
def start(tmp_path):
    """Start servers whose temporary folder is ``tmp_path/temp``; any still running at the end are stopped."""
    started: list[Server] = []
    (tmp_path / "temp").mkdir()

    def server() -> Server:
        started.append(Server(tmp_path / "temp"))
        return started[-1]

    yield server
    for each in started:
        each.stop(signal.SIGTERM)


def folders(temp: Path) -> set[Path]:
    return set(temp.glob(PREFIX + "*"))


def test_a_killed_servers_runs_end_and_its_folder_goes_at_the_next_start(tmp_path, start):
    temp = tmp_path / "temp"
    live = start()
    (kept,) = folders(temp)
    killed = start()
    (gone,) = folders(temp) - {kept}
    killed.run()
    (worker,) = children(killed.process.pid)
    assert alive(worker)
    killed.stop(signal.SIGKILL)
    seconds = until(lambda: not alive(worker), 30)
    print(f"\nthe worker ended {seconds:.2f} s after its server was killed")
    assert gone.is_dir() and list(gone.glob(f"{FOLDER_PREFIX}*"))  # nothing removed its session folder yet

    after = start()
    assert kept.is_dir() and not gone.exists() and len(folders(temp)) == 2
    assert after.stop(signal.SIGINT) == 130 and live.stop(signal.SIGTERM) == 143  # stopped, as `reportgen run` is
    assert folders(temp) == set()  # servers that stop remove their folders (a library's stray file in TMPDIR is not one)


def test_a_worker_whose_server_is_gone_ends_cleanly(tmp_path):
    (tmp_path / "data").mkdir()
    target = tmp_path / "data" / "report"
    not_its_parent = 0  # no process but the first has parent 0
    ended = subprocess.run(
        [sys.executable, "-m", "reportgen.web.worker", str(EXAMPLES / "luwu-timur" / "study.yaml"), str(target), str(not_its_parent)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ended.returncode == 128 + signal.SIGTERM and ended.stdout == ""
    assert list((tmp_path / "data").iterdir()) == []  # no report, and no temporary folder


def test_the_sweep_removes_the_folders_of_servers_gone_only(tmp_path):
    running = ServerFolder(tmp_path)
    dead = tmp_path / f"{PREFIX}dead"
    (dead / "reportgen-web-session").mkdir(parents=True)
    (dead / LOCK).touch()  # nobody holds its lock: its server is gone
    making = tmp_path / f"{PREFIX}making"
    making.mkdir()  # no lock file yet: a server still making its folder
    other = tmp_path / "reportgen-web-abc"
    other.mkdir()  # an older version's session folder: not a server's folder
    assert sweep(tmp_path) == [dead]
    assert sorted(tmp_path.iterdir()) == sorted([running.path, making, other])
    ServerFolder(tmp_path).close()  # another server's start sweeps too, and leaves the running one
    assert running.path.is_dir() and (running.path / LOCK).is_file()
    running.close()
    assert not running.path.exists()
