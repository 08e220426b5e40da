"""Study file → data → statistics → files, the same for every design (:mod:`reportgen.designs`)."""

from __future__ import annotations

import os
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.config import AnyStudy, load_study
from reportgen.config.models import LANGUAGES
from reportgen.designs import Design, design_for
from reportgen.errors import ConfigError, OutputError, naming, os_error_line
from reportgen.output import atomic_folder, check_target, safe_name
from reportgen.report.printable import printable
from reportgen.results_json import SCHEMA_VERSION, clean, write_results
from reportgen.words.messages import Localized, joined, phrase

if TYPE_CHECKING:
    from reportgen.literature import Literature
    from reportgen.report.builder import Builder
    from reportgen.report.document import Document

FORMATS = ("json", "pdf", "docx")
CHAPTER_FORMATS = ("json", "pdf", "docx", "html")  # every design's; a design may write more (Design.extra_formats)


@dataclass(frozen=True)
class Report:
    """What a run wrote: the files (inside the output folder) and notes for the user: on the
    data (blank rows skipped, for instance), which results.json also lists under ``warnings``,
    and, when a chapter was written, what the author must still write (its tasks)."""

    files: list[Path]
    notes: list[str] = field(default_factory=list)


def run_study(study_file: Path, target: Path, lang: str | None = None, formats=FORMATS, progress=None) -> Report:
    """Run one study and write its report into ``target`` (refused unless reportgen may use it).

    ``progress``, when given, is called with each stage as it begins: ``check`` (the study file
    and the data), ``compute`` (the statistics), ``write`` (results.json and the chapter), then
    ``figures``, ``docx``, ``html``, ``lhe 0/300``, ``lhe 1/300``, … (a design's further
    documents, as each is written) and ``pdf`` as each is made (the web app and, on a terminal,
    the command line show them)."""
    progress = progress or _silent
    if lang is not None and lang not in LANGUAGES:
        raise ConfigError(f"--lang: '{lang}' is not a supported language; use {' or '.join(LANGUAGES)}")
    from reportgen.figures import FigureJob
    from reportgen.processes import cancelled_on_failure, standing_by
    from reportgen.render.pdf_job import PdfJob

    chapter_wanted = bool({"pdf", "docx", "html"} & set(formats))
    # WeasyPrint and matplotlib are imported meanwhile, each in the process that will use it
    with standing_by(PdfJob() if "pdf" in formats else None) as (pdf,), standing_by(FigureJob() if chapter_wanted else None) as (figures,):
        progress("check")
        study = load_study(study_file)
        check_formats(design_for(study.config), formats, study.config.design)
        inputs = study.inputs()
        check_target(target, inputs)  # before the work, so a refused folder costs nothing
        language = lang or study.config.study.language
        progress("compute")
        analysed = analyse(study, language)
        progress("write")
        try:
            # the PDF and figure processes are stopped before a failed run's folder is removed
            with atomic_folder(target, inputs, study.path) as staging, cancelled_on_failure(pdf, figures):
                written = write_outputs(analysed, language, staging, formats, pdf, figures, progress)
        except OSError as exc:
            raise OutputError(os_error_line(exc)) from None
    return Report([Path(target) / name for name in written], analysed.notes)


def check_formats(design, formats, kind: str = "") -> None:
    """Refuse, in one line, a format the study's design does not write (``xlsx`` outside a SAKIP study)."""
    for f in formats:
        if f not in CHAPTER_FORMATS and f not in getattr(design, "extra_formats", ()):
            raise ConfigError(
                f"--formats: '{f}' is written for SAKIP studies only (the scored LKE workbook); this study is "
                f"{'a ' + kind + ' study' if kind else 'of another kind'}: leave {f} out of --formats"
            )


def _silent(stage: str) -> None:
    """No progress shown (the command line)."""


@dataclass(frozen=True)
class Analysed:
    """A study with its design, results, results.json payload and the notes on its data."""

    study: AnyStudy
    design: Design
    results: object  # the design's own results (Design.analyse), handed back to the design
    payload: dict
    notes: list[str]


def analyse(study: AnyStudy, language: str) -> Analysed:
    """Load the data and compute every statistic of the study's design; the data notes lead the
    payload's warnings."""
    design = design_for(study.config)
    data = design.load(study)
    results = design.analyse(study, data)
    payload = {"schema_version": SCHEMA_VERSION, **clean(design.to_json(study, results, language))}
    notes = list(data.notes)
    payload["warnings"] = notes + list(payload.get("warnings") or [])
    return Analysed(study, design, results, payload, notes)


def chapter(analysed: Analysed, lang: str) -> tuple[Document, Builder]:
    """The chapter document and the builder that made it (its labels, its file-name label); what
    the author must still write is among its tasks, and it is a draft as ``study.draft`` says."""
    from reportgen.render.layout import laid_out
    from reportgen.report.tasks import finish

    builder = _builder(analysed, lang)
    doc = finish(builder, analysed.design.sections(builder, analysed.results))
    return laid_out(doc, analysed.study.config.study), builder


def _builder(analysed: Analysed, lang: str) -> Builder[Any]:
    """A builder of the study's report in ``lang`` (a :data:`~reportgen.report.builder.ThesisBuilder`
    or a :data:`~reportgen.report.builder.SakipBuilder`, as the study is)."""
    from reportgen.report.builder import Builder

    return Builder(analysed.study, lang, source_label=analysed.design.source_label)


@dataclass
class Composed:
    """A study's chapter and results.json, made but not written (figures drawn, not saved)."""

    document: Document
    labels: dict
    payload: dict
    results: object  # the design's own results (Design.analyse)
    literature: Literature | None = None  # the study's reference file, read (Builder.literature)
    cited: frozenset[str] = frozenset()  # the keys of its works the chapter cites by key (Builder.cited)


def compose(study_file: Path, lang: str | None = None) -> Composed:
    """The chapter document (figures as data, not drawn) and results.json of a study, for review and tests."""
    study = load_study(study_file)
    language = lang or study.config.study.language
    analysed = analyse(study, language)
    doc, builder = chapter(analysed, language)
    return Composed(doc, builder.labels, analysed.payload, analysed.results, builder.literature, frozenset(builder.cited))


def write_outputs(analysed: Analysed, lang: str, folder: Path, formats, pdf=None, figures=None, progress=None) -> list[str]:
    """Write the requested formats into ``folder``; return their file names.

    The PDF (``pdf``, a :class:`~reportgen.render.pdf_job.PdfJob`) and the figures (``figures``, a
    :class:`~reportgen.figures.FigureJob`), both processes started when the run began, receive
    the chapter; once the figures are written the PDF is laid out there while the DOCX (and
    the html page) is written here.
    """
    progress = progress or _silent
    written = []
    if "json" in formats:
        write_results(folder / "results.json", analysed.payload)
        written.append("results.json")
    check_formats(analysed.design, formats)
    for kind in getattr(analysed.design, "extra_formats", ()):
        if kind in formats:
            written += analysed.design.write_format(kind, analysed.study, analysed.results, lang, folder)
    if not {"pdf", "docx", "html"} & set(formats):
        return written
    from reportgen.figures import FigureJob
    from reportgen.report.tasks import notes as task_notes

    doc, builder = chapter(analysed, lang)
    analysed.notes.extend(task_notes(doc))
    labels = builder.labels
    config = analysed.study.config
    stem = safe_name(builder.label(analysed.design.file_label, chapter=config.study.chapter, year=config.study.year), "report")
    doc = printable(doc, stem, analysed.notes)
    user = analysed.study.templates_dir
    if "pdf" in formats and pdf is None:
        from reportgen.render.pdf_job import PdfJob

        pdf = PdfJob()
    figures = figures or FigureJob()
    try:
        if pdf is not None:
            pdf.render(doc, labels, folder, folder / f"{stem}.pdf", [folder] + ([user] if user else []))
        progress("figures")
        figures.draw(doc.figures(), folder, lang)
        figures.finish()
        if pdf is not None:
            pdf.figures_written()
        if "docx" in formats:
            from reportgen.render.docx import write_docx

            progress("docx")
            write_docx(doc, labels, folder, folder / f"{stem}.docx", lists=config.study.lists)
        if "html" in formats:
            from reportgen.render.html import render_html

            progress("html")
            page = render_html(doc, labels, folder, embed=True)
            with naming(folder / f"{stem}.html"):
                (folder / f"{stem}.html").write_text(page, encoding="utf-8")
        # the LHEs are rendered while the chapter's PDF is laid out: every core is at work
        more = _more_documents(analysed, lang, folder, formats, [folder] + ([user] if user else []), progress)
        if pdf is not None:
            progress("pdf")
            pdf.finish()
    except BaseException:
        figures.cancel()
        if pdf is not None:
            pdf.cancel()
        raise
    written += [f"{stem}.{kind}" for kind in ("pdf", "docx", "html") if kind in formats] + more + ["figures/"]
    return written


def _more_documents(analysed: Analysed, lang: str, folder: Path, formats, allowed: list[Path], progress=None) -> list[str]:
    """The design's documents besides the chapter (the SAKIP report's LHE per unit), as DOCX and PDF.

    Each document is built and rendered in one of as many forked processes as this process may
    use cores (:func:`reportgen.processes.each_in_workers`; one core, or no fork: here, one after
    the other), each file written under a temporary name and renamed once complete, and
    ``progress`` is told ``"lhe 12/300"`` as each is done. A worker's error (a full disk) stops
    the others and is raised here; so is an interrupt, as for the chapter."""
    from reportgen.processes import available_cores, each_in_workers

    progress = progress or _silent
    made = analysed.design.documents(analysed.study, lambda: _builder(analysed, lang), analysed.results)
    kinds = [kind for kind in ("docx", "pdf") if kind in formats]
    if not len(made) or not kinds:
        return []
    import reportgen.render.docx
    import reportgen.render.html

    if "pdf" in kinds:
        import reportgen.render.pdf  # noqa: F401

    def render(k: int) -> list[str]:
        stem, doc, labels = made[k]
        doc = printable(doc, stem, analysed.notes)
        written = []
        for kind in kinds:
            with _complete(folder / f"{stem}.{kind}") as part:
                if kind == "docx":
                    from reportgen.render.docx import write_docx

                    write_docx(doc, labels, folder, part)
                else:
                    from reportgen.render.html import render_html
                    from reportgen.render.pdf import write_pdf

                    write_pdf(render_html(doc, labels, folder), folder, part, allowed)
            written.append(f"{stem}.{kind}")
        return written

    names: list[list[str]] = [[] for _ in range(len(made))]
    finished = 0

    def done(k: int, written: list[str]) -> None:
        nonlocal finished
        names[k] = written
        finished += 1
        progress(f"lhe {finished}/{len(made)}")

    progress(f"lhe 0/{len(made)}")
    each_in_workers(render, len(made), available_cores(), done, name="LHE")
    return [name for written in names for name in written]


@contextmanager
def _complete(target: Path):
    """A temporary name beside ``target`` to write to; renamed to ``target`` when the block ends
    well, removed when not. A file of the folder is therefore complete or absent, and an OS error
    names ``target``."""
    part = target.with_name(f".{target.name}.part")
    with naming(target):
        try:
            yield part
            os.replace(part, target)
        except BaseException:
            with suppress(OSError):
                os.unlink(part)
            raise


def validate_study(study_file: Path) -> Localized:
    """Check file and data; return a short summary (the data, the constructs, the model), after
    notes on the data and on reportgen init's placeholders left in the study file."""
    from reportgen.report.tasks import placeholder_note, placeholders

    study = load_study(study_file)
    design = design_for(study.config)
    data = design.load(study)
    left = placeholders(study.config)
    notes = list(data.notes) + ([placeholder_note(left)] if left else [])
    lines = [phrase("summary.note", note=note) for note in notes] + [phrase("summary.valid", file=study.path.name)]
    return joined(lines + design.summary(study, data))
