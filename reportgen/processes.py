"""Forked child processes whose outcome comes back to the parent, and which never outlive it.

:class:`Child` runs ``fn(*args)`` in a forked process (:func:`reportgen.interrupt.become_child`:
it ignores Ctrl-C and is signalled by the kernel when the parent dies). Its return value, a user
error, an OS error or a bug's traceback comes back through a pipe, and :meth:`Child.result`
raises the same kind of error in the parent, so a full disk in the PDF process is reported like
a full disk anywhere else.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
import traceback
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import cast

from reportgen.errors import ReportgenError
from reportgen.interrupt import Interrupted, become_child, parent_alive

STOP_SECONDS = 1.0  # a child that ignores SIGTERM this long is killed
POLL_SECONDS = 0.5  # how often a waiting child checks that its parent is still there


class ChildFailed(Exception):
    """A child process ended without an answer, or with a bug; ``detail`` has its traceback."""

    def __init__(self, message: str, detail: str = ""):
        super().__init__(message)
        self.detail = detail


FORK = sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
"""Whether runs use forked helper processes. Only on Linux: macOS offers fork, but a process that
has loaded its system frameworks (matplotlib's and WeasyPrint's libraries do) may crash in a
forked child, and Windows has no fork; there each study, its figures and its PDF are made in the
command's own process, one after the other (README, "Supported systems")."""
KILL = getattr(signal, "SIGKILL", signal.SIGTERM)  # Windows has no SIGKILL; its SIGTERM ends a process at once


def fork_available() -> bool:
    return FORK


class Child:
    """``fn(*args)`` in a forked process; :meth:`result` waits for it and returns or raises.

    ``has_children``: the child forks processes of its own (a study worker starts the PDF process).
    """

    def __init__(self, fn, args: tuple = (), on_parent_death: int = KILL, cleans_up: bool = False, name: str = "child", has_children: bool = False):
        context = multiprocessing.get_context("fork")
        self.name = name
        self.connection, sender = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_main, args=(sender, fn, args, on_parent_death, cleans_up), daemon=not has_children
        )  # multiprocessing lets no daemon fork
        self.process.start()
        sender.close()

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def result(self):
        """The child's return value; its OSError, ReportgenError or :class:`Interrupted` raised
        here; :class:`ChildFailed` when it crashed or died without an answer."""
        try:
            kind, *value = self.connection.recv()
        except EOFError:
            self.process.join()
            code = self.process.exitcode
            how = f"was killed by {signal.Signals(-code).name}" if code is not None and code < 0 else f"ended with exit code {code}"
            raise ChildFailed(f"the {self.name} process {how}") from None
        self.process.join()
        if kind == "ok":
            return value[0]
        if kind == "oserror":
            raise OSError(*value)
        if kind == "user":
            raise ReportgenError(value[0])
        if kind == "interrupted":
            raise Interrupted(value[0], value[1])
        raise ChildFailed(f"the {self.name} process failed: {value[0]}", value[1])

    def stop(self) -> tuple | None:
        """End the child: SIGTERM, then SIGKILL if it is still there after a second. Return the
        answer it sent before it ended, unread (``("ok", value)``, ``("interrupted", signum,
        written)``, …), or None."""
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(STOP_SECONDS)
            if self.process.is_alive():
                self.process.kill()
        self.process.join()
        answer = None
        with contextlib.suppress(EOFError, OSError):
            if self.connection.poll():
                answer = tuple(self.connection.recv())
        self.connection.close()
        return answer


class Standby:
    """A child forked now that runs ``prepare()`` at once (imports its heavy modules beside the
    caller's work), then waits for its work: ``work(*args)`` with the arguments of :meth:`give`.

    It ends without working when :meth:`cancel` closes its pipe (the run failed before it had
    work) or when the caller's process is gone. Where fork is missing, nothing is started and
    the caller does the work itself (:attr:`child` is None).
    """

    def __init__(self, prepare, work, name: str, has_children: bool = False):
        self.given = False
        self.child: Child | None = None
        if fork_available():
            receive, self.send = multiprocessing.get_context("fork").Pipe(duplex=False)
            self.child = Child(_stand_by, (receive, prepare, work, os.getpid()), name=name, has_children=has_children)
            receive.close()

    def give(self, *args) -> None:
        self.given = True
        if self.child is not None:
            self.send.send(args)

    def result(self):
        assert self.child is not None  # asked only of a job whose child was started
        return self.child.result()

    def cancel(self) -> None:
        if self.child is not None:
            self.send.close()
            self.child.stop()


@contextmanager
def cancelled_on_failure(*jobs):
    """Cancel the :class:`Standby` jobs (None where not wanted) as soon as the block fails, before
    the blocks around it clean up: a child that ignores Ctrl-C and is still writing into a
    temporary folder would otherwise add a file after the folder was emptied, and leave it behind."""
    try:
        yield
    except BaseException:
        for job in jobs:
            if job is not None:
                job.cancel()
        raise


@contextmanager
def standing_by(*jobs):
    """The :class:`Standby` jobs (None where not wanted) for a block: all are cancelled when the
    block fails, and those it gave no work are cancelled when it ends."""
    with cancelled_on_failure(*jobs):
        yield jobs
    for job in jobs:
        if job is not None and not job.given:
            job.cancel()


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity: a container's or ``taskset``'s limit),
    else every core of the machine."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


def each_in_workers(work, count: int, workers: int, done=None, name: str = "worker") -> None:
    """``work(k)`` for every ``k`` in ``range(count)``, in ``workers`` forked processes that each
    take the next ``k`` as soon as they finish one; ``done(k, value)`` is called here as each
    finishes (in the order they finish: the caller reports progress).

    Each worker is a :class:`Child` (it ignores Ctrl-C, dies with this process). The first
    error of a worker (a full disk, a user error, a crash) is raised here as :meth:`Child.result`
    raises it, and every worker is stopped; so are they when this process is interrupted. With
    one worker, or where fork is missing, the work is done here, one ``k`` after the other.

    Each ``work(k)`` runs with Python's cyclic garbage collector paused, and one collection
    after it (:func:`collected_after`); before the workers are forked, the objects this process
    holds are moved out of the collector's sight (``gc.freeze``)."""
    done = done or (lambda k, value: None)
    workers = max(1, min(workers, count))
    if workers == 1 or not fork_available():
        for k in range(count):
            with collected_after():
                value = work(k)
            done(k, value)
        return
    from multiprocessing.connection import wait

    context = multiprocessing.get_context("fork")
    started: list[tuple[Child, Connection]] = []
    gc.freeze()
    try:
        for _ in range(workers):
            ours, theirs = context.Pipe(duplex=True)
            child = Child(_take_work, (theirs, work), name=name)
            theirs.close()
            started.append((child, ours))
        given = 0
        busy: dict[Connection, Child] = {}
        for child, ours in started:
            ours.send(given)
            busy[ours] = child
            given += 1
        while busy:
            for ours in cast("list[Connection]", wait(list(busy))):  # the connections it was given
                child = busy[ours]
                try:
                    k, value = ours.recv()
                except EOFError:  # the worker ended without an answer: its error, or how it died
                    child.result()
                    raise ChildFailed(f"the {name} process ended before its work was done") from None
                done(k, value)
                if given < count:
                    ours.send(given)
                    given += 1
                else:
                    ours.send(None)
                    del busy[ours]
                    child.result()
    finally:
        gc.unfreeze()
        for child, ours in started:
            child.stop()
            ours.close()


@contextmanager
def collected_after():
    """A block run with the cyclic garbage collector paused, and one collection when it ends.

    Rendering one document (a 20-page LHE) makes hundreds of thousands of objects that live
    until the document is written. The collector's thresholds then start a full collection
    every few hundred thousand allocations, and each traverses every object the process holds,
    the study's results included: 0.25 s of the 1.6 CPU-s of an LHE at 300 units (measured with
    ``gc.callbacks``). Paused, the block keeps the same peak memory (its garbage is freed by
    reference counting, its cycles at the end) and takes 13% less time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
        gc.collect()


def _take_work(connection: Connection, work) -> None:
    """In a worker of :func:`each_in_workers`: ``work(k)`` for each ``k`` received, until None."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # never hold the caller's standard output open
    os.close(devnull)
    while True:
        k = connection.recv()
        if k is None:
            return None
        with collected_after():
            value = work(k)
        connection.send((k, value))


def wait_for(event, parent: int) -> bool:
    """Wait in a child until ``event`` is set (True) or the process ``parent`` is gone (False)."""
    while not event.wait(POLL_SECONDS):
        if not parent_alive(parent):
            return False
    return True


def _stand_by(receive: Connection, prepare, work, parent: int):
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # never hold the caller's standard output open
    os.close(devnull)
    prepare()
    while not receive.poll(POLL_SECONDS):
        if not parent_alive(parent):
            return None
    try:
        args = receive.recv()
    except EOFError:  # the run ended without work for this child (a user error)
        return None
    return work(*args)


def _main(sender: Connection, fn, args: tuple, on_parent_death: int, cleans_up: bool) -> None:
    become_child(on_parent_death, cleans_up)
    message: tuple[object, ...]
    try:
        message = ("ok", fn(*args))
    except OSError as exc:
        message = ("oserror", exc.errno, exc.strerror, exc.filename)
    except ReportgenError as exc:
        message = ("user", exc.message)
    except Interrupted as exc:
        message = ("interrupted", exc.signum, exc.written)
    except BaseException as exc:  # a bug: its traceback goes to the parent
        message = ("bug", f"{exc.__class__.__name__}: {exc}", traceback.format_exc())
    try:
        sender.send(message)
    except (BrokenPipeError, OSError):
        pass
