"""Build the chapter document from the study and its results, in the reference thesis's order."""

from __future__ import annotations

from pathlib import Path

from reportgen.analysis import StudyResults
from reportgen.config import Study
from reportgen.report.builder import Builder
from reportgen.report.document import Document, Paragraph, Section
from reportgen.report.sections.assumptions import assumptions_section
from reportgen.report.sections.descriptives import descriptives_section
from reportgen.report.sections.hypotheses import discussion_section, hypotheses_section, regression_section
from reportgen.report.sections.measurement import reliability_section, validity_section
from reportgen.report.sections.profile import profile_section

ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"]


def build_document(study: Study, results: StudyResults, lang: str, figures_dir: Path) -> Document:
    """The whole chapter; figures are drawn into ``figures_dir`` as it is built."""
    b = Builder(study, lang, figures_dir)
    config = study.config
    chapter = config.study.chapter
    label = f"{b.labels['chapter']} {ROMAN[chapter] if lang == 'id' else chapter}"
    doc = Document(lang=lang, chapter_label=label, title=b.labels["chapter_title"], study_title=config.study.title.get(lang),
                   author=config.study.author, year=config.study.year, contents_title=b.labels["contents"])
    results_section = Section(b.labels["results"], 2, f"{chapter}.1")
    results_section.blocks += b.say("sample.j2", total=b.i(results.n_used + results.n_excluded), n=b.i(results.n_used),
                                    excluded=results.n_excluded, excluded_text=b.i(results.n_excluded),
                                    policy=config.missing_policy)
    parts = [profile_section, descriptives_section, validity_section, reliability_section, assumptions_section,
             regression_section, hypotheses_section]
    for make in parts:
        section = make(b, results, f"{chapter}.1.{len([s for s in results_section.blocks if isinstance(s, Section)]) + 1}")
        if section is not None:
            results_section.add(section)
    if config.qualitative:
        results_section.add(_qualitative(b, f"{chapter}.1.{len([s for s in results_section.blocks if isinstance(s, Section)]) + 1}"))
    doc.sections.append(results_section)
    doc.sections.append(discussion_section(b, results, f"{chapter}.2"))
    return doc


def build_pls_document(study: Study, results, lang: str, figures_dir: Path) -> Document:
    """The PLS-SEM chapter: profile, descriptives, outer model, inner model, hypotheses, discussion."""
    from types import SimpleNamespace

    from reportgen.report.sections.pls import inner_model_section, outer_model_section, pls_discussion_section, pls_hypotheses_section

    b = Builder(study, lang, figures_dir)
    config = study.config
    chapter = config.study.chapter
    label = f"{b.labels['chapter']} {ROMAN[chapter] if lang == 'id' else chapter}"
    doc = Document(lang=lang, chapter_label=label, title=b.labels["chapter_title"], study_title=config.study.title.get(lang),
                   author=config.study.author, year=config.study.year, contents_title=b.labels["contents"])
    described = results.described
    view = SimpleNamespace(n_used=results.n_used, n_excluded=results.n_excluded, profile=described.profile,
                           index_range=described.index_range, constructs=described.constructs)
    results_section = Section(b.labels["results"], 2, f"{chapter}.1")
    results_section.blocks += b.say("sample.j2", total=b.i(results.n_used + results.n_excluded), n=b.i(results.n_used),
                                    excluded=results.n_excluded, excluded_text=b.i(results.n_excluded), policy=config.missing_policy)
    parts = [lambda n: profile_section(b, view, n), lambda n: descriptives_section(b, view, n),
             lambda n: outer_model_section(b, results, n), lambda n: inner_model_section(b, results, n),
             lambda n: pls_hypotheses_section(b, results, n)]
    for make in parts:
        section = make(f"{chapter}.1.{len([s for s in results_section.blocks if isinstance(s, Section)]) + 1}")
        if section is not None:
            results_section.add(section)
    if config.qualitative:
        results_section.add(_qualitative(b, f"{chapter}.1.{len([s for s in results_section.blocks if isinstance(s, Section)]) + 1}"))
    doc.sections.append(results_section)
    doc.sections.append(pls_discussion_section(b, results, f"{chapter}.2"))
    return doc


def _qualitative(b: Builder, number: str) -> Section:
    """Themes of the qualitative phase, each with its description and quotes."""
    section = Section(b.labels["qualitative"], 3, number)
    for k, theme in enumerate(b.study.config.qualitative):
        sub = Section(theme.theme.get(b.lang), 4, f"{'abcdefghijklmnopqrstuvwxyz'[k % 26]}.")
        if theme.description is not None:
            sub.add(Paragraph(theme.description.get(b.lang)))
        for quote in theme.quotes:
            sub.add(Paragraph(f"“{quote}”", style="quote"))
        section.add(sub)
    return section
