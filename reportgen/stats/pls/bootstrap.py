"""Bootstrap of a PLS model: resample respondents, re-estimate, summarise (Hair et al., 2021, ch. 5).

A resample is drawn as counts of each respondent; its indicator correlation matrix is one
row of a single matrix product (:func:`reportgen.stats.resample.correlations_from_counts`), and all resamples of a
chunk are estimated together on those matrices (:func:`run_on_correlations`). Chunks run on
a thread pool (NumPy releases the GIL in its kernels), so both cores work. Resample indices come from ``numpy.random.default_rng(seed)`` drawn once
up front, so the same seed gives the same numbers whatever the chunking.

For every statistic: the original estimate, the bootstrap mean and SD (n - 1), ``t = estimate / SD``,
the two-tailed p from Student's t with B - 1 df (as SmartPLS reports it), and percentile
confidence limits (SmartPLS "percentile", seminr ``summary(boot)``).

HTMT is summarised differently (:class:`HtmtBoot`): its question is whether it lies below a
threshold (Henseler, Ringle & Sarstedt, 2015, "HTMT_inference"; Hair et al., 2022, ch. 4), a
one-sided test, so its limits are the α and 1 − α percentiles: the two-sided (1 − 2α) percentile
interval whose upper limit is the one-sided (1 − α) upper bound. With α = 0,05 these are the
"5% CI" and "95% CI" columns of seminr ``summary(boot, alpha = 0.10)$bootstrapped_HTMT``, the call
Hair et al. (2021, ch. 4) use for this test.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

import numpy as np
from scipy import special

from reportgen.stats.pls.algorithm import BatchResult, PlsResult, PlsSpec, run_on_correlations
from reportgen.stats.pls.higher_order import observed_indicators, stage_two_correlations
from reportgen.stats.pls.interaction import rescaled, two_stage_correlations
from reportgen.stats.pls.quality import effects, htmt
from reportgen.stats.pls.repeated_indicators import REPEATED, view_of_correlations
from reportgen.stats.resample import correlations_from_counts, replacing_resample_counts, resample_counts

CHUNK = 1250


@dataclass(frozen=True)
class BootStat:
    estimate: float
    mean: float
    sd: float
    t: float
    p: float
    ci_low: float
    ci_high: float


@dataclass(frozen=True)
class HtmtBoot:
    """The bootstrap of one HTMT: the estimate, the bootstrap mean and SD (n - 1), and the
    percentile limits ``lower`` (the α quantile) and ``upper`` (the 1 − α quantile, R's type 7) of
    the B bootstrap HTMT values: ``[lower; upper]`` is the two-sided (1 − 2α) interval and
    ``upper`` the one-sided (1 − α) upper bound (seminr ``summary(boot, alpha = 2α)$bootstrapped_HTMT``)."""

    estimate: float
    mean: float
    sd: float
    lower: float
    upper: float
    alpha: float  # one-sided: ``upper`` is the (1 − alpha) percentile


@dataclass(frozen=True)
class BootstrapResult:
    resamples: int
    paths: dict[tuple[str, str], BootStat]
    total_indirect: dict[tuple[str, str], BootStat]
    specific_indirect: dict[tuple[str, ...], BootStat]
    loadings: dict[str, BootStat]
    htmt: dict[tuple[str, str], HtmtBoot]
    weights: dict[str, BootStat] = field(default_factory=dict)  # outer weights by indicator (a formative construct's test)
    replaced: int = 0  # resamples drawn again because a control variable was constant in them


def _draws(spec: PlsSpec, batch: BatchResult, chains: list[tuple[int, ...]], scales: np.ndarray | None = None) -> np.ndarray:
    """Per resample of ``batch``: path coefficients, indirect effects, loadings, HTMT, flattened;
    with interaction terms their paths and loadings on the scale of the products (``scales``)."""
    if scales is not None:
        paths, loadings = rescaled(spec, batch.paths, batch.loadings, scales)
        batch = replace(batch, paths=paths, loadings=loadings)
    x = batch.item_cor
    _, indirect = effects(batch.paths)
    c = len(spec.constructs)
    h = htmt(spec, batch.item_cor)
    upper = np.triu_indices(c, 1)
    specific = [np.prod([batch.paths[:, a, b] for a, b in zip(ch, ch[1:])], axis=0) for ch in chains]
    parts = [batch.paths.reshape(len(x), -1), indirect.reshape(len(x), -1), batch.loadings.sum(axis=2), h[:, upper[0], upper[1]]]
    if specific:
        parts.append(np.column_stack(specific))
    parts.append(batch.weights.sum(axis=2))
    return np.concatenate(parts, axis=1)


def bootstrap(
    data: np.ndarray,
    original: PlsResult,
    resamples: int = 5000,
    seed: int | None = None,
    alpha: float = 0.05,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
) -> BootstrapResult:
    """Bootstrap ``resamples`` re-estimations of ``original.spec`` on ``data`` (n, p).

    ``data`` may hold blanks (NaN): each resample replaces them by its own item means (seminr).
    With interaction terms (``spec.interactions``) ``data`` holds the items only: each resample
    computes its own products (:func:`reportgen.stats.pls.interaction.two_stage_correlations`).
    With higher-order constructs ``data`` holds stage one's items (in
    :func:`reportgen.stats.pls.higher_order.observed_indicators` order): each resample estimates
    stage one for its dimensions' scores (:func:`reportgen.stats.pls.higher_order.stage_two_correlations`),
    or, by repeated indicators, the whole model read as stage two
    (:func:`reportgen.stats.pls.repeated_indicators.view_of_correlations`).
    """
    from reportgen.stats.pls.quality import specific_indirect

    spec = original.spec
    data = np.asarray(data, dtype=float)
    n = data.shape[0]
    observed = observed_indicators(spec)
    control_items = {i for c in spec.controls for i in spec.items[spec.constructs.index(c)]}
    controls = [k for k, item in enumerate(observed) if item in control_items]
    if controls:  # a resample without a member of a control's category leaves its column constant: drawn again, as PROCESS does
        counts, replaced = replacing_resample_counts(n, resamples, seed, data[:, controls], [observed[k] for k in controls])
    else:
        counts, replaced = resample_counts(n, resamples, seed), 0
    chain_names = list(specific_indirect(spec, original.paths))
    chains = [tuple(spec.constructs.index(c) for c in chain) for chain in chain_names]
    starts = list(range(0, resamples, CHUNK))
    done = 0

    def statistics(block: np.ndarray) -> np.ndarray:
        """The statistics of the resamples in ``block``; with an interaction term both stages run in each."""
        if spec.interactions:
            correlations, scales = two_stage_correlations(data, block, spec)
            return _draws(spec, run_on_correlations(correlations, spec), chains, scales)
        if spec.higher_order and spec.approach == REPEATED:
            return _draws(spec, view_of_correlations(correlations_from_counts(data, block), spec), chains)
        if spec.higher_order:
            return _draws(spec, run_on_correlations(stage_two_correlations(correlations_from_counts(data, block), spec), spec), chains)
        return _draws(spec, run_on_correlations(correlations_from_counts(data, block), spec), chains)

    def work(start: int) -> np.ndarray:
        return statistics(counts[start : start + CHUNK])

    pieces = []
    with ThreadPoolExecutor(max_workers=workers or min(2, os.cpu_count() or 1)) as pool:
        for piece in pool.map(work, starts):
            pieces.append(piece)
            done += len(piece)
            if progress:
                progress(done, resamples)
    draws = np.concatenate(pieces)
    est = statistics(np.ones((1, n)))[0]
    return replace(_summarise(spec, chain_names, est, draws, alpha), replaced=replaced)


def _summarise(spec, chain_names, est, draws, alpha) -> BootstrapResult:
    c = len(spec.constructs)
    p = len(spec.indicators)
    b = draws.shape[0]
    sd = draws.std(axis=0, ddof=1)
    mean = draws.mean(axis=0)
    fixed = sd <= 1e-12 * np.maximum(1.0, np.abs(est))  # the loading of a single indicator, 1 in every resample:
    sd[fixed] = 0.0  # its SD is rounding noise, and t and p are not defined (SmartPLS prints n/a)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(fixed, np.nan, est / sd)
    pvals = 2 * special.stdtr(b - 1, -np.abs(t))
    low, high = np.nanquantile(draws, [alpha / 2, 1 - alpha / 2], axis=0)

    def stat(k: int) -> BootStat:
        return BootStat(float(est[k]), float(mean[k]), float(sd[k]), float(t[k]), float(pvals[k]), float(low[k]), float(high[k]))

    names = spec.constructs
    offset_ind, offset_load, offset_htmt = c * c, 2 * c * c, 2 * c * c + p
    upper = list(zip(*np.triu_indices(c, 1)))
    offset_chain = offset_htmt + len(upper)
    offset_weights = offset_chain + len(chain_names)
    paths = {(s, t_): stat(names.index(s) * c + names.index(t_)) for s, t_ in spec.paths}
    total_indirect = {(names[i], names[j]): stat(offset_ind + i * c + j) for i in range(c) for j in range(c) if abs(est[offset_ind + i * c + j]) > 0}
    loadings = {item: stat(offset_load + k) for k, item in enumerate(spec.indicators)}
    htmt_stats = _htmt_stats(names, upper, est[offset_htmt:offset_chain], draws[:, offset_htmt:offset_chain], alpha)
    specific = {chain: stat(offset_chain + k) for k, chain in enumerate(chain_names)}
    weights = {item: stat(offset_weights + k) for k, item in enumerate(spec.indicators)}
    return BootstrapResult(b, paths, total_indirect, specific, loadings, htmt_stats, weights)


def _htmt_stats(names, pairs, est, draws, alpha) -> dict[tuple[str, str], HtmtBoot]:
    """:class:`HtmtBoot` of every pair (i, j) of ``pairs``; ``draws`` (B, pairs) the bootstrap HTMT values."""
    if not pairs:
        return {}
    lower, upper = np.nanquantile(draws, [alpha, 1 - alpha], axis=0)
    mean, sd = np.nanmean(draws, axis=0), np.nanstd(draws, axis=0, ddof=1)
    return {
        (names[i], names[j]): HtmtBoot(float(est[k]), float(mean[k]), float(sd[k]), float(lower[k]), float(upper[k]), alpha)
        for k, (i, j) in enumerate(pairs)
    }
