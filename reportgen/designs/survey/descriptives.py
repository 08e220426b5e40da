"""5.1.2 Descriptive statistics: answer tables and the three-box index per construct."""

from __future__ import annotations

from reportgen.designs.survey.analysis import ConstructResult, Description
from reportgen.interpret.three_box import CITATION, bands, interval
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Cell, Section
from reportgen.words.locale import join_list


def descriptives_section(b: Builder, results: Description, number: str) -> Section:
    config = b.study.config
    section = b.section(b.labels["descriptives"], 3, number)
    rng = results.index_range
    classes = config.settings.index.classes
    listed = bands(rng, classes)
    intervals = [
        interval(low, high, k == len(listed) - 1, b.decimal(low, 2), b.decimal(high, 2), b.labels["index_symbol"])
        for k, (low, high, _) in enumerate(listed)
    ]
    band_rows = [[s(b.labels["categories"][name]), d(text)] for (_, _, name), text in zip(listed, intervals)]
    width = b.decimal((rng.high - rng.low) / classes, 2)
    band_table = b.table(
        "index.bands",
        b.labels["index_bands_title"],
        [[h(b.col("category")), h(b.col("index_range"))]],
        band_rows,
        notes=(f"{b.labels['class_width']} = ({b.decimal(rng.high, 2)} − {b.decimal(rng.low, 2)}) / {classes} = {width}",),
    )
    section.blocks += b.say(
        "index_method.j2",
        refs=(band_table.key,),
        table=b.ref(band_table),
        citation=CITATION,
        n=b.integer(results.n_used),
        low=b.decimal(rng.low, 2),
        high=b.decimal(rng.high, 2),
        classes=classes,
        width=width,
        max=config.scale.max,
        basis=config.settings.index.basis,
        points=config.scale.points,
        bands=[{"name": b.labels["categories"][n].lower(), "interval": text} for (_, _, n), text in zip(listed, intervals)],
    )
    section.add(band_table)
    letters = "abcdefghijklmnopqrstuvwxyz"
    for k, (code, construct) in enumerate(results.constructs.items()):
        sub = b.section(f"{b.name(code)} ({code})", 4, f"{letters[k % 26]}.")
        _responses(b, sub, code, construct)
        _index(b, sub, code, construct, band_table.key)
        section.add(sub)
    return section


def _points(b: Builder) -> list[tuple[int, str]]:
    """Scale points from the highest down, with their short labels (or the codes)."""
    scale = b.study.config.scale
    return [(p, scale.labels[p].short_text(b.lang) if p in scale.labels else str(p)) for p in reversed(scale.points)]


def _responses(b: Builder, section: Section, code: str, construct: ConstructResult) -> None:
    config = b.study.config
    points = _points(b)
    header = [
        [h("No", rowspan=2), h(b.col("statement"), rowspan=2), h(b.col("answer_criteria"), colspan=len(points)), h(b.col("total"), rowspan=2)],
        [h(label) for _, label in points],
    ]
    body = []
    narrative = []
    for n, (item, result) in enumerate(construct.items.items(), start=1):
        dist = result.as_answered  # what respondents answered, also for a reverse item
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
                "answer": _answer_word(b, p),
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
    section.blocks += b.say(
        "responses_intro.j2", table=b.ref(table), name=b.name(code), code=code, reverse=reverse, recode=config.scale.max + config.scale.min
    )
    section.add(table)
    section.blocks += b.say("responses.j2", refs=(table.key,), table=b.ref(table), name=b.name(code), code=code, items=narrative)
    items = list(construct.items.values())
    shares = [[i.as_answered.percents[i.as_answered.points.index(p)] for p, _ in points] for i in items]
    figure = b.figure(
        f"bars.{code}",
        b.label("bars_title", name=b.name(code), code=code),
        "responses",
        {"items": [i.name for i in items], "shares": shares, "labels": [lbl for _, lbl in points]},
        width=0.85,
        name=code,
    )
    section.add(figure)


def _answer_word(b: Builder, point: int) -> str:
    label = b.study.config.scale.labels.get(point)
    return label.text(b.lang).lower() if label else str(point)


def _index(b: Builder, section: Section, code: str, construct: ConstructResult, bands_key: str) -> None:
    config = b.study.config
    points = list(reversed(_points(b)))  # 1..5 as in the thesis
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
    basis_note = b.label("index_note_index", max=config.scale.max)
    reverse = [item for item, result in construct.items.items() if result.reversed]
    reverse_note = (b.label("reverse_index_note", items=join_list(reverse, b.lang), sum=config.scale.max + config.scale.min),) if reverse else ()
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


def _category(b: Builder, key: str | None) -> str:
    return b.labels["categories"][key] if key else b.word("undefined")


def _category_cell(b: Builder, subject: str, key: str | None, bold: bool = False) -> Cell:
    """The three-box category of ``subject`` (an item or a construct's mean row), as a verdict cell."""
    return Cell(_category(b, key), "data", bold=bold, claim=(subject, key or "undefined"))
