"""Study file → data → statistics → files, the same for every design (:mod:`reportgen.designs`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportgen.config import load_study
from reportgen.config.models import LANGUAGES
from reportgen.designs import design_for
from reportgen.errors import ConfigError, OutputError, naming, os_error_line
from reportgen.output import atomic_folder, check_target, safe_name
from reportgen.report.printable import printable
from reportgen.results_json import clean, write_results

FORMATS = ("json", "pdf", "docx")


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
    ``figures``, ``docx``, ``html`` and ``pdf`` as each is made (the web app shows them)."""
    progress = progress or _silent
    if lang is not None and lang not in LANGUAGES:
        raise ConfigError(f"--lang: '{lang}' is not a supported language; use {' or '.join(LANGUAGES)}")
    from reportgen.figures import FigureJob
    from reportgen.processes import standing_by
    from reportgen.render.pdf_job import PdfJob

    chapter_wanted = bool({"pdf", "docx", "html"} & set(formats))
    # WeasyPrint and matplotlib are imported meanwhile, each in the process that will use it
    with standing_by(PdfJob() if "pdf" in formats else None) as (pdf,), \
            standing_by(FigureJob() if chapter_wanted else None) as (figures,):
        progress("check")
        study = load_study(study_file)
        inputs = study.inputs()
        check_target(target, inputs)  # before the work, so a refused folder costs nothing
        language = lang or study.config.study.language
        progress("compute")
        analysed = analyse(study, language)
        progress("write")
        try:
            with atomic_folder(target, inputs, study.path) as staging:
                written = write_outputs(analysed, language, staging, formats, pdf, figures, progress)
        except OSError as exc:
            raise OutputError(os_error_line(exc)) from None
    return Report([Path(target) / name for name in written], analysed.notes)


def _silent(stage: str) -> None:
    """No progress shown (the command line)."""


@dataclass(frozen=True)
class Analysed:
    """A study with its design, results, results.json payload and the notes on its data."""

    study: object
    design: object
    results: object
    payload: dict
    notes: list[str]


def analyse(study, language: str) -> Analysed:
    """Load the data and compute every statistic of the study's design; the data notes lead the
    payload's warnings."""
    design = design_for(study.config)
    data = design.load(study)
    results = design.analyse(study, data)
    payload = clean(design.to_json(study, results, language))
    notes = list(data.notes)
    payload["warnings"] = notes + list(payload.get("warnings") or [])
    return Analysed(study, design, results, payload, notes)


def chapter(analysed: Analysed, lang: str):
    """The chapter document and the builder that made it (its labels, its file-name label); what
    the author must still write is among its tasks, and it is a draft as ``study.draft`` says."""
    from reportgen.render.layout import laid_out
    from reportgen.report.builder import Builder
    from reportgen.report.tasks import finish

    builder = Builder(analysed.study, lang, source_label=analysed.design.source_label)
    doc = finish(builder, analysed.design.sections(builder, analysed.results))
    return laid_out(doc, analysed.study.config.study), builder


@dataclass
class Composed:
    """A study's chapter and results.json, made but not written (figures drawn, not saved)."""

    document: object
    labels: dict
    payload: dict
    results: object


def compose(study_file: Path, lang: str | None = None) -> Composed:
    """The chapter document (figures as data, not drawn) and results.json of a study, for review and tests."""
    study = load_study(study_file)
    language = lang or study.config.study.language
    analysed = analyse(study, language)
    doc, builder = chapter(analysed, language)
    return Composed(doc, builder.labels, analysed.payload, analysed.results)


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
        if pdf is not None:
            progress("pdf")
            pdf.finish()
        more = _more_documents(analysed, lang, folder, formats, [folder] + ([user] if user else []))
    except BaseException:
        figures.cancel()
        if pdf is not None:
            pdf.cancel()
        raise
    written += [f"{stem}.{kind}" for kind in ("pdf", "docx", "html") if kind in formats] + more + ["figures/"]
    return written


def _more_documents(analysed: Analysed, lang: str, folder: Path, formats, allowed: list[Path]) -> list[str]:
    """The design's documents besides the chapter (the SAKIP report's LHE per unit), as PDF and DOCX."""
    from reportgen.report.builder import Builder

    made = analysed.design.documents(analysed.study, lambda: Builder(analysed.study, lang, source_label=analysed.design.source_label),
                                     analysed.results)
    written = []
    for stem, doc, labels in made:
        doc = printable(doc, stem, analysed.notes)
        if "docx" in formats:
            from reportgen.render.docx import write_docx

            write_docx(doc, labels, folder, folder / f"{stem}.docx")
            written.append(f"{stem}.docx")
        if "pdf" in formats:
            from reportgen.render.html import render_html
            from reportgen.render.pdf import write_pdf

            write_pdf(render_html(doc, labels, folder), folder, folder / f"{stem}.pdf", allowed)
            written.append(f"{stem}.pdf")
    return written


def validate_study(study_file: Path) -> str:
    """Check file and data; return a short summary (the data, the constructs, the model), after
    notes on the data and on reportgen init's placeholders left in the study file."""
    from reportgen.report.tasks import placeholder_note, placeholders

    study = load_study(study_file)
    design = design_for(study.config)
    data = design.load(study)
    left = placeholders(study.config)
    notes = list(data.notes) + ([placeholder_note(left)] if left else [])
    lines = [f"note: {note}" for note in notes] + [f"{study.path.name}: valid"] + design.summary(study, data)
    return "\n".join(lines)
