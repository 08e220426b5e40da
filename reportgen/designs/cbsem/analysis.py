"""Run a CB-SEM study: the CFA of the measurement model (every pair of constructs covarying), its
validity and reliability, then the structural model (the CFA's measurement with the paths
between the latent variables), its fit, R² and the test of each path."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from reportgen.config import Study, pls_paths
from reportgen.config.checks import MIN_MEDIATION_RESAMPLES
from reportgen.config.models import CbsemModel
from reportgen.data import Dataset
from reportgen.designs.survey.analysis import Description, HypothesisResult, describe
from reportgen.designs.survey.extras import Extras, extras
from reportgen.errors import AnalysisError
from reportgen.interpret.cbsem import FitVerdicts, MeasurementVerdicts, fit_verdicts, measurement_verdicts
from reportgen.interpret.effects import f2_from_change
from reportgen.interpret.hypotheses import partial_decision
from reportgen.interpret.mediation import indirect_decision, mediation_type, monte_carlo_significance
from reportgen.interpret.verdict import Verdict, significance
from reportgen.stats.cbsem import CbsemFit, fit_cbsem
from reportgen.stats.cbsem_bootstrap import bias_corrected, bootstrap_indirect
from reportgen.stats.cbsem_indirect import IndirectEffect, indirect_effects
from reportgen.stats.cbsem_mi import MAX_INDICATORS, ModificationIndex, modification_indices
from reportgen.stats.cbsem_robust import with_robust_errors
from reportgen.stats.pls import PlsSpec
from reportgen.stats.pls.quality import htmt


@dataclass(frozen=True)
class CbsemStudyResults:
    n_used: int
    n_excluded: int
    described: Description
    cfa: CbsemFit  # the measurement model
    sem: CbsemFit  # the structural model
    correlations: np.ndarray  # latent correlations of the CFA, in construct order
    htmt: np.ndarray  # HTMT of the indicators' correlations (upper triangle)
    measurement: MeasurementVerdicts
    cfa_fit: FitVerdicts
    sem_fit: FitVerdicts
    path_verdicts: dict[tuple[str, str], Verdict]  # significance of each structural path (its z)
    f2: dict[tuple[str, str], float]  # Cohen's f² of each path: the R² its target loses without it
    hypotheses: dict[str, HypothesisResult]
    extras: Extras
    warnings: list[str]
    indirect: dict[str, IndirectEffect] = field(default_factory=dict)  # each indirect hypothesis: a × b, delta SE, Monte Carlo interval
    mediation_types: dict[str, Verdict | None] = field(default_factory=dict)  # its type (Zhao et al., 2010); None without the direct path
    modification: tuple[ModificationIndex, ...] | None = None  # of the CFA, largest first; None above MAX_INDICATORS indicators
    mixed: object = None  # reportgen.qualitative.study.MixedResults, with a coded corpus

    @property
    def constructs(self) -> list[str]:
        return list(self.cfa.measurement)


def path_f2(sem: CbsemFit, path: tuple[str, str]) -> float:
    """Cohen's f² of one structural path, ``(R²_included − R²_excluded) / (1 − R²_included)``
    (Cohen, 1988, eq. 9.2.3), both R² from the latent correlations the fitted model implies: its
    target regressed on all its predecessors (the model's R²) and on them without the path's
    source. Read at the fitted model, R²_excluded cannot exceed R²_included; re-estimating a model
    without the path can give a larger R² and a negative f²."""
    source, target = path
    predecessors = [s for s, u in sem.paths if u == target]
    included = sem.implied_r2(target, predecessors)
    return f2_from_change(included - sem.implied_r2(target, [p for p in predecessors if p != source]), included)


def _bootstrapped(sem, items: pd.DataFrame, indirect: dict, model: CbsemModel, alpha: float, warnings: list[str]) -> dict:
    """The indirect effects with AMOS's bias-corrected bootstrap interval in place of the Monte
    Carlo one (:mod:`reportgen.stats.cbsem_bootstrap`; ``model.bootstrap`` resamples)."""
    chains = [e.chain for e in indirect.values()]
    boot = bootstrap_indirect(sem, items[list(sem.observed)].to_numpy(dtype=float), chains, model.bootstrap, model.seed)
    usable = boot.resamples - boot.failed
    if usable < MIN_MEDIATION_RESAMPLES:
        raise AnalysisError.coded("analysis.cbsem_bootstrap", usable=usable, resamples=boot.resamples)
    if boot.failed:
        warnings.append(f"CB-SEM bootstrap: {boot.failed} of {boot.resamples} resamples could not be fitted and are left out")
    out = {}
    for name, e in indirect.items():
        low, high = bias_corrected(boot.draws[e.chain], e.estimate, alpha)
        out[name] = replace(e, ci_low=low, ci_high=high, draws=usable, interval="bias_corrected", failed=boot.failed)
    return out


def cbsem_model_of(config) -> CbsemModel:
    """The study's ``model:``, a CB-SEM model in this design."""
    model = config.model
    assert isinstance(model, CbsemModel)
    return model


def analyse(study: Study, data: Dataset) -> CbsemStudyResults:
    config = study.config
    settings = config.settings
    warnings: list[str] = []
    paths = tuple(pls_paths(config))
    used = [c for c in config.constructs if any(c in p for p in paths)] if paths else list(config.constructs)  # no paths: a CFA
    measurement = {c: tuple(config.constructs[c].items) for c in used}
    indicators = [i for items in measurement.values() for i in items]
    moments = len(indicators) * (len(indicators) + 1) // 2
    if data.n_used <= len(indicators) + 1:
        raise AnalysisError.coded("analysis.cbsem_too_few", n=data.n_used, indicators=len(indicators))
    items = pd.DataFrame(data.items_of(indicators), columns=indicators)
    constant = [item for item in indicators if items[item].std() == 0]
    if constant:
        raise AnalysisError.coded("analysis.constant_indicator", item=constant[0])
    described = describe(study, data, warnings)
    cfa = fit_cbsem(items, measurement)
    sem = fit_cbsem(items, measurement, paths) if paths else cfa
    if sem.fit.df < 0:
        raise AnalysisError.coded("analysis.cbsem_identified", moments=moments)
    if cbsem_model_of(config).estimator == "mlr":
        x = items[list(cfa.observed)].to_numpy(dtype=float)
        robust_cfa = with_robust_errors(cfa, x)
        cfa, sem = robust_cfa, (with_robust_errors(sem, x) if paths else robust_cfa)
    names = list(measurement)
    correlations = cfa.latent_correlations()
    spec = PlsSpec(tuple(names), tuple(measurement.values()), tuple("A" for _ in names), paths)
    matrix = htmt(spec, np.corrcoef(items.to_numpy(), rowvar=False))
    verdicts = measurement_verdicts(cfa, correlations, matrix)
    path_verdicts = {(s, t): significance(sem.path(s, t).p, settings.alpha) for s, t in paths}
    f2 = {path: path_f2(sem, path) for path in paths}
    chains = {name: tuple(hyp.steps()) for name, hyp in config.hypotheses.items() if len(hyp.steps()) > 2}
    indirect = dict(zip(chains, indirect_effects(sem, data.n_used, list(chains.values()), settings.alpha, cbsem_model_of(config).seed)))
    if chains and cbsem_model_of(config).indirect_interval == "bias_corrected":
        indirect = _bootstrapped(sem, items, indirect, cbsem_model_of(config), settings.alpha, warnings)
    hypotheses, types = {}, {}
    for name, effect in indirect.items():
        chain, expect = effect.chain, config.hypotheses[name].expect
        verdict = monte_carlo_significance(effect.ci_low, effect.ci_high, settings.alpha)
        direct = (chain[0], chain[-1])
        types[name] = mediation_type(effect.estimate, verdict, sem.path(*direct).est, path_verdicts[direct]) if direct in path_verdicts else None
        decision = indirect_decision(verdict, effect.estimate, effect.z, effect.p, effect.se, expect)
        hypotheses[name] = HypothesisResult(name, "indirect", chain[:-1], chain[-1], expect, decision)
    for name, hyp in config.hypotheses.items():
        if name in chains:
            continue
        source, target = hyp.steps()
        estimate = sem.path(source, target)
        assert estimate.z is not None and estimate.p is not None  # a structural path is free
        decision = partial_decision(estimate.z, estimate.p, hyp.expect, settings.alpha, settings.tails)
        hypotheses[name] = HypothesisResult(name, "partial", (source,), target, hyp.expect, decision)
    hypotheses = {name: hypotheses[name] for name in config.hypotheses}  # in the study file's order
    for e in sem.estimates:
        if e.op == "~~" and e.lhs == e.rhs and e.est < 0:
            warnings.append(
                f"CB-SEM: the variance of {e.lhs} is estimated negative ({e.est:.3f}), a Heywood case: the model is misspecified or the sample too small"
            )
    for (construct, item), verdict in verdicts.loadings.items():
        if verdict.passed is False:
            warnings.append(f"CB-SEM: the standardised loading of {item} on {construct} is {verdict.value:.3f}, below {0.5}")
    scores = {c: described.constructs[c].scores for c in used}
    modification = None
    if len(indicators) <= MAX_INDICATORS:
        modification = tuple(sorted(modification_indices(cfa, data.n_used), key=lambda m: -m.mi))
        if cfa.robust is not None:
            warnings.append("CB-SEM MLR: the modification indices are those of normal-theory ML (expected information), not robust ones")
    else:
        warnings.append(f"CB-SEM: no modification indices for a model of more than {MAX_INDICATORS} indicators")
    return CbsemStudyResults(
        n_used=data.n_used,
        n_excluded=data.n_excluded,
        described=described,
        cfa=cfa,
        sem=sem,
        correlations=correlations,
        htmt=matrix,
        measurement=verdicts,
        cfa_fit=fit_verdicts(cfa.fit, settings.alpha),
        sem_fit=fit_verdicts(sem.fit, settings.alpha),
        path_verdicts=path_verdicts,
        f2=f2,
        hypotheses=hypotheses,
        extras=extras(study, data, scores, warnings),
        warnings=warnings,
        indirect=indirect,
        mediation_types=types,
        modification=modification,
    )
