"""Importance–performance map analysis of a PLS model (IPMA; Ringle & Sarstedt, 2016; Hair et al.,
2018, ch. 3).

- Each indicator is rescaled to 0–100 on its scale: ``x̃ = 100 (x − min) / (max − min)``.
- Each construct's weights are unstandardised on the rescaled indicators, ``w / sd(x̃)``, and
  rescaled to sum to 1; its rescaled score ``Ỹ = Σ w̃ x̃`` lies on 0–100 when every weight is
  positive (a negative weight breaks that: the construct is flagged).
- A higher-order construct (two-stage) is rated by its dimensions' rescaled scores Ỹ, which lie on
  0–100 (:func:`rescaled_scores` of stage one): they are its indicators with the bounds 0 and 100.
  By repeated indicators it is rated the same way on the view of the model
  (:func:`reportgen.stats.pls.repeated_indicators.structural_view`), whose weights are the
  regression of its score on its dimensions' scores.
- Performance is the mean of Ỹ, with its 95% t interval ``mean ± t(.975, n − 1) sd / √n``.
- Importance is the unstandardised total effect of a construct on a target in the rescaled
  scores: the OLS paths of the Ỹ, whose total effects (I − B)⁻¹ − I. Since Ỹ_j is a linear
  function of the standardised score Y_j (Ỹ_j = Y_j / S_j + c, S_j = Σ w_i / sd(x̃_i)), each
  unstandardised path is β · sd(Ỹ_t) / sd(Ỹ_s), and so is each total effect: that is how it is
  computed here; the tests recompute it by OLS on the Ỹ.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats as sps

from reportgen.stats.pls.algorithm import PlsResult
from reportgen.stats.pls.quality import effects


@dataclass(frozen=True)
class Ipma:
    constructs: tuple[str, ...]  # those with a scale and a measurement model
    performance: dict[str, float]
    interval: dict[str, tuple[float, float]]  # 95% t interval of the performance
    importance: dict[str, dict[str, float]]  # target → construct → unstandardised total effect
    weights: dict[str, float]  # indicator → rescaled weight (the construct's sum to 1)
    negative: tuple[str, ...]  # constructs with a negative rescaled weight: their performance is not on 0–100


def ipma(model: PlsResult, x: np.ndarray, bounds: dict[str, tuple[float, float]]) -> Ipma:
    """The IPMA of ``model`` fitted to ``x`` (n × p, its indicators as answered, blanks filled);
    ``bounds``: each rated construct's scale (min, max). Constructs without bounds (continuous
    indicators, control variables, interaction terms) are left out."""
    spec = model.spec
    names = spec.constructs
    scores, weights, negative = rescaled_scores(model, x, bounds)
    kept = [c for c in names if c in scores]
    n = x.shape[0]
    sd = {c: float(scores[c].std(ddof=1)) for c in kept}
    total, _ = effects(model.paths)
    t = sps.t.ppf(0.975, n - 1)
    importance: dict[str, dict[str, float]] = {}
    for target in kept:
        jt = names.index(target)
        row = {s: float(total[names.index(s), jt] * sd[target] / sd[s]) for s in kept if s != target and total[names.index(s), jt] != 0}
        if row:
            importance[target] = row
    performance = {c: float(scores[c].mean()) for c in kept}
    interval = {c: (performance[c] - t * sd[c] / np.sqrt(n), performance[c] + t * sd[c] / np.sqrt(n)) for c in kept}
    return Ipma(tuple(kept), performance, interval, importance, weights, tuple(negative))


def rescaled_scores(
    model: PlsResult, x: np.ndarray, bounds: dict[str, tuple[float, float]]
) -> tuple[dict[str, np.ndarray], dict[str, float], list[str]]:
    """Each rated construct's rescaled score Ỹ (n), its indicators' rescaled weights, and the
    constructs with a negative one (see the module docstring)."""
    spec = model.spec
    owner = spec.mask.argmax(axis=1)
    scores, weights, negative = {}, {}, []
    for c in [c for c in spec.constructs if c in bounds and c in spec.measured]:
        j = spec.constructs.index(c)
        idx = np.flatnonzero(owner == j)
        low, high = bounds[c]
        rescaled = 100 * (x[:, idx] - low) / (high - low)
        raw = model.weights[idx, j] / rescaled.std(axis=0, ddof=1)
        w = raw / raw.sum()
        if (w < 0).any():
            negative.append(c)
        weights.update({spec.indicators[i]: float(v) for i, v in zip(idx, w)})
        scores[c] = rescaled @ w
    return scores, weights, negative
