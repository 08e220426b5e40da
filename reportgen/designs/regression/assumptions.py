"""5.1.5 Classical assumptions: normality, multicollinearity (with two or more predictors),
heteroscedasticity, autocorrelation; the residual figures described by what they show."""

from __future__ import annotations

from reportgen.designs.regression.analysis import StudyResults
from reportgen.interpret.assumptions import DW_CITATION, LARGE_SAMPLE, TOLERANCE_MIN, VIF_MAX
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Section

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def subsection(b: Builder, parent: Section, title: str) -> Section:
    """A level-4 subsection lettered after those ``parent`` already holds (a., b., c. without gaps)."""
    return b.section(title, 4, f"{LETTERS[sum(isinstance(s, Section) for s in parent.blocks)]}.")


def assumptions_section(b: Builder, results: StudyResults, number: str) -> Section:
    """a. normality, b. multicollinearity (not in a simple regression: one predictor has nothing to
    be collinear with), then heteroscedasticity and autocorrelation, lettered in turn."""
    section = b.section(b.labels["assumptions"], 3, number)
    alpha = b.study.config.settings.alpha
    plots = results.residual_plots
    sub = subsection(b, section, b.labels["normality"])
    norm = results.normality
    verdicts = results.assumptions
    words = b.labels["normality_rows"]
    rows = [
        ("N", b.integer(norm.n)),
        (words["mean"], b.decimal(norm.mean)),
        (words["sd"], b.decimal(norm.sd)),
        (words["skewness"], b.decimal(plots.skewness)),
        (words["kurtosis"], b.decimal(plots.excess_kurtosis)),
        ("Kolmogorov-Smirnov D", b.bounded(norm.ks_d)),
        (words["pp_distance"], b.bounded(plots.pp_distance)),
        (words["asymptotic"], b.p_value(norm.ks_p_asymptotic)),
        (words["lilliefors"], b.p_value(norm.ks_p_lilliefors)),
        ("Shapiro-Wilk W", b.bounded(norm.shapiro_w)),
        (words["shapiro"], b.p_value(norm.shapiro_p)),
    ]
    body = [[s(k), d(v)] for k, v in rows] + [[s(b.col("conclusion")), b.verdict("normality", verdicts.normality.outcome)]]
    table = b.table(
        "normality",
        b.labels["normality_title"],
        [[h(b.col("statistic")), h(b.col("value"))]],
        body,
        notes=(f"α = {b.bounded(alpha, 2)}",),
        widths=(3.5, 1.5),
    )
    sub.blocks += b.say("normality_intro.j2", table=b.ref(table))
    sub.add(table)
    pp = b.figure(
        "pp",
        b.labels["pp_title"],
        "pp_plot",
        {
            "observed": plots.pp_observed,
            "expected": plots.pp_expected,
            "observed_label": b.labels["pp_observed"],
            "expected_label": b.labels["pp_expected"],
        },
        width=0.6,
    )
    hist = b.figure(
        "hist",
        b.labels["hist_title"],
        "histogram",
        {
            "zresid": plots.zresid,
            "xlabel": b.labels["hist_x"],
            "ylabel": b.labels["hist_y"],
            "mean_label": b.labels["hist_mean"],
            "sd_label": b.labels["hist_sd"],
        },
        width=0.6,
    )
    sub.blocks += b.say(
        "normality.j2",
        refs=(table.key,),
        claims=[("normality", verdicts.normality.outcome)],
        table=b.ref(table),
        pp=b.ref(pp),
        hist=b.ref(hist),
        d=b.bounded(norm.ks_d),
        p_lillie=b.p_value(norm.ks_p_lilliefors),
        p_asym=b.p_value(norm.ks_p_asymptotic),
        w=b.bounded(norm.shapiro_w),
        p_sw=b.p_value(norm.shapiro_p),
        alpha=b.bounded(alpha, 2),
        normal=verdicts.normality.passed,
        n=b.integer(norm.n),
        lillie_defined=norm.ks_p_lilliefors is not None,
        sw_defined=norm.shapiro_p is not None,
        sw_normal=verdicts.shapiro.passed is not False,
        asym_normal=verdicts.kolmogorov_uncorrected.passed,
        distance=b.bounded(plots.pp_distance),
        skewness=b.decimal(plots.skewness),
        kurtosis=b.decimal(plots.excess_kurtosis),
        simple=results.simple,
        large=verdicts.large_sample.passed,
        large_n=b.integer(LARGE_SAMPLE),
    )
    sub.add(pp)
    sub.add(hist)
    section.add(sub)

    if not results.simple:
        section.add(multicollinearity_section(b, section, results))
    section.add(heteroscedasticity_section(b, section, results))
    section.add(autocorrelation_section(b, section, results))
    return section


def multicollinearity_section(b: Builder, parent: Section, results: StudyResults) -> Section:
    sub = subsection(b, parent, b.labels["multicollinearity"])
    reg = results.regression
    verdicts = results.assumptions
    body = []
    tolerances: list[float] = []
    vifs: list[float] = []
    for name in reg.predictors:
        c = reg.coefficients[name]
        assert c.tolerance is not None and c.vif is not None  # defined for every predictor of a multiple regression
        tolerances.append(c.tolerance)
        vifs.append(c.vif)
        body.append(
            [
                s(b.labelled(name)),
                d(b.bounded(c.tolerance)),
                d(b.decimal(c.vif)),
                b.verdict(f"multicollinearity:{name}", verdicts.multicollinearity[name].outcome),
            ]
        )
    flagged = [name for name in reg.predictors if verdicts.multicollinearity[name].passed is False]
    table = b.table(
        "multicollinearity",
        b.labels["multicollinearity_title"],
        [
            [
                h(b.col("variable")),
                h(f"{b.col('tolerance')} (> {b.bounded(TOLERANCE_MIN, 2)})"),
                h(f"{b.col('vif')} (< {b.integer(int(VIF_MAX))})"),
                h(b.col("description")),
            ]
        ],
        body,
        widths=(3, 1.5, 1.3, 2.6),
    )
    sub.blocks += b.say("multicollinearity_intro.j2", table=b.ref(table), tol=b.bounded(TOLERANCE_MIN, 2), vif=b.integer(int(VIF_MAX)))
    sub.add(table)
    sub.blocks += b.say(
        "multicollinearity.j2",
        refs=(table.key,),
        claims=[(f"multicollinearity:{n}", verdicts.multicollinearity[n].outcome) for n in reg.predictors],
        table=b.ref(table),
        tol_min=b.bounded(min(tolerances)),
        tol_max=b.bounded(max(tolerances)),
        vif_min=b.decimal(min(vifs)),
        vif_max=b.decimal(max(vifs)),
        flagged=flagged,
        tol=b.bounded(TOLERANCE_MIN, 2),
        vif=b.integer(int(VIF_MAX)),
    )
    return sub


def heteroscedasticity_section(b: Builder, parent: Section, results: StudyResults) -> Section:
    """The scatterplot, the table of both tests (Glejser per predictor, the studentized
    Breusch–Pagan test, and the one verdict they give; the spread of SRESID by thirds of ZPRED in
    its notes) and the sentences: the tests decide, where they disagree the text says so, and
    which standard errors the hypothesis tests use follows; the figure is described by its numbers."""
    sub = subsection(b, parent, b.labels["heteroscedasticity"])
    alpha = b.study.config.settings.alpha
    verdicts = results.assumptions
    plots = results.residual_plots
    het = results.heteroscedasticity
    fig = b.figure(
        "scatter",
        b.labels["scatter_title"],
        "scatter",
        {
            "zpred": plots.zpred,
            "sresid": plots.sresid,
            "xlabel": b.labels["scatter_x"],
            "ylabel": b.labels["scatter_y"],
            "bounds": plots.spread.bounds,
        },
        width=0.62,
        file="scatterplot",
    )
    body = [
        [
            s(f"Glejser: {b.labelled(n)}"),
            d(b.decimal(g.b)),
            d(b.decimal(g.se)),
            d(b.decimal(g.t)),
            d(b.p_value(g.p)),
            b.verdict(f"glejser:{n}", verdicts.glejser[n].outcome),
        ]
        for n, g in het.glejser.items()
    ]
    body.append(
        [
            s(b.labels["breusch_pagan_row"]),
            d(f"LM = {b.decimal(het.bp_lm)}; df = {b.integer(het.bp_df)}", colspan=3),
            d(b.p_value(het.bp_p)),
            b.verdict("breusch_pagan", verdicts.breusch_pagan.outcome),
        ]
    )
    body.append(
        [
            s(b.labels["heteroscedasticity_conclusion_row"], colspan=5, bold=True),
            b.verdict("heteroscedasticity", verdicts.heteroscedasticity.outcome, bold=True),
        ]
    )
    spread = plots.spread
    sds = [b.decimal(v) for v in spread.sd]
    ratio = b.decimal(spread.ratio) if spread.ratio is not None else None
    spread_note = b.label(
        "spread_note", sds="; ".join(sds), sizes="; ".join(b.integer(n) for n in spread.n), ratio=ratio if ratio is not None else "–"
    )
    table = b.table(
        "glejser",
        b.labels["glejser_title"],
        [[h(b.col("test")), h(b.col("b")), h(b.col("se")), h(b.col("t")), h(f"{b.col('p')} (α = {b.bounded(alpha, 2)})"), h(b.col("description"))]],
        body,
        notes=(b.labels["residual_dependent_note"], b.label("heteroscedasticity_rule_note", alpha=b.bounded(alpha, 2)), spread_note),
        widths=(3, 1, 1.1, 1, 1.3, 2.6),
        small=True,
    )
    flagged = [n for n in het.glejser if verdicts.glejser[n].passed is False]
    sub.blocks += b.say("heteroscedasticity_intro.j2", figure=b.ref(fig), table=b.ref(table))
    sub.add(fig)
    sub.add(table)
    sig_p = [g.p for g in het.glejser.values()]
    claims = [(f"glejser:{n}", verdicts.glejser[n].outcome) for n in het.glejser]
    claims += [("breusch_pagan", verdicts.breusch_pagan.outcome), ("heteroscedasticity", verdicts.heteroscedasticity.outcome)]
    from reportgen.designs.regression.explain_chapter import RANGES, stripes  # it letters its subsection with subsection() above

    striped, striped_claims = stripes(
        b, results.explained, results.regression.dependent
    )  # a dependent of restricted range draws the scatterplot in stripes
    refs = (table.key,) + ((RANGES,) if striped else ())
    sub.blocks += b.say(
        "heteroscedasticity.j2",
        refs=refs,
        claims=claims + striped_claims,
        figure=b.ref(fig),
        table=b.ref(table),
        flagged=flagged,
        p_min=b.p_value(min(sig_p)),
        alpha=b.bounded(alpha, 2),
        bp=b.decimal(het.bp_lm),
        bp_p=b.p_value(het.bp_p),
        bp_ok=verdicts.breusch_pagan.passed,
        tested=list(het.glejser),
        spread="; ".join(sds),
        ratio=ratio,
        heteroscedastic=verdicts.heteroscedasticity.passed is False,
        agree=verdicts.heteroscedasticity_tests_agree,
        robust=b.study.config.settings.robust,
        hc3=results.uses_hc3,
        stripes=striped,
    )
    return sub


def autocorrelation_section(b: Builder, parent: Section, results: StudyResults) -> Section:
    sub = subsection(b, parent, b.labels["autocorrelation"])
    alpha = b.study.config.settings.alpha
    reg = results.regression
    verdicts = results.assumptions
    dw = results.durbin_watson
    rows = [
        ("d (Durbin-Watson)", b.decimal(dw.d)),
        ("dL", b.decimal(dw.dl)),
        ("dU", b.decimal(dw.du)),
        ("4 − dU", b.decimal(4 - dw.du) if dw.du is not None else "–"),
        ("4 − dL", b.decimal(4 - dw.dl) if dw.dl is not None else "–"),
        (b.labels["dw_p_exact" if dw.dl is not None else "dw_p_approximate"], b.p_value(dw.p)),
        (b.labels["dw_p_exact_negative" if dw.dl is not None else "dw_p_approximate_negative"], b.p_value(dw.p_negative)),
    ]
    zone = verdicts.autocorrelation
    body = [[s(k), d(v)] for k, v in rows] + [[s(b.col("zone")), b.verdict("dw_zone", zone.outcome, "dw_zones")]]
    table = b.table(
        "dw",
        b.labels["dw_title"],
        [[h(b.col("statistic")), h(b.col("value"))]],
        body,
        notes=(f"n = {reg.n}, k = {len(reg.predictors)}, α = {b.bounded(alpha, 2)} ({DW_CITATION})",),
        widths=(3, 3),
    )
    sub.blocks += b.say("autocorrelation_intro.j2", table=b.ref(table), citation=DW_CITATION, level=b.significance_level())
    sub.add(table)
    side = verdicts.autocorrelation_side
    exact_p = verdicts.negative_autocorrelation if side == "negative" else verdicts.positive_autocorrelation
    sub.blocks += b.say(
        "autocorrelation.j2",
        refs=(table.key,),
        claims=[("dw_zone", zone.outcome)],
        table=b.ref(table),
        d=b.decimal(dw.d),
        dl=b.decimal(dw.dl),
        du=b.decimal(dw.du),
        four_du=b.decimal(4 - dw.du) if dw.du is not None else "",
        four_dl=b.decimal(4 - dw.dl) if dw.dl is not None else "",
        p=b.p_value(exact_p.value),
        side=side,
        zone=results.dw_zone,
        n=b.integer(reg.n),
        k=len(reg.predictors),
        alpha=b.bounded(alpha, 2),
        p_ok=exact_p.passed is not False,
        exact=dw.dl is not None,
        agrees=verdicts.exact_p_agrees,
    )
    return sub
