"""The PLS-PM algorithm, vectorised over a batch of data sets (one estimate or many resamples).

Lohmöller (1989) / Hair et al. (2021, *PLS-SEM Using R*), as implemented by seminr 2.3
(``estimate_pls``) and SmartPLS:

1. Standardise the indicators (sd with n - 1). Outer weights start at 1.
2. Outer proxies ``Y = X W``, standardised.
3. Inner weights ``E``: path scheme — the OLS coefficients of a construct on its predecessors
   and the correlations with its successors; factorial — correlations with all neighbours;
   centroid — their signs. Inner proxies ``Z = Y E``, standardised.
4. New outer weights: mode A ``w_j = cov(x_j, z)``; mode B ``w = R_xx^-1 r_xz``; each block
   rescaled so that its score has unit variance (root mean square with n - 1).
5. Repeat 2–4 until ``sum |W_new - W_old| < 10^-7`` (seminr's criterion) or 300 iterations.
6. Scores ``X W``; loadings ``cov(x, y)``; path coefficients by OLS of each endogenous construct
   on its predecessors; R² and adjusted R².

Every array carries a leading batch axis B, so 5000 bootstrap resamples run as one set of
matrix products.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

MAX_ITER = 300
STOP = 1e-7


@dataclass(frozen=True)
class Dimension:
    """A lower-order construct of a higher-order one: its own indicators and mode, estimated in
    the first stage (:mod:`reportgen.stats.pls.higher_order`)."""

    construct: str
    items: tuple[str, ...]
    mode: str = "A"


@dataclass(frozen=True)
class PlsSpec:
    """The model: indicators per construct, their mode, the paths and the inner scheme."""

    constructs: tuple[str, ...]
    items: tuple[tuple[str, ...], ...]  # per construct, in order
    modes: tuple[str, ...]  # "A" | "B" per construct
    paths: tuple[tuple[str, str], ...]  # (source, target)
    scheme: str = "path"  # path | factorial | centroid
    controls: tuple[str, ...] = ()  # constructs that are control variables: one observed indicator, not assessed as measures
    interactions: tuple[str, ...] = ()  # 'X*M' constructs of a two-stage moderation (last), their indicator the product of scores
    higher_order: tuple[str, ...] = ()  # constructs measured by their dimensions' first-stage scores (their items: the dimensions' names)
    dimensions: tuple[Dimension, ...] = ()  # the lower-order constructs of every higher-order one
    approach: str = "two_stage"  # how the higher-order constructs are estimated: two_stage | repeated_indicators
    repeated: tuple[str, ...] = ()  # in a repeated-indicators model: the higher-order constructs, their items their dimensions' repeated

    @property
    def unmeasured(self) -> tuple[str, ...]:
        """The constructs without a measurement model to assess: controls, interaction terms and the
        higher-order constructs of a repeated-indicators model (assessed through their dimensions)."""
        return self.controls + self.interactions + self.repeated

    @property
    def measured(self) -> list[str]:
        """The constructs whose measurement the outer model assesses."""
        return [c for c in self.constructs if c not in self.unmeasured]

    @property
    def indicators(self) -> list[str]:
        return [i for block in self.items for i in block]

    @property
    def mask(self) -> np.ndarray:
        """(p, c) membership: 1 where indicator belongs to construct."""
        m = np.zeros((len(self.indicators), len(self.constructs)))
        row = 0
        for j, block in enumerate(self.items):
            m[row : row + len(block), j] = 1
            row += len(block)
        return m

    @property
    def path_matrix(self) -> np.ndarray:
        """(c, c) with 1 at [source, target]."""
        p = np.zeros((len(self.constructs),) * 2)
        for s, t in self.paths:
            p[self.constructs.index(s), self.constructs.index(t)] = 1
        return p

    @property
    def endogenous(self) -> list[int]:
        return [j for j in range(len(self.constructs)) if self.path_matrix[:, j].any()]

    def predecessors(self, j: int) -> list[int]:
        return list(np.flatnonzero(self.path_matrix[:, j]))

    def without_indicator(self, item: str) -> PlsSpec:
        """The model with indicator ``item`` removed from its construct."""
        return replace(self, items=tuple(tuple(i for i in block if i != item) for block in self.items))

    def construct_of(self, item: str) -> str:
        return next(c for c, block in zip(self.constructs, self.items) if item in block)

    def without(self, source: str, target: str) -> PlsSpec:
        return replace(self, paths=tuple(p for p in self.paths if p != (source, target)))

    def connected(self) -> PlsSpec:
        """The model without the constructs that no path touches (and their indicators), as seminr
        estimates only the constructs of its structural model: an unconnected construct has no
        inner proxy under the path scheme (its weights would divide by zero)."""
        keep = [j for j, c in enumerate(self.constructs) if any(c in path for path in self.paths)]
        return replace(
            self,
            constructs=tuple(self.constructs[j] for j in keep),
            items=tuple(self.items[j] for j in keep),
            modes=tuple(self.modes[j] for j in keep),
        )


@dataclass(frozen=True)
class BatchResult:
    """Arrays with a leading batch axis."""

    weights: np.ndarray  # (B, p, c)
    loadings: np.ndarray  # (B, p, c), own construct only
    paths: np.ndarray  # (B, c, c) coefficient at [source, target]
    r2: np.ndarray  # (B, c), NaN for exogenous constructs
    construct_cor: np.ndarray  # (B, c, c)
    item_cor: np.ndarray  # (B, p, p)
    iterations: np.ndarray  # (B,)


@dataclass(frozen=True)
class PlsResult:
    """One estimated model (batch of one), with names."""

    spec: PlsSpec
    n: int
    weights: np.ndarray  # (p, c)
    loadings: np.ndarray  # (p, c)
    paths: np.ndarray  # (c, c)
    r2: np.ndarray  # (c,)
    construct_cor: np.ndarray
    item_cor: np.ndarray
    scores: np.ndarray = field(repr=False)  # (n, c) standardised construct scores
    cross_loadings: np.ndarray = field(repr=False)  # (p, c) cor(item, every construct)
    iterations: int = 0

    @property
    def adj_r2(self) -> np.ndarray:
        """``1 - (1 - R²)(n - 1)/(n - k - 1)`` with k the predecessors of the construct."""
        out = np.full(len(self.spec.constructs), np.nan)
        for j in self.spec.endogenous:
            k = len(self.spec.predecessors(j))
            out[j] = 1 - (1 - self.r2[j]) * (self.n - 1) / (self.n - k - 1)
        return out


def _standardise(a: np.ndarray) -> np.ndarray:
    """Centre and scale along the observation axis (axis -2), sd with n - 1."""
    a = a - a.mean(axis=-2, keepdims=True)
    sd = np.sqrt((a * a).sum(axis=-2, keepdims=True) / (a.shape[-2] - 1))
    return a / np.where(sd == 0, 1.0, sd)


def correlations(x: np.ndarray) -> np.ndarray:
    """Indicator correlation matrices of a batch of data sets (B, n, p) → (B, p, p)."""
    xs = _standardise(np.asarray(x, dtype=float))
    return np.swapaxes(xs, -1, -2) @ xs / (xs.shape[-2] - 1)


def _inner_weights(cor: np.ndarray, spec: PlsSpec, path: np.ndarray) -> np.ndarray:
    """E[..., i, j]: weight of construct i in the inner proxy of construct j."""
    if spec.scheme == "factorial":
        return cor * (path + path.T)
    if spec.scheme == "centroid":
        return np.sign(cor) * (path + path.T)
    inner = cor * path.T  # successors: correlation
    for j in spec.endogenous:
        preds = spec.predecessors(j)
        inner[..., preds, j] = np.linalg.solve(cor[..., preds][..., preds, :], cor[..., preds, j][..., None])[..., 0]
    return inner


def _regressions(cor: np.ndarray, spec: PlsSpec) -> tuple[np.ndarray, np.ndarray]:
    """Path coefficients (B, c, c) and R² (B, c) from the construct correlations."""
    batch = cor.shape[0]
    c = len(spec.constructs)
    paths = np.zeros((batch, c, c))
    r2 = np.full((batch, c), np.nan)
    for j in spec.endogenous:
        preds = spec.predecessors(j)
        rxy = cor[:, preds, j]
        beta = np.linalg.solve(cor[:, preds][:, :, preds], rxy[..., None])[..., 0]
        paths[:, preds, j] = beta
        r2[:, j] = (beta * rxy).sum(axis=1)
    return paths, r2


def _unit_variance(weights: np.ndarray, item_cor: np.ndarray) -> np.ndarray:
    """Rescale each construct's weights so that var(X w) = w' R w = 1."""
    variance = np.einsum("bpc,bpq,bqc->bc", weights, item_cor, weights)
    return weights / np.sqrt(variance)[:, None, :]


def run_batch(x: np.ndarray, spec: PlsSpec) -> BatchResult:
    """Run the algorithm on every data set of ``x`` (B, n, p) at once."""
    return run_on_correlations(correlations(x), spec)


def run_on_correlations(item_cor: np.ndarray, spec: PlsSpec) -> BatchResult:
    """The algorithm written on the indicator correlations R (B, p, p) alone.

    With standardised indicators and unit-variance scores ``Y = X W``: cor(Y) = W'RW;
    the inner proxies ``Z = Y E`` have var(Z) = diag(E'W'RWE) and cov(X, Z) = R W E. So every
    step of the iteration is a product of p × p and p × c matrices, whatever n is.
    """
    batch = item_cor.shape[0]
    mask = spec.mask
    path = spec.path_matrix
    mode_b = [j for j, m in enumerate(spec.modes) if m == "B"]
    blocks = [np.flatnonzero(mask[:, j]) for j in range(mask.shape[1])]
    weights = _unit_variance(np.broadcast_to(mask, (batch,) + mask.shape).copy(), item_cor)
    done = np.zeros(batch, dtype=bool)
    iterations = np.zeros(batch, dtype=int)
    for _ in range(MAX_ITER + 1):
        rw = item_cor @ weights  # cov(X, Y)
        cor = np.swapaxes(weights, 1, 2) @ rw  # cor(Y)
        inner = _inner_weights(cor, spec, path)
        z_var = np.einsum("bic,bij,bjc->bc", inner, cor, inner)
        new = (rw @ inner) / np.sqrt(z_var)[:, None, :] * mask  # mode A: cov(x, z)
        for j in mode_b:
            idx = blocks[j]
            new[:, idx, j] = np.linalg.solve(item_cor[:, idx][:, :, idx], new[:, idx, j][..., None])[..., 0]
        new = _unit_variance(new, item_cor)
        diff = np.abs(new - weights).sum(axis=(1, 2))
        weights = np.where(done[:, None, None], weights, new)
        iterations += ~done
        done |= diff < STOP
        if done.all():
            break
    rw = item_cor @ weights
    construct_cor = np.swapaxes(weights, 1, 2) @ rw
    loadings = rw * mask
    paths, r2 = _regressions(construct_cor, spec)
    return BatchResult(weights, loadings, paths, r2, construct_cor, item_cor, iterations)


def estimate(data: np.ndarray, spec: PlsSpec) -> PlsResult:
    """Estimate the model on ``data`` (n, p), columns in ``spec.indicators`` order."""
    data = np.asarray(data, dtype=float)
    result = run_batch(data[None], spec)
    xs = _standardise(data)
    return first_of(result, spec, xs @ result.weights[0], xs)


def first_of(batch: BatchResult, spec: PlsSpec, scores: np.ndarray, standardised: np.ndarray) -> PlsResult:
    """The first estimate of ``batch`` as a :class:`PlsResult`, with its construct ``scores`` (n, c)
    and the cross loadings cor(indicator, score) of the ``standardised`` data (n, p)."""
    return PlsResult(
        spec=spec,
        n=scores.shape[0],
        weights=batch.weights[0],
        loadings=batch.loadings[0],
        paths=batch.paths[0],
        r2=batch.r2[0],
        construct_cor=batch.construct_cor[0],
        item_cor=batch.item_cor[0],
        scores=scores,
        cross_loadings=standardised.T @ scores / (scores.shape[0] - 1),
        iterations=int(batch.iterations[0]),
    )
