"""Section x.3, Keterbatasan Penelitian: what the study cannot claim, from its own design, sample
and results (:mod:`reportgen.interpret.limitations`), then the author's own limitations."""

from __future__ import annotations

from reportgen.interpret.limitations import HARMAN_SHARE, KOCK_VIF, MEDIUM_F2, POWER, SMALL_F2, InterviewReach, Limitations, study_limitations
from reportgen.report.builder import Builder
from reportgen.report.document import Paragraph, Section
from reportgen.stats.common_method import full_collinearity


def limitations_section(b: Builder, lim: Limitations, number: str) -> Section:
    """One paragraph per limitation that applies, in the order of the rules."""
    section = b.section(b.labels["limitations"], 2, number)
    power = lim.power
    interviews = None
    if lim.interviews is not None:
        mixed = b.mixed
        assert mixed is not None  # interviews reach only as far as a mixed-methods study's qualitative strand
        interviews = {"count": lim.interviews.informants, "single": [mixed.theme(k).name(b.lang) for k in lim.interviews.single_voice]}
    section.blocks += b.say(
        "limitations.j2",
        power=None
        if power is None
        else {
            "n": b.integer(power.n),
            "k": power.k,
            "small": _power(b, power.small),
            "medium": _power(b, power.medium),
            "largest": power.equations > 1,
            "detectable": b.decimal(power.detectable),
            "adequate": power.verdict.passed,
            "f2_small": b.decimal(SMALL_F2, 2),
            "f2_medium": b.decimal(MEDIUM_F2, 2),
            "level": b.trimmed(100 * POWER) + "%",
        },
        harman=None
        if lim.harman is None
        else {
            "share": b.pct(100 * lim.harman.share),
            "count": b.integer(lim.harman.items),
            "single": lim.common_method.passed is False,
            "bound": b.trimmed(100 * HARMAN_SHARE) + "%",
        },
        kock=None
        if lim.full_collinearity is None or lim.collinearity is None
        else {
            "name": b.name(lim.full_collinearity.highest[0]),
            "vif": b.decimal(lim.full_collinearity.highest[1]),
            "high": lim.collinearity.passed is False,
            "bound": b.decimal(KOCK_VIF, 1),
            "many": len(lim.full_collinearity.vifs) > 2,
        },
        assumptions=list(lim.assumptions),
        unreliable=list(lim.unreliable),
        invalid=list(lim.invalid_kept),
        single=list(lim.single_items),
        caveats=list(lim.caveats),
        secondary=lim.secondary,
        narrow=[{"name": b.name(c), "kinds": [b.labels["narrow_kinds"][k] for k in kinds]} for c, kinds in lim.narrow.items()],
        range_table=f"{b.labels['table']} {b.numbers.get('score_range', '')}",
        setting=lim.setting,
        interviews=interviews,
        hypothesised=bool(b.study.config.hypotheses),
    )
    section.blocks += [Paragraph(text) for text in lim.own]
    return section


def _power(b: Builder, power: float) -> str:
    """A power to two decimals; one that rounds to 1 is "> 0,99" (a test never detects an effect for certain)."""
    return b.bounded(power, 2) if round(power, 2) < 1 else "> " + b.bounded(0.99, 2)


def limitations_of(study, lang: str, described, k: int, mixed=None, **results) -> Limitations:
    """The limitations of ``study`` written in ``lang``: its sample and constructs (``described``),
    ``k`` predictors in its largest equation, and what the design adds (``results``: the keywords of
    :func:`~reportgen.interpret.limitations.study_limitations`); ``mixed``: a mixed-methods study's
    :class:`~reportgen.qualitative.study.MixedResults`, whose informants bound its interviews' reach."""
    config = study.config
    interviews = (
        None if mixed is None else InterviewReach(len(mixed.corpus.informants), tuple(t.key for t in mixed.themes if len(t.count.informants) == 1))
    )
    return study_limitations(
        described,
        k,
        config.settings.alpha,
        secondary=config.data.source.type == "secondary",
        interviews=interviews,
        own=tuple(t.get(lang) for t in config.study.limitations),
        dropped=config.settings.drop_invalid,
        setting=config.study.object_in(lang),
        **results,
    )


def regression_limitations(study, lang: str, results) -> Limitations:
    """A regression study's: the largest equation is the model's (three terms for a moderation)."""
    k = max(len(results.regression.predictors), 3 if results.extras.moderation else 0)
    return limitations_of(
        study,
        lang,
        results.described,
        k,
        assumptions=results.assumptions,
        uses_hc3=results.uses_hc3,
        ranges=results.explained.range_verdicts,
        mixed=results.mixed,
    )


def path_limitations(study, lang: str, results) -> Limitations:
    fits = results.model.regressions.values()
    return limitations_of(
        study,
        lang,
        results.described,
        max(len(fit.predictors) for fit in fits),
        ranges=results.explained.range_verdicts,
        equations=len(fits),
        mixed=results.mixed,
    )


def pls_limitations(study, lang: str, results) -> Limitations:
    """A PLS study's: k is the most predecessors of an endogenous construct; its measurement
    shortcomings are the hypotheses' caveats (loadings and rho, not r and alpha)."""
    spec = results.model.spec
    k = max(sum(1 for _, target in spec.paths if target == spec.constructs[j]) for j in spec.endogenous)
    parts = {d.construct for d in spec.dimensions}  # by repeated indicators a part of its higher-order construct: no test of the whole on its parts
    measured = [j for j, c in enumerate(spec.constructs) if c not in spec.controls + spec.interactions and c not in parts]
    return limitations_of(
        study,
        lang,
        results.described,
        k,
        caveats={name: h.caveat for name, h in results.hypotheses.items()},
        item_statistics=False,
        equations=len(spec.endogenous),
        mixed=results.mixed,
        full_collinearity=full_collinearity(results.model.scores[:, measured], [spec.constructs[j] for j in measured]),
    )


def cbsem_limitations(study, lang: str, results) -> Limitations:
    """A CB-SEM study's: k is the most predecessors of an endogenous latent variable; its
    measurement is read from loadings, AVE and CR, not item–total r and alpha."""
    paths = results.sem.paths
    k = max((sum(1 for _, t in paths if t == target) for target in results.sem.r2), default=0)  # 0: a CFA on its own
    return limitations_of(study, lang, results.described, k, item_statistics=False, equations=len(results.sem.r2), mixed=results.mixed)


BY_DESIGN = {"regression": regression_limitations, "path": path_limitations, "pls": pls_limitations, "cbsem": cbsem_limitations}
