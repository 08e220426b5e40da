"""results.json: every statistic under the stable keys of DESIGN.md, floats unrounded.

Undefined values (NaN, a statistic of a constant item) are written as null.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from reportgen.analysis import StudyResults
from reportgen.config import Study
from reportgen.errors import naming
from reportgen.words.locale import fmt, fmt_p
from reportgen.words.templates import environment, render


def results_dict(study: Study, results: StudyResults, lang: str) -> dict[str, Any]:
    reg = results.regression
    dw = results.durbin_watson
    norm = results.normality
    het = results.heteroscedasticity
    config = study.config
    env = environment(lang, study.templates_dir)
    out: dict[str, Any] = {
        "n_used": results.n_used,
        "n_excluded": results.n_excluded,
        "profile": _profile(results.profile),
        "constructs": _constructs(results.constructs),
        "validity": {"r_table": results.r_table, "method": config.settings.validity},
        "regression": {
            "dependent": reg.dependent,
            "coefficients": {
                name: {"b": c.b, "se": c.se, "beta": c.beta, "t": c.t, "p": c.p, "tolerance": c.tolerance, "vif": c.vif}
                for name, c in reg.coefficients.items()
            },
            "r": reg.r, "r2": reg.r2, "adj_r2": reg.adj_r2, "se_estimate": reg.se_estimate,
            "f": reg.f, "f_p": reg.f_p, "df1": reg.df1, "df2": reg.df2,
            "ss_regression": reg.ss_regression, "ss_residual": reg.ss_residual,
            "durbin_watson": dw.d, "dw_p": dw.p, "dl": dw.dl, "du": dw.du, "dw_zone": results.dw_zone,
            "t_table": results.t_table, "f_table": results.f_table,
        },
        "assumptions": {
            "normality": {
                "ks_d": norm.ks_d, "ks_p_asymptotic": norm.ks_p_asymptotic, "ks_p_lilliefors": norm.ks_p_lilliefors,
                "shapiro_w": norm.shapiro_w, "shapiro_p": norm.shapiro_p,
            },
            "heteroscedasticity": {
                "glejser": {name: {"b": g.b, "se": g.se, "t": g.t, "p": g.p} for name, g in het.glejser.items()},
                "breusch_pagan": {"lm": het.bp_lm, "df": het.bp_df, "p": het.bp_p},
            },
        },
        "hypotheses": {
            name: {
                "supported": h.decision.supported, "statistic": h.decision.statistic, "p": h.decision.p,
                "reason": h.decision.reason,
                "decision_text": _decision_text(env, h.name, h.kind, h.decision, h.expect, config.settings.alpha, lang,
                                                results.f_table if h.kind == "simultaneous" else results.t_table),
            }
            for name, h in results.hypotheses.items()
        },
        "warnings": list(results.warnings),
    }
    out.update(_extras_dict(results.extras))
    out["dropped_items"] = [{"item": i, "construct": c, "r": r} for i, c, r in results.dropped]
    return _clean(out)


def _extras_dict(extras) -> dict[str, Any]:
    """correlations, simple_regressions, moderation and group_tests (DESIGN.md keys)."""
    if extras is None:
        return {}
    out: dict[str, Any] = {
        "correlations": {a: {b: {"r": r, "p": p} for b, (r, p) in row.items() if b != a} for a, row in extras.correlations.items()},
    }
    if extras.simple:
        out["simple_regressions"] = {h: {"b": fit.coefficients[fit.predictors[0]].b, "se": fit.coefficients[fit.predictors[0]].se,
                                         "t": fit.coefficients[fit.predictors[0]].t, "p": fit.coefficients[fit.predictors[0]].p,
                                         "r2": fit.r2} for h, fit in extras.simple.items()}
    if extras.moderation:
        out["moderation"] = {}
        for h, m in extras.moderation.items():
            term = m.full.coefficients[m.full.predictors[2]]
            out["moderation"][h] = {"interaction": {"b": term.b, "se": term.se, "t": term.t, "p": term.p},
                                    "delta_r2": m.delta_r2, "delta_f": m.delta_f, "delta_p": m.delta_p, "centred": m.centred,
                                    "r2_main": m.main.r2, "r2_full": m.full.r2,
                                    "slopes": {s.level: {"z": s.z, "slope": s.slope, "se": s.se, "t": s.t, "p": s.p} for s in m.slopes}}
    if extras.groups:
        out["group_tests"] = {col: {c: {"test": t.test, "statistic": t.statistic, "df": list(t.df) if len(t.df) != 1 else t.df[0],
                                        "p": t.p, "levene_p": t.levene_p, "normal": t.normal,
                                        "groups": {g: {"n": n, "mean": m, "sd": sd, "median": md}
                                                   for g, n, m, sd, md in zip(t.groups, t.n, t.means, t.sds, t.medians)}}
                                    for c, t in tests.items()} for col, tests in extras.groups.items()}
    return out


def path_results_dict(study: Study, results, lang: str) -> dict[str, Any]:
    """results.json of a path (mediation) study."""
    model = results.model
    config = study.config
    env = environment(lang, study.templates_dir)
    out = {
        "n_used": results.n_used, "n_excluded": results.n_excluded,
        "profile": _profile(results.described.profile), "constructs": _constructs(results.described.constructs),
        "path_model": {
            target: {"coefficients": {name: {"b": c.b, "se": c.se, "beta": c.beta, "t": c.t, "p": c.p}
                                      for name, c in fit.coefficients.items()},
                     "r2": fit.r2, "adj_r2": fit.adj_r2, "f": fit.f, "f_p": fit.f_p, "df1": fit.df1, "df2": fit.df2}
            for target, fit in model.regressions.items()
        },
        "mediation": {h: {"path": " -> ".join(m.chain), "a": m.a, "b": m.b, "c": m.c, "c_prime": m.c_prime, "indirect": m.indirect,
                          "sobel_z": m.sobel_z, "sobel_p": m.sobel_p, "boot_sd": m.boot_sd, "ci_low": m.ci_low, "ci_high": m.ci_high,
                          "kind": m.kind, "resamples": results.resamples} for h, m in results.mediations.items()},
        "hypotheses": {
            name: {"path": " -> ".join((*h.source, h.target)), "supported": h.decision.supported, "statistic": h.decision.statistic,
                   "p": h.decision.p, "reason": h.decision.reason,
                   "decision_text": _decision_text(env, h.name, h.kind, h.decision, h.expect, config.settings.alpha, lang)}
            for name, h in results.hypotheses.items()
        },
        "warnings": list(results.warnings),
        "dropped_items": [{"item": i, "construct": c, "r": r} for i, c, r in results.described.dropped],
    }
    out.update(_extras_dict(results.extras))
    return _clean(out)


def _profile(profile) -> dict[str, Any]:
    return {
        column: {
            cat: {"frequency": f, "percent": p, "valid_percent": v, "cumulative_percent": c}
            for cat, f, p, v, c in zip(t.categories, t.frequency, t.percent, t.valid_percent, t.cumulative_percent)
        } | {"_missing": t.n_missing}
        for column, t in profile.items()
    }


def _constructs(constructs) -> dict[str, Any]:
    return {
        name: {
            "alpha": c.alpha, "omega": c.omega, "index_mean": c.index_mean, "category": c.category, "mean": c.mean, "sd": c.sd,
            "items": {
                item: {
                    "mean": i.distribution.mean, "sd": i.distribution.sd,
                    "freq": {str(p): n for p, n in zip(i.distribution.points, i.distribution.counts)},
                    "index": i.index, "category": i.category,
                    "r_item_total": i.validity.r_item_total, "r_item_rest": i.validity.r_item_rest,
                    "r_p": i.validity.r_p, "valid": i.valid, "alpha_if_deleted": i.alpha_if_deleted,
                }
                for item, i in c.items.items()
            },
        }
        for name, c in constructs.items()
    }


def pls_results_dict(study: Study, results, lang: str) -> dict[str, Any]:
    """results.json of a PLS study: the shared descriptive keys plus ``pls.*``."""
    model = results.model
    spec = model.spec
    names = spec.constructs
    described = results.described
    boot = results.boot
    env = environment(lang, study.templates_dir)

    def stat(b) -> dict[str, Any]:
        return {"coef": b.estimate, "mean": b.mean, "sd": b.sd, "t": b.t, "p": b.p, "ci_low": b.ci_low, "ci_high": b.ci_high}

    loadings = model.loadings.sum(axis=1)
    owner = spec.mask.argmax(axis=1)
    upper = [(i, j) for i in range(len(names)) for j in range(i + 1, len(names))]
    out = {
        "n_used": results.n_used,
        "n_excluded": results.n_excluded,
        "profile": _profile(described.profile),
        "constructs": _constructs(described.constructs),
        "pls": {
            "iterations": model.iterations, "weighting": spec.scheme, "bootstrap": boot.resamples,
            "paths": {f"{a} -> {b}": stat(v) for (a, b), v in boot.paths.items()},
            "indirect": {" -> ".join(chain): stat(v) for chain, v in boot.specific_indirect.items()},
            "total_indirect": {f"{a} -> {b}": stat(v) for (a, b), v in boot.total_indirect.items()},
            "total_effects": {f"{names[i]} -> {names[j]}": float(results.total_effects[i, j])
                              for i in range(len(names)) for j in range(len(names)) if results.total_effects[i, j] != 0},
            "r2": {names[j]: float(model.r2[j]) for j in spec.endogenous},
            "adj_r2": {names[j]: float(model.adj_r2[j]) for j in spec.endogenous},
            "reliability": {c: {"alpha": r.alpha, "rho_a": r.rho_a, "rho_c": r.rho_c, "ave": r.ave} for c, r in results.reliability.items()},
            "loadings": {item: float(v) for item, v in zip(spec.indicators, loadings)},
            "loadings_boot": {item: stat(v) for item, v in boot.loadings.items()},
            "weights": {item: float(model.weights[k, owner[k]]) for k, item in enumerate(spec.indicators)},
            "outer_vif": {item: float(v) for item, v in zip(spec.indicators, results.outer_vif)},
            "cross_loadings": {item: {c: float(model.cross_loadings[k, j]) for j, c in enumerate(names)} for k, item in enumerate(spec.indicators)},
            "htmt": {f"{names[i]}~{names[j]}": float(results.htmt[i, j]) for i, j in upper},
            "htmt_boot": {f"{a}~{b}": stat(v) for (a, b), v in boot.htmt.items()},
            "fornell_larcker": {names[i]: {names[j]: float(results.fornell_larcker[i, j]) for j in range(len(names))} for i in range(len(names))},
            "inner_vif": {f"{a} -> {b}": v for (a, b), v in results.inner_vif.items()},
            "f2": {f"{a} -> {b}": v for (a, b), v in results.f2.items()},
            "q2": results.q2,
            "q2_omission_distance": results.q2_distance,
            "srmr": results.srmr,
        },
        "hypotheses": {
            name: {"path": " -> ".join(h.chain), "supported": h.decision.supported, "statistic": h.decision.statistic,
                   "p": h.decision.p, "reason": h.decision.reason, "coef": h.stat.estimate,
                   "decision_text": _decision_text(env, h.name, "partial", h.decision, h.expect, study.config.settings.alpha, lang)}
            for name, h in results.hypotheses.items()
        },
        "warnings": list(results.warnings),
    }
    return _clean(out)


def sakip_results_dict(results) -> dict[str, Any]:
    """results.json of a SAKIP report: ``sakip.units.<unit>.*`` and ``sakip.overall.*``."""
    out = {
        "sakip": {
            "year": results.year,
            "units": {
                unit: {
                    "total": s.total, "predicate": results.predicates[unit], "rank": s.rank, "change": s.change,
                    "previous": s.previous, "history": {str(y): t for y, t in s.history.items()},
                    "components": s.components, "subcomponents": s.subcomponents,
                }
                for unit, s in results.units.items()
            },
            "overall": {"total": results.overall_total, "predicate": results.overall_predicate},
        },
        "warnings": [],
    }
    return _clean(out)


def _decision_text(env, name: str, kind: str, decision, expect: str, alpha: float, lang: str, critical: float | None = None) -> str:
    """One sentence stating a hypothesis decision (templates/<lang>/hypothesis_decision.j2)."""
    p_text = fmt_p(decision.p, 3, lang)
    return render(env, "hypothesis_decision.j2", name=name, kind=kind, supported=decision.supported, reason=decision.reason,
                  sign=decision.sign, expect=expect, statistic=fmt(decision.statistic, 3, lang), p=p_text,
                  p_is_bound=p_text.startswith("<"), critical="" if critical is None else fmt(critical, 3, lang),
                  alpha=fmt(alpha, 2, lang))


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return _clean(value.item())
    return value


def write_results(path: Path, data: dict[str, Any]) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    with naming(path):
        path.write_text(text, encoding="utf-8")
