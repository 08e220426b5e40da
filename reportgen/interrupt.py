"""Signals: a run stopped by Ctrl-C, SIGTERM or SIGHUP cleans up and says so in one line.

:func:`install` turns those signals into :class:`Interrupted`, an exception that (like
KeyboardInterrupt) ``except Exception`` does not catch, so every ``with`` block on the way out
removes its temporary folder and stops its child processes; the CLI prints one line and exits
with 128 + the signal number (130 for Ctrl-C, 143 for SIGTERM). Once the first signal arrived,
the others are ignored so that the cleaning is not cut short.

Child processes call :func:`become_child`: they leave Ctrl-C to their parent (a terminal sends
it to the whole process group) and are sent a signal by the kernel when their parent dies, even
by SIGKILL (Linux ``prctl(PR_SET_PDEATHSIG)``), so no process outlives the run.
"""

from __future__ import annotations

import os
import signal
from contextlib import contextmanager

STOPPING = tuple(s for s in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None)


class Interrupted(BaseException):
    """The run was stopped by a signal; ``exit_code`` is 128 + its number.

    ``written``: the output folders whose new report was already complete when the signal came
    (a signal held back during a folder swap arrives just after it), so the one line that ends
    the run can say which reports did change.
    """

    def __init__(self, signum: int, written: tuple[str, ...] = ()):
        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name
        self.exit_code = 128 + signum
        self.written = tuple(written)

    def also_written(self, *targets: str) -> Interrupted:
        """This stop, with ``targets`` added to the reports written before it."""
        self.written = self.written + tuple(t for t in targets if t not in self.written)
        return self


_held: list[int] | None = None  # the signals that came during held(); None outside it


def _stop(signum, frame) -> None:
    if _held is not None:
        _held.append(signum)
        return
    for other in STOPPING:
        signal.signal(other, signal.SIG_IGN)
    raise Interrupted(signum)


@contextmanager
def stopping_cleanly():
    """Within the block, SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted` (in the main
    thread; elsewhere signals cannot be handled and the block runs as it is)."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = {signum: signal.signal(signum, _stop) for signum in STOPPING}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


@contextmanager
def held():
    """Hold the stopping signals back during the block (a folder swap); they arrive after it.

    Two holds, because a signal mask is a thread's: the mask keeps this thread from taking the
    signals (so their default action cannot end the process halfway), but the kernel may still
    hand a process signal to another thread (numerical libraries start their own), after which
    Python runs the handler in the main thread at once. So the handler itself, while a block is
    held, only notes the signal, and the first one noted is raised when the block ends.
    """
    global _held
    import threading

    if _held is not None or threading.current_thread() is not threading.main_thread():
        yield  # within a held block already, or where no handler runs
        return
    _held = []
    masked = hasattr(signal, "pthread_sigmask")
    before = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING) if masked else set()
    try:
        yield
    finally:
        if masked:
            signal.pthread_sigmask(signal.SIG_SETMASK, before)  # runs the handler of a blocked signal: noted
        came, _held = _held, None
        if came:
            _stop(came[0], None)


def become_child(on_parent_death: int = getattr(signal, "SIGKILL", signal.SIGTERM), cleans_up: bool = False) -> None:
    """Set up a forked child: Ctrl-C is the parent's business; the parent's death ends this process.

    ``cleans_up``: SIGTERM (from the parent, or from the kernel when the parent dies with
    ``on_parent_death=SIGTERM``) raises :class:`Interrupted`, so the child removes what it made;
    otherwise SIGTERM ends it at once.
    """
    parent = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in STOPPING[1:]:
        signal.signal(signum, _stop if cleans_up else signal.SIG_DFL)
    _die_with_parent(on_parent_death)
    if os.getppid() != parent:  # the parent died before the request above took effect
        os.kill(os.getpid(), on_parent_death)


def _die_with_parent(signum: int) -> None:
    try:
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signum), 0, 0, 0)
    except (OSError, AttributeError, TypeError):  # not Linux: the child's own waits check the parent instead
        pass


def parent_alive(parent: int) -> bool:
    """True while the process that forked this one still runs (used where prctl is missing)."""
    return os.getppid() == parent
