"""The chapter PDF, rendered by a process started as soon as the run begins.

WeasyPrint's import and its style computation take about a second and need neither the
statistics nor the figures. A forked process imports WeasyPrint while this one computes and
draws; it receives the chapter's HTML through a pipe, computes the styles while the figures
are being encoded, and waits for the figures only when the layout first asks for one.
Where fork is not available the PDF is written in this process, in :meth:`PdfJob.finish`.
"""

from __future__ import annotations

import multiprocessing
from contextlib import contextmanager
from pathlib import Path

WAIT_SECONDS = 3600  # a child left waiting by a parent that died does not live for ever


class PdfJob:
    """One PDF: :meth:`render` hands over the work, :meth:`figures_written` lets the layout
    read the figures, :meth:`finish` waits for the file."""

    def __init__(self):
        self.work: tuple | None = None
        self.process = None
        if "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self.ready = context.Event()
            self.receive, self.send = context.Pipe(duplex=False)
            self.process = context.Process(target=self._child, daemon=True)
            self.process.start()
            self.receive.close()

    def _child(self) -> None:
        self.send.close()
        from reportgen.render.pdf import write_pdf  # the import this process exists for

        if not self.receive.poll(WAIT_SECONDS):
            return
        try:
            html, base, target, allowed, figures = self.receive.recv()
        except EOFError:  # the run ended without a chapter (a user error)
            return

        def wait() -> None:
            if not self.ready.wait(WAIT_SECONDS):
                raise RuntimeError("the figures were never written")

        write_pdf(html, base, target, allowed, not_ready=(figures, wait))

    def render(self, html: str, base: Path, target: Path, allowed: list[Path], figures: Path) -> None:
        """Start laying out ``html``; files under ``figures`` are read after :meth:`figures_written`."""
        self.work = (html, base, target, allowed, figures)
        if self.process is not None:
            self.send.send(self.work)

    def figures_written(self) -> None:
        if self.process is not None:
            self.ready.set()

    def finish(self) -> Path:
        """Wait for the PDF (or write it here); raise if its process failed."""
        html, base, target, allowed, _ = self.work
        if self.process is None:
            from reportgen.render.pdf import write_pdf

            return write_pdf(html, base, target, allowed)
        self.process.join()
        if self.process.exitcode != 0:
            raise RuntimeError(f"writing {target.name} failed (exit code {self.process.exitcode})")
        return target

    def cancel(self) -> None:
        """Stop the child (after an error, or when no chapter is written)."""
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join()


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
