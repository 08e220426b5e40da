"""The repeated-measures chapter: profile, answers and three-box index of each measurement,
validity, reliability, then the change across the measurements (their scores and a figure of the
means, the diagnostics, the chosen test with the other family's as a check, every pair with
Holm's adjustment), the hypotheses, the discussion and what a one-group design cannot claim."""

from __future__ import annotations

from reportgen.designs.repeated.analysis import Change, Omnibus, RepeatedStudyResults
from reportgen.designs.repeated.gains import compared_columns, gain_words, group_powers, interaction_words, within_groups
from reportgen.designs.repeated.groups import group_change_section
from reportgen.designs.survey.chapter import chapter
from reportgen.designs.survey.descriptives import descriptives_section
from reportgen.designs.survey.discussion import answers_paragraphs, literature_paragraphs
from reportgen.designs.survey.groups_chapter import df_text, effect_number
from reportgen.designs.survey.measurement import reliability_section, validity_section
from reportgen.designs.survey.profile import profile_section
from reportgen.interpret.effects import Effect
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Document, Paragraph, Section, Table


def _effect_text(b: Builder, effect) -> str:
    """'dz = 0,756 [0,470; 1,038]'; without an interval for η²G and Kendall's W."""
    if effect.value != effect.value:
        return "–"
    text = f"{b.labels['repeated_effects'][effect.kind]} = {effect_number(b, effect, effect.value)}"
    if effect.ci_low == effect.ci_low:
        text += f" [{effect_number(b, effect, effect.ci_low)}; {effect_number(b, effect, effect.ci_high)}]"
    return text


def _df(b: Builder, df: tuple[float, ...]) -> str:
    return df_text(b, df) or "–"


def _number(b: Builder, test: str, value: float) -> str:
    """A test statistic as printed: Wilcoxon's V, a sum of ranks, whole or in halves ('1.318',
    '402,5'); the others with three decimals."""
    return b.trimmed(value, 1) if test == "wilcoxon" else b.decimal(value)


def _statistic(b: Builder, o: Omnibus) -> str:
    return f"{b.labels['repeated_symbols'][o.test]} = {_number(b, o.test, o.statistic)}" if o.statistic == o.statistic else "–"


def _measure(b: Builder, code: str) -> str:
    return b.labelled(code)


def measures_table(b: Builder, c: Change) -> Table:
    """Measurement | n | mean [CI] | SD | median (Q1–Q3) | min–max | mean rank."""
    cols = b.labels["repeated_cols"]
    header = [
        h(cols["measure"]),
        h("n"),
        h(b.col("mean")),
        h(b.col("ci", level=b.confidence())),
        h(cols["sd"]),
        h(cols["median"]),
        h(cols["range"]),
        h(cols["mean_rank"]),
    ]
    body = [
        [
            s(_measure(b, m.code)),
            d(b.integer(m.n)),
            d(b.decimal(m.mean, 2)),
            d(f"[{b.decimal(m.ci[0], 2)}; {b.decimal(m.ci[1], 2)}]"),
            d(b.decimal(m.sd, 2)),
            d(f"{b.decimal(m.median, 2)} ({b.decimal(m.q1, 2)}–{b.decimal(m.q3, 2)})"),
            d(f"{b.decimal(m.low, 2)}–{b.decimal(m.high, 2)}"),
            d(b.decimal(m.mean_rank, 2)),
        ]
        for m in c.summaries
    ]
    return b.table(
        "repeated.measures",
        b.labels["repeated_measures_title"],
        [header],
        body,
        notes=(b.label("repeated_measures_note", score=b.labels["repeated_scores"][b.study.config.model.score]),),
        widths=(3.8, 0.6, 0.9, 1.6, 0.8, 1.7, 1.2, 1.0),
        small=True,
    )


def diagnostics_table(b: Builder, c: Change) -> Table:
    """The normality of the differences or residuals, Mauchly's test and the ε of the correction."""
    cols = b.labels["repeated_cols"]
    k = len(c.measures)
    rows = [
        [
            s(b.label("repeated_normality_row", of=b.labels["repeated_normality_of"]["differences" if k == 2 else "residuals"])),
            d(f"W = {b.bounded(c.normality_w)}" if c.normality_w is not None else "–"),
            d(b.p_value(c.normality_p) if c.normality_p is not None else "–"),
            b.verdict("repeated:normality", c.normality.outcome),
        ]
    ]
    if c.anova is not None:
        a = c.anova
        rows += [
            [
                s(cols["mauchly"]),
                d(f"W = {b.bounded(a.mauchly_w)}" if a.mauchly_w is not None else "–"),
                d(b.p_value(a.mauchly_p) if a.mauchly_p is not None else "–"),
                b.verdict("repeated:sphericity", c.sphericity.outcome, "repeated_words"),
            ],
            [
                s(cols["epsilon"]),
                d(f"ε GG = {b.bounded(a.gg_epsilon)}; ε HF = {b.decimal(a.hf_epsilon)}"),
                d("–"),
                b.verdict("repeated:correction", c.correction.outcome, "repeated_words"),
            ],
        ]
    two = k == 2  # sphericity holds by definition with two measurements: no Mauchly, no ε
    return b.table(
        "repeated.diagnostics",
        b.labels["repeated_diagnostics_title_two" if two else "repeated_diagnostics_title"],
        [[h(b.col("test")), h(b.col("statistic")), h(b.col("p")), h(b.col("description"))]],
        rows,
        notes=(b.label("repeated_diagnostics_note_two" if two else "repeated_diagnostics_note", alpha=b.bounded(b.study.config.settings.alpha, 2)),),
        widths=(3.4, 2.6, 1.0, 2.0),
        small=True,
    )


def tests_table(b: Builder, c: Change) -> Table:
    """The chosen test and the check: statistic, df, p, effect size [CI], its band, the result."""
    cols = b.labels["repeated_cols"]
    rows = []
    for role, o, verdict, subject in (
        ("chosen", c.chosen, c.difference, "repeated:difference"),
        ("check", c.check, c.check_difference, "repeated:check"),
    ):
        band = c.size if role == "chosen" else None
        rows.append(
            [
                s(f"{b.labels['repeated_tests'][o.test]} ({cols[role]})"),
                d(_statistic(b, o)),
                d(_df(b, o.df)),
                d(b.p_value(o.p) if o.p == o.p else "–"),
                d(_effect_text(b, o.effect)),
                b.verdict("repeated:size", band.outcome, "repeated_sizes") if band is not None else d("–"),
                b.verdict(subject, verdict.outcome, "group_words"),
            ]
        )
    notes = [b.label(f"repeated_tests_note_{c.chosen.test}", level=b.confidence())]
    if c.anova is not None:
        notes.append(b.labels["repeated_df_note"][c.correction.outcome])
    return b.table(
        "repeated.tests",
        b.labels["repeated_tests_title"],
        [[h(b.col("test")), h(b.col("statistic")), h("df"), h(b.col("p")), h(b.col("effect_size")), h(b.col("category")), h(b.col("description"))]],
        rows,
        notes=tuple(notes),
        widths=(2.8, 1.2, 1.2, 0.9, 2.4, 1.0, 1.4),
        small=True,
    )


def pairs_table(b: Builder, c: Change) -> Table:
    """Pair (later − earlier) | mean difference [CI] | t or V | df | Sig. (Holm) | effect size [CI] | band | result."""
    cols = b.labels["repeated_cols"]
    body = []
    for p in c.pairs:
        key = (p.first, p.second)
        ci = f" [{b.decimal(p.test.ci[0], 2)}; {b.decimal(p.test.ci[1], 2)}]" if p.test.ci else ""
        body.append(
            [
                s(f"{p.second}\u00a0−\u00a0{p.first}"),  # one line: no-break spaces
                d(f"{b.decimal(p.test.mean_difference, 2)}{ci}"),
                d(f"{b.labels['repeated_symbols'][p.test.test]} = {_number(b, p.test.test, p.test.statistic)}"),
                d(_df(b, (p.test.df,) if p.test.df is not None else ())),
                d(b.p_value(p.p_holm)),
                d(_effect_text(b, p.effect)),
                b.verdict(f"repeated:size:{p.first}|{p.second}", c.pair_sizes[key].outcome, "repeated_sizes"),
                b.verdict(f"repeated:{p.first}|{p.second}", c.pair_differences[key].outcome, "group_words"),
            ]
        )
    return b.table(
        "repeated.pairs",
        b.labels["repeated_pairs_title"],
        [
            [
                h(cols["pair"]),
                h(cols["difference"]),
                h(b.col("statistic")),
                h("df"),
                h(cols["p_holm"]),
                h(b.col("effect_size")),
                h(b.col("category")),
                h(b.col("description")),
            ]
        ],
        body,
        notes=(b.label(f"repeated_pairs_note_{'rank' if c.rank else 'mean'}", level=b.confidence()),),
        widths=(1.8, 1.9, 1.3, 0.6, 1.0, 2.3, 1.0, 1.3),
        small=True,
    )


def _omnibus_words(b: Builder, c: Change) -> dict:
    """The chosen test's result as the sentences print it: symbol, statistic, df, p, effect size and band."""
    return {
        "symbol": b.own(b.labels["repeated_symbols"][c.chosen.test]),
        "statistic": _number(b, c.chosen.test, c.chosen.statistic),
        "df": _df(b, c.chosen.df) if c.chosen.df else "",
        "p": b.p_value(c.chosen.p),
        "effect": _effect_text(b, c.chosen.effect),
        "size": b.labels["repeated_sizes"][c.size.outcome].lower() if c.size else "",
    }


def _change_words(b: Builder, c: Change) -> dict:
    """What the sentences of the change section say, formatted."""
    return {
        "k": len(c.measures),
        "setting": b.study.config.settings.repeated_test,
        "test": b.labels["repeated_test_names"][c.chosen.test],
        "check_test": b.labels["repeated_test_names"][c.check.test],
        "rank": c.rank,
        **_omnibus_words(b, c),
        "outcome": c.difference.outcome,
        "check_p": b.p_value(c.check.p),
        "check_agrees": c.check_difference.outcome == c.difference.outcome,
        "normality": c.normality.outcome,
        "normality_w": b.bounded(c.normality_w) if c.normality_w is not None else "",
        "normality_p": b.p_value(c.normality_p) if c.normality_p is not None else "",
        "sphericity": c.sphericity.outcome,
        "mauchly_w": b.bounded(c.anova.mauchly_w) if c.anova and c.anova.mauchly_w is not None else "",
        "mauchly_p": b.p_value(c.anova.mauchly_p) if c.anova and c.anova.mauchly_p is not None else "",
        "gg": b.bounded(c.anova.gg_epsilon) if c.anova else "",
        "hf": b.decimal(c.anova.hf_epsilon) if c.anova else "",
        "correction": c.correction.outcome,
        "measures": [{"name": _measure(b, m.code), "mean": b.decimal(m.mean, 2)} for m in c.summaries],
        "equal": len({b.decimal(m.mean, 2) for m in c.summaries}) == 1,  # as printed
        "highest": _measure(b, max(c.summaries, key=lambda m: m.mean).code),
        "lowest": _measure(b, min(c.summaries, key=lambda m: m.mean).code),
    }


def change_section(b: Builder, r: RepeatedStudyResults, number: str) -> Section:
    """x.y Change across the measurements."""
    c = r.change
    words = _change_words(b, c)
    section = b.section(b.labels["repeated"], 3, number)
    section.blocks += b.say("repeated_intro.j2", w=words)
    scores = measures_table(b, c)
    figure = b.figure(
        "repeated.means",
        b.labels["repeated_figure_title"],
        "measure_means",
        {
            "labels": list(c.measures),
            "means": [m.mean for m in c.summaries],
            "lows": [m.ci[0] for m in c.summaries],
            "highs": [m.ci[1] for m in c.summaries],
            "ylabel": b.labels["repeated_figure_axis"],
        },
        width=0.6,
    )
    section.add(scores)
    section.add(figure)
    section.blocks += b.say("repeated_scores.j2", refs=(scores.key,), table=b.ref(scores), figure=b.ref(figure), w=words)
    diagnostics = diagnostics_table(b, c)
    section.add(diagnostics)
    claims = [("repeated:normality", c.normality.outcome)]
    if c.anova is not None:
        claims += [("repeated:sphericity", c.sphericity.outcome), ("repeated:correction", c.correction.outcome)]
    section.blocks += b.say("repeated_diagnostics.j2", refs=(diagnostics.key,), claims=claims, table=b.ref(diagnostics), w=words)
    tests = tests_table(b, c)
    section.add(tests)
    section.blocks += b.say(
        "repeated_result.j2",
        refs=(tests.key,),
        claims=[("repeated:difference", c.difference.outcome), ("repeated:check", c.check_difference.outcome)],
        table=b.ref(tests),
        w=words,
    )
    if len(c.measures) > 2:
        pairs = pairs_table(b, c)
        section.add(pairs)
        found = [p for p in c.pairs if c.pair_differences[(p.first, p.second)].passed]
        section.blocks += b.say(
            "repeated_pairs.j2",
            refs=(pairs.key,),
            claims=[(f"repeated:{p.first}|{p.second}", c.pair_differences[(p.first, p.second)].outcome) for p in c.pairs],
            table=b.ref(pairs),
            w=words,
            found=[_pair_words(b, c, p) for p in found],
            others=[_pair_words(b, c, p) for p in c.pairs if p not in found],
        )
    return section


def _pair_words(b: Builder, c: Change, p) -> dict:
    return {
        "first": p.first,
        "second": p.second,
        "first_mean": b.decimal(c.summary(p.first).mean, 2),
        "second_mean": b.decimal(c.summary(p.second).mean, 2),
        "rises": (p.effect.value if c.rank else p.test.mean_difference) > 0,
        "p": b.p_value(p.p_holm),
        "effect": _effect_text(b, p.effect),
        "size": b.labels["repeated_sizes"][c.pair_sizes[(p.first, p.second)].outcome].lower(),
    }


def _hypothesis_words(b: Builder, r: RepeatedStudyResults, name: str) -> dict:
    """A hypothesis as its sentence and the discussion say it."""
    hyp, c = r.hypotheses[name], r.change
    config = b.study.config.hypotheses[name]
    words = {
        "h": name,
        "kind": hyp.kind,
        "supported": hyp.decision.supported,
        "reason": hyp.decision.reason,
        "expect": hyp.expect,
        "compared": compared_columns(b, r),
    }
    if hyp.kind == "gain":
        return words | gain_words(b, r, name)
    if hyp.kind == "interaction":
        return words | interaction_words(b, r, name)
    if hyp.kind == "omnibus":
        return (
            words
            | _omnibus_words(b, c)
            | {
                "test": b.labels["repeated_test_names"][c.chosen.test],
                "table_test": b.labels["repeated_tests"][c.chosen.test],
                "measures": [_measure(b, m) for m in c.measures],
            }
        )
    first, second = config.steps()
    pair, _ = c.pair(first, second)
    before, after = c.summary(first), c.summary(second)
    return words | {
        "within": within_groups(b, r, first, second),
        "first": _measure(b, first),
        "second": _measure(b, second),
        "first_mean": b.decimal(before.mean, 2),
        "second_mean": b.decimal(after.mean, 2),
        "first_median": b.decimal(before.median, 2),
        "second_median": b.decimal(after.median, 2),
        "rises": hyp.decision.sign == "positive",
        "symbol": b.own(b.labels["repeated_symbols"][pair.test.test]),
        "statistic": _number(b, pair.test.test, hyp.decision.statistic),
        "df": _df(b, (pair.test.df,)) if pair.test.df is not None else "",
        "p": b.p_value(hyp.decision.p),
        "holm": len(c.measures) > 2,
        "one_tailed": b.study.config.settings.tails == "one" and hyp.expect != "any",
        "effect": _effect_text(b, pair.effect),
        "size": b.labels["repeated_sizes"][c.pair_sizes[(pair.first, pair.second)].outcome].lower(),
        "rank": c.rank,
        "test": b.labels["repeated_test_names"][pair.test.test],
        "table_test": b.labels["repeated_tests"][pair.test.test],
    }


def hypotheses_table(b: Builder, r: RepeatedStudyResults) -> Table:
    """Hypothesis | measurements | test | statistic | Sig. | decision."""
    body = []
    for name, hyp in r.hypotheses.items():
        words = _hypothesis_words(b, r, name)
        what = " → ".join(hyp.source + (hyp.target,)) if hyp.kind in ("pair", "gain") else ", ".join(r.change.measures)
        if hyp.kind in ("gain", "interaction"):
            what += f" × {words['column']}"
        statistic = f"{words['symbol']} = {words['statistic']}" if hyp.decision.statistic == hyp.decision.statistic else "–"
        body.append([d(name), s(what), s(words["table_test"]), d(statistic), d(words["p"]), b.verdict(f"hypothesis:{name}", hyp.decision.outcome)])
    return b.table(
        "repeated.hypotheses",
        b.labels["repeated_hypotheses_title"],
        [
            [
                h(b.col("hypothesis")),
                h(b.labels["repeated_cols"]["measures"]),
                h(b.col("test")),
                h(b.col("statistic")),
                h(b.col("p")),
                h(b.col("decision")),
            ]
        ],
        body,
        notes=(
            b.label(
                "repeated_hypotheses_note", alpha=b.bounded(b.study.config.settings.alpha, 2), tails=b.labels["tails"][b.study.config.settings.tails]
            ),
        ),
        widths=(1.0, 2.2, 2.6, 1.4, 1.0, 1.4),
        small=True,
    )


def hypotheses_section(b: Builder, r: RepeatedStudyResults, number: str) -> Section | None:
    """x.y Hypothesis tests: the table of decisions and one paragraph per hypothesis."""
    if not r.hypotheses:
        return None
    section = b.section(b.labels["hypotheses"], 3, number)
    table = hypotheses_table(b, r)
    section.add(table)
    for name, hyp in r.hypotheses.items():
        section.blocks += b.say(
            "repeated_hypothesis.j2",
            refs=(table.key,),
            claims=[(f"hypothesis:{name}", hyp.decision.outcome)],
            table=b.ref(table),
            r=_hypothesis_words(b, r, name),
        )
    return section


def discussion_section(b: Builder, r: RepeatedStudyResults, number: str) -> Section:
    """x.2: per hypothesis what the test shows and how large the change is, what the answers at the
    later measurement say (three-box index), the earlier studies or the author's text."""
    section = b.section(b.labels["discussion"], 2, number)
    section.blocks += b.say("repeated_discussion_intro.j2", compared=compared_columns(b, r))
    constructs = r.described.constructs
    described_in: dict[str, str] = {}  # measurement → the hypothesis whose discussion described its answers
    for k, (name, hyp) in enumerate(r.hypotheses.items(), start=1):
        words = _hypothesis_words(b, r, name)
        title = b.label(f"repeated_discussion_{hyp.kind}", first=hyp.source[0], second=hyp.target, label=words.get("column", ""))
        sub = b.section(f"{name}: {title}", 3, f"{number}.{k}")
        sub.blocks += b.say("repeated_discussion.j2", claims=[(f"hypothesis:{name}", hyp.decision.outcome)], r=words)
        later = hyp.target
        if hyp.kind == "pair" and later in described_in:
            sub.blocks += b.say("discussion_index_again.j2", name=b.name(later), h=described_in[later])
        elif hyp.kind == "pair":
            # the answers at the later measurement, described as those of a test's dependent (no coefficient to tie them to)
            effect = Effect(name, "simultaneous", (later,), 0.0, hyp.decision.statistic, "", hyp.decision.p, hyp.decision)
            sub.blocks += answers_paragraphs(b, effect, later, constructs[later])
            described_in[later] = name
        sub.blocks += literature_paragraphs(b, name, hyp.decision.supported)
        section.add(sub)
    return section


def limitations_section(b: Builder, r: RepeatedStudyResults, number: str) -> Section:
    """x.3: what a one-group design with repeated measurements cannot claim (Shadish, Cook &
    Campbell, 2002), the respondents lost between measurements, and the author's own limitations."""
    power = r.power
    section = b.section(b.labels["limitations"], 2, number)
    section.blocks += b.say(
        "repeated_limitations.j2",
        k=len(r.change.measures),
        n=b.integer(r.n_used),
        small=b.bounded(power.small, 2),
        medium=b.bounded(power.medium, 2),
        detectable=b.decimal(power.detectable, 2),
        level=b.trimmed(100 * power.level) + "%",
        alpha=b.bounded(b.study.config.settings.alpha, 2),
        lost=b.integer(r.n_excluded),
        lost_count=r.n_excluded,
        total=b.integer(r.n_used + r.n_excluded),
        secondary=b.study.config.data.source.type == "secondary",
        compared=compared_columns(b, r),
        group_powers=group_powers(b, r),
    )
    section.blocks += [Paragraph(t.get(b.lang)) for t in b.study.config.study.limitations]
    return section


def build_chapter(b: Builder, results: RepeatedStudyResults) -> Document:
    view = results.described
    makers = [
        lambda n: profile_section(b, view, n),
        lambda n: descriptives_section(b, view, n),
        lambda n: validity_section(b, view, n),
        lambda n: reliability_section(b, view, n),
        lambda n: change_section(b, results, n),
        lambda n: group_change_section(b, results, n),
        lambda n: hypotheses_section(b, results, n),
    ]
    return chapter(
        b,
        view.n_used,
        view.n_excluded,
        makers,
        lambda n: discussion_section(b, results, n),
        described=view,
        closing=lambda n: limitations_section(b, results, n),
    )
