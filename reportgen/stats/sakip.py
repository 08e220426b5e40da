"""SAKIP scores: sub-components, components, totals, ranks and changes (PermenPAN-RB 88/2021).

A sub-component scores ``component weight × share × mean(criterion values)`` over the criteria
that apply to the unit (N/A left out); a component the sum of its sub-components; the total
(0–100) the sum of the components, kept as an exact fraction for its predicate (``exact``) and as
a float for the tables. Ranks are by total, highest first, ties sharing the better rank; the
change is the total minus last year's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:  # the framework's types only: statistics do not import interpretation
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
    exact: Fraction | None = None  # the total as an exact fraction (the predicate is read from it)

    @property
    def change(self) -> float | None:
        return None if self.previous is None else self.total - self.previous


def unit_scores(answers: pd.DataFrame, components: tuple[Component, ...]) -> dict[str, UnitScore]:
    values: dict[tuple, list[Fraction]] = {}
    for unit, component, sub, exact in zip(answers["unit"], answers["component"], answers["subcomponent"], answers["exact"]):
        if exact is not None:  # N/A: not part of the mean
            values.setdefault((unit, component, sub), []).append(exact)
    out = {}
    for unit in dict.fromkeys(answers["unit"]):
        exact_subs = {
            c.code: {s: c.exact_points(s) * sum(values[(unit, c.code, s)]) / len(values[(unit, c.code, s)]) for s, _ in c.subcomponents}
            for c in components
        }
        exact_comps = {code: sum(subs.values(), Fraction(0)) for code, subs in exact_subs.items()}
        total = sum(exact_comps.values(), Fraction(0))
        out[unit] = UnitScore(
            unit=unit,
            total=float(total),
            components={k: float(v) for k, v in exact_comps.items()},
            subcomponents={k: {s: float(v) for s, v in subs.items()} for k, subs in exact_subs.items()},
            exact=total,
        )
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
        out[unit] = UnitScore(
            unit, score.total, score.components, score.subcomponents, int(ranks[unit]), past.get(year - 1), dict(sorted(past.items())), score.exact
        )
    return out


def total_at_target(
    answers: pd.DataFrame, components: tuple[Component, ...], unit: str, target: Fraction, subcomponents: set[str] | None = None
) -> Fraction:
    """The unit's total (exact) if every criterion below ``target`` (0–1 of its weight) were
    raised to it — only those of ``subcomponents`` when given — and nothing else changed: what
    closing the findings is worth, not the distance to 100."""
    rows = answers[answers["unit"] == unit].copy()
    rows["exact"] = [
        None if e is None else max(e, target) if subcomponents is None or sub in subcomponents else e
        for e, sub in zip(rows["exact"], rows["subcomponent"])
    ]
    exact = unit_scores(rows, components)[unit].exact
    assert exact is not None  # unit_scores always sets the exact total
    return exact
