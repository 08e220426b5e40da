"""What the conclusions chapter (BAB VI) says, decided once from the hypothesis decisions.

- Kesimpulan: one conclusion per hypothesis, following its decision.
- Implikasi: for each dependent construct, the supported direct effect with the largest
  standardised coefficient; and an importance–performance reading of its predecessors (Martilla &
  James, 1977; as the IPMA of Ringle & Sarstedt, 2016): importance is the standardised total
  effect on the target (direct plus every indirect path of the model, T = (I − B)⁻¹ − I for the
  matrix B of standardised path coefficients; in one regression equation the β itself), as IPMA
  takes total effects; performance is the construct's mean three-box index rescaled to 0–100.
  The predecessors with above-average importance and below-average performance (the quadrant
  "concentrate here", the means of the predecessors as crosshairs) are the priority this model
  points to when a supported positive hypothesis joins the construct to the target — a
  model-based reading of associations, not a causal claim. Quadrants need at least
  ``MIN_PREDECESSORS`` (3) constructs: with two, crosshairs at their mean put one above and one
  below on each axis whatever the values, so the quadrant would say nothing. The lowest-scoring
  statement alone is no priority rule. A PLS model reads its IPMA instead (Ringle & Sarstedt,
  2016; :mod:`reportgen.stats.pls.ipma`): the unstandardised total effects in the scores rescaled
  to 0–100, and the mean rescaled score weighted by the outer weights, with its 95% t interval.
  Performance is an estimate: a construct is placed above or below the performance crosshair only
  when the 95% confidence interval of its mean (``performance_interval`` of the described
  construct; Field, 2018) lies wholly on that side. An important construct whose interval holds
  the crosshair is "important, performance near the average" (``important_average``) and no
  priority, an unimportant one "low importance, performance near the average"
  (``unimportant_average``: neither low priority nor possible overkill, which need a performance
  off the average). Importance is read from the point estimate.
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
INTERVAL_CITATION = "Field, 2018"
MIN_PREDECESSORS = 3  # fewer: the mean crosshairs split any two constructs, the quadrants say nothing
QUADRANTS = ("concentrate_here", "keep_up", "low_priority", "possible_overkill", "important_average", "unimportant_average")


@dataclass(frozen=True)
class Standing:
    """One predictor of a target in the importance–performance reading."""

    construct: str
    target: str
    hypothesis: str | None  # its direct hypothesis on the target, if it has one
    importance: float  # the total effect on the target: standardised, or a PLS model's IPMA (unstandardised)
    performance: float  # the mean three-box index rescaled to 0–100
    quadrant: Verdict  # concentrate_here | keep_up | low_priority | possible_overkill | important_average | unimportant_average
    interval: tuple[float, float] | None = None  # the 95% confidence interval of the performance
    standing: Verdict | None = None  # performance against the crosshair: below | above | near (the interval holds it)

    def as_json(self) -> dict:
        return {
            "construct": self.construct,
            "target": self.target,
            "hypothesis": self.hypothesis,
            "importance": self.importance,
            "performance": self.performance,
            "performance_interval": list(self.interval) if self.interval else None,
            "performance_standing": self.standing.as_json() if self.standing else None,
            "quadrant": self.quadrant.as_json(),
        }


@dataclass(frozen=True)
class Lever:
    """The weakest statement of a construct whose effect is supported."""

    construct: str
    item: str
    index: float
    hypothesis: str
    target: str

    def as_json(self) -> dict:
        return {"construct": self.construct, "item": self.item, "index": self.index, "hypothesis": self.hypothesis, "target": self.target}


@dataclass(frozen=True)
class Conclusions:
    effects: tuple[Effect, ...]
    strongest: dict[str, Effect]  # dependent construct → its largest supported direct effect
    levers: tuple[Lever, ...]
    unsupported: tuple[Effect, ...]
    unexplained: dict[str, float]  # dependent construct → 1 − R²
    caveats: dict = field(default_factory=dict)  # hypothesis → its measurement caveat (PLS: interpret.pls.Caveat)
    standings: dict[str, tuple[Standing, ...]] = field(default_factory=dict)  # target → its predictors, importance–performance
    drivers: dict[str, tuple[str, ...]] = field(default_factory=dict)  # an endogenous construct → its direct predictors
    ipma: bool = False  # the standings are a PLS model's IPMA (unstandardised importance, weighted performance)

    def priorities(self, target: str) -> list[Standing]:
        """The predecessors of ``target`` in the quadrant 'concentrate here' with a positive
        importance that a supported positive hypothesis (direct or indirect) joins to ``target``."""
        return [
            s
            for s in self.standings.get(target, ())
            if s.quadrant.outcome == "concentrate_here" and s.importance > 0 and self.supported_link(s.construct, target)
        ]

    def crosshairs_of(self, target: str) -> tuple[float, float]:
        """The mean importance and performance that divide ``target``'s quadrants."""
        rows = self.standings[target]
        return crosshairs({s.construct: s.importance for s in rows}, {s.construct: s.performance for s in rows})

    def supported_link(self, source: str, target: str) -> str | None:
        """The first supported positive hypothesis from ``source`` to ``target``, or None."""
        return next(
            (
                e.hypothesis
                for e in self.effects
                if e.kind in ("direct", "indirect") and e.chain[0] == source and e.chain[-1] == target and e.decision.supported and e.estimate > 0
            ),
            None,
        )

    def as_json(self) -> dict:
        return {
            "hypotheses": [
                {"hypothesis": e.hypothesis, "kind": e.kind, "chain": list(e.chain), "decision": e.decision.outcome} for e in self.effects
            ],
            "strongest_effects": {t: e.hypothesis for t, e in self.strongest.items()},
            "levers": [lever.as_json() for lever in self.levers],
            "unsupported": [e.hypothesis for e in self.unsupported],
            "unexplained": self.unexplained,
            "importance_performance": {t: [s.as_json() for s in rows] for t, rows in self.standings.items()},
            "importance_basis": "ipma" if self.ipma else "standardised_total_effect",
            **({"caveats": {h: c.as_json() for h, c in self.caveats.items()}} if self.caveats else {}),
        }


def crosshairs(importance: dict[str, float], performance: dict[str, float]) -> tuple[float, float]:
    """The lines dividing the quadrants: the mean importance and the mean performance of the
    predecessors (Martilla & James, 1977, take the means of the data as crosshairs)."""
    return sum(importance.values()) / len(importance), sum(performance.values()) / len(performance)


def importance_performance(
    effects: list[Effect],
    constructs: dict,
    importance: dict[str, dict[str, float]] | None = None,
    performance: dict[str, tuple[float, tuple[float, float]]] | None = None,
) -> dict[str, tuple[Standing, ...]]:
    """Each hypothesised target's predecessors placed in the quadrants of Martilla & James (1977),
    the means of their importance and performance as crosshairs. ``importance``: target →
    predecessor → standardised total effect; without it, the direct effects of the hypotheses.
    Performance is a construct's mean three-box index rescaled to 0–100 on its own scale's index
    range (``index_range``), as IPMA rescales each construct by its scale (Ringle & Sarstedt,
    2016); a construct of continuous indicators has no scale and no performance, and is left out.
    Targets with fewer than ``MIN_PREDECESSORS`` predecessors are left out. ``performance``
    (construct → (performance, its 95% interval)) replaces the index-based one: a PLS model's
    IPMA (:mod:`reportgen.stats.pls.ipma`), with its unstandardised ``importance``."""
    direct = {(e.source, e.target): e.hypothesis for e in effects if e.kind == "direct"}
    if importance is None:
        importance = {}
        for e in effects:
            if e.kind == "direct":
                importance.setdefault(e.target, {})[e.source] = e.estimate
    targets = [t for t in dict.fromkeys(e.chain[-1] for e in effects if e.kind in ("direct", "indirect")) if t in importance]
    out = {}
    rule = Rule("importance_performance_quadrant", None, IPA_CITATION)
    for target in targets:
        if performance is not None:
            totals = {c: v for c, v in importance[target].items() if c in performance}
            placed = {c: performance[c][0] for c in totals}
            intervals = {c: performance[c][1] for c in totals}
        else:
            totals = {c: v for c, v in importance[target].items() if c in constructs and constructs[c].index_range is not None}
            placed = {c: _rescaled(constructs[c]) for c in totals}
            intervals = {c: constructs[c].performance_interval for c in totals}
        if len(totals) < MIN_PREDECESSORS:
            continue
        mean_i, mean_p = crosshairs(totals, placed)
        rows = []
        for c, value in totals.items():
            interval = intervals[c]
            standing = performance_standing(placed[c], interval, mean_p)
            high_i = value >= mean_i
            if standing.outcome == "near":
                quadrant = "important_average" if high_i else "unimportant_average"
            else:
                quadrant = {
                    (True, False): "concentrate_here",
                    (True, True): "keep_up",
                    (False, False): "low_priority",
                    (False, True): "possible_overkill",
                }[(high_i, standing.outcome == "above")]
            rows.append(Standing(c, target, direct.get((c, target)), value, placed[c], Verdict(quadrant, rule), interval, standing))
        out[target] = tuple(rows)
    return out


def _rescaled(construct) -> float:
    """The construct's mean index on 0–100: 100 (index − low) / (high − low) of its index range."""
    span = construct.index_range.high - construct.index_range.low
    return 100 * (construct.index_mean - construct.index_range.low) / span


def performance_standing(performance: float, interval: tuple[float, float] | None, crosshair: float) -> Verdict:
    """'below' or 'above' the performance crosshair when the 95% interval lies wholly on that
    side, 'near' when it holds the crosshair; without an interval, the point decides."""
    rule = Rule("performance_interval_holds_crosshair", 0.95, INTERVAL_CITATION)
    low, high = interval if interval is not None else (performance, performance)
    outcome = "below" if high < crosshair else "above" if low >= crosshair else "near"
    return Verdict(outcome, rule, performance, outcome != "near")


def conclude(
    effects: list[Effect],
    constructs: dict,
    r2: dict[str, float],
    equal_weights: bool = True,
    importance: dict[str, dict[str, float]] | None = None,
    drivers: dict[str, tuple[str, ...]] | None = None,
    performance: dict[str, tuple[float, tuple[float, float]]] | None = None,
) -> Conclusions:
    """``constructs``: the described constructs (their statements with the three-box index, as the
    index tables show them, each with the range of its index); ``r2``: R² of each dependent
    construct; ``equal_weights``: whether a construct's statements
    weigh alike in its score (False for PLS); ``importance``: the standardised total effects
    (target → predecessor → effect) of the model; ``drivers``: each endogenous construct's direct
    predictors (a priority that is itself explained by others is said to be)."""
    strongest: dict[str, Effect] = {}
    for e in effects:
        if e.kind == "direct" and e.decision.supported:
            best = strongest.get(e.target)
            if best is None or abs(e.estimate) > abs(best.estimate):
                strongest[e.target] = e
    standings = importance_performance(effects, constructs, importance, performance)
    draft = Conclusions(tuple(effects), strongest, (), (), {}, standings=standings)
    levers = []
    for target in standings:
        for s in draft.priorities(target):
            construct = constructs[s.construct]
            if equal_weights and not construct.all_alike and not construct.single:
                weakest = construct.weakest
                hypothesis = draft.supported_link(s.construct, target)
                assert hypothesis is not None  # priorities() keeps only constructs with a supported link
                levers.append(Lever(s.construct, weakest.name, weakest.index, hypothesis, target))
    unsupported = tuple(e for e in effects if not e.decision.supported)
    targets = {e.target for e in effects}  # the dependent constructs the hypotheses are about
    return Conclusions(
        tuple(effects),
        strongest,
        tuple(levers),
        unsupported,
        {t: 1 - v for t, v in r2.items() if t in targets},
        standings=standings,
        drivers=dict(drivers or {}),
        ipma=performance is not None,
    )
