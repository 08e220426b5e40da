"""Study file → data → statistics → files, with validation of language and formats."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportgen.analysis import analyse
from reportgen.config import load_study, regression_predictors
from reportgen.config.models import LANGUAGES
from reportgen.data import load_dataset
from reportgen.errors import ConfigError, OutputError, os_error_line
from reportgen.output import atomic_folder, check_target
from reportgen.results_json import results_dict, write_results



FORMATS = ("json", "pdf", "docx")


@dataclass(frozen=True)
class Report:
    """What a run wrote: the files (inside the output folder) and notes for the user
    (blank rows skipped, for instance), which results.json also lists under ``warnings``."""

    files: list[Path]
    notes: list[str] = field(default_factory=list)


def run_study(study_file: Path, target: Path, lang: str | None = None, formats=FORMATS) -> Report:
    """Run one study and write its report into ``target`` (refused unless reportgen may use it)."""
    if lang is not None and lang not in LANGUAGES:
        raise ConfigError(f"--lang: '{lang}' is not a supported language; use {' or '.join(LANGUAGES)}")
    from reportgen.render.pdf_job import pdf_job

    with pdf_job("pdf" in formats) as pdf:  # WeasyPrint is imported meanwhile, in its own process
        study = load_study(study_file)
        inputs = study.inputs()
        check_target(target, inputs)  # before the work, so a refused folder costs nothing
        language = lang or study.config.study.language
        results, payload, notes = _analyse(study, language)
        try:
            with atomic_folder(target, inputs, study.path) as staging:
                written = write_outputs(study, results, payload, language, staging, formats, pdf)
        except OSError as exc:
            raise OutputError(os_error_line(exc)) from None
    return Report([Path(target) / name for name in written], notes)


def _analyse(study, language: str):
    """(results, results.json payload, notes on the data); the notes lead the payload's warnings."""
    results, payload, notes = _compute(study, language)
    payload["warnings"] = notes + list(payload.get("warnings") or [])
    return results, payload, notes


def _compute(study, language: str):
    """(results, results.json payload, notes on the data) of the study's kind and model."""
    if getattr(study.config, "kind", None) == "sakip":
        from reportgen.analysis_sakip import analyse_sakip
        from reportgen.results_json import sakip_results_dict

        results = analyse_sakip(study)
        return results, sakip_results_dict(results), list(results.notes)
    data = load_dataset(study)
    notes = list(data.notes)
    if study.config.model.type == "pls":
        from reportgen.analysis_pls import analyse_pls
        from reportgen.results_json import pls_results_dict

        results = analyse_pls(study, data, progress=True)
        payload = pls_results_dict(study, results, language)
    elif study.config.model.type == "path":
        from reportgen.analysis_path import analyse_path
        from reportgen.results_json import path_results_dict

        results = analyse_path(study, data)
        payload = path_results_dict(study, results, language)
    else:
        results = analyse(study, data)
        payload = results_dict(study, results, language)
    return results, payload, notes


@dataclass
class Composed:
    """A study's chapter and results.json, made but not written (figures drawn, not saved)."""

    document: object
    labels: dict
    payload: dict


def compose(study_file: Path, lang: str | None = None, figures_dir: Path = Path("figures")) -> Composed:
    """The chapter document and results.json of a study, for review and snapshot tests."""
    from reportgen.figures.style import deferred_saving
    from reportgen.words.labels import load_labels

    study = load_study(study_file)
    language = lang or study.config.study.language
    results, payload, _ = _analyse(study, language)
    with deferred_saving() as figures:
        doc = _chapter_builder(study)(study, results, language, figures_dir)
    figures.discard()
    return Composed(doc, load_labels(language, study.templates_dir), payload)


def write_outputs(study, results, payload, lang: str, folder: Path, formats, pdf=None) -> list[str]:
    """Write the requested formats into ``folder``; return their file names.

    The chapter's figures are drawn first and encoded later: the PDF (``pdf``, a
    :class:`~reportgen.render.pdf_job.PdfJob`, started when the run began) receives the HTML and
    computes its styles while the figures are encoded here; then the DOCX is written here while
    the PDF is laid out.
    """
    written = []
    if "json" in formats:
        write_results(folder / "results.json", payload)
        written.append("results.json")
    if "pdf" not in formats and "docx" not in formats:
        return written
    from reportgen.figures.style import deferred_saving
    from reportgen.words.labels import load_labels

    build = _chapter_builder(study)
    with deferred_saving() as figures:
        doc = build(study, results, lang, folder / "figures")
    user = study.templates_dir
    labels = load_labels(lang, user)
    stem = _stem(study, lang)
    if "pdf" in formats and pdf is None:
        from reportgen.render.pdf_job import PdfJob

        pdf = PdfJob()
    try:
        if pdf is not None:
            from reportgen.render.html import render_html

            pdf.render(render_html(doc, labels), folder, folder / f"{stem}.pdf", [folder] + ([user] if user else []),
                       folder / "figures")
        figures.write(cores=2)  # the PDF process needs the figures only after its style pass
        if pdf is not None:
            pdf.figures_written()
        if "docx" in formats:
            from reportgen.render.docx import write_docx

            write_docx(doc, labels, folder, folder / f"{stem}.docx")
        if pdf is not None:
            pdf.finish()
    except BaseException:
        figures.discard()
        if pdf is not None:
            pdf.cancel()
        raise
    written += [f"{stem}.{kind}" for kind in ("pdf", "docx") if kind in formats] + ["figures/"]
    return written


def _chapter_builder(study):
    """The document builder for the study's kind and model."""
    if getattr(study.config, "kind", None) == "sakip":
        from reportgen.report.sakip import build_sakip_document

        return build_sakip_document
    from reportgen.report.build import build_document, build_path_document, build_pls_document

    return {"pls": build_pls_document, "path": build_path_document}.get(study.config.model.type, build_document)


def _stem(study, lang: str) -> str:
    """bab5 / chapter5 for a thesis chapter; lhe-akip-<year> / akip-evaluation-<year> for SAKIP."""
    if getattr(study.config, "kind", None) == "sakip":
        return f"{'lhe-akip' if lang == 'id' else 'akip-evaluation'}-{study.config.study.year}"
    return f"{'bab' if lang == 'id' else 'chapter'}{study.config.study.chapter}"


def validate_study(study_file: Path) -> str:
    """Check file and data; return a short summary (n, constructs, items, hypotheses)."""
    study = load_study(study_file)
    if getattr(study.config, "kind", None) == "sakip":
        from reportgen.analysis_sakip import analyse_sakip

        results = analyse_sakip(study)
        return "\n".join([f"{study.path.name}: valid", f"SAKIP {results.year}: {len(results.units)} units, "
                          f"{len(results.answers)} answers, framework {study.config.framework_name}"])
    data = load_dataset(study)
    config = study.config
    lines = [f"note: {note}" for note in data.notes] + [
        f"{study.path.name}: valid",
        f"data: {study.data_path.name}, {data.n_total} respondents, {data.n_used} usable"
        + (f" ({data.n_excluded} excluded, missing = {config.missing_policy})" if data.n_excluded else ""),
        f"constructs: {len(config.constructs)}, items: {len(config.all_items())}",
    ]
    for name, construct in config.constructs.items():
        lines.append(f"  {name}: {construct.name.get(config.study.language)} ({len(construct.items)} items"
                     + (f", reversed {', '.join(construct.reverse)}" if construct.reverse else "") + ")")
    if config.model.type in ("pls", "path"):
        from reportgen.config import pls_paths

        kind = "PLS-SEM" if config.model.type == "pls" else "path analysis (OLS per equation)"
        lines.append(f"model: {kind}, {len(pls_paths(config))} paths, {config.model.bootstrap} bootstrap resamples")
    if config.model.type == "regression":
        lines.append(f"model: {config.model.dependent} ~ {' + '.join(regression_predictors(config))} (score = {config.model.score})")
    lines.append(f"hypotheses: {', '.join(config.hypotheses) or 'none'}")
    return "\n".join(lines)
