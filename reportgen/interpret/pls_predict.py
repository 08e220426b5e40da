"""The verdicts of PLSpredict (Shmueli et al., 2019; Hair et al., 2022, ch. 6).

1. Q²predict > 0 for an indicator: the PLS predictions of the held-out cases have smaller errors
   than the training sample's mean (the naive benchmark).
2. The error statistic: RMSE, unless the prediction errors are highly non-symmetric, then MAE
   (Shmueli et al., 2019). "Highly non-symmetric" is read as a skewness of the PLS out-of-sample
   errors outside −1 … +1 for any indicator of the construct, the range Hair et al. (2022, ch. 2)
   give for a distribution that is not skewed.
3. Predictive power of a construct, from its indicators whose PLS error is below the linear
   benchmark's (LM) and whose Q²predict is above 0: all of them → high; a majority → medium; a
   minority → low; none → the model lacks predictive power for the construct (Shmueli et al.,
   2019). An indicator with Q²predict ≤ 0 never counts in the model's favour.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.interpret.verdict import Rule, Verdict
from reportgen.stats.pls.predict import IndicatorPrediction

CITATION = "Shmueli et al., 2019"
SKEW_CITATION = "Hair et al., 2022"
SKEW_LIMIT = 1.0
LEVELS = ("high", "medium", "low", "none")


@dataclass(frozen=True)
class ConstructPrediction:
    """The PLSpredict verdicts of one endogenous construct."""

    construct: str
    indicators: tuple[IndicatorPrediction, ...]
    statistic: Verdict  # outcome 'rmse' | 'mae'
    power: Verdict  # outcome in LEVELS; value = the share of indicators where PLS predicts better
    relevant: dict[str, Verdict]  # indicator → 'relevant' | 'not_relevant' (Q²predict > 0)
    better: dict[str, bool]  # indicator → PLS error below LM on the chosen statistic and Q²predict > 0


def statistic_verdict(rows: list[IndicatorPrediction]) -> Verdict:
    """'mae' when any indicator's error skewness lies outside −1 … +1, else 'rmse'."""
    skews = [abs(r.error_skewness) for r in rows if r.error_skewness is not None]
    largest = max(skews, default=0.0)
    outcome = "mae" if largest > SKEW_LIMIT else "rmse"
    return Verdict(outcome, Rule("prediction_error_skewness", SKEW_LIMIT, f"{CITATION}; {SKEW_CITATION}"), largest, outcome == "rmse")


def power_level(better: int, total: int) -> str:
    """'high' when PLS beats LM on every indicator, 'medium' on a majority, 'low' on a minority, else 'none'."""
    if better == total:
        return "high"
    if 2 * better > total:
        return "medium"
    return "low" if better else "none"


def construct_predictions(rows: list[IndicatorPrediction]) -> dict[str, ConstructPrediction]:
    """The verdicts of each endogenous construct from its indicators' prediction errors."""
    out = {}
    for construct in dict.fromkeys(r.construct for r in rows):
        own = [r for r in rows if r.construct == construct]
        statistic = statistic_verdict(own)
        relevant = {
            r.indicator: Verdict(
                "relevant" if r.q2_predict > 0 else "not_relevant", Rule("q2_predict_above_zero", 0.0, CITATION), r.q2_predict, r.q2_predict > 0
            )
            for r in own
        }
        use_rmse = statistic.outcome == "rmse"
        better = {r.indicator: r.q2_predict > 0 and ((r.pls_rmse < r.lm_rmse) if use_rmse else (r.pls_mae < r.lm_mae)) for r in own}
        count = sum(better.values())
        level = power_level(count, len(own))
        power = Verdict(level, Rule("pls_predict_power", None, CITATION), count / len(own), level in ("high", "medium"))
        out[construct] = ConstructPrediction(construct, tuple(own), statistic, power, relevant, better)
    return out
