"""Run every statistic of a regression study: config + data → :class:`StudyResults`."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from reportgen.config import Study, regression_predictors
from reportgen.data import Dataset
from reportgen.interpret import three_box
from reportgen.interpret.assumptions import dw_zone, multicollinear
from reportgen.interpret.hypotheses import Decision, partial_decision, simultaneous_decision
from reportgen.stats.assumptions import Heteroscedasticity, Normality, heteroscedasticity, normality
from reportgen.stats.critical import f_critical, r_critical, t_critical
from reportgen.stats.descriptives import IndexRange, ItemDistribution, item_distribution, three_box_index, three_box_range
from reportgen.stats.durbin_watson import DurbinWatson, durbin_watson
from reportgen.stats.profile import FrequencyTable, frequency_table
from reportgen.stats.regression import RegressionResult, check_sample_size, ols
from reportgen.stats.reliability import omega_total, reliability
from reportgen.stats.validity import ItemValidity, item_validity


@dataclass(frozen=True)
class ItemResult:
    name: str
    distribution: ItemDistribution
    index: float
    category: str | None
    validity: ItemValidity
    valid: bool | None
    alpha_if_deleted: float | None


@dataclass(frozen=True)
class ConstructResult:
    name: str
    items: dict[str, ItemResult]
    alpha: float | None
    index_mean: float
    category: str | None
    scores: np.ndarray = field(repr=False)
    omega: float | None = None

    @property
    def mean(self) -> float:
        return float(self.scores.mean())

    @property
    def sd(self) -> float:
        return float(self.scores.std(ddof=1)) if self.scores.size > 1 else float("nan")


@dataclass(frozen=True)
class HypothesisResult:
    name: str
    kind: str  # partial | simultaneous
    source: tuple[str, ...]
    target: str
    expect: str
    decision: Decision


@dataclass(frozen=True)
class StudyResults:
    n_used: int
    n_excluded: int
    profile: dict[str, FrequencyTable]
    index_range: IndexRange
    constructs: dict[str, ConstructResult]
    r_table: float
    regression: RegressionResult
    t_table: float
    f_table: float
    durbin_watson: DurbinWatson
    dw_zone: str | None
    normality: Normality
    heteroscedasticity: Heteroscedasticity
    hypotheses: dict[str, HypothesisResult]
    warnings: list[str]
    extras: object = None  # analysis_extras.Extras: correlations, simple regressions, moderation, groups
    dropped: tuple[tuple[str, str, float], ...] = ()


@dataclass(frozen=True)
class Description:
    """What every study reports before its model: profile, answers, item validity, alpha."""

    profile: dict[str, FrequencyTable]
    index_range: IndexRange
    r_table: float
    constructs: dict[str, ConstructResult]
    dropped: tuple[tuple[str, str, float], ...] = ()  # (item, construct, r) removed by settings.drop_invalid


def describe(study: Study, data: Dataset, warnings: list[str]) -> Description:
    """Profile tables, answer distributions, three-box indexes, item validity and alpha.

    With ``settings.drop_invalid`` the items whose r does not exceed r table are removed and
    everything is computed again on the remaining items (one round, as theses report it).
    """
    first = _describe_once(study, data, warnings)
    if not study.config.settings.drop_invalid:
        return first
    method = study.config.settings.validity
    dropped = [(item, c, (i.validity.r_item_total if method == "item_total" else i.validity.r_item_rest))
               for c, res in first.constructs.items() for item, i in res.items.items() if i.valid is False]
    if not dropped:
        return first
    from dataclasses import replace

    from reportgen.errors import AnalysisError

    gone = {item for item, _, _ in dropped}
    constructs = {}
    for name, construct in study.config.constructs.items():
        keep = {k: v for k, v in construct.items.items() if k not in gone}
        if not keep:
            raise AnalysisError(f"every item of {name} is not valid, so drop_invalid would leave {name} without items")
        constructs[name] = construct.model_copy(update={"items": keep, "reverse": [r for r in construct.reverse if r in keep]})
    reduced = replace(study, config=study.config.model_copy(update={"constructs": constructs}))
    warnings.append(f"drop_invalid: removed {len(dropped)} item(s) that were not valid: {', '.join(item for item, _, _ in dropped)}")
    second = _describe_once(reduced, data, [])
    return replace(second, dropped=tuple(dropped))


def _describe_once(study: Study, data: Dataset, warnings: list[str]) -> Description:
    config = study.config
    settings = config.settings
    n = data.n_used
    if data.n_excluded:
        warnings.append(f"{data.n_excluded} respondent(s) with blank answers were excluded (listwise): {', '.join(data.excluded[:10])}"
                        + (" ..." if len(data.excluded) > 10 else ""))
    profile = {c.column: frequency_table(data.profile[c.column], c.order) for c in config.respondents}
    index_range = three_box_range(n, config.scale.min, config.scale.max, settings.index.basis)
    r_table = r_critical(settings.alpha, n, "two")
    constructs = {
        name: _construct(name, construct, data, config, index_range, r_table, warnings)
        for name, construct in config.constructs.items()
    }
    return Description(profile, index_range, r_table, constructs)


def analyse(study: Study, data: Dataset) -> StudyResults:
    """Compute the descriptive, measurement, regression and assumption statistics."""
    config = study.config
    settings = config.settings
    warnings: list[str] = []
    n = data.n_used
    check_sample_size(n, len(regression_predictors(config)), config.model.dependent)
    described = describe(study, data, warnings)
    profile, index_range, r_table, constructs = described.profile, described.index_range, described.r_table, described.constructs

    predictors = regression_predictors(config)
    dependent = config.model.dependent
    x = np.column_stack([constructs[p].scores for p in predictors])
    regression = ols(constructs[dependent].scores, x, dependent, predictors)
    t_table = t_critical(settings.alpha, regression.df2, settings.tails)
    f_table = f_critical(settings.alpha, regression.df1, regression.df2)
    dw = durbin_watson(regression.residuals, regression.exog, settings.alpha)
    zone = dw_zone(dw.d, dw.dl, dw.du)
    norm = normality(regression.residuals)
    hetero = heteroscedasticity(regression.residuals, regression.exog, predictors)
    _assumption_warnings(regression, norm, hetero, dw, zone, settings.alpha, warnings)

    from reportgen.analysis_extras import extras as compute_extras

    more = compute_extras(study, data, {c: r.scores for c, r in constructs.items()}, warnings)
    hypotheses = {}
    for hname, hyp in config.hypotheses.items():
        if hyp.moderator is not None:
            steps = hyp.steps()
            hypotheses[hname] = HypothesisResult(hname, "moderation", (steps[0], hyp.moderator), steps[1], hyp.expect,
                                                 more.moderation_decisions[hname])
        elif hyp.simultaneous is not None:
            decision = simultaneous_decision(regression.f, regression.f_p, settings.alpha)
            hypotheses[hname] = HypothesisResult(hname, "simultaneous", tuple(hyp.simultaneous), hyp.on, hyp.expect, decision)
        else:
            source, target = hyp.steps()
            coef = regression.coefficients[source]
            decision = partial_decision(coef.t, coef.p, hyp.expect, settings.alpha, settings.tails)
            hypotheses[hname] = HypothesisResult(hname, "partial", (source,), target, hyp.expect, decision)
    return StudyResults(
        n_used=n, n_excluded=data.n_excluded, profile=profile, index_range=index_range,
        constructs=constructs, r_table=r_table, regression=regression, t_table=t_table, f_table=f_table,
        durbin_watson=dw, dw_zone=zone, normality=norm, heteroscedasticity=hetero,
        hypotheses=hypotheses, warnings=warnings, extras=more, dropped=described.dropped,
    )


def _construct(name, construct, data: Dataset, config, index_range, r_table, warnings) -> ConstructResult:
    settings = config.settings
    item_names = list(construct.items)
    matrix = data.items_of(item_names)
    answers = data.answers_of(item_names)
    validity = item_validity(matrix)
    rel = reliability(matrix)
    items = {}
    for j, item in enumerate(item_names):
        dist = item_distribution(answers[:, j], config.scale.points)
        index = three_box_index(dist, settings.index.basis)
        r = validity[j].r_item_total if settings.validity == "item_total" else validity[j].r_item_rest
        valid = None if r is None else bool(r > r_table)
        if r is None:
            warnings.append(f"item {item} of {name} has no variance (every respondent gave the same answer); its validity is undefined")
        elif not valid:
            warnings.append(f"item {item} of {name} is not valid: r = {r:.3f} is not above r table = {r_table:.3f}")
        items[item] = ItemResult(item, dist, index, three_box.category(index, index_range, settings.index.classes),
                                 validity[j], valid, rel.alpha_if_deleted[j])
    if np.ptp(matrix.sum(axis=1)) == 0:
        warnings.append(f"construct {name} has the same score for every respondent; its alpha and correlations are undefined")
    elif rel.alpha is not None and rel.alpha < settings.reliability_min:
        warnings.append(f"construct {name} is not reliable: Cronbach's alpha = {rel.alpha:.3f} is below {settings.reliability_min}")
    scores = matrix.sum(axis=1) if config.model.score == "sum" else matrix.mean(axis=1)
    index_mean = float(np.mean([i.index for i in items.values()]))
    return ConstructResult(name, items, rel.alpha, index_mean,
                           three_box.category(index_mean, index_range, settings.index.classes), scores, omega_total(matrix))


def _assumption_warnings(regression, norm, hetero, dw, zone, alpha, warnings) -> None:
    if norm.ks_p_lilliefors < alpha:
        warnings.append(f"residuals are not normal: Kolmogorov-Smirnov (Lilliefors) p = {norm.ks_p_lilliefors:.3f} < {alpha}")
    for name in regression.predictors:
        coef = regression.coefficients[name]
        if multicollinear(coef.tolerance, coef.vif):
            warnings.append(f"multicollinearity: {name} has tolerance {coef.tolerance:.3f} and VIF {coef.vif:.3f}")
        if hetero.glejser[name].p < alpha:
            warnings.append(f"heteroscedasticity: Glejser test of {name} has p = {hetero.glejser[name].p:.3f} < {alpha}")
    if hetero.bp_p < alpha:
        warnings.append(f"heteroscedasticity: Breusch-Pagan p = {hetero.bp_p:.3f} < {alpha}")
    if zone == "positive" or zone == "negative":
        warnings.append(f"autocorrelation: Durbin-Watson d = {dw.d:.3f} lies in the {zone} autocorrelation zone")
    elif zone == "inconclusive_positive":
        warnings.append(f"autocorrelation: Durbin-Watson d = {dw.d:.3f} lies between dL = {dw.dl:.3f} and dU = {dw.du:.3f} (inconclusive)")
    elif zone == "inconclusive_negative":
        warnings.append(f"autocorrelation: Durbin-Watson d = {dw.d:.3f} lies between 4 - dU = {4 - dw.du:.3f} and 4 - dL = {4 - dw.dl:.3f} (inconclusive)")
