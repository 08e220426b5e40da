"""Section x.3, Keterbatasan Penelitian: what the study cannot claim, from its own design, sample
and results (:mod:`reportgen.interpret.limitations`), then the author's own limitations."""

from __future__ import annotations

from reportgen.interpret.limitations import HARMAN_SHARE, MEDIUM_F2, POWER, SMALL_F2, Limitations, study_limitations
from reportgen.report.builder import Builder
from reportgen.report.document import Paragraph, Section


def limitations_section(b: Builder, lim: Limitations, number: str) -> Section:
    """One paragraph per limitation that applies, in the order of the rules."""
    section = b.section(b.labels["limitations"], 2, number)
    power = lim.power
    section.blocks += b.say("limitations.j2",
                            power=None if power is None else {
                                "n": b.i(power.n), "k": power.k, "small": b.f(power.small, 2), "medium": b.f(power.medium, 2),
                                "detectable": b.f(power.detectable), "adequate": power.verdict.passed,
                                "f2_small": b.f(SMALL_F2, 2), "f2_medium": b.f(MEDIUM_F2, 2), "level": b.g(100 * POWER) + "%"},
                            harman=None if lim.harman is None else {
                                "share": b.pct(100 * lim.harman.share), "count": b.i(lim.harman.items),
                                "single": lim.common_method.passed is False, "bound": b.g(100 * HARMAN_SHARE) + "%"},
                            assumptions=list(lim.assumptions), unreliable=list(lim.unreliable), invalid=list(lim.invalid_kept),
                            single=list(lim.single_items), caveats=list(lim.caveats), secondary=lim.secondary,
                            narrow=[b.name(c) for c in lim.narrow], range_table=f"{b.labels['table']} {b.numbers.get('score_range', '')}",
                            setting=lim.setting)
    section.blocks += [Paragraph(text) for text in lim.own]
    return section


def limitations_of(b: Builder, described, k: int, **results) -> Limitations:
    """The limitations of the study ``b`` writes about: its sample and constructs (``described``),
    ``k`` predictors in its largest equation, and what the design adds (``results``: the keywords of
    :func:`~reportgen.interpret.limitations.study_limitations`)."""
    config = b.study.config
    return study_limitations(described, k, config.settings.alpha, secondary=config.data.source.type == "secondary",
                             own=tuple(t.get(b.lang) for t in config.study.limitations),
                             dropped=config.settings.drop_invalid, setting=config.study.object_in(b.lang), **results)
