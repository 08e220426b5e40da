"""results.json keys every questionnaire design shares: the data source, profile, constructs (items, validity,
alpha, omega, index), correlations, simple regressions, moderation, group tests, and the one
sentence that states a hypothesis decision."""

from __future__ import annotations

from typing import Any

from reportgen.designs.survey.groups import groups_json
from reportgen.interpret.hypotheses import decision_rule
from reportgen.interpret.verdict import verdicts_json
from reportgen.words.locale import fmt, fmt_p
from reportgen.words.templates import render


def source_json(config) -> dict[str, Any]:
    """Where the data come from (``data.source``): {"type": "primary" | "secondary", "citation": str | null}."""
    return {"type": config.data.source.type, "citation": config.data.source.citation}


def sample_json(config, described) -> dict[str, Any]:
    """The keys every questionnaire study's results.json opens with: the data's source, the
    respondents used and excluded, their profile and each construct's description."""
    return {
        "source": source_json(config),
        "n_used": described.n_used,
        "n_excluded": described.n_excluded,
        "profile": profile_json(described.profile),
        "constructs": constructs_json(described.constructs),
    }


def profile_json(profile) -> dict[str, Any]:
    return {
        column: {
            cat: {"frequency": f, "percent": p, "valid_percent": v, "cumulative_percent": c}
            for cat, f, p, v, c in zip(t.categories, t.frequency, t.percent, t.valid_percent, t.cumulative_percent)
        }
        | {"_missing": t.n_missing}
        for column, t in profile.items()
    }


def _scale_json(scale) -> dict[str, Any]:
    """A construct's scale: {"type": "scale", "min", "max"} or {"type": "continuous"}."""
    return {"type": "continuous"} if scale is None else {"type": "scale", "min": scale.min, "max": scale.max}


def _item_answers_json(i) -> dict[str, Any]:
    """An item's answers: their frequencies on its scale (as answered; as scored too when reversed)
    and its three-box index, or, for a continuous indicator, its minimum, median and maximum."""
    s = i.summary
    if i.distribution is None:
        return {"min": s.minimum, "median": s.median, "max": s.maximum}
    answered = i.as_answered
    return {
        "freq": {str(p): n for p, n in zip(answered.points, answered.counts)},  # as answered
        **({"freq_scored": {str(p): n for p, n in zip(i.distribution.points, i.distribution.counts)}} if i.reversed else {}),
        "index": i.index,
        "category": i.category,
    }


def constructs_json(constructs) -> dict[str, Any]:
    return {
        name: {
            "scale": _scale_json(c.scale),
            "alpha": c.alpha,
            "omega": c.omega,
            "index_mean": c.index_mean,
            "category": c.category,
            "mean": c.mean,
            "sd": c.sd,
            "reliability": c.reliability.as_json(),
            "omega_verdict": c.omega_verdict.as_json(),
            "problems": [p.as_json() for p in c.problems],
            "items": {
                item: {
                    "mean": i.summary.mean,
                    "sd": i.summary.sd,  # as scored (after reversal)
                    "reversed": i.reversed,
                    **_item_answers_json(i),
                    "r_item_total": i.validity.r_item_total,
                    "r_item_rest": i.validity.r_item_rest,
                    "r_p": i.validity.r_p,
                    "valid": i.valid,
                    "validity": i.verdict.as_json(),
                    "alpha_if_deleted": i.alpha_if_deleted,
                }
                for item, i in c.items.items()
            },
        }
        for name, c in constructs.items()
    }


def extras_json(extras) -> dict[str, Any]:
    """correlations, simple_regressions, moderation and group_tests (docs/results-json.md)."""
    if extras is None:
        return {}
    out: dict[str, Any] = {
        "correlations": {
            a: {b: {"r": r, "p": p, **_correlation_verdicts(extras, a, b)} for b, (r, p) in row.items() if b != a}
            for a, row in extras.correlations.items()
        },
    }
    if extras.simple:
        out["simple_regressions"] = {
            h: {
                "b": fit.coefficients[fit.predictors[0]].b,
                "se": fit.coefficients[fit.predictors[0]].se,
                "t": fit.coefficients[fit.predictors[0]].t,
                "p": fit.coefficients[fit.predictors[0]].p,
                "r2": fit.r2,
                "significance": extras.simple_verdicts[h].as_json(),
            }
            for h, fit in extras.simple.items()
        }
    if extras.moderation:
        out["moderation"] = {}
        for h, m in extras.moderation.items():
            checks = extras.moderation_checks[h]
            terms = {key: m.full.coefficients[key] for key in m.interactions}
            single = terms[m.interaction] if len(terms) == 1 else None
            out["moderation"][h] = {
                "interaction": None if single is None else {"b": single.b, "se": single.se, "t": single.t, "p": single.p},
                "interactions": {key: {"b": c.b, "se": c.se, "t": c.t, "p": c.p} for key, c in terms.items()},
                "reference": m.reference,
                "delta_r2": m.delta_r2,
                "delta_f": m.delta_f,
                "delta_p": m.delta_p,
                "centred": m.centred,
                "r2_main": m.main.r2,
                "r2_full": m.full.r2,
                "slopes": {s.level: {"z": None if m.categorical else s.z, "slope": s.slope, "se": s.se, "t": s.t, "p": s.p} for s in m.slopes},
                "interaction_hc3": None if checks.interaction_hc3 is None else vars(checks.interaction_hc3),
                "interactions_hc3": None if checks.block_hc3 is None else {"f": checks.block_hc3[0], "p": checks.block_hc3[1]},
                "slopes_hc3": {s.level: {"se": s.se, "t": s.t, "p": s.p} for s in checks.slopes_hc3},
                "checks": verdicts_json({k: getattr(checks, k) for k in ("normality", "heteroscedasticity", "standard_errors")}),
            }
    if extras.groups:
        out["group_tests"] = groups_json(extras.groups)
    return out


def terms_json(results) -> dict[str, Any]:
    """The terms of an equation (a key per coefficient: variable, category, reference), the
    controls, and the categories of each categorical variable with their counts."""
    return {
        "terms": {t.key: {"variable": t.variable, "category": t.category, "reference": t.reference} for t in results.terms},
        "controls": list(results.controls),
        "categories": {
            key: {"levels": list(c.levels), "reference": c.reference, "counts": dict(zip(c.levels, c.counts))}
            for key, c in results.categories.items()
        },
    }


def _correlation_verdicts(extras, a: str, b: str) -> dict[str, Any]:
    verdicts = extras.correlation_verdicts.get((a, b)) or extras.correlation_verdicts.get((b, a))
    return {"significance": verdicts.significance.as_json(), "strength": verdicts.strength.as_json()} if verdicts else {}


def hypothesis_json(decision, kind: str, alpha: float, tails: str) -> dict[str, Any]:
    """The decision on one hypothesis as codes and values, with its rule (the design adds the sentence)."""
    rule = decision_rule(kind, alpha, tails)
    return {
        "supported": decision.supported,
        "statistic": decision.statistic,
        "p": decision.p,
        "reason": decision.reason,
        "sign": decision.sign,
        "rule": rule.name,
        "threshold": rule.threshold,
        "citation": rule.citation,
    }


def decision_text(env, name: str, kind: str, decision, expect: str, alpha: float, lang: str, critical: float | None = None) -> str:
    """One sentence stating a hypothesis decision (templates/common/hypothesis_decision.j2 with the language's sentences)."""
    p_text = fmt_p(decision.p, 3, lang)
    return render(
        env,
        "hypothesis_decision.j2",
        name=name,
        kind=kind,
        supported=decision.supported,
        reason=decision.reason,
        sign=decision.sign,
        expect=expect,
        statistic=fmt(decision.statistic, 3, lang),
        p=p_text,
        p_is_bound=p_text.startswith("<"),
        critical="" if critical is None else fmt(critical, 3, lang),
        alpha=fmt(alpha, 2, lang),
    )
