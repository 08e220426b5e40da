"""The analyses theses add to their main model: correlations, simple regressions, moderation
(MRA), group differences by profile columns, each with its verdicts."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from reportgen.config import Study
from reportgen.data import Dataset
from reportgen.interpret.correlation import strength_verdict
from reportgen.interpret.groups import GroupVerdicts, choose_test
from reportgen.interpret.hypotheses import Decision, partial_decision
from reportgen.interpret.verdict import Verdict, significance
from reportgen.stats.correlation import correlation_matrix
from reportgen.stats.groups import GroupTest, group_test, groups_of
from reportgen.stats.moderation import Moderation, moderated_regression, slope_lines
from reportgen.stats.regression import RegressionResult, ols


@dataclass(frozen=True)
class CorrelationVerdicts:
    significance: Verdict
    strength: Verdict


@dataclass(frozen=True)
class Extras:
    correlations: dict[str, dict[str, tuple[float | None, float | None]]]
    correlation_verdicts: dict[tuple[str, str], CorrelationVerdicts] = field(default_factory=dict)  # upper triangle
    simple: dict[str, RegressionResult] = field(default_factory=dict)  # by hypothesis
    simple_verdicts: dict[str, Verdict] = field(default_factory=dict)  # significance of the slope
    moderation: dict[str, Moderation] = field(default_factory=dict)  # by hypothesis
    moderation_decisions: dict[str, Decision] = field(default_factory=dict)
    slope_verdicts: dict[str, dict[str, Verdict]] = field(default_factory=dict)  # hypothesis → level → significance
    slope_lines: dict[str, list] = field(default_factory=dict)  # hypothesis → (level, x, predicted y) for the figure
    groups: dict[str, dict[str, GroupTest]] = field(default_factory=dict)  # column → construct → test
    group_verdicts: dict[str, dict[str, GroupVerdicts]] = field(default_factory=dict)


def extras(study: Study, data: Dataset, scores: dict[str, np.ndarray], warnings: list[str]) -> Extras:
    config = study.config
    settings = config.settings
    alpha = settings.alpha
    simple, simple_verdicts, moderation, decisions, slopes, lines = {}, {}, {}, {}, {}, {}
    for name, hyp in config.hypotheses.items():
        if hyp.path is None:
            continue
        steps = hyp.steps()
        if hyp.moderator is not None:
            x, y = steps
            mod = moderated_regression(scores[y], scores[x], scores[hyp.moderator], (y, x, hyp.moderator), hyp.centre)
            moderation[name] = mod
            term = mod.full.coefficients[f"{x} × {hyp.moderator}"]
            decisions[name] = partial_decision(term.t, term.p, hyp.expect, alpha, settings.tails)
            slopes[name] = {s.level: significance(s.p, alpha) for s in mod.slopes}
            lines[name] = slope_lines(mod)
        elif settings.simple_regressions and len(steps) == 2:
            x, y = steps
            simple[name] = ols(scores[y], scores[x], y, [x])
            simple_verdicts[name] = significance(simple[name].coefficients[x].p, alpha)
    groups: dict[str, dict[str, GroupTest]] = {}
    group_verdicts: dict[str, dict[str, GroupVerdicts]] = {}
    orders = {c.column: c.order for c in config.respondents}
    for column in config.compare:
        labels = np.array(data.profile[column], dtype=object)
        groups[column], group_verdicts[column] = {}, {}
        for construct, values in scores.items():
            found = groups_of(values, labels, orders.get(column))
            if found is None:
                continue
            normal, equal, test = choose_test(len(found.names), found.shapiro_p, found.levene_p, alpha, found.untested)
            result = group_test(test.outcome, found, bool(normal.passed))
            groups[column][construct] = result
            group_verdicts[column][construct] = GroupVerdicts(normal, equal, test, significance(result.p, alpha))
        if len(groups[column]) < len(scores):
            warnings.append(f"group differences by {column}: some constructs could not be compared (a group has fewer than 2 respondents)")
    correlations = correlation_matrix(scores)
    names = list(correlations)
    pairs = {(a, b): CorrelationVerdicts(significance(correlations[a][b][1], alpha), strength_verdict(correlations[a][b][0]))
             for i, a in enumerate(names) for b in names[i + 1:]}
    return Extras(correlations, pairs, simple, simple_verdicts, moderation, decisions, slopes, lines, groups, group_verdicts)


def compare_groups(values: np.ndarray, labels: np.ndarray, alpha: float = 0.05, order: list[str] | None = None) -> GroupTest | None:
    """The group test the rule chooses for one score, run (None when the groups cannot be compared)."""
    found = groups_of(values, labels, order)
    if found is None:
        return None
    normal, _, test = choose_test(len(found.names), found.shapiro_p, found.levene_p, alpha, found.untested)
    return group_test(test.outcome, found, bool(normal.passed))
