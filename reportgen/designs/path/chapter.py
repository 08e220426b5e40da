"""The path-analysis (intervening variable) chapter: regressions per endogenous construct (B, SE
and β), direct effects, indirect effects (a, b, c, c′ and a × b with their percentile bootstrap
interval and Sobel's test) with their type of mediation (Zhao, Lynch & Chen, 2010), discussion."""

from __future__ import annotations

from reportgen.designs.regression.chapter import controls_context, reference_notes
from reportgen.designs.regression.explain_chapter import descriptives_with_range, explanation_paragraphs, shares_blocks
from reportgen.designs.survey.chapter import chapter
from reportgen.designs.survey.discussion import discussion_section as shared_discussion
from reportgen.designs.survey.effects import path_conclusions, path_effects
from reportgen.designs.survey.extras_chapter import correlation_section, group_section
from reportgen.designs.survey.limitations import path_limitations
from reportgen.designs.survey.measurement import reliability_section, validity_section
from reportgen.designs.survey.profile import profile_section
from reportgen.interpret.effects import Effect
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Document, Section
from reportgen.words.locale import join_list, stars


def path_analysis_section(b: Builder, r, number: str) -> Section:
    """One table per endogenous construct (B, SE, β, t, Sig.), its equation and reading, and the
    diagram of the standardised coefficients."""
    model = r.model
    section = b.section(b.labels["path_analysis"], 3, number)
    section.blocks += b.say("path_intro.j2", equations=len(model.regressions), controls=[b.name(c) for c in r.controls])
    for target, fit in model.regressions.items():
        const = fit.coefficients["const"]
        predictors = [p for p in fit.predictors if p not in model.controls]

        def row(key: str) -> list:
            c = fit.coefficients[key]  # noqa: B023 (used at once, in this iteration)
            return [s(b.labelled(key)), d(b.decimal(c.b)), d(b.decimal(c.se)), d(b.decimal(c.beta)), d(b.decimal(c.t)), d(b.p_value(c.p))]

        body = [[s(b.col("constant")), d(b.decimal(const.b)), d(b.decimal(const.se)), d(""), d(b.decimal(const.t)), d(b.p_value(const.p))]]
        body += [row(p) for p in predictors]
        if model.controls:
            body.append([s(b.col("controls"), bold=True)] + [d("")] * 5)
            body += [row(key) for key in model.controls]
        table = b.table(
            f"path.{target}",
            b.label("path_title", y=b.labelled(target)),
            [[h(b.col("variable")), h("B"), h("SE"), h("β"), h("t"), h(b.col("p"))]],
            body,
            notes=(f"R² = {b.bounded(fit.r2)} ({b.pct(100 * fit.r2)}); F = {b.decimal(fit.f)}; Sig. F {b.sig(fit.f_p)}",) + reference_notes(b, r),
            widths=(3, 1, 1, 1, 1, 1),
        )
        section.add(table)
        terms = [
            {"sign": "−" if fit.coefficients[p].b < 0 else "+", "b": b.decimal(abs(fit.coefficients[p].b)), "x": b.symbol(p)} for p in fit.predictors
        ]
        section.blocks += b.say("regression_equation.j2", refs=(table.key,), style="equation", y=target, constant=b.decimal(const.b), terms=terms)
        rows = [
            {
                "x": p,
                "name": b.name(p),
                "b": b.decimal(fit.coefficients[p].b),
                "se": b.decimal(fit.coefficients[p].se),
                "beta": b.decimal(fit.coefficients[p].beta),
                "p": b.p_value(fit.coefficients[p].p),
                "significant": r.coefficient_verdicts[(p, target)].passed,
            }
            for p in predictors
        ]
        section.blocks += b.say(
            "path_regression.j2",
            refs=(table.key,),
            table=b.ref(table),
            y_name=b.name(target),
            y=target,
            r2=b.bounded(fit.r2),
            pct=b.pct(100 * fit.r2),
            rows=rows,
            controls=bool(model.controls),
        )
        if model.controls:
            context = controls_context(b, r, fit, list(model.controls), lambda key: fit.coefficients[key].p)  # noqa: B023
            section.blocks += b.say("controls.j2", refs=(table.key,), held=False, **context)
        if len(fit.predictors) > 1:  # one predictor: its partial and semipartial r are its r, nothing is shared
            section.blocks += shares_blocks(b, r.explained, target)
    labels = {(s_, t): f"{b.decimal(model.coefficient(s_, t).beta)}{stars(model.coefficient(s_, t).p)}" for s_, t in model.paths}
    r2 = {t: f"R² = {b.bounded(fit.r2)}" for t, fit in model.regressions.items()}
    fig = b.figure(
        "path.diagram",
        b.labels["path_diagram_title"],
        "path_diagram",
        {"constructs": [(c, b.name(c)) for c in dict.fromkeys(x for p in model.paths for x in p)], "paths": labels, "r2": r2},
        width=0.9,
    )
    section.add(fig)
    section.blocks += b.say("path_diagram.j2", figure=b.ref(fig))
    return section


def path_hypotheses_section(b: Builder, r, number: str) -> Section:
    """The direct hypotheses (t tests), then the indirect ones: their coefficients, their type of
    mediation and one paragraph each."""
    section = b.section(b.labels["hypotheses"], 3, number)
    direct = {n: h_ for n, h_ in r.hypotheses.items() if h_.kind == "partial"}
    if direct:
        _direct_hypotheses(b, r, section, direct)
    if r.mediations:
        _mediation_hypotheses(b, r, section)
    return section


def _direct_hypotheses(b: Builder, r, section: Section, direct: dict) -> None:
    """The table of the direct hypotheses and the t-test paragraph of each."""
    config = b.study.config
    alpha = b.bounded(config.settings.alpha, 2)
    body = []
    for name, hyp in direct.items():
        c = r.model.coefficient(hyp.source[0], hyp.target)
        body.append(
            [
                d(name),
                s(f"{hyp.source[0]} → {hyp.target}"),
                d(b.decimal(c.b)),
                d(b.decimal(c.se)),
                d(b.decimal(c.beta)),
                d(b.decimal(c.t)),
                d(_t_table(b, r, hyp.target)),
                d(b.p_value(hyp.decision.p)),
                b.verdict(f"hypothesis:{name}", hyp.decision.outcome),
            ]
        )
    table = b.table(
        "path.direct",
        b.labels["direct_title"],
        [[h(b.col("hypothesis")), h(b.col("path")), h("B"), h("SE"), h("β"), h("t"), h(b.col("t_table")), h(b.col("p")), h(b.col("decision"))]],
        body,
        notes=(f"α = {alpha}",),
        widths=(1, 1.8, 0.9, 0.9, 0.9, 0.9, 0.9, 1, 1.2),
    )
    section.add(table)
    for k, (name, hyp) in enumerate(direct.items()):
        c = r.model.coefficient(hyp.source[0], hyp.target)
        section.blocks += b.say(
            "t_test.j2",
            refs=(table.key,),
            claims=[(f"hypothesis:{name}", hyp.decision.outcome)],
            h=name,
            ordinal=b.ordinal(k),
            x=hyp.source[0],
            x_name=b.name(hyp.source[0]),
            y=hyp.target,
            y_name=b.name(hyp.target),
            t=b.decimal(c.t),
            abs_t=b.decimal(abs(c.t)),
            t_table=_t_table(b, r, hyp.target),
            p=b.p_value(hyp.decision.p),
            significant=hyp.decision.reason != "not_significant",
            reason=hyp.decision.reason,
            sign=hyp.decision.sign,
            expect=hyp.expect,
            supported=hyp.decision.supported,
            object=config.study.object_in(b.lang),
            alpha=alpha,
            two=config.settings.tails == "two",
            hc3=False,
            simple=len(r.model.regressions[hyp.target].predictors) == 1,
        )


def link_names(links: int) -> list[str]:
    """The names of a chain's links: a, b; a, d, b; a, d1, d2, b …"""
    if links == 3:
        return ["a", "d", "b"]
    return ["a", *(f"d{k}" for k in range(1, links - 1)), "b"]


def _estimate_row(b: Builder, effect: str, path: str, e) -> list:
    """A row of the mediation table for one coefficient tested by t (a, d, b, c, c′)."""
    return [
        s(effect),
        s(path),
        d(b.decimal(e.b)),
        d(b.decimal(e.se)),
        d(b.decimal(e.beta)),
        d(f"t = {b.decimal(e.t)}"),
        d(b.p_value(e.p)),
        d(f"[{b.decimal(e.ci_low)}; {b.decimal(e.ci_high)}]"),
    ]


def _mediation_rows(b: Builder, name: str, m) -> list[list]:
    """The rows of one chain: its links, c, c′ and the indirect effect."""
    words = b.labels["mediation_words"]
    names = link_names(len(m.links))
    rows = [_estimate_row(b, n, f"{e.source} → {e.target}", e) for n, e in zip(names, m.links)]
    rows.append(_estimate_row(b, words["total"], f"{m.chain[0]} → {m.chain[-1]}", m.total))
    rows.append(_estimate_row(b, words["direct"], f"{m.chain[0]} → {m.chain[-1]}", m.direct))
    sobel = m.sobel_z is not None
    rows.append(
        [
            s(f"{' × '.join(names)} ({words['indirect']})"),
            s(" → ".join(m.chain)),
            d(b.decimal(m.indirect)),
            d(b.decimal(m.boot_se)),
            d(b.decimal(m.indirect_beta)),
            d(f"z = {b.decimal(m.sobel_z)}" if sobel else "–"),
            d(b.p_value(m.sobel_p) if sobel else "–"),
            d(f"[{b.decimal(m.ci_low)}; {b.decimal(m.ci_high)}]"),
        ]
    )
    rows[0] = [s(name, "center", rowspan=len(rows))] + rows[0]
    return rows


def _mediation_hypotheses(b: Builder, r, section: Section) -> None:
    """The coefficients of every chain, the type of each (Zhao, Lynch & Chen, 2010) and a paragraph per hypothesis."""
    level = b.confidence()
    body = [row for name, m in r.mediations.items() for row in _mediation_rows(b, name, m)]
    table = b.table(
        "path.mediation",
        b.labels["mediation_title"],
        [
            [
                h(b.col("hypothesis")),
                h(b.col("effect")),
                h(b.col("path")),
                h("B"),
                h("SE"),
                h("β"),
                h(b.col("statistic")),
                h(b.col("p")),
                h(b.col("ci", level=level)),
            ]
        ],
        body,
        notes=(b.label("mediation_note", level=level, resamples=b.integer(r.resamples)),) + _controls_note(b, r),
        widths=(0.9, 1.6, 1.7, 0.8, 0.8, 0.8, 1.1, 0.9, 1.5),
        small=True,
    )
    types = _types_table(b, r)
    additive = all(m.additive and len(m.links) == 2 for m in r.mediations.values())
    section.blocks += b.say(
        "mediation_intro.j2",
        table=b.ref(table),
        types_table=b.ref(types),
        resamples=b.integer(r.resamples),
        confidence=level,
        additive=additive,
        controls=bool(r.controls),
    )
    section.add(table)
    section.add(types)
    for name, m in r.mediations.items():
        section.blocks += b.say("mediation.j2", refs=(table.key, types.key), claims=_mediation_claims(r, name), **_mediation_words(b, r, name, m))


def _controls_note(b: Builder, r) -> tuple[str, ...]:
    """The note that every coefficient of the mediation table holds the controls, and how many resamples were replaced."""
    if not r.controls:
        return ()
    names = join_list([b.name(c) for c in r.controls], b.lang)
    if r.replaced_resamples:
        return (b.label("mediation_controls_note", names=names, replaced=b.integer(r.replaced_resamples)),)
    return (b.label("mediation_controls_note_none", names=names),)


def _types_table(b: Builder, r):
    """Each chain's indirect effect and c′ with their significance, its type and the decision."""
    words = b.labels["mediation_words"]
    level = b.confidence()
    body = []
    for name, m in r.mediations.items():
        indirect, direct = r.indirect_verdicts[name], r.coefficient_verdicts[(m.chain[0], m.chain[-1])]
        body.append(
            [
                d(name),
                s(" → ".join(m.chain)),
                d(f"{b.decimal(m.indirect)} [{b.decimal(m.ci_low)}; {b.decimal(m.ci_high)}]"),
                b.verdict(f"indirect:{name}", indirect.outcome, "significance_words"),
                d(f"{b.decimal(m.direct.b)} ({b.p_value(m.direct.p)})"),
                b.verdict(f"c_prime:{name}", direct.outcome, "significance_words"),
                b.verdict(f"mediation:{name}", r.mediation_types[name].outcome, "mediation_kinds"),
                b.verdict(f"hypothesis:{name}", r.hypotheses[name].decision.outcome),
            ]
        )
    header = [
        [
            h(b.col("hypothesis"), rowspan=2),
            h(b.col("path"), rowspan=2),
            h(words["indirect_col"], colspan=2),
            h(words["direct_col"], colspan=2),
            h(b.col("mediation_kind"), rowspan=2),
            h(b.col("decision"), rowspan=2),
        ],
        [h(f"B [{b.col('ci', level=level)}]"), h(words["significance"]), h(f"B ({b.col('p')})"), h(words["significance"])],
    ]
    alpha = b.bounded(b.study.config.settings.alpha, 2)
    return b.table(
        "path.mediation_types",
        b.labels["mediation_types_title"],
        header,
        body,
        notes=(b.label("mediation_types_note", level=level, alpha=alpha), *b.type_glosses(v.outcome for v in r.mediation_types.values())),
        widths=(0.9, 1.7, 1.9, 1.2, 1.3, 1.2, 1.6, 1.1),
        small=True,
    )


def _mediation_claims(r, name: str) -> list[tuple[str, str]]:
    """What the paragraph of one indirect hypothesis states: the significance of a × b and c′, the type, the decision."""
    m = r.mediations[name]
    return [
        (f"indirect:{name}", r.indirect_verdicts[name].outcome),
        (f"c_prime:{name}", r.coefficient_verdicts[(m.chain[0], m.chain[-1])].outcome),
        (f"mediation:{name}", r.mediation_types[name].outcome),
        (f"hypothesis:{name}", r.hypotheses[name].decision.outcome),
    ]


def _formatted(b: Builder, e) -> dict:
    """B, SE, β and Sig. of one coefficient, as printed."""
    return {"b": b.decimal(e.b), "se": b.decimal(e.se), "beta": b.decimal(e.beta), "p": b.p_value(e.p)}


def _mediation_words(b: Builder, r, name: str, m) -> dict:
    """The context of the paragraph of one indirect hypothesis (templates/common/mediation.j2)."""
    hyp = r.hypotheses[name]
    kind = r.mediation_types[name].outcome
    return dict(
        h=name,
        chain=[b.name(c) for c in m.chain],
        product=" × ".join(link_names(len(m.links))),
        indirect=b.decimal(m.indirect),
        se=b.decimal(m.boot_se),
        beta=b.decimal(m.indirect_beta),
        z=None if m.sobel_z is None else b.decimal(m.sobel_z),
        p=None if m.sobel_p is None else b.p_value(m.sobel_p),
        low=b.decimal(m.ci_low),
        high=b.decimal(m.ci_high),
        confidence=b.confidence(),
        significant=bool(r.indirect_verdicts[name].passed),
        direct=_formatted(b, m.direct),
        direct_significant=bool(r.coefficient_verdicts[(m.chain[0], m.chain[-1])].passed),
        total=_formatted(b, m.total),
        kind=kind,
        kind_text=b.labels["mediation_kinds"][kind].lower(),
        supported=hyp.decision.supported,
        reason=hyp.decision.reason,
        sign=hyp.decision.sign,
    )


def _t_table(b: Builder, r, target: str) -> str:
    return b.decimal(r.t_tables[target])


def path_discussion_section(b: Builder, r, number: str, effects: list[Effect]) -> Section:
    config = b.study.config
    told: dict[str, str] = {}  # construct → the hypothesis whose discussion described its range

    def restate(effect):
        title, paragraphs = _restate(effect)
        return title, paragraphs + explanation_paragraphs(b, r.explained, r.hypotheses[effect.hypothesis], told, r.described)

    def _restate(effect):
        name = effect.hypothesis
        hyp = r.hypotheses[name]
        names = [b.name(c) for c in (*hyp.source, hyp.target)]
        common = dict(
            h=name,
            chain=names,
            supported=hyp.decision.supported,
            reason=hyp.decision.reason,
            sign=hyp.decision.sign,
            object=config.study.object_in(b.lang),
        )
        claims = [(f"hypothesis:{name}", hyp.decision.outcome)]
        if hyp.kind == "indirect":
            m = r.mediations[name]
            title = b.label("path_discussion_indirect", source=names[0], mediator=join_list(names[1:-1], b.lang), target=names[-1])
            kind = r.mediation_types[name].outcome
            return title, b.say(
                "path_discussion.j2",
                refs=("path.mediation",),
                claims=claims + [(f"mediation:{name}", kind)],
                indirect=True,
                b=b.decimal(m.indirect),
                beta=b.decimal(m.indirect_beta),
                low=b.decimal(m.ci_low),
                high=b.decimal(m.ci_high),
                confidence=b.confidence(),
                significant=bool(r.indirect_verdicts[name].passed),
                kind=kind,
                kind_text=b.labels["mediation_kinds"][kind].lower(),
                **common,
            )
        title = b.label("discussion_of", source=names[0], target=names[-1])
        c = r.model.coefficient(*hyp.source, hyp.target)
        return title, b.say(
            "path_discussion.j2",
            refs=("path.direct",),
            claims=claims,
            indirect=False,
            b=b.decimal(c.b),
            se=b.decimal(c.se),
            beta=b.decimal(c.beta),
            t=b.decimal(c.t),
            p=b.p_value(hyp.decision.p),
            **common,
        )

    return shared_discussion(b, number, effects, r.described, restate)


def build_chapter(b: Builder, results) -> Document:
    """The path-analysis chapter: profile, descriptives, validity, reliability, correlations,
    path regressions and diagram, direct and indirect hypotheses, group differences, discussion."""
    view = results.described
    alpha = b.study.config.settings.alpha
    makers = [
        lambda n: profile_section(b, view, n),
        lambda n: descriptives_with_range(b, view, n, results.explained),
        lambda n: validity_section(b, view, n),
        lambda n: reliability_section(b, view, n),
        lambda n: correlation_section(b, results.extras, n),
        lambda n: path_analysis_section(b, results, n),
        lambda n: path_hypotheses_section(b, results, n),
        lambda n: group_section(b, results.extras, alpha, n),
    ]
    effects = path_effects(results)
    conclusions = path_conclusions(results, effects)
    return chapter(
        b,
        view.n_used,
        view.n_excluded,
        makers,
        lambda n: path_discussion_section(b, results, n, effects),
        conclusions,
        described=view,
        limitations=path_limitations(b.study, b.lang, results),
    )
