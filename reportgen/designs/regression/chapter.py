"""The linear-regression chapter: the shared questionnaire sections, classical assumptions,
5.1.6 multiple regression, 5.1.7 hypothesis tests (t, F, R²) and 5.2 discussion.

With one predictor it is a simple linear regression chapter: its own headings and wording, no
multicollinearity test and no simultaneous F test (F = t² of the one slope, so the t test is the
whole test), the remaining subsections lettered without gaps."""

from __future__ import annotations

from typing import Any

from reportgen.designs.regression.analysis import StudyResults
from reportgen.designs.regression.assumptions import assumptions_section, subsection
from reportgen.designs.regression.explain_chapter import descriptives_with_range, explanation_paragraphs, shares_blocks
from reportgen.designs.survey.chapter import Maker, chapter
from reportgen.designs.survey.discussion import discussion_section as shared_discussion
from reportgen.designs.survey.effects import beta_of, regression_conclusions, regression_effects
from reportgen.designs.survey.extras_chapter import correlation_section, group_section, moderation_section, simple_regression_section
from reportgen.designs.survey.limitations import regression_limitations
from reportgen.designs.survey.measurement import reliability_section, validity_section
from reportgen.designs.survey.profile import profile_section
from reportgen.interpret.correlation import CITATION as STRENGTH_CITATION
from reportgen.interpret.correlation import strength
from reportgen.interpret.effects import Effect
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Document, Section
from reportgen.words.locale import join_list


def regression_section(b: Builder, results: StudyResults, number: str) -> Section:
    reg = results.regression
    simple = results.simple
    section = b.section(b.labels["regression_simple" if simple else "regression"], 3, number)
    hc3 = results.uses_hc3
    robust = results.robust.terms

    def row(label: str, name: str, beta: str) -> list:
        c = reg.coefficients[name]
        cells = [s(label), d(b.decimal(c.b)), d(b.decimal(c.se)), d(beta), d(b.decimal(c.t)), d(b.p_value(c.p))]
        return cells + ([d(b.decimal(robust[name].se)), d(b.decimal(robust[name].t)), d(b.p_value(robust[name].p))] if hc3 else [])

    body = [row(b.col("constant"), "const", "")]
    body += [row(f"{b.name(name)} ({name})", name, b.decimal(reg.coefficients[name].beta)) for name in reg.predictors]
    header = [
        [h(b.col("model"), rowspan=2), h(b.col("unstandardized"), colspan=2), h(b.col("standardized")), h("t", rowspan=2), h(b.col("p"), rowspan=2)]
        + ([h(b.col("hc3"), colspan=3)] if hc3 else []),
        [h(b.col("b")), h(b.col("se")), h(b.col("beta"))] + ([h(b.col("se")), h("t"), h(b.col("p"))] if hc3 else []),
    ]
    notes = (b.label("dependent_note", name=f"{b.name(reg.dependent)} ({reg.dependent})"),) + ((b.labels["hc3_note"],) if hc3 else ())
    table = b.table(
        "coefficients",
        b.labels["regression_simple_title" if simple else "regression_title"],
        header,
        body,
        notes=notes,
        widths=(3.2, 1.1, 1.1, 1.4, 1, 1) + ((1.1, 1, 1) if hc3 else ()),
        small=hc3,
    )
    section.blocks += b.say(
        "regression_intro.j2", table=b.ref(table), simple=simple, hc3=hc3, heteroscedastic=results.assumptions.heteroscedasticity.passed is False
    )
    section.add(table)
    section.blocks += b.say(
        "regression_equation.j2",
        refs=(table.key,),
        style="equation",
        y=reg.dependent,
        constant=b.decimal(reg.coefficients["const"].b),
        terms=[{"sign": "−" if reg.coefficients[n].b < 0 else "+", "b": b.decimal(abs(reg.coefficients[n].b)), "x": n} for n in reg.predictors],
    )
    section.blocks += b.say(
        "regression_coefficients.j2",
        refs=(table.key,),
        table=b.ref(table),
        y=reg.dependent,
        y_name=b.name(reg.dependent),
        constant=b.decimal(reg.coefficients["const"].b),
        score=b.study.config.model.score,
        simple=simple,
        coefficients=[
            {
                "x": n,
                "name": b.name(n),
                "b": b.decimal(reg.coefficients[n].b),
                "abs_b": b.decimal(abs(reg.coefficients[n].b)),
                "positive": reg.coefficients[n].b >= 0,
                "beta": b.decimal(reg.coefficients[n].beta),
            }
            for n in reg.predictors
        ],
        largest=max(reg.predictors, key=lambda n: abs(beta_of(reg.coefficients[n]))),
    )
    if not simple:  # one predictor: its partial and semipartial r are its r, nothing is shared
        section.blocks += shares_blocks(b, results.explained, reg.dependent, results.uses_hc3)
    return section


def hypotheses_section(b: Builder, results: StudyResults, number: str) -> Section:
    config = b.study.config
    reg = results.regression
    alpha = b.bounded(config.settings.alpha, 2)
    two = config.settings.tails == "two"
    simple = results.simple
    section = b.section(b.labels["hypotheses"], 3, number)
    partial = {h_.source[0]: name for name, h_ in results.hypotheses.items() if h_.kind == "partial"}
    simultaneous = next((name for name, h_ in results.hypotheses.items() if h_.kind == "simultaneous"), None)
    fig = b.figure(
        "framework",
        b.labels["framework_title"],
        "framework",
        {
            "predictors": [(p, b.name(p)) for p in reg.predictors],
            "dependent": (reg.dependent, b.name(reg.dependent)),
            "partial": partial,
            "simultaneous": simultaneous,
            "moderations": {name: h_.source for name, h_ in results.hypotheses.items() if h_.kind == "moderation"},
        },
        width=0.8,
    )
    section.blocks += b.say("hypotheses_intro.j2", figure=b.ref(fig), simple=simple, x_name=b.name(reg.predictors[0]))
    section.add(fig)

    sub = subsection(b, section, b.labels["t_test_simple" if simple else "t_test"])
    body = []
    texts: list[dict[str, Any]] = []  # the context of each hypothesis's sentence
    t_table = b.decimal(results.t_table)
    for name, hyp in results.hypotheses.items():
        if hyp.kind != "partial":
            continue
        x = hyp.source[0]
        c = reg.coefficients[x]
        t, _ = results.t_test(x)
        dec = hyp.decision
        body.append(
            [
                d(name),
                s(f"{x} → {hyp.target}"),
                d(b.decimal(c.b)),
                d(b.decimal(t)),
                d(t_table),
                d(b.p_value(dec.p)),
                b.verdict(f"hypothesis:{name}", dec.outcome),
            ]
        )
        texts.append(
            {
                "h": name,
                "ordinal": b.ordinal(len(texts)),
                "x": x,
                "x_name": b.name(x),
                "y": hyp.target,
                "y_name": b.name(hyp.target),
                "t": b.decimal(t),
                "abs_t": b.decimal(abs(t)),
                "t_table": t_table,
                "p": b.p_value(dec.p),
                "significant": dec.reason != "not_significant",
                "reason": dec.reason,
                "sign": dec.sign,
                "expect": hyp.expect,
                "supported": dec.supported,
                "object": config.study.object_in(b.lang),
            }
        )
    if body:
        p_header = f"{b.col('p')} ({b.labels['tails']['two' if two else 'one']})"
        t_header = b.col("t") + (" (HC3)" if results.uses_hc3 else "")
        table = b.table(
            "t_test",
            b.labels["t_simple_title" if simple else "t_title"],
            [[h(b.col("hypothesis")), h(b.col("variable")), h(b.col("b")), h(t_header), h(b.col("t_table")), h(p_header), h(b.col("decision"))]],
            body,
            notes=(f"α = {alpha}; df = {reg.df2}",) + ((b.labels["hc3_note"],) if results.uses_hc3 else ()),
            widths=(1.1, 1.7, 1, 1, 1, 1.5, 1.4),
        )
        sub.blocks += b.say(
            "t_test_intro.j2", table=b.ref(table), t_table=t_table, alpha=alpha, df=reg.df2, two=two, simple=simple, hc3=results.uses_hc3
        )
        sub.add(table)
        for text in texts:
            outcome = results.hypotheses[text["h"]].decision.outcome
            sub.blocks += b.say(
                "t_test.j2",
                refs=(table.key,),
                claims=[(f"hypothesis:{text['h']}", outcome)],
                alpha=alpha,
                two=two,
                hc3=results.uses_hc3,
                simple=simple,
                **text,
            )
        section.add(sub)
    if not simple:
        section.add(f_test_section(b, section, results, simultaneous))
    section.add(determination_section(b, section, results))
    return section


def f_test_section(b: Builder, parent: Section, results: StudyResults, simultaneous: str | None) -> Section:
    """The simultaneous F test (ANOVA) of a regression with two or more predictors."""
    reg = results.regression
    alpha = b.bounded(b.study.config.settings.alpha, 2)
    sub = subsection(b, parent, b.labels["f_test"])
    f_table = b.decimal(results.f_table)
    hyp = results.hypotheses.get(simultaneous) if simultaneous else None
    hc3 = results.uses_hc3
    decision = [b.verdict(f"hypothesis:{simultaneous}", hyp.decision.outcome)] if hyp else []  # the simultaneous hypothesis
    blank = [d("")] if hyp else []
    anova = [
        [
            s(b.col("regression_row")),
            d(b.decimal(reg.ss_regression)),
            d(b.integer(reg.df1)),
            d(b.decimal(reg.ms_regression)),
            d(b.decimal(reg.f)),
            d(f_table),
            d(b.p_value(reg.f_p)),
        ]
        + (blank if hc3 else decision),
        [s(b.col("residual_row")), d(b.decimal(reg.ss_residual)), d(b.integer(reg.df2)), d(b.decimal(reg.ms_residual)), d(""), d(""), d("")] + blank,
        [s(b.col("total_row"), bold=True), d(b.decimal(reg.ss_total)), d(b.integer(reg.df1 + reg.df2)), d(""), d(""), d(""), d("")] + blank,
    ]
    if hc3:  # the Wald F with HC3 standard errors decides; the ANOVA above stays the fit's
        robust = results.robust
        anova.append(
            [
                s(b.col("wald_hc3_row")),
                d(""),
                d(f"{b.integer(robust.df1)}; {b.integer(robust.df2)}"),
                d(""),
                d(b.decimal(robust.f)),
                d(f_table),
                d(b.p_value(robust.f_p)),
            ]
            + decision
        )
    table = b.table(
        "anova",
        b.labels["f_title"],
        [
            [h(b.col("source")), h(b.col("ss")), h(b.col("df")), h(b.col("ms")), h(b.col("f")), h(b.col("f_table")), h(f"{b.col('p')} (α = {alpha})")]
            + ([h(b.col("description"))] if hyp else [])
        ],
        anova,
        widths=(1.6, 1.4, 0.6, 1.4, 1, 1, 1.4) + ((1.3,) if hyp else ()),
    )
    sub.blocks += b.say("f_test_intro.j2", table=b.ref(table))
    sub.add(table)
    f, f_p = results.f_statistic
    sub.blocks += b.say(
        "f_test.j2",
        refs=(table.key,),
        claims=[(f"hypothesis:{simultaneous}", hyp.decision.outcome)] if hyp else [],
        table=b.ref(table),
        f=b.decimal(f),
        f_table=f_table,
        p=b.p_value(f_p),
        hc3=hc3,
        alpha=alpha,
        df1=reg.df1,
        df2=reg.df2,
        significant=results.f_test.passed,
        h=simultaneous,
        supported=hyp.decision.supported if hyp else None,
        y_name=b.name(reg.dependent),
        x_names=[b.name(p) for p in reg.predictors],
    )
    return sub


def determination_section(b: Builder, parent: Section, results: StudyResults) -> Section:
    """R², adjusted R², R and the SE of the estimate; with one predictor R is |r| of X and Y."""
    reg = results.regression
    sub = subsection(b, parent, b.labels["determination"])
    table = b.table(
        "determination",
        b.labels["determination_title"],
        [[h(b.col("r")), h(b.col("r2")), h(b.col("adj_r2")), h(b.col("se_estimate")), h("R² × 100%")]],
        [[d(b.bounded(reg.r)), d(b.bounded(reg.r2)), d(b.bounded(reg.adj_r2)), d(b.decimal(reg.se_estimate)), d(b.pct(100 * reg.r2))]],
        notes=(f"(1 − R²) × 100% = {b.pct(100 - 100 * reg.r2)}",),
        widths=(1, 1.2, 1.6, 1.8, 1.4),
    )
    sub.blocks += b.say("determination_intro.j2", table=b.ref(table), simple=results.simple)
    sub.add(table)
    sub.blocks += b.say(
        "determination.j2",
        refs=(table.key,),
        table=b.ref(table),
        r=b.bounded(reg.r),
        r2=b.bounded(reg.r2),
        adj=b.bounded(reg.adj_r2),
        share=b.pct(100 * reg.r2),
        rest=b.pct(100 - 100 * reg.r2),
        strength=b.labels["strength"][strength(reg.r)],
        citation=STRENGTH_CITATION,
        y_name=b.name(reg.dependent),
        x_names=[b.name(p) for p in reg.predictors],
        simple=results.simple,
    )
    return sub


def discussion_section(b: Builder, results: StudyResults, number: str, effects: list[Effect]) -> Section:
    config = b.study.config
    reg = results.regression

    told: dict[str, str] = {}  # construct → the hypothesis whose discussion described its range

    def restate(effect):
        title, paragraphs = _restate(effect)
        hyp = results.hypotheses[effect.hypothesis]
        return title, paragraphs + explanation_paragraphs(b, results.explained, hyp, told, results.described)

    def _restate(effect):
        name = effect.hypothesis
        hyp = results.hypotheses[name]
        if hyp.kind == "moderation":
            x, z = hyp.source
            title = b.label("discussion_moderation", source=b.name(x), moderator=b.name(z), target=b.name(hyp.target))
            term = results.extras.moderation[name].full.coefficients[f"{x} × {z}"]
            checks = results.extras.moderation_checks[name]
            tested = checks.interaction_hc3 if checks.uses_hc3 else term
            context: dict[str, Any] = {
                "t": b.decimal(tested.t),
                "p": b.p_value(hyp.decision.p),
                "b": b.decimal(term.b),
                "x_name": b.name(x),
                "x": x,
                "z_name": b.name(z),
            }
        elif hyp.kind == "partial":
            x = hyp.source[0]
            title = b.label("discussion_of", source=b.name(x), target=b.name(hyp.target))
            c = reg.coefficients[x]
            context = {"t": b.decimal(results.t_test(x)[0]), "p": b.p_value(hyp.decision.p), "b": b.decimal(c.b), "x_name": b.name(x), "x": x}
        else:
            title = b.label("discussion_simultaneous", sources=join_list([b.name(p) for p in hyp.source], b.lang), target=b.name(hyp.target))
            f, f_p = results.f_statistic
            context = {"f": b.decimal(f), "p": b.p_value(f_p), "r2": b.bounded(reg.r2), "x_names": [b.name(p) for p in hyp.source]}
        refs = {"partial": ("t_test",), "moderation": (f"moderation.{name}",)}.get(hyp.kind, ("anova", "determination"))
        return title, b.say(
            "discussion.j2",
            refs=refs,
            claims=[(f"hypothesis:{name}", hyp.decision.outcome)],
            h=name,
            kind=hyp.kind,
            supported=hyp.decision.supported,
            reason=hyp.decision.reason,
            sign=hyp.decision.sign,
            expect=hyp.expect,
            y_name=b.name(hyp.target),
            x_scored=config.scale_of(hyp.source[0]) is not None,  # a measured number has values, not scores
            y_scored=config.scale_of(hyp.target) is not None,
            object=config.study.object_in(b.lang),
            alpha=b.bounded(config.settings.alpha, 2),
            **context,
        )

    return shared_discussion(b, number, effects, results.described, restate)


def build_chapter(b: Builder, results: StudyResults) -> Document:
    """The whole regression chapter, in the reference thesis's order. A simple regression has no
    separate per-hypothesis simple regressions (``settings.simple_regressions``): they are the model."""
    config = b.study.config
    alpha = config.settings.alpha
    more = results.extras
    described = results.described
    makers: list[Maker] = [lambda n: profile_section(b, described, n), lambda n: descriptives_with_range(b, described, n, results.explained)]
    makers += [lambda n: validity_section(b, described, n), lambda n: reliability_section(b, described, n)]
    makers += [
        lambda n: correlation_section(b, more, n),
        lambda n: assumptions_section(b, results, n),
        lambda n: None if results.simple else simple_regression_section(b, more, results.hypotheses, alpha, n),
        lambda n: regression_section(b, results, n),
        lambda n: hypotheses_section(b, results, n),
        lambda n: moderation_section(b, more, results.hypotheses, alpha, n),
        lambda n: group_section(b, more, alpha, n),
    ]
    effects = regression_effects(results)
    conclusions = regression_conclusions(results, effects)
    limits = regression_limitations(b.study, b.lang, results)
    return chapter(
        b,
        described.n_used,
        described.n_excluded,
        makers,
        lambda n: discussion_section(b, results, n, effects),
        conclusions,
        described=described,
        limitations=limits,
    )
