"""Indicator removal in a reflective PLS measurement model (Hair, Hult, Ringle & Sarstedt, 2022,
ch. 4, "outer loading relevance testing").

The rule, applied one indicator at a time and the model re-estimated after every removal:

1. an indicator whose outer loading is below 0,40 is removed (the weakest first);
2. an indicator loading between 0,40 and 0,708 is removed only when its construct misses AVE
   ≥ 0,50 or rho_C ≥ 0,70 and removing it brings every missed measure to its threshold; the
   weakest such indicator of a failing construct is tried first, and when its removal does not
   reach the threshold it is retained and the construct is left as it is;
3. the procedure stops when neither step removes anything.

A construct never loses its last indicator, and step 2 never leaves it with one (an AVE of 1
by definition would 'reach' the threshold). Single-indicator and formative (mode B) constructs
are not assessed. The rule decides; :func:`remove_indicators` gets the estimation as a function
so that the statistics stay in :mod:`reportgen.stats.pls`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportgen.interpret.pls import AVE_MIN, LOADING_FLOOR, LOADING_MIN, RELIABILITY_MIN, construct_kind

if TYPE_CHECKING:
    from reportgen.stats.pls.algorithm import PlsSpec
    from reportgen.stats.pls.quality import Reliability

BELOW_FLOOR = "below_floor"  # loading < 0,40
RAISES_AVE_CR = "raises_ave_cr"  # 0,40 ≤ loading < 0,708 and removal brings AVE and rho_C to the threshold
NO_GAIN = "no_gain"  # tried under step 2, retained: removal did not reach the threshold


@dataclass(frozen=True)
class Step:
    """One tried removal: the indicator, its loading when tried, the rule, whether it went, and
    its construct's reliability (a :class:`reportgen.stats.pls.quality.Reliability`) before and after."""

    indicator: str
    construct: str
    loading: float
    rule: str
    removed: bool
    before: Reliability
    after: Reliability


@dataclass(frozen=True)
class Removal:
    """The steps of the procedure and the model it ends with."""

    steps: tuple[Step, ...]
    spec: PlsSpec  # the final spec (the given one when nothing is removed)
    reliability: dict  # of the final model, by construct
    loadings: dict  # of the final model, by indicator

    @property
    def removed(self) -> tuple[str, ...]:
        return tuple(s.indicator for s in self.steps if s.removed)


def _fails(rel) -> bool:
    return rel.ave < AVE_MIN or rel.rho_c < RELIABILITY_MIN


def _reaches(before, after) -> bool:
    """Every measure the construct missed before reaches its threshold after (none falls below)."""
    return after.ave >= AVE_MIN and after.rho_c >= RELIABILITY_MIN and _fails(before)


def remove_indicators(spec, fit: Callable) -> Removal:
    """Apply the rule above; ``fit(spec)`` returns ``(loadings by indicator, reliability by construct)``."""
    steps: list[Step] = []
    settled: set[str] = set()  # constructs whose step-2 candidate was tried and retained
    loadings, rel = fit(spec)
    while True:
        candidates = _floor_candidates(spec, loadings)
        rule = BELOW_FLOOR
        if not candidates:
            candidates = _weak_candidates(spec, loadings, rel, settled)
            rule = RAISES_AVE_CR
        if not candidates:
            return Removal(tuple(steps), spec, rel, loadings)
        item = min(candidates, key=lambda i: loadings[i])
        construct = spec.construct_of(item)
        reduced = spec.without_indicator(item)
        new_loadings, new_rel = fit(reduced)
        keep = rule == RAISES_AVE_CR and not _reaches(rel[construct], new_rel[construct])
        steps.append(Step(item, construct, float(loadings[item]), NO_GAIN if keep else rule, not keep, rel[construct], new_rel[construct]))
        if keep:
            settled.add(construct)
        else:
            spec, loadings, rel = reduced, new_loadings, new_rel


MEETS = "meets"  # the construct meets AVE and rho_C with the indicator in it
MEETS_AFTER_REMOVALS = "meets_after_removals"  # … once the rule's removals are made (not applied)
FEW_INDICATORS = "few_indicators"  # the construct misses them but has only two indicators left


def retention_reasons(removal: Removal, retained, shown: dict, applied: bool) -> dict[str, str]:
    """Why each ``retained`` indicator (loading between 0,40 and 0,708, kept by the rule) stays:
    :data:`NO_GAIN` (its removal was tried in vain), or its construct's state: :data:`MEETS` AVE
    and rho_C in the model shown (reliability ``shown``), :data:`MEETS_AFTER_REMOVALS` of the
    rule (not applied), or :data:`FEW_INDICATORS` (it misses them with two indicators left)."""
    tried = {st.indicator for st in removal.steps if not st.removed}
    out = {}
    for item in retained:
        c = removal.spec.construct_of(item)
        if item in tried:
            out[item] = NO_GAIN
        elif not _fails(shown[c]):
            out[item] = MEETS
        elif not applied and not _fails(removal.reliability[c]):
            out[item] = MEETS_AFTER_REMOVALS
        else:
            out[item] = FEW_INDICATORS
    return out


def _assessed(spec) -> list[tuple[int, str]]:
    return [(j, c) for j, c in enumerate(spec.constructs) if construct_kind(spec, j) is None]


def _floor_candidates(spec, loadings) -> list[str]:
    return [i for j, c in _assessed(spec) for i in spec.items[j] if loadings[i] < LOADING_FLOOR and len(spec.items[j]) > 1]


def _weak_candidates(spec, loadings, rel, settled: set[str]) -> list[str]:
    """The weakest indicator below 0,708 of each construct that misses AVE or rho_C and has more
    than two indicators (and was not tried in vain)."""
    out = []
    for j, c in _assessed(spec):
        if c in settled or not _fails(rel[c]) or len(spec.items[j]) <= 2:
            continue
        weak = [i for i in spec.items[j] if loadings[i] < LOADING_MIN]
        if weak:
            out.append(min(weak, key=lambda i: loadings[i]))
    return out
