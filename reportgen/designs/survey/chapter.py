"""The frame of every questionnaire chapter: the chapter heading (with ``study.note`` under it),
section x.1 opened by the sample sentence, the numbered result sections a design makes, the
qualitative themes, and the discussion as section x.2."""

from __future__ import annotations

from collections.abc import Callable

from reportgen.designs.survey.conclusions import conclusions_chapter
from reportgen.interpret.conclusions import Conclusions
from reportgen.report.builder import Builder
from reportgen.report.document import Document, Paragraph, Section

Maker = Callable[[str], Section | None]  # number of the section → the section, or None when there is nothing to show


def chapter(
    b: Builder,
    n_used: int,
    n_excluded: int,
    makers: list[Maker],
    discussion: Callable[[str], Section],
    conclusions: Conclusions | None = None,
    described=None,
    limitations=None,
    closing: Callable[[str], Section] | None = None,
) -> Document:
    """The whole chapter: x.1 with the sections of ``makers`` (numbered in turn), then x.2; the
    conclusions chapter after it when the study asks for one; the works cited at the end.
    ``described`` (the :class:`~reportgen.designs.survey.analysis.Description`) tells the sample
    sentence how many blank answers were filled and which constructs outside the model kept
    respondents with blanks; ``limitations`` (:class:`~reportgen.interpret.limitations.Limitations`)
    become section x.3, or ``closing`` makes it (a design whose limitations are its own)."""
    doc, results_section = _open_chapter(b, n_used, n_excluded, described)
    doc = _assemble(b, doc, results_section, makers, lambda: discussion(f"{b.study.config.study.chapter}.2"))
    if limitations is not None:
        from reportgen.designs.survey.limitations import limitations_section

        doc.sections.append(limitations_section(b, limitations, f"{b.study.config.study.chapter}.3"))
    elif closing is not None:
        doc.sections.append(closing(f"{b.study.config.study.chapter}.3"))
    info = b.study.config.study
    if conclusions is not None and info.conclusions_chapter:
        doc.sections.append(conclusions_chapter(b, conclusions, info.conclusions_chapter, info.chapter))
    references = reference_section(b, doc)
    if references is not None:
        doc.sections.append(references)
    return doc


def _open_chapter(b: Builder, n_used: int, n_excluded: int, described=None) -> tuple[Document, Section]:
    """The document with its chapter heading, and section x.1 opened by the sample sentence."""
    config = b.study.config
    chapter = config.study.chapter
    label = b.chapter_label(chapter)
    doc = Document(
        lang=b.lang,
        chapter_label=label,
        title=b.labels["chapter_title"],
        study_title=config.study.title.get(b.lang),
        author=config.study.author,
        year=config.study.year,
        contents_title=b.labels["contents"],
        first_page=config.study.first_page,
    )
    if config.study.note is not None:
        doc.preface.append(Paragraph(config.study.note.get(b.lang), style="note"))
    results_section = Section(b.labels["results"], 2, f"{chapter}.1")
    imputed, answers = (described.imputed, described.answers) if described is not None else (0, 0)
    partial = [
        {"code": c, "name": b.name(c), "n": b.integer(r.n_complete), "left": b.integer(n_used - r.n_complete)}
        for c, r in (described.constructs.items() if described is not None else ())
        if r.n_complete < n_used
    ]
    results_section.blocks += b.say(
        "sample.j2",
        total=b.integer(n_used + n_excluded),
        n=b.integer(n_used),
        excluded=n_excluded,
        excluded_text=b.integer(n_excluded),
        policy=config.missing_policy,
        imputed=b.integer(imputed),
        filled=imputed > 0,
        share=b.pct(100 * imputed / answers) if answers else "",
        partial=partial,
    )
    return doc, results_section


def _next_number(section: Section) -> str:
    return f"{section.number}.{len([s for s in section.blocks if isinstance(s, Section)]) + 1}"


def _assemble(b: Builder, doc: Document, results_section: Section, makers, discussion) -> Document:
    """Add the numbered result sections (the research object first, when the study describes it;
    then the qualitative strand: the themes typed into the study file, or the analysed corpus and
    its integration with the hypotheses) and the discussion."""
    described = b.study.config.study.object_description
    if described is not None:
        section = Section(b.labels["object_description"], 3, _next_number(results_section))
        text = described.get(b.lang)
        parts = text.split("\n\n") if "\n\n" in text else text.split("\n")  # '|' keeps blank lines; '>' folds one into a line break
        section.blocks += [Paragraph(" ".join(part.split())) for part in parts if part.strip()]
        results_section.add(section)
    for make in makers:
        section = make(_next_number(results_section))
        if section is not None:
            results_section.add(section)
    if b.mixed is not None:
        from reportgen.designs.survey.qualitative import integration_section, qualitative_section

        results_section.add(qualitative_section(b, b.mixed, _next_number(results_section)))
        results_section.add(integration_section(b, b.mixed, _next_number(results_section)))
    elif b.study.config.qualitative:
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


def reference_section(b: Builder, doc: Document) -> Section | None:
    """Every work the chapter ``doc`` cites, in APA 7 order: the works of the study's literature
    its hypotheses cite (``b.cited``) and every work whose citation the text and tables print
    (the methods' built-in works, :mod:`reportgen.literature.cited`); None when it cites none."""
    from reportgen.literature.cited import cited_works

    literature, keys = cited_works(doc.reader_texts(), b.literature, b.cited, b.lang)
    if not keys:
        return None
    section = Section(b.labels["references"], 2)
    for runs in literature.reference_list(keys, b.lang):
        section.add(Paragraph.of_runs(runs, style="reference"))
    return section
