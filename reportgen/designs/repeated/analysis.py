"""Run a repeated-measures study: the same respondents measured two or more times, their scores
compared by the test the study chose (paired t / Wilcoxon, repeated-measures ANOVA / Friedman),
every pair of measurements with Holm's adjustment, and the hypotheses decided
(rules: :mod:`reportgen.interpret.repeated`)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from reportgen.config import Study, models
from reportgen.data import Dataset
from reportgen.designs.survey.analysis import Description, HypothesisResult, describe
from reportgen.designs.survey.groups import Comparison, compare_score, direction_of
from reportgen.errors import AnalysisError
from reportgen.interpret import repeated as rules
from reportgen.interpret.hypotheses import partial_decision, simultaneous_decision
from reportgen.interpret.verdict import Verdict
from reportgen.stats.box_m import BoxM, box_m
from reportgen.stats.groups import EffectSize, Groups, Levene, levene
from reportgen.stats.mixed import MixedAnova, MixedTerm, mixed_anova
from reportgen.stats.paired import (
    NAN,
    Friedman,
    MeasureSummary,
    PairedComparison,
    RepeatedAnova,
    change_normality,
    friedman,
    measure_summaries,
    pairwise,
    repeated_anova,
)
from reportgen.stats.power import detectable_dz, paired_power

SMALL_DZ, MEDIUM_DZ = rules.SIZE_BANDS["d_z"][:2]  # Cohen's (1988) small and medium d
MIN_PAIRS = 5  # respondents measured at every occasion: below this no test here has a usable distribution
MIN_GROUP = 5  # respondents of a compared group: below this its means at each measurement say little
MIXED_CITATION = "Field, 2018"  # the mixed (split-plot) ANOVA, its sphericity correction as the repeated-measures F


@dataclass(frozen=True)
class Omnibus:
    """The test of all measurements together as the study reports it: the statistic, its df (two
    for F, none for V), p after any sphericity correction, and its effect size."""

    test: str  # paired_t | wilcoxon | rm_anova | friedman
    statistic: float
    df: tuple[float, ...]
    p: float
    effect: EffectSize


@dataclass(frozen=True)
class Change:
    """How the measurements differ: the chosen test and the other family's as a check, their
    diagnostics (normality of the differences or residuals, Mauchly's sphericity), each pair, and
    the verdicts."""

    measures: tuple[str, ...]
    summaries: tuple[MeasureSummary, ...]
    test: Verdict  # outcome: the test run
    chosen: Omnibus
    check: Omnibus  # the other family's test (rank test after a parametric one, and the reverse)
    anova: RepeatedAnova | None  # three or more measurements
    friedman: Friedman | None
    normality_w: float | None  # Shapiro–Wilk of the differences (two) or of the ANOVA residuals (more)
    normality_p: float | None
    normality: Verdict  # a description
    sphericity: Verdict  # a description (Mauchly); undefined for two measurements
    correction: Verdict  # gg | hf | none (Girden, 1992): the F test's, whether it is the chosen test or the check
    difference: Verdict  # significant | not_significant | undefined
    check_difference: Verdict  # the check's significance
    size: Verdict | None  # the band of the chosen effect size (none for Kendall's W)
    pairs: tuple[PairedComparison, ...]
    pair_differences: dict[tuple[str, str], Verdict]  # (first, second) → significant | not_significant (Holm)
    pair_sizes: dict[tuple[str, str], Verdict]

    @property
    def rank(self) -> bool:
        return self.test.outcome in rules.RANK_TESTS

    def summary(self, code: str) -> MeasureSummary:
        return next(m for m in self.summaries if m.code == code)

    def pair(self, first: str, second: str) -> tuple[PairedComparison, int]:
        """The comparison of two measures and its orientation: +1 when it reads second − first as
        asked, −1 when the study asked for the reverse."""
        for p in self.pairs:
            if (p.first, p.second) == (first, second):
                return p, 1
            if (p.first, p.second) == (second, first):
                return p, -1
        raise KeyError((first, second))


@dataclass(frozen=True)
class PairedPower:
    """What the sample can detect (Cohen, 1988): the power of the two-sided paired t test of the
    study's respondents at d_z = 0,2 and 0,5, and the smallest d_z it detects with ``level``."""

    small: float
    medium: float
    detectable: float
    level: float

    @classmethod
    def of(cls, n: int, alpha: float) -> PairedPower:
        from reportgen.interpret.limitations import POWER

        return cls(paired_power(SMALL_DZ, n, alpha), paired_power(MEDIUM_DZ, n, alpha), detectable_dz(n, alpha, POWER), POWER)


@dataclass(frozen=True)
class RepeatedStudyResults:
    n_used: int
    n_excluded: int
    described: Description
    change: Change
    hypotheses: dict[str, HypothesisResult]
    power: PairedPower
    warnings: list[str]
    mixed: object = None  # never set: a repeated study has no joint display yet
    groups: dict[str, GroupChange] = field(default_factory=dict)  # compare: column → the mixed ANOVA of the measurements by its groups
    gains: dict[str, GainComparison] = field(default_factory=dict)  # hypothesis → the change compared between groups (its moderator)


@dataclass(frozen=True)
class GainComparison:
    """A hypothesis that the change from ``first`` to ``second`` differs between the groups of
    ``column`` (its ``moderator``, a ``compare:`` column): each respondent's change (later −
    earlier) compared across the groups by the test the study chose for groups (Welch's by
    default; ``settings.group_test``). With Student's t this is the mixed ANOVA's group × time
    test of the two measurements (F = t²; Field, 2018). ``reference``: the first group of the
    column's order, the one the others' change is compared with (a control group)."""

    column: str
    first: str
    second: str
    reference: str
    comparison: Comparison


@dataclass(frozen=True)
class GroupChange:
    """The measurements by the groups of one ``compare:`` column: the mixed ANOVA, each group's
    mean at each measurement, and the verdicts on the group × time interaction (does the change
    differ between the groups?) and on the groups (do they differ across the measurements?)."""

    column: str
    anova: MixedAnova
    means: dict[str, tuple[float, ...]]  # group → its mean at each measurement
    sds: dict[str, tuple[float, ...]]
    correction: Verdict  # gg | hf | none (Girden, 1992), applied to the within-subject tests
    interaction: Verdict  # significant | not_significant
    group: Verdict
    excluded: int  # respondents without a value of the column
    levene: tuple[Levene, ...] = ()  # each measurement's equality of the groups' variances (mean-centred, as SPSS)
    box_m: BoxM | None = None  # equality of the groups' covariance matrices of the measurements (None: a singular group matrix)
    covariances: Verdict | None = None  # equal | unequal | undefined (Box's M at .001)
    baseline: Comparison | None = None  # the groups at the first measurement, by the study's group test (their equivalence before)
    within: dict[str, tuple[PairedComparison, ...]] = field(default_factory=dict)  # group → its own pairs of measurements (Holm within it)


def corrected(term: MixedTerm, correction: str) -> tuple[float, float]:
    """A within-subject term's p under ``correction`` (gg | hf | none) and the factor of its df:
    ε (Huynh–Feldt's at most 1), or 1 uncorrected (Girden, 1992)."""
    p = {"gg": term.gg_p, "hf": term.hf_p}.get(correction)
    epsilon = {"gg": term.gg_epsilon, "hf": term.hf_epsilon}.get(correction)
    return (term.p if p is None else p), (min(1.0, epsilon) if epsilon else 1.0)


def repeated_model_of(study: Study) -> models.RepeatedModel:
    model = study.config.model
    assert isinstance(model, models.RepeatedModel)
    return model


def _omnibus(test: str, pairs: tuple[PairedComparison, ...], anova: RepeatedAnova | None, ranks: Friedman | None, gg: str) -> Omnibus:
    """The omnibus result of ``test``: with two measurements its one pair; RM ANOVA's F with the
    df and p of the correction ``gg`` (gg | hf | none); Friedman's χ² with Kendall's W."""
    if test in ("paired_t", "wilcoxon"):
        one = pairs[0]
        return Omnibus(test, one.test.statistic, (one.test.df,) if one.test.df is not None else (), one.test.p, one.effect)
    if test == "rm_anova":
        assert anova is not None
        epsilon = anova.gg_epsilon if gg == "gg" else min(1.0, anova.hf_epsilon) if gg == "hf" else 1.0
        p = anova.gg_p if gg == "gg" else anova.hf_p if gg == "hf" else anova.p
        return Omnibus(test, anova.f, (anova.df1 * epsilon, anova.df2 * epsilon), p, EffectSize("ges", anova.ges, NAN, NAN, NAN, "two.sided", "none"))
    assert ranks is not None
    return Omnibus(test, ranks.chi2, (float(ranks.df),), ranks.p, EffectSize("kendalls_w", ranks.kendalls_w, NAN, NAN, NAN, "two.sided", "none"))


def compare_measures(table: np.ndarray, measures: list[str], setting: str, alpha: float) -> Change:
    """The measurements (columns of ``table``, one row per respondent) compared as the setting says."""
    k = len(measures)
    level = 1 - alpha
    chosen = rules.choose_test(k, setting)
    other = rules.TESTS["nonparametric" if setting == "parametric" else "parametric"][0 if k == 2 else 1]
    rank = chosen.outcome in rules.RANK_TESTS
    pairs = pairwise(table, measures, ranks=rank, level=level)
    other_pairs = pairwise(table, measures, ranks=not rank, level=level) if k == 2 else ()  # the check of two measurements is its pair
    anova = repeated_anova(table) if k > 2 else None
    ranks = friedman(table) if k > 2 else None
    correction = rules.correction(k, anova.gg_epsilon if anova else None, anova.hf_epsilon if anova else None)
    results = {t: _omnibus(t, pairs if t == chosen.outcome else other_pairs, anova, ranks, correction.outcome) for t in (chosen.outcome, other)}
    w, p = change_normality(table)
    citation = rules.CITATIONS[chosen.outcome]
    return Change(
        tuple(measures),
        measure_summaries(table, measures, level),
        chosen,
        results[chosen.outcome],
        results[other],
        anova,
        ranks,
        w,
        p,
        rules.normality(p, alpha),
        rules.sphericity(anova.mauchly_p if anova else None, alpha),
        correction,
        rules.difference(results[chosen.outcome].p, alpha, citation),
        rules.difference(results[other].p, alpha, rules.CITATIONS[other]),
        rules.size(results[chosen.outcome].effect.kind, results[chosen.outcome].effect.value),
        pairs,
        {(q.first, q.second): rules.pair_difference(q.p_holm if k > 2 else q.test.p, alpha) for q in pairs},
        {(q.first, q.second): _band(q.effect) for q in pairs},
    )


def _band(effect: EffectSize) -> Verdict:
    """The band of a pair's d_z or rank-biserial r (both have bands)."""
    band = rules.size(effect.kind, effect.value)
    assert band is not None, effect.kind
    return band


def _decide(name: str, hyp, change: Change, settings) -> HypothesisResult:
    """A pair hypothesis 'EARLIER -> LATER' by its pair's test (Holm-adjusted with three or more
    measurements), its sign that of later − earlier; a test across all measurements by the omnibus test."""
    if hyp.simultaneous is not None:
        decision = simultaneous_decision(change.chosen.statistic, change.chosen.p, settings.alpha)
        if change.chosen.p != change.chosen.p:
            decision = replace(decision, reason="undefined")
        return HypothesisResult(name, "omnibus", tuple(change.measures[:-1]), change.measures[-1], hyp.expect, decision)
    first, second = hyp.steps()
    pair, sign = change.pair(first, second)
    p = pair.p_holm if len(change.measures) > 2 else pair.test.p
    direction = sign * (pair.effect.value if change.rank else pair.test.mean_difference)
    decision = partial_decision(direction, p, hyp.expect, settings.alpha, settings.tails)
    if p != p:  # no spread in the differences: nothing to decide by
        decision = replace(decision, supported=False, reason="undefined")
    statistic = sign * pair.test.statistic if not change.rank else pair.test.statistic
    return HypothesisResult(name, "pair", (first,), second, hyp.expect, replace(decision, statistic=statistic))


def _decide_moderated(
    name: str, hyp, study: Study, data: Dataset, table: np.ndarray, groups: dict[str, GroupChange]
) -> tuple[HypothesisResult, GainComparison | None]:
    """A hypothesis with a ``moderator``: across every measurement, the group × time interaction of
    the mixed ANOVA (its sphericity correction as the chapter's); between two measurements, the
    groups' changes compared (:class:`GainComparison`), its sign that of the other group's change
    minus the reference group's, two groups needed for a direction."""
    config = study.config
    settings = config.settings
    column = hyp.moderator
    measures = list(repeated_model_of(study).measures)
    found = groups.get(column)
    if found is None:
        raise AnalysisError.coded("analysis.gain_groups", hypothesis=name, column=column)
    if hyp.simultaneous is not None:
        term = found.anova.interaction
        decision = simultaneous_decision(term.f, corrected(term, found.correction.outcome)[0], settings.alpha)
        return HypothesisResult(name, "interaction", tuple(measures[:-1]), measures[-1], hyp.expect, decision), None
    first, second = hyp.steps()
    labels = np.array(data.profile[column], dtype=object)
    rows = np.array([label is not None for label in labels])
    change = table[rows, measures.index(second)] - table[rows, measures.index(first)]
    names = list(found.anova.groups)
    if len(names) > 2 and hyp.expect != "any":
        raise AnalysisError.coded("analysis.gain_direction", hypothesis=name, column=column, count=len(names), expect=hyp.expect)
    compared = compare_score(change, labels[rows], settings.group_test, settings.alpha, settings.levene_center, names)
    test = compared.test
    if len(names) == 2:
        direction = direction_of(test, compared.groups)
        decision = partial_decision(direction if direction is not None else 0.0, test.p, hyp.expect, settings.alpha, settings.tails)
        decision = replace(decision, statistic=-test.statistic if test.test in ("student_t", "welch_t") else test.statistic)
    else:
        decision = simultaneous_decision(test.statistic, test.p, settings.alpha)
    if test.p != test.p:
        decision = replace(decision, supported=False, reason="undefined")
    gain = GainComparison(column, first, second, names[0], compared)
    return HypothesisResult(name, "gain", (first,), second, hyp.expect, decision), gain


def analyse(study: Study, data: Dataset) -> RepeatedStudyResults:
    config = study.config
    settings = config.settings
    measures = list(repeated_model_of(study).measures)
    warnings: list[str] = []
    if data.n_used < max(MIN_PAIRS, len(measures) + 1):
        raise AnalysisError.coded("analysis.too_few_pairs", n=data.n_used, least=max(MIN_PAIRS, len(measures) + 1), k=len(measures))
    described = describe(study, data, warnings)
    table = np.column_stack([described.constructs[m].scores for m in measures]).astype(float)
    change = compare_measures(table, measures, settings.repeated_test, settings.alpha)
    power = PairedPower.of(data.n_used, settings.alpha)
    groups = {column: found for column in config.compare if (found := _group_change(study, data, table, column, warnings)) is not None}
    hypotheses, gains = {}, {}
    for name, hyp in config.hypotheses.items():
        if hyp.moderator is None:
            hypotheses[name] = _decide(name, hyp, change, settings)
            continue
        hypotheses[name], gain = _decide_moderated(name, hyp, study, data, table, groups)
        if gain is not None:
            gains[name] = gain
    return RepeatedStudyResults(data.n_used, data.n_excluded, described, change, hypotheses, power, warnings, groups=groups, gains=gains)


def _group_change(study: Study, data: Dataset, table: np.ndarray, column: str, warnings: list[str]) -> GroupChange | None:
    """The mixed ANOVA of the measurements by ``column``'s groups (their ``order`` when the study
    gives one); a column with one group, or a group of fewer than ``MIN_GROUP`` respondents, adds a
    warning and is not compared."""
    config = study.config
    labels = np.array(data.profile[column], dtype=object)
    rows = np.array([label is not None for label in labels])
    order = config.category_order(column)
    present = sorted({str(v) for v in labels[rows]})
    groups = [g for g in order if g in present] + [g for g in present if g not in order] if order else present
    sizes = {g: int((labels[rows] == g).sum()) for g in groups}
    small = {g: n for g, n in sizes.items() if n < MIN_GROUP}
    if len(groups) < 2 or small:
        reason = (
            "all respondents are in one group"
            if len(groups) < 2
            else "group(s) with fewer than " + f"{MIN_GROUP} respondents: " + ", ".join(f"{g} ({n})" for g, n in small.items())
        )
        warnings.append(f"compare {column}: the change is not compared between groups, {reason}")
        return None
    values, kept = table[rows], labels[rows]
    anova = mixed_anova(values, list(kept), groups)
    settings = config.settings
    alpha = settings.alpha
    measures = list(repeated_model_of(study).measures)
    correction = rules.correction(table.shape[1], anova.time.gg_epsilon, anova.time.hf_epsilon)
    return GroupChange(
        column,
        anova,
        {g: tuple(float(v) for v in values[kept == g].mean(axis=0)) for g in groups},
        {g: tuple(float(v) for v in values[kept == g].std(axis=0, ddof=1)) for g in groups},
        correction,
        rules.difference(corrected(anova.interaction, correction.outcome)[0], alpha, MIXED_CITATION),
        rules.difference(anova.group.p, alpha, MIXED_CITATION),
        int((~rows).sum()),
        tuple(levene(Groups(tuple(groups), tuple(values[kept == g, j] for g in groups)), "mean") for j in range(table.shape[1])),
        box := box_m([values[kept == g] for g in groups]),
        rules.covariance_equality(box.p if box else None),
        compare_score(values[:, 0], kept, settings.group_test, alpha, settings.levene_center, groups),
        {g: pairwise(values[kept == g], measures, ranks=settings.repeated_test == "nonparametric", level=1 - alpha) for g in groups},
    )
