"""The chapter PDF, rendered by a process started as soon as the run begins.

WeasyPrint's import takes about two seconds and needs neither the statistics nor the figures.
A forked process imports WeasyPrint while this one computes and draws; it receives the chapter
document through a pipe and, once the figures are written (their sizes place the tables and
figures on the pages, :mod:`reportgen.render.flow`), writes the HTML and lays it out.
Where fork is not available the PDF is written in this process, in :meth:`PdfJob.finish`.

The process ends with the run in every case: it is stopped when the run fails or is
interrupted, and the kernel ends it when the run's process dies, even by SIGKILL
(:func:`reportgen.interrupt.become_child`); where that request is not available its waits
check every half second that the run's process is still there.
"""

from __future__ import annotations

import multiprocessing
import os
from contextlib import contextmanager
from pathlib import Path

from reportgen.interrupt import parent_alive
from reportgen.processes import Child, fork_available

POLL_SECONDS = 0.5


class PdfJob:
    """One PDF: :meth:`render` hands over the work, :meth:`figures_written` lets the layout
    read the figures, :meth:`finish` waits for the file."""

    def __init__(self):
        self.work: tuple | None = None
        self.child: Child | None = None
        if fork_available():
            context = multiprocessing.get_context("fork")
            self.ready = context.Event()
            receive, self.send = context.Pipe(duplex=False)
            self.child = Child(_render_when_asked, (receive, self.ready, os.getpid()), name="PDF")
            receive.close()

    def render(self, doc, labels: dict, base: Path, target: Path, allowed: list[Path]) -> None:
        """Hand over the chapter ``doc``; it is laid out after :meth:`figures_written`."""
        self.work = (doc, labels, base, target, allowed)
        if self.child is not None:
            self.send.send(self.work)

    def figures_written(self) -> None:
        if self.child is not None:
            self.ready.set()

    def finish(self) -> Path:
        """Wait for the PDF (or write it here); raise what the PDF process raised."""
        if self.child is None:
            return _write(*self.work)
        self.child.result()
        return self.work[3]

    def cancel(self) -> None:
        """Stop the child (after an error, or when no chapter is written)."""
        if self.child is not None:
            self.send.close()
            self.child.stop()


def _render_when_asked(receive, ready, parent: int) -> None:
    """In the child: import WeasyPrint, wait for the chapter, write the PDF."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # never hold the caller's standard output open
    os.close(devnull)
    import reportgen.render.pdf  # noqa: F401  (the import this process exists for: WeasyPrint)

    while not receive.poll(POLL_SECONDS):
        if not parent_alive(parent):
            return
    try:
        work = receive.recv()
    except EOFError:  # the run ended without a chapter (a user error)
        return
    while not ready.wait(POLL_SECONDS):
        if not parent_alive(parent):
            return
    _write(*work)


def _write(doc, labels: dict, base: Path, target: Path, allowed: list[Path]) -> Path:
    from reportgen.render.html import render_html
    from reportgen.render.pdf import write_pdf

    return write_pdf(render_html(doc, labels, base), base, target, allowed)


@contextmanager
def pdf_job(wanted: bool):
    """A :class:`PdfJob` started now when ``wanted`` (else None); stopped if the block fails."""
    job = PdfJob() if wanted else None
    try:
        yield job
    except BaseException:
        if job is not None:
            job.cancel()
        raise
    if job is not None and job.work is None:
        job.cancel()
