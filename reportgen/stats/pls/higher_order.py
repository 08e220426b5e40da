"""Higher-order constructs by the disjoint two-stage approach (Becker, Klein & Wetzels, 2012;
Sarstedt, Hair, Cheah, Becker & Ringle, 2019; seminr's ``higher_composite(…, method = two_stage)``).

1. Stage one estimates the model with each higher-order construct (HOC) replaced by its
   lower-order constructs (its dimensions, LOCs), each linked to every construct the HOC is linked
   to: a path A → HOC becomes A → each dimension, HOC → Y becomes each dimension → Y.
2. Stage two measures the HOC by the dimensions' stage-one scores (mode A: reflective–reflective,
   mode B: reflective–formative); every other construct keeps its items.

The dimensions' measurement is assessed on stage one, the HOC's (its dimensions as indicators) and
the structural model on stage two (Sarstedt et al., 2019).

Written on correlations: with standardised items and unit-variance scores ``s = Z w`` (stage-one
weights W), cor(items, scores) = R W and cor(scores) = W'RW. So stage two's indicator correlations
follow from stage one's, and each bootstrap resample repeats both stages on its own correlation
matrix (as seminr re-estimates both stages per resample), all resamples as one batch.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from reportgen.stats.pls.algorithm import PlsResult, PlsSpec, estimate, run_on_correlations


def dimensions_of(spec: PlsSpec, hoc: str) -> tuple[str, ...]:
    """The dimensions of higher-order construct ``hoc``: its indicators in stage two."""
    return spec.items[spec.constructs.index(hoc)]


def stage_one(spec: PlsSpec) -> PlsSpec:
    """The first stage: each higher-order construct replaced by its dimensions (with their own
    items and modes, in its place), every path through it rewired to each dimension."""
    if not spec.higher_order:
        return spec
    by_name = {d.construct: d for d in spec.dimensions}

    def expand(construct: str) -> tuple[str, ...]:
        return dimensions_of(spec, construct) if construct in spec.higher_order else (construct,)

    constructs, items, modes = [], [], []
    for name, block, mode in zip(spec.constructs, spec.items, spec.modes):
        if name in spec.higher_order:
            for dim in block:
                constructs.append(dim)
                items.append(by_name[dim].items)
                modes.append(by_name[dim].mode)
        else:
            constructs.append(name)
            items.append(block)
            modes.append(mode)
    paths = tuple(dict.fromkeys((a, b) for source, target in spec.paths for a in expand(source) for b in expand(target)))
    return replace(spec, constructs=tuple(constructs), items=tuple(items), modes=tuple(modes), paths=paths, higher_order=(), dimensions=())


def observed_indicators(spec: PlsSpec) -> list[str]:
    """The indicators read from the data, in the order of the first stage: all but the
    interaction products and the dimension scores (which stage two makes)."""
    return [i for i in stage_one(spec).indicators if i not in spec.interactions]


def augmented_correlations(item_cor: np.ndarray, first: PlsSpec, weights: np.ndarray, spec: PlsSpec) -> np.ndarray:
    """(B, p2, p2) the correlations of stage two's indicators: the first stage's items (``item_cor``,
    in ``first.indicators`` order) and the dimensions' scores (weights ``weights``, B × p1 × c1)."""
    dims = [first.constructs.index(d.construct) for d in spec.dimensions]
    w = weights[:, :, dims]
    cross = item_cor @ w  # cor(item, score)
    among = np.swapaxes(w, 1, 2) @ cross  # cor(score, score), 1 on the diagonal
    full = np.concatenate([np.concatenate([item_cor, cross], axis=2), np.concatenate([np.swapaxes(cross, 1, 2), among], axis=2)], axis=1)
    names = [*first.indicators, *(d.construct for d in spec.dimensions)]
    index = [names.index(i) for i in spec.indicators]
    return full[:, index][:, :, index]


def stage_two_correlations(item_cor: np.ndarray, spec: PlsSpec) -> np.ndarray:
    """(B, p2, p2) stage two's indicator correlations from stage one's (B, p1, p1), the first stage
    estimated on each (its weights make the dimensions' scores)."""
    first = stage_one(spec)
    return augmented_correlations(item_cor, first, run_on_correlations(item_cor, first).weights, spec)


def estimate_two_stage(x: np.ndarray, spec: PlsSpec) -> tuple[PlsResult, PlsResult, np.ndarray]:
    """Stage one estimated on ``x`` (n × p1, no blanks, columns in :func:`observed_indicators`
    order), stage two on its items and the dimensions' scores; and the data of stage two."""
    first = stage_one(spec)
    one = estimate(x, first)
    x2 = stage_two_data(x, spec, one)
    return one, estimate(x2, spec), x2


def stage_two_data(x: np.ndarray, spec: PlsSpec, fitted: PlsResult) -> np.ndarray:
    """Stage two's data (columns in ``spec.indicators`` order): stage one's items from ``x`` (in
    :func:`observed_indicators` order) and each dimension's score in ``fitted``, a model that has
    the dimensions among its constructs."""
    columns = {name: x[:, k] for k, name in enumerate(stage_one(spec).indicators)}
    columns |= {d.construct: fitted.scores[:, fitted.spec.constructs.index(d.construct)] for d in spec.dimensions}
    return np.column_stack([columns[i] for i in spec.indicators])
