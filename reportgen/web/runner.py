"""Study runs in worker processes (:mod:`reportgen.web.worker`), each watched from a thread, a few
at a time.

:class:`Runs` starts at most ``slots`` runs at once (each takes a process and its memory, and the
PDF layout a second one); the others wait their turn in order and start as places free. The
worker's stderr goes to ``run.log`` beside the report, in the session's folder. A worker is given
the server's process id and ends itself, cleanly, when the server is gone, so a worker may be
started from any thread (also the short-lived thread that watched the run before it).

The server asks :class:`Run` where the run is (``stage``, or ``waiting`` with the runs ``ahead``),
whether it ended, and how: the files written, or the one-line error, or — for a bug — the last
line of the traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from reportgen.errors import os_error_line

STAGES = ("start", "check", "compute", "write", "figures", "docx", "html", "lhe", "pdf", "done")
"""The stages of a run in their order; ``lhe`` (the SAKIP report's LHE per unit) comes with its count
(``lhe 12/300``, kept in :attr:`Run.count`) and is shown only by a run that reports it."""
MAX_RUNS = 2


class Run:
    """``run_study(study, target)`` in a process of its own, once :class:`Runs` gives it a place."""

    def __init__(self, study: Path, target: Path, runs: Runs):
        self.stage = "start"
        self.count = ""  # of a stage that counts its documents: "12/300"
        self.files: list[str] = []
        self.notes: list[str] = []
        self.notes_id: list[str] = []  # the notes in Indonesian
        self.error_id: str | None = None
        self.error: str | None = None
        self._study, self._target, self._runs = Path(study), Path(target), runs
        self._log = self._target.parent / "run.log"  # stderr: warnings, and a traceback if the run has a bug
        self._process: subprocess.Popen | None = None
        self._ended = threading.Event()

    @property
    def running(self) -> bool:
        """Not ended yet: waiting for its turn, or working."""
        return not self._ended.is_set()

    @property
    def waiting(self) -> bool:
        return self._process is None and not self._ended.is_set()

    @property
    def ahead(self) -> int:
        """How many waiting runs start before this one."""
        return self._runs.ahead(self)

    @property
    def ok(self) -> bool:
        return self._ended.is_set() and self.error is None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def wait(self, timeout: float | None = None) -> bool:
        """Whether the run ended within ``timeout`` seconds."""
        return self._ended.wait(timeout)

    def cancel(self) -> None:
        """Stop the run: take it out of the queue, or stop its worker (SIGTERM: it cleans up after
        itself) and wait for it."""
        if self._runs.withdraw(self):
            self.stopped()
            return
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:  # pragma: no cover - a run that does not stop
                self._process.kill()
        self._ended.wait(10)

    def stopped(self) -> None:
        """End a run that never started."""
        self.error = "the run was stopped before it started"
        self._ended.set()

    def start(self) -> bool:
        """Start the worker and the thread that reads what it says (by :class:`Runs`); False when
        the worker cannot be started (the run ends with the OS error's line)."""
        try:
            with open(self._log, "w", encoding="utf-8") as log:
                self._process = subprocess.Popen(
                    [sys.executable, "-m", "reportgen.web.worker", str(self._study), str(self._target), str(os.getpid())],
                    stdout=subprocess.PIPE,
                    stderr=log,
                    text=True,
                    encoding="utf-8",
                )
        except OSError as error:
            self.error = os_error_line(error, "cannot start the run")
            self._ended.set()
            return False
        threading.Thread(target=self._watch, name="reportgen-run", daemon=True).start()
        return True

    def _watch(self) -> None:
        try:
            process = self._process
            assert process is not None and process.stdout is not None  # started, stdout piped, before this thread
            for line in process.stdout:
                try:
                    message = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if "stage" in message:
                    self.stage, _, count = message["stage"].partition(" ")  # "lhe 12/300"
                    self.count = count or self.count
                elif "error" in message:
                    self.error, self.error_id = message["error"], message.get("error_id")
                elif "files" in message:
                    self.files, self.notes = message["files"], message["notes"]
                    self.notes_id = message.get("notes_id") or self.notes
            code = process.wait()
            detail = self._log.read_text(encoding="utf-8", errors="replace").strip()
            if code != 0 and self.error is None:
                last = detail.splitlines()[-1] if detail else f"the run stopped with exit code {code}"
                self.error = f"{last} (a bug in reportgen; please report it with your study file)"
            if self.error is None:
                self.stage = "done"
        finally:
            self._ended.set()
            self._runs.ended(self)


class Runs:
    """The runs of one server: at most ``slots`` working at once, the others waiting in order."""

    def __init__(self, slots: int = MAX_RUNS):
        self.slots = slots
        self._waiting: list[Run] = []
        self._working: set[Run] = set()
        self._closed = False
        self._lock = threading.Lock()

    def start(self, study: Path, target: Path) -> Run:
        """A run of ``study`` into ``target``: started now if a place is free, else when one frees."""
        run = Run(study, target, self)
        with self._lock:
            self._waiting.append(run)
            self._fill()
        return run

    def ahead(self, run: Run) -> int:
        with self._lock:
            return self._waiting.index(run) if run in self._waiting else 0

    def withdraw(self, run: Run) -> bool:
        """Take a waiting run out of the queue; False when it is not waiting (it started or ended)."""
        with self._lock:
            if run not in self._waiting:
                return False
            self._waiting.remove(run)
            return True

    def ended(self, run: Run) -> None:
        """A working run ended: its place goes to the first waiting run."""
        with self._lock:
            self._working.discard(run)
            self._fill()

    def close(self) -> None:
        """The server stops: no run starts any more, and the waiting ones end unstarted."""
        with self._lock:
            self._closed = True
            waiting, self._waiting = self._waiting, []
        for run in waiting:
            run.stopped()

    def _fill(self) -> None:
        """Start waiting runs while places are free (called holding the lock)."""
        while self._waiting and len(self._working) < self.slots and not self._closed:
            run = self._waiting.pop(0)
            if run.start():
                self._working.add(run)
