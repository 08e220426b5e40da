"""Run a PLS-SEM study: config + data → :class:`PlsStudyResults`."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import numpy as np

from reportgen.config import Study, StudyConfig, pls_paths
from reportgen.config.models import PlsModel
from reportgen.data import Dataset
from reportgen.designs.regression.explain import Equation, Explained, explained
from reportgen.designs.survey.analysis import Description, HypothesisResult, describe
from reportgen.errors import AnalysisError
from reportgen.interpret.hypotheses import Decision, partial_decision
from reportgen.interpret.pls import Caveat, PlsVerdicts, loading_verdicts, measurement_caveat, pls_verdicts, quality_warnings
from reportgen.interpret.pls_indicators import Removal, remove_indicators
from reportgen.interpret.pls_mga import MgaVerdicts, mga_verdicts
from reportgen.interpret.pls_predict import ConstructPrediction, construct_predictions
from reportgen.interpret.verdict import Verdict
from reportgen.stats.pls import PlsResult, PlsSpec, estimate, quality
from reportgen.stats.pls.bootstrap import BootStat, BootstrapResult, bootstrap
from reportgen.stats.pls.mga import MgaResult, multigroup, shuffles_of
from reportgen.stats.pls.predict import cross_validate, indicator_errors, row_orders
from reportgen.stats.regression import ols


@dataclass(frozen=True)
class PlsHypothesis:
    name: str
    chain: tuple[str, ...]  # (A, B) direct, (A, M, B) indirect
    expect: str
    stat: BootStat
    decision: Decision
    caveat: Caveat  # what the measurement model leaves in doubt about the constructs of the path


@dataclass(frozen=True)
class Multigroup:
    """The multigroup analysis of ``column``: its two groups (category labels, in the profile's
    order), MICOM and the permutation test, and their verdicts."""

    column: str
    groups: tuple[str, str]
    result: MgaResult
    verdicts: MgaVerdicts
    excluded: int  # respondents left out for a blank group


@dataclass(frozen=True)
class PlsStudyResults:
    n_used: int
    n_excluded: int
    described: Description
    model: PlsResult
    assessed: quality.Assessment  # the quality criteria of the model (reliability, HTMT, VIFs, f², Q², SRMR)
    total_effects: np.ndarray
    boot: BootstrapResult
    verdicts: PlsVerdicts
    hypotheses: dict[str, PlsHypothesis]
    warnings: list[str]
    removal: Removal  # the removal rule's steps (applied when ``removal_applied``)
    removal_applied: bool  # model.indicator_removal: hair
    initial: dict[str, quality.Reliability]  # reliability of the model with every indicator
    initial_spec: PlsSpec
    initial_loadings: dict[str, float]
    initial_verdicts: dict[str, Verdict]  # the loading verdicts of the model with every indicator
    explained: Explained  # each structural equation's correlations split into unique and shared parts, score ranges
    prediction: dict[str, ConstructPrediction] | None = None  # PLSpredict by endogenous construct (model.predict)
    multigroup: Multigroup | None = None  # model.mga
    mixed: object = None  # reportgen.qualitative.study.MixedResults, with a coded corpus


def pls_model_of(config: StudyConfig) -> PlsModel:
    """The study's ``model:``, a PLS model in this design."""
    model = config.model
    assert isinstance(model, PlsModel)
    return model


def spec_of(study: Study) -> PlsSpec:
    config = study.config
    pairs = pls_paths(config)
    used = [c for c in config.constructs if any(c in p for p in pairs)]
    return PlsSpec(
        constructs=tuple(used),
        items=tuple(tuple(config.constructs[c].items) for c in used),
        modes=tuple(config.constructs[c].mode for c in used),
        paths=tuple(pairs),
        scheme=pls_model_of(config).weighting,
    )


def analyse(study: Study, data: Dataset, progress: bool = True) -> PlsStudyResults:
    config = study.config
    pls = pls_model_of(config)
    warnings: list[str] = []
    full = spec_of(study)
    x = data.items_of(full.indicators)
    if data.n_used < len(full.indicators) + 2 or data.n_used < 10:
        raise AnalysisError.coded("analysis.pls_too_few", n=data.n_used, indicators=len(full.indicators))
    constant = [item for item, sd in zip(full.indicators, x.std(axis=0)) if sd == 0]
    if constant:
        raise AnalysisError.coded("analysis.constant_indicator", item=constant[0])
    described = describe(study, data, warnings)

    def fit(spec: PlsSpec):
        fitted = estimate(data.items_of(spec.indicators), spec)
        return dict(zip(spec.indicators, fitted.loadings.sum(axis=1))), quality.reliability(fitted)

    initial_loadings, initial_reliability = fit(full)
    removal = remove_indicators(full, fit)
    applied = pls.indicator_removal == "hair"
    spec = removal.spec if applied else full
    x = data.items_of(spec.indicators)
    model = estimate(x, spec)
    if model.iterations >= 300:
        warnings.append("the PLS algorithm did not converge in 300 iterations")
    total, _ = quality.effects(model.paths)
    raw = data.answers_of(spec.indicators) if config.missing_policy == "mean" else x
    boot = bootstrap(
        raw,
        model,
        pls.bootstrap,
        pls.seed,
        config.settings.alpha,
        progress=_progress_bar if progress and sys.stderr.isatty() else None,
    )
    assessed = quality.assess(spec, model, x, data.n_used)
    verdicts = pls_verdicts(spec, model, assessed, boot, config.settings.alpha, removed=removal.removed, htmt_max=pls.htmt)
    warnings += quality_warnings(assessed.reliability, verdicts)
    if applied and removal.removed:
        warnings.append(f"PLS: indicators removed by the rule of Hair et al. (2022): {', '.join(removal.removed)}")
    hypotheses = _hypotheses(study, boot, verdicts)
    prediction = None
    if pls.predict:
        settings = pls.predict
        orders = row_orders(len(x), settings.repetitions, pls.seed)
        predictions = cross_validate(x, spec, orders, settings.folds, settings.technique)
        prediction = construct_predictions(indicator_errors(x, spec, predictions))
    groups = _multigroup(study, data, spec, described) if pls.mga else None
    why = explained(study, described, structural_equations(model, boot), tested(hypotheses), item_statistics=False)
    return PlsStudyResults(
        n_used=data.n_used,
        n_excluded=data.n_excluded,
        described=described,
        model=model,
        assessed=assessed,
        total_effects=total,
        boot=boot,
        verdicts=verdicts,
        hypotheses=hypotheses,
        warnings=warnings,
        removal=removal,
        removal_applied=applied,
        initial=initial_reliability,
        initial_spec=full,
        initial_loadings=initial_loadings,
        initial_verdicts=loading_verdicts(full, initial_loadings, removal.removed),
        explained=why,
        prediction=prediction,
        multigroup=groups,
    )


def _multigroup(study: Study, data: Dataset, spec: PlsSpec, described: Description) -> Multigroup:
    """MICOM and the permutation test between the two groups of ``model.mga.column``."""
    settings = pls_model_of(study.config).mga
    assert settings is not None
    column = settings.column
    values = data.profile[column]
    present = {v for v in values if v is not None}
    groups = [c for c in described.profile[column].categories if c in present]
    if len(groups) != 2:
        raise AnalysisError.coded("analysis.mga_groups", column=column, count=len(groups), groups=", ".join(map(str, groups)))
    rows = np.array([v is not None for v in values])
    raw = data.answers_of(spec.indicators)[rows] if study.config.missing_policy == "mean" else data.items_of(spec.indicators)[rows]
    pooled = data.items_of(spec.indicators)[rows]
    group1 = np.array([v == groups[0] for v in values])[rows]
    for name, members in zip(groups, (group1, ~group1)):
        size = int(members.sum())
        if size < max(10, len(spec.indicators) + 2):
            raise AnalysisError.coded("analysis.mga_small", group=name, column=column, n=size, indicators=len(spec.indicators))
        part = raw[members]
        spread = np.nanmax(part, axis=0) - np.nanmin(part, axis=0)
        if (spread == 0).any():
            raise AnalysisError.coded("analysis.mga_constant", item=spec.indicators[int(np.flatnonzero(spread == 0)[0])], group=name, column=column)
    result = multigroup(raw, pooled, spec, group1, shuffles_of(len(pooled), settings.permutations, pls_model_of(study.config).seed))
    return Multigroup(column, (groups[0], groups[1]), result, mga_verdicts(result, study.config.settings.alpha), int((~rows).sum()))


def structural_equations(model, boot: BootstrapResult) -> dict[str, Equation]:
    """Each endogenous construct's equation as OLS on the standardised construct scores (the PLS
    path coefficients are exactly its coefficients, Hair et al., 2022, ch. 6), with the bootstrap
    percentile intervals of the path table in place of the t intervals of β, for the shares of
    :mod:`reportgen.stats.partial`."""
    spec = model.spec
    names = spec.constructs
    out = {}
    for j in spec.endogenous:
        target, sources = names[j], [names[i] for i in spec.predecessors(j)]
        x = model.scores[:, [names.index(s) for s in sources]]
        y = model.scores[:, j]
        out[target] = Equation(
            ols(y, x, target, sources), y, x, intervals={s: (boot.paths[(s, target)].ci_low, boot.paths[(s, target)].ci_high) for s in sources}
        )
    return out


def tested(hypotheses: dict[str, PlsHypothesis]) -> dict[str, HypothesisResult]:
    """The PLS hypotheses as the explanations read them: a path is 'partial', a chain 'indirect'."""
    return {
        name: HypothesisResult(name, "partial" if len(h.chain) == 2 else "indirect", h.chain[:-1], h.chain[-1], h.expect, h.decision)
        for name, h in hypotheses.items()
    }


def _hypotheses(study: Study, boot: BootstrapResult, verdicts: PlsVerdicts) -> dict[str, PlsHypothesis]:
    settings = study.config.settings
    out = {}
    for name, hyp in study.config.hypotheses.items():
        chain = tuple(hyp.steps())
        stat = boot.paths[chain] if len(chain) == 2 else boot.specific_indirect[chain]
        decision = partial_decision(stat.t, stat.p, hyp.expect, settings.alpha, settings.tails)
        out[name] = PlsHypothesis(name, chain, hyp.expect, stat, decision, measurement_caveat(verdicts, chain))
    return out


def _progress_bar(done: int, total: int) -> None:
    width = 30
    filled = int(width * done / total)
    sys.stderr.write(f"\rbootstrap [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()
