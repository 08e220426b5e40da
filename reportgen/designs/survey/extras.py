"""The analyses theses add to their main model: correlations, simple regressions, moderation
(MRA), group differences by profile columns, each with its verdicts."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from reportgen.config import Study
from reportgen.config.term_keys import dummy_key
from reportgen.data import Dataset
from reportgen.designs.survey.groups import ColumnGroups, group_comparisons
from reportgen.designs.survey.terms import categories_of
from reportgen.errors import AnalysisError
from reportgen.interpret.correlation import strength_verdict
from reportgen.interpret.hypotheses import Decision, partial_decision, simultaneous_decision
from reportgen.interpret.verdict import Verdict, significance
from reportgen.stats.correlation import correlation_matrix
from reportgen.stats.moderation import Moderation, categorical_moderation, moderated_regression, slope_lines, slopes_with
from reportgen.stats.regression import RegressionResult, ols
from reportgen.stats.robust import RobustTerm, hc3_covariance, hc3_fit, wald_f


@dataclass(frozen=True)
class CorrelationVerdicts:
    significance: Verdict
    strength: Verdict


@dataclass(frozen=True)
class ModerationChecks:
    """The residuals of a moderated regression checked as the main model's are: normality
    (Lilliefors), heteroscedasticity (Glejser and Breusch–Pagan, one verdict) and the standard
    errors the interaction is tested with (``settings.robust``), with its HC3 test."""

    normality: Verdict
    heteroscedasticity: Verdict
    standard_errors: Verdict
    interaction_hc3: RobustTerm | None  # the one product term's HC3 test (None for several)
    n: int
    slopes_hc3: tuple = ()  # the simple slopes with HC3 standard errors (stats.moderation.SimpleSlope)
    block_hc3: tuple[float, float] | None = None  # several product terms: their HC3 Wald (F, p)

    @property
    def uses_hc3(self) -> bool:
        return self.standard_errors.outcome == "hc3"

    def slopes_used(self, mod: Moderation) -> tuple:
        """The simple slopes as the interaction is tested: with HC3 standard errors, or OLS ones."""
        return self.slopes_hc3 if self.uses_hc3 else mod.slopes


def moderation_checks(mod: Moderation, robust: str, alpha: float) -> ModerationChecks:
    """Check the residuals of ``mod``'s full model and choose the standard errors of its test."""
    from reportgen.interpret.assumptions import (
        breusch_pagan_verdict,
        glejser_verdict,
        heteroscedasticity_verdict,
        normality_verdict,
        standard_errors_verdict,
    )
    from reportgen.stats.assumptions import heteroscedasticity, normality

    full = mod.full
    norm = normality(full.residuals)
    normal = (
        normality_verdict(norm.ks_p_lilliefors, alpha)
        if norm.ks_p_lilliefors is not None
        else normality_verdict(norm.shapiro_p, alpha, "shapiro_wilk")
    )
    het = heteroscedasticity(full.residuals, full.exog, list(full.predictors))
    hetero = heteroscedasticity_verdict(
        {n: glejser_verdict(t.p, alpha) for n, t in het.glejser.items()}, breusch_pagan_verdict(het.bp_p, alpha), alpha
    )
    names = ["const", *full.predictors]
    params = np.array([full.coefficients[n].b for n in names])
    tests = hc3_fit(full.exog, full.residuals, params, names)
    covariance = hc3_covariance(full.exog, full.residuals)
    slopes = slopes_with(mod, covariance)
    verdict = standard_errors_verdict(robust, hetero)
    if len(mod.interactions) == 1:
        return ModerationChecks(normal, hetero, verdict, tests.terms[mod.interaction], full.n, slopes)
    block = wald_f(params, covariance, [names.index(t) for t in mod.interactions], full.df2)
    return ModerationChecks(normal, hetero, verdict, None, full.n, slopes, block)


@dataclass(frozen=True)
class Extras:
    correlations: dict[str, dict[str, tuple[float | None, float | None]]]
    correlation_verdicts: dict[tuple[str, str], CorrelationVerdicts] = field(default_factory=dict)  # upper triangle
    simple: dict[str, RegressionResult] = field(default_factory=dict)  # by hypothesis
    simple_verdicts: dict[str, Verdict] = field(default_factory=dict)  # significance of the slope
    moderation: dict[str, Moderation] = field(default_factory=dict)  # by hypothesis
    moderation_decisions: dict[str, Decision] = field(default_factory=dict)
    moderation_checks: dict[str, ModerationChecks] = field(default_factory=dict)  # by hypothesis
    slope_verdicts: dict[str, dict[str, Verdict]] = field(default_factory=dict)  # hypothesis → level → significance
    slope_lines: dict[str, list] = field(default_factory=dict)  # hypothesis → (level, x, predicted y) for the figure
    groups: dict[str, ColumnGroups] = field(default_factory=dict)  # compare: column → its groups and comparisons


def _moderated(config, data: Dataset, scores: dict[str, np.ndarray], x: str, y: str, moderator: str, centre: bool) -> Moderation:
    """The moderated regression of ``y`` on ``x`` by ``moderator``: a construct's score, an
    observed number, or the categories of an observed categorical variable (one term each but
    the reference)."""
    if moderator in scores:
        values = scores[moderator]
    elif config.observed[moderator].type == "numeric":
        values = data.observed[moderator].astype(float)
    else:
        found = categories_of(config, moderator, data.observed[moderator])
        dummies = np.column_stack([(data.observed[moderator] == level).astype(float) for level in found.compared])
        keys = [dummy_key(moderator, level) for level in found.compared]
        return categorical_moderation(scores[y], scores[x], dummies, (y, x), keys, (found.reference, *found.compared), centre)
    return moderated_regression(scores[y], scores[x], values, (y, x, moderator), centre)


def _moderation_decision(name: str, hyp, mod: Moderation, checks: ModerationChecks, alpha: float, tails: str) -> Decision:
    """One product term: its t test (HC3 when it decides) with the expected sign. Several (a
    moderator of three or more categories): the F of their block, which has no direction."""
    if len(mod.interactions) == 1:
        tested = checks.interaction_hc3 if checks.uses_hc3 and checks.interaction_hc3 else mod.full.coefficients[mod.interaction]
        return partial_decision(tested.t, tested.p, hyp.expect, alpha, tails)
    if hyp.expect != "any":
        raise AnalysisError.coded("analysis.categories_direction", hypothesis=name, name=hyp.moderator, count=len(mod.interactions) + 1)
    f, p = checks.block_hc3 if checks.uses_hc3 and checks.block_hc3 else (mod.delta_f, mod.delta_p)
    return simultaneous_decision(f, p, alpha)


def extras(study: Study, data: Dataset, scores: dict[str, np.ndarray], warnings: list[str]) -> Extras:
    config = study.config
    settings = config.settings
    alpha = settings.alpha
    simple, simple_verdicts, moderation, decisions, slopes, lines, checks = {}, {}, {}, {}, {}, {}, {}
    for name, hyp in config.hypotheses.items():
        if hyp.path is None:
            continue
        steps = hyp.steps()
        if hyp.moderator is not None:
            x, y = steps
            mod = _moderated(config, data, scores, x, y, hyp.moderator, hyp.centre)
            moderation[name] = mod
            checks[name] = moderation_checks(mod, settings.robust, alpha)
            decisions[name] = _moderation_decision(name, hyp, mod, checks[name], alpha, settings.tails)
            slopes[name] = {s.level: significance(s.p, alpha) for s in checks[name].slopes_used(mod)}
            lines[name] = slope_lines(mod)
        elif settings.simple_regressions and len(steps) == 2 and steps[0] in scores:  # an observed predictor has none
            x, y = steps
            simple[name] = ols(scores[y], scores[x], y, [x])
            simple_verdicts[name] = significance(simple[name].coefficients[x].p, alpha)
    groups = group_comparisons(study, data, scores, warnings)
    correlations = correlation_matrix(scores)
    names = list(correlations)
    pairs = {
        (a, b): CorrelationVerdicts(significance(correlations[a][b][1], alpha), strength_verdict(correlations[a][b][0]))
        for i, a in enumerate(names)
        for b in names[i + 1 :]
    }
    return Extras(
        correlations,
        pairs,
        simple=simple,
        simple_verdicts=simple_verdicts,
        moderation=moderation,
        moderation_decisions=decisions,
        moderation_checks=checks,
        slope_verdicts=slopes,
        slope_lines=lines,
        groups=groups,
    )
