"""Study designs: each is one object behind one protocol, and nothing else names a design.

A design provides (README, "Adding a design"; :class:`~reportgen.designs.base.PackageDesign` gives
the last three from its package's modules by convention):

- ``load(study)``: the data it analyses (a :class:`~reportgen.data.Dataset` for questionnaires),
  with ``notes`` for the user (blank rows skipped, the file's encoding);
- ``summary(study, data)``: the lines ``reportgen validate`` prints;
- ``file_label`` and ``source_label``: the labels.yaml keys of the report's file name and of the
  source line under its tables;
- ``analyse(study, data)``: the statistics and the verdicts, as typed results;
- ``sections(builder, results)``: the chapter, as a :class:`~reportgen.report.document.Document`;
- ``to_json(study, results, lang)``: its results.json keys.

:func:`design_for` picks the design from the validated study file (``model.type``, or ``kind``),
importing only that design's modules.
"""

from __future__ import annotations

import importlib
from typing import Any, Protocol

DESIGNS = {
    "regression": "reportgen.designs.regression",
    "path": "reportgen.designs.path",
    "pls": "reportgen.designs.pls",
    "cbsem": "reportgen.designs.cbsem",
    "repeated": "reportgen.designs.repeated",
    "sakip": "reportgen.designs.sakip",
}


class Design(Protocol):
    """What the pipeline asks of a design (see the module's docstring)."""

    file_label: str
    source_label: str
    extra_formats: tuple[str, ...]

    def load(self, study) -> Any: ...

    def analyse(self, study, data) -> Any: ...

    def summary(self, study, data) -> list[str]: ...

    def sections(self, builder, results) -> Any: ...

    def to_json(self, study, results, lang: str) -> dict[str, Any]: ...

    def documents(self, study, make_builder, results) -> list: ...

    def write_format(self, kind: str, study, results, lang: str, folder) -> list[str]: ...


def design_for(config) -> Design:
    """The design a validated study file asks for."""
    return importlib.import_module(DESIGNS[config.design]).DESIGN


def preload(chapters: bool) -> None:
    """Import every design's analysis (and chapter) modules now, so that processes forked
    afterwards inherit them instead of importing them each."""
    for module in DESIGNS.values():
        importlib.import_module(f"{module}.analysis")
        if chapters:
            importlib.import_module(f"{module}.chapter")
