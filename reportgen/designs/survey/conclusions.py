"""The conclusions chapter (BAB VI, on request with ``study.chapters: [5, 6]``): Kesimpulan (one
per hypothesis), Implikasi and Saran, written from :class:`reportgen.interpret.conclusions.Conclusions`."""

from __future__ import annotations

from reportgen.interpret.conclusions import Conclusions
from reportgen.report.builder import Builder
from reportgen.report.document import Section


def conclusions_chapter(b: Builder, c: Conclusions, number: int, results_chapter: int) -> Section:
    config = b.study.config
    obj = config.study.object_in(b.lang)
    chapter = Section(b.labels["conclusions_title"], 1, b.chapter_label(number))

    section = b.section(b.labels["conclusions"], 2, f"{number}.1")
    section.blocks += b.say("conclusions_intro.j2", chapter=b.chapter_label(results_chapter))
    for n, e in enumerate(c.effects, start=1):
        caveat = c.caveats.get(e.hypothesis)  # PLS: what the measurement model leaves in doubt about its constructs
        section.blocks += b.say("conclusion.j2", claims=[(f"hypothesis:{e.hypothesis}", e.decision.outcome), *(caveat.claims if caveat else ())],
                                caveat=caveat.as_context() if caveat else None, n=n, kind=e.kind,
                                h=e.hypothesis, names=[b.name(x) for x in e.chain], supported=e.decision.supported,
                                reason=e.decision.reason, sign=e.decision.sign, strengthens=e.estimate >= 0, object=obj)
    chapter.add(section)

    section = b.section(b.labels["implications"], 2, f"{number}.2")
    table = b.numbers.get("discussion.effects", "")
    strongest = [{"source": b.name(e.source), "target": b.name(e.target), "estimate": b.f(e.estimate),
                  "table": f"{b.labels['table']} {table}"} for e in c.strongest.values()]
    section.blocks += b.say("implications.j2", refs=("discussion.effects",),
                            accepted=[e.hypothesis for e in c.effects if e.decision.supported],
                            rejected=[e.hypothesis for e in c.unsupported], strongest=strongest, object=obj)
    chapter.add(section)

    section = b.section(b.labels["suggestions"], 2, f"{number}.3")
    levers = [{"name": b.name(lever.construct), "item": lever.item, "index": b.f(lever.index, 2),
               "text": config.constructs[lever.construct].item_text(lever.item, b.lang)} for lever in c.levers]
    section.blocks += b.say("suggestions_practice.j2", refs=tuple(f"index.{lever.construct}" for lever in c.levers), levers=levers, object=obj)
    unsupported = [f"{e.hypothesis}: {' → '.join(b.name(x) for x in e.chain)}" for e in c.unsupported]
    unexplained = [b.label("unexplained_share", share=b.pct(100 * share), target=b.name(t)) for t, share in c.unexplained.items() if share > 0]
    section.blocks += b.say("suggestions_research.j2", unsupported=unsupported, unexplained=unexplained)
    chapter.add(section)
    return chapter
