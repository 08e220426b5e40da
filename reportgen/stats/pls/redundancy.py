"""Redundancy analysis: the convergent validity of a formative construct (Chin, 1998; Cheah,
Sarstedt, Ringle, Ramayah & Ting, 2018; Hair et al., 2022, ch. 5).

The formative construct (mode B) and a single global item rating the construct as a whole form a
model of their own, a path from the first to the second; the path coefficient, at least 0,708
(R² ≥ 0,50), says the formative indicators cover the construct. With one neighbour, mode B
weights are the OLS weights of the global item on the indicators, so the coefficient equals the
multiple correlation R of that regression.
"""

from __future__ import annotations

import numpy as np

from reportgen.stats.pls.algorithm import PlsSpec, estimate


def redundancy_path(items: np.ndarray, global_item: np.ndarray, names: tuple[str, ...]) -> float:
    """The path from the formative construct of ``items`` (n × k, no blanks) to its global item (n)."""
    spec = PlsSpec(("formative", "global"), (tuple(names), ("global",)), ("B", "A"), (("formative", "global"),))
    return float(estimate(np.column_stack([items, global_item]), spec).paths[0, 1])
