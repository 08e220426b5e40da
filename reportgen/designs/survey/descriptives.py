"""5.1.2 Descriptive statistics: answer tables and the three-box index of each construct on its
own scale; a construct of continuous indicators has a table of their summaries instead."""

from __future__ import annotations

import math

from reportgen.config.models import Scale
from reportgen.designs.survey.analysis import ConstructResult, Description
from reportgen.interpret.three_box import CITATION, bands, interval
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Cell, Section, Table
from reportgen.stats.descriptives import IndexRange, ItemSummary
from reportgen.words.locale import join_list


def descriptives_section(b: Builder, results: Description, number: str) -> Section:
    section = b.section(b.labels["descriptives"], 3, number)
    groups = scale_groups(b, results)
    band_key = _bands(b, section, results, groups) if groups else ""
    letters = "abcdefghijklmnopqrstuvwxyz"
    for k, (code, construct) in enumerate(results.constructs.items()):
        sub = b.section(b.labelled(code), 4, f"{letters[k % 26]}.")
        if construct.continuous:
            _summaries(b, sub, code, construct)
        else:
            _responses(b, sub, code, construct)
            _index(b, sub, code, construct, band_key)
        section.add(sub)
    return section


def scale_groups(b: Builder, results: Description) -> dict[tuple[int, int], list[str]]:
    """The scaled constructs by the (min, max) of their scale, the study's scale first: one index
    range, and one column of the band table, per group."""
    study = b.study.config.scale
    groups: dict[tuple[int, int], list[str]] = {}
    for code, construct in results.constructs.items():
        if construct.scale is not None:
            groups.setdefault((construct.scale.min, construct.scale.max), []).append(code)
    first = (study.min, study.max)
    return dict(sorted(groups.items(), key=lambda kv: kv[0] != first))


def _bands(b: Builder, section: Section, results: Description, groups: dict[tuple[int, int], list[str]]) -> str:
    """The index method and the table of its classes, a column per scale when the constructs'
    scales differ; returns the table's key."""
    config = b.study.config
    classes = config.settings.index.classes
    ranges = {key: _index_range(results.constructs[codes[0]]) for key, codes in groups.items()}
    listed = {key: bands(rng, classes) for key, rng in ranges.items()}
    texts = {key: _intervals(b, rows) for key, rows in listed.items()}
    names = [name for _, _, name in next(iter(listed.values()))]
    several = len(groups) > 1
    header = [[h(b.col("category"))] + [h(b.col("index_range_on", low=lo, high=hi) if several else b.col("index_range")) for lo, hi in groups]]
    band_rows = [[s(b.labels["categories"][name])] + [d(texts[key][k]) for key in groups] for k, name in enumerate(names)]
    widths = {key: b.decimal((rng.high - rng.low) / classes, 2) for key, rng in ranges.items()}
    notes = tuple(
        (b.label("class_width_on", low=lo, high=hi) if several else b.labels["class_width"])
        + f" = ({b.decimal(ranges[(lo, hi)].high, 2)} − {b.decimal(ranges[(lo, hi)].low, 2)}) / {classes} = {widths[(lo, hi)]}"
        for lo, hi in groups
    )
    band_table = b.table("index.bands", b.labels["index_bands_title"], header, band_rows, notes=notes)
    first, *rest = groups
    rng = ranges[first]
    others = [
        {
            "scale": f"{lo}–{hi}",
            "names": [b.labelled(code) for code in groups[(lo, hi)]],
            "low": b.decimal(ranges[(lo, hi)].low, 2),
            "high": b.decimal(ranges[(lo, hi)].high, 2),
            "width": widths[(lo, hi)],
            "max": hi,
        }
        for lo, hi in rest
    ]
    section.blocks += b.say(
        "index_method.j2",
        refs=(band_table.key,),
        table=b.ref(band_table),
        citation=CITATION,
        n=b.integer(results.n_used),
        low=b.decimal(rng.low, 2),
        high=b.decimal(rng.high, 2),
        classes=classes,
        width=widths[first],
        max=first[1],
        basis=config.settings.index.basis,
        points=list(range(first[0], first[1] + 1)),
        bands=[{"name": b.labels["categories"][n].lower(), "interval": text} for n, text in zip(names, texts[first])],
        scale=f"{first[0]}–{first[1]}" if several else "",
        others=others,
        blanks=config.settings.index.basis == "count" and any(_has_blanks(c, results.n_used) for c in results.constructs.values()),
    )
    section.add(band_table)
    return band_table.key


def _has_blanks(construct: ConstructResult, n: int) -> bool:
    """Some respondent left one of the construct's scaled items blank."""
    return any(item.distribution is not None and item.distribution.n < n for item in construct.items.values())


def _index_range(construct: ConstructResult) -> IndexRange:
    if construct.index_range is None:
        raise ValueError(f"{construct.name} has continuous indicators: no index range")
    return construct.index_range


def _intervals(b: Builder, listed: list[tuple[float, float, str]]) -> list[str]:
    return [
        interval(low, high, k == len(listed) - 1, b.decimal(low, 2), b.decimal(high, 2), b.labels["index_symbol"])
        for k, (low, high, _) in enumerate(listed)
    ]


def _scale(construct: ConstructResult) -> Scale:
    if construct.scale is None:
        raise ValueError(f"{construct.name} has continuous indicators: no answer table or index")
    return construct.scale


def _points(b: Builder, construct: ConstructResult) -> list[tuple[int, str]]:
    """The construct's scale points from the highest down, with their short labels (or the codes)."""
    scale = _scale(construct)
    return [(p, scale.labels[p].short_text(b.lang) if p in scale.labels else str(p)) for p in reversed(scale.points)]


def _responses(b: Builder, section: Section, code: str, construct: ConstructResult) -> None:
    config = b.study.config
    scale = _scale(construct)
    points = _points(b, construct)
    header = [
        [h("No", rowspan=2), h(b.col("statement"), rowspan=2), h(b.col("answer_criteria"), colspan=len(points)), h(b.col("total"), rowspan=2)],
        [h(label) for _, label in points],
    ]
    body = []
    narrative = []
    for n, (item, result) in enumerate(construct.items.items(), start=1):
        dist = result.as_answered  # what respondents answered, also for a reverse item
        assert dist is not None
        text = config.constructs[code].item_text(item, b.lang)
        body.append(
            [s(f"{n}", "center", rowspan=2), s(f"{item}. {text}", rowspan=2)]
            + [d(b.integer(dist.count_of(p))) if dist.count_of(p) else d("") for p, _ in points]
            + [d(b.integer(dist.n))]
        )
        body.append([d(b.pct(dist.percents[dist.points.index(p)])) if dist.count_of(p) else d("") for p, _ in points] + [d(b.pct(100.0))])
        answered = sorted((p for p, _ in points if dist.count_of(p)), key=lambda p: -dist.count_of(p))  # stable: ties in scale order
        parts = [
            {
                "count": b.integer(dist.count_of(p)),
                "pct": b.pct(dist.percents[dist.points.index(p)]),
                "answer": _answer_word(b, scale, p),
                "n": dist.count_of(p),
            }
            for p in answered
        ]
        narrative.append(
            {"ordinal": b.ordinal(n - 1), "item": item, "top": parts[0] if parts else None, "second": parts[1] if len(parts) > 1 else None}
        )
    widths = (0.6, 4.7) + (1.15,) * len(points) + (1.3,)
    reverse = [item for item, result in construct.items.items() if result.reversed]
    notes = (b.label("reverse_answers_note", items=join_list(reverse, b.lang)),) if reverse else ()
    table = b.table(
        f"responses.{code}", b.label("responses_title", name=b.name(code), code=code), header, body, notes=notes, widths=widths, small=True
    )
    section.blocks += b.say("responses_intro.j2", table=b.ref(table), name=b.name(code), code=code, reverse=reverse, recode=scale.max + scale.min)
    section.add(table)
    section.blocks += b.say("responses.j2", refs=(table.key,), table=b.ref(table), name=b.name(code), code=code, items=narrative)
    items = list(construct.items.values())
    given = [i.as_answered for i in items]
    shares = [[dist.percents[dist.points.index(p)] for p, _ in points] for dist in given if dist is not None]
    figure = b.figure(
        f"bars.{code}",
        b.label("bars_title", name=b.name(code), code=code),
        "responses",
        {"items": [i.name for i in items], "shares": shares, "labels": [lbl for _, lbl in points]},
        width=0.85,
        name=code,
    )
    section.add(figure)


def _answer_word(b: Builder, scale: Scale, point: int) -> str:
    label = scale.labels.get(point)
    return label.text(b.lang).lower() if label else str(point)


def _index(b: Builder, section: Section, code: str, construct: ConstructResult, bands_key: str) -> None:
    config = b.study.config
    scale = _scale(construct)
    points = list(reversed(_points(b, construct)))  # 1..5 as in the thesis
    header = [
        [
            h("No", rowspan=2),
            h(b.col("statement"), rowspan=2),
            h(b.col("score"), colspan=len(points)),
            h(b.col("weighted"), rowspan=2),
            h(b.col("index"), rowspan=2),
            h(b.col("category"), rowspan=2),
        ],
        [h(str(p)) for p, _ in points],
    ]
    body = []
    for n, (item, result) in enumerate(construct.items.items(), start=1):
        dist = result.distribution
        assert dist is not None
        weighted = sum(p * c for p, c in zip(dist.points, dist.counts))
        body.append(
            [s(str(n), "center"), s(f"{item}. {config.constructs[code].item_text(item, b.lang)}")]
            + [d(b.integer(dist.count_of(p))) for p, _ in points]
            + [d(b.integer(weighted)), d(b.decimal(result.index, 2)), _category_cell(b, f"index:{item}", result.category)]
        )
    body.append(
        [
            s(b.col("mean"), colspan=2 + len(points) + 1, bold=True, align="right"),
            d(b.decimal(construct.index_mean, 2), bold=True),
            _category_cell(b, f"index:{code}", construct.category, bold=True),
        ]
    )
    basis_note = b.label("index_note_index", max=scale.max)
    reverse = [item for item, result in construct.items.items() if result.reversed]
    reverse_note = (b.label("reverse_index_note", items=join_list(reverse, b.lang), sum=scale.max + scale.min),) if reverse else ()
    table = b.table(
        f"index.{code}",
        b.label("index_title", name=b.name(code), code=code),
        header,
        body,
        notes=(b.labels["index_note_weighted"], basis_note) + reverse_note,
        widths=(0.5, 4.4) + (0.55,) * len(points) + (1.25, 1.15, 1.3),
        small=True,
    )
    section.add(table)
    top, low = construct.strongest, construct.weakest
    section.blocks += b.say(
        "index.j2",
        refs=(table.key, bands_key),
        claims=[(f"index:{code}", construct.category or "undefined")],
        table=b.ref(table),
        name=b.name(code),
        code=code,
        index_mean=b.decimal(construct.index_mean, 2),
        category=_category(b, construct.category).lower(),
        top_item=top.name,
        top_index=b.decimal(top.index, 2),
        low_item=low.name,
        low_index=b.decimal(low.index, 2),
        same=construct.all_alike,
        top_reversed=top.reversed,
        low_reversed=low.reversed,
        single=construct.single,
    )


def measured_decimals(values: list[float]) -> int:
    """Places for a continuous indicator's figures: none from a magnitude of 1 000 up (rupiah,
    counts), 2 from 1 up (IPK 3,42; a test score 71,25), more below it so that a ratio keeps two
    significant digits (ROA 0,052 → 3 places, 0,0071 → 4), at most 4."""
    largest = max((abs(v) for v in values if math.isfinite(v)), default=0.0)
    if largest >= 1000:
        return 0
    if largest >= 1 or largest == 0:
        return 2
    return min(4, 1 - math.floor(math.log10(largest)))


def measured_figures(b: Builder, summary: ItemSummary) -> dict[str, str]:
    """A continuous indicator's minimum, median, maximum, mean and SD as the chapter prints them,
    every figure to the places :func:`measured_decimals` gives its range and mean."""
    places = measured_decimals([summary.minimum, summary.maximum, summary.mean])
    return {k: b.decimal(getattr(summary, k), places) for k in ("minimum", "median", "maximum", "mean", "sd")}


def _summaries(b: Builder, section: Section, code: str, construct: ConstructResult) -> Table:
    """The continuous indicators of a construct: N, minimum, median, maximum, mean and SD of each
    (as scored), and a sentence naming the range and the mean."""
    config = b.study.config
    body, rows = [], []
    for n, (item, result) in enumerate(construct.items.items(), start=1):
        sm = result.summary
        figures = measured_figures(b, sm)
        text = config.constructs[code].item_text(item, b.lang)
        label = f"{item}. {text}" if text != item else item
        body.append([s(str(n), "center"), s(label), d(b.integer(sm.n))] + [d(figures[k]) for k in ("minimum", "median", "maximum", "mean", "sd")])
        rows.append({"item": item, "n": b.integer(sm.n), **figures})
    header = [[h("No"), h(b.col("indicator"))] + [h(b.labels["continuous_cols"][k]) for k in ("n", "minimum", "median", "maximum", "mean", "sd")]]
    table = b.table(
        f"summary.{code}",
        b.label("continuous_title", name=b.name(code), code=code),
        header,
        body,
        notes=(b.labels["continuous_note"],),
        widths=(0.5, 4.6) + (1.1,) * 6,
        small=True,
    )
    section.blocks += b.say("continuous.j2", refs=(table.key,), table=b.ref(table), name=b.name(code), code=code, items=rows)
    section.add(table)
    return table


def _category(b: Builder, key: str | None) -> str:
    return b.labels["categories"][key] if key else b.word("undefined")


def _category_cell(b: Builder, subject: str, key: str | None, bold: bool = False) -> Cell:
    """The three-box category of ``subject`` (an item or a construct's mean row), as a verdict cell."""
    return Cell(_category(b, key), "data", bold=bold, claim=(subject, key or "undefined"))
