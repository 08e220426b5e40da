"""What explains each hypothesis's result from the data (the statistics of
:mod:`reportgen.stats.partial` and :mod:`reportgen.stats.score_range`, the verdicts of
:mod:`reportgen.interpret.explain`), and their results.json keys. One regression equation per
dependent construct: the regression design has one, the path design one per endogenous construct."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from reportgen.designs.survey.analysis import Description, HypothesisResult
from reportgen.interpret.explain import SHARES_CITATION, Explanation, RangeVerdicts, association_verdict, explain, range_verdicts
from reportgen.interpret.verdict import Verdict
from reportgen.stats.partial import VarianceShares, variance_shares
from reportgen.stats.regression import RegressionResult
from reportgen.stats.score_range import ScoreRange, score_range


@dataclass(frozen=True)
class Equation:
    """One regression equation to explain: its fit, the scores it was fitted to (``x``: the columns
    of its predictors, in order) and the standard errors its t tests use when not OLS (HC3)."""

    regression: RegressionResult
    y: np.ndarray
    x: np.ndarray
    decisive: dict[str, float] | None = None
    intervals: dict[str, tuple[float, float]] | None = None  # β intervals that replace the t intervals (PLS: bootstrap percentile)


@dataclass(frozen=True)
class Explained:
    shares: dict[str, VarianceShares]  # by dependent construct (one per equation)
    associations: dict[str, dict[str, Verdict]]  # by dependent, then predictor: suppression | shared_variance | none
    ranges: dict[str, ScoreRange]  # by construct
    range_verdicts: dict[str, RangeVerdicts]
    explanations: dict[str, Explanation]  # by hypothesis


def construct_ranges(study, described: Description) -> dict[str, ScoreRange]:
    """The score range of every construct described on a scale, from its scored answers and its
    scores; a construct of continuous indicators has no possible range and is left out."""
    mean_score = study.config.model.score == "mean"
    out = {}
    for code, construct in described.constructs.items():
        if construct.scale is None:
            continue
        counts = np.array([item.distribution.counts for item in construct.items.values() if item.distribution is not None])
        out[code] = score_range(code, construct.scores, construct.scale.points, counts, len(construct.items), mean_score)
    return out


def explained(
    study, described: Description, equations: dict[str, Equation], hypotheses: dict[str, HypothesisResult], item_statistics: bool = True
) -> Explained:
    """The shares of each equation (by its dependent), the verdicts, and the explanation of each
    hypothesis. A predictor's coefficient counts as significant as its hypothesis says; without a
    hypothesis, by its two-sided OLS p. ``item_statistics``: whether constructs are judged by
    alpha (not PLS, whose reliability is rho and is in its measurement caveats)."""
    alpha = study.config.settings.alpha
    decided = {(h.source[0], h.target): h.decision.reason != "not_significant" for h in hypotheses.values() if h.kind == "partial"}
    shares, associations = {}, {}
    for target, eq in equations.items():
        shares[target] = variance_shares(eq.regression, eq.y, eq.x, alpha, eq.decisive)
        if eq.intervals:
            shares[target] = replace(
                shares[target],
                predictors={
                    name: replace(p, beta_low=eq.intervals[name][0], beta_high=eq.intervals[name][1]) for name, p in shares[target].predictors.items()
                },
            )
        associations[target] = {
            name: association_verdict(share, decided.get((name, target), eq.regression.coefficients[name].p < alpha), alpha)
            for name, share in shares[target].predictors.items()
        }
    ranges = construct_ranges(study, described)
    verdicts = {code: range_verdicts(r) for code, r in ranges.items()}
    reliability = {code: c.reliability for code, c in described.constructs.items()} if item_statistics else {}
    explanations = {
        name: explain(h.kind, h.source, h.target, h.decision.supported, associations.get(h.target, {}), verdicts, reliability)
        for name, h in hypotheses.items()
    }
    return Explained(shares, associations, ranges, verdicts, explanations)


def shares_json(shares: VarianceShares, associations: dict[str, Verdict]) -> dict[str, Any]:
    """regression.variance_shares: each predictor's correlations, sr², β with its interval and verdict."""
    return {
        "predictors": {
            name: {
                "r": p.r,
                "r_p": p.r_p,
                "partial_r": p.partial,
                "semipartial_r": p.semipartial,
                "sr2": p.sr2,
                "beta": p.beta,
                "beta_ci": [p.beta_low, p.beta_high],
                "verdict": associations[name].as_json(),
            }
            for name, p in shares.predictors.items()
        },
        "r2": shares.r2,
        "unique": shares.unique,
        "shared": shares.shared,
        "level": shares.level,
    }


def ranges_json(ranges: dict[str, ScoreRange], verdicts: dict[str, RangeVerdicts]) -> dict[str, Any]:
    """score_ranges: each construct's possible and observed range, answer shares and verdicts."""
    return {
        code: {
            "possible": [r.low, r.high],
            "observed": [r.minimum, r.maximum],
            "distinct": r.distinct,
            "points": list(r.points),
            "top": r.top,
            "top_two": r.top_two,
            "bottom": r.bottom,
            "bottom_two": r.bottom_two,
            "at_highest": r.at_highest,
            "at_lowest": r.at_lowest,
            "sd": r.sd,
            "sd_ratio": r.sd_ratio,
            "range": verdicts[code].range.as_json(),
            "ceiling": verdicts[code].ceiling.as_json(),
        }
        for code, r in ranges.items()
    }


def association_subject(predictor: str, dependent: str) -> str:
    """The claim subject of a predictor's association verdict in the equation of ``dependent`` (a
    predictor of two equations has one verdict in each): 'association:X2->Y'."""
    return f"association:{predictor}->{dependent}"


def explanation_json(hypothesis: HypothesisResult, results: Explained, reliability: dict[str, Verdict]) -> list[dict[str, Any]]:
    """hypotheses.<H>.explanations: every verdict that explains the result, with its subject."""
    out = []
    explanation = results.explanations[hypothesis.name]
    target = hypothesis.target
    if explanation.association is not None:
        out.append(
            {"subject": association_subject(explanation.association, target), **results.associations[target][explanation.association].as_json()}
        )
    if explanation.shared:
        out.append(
            {
                "subject": "shared_r2",
                "outcome": "shared",
                "value": results.shares[target].shared,
                "rule": "r2_minus_sum_of_sr2",
                "threshold": None,
                "citation": SHARES_CITATION,
            }
        )
    for code in explanation.ranges:
        verdicts = results.range_verdicts[code]
        out += [
            {"subject": f"{kind}:{code}", **v.as_json()}
            for kind, v in (("range", verdicts.range), ("ceiling", verdicts.ceiling))
            if v.outcome in ("restricted", "ceiling", "floor")
        ]
    out += [{"subject": f"reliability:{code}", **reliability[code].as_json()} for code in explanation.unreliable]
    return out
