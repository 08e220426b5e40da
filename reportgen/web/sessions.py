"""One temporary folder per browser session, made by reportgen and removed when the session ends.

A session begins with an upload and ends when the user ends it, when it has been idle for
:data:`IDLE_SECONDS`, or when the server stops. Its folder (``reportgen-web-*`` in the system's
temporary folder) holds the uploaded data, the study file the form wrote and the report; no
other folder is written.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

IDLE_SECONDS = 4 * 60 * 60
FOLDER_PREFIX = "reportgen-web-"


@dataclass
class Session:
    """A user's work: the uploaded data, what the data tell (``draft``), the form's choices,
    the problems found at the last check, and the run."""

    key: str
    folder: Path
    data: Path
    draft: object
    choices: object
    problems: dict = field(default_factory=dict)  # field name ("" for the whole form) → messages
    summary: str = ""
    notice: str = ""
    run: object = None
    last_seen: float = field(default_factory=time.monotonic)

    @property
    def study_file(self) -> Path:
        return self.folder / "study.yaml"

    @property
    def report(self) -> Path:
        return self.folder / "report"


class Sessions:
    """The sessions of one server, by key (a random URL-safe token)."""

    def __init__(self, idle_seconds: float = IDLE_SECONDS, root: Path | None = None):
        self.idle_seconds = idle_seconds
        self.root = root
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def new_folder(self) -> Path:
        """A fresh folder for a session about to begin."""
        return Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX, dir=self.root))

    def begin(self, folder: Path, data: Path, draft, choices) -> Session:
        session = Session(secrets.token_urlsafe(16), folder, data, draft, choices)
        with self._lock:
            self._sessions[session.key] = session
        self.sweep()
        return session

    def get(self, key: str) -> Session | None:
        with self._lock:
            session = self._sessions.get(key)
        if session is not None:
            session.last_seen = time.monotonic()
        return session

    def end(self, key: str) -> None:
        """Stop the session's run and remove its folder."""
        with self._lock:
            session = self._sessions.pop(key, None)
        if session is not None:
            _close(session)

    def sweep(self) -> None:
        """End the sessions idle for longer than ``idle_seconds``."""
        now = time.monotonic()
        with self._lock:
            idle = [k for k, s in self._sessions.items() if now - s.last_seen > self.idle_seconds
                    and not (s.run is not None and s.run.running)]
        for key in idle:
            self.end(key)

    def end_all(self) -> None:
        with self._lock:
            keys = list(self._sessions)
        for key in keys:
            self.end(key)

    def __len__(self) -> int:
        return len(self._sessions)


def _close(session: Session) -> None:
    if session.run is not None:
        session.run.cancel()
    shutil.rmtree(session.folder, ignore_errors=True)
