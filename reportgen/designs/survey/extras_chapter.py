"""Sections for the analyses beyond the main model: correlations, simple regressions,
moderation (MRA), group differences, and the items dropped as invalid."""

from __future__ import annotations

from reportgen.designs.survey.groups_chapter import group_section  # noqa: F401  (the chapters import it from here)
from reportgen.interpret.correlation import CITATION as BAND_CITATION
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Section
from reportgen.words.locale import stars


def correlation_section(b: Builder, extras, number: str) -> Section | None:
    if extras is None or len(extras.correlations) < 2:
        return None
    names = list(extras.correlations)
    section = b.section(b.labels["correlation"], 3, number)
    body = []
    for i, a in enumerate(names):
        row = [s(b.labelled(a))]
        for j, c in enumerate(names):
            r, p = extras.correlations[a][c]
            row.append(d("1" if i == j else "" if j > i else ("–" if r is None else f"{b.bounded(r)}{stars(p, (0.05, 0.01))}")))
        body.append(row)
    table = b.table(
        "correlations",
        b.labels["correlation_title"],
        [[h(b.col("variable"))] + [h(c) for c in names]],
        body,
        notes=(f"* p < {b.bounded(0.05, 2)}; ** p < {b.bounded(0.01, 2)}",),
        small=len(names) > 5,
    )
    pairs = [(a, c, *extras.correlations[a][c]) for i, a in enumerate(names) for c in names[i + 1 :] if extras.correlations[a][c][0] is not None]
    strongest = max(pairs, key=lambda t: abs(t[2]))
    weakest = min(pairs, key=lambda t: abs(t[2]))
    verdicts = extras.correlation_verdicts
    section.blocks += b.say("correlation_intro.j2", table=b.ref(table))
    section.add(table)
    section.blocks += b.say(
        "correlation.j2",
        refs=(table.key,),
        table=b.ref(table),
        citation=BAND_CITATION,
        strongest={
            "a": strongest[0],
            "b": strongest[1],
            "r": b.bounded(strongest[2]),
            "band": b.labels["strength"][verdicts[strongest[:2]].strength.outcome],
        },
        weakest={"a": weakest[0], "b": weakest[1], "r": b.bounded(weakest[2]), "band": b.labels["strength"][verdicts[weakest[:2]].strength.outcome]},
        significant=sum(1 for t in pairs if verdicts[t[:2]].significance.passed),
        total=len(pairs),
    )
    return section


def simple_regression_section(b: Builder, extras, hypotheses, alpha: float, number: str) -> Section | None:
    if extras is None or not extras.simple:
        return None
    section = b.section(b.labels["simple_regression"], 3, number)
    body = []
    for name, fit in extras.simple.items():
        x = fit.predictors[0]
        c = fit.coefficients[x]
        body.append(
            [
                d(name),
                s(f"{x} → {fit.dependent}"),
                d(b.decimal(fit.coefficients["const"].b)),
                d(b.decimal(c.b)),
                d(b.decimal(c.se)),
                d(b.decimal(c.t)),
                d(b.p_value(c.p)),
                d(b.bounded(fit.r2)),
            ]
        )
    table = b.table(
        "simple",
        b.labels["simple_title"],
        [[h(b.col("hypothesis")), h(b.col("variable")), h(b.col("constant")), h(b.col("b")), h(b.col("se")), h("t"), h(b.col("p")), h("R²")]],
        body,
        notes=(f"α = {b.bounded(alpha, 2)}",),
        widths=(1, 1.8, 1.2, 1, 1, 1, 1, 1),
    )
    section.blocks += b.say("simple_intro.j2", table=b.ref(table))
    section.add(table)
    for name, fit in extras.simple.items():
        x = fit.predictors[0]
        c = fit.coefficients[x]
        section.blocks += b.say(
            "simple.j2",
            refs=(table.key,),
            h=name,
            x=x,
            x_name=b.name(x),
            y=fit.dependent,
            y_name=b.name(fit.dependent),
            a=b.decimal(fit.coefficients["const"].b),
            b=b.decimal(c.b),
            sign="−" if c.b < 0 else "+",
            abs_b=b.decimal(abs(c.b)),
            t=b.decimal(c.t),
            p=b.p_value(c.p),
            significant=extras.simple_verdicts[name].passed,
            r2=b.bounded(fit.r2),
            alpha=b.bounded(alpha, 2),
        )
    return section


def moderation_section(b: Builder, extras, hypotheses, alpha: float, number: str) -> Section | None:
    """Each moderation hypothesis: the two models (with the interaction's test, or the F of the
    block of products of a moderator of three or more categories), its reading, the slope of X at
    each level or category of the moderator, and their figure."""
    if extras is None or not extras.moderation:
        return None
    section = b.section(b.labels["moderation"], 3, number)
    section.blocks += b.say("moderation_intro.j2")
    for name, m in extras.moderation.items():
        _moderation_blocks(b, section, name, m, extras, hypotheses[name], alpha)
    return section


def _moderation_rows(b: Builder, name: str, m, z: str, checks, outcome: str) -> list[list]:
    """Model 1 (X and the moderator) and model 2 (with the products), the decision beside the
    product that decides it, or beside the F of the block of products."""
    hc3 = checks.uses_hc3
    block = len(m.interactions) > 1
    rows = []
    for model, label in ((m.main, "1"), (m.full, "2")):
        extra = 1 if model is m.full and (block or hc3) else 0  # a row for the HC3 test of the one product, or for the F of the block
        for k, term in enumerate(["const", *model.predictors]):
            c = model.coefficients[term]
            shown = b.col("constant") if term == "const" else _symbol(b, term)
            decides = model is m.full and not block and not hc3 and term == m.interactions[0]
            rows.append(
                ([s(label, align="center", rowspan=len(model.predictors) + 1 + extra)] if k == 0 else [])
                + [s(shown), d(b.decimal(c.b)), d(b.decimal(c.se)), d(b.decimal(c.t)), d(b.p_value(c.p))]
                + ([d(b.bounded(model.r2), align="center")] if k == 0 else [d("")])
                + [b.verdict(f"hypothesis:{name}", outcome) if decides else d("")]
            )
        if extra and block:
            f, p = checks.block_hc3 if hc3 else (m.delta_f, m.delta_p)
            label_text = b.label("moderation_block", x=m.predictor, z=z) + (" (HC3)" if hc3 else "")
            rows.append([s(label_text), d(""), d(""), d(f"F = {b.decimal(f)}"), d(b.p_value(p)), d(""), b.verdict(f"hypothesis:{name}", outcome)])
        elif extra:
            robust = checks.interaction_hc3
            rows.append(
                [
                    s(f"{_symbol(b, m.interaction)} (HC3)"),
                    d(b.decimal(m.full.coefficients[m.interaction].b)),
                    d(b.decimal(robust.se)),
                    d(b.decimal(robust.t)),
                    d(b.p_value(robust.p)),
                    d(""),
                    b.verdict(f"hypothesis:{name}", outcome),
                ]
            )
    return rows


def _symbol(b: Builder, term: str) -> str:
    """A term of a moderated regression as printed, a product's factors each as an equation writes it."""
    return " × ".join(b.symbol(factor) for factor in term.split(" × "))


def _slope_label(b: Builder, m, z: str, level: str) -> str:
    """A level of the moderator as the slopes table names it: low/mean/high, or a category."""
    return b.observed_category(z, level) if m.categorical else b.labels["slope_levels"][level]


def _moderation_blocks(b: Builder, section: Section, name: str, m, extras, hyp, alpha: float) -> None:
    x = m.predictor
    z = hyp.source[1]
    y = m.full.dependent
    dec = hyp.decision
    checks = extras.moderation_checks[name]
    hc3 = checks.uses_hc3
    block = len(m.interactions) > 1
    residual_note = b.label(
        "moderation_residuals_note",
        normal=b.labels["words"][checks.normality.outcome].lower(),
        p_normal=b.sig(checks.normality.value),
        hetero=b.labels["words"][checks.heteroscedasticity.outcome].lower(),
    )
    reference = (b.label("moderation_reference_note", name=b.name(z), reference=b.observed_category(z, m.reference)),) if m.categorical else ()
    table = b.table(
        f"moderation.{name}",
        b.label("moderation_title", h=name),
        [[h(b.col("model")), h(b.col("variable")), h(b.col("b")), h(b.col("se")), h("t"), h(b.col("p")), h("R²"), h(b.col("description"))]],
        _moderation_rows(b, name, m, z, checks, dec.outcome),
        notes=(
            f"ΔR² = {b.bounded(m.delta_r2)}; F change = {b.decimal(m.delta_f)}; {b.col('p')} {b.sig(m.delta_p)}; α = {b.bounded(alpha, 2)}"
            + ("; " + b.labels["centred_note" if not m.categorical else "centred_x_note"] if m.centred else ""),
            residual_note,
        )
        + reference
        + ((b.labels["hc3_note"],) if hc3 else ()),
        widths=(0.8, 2.4, 1, 1, 1.1, 1, 0.9, 1.2),
        small=True,
    )
    used = checks.slopes_used(m)
    slopes = b.table(
        f"slopes.{name}",
        b.label("slopes_title", h=name),
        [
            [h(b.name(z) if m.categorical else z)]
            + ([] if m.categorical else [h(b.col("value"))])
            + [h(b.col("slope")), h(b.col("se")), h("t"), h(b.col("p"))]
        ],
        [
            [s(_slope_label(b, m, z, sl.level))]
            + ([] if m.categorical else [d(b.decimal(sl.z))])
            + [d(b.decimal(sl.slope)), d(b.decimal(sl.se)), d(b.decimal(sl.t)), d(b.p_value(sl.p))]
            for sl in used
        ],
        notes=(b.labels["hc3_slopes_note"],) if hc3 else (),
        widths=(2, 1, 1, 1, 1) if m.categorical else (2, 1, 1, 1, 1, 1),
    )
    shown = b.name(z) if m.categorical else z
    figure = b.figure(
        f"slopes.{name}",
        b.label("slopes_figure", h=name),
        "slopes",
        {"lines": [(f"{shown}: {_slope_label(b, m, z, level)}", xs, ys) for level, xs, ys in extras.slope_lines[name]], "xlabel": x, "ylabel": y},
        width=0.65,
        name=name,
    )
    section.add(table)
    common = dict(
        refs=(table.key,),
        claims=[(f"hypothesis:{name}", dec.outcome)],
        table=b.ref(table),
        h=name,
        x=x,
        x_name=b.name(x),
        z=z,
        z_name=b.name(z),
        y_name=b.name(y),
        r2_main=b.bounded(m.main.r2),
        r2_full=b.bounded(m.full.r2),
        delta=b.bounded(m.delta_r2),
        delta_p=b.p_value(m.delta_p),
        alpha=b.bounded(alpha, 2),
        supported=dec.supported,
        reason=dec.reason,
        sign=dec.sign,
        hc3=hc3,
        robust=b.study.config.settings.robust,
        normal=checks.normality.passed is not False,
        p_normal=b.p_value(checks.normality.value),
        heteroscedastic=checks.heteroscedasticity.passed is False,
        n=b.integer(checks.n),
    )
    if m.categorical:
        section.blocks += b.say(
            "moderation_categories.j2",
            block=block,
            f=b.decimal(dec.statistic) if block else None,
            df1=len(m.interactions),
            df2=m.full.df2,
            b=None if block else b.decimal(m.full.coefficients[m.interaction].b),
            abs_b=None if block else b.decimal(abs(m.full.coefficients[m.interaction].b)),
            t=None if block else b.decimal(dec.statistic),
            p=b.p_value(dec.p),
            reference=b.observed_category(z, m.reference),
            category=b.observed_category(z, m.slopes[1].level),
            steeper=not block and m.full.coefficients[m.interaction].b >= 0,
            **common,
        )
    else:
        term = m.full.coefficients[m.interaction]
        tested = checks.interaction_hc3 if hc3 else term
        section.blocks += b.say("moderation.j2", b=b.decimal(term.b), t=b.decimal(tested.t), p=b.p_value(tested.p), strengthens=term.b >= 0, **common)
    section.add(slopes)
    section.add(figure)
    section.blocks += b.say(
        "slopes.j2",
        refs=(slopes.key,),
        table=b.ref(slopes),
        figure=b.ref(figure),
        x_name=b.name(x),
        z_name=b.name(z),
        categorical=m.categorical,
        rows=[
            {
                "level": _slope_label(b, m, z, sl.level) if m.categorical else b.labels["slope_levels"][sl.level].lower(),
                "slope": b.decimal(sl.slope),
                "p": b.p_value(sl.p),
                "significant": extras.slope_verdicts[name][sl.level].passed,
            }
            for sl in used
        ],
    )
