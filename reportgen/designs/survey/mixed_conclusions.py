"""What BAB VI concludes from the qualitative strand of a mixed-methods study, after the
conclusion of each hypothesis (:func:`reportgen.designs.survey.conclusions.conclusions_chapter`
calls :func:`mixed_conclusions`):

1. the conclusion of the qualitative strand: how many themes the interviews gave and, where the
   study sorts its themes by a framework (``qualitative.framework``), which of its categories
   the informants' accounts show, each with the number of informants who raised a theme of it
   (the framework's works cited), which none raised, and the themes outside the categories;
2. the meta-inferences (Fetters et al., 2013; decided in :mod:`reportgen.interpret.mixed`): for
   each hypothesis, what the themes say of its decision and what the combination adds —
   a confirmation rests the conclusion on both kinds of data, an expansion adds context the
   questionnaire did not measure, a discordance leaves the conclusion to further research; a
   hypothesis no theme speaks to rests on the quantitative phase alone.

Categories and themes are listed by the number of informants who raised them, most first (the
codebook's order on a tie).
"""

from __future__ import annotations

from reportgen.designs.survey.qualitative import framework_citation, framework_name, mid_sentence
from reportgen.report.builder import Builder
from reportgen.report.document import Paragraph

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def mixed_conclusions(b: Builder, mixed, first: int, obj: str | None = None) -> list[Paragraph]:
    """The conclusions numbered ``first`` (the qualitative strand) and ``first + 1`` (the
    meta-inferences, one lettered paragraph per hypothesis) of BAB VI; ``obj``: the research
    object as the sentences name it."""
    out = strand_conclusion(b, mixed, first, obj)
    table = b.numbers.get("joint_display", "")
    out += b.say("conclusion_meta_intro.j2", n=first + 1, table=f"{b.labels['table']} {table}")
    for k, row in enumerate(mixed.joint):
        out += meta_conclusion(b, mixed, row, LETTERS[k % 26])
    return out


def _by_prevalence(items: list[tuple[int, int, dict]]) -> list[dict]:
    """(informants, codebook position, entry) → the entries, most informants first."""
    return [entry for _, _, entry in sorted(items, key=lambda x: (-x[0], x[1]))]


def strand_conclusion(b: Builder, mixed, n: int, obj: str | None) -> list[Paragraph]:
    """Conclusion ``n``: the themes of the interviews read by the study's framework."""
    position = {t.key: i for i, t in enumerate(mixed.themes)}
    raised, absent = [], []
    for name, themes in mixed.categories(b.lang).items():
        people = {p for t in themes for p in t.count.informants}
        entry = {"name": mid_sentence(name), "themes": [t.name(b.lang) for t in themes], "k": b.integer(len(people))}
        if people:
            raised.append((len(people), position[themes[0].key], entry))
        else:
            absent.append(entry["name"])
    outside = _by_prevalence(
        [
            (len(t.count.informants), position[t.key], {"name": t.name(b.lang), "k": b.integer(len(t.count.informants))})
            for t in mixed.themes
            if t.category is None and t.count.informants
        ]
    )
    explained = [row.effect for row in mixed.joint for key, _, _ in row.themes if mixed.theme(key).category is not None]
    subject = list(dict.fromkeys(b.name(e.target) for e in explained if e.target in b.study.config.constructs))
    return b.say(
        "conclusion_qualitative.j2",
        n=n,
        informants=b.integer(len(mixed.corpus.informants)),
        themes=b.integer(len(mixed.themes)),
        categories=_by_prevalence(raised),
        absent=absent,
        outside=outside,
        every=not absent,
        framework=framework_name(b, mixed),
        citation=framework_citation(b, mixed),
        subject=subject,
        object=obj,
    )


def meta_conclusion(b: Builder, mixed, row, letter: str) -> list[Paragraph]:
    """The meta-inference of one hypothesis (``row`` of the joint display) and what it adds."""
    e = row.effect
    code = e.hypothesis
    claims = [(f"hypothesis:{code}", e.decision.outcome)] + ([(f"meta:{code}", row.verdict.outcome)] if row.verdict else [])

    def themes(stance: str) -> list[dict]:
        return [
            {"name": mixed.theme(k).name(b.lang), "k": b.integer(len(mixed.theme(k).count.informants))} for k, st, _ in row.themes if st == stance
        ]

    against = {p for k, _, fit in row.themes if fit.outcome == "discordant" for p in mixed.theme(k).count.informants}
    return b.say(
        "conclusion_meta.j2",
        claims=claims,
        letter=letter,
        h=code,
        supported=e.decision.supported,
        meta=row.verdict.outcome if row.verdict else None,
        supports=themes("supports"),
        contradicts=themes("contradicts"),
        context=themes("context"),
        against=b.integer(len(against)),
        n=b.integer(len(mixed.corpus.informants)),
    )
