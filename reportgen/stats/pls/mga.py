"""Multigroup analysis of a PLS path model: MICOM, then the permutation test of each path's
difference between two groups (Hair, Sarstedt, Ringle & Gudergan, 2018, ch. 4 and 5).

Each group's model is estimated on its own respondents, a blank replaced by the item mean *of
the group* (seminr ``estimate_pls_mga``, which re-estimates each group from its raw data).

Permutation (Chin & Dibbern, 2010): the group labels are shuffled P times, the group sizes kept;
each shuffle re-estimates both groups. For a path the difference is ``d = β₁ − β₂`` and its
two-sided p value ``p = (1 + #{|d*| ≥ |d|}) / (P + 1)`` (Phipson & Smyth, 2010: the observed
labelling counts as one of the permutations, so p is never 0).

MICOM (Henseler, Ringle & Sarstedt, 2016), on the same shuffles:

- Step 2, compositional invariance: ``c = cor(X w₁, X w₂)``, the correlation over all respondents
  of the composite scored with group 1's weights and with group 2's (X the pooled indicators
  standardised). Established when c is not below the 5% quantile of its permutation values.
- Step 3, equal means and variances: the composite scored with the pooled model's weights;
  ``mean₁ − mean₂`` and ``log(var₁ / var₂)`` of its scores in the two groups. Equal when the
  observed value lies within the 2.5% and 97.5% quantiles of its permutation values.

Quantiles as R's default (type 7, NumPy ``linear``). All the shuffles are estimated as one batch
(:func:`reportgen.stats.pls.algorithm.run_on_correlations`), the groups' correlation matrices
taken from 0/1 row counts (:func:`reportgen.stats.resample.correlations_from_counts`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reportgen.stats.pls.algorithm import BatchResult, PlsSpec, run_on_correlations
from reportgen.stats.resample import correlations_from_counts

CHUNK = 500  # shuffles estimated at once


@dataclass(frozen=True)
class PathDifference:
    """One path in the two groups and the permutation test of their difference."""

    source: str
    target: str
    group1: float
    group2: float
    difference: float
    p: float


@dataclass(frozen=True)
class Invariance:
    """MICOM steps 2 and 3 of one construct."""

    construct: str
    c: float
    c_quantile: float  # the 5% quantile of c over the shuffles
    mean_difference: float
    mean_interval: tuple[float, float]
    log_variance_ratio: float
    variance_interval: tuple[float, float]

    @property
    def compositional(self) -> bool:
        return self.c >= self.c_quantile - 1e-12  # a one-indicator composite: c = 1 = its quantile, up to rounding

    @property
    def equal_means(self) -> bool:
        return self.mean_interval[0] <= self.mean_difference <= self.mean_interval[1]

    @property
    def equal_variances(self) -> bool:
        return self.variance_interval[0] <= self.log_variance_ratio <= self.variance_interval[1]


@dataclass(frozen=True)
class MgaResult:
    sizes: tuple[int, int]
    permutations: int
    paths: list[PathDifference]
    invariance: list[Invariance]
    r2: tuple[dict[str, float], dict[str, float]]  # each group's R² by endogenous construct


def _estimates(raw: np.ndarray, spec: PlsSpec, masks: np.ndarray) -> BatchResult:
    """The model estimated on the rows of each 0/1 mask (B, n); blanks get the group's item mean."""
    return run_on_correlations(correlations_from_counts(raw, masks), spec)


def _standardised(x: np.ndarray) -> np.ndarray:
    return (x - x.mean(axis=0)) / x.std(axis=0, ddof=1)


def _composite_correlation(r: np.ndarray, w1: np.ndarray, w2: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """cor(X w₁, X w₂) per construct for weights (B, p, c), R the pooled correlation matrix."""
    w1, w2 = w1 * mask, w2 * mask
    cross = np.einsum("bpc,pq,bqc->bc", w1, r, w2)
    v1 = np.einsum("bpc,pq,bqc->bc", w1, r, w1)
    v2 = np.einsum("bpc,pq,bqc->bc", w2, r, w2)
    return cross / np.sqrt(v1 * v2)


def _moments(scores: np.ndarray, masks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean difference and log variance ratio of the scores (n, c) between the rows of each mask
    (B, n) and the other rows."""
    other = 1.0 - masks
    n1, n2 = masks.sum(axis=1)[:, None], other.sum(axis=1)[:, None]
    m1, m2 = masks @ scores / n1, other @ scores / n2
    v1 = (masks @ scores**2 - n1 * m1**2) / (n1 - 1)
    v2 = (other @ scores**2 - n2 * m2**2) / (n2 - 1)
    return m1 - m2, np.log(v1 / v2)


def multigroup(raw: np.ndarray, pooled: np.ndarray, spec: PlsSpec, group1: np.ndarray, shuffles: np.ndarray) -> MgaResult:
    """MICOM and the permutation test of every path between the rows of ``group1`` (bool, n) and
    the others.

    ``raw`` (n, p) holds the indicators in ``spec.indicators`` order with blanks as NaN; ``pooled``
    the same with the study's missing-data rule applied (the pooled model's data); ``shuffles``
    (P, n) one permutation of the row numbers each: shuffle k makes group 1 of the rows
    ``shuffles[k, :n₁]``."""
    n = raw.shape[0]
    group1 = np.asarray(group1, dtype=bool)
    n1 = int(group1.sum())
    observed = np.vstack([group1, ~group1]).astype(float)
    fitted = _estimates(raw, spec, observed)
    mask = spec.mask
    r = np.corrcoef(pooled, rowvar=False)
    weights = fitted.weights
    c_obs = _composite_correlation(r, weights[:1], weights[1:], mask)[0]
    pooled_weights = run_on_correlations(r[None], spec).weights[0]
    scores = _standardised(pooled) @ pooled_weights
    mean_obs, var_obs = (v[0] for v in _moments(scores, group1[None].astype(float)))

    pairs = [(spec.constructs.index(a), spec.constructs.index(b)) for a, b in spec.paths]
    rows, cols = zip(*pairs) if pairs else ((), ())
    d_obs = fitted.paths[0][rows, cols] - fitted.paths[1][rows, cols]
    d_perm, c_perm, mean_perm, var_perm = [], [], [], []
    for start in range(0, len(shuffles), CHUNK):
        block = shuffles[start : start + CHUNK]
        masks = np.zeros((len(block), n))
        np.put_along_axis(masks, block[:, :n1], 1.0, axis=1)
        batch = _estimates(raw, spec, np.vstack([masks, 1.0 - masks]))
        b = len(block)
        d_perm.append(batch.paths[:b][:, rows, cols] - batch.paths[b:][:, rows, cols])
        c_perm.append(_composite_correlation(r, batch.weights[:b], batch.weights[b:], mask))
        means, variances = _moments(scores, masks)
        mean_perm.append(means)
        var_perm.append(variances)
    d_all, c_all = np.concatenate(d_perm), np.concatenate(c_perm)
    mean_all, var_all = np.concatenate(mean_perm), np.concatenate(var_perm)
    permutations = len(shuffles)
    exceed = (np.abs(d_all) >= np.abs(d_obs) - 1e-12 * np.maximum(1.0, np.abs(d_obs))).sum(axis=0)
    p = (1 + exceed) / (permutations + 1)
    paths = [
        PathDifference(a, b, float(fitted.paths[0][i, j]), float(fitted.paths[1][i, j]), float(d_obs[k]), float(p[k]))
        for k, ((a, b), (i, j)) in enumerate(zip(spec.paths, pairs))
    ]
    c_low = np.quantile(c_all, 0.05, axis=0)
    mean_ci = np.quantile(mean_all, [0.025, 0.975], axis=0)
    var_ci = np.quantile(var_all, [0.025, 0.975], axis=0)
    invariance = [
        Invariance(
            construct,
            float(c_obs[j]),
            float(c_low[j]),
            float(mean_obs[j]),
            (float(mean_ci[0, j]), float(mean_ci[1, j])),
            float(var_obs[j]),
            (float(var_ci[0, j]), float(var_ci[1, j])),
        )
        for j, construct in enumerate(spec.constructs)
        if construct not in spec.unmeasured  # a control or an interaction term has no measurement to be invariant
    ]
    r2 = tuple({spec.constructs[j]: float(fitted.r2[g, j]) for j in spec.endogenous} for g in (0, 1))
    return MgaResult((n1, n - n1), permutations, paths, invariance, (r2[0], r2[1]))


def shuffles_of(n: int, permutations: int, seed: int | None) -> np.ndarray:
    """(P, n) row permutations from ``default_rng([seed, 2])``, a stream of its own."""
    rng = np.random.default_rng(None if seed is None else [seed, 2])
    return np.array([rng.permutation(n) for _ in range(permutations)])
