"""The CB-SEM chapter, as AMOS users report it: the measurement model (CFA: loadings with their
C.R., AVE and CR, discriminant validity by Fornell–Larcker and HTMT, its fit), the structural
model (its fit, the path coefficients, R² and the diagram), the hypotheses decided by the C.R.
(z) of each path, and the discussion."""

from __future__ import annotations

from reportgen.designs.cbsem.indirect import indirect_discussion, indirect_table, indirect_words
from reportgen.designs.cbsem.modification import modification_blocks
from reportgen.designs.survey.chapter import chapter
from reportgen.designs.survey.descriptives import descriptives_section
from reportgen.designs.survey.discussion import discussion_section as shared_discussion
from reportgen.designs.survey.effects import cbsem_conclusions, cbsem_effects
from reportgen.designs.survey.extras_chapter import group_section
from reportgen.designs.survey.limitations import cbsem_limitations
from reportgen.designs.survey.profile import profile_section
from reportgen.interpret.cbsem import AVE_MIN, CHISQ_DF_MAX, CR_MIN, FIT_CUTOFFS, HTMT_MAX, LOADING_IDEAL, LOADING_MIN
from reportgen.interpret.effects import Effect
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Document, Section
from reportgen.words.locale import stars


def measurement_section(b: Builder, r, number: str) -> Section:
    """The CFA: one row per indicator (B, SE, C.R., P, λ, its verdict), the reliability of each
    construct (CR, AVE), discriminant validity, and the fit of the measurement model."""
    cfa = r.cfa
    section = b.section(b.labels["cbsem_measurement"], 3, number)
    section.blocks += b.say(
        "cbsem_measurement_intro.j2",
        n=b.integer(r.n_used),
        loading_min=b.bounded(LOADING_MIN, 2),
        loading_ideal=b.bounded(LOADING_IDEAL, 2),
        ave_min=b.bounded(AVE_MIN, 2),
        cr_min=b.bounded(CR_MIN, 2),
        robust=cfa.robust is not None,
    )
    body = []
    for construct, items in cfa.measurement.items():
        for k, item in enumerate(items):
            e = cfa.loading(construct, item)
            verdict = r.measurement.loadings[(construct, item)]
            body.append(
                ([s(b.labelled(construct), rowspan=len(items))] if k == 0 else [])
                + [
                    s(item),
                    d(b.decimal(e.est)),
                    d(b.decimal(e.se) if e.se is not None else "–"),
                    d(b.decimal(e.z) if e.z is not None else "–"),
                    d(b.p_value(e.p) if e.p is not None else "–"),
                    d(b.bounded(e.std)),
                    b.verdict(f"loading:{item}", verdict.outcome),
                ]
            )
    loadings = b.table(
        "cbsem.loadings",
        b.labels["cbsem_loadings_title"],
        [
            [
                h(b.col("construct")),
                h(b.col("indicator")),
                h(b.col("sem_estimate")),
                h("SE"),
                h("C.R."),
                h(b.col("amos_p")),
                h(b.col("std_loading")),
                h(b.col("description")),
            ]
        ],
        body,
        notes=(b.label("cbsem_loadings_note", loading_min=b.bounded(LOADING_MIN, 2)), *_robust_note(b, cfa)),
        widths=(2.4, 1, 1, 0.9, 0.9, 0.9, 0.8, 1.4),
        small=True,
    )
    section.add(loadings)
    low = [(item, c) for (c, item), v in r.measurement.loadings.items() if v.passed is False]
    section.blocks += b.say(
        "cbsem_loadings.j2",
        refs=(loadings.key,),
        claims=[(f"loading:{item}", "invalid") for item, _ in low],
        table=b.ref(loadings),
        count=len(r.measurement.loadings),
        low=[{"item": item, "name": b.name(c), "loading": b.bounded(cfa.loading(c, item).std)} for item, c in low],
        smallest=b.bounded(min(cfa.loading(c, i).std for (c, i) in r.measurement.loadings)),
        largest=b.bounded(max(cfa.loading(c, i).std for (c, i) in r.measurement.loadings)),
        loading_min=b.bounded(LOADING_MIN, 2),
    )
    reliability = _reliability_table(b, r)
    section.add(reliability)
    section.blocks += b.say("cbsem_reliability.j2", refs=(reliability.key,), claims=_reliability_claims(r), **_reliability_words(b, r, reliability))
    _discriminant(b, r, section)
    fit = _fit_table(b, "cbsem.cfa_fit", b.labels["cbsem_cfa_fit_title"], r.cfa, r.cfa_fit, "cfa")
    section.add(fit)
    section.blocks += b.say("cbsem_fit.j2", refs=(fit.key,), claims=_fit_claims(r.cfa_fit, "cfa"), **_fit_words(b, r.cfa.fit, r.cfa_fit, fit, "cfa"))
    modification_blocks(b, r, section)
    return section


def _reliability_table(b: Builder, r):
    rows = []
    for c, rel in r.cfa.reliability.items():
        rows.append(
            [
                s(b.labelled(c)),
                d(b.integer(len(r.cfa.measurement[c]))),
                d(b.bounded(rel.cr)),
                b.verdict(f"cr:{c}", r.measurement.cr[c].outcome),
                d(b.bounded(rel.ave)),
                b.verdict(f"ave:{c}", r.measurement.ave[c].outcome),
            ]
        )
    return b.table(
        "cbsem.reliability",
        b.labels["cbsem_reliability_title"],
        [[h(b.col("construct")), h(b.col("indicators")), h("CR"), h(b.col("reliability")), h("AVE"), h(b.col("convergent_validity"))]],
        rows,
        notes=(b.label("cbsem_reliability_note", cr_min=b.bounded(CR_MIN, 2), ave_min=b.bounded(AVE_MIN, 2)),),
        widths=(2.6, 1, 0.9, 1.3, 0.9, 1.5),
    )


def _reliability_claims(r) -> list[tuple[str, str]]:
    return [(f"cr:{c}", v.outcome) for c, v in r.measurement.cr.items()] + [(f"ave:{c}", v.outcome) for c, v in r.measurement.ave.items()]


def _reliability_words(b: Builder, r, table) -> dict:
    rows = [
        {
            "name": b.name(c),
            "code": c,
            "cr": b.bounded(rel.cr),
            "ave": b.bounded(rel.ave),
            "reliable": bool(r.measurement.cr[c].passed),
            "convergent": bool(r.measurement.ave[c].passed),
        }
        for c, rel in r.cfa.reliability.items()
    ]
    return {"table": b.ref(table), "rows": rows, "cr_min": b.bounded(CR_MIN, 2), "ave_min": b.bounded(AVE_MIN, 2)}


def _discriminant(b: Builder, r, section: Section) -> None:
    """Fornell–Larcker (√AVE on the diagonal, the latent correlations below it) and HTMT."""
    names = r.constructs
    body = []
    for i, c in enumerate(names):
        row = [s(b.labelled(c))]
        for j in range(len(names)):
            if j == i:
                row.append(d(b.bounded(r.measurement.fornell_larcker[c].value), bold=True))
            elif j < i:
                row.append(d(b.bounded(r.correlations[i, j])))
            else:
                row.append(d(""))
        row.append(b.verdict(f"fornell_larcker:{c}", r.measurement.fornell_larcker[c].outcome))
        body.append(row)
    fornell = b.table(
        "cbsem.fornell_larcker",
        b.labels["cbsem_fornell_title"],
        [[h(b.col("construct"))] + [h(c) for c in names] + [h(b.col("description"))]],
        body,
        notes=(b.labels["cbsem_fornell_note"],),
        widths=(2.6,) + (1,) * len(names) + (1.2,),
    )
    pairs = []
    for (a, c), verdict in r.measurement.htmt.items():
        pairs.append([s(f"{b.name(a)} ↔ {b.name(c)}"), d(b.decimal(verdict.value)), b.verdict(f"htmt:{a}-{c}", verdict.outcome)])
    htmt = b.table(
        "cbsem.htmt",
        b.labels["cbsem_htmt_title"],
        [[h(b.col("pair")), h("HTMT"), h(b.col("description"))]],
        pairs,
        notes=(b.label("cbsem_htmt_note", threshold=b.decimal(HTMT_MAX, 2)),),
        widths=(3.6, 1, 1.4),
    )
    section.add(fornell)
    section.add(htmt)
    failing = [c for c, v in r.measurement.fornell_larcker.items() if v.passed is False]
    close = [f"{b.name(a)} ↔ {b.name(c)}" for (a, c), v in r.measurement.htmt.items() if v.passed is False]
    section.blocks += b.say(
        "cbsem_discriminant.j2",
        refs=(fornell.key, htmt.key),
        claims=[(f"fornell_larcker:{c}", v.outcome) for c, v in r.measurement.fornell_larcker.items()]
        + [(f"htmt:{a}-{c}", v.outcome) for (a, c), v in r.measurement.htmt.items()],
        fornell=b.ref(fornell),
        htmt=b.ref(htmt),
        failing=[b.name(c) for c in failing],
        close=close,
        largest=b.decimal(max(v.value for v in r.measurement.htmt.values() if v.value is not None)) if r.measurement.htmt else None,
        threshold=b.decimal(HTMT_MAX, 2),  # HTMT may exceed 1: written as a coefficient
    )


def _robust_note(b: Builder, fitted) -> tuple[str, ...]:
    """With MLR: the SEs (and so C.R. and P) are Huber–White."""
    return (b.labels["cbsem_robust_se_note"],) if fitted.robust is not None else ()


FIT_ROWS = ("chisq", "chisq_df", "cfi", "tli", "rmsea", "srmr")


def _fit_table(b: Builder, key: str, title: str, fitted, verdicts, model: str):
    """The fit indices with their cut-offs and verdicts (Hu & Bentler, 1999; Hair et al., 2019);
    with MLR the scaled χ² and the robust indices, the scaling factor in the note."""
    fit = fitted.fit
    alpha = b.bounded(b.study.config.settings.alpha, 2)
    values = {
        "chisq": f"{b.decimal(fit.chisq)} (df = {b.integer(fit.df)}; {b.col('amos_p')} {b.sig(fit.p)})",
        "chisq_df": "–" if verdicts.chisq_df.value is None else b.decimal(verdicts.chisq_df.value),
        "cfi": b.bounded(fit.cfi),
        "tli": b.bounded(fit.tli),
        "rmsea": f"{b.bounded(fit.rmsea)} [{b.bounded(fit.rmsea_low)}; {b.bounded(fit.rmsea_high)}]",
        "srmr": b.bounded(fit.srmr),
    }
    cutoffs = {
        "chisq": f"{b.col('amos_p')} ≥ {alpha}",
        "chisq_df": f"≤ {b.decimal(CHISQ_DF_MAX, 0)}",
        "cfi": f"≥ {b.bounded(FIT_CUTOFFS['cfi'], 2)}",
        "tli": f"≥ {b.bounded(FIT_CUTOFFS['tli'], 2)}",
        "rmsea": f"≤ {b.bounded(FIT_CUTOFFS['rmsea'], 2)}",
        "srmr": f"≤ {b.bounded(FIT_CUTOFFS['srmr'], 2)}",
    }
    body = [
        [
            s(b.labels["cbsem_fit_indices"][k]),
            d(values[k]),
            d(cutoffs[k]),
            s(getattr(verdicts, k).rule.citation),
            b.verdict(f"{model}:{k}", getattr(verdicts, k).outcome, "fit_words"),
        ]
        for k in FIT_ROWS
    ]
    return b.table(
        key,
        title,
        [[h(b.col("fit_index")), h(b.col("value")), h(b.col("cutoff")), h(b.col("cut_off_source")), h(b.col("description"))]],
        body,
        notes=(
            b.label("cbsem_fit_note_mlr", n=b.integer(fit.n), c=b.decimal(fitted.robust.scaling), ml=b.decimal(fitted.ml_fit.chisq))
            if fitted.robust is not None and fitted.ml_fit is not None
            else b.label("cbsem_fit_note", n=b.integer(fit.n)),
        ),
        widths=(2.2, 2.2, 1.1, 1.9, 1.1),
    )


def _fit_claims(verdicts, model: str) -> list[tuple[str, str]]:
    return [(f"{model}:{k}", getattr(verdicts, k).outcome) for k in FIT_ROWS]


def _fit_words(b: Builder, fit, verdicts, table, model: str) -> dict:
    misfit = [b.labels["cbsem_fit_indices"][k] for k in FIT_ROWS if k != "chisq" and getattr(verdicts, k).passed is False]
    return {
        "table": b.ref(table),
        "model": model,
        "chisq": b.decimal(fit.chisq),
        "df": b.integer(fit.df),
        "p": b.p_value(fit.p),
        "chisq_fit": bool(verdicts.chisq.passed),
        "cfi": b.bounded(fit.cfi),
        "tli": b.bounded(fit.tli),
        "rmsea": b.bounded(fit.rmsea),
        "rmsea_low": b.bounded(fit.rmsea_low),
        "rmsea_high": b.bounded(fit.rmsea_high),
        "srmr": b.bounded(fit.srmr),
        "good": verdicts.good,
        "misfit": misfit,
        "alpha": b.bounded(b.study.config.settings.alpha, 2),
    }


def structural_section(b: Builder, r, number: str) -> Section:
    """The structural model: its fit (equal to the CFA's when the paths join every pair of
    constructs), the paths (B, SE, C.R., P, β), R² and the diagram."""
    sem = r.sem
    section = b.section(b.labels["cbsem_structural"], 3, number)
    saturated = sem.fit.df == r.cfa.fit.df  # the paths join every pair of constructs: the same fit, not shown twice
    section.blocks += b.say(
        "cbsem_structural_intro.j2",
        refs=("cbsem.cfa_fit",),
        saturated=saturated,
        robust=sem.robust is not None,
        paths=len(sem.paths),
        cfa_fit=f"{b.labels['table']} {b.numbers['cbsem.cfa_fit']}",
    )
    if not saturated:
        fit = _fit_table(b, "cbsem.sem_fit", b.labels["cbsem_sem_fit_title"], sem, r.sem_fit, "sem")
        section.add(fit)
        section.blocks += b.say(
            "cbsem_fit.j2", refs=(fit.key,), claims=_fit_claims(r.sem_fit, "sem"), **_fit_words(b, sem.fit, r.sem_fit, fit, "sem")
        )
    body = []
    for source, target in sem.paths:
        e = sem.path(source, target)
        assert e.se is not None and e.z is not None and e.p is not None  # a structural path is free
        body.append(
            [
                s(f"{source}\u00a0→\u00a0{target}"),
                d(b.decimal(e.est)),
                d(b.decimal(e.se)),
                d(b.decimal(e.z)),
                d(b.p_value(e.p)),
                d(b.decimal(e.std)),
                b.verdict(f"path:{source}-{target}", r.path_verdicts[(source, target)].outcome, "significance_words"),
            ]
        )
    paths = b.table(
        "cbsem.paths",
        b.labels["cbsem_paths_title"],
        [[h(b.col("path")), h(b.col("sem_estimate")), h("SE"), h("C.R."), h(b.col("amos_p")), h(b.col("std_estimate")), h(b.col("description"))]],
        body,
        notes=(b.label("cbsem_paths_note", r2="; ".join(f"R² {t} = {b.bounded(v)}" for t, v in sem.r2.items())), *_robust_note(b, sem)),
        widths=(2, 1, 0.9, 0.9, 0.9, 0.9, 1.6),
    )
    section.add(paths)
    labels = {(a, c): f"{b.decimal(sem.path(a, c).std)}{stars(sem.path(a, c).p)}" for a, c in sem.paths}
    figure = b.figure(
        "cbsem.diagram",
        b.labels["cbsem_diagram_title"],
        "path_diagram",
        {"constructs": [(c, b.name(c)) for c in r.constructs], "paths": labels, "r2": {t: f"R² = {b.bounded(v)}" for t, v in sem.r2.items()}},
        width=0.9,
    )
    section.add(figure)
    section.blocks += b.say(
        "cbsem_paths.j2",
        refs=(paths.key,),
        claims=[(f"path:{a}-{c}", r.path_verdicts[(a, c)].outcome) for a, c in sem.paths],
        table=b.ref(paths),
        figure=b.ref(figure),
        r2=[{"name": b.name(t), "r2": b.bounded(v), "pct": b.pct(100 * v)} for t, v in sem.r2.items()],
    )
    return section


def hypotheses_section(b: Builder, r, number: str) -> Section:
    """Each hypothesis: a direct one decided by the C.R. (z) of its path, an indirect one by the
    Monte Carlo interval of its effect (the table of indirect effects first); one paragraph each."""
    config = b.study.config
    section = b.section(b.labels["hypotheses"], 3, number)
    alpha = b.bounded(config.settings.alpha, 2)
    indirect = None  # the table of indirect effects, set before the first indirect hypothesis's paragraph
    body = []
    for name, hyp in r.hypotheses.items():
        chain = (*hyp.source, hyp.target)
        beta = r.indirect[name].std if name in r.indirect else r.sem.path(hyp.source[0], hyp.target).std
        body.append(
            [
                d(name),
                s("\u00a0→\u00a0".join(chain)),
                d(b.decimal(beta)),
                d(b.decimal(hyp.decision.statistic)),
                d(b.p_value(hyp.decision.p)),
                b.verdict(f"hypothesis:{name}", hyp.decision.outcome),
            ]
        )
    notes = [b.label("cbsem_hypotheses_note", alpha=alpha)] + (
        [b.label("cbsem_hypotheses_note_indirect", interval=b.labels["cbsem_interval_names"][next(iter(r.indirect.values())).interval])]
        if r.indirect
        else []
    )
    table = b.table(
        "cbsem.hypotheses",
        b.labels["cbsem_hypotheses_title"],
        [[h(b.col("hypothesis")), h(b.col("path")), h(b.col("std_estimate")), h("C.R."), h(b.col("amos_p")), h(b.col("decision"))]],
        body,
        notes=tuple(notes),
        widths=(1, 2, 1, 1, 1, 1.2),
    )
    section.add(table)
    for name, hyp in r.hypotheses.items():
        if name in r.indirect:
            indirect = indirect or indirect_table(b, r, section)
            section.blocks += b.say(
                "cbsem_indirect.j2",
                refs=(indirect.key, table.key),
                claims=[(f"hypothesis:{name}", hyp.decision.outcome)]
                + ([(f"mediation:{name}", r.mediation_types[name].outcome)] if r.mediation_types.get(name) else []),
                **indirect_words(b, r, name),
            )
            continue
        e = r.sem.path(hyp.source[0], hyp.target)
        section.blocks += b.say(
            "cbsem_hypothesis.j2",
            refs=(table.key,),
            claims=[(f"hypothesis:{name}", hyp.decision.outcome)],
            h=name,
            x=hyp.source[0],
            x_name=b.name(hyp.source[0]),
            y_name=b.name(hyp.target),
            beta=b.decimal(e.std),
            z=b.decimal(hyp.decision.statistic),
            p=b.p_value(hyp.decision.p),
            alpha=alpha,
            reason=hyp.decision.reason,
            sign=hyp.decision.sign,
            expect=hyp.expect,
            supported=hyp.decision.supported,
            object=config.study.object_in(b.lang),
        )
    return section


def measurement_discussion(b: Builder, r, number: str) -> Section:
    """The discussion of a CFA on its own: what the measurement model says of the instrument."""
    section = b.section(b.labels["discussion"], 2, number)
    m = r.measurement
    section.blocks += b.say(
        "cbsem_cfa_discussion.j2",
        refs=("cbsem.loadings", "cbsem.reliability", "cbsem.cfa_fit"),
        claims=[("cfa:" + k, getattr(r.cfa_fit, k).outcome) for k in ("cfi", "tli", "rmsea", "srmr")],
        invalid=[item for (_, item), v in m.loadings.items() if v.passed is False],
        unreliable=[b.name(c) for c, v in m.cr.items() if v.passed is False],
        not_convergent=[b.name(c) for c, v in m.ave.items() if v.passed is False],
        not_distinct=[b.name(c) for c, v in m.fornell_larcker.items() if v.passed is False]
        + [f"{b.name(a)} ↔ {b.name(c)}" for (a, c), v in m.htmt.items() if v.passed is False],
        fits=r.cfa_fit.good,
        constructs=len(r.constructs),
        indicators=len(m.loadings),
        object=b.study.config.study.object_in(b.lang),
    )
    return section


def discussion(b: Builder, r, number: str, effects: list[Effect]) -> Section:
    config = b.study.config
    if not r.hypotheses:  # a CFA on its own
        return measurement_discussion(b, r, number)

    def restate(effect):
        name = effect.hypothesis
        hyp = r.hypotheses[name]
        if name in r.indirect:
            return indirect_discussion(b, r, name)
        names = [b.name(hyp.source[0]), b.name(hyp.target)]
        title = b.label("discussion_of", source=names[0], target=names[1])
        e = r.sem.path(hyp.source[0], hyp.target)
        return title, b.say(
            "cbsem_discussion.j2",
            refs=("cbsem.hypotheses",),
            claims=[(f"hypothesis:{name}", hyp.decision.outcome)],
            h=name,
            chain=names,
            beta=b.decimal(e.std),
            z=b.decimal(hyp.decision.statistic),
            p=b.p_value(hyp.decision.p),
            supported=hyp.decision.supported,
            reason=hyp.decision.reason,
            sign=hyp.decision.sign,
            object=config.study.object_in(b.lang),
        )

    return shared_discussion(b, number, effects, r.described, restate)


def build_chapter(b: Builder, results) -> Document:
    """The CB-SEM chapter: profile, descriptives, the measurement model, the structural model,
    the hypotheses, group differences, discussion."""
    view = results.described
    alpha = b.study.config.settings.alpha
    makers = [
        lambda n: profile_section(b, view, n),
        lambda n: descriptives_section(b, view, n),
        lambda n: measurement_section(b, results, n),
        lambda n: structural_section(b, results, n) if results.sem.paths else None,  # a CFA on its own has no structural model
        lambda n: hypotheses_section(b, results, n) if results.hypotheses else None,
        lambda n: group_section(b, results.extras, alpha, n),
    ]
    effects = cbsem_effects(results)
    return chapter(
        b,
        view.n_used,
        view.n_excluded,
        makers,
        lambda n: discussion(b, results, n, effects),
        cbsem_conclusions(results, effects),
        described=view,
        limitations=cbsem_limitations(b.study, b.lang, results),
    )
