"""results.json of a CB-SEM study (docs/results-json.md, ``cbsem``)."""

from __future__ import annotations

from typing import Any

from reportgen.config import Study
from reportgen.designs.survey.json import decision_text, extras_json, hypothesis_json, sample_json
from reportgen.interpret.verdict import verdicts_json
from reportgen.words.templates import environment


def fit_json(fit) -> dict[str, Any]:
    """The fit of one model: lavaan's ``fitMeasures`` names."""
    return {
        "n": fit.n,
        "chisq": fit.chisq,
        "df": fit.df,
        "p": fit.p,
        "baseline_chisq": fit.baseline_chisq,
        "baseline_df": fit.baseline_df,
        "cfi": fit.cfi,
        "tli": fit.tli,
        "rmsea": fit.rmsea,
        "rmsea_ci_low": fit.rmsea_low,
        "rmsea_ci_high": fit.rmsea_high,
        "rmsea_close_p": fit.rmsea_close_p,
        "srmr": fit.srmr,
    }


def robust_json(model) -> dict[str, Any] | None:
    """MLR (``model.estimator: mlr``): the scaling factors of the model and of the baseline, and
    the normal-theory fit that ``fit`` (the scaled χ², the robust CFI, TLI and RMSEA) replaces; null with ML."""
    if model.robust is None or model.ml_fit is None:
        return None
    r = model.robust
    return {
        "se": "robust.huber.white",
        "test": "yuan.bentler.mplus",
        "chisq_scaling_factor": r.scaling,
        "baseline_chisq_scaling_factor": r.baseline_scaling,
        "ml_fit": fit_json(model.ml_fit),
    }


def model_json(model) -> dict[str, Any]:
    """Every parameter in lavaan's notation, the fit, R² and each construct's AVE and CR."""
    return {
        "estimates": [{"lhs": e.lhs, "op": e.op, "rhs": e.rhs, "est": e.est, "se": e.se, "z": e.z, "p": e.p, "std": e.std} for e in model.estimates],
        "fit": fit_json(model.fit),
        "robust": robust_json(model),
        "r2": dict(model.r2),
        "reliability": {c: {"ave": r.ave, "cr": r.cr} for c, r in model.reliability.items()},
    }


def results_json(study: Study, results, lang: str) -> dict[str, Any]:
    config = study.config
    env = environment(lang, study.templates_dir)
    names = results.constructs
    out = {
        **sample_json(config, results.described),
        "cbsem": {
            "estimator": "MLR" if results.cfa.robust is not None else "ML",
            "measurement": model_json(results.cfa),
            "structural": model_json(results.sem),
            "latent_correlations": {a: {b: float(results.correlations[i, j]) for j, b in enumerate(names) if j != i} for i, a in enumerate(names)},
            "htmt": {f"{a} -> {b}": v.value for (a, b), v in results.measurement.htmt.items()},
            "f2": {f"{a} -> {b}": v for (a, b), v in results.f2.items()},
            "indirect": {
                name: {
                    "path": " -> ".join(e.chain),
                    "est": e.estimate,
                    "se": e.se,
                    "z": e.z,
                    "p": e.p,
                    "std": e.std,
                    "ci_low": e.ci_low,
                    "ci_high": e.ci_high,
                    "interval": e.interval,
                    "draws": e.draws,
                    "failed_resamples": e.failed,
                    "level": e.level,
                    "mediation_type": results.mediation_types[name].as_json() if results.mediation_types.get(name) else None,
                }
                for name, e in results.indirect.items()
            },
            "modification_indices": (
                None
                if results.modification is None
                else [{"lhs": m.lhs, "op": m.op, "rhs": m.rhs, "mi": m.mi, "epc": m.epc, "sepc_all": m.sepc_all} for m in results.modification]
            ),
            "verdicts": {
                "measurement": verdicts_json(results.measurement, pair=" -> "),
                "measurement_fit": verdicts_json(results.cfa_fit),
                "structural_fit": verdicts_json(results.sem_fit),
                "paths": verdicts_json(results.path_verdicts),
            },
        },
        "hypotheses": {
            name: {
                "path": " -> ".join((*h.source, h.target)),
                **hypothesis_json(h.decision, "z", config.settings.alpha, config.settings.tails),
                "decision_text": decision_text(env, h.name, "z", h.decision, h.expect, config.settings.alpha, lang),
            }
            for name, h in results.hypotheses.items()
        },
        "warnings": list(results.warnings),
    }
    out.update(extras_json(results.extras))
    return out
