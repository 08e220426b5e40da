"""The conclusions chapter (BAB VI, on request with ``study.chapters: [5, 6]``): Kesimpulan (one
per hypothesis), Implikasi (theoretical; practical, with the importance–performance table of each
dependent construct and what the supported mediations and moderations mean) and Saran, written
from :class:`reportgen.interpret.conclusions.Conclusions`."""

from __future__ import annotations

from reportgen.designs.survey.discussion import moderator_levels
from reportgen.interpret.conclusions import INTERVAL_CITATION, IPA_CITATION, Conclusions, Standing
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Section


def conclusions_chapter(b: Builder, c: Conclusions, number: int, results_chapter: int) -> Section:
    config = b.study.config
    obj = config.study.object_in(b.lang)
    chapter = Section(b.labels["conclusions_title"], 1, b.chapter_label(number))
    b.begin_chapter(number)  # Tabel 6.1, not Tabel 5.34

    section = b.section(b.labels["conclusions"], 2, f"{number}.1")
    section.blocks += b.say("conclusions_intro.j2", chapter=b.chapter_label(results_chapter))
    section.blocks += _provisional(b, c, results_chapter)
    for n, e in enumerate(c.effects, start=1):
        section.blocks += b.say(
            "conclusion.j2",
            claims=[(f"hypothesis:{e.hypothesis}", e.decision.outcome)],
            caveat=None,
            n=n,
            kind=e.kind,
            h=e.hypothesis,
            names=[b.name(x) for x in e.chain],
            supported=e.decision.supported,
            reason=e.decision.reason,
            sign=e.decision.sign,
            strengthens=e.estimate >= 0,
            levels=moderator_levels(b, e),
            object=obj,
        )
    if b.mixed is not None:  # a mixed-methods study: the qualitative strand and the meta-inferences
        from reportgen.designs.survey.mixed_conclusions import mixed_conclusions

        section.blocks += mixed_conclusions(b, b.mixed, len(c.effects) + 1, obj)
    chapter.add(section)

    section = b.section(b.labels["implications"], 2, f"{number}.2")
    theory = b.section(b.labels["implications_theory"], 3, f"{number}.2.1")
    accepted = [e.hypothesis for e in c.effects if e.decision.supported]
    provisional = [h for h in accepted if c.caveats.get(h) is not None and c.caveats[h].as_context() is not None]
    where = {e.hypothesis: f"{results_chapter}.2.{k}" for k, e in enumerate(c.effects, start=1)}  # its discussion
    theory.blocks += b.say(
        "implications.j2",
        accepted=[_grounded(b, e, where) for e in c.effects if e.decision.supported],
        rejected=[_grounded(b, e, where) for e in c.unsupported],
        object=obj,
        framework=_framework(b),
        provisional=provisional,
        conclusions=f"{number}.1",
    )
    section.add(theory)
    practice = b.section(b.labels["implications_practice"], 3, f"{number}.2.2")
    for target, rows in c.standings.items():
        priorities = c.priorities(target)
        mean_i, mean_p = c.crosshairs_of(target)
        table = _standings_table(b, target, rows, mean_i, mean_p, c.ipma)
        figure = _standings_map(b, target, rows, mean_i, mean_p)
        practice.blocks += b.say(
            "importance_performance.j2",
            figure=b.ref(figure),
            ipma=c.ipma,
            refs=(table.key,),
            table=b.ref(table),
            target=b.name(target),
            citation=IPA_CITATION,
            object=obj,
            priorities=[
                {"name": b.name(p.construct), "importance": b.decimal(p.importance), "performance": b.decimal(p.performance, 2), **_interval(b, p)}
                for p in priorities
            ],
            near=[{"name": b.name(r.construct), **_interval(b, r)} for r in rows if r.quadrant.outcome == "important_average"],
            interval_citation=INTERVAL_CITATION,
            concentrate=[b.name(r.construct) for r in rows if r.quadrant.outcome == "concentrate_here" and r not in priorities],
            mean_importance=b.decimal(mean_i),
            mean_performance=b.decimal(mean_p, 2),
            low_performance=b.decimal(min(r.performance for r in rows), 2),
            high_performance=b.decimal(max(r.performance for r in rows), 2),
        )
        practice.add(table)
        practice.add(figure)
    mediated = [
        {"source": b.name(e.source), "through": [b.name(x) for x in e.chain[1:-1]], "target": b.name(e.target), "kind": e.mediation}
        for e in c.effects
        if e.kind == "indirect" and e.decision.supported
    ]
    moderated = [
        {
            "source": b.name(e.chain[0]),
            "moderator": b.name(e.chain[1]),
            "target": b.name(e.chain[-1]),
            "strengthens": e.estimate >= 0,
            "levels": moderator_levels(b, e),
        }
        for e in c.effects
        if e.kind == "moderation" and e.decision.supported
    ]
    if mediated or moderated:
        practice.blocks += b.say("implications_paths.j2", mediated=mediated, moderated=moderated)
    if practice.blocks:
        section.add(practice)
    chapter.add(section)

    section = b.section(b.labels["suggestions"], 2, f"{number}.3")
    levers = [
        {
            "name": b.name(lever.construct),
            "item": lever.item,
            "index": b.decimal(lever.index, 2),
            "text": config.constructs[lever.construct].item_text(lever.item, b.lang),
        }
        for lever in c.levers
    ]
    priority_drivers = [
        {"name": b.name(p.construct), "drivers": [b.name(x) for x in c.drivers.get(p.construct, ())]}
        for target in c.standings
        for p in c.priorities(target)
    ]
    strongest = [
        {"name": b.name(e.source), "target": b.name(e.target), "beta": b.decimal(e.estimate)} for e in c.strongest.values() if e.estimate > 0
    ]
    section.blocks += b.say(
        "suggestions_practice.j2",
        refs=tuple(f"index.{lever.construct}" for lever in c.levers),
        levers=levers,
        priorities=priority_drivers,
        strongest=strongest,
        read=bool(c.standings),
        mediated=mediated,
        moderated=moderated,
        object=obj,
    )
    unsupported = [f"{e.hypothesis}: {_named_path(b, e)}" for e in c.unsupported]
    unexplained = [b.label("unexplained_share", share=b.pct(100 * share), target=b.name(t)) for t, share in c.unexplained.items() if share > 0]
    discordant = [
        row.effect.hypothesis
        for row in (b.mixed.joint if b.mixed is not None else ())
        if row.verdict is not None and row.verdict.outcome == "discordant"
    ]
    section.blocks += b.say(
        "suggestions_research.j2",
        claims=[(f"meta:{h}", "discordant") for h in discordant],
        unsupported=unsupported,
        unexplained=unexplained,
        discordant=discordant,
    )
    chapter.add(section)
    return chapter


def _grounded(b: Builder, e, where: dict[str, str]) -> dict:
    """A hypothesis as the theoretical implications name it: its relation (kind and the names of
    its chain), whether the study file grounds it in a theory (``hypotheses.H.theory``: its
    citation; the text itself stands in the discussion, ``where``, and is not repeated)."""
    theory = b.study.config.hypotheses[e.hypothesis].theory
    return {
        "h": e.hypothesis,
        "kind": e.kind,
        "names": [b.name(x) for x in e.chain],
        "theory": theory is not None,
        "cite": b.cite_works(theory.cite) if theory and theory.cite else None,
        "section": where[e.hypothesis],
    }


def _framework(b: Builder) -> dict | None:
    """A mixed-methods study's framework as the theoretical implications name it (its name and
    citation, as the qualitative section writes them), or None."""
    from reportgen.designs.survey.qualitative import framework_citation, framework_name

    name = framework_name(b, b.mixed) if b.mixed is not None else None
    return None if name is None else {"name": name, "cite": framework_citation(b, b.mixed)}


def _provisional(b: Builder, c: Conclusions, results_chapter: int) -> list:
    """PLS: one paragraph before the conclusions naming the provisional ones and every criterion
    their paths miss, instead of the list again under each conclusion."""
    flagged = {h: caveat for h, caveat in c.caveats.items() if caveat is not None and caveat.as_context() is not None}
    if not flagged:
        return []
    union: dict[str, list] = {"htmt": [], "low_ave": [], "unreliable": [], "redundant": []}
    for caveat in flagged.values():
        for key, values in caveat.as_context(b.name).items():
            union[key] += [v for v in values if v not in union[key]]
    claims = list(dict.fromkeys(claim for caveat in flagged.values() for claim in caveat.claims))
    return b.say("pls_caveat.j2", claims=claims, caveat=union, flagged=list(flagged), total=len(c.effects), chapter=b.chapter_label(results_chapter))


def _standings_table(b: Builder, target: str, rows: tuple[Standing, ...], mean_importance: float, mean_performance: float, ipma: bool = False):
    """Predictor | importance (total effect) | performance (0–100) | quadrant, for one dependent
    construct, and the means that divide the quadrants as its last row."""
    body = [
        [
            s(f"{b.name(r.construct)} ({r.construct})"),
            d(b.decimal(r.importance)),
            d(b.decimal(r.performance, 2)),
            d(b.label("interval_cell", **_interval(b, r)) if r.interval else "–"),
            b.verdict(f"quadrant:{target}:{r.construct}", r.quadrant.outcome, "quadrants"),
        ]
        for r in rows
    ]
    body.append([s(b.labels["importance_mean_row"]), d(b.decimal(mean_importance)), d(b.decimal(mean_performance, 2)), d("–"), d("–")])
    return b.table(
        f"importance.{target}",
        b.label("importance_title", target=b.name(target)),
        [
            [
                h(b.col("variable")),
                h(b.labels["importance_col"]),
                h(b.labels["performance_col"]),
                h(b.labels["performance_interval_col"]),
                h(b.col("description")),
            ]
        ],
        body,
        notes=(b.label("importance_note_ipma" if ipma else "importance_note", citation=IPA_CITATION, interval_citation=INTERVAL_CITATION),),
        widths=(3.5, 1.3, 1.0, 1.5, 2.7),
    )


def _standings_map(b: Builder, target: str, rows: tuple[Standing, ...], mean_importance: float, mean_performance: float):
    """The importance–performance map of the table beside it: each predecessor by its code."""
    return b.figure(
        f"importance_map.{target}",
        b.label("importance_map_title", target=b.name(target)),
        "importance_map",
        {
            "points": [(r.construct, r.importance, r.performance) for r in rows],
            "crosshairs": (mean_importance, mean_performance),
            "xlabel": b.labels["importance_col"],
            "ylabel": b.labels["performance_col"],
        },
        width=0.7,
        name=target,
    )


def _interval(b: Builder, r: Standing) -> dict:
    """The 95% interval of a standing's performance as the text and the table write it: two
    decimals, as the performance and the crosshair, so that a bound and the mean never look equal."""
    return {"low": b.decimal(r.interval[0], 2), "high": b.decimal(r.interval[1], 2)} if r.interval else {"low": "", "high": ""}


def _named_path(b: Builder, e) -> str:
    """An effect's path by name: 'X → M → Y', 'X × Z → Y' for a moderation, 'X1, X2 → Y' for a joint test."""
    names = [b.name(x) for x in e.chain]
    if e.kind == "moderation":
        return f"{names[0]} × {names[1]} → {names[2]}"
    if e.kind == "simultaneous":
        return f"{', '.join(names[:-1])} → {names[-1]}"
    return " → ".join(names)
