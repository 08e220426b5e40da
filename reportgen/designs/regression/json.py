"""results.json of a regression study (docs/results-json.md), simple or multiple."""

from __future__ import annotations

from typing import Any

from reportgen.config import Study
from reportgen.designs.regression.analysis import StudyResults
from reportgen.designs.regression.explain import explanation_json, ranges_json, shares_json
from reportgen.designs.survey.json import constructs_json, decision_text, extras_json, hypothesis_json, profile_json, source_json, terms_json
from reportgen.interpret.verdict import verdicts_json
from reportgen.stats.regression import R2Change
from reportgen.stats.residual_plots import ResidualPlots
from reportgen.words.templates import environment


def residual_plots_json(plots: ResidualPlots) -> dict[str, Any]:
    """What the residual figures show (:mod:`reportgen.stats.residual_plots`)."""
    return {
        "pp_distance": plots.pp_distance,
        "skewness": plots.skewness,
        "excess_kurtosis": plots.excess_kurtosis,
        "sresid_sd_by_third": list(plots.spread.sd),
        "n_by_third": list(plots.spread.n),
        "spread_ratio": plots.spread.ratio,
    }


def _change_json(change: R2Change) -> dict[str, Any]:
    """What a block of terms adds: ΔR², F change with its df, and p (R ``anova(reduced, full)``)."""
    return {"delta_r2": change.r2, "f": change.f, "df1": change.df1, "df2": change.df2, "p": change.p}


def _critical(results: StudyResults, name: str) -> float:
    """The critical value a hypothesis's statistic is compared with: t, or F on its own df."""
    if name in results.change_f_tables:
        return results.change_f_tables[name]
    return results.f_table if results.hypotheses[name].kind == "simultaneous" else results.t_table


def _decided_as(results: StudyResults, name: str) -> str:
    """The kind whose rule decides a hypothesis: a moderation by three or more categories is
    decided by the F of its block of products, as a categorical predictor is."""
    kind = results.hypotheses[name].kind
    return "categorical" if kind == "moderation" and name in results.changes else kind


def results_json(study: Study, results: StudyResults, lang: str) -> dict[str, Any]:
    """The keys of docs/results-json.md. In a simple regression (one predictor) multicollinearity is not
    applicable: ``tolerance`` and ``vif`` are null and ``assumptions.verdicts.multicollinearity``
    is empty, as the chapter has no multicollinearity test."""
    reg = results.regression
    described = results.described
    dw = results.durbin_watson
    norm = results.normality
    het = results.heteroscedasticity
    config = study.config
    env = environment(lang, study.templates_dir)
    out: dict[str, Any] = {
        "source": source_json(config),
        "n_used": described.n_used,
        "n_excluded": described.n_excluded,
        "imputed_answers": described.imputed,
        "profile": profile_json(described.profile),
        "constructs": constructs_json(described.constructs),
        "validity": {"r_table": described.r_table, "method": config.settings.validity},
        "regression": {
            "dependent": reg.dependent,
            "coefficients": {
                name: {"b": c.b, "se": c.se, "beta": c.beta, "t": c.t, "p": c.p, "tolerance": c.tolerance, "vif": c.vif}
                for name, c in reg.coefficients.items()
            },
            "r": reg.r,
            "r2": reg.r2,
            "adj_r2": reg.adj_r2,
            "se_estimate": reg.se_estimate,
            "f": reg.f,
            "f_p": reg.f_p,
            "df1": reg.df1,
            "df2": reg.df2,
            "ss_regression": reg.ss_regression,
            "ss_residual": reg.ss_residual,
            "durbin_watson": dw.d,
            "dw_p": dw.p,
            "dl": dw.dl,
            "du": dw.du,
            "dw_zone": results.dw_zone,
            "t_table": results.t_table,
            "f_table": results.f_table,
            "f_test": results.f_test.as_json(),
            "robust": {
                "type": "HC3",
                "used": results.uses_hc3,
                "standard_errors": results.standard_errors.as_json(),
                "coefficients": {name: {"se": t.se, "t": t.t, "p": t.p} for name, t in results.robust.terms.items()},
                "f": results.robust.f,
                "f_p": results.robust.f_p,
                "df1": results.robust.df1,
                "df2": results.robust.df2,
            },
            **terms_json(results),
            "controls_only": None
            if results.controls_only is None
            else {"r2": results.controls_only.reduced.r2, **_change_json(results.controls_only)},
            "variance_shares": shares_json(results.explained.shares[reg.dependent], results.explained.associations[reg.dependent]),
        },
        "score_ranges": ranges_json(results.explained.ranges, results.explained.range_verdicts),
        "assumptions": {
            "normality": {
                "ks_d": norm.ks_d,
                "ks_p_asymptotic": norm.ks_p_asymptotic,
                "ks_p_lilliefors": norm.ks_p_lilliefors,
                "shapiro_w": norm.shapiro_w,
                "shapiro_p": norm.shapiro_p,
            },
            "heteroscedasticity": {
                "glejser": {name: {"b": g.b, "se": g.se, "t": g.t, "p": g.p} for name, g in het.glejser.items()},
                "breusch_pagan": {"lm": het.bp_lm, "df": het.bp_df, "p": het.bp_p},
            },
            "residual_plots": residual_plots_json(results.residual_plots),
            "verdicts": verdicts_json(results.assumptions),
        },
        "hypotheses": {
            name: {
                **hypothesis_json(h.decision, _decided_as(results, name), config.settings.alpha, config.settings.tails),
                "decision_text": decision_text(
                    env,
                    h.name,
                    _decided_as(results, name),
                    h.decision,
                    h.expect,
                    config.settings.alpha,
                    lang,
                    _critical(results, name),
                ),
                **({"r2_change": _change_json(results.changes[name])} if name in results.changes else {}),
                "explanations": explanation_json(h, results.explained, {c: r.reliability for c, r in described.constructs.items()}),
            }
            for name, h in results.hypotheses.items()
        },
        "warnings": list(results.warnings),
    }
    out.update(extras_json(results.extras))
    out["dropped_items"] = [{"item": i, "construct": c, "r": r} for i, c, r in described.dropped]
    return out
