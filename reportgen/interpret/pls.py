"""PLS-SEM assessment thresholds (Hair, Hult, Ringle & Sarstedt, 2022, ch. 4–6).

Measurement model (reflective constructs, assessed in this order):

- Indicator reliability: outer loading ≥ 0,708 (the construct explains at least half of the
  indicator's variance). An indicator below 0,40 is removed; one between 0,40 and 0,708 is
  removed only when its removal raises the construct's AVE or composite reliability to the
  threshold, otherwise retained (:mod:`reportgen.interpret.pls_indicators`).
- Internal consistency: rho_A and rho_C between 0,70 and 0,95 (above 0,95 the indicators are
  redundant); Cronbach's alpha, a lower bound, is reported beside them.
- Convergent validity: AVE ≥ 0,50.
- Discriminant validity: decided by the bootstrap of HTMT, not by its point estimate. A pair is
  'valid' when the one-sided (1 − α) upper bound of its percentile bootstrap interval (the 95th
  percentile for α = 0,05: seminr ``summary(boot, alpha = 0.10)$bootstrapped_HTMT``, "95% CI") is
  below the threshold: 0,90 for conceptually similar constructs, 0,85 for distinct ones (Hair et
  al., 2022, ch. 4; Franke & Sarstedt, 2019), or 1 (``model.htmt: 1``: HTMT_inference of Henseler,
  Ringle & Sarstedt, 2015, an interval that includes 1 shows a lack of discriminant validity).
  'invalid' when HTMT itself reaches the threshold, 'not_established' when HTMT is below it but
  its interval is not. Fornell–Larcker (sqrt(AVE) above the construct's correlations) and cross
  loadings are reported beside it, for comparison: they do not decide the measurement model's
  adequacy (Henseler et al., 2015, show that both detect a lack of discriminant validity poorly).
- A construct with one indicator, or a formative (mode B) one, is not assessed by these criteria;
  HTMT, Fornell–Larcker and the cross loadings are read on the reflective constructs only.

Formative measurement models (Hair et al., 2022, ch. 5):

- Convergent validity (with a global single item): the redundancy path at least 0,708 (Cheah et
  al., 2018; :mod:`reportgen.stats.pls.redundancy`).
- Collinearity: the VIF of each indicator in its block below 5 (at 5 and above, critical).
- Outer weights: an indicator whose weight is significant (bootstrap p < α) contributes relatively
  ('significant'); one whose weight is not, but whose loading is at least 0,50, contributes
  absolutely and is retained ('absolute'); one whose loading is below 0,50 but significant may be
  removed on theoretical grounds ('consider_removal'); one whose loading is neither is removed
  ('remove', content validity permitting).
- Indicator reliability as a criterion: 'met' when every assessed loading is at least 0,708,
  'partly_met' when some are below it but the removal rule retains them all (the measurement model
  stays adequate), 'not_met' when the rule would remove one that is kept.

A hypothesis whose path runs through a construct that misses internal consistency, convergent
validity or discriminant validity carries a :class:`Caveat`: its decision is provisional (Hair et
al., 2022, ch. 5: the structural model is assessed once the measures are reliable and valid).

Structural model: collinearity VIF < 5 (3 to 5: possibly problematic, Hair et al., 2022, ch. 6); f²: 0,02 small, 0,15 medium, 0,35 large (Cohen, 1988);
Q² > 0: predictive relevance; R²: 0,75 substantial, 0,50 moderate, 0,25 weak (Hair et al.,
2011); SRMR < 0,08: good fit (Hu & Bentler, 1999).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from reportgen.interpret.effects import f2_verdict
from reportgen.interpret.verdict import Rule, Verdict, at_least, below, significance, verdicts_json

if TYPE_CHECKING:
    from reportgen.stats.pls.algorithm import PlsResult, PlsSpec
    from reportgen.stats.pls.bootstrap import BootstrapResult
    from reportgen.stats.pls.quality import Assessment

CITATION = "Hair et al., 2022"
HTMT_CITATION = "Henseler et al., 2015"
LOADING_MIN = 0.708
LOADING_FLOOR = 0.40
RELIABILITY_MIN = 0.70
RELIABILITY_MAX = 0.95
AVE_MIN = 0.50
VIF_POSSIBLE = 3.0  # inner VIFs from 3 up to 5 may still matter (Hair et al., 2022, ch. 6)
REDUNDANCY_MIN = 0.708  # the path to the global item: R² ≥ 0,50 (Hair et al., 2022, ch. 5)
FORMATIVE_LOADING_MIN = 0.50  # a non-significant weight is retained when its loading reaches it (Hair et al., 2022, ch. 5)
HTMT_MAX = 0.90  # conceptually similar constructs; 0,85 for distinct ones, 1 for HTMT_inference (model.htmt)
VIF_MAX = 5.0
SRMR_MAX = 0.08
NOT_ASSESSED = ("single_item", "formative")  # outcomes of constructs the reflective criteria do not apply to


def r2_level(r2: float) -> str:
    """'weak' below 0,50 (0,25 its lower anchor), 'moderate' below 0,75, else 'substantial'."""
    return "very_weak" if r2 < 0.25 else "weak" if r2 < 0.50 else "moderate" if r2 < 0.75 else "substantial"


def construct_kind(spec, j: int) -> str | None:
    """'single_item' or 'formative' for a construct the reflective criteria do not apply to, else None."""
    if spec.modes[j] == "B":
        return "formative"
    return "single_item" if len(spec.items[j]) == 1 else None


def loading_verdict(value: float, removed: bool, kind: str | None) -> Verdict:
    """'valid' at ≥ 0,708; 'remove' when the removal procedure takes the indicator out (below
    0,40, or its removal raises AVE or rho_C to the threshold); else 'retained'."""
    rule = Rule("outer_loading", LOADING_MIN, CITATION)
    if kind is not None:
        return Verdict(kind, rule, value, None)
    if removed:
        return Verdict("remove", rule, value, False)
    return Verdict("valid" if value >= LOADING_MIN else "retained", rule, value, True)


def loading_verdicts(spec, loadings: dict[str, float], removed=()) -> dict[str, Verdict]:
    """:func:`loading_verdict` of every indicator of ``spec`` (``loadings`` by indicator)."""
    owner = spec.mask.argmax(axis=1)
    return {item: loading_verdict(float(loadings[item]), item in removed, construct_kind(spec, owner[k])) for k, item in enumerate(spec.indicators)}


def consistency_verdict(value: float, name: str, kind: str | None) -> Verdict:
    """'reliable' for 0,70 ≤ value ≤ 0,95, 'unreliable' below, 'redundant' above."""
    rule = Rule(name, RELIABILITY_MIN, CITATION)
    if kind is not None:
        return Verdict(kind, rule, value, None)
    if value < RELIABILITY_MIN:
        return Verdict("unreliable", rule, value, False)
    return Verdict("redundant" if value > RELIABILITY_MAX else "reliable", rule, value, value <= RELIABILITY_MAX)


def reliability_verdict(rho_a: Verdict, rho_c: Verdict) -> Verdict:
    """Both rho_A and rho_C in range: 'reliable'; either below 0,70: 'unreliable'; else 'redundant'."""
    rule = Rule("rho_a_and_rho_c", RELIABILITY_MIN, CITATION)
    outcomes = (rho_a.outcome, rho_c.outcome)
    for outcome in (*NOT_ASSESSED, "unreliable", "redundant"):
        if outcome in outcomes:
            return Verdict(outcome, rule, rho_c.value, None if outcome in NOT_ASSESSED else False)
    return Verdict("reliable", rule, rho_c.value, True)


def ave_verdict(value: float, kind: str | None) -> Verdict:
    rule = Rule("ave", AVE_MIN, CITATION)
    return Verdict(kind, rule, value, None) if kind else at_least(value, AVE_MIN, rule, "valid", "invalid")


def htmt_rule(threshold: float) -> Rule:
    """The HTMT rule: the bootstrap upper bound below ``threshold``; 1 is Henseler et al.'s
    HTMT_inference, 0,85 and 0,90 the thresholds Hair et al. (2022) test the upper bound against."""
    citation = HTMT_CITATION if threshold >= 1 else f"{CITATION}; {HTMT_CITATION}"
    return Rule("htmt_upper_bound", threshold, citation)


def htmt_verdict(estimate: float, upper: float, threshold: float) -> Verdict:
    """Discriminant validity of one pair (see the module docstring): 'valid' when the bootstrap
    upper bound ``upper`` is below ``threshold``; 'invalid' when ``estimate`` is not;
    'not_established' when the estimate is below it but the upper bound is not. The value is the
    upper bound, the statistic the rule compares."""
    rule = htmt_rule(threshold)
    if upper != upper or estimate != estimate:
        return Verdict("undefined", rule, None, None)
    if estimate >= threshold:
        return Verdict("invalid", rule, upper, False)
    return Verdict("valid", rule, upper, True) if upper < threshold else Verdict("not_established", rule, upper, False)


@dataclass(frozen=True)
class Caveat:
    """What the measurement model leaves in doubt about the constructs of one hypothesis's path:
    the pairs with a construct of the path whose discriminant validity is not established (HTMT),
    the constructs of the path below AVE 0,50, and those outside the internal consistency range
    (rho_A or rho_C below 0,70: 'unreliable'; above 0,95: 'redundant'). ``verdict`` is 'caveat'
    when any of them is, else 'none'."""

    verdict: Verdict
    htmt: tuple[tuple[str, str], ...] = ()
    low_ave: tuple[str, ...] = ()
    unreliable: tuple[str, ...] = ()
    redundant: tuple[str, ...] = ()
    claims: tuple[tuple[str, str], ...] = ()  # the table verdicts it rests on, (subject, outcome)

    def as_context(self, name=None) -> dict | None:
        """The caveat for a sentence template (templates/common/pls_caveat.j2), each construct
        written by ``name`` (code → its name in the chapter; the code itself without it): None
        when there is none."""
        if self.verdict.passed is not False:
            return None
        name = name or (lambda code: code)
        return {
            "htmt": [[name(c) for c in pair] for pair in self.htmt],
            "low_ave": [name(c) for c in self.low_ave],
            "unreliable": [name(c) for c in self.unreliable],
            "redundant": [name(c) for c in self.redundant],
        }

    def as_json(self) -> dict:
        return {
            **self.verdict.as_json(),
            "htmt": ["~".join(p) for p in self.htmt],
            "low_ave": list(self.low_ave),
            "unreliable": list(self.unreliable),
            "redundant": list(self.redundant),
        }


@dataclass(frozen=True)
class PlsVerdicts:
    """Every decision of the outer and inner model assessment, made once."""

    loadings: dict[str, Verdict]  # indicator → valid | retained | remove | single_item | formative
    rho_a: dict[str, Verdict]  # construct → reliable | unreliable | redundant | single_item | formative
    rho_c: dict[str, Verdict]
    reliability: dict[str, Verdict]  # construct → both of the above
    ave: dict[str, Verdict]  # construct → valid | invalid | single_item | formative
    fornell_larcker: dict[str, Verdict]  # construct → valid | invalid
    htmt: dict[tuple[str, str], Verdict]  # pair → valid | not_established | invalid (by the bootstrap upper bound)
    cross_loadings: Verdict  # valid when every indicator loads highest on its own construct
    outer_vif: dict[str, Verdict]  # indicator → no_multicollinearity | multicollinearity
    inner_vif: dict[tuple[str, str], Verdict]  # path → no_multicollinearity | multicollinearity
    r2: dict[str, Verdict]  # endogenous construct → substantial | moderate | weak | very_weak
    q2: dict[str, Verdict]  # endogenous construct → relevant | not_relevant
    f2: dict[tuple[str, str], Verdict]  # path → large | medium | small | none
    srmr: Verdict  # fit | no_fit
    indirect: dict[tuple[str, ...], Verdict]  # specific indirect effect → significant | not_significant
    weights: dict[str, Verdict] = field(default_factory=dict)  # formative indicator → significant | absolute | consider_removal | remove
    redundancy: dict[str, Verdict] = field(default_factory=dict)  # formative construct with a global item → valid | invalid

    def failing(self) -> dict[str, list]:
        """The measurement criteria the model misses, each with what misses it (empty lists dropped)."""
        out: dict[str, list] = {
            "indicator_reliability": [i for i, v in self.loadings.items() if v.outcome == "remove"],
            "internal_consistency": [c for c, v in self.reliability.items() if v.passed is False],
            "convergent_validity": [c for c, v in self.ave.items() if v.passed is False],
            "htmt": [pair for pair, v in self.htmt.items() if v.passed is False],
            "fornell_larcker": [c for c, v in self.fornell_larcker.items() if v.passed is False],
            "cross_loadings": [] if self.cross_loadings.passed is not False else ["cross_loadings"],
            "formative_convergent": [c for c, v in self.redundancy.items() if v.passed is False],
            "formative_collinearity": [i for i in self.weights if self.outer_vif[i].passed is False],
            "formative_weights": [i for i, v in self.weights.items() if v.passed is False],
        }
        return {k: v for k, v in out.items() if v}

    def below_threshold(self) -> list[str]:
        """The assessed indicators loading below 0,708, retained by the removal rule or not."""
        return [i for i, v in self.loadings.items() if v.outcome in ("retained", "remove")]

    def criteria(self) -> dict[str, Verdict]:
        """Each measurement criterion 'met' or 'not_met', in the order of assessment; indicator
        reliability is 'partly_met' (passed) when every indicator below 0,708 is one the rule retains."""
        failing = self.failing()
        names = CRITERIA + (("formative_convergent",) if self.redundancy else ()) + (FORMATIVE_CRITERIA if self.weights else ())
        out = {name: Verdict("not_met" if name in failing else "met", Rule(name, None, CITATION), None, name not in failing) for name in names}
        if "indicator_reliability" not in failing and self.below_threshold():
            out["indicator_reliability"] = Verdict("partly_met", Rule("indicator_reliability", LOADING_MIN, CITATION), None, True)
        if self.htmt:
            rule = next(iter(self.htmt.values())).rule
            out["htmt"] = replace(out["htmt"], rule=Rule("htmt", rule.threshold, rule.citation))
        return out

    @property
    def measurement(self) -> Verdict:
        """'adequate' when the measurement model meets every criterion but those reported for
        comparison (Fornell–Larcker, cross loadings: Hair et al., 2022, base discriminant validity
        on HTMT, as those two detect its lack poorly, Henseler et al., 2015), else 'inadequate'."""
        ok = not [name for name in self.failing() if name not in COMPARISON]
        return Verdict("adequate" if ok else "inadequate", Rule("measurement_model", None, CITATION), None, ok)

    def assessment_json(self) -> dict:
        """results.json ``pls.assessment``: each measurement criterion with its outcome and the verdicts behind it."""
        behind = {
            "indicator_reliability": self.loadings,
            "internal_consistency": {"rho_a": self.rho_a, "rho_c": self.rho_c, "both": self.reliability},
            "convergent_validity": self.ave,
            "htmt": self.htmt,
            "fornell_larcker": self.fornell_larcker,
            "cross_loadings": self.cross_loadings,
            "formative_convergent": self.redundancy,
            "formative_collinearity": {i: self.outer_vif[i] for i in self.weights},
            "formative_weights": self.weights,
        }
        failing = self.failing()
        out = {
            name: {
                **verdict.as_json(),
                "failing": ["~".join(x) if isinstance(x, tuple) else x for x in failing.get(name, []) if name != "cross_loadings"],
                "verdicts": verdicts_json(behind[name], "~"),
            }
            for name, verdict in self.criteria().items()
        }
        out["indicator_reliability"]["below_threshold"] = self.below_threshold()
        out["measurement_model"] = self.measurement.as_json()
        return out


CRITERIA = ("indicator_reliability", "internal_consistency", "convergent_validity", "htmt", "fornell_larcker", "cross_loadings")
COMPARISON = ("fornell_larcker", "cross_loadings")  # reported beside HTMT; they do not decide the measurement model's adequacy
FORMATIVE_CRITERIA = ("formative_collinearity", "formative_weights")  # with a formative construct


def redundancy_verdict(path: float) -> Verdict:
    """A formative construct's convergent validity: 'valid' when its path to the global item is at least 0,708."""
    return at_least(path, REDUNDANCY_MIN, Rule("redundancy", REDUNDANCY_MIN, CITATION), "valid", "invalid")


def weight_verdict(weight_p: float, loading: float, loading_p: float, alpha: float) -> Verdict:
    """A formative indicator's contribution by Hair et al. (2022, ch. 5): see the module docstring."""
    rule = Rule("outer_weight", FORMATIVE_LOADING_MIN, CITATION)
    if weight_p < alpha:
        return Verdict("significant", rule, weight_p, True)
    if loading >= FORMATIVE_LOADING_MIN:
        return Verdict("absolute", rule, loading, True)
    if loading_p < alpha:
        return Verdict("consider_removal", rule, loading, None)
    return Verdict("remove", rule, loading, False)


def pls_verdicts(
    spec: PlsSpec,
    model: PlsResult,
    assessed: Assessment,
    boot: BootstrapResult,
    alpha: float,
    removed: Sequence[str] = (),
    htmt_max: float = HTMT_MAX,
) -> PlsVerdicts:
    """Apply the thresholds above to a fitted model, its quality criteria (``assessed``) and its
    bootstrap; ``removed`` are the indicators the removal procedure takes out (still in the model
    when it is not applied)."""
    reliability, htmt, fornell_larcker = assessed.reliability, assessed.htmt, assessed.fornell_larcker
    outer_vif, inner_vif, q2, f2, srmr = assessed.outer_vif, assessed.inner_vif, assessed.q2, assessed.f2, assessed.srmr
    names = spec.constructs
    loadings = model.loadings.sum(axis=1)
    owner = spec.mask.argmax(axis=1)
    kinds = [construct_kind(spec, j) for j in range(len(names))]
    cross = model.cross_loadings
    reflective = [j for j in range(len(names)) if kinds[j] != "formative"]
    own_highest = all(
        abs(cross[k, owner[k]]) >= abs(cross[k, reflective]).max() - 1e-12 for k in range(len(spec.indicators)) if kinds[owner[k]] != "formative"
    )
    fl_rule = Rule("fornell_larcker", None, "Fornell & Larcker, 1981")
    vif_rule = Rule("vif", VIF_MAX, CITATION)
    rho_a = {c: consistency_verdict(reliability[c].rho_a, "rho_a", kinds[j]) for j, c in enumerate(names)}
    rho_c = {c: consistency_verdict(reliability[c].rho_c, "rho_c", kinds[j]) for j, c in enumerate(names)}
    return PlsVerdicts(
        loadings=loading_verdicts(spec, dict(zip(spec.indicators, loadings)), removed),
        rho_a=rho_a,
        rho_c=rho_c,
        reliability={c: reliability_verdict(rho_a[c], rho_c[c]) for c in names},
        ave={c: ave_verdict(reliability[c].ave, kinds[j]) for j, c in enumerate(names)},
        fornell_larcker={
            c: Verdict("formative", fl_rule, None, None) if kinds[i] == "formative" else _fornell_larcker(fornell_larcker, i, reflective)
            for i, c in enumerate(names)
        },
        htmt={
            pair: htmt_verdict(float(htmt[names.index(pair[0]), names.index(pair[1])]), st.upper, htmt_max)
            for pair, st in boot.htmt.items()
            if "formative" not in (kinds[names.index(pair[0])], kinds[names.index(pair[1])])
        },
        cross_loadings=Verdict("valid" if own_highest else "invalid", Rule("cross_loadings", None, CITATION), None, own_highest),
        outer_vif={
            item: below(float(v), VIF_MAX, vif_rule, "no_multicollinearity", "multicollinearity") for item, v in zip(spec.indicators, outer_vif)
        },
        inner_vif={path: below(v, VIF_MAX, vif_rule, "no_multicollinearity", "multicollinearity") for path, v in inner_vif.items()},
        r2={
            names[j]: Verdict(r2_level(float(model.r2[j])), Rule("r2_levels", None, "Hair et al., 2011"), float(model.r2[j])) for j in spec.endogenous
        },
        q2={c: Verdict("relevant" if v > 0 else "not_relevant", Rule("q2_above_zero", 0.0, CITATION), v, v > 0) for c, v in q2.items()},
        f2={path: f2_verdict(v) for path, v in f2.items()},
        srmr=below(srmr, SRMR_MAX, Rule("srmr", SRMR_MAX, "Hu & Bentler, 1999"), "fit", "no_fit"),
        indirect={chain: significance(st.p, alpha, CITATION) for chain, st in boot.specific_indirect.items()},
        weights={
            item: weight_verdict(boot.weights[item].p, float(loadings[k]), boot.loadings[item].p, alpha)
            for k, item in enumerate(spec.indicators)
            if kinds[owner[k]] == "formative"
        },
    )


def measurement_caveat(verdicts: PlsVerdicts, chain) -> Caveat:
    """The :class:`Caveat` of a hypothesis whose path runs through the constructs of ``chain``."""
    inside = set(chain)
    htmt = tuple(pair for pair, v in verdicts.htmt.items() if v.passed is False and inside & set(pair))
    low_ave = tuple(c for c in chain if verdicts.ave[c].passed is False)
    unreliable = tuple(c for c in chain if verdicts.reliability[c].outcome == "unreliable")
    redundant = tuple(c for c in chain if verdicts.reliability[c].outcome == "redundant")
    claims = (
        [(f"htmt:{a}~{b}", verdicts.htmt[(a, b)].outcome) for a, b in htmt]
        + [(f"ave:{c}", "invalid") for c in low_ave]
        + [(f"reliability:{c}", verdicts.reliability[c].outcome) for c in unreliable + redundant]
    )
    doubt = bool(claims)
    verdict = Verdict("caveat" if doubt else "none", Rule("measurement_caveat", None, CITATION), None, not doubt)
    return Caveat(verdict, htmt, low_ave, unreliable, redundant, tuple(claims))


def _fornell_larcker(matrix: np.ndarray, i: int, reflective: list[int]) -> Verdict:
    """'valid' when sqrt(AVE) (the diagonal) is above every correlation of the construct with the
    other reflective constructs (the criterion compares AVEs, which formative constructs have not)."""
    others = [abs(matrix[i, j]) for j in reflective if j != i]
    valid = not any(value > matrix[i, i] for value in others)
    return Verdict("valid" if valid else "invalid", Rule("fornell_larcker", None, "Fornell & Larcker, 1981"), float(matrix[i, i]), valid)


def quality_warnings(reliability, verdicts: PlsVerdicts) -> list[str]:
    """One line for every threshold the model misses."""
    warnings = []
    for item, verdict in verdicts.loadings.items():
        if verdict.outcome == "remove":
            warnings.append(f"PLS: loading of {item} is {verdict.value:.3f}; the removal rule of {CITATION} would remove it")
    for c, rel in reliability.items():
        if c not in verdicts.ave:  # a control variable: no measurement model
            continue
        if verdicts.ave[c].passed is False:
            warnings.append(f"PLS: AVE of {c} is {rel.ave:.3f}, below {AVE_MIN}")
        for name, verdict in (("rho_A", verdicts.rho_a[c]), ("rho_C", verdicts.rho_c[c])):
            if verdict.passed is False:
                warnings.append(f"PLS: {name} of {c} is {verdict.value:.3f}, outside {RELIABILITY_MIN}-{RELIABILITY_MAX}")
    for (a, b), verdict in verdicts.htmt.items():
        if verdict.passed is False:
            warnings.append(
                f"PLS: the bootstrap upper bound of the HTMT of {a} and {b} is {verdict.value:.3f}, "
                f"not below {verdict.rule.threshold:g}: discriminant validity is not established"
            )
    for (a, b), verdict in verdicts.inner_vif.items():
        if verdict.passed is False:
            warnings.append(f"PLS: inner VIF of {a} -> {b} is {verdict.value:.3f}, not below {VIF_MAX}")
    return warnings
