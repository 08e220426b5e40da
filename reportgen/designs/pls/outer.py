"""The measurement (outer) model of a PLS-SEM chapter, assessed step by step as Hair et al. (2022,
ch. 4) do: indicator reliability (with the removal rule), internal consistency, convergent
validity, discriminant validity, and a summary of what the model meets and what that means for
the structural model."""

from __future__ import annotations

from dataclasses import replace

from reportgen.designs.pls.analysis import PlsStudyResults, measurement_view, pls_model_of
from reportgen.designs.pls.formative import formative_constructs, formative_section
from reportgen.designs.pls.higher_order import higher_order_sections
from reportgen.interpret.pls import (
    AVE_MIN,
    CITATION,
    FORMATIVE_LOADING_MIN,
    HTMT_MAX,
    LOADING_FLOOR,
    LOADING_MIN,
    REDUNDANCY_MIN,
    RELIABILITY_MAX,
    RELIABILITY_MIN,
    VIF_MAX,
)
from reportgen.interpret.pls_indicators import FEW_INDICATORS, MEETS, MEETS_AFTER_REMOVALS, NO_GAIN, retention_reasons
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Section
from reportgen.stats.pls.algorithm import MAX_ITER, PlsResult, PlsSpec
from reportgen.stats.pls.repeated_indicators import REPEATED


def _loading_rows(b: Builder, spec, loadings, verdicts, words: str, subject: str, boot=None, vif=None) -> list:
    """One row per indicator, the construct's name spanning its block; bootstrap t, p and VIF when given."""
    owner = spec.mask.argmax(axis=1)
    body = []
    for k, item in enumerate(spec.indicators):
        if spec.modes[owner[k]] == "B":  # a formative indicator: its loading is read with its weight (formative section)
            continue
        c = spec.constructs[owner[k]]
        first = k == 0 or owner[k - 1] != owner[k]
        rows = len(spec.items[owner[k]])
        cells = [d(item), d(b.bounded(loadings[item]))]
        if boot is not None:
            single = rows == 1  # a single indicator loads 1 in every resample: no t to report
            cells += [d("–" if single else b.decimal(boot[item].t)), d("–" if single else b.p_value(boot[item].p)), d(b.decimal(vif[k]))]
        body.append(([s(b.labelled(c), rowspan=rows)] if first else []) + cells + [b.verdict(f"{subject}:{item}", verdicts[item].outcome, words)])
    return body


def _loading_header(b: Builder, boot: bool) -> list:
    extra = [h("t"), h(b.col("p")), h(b.col("vif"))] if boot else []
    return [[h(b.col("variable")), h(b.col("indicator")), h(f"{b.col('loading')} (≥ {b.bounded(LOADING_MIN)})"), *extra, h(b.col("description"))]]


def indicator_section(b: Builder, r: PlsStudyResults, letter: str = "a.") -> Section:
    """a. Indicator reliability. With removals applied: the initial loadings, the removal steps,
    then the final loadings; otherwise the loadings, then the steps the rule would take."""
    spec = r.model.spec
    sub = b.section(b.labels["pls_indicator_reliability"], 4, letter)
    applied = r.removal_applied and bool(r.removal.removed)
    words = "pls_loading_words" if r.removal_applied else "pls_loading_words_kept"
    sub.blocks += b.say("pls_loadings_intro.j2", threshold=b.bounded(LOADING_MIN), floor=b.bounded(LOADING_FLOOR, 2), citation=CITATION)
    initial = None
    if applied:
        initial = sub.add(
            b.table(
                "pls.loadings_initial",
                b.labels["pls_loadings_initial_title"],
                _loading_header(b, False),
                _loading_rows(b, r.initial_spec, r.initial_loadings, r.initial_verdicts, words, "initial_loading"),
                notes=(b.labels["pls_loadings_note"],),
                widths=(3, 1.2, 1.8, 1.8),
                small=True,
            )
        )
        sub.blocks += _removal_blocks(b, r, initial)
    loadings = dict(zip(spec.indicators, r.model.loadings.sum(axis=1)))
    table = sub.add(
        b.table(
            "pls.loadings",
            b.labels["pls_loadings_final_title" if applied else "pls_loadings_title"],
            _loading_header(b, True),
            _loading_rows(b, spec, loadings, r.verdicts.loadings, words, "loading", r.boot.loadings, r.assessed.outer_vif),
            notes=(b.labels["pls_loadings_note"],),
            widths=(2.6, 1.1, 1.5, 1, 1, 0.9, 1.6),
            small=True,
        )
    )
    assessed = {i: v for i, v in r.verdicts.loadings.items() if v.outcome in ("valid", "retained", "remove")}
    reasons = retention_reasons(r.removal, [i for i, v in assessed.items() if v.outcome == "retained"], r.assessed.reliability, r.removal_applied)

    def kept(reason):
        return [f"{i} ({b.bounded(loadings[i])})" for i, why in reasons.items() if why == reason]

    values = [loadings[i] for i in assessed] or list(loadings.values())
    sub.blocks += b.say(
        "pls_loadings.j2",
        refs=(table.key,),
        claims=[(f"loading:{i}", v.outcome) for i, v in assessed.items()],
        table=b.ref(table),
        low=b.bounded(min(values)),
        high=b.bounded(max(values)),
        threshold=b.bounded(LOADING_MIN),
        floor=b.bounded(LOADING_FLOOR, 2),
        applied=applied,
        retained=kept(MEETS),
        tried=kept(NO_GAIN),
        after_removals=kept(MEETS_AFTER_REMOVALS),
        few=kept(FEW_INDICATORS),
        remove=[f"{i} ({b.bounded(loadings[i])})" for i, v in assessed.items() if v.outcome == "remove"],
        single=[c for j, c in enumerate(spec.constructs) if len(spec.items[j]) == 1 and spec.modes[j] == "A"],
        formative=[c for j, c in enumerate(spec.constructs) if spec.modes[j] == "B"],
    )
    if not applied:
        sub.blocks += _removal_blocks(b, r, None)
    return sub


def _removal_blocks(b: Builder, r: PlsStudyResults, initial) -> list:
    """The table of the removal rule's steps and the sentences about them (nothing when it took none)."""
    steps = r.removal.steps
    if not steps:
        return []
    rules = b.labels["pls_removal_rules"]
    outcome = {True: "removed", False: "retained"}
    words = "pls_removal_words" if r.removal_applied else "pls_removal_words_kept"
    body = [
        [
            d(b.integer(n)),
            d(st.indicator),
            s(f"{b.name(st.construct)} ({st.construct})"),
            d(b.bounded(st.loading)),
            s(rules[st.rule]),
            d(f"{b.bounded(st.before.ave)} → {b.bounded(st.after.ave)}"),
            d(f"{b.bounded(st.before.rho_c)} → {b.bounded(st.after.rho_c)}"),
            b.verdict(f"removal:{st.indicator}", outcome[st.removed], words),
        ]
        for n, st in enumerate(steps, start=1)
    ]
    table = b.table(
        "pls.removal",
        b.labels["pls_removal_title" if r.removal_applied else "pls_removal_title_kept"],
        [
            [
                h(b.col("step")),
                h(b.col("indicator")),
                h(b.col("variable")),
                h(b.col("loading")),
                h(b.col("rule")),
                h(b.col("ave_change")),
                h(b.col("rho_c_change")),
                h(b.col("description")),
            ]
        ],
        body,
        notes=(b.labels["pls_removal_note"],),
        widths=(0.8, 1, 2.2, 1, 2.3, 1.4, 1.4, 1.3),
        small=True,
    )
    text = b.say(
        "pls_removal.j2",
        refs=(table.key,),
        claims=[(f"removal:{st.indicator}", outcome[st.removed]) for st in steps],
        table=b.ref(table),
        applied=r.removal_applied,
        initial=b.ref(initial) if initial else "",
        steps=[
            {
                "item": st.indicator,
                "construct": st.construct,
                "loading": b.bounded(st.loading),
                "rule": st.rule,
                "removed": st.removed,
                "ave_before": b.bounded(st.before.ave),
                "ave_after": b.bounded(st.after.ave),
                "rho_before": b.bounded(st.before.rho_c),
                "rho_after": b.bounded(st.after.rho_c),
                "ave_fails": st.before.ave < AVE_MIN,
                "ave_up": st.after.ave > st.before.ave,
            }
            for st in steps
        ],
        floor=b.bounded(LOADING_FLOOR, 2),
        threshold=b.bounded(LOADING_MIN),
        ave_min=b.bounded(AVE_MIN, 2),
        rho_min=b.bounded(RELIABILITY_MIN, 2),
    )
    return [table, *text]


def consistency_section(b: Builder, r: PlsStudyResults, letter: str = "b.") -> Section:
    """b. Internal consistency: Cronbach's alpha (a lower bound), rho_A and rho_C between 0,70 and 0,95."""
    names = r.model.spec.constructs
    v = r.verdicts
    sub = b.section(b.labels["pls_consistency"], 4, letter)
    body = [
        [
            s(b.labelled(c)),
            *(d(_unless_formative(b, v.reliability[c].outcome, getattr(r.assessed.reliability[c], key))) for key in ("alpha", "rho_a", "rho_c")),
            b.verdict(f"reliability:{c}", v.reliability[c].outcome),
        ]
        for c in names
    ]
    bounds = f"{b.bounded(RELIABILITY_MIN, 2)}–{b.bounded(RELIABILITY_MAX, 2)}"
    table = b.table(
        "pls.reliability",
        b.labels["pls_reliability_title"],
        [[h(b.col("variable")), h("Cronbach's Alpha"), h(f"rho_A ({bounds})"), h(f"rho_C ({bounds})"), h(b.col("description"))]],
        body,
        widths=(3, 1.4, 1.5, 1.5, 1.6),
    )
    sub.blocks += b.say(
        "pls_reliability_intro.j2", table=b.ref(table), low=b.bounded(RELIABILITY_MIN, 2), high=b.bounded(RELIABILITY_MAX, 2), citation=CITATION
    )
    sub.add(table)
    assessed = [c for c in names if v.reliability[c].passed is not None]

    def below(values, key):
        return [f"{c} ({b.bounded(getattr(r.assessed.reliability[c], key))})" for c in assessed if values[c].outcome == "unreliable"]

    def above(values, key):
        return [f"{c} ({b.bounded(getattr(r.assessed.reliability[c], key))})" for c in assessed if values[c].outcome == "redundant"]

    rho_c = [r.assessed.reliability[c].rho_c for c in assessed] or [1.0]
    sub.blocks += b.say(
        "pls_reliability.j2",
        refs=(table.key,),
        claims=[(f"reliability:{c}", v.reliability[c].outcome) for c in names],
        table=b.ref(table),
        low=b.bounded(min(rho_c)),
        high=b.bounded(max(rho_c)),
        min=b.bounded(RELIABILITY_MIN, 2),
        max=b.bounded(RELIABILITY_MAX, 2),
        reliable=[c for c in assessed if v.reliability[c].passed],
        rho_a_low=below(v.rho_a, "rho_a"),
        rho_c_low=below(v.rho_c, "rho_c"),
        rho_a_high=above(v.rho_a, "rho_a"),
        rho_c_high=above(v.rho_c, "rho_c"),
        alpha_low=[f"{c} ({b.bounded(r.assessed.reliability[c].alpha)})" for c in assessed if r.assessed.reliability[c].alpha < RELIABILITY_MIN],
        single=[c for c in names if v.reliability[c].outcome == "single_item"],
        formative=[c for c in names if v.reliability[c].outcome == "formative"],
    )
    return sub


def _unless_formative(b: Builder, outcome: str, value: float) -> str:
    """A reliability or AVE value, or '–' for a formative construct, which these criteria do not fit."""
    return "–" if outcome == "formative" else b.bounded(value)


def convergent_section(b: Builder, r: PlsStudyResults, letter: str = "c.") -> Section:
    """c. Convergent validity: AVE ≥ 0,50 (before and after the removal when it was applied)."""
    names = r.model.spec.constructs
    v = r.verdicts
    sub = b.section(b.labels["pls_convergent"], 4, letter)
    applied = r.removal_applied and r.removal.removed
    widths: tuple[float, ...]
    if applied:
        header = [[h(b.col("variable")), h(b.col("ave_initial")), h(f"{b.col('ave_final')} (≥ {b.bounded(AVE_MIN, 2)})"), h(b.col("description"))]]
        body = [
            [
                s(b.labelled(c)),
                d(b.bounded(r.initial[c].ave)),
                d(b.bounded(r.assessed.reliability[c].ave)),
                b.verdict(f"ave:{c}", v.ave[c].outcome),
            ]
            for c in names
        ]
        widths = (3, 1.4, 1.6, 1.6)
    else:
        header = [[h(b.col("variable")), h(f"AVE (≥ {b.bounded(AVE_MIN, 2)})"), h(b.col("description"))]]
        body = [
            [s(b.labelled(c)), d(_unless_formative(b, v.ave[c].outcome, r.assessed.reliability[c].ave)), b.verdict(f"ave:{c}", v.ave[c].outcome)]
            for c in names
        ]
        widths = (3, 1.5, 1.6)
    table = b.table("pls.ave", b.labels["pls_ave_title"], header, body, widths=widths)
    sub.blocks += b.say("pls_ave_intro.j2", table=b.ref(table), threshold=b.bounded(AVE_MIN, 2), citation=CITATION)
    sub.add(table)
    assessed = [c for c in names if v.ave[c].passed is not None]
    aves = [r.assessed.reliability[c].ave for c in assessed] or [1.0]
    sub.blocks += b.say(
        "pls_ave.j2",
        refs=(table.key,),
        claims=[(f"ave:{c}", v.ave[c].outcome) for c in names],
        table=b.ref(table),
        low=b.bounded(min(aves)),
        high=b.bounded(max(aves)),
        threshold=b.bounded(AVE_MIN, 2),
        failing=[c for c in names if v.ave[c].passed is False],
        changed=[
            {
                "code": c,
                "before": b.bounded(r.initial[c].ave),
                "after": b.bounded(r.assessed.reliability[c].ave),
                "up": r.assessed.reliability[c].ave > r.initial[c].ave,
            }
            for c in names
            if applied and abs(r.initial[c].ave - r.assessed.reliability[c].ave) >= 0.0005
        ],
    )
    return sub


def discriminant_section(b: Builder, r: PlsStudyResults, letter: str = "d.") -> Section:
    """d. Discriminant validity of the reflective constructs: Fornell–Larcker, HTMT decided by its
    bootstrap upper bound, cross loadings (a formative construct has no AVE and its indicators need
    not correlate: Hair et al., 2022, ch. 5)."""
    spec = r.model.spec
    v = r.verdicts
    owner = spec.mask.argmax(axis=1)
    kept = [j for j in range(len(spec.constructs)) if spec.modes[j] != "B"]
    names = [spec.constructs[j] for j in kept]
    formative = [c for j, c in enumerate(spec.constructs) if spec.modes[j] == "B"]
    sub = b.section(b.labels["pls_discriminant"], 4, letter)
    fl = r.assessed.fornell_larcker
    fl_body = [[s(f"{c}")] + [d(b.bounded(fl[i, j]) if j <= i else "", bold=(i == j)) for j in kept] for i, c in zip(kept, names)]
    fl_body.append([s(b.col("description"))] + [b.verdict(f"fornell_larcker:{c}", v.fornell_larcker[c].outcome) for c in names])
    fl_table = b.table(
        "pls.fl",
        b.labels["pls_fl_title"],
        [[h(b.col("variable"))] + [h(c) for c in names]],
        fl_body,
        notes=(b.labels["pls_fl_note"],),
        small=len(names) > 5,
    )
    sub.blocks += b.say("pls_fl_intro.j2", table=b.ref(fl_table))
    sub.add(fl_table)
    sub.blocks += b.say(
        "pls_fl.j2",
        refs=(fl_table.key,),
        claims=[(f"fornell_larcker:{c}", v.fornell_larcker[c].outcome) for c in names],
        table=b.ref(fl_table),
        failing=[c for c in names if v.fornell_larcker[c].passed is False],
        formative=formative,
    )
    pairs = [(a, c) for n, a in enumerate(names) for c in names[n + 1 :] if (a, c) in v.htmt]
    if pairs:
        sub.blocks += htmt_blocks(b, r, pairs)
    cross = r.model.cross_loadings
    cl_body = [
        [s(item)] + [d(b.bounded(cross[k, j]), bold=(j == owner[k])) for j in kept] for k, item in enumerate(spec.indicators) if owner[k] in kept
    ]
    cl_table = b.table("pls.cross", b.labels["pls_cross_title"], [[h(b.col("indicator"))] + [h(c) for c in names]], cl_body, small=True)
    sub.add(cl_table)
    sub.blocks += b.say("pls_cross.j2", table=b.ref(cl_table), ok=v.cross_loadings.passed)
    return sub


def _htmt_threshold(v) -> float:
    """The threshold the HTMT upper bounds are tested against (``model.htmt``)."""
    return next(iter(v.htmt.values())).rule.threshold if v.htmt else HTMT_MAX


def _htmt_levels(b: Builder, alpha: float) -> dict[str, str]:
    """The percentile limits of the HTMT interval and its levels: for α = 0,05 the 5% and 95% limits of
    the two-sided 90% interval, the 95% one being the one-sided 95% upper bound."""
    return {
        "lower_pct": b.trimmed(100 * alpha, 2) + "%",
        "upper_pct": b.trimmed(100 * (1 - alpha), 2) + "%",
        "two_sided": b.trimmed(100 * (1 - 2 * alpha), 2) + "%",
        "one_sided": b.trimmed(100 * (1 - alpha), 2) + "%",
    }


def htmt_blocks(b: Builder, r: PlsStudyResults, pairs: list[tuple[str, str]]) -> list:
    """The HTMT table (estimate, percentile bootstrap limits, the verdict by the upper bound) and its sentences."""
    v = r.verdicts
    names = r.model.spec.constructs
    threshold = _htmt_threshold(v)
    levels = _htmt_levels(b, r.boot.htmt[pairs[0]].alpha)
    estimate = {(a, c): r.assessed.htmt[names.index(a), names.index(c)] for a, c in pairs}  # the value the verdict reads
    body = [
        [
            s(f"{a} ↔ {c}"),
            d(b.decimal(estimate[(a, c)])),
            d(b.decimal(r.boot.htmt[(a, c)].lower)),
            d(b.decimal(r.boot.htmt[(a, c)].upper)),
            b.verdict(f"htmt:{a}~{c}", v.htmt[(a, c)].outcome),
        ]
        for a, c in pairs
    ]
    limit = b.decimal(threshold, 2) if threshold < 1 else b.integer(1)
    note = (
        b.label("pls_htmt_note", resamples=b.integer(r.boot.resamples), threshold=limit, **levels)
        + " "
        + b.labels["pls_htmt_note_inference" if threshold >= 1 else "pls_htmt_note_threshold"]
    )
    table = b.table(
        "pls.htmt",
        b.labels["pls_htmt_title"],
        [[h(b.col("pair")), h("HTMT"), h(levels["lower_pct"]), h(f"{levels['upper_pct']} (< {limit})"), h(b.col("description"))]],
        body,
        notes=(note,),
        widths=(2.4, 1.3, 1.1, 1.5, 1.5),
        small=len(pairs) > 12,
    )
    worst = max(pairs, key=lambda pair: estimate[pair])

    def shown(outcome):
        return [
            {"pair": f"{a} ↔ {c}", "htmt": b.decimal(estimate[(a, c)]), "upper": b.decimal(r.boot.htmt[(a, c)].upper)}
            for a, c in pairs
            if v.htmt[(a, c)].outcome == outcome
        ]

    text = b.say(
        "pls_htmt.j2",
        refs=(table.key,),
        claims=[(f"htmt:{a}~{c}", v.htmt[(a, c)].outcome) for a, c in pairs],
        table=b.ref(table),
        high=b.decimal(estimate[worst]),
        pair=f"{worst[0]} ↔ {worst[1]}",
        threshold=limit,
        similar=threshold >= 0.90,
        inference=threshold >= 1,
        resamples=b.integer(r.boot.resamples),
        **levels,
        invalid=shown("invalid"),
        not_established=shown("not_established"),
        valid=len(shown("valid")),
        citation=CITATION,
    )
    return [*text, table]


def summary_section(b: Builder, r: PlsStudyResults, letter: str = "e.", structural: PlsResult | None = None) -> Section:
    """e. The summary table of the criteria and the paragraph on what the failures mean for the
    inner model; ``structural``: the model of the paths when it is not that of the measurement (stage
    two of a model with higher-order constructs)."""
    v = r.verdicts
    structural = structural or r.model
    sub = b.section(b.labels["pls_summary"], 4, letter)
    criteria = v.criteria()
    failing = v.failing()
    shown = {
        "indicator_reliability": lambda x: x,
        "internal_consistency": lambda x: x,
        "convergent_validity": lambda x: x,
        "htmt": lambda pair: f"{pair[0]} ↔ {pair[1]}",
        "fornell_larcker": lambda x: x,
        "cross_loadings": lambda x: "",
        "formative_convergent": lambda x: x,
        "formative_collinearity": lambda x: x,
        "formative_weights": lambda x: x,
    }
    threshold = _htmt_threshold(v)
    alpha = next(iter(r.boot.htmt.values())).alpha if r.boot.htmt else b.study.config.settings.alpha
    limits = {
        "indicator_reliability": f"≥ {b.bounded(LOADING_MIN)}",
        "internal_consistency": f"{b.bounded(RELIABILITY_MIN, 2)}–{b.bounded(RELIABILITY_MAX, 2)}",
        "convergent_validity": f"≥ {b.bounded(AVE_MIN, 2)}",
        "htmt": b.label("pls_htmt_limit", threshold=b.decimal(threshold, 2) if threshold < 1 else b.integer(1), **_htmt_levels(b, alpha)),
        "fornell_larcker": "√AVE > r",
        "cross_loadings": "–",
        "formative_convergent": f"≥ {b.bounded(REDUNDANCY_MIN)}",
        "formative_collinearity": f"VIF < {b.integer(int(VIF_MAX))}",
        "formative_weights": b.label("pls_weight_limit", floor=b.bounded(FORMATIVE_LOADING_MIN, 2)),
    }
    loadings = dict(zip(structural.spec.indicators, structural.loadings.sum(axis=1))) | dict(
        zip(r.model.spec.indicators, r.model.loadings.sum(axis=1))
    )
    missed = {**failing, "indicator_reliability": [f"{i} ({b.bounded(loadings[i])})" for i in v.below_threshold()]}
    body = [
        [
            s(b.labels["pls_criteria"][name]),
            d(limits[name]),
            s(", ".join(filter(None, (shown[name](x) for x in missed.get(name, [])))) or "–"),
            b.verdict(f"criterion:{name}", verdict.outcome),
        ]
        for name, verdict in criteria.items()
    ]
    body.append(
        [s(b.labels["pls_criteria"]["measurement_model"], bold=True), d(""), d(""), b.verdict("measurement", v.measurement.outcome, bold=True)]
    )
    partly = criteria["indicator_reliability"].outcome == "partly_met"
    notes = ((b.label("pls_summary_partly_met", threshold=b.bounded(LOADING_MIN), floor=b.bounded(LOADING_FLOOR, 2)),) if partly else ()) + (
        b.labels["pls_summary_comparison_note"],
    )
    table = b.table(
        "pls.summary",
        b.labels["pls_summary_title"],
        [[h(b.col("criterion")), h(b.col("limit")), h(b.col("not_met")), h(b.col("description"))]],
        body,
        notes=notes,
        widths=(3.2, 1.6, 2.6, 1.5),
    )
    sub.blocks += b.say("pls_summary_intro.j2", table=b.ref(table))
    sub.add(table)
    affected = _affected_constructs(r.model.spec, structural.spec, failing)
    sub.blocks += b.say(
        "pls_measurement.j2",
        refs=(table.key,),
        claims=[(f"criterion:{n}", c.outcome) for n, c in criteria.items()] + [("measurement", v.measurement.outcome)],
        table=b.ref(table),
        adequate=v.measurement.passed,
        applied=r.removal_applied,
        removed=list(r.removal.removed),
        to_remove=list(failing.get("indicator_reliability", [])),
        threshold=b.bounded(LOADING_MIN),
        retained=[i for i in v.below_threshold() if v.loadings[i].outcome == "retained"],
        unreliable=[c for c in failing.get("internal_consistency", []) if v.reliability[c].outcome == "unreliable"],
        redundant=[c for c in failing.get("internal_consistency", []) if v.reliability[c].outcome == "redundant"],
        low_ave=failing.get("convergent_validity", []),
        htmt=[f"{a} ↔ {c}" for a, c in failing.get("htmt", [])],
        fornell_larcker=failing.get("fornell_larcker", []),
        cross="cross_loadings" in failing,
        affected=affected,
        all_paths=all(a in affected or t in affected for a, t in structural.spec.paths),
    )
    return sub


def _affected_constructs(measurement: PlsSpec, structural: PlsSpec, failing: dict) -> list[str]:
    """The constructs of the paths (``structural``) the measurement model flags: a flagged
    dimension flags its higher-order construct."""
    hoc_of = {dim: hoc for hoc in structural.higher_order for dim in structural.items[structural.constructs.index(hoc)]}

    def construct_of(item: str) -> str:
        return measurement.construct_of(item) if item in measurement.indicators else structural.construct_of(item)

    flagged = set(failing.get("internal_consistency", [])) | set(failing.get("convergent_validity", []))
    flagged |= {c for pair in failing.get("htmt", []) for c in pair}  # not Fornell–Larcker: reported for comparison only
    flagged |= set(failing.get("formative_convergent", []))
    flagged |= {construct_of(i) for name in ("indicator_reliability", "formative_collinearity", "formative_weights") for i in failing.get(name, [])}
    flagged |= {hoc_of[c] for c in flagged if c in hoc_of}
    return [c for c in structural.constructs if c in flagged and any(c in path for path in structural.paths)]


def outer_model_section(b: Builder, r: PlsStudyResults, number: str) -> Section:
    """a–d the reflective criteria and then the formative constructs (when there are any), of the
    first-order constructs; each higher-order construct (stage two); the summary of them all."""
    section = b.section(b.labels["pls_outer"], 3, number)
    view = measurement_view(r)
    letters = list("abcdefghijklmnopqrstuvwxyz")
    formative = letters[4] if formative_constructs(view) else None
    hocs = list(r.model.spec.higher_order)
    first_hoc = 4 + bool(formative)
    hoc_letters = [f"{letter}." for letter in letters[first_hoc : first_hoc + len(hocs)]]
    summary = letters[first_hoc + len(hocs)]
    settings = pls_model_of(b.study.config)
    section.blocks += b.say(
        "pls_outer_intro.j2",
        citation=CITATION,
        applied=r.removal_applied,
        removable=bool(r.removal.removed),
        controls=[b.name(t.key) for t in r.terms],
        formative=formative,
        higher="–".join(dict.fromkeys([hoc_letters[0][0], hoc_letters[-1][0]])) if hocs else None,
        hocs=hocs,
        repeated=r.model.spec.approach == REPEATED,
        summary=summary,
        weighting=settings.weighting,
        iterations=r.model.iterations,
        most=MAX_ITER,
        resamples=b.integer(settings.bootstrap),
        seed=settings.seed,
    )
    for make, letter in zip((indicator_section, consistency_section, convergent_section, discriminant_section), "abcd"):
        section.add(make(b, view, f"{letter}."))
    if formative:
        section.add(formative_section(b, view, f"{formative}."))
    for sub in higher_order_sections(b, r, hoc_letters):
        section.add(sub)
    section.add(summary_section(b, _summary_view(r, view), f"{summary}.", r.model))
    return section


def _summary_view(r: PlsStudyResults, view: PlsStudyResults) -> PlsStudyResults:
    """The results the summary reads: the first-order constructs' measurement with the verdicts of
    the higher-order constructs (stage two) beside theirs."""
    if not r.model.spec.higher_order:
        return view
    return replace(view, verdicts=r.verdicts)
