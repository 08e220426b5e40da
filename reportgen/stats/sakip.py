"""SAKIP scores: sub-components, components, totals, ranks and changes (PermenPAN-RB 88/2021).

A sub-component scores ``component weight × share × mean(criterion values)``; a component the
sum of its sub-components; the total (0–100) the sum of the components. Ranks are by total,
highest first, ties sharing the better rank; the change is the total minus last year's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from reportgen.interpret.sakip import Component


@dataclass(frozen=True)
class UnitScore:
    unit: str
    total: float
    components: dict[str, float]
    subcomponents: dict[str, dict[str, float]]
    rank: int = 0
    previous: float | None = None
    history: dict[int, float] = field(default_factory=dict)

    @property
    def change(self) -> float | None:
        return None if self.previous is None else self.total - self.previous


def unit_scores(answers: pd.DataFrame, components: tuple[Component, ...]) -> dict[str, UnitScore]:
    means = answers.groupby(["unit", "component", "subcomponent"], sort=False)["value"].mean()
    out = {}
    for unit in dict.fromkeys(answers["unit"]):
        subs: dict[str, dict[str, float]] = {}
        comps: dict[str, float] = {}
        for c in components:
            subs[c.code] = {s: c.weight * share * float(means[(unit, c.code, s)]) for s, share in c.subcomponents}
            comps[c.code] = sum(subs[c.code].values())
        out[unit] = UnitScore(unit=unit, total=sum(comps.values()), components=comps, subcomponents=subs)
    return out


def with_ranks_and_history(scores: dict[str, UnitScore], history: pd.DataFrame | None, year: int) -> dict[str, UnitScore]:
    totals = pd.Series({u: s.total for u, s in scores.items()})
    ranks = totals.rank(method="min", ascending=False).astype(int)
    out = {}
    for unit, score in scores.items():
        past = {}
        if history is not None and len(history):
            rows = history[(history["unit"] == unit) & (history["year"] < year)]
            past = {int(y): float(t) for y, t in zip(rows["year"], rows["total"])}
        out[unit] = UnitScore(unit, score.total, score.components, score.subcomponents, int(ranks[unit]),
                              past.get(year - 1), dict(sorted(past.items())))
    return out
