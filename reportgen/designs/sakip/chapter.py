"""The SAKIP evaluation report (Laporan Hasil Evaluasi AKIP) as a document."""

from __future__ import annotations

from decimal import Decimal

from reportgen.designs.sakip.actions import finding_action
from reportgen.designs.sakip.findings import target_grade
from reportgen.designs.sakip.letter import recap_letter
from reportgen.designs.sakip.letterhead import letterhead_of
from reportgen.designs.sakip.signature import signature
from reportgen.interpret.sakip import citation, common_weaknesses, extremes, severity_score, with_ties
from reportgen.report.builder import SakipBuilder, d, h, s
from reportgen.report.document import Document, Section, Table
from reportgen.report.numbering import in_reading_order
from reportgen.words.locale import MINUS, fmt, join_list

COMMON_SHOWN = 5  # the weaknesses common to units that the recapitulation lists
TREND_MOST = 30  # reportgen.figures.pages.TREND_MOST: panels of one trend chart at most


def _name(code: str, lang: str, config, names: dict[str, str]) -> str:
    """A component's or sub-component's name: the study's own, else the framework's (labels.yaml ``sakip_names``)."""
    if config.components:
        for c_code, spec in config.components.items():
            if c_code == code and spec.name is not None:
                return spec.name.get(lang)
            for s_code, sub in spec.subcomponents.items():
                if s_code == code and sub.name is not None:
                    return sub.name.get(lang)
    return names.get(code, code)


def build_chapter(b: SakipBuilder, results) -> Document:
    """The evaluation report: summary, introduction, results of all units, one section per unit, closing."""
    config = b.study.config
    lang = b.lang
    name = lambda code: _name(code, lang, config, b.labels["sakip_names"])  # noqa: E731

    def unit_name(unit: str) -> str:
        return config.units.get(unit, unit)

    doc = Document(
        lang=lang,
        chapter_label=b.labels["sakip_report"],
        title=config.study.title.get(lang),
        study_title=config.study.title.get(lang),
        author=config.study.author,
        year=config.study.year,
        contents_title=b.labels["contents"],
        first_page=config.study.first_page,
    )
    units = sorted(results.units.values(), key=lambda u: (u.rank, u.unit))
    fw = results.framework
    bands = fw.bands
    order = [p for p, _ in bands]
    counts = {p: sum(1 for u in units if results.predicates[u.unit] == p) for p in order}
    government = config.study.government.get(lang) if config.study.government else ""
    doc.letter = recap_letter(b, config, results, government)
    doc.letterhead = letterhead_of(b, config, results.logo) if doc.letter else None

    # results table first (the summary cites it)
    results_table, dist_table = _results_tables(b, results, units, name, unit_name, counts)
    doc.sections.append(_summary(b, results, units, unit_name, counts, government, results_table, dist_table))
    doc.sections.append(_introduction(b, results, units, name, unit_name, government, results_table, dist_table))
    doc.sections.append(_results_section(b, results, units, unit_name, counts, results_table, dist_table))

    unit_sections = config.recap.unit_sections  # false for a province-sized set: each unit has its LHE
    if unit_sections:
        per_unit = b.section(b.labels["sakip_per_unit"], 2, "4")
        for k, u in enumerate(units, start=1):
            per_unit.add(_unit_section(b, results, u, f"4.{k}", unit_name(u.unit), name, config.settings.weakest))
        doc.sections.append(per_unit)

    closing = _closing(b, results, units, name, government, "5" if unit_sections else "4")
    doc.sections.append(closing)
    in_reading_order(doc, b.labels["table"], b.labels["figure"])
    return doc


def _summary(b: SakipBuilder, results, units: list, unit_name, counts: dict, government: str, results_table, dist_table) -> Section:
    """1 Ringkasan Eksekutif: the units' mean and predicate, how many at each predicate, the highest and
    the lowest, the changes from last year (it cites the results tables, made before it)."""
    config = b.study.config
    order = [p for p, _ in results.framework.bands]
    improved, declined = _changes(units)
    summary = b.section(b.labels["sakip_summary"], 2, "1")
    best, worst = extremes({u.unit: u.total for u in units})
    summary.blocks += b.say(
        "sakip_summary.j2",
        refs=(results_table.key, dist_table.key),
        n=b.integer(len(units)),
        year=str(results.year),
        government=government,
        mean=b.decimal(results.overall_total, 2),
        predicate=results.government_predicate,
        counts=[{"p": p, "n": b.integer(counts[p])} for p in order if counts[p]],
        best=join_list([unit_name(u) for u in best], b.lang),
        best_total=b.decimal(results.units[best[0]].total, 2),
        best_p=results.predicates[best[0]],
        best_n=len(best),
        even=len(best) == len(units),
        worst=join_list([unit_name(u) for u in worst], b.lang),
        worst_total=b.decimal(results.units[worst[0]].total, 2),
        worst_p=results.predicates[worst[0]],
        worst_n=len(worst),
        improved=b.integer(len(improved)),
        declined=b.integer(len(declined)),
        history=any(u.history for u in units),
        table=b.ref(results_table),
        unit_sections=config.recap.unit_sections,
        letters=config.letter is not None,
    )
    return summary


def _results_section(b: SakipBuilder, results, units: list, unit_name, counts: dict, results_table, dist_table) -> Section:
    """3 Hasil Evaluasi: the results and distribution tables, the predicates' chart, the ranking
    charts (the highest and the lowest of a province's units) and, with earlier years, the trends."""
    order = [p for p, _ in results.framework.bands]
    res = b.section(b.labels["sakip_results"], 2, "3")
    res.blocks += b.say("sakip_results_intro.j2", table=b.ref(results_table), year=str(results.year))
    res.add(results_table)
    res.add(dist_table)
    fig = b.figure(
        "sakip.dist", b.labels["sakip_distribution_figure"], "predicates", {"counts": counts, "ylabel": b.labels["sakip_count"]}, width=0.6
    )
    res.add(fig)
    ranked = [(unit_name(u.unit), u.total, results.predicates[u.unit]) for u in units]
    ends = len(ranked) > RANKING_ALL  # a province's units: the highest and the lowest drawn, all of them in the results table
    shown = [("top", ranked[:RANKING_ENDS]), ("bottom", ranked[-RANKING_ENDS:])] if ends else [("", ranked)]
    rankings = []
    for end, part in shown:
        title = b.label(f"sakip_ranking_{end}", n=b.integer(len(part))) if end else b.labels["sakip_ranking_figure"]
        rankings += figure_parts(
            b,
            f"sakip.ranking{'.' + end if end else ''}",
            title,
            "ranking",
            0.95,
            [t[0] for t in part],
            lambda a, z, part=part: {"totals": part[a:z], "xlabel": b.labels["sakip_total"]},
            file=f"ranking-{end}" if end else None,
        )
    for part in rankings:
        res.add(part)
    res.blocks += b.say(
        "sakip_distribution.j2",
        refs=(dist_table.key,),
        table=b.ref(dist_table),
        figure=b.ref(fig),
        ranking=refs(b, rankings),
        ranking_n=len(rankings),
        ends=b.integer(RANKING_ENDS) if ends else "",
        results_table=b.ref(results_table),
        counts=[{"p": p, "n": b.integer(counts[p])} for p in order if counts[p]],
        n=b.integer(len(units)),
    )
    if any(u.history for u in units):
        res.blocks += _trends(b, results, units, unit_name, results_table)
    return res


def _trends(b: SakipBuilder, results, units: list, unit_name, results_table) -> list:
    """The trend charts of the units' totals over the years, the yearly means table and its reading."""
    improved, declined = _changes(units)
    blocks: list = []
    series = {u.unit: {**u.history, results.year: u.total} for u in units}
    years = list(results.yearly)
    overall = {y: results.yearly[y].mean for y in years}
    many = len(series) > TREND_MOST  # panels over several figures: each titled by its place and a compact name
    shared = _shared_ending([unit_name(u) for u in series])
    named = [
        (f"{b.integer(k)}. {panel_name(unit_name(u), shared)}" if many else unit_name(u), points)  # k: its place in the ranking charts
        for k, (u, points) in enumerate(series.items(), start=1)
    ]
    trends = figure_parts(
        b,
        "sakip.trend",
        b.labels["sakip_trend_figure"],
        "trends",
        0.9,
        [n for n, _ in named],
        lambda a, z: {
            "series": dict(named[a:z]),
            "ylabel": b.labels["sakip_total"],
            "mean_label": b.labels["sakip_trend_mean"],
            "unit_label": b.labels["sakip_trend_unit"],
            "overall": overall,
        },
        file="trend",
    )
    blocks += trends
    yearly = b.table(
        "sakip.yearly",
        b.labels["sakip_yearly_title"],
        [[h(b.labels["sakip_year"]), h(b.labels["sakip_units_scored"]), h(b.labels["sakip_mean"]), h(b.labels["sakip_change"])]],
        [
            [
                d(str(y)),
                d(b.integer(results.yearly[y].units)),
                d(b.decimal(results.yearly[y].mean, 2)),
                d("–" if k == 0 else _signed(b, round(results.yearly[y].mean, 2) - round(results.yearly[years[k - 1]].mean, 2))),
            ]
            for k, y in enumerate(years)
        ],
        widths=(1, 1.6, 1.2, 1.2),
    )
    blocks.append(yearly)
    blocks += b.say(
        "sakip_trend.j2",
        refs=(yearly.key,),
        figure=refs(b, trends),
        figures_n=len(trends),
        first=str(years[0]),
        last=str(years[-1]),
        start=b.decimal(overall[years[0]], 2),
        end=b.decimal(overall[years[-1]], 2),
        up=overall[years[-1]] >= overall[years[0]],
        **_recent(b, overall, years),
        improved=b.integer(len(improved)),
        declined=b.integer(len(declined)),
        table=b.ref(results_table),
        yearly=b.ref(yearly),
    )
    return blocks


def _changes(units: list) -> tuple[list, list]:
    """The units whose total rose since last year, and those whose total fell."""
    return [u for u in units if u.change is not None and u.change > 0], [u for u in units if u.change is not None and u.change < 0]


def _closing(b: SakipBuilder, results, units: list, name, government: str, number: str):
    """The closing section: the components' government-wide means (the weakest named), the
    criteria most units fall short of, and the evaluator's signature."""
    config = b.study.config
    lang = b.lang
    comps = results.components
    closing = b.section(b.labels["sakip_closing"], 2, number)
    means = results.component_means()
    lowest = min(round(v, 9) for v in means.values())
    weakest_components = [c.code for c in comps if means[c.code] - lowest <= CLOSE]  # within 2 points of the lowest: named together
    mean_table = b.table(
        "sakip.components",
        b.labels["sakip_component_means_title"],
        [[h(b.labels["sakip_component"]), h(b.labels["sakip_weight"]), h(b.labels["sakip_mean_score"]), h(b.labels["sakip_achievement"])]],
        [[s(name(c.code)), d(b.trimmed(c.weight)), d(b.decimal(means[c.code] * c.weight, 2)), d(b.pct(100 * means[c.code]))] for c in comps]
        + [[s(b.labels["sakip_total"], bold=True), d(b.trimmed(100)), d(b.decimal(results.overall_total, 2), bold=True), d("–")]],
        widths=(3, 1, 1.5, 1.5),
    )
    closing.add(mean_table)
    closing.blocks += b.say(
        "sakip_closing.j2",
        refs=(mean_table.key,),
        table=b.ref(mean_table),
        government=government,
        year=str(results.year),
        mean=b.decimal(results.overall_total, 2),
        predicate=results.government_predicate,
        weakest=join_list([f"{name(c)} ({b.pct(100 * means[c])})" for c in sorted(weakest_components, key=means.get)], lang),
        weakest_n=len(weakest_components),
        all_close=len(weakest_components) == len(comps),
    )
    common = common_weaknesses(results.answers)
    shown = with_ties(common, COMMON_SHOWN, key=lambda w: w.shortfall)  # the most severe, and every one as severe as the last
    common_table = None
    if common:
        common_table = b.table(
            "sakip.common",
            b.labels["sakip_common_title"],
            [
                [
                    h("No"),
                    h(b.labels["sakip_criterion"]),
                    h(b.labels["sakip_component_sub"]),
                    h(b.labels["sakip_common_shortfall"]),
                    h(b.labels["sakip_common_units"]),
                ]
            ],
            [
                [
                    d(b.integer(k)),
                    s(w.criterion),
                    s(f"{name(w.component)} / {name(w.subcomponent)}"),
                    d(b.pct(100 * w.shortfall)),
                    d(f"{b.integer(w.weak)} / {b.integer(len(units))}"),
                ]
                for k, w in enumerate(shown, start=1)
            ],
            notes=(b.labels["sakip_common_note"],),
            widths=(0.5, 3.4, 2.4, 1.2, 1.3),
            small=True,
        )
    worst = [w for w in common if round(w.shortfall, 9) == round(common[0].shortfall, 9)] if common else []
    closing.blocks += b.say(
        "sakip_common.j2",
        refs=(common_table.key,) if common_table else (),
        n=b.integer(len(common)),
        table=b.ref(common_table) if common_table else "",
        shown=b.integer(len(shown)),
        worst=join_list([f"“{w.criterion}”" for w in worst], lang),
        worst_n=len(worst),
        shortfall=b.pct(100 * common[0].shortfall) if common else "",
        weak=b.integer(max((w.weak for w in worst), default=0)),
        units=b.integer(len(units)),
        widespread=b.integer(sum(1 for w in common if w.weak * 2 >= len(units))),
        low_grades=join_list(["D", "E"], lang, "or"),  # grades given as values: never italic like a statistic
        evaluator=config.study.author or government,
    )
    if common_table:
        closing.add(common_table)
    closing.blocks += signature(b, config, dated=True)
    return closing


def _results_tables(b: SakipBuilder, results, units: list, name, unit_name, counts: dict) -> tuple:
    """The results of every unit (rank, component scores, total, predicate, change) and the
    distribution of the predicates: the summary cites them first, the results section shows them."""
    config = b.study.config
    fw = results.framework
    bands = fw.bands
    order = [p for p, _ in bands]
    comps = results.components
    # the units in the order of their rank, which numbers the rows; the components by their number
    # in the framework, named with their weights in the note (their names over nine columns would
    # leave a unit's name a column a word wide)
    header = [
        [
            h(b.labels["sakip_rank"], rowspan=2),
            h(b.labels["sakip_unit"], rowspan=2),
            h(b.labels["sakip_component_scores"], colspan=len(comps)),
            h(b.labels["sakip_total"], rowspan=2),
            h(b.labels["sakip_predicate"], rowspan=2),
            h(b.labels["sakip_change"], rowspan=2),
        ],
        [h(b.integer(k)) for k in range(1, len(comps) + 1)],
    ]
    key = b.label(
        "sakip_component_key",
        items="; ".join(
            b.label("sakip_component_key_item", k=b.integer(k), name=name(c.code), weight=b.trimmed(c.weight)) for k, c in enumerate(comps, start=1)
        ),
    )
    body = [
        [d(b.integer(u.rank)), s(unit_name(u.unit))]
        + [d(b.decimal(u.components[c.code], 2)) for c in comps]
        + [d(b.decimal(u.total, 2), bold=True), d(results.predicates[u.unit], bold=True), d("–" if u.change is None else _signed(b, u.change))]
        for u in units
    ]
    body.append(
        [
            s(b.labels["sakip_mean"], colspan=2 + len(comps), bold=True, align="right"),
            d(b.decimal(results.overall_total, 2), bold=True),
            d("–"),
            d(""),
        ]
    )  # a mean of units has no predicate
    results_table = b.table(
        "sakip.results",
        b.label("sakip_results_title", year=str(results.year)),
        header,
        body,
        notes=[key]
        + ([] if adds_up([(u.components.values(), u.total) for u in units]) else [rounding_note(b)])
        + ([b.label("sakip_self_note", unit=unit_name(results.evaluator_unit))] if results.evaluator_unit else []),
        widths=(1.0, 2.8) + (1.0,) * len(comps) + (0.95, 1.0, 1.15),
        small=True,
    )
    dist_table = b.table(
        "sakip.distribution",
        b.labels["sakip_distribution_title"],
        [[h(b.labels["sakip_predicate"]), h(b.labels["sakip_range"]), h(b.labels["sakip_count"])]],
        [[d(p), d(_range(b, bands, k, config.settings.boundary)), d(b.integer(counts[p]))] for k, p in enumerate(order)],
        widths=(1, 2, 1),
        source=framework_source(b, config, fw),
    )

    return results_table, dist_table


def _introduction(b: SakipBuilder, results, units: list, name, unit_name, government: str, results_table, dist_table):
    """Section 2: the legal basis, the scope (the units, the answers) and the method (the
    framework's weights, the answer scale, the predicates)."""
    config = b.study.config
    lang = b.lang
    fw = results.framework
    intro = b.section(b.labels["sakip_intro"], 2, "2")
    legal = b.section(b.labels["sakip_legal"], 3, "2.1")
    legal.blocks += b.say("sakip_legal.j2", regulation=citation(fw, lang), extra=[item.get(lang).rstrip(" .;") for item in config.legal_basis])
    intro.add(legal)
    scope = b.section(b.labels["sakip_scope"], 3, "2.2")
    scope.blocks += b.say(
        "sakip_scope.j2",
        n=b.integer(len(units)),
        year=str(results.year),
        government=government,
        answers=b.integer(len(results.answers)),
        table=b.ref(results_table),
        units=[unit_name(u.unit) for u in sorted(units, key=lambda u: u.unit)] if len(units) <= UNITS_NAMED else [],
    )
    intro.add(scope)
    method = b.section(b.labels["sakip_method"], 3, "2.3")
    weights_table = weights_table_of(b, "sakip.weights", results, name)
    numbers = config.answers.numbers
    answer_table = b.table(
        "sakip.answers",
        b.labels["sakip_answers_title"],
        [[h(b.labels["sakip_answer"]), h(b.labels["sakip_value"])]],
        [[d(word), d(b.trimmed(100 * float(value), 2) + "%")] for word, value in fw.scale.items()]
        + [[d("N/A"), d(b.labels["sakip_not_applicable"])]]
        + ([[d("0–100" if numbers == "percent" else "0–1"), d(b.labels["sakip_numbers"][numbers])]] if numbers else []),
        widths=(2, 3),
        source=framework_source(b, config, fw),
    )
    method.blocks += b.say(
        "sakip_method.j2",
        regulation=citation(fw, lang),
        weights=b.ref(weights_table),
        answers=b.ref(answer_table),
        predicates=b.ref(dist_table),
        custom=config.framework_name == "custom",
    )
    method.add(weights_table)
    method.add(answer_table)
    intro.add(method)
    return intro


def figure_parts(b: SakipBuilder, key: str, title: str, kind: str, width: float, names: list[str], data, file: str | None = None) -> list:
    """The figures of a chart over the units ``names``: one when all fit a page with its caption,
    else as many as needed (:mod:`reportgen.figures.pages`: as many units as fit, the charts
    evened out), each titled "(1 dari 8)" / "(1 of 8)" and drawn no taller than its page;
    ``data(start, end)`` is the chart's data for those units."""
    from reportgen.figures.pages import ranking_parts, trend_parts
    from reportgen.page import TEXT_HEIGHT_PT, TEXT_WIDTH_CM
    from reportgen.typeset import FIT_TOLERANCE, FLOAT_MARGINS, SMALL_LINE, caption_height

    longest = f"{title} {b.label('sakip_figure_part', k=b.integer(len(names)), n=b.integer(len(names)))}"
    room = TEXT_HEIGHT_PT - caption_height(longest) - SMALL_LINE - 4 - FIT_TOLERANCE - FLOAT_MARGINS[0] - 6
    budget = 0.95 * room / 72  # inches; a PNG cropped to its drawing is printed a little larger
    width_in = width * TEXT_WIDTH_CM / 2.54  # figures.style.print_width, without importing matplotlib here
    parts = (ranking_parts if kind == "ranking" else trend_parts)(names, width_in, budget)
    if len(parts) == 1:
        return [b.figure(key, title, kind, {**data(0, len(names)), "max_height": budget}, width=width, file=file)]
    return [
        b.figure(
            f"{key}.{k}",
            f"{title} {b.label('sakip_figure_part', k=b.integer(k), n=b.integer(len(parts)))}",
            kind,
            {**data(a, z), "max_height": budget},
            width=width,
            file=f"{file or kind}-{k}",
        )
        for k, (a, z) in enumerate(parts, start=1)
    ]


def panel_name(name: str, shared: int = 0, most: int = 36) -> str:
    """A unit's name above its panel when a trend chart runs over several figures: without its
    last ``shared`` words (the region every unit shares, "Provinsi Sulawesi Selatan") and at most
    ``most`` characters, ended at a word with "…" (the results table, in the same rank order,
    has the full name)."""
    words = name.split()
    short = " ".join(words[: len(words) - shared] if 0 < shared < len(words) else words)
    if len(short) <= most:
        return short
    return short[: most + 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _shared_ending(names: list[str]) -> int:
    """How many last words every name shares (0 for a single name)."""
    if len(names) < 2:
        return 0
    shared, split = 0, [n.split() for n in names]
    while all(len(w) > shared + 1 for w in split) and len({tuple(w[-shared - 1 :]) for w in split}) == 1:
        shared += 1
    return shared


def refs(b: SakipBuilder, figures: list) -> str:
    """ "Gambar 3", or "Gambar 3–10" for a chart over several figures (labels ``sakip_figure_range``)."""
    if len(figures) == 1:
        return b.ref(figures[0])
    return b.label("sakip_figure_range", first=figures[0].number, last=figures[-1].number)


UNITS_NAMED = 20  # the scope names the units up to this many; beyond, the results table lists them
RANKING_ALL = 60  # up to this many units the ranking charts draw every unit; beyond, the RANKING_ENDS highest and lowest
RANKING_ENDS = 15
CLOSE = 0.02  # components whose mean achievements differ by at most 2 percentage points are not ranked apart


def _signed(b: SakipBuilder, change: float) -> str:
    """+3,89 / −0,05 / 0,00: a change with its sign written."""
    return ("+" if change > 0 else "") + b.decimal(change, 2)


def _recent(b: SakipBuilder, overall: dict[int, float], years: list[int]) -> dict:
    """The last year's change of the mean when there are three years or more: a rise over the
    whole period can hide a fall in the last year (61,06 → 64,95 → 64,90)."""
    if len(years) < 3:
        return {"previous": ""}
    change = round(overall[years[-1]], 2) - round(overall[years[-2]], 2)
    return {
        "previous": b.decimal(overall[years[-2]], 2),
        "previous_year": str(years[-2]),
        "recent": b.decimal(abs(change), 2),
        "recent_way": "up" if change > 0 else "down" if change < 0 else "same",
    }


def framework_source(b: SakipBuilder, config, fw) -> str:
    """The source line of a table the framework gives (weights, answer values): its regulation,
    or the study file for a study's own components."""
    if config.framework_name == "custom":
        return b.labels["sakip_source_study"]
    return b.label("sakip_source_regulation", regulation=citation(fw, b.lang, short=True))


def weights_table_of(b: SakipBuilder, key: str, results, name) -> Table:
    """The framework's weights: component, weight, sub-component, share and points (the report's
    method and each unit's LHE show it)."""
    header = [h(b.labels[k]) for k in ("sakip_component", "sakip_weight", "sakip_subcomponent", "sakip_share", "sakip_points")]
    return b.table(
        key,
        b.labels["sakip_weights_title"],
        [header],
        _weight_rows(results.components, b, name),
        widths=(3, 1, 2, 1.2, 1),
        source=framework_source(b, b.study.config, results.framework),
    )


def _weight_rows(comps, b, name):
    """Component, weight, sub-component, share and points; component cells span their sub-components."""
    out = []
    for c in comps:
        for j, (sub, share) in enumerate(c.subcomponents):
            lead = (
                [s(name(c.code), rowspan=len(c.subcomponents)), s(b.trimmed(c.weight), align="center", rowspan=len(c.subcomponents))]
                if j == 0
                else []
            )
            out.append(lead + [s(name(sub)), d(b.pct(100 * share)), d(b.trimmed(c.weight * share, 2))])
    return out


def _range(b: SakipBuilder, bands, k: int, boundary: str) -> str:
    """The totals of the ``k``-th band: "> 80 – 90" (``gt``: the lower bound excluded, as the
    regulation writes it) or "≥ 80 – < 90" (``ge``); the highest band ends at 100, the lowest starts at 0."""
    low = bands[k][1]
    high = 100 if k == 0 else bands[k - 1][1]
    if low is None:
        return f"0 – {b.integer(high)}" if boundary == "gt" else f"0 – < {b.integer(high)}"
    if boundary == "gt" or k == 0:
        return f"{'>' if boundary == 'gt' else '≥'} {b.integer(low)} – {b.integer(high)}"
    return f"≥ {b.integer(low)} – < {b.integer(high)}"


def score_table(b: SakipBuilder, results, u, key: str, title: str, name):
    """A unit's points per component and sub-component, its total and predicate; its earlier totals
    and the change in a note."""
    rows = []
    for c in results.components:
        for j, (sub, share) in enumerate(c.subcomponents):
            points = c.weight * share
            score = u.subcomponents[c.code][sub]
            lead = [s(f"{name(c.code)} ({b.decimal(u.components[c.code], 2)})", rowspan=len(c.subcomponents))] if j == 0 else []
            rows.append(lead + [s(name(sub)), d(b.trimmed(points, 2)), d(b.decimal(score, 2)), d(b.pct(100 * score / points))])
    total = b.label("sakip_total_with_predicate", predicate=results.predicates[u.unit])
    rows.append([s(total, colspan=2, bold=True, align="right"), d(b.trimmed(100)), d(b.decimal(u.total, 2), bold=True), d(b.pct(u.total))])
    sums = [(u.subcomponents[c.code].values(), u.components[c.code]) for c in results.components]
    notes = [rounding_note(b)] if not adds_up(sums + [(u.components.values(), u.total)]) else []
    if u.history:
        past = "; ".join(f"{y}: {b.decimal(t, 2)}" for y, t in u.history.items())
        change = "" if u.change is None else f"; {b.labels['sakip_change']}: {'+' if u.change > 0 else ''}{b.decimal(u.change, 2)}"
        notes.append(f"{b.labels['sakip_total']} {past}{change}")
    return b.table(
        key,
        title,
        [
            [
                h(b.labels["sakip_component"]),
                h(b.labels["sakip_subcomponent"]),
                h(b.labels["sakip_points"]),
                h(b.labels["sakip_score"]),
                h(b.labels["sakip_achievement"]),
            ]
        ],
        rows,
        notes=tuple(notes),
        widths=(3, 1.8, 1, 1, 1.3),
        small=True,
    )


def adds_up(sums) -> bool:
    """Whether every (parts, whole) pair still adds up when each number is printed to two decimals
    (rounded as :func:`reportgen.words.locale.fmt` prints it)."""
    printed = lambda v: Decimal(fmt(v, 2, "en", thousands=False).replace(MINUS, "-"))  # noqa: E731
    return all(sum(printed(p) for p in parts) == printed(whole) for parts, whole in sums)


def rounding_note(b: SakipBuilder) -> str:
    """The note under a table whose printed parts do not add up to its printed score: scores come
    from unrounded points (87.83 = 27.25 + 24.25 + 12.375 + 23.958; printed, 27.25 + 24.25 + 12.38
    + 23.96 = 87.84)."""
    return b.label("sakip_rounding", example=b.decimal(0.01, 2))


def unit_sentence_values(b: SakipBuilder, results, u, name) -> dict:
    """What the sentence on a unit's score needs (``sakip_unit.j2``): total, predicate, rank,
    strongest and weakest components (every one of a tie, ``even`` when all tie), the change from
    last year, the earlier totals."""
    shares = {c.code: u.components[c.code] / c.weight for c in results.components}
    strongest, weakest = extremes(shares)
    return dict(
        total=b.decimal(u.total, 2),
        predicate=results.predicates[u.unit],
        rank=b.integer(u.rank),
        n=b.integer(len(results.units)),
        strongest=join_list([name(c) for c in strongest], b.lang),
        weakest=join_list([name(c) for c in weakest], b.lang),
        even=len(strongest) == len(shares),
        even_pct=b.pct(100 * shares[strongest[0]]),
        strongest_n=len(strongest),
        weakest_n=len(weakest),
        previous=None if u.previous is None else b.decimal(u.previous, 2),
        change=None if u.change is None else b.decimal(abs(u.change), 2),
        up=u.change is not None and u.change >= 0,
        history=[{"year": str(y), "total": b.decimal(t, 2)} for y, t in u.history.items()],
    )


def _unit_section(b: SakipBuilder, results, u, number: str, title: str, name, count: int) -> Section:
    section = b.section(title, 3, number)
    table = score_table(b, results, u, f"sakip.unit.{number}", b.label("sakip_unit_title", unit=title), name)
    section.add(table)
    section.blocks += b.say("sakip_unit.j2", refs=(table.key,), table=b.ref(table), unit=title, **unit_sentence_values(b, results, u, name))
    found = results.findings[u.unit]  # the findings of the unit's LHE, in its order
    weak = with_ties(found, count, key=severity_score)  # settings.weakest of them, and any that tie with the last
    if weak:
        weak_table = b.table(
            f"sakip.weak.{number}",
            b.label("sakip_weak_title", unit=title),
            [[h("No"), h(b.labels["sakip_criterion"]), h(b.labels["sakip_answer"]), h(b.labels["lhe"]["action"]), h(b.labels["lhe"]["gain"])]],
            [
                [
                    d(b.integer(k)),
                    s(f"{f.number} {f.criterion}".strip()),
                    d(f.answer),
                    s(finding_action(b, b.study.config, f, name)),
                    d(b.decimal(f.gain, 2)),
                ]
                for k, f in enumerate(weak, start=1)
            ]
            + [[s(b.labels["cols"]["total"], colspan=4, bold=True, align="right"), d(b.decimal(sum(f.gain for f in weak), 2), bold=True)]],
            widths=(0.45, 2.4, 0.8, 4.4, 1.0),
            small=True,
            notes=() if adds_up([([f.gain for f in weak], sum(f.gain for f in weak))]) else (rounding_note(b),),
        )
        section.blocks += b.say(
            "sakip_recommendations.j2",
            refs=(weak_table.key,),
            table=b.ref(weak_table),
            unit=title,
            n=b.integer(len(weak)),
            n_int=len(weak),
            of=b.integer(len(found)),
            of_int=len(found),
            gain=b.decimal(sum(f.gain for f in weak), 2),
            target=target_grade(results.framework, results.target),
        )
        section.add(weak_table)
    return section
