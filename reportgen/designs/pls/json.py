"""results.json of a PLS-SEM study: the shared descriptive keys plus ``pls.*``."""

from __future__ import annotations

from typing import Any

from reportgen.config import Study
from reportgen.designs.pls.analysis import PlsStudyResults, pls_model_of
from reportgen.designs.survey.json import constructs_json, decision_text, hypothesis_json, profile_json, source_json, terms_json
from reportgen.interpret.verdict import verdicts_json
from reportgen.stats.pls.repeated_indicators import REPEATED
from reportgen.words.templates import environment


def stat(b) -> dict[str, Any]:
    return {"coef": b.estimate, "mean": b.mean, "sd": b.sd, "t": b.t, "p": b.p, "ci_low": b.ci_low, "ci_high": b.ci_high}


def htmt_stat(h) -> dict[str, Any]:
    """The percentile limits at α and 1 − α: ``ci_high`` is the one-sided (1 − α) upper bound the verdict reads."""
    return {
        "htmt": h.estimate,
        "mean": h.mean,
        "sd": h.sd,
        "ci_low": h.lower,
        "ci_high": h.upper,
        "interval": "percentile",
        "two_sided_level": 1 - 2 * h.alpha,
        "upper_bound_level": 1 - h.alpha,
    }


def measurement_json(model, assessed, boot) -> dict[str, Any]:
    """The outer model of a fitted model: reliability, loadings and weights (with their bootstrap),
    outer VIFs, cross loadings, HTMT (with its bootstrap) and the Fornell–Larcker matrix."""
    spec = model.spec
    names = spec.constructs
    owner = spec.mask.argmax(axis=1)
    upper = [(i, j) for i in range(len(names)) for j in range(i + 1, len(names))]
    return {
        "reliability": {c: {"alpha": r.alpha, "rho_a": r.rho_a, "rho_c": r.rho_c, "ave": r.ave} for c, r in assessed.reliability.items()},
        "loadings": {item: float(v) for item, v in zip(spec.indicators, model.loadings.sum(axis=1))},
        "loadings_boot": {item: stat(v) for item, v in boot.loadings.items()},
        "weights": {item: float(model.weights[k, owner[k]]) for k, item in enumerate(spec.indicators)},
        "weights_boot": {item: stat(v) for item, v in boot.weights.items()},
        "outer_vif": {item: float(v) for item, v in zip(spec.indicators, assessed.outer_vif)},
        "cross_loadings": {item: {c: float(model.cross_loadings[k, j]) for j, c in enumerate(names)} for k, item in enumerate(spec.indicators)},
        "htmt": {f"{names[i]}~{names[j]}": float(assessed.htmt[i, j]) for i, j in upper},
        "htmt_boot": {f"{a}~{b}": htmt_stat(v) for (a, b), v in boot.htmt.items()},
        "fornell_larcker": {names[i]: {names[j]: float(assessed.fornell_larcker[i, j]) for j in range(len(names))} for i in range(len(names))},
    }


def higher_order_json(study: Study, results: PlsStudyResults) -> dict[str, Any] | None:
    """Each higher-order construct (``model.higher_order``): its dimensions, its mode and the
    approach; its dimensions' loadings, weights and VIFs are among ``pls.loadings`` (stage two, or
    by repeated indicators the paths between it and its dimensions read so), the dimensions' own
    measurement in ``pls.first_stage``. Null without one."""
    spec = results.model.spec
    if not spec.higher_order:
        return None
    return {
        key: {
            "dimensions": list(spec.items[spec.constructs.index(key)]),
            "mode": spec.modes[spec.constructs.index(key)],
            "approach": "repeated_indicators" if spec.approach == REPEATED else "disjoint_two_stage",
        }
        for key in spec.higher_order
    }


def results_json(study: Study, results: PlsStudyResults, lang: str) -> dict[str, Any]:
    """results.json of a PLS study: the shared descriptive keys plus ``pls.*``."""
    model = results.model
    spec = model.spec
    names = spec.constructs
    described = results.described
    boot = results.boot
    env = environment(lang, study.templates_dir)

    steps = [
        {
            "indicator": st.indicator,
            "construct": st.construct,
            "loading": st.loading,
            "rule": st.rule,
            "removed": st.removed,
            "ave_before": st.before.ave,
            "ave_after": st.after.ave,
            "rho_c_before": st.before.rho_c,
            "rho_c_after": st.after.rho_c,
        }
        for st in results.removal.steps
    ]  # the removal rule's steps, applied or not (model.indicator_removal)
    out = {
        "source": source_json(study.config),
        "n_used": results.n_used,
        "n_excluded": results.n_excluded,
        "imputed_answers": results.described.imputed,
        "profile": profile_json(described.profile),
        "constructs": constructs_json(described.constructs),
        "pls": {
            "iterations": model.iterations,
            "weighting": spec.scheme,
            "bootstrap": boot.resamples,
            "paths": {f"{a} -> {b}": stat(v) for (a, b), v in boot.paths.items()},
            "indirect": {" -> ".join(chain): stat(v) for chain, v in boot.specific_indirect.items()},
            "mediation_types": {" -> ".join(chain): v.as_json() for chain, v in results.mediation.items()},
            "total_indirect": {f"{a} -> {b}": stat(v) for (a, b), v in boot.total_indirect.items()},
            "total_effects": {
                f"{names[i]} -> {names[j]}": float(results.total_effects[i, j])
                for i in range(len(names))
                for j in range(len(names))
                if results.total_effects[i, j] != 0
            },
            "r2": {names[j]: float(model.r2[j]) for j in spec.endogenous},
            "adj_r2": {names[j]: float(model.adj_r2[j]) for j in spec.endogenous},
            **measurement_json(model, results.assessed, boot),
            "inner_vif": {f"{a} -> {b}": v for (a, b), v in results.assessed.inner_vif.items()},
            "f2": {f"{a} -> {b}": v for (a, b), v in results.assessed.f2.items()},
            "q2": results.assessed.q2,
            "q2_omission_distance": results.assessed.q2_distance,
            "srmr": results.assessed.srmr,
            "predict": predict_json(study, results),
            "mga": mga_json(results),
            "ipma": ipma_json(results),
            "higher_order": higher_order_json(study, results),
            "redundancy": {
                c: {"global_item": item, "path": path, "r2": path**2, "verdict": results.verdicts.redundancy[c].as_json()}
                for c, (item, path) in results.redundancy.items()
            }
            or None,
            "first_stage": measurement_json(first.model, first.assessed, first.boot) if (first := results.first_stage) else None,
            "indicator_removal": "hair" if results.removal_applied else "none",
            "removed_indicators": [step for step in steps if step["removed"]] if results.removal_applied else [],
            "removal_rule": steps,
            "initial_reliability": {c: {"alpha": r.alpha, "rho_a": r.rho_a, "rho_c": r.rho_c, "ave": r.ave} for c, r in results.initial.items()},
            "assessment": results.verdicts.assessment_json(),
            "verdicts": {
                key: verdicts_json(getattr(results.verdicts, key)) for key in ("outer_vif", "inner_vif", "r2", "q2", "f2", "srmr", "indirect")
            },
        },
        "controls": {**terms_json(results), "replaced_resamples": results.boot.replaced},
        "hypotheses": {
            name: {
                "path": " -> ".join(h.chain),
                "moderator": h.moderator,
                **hypothesis_json(h.decision, "partial", study.config.settings.alpha, study.config.settings.tails),
                "coef": h.stat.estimate,
                "measurement_caveat": h.caveat.as_json(),
                "decision_text": decision_text(env, h.name, "partial", h.decision, h.expect, study.config.settings.alpha, lang),
            }
            for name, h in results.hypotheses.items()
        },
        "warnings": list(results.warnings),
    }
    return out


def predict_json(study: Study, results: PlsStudyResults) -> dict[str, Any] | None:
    """PLSpredict (``model.predict``): the settings, and per endogenous construct its indicators'
    Q²predict, RMSE and MAE of PLS-SEM and of the linear benchmark, the error statistic compared
    and the predictive power; null with ``model.predict: false``."""
    settings = pls_model_of(study.config).predict
    if not settings or results.prediction is None:
        return None
    return {
        "folds": settings.folds,
        "repetitions": settings.repetitions,
        "technique": settings.technique,
        "constructs": {
            construct: {
                "statistic": p.statistic.as_json(),
                "power": p.power.as_json(),
                "indicators": {
                    row.indicator: {
                        "q2_predict": row.q2_predict,
                        "pls_rmse": row.pls_rmse,
                        "pls_mae": row.pls_mae,
                        "lm_rmse": row.lm_rmse,
                        "lm_mae": row.lm_mae,
                        "error_skewness": row.error_skewness,
                        "relevant": p.relevant[row.indicator].as_json(),
                        "pls_better": p.better[row.indicator],
                    }
                    for row in p.indicators
                },
            }
            for construct, p in results.prediction.items()
        },
    }


def mga_json(results: PlsStudyResults) -> dict[str, Any] | None:
    """The multigroup analysis (``model.mga``): the groups, MICOM per construct and each path in
    the two groups with its permutation p; null without ``model.mga``."""
    m = results.multigroup
    if m is None:
        return None
    r, v = m.result, m.verdicts
    return {
        "column": m.column,
        "groups": list(m.groups),
        "sizes": list(r.sizes),
        "excluded": m.excluded,
        "others": m.others,
        "other_groups": list(m.other_groups),
        "permutations": r.permutations,
        "invariance": v.model.as_json(),
        "micom": {
            row.construct: {
                "c": row.c,
                "c_quantile_05": row.c_quantile,
                "compositional": row.compositional,
                "mean_difference": row.mean_difference,
                "mean_interval": list(row.mean_interval),
                "equal_means": row.equal_means,
                "log_variance_ratio": row.log_variance_ratio,
                "variance_interval": list(row.variance_interval),
                "equal_variances": row.equal_variances,
                "verdict": v.invariance[row.construct].as_json(),
            }
            for row in r.invariance
        },
        "paths": {
            f"{d.source} -> {d.target}": {
                "group1": d.group1,
                "group2": d.group2,
                "difference": d.difference,
                "p": d.p,
                "verdict": v.paths[(d.source, d.target)].as_json(),
            }
            for d in r.paths
        },
        "r2": {"group1": r.r2[0], "group2": r.r2[1]},
    }


def ipma_json(results: PlsStudyResults) -> dict[str, Any] | None:
    """The importance–performance map (Ringle & Sarstedt, 2016): each rated construct's performance
    (0–100) with its 95% interval, each target's unstandardised total effects, the rescaled outer
    weights, and the constructs with a negative one (their performance is not on 0–100, and the
    conclusions then read the standardised effects instead)."""
    m = results.ipma
    if m is None:
        return None
    return {
        "performance": m.performance,
        "performance_interval": {c: list(v) for c, v in m.interval.items()},
        "importance": m.importance,
        "rescaled_weights": m.weights,
        "negative_weights": list(m.negative),
    }
