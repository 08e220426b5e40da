"""The output folder: checked before anything is written, built aside, swapped in atomically.

The contract (README, "Your files are safe"):

- reportgen replaces only a folder it wrote itself (:mod:`~reportgen.output.manifest`) or an
  empty one. It refuses ``/``, the home folder, the current folder and its parents, any folder
  holding the study file, its data or its templates, a file, a symbolic link, and any folder with
  content it did not write.
- The report is written into a temporary folder beside the target and exchanged with the old
  one in a single ``renameat2(RENAME_EXCHANGE)`` (two renames where the kernel or file system
  cannot), with signals held back meanwhile, so at every instant the target is either the
  complete old report or the complete new one.
- A temporary folder left by a process that was killed (SIGKILL cannot be caught) is removed by
  the next run writing beside it; only folders carrying reportgen's mark and the pid of a
  process that no longer runs are touched.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reportgen.errors import OutputError
from reportgen.interrupt import Interrupted, held
from reportgen.output.manifest import MANIFEST, STAGING_MARK, foreign_content, write_manifest

_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.reportgen-tmp-(?P<pid>\d+)-[A-Za-z0-9_]+$")


def check_target(target: Path, inputs: Iterable[Path] = ()) -> None:
    """Raise :class:`OutputError` (one line) unless ``target`` may become reportgen's output folder.

    ``inputs`` are the user's files the run reads (study file, data, templates folder): a
    folder holding any of them is never replaced.
    """
    target = Path(target)
    shown = str(target)

    def refuse(reason: str) -> OutputError:
        return OutputError(f"{shown}: {reason}; give --out a new folder, or one reportgen wrote")

    if target.is_symlink():
        raise refuse("this is a symbolic link, not a folder reportgen made")
    resolved = target.resolve()
    if resolved == Path(resolved.anchor):
        raise refuse("this is the root of the file system")
    if resolved == Path.home().resolve():
        raise refuse("this is your home folder")
    cwd = Path.cwd().resolve()
    if resolved == cwd or resolved in cwd.parents:
        raise refuse("this is the current folder" if resolved == cwd else "this folder holds the current folder")
    for path in inputs:
        path = Path(path).resolve()
        if resolved == path or resolved in path.parents:
            kind = "templates folder" if path.is_dir() else "file"
            raise refuse(f"this folder holds your {kind} {path.name}")
    if target.exists() and not target.is_dir():
        raise refuse("this is a file, not a folder")
    if target.is_dir():
        reason = foreign_content(target)
        if reason:
            raise refuse(reason)


@contextmanager
def atomic_folder(target: Path, inputs: Iterable[Path] = (), study: Path | None = None) -> Iterator[Path]:
    """Yield an empty temporary folder; when the block succeeds it becomes ``target``.

    ``target`` is checked first (:func:`check_target`) and again just before the exchange, so a
    file saved into it during the run is not lost. On any failure or signal the temporary folder
    is removed and ``target`` stays byte for byte as it was.
    """
    inputs, given = list(inputs), Path(target)
    check_target(given, inputs)
    target = Path(os.path.abspath(given))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        sweep_stale(target.parent)
        with held():  # no signal between making the folder and marking it as reportgen's
            staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.reportgen-tmp-{os.getpid()}-", dir=target.parent))
            try:
                (staging / STAGING_MARK).touch()
            except OSError:
                os.rmdir(staging)
                raise
    except OSError as exc:
        raise OutputError(f"{target.parent}: cannot create the output folder ({exc.strerror})") from None
    try:
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes 0700; an output folder is as any other
        yield staging
        write_manifest(staging, study)
        check_target(given, inputs)
        _swap_in(staging, target, shown=given)
    except OSError as exc:
        remove_marked(staging)
        raise _as_written_to(exc, staging, given) from None
    except BaseException:
        remove_marked(staging)
        raise


def remove_marked(folder: Path, mark: str = STAGING_MARK) -> None:
    """Remove a temporary folder, its ``mark`` last: a process killed while removing it leaves a
    folder that still carries the mark, which the next run's :func:`sweep_stale` removes."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name == mark:
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
    shutil.rmtree(folder, ignore_errors=True)


def _as_written_to(exc: OSError, staging: Path, target: Path) -> OSError:
    """The error with a path inside the temporary folder shown as the file it was to become."""
    name = exc.filename
    if name is not None and Path(name).is_relative_to(staging):
        name = str(target / Path(name).relative_to(staging))
    return OSError(exc.errno, exc.strerror, name)


def _swap_in(staging: Path, target: Path, shown: Path) -> None:
    """Put ``staging`` in ``target``'s place and remove the old report, with signals held back.

    A signal that came during the swap arrives as soon as it is done: the new report is then
    complete, and the :class:`Interrupted` it raises names ``shown`` among the reports written.
    """
    swapped = False
    try:
        with held():
            (staging / STAGING_MARK).unlink()
            if target.exists() and _exchange(staging, target):
                remove_marked(staging, MANIFEST)  # now the old report
            elif target.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{target.name}.reportgen-tmp-{os.getpid()}-", dir=target.parent))
                os.rename(target, old / "old")
                os.rename(staging, target)
                remove_marked(old, "old")
            else:
                os.rename(staging, target)
            swapped = True
    except Interrupted as stop:
        if swapped:
            stop.also_written(str(shown))
        raise


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2`` with RENAME_EXCHANGE); False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError, TypeError):  # not Linux (Windows cannot even open the process's own symbols)
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def sweep_stale(parent: Path) -> list[Path]:
    """Remove temporary folders in ``parent`` left by reportgen processes that no longer run."""
    removed: list[Path] = []
    try:
        entries = os.listdir(parent)
    except OSError:
        return removed
    for name in entries:
        match = _TEMPORARY.match(name)
        if not match or _alive(int(match["pid"])):
            continue
        path = parent / name
        marks = [mark for mark in (STAGING_MARK, MANIFEST, "old") if (path / mark).exists()]
        if path.is_dir() and not path.is_symlink() and marks:
            remove_marked(path, marks[0])
            removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
