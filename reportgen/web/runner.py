"""A study run in a worker process (:mod:`reportgen.web.worker`), watched from a thread.

The worker's stderr goes to ``run.log`` beside the report, in the session's folder.

The server asks :class:`Run` where the run is (``stage``), whether it ended, and how: the files
written, or the one-line error, or — for a bug — the last line of the traceback.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

STAGES = ("start", "check", "compute", "write", "figures", "docx", "html", "pdf", "done")


class Run:
    """``run_study(study, target)`` in a process of its own, started at once."""

    def __init__(self, study: Path, target: Path):
        self.stage = "start"
        self.files: list[str] = []
        self.notes: list[str] = []
        self.error: str | None = None
        self._log = Path(target).parent / "run.log"  # stderr: warnings, and a traceback if the run has a bug
        with open(self._log, "w", encoding="utf-8") as log:
            self._process = subprocess.Popen([sys.executable, "-m", "reportgen.web.worker", str(study), str(target)],
                                             stdout=subprocess.PIPE, stderr=log, text=True, encoding="utf-8")
        self._ended = threading.Event()
        threading.Thread(target=self._watch, name="reportgen-run", daemon=True).start()

    @property
    def running(self) -> bool:
        return not self._ended.is_set()

    @property
    def ok(self) -> bool:
        return self._ended.is_set() and self.error is None

    def wait(self, timeout: float | None = None) -> bool:
        """Whether the run ended within ``timeout`` seconds."""
        return self._ended.wait(timeout)

    def cancel(self) -> None:
        """Stop the run (SIGTERM: it cleans up after itself) and wait for it."""
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:  # pragma: no cover - a run that does not stop
                self._process.kill()
        self._ended.wait(10)

    def _watch(self) -> None:
        try:
            for line in self._process.stdout:
                try:
                    message = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if "stage" in message:
                    self.stage = message["stage"]
                elif "error" in message:
                    self.error = message["error"]
                elif "files" in message:
                    self.files, self.notes = message["files"], message["notes"]
            code = self._process.wait()
            detail = self._log.read_text(encoding="utf-8", errors="replace").strip()
            if code != 0 and self.error is None:
                last = detail.splitlines()[-1] if detail else f"the run stopped with exit code {code}"
                self.error = f"{last} (a bug in reportgen; please report it with your study file)"
            if self.error is None:
                self.stage = "done"
        finally:
            self._ended.set()
