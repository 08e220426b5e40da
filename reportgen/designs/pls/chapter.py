"""The PLS-SEM chapter: outer model, inner model, hypothesis tests, discussion (Hair et al., 2021)."""

from __future__ import annotations

from typing import Any

from reportgen.designs.pls.analysis import PlsStudyResults, pls_model_of, tested
from reportgen.designs.pls.moderation import hypothesis_path, moderation_slopes, slope_rises
from reportgen.designs.pls.multigroup import multigroup_section
from reportgen.designs.pls.outer import outer_model_section
from reportgen.designs.pls.predict import predict_not_run_section, predict_section
from reportgen.designs.regression.explain_chapter import explanation_paragraphs, shares_blocks
from reportgen.designs.survey.chapter import chapter
from reportgen.designs.survey.descriptives import descriptives_section
from reportgen.designs.survey.discussion import discussion_section as shared_discussion
from reportgen.designs.survey.effects import pls_conclusions, pls_effects
from reportgen.designs.survey.limitations import pls_limitations
from reportgen.designs.survey.profile import profile_section
from reportgen.interpret.effects import Effect
from reportgen.interpret.pls import CITATION, SRMR_MAX, VIF_MAX, VIF_POSSIBLE
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Document, Section
from reportgen.stats.pls.repeated_indicators import REPEATED
from reportgen.words.locale import stars


def path_label(b: Builder, r: PlsStudyResults, source: str, target: str) -> str:
    """'A → B' by construct codes; a control variable's term by its name ('Age → CUSA')."""
    return f"{b.name(source) if source in r.model.spec.controls else source} → {target}"


def inner_model_section(b: Builder, r: PlsStudyResults, number: str) -> Section:
    spec = r.model.spec
    names = spec.constructs
    section = b.section(b.labels["pls_inner"], 3, number)
    section.blocks += b.say(
        "pls_inner_intro.j2",
        claims=[("measurement", r.verdicts.measurement.outcome)],
        citation=CITATION,
        adequate=r.verdicts.measurement.passed,
        controls=[b.name(c) for c in r.controls],
    )

    sub = b.section(b.labels["pls_collinearity"], 4, "a.")
    vif_body = [
        [s(path_label(b, r, a, t)), d(b.decimal(v)), b.verdict(f"inner_vif:{a}->{t}", r.verdicts.inner_vif[(a, t)].outcome)]
        for (a, t), v in r.assessed.inner_vif.items()
    ]
    vif_table = b.table(
        "pls.inner_vif",
        b.labels["pls_vif_title"],
        [[h(b.col("path")), h(f"VIF (< {b.integer(int(VIF_MAX))})"), h(b.col("description"))]],
        vif_body,
        widths=(2.5, 1.5, 2.5),
    )
    vifs = list(r.assessed.inner_vif.values())
    sub.add(vif_table)
    sub.blocks += b.say(
        "pls_vif.j2",
        refs=(vif_table.key,),
        claims=[(f"inner_vif:{a}->{t}", v.outcome) for (a, t), v in r.verdicts.inner_vif.items()],
        table=b.ref(vif_table),
        high=b.decimal(max(vifs)),
        threshold=b.integer(int(VIF_MAX)),
        failing=[path_label(b, r, a, t) for (a, t) in r.assessed.inner_vif if r.verdicts.inner_vif[(a, t)].passed is False],
        elevated=[
            f"{path_label(b, r, a, t)} ({b.decimal(value)})"
            for (a, t), value in r.assessed.inner_vif.items()
            if value >= VIF_POSSIBLE and r.verdicts.inner_vif[(a, t)].passed is not False
        ],
        possible=b.integer(int(VIF_POSSIBLE)),
    )
    section.add(sub)

    sub = b.section(b.labels["pls_r2"], 4, "b.")
    endo = [names[j] for j in spec.endogenous]
    r2_body = [
        [
            s(b.labelled(c)),
            d(b.bounded(r.model.r2[names.index(c)])),
            d(b.pct(100 * r.model.r2[names.index(c)])),
            d(b.bounded(r.model.adj_r2[names.index(c)])),
            d(b.bounded(r.assessed.q2[c])),
            b.verdict(f"r2:{c}", r.verdicts.r2[c].outcome, "r2_levels"),
        ]
        for c in endo
    ]
    r2_table = b.table(
        "pls.r2",
        b.labels["pls_r2_title"],
        [[h(b.col("variable")), h("R²"), h("R² × 100%"), h("Adjusted R²"), h("Q²"), h(b.col("category"))]],
        r2_body,
        notes=(b.label("pls_q2_note", distance=r.assessed.q2_distance), f"SRMR = {b.decimal(r.assessed.srmr)} (< {b.decimal(SRMR_MAX, 2)})"),
        widths=(3, 0.9, 1.2, 1.3, 0.9, 1.4),
    )
    sub.add(r2_table)
    sub.blocks += b.say(
        "pls_r2.j2",
        refs=(r2_table.key,),
        claims=[(f"r2:{c}", r.verdicts.r2[c].outcome) for c in endo],
        table=b.ref(r2_table),
        citation=CITATION,
        rows=[
            {
                "code": c,
                "name": b.name(c),
                "r2": b.bounded(r.model.r2[names.index(c)]),
                "pct": b.pct(100 * r.model.r2[names.index(c)]),
                "level": b.labels["r2_levels"][r.verdicts.r2[c].outcome].lower(),
                "q2": b.bounded(r.assessed.q2[c]),
                "relevant": r.verdicts.q2[c].passed,
            }
            for c in endo
        ],
        srmr=b.decimal(r.assessed.srmr),
        srmr_max=b.decimal(SRMR_MAX, 2),
        fit=r.verdicts.srmr.passed,
        predicted=bool(r.prediction),
        relevant=[b.name(c) for c in endo if r.verdicts.q2[c].passed],
        not_relevant=[b.name(c) for c in endo if not r.verdicts.q2[c].passed],
    )
    section.add(sub)

    sub = b.section(b.labels["pls_f2"], 4, "c.")
    f2_body = [
        [s(path_label(b, r, a, t)), d(b.decimal(v)), b.verdict(f"f2:{a}->{t}", r.verdicts.f2[(a, t)].outcome, "f2_sizes")]
        for (a, t), v in r.assessed.f2.items()
    ]
    f2_table = b.table(
        "pls.f2",
        b.labels["pls_f2_title"],
        [[h(b.col("path")), h("f²"), h(b.col("category"))]],
        f2_body,
        notes=(b.labels["pls_f2_note"],),
        widths=(2.5, 1.3, 2),
    )
    sub.add(f2_table)
    sub.blocks += b.say(
        "pls_f2.j2",
        refs=(f2_table.key,),
        claims=[(f"f2:{a}->{t}", v.outcome) for (a, t), v in r.verdicts.f2.items()],
        table=b.ref(f2_table),
        rows=[
            {"path": path_label(b, r, a, t), "f2": b.decimal(v), "size": b.labels["f2_sizes"][r.verdicts.f2[(a, t)].outcome].lower()}
            for (a, t), v in r.assessed.f2.items()
        ],
    )
    section.add(sub)
    letters = iter("de")
    if r.prediction:
        section.add(predict_section(b, r, f"{next(letters)}."))
    elif pls_model_of(b.study.config).predict and r.model.spec.higher_order:  # two stages: not run, and the chapter says why
        section.add(predict_not_run_section(b, r, f"{next(letters)}."))
    shared = [t for t in r.explained.shares if len(r.explained.shares[t].predictors) > 1]
    if shared:  # one predictor: its partial and semipartial r are its r, nothing is shared
        sub = b.section(b.labels["pls_shares"], 4, f"{next(letters)}.")
        for target in shared:
            sub.blocks += shares_blocks(b, r.explained, target, bootstrap=True)
        section.add(sub)
    return section


def _controls_table(b: Builder, r: PlsStudyResults, section: Section) -> None:
    """The paths of the control variables with their bootstrap statistics, and one sentence."""
    rows = [(t, target) for t in r.terms for (source, target) in r.boot.paths if source == t.key]
    body = []
    for term, target in rows:
        st = r.boot.paths[(term.key, target)]
        body.append(
            [
                s(f"{b.name(term.key)} → {target}"),
                d(b.decimal(st.estimate)),
                d(b.decimal(st.mean)),
                d(b.decimal(st.sd)),
                d(b.decimal(st.t)),
                d(b.p_value(st.p)),
                d(f"[{b.decimal(st.ci_low)}; {b.decimal(st.ci_high)}]"),
            ]
        )
    table = b.table(
        "pls.controls",
        b.labels["pls_controls_title"],
        [[h(b.col("path")), h(b.col("coef")), h(b.col("mean")), h("SD"), h("t"), h(b.col("p")), h(b.col("ci", level=b.confidence()))]],
        body,
        notes=(b.label("pls_paths_note", resamples=b.integer(r.boot.resamples), level=b.confidence()),),
        widths=(2.8, 1, 0.9, 0.8, 0.8, 1, 1.7),
        small=True,
    )
    section.add(table)
    section.blocks += b.say("pls_controls.j2", refs=(table.key,), table=b.ref(table), controls=[b.name(c) for c in r.controls])


def _diagram_indicators(b: Builder, r: PlsStudyResults) -> dict[str, dict]:
    """Each construct's indicators for the path diagram (``model.diagram_indicators``): the outer
    loadings the loading table prints (reflective, mode A) or the outer weights (formative, mode B),
    written as the tables write them."""
    spec = r.model.spec
    loadings = dict(zip(spec.indicators, r.model.loadings.sum(axis=1)))
    weights = dict(zip(spec.indicators, r.model.weights.sum(axis=1)))
    return {
        c: {
            "items": [(i, b.decimal(weights[i]) if spec.modes[j] == "B" else b.bounded(loadings[i])) for i in spec.items[j]],
            "formative": spec.modes[j] == "B",
        }
        for j, c in enumerate(spec.constructs)
    }


def pls_hypotheses_section(b: Builder, r: PlsStudyResults, number: str) -> Section:
    config = b.study.config
    spec = r.model.spec
    alpha = b.bounded(config.settings.alpha, 2)
    section = b.section(b.labels["hypotheses"], 3, number)
    drawn = r.first_stage if spec.approach == REPEATED and r.first_stage is not None else None  # by repeated indicators the whole model
    model, boot = (drawn.model, drawn.boot) if drawn else (r.model, r.boot)
    labels = {(a, t): f"{b.decimal(v.estimate)}{stars(v.p)}" for (a, t), v in boot.paths.items()}
    r2 = {model.spec.constructs[j]: f"R² = {b.bounded(model.r2[j])}" for j in model.spec.endogenous}
    data: dict[str, Any] = {"constructs": [(c, b.name(c)) for c in model.spec.constructs], "paths": labels, "r2": r2}
    if config.model.diagram_indicators:
        data["indicators"] = {c: v for c, v in _diagram_indicators(b, r).items() if not (drawn and c in spec.higher_order)}
    elif spec.higher_order and not drawn:  # a higher-order construct is drawn with its dimensions, as SmartPLS draws stage two
        data["indicators"] = {c: v for c, v in _diagram_indicators(b, r).items() if c in spec.higher_order}
        data["named"] = [(d.construct, b.name(d.construct)) for d in spec.dimensions]
    fig = b.figure("pls.diagram", b.labels["pls_diagram_title"], "path_diagram", data, width=1.0 if config.model.diagram_indicators else 0.95)
    section.blocks += b.say(
        "pls_hypotheses_intro.j2",
        figure=b.ref(fig),
        resamples=b.integer(r.boot.resamples),
        alpha=alpha,
        two=config.settings.tails == "two",
        confidence=b.confidence(),
    )
    section.add(fig)
    body = []
    for name, hyp in r.hypotheses.items():
        st = hyp.stat
        body.append(
            [
                d(name),
                s(hypothesis_path(hyp)),
                d(b.decimal(st.estimate)),
                d(b.decimal(st.mean)),
                d(b.decimal(st.sd)),
                d(b.decimal(st.t)),
                d(b.p_value(hyp.decision.p)),
                d(f"[{b.decimal(st.ci_low)}; {b.decimal(st.ci_high)}]"),
                b.verdict(f"hypothesis:{name}", hyp.decision.outcome),
            ]
        )
    table = b.table(
        "pls.paths",
        b.labels["pls_paths_title"],
        [
            [
                h(b.col("hypothesis")),
                h(b.col("path")),
                h(b.col("coef")),
                h(b.col("mean")),
                h("SD"),
                h("t"),
                h(b.col("p")),
                h(b.col("ci", level=b.confidence())),
                h(b.col("decision")),
            ]
        ],
        body,
        notes=(
            b.label("pls_paths_note", resamples=b.integer(r.boot.resamples), level=b.confidence())
            + f" α = {alpha}. "
            + b.label("pls_stars_note", figure=b.ref(fig), one=b.bounded(0.05, 2), two=b.bounded(0.01, 2), three=b.bounded(0.001, 3)),
        ),
        widths=(0.8, 2.1, 0.95, 0.85, 0.75, 0.85, 1.15, 1.75, 1.2),
        small=True,
    )
    section.add(table)
    if r.terms:
        _controls_table(b, r, section)
    for k, (name, hyp) in enumerate(r.hypotheses.items()):
        st = hyp.stat
        slopes = moderation_slopes(b, r, name, section) if hyp.moderator else {}
        section.blocks += b.say(
            "pls_hypothesis.j2",
            refs=(table.key,),
            claims=[(f"hypothesis:{name}", hyp.decision.outcome), *hyp.caveat.claims]
            + ([(f"mediation:{'→'.join(hyp.chain)}", r.mediation[hyp.chain].outcome)] if hyp.chain in r.mediation else []),
            h=name,
            ordinal=b.ordinal(k),
            chain=[b.name(c) for c in hyp.chain],
            caveat=hyp.caveat.as_context(b.name),
            codes=list(hyp.chain),
            indirect=len(hyp.chain) > 2,
            coef=b.decimal(st.estimate),
            t=b.decimal(st.t),
            p=b.p_value(hyp.decision.p),
            low=b.decimal(st.ci_low),
            high=b.decimal(st.ci_high),
            alpha=alpha,
            reason=hyp.decision.reason,
            sign=hyp.decision.sign,
            expect=hyp.expect,
            supported=hyp.decision.supported,
            confidence=b.confidence(),
            moderator=b.name(hyp.moderator) if hyp.moderator else "",
            kind=r.mediation[hyp.chain].outcome if hyp.chain in r.mediation else None,
            **slopes,
        )
    if r.boot.specific_indirect:
        ind_body = [
            [
                s(" → ".join(chain)),
                d(b.decimal(st.estimate)),
                d(b.decimal(st.sd)),
                d(b.decimal(st.t)),
                d(b.p_value(st.p)),
                d(f"[{b.decimal(st.ci_low)}; {b.decimal(st.ci_high)}]"),
                b.verdict(f"mediation:{'→'.join(chain)}", r.mediation[chain].outcome, "mediation_kinds") if chain in r.mediation else d("–"),
            ]
            for chain, st in r.boot.specific_indirect.items()
        ]
        ind_table = b.table(
            "pls.indirect",
            b.labels["pls_indirect_title"],
            [[h(b.col("path")), h(b.col("coef")), h("SD"), h("t"), h(b.col("p")), h(b.col("ci", level=b.confidence())), h(b.col("mediation_type"))]],
            ind_body,
            notes=(b.label("pls_mediation_note", alpha=alpha), *b.type_glosses(v.outcome for v in r.mediation.values())),
            widths=(2.8, 0.9, 0.8, 0.8, 0.9, 1.6, 1.8),
            small=len(ind_body) > 10,
        )
        section.add(ind_table)
        significant = [" → ".join(c) for c in r.boot.specific_indirect if r.verdicts.indirect[c].passed]
        section.blocks += b.say(
            "pls_indirect.j2",
            refs=(ind_table.key,),
            table=b.ref(ind_table),
            significant=significant if len(significant) <= 6 else [],
            count=len(significant),
            total=len(r.boot.specific_indirect),
        )
    return section


def pls_discussion_section(b: Builder, r: PlsStudyResults, number: str, effects: list[Effect]) -> Section:
    config = b.study.config
    told: dict[str, str] = {}
    hypotheses = tested(r.hypotheses)

    def restate(effect):
        title, paragraphs = _restate(effect)
        return title, paragraphs + explanation_paragraphs(b, r.explained, hypotheses[effect.hypothesis], told, r.described)

    def _restate(effect):
        """The discussion of one hypothesis; a provisional one names, briefly, the criteria its
        constructs miss (the test states them in full)."""
        name = effect.hypothesis
        hyp = r.hypotheses[name]
        chain = [b.name(c) for c in hyp.chain]
        if hyp.moderator:
            title = b.label("discussion_moderation", moderator=b.name(hyp.moderator), source=chain[0], target=chain[-1])
        elif len(chain) == 2:
            title = b.label("pls_discussion_of", source=chain[0], target=chain[-1])
        else:
            title = b.label("pls_discussion_indirect", source=chain[0], mediator=", ".join(chain[1:-1]), target=chain[-1])
        return title, b.say(
            "pls_discussion.j2",
            refs=("pls.paths",),
            claims=[(f"hypothesis:{name}", hyp.decision.outcome), *hyp.caveat.claims]
            + ([(f"mediation:{'→'.join(hyp.chain)}", r.mediation[hyp.chain].outcome)] if hyp.chain in r.mediation else []),
            h=name,
            chain=chain,
            caveat=_own_caveat(hyp.caveat.as_context(), hyp.chain, b.name),
            summary_table=f"{b.labels['table']} {b.numbers.get('pls.summary', '')}",
            indirect=len(chain) > 2,
            coef=b.decimal(hyp.stat.estimate),
            t=b.decimal(hyp.stat.t),
            p=b.p_value(hyp.decision.p),
            supported=hyp.decision.supported,
            reason=hyp.decision.reason,
            sign=hyp.decision.sign,
            object=config.study.object_in(b.lang),
            moderator=b.name(hyp.moderator) if hyp.moderator else "",
            slope_rises=slope_rises(r, name) if hyp.moderator else False,
            kind=b.labels["mediation_kinds"][r.mediation[hyp.chain].outcome].lower() if hyp.chain in r.mediation else "",
        )

    return shared_discussion(b, number, effects, r.described, restate, left_out=frozenset(r.removal.removed) if r.removal_applied else frozenset())


def _own_caveat(context: dict | None, chain: tuple[str, ...], name) -> dict | None:
    """What of a hypothesis's measurement caveat concerns the constructs of its own path (the
    discussion names that; the test states the whole caveat, with the other constructs of its
    equation): HTMT pairs with a construct of the chain at either end, and the chain's constructs
    that miss AVE or reliability. Constructs written by ``name``; an empty ``{}`` when the caveat
    lies only around the path, None when there is none."""
    if context is None:
        return None
    own = set(chain)
    return {
        key: ([[name(c) for c in pair] for pair in values if set(pair) & own] if key == "htmt" else [name(c) for c in values if c in own])
        for key, values in context.items()
    }


def build_chapter(b: Builder, results: PlsStudyResults) -> Document:
    """The PLS-SEM chapter: profile, descriptives, outer model, inner model, hypotheses, discussion."""
    view = results.described
    makers = [
        lambda n: profile_section(b, view, n),
        lambda n: descriptives_section(b, view, n),
        lambda n: outer_model_section(b, results, n),
        lambda n: inner_model_section(b, results, n),
        lambda n: pls_hypotheses_section(b, results, n),
        lambda n: multigroup_section(b, results, n),
    ]
    effects = pls_effects(results)
    conclusions = pls_conclusions(results, effects)
    limits = pls_limitations(b.study, b.lang, results)
    return chapter(
        b,
        view.n_used,
        view.n_excluded,
        makers,
        lambda n: pls_discussion_section(b, results, n, effects),
        conclusions,
        described=view,
        limitations=limits,
    )
