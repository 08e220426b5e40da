"""The folder of one running server, holding its session folders; and the sweep, at start, of the
folders left by servers that did not stop cleanly (killed, or the computer switched off).

A server makes ``reportgen-web-server-*`` in the system's temporary folder and holds an exclusive
lock (``fcntl.flock``) on the ``.lock`` file inside it while it runs. The kernel lets the lock go
when the process ends, however it ends, so a folder whose lock can be taken belongs to a server
that is gone: :func:`sweep` removes it. The lock file is locked before it gets its name, so no
sweep ever finds a running server's lock free; a folder without one (a server still making it,
or not reportgen's) is left alone, as are other users' folders and links. Where fcntl is missing
(Windows) the folder is made without a lock and nothing is swept.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]  # no such module here: the folder is not locked

PREFIX = "reportgen-web-server-"
LOCK = ".lock"


class ServerFolder:
    """This server's folder in ``parent`` (the system's temporary folder by default), made after
    the folders of servers that are gone were removed; :meth:`close` removes it."""

    def __init__(self, parent: Path | None = None):
        parent = Path(parent) if parent is not None else Path(tempfile.gettempdir())
        sweep(parent)
        self.path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=parent))
        self._lock = _locked(self.path)

    def close(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        if self._lock is not None:
            self._lock.close()
            self._lock = None


def sweep(parent: Path) -> list[Path]:
    """Remove the folders in ``parent`` of servers that are no longer running; those removed."""
    if fcntl is None:  # pragma: no cover - Windows
        return []
    return [folder for folder in sorted(Path(parent).glob(PREFIX + "*")) if _removed_if_gone(folder)]


def _removed_if_gone(folder: Path) -> bool:
    """Remove ``folder`` if it is this user's and its lock is free (its server is gone)."""
    try:
        if folder.is_symlink() or not folder.is_dir() or folder.lstat().st_uid != os.getuid():
            return False
        handle = open(folder / LOCK, "rb")  # noqa: SIM115 - held while the lock is tried, closed below
    except OSError:  # no lock file (yet), or not readable: not ours to judge
        return False
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # held: its server runs
            return False
        shutil.rmtree(folder, ignore_errors=True)
    return True


def _locked(folder: Path) -> IO[bytes] | None:
    """The lock file of ``folder``, held: locked under another name, then renamed, so that a sweep
    never finds it free. The descriptor is not inherited by the server's worker processes."""
    if fcntl is None:  # pragma: no cover - Windows
        return None
    unnamed = folder / f"{LOCK}.part"
    handle = open(unnamed, "wb")  # noqa: SIM115 - the server holds its lock open for its whole life
    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    os.replace(unnamed, folder / LOCK)
    return handle
