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


def _open_chapter(b: Builder, n_used: int, n_excluded: int) -> tuple[Document, Section]:
    """The document with its chapter heading, and section x.1 opened by the sample sentence."""
    config = b.study.config
    chapter = config.study.chapter
    label = f"{b.labels['chapter']} {ROMAN[chapter] if b.lang == 'id' else chapter}"
    doc = Document(lang=b.lang, chapter_label=label, title=b.labels["chapter_title"], study_title=config.study.title.get(b.lang),
                   author=config.study.author, year=config.study.year, contents_title=b.labels["contents"])
    results_section = Section(b.labels["results"], 2, f"{chapter}.1")
    results_section.blocks += b.say("sample.j2", total=b.i(n_used + n_excluded), n=b.i(n_used), excluded=n_excluded,
                                    excluded_text=b.i(n_excluded), policy=config.missing_policy)
    return doc, results_section


def _next_number(section: Section) -> str:
    return f"{section.number}.{len([s for s in section.blocks if isinstance(s, Section)]) + 1}"


def build_document(study: Study, results: StudyResults, lang: str, figures_dir: Path) -> Document:
    """The whole chapter; figures are drawn into ``figures_dir`` as it is built."""
    b = Builder(study, lang, figures_dir)
    config = study.config
    chapter = config.study.chapter
    doc, results_section = _open_chapter(b, results.n_used, results.n_excluded)
    from reportgen.report.sections.extras import correlation_section, group_section, moderation_section, simple_regression_section

    alpha = config.settings.alpha
    more = results.extras
    makers = [lambda n, make=make: make(b, results, n) for make in (profile_section, descriptives_section, validity_section,
                                                                     reliability_section)]
    makers += [lambda n: correlation_section(b, more, n), lambda n: assumptions_section(b, results, n),
               lambda n: simple_regression_section(b, more, results.hypotheses, alpha, n),
               lambda n: regression_section(b, results, n), lambda n: hypotheses_section(b, results, n),
               lambda n: moderation_section(b, more, results.hypotheses, alpha, n), lambda n: group_section(b, more, alpha, n)]
    return _assemble(b, doc, results_section, makers, lambda: discussion_section(b, results, f"{chapter}.2"))


def build_pls_document(study: Study, results, lang: str, figures_dir: Path) -> Document:
    """The PLS-SEM chapter: profile, descriptives, outer model, inner model, hypotheses, discussion."""
    from reportgen.report.sections.pls import inner_model_section, outer_model_section, pls_discussion_section, pls_hypotheses_section

    b = Builder(study, lang, figures_dir)
    config = study.config
    chapter = config.study.chapter
    view = _descriptive_view(results)
    doc, results_section = _open_chapter(b, results.n_used, results.n_excluded)
    makers = [lambda n: profile_section(b, view, n), lambda n: descriptives_section(b, view, n),
              lambda n: outer_model_section(b, results, n), lambda n: inner_model_section(b, results, n),
              lambda n: pls_hypotheses_section(b, results, n)]
    return _assemble(b, doc, results_section, makers, lambda: pls_discussion_section(b, results, f"{chapter}.2"))


def build_path_document(study: Study, results, lang: str, figures_dir: Path) -> Document:
    """The path-analysis chapter: profile, descriptives, validity, reliability, correlations,
    path regressions and diagram, direct and indirect hypotheses, group differences, discussion."""
    from reportgen.report.sections.extras import correlation_section, group_section
    from reportgen.report.sections.path import path_analysis_section, path_discussion_section, path_hypotheses_section

    b = Builder(study, lang, figures_dir)
    chapter = study.config.study.chapter
    view = _descriptive_view(results)
    doc, results_section = _open_chapter(b, results.n_used, results.n_excluded)
    alpha = study.config.settings.alpha
    makers = [lambda n: profile_section(b, view, n), lambda n: descriptives_section(b, view, n), lambda n: validity_section(b, view, n),
              lambda n: reliability_section(b, view, n), lambda n: correlation_section(b, results.extras, n),
              lambda n: path_analysis_section(b, results, n), lambda n: path_hypotheses_section(b, results, n),
              lambda n: group_section(b, results.extras, alpha, n)]
    return _assemble(b, doc, results_section, makers, lambda: path_discussion_section(b, results, f"{chapter}.2"))


def _descriptive_view(results):
    """The descriptive part of a PLS or path study, shaped as the shared sections read it."""
    from types import SimpleNamespace

    d = results.described
    return SimpleNamespace(n_used=results.n_used, n_excluded=results.n_excluded, profile=d.profile, index_range=d.index_range,
                           constructs=d.constructs, r_table=d.r_table, dropped=d.dropped)


def _assemble(b: Builder, doc: Document, results_section: Section, makers, discussion) -> Document:
    """Add the numbered result sections (then the qualitative themes) and the discussion."""
    for make in makers:
        section = make(_next_number(results_section))
        if section is not None:
            results_section.add(section)
    if b.study.config.qualitative:
        results_section.add(_qualitative(b, _next_number(results_section)))
    doc.sections.append(results_section)
    doc.sections.append(discussion())
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
