"""The linear-regression chapter: the shared questionnaire sections, classical assumptions,
5.1.6 multiple regression, 5.1.7 hypothesis tests (t, F, R²) and 5.2 discussion.

With one predictor it is a simple linear regression chapter: its own headings and wording, no
multicollinearity test and no simultaneous F test (F = t² of the one slope, so the t test is the
whole test), the remaining subsections lettered without gaps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportgen.config.term_keys import split_key
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
from reportgen.stats.regression import RegressionResult
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
    body += [row(b.labelled(name), name, b.decimal(reg.coefficients[name].beta)) for name in results.hypothesised]
    controls = [t.key for t in results.terms if t.variable in results.controls]
    if controls:
        body.append([s(b.col("controls"), bold=True)] + [d("")] * (8 if hc3 else 5))
        body += [row(b.labelled(name), name, b.decimal(reg.coefficients[name].beta)) for name in controls]
    header = [
        [h(b.col("model"), rowspan=2), h(b.col("unstandardized"), colspan=2), h(b.col("standardized")), h("t", rowspan=2), h(b.col("p"), rowspan=2)]
        + ([h(b.col("hc3"), colspan=3)] if hc3 else []),
        [h(b.col("b")), h(b.col("se")), h(b.col("beta"))] + ([h(b.col("se")), h("t"), h(b.col("p"))] if hc3 else []),
    ]
    notes = (
        (b.label("dependent_note", name=f"{b.name(reg.dependent)} ({reg.dependent})"),)
        + reference_notes(b, results)
        + ((b.labels["hc3_note"],) if hc3 else ())
    )
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
    ranked = results.compared
    section.blocks += b.say(
        "regression_equation.j2",
        refs=(table.key,),
        style="equation",
        y=reg.dependent,
        constant=b.decimal(reg.coefficients["const"].b),
        terms=[
            {"sign": "−" if reg.coefficients[n].b < 0 else "+", "b": b.decimal(abs(reg.coefficients[n].b)), "x": b.symbol(n)} for n in reg.predictors
        ],
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
        references=[(b.name(key), b.observed_category(key, found.reference)) for key, found in results.categories.items()],
        coefficients=[
            {
                "b": b.decimal(reg.coefficients[n].b),
                "abs_b": b.decimal(abs(reg.coefficients[n].b)),
                "positive": reg.coefficients[n].b >= 0,
                "beta": b.decimal(reg.coefficients[n].beta),
                **term_context(b, results, n),
            }
            for n in results.hypothesised
        ],
        largest=b.name(max(ranked, key=lambda n: abs(beta_of(reg.coefficients[n])))) if len(ranked) > 1 else None,
    )
    if controls:
        context = controls_context(b, results, reg, controls, lambda key: results.t_test(key)[1])
        section.blocks += b.say("controls.j2", refs=(table.key,), held=True, **context)
    if not simple:  # one predictor: its partial and semipartial r are its r, nothing is shared
        section.blocks += shares_blocks(b, results.explained, reg.dependent, results.uses_hc3)
    return section


def term_context(b: Builder, results, key: str) -> dict[str, Any]:
    """What a sentence says of a term: its key and name; for a category's term the category, the
    variable's name and its reference; whether its values are scores on a scale."""
    config = b.study.config
    variable, category = split_key(key)
    found = results.categories.get(variable)
    return {
        "x": key,
        "name": b.name(key),
        "x_name": b.name(key),
        "category": b.observed_category(variable, category) if category else None,
        "reference": b.observed_category(variable, found.reference) if found else None,
        "variable_name": b.name(variable),
        "scored": variable in config.constructs and config.scale_of(variable) is not None,
    }


def reference_notes(b: Builder, results) -> tuple[str, ...]:
    """One table note naming the reference category of each categorical variable."""
    if not results.categories:
        return ()
    pairs = [
        b.label("reference_pair", name=b.name(key), reference=b.observed_category(key, found.reference)) for key, found in results.categories.items()
    ]
    return (b.label("reference_note", pairs="; ".join(pairs)),)


def controls_context(b: Builder, results, fit: RegressionResult, keys: list[str], p_of: Callable[[str], float]) -> dict[str, Any]:
    """The controls' names and each control term's b, p (by ``p_of``: OLS, or HC3 when it decides)
    and significance in the equation ``fit``; ``results`` gives the controls and their categories."""
    alpha = b.study.config.settings.alpha
    terms = []
    for key in keys:
        c = fit.coefficients[key]
        p = p_of(key)
        terms.append(
            {
                "b": b.decimal(c.b),
                "abs_b": b.decimal(abs(c.b)),
                "p": b.p_value(p),
                "significant": p < alpha,
                "positive": c.b >= 0,
                **term_context(b, results, key),
            }
        )
    return {
        "names": [b.name(name) for name in results.controls],
        "terms": terms,
        "alpha": b.bounded(alpha, 2),
        "y_name": b.name(fit.dependent),
        "y_scored": b.study.config.scale_of(fit.dependent) is not None,
    }


def hypotheses_section(b: Builder, results: StudyResults, number: str) -> Section:
    config = b.study.config
    reg = results.regression
    alpha = b.bounded(config.settings.alpha, 2)
    two = config.settings.tails == "two"
    simple = results.simple
    section = b.section(b.labels["hypotheses"], 3, number)
    partial = {split_key(h_.source[0])[0]: name for name, h_ in results.hypotheses.items() if h_.kind in ("partial", "categorical")}
    simultaneous = next((name for name, h_ in results.hypotheses.items() if h_.kind == "simultaneous"), None)
    variables = list(dict.fromkeys(t.variable for t in results.terms if t.variable not in results.controls))
    fig = b.figure(
        "framework",
        b.labels["framework_title"],
        "framework",
        {
            "predictors": [(p, b.name(p)) for p in variables],
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
                **term_context(b, results, x),
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
    for name, hyp in results.hypotheses.items():
        if hyp.kind == "categorical":
            section.add(categories_section(b, section, results, name))
    if not simple:
        section.add(f_test_section(b, section, results, simultaneous))
    section.add(determination_section(b, section, results))
    return section


def categories_section(b: Builder, parent: Section, results: StudyResults, name: str) -> Section:
    """The joint test of a categorical predictor of three or more categories: each category's
    coefficient against the reference, then the F test of all of them together (the Wald F of
    its terms, which is the F change of R ``anova(reduced, full)`` when OLS decides)."""
    hyp = results.hypotheses[name]
    reg = results.regression
    variable = split_key(hyp.source[0])[0]
    found = results.categories[variable]
    alpha = b.bounded(b.study.config.settings.alpha, 2)
    sub = subsection(b, parent, b.label("categories_test", name=b.name(variable)))
    change = results.changes[name]
    f_table = results.change_f_tables[name]
    rows = [[s(f"{b.observed_category(variable, found.reference)} ({b.word('reference')})"), d("—"), d(""), d(""), d("")]]
    for key in hyp.source:
        c = reg.coefficients[key]
        t, p = results.t_test(key)
        rows.append(
            [
                s(b.observed_category(variable, split_key(key)[1] or key)),
                d(b.decimal(c.b)),
                d(b.decimal(c.se if not results.uses_hc3 else results.robust.terms[key].se)),
                d(b.decimal(t)),
                d(b.p_value(p)),
            ]
        )
    table = b.table(
        f"categories.{name}",
        b.label("categories_title", name=b.name(variable), y=b.name(reg.dependent)),
        [[h(b.word("category")), h(b.col("b")), h(b.col("se")), h("t" + (" (HC3)" if results.uses_hc3 else "")), h(b.col("p"))]],
        rows,
        notes=(
            b.label(
                "categories_note",
                f=b.decimal(hyp.decision.statistic),
                df1=change.df1,
                df2=change.df2,
                f_table=b.decimal(f_table),
                p=b.p_value(hyp.decision.p),
            ),
        )
        + ((b.labels["hc3_note"],) if results.uses_hc3 else ()),
        widths=(2.4, 1.1, 1.1, 1.1, 1.1),
    )
    sub.add(table)
    sub.blocks += b.say(
        "categories_test.j2",
        refs=(table.key,),
        claims=[(f"hypothesis:{name}", hyp.decision.outcome)],
        table=b.ref(table),
        h=name,
        name=b.name(variable),
        y_name=b.name(reg.dependent),
        reference=b.observed_category(variable, found.reference),
        count=len(found.levels),
        f=b.decimal(hyp.decision.statistic),
        f_table=b.decimal(f_table),
        df1=change.df1,
        df2=change.df2,
        p=b.p_value(hyp.decision.p),
        delta=b.bounded(change.r2),
        alpha=alpha,
        hc3=results.uses_hc3,
        supported=hyp.decision.supported,
    )
    return sub


def f_test_section(b: Builder, parent: Section, results: StudyResults, simultaneous: str | None) -> Section:
    """The simultaneous F test (ANOVA) of a regression with two or more predictors."""
    reg = results.regression
    alpha = b.bounded(b.study.config.settings.alpha, 2)
    sub = subsection(b, parent, b.labels["f_test"])
    f_table = b.decimal(results.f_table)
    hyp = results.hypotheses.get(simultaneous) if simultaneous else None
    if results.controls_only is not None:  # the overall F includes the controls: the hypothesis is decided by what the predictors add
        return change_section(b, parent, results, simultaneous)
    hc3 = results.uses_hc3
    decision = [b.verdict(f"hypothesis:{simultaneous}", hyp.decision.outcome)] if hyp else []  # the simultaneous hypothesis
    blank = [d("")] if hyp else []
    anova = anova_rows(b, reg, f_table, blank if hc3 else decision)
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
        x_names=predictor_names(b, results),
    )
    return sub


def predictor_names(b: Builder, results: StudyResults) -> list[str]:
    """The names of the predictors (variables, not their terms), without the controls."""
    return [b.name(v) for v in dict.fromkeys(t.variable for t in results.terms if t.variable not in results.controls)]


def anova_rows(b: Builder, reg, f_table: str, extra: list) -> list[list]:
    """The ANOVA table's regression, residual and total rows, ``extra`` cells after the regression row's."""
    blank = [d("")] * len(extra)
    return [
        [
            s(b.col("regression_row")),
            d(b.decimal(reg.ss_regression)),
            d(b.integer(reg.df1)),
            d(b.decimal(reg.ms_regression)),
            d(b.decimal(reg.f)),
            d(f_table),
            d(b.p_value(reg.f_p)),
        ]
        + extra,
        [s(b.col("residual_row")), d(b.decimal(reg.ss_residual)), d(b.integer(reg.df2)), d(b.decimal(reg.ms_residual)), d(""), d(""), d("")] + blank,
        [s(b.col("total_row"), bold=True), d(b.decimal(reg.ss_total)), d(b.integer(reg.df1 + reg.df2)), d(""), d(""), d(""), d("")] + blank,
    ]


def change_section(b: Builder, parent: Section, results: StudyResults, simultaneous: str | None) -> Section:
    """The F tests of a regression with controls: the ANOVA of the whole equation, then the R²
    change of a hierarchical regression (SPSS Model Summary "Change Statistics"): model 1 the
    controls, model 2 the controls and the predictors. The simultaneous hypothesis is decided by
    what the predictors add (the F change; with HC3, the Wald F of their terms)."""
    reg = results.regression
    config = b.study.config
    alpha = b.bounded(config.settings.alpha, 2)
    sub = subsection(b, parent, b.labels["f_test"])
    f_table = b.decimal(results.f_table)
    anova = b.table(
        "anova",
        b.labels["f_title"],
        [[h(b.col("source")), h(b.col("ss")), h(b.col("df")), h(b.col("ms")), h(b.col("f")), h(b.col("f_table")), h(f"{b.col('p')} (α = {alpha})")]],
        anova_rows(b, reg, f_table, []),
        widths=(1.6, 1.4, 0.6, 1.4, 1, 1, 1.4),
    )
    first = results.controls_only
    assert first is not None
    hyp = results.hypotheses.get(simultaneous) if simultaneous else None
    decision = [b.verdict(f"hypothesis:{simultaneous}", hyp.decision.outcome)] if hyp else []
    assert results.controls_f_table is not None  # with controls_only
    change_f_table = results.controls_f_table
    controls = ", ".join(results.controls)
    predictors = ", ".join(dict.fromkeys(t.variable for t in results.terms if t.variable not in results.controls))
    reduced = first.reduced

    steps = [  # (model, R², its change, F change, df1, df2, p, what follows): model 1 changes from the constant alone
        (b.label("model_controls", names=controls), reduced.r2, reduced.r2, reduced.f, reduced.df1, reduced.df2, reduced.f_p, [d("")] if hyp else []),
        (b.label("model_predictors", names=predictors), reg.r2, first.r2, first.f, first.df1, first.df2, first.p, decision),
    ]
    rows = [
        [s(label), d(b.bounded(r2)), d(b.bounded(delta)), d(b.decimal(f)), d(b.integer(df1)), d(b.integer(df2)), d(b.p_value(p)), *last]
        for label, r2, delta, f, df1, df2, p, last in steps
    ]
    notes: tuple[str, ...] = (b.label("change_note", dependent=reg.dependent),)
    if results.uses_hc3 and hyp:
        notes += (b.label("change_hc3_note", h=simultaneous, f=b.decimal(hyp.decision.statistic), p=b.p_value(hyp.decision.p)),)
    change = b.table(
        "r2_change",
        b.labels["change_title"],
        [
            [h(b.col("model")), h(b.col("r2")), h(b.col("r2_change")), h(b.col("f_change")), h("df1"), h("df2"), h(b.col("p_change"))]
            + ([h(b.col("description"))] if hyp else [])
        ],
        rows,
        notes=notes,
        widths=(3.1, 0.9, 1, 1, 0.5, 0.5, 1) + ((1.2,) if hyp else ()),
    )
    sub.blocks += b.say("f_test_intro.j2", table=b.ref(anova))
    sub.add(anova)
    sub.add(change)
    sub.blocks += b.say(
        "f_change.j2",
        refs=(anova.key, change.key),
        claims=[(f"hypothesis:{simultaneous}", hyp.decision.outcome)] if hyp else [],
        anova=b.ref(anova),
        table=b.ref(change),
        f_all=b.decimal(reg.f),
        p_all=b.p_value(reg.f_p),
        df1_all=reg.df1,
        df2=reg.df2,
        r2_controls=b.bounded(reduced.r2),
        delta=b.bounded(first.r2),
        f=b.decimal(hyp.decision.statistic if hyp else first.f),
        p=b.p_value(hyp.decision.p if hyp else first.p),
        df1=first.df1,
        f_table=b.decimal(change_f_table),
        significant=(hyp.decision.p if hyp else first.p) < config.settings.alpha,
        hc3=results.uses_hc3 and hyp is not None,
        alpha=alpha,
        h=simultaneous,
        supported=hyp.decision.supported if hyp else None,
        y_name=b.name(reg.dependent),
        x_names=predictor_names(b, results),
        controls=[b.name(c) for c in results.controls],
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
        x_names=predictor_names(b, results),
        controls=[b.name(c) for c in results.controls],
        delta=b.bounded(results.controls_only.r2) if results.controls_only else None,
        change_table=f"{b.labels['table']} {b.numbers['r2_change']}" if results.controls_only else None,
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
            moderated = results.extras.moderation[name]
            context: dict[str, Any] = {"p": b.p_value(hyp.decision.p), "x_name": b.name(x), "x": x, "z_name": b.name(z), "f": None}
            if len(moderated.interactions) > 1:  # the F of the block of products
                context |= {"f": b.decimal(hyp.decision.statistic), "t": None, "b": None}
            else:
                term = moderated.full.coefficients[moderated.interaction]
                context |= {"t": b.decimal(hyp.decision.statistic), "b": b.decimal(term.b)}
        elif hyp.kind == "partial":
            x = hyp.source[0]
            said = term_context(b, results, x)
            title = b.label("discussion_of", source=said["variable_name"], target=b.name(hyp.target))
            c = reg.coefficients[x]
            context = {
                "t": b.decimal(results.t_test(x)[0]),
                "p": b.p_value(hyp.decision.p),
                "b": b.decimal(c.b),
                "abs_b": b.decimal(abs(c.b)),
                **said,
            }
        elif hyp.kind == "categorical":
            variable = split_key(hyp.source[0])[0]
            title = b.label("discussion_of", source=b.name(variable), target=b.name(hyp.target))
            context = {
                "f": b.decimal(hyp.decision.statistic),
                "p": b.p_value(hyp.decision.p),
                "x_name": b.name(variable),
                "reference": b.observed_category(variable, results.categories[variable].reference),
                "delta": b.bounded(results.changes[name].r2),
            }
        else:
            title = b.label("discussion_simultaneous", sources=join_list([b.name(p) for p in hyp.source], b.lang), target=b.name(hyp.target))
            change = results.changes.get(name)
            context = {
                "f": b.decimal(hyp.decision.statistic),
                "p": b.p_value(hyp.decision.p),
                "r2": b.bounded(reg.r2),
                "delta": b.bounded(change.r2) if change else None,
                "x_names": [b.name(p) for p in hyp.source],
            }
        refs = {"partial": ("t_test",), "moderation": (f"moderation.{name}",), "categorical": (f"categories.{name}",)}.get(
            hyp.kind, ("anova", "determination")
        )
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
            x_scored=context.get("scored", False),  # a measured number or an observed variable has values, not scores
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
