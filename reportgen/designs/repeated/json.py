"""results.json of a repeated-measures study (``repeated``: the measurements, the diagnostics, the
chosen test and the check, every pair; ``hypotheses``)."""

from __future__ import annotations

from typing import Any

from reportgen.config import Study
from reportgen.designs.repeated.analysis import Change, Omnibus, PairedPower, RepeatedStudyResults
from reportgen.designs.survey.groups import effect_json
from reportgen.designs.survey.json import hypothesis_json, sample_json
from reportgen.interpret.hypotheses import Decision
from reportgen.interpret.repeated import decision_rule
from reportgen.words.labels import load_labels
from reportgen.words.locale import fmt, fmt_p
from reportgen.words.templates import environment, render


def _effect(e) -> dict[str, Any]:
    """An effect size with its interval (NaN becomes null in results.json)."""
    return {"kind": e.kind, **effect_json(e)}


def _omnibus(o: Omnibus) -> dict[str, Any]:
    return {"test": o.test, "statistic": o.statistic, "df": list(o.df), "p": o.p, "effect_size": _effect(o.effect)}


def power_json(power: PairedPower) -> dict[str, Any]:
    """The paired t test's power at d_z = 0,2 and 0,5 and the smallest d_z it detects with ``level``."""
    return {"small": power.small, "medium": power.medium, "detectable_dz": power.detectable, "level": power.level}


def change_json(c: Change) -> dict[str, Any]:
    """The measurements, the diagnostics, the chosen test, the check and every pair, with verdicts."""
    out: dict[str, Any] = {
        "measures": list(c.measures),
        "scores": {
            m.code: {
                "n": m.n,
                "mean": m.mean,
                "sd": m.sd,
                "median": m.median,
                "q1": m.q1,
                "q3": m.q3,
                "min": m.low,
                "max": m.high,
                "mean_rank": m.mean_rank,
                "ci_low": m.ci[0],
                "ci_high": m.ci[1],
            }
            for m in c.summaries
        },
        "test": c.test.as_json(),
        "chosen": _omnibus(c.chosen),
        "check": _omnibus(c.check),
        "normality": {
            "of": "differences" if len(c.measures) == 2 else "residuals",
            "w": c.normality_w,
            "p": c.normality_p,
            "verdict": c.normality.as_json(),
        },
        "verdicts": {
            "difference": c.difference.as_json(),
            "check_difference": c.check_difference.as_json(),
            "size": c.size.as_json() if c.size else None,
            "correction": c.correction.as_json(),
        },
        "pairs": [
            pair_json(p) | {"difference": c.pair_differences[(p.first, p.second)].as_json(), "size": c.pair_sizes[(p.first, p.second)].as_json()}
            for p in c.pairs
        ],
    }
    if c.anova is not None:
        a = c.anova
        out["anova"] = {
            "f": a.f,
            "df1": a.df1,
            "df2": a.df2,
            "p": a.p,
            "ges": a.ges,
            "mauchly_w": a.mauchly_w,
            "mauchly_p": a.mauchly_p,
            "gg_epsilon": a.gg_epsilon,
            "gg_p": a.gg_p,
            "hf_epsilon": a.hf_epsilon,
            "hf_p": a.hf_p,
            "sphericity": c.sphericity.as_json(),
        }
    if c.friedman is not None:
        out["friedman"] = {"chi2": c.friedman.chi2, "df": c.friedman.df, "p": c.friedman.p, "kendalls_w": c.friedman.kendalls_w}
    return out


def _hypothesis(decision: Decision, kind: str, test: str, settings, holm: bool, two_groups: bool = True) -> dict[str, Any]:
    """The decision with the rule it was made by (:func:`reportgen.interpret.repeated.decision_rule`)."""
    rule = decision_rule(kind, test, settings.alpha, settings.tails, holm, settings.group_test, two_groups)
    directed = kind == "pair" or (kind == "gain" and two_groups)
    out = hypothesis_json(decision, "partial" if directed else "simultaneous", settings.alpha, settings.tails)
    return out | {"rule": rule.name, "threshold": rule.threshold, "citation": rule.citation}


def gain_json(g) -> dict[str, Any]:
    """A change compared between the groups of a compare column (a hypothesis with a moderator):
    the column, the measurements, the reference group, each group's change and the group test."""
    c = g.comparison
    return {
        "column": g.column,
        "first": g.first,
        "second": g.second,
        "reference": g.reference,
        "test": c.test.test,
        "statistic": c.test.statistic,
        "df": list(c.test.df) if len(c.test.df) != 1 else c.test.df[0],
        "p": c.test.p,
        "effect_sizes": {e.kind: effect_json(e) for e in c.test.effects},
        "groups": {
            name: {"n": n, "mean_change": m, "sd_change": sd, "median_change": md}
            for name, n, m, sd, md in zip(c.groups.names, c.groups.n, c.groups.means, c.groups.sds, c.groups.medians)
        },
        "levene": {"center": c.levene.center, "f": c.levene.f, "df1": c.levene.df1, "df2": c.levene.df2, "p": c.levene.p},
    }


def _decision_text(env, symbols: dict, name: str, h, c: Change, lang: str, gain=None, config=None) -> str:
    """One sentence stating the decision (templates/<lang>/repeated_decision.j2)."""
    if h.kind == "gain":
        symbol = symbols["groups"][gain.comparison.test.test]
    elif h.kind == "interaction":
        symbol = "F"
    else:
        symbol = symbols["repeated"][c.chosen.test if h.kind == "omnibus" else c.pair(h.source[0], h.target)[0].test.test]
    return render(
        env,
        "repeated_decision.j2",
        name=name,
        kind=h.kind,
        supported=h.decision.supported,
        reason=h.decision.reason,
        sign=h.decision.sign,
        expect=h.expect,
        symbol=symbol,
        statistic=fmt(h.decision.statistic, 3, lang),
        p=fmt_p(h.decision.p, 3, lang, unit=True),
        holm=h.kind == "pair" and len(c.measures) > 2,
        other=config.category_label(gain.column, gain.comparison.groups.names[1], lang)
        if gain is not None and len(gain.comparison.groups.names) == 2
        else None,
        reference=config.category_label(gain.column, gain.reference, lang) if gain is not None else None,
    )


def results_json(study: Study, results: RepeatedStudyResults, lang: str) -> dict[str, Any]:
    config = study.config
    c = results.change
    env = environment(lang, study.templates_dir)
    labels = load_labels(lang, study.templates_dir)
    symbols = {"repeated": labels["repeated_symbols"], "groups": labels["group_symbols"]}
    return {
        **sample_json(config, results.described),
        "repeated": change_json(c) | {"power": power_json(results.power), "groups": {column: group_json(g) for column, g in results.groups.items()}},
        "hypotheses": {
            name: {
                "kind": h.kind,
                "measures": [*h.source, h.target] if h.kind in ("pair", "gain") else list(c.measures),
                **_hypothesis(
                    h.decision,
                    h.kind,
                    c.test.outcome,
                    config.settings,
                    len(c.measures) > 2,
                    len(results.gains[name].comparison.groups.names) == 2 if name in results.gains else True,
                ),
                "decision_text": _decision_text(env, symbols, name, h, c, lang, results.gains.get(name), config),
                **({"moderator": config.hypotheses[name].moderator} if config.hypotheses[name].moderator else {}),
                **({"group_change": gain_json(results.gains[name])} if name in results.gains else {}),
            }
            for name, h in results.hypotheses.items()
        },
        "warnings": list(results.warnings),
        "dropped_items": [{"item": i, "construct": cname, "r": r} for i, cname, r in results.described.dropped],
    }


def pair_json(p) -> dict[str, Any]:
    """Two measurements compared: the test, its statistic, df, p (and Holm's), the mean difference
    with its interval and the effect size."""
    return {
        "first": p.first,
        "second": p.second,
        "test": p.test.test,
        "statistic": p.test.statistic,
        "df": p.test.df,
        "p": p.test.p,
        "p_holm": p.p_holm,
        "exact": p.test.exact,
        "n": p.test.n,
        "mean_difference": p.test.mean_difference,
        "ci_low": p.test.ci[0] if p.test.ci else None,
        "ci_high": p.test.ci[1] if p.test.ci else None,
        "effect_size": _effect(p.effect),
    }


def _baseline_json(c) -> dict[str, Any] | None:
    """The groups compared at the first measurement by the study's group test."""
    if c is None:
        return None
    return {"test": c.test.test, "statistic": c.test.statistic, "df": list(c.test.df) if len(c.test.df) != 1 else c.test.df[0], "p": c.test.p}


def group_json(g) -> dict[str, Any]:
    """The mixed ANOVA of the measurements by one compare column: the groups, their means and SDs
    at each measurement, each term's SS, df, F, p (and the sphericity-corrected p of the within
    terms), partial η², and the verdicts."""

    def term(t) -> dict[str, Any]:
        return {
            "ss": t.ss,
            "df1": t.df1,
            "error_ss": t.error_ss,
            "df2": t.df2,
            "f": t.f,
            "p": t.p,
            "partial_eta2": t.partial_eta2,
            "gg_epsilon": t.gg_epsilon,
            "gg_p": t.gg_p,
            "hf_epsilon": t.hf_epsilon,
            "hf_p": t.hf_p,
        }

    a = g.anova
    return {
        "groups": list(a.groups),
        "n": dict(zip(a.groups, a.sizes)),
        "excluded": g.excluded,
        "means": {k: list(v) for k, v in g.means.items()},
        "sds": {k: list(v) for k, v in g.sds.items()},
        "group": term(a.group),
        "time": term(a.time),
        "interaction": term(a.interaction),
        "mauchly_w": a.mauchly_w,
        "mauchly_p": a.mauchly_p,
        "levene": [{"center": t.center, "f": t.f, "df1": t.df1, "df2": t.df2, "p": t.p} for t in g.levene],
        "box_m": {
            "m": g.box_m.m,
            "f": g.box_m.f,
            "df1": g.box_m.df1,
            "df2": g.box_m.df2,
            "p": g.box_m.p,
            "chisq": g.box_m.chisq,
            "chisq_p": g.box_m.chisq_p,
        }
        if g.box_m
        else None,
        "baseline": _baseline_json(g.baseline),
        "within": {group: [pair_json(p) for p in pairs] for group, pairs in g.within.items()},
        "verdicts": {
            "correction": g.correction.as_json(),
            "interaction": g.interaction.as_json(),
            "group": g.group.as_json(),
            "covariances": g.covariances.as_json() if g.covariances else None,
        },
    }
