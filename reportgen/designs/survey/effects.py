"""The effect of every hypothesis, from the results of a regression, path or PLS study
(see :mod:`reportgen.interpret.effects` for the measures and their references)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from reportgen.config.term_keys import split_key
from reportgen.interpret.conclusions import Conclusions, conclude
from reportgen.interpret.effects import Effect, f2_from_change, f2_from_r2, f2_from_t, f2_verdict, ranked
from reportgen.stats.pls.quality import effects as path_matrix_effects
from reportgen.stats.regression import Coefficient, RegressionResult

if TYPE_CHECKING:
    from reportgen.designs.pls.analysis import PlsStudyResults


def beta_of(c: Coefficient) -> float:
    """A predictor's standardised coefficient β (only the constant has none)."""
    assert c.beta is not None, "the constant has no standardised coefficient"
    return c.beta


def _direct(name: str, hyp, fit: RegressionResult, tested: float | None = None, hc3: bool = False) -> Effect:
    """β and f² of a predictor; ``tested``: the t the hypothesis was decided by (HC3 where used;
    the OLS t otherwise). f² = t²/df is an effect size of the OLS fit, so it takes the OLS t."""
    source, target = hyp.source[0], hyp.target
    c = fit.coefficients[source]
    f2 = f2_from_t(c.t, fit.df2)
    return Effect(
        name,
        "direct",
        (source, target),
        beta_of(c),
        c.t if tested is None else tested,
        "t" if hc3 is False else "t (HC3)",
        hyp.decision.p,
        hyp.decision,
        f2,
        f2_verdict(f2),
    )


def _standardised(fits: dict[str, RegressionResult]) -> dict[str, dict[str, float]]:
    return {target: {p: beta_of(fit.coefficients[p]) for p in fit.predictors} for target, fit in fits.items()}


def total_effects(coefficients: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """Target → every construct with a path leading to it → its standardised total effect
    T = (I − B)⁻¹ − I (B: the standardised path coefficients, source row, target column; Bollen,
    1987), the importance of IPMA (Ringle & Sarstedt, 2016). One regression equation: T = B."""
    names = list(dict.fromkeys([*coefficients, *(s for row in coefficients.values() for s in row)]))
    matrix = np.zeros((len(names), len(names)))
    for target, row in coefficients.items():
        for source, value in row.items():
            matrix[names.index(source), names.index(target)] = value
    total, _ = path_matrix_effects(matrix)
    reach = np.linalg.matrix_power(np.eye(len(names)) + (matrix != 0), len(names)) > 0  # a path leads from row to column
    return {t: {s: float(total[i, j]) for i, s in enumerate(names) if i != j and reach[i, j]} for j, t in enumerate(names) if t in coefficients}


def _model_reading(coefficients: dict[str, dict[str, float]]) -> dict:
    """What the conclusions read of the model's paths: total effects and direct predictors."""
    return {"importance": total_effects(coefficients), "drivers": {t: tuple(row) for t, row in coefficients.items()}}


def regression_effects(results) -> list[Effect]:
    """Each hypothesis of a regression study: β and f² of a predictor, f² of R² for the
    simultaneous test, f² of the interaction for a moderation."""
    reg = results.regression
    effects = []
    for name, hyp in results.hypotheses.items():
        if hyp.kind == "partial":
            effects.append(_direct(name, hyp, reg, results.t_test(hyp.source[0])[0], results.uses_hc3))
        elif hyp.kind in ("simultaneous", "categorical"):
            change = results.changes.get(name)  # the block's share of R², when the equation has other terms
            value = reg.r2 if change is None else change.r2
            f2 = f2_from_r2(reg.r2) if change is None else f2_from_change(change.r2, reg.r2)
            chain = (*hyp.source, hyp.target) if hyp.kind == "simultaneous" else (split_key(hyp.source[0])[0], hyp.target)
            effects.append(
                Effect(
                    name,
                    hyp.kind,
                    chain,
                    value,
                    hyp.decision.statistic,
                    "F (Wald, HC3)" if results.uses_hc3 else "F",
                    hyp.decision.p,
                    hyp.decision,
                    f2,
                    f2_verdict(f2),
                )
            )
        else:
            effects.append(_moderation_effect(name, hyp, results.extras))
    return ranked(effects, _hypothesised(results))


def _moderation_effect(name: str, hyp, extras) -> Effect:
    """The interaction's b and f² = t²/df of its OLS t; for a moderator of three or more
    categories, ΔR² of its products and f² = ΔR² / (1 − R²) (the same f² for one product)."""
    x, z = hyp.source
    m = extras.moderation[name]
    checks = extras.moderation_checks[name]
    levels = tuple(s.level for s in m.slopes) if m.categorical else ()
    if len(m.interactions) > 1:
        f2 = f2_from_change(m.delta_r2, m.full.r2)
        statistic = "F (Wald, HC3)" if checks.uses_hc3 else "F"
        return Effect(
            name,
            "moderation",
            (x, z, hyp.target),
            m.delta_r2,
            hyp.decision.statistic,
            statistic,
            hyp.decision.p,
            hyp.decision,
            f2,
            f2_verdict(f2),
            levels=levels,
        )
    term = m.full.coefficients[m.interaction]
    f2 = f2_from_t(term.t, m.full.df2)
    tested = checks.interaction_hc3.t if checks.uses_hc3 and checks.interaction_hc3 else term.t
    statistic = "t (HC3)" if checks.uses_hc3 else "t"
    return Effect(name, "moderation", (x, z, hyp.target), term.b, tested, statistic, hyp.decision.p, hyp.decision, f2, f2_verdict(f2), levels=levels)


def _hypothesised(results) -> dict[str, dict[str, float]]:
    """The standardised coefficients of a regression's compared predictors (not its controls, nor a category's term)."""
    reg = results.regression
    return {reg.dependent: {p: beta_of(reg.coefficients[p]) for p in results.compared}}


def path_effects(results) -> list[Effect]:
    """Each hypothesis of a path study: β and f² in its equation, or the standardised indirect
    effect (the product of the β along its chain) with Sobel's z."""
    fits = results.model.regressions
    effects = []
    for name, hyp in results.hypotheses.items():
        if hyp.kind == "indirect":
            m = results.mediations[name]
            effects.append(
                Effect(
                    name,
                    "indirect",
                    (*hyp.source, hyp.target),
                    m.indirect_beta,
                    m.sobel_z if m.sobel_z is not None else float("nan"),
                    "z Sobel",
                    hyp.decision.p,
                    hyp.decision,
                    mediation=kind.outcome if (kind := results.mediation_types.get(name)) else None,
                )
            )
        else:
            effects.append(_direct(name, hyp, fits[hyp.target]))
    return ranked(effects, _standardised(fits))


def pls_effects(results: PlsStudyResults) -> list[Effect]:
    """Each hypothesis of a PLS study: the path coefficient and its f², or the indirect effect."""
    effects = []
    for name, hyp in results.hypotheses.items():
        st = hyp.stat
        if hyp.moderator:  # the interaction X*M → Y, with its f²
            x, y = hyp.chain
            f2 = results.assessed.f2.get((f"{x}*{hyp.moderator}", y))
            size = f2_verdict(f2) if f2 is not None else None
            effects.append(Effect(name, "moderation", (x, hyp.moderator, y), st.estimate, st.t, "t", hyp.decision.p, hyp.decision, f2, size))
        elif len(hyp.chain) == 2:
            f2 = results.assessed.f2.get(hyp.chain)
            effects.append(
                Effect(
                    name, "direct", hyp.chain, st.estimate, st.t, "t", hyp.decision.p, hyp.decision, f2, f2_verdict(f2) if f2 is not None else None
                )
            )
        else:
            kind = results.mediation.get(tuple(hyp.chain))
            effects.append(
                Effect(name, "indirect", hyp.chain, st.estimate, st.t, "t", hyp.decision.p, hyp.decision, mediation=kind.outcome if kind else None)
            )
    return ranked(effects, _pls_coefficients(results))


def _pls_coefficients(results) -> dict[str, dict[str, float]]:
    """Target → source → path coefficient of a PLS model (its constructs, not its control
    variables or interaction terms)."""
    spec = results.model.spec
    names = list(spec.constructs)
    paths = [(s, t) for s, t in spec.paths if s not in spec.unmeasured]
    return {t: {s: float(results.model.paths[names.index(s), names.index(t)]) for s, tt in paths if tt == t} for _, t in paths}


def regression_conclusions(results, effects: list[Effect] | None = None) -> Conclusions:
    reg = results.regression
    return conclude(
        effects or regression_effects(results),
        results.described.constructs,
        {reg.dependent: reg.r2},
        **_model_reading(_hypothesised(results)),
    )


def path_conclusions(results, effects: list[Effect] | None = None) -> Conclusions:
    r2 = {target: fit.r2 for target, fit in results.model.regressions.items()}
    return conclude(
        effects or path_effects(results),
        results.described.constructs,
        r2,
        **_model_reading(_standardised(results.model.regressions)),
    )


def pls_conclusions(results, effects: list[Effect] | None = None) -> Conclusions:
    names = results.model.spec.constructs
    r2 = {names[j]: float(results.model.r2[j]) for j in results.model.spec.endogenous}
    reading = _model_reading(_pls_coefficients(results))
    ipma = results.ipma
    if ipma is not None and not ipma.negative:  # the IPMA of Ringle & Sarstedt (2016): unstandardised importance, weighted performance
        reading["importance"] = ipma.importance
        reading["performance"] = {c: (ipma.performance[c], ipma.interval[c]) for c in ipma.constructs}
    concluded = conclude(effects or pls_effects(results), results.described.constructs, r2, equal_weights=False, **reading)
    return replace(concluded, caveats={name: h.caveat for name, h in results.hypotheses.items()})


def cbsem_effects(results) -> list[Effect]:
    """Each hypothesis of a CB-SEM study: the standardised path coefficient (std.all) with its z
    (AMOS's C.R.) and the f² of its path (the R² its target loses without it); an indirect one,
    the product of its standardised paths with its delta-method z."""
    effects = []
    for name, hyp in results.hypotheses.items():
        if name in results.indirect:
            ind = results.indirect[name]
            effects.append(Effect(name, "indirect", ind.chain, ind.std, hyp.decision.statistic, "z", hyp.decision.p, hyp.decision))
            continue
        path = (hyp.source[0], hyp.target)
        e = results.sem.path(*path)
        f2 = results.f2[path]
        effects.append(Effect(name, "direct", path, e.std, hyp.decision.statistic, "z", hyp.decision.p, hyp.decision, f2, f2_verdict(f2)))
    return ranked(effects, _cbsem_coefficients(results))


def _cbsem_coefficients(results) -> dict[str, dict[str, float]]:
    """Target → source → standardised path coefficient of a CB-SEM model."""
    return {t: {s: results.sem.path(s, tt).std for s, tt in results.sem.paths if tt == t} for _, t in results.sem.paths}


def cbsem_conclusions(results, effects: list[Effect] | None = None) -> Conclusions:
    return conclude(
        effects or cbsem_effects(results),
        results.described.constructs,
        dict(results.sem.r2),
        equal_weights=False,
        **_model_reading(_cbsem_coefficients(results)),
    )


BY_DESIGN = {  # model.type → (its effects, its conclusions)
    "regression": (regression_effects, regression_conclusions),
    "path": (path_effects, path_conclusions),
    "pls": (pls_effects, pls_conclusions),
    "cbsem": (cbsem_effects, cbsem_conclusions),
}
