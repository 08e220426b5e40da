"""Run a path (intervening variable) study: one OLS per endogenous construct, mediation."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from reportgen.config import Study, StudyConfig, models, pls_paths
from reportgen.data import Dataset
from reportgen.designs.regression.explain import Equation, Explained, explained
from reportgen.designs.survey.analysis import Description, HypothesisResult, describe
from reportgen.designs.survey.extras import Extras, extras
from reportgen.designs.survey.terms import Categories, Term, model_terms
from reportgen.interpret.hypotheses import partial_decision
from reportgen.interpret.mediation import indirect_decision, indirect_significance, mediation_type
from reportgen.interpret.verdict import Verdict, significance
from reportgen.stats.critical import t_critical
from reportgen.stats.mediation import Mediation, PathModel, bootstrap_indirect, fit_path_model, mediation
from reportgen.stats.regression import check_sample_size


@dataclass(frozen=True)
class PathStudyResults:
    n_used: int
    n_excluded: int
    described: Description
    model: PathModel
    mediations: dict[str, Mediation]
    indirect_verdicts: dict[str, Verdict]  # significance of a × b (percentile bootstrap interval), by hypothesis
    mediation_types: dict[str, Verdict]  # Zhao, Lynch & Chen (2010) type, by hypothesis
    t_tables: dict[str, float]  # critical t of each equation (by its dependent construct)
    coefficient_verdicts: dict[tuple[str, str], Verdict]  # significance of each path
    hypotheses: dict[str, HypothesisResult]
    extras: Extras
    resamples: int
    warnings: list[str]
    explained: Explained  # each equation's correlations split into unique and shared parts, score ranges, what explains each result
    mixed: object = None  # reportgen.qualitative.study.MixedResults, with a coded corpus
    controls: tuple[str, ...] = ()  # model.controls: held in every equation
    terms: tuple[Term, ...] = ()  # the controls' terms (a number, or one 0/1 column per compared category)
    categories: dict[str, Categories] = field(default_factory=dict)  # of each categorical control
    replaced_resamples: int = 0  # bootstrap resamples drawn again because a control was constant in them


def path_model_of(config: StudyConfig) -> models.PathModel:
    """The study's ``model:``, a path model in this design (a PLS model is one too)."""
    model = config.model
    assert isinstance(model, models.PathModel)
    return model


def _indirect_effects(study: Study, scores: dict, model: PathModel, significant: dict[tuple[str, str], Verdict]):
    """Each indirect hypothesis: its coefficients and bootstrap interval, the significance of a × b
    and its type of mediation (c′ significant by ``significant``, the verdict of its t test); and
    how many resamples were replaced."""
    config = study.config
    alpha = config.settings.alpha
    chains = {name: tuple(h.steps()) for name, h in config.hypotheses.items() if h.path and len(h.steps()) > 2}
    if not chains:
        return {}, {}, {}, 0
    declared = path_model_of(config)
    draws, replaced = bootstrap_indirect(scores, list(model.paths), list(chains.values()), declared.bootstrap, declared.seed, model.controls)
    mediations, indirect, types = {}, {}, {}
    for k, (name, chain) in enumerate(chains.items()):
        m = mediations[name] = mediation(model, scores, chain, draws[:, k], alpha)
        indirect[name] = indirect_significance(m.ci_low, m.ci_high, alpha)
        types[name] = mediation_type(m.indirect, indirect[name], m.direct.b, significant[(chain[0], chain[-1])])
    return mediations, indirect, types, replaced


def analyse(study: Study, data: Dataset) -> PathStudyResults:
    config = study.config
    settings = config.settings
    warnings: list[str] = []
    paths = pls_paths(config)
    controls = path_model_of(config).controls
    most = max(sum(1 for _, t in paths if t == target) for target in {t for _, t in paths})
    check_sample_size(data.n_used, most + len(controls), "the path model")
    described = describe(study, data, warnings)
    used = list(dict.fromkeys(c for p in paths for c in p))
    constructs = {c: described.constructs[c].scores for c in used}
    terms: list[Term] = []
    categories: dict[str, Categories] = {}
    scores = dict(constructs)
    if controls:  # each control term a column, held in every equation
        terms, columns, categories = model_terms(config, list(controls), {c: r.scores for c, r in described.constructs.items()}, data.observed)
        scores |= {t.key: columns[:, j] for j, t in enumerate(terms)}
    control_keys = tuple(t.key for t in terms)
    check_sample_size(data.n_used, most + len(control_keys), "the path model")
    model = fit_path_model(scores, paths, control_keys)
    significant = {(s, t): significance(model.coefficient(s, t).p, settings.alpha) for s, t in model.paths}
    mediations, indirect, types, replaced = _indirect_effects(study, scores, model, significant)
    hypotheses = {}
    for name, hyp in config.hypotheses.items():
        steps = tuple(hyp.steps())
        if name in mediations:
            m = mediations[name]
            decision = indirect_decision(indirect[name], m.indirect, m.sobel_z, m.sobel_p, m.boot_se, hyp.expect)
            hypotheses[name] = HypothesisResult(name, "indirect", steps[:-1], steps[-1], hyp.expect, decision)
        else:
            coef = model.coefficient(*steps)
            decision = partial_decision(coef.t, coef.p, hyp.expect, settings.alpha, settings.tails)
            hypotheses[name] = HypothesisResult(name, "partial", (steps[0],), steps[1], hyp.expect, decision)
    t_tables = {target: t_critical(settings.alpha, fit.df2, settings.tails) for target, fit in model.regressions.items()}
    equations = {
        target: Equation(fit, scores[target], np.column_stack([scores[p] for p in fit.predictors])) for target, fit in model.regressions.items()
    }
    return PathStudyResults(
        data.n_used,
        data.n_excluded,
        described,
        model,
        mediations,
        indirect,
        types,
        t_tables,
        significant,
        hypotheses,
        extras(study, data, constructs, warnings),
        path_model_of(config).bootstrap,
        warnings,
        explained=explained(study, described, equations, hypotheses),
        controls=tuple(controls),
        terms=tuple(terms),
        categories=categories,
        replaced_resamples=replaced,
    )
