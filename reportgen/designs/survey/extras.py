"""The analyses theses add to their main model: correlations, simple regressions, moderation
(MRA), group differences by profile columns."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from reportgen.config import Study
from reportgen.data import Dataset
from reportgen.interpret.hypotheses import Decision, partial_decision
from reportgen.stats.correlation import correlation_matrix
from reportgen.stats.groups import GroupTest, compare_groups
from reportgen.stats.moderation import Moderation, moderated_regression
from reportgen.stats.regression import RegressionResult, ols


@dataclass(frozen=True)
class Extras:
    correlations: dict[str, dict[str, tuple[float | None, float | None]]]
    simple: dict[str, RegressionResult] = field(default_factory=dict)  # by hypothesis
    moderation: dict[str, Moderation] = field(default_factory=dict)  # by hypothesis
    moderation_decisions: dict[str, Decision] = field(default_factory=dict)
    groups: dict[str, dict[str, GroupTest]] = field(default_factory=dict)  # column → construct → test


def extras(study: Study, data: Dataset, scores: dict[str, np.ndarray], warnings: list[str]) -> Extras:
    config = study.config
    settings = config.settings
    simple, moderation, decisions = {}, {}, {}
    for name, hyp in config.hypotheses.items():
        if hyp.path is None:
            continue
        steps = hyp.steps()
        if hyp.moderator is not None:
            x, y = steps
            mod = moderated_regression(scores[y], scores[x], scores[hyp.moderator], (y, x, hyp.moderator), hyp.centre)
            moderation[name] = mod
            term = mod.full.coefficients[f"{x} × {hyp.moderator}"]
            decisions[name] = partial_decision(term.t, term.p, hyp.expect, settings.alpha, settings.tails)
        elif settings.simple_regressions and len(steps) == 2:
            x, y = steps
            simple[name] = ols(scores[y], scores[x], y, [x])
    groups: dict[str, dict[str, GroupTest]] = {}
    orders = {c.column: c.order for c in config.respondents}
    for column in config.compare:
        labels = np.array(data.profile[column], dtype=object)
        tests = {c: compare_groups(v, labels, settings.alpha, orders.get(column)) for c, v in scores.items()}
        groups[column] = {c: t for c, t in tests.items() if t is not None}
        if len(groups[column]) < len(tests):
            warnings.append(f"group differences by {column}: some constructs could not be compared (a group has fewer than 2 respondents)")
    return Extras(correlation_matrix(scores), simple, moderation, decisions, groups)
