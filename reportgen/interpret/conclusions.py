"""What the conclusions chapter (BAB VI) says, decided once from the hypothesis decisions.

- Kesimpulan: one conclusion per hypothesis, following its decision.
- Implikasi: for each dependent construct, the supported direct effect with the largest
  standardised coefficient (where effort pays most).
- Saran: for every construct with a supported effect, its weakest statement by the three-box
  index (Ferdinand, 2014) is the lever to improve; every unsupported hypothesis and the share of
  each hypothesised dependent construct the model leaves unexplained (1 − R²) are what further
  research takes up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportgen.interpret.effects import Effect


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

    def as_json(self) -> dict:
        return {"hypotheses": [{"hypothesis": e.hypothesis, "kind": e.kind, "chain": list(e.chain), "decision": e.decision.outcome}
                               for e in self.effects],
                "strongest_effects": {t: e.hypothesis for t, e in self.strongest.items()},
                "levers": [lever.as_json() for lever in self.levers],
                "unsupported": [e.hypothesis for e in self.unsupported],
                "unexplained": self.unexplained,
                **({"caveats": {h: c.as_json() for h, c in self.caveats.items()}} if self.caveats else {})}


def conclude(effects: list[Effect], constructs: dict, r2: dict[str, float]) -> Conclusions:
    """``constructs``: the described constructs (their statements with the three-box index, as the
    index tables show them); ``r2``: R² of each dependent construct."""
    strongest: dict[str, Effect] = {}
    for e in effects:
        if e.kind == "direct" and e.decision.supported:
            best = strongest.get(e.target)
            if best is None or abs(e.estimate) > abs(best.estimate):
                strongest[e.target] = e
    levers, seen = [], set()
    for e in effects:
        if not e.decision.supported or e.kind == "simultaneous":
            continue
        code = e.answers_of
        if code in seen or code not in constructs:
            continue
        seen.add(code)
        if constructs[code].all_alike:
            continue  # every statement rated alike: none is the weakest
        weakest = constructs[code].weakest
        levers.append(Lever(code, weakest.name, weakest.index, e.hypothesis, e.target))
    unsupported = tuple(e for e in effects if not e.decision.supported)
    targets = {e.target for e in effects}  # the dependent constructs the hypotheses are about
    return Conclusions(tuple(effects), strongest, tuple(levers), unsupported, {t: 1 - v for t, v in r2.items() if t in targets})
