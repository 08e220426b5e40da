"""Path models of observed scores (one OLS per endogenous construct) and mediation.

- Each endogenous construct is regressed on its predecessors (R ``lm``); direct effects are
  those coefficients, as B (unstandardised) with SE, t, p and the t interval (R ``confint``),
  and as β = B · sd(x) / sd(y) (R ``coef(lm(scale(y) ~ scale(x) …))``).
- A chain X → M → … → Y has the links a (X → first mediator), then d…, then b (last mediator →
  Y), each the coefficient in its own equation. Its indirect effect is their product a × b (B);
  its standardised indirect effect is the product of their β, which equals a × b · sd(X) / sd(Y)
  (the "completely standardised" indirect effect, Preacher & Kelley, 2011).
- Control variables (covariates) enter every equation of the model, as PROCESS does (Hayes,
  2018, §4.3: "covariates … are included in the models of M and Y"): each coefficient, c′, c
  and the bootstrap refits are adjusted for them, and c = c′ + a × b still holds.
- c′ is the coefficient of X in the equation of Y (the direct effect); the chain's model must
  have the path X → Y (checked in ``reportgen.config.checks``). c, the total effect, is the
  coefficient of X in ``lm(Y ~ X + Z)``, Z the predictors of Y in the model that neither are X
  nor follow from it: c′ and c are adjusted for the same constructs. In a model where every
  equation holds every construct before it, c = c′ + the indirect effects of X on Y; with one
  mediator, c = c′ + a × b (:attr:`Mediation.additive`).
- Sobel (1982): ``z = ab / sqrt(b² s_a² + a² s_b²)`` for a chain of two links, normal p.
- Percentile bootstrap (Preacher & Hayes, 2008; Hayes, 2018): resample respondents, refit
  every regression from the resample's covariance matrix (``b = S_xx^-1 s_xy``, what R ``lm`` on
  the resampled rows gives), take the α/2 and 1 − α/2 quantiles of a × b over the resamples
  (``np.quantile``'s default, R ``quantile(type = 7)``); its SE is their standard deviation
  (R ``sd``). Same seed → same resamples (``numpy.random.default_rng(seed)``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from reportgen.stats.critical import t_critical
from reportgen.stats.regression import RegressionResult, ols
from reportgen.stats.resample import covariances_from_counts, replacing_resample_counts


@dataclass(frozen=True)
class PathModel:
    names: tuple[str, ...]
    paths: tuple[tuple[str, str], ...]
    regressions: dict[str, RegressionResult]  # by endogenous construct
    controls: tuple[str, ...] = ()  # the control terms held in every equation, after its predictors

    def coefficient(self, source: str, target: str):
        return self.regressions[target].coefficients[source]

    def descendants(self, source: str) -> set[str]:
        """Every construct a path of the model leads to from ``source``."""
        found, todo = set(), [source]
        while todo:
            node = todo.pop()
            for s, t in self.paths:
                if s == node and t not in found:
                    found.add(t)
                    todo.append(t)
        return found


@dataclass(frozen=True)
class PathEstimate:
    """One coefficient of ``source`` in the regression of ``target``: B, its SE, t (on ``df``),
    two-sided p, the t interval at ``level`` (R ``confint``) and β."""

    source: str
    target: str
    b: float
    se: float
    beta: float
    t: float
    p: float
    df: int
    ci_low: float
    ci_high: float


def path_estimate(fit: RegressionResult, source: str, level: float) -> PathEstimate:
    """The coefficient of ``source`` in ``fit`` with its t interval ``b ± qt(1 - (1 - level)/2, df) · se``."""
    c = fit.coefficients[source]
    assert c.beta is not None  # a predictor's coefficient (only the constant has no beta)
    half = t_critical(1 - level, fit.df2) * c.se
    return PathEstimate(source, fit.dependent, c.b, c.se, c.beta, c.t, c.p, fit.df2, c.b - half, c.b + half)


@dataclass(frozen=True)
class Mediation:
    """One chain X → M… → Y: its links (a, d…, b), the direct effect c′, the total effect c
    (adjusted for ``covariates``), the indirect effect a × b as B and as β, Sobel's test (two
    links only) and the percentile bootstrap interval of a × b at ``level``."""

    chain: tuple[str, ...]
    links: tuple[PathEstimate, ...]
    direct: PathEstimate  # c′
    total: PathEstimate  # c
    covariates: tuple[str, ...]
    indirect: float  # a × b
    indirect_beta: float  # β_a × β_b
    sobel_se: float | None
    sobel_z: float | None
    sobel_p: float | None
    boot_se: float
    ci_low: float
    ci_high: float
    resamples: int
    level: float
    additive: bool  # c = c′ + a × b, to rounding (the chain is the only route besides c′)

    @property
    def a(self) -> PathEstimate:
        return self.links[0]

    @property
    def b(self) -> PathEstimate:
        return self.links[-1]


def equation_terms(paths: list[tuple[str, str]], target: str, controls: tuple[str, ...] | list[str] = ()) -> list[str]:
    """The regressors of ``target``'s equation: its predecessors on ``paths``, then the controls."""
    return [s for s, t in paths if t == target] + list(controls)


def fit_path_model(scores: dict[str, np.ndarray], paths: list[tuple[str, str]], controls: tuple[str, ...] = ()) -> PathModel:
    """One OLS per endogenous construct of ``paths``, each holding the ``controls`` (keys of ``scores``)."""
    names = tuple(s for s in scores if s not in controls)
    targets = list(dict.fromkeys(t for _, t in paths))
    regressions = {}
    for target in targets:
        preds = equation_terms(paths, target, controls)
        regressions[target] = ols(scores[target], np.column_stack([scores[p] for p in preds]), target, preds)
    return PathModel(names, tuple(paths), regressions, tuple(controls))


def sobel(a: float, se_a: float, b: float, se_b: float) -> tuple[float, float, float]:
    """Sobel's first-order SE of a × b, its z and the two-sided normal p."""
    se = float(np.sqrt(b * b * se_a * se_a + a * a * se_b * se_b))
    z = a * b / se
    return se, float(z), float(2 * special.ndtr(-abs(z)))


def bootstrap_indirect(
    scores: dict[str, np.ndarray],
    paths: list[tuple[str, str]],
    chains: list[tuple[str, ...]],
    resamples: int,
    seed: int | None,
    controls: tuple[str, ...] = (),
) -> tuple[np.ndarray, int]:
    """(B, len(chains)) bootstrap draws of each chain's indirect effect, every equation holding
    ``controls``, and how many resamples were replaced because a control was constant in them
    (:func:`~reportgen.stats.resample.replacing_resample_counts`)."""
    names = list(scores)
    x = np.column_stack([scores[n] for n in names])
    counts, replaced = replacing_resample_counts(len(x), resamples, seed, x[:, [names.index(c) for c in controls]], list(controls))
    cov = covariances_from_counts(x, counts)
    coef = {}
    for target in dict.fromkeys(t for _, t in paths):
        preds = [names.index(s) for s in equation_terms(paths, target, controls)]
        j = names.index(target)
        beta = np.linalg.solve(cov[:, preds][:, :, preds], cov[:, preds, j][..., None])[..., 0]
        for k, p in enumerate(preds):
            coef[(names[p], target)] = beta[:, k]
    return np.column_stack([np.prod([coef[(a, b)] for a, b in zip(ch, ch[1:])], axis=0) for ch in chains]), replaced


def total_regression(model: PathModel, scores: dict[str, np.ndarray], source: str, target: str) -> RegressionResult:
    """``lm(target ~ source + Z)``: Z the predictors of ``target`` in the model that neither are
    ``source`` nor follow from it (the covariates c′ is adjusted for, mediators left out)."""
    after = model.descendants(source)
    covariates = [p for p in model.regressions[target].predictors if p != source and p not in after]
    x = np.column_stack([scores[source]] + [scores[c] for c in covariates])
    return ols(scores[target], x, target, [source, *covariates])


def mediation(model: PathModel, scores: dict[str, np.ndarray], chain: tuple[str, ...], draws: np.ndarray, alpha: float = 0.05) -> Mediation:
    """Summarise one chain given its bootstrap ``draws`` (B,) of a × b, at the level 1 − ``alpha``."""
    level = 1 - alpha
    source, target = chain[0], chain[-1]
    links = tuple(path_estimate(model.regressions[t], s, level) for s, t in zip(chain, chain[1:]))
    direct = path_estimate(model.regressions[target], source, level)
    total_fit = total_regression(model, scores, source, target)
    total = path_estimate(total_fit, source, level)
    indirect = float(np.prod([link.b for link in links]))
    se = z = p = None
    if len(links) == 2:
        se, z, p = sobel(links[0].b, links[0].se, links[1].b, links[1].se)
    low, high = np.quantile(draws, [alpha / 2, 1 - alpha / 2])
    additive = abs(total.b - direct.b - indirect) <= 1e-8 * max(1.0, abs(total.b))
    return Mediation(
        chain,
        links,
        direct,
        total,
        total_fit.predictors[1:],
        indirect,
        float(np.prod([link.beta for link in links])),
        se,
        z,
        p,
        float(draws.std(ddof=1)),
        float(low),
        float(high),
        len(draws),
        level,
        bool(additive),
    )
