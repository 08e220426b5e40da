"""Moderation in a PLS model by the two-stage approach (Hair et al., 2022, ch. 7; seminr's
``interaction_term(iv, moderator, method = two_stage)``).

1. Stage one estimates the main-effects model (the model without its interaction terms) and takes
   the standardised construct scores of the independent variable X and the moderator M.
2. Their product ``X·M`` is the single indicator of the interaction construct ``X*M``, which stage
   two adds to the model with its path to the target; every other construct keeps its indicators.

Each bootstrap resample repeats both stages on its own rows, as seminr does: its items are
standardised by the resample's means and standard deviations (a blank taking the resample's item
mean), scored with the resample's stage-one weights, and the product's correlations with the items
join the resample's item correlations. Written on the correlations, so the resamples run as one
batch (:func:`reportgen.stats.pls.algorithm.run_on_correlations`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from reportgen.stats.pls.algorithm import PlsResult, PlsSpec, estimate, run_on_correlations
from reportgen.stats.resample import correlations_from_counts


@dataclass(frozen=True)
class Interaction:
    iv: str
    moderator: str

    @property
    def key(self) -> str:
        """The interaction construct and its indicator, as seminr names it: 'X*M'."""
        return f"{self.iv}*{self.moderator}"


def stage_one(spec: PlsSpec) -> PlsSpec:
    """The main-effects model: ``spec`` without its interaction constructs and their paths."""
    keep = [j for j, c in enumerate(spec.constructs) if c not in spec.interactions]
    return replace(
        spec,
        constructs=tuple(spec.constructs[j] for j in keep),
        items=tuple(spec.items[j] for j in keep),
        modes=tuple(spec.modes[j] for j in keep),
        paths=tuple(p for p in spec.paths if p[0] not in spec.interactions),
        interactions=(),
    )


def _parts(spec: PlsSpec) -> list[tuple[int, int]]:
    """(X, M) of each interaction, as columns of the stage-one scores."""
    first = stage_one(spec).constructs
    out = []
    for key in spec.interactions:
        iv, moderator = key.split("*")
        out.append((first.index(iv), first.index(moderator)))
    return out


def two_stage_correlations(raw: np.ndarray, counts: np.ndarray, spec: PlsSpec) -> tuple[np.ndarray, np.ndarray]:
    """(B, p + k, p + k) correlations of the items (``raw``, n × p, blanks NaN) and of the k
    interaction products in each resample given as counts (B, n) of the rows, and (B, k) the
    standard deviations of the products (:func:`rescaled`); ``spec`` lists the interaction
    constructs last, each with its product as its one indicator."""
    first = stage_one(spec)
    base = correlations_from_counts(raw, counts)
    weights = run_on_correlations(base, first).weights  # (B, p, c1)
    observed = ~np.isnan(raw)
    filled = np.where(observed, raw, 0.0)
    size = counts.sum(axis=1)
    mean = (counts @ filled) / (counts @ observed)
    centred = np.where(observed[None], raw[None] - mean[:, None, :], 0.0)  # a blank takes the resample mean
    sd = np.sqrt(np.einsum("bn,bnp->bp", counts, centred**2) / (size[:, None] - 1))
    standard = centred / np.where(sd == 0, 1.0, sd)[:, None, :]
    scores = standard @ weights  # (B, n, c1)
    products = np.stack([scores[..., i] * scores[..., m] for i, m in _parts(spec)], axis=-1)  # (B, n, k)
    centred_products = products - (np.einsum("bn,bnk->bk", counts, products) / size[:, None])[:, None, :]
    scale = np.sqrt(np.einsum("bn,bnk->bk", counts, centred_products**2) / (size[:, None] - 1))
    z = centred_products / scale[:, None, :]
    cross = np.einsum("bn,bnp,bnk->bpk", counts, standard, z) / (size[:, None, None] - 1)
    among = np.einsum("bn,bnk,bnl->bkl", counts, z, z) / (size[:, None, None] - 1)
    top = np.concatenate([base, cross], axis=2)
    bottom = np.concatenate([np.swapaxes(cross, 1, 2), among], axis=2)
    return np.concatenate([top, bottom], axis=1), scale


def rescaled(spec: PlsSpec, paths: np.ndarray, loadings: np.ndarray, scales: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Paths (B, c, c) and loadings (B, p, c) with each interaction construct's score on the scale
    of its product rather than standardised: seminr's variance adjustment (Henseler & Chin, 2010),
    the score times the product's standard deviation (its one indicator loads 1). Its path is then
    the change in the standardised target per unit of the product of the standardised X and M, so
    the slope of X at M = m standard deviations is β_X + β_XM · m; the other paths and R² are
    unchanged."""
    paths, loadings = paths.copy(), loadings.copy()
    for k, key in enumerate(spec.interactions):
        j = spec.constructs.index(key)
        i = spec.indicators.index(key)
        paths[:, j, :] /= scales[:, k, None]
        loadings[:, i, j] *= scales[:, k]
    return paths, loadings


def products(raw: np.ndarray, spec: PlsSpec) -> np.ndarray:
    """(n, k) the interaction products of the whole sample, the data of stage two's new indicators
    (their standard deviations are the scales of :func:`rescaled`)."""
    n = raw.shape[0]
    first = stage_one(spec)
    x = np.where(np.isnan(raw), np.nanmean(raw, axis=0), raw)
    standard = (x - x.mean(axis=0)) / x.std(axis=0, ddof=1)
    weights = run_on_correlations(correlations_from_counts(raw, np.ones((1, n))), first).weights[0]
    scores = standard @ weights
    return np.column_stack([scores[:, i] * scores[:, m] for i, m in _parts(spec)])


def estimate_two_stage(raw: np.ndarray, spec: PlsSpec) -> tuple[PlsResult, np.ndarray]:
    """The stage-two model estimated on ``raw`` (n × p items, blanks NaN, in the order of the
    indicators that are not products), with its interaction paths and loadings rescaled as seminr
    reports them (:func:`rescaled`); and the data it was estimated on (items, blanks replaced by
    their means, then the products)."""
    product = products(raw, spec)
    x = np.column_stack([np.where(np.isnan(raw), np.nanmean(raw, axis=0), raw), product])
    result = estimate(x, spec)
    paths, loadings = rescaled(spec, result.paths[None], result.loadings[None], product.std(axis=0, ddof=1)[None])
    return replace(result, paths=paths[0], loadings=loadings[0]), x
