"""SAKIP evaluation frameworks, answers and predicates.

A framework (``reportgen/designs/sakip/frameworks/<name>.yaml``, our own data files of the
regulations, their sources named inside) gives the components with their weights, each
component's sub-components with their shares, the official criteria where the LKE lists them,
the answer scale and the predicate bands:

- PermenPAN-RB No. 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah:
  Perencanaan Kinerja 30, Pengukuran Kinerja 30, Pelaporan Kinerja 15, Evaluasi Akuntabilitas
  Kinerja Internal 25; each component split into keberadaan 20%, kualitas 30%, pemanfaatan 50%;
  80 criteria graded AA, A, BB, B, CC, C, D, E = 100, 90, 80, 70, 60, 50, 30, 0 % of their weight.
- PermenPAN-RB No. 12 Tahun 2015 (earlier years): perencanaan 30, pengukuran 25, pelaporan 15,
  evaluasi 10, capaian 20; criteria answered Y/T (1/0) or A–E (1; 0,75; 0,5; 0,25; 0).
- Predicates (both): AA > 90–100, A > 80–90, BB > 70–80, B > 60–70, CC > 50–60, C > 30–50,
  D 0–30, where "> 90" means exactly 90 is A; ``boundary: ge`` treats it as AA.

Scores are kept as exact fractions (:class:`fractions.Fraction`): a total of exactly 80 is 80, not
80.00000000000001, so it gets the predicate of the band it lies on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from importlib import resources

import yaml

NOT_APPLICABLE = frozenset({"N/A", "NA", "TIDAK BERLAKU"})  # a criterion that does not apply to the unit


@dataclass(frozen=True)
class Criterion:
    """One criterion of the official LKE: its number ("1.a.1") and text."""

    number: str
    text: str


@dataclass(frozen=True)
class Component:
    code: str
    weight: float  # points of the total 100
    subcomponents: tuple[tuple[str, float], ...]  # (code, share of the component weight)
    name: dict | None = None  # {id, en}: the regulation's name
    criteria: dict[str, tuple[Criterion, ...]] = field(default_factory=dict)  # sub-component → official criteria (none: any)
    sub_names: dict[str, dict] = field(default_factory=dict)  # sub-component → the regulation's name {id, en}

    def exact_points(self, sub: str) -> Fraction:
        """The points of a sub-component as an exact fraction (weight × share as written)."""
        share = dict(self.subcomponents)[sub]
        return Fraction(str(self.weight)) * Fraction(str(share))


@dataclass(frozen=True)
class Framework:
    """A regulation's scoring: ``scale`` (answer → share of a criterion's weight, 0–1),
    ``yes_no`` (the answers of a Y/T criterion), ``bands`` (predicate, exclusive lower bound;
    None for the lowest), its citation in full (``regulation``) and short."""

    name: str
    components: tuple[Component, ...]
    scale: dict[str, Fraction]
    yes_no: frozenset[str] = frozenset()
    bands: tuple[tuple[str, Fraction | None], ...] = ()
    regulation: dict = field(default_factory=dict)
    short: dict = field(default_factory=dict)

    @property
    def official(self) -> bool:
        """Whether the framework lists its criteria (the answers must then be those criteria)."""
        return any(c.criteria for c in self.components)


@cache
def framework(name: str) -> Framework:
    """The framework of a regulation, read from its data file."""
    try:
        text = resources.files("reportgen.designs.sakip").joinpath("frameworks", f"{name}.yaml").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KeyError(name) from None
    data = yaml.safe_load(text)
    components = tuple(
        Component(
            code,
            spec["weight"],
            tuple((sub, subspec["share"]) for sub, subspec in spec["subcomponents"].items()),
            spec.get("name"),
            {
                sub: tuple(Criterion(c["number"], c["text"]) for c in subspec.get("criteria", ()))
                for sub, subspec in spec["subcomponents"].items()
                if subspec.get("criteria")
            },
            {sub: subspec["name"] for sub, subspec in spec["subcomponents"].items() if subspec.get("name")},
        )
        for code, spec in data["components"].items()
    )
    return Framework(
        data["name"],
        components,
        {str(k): Fraction(v) / 100 for k, v in data["scale"].items()},
        frozenset(data.get("yes_no", ())),
        _bands(data["predicates"]),
        data["regulation"],
        data["short"],
    )


def _bands(rows) -> tuple[tuple[str, Fraction | None], ...]:
    return tuple((row["predicate"], None if row["above"] is None else Fraction(str(row["above"]))) for row in rows)


def custom_framework(components: tuple[Component, ...]) -> Framework:
    """A study's own components (``components:``), scored on the current regulation's scale and bands."""
    current = framework("permenpan-rb-88-2021")
    return Framework("custom", components, current.scale, current.yes_no, current.bands)


def citation(fw: Framework, lang: str, short: bool = False) -> str:
    """The regulation a framework comes from, in the report's language ('' for a study's own)."""
    return (fw.short if short else fw.regulation).get(lang, "")


def predicate(total, bands: tuple[tuple[str, Fraction | None], ...], boundary: str = "gt") -> str:
    """The predicate of a total of 0–100 (a Fraction compares exactly); ``gt``: a boundary value
    belongs to the lower band, as the regulation writes "> 90 – 100"."""
    for name, lower in bands:
        if lower is None or total > lower or (boundary == "ge" and total >= lower):
            return name
    return bands[-1][0]


TIE_PLACES = 9  # two scores, shares or gains equal to this many decimals tie (floating point aside)


def extremes(values: dict[str, float], places: int = TIE_PLACES) -> tuple[list[str], list[str]]:
    """The keys with the highest and those with the lowest value, every tied key kept, in the
    given order. Values equal to ``places`` decimals tie: scores come from a handful of answer
    levels, so two units or components often reach exactly the same share, and a sentence that
    names one of them contradicts the table that shows both. When every value ties, both lists
    hold every key (the caller says the values are even)."""
    rounded = {k: round(v, places) for k, v in values.items()}
    top, bottom = max(rounded.values()), min(rounded.values())
    return [k for k, v in rounded.items() if v == top], [k for k, v in rounded.items() if v == bottom]


@dataclass(frozen=True)
class Finding:
    """A criterion a unit did not fully meet, written as an audit finding: the criterion (the
    standard, *kriteria*), the condition found (*kondisi*: the answer, the evaluator's note and
    the evidence examined), the cause and effect where the evaluator wrote them (*sebab*,
    *akibat*) and the evaluator's own recommendation ('' when none) — the elements of a finding
    in the government internal audit standard (AAIPI, Standar Audit Intern Pemerintah Indonesia,
    2021, std. 2330) and in BPKP's guide to writing LHE findings.

    ``points``: the criterion's share of the total (component weight × sub-component share ÷ its
    criteria that apply); ``gain``: the points short of full marks, (1 − value) × points."""

    component: str
    subcomponent: str
    criterion: str
    number: str
    answer: str
    value: float
    note: str
    evidence: str
    cause: str
    effect: str
    recommendation: str
    points: float
    row: int

    @property
    def gain(self) -> float:
        return (1 - self.value) * self.points

    @property
    def missing(self) -> bool:
        """A gap in *keberadaan* (whether the document or mechanism exists): its existence is the
        precondition of its quality and use, so these come first."""
        return self.subcomponent == EXISTENCE

    def short_of(self, target: float) -> float:
        """Points the criterion adds when raised to ``target`` (0–1), 0 at or above it."""
        return max(target - self.value, 0.0) * self.points


EXISTENCE = "keberadaan"


def criterion_points(answers, components: tuple[Component, ...]) -> list[float]:
    """Each answer row's share of the total: component weight × sub-component share ÷ the
    sub-component's criteria that apply in that unit (every criterion of a sub-component counts
    alike; an N/A row has none)."""
    sizes = answers[answers["value"].notna()].groupby(["unit", "component", "subcomponent"]).size().to_dict()  # N/A left out
    weights = {(c.code, s): c.weight * share for c in components for s, share in c.subcomponents}
    return [
        weights[(c, s)] / sizes[(u, c, s)] if v == v else 0.0
        for u, c, s, v in zip(answers["unit"], answers["component"], answers["subcomponent"], answers["value"])
    ]


def severity(finding: Finding) -> tuple:
    """The order of findings, most severe first: gaps in keberadaan before the rest, then the
    points short of full marks (grade gap × the criterion's weight), then the worksheet's order."""
    return (not finding.missing, -round(finding.gain, TIE_PLACES), finding.row)


def severity_score(finding: Finding) -> float:
    """:func:`severity` as one number, larger more severe (for :func:`with_ties`): a gap in
    keberadaan above any other, then the points short (a criterion is worth at most 100)."""
    return (1000.0 if finding.missing else 0.0) + finding.gain


def ranked_findings(answers, components: tuple[Component, ...], unit: str, target: float = 1.0) -> list[Finding]:
    """The unit's criteria below ``target`` (0–1 of the criterion's weight; by default full
    marks), most severe first (:func:`severity`)."""
    rows = answers[answers["unit"] == unit]
    points = criterion_points(rows, components)
    text = lambda r, key: str(getattr(r, key, "") or "")  # noqa: E731  (optional columns)
    found = [
        Finding(
            r.component,
            r.subcomponent,
            r.criterion,
            text(r, "number"),
            r.answer,
            r.value,
            text(r, "note"),
            text(r, "evidence"),
            text(r, "cause"),
            text(r, "effect"),
            text(r, "recommendation"),
            p,
            r.row,
        )
        for r, p in zip(rows.itertuples(), points)
        if r.value < target and r.value < 1
    ]
    return sorted(found, key=severity)


def unit_findings(answers, components: tuple[Component, ...], unit: str, target: float = 1.0) -> dict[str, list[Finding]]:
    """Component → :func:`ranked_findings` of that component; components in the framework's
    order, those without findings left out."""
    return by_component(ranked_findings(answers, components, unit, target), components)


def by_component(found: list[Finding], components: tuple[Component, ...]) -> dict[str, list[Finding]]:
    """Component → its findings of ``found`` (in their order); components in the framework's
    order, those without findings left out."""
    out: dict[str, list[Finding]] = {}
    for c in components:
        mine = [f for f in found if f.component == c.code]
        if mine:
            out[c.code] = mine
    return out


WEAK = 0.3  # an answer at or below this share of the criterion's weight is weak: D or E (88/2021), D, E or T (12/2015)


@dataclass(frozen=True)
class Weakness:
    """A criterion across the units: how far below full marks it falls on average (``shortfall``,
    0–1 of its weight, N/A left out) and in how many units it is weak (D or E)."""

    component: str
    subcomponent: str
    criterion: str
    shortfall: float
    weak: int
    row: int  # the first row where the worksheet answers it


def common_weaknesses(answers) -> list[Weakness]:
    """Every criterion below full marks somewhere, the most severe first: the largest mean
    shortfall across the units, then the most units weak on it, then the worksheet's order. A
    criterion at B in every unit falls short by 30%, one at E in every unit by 100%: counting
    units below full marks would rank them alike."""
    rows = answers[answers["value"].notna()]
    out = []
    for (c, s, k), group in rows.groupby(["component", "subcomponent", "criterion"], sort=False):
        shortfall = float((1 - group["value"]).mean())
        if shortfall > 0:
            out.append(Weakness(c, s, k, shortfall, int((group["value"] <= WEAK).sum()), int(group["row"].min())))
    return sorted(out, key=lambda w: (-round(w.shortfall, TIE_PLACES), -w.weak, w.row))


def with_ties(items: list, count: int, key) -> list:
    """The first ``count`` of ``items`` (ordered by ``key``, best first) and every later item that
    ties with the last of them: a cut never separates equals (to :data:`TIE_PLACES` decimals)."""
    if len(items) <= count:
        return list(items)
    last = round(key(items[count - 1]), TIE_PLACES)
    return list(items[:count]) + [item for item in items[count:] if round(key(item), TIE_PLACES) == last]


def framework_of(config) -> Framework:
    """The study's framework: a regulation's, or its own ``components:`` on the current scale."""
    if config.components:
        return custom_framework(
            tuple(
                Component(code, spec.weight, tuple((s, sub.share) for s, sub in spec.subcomponents.items()))
                for code, spec in config.components.items()
            )
        )
    return framework(config.framework)


def components_of(config) -> tuple[Component, ...]:
    """The components of the study's framework (``config``: a SAKIP study file's)."""
    return framework_of(config).components
