"""One temporary folder per browser session, made by reportgen and removed when the session ends.

A session begins with an upload and ends when the user ends it, when it has been idle for
:data:`IDLE_SECONDS`, or when the server stops. Its folder (``reportgen-web-*``, inside the
server's own folder in the system's temporary folder: :mod:`reportgen.web.serverfolder`) holds the
uploaded data, the study file the form wrote and the report; no other folder is written. A server
holds at most :data:`MAX_SESSIONS` sessions at once: beyond that an upload is refused
(:class:`SessionsFull`) until one ends.
"""

from __future__ import annotations

import asyncio
import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.web.serverfolder import ServerFolder

if TYPE_CHECKING:
    from reportgen.config.draft import Choices, Draft
    from reportgen.web.runner import Run

IDLE_SECONDS = 4 * 60 * 60
MAX_SESSIONS = 50
FOLDER_PREFIX = "reportgen-web-"


class SessionsFull(Exception):
    """The server holds as many sessions as it may; a new one waits until one ends."""


@dataclass
class Session:
    """A user's work: the uploaded data, what the data tell (``draft``), the form's choices,
    the problems found at the last check, and the run."""

    key: str
    folder: Path
    data: Path
    draft: Draft
    choices: Choices
    problems: dict = field(default_factory=dict)  # field name ("" for the whole form) → messages
    summary: str = ""
    notice: str = ""
    run: Run | None = None
    last_seen: float = field(default_factory=time.monotonic)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)  # held while a form of the session is handled

    @property
    def study_file(self) -> Path:
        return self.folder / "study.yaml"

    @property
    def report(self) -> Path:
        return self.folder / "report"


class Sessions:
    """The sessions of one server, by key (a random URL-safe token), at most ``limit`` at once.

    ``root``: the folder of the session folders; by default the server's own folder, made (after
    the folders of servers that are gone were removed) by :meth:`open` and removed by
    :meth:`end_all`. A folder given (the tests') is neither swept nor removed.
    """

    def __init__(self, idle_seconds: float = IDLE_SECONDS, root: Path | None = None, limit: int = MAX_SESSIONS):
        self.idle_seconds = idle_seconds
        self.root = root
        self.limit = limit
        self._server: ServerFolder | None = None
        self._sessions: dict[str, Session] = {}
        self._beginning = 0  # folders made for uploads still being read
        self._lock = threading.Lock()

    def open(self) -> None:
        """Make the server's folder (when no root was given), once."""
        with self._lock:
            if self.root is None:
                self._server = ServerFolder()
                self.root = self._server.path

    def new_folder(self) -> Path:
        """A fresh folder for a session about to begin (:meth:`begin`, or :meth:`discard` when
        the upload is refused); SessionsFull when ``limit`` sessions are live or beginning."""
        self.open()
        self.sweep()
        with self._lock:
            if len(self._sessions) + self._beginning >= self.limit:
                raise SessionsFull()
            self._beginning += 1
        return Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX, dir=self.root))

    def discard(self, folder: Path) -> None:
        """Remove the folder of an upload refused before its session began."""
        shutil.rmtree(folder, ignore_errors=True)
        with self._lock:
            self._beginning -= 1

    def begin(self, folder: Path, data: Path, draft, choices) -> Session:
        session = Session(secrets.token_urlsafe(16), folder, data, draft, choices)
        with self._lock:
            self._beginning -= 1
            self._sessions[session.key] = session
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
            idle = [k for k, s in self._sessions.items() if now - s.last_seen > self.idle_seconds and not (s.run is not None and s.run.running)]
        for key in idle:
            self.end(key)

    def end_all(self) -> None:
        """End every session (the server stops) and remove the server's folder."""
        with self._lock:
            keys = list(self._sessions)
        for key in keys:
            self.end(key)
        if self._server is not None:
            self._server.close()

    def __len__(self) -> int:
        return len(self._sessions)


def _close(session: Session) -> None:
    if session.run is not None:
        session.run.cancel()
    shutil.rmtree(session.folder, ignore_errors=True)
