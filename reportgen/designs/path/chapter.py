"""The path-analysis (intervening variable) chapter: regressions per endogenous construct,
direct effects, indirect effects with Sobel and bootstrap, discussion."""

from __future__ import annotations

from reportgen.designs.survey.chapter import chapter
from reportgen.designs.survey.discussion import discussion_section as shared_discussion
from reportgen.interpret.effects import Effect
from reportgen.designs.survey.effects import path_conclusions, path_effects
from reportgen.designs.survey.descriptives import descriptives_section
from reportgen.designs.survey.extras_chapter import correlation_section, group_section
from reportgen.designs.survey.measurement import reliability_section, validity_section
from reportgen.designs.survey.profile import profile_section
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Document, Section
from reportgen.words.locale import stars


def path_analysis_section(b: Builder, r, number: str) -> Section:
    model = r.model
    section = b.section(b.labels["path_analysis"], 3, number)
    section.blocks += b.say("path_intro.j2", equations=len(model.regressions))
    for target, fit in model.regressions.items():
        body = [[s(b.col("constant")), d(b.f(fit.coefficients["const"].b)), d(b.f(fit.coefficients["const"].se)), d(""),
                 d(b.f(fit.coefficients["const"].t)), d(b.p(fit.coefficients["const"].p))]]
        for p in fit.predictors:
            c = fit.coefficients[p]
            body.append([s(f"{b.name(p)} ({p})"), d(b.f(c.b)), d(b.f(c.se)), d(b.f(c.beta)), d(b.f(c.t)), d(b.p(c.p))])
        table = b.table(f"path.{target}", b.label("path_title", y=f"{b.name(target)} ({target})"),
                        [[h(b.col("variable")), h(b.col("b")), h(b.col("se")), h(b.col("beta")), h("t"), h(b.col("p"))]], body,
                        notes=(f"R² = {b.f(fit.r2)} ({b.pct(100 * fit.r2)}); F = {b.f(fit.f)}; Sig. F {b.sig(fit.f_p)}",), widths=(3, 1, 1, 1, 1, 1))
        section.add(table)
        terms = [{"sign": "−" if fit.coefficients[p].b < 0 else "+", "b": b.f(abs(fit.coefficients[p].b)), "x": p} for p in fit.predictors]
        section.blocks += b.say("regression_equation.j2", refs=(table.key,), style="equation", y=target,
                                constant=b.f(fit.coefficients["const"].b), terms=terms)
        section.blocks += b.say("path_regression.j2", refs=(table.key,), table=b.ref(table), y_name=b.name(target), y=target,
                                r2=b.f(fit.r2), pct=b.pct(100 * fit.r2),
                                rows=[{"x": p, "name": b.name(p), "b": b.f(fit.coefficients[p].b), "p": b.p(fit.coefficients[p].p),
                                       "significant": r.coefficient_verdicts[(p, target)].passed} for p in fit.predictors])
    labels = {(s_, t): f"{b.f(model.coefficient(s_, t).beta)}{stars(model.coefficient(s_, t).p)}" for s_, t in model.paths}
    r2 = {t: f"R² = {b.f(fit.r2)}" for t, fit in model.regressions.items()}
    fig = b.figure("path.diagram", b.labels["path_diagram_title"], "path_diagram",
                   {"constructs": [(c, b.name(c)) for c in dict.fromkeys(x for p in model.paths for x in p)], "paths": labels, "r2": r2},
                   width=0.9)
    section.add(fig)
    section.blocks += b.say("path_diagram.j2", figure=b.ref(fig))
    return section


def path_hypotheses_section(b: Builder, r, number: str) -> Section:
    config = b.study.config
    alpha = b.f(config.settings.alpha, 2)
    section = b.section(b.labels["hypotheses"], 3, number)
    direct = {n: h_ for n, h_ in r.hypotheses.items() if h_.kind == "partial"}
    if direct:
        body = []
        for name, hyp in direct.items():
            c = r.model.coefficient(hyp.source[0], hyp.target)
            body.append([d(name), s(f"{hyp.source[0]} → {hyp.target}"), d(b.f(c.b)), d(b.f(c.beta)), d(b.f(c.t)),
                         d(_t_table(b, r, hyp.target)), d(b.p(hyp.decision.p)), b.verdict(f"hypothesis:{name}", hyp.decision.outcome)])
        table = b.table("path.direct", b.labels["direct_title"],
                        [[h(b.col("hypothesis")), h(b.col("path")), h(b.col("b")), h(b.col("beta")), h("t"), h(b.col("t_table")), h(b.col("p")),
                          h(b.col("decision"))]], body, notes=(f"α = {alpha}",), widths=(1, 1.8, 0.9, 0.9, 0.9, 0.9, 1, 1.2))
        section.add(table)
        for k, (name, hyp) in enumerate(direct.items()):
            c = r.model.coefficient(hyp.source[0], hyp.target)
            section.blocks += b.say("t_test.j2", refs=(table.key,), claims=[(f"hypothesis:{name}", hyp.decision.outcome)], h=name, ordinal=b.ordinal(k), x=hyp.source[0], x_name=b.name(hyp.source[0]),
                                    y=hyp.target, y_name=b.name(hyp.target), t=b.f(c.t), abs_t=b.f(abs(c.t)), t_table=_t_table(b, r, hyp.target),
                                    p=b.p(hyp.decision.p),
                                    significant=hyp.decision.reason != "not_significant", reason=hyp.decision.reason,
                                    sign=hyp.decision.sign, expect=hyp.expect, supported=hyp.decision.supported,
                                    object=config.study.object_in(b.lang), alpha=alpha, two=config.settings.tails == "two")
    if r.mediations:
        body = []
        for name, m in r.mediations.items():
            body.append([d(name), s(" → ".join(m.chain)), d(b.f(m.a)), d(b.f(m.b)), d(b.f(m.indirect)),
                         d("–" if m.sobel_z is None else b.f(m.sobel_z)), d("–" if m.sobel_p is None else b.p(m.sobel_p)),
                         d(f"[{b.f(m.ci_low)}; {b.f(m.ci_high)}]"), d(b.f(m.c_prime)),
                         b.verdict(f"mediation:{name}", r.mediation_types[name].outcome, "mediation_kinds"),
                         b.verdict(f"hypothesis:{name}", r.hypotheses[name].decision.outcome)])
        table = b.table("path.mediation", b.labels["mediation_title"],
                        [[h(b.col("hypothesis")), h(b.col("path")), h("a"), h("b"), h("a × b"), h("z Sobel"), h(b.col("p")), h(b.col("ci", level=b.confidence())),
                          h("c′"), h(b.col("mediation_kind")), h(b.col("decision"))]], body,
                        notes=(b.label("pls_paths_note", resamples=b.i(r.resamples), level=b.confidence()) + f" α = {alpha}",),
                        widths=(0.8, 1.8, 0.7, 0.7, 0.8, 0.8, 0.8, 1.5, 0.7, 1.3, 1.1), small=True)
        section.blocks += b.say("mediation_intro.j2", table=b.ref(table), resamples=b.i(r.resamples), confidence=b.confidence())
        section.add(table)
        for name, m in r.mediations.items():
            hyp = r.hypotheses[name]
            section.blocks += b.say("mediation.j2", refs=(table.key,), claims=[(f"mediation:{name}", r.mediation_types[name].outcome), (f"hypothesis:{name}", r.hypotheses[name].decision.outcome)],
                                    h=name, chain=[b.name(c) for c in m.chain], indirect=b.f(m.indirect),
                                    z=None if m.sobel_z is None else b.f(m.sobel_z), p=None if m.sobel_p is None else b.p(m.sobel_p),
                                    low=b.f(m.ci_low), high=b.f(m.ci_high), c_prime=b.f(m.c_prime), kind=r.mediation_types[name].outcome,
                                    kind_text=b.labels["mediation_kinds"][r.mediation_types[name].outcome].lower(),
                                    supported=hyp.decision.supported,
                                    reason=hyp.decision.reason, alpha=alpha, confidence=b.confidence())
    return section


def _t_table(b: Builder, r, target: str) -> str:
    return b.f(r.t_tables[target])


def path_discussion_section(b: Builder, r, number: str, effects: list[Effect]) -> Section:
    config = b.study.config

    def restate(effect):
        name = effect.hypothesis
        hyp = r.hypotheses[name]
        names = [b.name(c) for c in (*hyp.source, hyp.target)]
        if hyp.kind == "indirect":
            title = b.label("discussion_indirect", source=names[0], mediator=", ".join(names[1:-1]), target=names[-1])
            m = r.mediations[name]
            refs, coef, stat, p = ("path.mediation",), b.f(m.indirect), "–" if m.sobel_z is None else b.f(m.sobel_z), b.p(m.sobel_p) if m.sobel_p is not None else "–"
        else:
            title = b.label("discussion_of", source=names[0], target=names[-1])
            c = r.model.coefficient(*hyp.source, hyp.target)
            refs, coef, stat, p = ("path.direct",), b.f(c.b), b.f(c.t), b.p(hyp.decision.p)
        return title, b.say("pls_discussion.j2", refs=refs, claims=[(f"hypothesis:{name}", hyp.decision.outcome)], h=name, chain=names,
                            indirect=hyp.kind == "indirect", coef=coef, t=stat, p=p, stat_name="z Sobel" if hyp.kind == "indirect" else "t",
                            supported=hyp.decision.supported, reason=hyp.decision.reason, sign=hyp.decision.sign, object=config.study.object_in(b.lang))

    return shared_discussion(b, number, effects, r.described, restate)


def build_chapter(b: Builder, results) -> Document:
    """The path-analysis chapter: profile, descriptives, validity, reliability, correlations,
    path regressions and diagram, direct and indirect hypotheses, group differences, discussion."""
    view = results.described
    alpha = b.study.config.settings.alpha
    makers = [lambda n: profile_section(b, view, n), lambda n: descriptives_section(b, view, n), lambda n: validity_section(b, view, n),
              lambda n: reliability_section(b, view, n), lambda n: correlation_section(b, results.extras, n),
              lambda n: path_analysis_section(b, results, n), lambda n: path_hypotheses_section(b, results, n),
              lambda n: group_section(b, results.extras, alpha, n)]
    effects = path_effects(results)
    conclusions = path_conclusions(results, effects)
    return chapter(b, view.n_used, view.n_excluded, makers, lambda n: path_discussion_section(b, results, n, effects), conclusions)
