"""What in the data explains a hypothesis's result: each reason a verdict with its rule and citation.

- Shared variance (Cohen, Cohen, West & Aiken, 2003, ch. 3): a predictor whose zero-order
  correlation with the dependent is significant while its coefficient in the model is not. Its
  association with the dependent is mostly what it shares with the other predictors; the t test of
  a coefficient tests only the unique part (sr²), so the shared part is credited to none of them.
  The verdict's value is sr² / r², the share of its own r² that is unique to it.
- Suppression (Cohen et al., 2003, ch. 3; Tzelgov & Henik, 1991): the standardized coefficient β
  has the opposite sign of the zero-order r (net suppression), or is larger than r in absolute
  value while r itself is not significant (classical suppression: a predictor unrelated to the
  dependent on its own that matters in the model). The coefficient then describes the predictor
  with what it shares with the others removed, not its own association with the dependent. Only a
  significant coefficient is read so: the sign and size of one that is not significant are within
  its sampling error. A significant β a little above a significant r (nearly uncorrelated
  predictors) needs no explaining and is not called suppression. The value is β / r.
- Restricted range: every answer to a construct's items lies on two adjacent points of a scale of
  three or more points, so each item works as a two-valued (dichotomized) item and the score has a
  narrow range; dichotomizing lowers correlations (Cohen, 1983; MacCallum, Zhang, Preacher &
  Rucker, 2002). The value is the number of points used.
- Ceiling or floor effect (Terwee et al., 2007): more than 15% of the respondents have the highest
  (lowest) possible score; differences among them are not measured. The value is that share.
- Unreliable measurement: the construct's reliability verdict (Cronbach's alpha below the
  minimum); measurement error weakens every correlation of the construct (Nunnally & Bernstein, 1994).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.interpret.verdict import Rule, Verdict
from reportgen.stats.partial import PredictorShare
from reportgen.stats.score_range import ScoreRange

SHARES_CITATION = "Cohen et al., 2003"
SUPPRESSION_CITATION = "Cohen et al., 2003; Tzelgov & Henik, 1991"
RANGE_CITATION = "Cohen, 1983; MacCallum et al., 2002"
CEILING_CITATION = "Terwee et al., 2007"
CEILING_SHARE = 0.15  # more than this share of the respondents at the highest (lowest) possible score
ATTENUATION_CITATION = "Nunnally & Bernstein, 1994"
EQUAL = 1e-9  # |β| and |r| this close are equal (one predictor: β is r, computed another way)


def suppression_rule(alpha: float) -> Rule:
    return Rule("significant_beta_opposite_to_r_or_beyond_r_not_significant", alpha, SUPPRESSION_CITATION)


def shared_rule(alpha: float) -> Rule:
    return Rule("r_significant_coefficient_not", alpha, SHARES_CITATION)


def association_verdict(share: PredictorShare, coefficient_significant: bool, alpha: float) -> Verdict:
    """'suppression' when the coefficient is significant and β and r differ in sign, or |β| > |r|
    with r not significant; else 'shared_variance' when r is significant (p < alpha) and the
    coefficient is not; else 'none'."""
    r, beta = share.r, share.beta
    if r != r:  # no r: a constant score cannot reach a regression, but stay defined
        return Verdict("undefined", shared_rule(alpha))
    r_significant = share.r_p < alpha
    if coefficient_significant and (beta * r < 0 or (abs(beta) > abs(r) + EQUAL and not r_significant)):
        return Verdict("suppression", suppression_rule(alpha), beta / r if r else None)
    if r_significant and not coefficient_significant:
        return Verdict("shared_variance", shared_rule(alpha), share.sr2 / (r * r))
    return Verdict("none", shared_rule(alpha))


def range_verdict(score: ScoreRange) -> Verdict:
    """'restricted' when the answers use at most two adjacent points of a scale of three or more."""
    rule = Rule("answers_on_two_adjacent_points", 2, RANGE_CITATION)
    points = score.points
    restricted = score.scale_points > 2 and 1 <= len(points) <= 2 and points[-1] - points[0] <= 1
    return Verdict("restricted" if restricted else "not_restricted", rule, float(len(points)), not restricted)


def ceiling_verdict(score: ScoreRange) -> Verdict:
    """'ceiling' when more than 15% of the respondents have the highest possible score, 'floor'
    when more than 15% have the lowest (the larger share when both), else 'none'."""
    rule = Rule("more_than_15_percent_at_the_extreme_score", CEILING_SHARE, CEILING_CITATION)
    if not score.n:
        return Verdict("undefined", rule)
    if score.at_highest > CEILING_SHARE and score.at_highest >= score.at_lowest:
        return Verdict("ceiling", rule, score.at_highest, False)
    if score.at_lowest > CEILING_SHARE:
        return Verdict("floor", rule, score.at_lowest, False)
    return Verdict("none", rule, max(score.at_highest, score.at_lowest), True)


@dataclass(frozen=True)
class RangeVerdicts:
    """Both range verdicts of one construct."""

    range: Verdict  # restricted | not_restricted
    ceiling: Verdict  # ceiling | floor | none

    @property
    def applies(self) -> bool:
        """Whether either verdict finds something to say."""
        return self.range.outcome == "restricted" or self.ceiling.outcome in ("ceiling", "floor")


def range_verdicts(score: ScoreRange) -> RangeVerdicts:
    return RangeVerdicts(range_verdict(score), ceiling_verdict(score))


@dataclass(frozen=True)
class Explanation:
    """The reasons that apply to one hypothesis: the predictor whose association verdict explains
    it (suppression or shared variance), the constructs whose range verdicts apply, those whose
    measurement is not reliable, and for a simultaneous hypothesis whether the shared part of R²
    is said."""

    association: str | None = None
    ranges: tuple[str, ...] = ()
    unreliable: tuple[str, ...] = ()
    shared: bool = False

    @property
    def empty(self) -> bool:
        return self.association is None and not self.ranges and not self.unreliable and not self.shared


ASSOCIATIONS = ("suppression", "shared_variance")


def explain(
    kind: str,
    source: tuple[str, ...],
    target: str,
    supported: bool,
    associations: dict[str, Verdict],
    ranges: dict[str, RangeVerdicts],
    reliability: dict[str, Verdict],
) -> Explanation:
    """The reasons for one hypothesis. A partial hypothesis: its predictor's suppression (whatever
    the decision) or shared variance; when it is not supported, the range verdicts of its predictor
    and dependent and the constructs not reliable. A simultaneous one: the shared part of R² when
    any of its predictors has shared variance, and the dependent's range verdicts."""
    if kind == "partial":
        x = source[0]
        verdict = associations.get(x)
        association = x if verdict is not None and verdict.outcome in ASSOCIATIONS else None
        if supported:
            return Explanation(association if association and verdict is not None and verdict.outcome == "suppression" else None)
        constructs = (x, target)
        return Explanation(
            association,
            tuple(c for c in constructs if c in ranges and ranges[c].applies),
            tuple(c for c in constructs if c in reliability and reliability[c].outcome == "unreliable"),
        )
    if kind == "simultaneous":
        shared = any(associations.get(x) is not None and associations[x].outcome == "shared_variance" for x in source)
        return Explanation(None, (target,) if target in ranges and ranges[target].applies else (), (), shared)
    return Explanation()
