"""Run a PLS-SEM study: config + data → :class:`PlsStudyResults`."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace

import numpy as np

from reportgen.config import Study, StudyConfig, pls_paths
from reportgen.config.models import PlsModel
from reportgen.data import Dataset
from reportgen.designs.regression.explain import Equation, Explained, explained
from reportgen.designs.survey.analysis import Description, HypothesisResult, describe
from reportgen.designs.survey.terms import Categories, Term, model_terms
from reportgen.errors import AnalysisError
from reportgen.interpret.hypotheses import Decision, partial_decision
from reportgen.interpret.mediation import CITATION as MEDIATION_CITATION
from reportgen.interpret.mediation import mediation_type
from reportgen.interpret.pls import CITATION as PLS_CITATION
from reportgen.interpret.pls import (
    RELIABILITY_MIN,
    Caveat,
    PlsVerdicts,
    loading_verdicts,
    measurement_caveat,
    pls_verdicts,
    quality_warnings,
    redundancy_verdict,
)
from reportgen.interpret.pls_indicators import Removal, remove_indicators
from reportgen.interpret.pls_mga import MgaVerdicts, mga_verdicts
from reportgen.interpret.pls_predict import ConstructPrediction, construct_predictions
from reportgen.interpret.verdict import Rule, Verdict, significance
from reportgen.stats.pls import PlsResult, PlsSpec, estimate, quality
from reportgen.stats.pls.algorithm import Dimension
from reportgen.stats.pls.bootstrap import BootStat, BootstrapResult, bootstrap
from reportgen.stats.pls.higher_order import estimate_two_stage as estimate_higher_order
from reportgen.stats.pls.higher_order import observed_indicators, stage_one
from reportgen.stats.pls.interaction import Interaction, estimate_two_stage
from reportgen.stats.pls.ipma import Ipma, ipma, rescaled_scores
from reportgen.stats.pls.measured import measured_assessment, measured_bootstrap, measured_model, measured_spec
from reportgen.stats.pls.mga import MgaResult, multigroup, shuffles_of
from reportgen.stats.pls.predict import cross_validate, indicator_errors, row_orders
from reportgen.stats.pls.redundancy import redundancy_path
from reportgen.stats.pls.repeated_indicators import REPEATED, estimate_repeated, repeated_columns
from reportgen.stats.regression import ols


@dataclass(frozen=True)
class PlsHypothesis:
    name: str
    chain: tuple[str, ...]  # (A, B) direct, (A, M, B) indirect
    expect: str
    stat: BootStat
    decision: Decision
    caveat: Caveat  # what the measurement model leaves in doubt about the constructs of the path
    moderator: str | None = None  # a moderation: chain is the moderated path (X, Y), stat the interaction X*M → Y


@dataclass(frozen=True)
class FirstStage:
    """The model on which the first-order constructs' measurement is assessed (Sarstedt et al.,
    2019): stage one of the disjoint two-stage approach (:mod:`reportgen.stats.pls.higher_order`),
    each higher-order construct replaced by its dimensions; or the repeated-indicators model
    (:mod:`reportgen.stats.pls.repeated_indicators`), the higher-order constructs in it unmeasured."""

    model: PlsResult
    assessed: quality.Assessment
    boot: BootstrapResult
    verdicts: PlsVerdicts


@dataclass(frozen=True)
class Multigroup:
    """The multigroup analysis of ``column``: its two groups (category labels, in the profile's
    order), MICOM and the permutation test, and their verdicts."""

    column: str
    groups: tuple[str, str]
    result: MgaResult
    verdicts: MgaVerdicts
    excluded: int  # respondents left out for a blank group
    others: int = 0  # respondents of the column's other groups (``model.mga.groups``), left out
    other_groups: tuple[str, ...] = ()  # those groups, in the profile's order


MEASUREMENT_FIELDS = ("loadings", "rho_a", "rho_c", "reliability", "ave", "fornell_larcker", "htmt", "cross_loadings", "outer_vif")


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
    ipma: Ipma | None = None  # importance–performance map of the rated constructs (the conclusions read it)
    controls: tuple[str, ...] = ()  # model.controls: observed variables with a path to every endogenous construct
    terms: tuple[Term, ...] = ()  # their terms, each a single-indicator construct of the model
    categories: dict[str, Categories] = field(default_factory=dict)  # of each categorical control
    mixed: object = None  # reportgen.qualitative.study.MixedResults, with a coded corpus
    first_stage: FirstStage | None = None  # with higher-order constructs: the model of their dimensions
    redundancy: dict[str, tuple[str, float]] = field(default_factory=dict)  # formative construct → (global item, path)
    mediation: dict[tuple[str, ...], Verdict] = field(default_factory=dict)  # specific indirect effect with a direct path → its Zhao type


def measurement_view(r: PlsStudyResults) -> PlsStudyResults:
    """The results as the outer-model section reads them: with higher-order constructs the first
    stage (the dimensions in their place; the higher-order constructs are assessed on stage two,
    :mod:`reportgen.designs.pls.higher_order`); without the control variables, which have no measurement model to
    assess (:mod:`reportgen.stats.pls.measured`)."""
    if r.first_stage is not None:
        first = r.first_stage
        r = replace(r, model=first.model, assessed=first.assessed, boot=first.boot, verdicts=first.verdicts, first_stage=None)
    spec = r.model.spec
    if not spec.unmeasured:
        return r
    controls = set(spec.unmeasured)
    kept = lambda item: item not in {i for c in controls for i in spec.items[spec.constructs.index(c)]}  # noqa: E731
    return replace(
        r,
        model=measured_model(r.model),
        assessed=measured_assessment(spec, r.assessed),
        boot=measured_bootstrap(spec, r.boot),
        initial={c: v for c, v in r.initial.items() if c not in controls},
        initial_spec=measured_spec(r.initial_spec),
        initial_loadings={i: v for i, v in r.initial_loadings.items() if kept(i)},
        initial_verdicts={i: v for i, v in r.initial_verdicts.items() if kept(i)},
    )


def pls_model_of(config: StudyConfig) -> PlsModel:
    """The study's ``model:``, a PLS model in this design."""
    model = config.model
    assert isinstance(model, PlsModel)
    return model


def spec_of(study: Study, controls: tuple[str, ...] = ()) -> PlsSpec:
    """The model: the constructs on the paths, then each control term (``controls``, the keys of
    :func:`reportgen.designs.survey.terms.model_terms`) as a construct of one indicator, itself,
    with a path to every endogenous construct (Hair et al., 2022, model control variables so), then
    the interaction term 'X*M' of each moderation hypothesis with its path to the target (the
    two-stage approach, :mod:`reportgen.stats.pls.interaction`)."""
    config = study.config
    pairs = pls_paths(config)
    higher = config.higher_order
    owner = {d: key for key, hoc in higher.items() for d in hoc.dimensions}
    used = list(dict.fromkeys(owner.get(c, c) for c in config.constructs if any(owner.get(c, c) in p for p in pairs)))
    targets = list(dict.fromkeys(t for _, t in pairs))
    moderated = {Interaction(hyp.steps()[0], hyp.moderator).key: hyp.steps()[-1] for hyp in config.hypotheses.values() if hyp.moderator and hyp.path}

    def measure(c: str) -> tuple[tuple[str, ...], str]:
        return (tuple(higher[c].dimensions), higher[c].mode) if c in higher else (tuple(config.constructs[c].items), config.constructs[c].mode)

    return PlsSpec(
        constructs=(*used, *controls, *moderated),
        items=(*(measure(c)[0] for c in used), *((key,) for key in (*controls, *moderated))),
        modes=(*(measure(c)[1] for c in used), *("A" for _ in (*controls, *moderated))),
        paths=(*pairs, *((key, t) for key in controls for t in targets), *moderated.items()),
        scheme=pls_model_of(config).weighting,
        controls=tuple(controls),
        interactions=tuple(moderated),
        higher_order=tuple(c for c in used if c in higher),
        approach=pls_model_of(config).higher_order_approach,
        dimensions=tuple(
            Dimension(d, tuple(config.constructs[d].items), config.constructs[d].mode) for c in used if c in higher for d in higher[c].dimensions
        ),
    )


@dataclass(frozen=True)
class Indicators:
    """The indicator columns of the model: a construct's items from the data set, a control term's
    column (a number, or a 0/1 dummy) as built from its observed variable."""

    data: Dataset
    controls: dict[str, np.ndarray]
    mean_policy: bool  # missing: mean — the raw columns keep their blanks for each resample's own means

    def items(self, names) -> np.ndarray:
        """The columns after the missing-data rule (blanks replaced by the item means)."""
        return self._columns(names, self.data.items_of)

    def raw(self, names) -> np.ndarray:
        """The columns with their blanks (NaN) under ``missing: mean``, else as :meth:`items`."""
        return self._columns(names, self.data.answers_of if self.mean_policy else self.data.items_of)

    def _columns(self, names, read) -> np.ndarray:
        items = [n for n in names if n not in self.controls]
        read_items = read(items) if items else np.empty((self.data.n_used, 0))
        columns = {n: read_items[:, k] for k, n in enumerate(items)} | self.controls
        return np.column_stack([columns[n] for n in names])


def analyse(study: Study, data: Dataset, progress: bool = True) -> PlsStudyResults:
    config = study.config
    pls = pls_model_of(config)
    warnings: list[str] = []
    terms, categories, control_columns = _control_terms(study, data)
    full = spec_of(study, tuple(t.key for t in terms))
    indicators = Indicators(data, control_columns, config.missing_policy == "mean")
    x = indicators.items(observed_indicators(full))
    if data.n_used < len(full.indicators) + 2 or data.n_used < 10:
        raise AnalysisError.coded("analysis.pls_too_few", n=data.n_used, indicators=len(full.indicators))
    constant = [item for item, sd in zip(observed_indicators(full), x.std(axis=0)) if sd == 0]
    if constant:
        raise AnalysisError.coded("analysis.constant_indicator", item=constant[0])
    described = describe(study, data, warnings)

    def fit(spec: PlsSpec):
        fitted, _ = fitted_model(spec, indicators)
        return dict(zip(spec.indicators, fitted.loadings.sum(axis=1))), quality.reliability(fitted)

    measured_first = stage_one(full)  # the first-order constructs: with higher-order ones, their dimensions in their place
    initial_loadings, initial_reliability = fit(measured_first)
    removal = remove_indicators(measured_first, fit)
    applied = pls.indicator_removal == "hair"  # refused with higher-order constructs (config checks)
    spec = removal.spec if applied else full
    one: PlsResult | None = None
    repeated = spec.higher_order and spec.approach == REPEATED
    if spec.higher_order:  # both stages (or the repeated-indicators model and its view) from one estimate
        x1 = indicators.items(observed_indicators(spec))
        one, model, x = (estimate_repeated if repeated else estimate_higher_order)(x1, spec)
    else:
        model, x = fitted_model(spec, indicators)
        x1 = x
    if (one or model).iterations >= 300:
        warnings.append("the PLS algorithm did not converge in 300 iterations")
    total, _ = quality.effects(model.paths)
    raw = indicators.raw(observed_indicators(spec))
    bar = _progress_bar if progress and sys.stderr.isatty() else None

    def assessed_model(
        model: PlsResult, x: np.ndarray, raw: np.ndarray, whole: FirstStage | None = None
    ) -> tuple[quality.Assessment, BootstrapResult, PlsVerdicts]:
        """The model's criteria, bootstrap and verdicts; ``whole``: by repeated indicators the
        whole model, whose structural criteria and higher-order HTMT the view takes."""
        boot = bootstrap(raw, model, pls.bootstrap, pls.seed, config.settings.alpha, progress=bar)
        assessed = quality.assess(model.spec, model, x, data.n_used)
        if whole is not None:
            assessed, boot = from_whole_model(assessed, boot, model.spec, whole)
        return assessed, boot, _verdicts(model, assessed, boot, config.settings.alpha, removal.removed, pls.htmt)

    first: FirstStage | None = None
    x_one = x1[:, repeated_columns(spec)] if repeated else x1  # the repeated items, once more for each higher-order construct
    if one is not None:
        first = FirstStage(one, *assessed_model(one, x_one, raw[:, repeated_columns(spec)] if repeated else raw))
    if repeated and first is not None:  # the model with every indicator is the repeated-indicators one: its first-order constructs as assessed there
        loadings = dict(zip(first.model.spec.indicators, first.model.loadings.sum(axis=1)))
        initial_loadings = {item: loadings[item] for item in initial_loadings}
        initial_reliability = {c: first.assessed.reliability[c] for c in initial_reliability}
    assessed, boot, verdicts = assessed_model(model, x, raw, first if repeated else None)
    if first is not None:
        verdicts = _with_higher_order(verdicts, first.verdicts, spec)
    if repeated:
        assessed, verdicts = _repeated_reliability(assessed, verdicts, spec)
    redundancy = _redundancy(study, measured_first, indicators)
    if redundancy:
        judged = {c: redundancy_verdict(path) for c, (_, path) in redundancy.items()}
        verdicts = replace(verdicts, redundancy=judged)
        first = replace(first, verdicts=replace(first.verdicts, redundancy=judged)) if first else None
    warnings += quality_warnings(
        assessed.reliability | (first.assessed.reliability if first else {}), verdicts
    )  # first-order constructs as stage one has them
    if applied and removal.removed:
        warnings.append(f"PLS: indicators removed by the rule of Hair et al. (2022): {', '.join(removal.removed)}")
    hypotheses = _hypotheses(study, boot, verdicts)
    prediction = None
    if pls.predict and spec.interactions:
        warnings.append("PLS: PLSpredict is not run for a model with an interaction term")
    elif pls.predict and spec.higher_order and not repeated:
        warnings.append(
            "PLS: PLSpredict is not run for a model with a higher-order construct estimated in two stages (higher_order_approach: repeated_indicators runs it)"
        )
    elif pls.predict:
        settings = pls.predict
        orders = row_orders(len(x), settings.repetitions, pls.seed)
        if repeated and one is not None:  # the whole model, its structural targets (not the dimensions, whose items their HOC repeats)
            targets = tuple(spec.constructs[j] for j in spec.endogenous)
            predictions = cross_validate(x_one, one.spec, orders, settings.folds, settings.technique, only=targets)
            prediction = construct_predictions(indicator_errors(x_one, one.spec, predictions))
        else:
            predictions = cross_validate(x, spec, orders, settings.folds, settings.technique)
            prediction = construct_predictions(indicator_errors(x, spec, predictions))
    groups = _multigroup(study, data, indicators, spec, described) if pls.mga else None
    importance = _ipma(study, model, x, (first.model, x_one) if first else None)
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
        initial_spec=measured_first,
        initial_loadings=initial_loadings,
        initial_verdicts=loading_verdicts(measured_first, initial_loadings, removal.removed),
        explained=why,
        prediction=prediction,
        multigroup=groups,
        ipma=importance,
        controls=tuple(pls.controls),
        terms=tuple(terms),
        categories=categories,
        first_stage=first,
        redundancy=redundancy,
        mediation=mediation_types(boot, verdicts, config.settings.alpha),
    )


def from_whole_model(own: quality.Assessment, boot: BootstrapResult, spec: PlsSpec, whole: FirstStage) -> tuple[quality.Assessment, BootstrapResult]:
    """``own`` and ``boot`` (the view of a repeated-indicators model) with what the whole model
    ``whole`` has: the structural criteria — f² and Q² re-estimate that model, not its view — on
    ``spec``'s paths and constructs, its SRMR (SmartPLS's, with the repeated items), and each
    higher-order construct's HTMT with the other constructs on its own indicators, the repeated
    items, as SmartPLS computes it, with their bootstrap."""
    names, whole_names = spec.constructs, whole.model.spec.constructs
    htmt = own.htmt.copy()
    pairs = {}
    for i, a in enumerate(names):
        for j, c in enumerate(names):
            if i < j and {a, c} & set(spec.higher_order):
                htmt[i, j] = htmt[j, i] = whole.assessed.htmt[whole_names.index(a), whole_names.index(c)]
                pairs[(a, c)] = whole.boot.htmt.get((a, c)) or whole.boot.htmt[(c, a)]
    assessed = replace(
        own,
        f2={p: v for p, v in whole.assessed.f2.items() if p in spec.paths},
        q2={c: v for c, v in whole.assessed.q2.items() if c in spec.constructs},
        inner_vif={p: v for p, v in whole.assessed.inner_vif.items() if p in spec.paths},
        srmr=whole.assessed.srmr,
        htmt=htmt,
    )
    return assessed, replace(boot, htmt=boot.htmt | pairs)


def mediation_types(boot: BootstrapResult, verdicts: PlsVerdicts, alpha: float) -> dict[tuple[str, ...], Verdict]:
    """The type of each specific indirect effect X → … → Y whose model has the direct path X → Y
    (Zhao, Lynch & Chen, 2010): from the significance of the indirect effect and of that path, each
    by its bootstrap p. Without the direct path the model fixes it at zero and there is no type."""
    out = {}
    for chain, st in boot.specific_indirect.items():
        direct = boot.paths.get((chain[0], chain[-1]))
        if direct is not None:
            out[chain] = mediation_type(st.estimate, verdicts.indirect[chain], direct.estimate, significance(direct.p, alpha, MEDIATION_CITATION))
    return out


def _ipma(study: Study, model: PlsResult, x: np.ndarray, first: tuple[PlsResult, np.ndarray] | None) -> Ipma:
    """The IPMA of the rated constructs; a higher-order construct rated by its dimensions'
    rescaled stage-one scores (0–100) when every dimension has a scale; ``first``: stage one's
    model and data."""
    spec = model.spec

    def bounds(names) -> dict[str, tuple[float, float]]:
        scales = {c: study.config.scale_of(c) for c in names}
        return {c: (scale.min, scale.max) for c, scale in scales.items() if scale is not None}

    rated = bounds([c for c in spec.measured if c not in spec.higher_order])
    if first is None:
        return ipma(model, x, rated)
    one, x1 = first
    dimension_scores, _, _ = rescaled_scores(one, x1, bounds(d.construct for d in spec.dimensions))
    x = x.copy()
    for hoc in spec.higher_order:
        dims = spec.items[spec.constructs.index(hoc)]
        if all(d in dimension_scores for d in dims):
            for d in dims:
                x[:, spec.indicators.index(d)] = dimension_scores[d]
            rated[hoc] = (0.0, 100.0)
    return ipma(model, x, rated)


def _redundancy(study: Study, spec: PlsSpec, indicators: Indicators) -> dict[str, tuple[str, float]]:
    """The redundancy analysis of each formative construct with a global item (``global_item``):
    its path to that item in a model of their own (:mod:`reportgen.stats.pls.redundancy`)."""
    out = {}
    for name, items, mode in zip(spec.constructs, spec.items, spec.modes):
        construct = study.config.constructs.get(name)
        if mode == "B" and construct is not None and construct.global_item:
            columns = indicators.items([*items, construct.global_item])
            out[name] = (construct.global_item, redundancy_path(columns[:, :-1], columns[:, -1], tuple(items)))
    return out


def _verdicts(model: PlsResult, assessed: quality.Assessment, boot: BootstrapResult, alpha: float, removed, htmt_max: float) -> PlsVerdicts:
    """The verdicts of a fitted model; its outer-model criteria read on the constructs with a
    measurement model only (not the controls and interaction terms)."""
    spec = model.spec
    verdicts = pls_verdicts(spec, model, assessed, boot, alpha, removed=removed, htmt_max=htmt_max)
    if not spec.unmeasured:
        return verdicts
    measured = pls_verdicts(
        measured_spec(spec),
        measured_model(model),
        measured_assessment(spec, assessed),
        measured_bootstrap(spec, boot),
        alpha,
        removed=removed,
        htmt_max=htmt_max,
    )
    return replace(verdicts, **{name: getattr(measured, name) for name in MEASUREMENT_FIELDS})


def _with_higher_order(second: PlsVerdicts, first: PlsVerdicts, spec: PlsSpec) -> PlsVerdicts:
    """Stage two's verdicts with the measurement verdicts of the first-order constructs from stage
    one and those of the higher-order constructs (their dimensions as indicators) from stage two
    (Sarstedt et al., 2019)."""
    own = set(spec.higher_order)
    dimensions = {d.construct for d in spec.dimensions}

    def merged(name: str):
        one, two = getattr(first, name), getattr(second, name)
        if not isinstance(two, dict):
            return two if two.passed is False else one
        keep = {k: v for k, v in two.items() if (set(k) & own if isinstance(k, tuple) else k in own or k in dimensions)}
        return {**one, **keep}

    return replace(second, **{name: merged(name) for name in MEASUREMENT_FIELDS})


def _repeated_reliability(assessed: quality.Assessment, verdicts: PlsVerdicts, spec: PlsSpec) -> tuple[quality.Assessment, PlsVerdicts]:
    """By repeated indicators a reflective higher-order construct's reliability is the rho_C of its
    paths to its dimensions read as loadings (Sarstedt et al., 2019); it has no weights on them,
    so no rho_A: its reliability is judged on rho_C alone."""
    reflective = [c for c in spec.higher_order if spec.modes[spec.constructs.index(c)] == "A"]
    if not reflective:
        return assessed, verdicts
    rule = Rule("rho_c", RELIABILITY_MIN, PLS_CITATION)
    return (
        replace(assessed, reliability=assessed.reliability | {c: replace(assessed.reliability[c], rho_a=float("nan")) for c in reflective}),
        replace(
            verdicts,
            rho_a=verdicts.rho_a | {c: Verdict("not_reported", rule) for c in reflective},
            reliability=verdicts.reliability | {c: replace(verdicts.rho_c[c], rule=rule) for c in reflective},
        ),
    )


def _control_terms(study: Study, data: Dataset) -> tuple[list[Term], dict[str, Categories], dict[str, np.ndarray]]:
    """The terms of ``model.controls`` (observed variables: a number, or one 0/1 dummy per
    compared category), their categories and their columns by term key."""
    controls = pls_model_of(study.config).controls
    if not controls:
        return [], {}, {}
    terms, columns, categories = model_terms(study.config, list(controls), {}, data.observed)
    return terms, categories, {t.key: columns[:, k] for k, t in enumerate(terms)}


def _multigroup(study: Study, data: Dataset, indicators: Indicators, spec: PlsSpec, described: Description) -> Multigroup:
    """MICOM and the permutation test between the two groups of ``model.mga.column``."""
    settings = pls_model_of(study.config).mga
    assert settings is not None
    column = settings.column
    values = data.profile[column]
    present = {v for v in values if v is not None}
    groups = present_groups = [c for c in described.profile[column].categories if c in present]
    if settings.groups:
        named = study.config.category_labels(column, settings.groups)
        for entry, group in zip(settings.groups, named):
            if group not in groups:
                raise AnalysisError.coded("analysis.mga_no_group", column=column, group=entry, groups=", ".join(map(str, groups)))
        if named[0] == named[1]:
            raise AnalysisError.coded("analysis.mga_same_group", column=column, group=named[0])
        groups = named
    elif len(groups) < 2:
        raise AnalysisError.coded("analysis.mga_one_group", column=column, groups=", ".join(map(str, groups)) or "–")
    elif len(groups) > 2:
        listed = ", ".join(map(str, groups))
        raise AnalysisError.coded("analysis.mga_groups", column=column, count=len(groups), groups=listed, first=groups[0], second=groups[1])
    rows = np.array([v in groups for v in values])
    raw = indicators.raw(observed_indicators(spec))[rows]
    pooled = indicators.items(spec.indicators)[rows]
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
    blank = sum(v is None for v in values)
    others = len(values) - int(rows.sum()) - blank
    left_out = tuple(g for g in present_groups if g not in groups)
    return Multigroup(column, (groups[0], groups[1]), result, mga_verdicts(result, study.config.settings.alpha), blank, others, left_out)


def fitted_model(spec: PlsSpec, indicators: Indicators) -> tuple[PlsResult, np.ndarray]:
    """The model estimated, and the data it was estimated on; with interaction terms by the two
    stages (:func:`reportgen.stats.pls.interaction.estimate_two_stage`). A model with higher-order
    constructs is estimated by :func:`reportgen.stats.pls.higher_order.estimate_two_stage`."""
    if spec.interactions:
        return estimate_two_stage(indicators.raw(observed_indicators(spec)), spec)
    x = indicators.items(spec.indicators)
    return estimate(x, spec), x


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
        if set(sources) & set(spec.interactions):  # its coefficients are not all standardised: no shares of R²
            continue
        x = model.scores[:, [names.index(s) for s in sources]]
        y = model.scores[:, j]
        out[target] = Equation(
            ols(y, x, target, sources), y, x, intervals={s: (boot.paths[(s, target)].ci_low, boot.paths[(s, target)].ci_high) for s in sources}
        )
    return out


def tested(hypotheses: dict[str, PlsHypothesis]) -> dict[str, HypothesisResult]:
    """The PLS hypotheses as the explanations read them: a path is 'partial', a chain 'indirect'."""
    return {
        name: HypothesisResult(
            name, "moderation" if h.moderator else "partial" if len(h.chain) == 2 else "indirect", h.chain[:-1], h.chain[-1], h.expect, h.decision
        )
        for name, h in hypotheses.items()
    }


def _hypotheses(study: Study, boot: BootstrapResult, verdicts: PlsVerdicts) -> dict[str, PlsHypothesis]:
    settings = study.config.settings
    out = {}
    for name, hyp in study.config.hypotheses.items():
        chain = tuple(hyp.steps())
        if hyp.moderator:
            stat = boot.paths[(Interaction(chain[0], hyp.moderator).key, chain[-1])]
        else:
            stat = boot.paths[chain] if len(chain) == 2 else boot.specific_indirect[chain]
        decision = partial_decision(stat.t, stat.p, hyp.expect, settings.alpha, settings.tails)
        constructs = (chain[0], hyp.moderator, chain[-1]) if hyp.moderator else chain
        out[name] = PlsHypothesis(name, chain, hyp.expect, stat, decision, measurement_caveat(verdicts, constructs), hyp.moderator)
    return out


def _progress_bar(done: int, total: int) -> None:
    width = 30
    filled = int(width * done / total)
    sys.stderr.write(f"\rbootstrap [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()
