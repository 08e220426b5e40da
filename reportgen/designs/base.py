"""What every design is: a package whose modules follow one convention.

``<package>.analysis.analyse(study, data)``, ``<package>.chapter.build_chapter(builder, results)``
and ``<package>.json.results_json(study, results, lang)``; each module is imported only when its
step runs, so that a results.json-only run never imports the chapter's modules.
"""

from __future__ import annotations

import importlib


class PackageDesign:
    package: str
    file_label = "file_name"  # labels.yaml key of the report's file name
    source_label = "source"  # labels.yaml key of the line under every table and figure
    extra_formats: tuple[str, ...] = ()  # --formats this design writes besides json, pdf, docx and html (SAKIP: xlsx)

    def module(self, name: str):
        return importlib.import_module(f"{self.package}.{name}")

    def analyse(self, study, data):
        return self.module("analysis").analyse(study, data)

    def sections(self, builder, results):
        return self.module("chapter").build_chapter(builder, results)

    def documents(self, study, make_builder, results) -> list:
        """Documents besides the chapter, as (file stem, document, labels): none, unless a design
        writes more (the SAKIP report: one LHE per unit). ``make_builder()`` gives a fresh builder."""
        return []

    def write_format(self, kind: str, study, results, lang: str, folder) -> list[str]:
        """Write one of :attr:`extra_formats` into ``folder``; return the file names written."""
        raise NotImplementedError(kind)

    def to_json(self, study, results, lang: str) -> dict:
        return self.module("json").results_json(study, results, lang)
