"""The chapter's figures, drawn from their data when the chapter is written.

A :class:`~reportgen.report.document.Figure` names its ``kind`` and carries its ``data``; here
each kind has its drawing function (matplotlib), which receives the data, the language (for
the numbers on the axes) and the printed width in inches (the figure's share of the text width,
:func:`reportgen.figures.style.print_width`: drawn at that size, a font size is the printed size),
and returns the figure, written as a PNG by :func:`write_figures`.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from reportgen.processes import Standby

KINDS = {
    "responses": ("reportgen.figures.responses", "response_bars"),
    "pp_plot": ("reportgen.figures.residuals", "pp_plot"),
    "histogram": ("reportgen.figures.residuals", "histogram"),
    "scatter": ("reportgen.figures.residuals", "scatter"),
    "framework": ("reportgen.figures.framework", "framework"),
    "slopes": ("reportgen.figures.slopes", "simple_slopes"),
    "importance_map": ("reportgen.figures.importance_map", "importance_map"),
    "measure_means": ("reportgen.figures.means", "measure_means"),
    "group_means": ("reportgen.figures.means", "group_means"),
    "path_diagram": ("reportgen.figures.path_diagram", "path_diagram"),
    "predicates": ("reportgen.figures.sakip", "predicate_distribution"),
    "ranking": ("reportgen.figures.sakip", "ranking"),
    "trends": ("reportgen.figures.sakip", "trends"),
    "thematic_map": ("reportgen.figures.thematic_map", "thematic_map"),
}


def draw(figure, lang: str):
    """The matplotlib figure of a document figure, drawn at its printed width."""
    from reportgen.figures.style import print_width

    module, name = KINDS[figure.kind]
    return getattr(importlib.import_module(module), name)(lang=lang, width=print_width(figure.width), **figure.data)


def write_figures(figures: list, folder: Path, lang: str, cores: int = 2) -> None:
    """Draw and write every figure under ``folder``; with two cores a forked child takes every
    second one. An OS error in the child (a full disk) is raised here as it was raised there."""
    from reportgen.figures.style import write_png
    from reportgen.processes import Child, fork_available

    def write_all(some: list) -> None:
        for figure in some:
            write_png(draw(figure, lang), folder / figure.path)

    child = None
    figures = list(figures)
    if cores > 1 and len(figures) > 1 and fork_available():
        _import_drawing()  # once, here, for both processes
        child = Child(write_all, (figures[1::2],), name="figure")
        figures = figures[0::2]
    try:
        write_all(figures)
        if child is not None:
            child.result()
    except BaseException:
        if child is not None:
            child.stop()
        raise


class FigureJob(Standby):
    """The figures drawn by a process started when the run begins: it imports matplotlib and the
    drawing modules (about 1.3 s without bytecode caches) while the statistics are computed, then draws on two
    cores (:func:`write_figures`) what :meth:`draw` hands it. Where fork is missing,
    :meth:`draw` draws here."""

    def __init__(self):
        super().__init__(_import_drawing, write_figures, "figure", has_children=True)

    def draw(self, figures: list, folder: Path, lang: str) -> None:
        if self.child is None:
            write_figures(figures, folder, lang)
        self.give(list(figures), folder, lang)

    def finish(self) -> None:
        """Wait until every figure is written; raise what the figure process raised."""
        if self.child is not None:
            self.result()


def _import_drawing() -> None:
    for module in {m for m, _ in KINDS.values()}:
        importlib.import_module(module)
