"""The chapter PDF, rendered by a process started as soon as the run begins.

WeasyPrint's import needs neither the statistics nor the figures. A forked process
(:class:`reportgen.processes.Standby`) imports WeasyPrint while this one computes; it receives
the chapter document through a pipe, measures its tables and, once the figures are written
(their sizes place the tables and figures on the pages, :mod:`reportgen.render.flow`), writes
the HTML and lays it out. Where fork is not available the PDF is written in this process, in
:meth:`PdfJob.finish`.

Laying out while the figures are drawn does not pay on two cores: WeasyPrint reads every image
before its layout begins, and its parsing and styles then take a core from the figures
(measured: 5.6–6.2 s → 7.0 s for the thesis chapter).

The process ends with the run in every case: it is stopped when the run fails or is
interrupted, and the kernel ends it when the run's process dies, even by SIGKILL
(:func:`reportgen.interrupt.become_child`); where that request is not available its waits
check every half second that the run's process is still there.
"""

from __future__ import annotations

import multiprocessing
import os
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.processes import Standby, fork_available, wait_for

if TYPE_CHECKING:
    from reportgen.report.document import Document


class PdfJob(Standby):
    """One PDF: :meth:`render` hands over the work, :meth:`figures_written` lets the layout
    read the figures, :meth:`finish` waits for the file."""

    def __init__(self):
        self.work: tuple[Document, dict, Path, Path, list[Path]] | None = None
        self.ready = multiprocessing.get_context("fork").Event() if fork_available() else None
        super().__init__(_import_weasyprint, partial(_write_when_ready, self.ready, os.getpid()), "PDF")

    def render(self, doc: Document, labels: dict, base: Path, target: Path, allowed: list[Path]) -> None:
        """Hand over the chapter ``doc``; it is laid out after :meth:`figures_written`."""
        self.work = (doc, labels, base, target, allowed)
        self.give(*self.work)

    def figures_written(self) -> None:
        if self.ready is not None:
            self.ready.set()

    def finish(self) -> Path:
        """Wait for the PDF (or write it here); raise what the PDF process raised."""
        assert self.work is not None  # render() came first
        if self.child is None:
            return _write(*self.work)
        self.result()
        return self.work[3]


def _import_weasyprint() -> None:
    import reportgen.render.pdf  # noqa: F401


def _write_when_ready(ready, parent: int, *work) -> None:
    """In the PDF process: measure the tables while the figures are drawn, then lay out."""
    from reportgen.render.measure import table_layout

    for table in work[0].tables().values():
        table_layout(table)
    if wait_for(ready, parent):
        _write(*work)


def _write(doc, labels: dict, base: Path, target: Path, allowed: list[Path]) -> Path:
    from reportgen.render.html import render_html
    from reportgen.render.pdf import write_pdf

    return write_pdf(render_html(doc, labels, base), base, target, allowed)
