"""The measurement part of a PLS model with control variables: the model, its quality criteria
and its bootstrap restricted to the constructs whose measurement is assessed.

A control variable enters the model as a construct of one observed indicator (Hair et al., 2022);
it has no measurement model to assess, so the outer-model criteria (loadings, reliability, AVE,
Fornell–Larcker, HTMT, cross loadings, outer VIF) are read on the other constructs only. The
values are those of the full model (a restriction, not a re-estimation): the controls' paths
change the inner proxies and so the weights, as they do in seminr and SmartPLS.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from reportgen.stats.pls.algorithm import PlsResult, PlsSpec
from reportgen.stats.pls.bootstrap import BootstrapResult
from reportgen.stats.pls.quality import Assessment


def measured_spec(spec: PlsSpec) -> PlsSpec:
    keep = [j for j, c in enumerate(spec.constructs) if c not in spec.unmeasured]
    names = {spec.constructs[j] for j in keep}
    return replace(
        spec,
        constructs=tuple(spec.constructs[j] for j in keep),
        items=tuple(spec.items[j] for j in keep),
        modes=tuple(spec.modes[j] for j in keep),
        paths=tuple(p for p in spec.paths if set(p) <= names),
        controls=(),
        interactions=(),
        repeated=(),
    )


def measured_model(model: PlsResult) -> PlsResult:
    spec = model.spec
    c = [j for j, name in enumerate(spec.constructs) if name not in spec.unmeasured]
    p = [k for k, item in enumerate(spec.indicators) if spec.construct_of(item) not in spec.unmeasured]
    return replace(
        model,
        spec=measured_spec(spec),
        weights=model.weights[np.ix_(p, c)],
        loadings=model.loadings[np.ix_(p, c)],
        paths=model.paths[np.ix_(c, c)],
        r2=model.r2[c],
        construct_cor=model.construct_cor[np.ix_(c, c)],
        item_cor=model.item_cor[np.ix_(p, p)],
        scores=model.scores[:, c],
        cross_loadings=model.cross_loadings[np.ix_(p, c)],
    )


def measured_assessment(spec: PlsSpec, assessed: Assessment) -> Assessment:
    c = [j for j, name in enumerate(spec.constructs) if name not in spec.unmeasured]
    p = [k for k, item in enumerate(spec.indicators) if spec.construct_of(item) not in spec.unmeasured]
    return replace(
        assessed,
        reliability={name: v for name, v in assessed.reliability.items() if name not in spec.unmeasured},
        htmt=assessed.htmt[np.ix_(c, c)],
        fornell_larcker=assessed.fornell_larcker[np.ix_(c, c)],
        outer_vif=assessed.outer_vif[p],
    )


def measured_bootstrap(spec: PlsSpec, boot: BootstrapResult) -> BootstrapResult:
    controls = set(spec.unmeasured)
    items = {item for item in spec.indicators if spec.construct_of(item) in controls}
    return replace(
        boot,
        loadings={item: v for item, v in boot.loadings.items() if item not in items},
        htmt={pair: v for pair, v in boot.htmt.items() if not controls & set(pair)},
    )
