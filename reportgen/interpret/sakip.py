"""SAKIP evaluation frameworks and predicates.

- PermenPAN-RB No. 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah:
  Perencanaan Kinerja 30, Pengukuran Kinerja 30, Pelaporan Kinerja 15, Evaluasi Akuntabilitas
  Kinerja Internal 25; each component split into pemenuhan 20%, kualitas 30%, pemanfaatan 50%.
- PermenPAN-RB No. 12 Tahun 2015 tentang Pedoman Evaluasi atas Implementasi SAKIP:
  perencanaan 30, pengukuran 25, pelaporan 15, evaluasi 10, capaian 20 (one sub-component each
  here; a study may give its own ``components:`` for the detailed sub-components).
- Predicates (both regulations): AA > 90–100, A > 80–90, BB > 70–80, B > 60–70, CC > 50–60,
  C > 30–50, D 0–30, where "> 90" means exactly 90 is A; ``boundary: ge`` treats it as AA.
- Answers: Y/T → 1/0; A–E → 1; 0,75; 0,5; 0,25; 0; a number 0–100 → divided by 100.
"""

from __future__ import annotations

from dataclasses import dataclass

SUB_88 = (("pemenuhan", 0.20), ("kualitas", 0.30), ("pemanfaatan", 0.50))
PREDICATES = (("AA", 90), ("A", 80), ("BB", 70), ("B", 60), ("CC", 50), ("C", 30), ("D", 0))
LETTERS = {"A": 1.0, "B": 0.75, "C": 0.5, "D": 0.25, "E": 0.0}
YES_NO = {"Y": 1.0, "YA": 1.0, "YES": 1.0, "T": 0.0, "TIDAK": 0.0, "N": 0.0, "NO": 0.0}
CITATIONS = {
    "permenpan-rb-88-2021": {
        "id": "Peraturan Menteri PANRB Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah",
        "en": "Regulation of the Minister of Administrative and Bureaucratic Reform (PANRB) No. 88 of 2021 on the "
              "Evaluation of Government Agencies' Performance Accountability"},
    "permenpan-rb-12-2015": {
        "id": "Peraturan Menteri PANRB Nomor 12 Tahun 2015 tentang Pedoman Evaluasi atas Implementasi SAKIP",
        "en": "Regulation of the Minister of Administrative and Bureaucratic Reform (PANRB) No. 12 of 2015 on the "
              "Guidelines for Evaluating the Implementation of SAKIP"},
}
SHORT_CITATIONS = {"permenpan-rb-88-2021": {"id": "PermenPANRB 88/2021", "en": "PANRB Regulation 88/2021"},
                   "permenpan-rb-12-2015": {"id": "PermenPANRB 12/2015", "en": "PANRB Regulation 12/2015"}}


def citation(framework: str, lang: str, short: bool = False) -> str:
    """The regulation a framework comes from, in the report's language ('' for a study's own)."""
    return (SHORT_CITATIONS if short else CITATIONS).get(framework, {}).get(lang, "")


@dataclass(frozen=True)
class Component:
    code: str
    weight: float  # points of the total 100
    subcomponents: tuple[tuple[str, float], ...]  # (code, share of the component weight)


def framework(name: str) -> tuple[Component, ...]:
    if name == "permenpan-rb-88-2021":
        return tuple(Component(c, w, SUB_88) for c, w in (("perencanaan", 30), ("pengukuran", 30), ("pelaporan", 15), ("evaluasi", 25)))
    if name == "permenpan-rb-12-2015":
        return tuple(Component(c, w, (("nilai", 1.0),)) for c, w in
                     (("perencanaan", 30), ("pengukuran", 25), ("pelaporan", 15), ("evaluasi", 10), ("capaian", 20)))
    raise KeyError(name)


def answer_value(cell: str) -> float | None:
    """Y/T, A–E or 0–100 → 0…1; None when the answer is not allowed."""
    text = str(cell).strip().upper()
    if text in YES_NO:
        return YES_NO[text]
    if text in LETTERS:
        return LETTERS[text]
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    return number / 100 if 0 <= number <= 100 else None


def predicate(total: float, boundary: str = "gt") -> str:
    """AA … D for a total of 0–100; ``gt``: a boundary value belongs to the lower band."""
    for name, lower in PREDICATES[:-1]:
        if total > lower or (boundary == "ge" and total >= lower):
            return name
    return "D"


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
    """A criterion a unit did not fully meet: its answer, the evaluator's note, and the points
    of the total it would add if met in full (``gain``)."""

    component: str
    subcomponent: str
    criterion: str
    answer: str
    value: float
    note: str
    gain: float
    row: int


def criterion_points(answers, components: tuple[Component, ...]) -> list[float]:
    """Each answer row's share of the total: component weight × sub-component share ÷ the
    sub-component's criteria in that unit (every criterion of a sub-component counts alike)."""
    sizes = answers.groupby(["unit", "component", "subcomponent"]).size().to_dict()
    weights = {(c.code, s): c.weight * share for c in components for s, share in c.subcomponents}
    return [weights[(c, s)] / sizes[(u, c, s)] for u, c, s in zip(answers["unit"], answers["component"], answers["subcomponent"])]


def ranked_findings(answers, components: tuple[Component, ...], unit: str) -> list[Finding]:
    """The unit's criteria below full marks, the one that would add most first (the file's order
    among equals)."""
    rows = answers[answers["unit"] == unit]
    points = criterion_points(rows, components)
    found = [Finding(r.component, r.subcomponent, r.criterion, r.answer, r.value, r.note or "", (1 - r.value) * p, r.row)
             for r, p in zip(rows.itertuples(), points) if r.value < 1]
    return sorted(found, key=lambda f: (-f.gain, f.row))


def unit_findings(answers, components: tuple[Component, ...], unit: str) -> dict[str, list[Finding]]:
    """Component → :func:`ranked_findings` of that component; components in the framework's
    order, those without findings left out."""
    found = ranked_findings(answers, components, unit)
    out: dict[str, list[Finding]] = {}
    for c in components:
        mine = [f for f in found if f.component == c.code]
        if mine:
            out[c.code] = mine
    return out


def common_weaknesses(answers, units: int, least: float = 0.5) -> list[tuple[str, str, str, int]]:
    """Criteria below full marks in at least ``least`` of the units: (component, sub-component,
    criterion, units below full marks), the most widespread first (the worksheet's order among
    equals: the first row where the criterion is answered)."""
    below = answers[answers["value"] < 1].groupby(["component", "subcomponent", "criterion"], sort=False)
    first = answers.groupby(["component", "subcomponent", "criterion"], sort=False)["row"].min()
    rows = [(c, s, k, int(n)) for (c, s, k), n in below["unit"].nunique().items() if n >= least * units]
    return sorted(rows, key=lambda r: (-r[3], first[r[:3]]))


def with_ties(items: list, count: int, key) -> list:
    """The first ``count`` of ``items`` (ordered by ``key``, best first) and every later item that
    ties with the last of them: a cut never separates equals (to :data:`TIE_PLACES` decimals)."""
    if len(items) <= count:
        return list(items)
    last = round(key(items[count - 1]), TIE_PLACES)
    return list(items[:count]) + [item for item in items[count:] if round(key(item), TIE_PLACES) == last]
