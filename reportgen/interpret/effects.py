"""How large each hypothesised effect is, and where it ranks among the predictors of its target.

The discussion of a hypothesis says more than "significant": the standardised coefficient, its
rank among the predictors of the same dependent construct, and Cohen's f² with its size
(Cohen, 1988: 0,02 small, 0,15 medium, 0,35 large), the same bands SmartPLS reports.

- OLS (regression and path designs), one predictor j: f² = t_j² / df_resid, which equals
  (R²_full − R²_without j) / (1 − R²_full) (Cohen, 1988, eq. 9.2.3 with one variable in set B);
  partial r² = t_j² / (t_j² + df_resid).
- A simultaneous hypothesis: f² = R² / (1 − R²) (Cohen, 1988, eq. 9.2.2).
- A moderation hypothesis: f² of the interaction term in the full model (the same t² / df rule).
- PLS: f² = (R²_included − R²_excluded) / (1 − R²_included) from re-estimated models, as
  SmartPLS and seminr compute it (stored on the PLS results).
- An indirect effect has no f²; its size is the indirect coefficient itself.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportgen.interpret.hypotheses import Decision
from reportgen.interpret.verdict import Rule, Verdict

CITATION = "Cohen, 1988"
F2_RULE = Rule("f2_sizes", None, CITATION)


def f2_size(f2: float) -> str:
    """'none' < 0,02 ≤ 'small' < 0,15 ≤ 'medium' < 0,35 ≤ 'large' (Cohen, 1988)."""
    return "none" if f2 < 0.02 else "small" if f2 < 0.15 else "medium" if f2 < 0.35 else "large"


def f2_verdict(f2: float) -> Verdict:
    return Verdict(f2_size(f2), F2_RULE, f2, f2 >= 0.02)


def f2_from_t(t: float, df_resid: int) -> float:
    """Cohen's f² of one OLS coefficient: t² / df_resid (see the module docstring)."""
    return t * t / df_resid


def partial_r2_from_t(t: float, df_resid: int) -> float:
    """Squared partial correlation of one OLS predictor with the dependent: t² / (t² + df_resid)."""
    return t * t / (t * t + df_resid)


def f2_from_r2(r2: float) -> float:
    """Cohen's f² of a whole set of predictors: R² / (1 − R²)."""
    return r2 / (1 - r2) if r2 < 1 else float("inf")


def f2_from_change(delta: float, r2: float) -> float:
    """Cohen's f² of a set of terms beside others (Cohen, 1988, eq. 9.2.3):
    (R²_full − R²_without) / (1 − R²_full)."""
    return delta / (1 - r2) if r2 < 1 else float("inf")


@dataclass(frozen=True)
class Effect:
    """One hypothesis's effect. ``estimate`` is standardised (β or a PLS path coefficient) for a
    direct effect, the indirect coefficient for a mediation, the interaction's b for a moderation
    (ΔR² of the products for a moderator of three or more categories) and R² for a simultaneous test. ``rank`` 1 is the largest |estimate| among the ``among``
    predictors of the same target (direct effects only)."""

    hypothesis: str
    kind: str  # direct | indirect | moderation | simultaneous
    chain: tuple[str, ...]  # (source, target), (source, mediator…, target), (x, moderator, target) or (*sources, target)
    estimate: float
    statistic: float
    statistic_name: str  # t | z | F
    p: float
    decision: Decision
    f2: float | None = None
    size: Verdict | None = None
    rank: int | None = None
    among: int | None = None
    levels: tuple[str, ...] = ()  # a categorical moderator's categories, the reference first
    mediation: str | None = (
        None  # an indirect effect's type (Zhao et al., 2010: indirect_only, complementary, competitive, …) where its model has the direct path
    )

    @property
    def source(self) -> str:
        return self.chain[0]

    @property
    def target(self) -> str:
        return self.chain[-1]

    @property
    def answers_of(self) -> str:
        """The construct whose answers tell what the effect means: the mediator of an indirect
        effect, the dependent of a simultaneous test, the source of the others (the moderated
        variable, for a moderation)."""
        return self.chain[1] if self.kind == "indirect" else self.target if self.kind == "simultaneous" else self.source

    def as_json(self) -> dict:
        return {
            "hypothesis": self.hypothesis,
            "kind": self.kind,
            "chain": list(self.chain),
            "estimate": self.estimate,
            "statistic": {"name": self.statistic_name, "value": self.statistic},
            "p": self.p,
            "decision": self.decision.outcome,
            "f2": self.f2,
            "size": self.size.as_json() if self.size else None,
            "rank": self.rank,
            "among": self.among,
        }


def ranked(effects: list[Effect], predictors: dict[str, dict[str, float]]) -> list[Effect]:
    """``effects`` with the rank of each direct effect among the standardised coefficients
    ``predictors[target][source]`` of all predictors of its target."""
    out = []
    for effect in effects:
        pool = predictors.get(effect.target, {})
        if effect.kind == "direct" and effect.source in pool:
            order = sorted(pool, key=lambda s: -abs(pool[s]))
            effect = replace(effect, rank=order.index(effect.source) + 1, among=len(order))
        out.append(effect)
    return out
