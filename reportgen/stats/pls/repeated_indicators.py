"""Higher-order constructs by the repeated indicators approach (Lohmöller, 1989; Becker, Klein &
Wetzels, 2012; Sarstedt, Hair, Cheah, Becker & Ringle, 2019).

One model: each higher-order construct (HOC) is measured by all the items of its dimensions (the
lower-order constructs, LOCs), repeated, in its own mode, and linked to them in the structural
model: HOC → each dimension in mode A (reflective–reflective), each dimension → HOC in mode B
(reflective–formative, whose repeated items Becker et al. (2012) estimate in mode B). seminr
estimates the same model when a composite lists the items of others (``composite("REP",
c(comp_1, …, like_3))``).

Sarstedt et al. (2019) read the model in two parts, and so does the chapter:

- the first-order constructs' measurement (the dimensions among them) on this model, the HOC left
  out (its repeated items are not a measurement of their own: :attr:`PlsSpec.repeated`);
- the HOC's measurement through its relationships with its dimensions — in mode A their paths
  HOC → dimension, which are the correlations cor(HOC, dimension), read as loadings; in mode B the
  paths dimension → HOC, read as weights — and the structural model without those links.

:func:`structural_view` writes that second part as the shape of stage two of the two-stage
approach (the HOC "measured" by its dimensions' scores), so one chapter serves both approaches:
its loadings are cor(dimension, HOC), its weights the regression of the HOC on its dimensions
(in mode B exactly the paths dimension → HOC), its paths and R² those of this model among the
other constructs (the regressions of the same scores), its indicator correlations those of the
items and the dimensions' scores (cor(items, scores) = R W, cor(scores) = W'RW).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from reportgen.stats.pls.algorithm import BatchResult, PlsResult, PlsSpec, _regressions, _standardise, first_of, run_batch, run_on_correlations
from reportgen.stats.pls.higher_order import augmented_correlations, dimensions_of, stage_one, stage_two_data

REPEATED = "repeated_indicators"


def alias(item: str, hoc: str) -> str:
    """The name of ``item`` repeated as an indicator of ``hoc``."""
    return f"{item}@{hoc}"


def item_of(indicator: str) -> str:
    """The item an indicator is: itself, or the item a repeated indicator (:func:`alias`) repeats."""
    return indicator.rsplit("@", 1)[0]


def repeated_spec(spec: PlsSpec) -> PlsSpec:
    """The repeated-indicators model of ``spec``: stage one's constructs and, before each HOC's
    dimensions, the HOC itself with their items repeated (:func:`alias`), in its mode; the paths of
    ``spec`` plus HOC → dimension (mode A) or dimension → HOC (mode B)."""
    first = stage_one(spec)
    constructs, items, modes, links = [], [], [], []
    for name, block, mode in zip(first.constructs, first.items, first.modes):
        hoc = next((h for h in spec.higher_order if name == dimensions_of(spec, h)[0]), None)
        if hoc is not None:
            dims = dimensions_of(spec, hoc)
            hoc_mode = spec.modes[spec.constructs.index(hoc)]
            constructs.append(hoc)
            items.append(tuple(alias(i, hoc) for d in dims for i in first.items[first.constructs.index(d)]))
            modes.append(hoc_mode)
            links += [(hoc, d) if hoc_mode == "A" else (d, hoc) for d in dims]
        constructs.append(name)
        items.append(block)
        modes.append(mode)
    return replace(
        spec,
        constructs=tuple(constructs),
        items=tuple(items),
        modes=tuple(modes),
        paths=(*spec.paths, *links),
        higher_order=(),
        dimensions=(),
        approach=REPEATED,
        repeated=tuple(spec.higher_order),
    )


def repeated_columns(spec: PlsSpec) -> list[int]:
    """Each indicator of :func:`repeated_spec` as its column among stage one's indicators."""
    first = stage_one(spec).indicators
    return [first.index(item_of(i)) for i in repeated_spec(spec).indicators]


def structural_view(batch: BatchResult, item_cor: np.ndarray, spec: PlsSpec) -> BatchResult:
    """``batch`` (the repeated-indicators model estimated on stage one's correlations ``item_cor``)
    in the shape of ``spec``'s stage two: see the module docstring."""
    model = repeated_spec(spec)
    first = stage_one(spec)
    rows = [model.indicators.index(i) for i in first.indicators]
    cols = [model.constructs.index(c) for c in first.constructs]
    item_cor2 = augmented_correlations(item_cor, first, batch.weights[:, rows][:, :, cols], spec)
    keep = [model.constructs.index(c) for c in spec.constructs]
    cor = batch.construct_cor[:, keep][:, :, keep]
    weights = np.zeros((len(batch.weights), len(spec.indicators), len(spec.constructs)))
    loadings = np.zeros_like(weights)
    for j, name in enumerate(spec.constructs):
        block = [spec.indicators.index(i) for i in spec.items[j]]
        if name in spec.higher_order:
            dims = [model.constructs.index(d) for d in spec.items[j]]
            own = model.constructs.index(name)
            between = batch.construct_cor[:, dims][:, :, dims]
            with_hoc = batch.construct_cor[:, dims, own]
            loadings[:, block, j] = with_hoc
            weights[:, block, j] = np.linalg.solve(between, with_hoc[..., None])[..., 0]
        else:
            source = [model.indicators.index(i) for i in spec.items[j]]
            loadings[:, block, j] = batch.loadings[:, source, keep[j]]
            weights[:, block, j] = batch.weights[:, source, keep[j]]
    paths, r2 = _regressions(cor, spec)
    return BatchResult(weights, loadings, paths, r2, cor, item_cor2, batch.iterations)


def repeated_correlations(item_cor: np.ndarray, spec: PlsSpec) -> np.ndarray:
    """(B, p, p) the correlations of the repeated-indicators model's indicators from stage one's."""
    index = repeated_columns(spec)
    return item_cor[:, index][:, :, index]


def view_of_correlations(item_cor: np.ndarray, spec: PlsSpec) -> BatchResult:
    """The repeated-indicators model estimated on each of stage one's correlation matrices
    ``item_cor`` (B, p1, p1), as its :func:`structural_view` (one bootstrap batch)."""
    return structural_view(run_on_correlations(repeated_correlations(item_cor, spec), repeated_spec(spec)), item_cor, spec)


def estimate_repeated(x: np.ndarray, spec: PlsSpec) -> tuple[PlsResult, PlsResult, np.ndarray]:
    """The repeated-indicators model estimated on ``x`` (n × p1, stage one's items in
    :func:`reportgen.stats.pls.higher_order.observed_indicators` order, no blanks) and on its data;
    its :func:`structural_view` as a model of ``spec``; and the view's data (the items and the
    dimensions' scores)."""
    model = repeated_spec(spec)
    data = x[:, repeated_columns(spec)]
    batch = run_batch(data[None], model)
    standardised = _standardise(data)
    one = first_of(batch, model, standardised @ batch.weights[0], standardised)
    first = stage_one(spec)
    rows = [model.indicators.index(i) for i in first.indicators]
    view = structural_view(batch, one.item_cor[np.ix_(rows, rows)][None], spec)
    x2 = stage_two_data(x, spec, one)
    scores = one.scores[:, [model.constructs.index(c) for c in spec.constructs]]
    return one, first_of(view, spec, scores, _standardise(x2)), x2
