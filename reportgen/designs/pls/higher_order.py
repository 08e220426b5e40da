"""The higher-order constructs of a PLS-SEM chapter, assessed in stage two of the disjoint two-stage
approach as Sarstedt et al. (2019) do: a reflective–reflective construct (mode A) by its
dimensions' loadings, rho_A, rho_C, AVE and its HTMT with the other reflective constructs; a
reflective–formative one (mode B) by its dimensions' VIFs and weights. The dimensions themselves
are assessed with the first-order constructs in stage one (:mod:`reportgen.designs.pls.outer`).

By repeated indicators the same tables read the paths between the construct and its dimensions
as its loadings (mode A) or weights (mode B) (:mod:`reportgen.stats.pls.repeated_indicators`),
and a reflective one's reliability is rho_C alone: it has no weights on its dimensions."""

from __future__ import annotations

from reportgen.designs.pls.analysis import PlsStudyResults, pls_model_of
from reportgen.interpret.pls import AVE_MIN, FORMATIVE_LOADING_MIN, LOADING_MIN, RELIABILITY_MAX, RELIABILITY_MIN, VIF_MAX
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Section
from reportgen.stats.pls.repeated_indicators import REPEATED

CITATION = "Sarstedt et al., 2019"


def higher_order_sections(b: Builder, r: PlsStudyResults, letters: list[str]) -> list[Section]:
    """One subsection per higher-order construct, lettered from ``letters``."""
    return [_section(b, r, hoc, letter) for hoc, letter in zip(r.model.spec.higher_order, letters)]


def _labelled(b: Builder, key: str, repeated: bool, **params) -> str:
    """Label ``key``, or its repeated-indicators version."""
    return b.label(f"{key}_repeated" if repeated else key, **params)


def _section(b: Builder, r: PlsStudyResults, hoc: str, letter: str) -> Section:
    spec = r.model.spec
    repeated = spec.approach == REPEATED
    v = r.verdicts
    j = spec.constructs.index(hoc)
    dims = list(spec.items[j])
    reflective = spec.modes[j] == "A"
    name = b.name(hoc)
    sub = b.section(b.label("pls_higher_order", name=name, code=hoc), 4, letter)
    index = {i: k for k, i in enumerate(spec.indicators)}
    loadings = {dim: float(r.model.loadings[index[dim]].sum()) for dim in dims}
    weights = {dim: float(r.model.weights[index[dim]].sum()) for dim in dims}
    vif = {dim: float(r.assessed.outer_vif[index[dim]]) for dim in dims}
    stats = r.boot.loadings if reflective else r.boot.weights
    body = []
    for dim in dims:
        st = stats[dim]
        tested = [d(b.decimal(st.t)), d(b.p_value(st.p)), d(f"[{b.decimal(st.ci_low)}; {b.decimal(st.ci_high)}]")]
        if reflective:
            cells = [d(b.bounded(loadings[dim])), *tested, b.verdict(f"loading:{dim}", v.loadings[dim].outcome, "pls_loading_words_kept")]
        else:
            cells = [
                d(b.decimal(weights[dim])),
                *tested,
                d(b.bounded(loadings[dim])),
                d(b.decimal(vif[dim])),
                b.verdict(f"weight:{dim}", v.weights[dim].outcome, "pls_weight_words"),
            ]
        body.append([s(b.labelled(dim)), *cells])
    interval = [h("t"), h(b.col("p")), h(b.col("ci", level=b.confidence()))]
    if reflective:
        loading = b.label("pls_hoc_link_loading", code=hoc) if repeated else b.col("loading")
        header = [h(b.col("dimension")), h(f"{loading} (≥ {b.bounded(LOADING_MIN)})"), *interval, h(b.col("description"))]
        widths: tuple[float, ...] = (3, 1.6, 1, 1, 1.8, 1.5)
    else:
        header = [
            h(b.col("dimension")),
            h(b.col("outer_weight")),
            *interval,
            h(b.col("loading")),
            h(f"VIF (< {b.integer(int(VIF_MAX))})"),
            h(b.col("description")),
        ]
        widths = (2.6, 1.1, 1, 0.9, 1.6, 1.1, 1, 1.7)
    table = b.table(
        f"pls.hoc.{hoc}",
        _labelled(b, "pls_higher_order_title", repeated, name=name, code=hoc),
        [header],
        body,
        notes=(
            _labelled(
                b,
                "pls_higher_order_note",
                repeated,
                code=hoc,
                resamples=b.integer(r.boot.resamples),
                role=b.labels["pls_hoc_role_loadings" if reflective else "pls_hoc_role_weights"],
            ),
            *([b.label("pls_hoc_part_whole", code=hoc)] if repeated and reflective else []),
        ),
        widths=widths,
        small=True,
    )
    sub.blocks += b.say(
        "pls_higher_order_intro.j2",
        code=hoc,
        dims=dims,
        reflective=reflective,
        repeated=repeated,
        path_scheme=spec.scheme == "path",
        table=b.ref(table),
        citation=CITATION,
    )
    sub.add(table)
    pairs = [pair for pair in v.htmt if hoc in pair]
    claims = (
        [(f"loading:{dim}", v.loadings[dim].outcome) for dim in dims] if reflective else [(f"weight:{dim}", v.weights[dim].outcome) for dim in dims]
    )
    sub.blocks += b.say(
        "pls_higher_order.j2",
        refs=(table.key,),
        claims=claims,
        code=hoc,
        table=b.ref(table),
        reflective=reflective,
        low=b.bounded(min(loadings.values())),
        high=b.bounded(max(loadings.values())),
        threshold=b.bounded(LOADING_MIN),
        weak=[f"{dim} ({b.bounded(loadings[dim])})" for dim in dims if loadings[dim] < LOADING_MIN],
        collinear=[f"{dim} ({b.decimal(vif[dim])})" for dim in dims if v.outer_vif[dim].passed is False],
        vif=b.integer(int(VIF_MAX)),
        highest_vif=b.decimal(max(vif.values())),
        significant=[dim for dim in dims if not reflective and v.weights[dim].outcome == "significant"],
        absolute=[dim for dim in dims if not reflective and v.weights[dim].outcome == "absolute"],
        absolute_loadings=[f"{dim} {b.bounded(loadings[dim])}" for dim in dims if not reflective and v.weights[dim].outcome == "absolute"],
        absolute_values=[b.bounded(loadings[dim]) for dim in dims if not reflective and v.weights[dim].outcome == "absolute"],
        weak_weights=[dim for dim in dims if not reflective and v.weights[dim].passed is not True],
        floor=b.bounded(FORMATIVE_LOADING_MIN, 2),
    )
    if reflective:
        sub.blocks += _validity_blocks(b, r, hoc, pairs)
    return sub


def _validity_blocks(b: Builder, r: PlsStudyResults, hoc: str, pairs: list[tuple[str, str]]) -> list:
    """A reflective higher-order construct's reliability, AVE and HTMT with the other reflective
    constructs of stage two (not with its own dimensions, which measure it): a table and its sentence."""
    v = r.verdicts
    repeated = r.model.spec.approach == REPEATED
    reliability = r.assessed.reliability[hoc]
    threshold = float(pls_model_of(b.study.config).htmt)
    limit = b.decimal(threshold, 2) if threshold < 1 else b.integer(1)
    level = b.trimmed(100 * (1 - r.boot.htmt[pairs[0]].alpha), 2) + "%" if pairs else ""
    body = [
        [
            s(_labelled(b, "pls_hoc_reliability", repeated)),
            d(b.bounded(reliability.rho_c) if repeated else f"{b.bounded(reliability.rho_a)}; {b.bounded(reliability.rho_c)}"),
            d(f"{b.bounded(RELIABILITY_MIN, 2)}–{b.bounded(RELIABILITY_MAX, 2)}"),
            b.verdict(f"reliability:{hoc}", v.reliability[hoc].outcome),
        ],
        [s("AVE"), d(b.bounded(reliability.ave)), d(f"≥ {b.bounded(AVE_MIN, 2)}"), b.verdict(f"ave:{hoc}", v.ave[hoc].outcome)],
    ]
    for a, c in pairs:
        st = r.boot.htmt[(a, c)]
        body.append(
            [
                s(b.label("pls_hoc_htmt", pair=f"{a} ↔ {c}", level=level)),
                d(f"{b.decimal(st.estimate)} ({b.decimal(st.upper)})"),
                d(f"< {limit}"),
                b.verdict(f"htmt:{a}~{c}", v.htmt[(a, c)].outcome),
            ]
        )
    table = b.table(
        f"pls.hoc_validity.{hoc}",
        _labelled(b, "pls_higher_order_validity_title", repeated, name=b.name(hoc), code=hoc),
        [[h(b.col("criterion")), h(b.col("value")), h(b.col("limit")), h(b.col("description"))]],
        body,
        widths=(3.6, 1.8, 1.4, 1.6),
    )
    text = b.say(
        "pls_higher_order_validity.j2",
        refs=(table.key,),
        claims=[(f"reliability:{hoc}", v.reliability[hoc].outcome), (f"ave:{hoc}", v.ave[hoc].outcome)]
        + [(f"htmt:{a}~{c}", v.htmt[(a, c)].outcome) for a, c in pairs],
        code=hoc,
        table=b.ref(table),
        repeated=repeated,
        rho_a=b.bounded(reliability.rho_a),
        rho_c=b.bounded(reliability.rho_c),
        ave=b.bounded(reliability.ave),
        reliability=v.reliability[hoc].outcome,
        ave_ok=v.ave[hoc].passed,
        low=b.bounded(RELIABILITY_MIN, 2),
        high=b.bounded(RELIABILITY_MAX, 2),
        ave_min=b.bounded(AVE_MIN, 2),
        htmt_limit=limit,
        level=level,
        valid=[f"{a} ↔ {c}" for a, c in pairs if v.htmt[(a, c)].passed],
        failing=[f"{a} ↔ {c}" for a, c in pairs if not v.htmt[(a, c)].passed],
        dims=list(r.model.spec.items[r.model.spec.constructs.index(hoc)]),
    )
    return [table, *text]
