"""The limitations of a questionnaire study (Keterbatasan Penelitian), each a cited rule applied to
the study's own design, sample and results:

- design: one cross-sectional survey shows associations; the direction of an effect is the model's
  assumption, not something the data establish (Spector, 2019) — always;
- power: the test of one coefficient with the study's n and predictors detects a small effect
  (f² = 0,02) with power below 0,80, and the smallest effect it detects with 80% power
  (Cohen, 1988; :mod:`reportgen.stats.power`);
- common method: every answer comes from one self-report questionnaire; Harman's single factor
  takes more than half of the items' variance (Podsakoff et al., 2003) — or less, which the test
  alone cannot rule out; in PLS-SEM also Kock's (2015) full collinearity test, a construct's VIF
  on all the others above 3.3;
- assumptions: residuals not normal in a sample below 100 (Lumley et al., 2002),
  heteroscedastic residuals kept with OLS standard errors, a Durbin–Watson zone of autocorrelation;
- range: constructs whose scores crowd at one end of the scale — answers on two adjacent points
  (Cohen, 1983; MacCallum et al., 2002) or more than 15% at the highest or lowest possible score
  (Terwee et al., 2007), the verdicts of :mod:`reportgen.interpret.explain` — narrow their
  correlations;
- setting: respondents from one organisation or place (``study.object``): the results describe it,
  not others;
- measurement: constructs below the reliability threshold, items judged not valid and kept,
  constructs of one item, the PLS criteria a hypothesis's constructs miss;
- data: secondary data collected for another purpose;
- the author's own (``study.limitations``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportgen.interpret.verdict import Rule, Verdict, at_least
from reportgen.stats.common_method import FullCollinearity, Harman
from reportgen.stats.power import detectable_f2, f2_power

SMALL_F2 = 0.02
MEDIUM_F2 = 0.15
POWER = 0.80
HARMAN_SHARE = 0.50
DESIGN_CITATION = "Spector, 2019"
POWER_CITATION = "Cohen, 1988"
HARMAN_CITATION = "Podsakoff et al., 2003"
KOCK_VIF = 3.3
KOCK_CITATION = "Kock, 2015"


@dataclass(frozen=True)
class Power:
    """Power of the test of one coefficient among ``k`` predictors with ``n`` respondents."""

    n: int
    k: int
    small: float  # to detect f² = 0,02
    medium: float  # f² = 0,15
    detectable: float  # the f² detected with 80% power
    verdict: Verdict  # 'adequate' when a small effect is detected with power ≥ 0,80, else 'underpowered'
    equations: int = 1  # the model's equations; k is the largest one's predictors


@dataclass(frozen=True)
class InterviewReach:
    """How far the interview strand of a mixed-methods study reaches: its informants, and the
    themes that rest on one informant's account alone."""

    informants: int
    single_voice: tuple[str, ...]  # theme keys raised by one informant

    def as_json(self) -> dict:
        return {"informants": self.informants, "single_voice_themes": list(self.single_voice)}


@dataclass(frozen=True)
class Limitations:
    """What the study cannot claim, and why (the module docstring lists the rules)."""

    power: Power | None
    common_method: Verdict  # 'single_factor' (> 50%), 'no_single_factor' or 'undefined'
    harman: Harman | None
    assumptions: tuple[str, ...]  # codes: not_normal_small, heteroscedastic_ols, autocorrelation
    unreliable: tuple[str, ...]  # constructs below the reliability threshold
    invalid_kept: tuple[str, ...]  # items judged not valid that stay in the analysis
    single_items: tuple[str, ...]
    caveats: tuple[str, ...]  # hypotheses whose constructs miss a PLS measurement criterion
    secondary: bool
    own: tuple[str, ...]  # the author's, in the chapter's language
    narrow: dict[str, tuple[str, ...]] = field(default_factory=dict)  # construct → restricted, ceiling, floor (those that apply)
    setting: str | None = None  # the one organisation or place the respondents come from
    interviews: InterviewReach | None = None  # mixed methods: the reach of the qualitative strand
    full_collinearity: FullCollinearity | None = None  # PLS-SEM: Kock's (2015) test
    collinearity: Verdict | None = None  # its verdict: 'collinear' (a VIF above 3.3) or 'not_collinear'

    def as_json(self) -> dict:
        return {
            "power": None
            if self.power is None
            else {
                "n": self.power.n,
                "k": self.power.k,
                "small": self.power.small,
                "medium": self.power.medium,
                "detectable_f2": self.power.detectable,
                "equations": self.power.equations,
                "verdict": self.power.verdict.as_json(),
            },
            "common_method": {**self.common_method.as_json(), "items": self.harman.items if self.harman else None},
            "assumptions": list(self.assumptions),
            "unreliable": list(self.unreliable),
            "invalid_kept": list(self.invalid_kept),
            "single_items": list(self.single_items),
            "caveats": list(self.caveats),
            "secondary": self.secondary,
            "own": list(self.own),
            "narrow_range": {c: list(kinds) for c, kinds in self.narrow.items()},
            "setting": self.setting,
            "interviews": self.interviews.as_json() if self.interviews else None,
            "full_collinearity": None
            if self.full_collinearity is None or self.collinearity is None
            else {"vifs": self.full_collinearity.vifs, "verdict": self.collinearity.as_json()},
        }


def power_of(n: int, k: int, alpha: float, equations: int = 1) -> Power | None:
    """The power of the test of one coefficient among ``k`` predictors, in the largest of
    ``equations`` equations (None without residual df, or without a coefficient to test: a CFA
    on its own)."""
    v = n - k - 1
    if v < 1 or k < 1:
        return None
    small = f2_power(SMALL_F2, 1, v, alpha)
    verdict = at_least(small, POWER, Rule("power_small_f2", POWER, POWER_CITATION), "adequate", "underpowered")
    return Power(n, k, small, f2_power(MEDIUM_F2, 1, v, alpha), detectable_f2(1, v, alpha, POWER), verdict, equations)


def full_collinearity_verdict(test: FullCollinearity) -> Verdict:
    """'collinear' when some construct's VIF on all the others exceeds 3.3 (Kock, 2015), which a
    common method can produce; 'not_collinear' otherwise (the test does not show the model free of it)."""
    _, highest = test.highest
    collinear = highest > KOCK_VIF
    return Verdict("collinear" if collinear else "not_collinear", Rule("kock_full_collinearity_vif", KOCK_VIF, KOCK_CITATION), highest, not collinear)


def common_method_verdict(harman: Harman | None) -> Verdict:
    """'single_factor' when Harman's first factor takes more than half of the items' variance."""
    rule = Rule("harman_single_factor_share", HARMAN_SHARE, HARMAN_CITATION)
    if harman is None:
        return Verdict("undefined", rule)
    single = harman.share > HARMAN_SHARE
    return Verdict("single_factor" if single else "no_single_factor", rule, harman.share, not single)


def study_limitations(
    described,
    k: int,
    alpha: float,
    *,
    assumptions=None,
    uses_hc3: bool = True,
    caveats: dict | None = None,
    secondary: bool = False,
    own: tuple[str, ...] = (),
    dropped: bool = False,
    item_statistics: bool = True,
    ranges: dict | None = None,
    setting: str | None = None,
    equations: int = 1,
    interviews: InterviewReach | None = None,
    full_collinearity: FullCollinearity | None = None,
) -> Limitations:
    """The limitations of a study whose sample and constructs ``described`` holds, with ``k``
    predictors in its largest equation; ``assumptions``: a regression's
    :class:`~reportgen.interpret.assumptions.AssumptionVerdicts` (None for PLS); ``uses_hc3``:
    whether heteroscedastic residuals were met with HC3; ``caveats``: PLS hypothesis → caveat;
    ``item_statistics``: whether the chapter judges items by r and constructs by alpha (not PLS,
    whose loadings and rho are in its caveats); ``ranges``: construct →
    :class:`~reportgen.interpret.explain.RangeVerdicts`; ``setting``: ``study.object``;
    ``equations``: how many equations the model has; ``interviews``: the reach of a mixed-methods
    study's interviews; ``full_collinearity``: a PLS model's Kock (2015) test."""
    failed = []
    if assumptions is not None:
        if assumptions.normality.passed is False and assumptions.large_sample.passed is False:
            failed.append("not_normal_small")
        if assumptions.heteroscedasticity.passed is False and not uses_hc3:
            failed.append("heteroscedastic_ols")
        if assumptions.autocorrelation.outcome in ("positive", "negative"):  # an inconclusive zone is no finding
            failed.append("autocorrelation")
    constructs = described.constructs
    unreliable = tuple(c for c, r in constructs.items() if r.reliability.passed is False) if item_statistics else ()
    invalid = tuple(i for r in constructs.values() for i, item in r.items.items() if item.valid is False) if item_statistics and not dropped else ()
    single = tuple(c for c, r in constructs.items() if r.single) if item_statistics else ()
    flagged = tuple(h for h, c in (caveats or {}).items() if c is not None and c.verdict.passed is False)
    return Limitations(
        power_of(described.n_used, k, alpha, equations),
        common_method_verdict(described.harman),
        described.harman,
        tuple(failed),
        unreliable,
        invalid,
        single,
        flagged,
        secondary,
        tuple(own),
        {c: _narrow_kinds(v) for c, v in (ranges or {}).items() if v.applies},
        setting,
        interviews,
        full_collinearity,
        full_collinearity_verdict(full_collinearity) if full_collinearity is not None else None,
    )


def _narrow_kinds(verdicts) -> tuple[str, ...]:
    """Which of a restricted range, a ceiling and a floor effect a construct's range verdicts find."""
    found = ("restricted",) if verdicts.range.outcome == "restricted" else ()
    return found + ((verdicts.ceiling.outcome,) if verdicts.ceiling.outcome in ("ceiling", "floor") else ())
