"""What the conclusions chapter (BAB VI) says, decided once from the hypothesis decisions.

- Kesimpulan: one conclusion per hypothesis, following its decision.
- Implikasi: for each dependent construct, the supported direct effect with the largest
  standardised coefficient; and an importance–performance reading of its predictors (Martilla &
  James, 1977; as the IPMA of Ringle & Sarstedt, 2016): importance is the standardised
  coefficient, performance the construct's mean three-box index rescaled to 0–100, and the
  predictors with above-average importance and below-average performance (the quadrant
  "concentrate here", the means of the predictors as crosshairs) are the priority this model
  points to — a model-based reading of associations, not a causal claim. The lowest-scoring
  statement alone is no priority rule.
- Saran: for each priority construct with a supported positive effect whose statements weigh
  alike in its score (sum or mean scores; not PLS, whose outer weights differ), the statement with
  the lowest index is where its performance has most room; every unsupported hypothesis and the
  share of each hypothesised dependent construct the model leaves unexplained (1 − R²) are what
  further research takes up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportgen.interpret.effects import Effect
from reportgen.interpret.verdict import Rule, Verdict

IPA_CITATION = "Martilla & James, 1977; Ringle & Sarstedt, 2016"
QUADRANTS = ("concentrate_here", "keep_up", "low_priority", "possible_overkill")


@dataclass(frozen=True)
class Standing:
    """One predictor of a target in the importance–performance reading."""

    construct: str
    target: str
    hypothesis: str
    importance: float  # the standardised coefficient
    performance: float  # the mean three-box index rescaled to 0–100
    quadrant: Verdict  # concentrate_here | keep_up | low_priority | possible_overkill

    def as_json(self) -> dict:
        return {"construct": self.construct, "target": self.target, "hypothesis": self.hypothesis, "importance": self.importance,
                "performance": self.performance, "quadrant": self.quadrant.as_json()}


@dataclass(frozen=True)
class Lever:
    """The weakest statement of a construct whose effect is supported."""

    construct: str
    item: str
    index: float
    hypothesis: str
    target: str

    def as_json(self) -> dict:
        return {"construct": self.construct, "item": self.item, "index": self.index, "hypothesis": self.hypothesis,
                "target": self.target}


@dataclass(frozen=True)
class Conclusions:
    effects: tuple[Effect, ...]
    strongest: dict[str, Effect]  # dependent construct → its largest supported direct effect
    levers: tuple[Lever, ...]
    unsupported: tuple[Effect, ...]
    unexplained: dict[str, float]  # dependent construct → 1 − R²
    caveats: dict = field(default_factory=dict)  # hypothesis → its measurement caveat (PLS: interpret.pls.Caveat)
    standings: dict[str, tuple[Standing, ...]] = field(default_factory=dict)  # target → its predictors, importance–performance

    def priorities(self, target: str) -> list[Standing]:
        """The predictors of ``target`` in the quadrant 'concentrate here' whose effect is supported and positive."""
        supported = {e.hypothesis for e in self.effects if e.decision.supported and e.estimate > 0}
        return [s for s in self.standings.get(target, ()) if s.quadrant.outcome == "concentrate_here" and s.hypothesis in supported]

    def as_json(self) -> dict:
        return {"hypotheses": [{"hypothesis": e.hypothesis, "kind": e.kind, "chain": list(e.chain), "decision": e.decision.outcome}
                               for e in self.effects],
                "strongest_effects": {t: e.hypothesis for t, e in self.strongest.items()},
                "levers": [lever.as_json() for lever in self.levers],
                "unsupported": [e.hypothesis for e in self.unsupported],
                "unexplained": self.unexplained,
                "importance_performance": {t: [s.as_json() for s in rows] for t, rows in self.standings.items()},
                **({"caveats": {h: c.as_json() for h, c in self.caveats.items()}} if self.caveats else {})}


def importance_performance(effects: list[Effect], constructs: dict, index_range) -> dict[str, tuple[Standing, ...]]:
    """Each target's direct predictors placed in the quadrants of Martilla & James (1977), the
    means of the predictors' importance and performance as crosshairs (targets of one predictor
    have no quadrants and are left out)."""
    by_target: dict[str, list[Effect]] = {}
    for e in effects:
        if e.kind == "direct" and e.source in constructs:
            by_target.setdefault(e.target, []).append(e)
    span = index_range.high - index_range.low
    out = {}
    for target, direct in by_target.items():
        if len(direct) < 2 or span <= 0:
            continue
        performance = {e.source: 100 * (constructs[e.source].index_mean - index_range.low) / span for e in direct}
        mean_i = sum(e.estimate for e in direct) / len(direct)
        mean_p = sum(performance.values()) / len(direct)
        rule = Rule("importance_performance_quadrant", None, IPA_CITATION)
        rows = []
        for e in direct:
            high_i, high_p = e.estimate >= mean_i, performance[e.source] >= mean_p
            quadrant = {(True, False): "concentrate_here", (True, True): "keep_up", (False, False): "low_priority",
                        (False, True): "possible_overkill"}[(high_i, high_p)]
            rows.append(Standing(e.source, target, e.hypothesis, e.estimate, performance[e.source], Verdict(quadrant, rule)))
        out[target] = tuple(rows)
    return out


def conclude(effects: list[Effect], constructs: dict, r2: dict[str, float], index_range=None, equal_weights: bool = True) -> Conclusions:
    """``constructs``: the described constructs (their statements with the three-box index, as the
    index tables show them); ``r2``: R² of each dependent construct; ``index_range``: the range of
    the three-box index (performance 0–100); ``equal_weights``: whether a construct's statements
    weigh alike in its score (False for PLS)."""
    strongest: dict[str, Effect] = {}
    for e in effects:
        if e.kind == "direct" and e.decision.supported:
            best = strongest.get(e.target)
            if best is None or abs(e.estimate) > abs(best.estimate):
                strongest[e.target] = e
    standings = importance_performance(effects, constructs, index_range) if index_range is not None else {}
    draft = Conclusions(tuple(effects), strongest, (), (), {}, standings=standings)
    levers = []
    for target in standings:
        for s in draft.priorities(target):
            construct = constructs[s.construct]
            if equal_weights and not construct.all_alike and not construct.single:
                weakest = construct.weakest
                levers.append(Lever(s.construct, weakest.name, weakest.index, s.hypothesis, target))
    unsupported = tuple(e for e in effects if not e.decision.supported)
    targets = {e.target for e in effects}  # the dependent constructs the hypotheses are about
    return Conclusions(tuple(effects), strongest, tuple(levers), unsupported, {t: 1 - v for t, v in r2.items() if t in targets},
                       standings=standings)
