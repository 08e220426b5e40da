"""Running studies: each in a process of its own, watched by the command's process.

One study or forty, each runs in a forked worker (at most ``jobs`` at a time, one per core by
default), so that

- a study that fails, even with a bug, is reported as that study's failure and the others finish;
- Ctrl-C, SIGTERM or SIGHUP stops every worker within about a second: each removes its
  temporary folder and its PDF process; a worker that does not stop in time is killed and its
  folder swept (:func:`reportgen.output.sweep_stale`);
- when this process is killed outright (SIGKILL), the kernel sends each worker SIGTERM, so the
  workers still clean up after themselves.

Every study gets its own output folder, named after its folder (``x/thesis/study.yaml`` →
``thesis``), or after as many parent folders as it takes to tell two studies apart
(``x-thesis`` and ``y-thesis``).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Generator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING, cast

from reportgen.errors import ConfigError, ReportgenError
from reportgen.interrupt import Interrupted
from reportgen.output import NameBook, sweep_stale
from reportgen.processes import Child, ChildFailed, fork_available

if TYPE_CHECKING:
    from reportgen.pipeline import Report


@dataclass(frozen=True)
class Task:
    study: Path
    target: Path
    lang: str | None
    formats: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    """How one study ended: ``report`` (files and notes) or ``error`` (one line) or ``crash``
    (a bug: one line and its traceback in ``detail``)."""

    task: Task
    report: Report | None = None
    error: str | None = None
    crash: str | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.report is not None


def study_files_in(paths: list[Path]) -> list[Path]:
    """The study files named, each folder replaced by the study.yaml files beneath it; each file once."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.rglob("study.yaml"))
            if not found:
                raise ConfigError(f"{path}: no study.yaml in this folder")
            files += found
        else:
            files.append(path)
    seen: set[Path] = set()
    unique = []
    for file in files:
        key = Path(os.path.abspath(file))
        if key not in seen:
            seen.add(key)
            unique.append(file)
    return unique


def output_names(files: list[Path]) -> list[str]:
    """A distinct, file-system-safe folder name for each study (see the module docstring)."""
    parts = []
    for file in files:
        absolute = Path(os.path.abspath(file))
        folders = [p for p in absolute.parent.parts if p not in (absolute.anchor, "")]
        parts.append(folders + ([] if absolute.stem == "study" else [absolute.stem]) or ["study"])
    used = [1] * len(files)
    while True:
        names = ["-".join(p[-k:]) for p, k in zip(parts, used)]
        clashing = {i for i, name in enumerate(names) if names.count(name) > 1 and used[i] < len(parts[i])}
        if not clashing:
            break
        for i in clashing:
            used[i] += 1
    book = NameBook()
    return [book.name(name, "study") for name in names]


def tasks_for(files: list[Path], out: Path | None, lang: str | None, formats) -> list[Task]:
    """One task per study: ``out`` itself for one study, ``out/<name>`` for several (default ``output``)."""
    names = output_names(files)
    if len(files) == 1 and out is not None:
        return [Task(files[0], out, lang, tuple(formats))]
    root = out if out is not None else Path("output")
    return [Task(file, root / name, lang, tuple(formats)) for file, name in zip(files, names)]


def run_tasks(tasks: list[Task], jobs: int | None = None) -> Generator[Outcome, None, None]:
    """Run every task, at most ``jobs`` at once; yield the outcomes in the order of ``tasks``
    (each as soon as it and every earlier one have ended)."""
    if not fork_available():
        yield from (_in_process(task) for task in tasks)
        return
    _preload(tasks)
    jobs = max(1, jobs or min(len(tasks), os.cpu_count() or 1))
    waiting = list(enumerate(tasks))
    running: dict[Connection, tuple[int, Task, Child]] = {}
    ended: dict[int, Outcome] = {}
    given = 0
    try:
        while waiting or running:
            while waiting and len(running) < jobs:
                number, task = waiting.pop(0)
                child = Child(_work, (task,), on_parent_death=signal.SIGTERM, cleans_up=True, name="study", has_children=True)
                running[child.connection] = (number, task, child)
            for connection in cast("list[Connection]", wait(list(running))):  # the connections it was given
                number, task, child = running.pop(connection)
                ended[number] = _outcome(task, child)
            while given in ended:
                yield ended.pop(given)
                given += 1
    except Interrupted as stop:  # also when thrown in at a yield: see _report in reportgen.cli
        finished = [str(o.task.target) for o in ended.values() if o.ok]
        stop.also_written(*finished, *_stop_all(running))
        raise
    finally:
        _stop_all(running)


def _stop_all(running: dict[Connection, tuple[int, Task, Child]]) -> list[str]:
    """Stop the studies still running and sweep their folders' parents; return the output
    folders of those whose report was complete before they stopped."""
    written: list[str] = []
    while running:
        _, (_, task, child) = running.popitem()
        answer = child.stop()
        if answer is not None and answer[0] == "ok":
            written.append(str(task.target))
        elif answer is not None and answer[0] == "interrupted":
            written.extend(answer[2])
        sweep_stale(Path(os.path.abspath(task.target)).parent)
    return written


def _outcome(task: Task, child: Child) -> Outcome:
    try:
        return Outcome(task, report=child.result())
    except ReportgenError as error:
        return Outcome(task, error=error.message)
    except ChildFailed as failure:
        sweep_stale(Path(os.path.abspath(task.target)).parent)
        return Outcome(task, crash=str(failure), detail=failure.detail)
    except OSError as exc:  # pragma: no cover - run_study turns these into user errors
        from reportgen.errors import os_error_line

        return Outcome(task, error=os_error_line(exc))


def _in_process(task: Task) -> Outcome:
    """Where fork is missing: one study after the other in this process."""
    import traceback

    try:
        return Outcome(task, report=_work(task))
    except ReportgenError as error:
        return Outcome(task, error=error.message)
    except (Interrupted, KeyboardInterrupt):
        raise
    except Exception as exc:
        return Outcome(task, crash=f"{exc.__class__.__name__}: {exc}", detail=traceback.format_exc())


def _work(task: Task):
    import sys

    from reportgen.pipeline import run_study

    progress = _on_terminal(task) if sys.stderr.isatty() else None
    return run_study(task.study, task.target, lang=task.lang, formats=task.formats, progress=progress)


def _on_terminal(task: Task):
    """The progress of the long stages on a terminal: ``reportgen: STUDY: LHE 12/300`` on one line,
    rewritten as each document is done (the short stages are not worth a line)."""
    import sys

    def show(stage: str) -> None:
        name, _, count = stage.partition(" ")
        if not count:
            return
        done, _, total = count.partition("/")
        end = "\n" if done == total else ""
        sys.stderr.write(f"\rreportgen: {task.study}: {name.upper()} {count}{end}")
        sys.stderr.flush()

    return show


def _preload(tasks: list[Task]) -> None:
    """With several studies, import the heavy modules once, here, so every forked worker inherits
    them; one study imports them in its worker, where WeasyPrint loads beside the statistics."""
    import reportgen.pipeline

    if len(tasks) > 1:
        from reportgen.designs import preload

        chapters = any({"pdf", "docx", "html"} & set(t.formats) for t in tasks)
        preload(chapters)
        if chapters:
            import reportgen.figures.style
            import reportgen.render.docx
            import reportgen.render.pdf  # noqa: F401
