"""Indirect effects of a CB-SEM model: X → M… → Y as the product of its paths.

- The estimate is the product of the unstandardised paths, ``a × b`` (× d … for longer chains),
  as lavaan's defined parameter ``ind := a*b``; its standardised value the product of the
  standardised paths (lavaan's ``std.all`` of ``ind``).
- Its standard error by the delta method, ``SE² = gᵀ V g`` with g_k = ∏ / θ_k the gradient of the
  product and V the covariance matrix of the path estimates (lavaan's SE of ``:=``; for two paths
  Sobel's), and z = estimate / SE with its normal p.
- Its Monte Carlo confidence interval (Preacher & Selig, 2012; semTools ``monteCarloCI``): the
  paths drawn ``DRAWS`` times from the normal distribution with the estimates as means and V as
  covariance matrix, the interval the α/2 and 1 − α/2 percentiles of the draws' products. Unlike
  the z test it does not take the product to be normal.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from reportgen.stats.cbsem import CbsemFit
from reportgen.stats.cbsem_information import covariance

DRAWS = 20_000  # semTools' default nRep


@dataclass(frozen=True)
class IndirectEffect:
    chain: tuple[str, ...]
    estimate: float
    std: float
    se: float
    z: float
    p: float
    ci_low: float
    ci_high: float
    draws: int  # Monte Carlo draws, or usable bootstrap resamples
    level: float
    interval: str = "monte_carlo"  # monte_carlo | bias_corrected (:mod:`reportgen.stats.cbsem_bootstrap`)
    failed: int = 0  # bootstrap resamples left out


def indirect_effects(fit: CbsemFit, n: int, chains: list[tuple[str, ...]], alpha: float, seed: int | None) -> list[IndirectEffect]:
    """The indirect effect of each chain (every link a path of the model); the draws of the Monte
    Carlo interval come from ``default_rng([seed, 3])`` (a stream of its own)."""
    v, keys = covariance(fit, n)
    rng = np.random.default_rng(None if seed is None else [seed, 3])
    out = []
    for chain in chains:
        links = [(target, "~", source) for source, target in zip(chain, chain[1:])]
        index = [keys.index(link) for link in links]
        theta = np.array([fit.path(s, t).est for s, t in zip(chain, chain[1:])])
        std = float(np.prod([fit.path(s, t).std for s, t in zip(chain, chain[1:])]))
        sub = v[np.ix_(index, index)]
        product = float(np.prod(theta))
        gradient = np.array([np.prod(np.delete(theta, k)) for k in range(len(theta))])
        se = float(np.sqrt(gradient @ sub @ gradient))
        z = product / se
        draws = rng.multivariate_normal(theta, sub, size=DRAWS).prod(axis=1)
        low, high = np.quantile(draws, [alpha / 2, 1 - alpha / 2])
        out.append(IndirectEffect(tuple(chain), product, std, se, z, float(2 * special.ndtr(-abs(z))), float(low), float(high), DRAWS, 1 - alpha))
    return out
