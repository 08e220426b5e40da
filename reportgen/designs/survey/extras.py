"""The analyses theses add to their main model: correlations, simple regressions, moderation
(MRA), group differences by profile columns, each with its verdicts."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from reportgen.config import Study
from reportgen.data import Dataset
from reportgen.designs.survey.groups import ColumnGroups, group_comparisons
from reportgen.interpret.correlation import strength_verdict
from reportgen.interpret.hypotheses import Decision, partial_decision
from reportgen.interpret.verdict import Verdict, significance
from reportgen.stats.correlation import correlation_matrix
from reportgen.stats.moderation import Moderation, moderated_regression, simple_slopes, slope_lines
from reportgen.stats.regression import RegressionResult, ols
from reportgen.stats.robust import RobustTerm, hc3_covariance, hc3_fit


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
    interaction_hc3: RobustTerm
    n: int
    slopes_hc3: tuple = ()  # the simple slopes with HC3 standard errors (stats.moderation.SimpleSlope)

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
    tests = hc3_fit(full.exog, full.residuals, np.array([full.coefficients[n].b for n in names]), names)
    slopes = simple_slopes(full, hc3_covariance(full.exog, full.residuals))
    return ModerationChecks(normal, hetero, standard_errors_verdict(robust, hetero), tests.terms[full.predictors[-1]], full.n, slopes)


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
            mod = moderated_regression(scores[y], scores[x], scores[hyp.moderator], (y, x, hyp.moderator), hyp.centre)
            moderation[name] = mod
            term = mod.full.coefficients[f"{x} × {hyp.moderator}"]
            checks[name] = moderation_checks(mod, settings.robust, alpha)
            tested = checks[name].interaction_hc3 if checks[name].uses_hc3 else term
            decisions[name] = partial_decision(tested.t, tested.p, hyp.expect, alpha, settings.tails)
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
