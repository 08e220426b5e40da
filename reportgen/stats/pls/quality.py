"""Measurement and structural quality of a PLS model (Hair et al., 2021, ch. 4–6).

Definitions follow seminr 2.3 (``summary(model)``) and SmartPLS:

- Cronbach's alpha on the indicator correlations: ``k/(k-1) (1 - k / sum(R))``.
- rho_A (Dijkstra & Henseler, 2015): ``(w'w)^2 · w'(S - diag S)w / w'(ww' - diag ww')w``
  with the outer weights w; 1 for single-item and mode B constructs.
- rho_C ``(sum l)^2 / ((sum l)^2 + sum(1 - l^2))`` and AVE ``mean(l^2)`` from the loadings l.
- HTMT (Henseler et al., 2015): mean absolute heterotrait correlation over the geometric mean
  of the mean absolute monotrait correlations (single-item monotrait = 1).
- Fornell–Larcker: construct correlations with sqrt(AVE) on the diagonal.
- VIF: ``diag(R^-1)`` of a construct's indicators (outer) or of an endogenous construct's
  predecessors (inner).
- f² ``(R²_incl - R²_excl) / (1 - R²_incl)``, re-estimating the model without the path (seminr).
- SRMR of the saturated model: indicator correlations against those implied by the loadings
  and construct correlations, root mean square over the lower triangle (SmartPLS).
- Effects: total ``(I - B)^-1 - I``, indirect = total - direct (B the path matrix).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reportgen.stats.pls.algorithm import PlsResult, PlsSpec, estimate


@dataclass(frozen=True)
class Reliability:
    alpha: float
    rho_a: float
    rho_c: float
    ave: float


def _blocks(spec: PlsSpec) -> list[np.ndarray]:
    mask = spec.mask
    return [np.flatnonzero(mask[:, j]) for j in range(mask.shape[1])]


def reliability(result: PlsResult) -> dict[str, Reliability]:
    out = {}
    for j, (name, idx) in enumerate(zip(result.spec.constructs, _blocks(result.spec))):
        loadings = result.loadings[idx, j]
        k = len(idx)
        if k == 1:
            out[name] = Reliability(1.0, 1.0, 1.0, 1.0)
            continue
        r = result.item_cor[np.ix_(idx, idx)]
        alpha = k / (k - 1) * (1 - k / r.sum())
        if result.spec.modes[j] == "B":
            rho_a = 1.0
        else:
            w = result.weights[idx, j]
            off = ~np.eye(k, dtype=bool)
            ww = np.outer(w, w)
            rho_a = (w @ w) ** 2 * (w @ (r * off) @ w) / (w @ (ww * off) @ w)
        total = loadings.sum()
        rho_c = total**2 / (total**2 + (1 - loadings**2).sum())
        out[name] = Reliability(float(alpha), float(rho_a), float(rho_c), float((loadings**2).mean()))
    return out


def htmt(spec: PlsSpec, item_cor: np.ndarray) -> np.ndarray:
    """(c, c) HTMT, upper triangle, NaN elsewhere; ``item_cor`` may carry a batch axis."""
    blocks = _blocks(spec)
    r = np.abs(item_cor)
    mono = []
    for idx in blocks:
        k = len(idx)
        if k == 1:
            mono.append(np.ones(r.shape[:-2]))
        else:
            sub = r[..., idx[:, None], idx[None, :]]
            mono.append((sub.sum(axis=(-1, -2)) - k) / (k * (k - 1)))
    c = len(blocks)
    out = np.full(r.shape[:-2] + (c, c), np.nan)
    for i in range(c):
        for j in range(i + 1, c):
            hetero = r[..., blocks[i][:, None], blocks[j][None, :]].mean(axis=(-1, -2))
            out[..., i, j] = hetero / np.sqrt(mono[i] * mono[j])
    return out


def fornell_larcker(result: PlsResult, rel: dict[str, Reliability]) -> np.ndarray:
    out = result.construct_cor.copy()
    np.fill_diagonal(out, [np.sqrt(rel[c].ave) for c in result.spec.constructs])
    return out


def outer_vif(result: PlsResult) -> np.ndarray:
    """(p,) VIF of each indicator within its block (1 for single items)."""
    vif = np.ones(len(result.spec.indicators))
    for idx in _blocks(result.spec):
        if len(idx) > 1:
            vif[idx] = np.diag(np.linalg.inv(result.item_cor[np.ix_(idx, idx)]))
    return vif


def inner_vif(result: PlsResult) -> dict[tuple[str, str], float]:
    """VIF of each predecessor in the regression of its target."""
    spec = result.spec
    out = {}
    for j in spec.endogenous:
        preds = spec.predecessors(j)
        values = np.diag(np.linalg.inv(result.construct_cor[np.ix_(preds, preds)])) if len(preds) > 1 else np.ones(1)
        for i, v in zip(preds, values):
            out[(spec.constructs[i], spec.constructs[j])] = float(v)
    return out


def f_squared(result: PlsResult, data: np.ndarray) -> dict[tuple[str, str], float]:
    """Cohen's f² of every path, re-estimating the model without it (seminr ``model_fsquares``);
    a construct that the path was the only link of leaves the re-estimated model
    (:meth:`PlsSpec.connected`), and a target left without predecessors has R² 0."""
    spec = result.spec
    columns = {item: k for k, item in enumerate(spec.indicators)}
    out = {}
    for source, target in spec.paths:
        with_r2 = result.r2[spec.constructs.index(target)]
        reduced = spec.without(source, target).connected()
        if target in reduced.constructs and reduced.predecessors(reduced.constructs.index(target)):
            kept = data[:, [columns[item] for item in reduced.indicators]]
            without_r2 = estimate(kept, reduced).r2[reduced.constructs.index(target)]
        else:
            without_r2 = 0.0
        out[(source, target)] = float((with_r2 - without_r2) / (1 - with_r2))
    return out


def effects(paths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Total and indirect effects of a (…, c, c) path matrix."""
    c = paths.shape[-1]
    total = np.linalg.inv(np.eye(c) - paths) - np.eye(c)
    return total, total - paths


def srmr(result: PlsResult) -> float:
    """SRMR of the saturated model (SmartPLS): implied ``r_ij = l_i l_j cor(Y_a, Y_b)``, r_ii = 1."""
    spec = result.spec
    owner = spec.mask.argmax(axis=1)
    loading = result.loadings.sum(axis=1)
    implied = np.outer(loading, loading) * result.construct_cor[np.ix_(owner, owner)]
    for idx in _blocks(spec):
        if spec.modes[owner[idx[0]]] == "B":
            implied[np.ix_(idx, idx)] = result.item_cor[np.ix_(idx, idx)]
    np.fill_diagonal(implied, 1.0)
    lower = np.tril_indices(len(loading))
    return float(np.sqrt(((result.item_cor - implied)[lower] ** 2).mean()))


def specific_indirect(spec: PlsSpec, paths: np.ndarray) -> dict[tuple[str, ...], np.ndarray]:
    """Every chain of two or more paths (A -> M -> B ...) and its product of coefficients; none
    starts at a control variable (its paths adjust the model, they are not effects of interest)."""
    c = spec.constructs
    chains: dict[tuple[str, ...], np.ndarray] = {}

    def extend(chain: list[int]) -> None:
        last = chain[-1]
        for nxt in np.flatnonzero(spec.path_matrix[last]):
            longer = chain + [int(nxt)]
            if len(longer) >= 3:
                value = np.ones(paths.shape[:-2])
                for a, b in zip(longer, longer[1:]):
                    value = value * paths[..., a, b]
                chains[tuple(c[k] for k in longer)] = value
            extend(longer)

    for start in range(len(c)):
        if c[start] not in spec.unmeasured:
            extend([start])
    return chains


def omission_distance(n: int, preferred: int = 7) -> int:
    """The blindfolding omission distance D: ``preferred`` unless it divides n, else the next
    larger D that does not. With n / D a whole number every round would omit the same
    respondents in every indicator (Hair et al., 2017, ch. 6: n / D must not be an integer)."""
    distance = preferred
    while n % distance == 0:
        distance += 1
    return distance


def q2_blindfolding(result: PlsResult, data: np.ndarray, distance: int = 7) -> dict[str, float]:
    """Stone–Geisser Q² of each endogenous construct by blindfolding (cross-validated redundancy).

    Hair et al. (2017, ch. 6): the data points of the construct's indicators are numbered down
    each indicator's column, one indicator after the other (as semPLS ``qSquared`` numbers the
    block matrix), and every ``distance``-th one is omitted in turn (rounds d = 0 … D-1); omitted
    points are replaced by the item mean of the remaining points, the model is re-estimated, and
    each omitted point is predicted as ``loading × (sum of path × predecessor score)`` in
    standardised units. ``Q² = 1 - SSE / SSO`` with SSO the squared standardised observed values.
    Use :func:`omission_distance` for D, so that no round omits whole respondents.
    """
    from reportgen.stats.pls.algorithm import _standardise

    spec = result.spec
    data = np.asarray(data, dtype=float)
    n = data.shape[0]
    mean, sd = data.mean(axis=0), data.std(axis=0, ddof=1)
    observed = (data - mean) / np.where(sd == 0, 1, sd)
    out = {}
    for j in spec.endogenous:
        idx = _blocks(spec)[j]
        k = len(idx)
        flat = (np.arange(k)[None, :] * n + np.arange(n)[:, None]) % distance
        sse = sso = 0.0
        for d in range(distance):
            omit = flat == d
            filled = data.copy()
            block = filled[:, idx]
            kept = np.where(omit, np.nan, block)
            block[omit] = np.broadcast_to(np.nanmean(kept, axis=0), block.shape)[omit]
            filled[:, idx] = block
            fit = estimate(filled, spec)
            scores = _standardise(filled) @ fit.weights
            predicted_score = scores @ fit.paths[:, j]
            f_mean, f_sd = filled[:, idx].mean(axis=0), filled[:, idx].std(axis=0, ddof=1)
            predicted = (f_mean + f_sd * np.outer(predicted_score, fit.loadings[idx, j]) - mean[idx]) / sd[idx]
            sse += float(((observed[:, idx] - predicted)[omit] ** 2).sum())
            sso += float((observed[:, idx][omit] ** 2).sum())
        out[spec.constructs[j]] = 1 - sse / sso
    return out


@dataclass(frozen=True)
class Assessment:
    """The quality criteria of a fitted model (Hair et al., 2022, ch. 4–6): reliability and AVE
    per construct, HTMT and Fornell–Larcker, outer and inner VIFs, f² and Q² (blindfolding at the
    omission distance ``q2_distance``) and the SRMR."""

    reliability: dict[str, Reliability]
    htmt: np.ndarray
    fornell_larcker: np.ndarray
    outer_vif: np.ndarray
    inner_vif: dict[tuple[str, str], float]
    f2: dict[tuple[str, str], float]
    q2: dict[str, float]
    q2_distance: int
    srmr: float


def assess(spec: PlsSpec, model: PlsResult, x: np.ndarray, n_used: int) -> Assessment:
    """Every criterion of :class:`Assessment` for ``model`` fitted to the standardised answers ``x``."""
    rel = reliability(model)
    distance = omission_distance(n_used)
    return Assessment(
        reliability=rel,
        htmt=htmt(spec, model.item_cor),
        fornell_larcker=fornell_larcker(model, rel),
        outer_vif=outer_vif(model),
        inner_vif=inner_vif(model),
        f2=f_squared(model, x),
        q2=q2_blindfolding(model, x, distance),
        q2_distance=distance,
        srmr=srmr(model),
    )
