"""Path models of observed scores (one OLS per endogenous construct) and mediation.

- Each endogenous construct is regressed on its predecessors (R ``lm``); direct effects are
  those coefficients.
- The indirect effect of a chain X → M → … → Y is the product of its coefficients; the total
  effect of X on Y sums every route, ``(I - B)^-1 - I`` for the path matrix B.
- Sobel (1982): ``z = ab / sqrt(b² s_a² + a² s_b²)`` for a chain of two links, normal p.
- Percentile bootstrap (Preacher & Hayes, 2008): resample respondents, refit every regression
  from the resample's covariance matrix (``b = S_xx^-1 s_xy``), take the 2.5 and 97.5 percentiles
  of the indirect effect. Same seed → same interval.
- Kind (Baron & Kenny, 1986, with the bootstrap test of Zhao, Lynch & Chen, 2010): ``none`` when
  the interval contains 0; ``full`` when it does not and the direct X → Y effect is not
  significant (or absent); ``partial`` when both are.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from reportgen.stats.regression import RegressionResult, ols
from reportgen.stats.resample import covariances_from_counts, resample_counts


@dataclass(frozen=True)
class PathModel:
    names: tuple[str, ...]
    paths: tuple[tuple[str, str], ...]
    regressions: dict[str, RegressionResult]  # by endogenous construct

    def coefficient(self, source: str, target: str):
        return self.regressions[target].coefficients[source]

    @property
    def matrix(self) -> np.ndarray:
        m = np.zeros((len(self.names),) * 2)
        for s, t in self.paths:
            m[self.names.index(s), self.names.index(t)] = self.coefficient(s, t).b
        return m

    def total_effect(self, source: str, target: str) -> float:
        c = len(self.names)
        total = np.linalg.inv(np.eye(c) - self.matrix) - np.eye(c)
        return float(total[self.names.index(source), self.names.index(target)])


@dataclass(frozen=True)
class Mediation:
    chain: tuple[str, ...]
    a: float
    b: float
    c: float  # total effect of the first on the last construct
    c_prime: float  # direct effect (0 when the model has no direct path)
    c_prime_p: float | None
    indirect: float
    sobel_z: float | None
    sobel_p: float | None
    boot_sd: float
    ci_low: float
    ci_high: float


def fit_path_model(scores: dict[str, np.ndarray], paths: list[tuple[str, str]]) -> PathModel:
    names = tuple(scores)
    targets = list(dict.fromkeys(t for _, t in paths))
    regressions = {}
    for target in targets:
        preds = [s for s, t in paths if t == target]
        regressions[target] = ols(scores[target], np.column_stack([scores[p] for p in preds]), target, preds)
    return PathModel(names, tuple(paths), regressions)


def sobel(a: float, se_a: float, b: float, se_b: float) -> tuple[float, float]:
    z = a * b / np.sqrt(b * b * se_a * se_a + a * a * se_b * se_b)
    return float(z), float(2 * special.ndtr(-abs(z)))


def bootstrap_indirect(scores: dict[str, np.ndarray], paths: list[tuple[str, str]], chains: list[tuple[str, ...]],
                       resamples: int, seed: int | None) -> np.ndarray:
    """(B, len(chains)) bootstrap draws of each chain's indirect effect."""
    names = list(scores)
    x = np.column_stack([scores[n] for n in names])
    cov = covariances_from_counts(x, resample_counts(len(x), resamples, seed))
    coef = {}
    for target in dict.fromkeys(t for _, t in paths):
        preds = [names.index(s) for s, t in paths if t == target]
        j = names.index(target)
        beta = np.linalg.solve(cov[:, preds][:, :, preds], cov[:, preds, j][..., None])[..., 0]
        for k, p in enumerate(preds):
            coef[(names[p], target)] = beta[:, k]
    return np.column_stack([np.prod([coef[(a, b)] for a, b in zip(ch, ch[1:])], axis=0) for ch in chains])


def mediation(model: PathModel, chain: tuple[str, ...], draws: np.ndarray, alpha: float = 0.05) -> Mediation:
    """Summarise one chain given its bootstrap ``draws`` (B,)."""
    links = [model.coefficient(a, b) for a, b in zip(chain, chain[1:])]
    indirect = float(np.prod([c.b for c in links]))
    z = p = None
    if len(links) == 2:
        z, p = sobel(links[0].b, links[0].se, links[1].b, links[1].se)
    low, high = np.quantile(draws, [alpha / 2, 1 - alpha / 2])
    direct = (chain[0], chain[-1]) in model.paths
    c_prime = model.coefficient(chain[0], chain[-1]) if direct else None
    return Mediation(chain, links[0].b, links[-1].b, model.total_effect(chain[0], chain[-1]),
                     c_prime.b if c_prime else 0.0, c_prime.p if c_prime else None, indirect, z, p,
                     float(draws.std(ddof=1)), float(low), float(high))
