"""results.json of a path-analysis (mediation) study."""

from __future__ import annotations

from typing import Any

from reportgen.config import Study
from reportgen.designs.regression.explain import explanation_json, ranges_json, shares_json
from reportgen.designs.survey.json import decision_text, extras_json, hypothesis_json, sample_json, terms_json
from reportgen.interpret.verdict import verdicts_json
from reportgen.words.templates import environment


def estimate_json(e) -> dict[str, Any]:
    """One coefficient of a chain: B, SE, β, t, df, p and its t interval."""
    return {
        "path": f"{e.source} -> {e.target}",
        "b": e.b,
        "se": e.se,
        "beta": e.beta,
        "t": e.t,
        "df": e.df,
        "p": e.p,
        "ci_low": e.ci_low,
        "ci_high": e.ci_high,
    }


def mediation_json(m, indirect_verdict, kind) -> dict[str, Any]:
    """One indirect hypothesis: a, b (and the links between), c, c′, a × b, its interval and its type."""
    return {
        "path": " -> ".join(m.chain),
        "a": m.a.b,
        "b": m.b.b,
        "c": m.total.b,
        "c_prime": m.direct.b,
        "indirect": m.indirect,
        "indirect_beta": m.indirect_beta,
        "sobel_se": m.sobel_se,
        "sobel_z": m.sobel_z,
        "sobel_p": m.sobel_p,
        "boot_se": m.boot_se,
        "ci_low": m.ci_low,
        "ci_high": m.ci_high,
        "ci_method": "percentile",
        "level": m.level,
        "resamples": m.resamples,
        "links": [estimate_json(e) for e in m.links],
        "total": estimate_json(m.total),
        "total_covariates": list(m.covariates),
        "direct": estimate_json(m.direct),
        "indirect_significance": indirect_verdict.as_json(),
        "kind": kind.outcome,
        "kind_verdict": kind.as_json(),
    }


def results_json(study: Study, results, lang: str) -> dict[str, Any]:
    """results.json of a path (mediation) study."""
    model = results.model
    config = study.config
    env = environment(lang, study.templates_dir)
    out = {
        **sample_json(config, results.described),
        "path_model": {
            target: {
                "coefficients": {name: {"b": c.b, "se": c.se, "beta": c.beta, "t": c.t, "p": c.p} for name, c in fit.coefficients.items()},
                "r2": fit.r2,
                "adj_r2": fit.adj_r2,
                "f": fit.f,
                "f_p": fit.f_p,
                "df1": fit.df1,
                "df2": fit.df2,
                "variance_shares": shares_json(results.explained.shares[target], results.explained.associations[target]),
            }
            for target, fit in model.regressions.items()
        },
        "controls": {**terms_json(results), "replaced_resamples": results.replaced_resamples},
        "score_ranges": ranges_json(results.explained.ranges, results.explained.range_verdicts),
        "mediation": {h: mediation_json(m, results.indirect_verdicts[h], results.mediation_types[h]) for h, m in results.mediations.items()},
        "path_significance": verdicts_json(results.coefficient_verdicts),
        "hypotheses": {
            name: {
                "path": " -> ".join((*h.source, h.target)),
                **hypothesis_json(h.decision, h.kind, config.settings.alpha, config.settings.tails),
                "decision_text": decision_text(env, h.name, h.kind, h.decision, h.expect, config.settings.alpha, lang),
                "explanations": explanation_json(h, results.explained, {c: r.reliability for c, r in results.described.constructs.items()}),
            }
            for name, h in results.hypotheses.items()
        },
        "warnings": list(results.warnings),
        "dropped_items": [{"item": i, "construct": c, "r": r} for i, c, r in results.described.dropped],
    }
    out.update(extras_json(results.extras))
    return out
