"""The findings and recommendations of a unit's LHE, written as an audit writes them.

Each criterion answered below the study's target (``settings.target``, by default 80% of the
criterion's weight: BB under PermenPAN-RB 88/2021) is a finding with its four elements (AAIPI,
*Standar Audit Intern Pemerintah Indonesia*, 2014): the criterion (*kriteria*, the LKE's
standard), the condition found (*kondisi*: grade, the evaluator's note, the evidence examined),
the cause and effect where the evaluator wrote them (*sebab*, *akibat*), and a recommendation.
Findings are grouped by component and sub-component and ordered by severity (gaps in keberadaan
first, then the points short of full marks); each component's paragraph first acknowledges
what the unit does well (criteria at A or AA).

The recommendations section turns the findings into a numbered list: the evaluator's own
recommendation for a criterion stands alone; the findings of one sub-component without one
share the sub-component's action (``lhe.actions_grouped``, or the study's ``actions:``) with
their criteria named, so that thirty findings do not read as thirty copies of one sentence.
Its paragraph states what closing the findings is worth: the total if every finding reached the
target (computed exactly), not the distance to 100.
"""

from __future__ import annotations

from fractions import Fraction

from reportgen.designs.sakip.actions import action
from reportgen.interpret.sakip import EXISTENCE, Finding, by_component, predicate, severity_score, with_ties
from reportgen.report.builder import SakipBuilder, d, h, s
from reportgen.report.document import Section
from reportgen.stats.sakip import total_at_target
from reportgen.words.locale import join_list

STRONG = Fraction(9, 10)  # a criterion at or above this share of its weight is a strength: A or AA (88/2021), A (12/2015)


def findings_section(b: SakipBuilder, results, unit: str, name, number: str) -> tuple[Section, dict[str, list[Finding]]]:
    """Section ``number``: one sub-section per component, its strengths and findings."""
    config = b.study.config
    words = b.labels["lhe"]
    target = results.target
    found = by_component(results.findings[unit], results.components)
    rows = results.answers[results.answers["unit"] == unit]
    u = results.units[unit]
    section = b.section(words["findings"], 2, number)
    section.blocks += b.say(
        "lhe_findings_intro.j2",
        unit=config.units.get(unit, unit),
        target=target_grade(results.framework, target),
        target_pct=b.trimmed(100 * float(target), 2) + "%",
        n=b.integer(sum(len(v) for v in found.values())),
        n_int=sum(len(v) for v in found.values()),
    )
    for k, component in enumerate(results.components, start=1):
        part = b.section(name(component.code), 3, f"{number}.{k}")
        mine = rows[(rows["component"] == component.code) & rows["value"].notna()]
        items = found.get(component.code, [])
        strong = mine[mine["value"] >= float(STRONG)]
        met = int((mine["value"] >= float(target)).sum())  # at the target or above: what the unit does well
        strong_subs = [
            name(sub).lower()
            for sub, _ in component.subcomponents
            if len(mine[mine["subcomponent"] == sub]) and (mine[mine["subcomponent"] == sub]["value"] >= float(target)).all()
        ]
        t = (
            _findings_table(
                b, component, items, name, f"lhe.findings.{component.code}", words["findings_title"].format(component=name(component.code))
            )
            if items
            else None
        )
        missing = [f for f in items if f.missing]
        first = with_ties(items, 1, key=severity_score)  # the first by severity and any that tie with it
        part.blocks += b.say(
            "lhe_findings.j2",
            refs=(t.key,) if t else (),
            component=name(component.code),
            score=b.decimal(u.components[component.code], 2),
            weight=b.trimmed(component.weight),
            pct=b.pct(100 * u.components[component.code] / component.weight),
            criteria=b.integer(len(mine)),
            strong=b.integer(len(strong)),
            strong_int=len(strong),
            met=b.integer(met),
            met_int=met,
            strong_subs=join_list(strong_subs, b.lang),
            strong_subs_n=len(strong_subs),
            n=b.integer(len(items)),
            n_int=len(items),
            table=b.ref(t) if t else "",
            target=target_grade(results.framework, target),
            missing=b.integer(len(missing)),
            missing_int=len(missing),
            existence=name(EXISTENCE),
            strong_grades=_strong_grades(b, results.framework),
            first=join_list([f.number or f"“{f.criterion}”" for f in first], b.lang),
            first_n=len(first),
            first_gain=b.decimal(first[0].gain, 2) if first else "",
            first_missing=bool(first) and first[0].missing,
        )
        if t:
            part.add(t)
        section.add(part)
    return section, found


def _strong_grades(b: SakipBuilder, fw) -> str:
    """ "A atau AA": the grades counted as strengths, highest last."""
    return join_list([g for g, v in reversed(fw.scale.items()) if v >= STRONG], b.lang, "or")


def _criterion(f: Finding) -> str:
    return f"{f.number} {f.criterion}".strip()


def target_grade(fw, target: Fraction) -> str:
    """The grade the target equals on the framework's scale ('80%' when it equals none)."""
    same = [grade for grade, value in fw.scale.items() if Fraction(value) == target]
    return same[0] if same else f"{float(100 * target):g}%"


def _findings_table(b: SakipBuilder, component, items: list[Finding], name, key: str, title: str):
    """No | Kriteria | Kondisi | [Sebab dan Akibat] | [Rekomendasi Evaluator] | Selisih Nilai, a row per
    finding under a row per sub-component; the optional columns only when some finding has them."""
    words = b.labels["lhe"]
    causes = any(f.cause or f.effect for f in items)
    own = any(f.recommendation for f in items)
    letters = {sub: chr(ord("a") + i) for i, (sub, _) in enumerate(component.subcomponents)}
    span = 4 + causes + own
    rows, number = [], 0
    for sub, _ in component.subcomponents:
        group = [f for f in items if f.subcomponent == sub]
        if not group:
            continue
        rows.append([s(f"{letters[sub]}. {name(sub)}", colspan=span, bold=True)])
        for f in group:
            number += 1
            row = [d(b.integer(number)), s(_criterion(f)), s(_condition(b, f))]
            if causes:
                row.append(
                    s(
                        "\n".join(
                            part for part in (f.cause and f"{words['cause']}: {f.cause}", f.effect and f"{words['effect']}: {f.effect}") if part
                        )
                        or "–"
                    )
                )
            if own:
                row.append(s(f.recommendation or "–"))
            row.append(d(b.decimal(f.gain, 2)))
            rows.append(row)
    header = (
        [h("No"), h(b.labels["sakip_criterion"]), h(words["condition"])]
        + ([h(words["cause_effect"])] if causes else [])
        + ([h(words["own_recommendation"])] if own else [])
        + [h(words["gain"])]
    )
    widths = (0.45, 2.9, 2.6) + ((1.9,) if causes else ()) + ((2.1,) if own else ()) + (0.9,)
    return b.table(key, title, [header], rows, widths=widths, small=True, notes=(words["gain_note"],))


def _condition(b: SakipBuilder, f: Finding) -> str:
    """Kondisi: the grade and its value, the evaluator's note, the evidence examined."""
    words = b.labels["lhe"]
    lines = [words["graded"].format(answer=f.answer, value=b.trimmed(100 * f.value, 2))]
    if f.note:
        lines.append(f.note)
    if f.evidence:
        lines.append(f"{words['evidence']}: {f.evidence}")
    return "\n".join(lines)


def recommendations_section(b: SakipBuilder, results, unit: str, found: dict[str, list[Finding]], name, number: str) -> Section:
    """Section ``number``: the numbered recommendations, by component, the most severe first."""
    config = b.study.config
    words = b.labels["lhe"]
    section = b.section(words["recommendations"], 2, number)
    if not found:
        return section
    rows, count = [], 0
    for code, items in found.items():
        rows.append([s(name(code), colspan=2, bold=True)])
        for text in _recommendations(b, config, items, name):
            count += 1
            rows.append([d(b.integer(count)), s(text)])
    t = b.table("lhe.recommendations", words["recommendations_title"], [[h("No"), h(words["action"])]], rows, widths=(0.5, 7.5), small=True)
    target = results.target
    u = results.units[unit]
    raised = results.at_target[unit]
    stages = _stages(b, results, unit, target, found, name)
    all_found = [f for items in found.values() for f in items]
    missing = [f for f in all_found if f.missing]
    section.blocks += b.say(
        "lhe_recommendations.j2",
        refs=(t.key,),
        unit=config.units.get(unit, unit),
        n=b.integer(count),
        n_int=count,
        findings=b.integer(len(all_found)),
        table=b.ref(t),
        missing=b.integer(len(missing)),
        missing_int=len(missing),
        existence=name(EXISTENCE).lower(),
        target=target_grade(results.framework, target),
        total=b.decimal(u.total, 2),
        raised=b.decimal(float(raised), 2),
        predicate=predicate(u.exact, results.framework.bands, config.settings.boundary),
        raised_predicate=predicate(raised, results.framework.bands, config.settings.boundary),
        stages=stages,
    )
    section.add(t)
    return section


def _stages(b: SakipBuilder, results, unit: str, target: Fraction, found: dict[str, list[Finding]], name) -> list[dict]:
    """The total (and predicate) if the findings of the first sub-components reached the target,
    one sub-component more each step (keberadaan; then kualitas; …), before the last step (all
    of them, the paragraph's own figure): how far existence alone goes. Only sub-components with
    findings; none when there is a single step."""
    order = list(dict.fromkeys(sub for c in results.components for sub, _ in c.subcomponents))
    with_findings = [sub for sub in order if any(f.subcomponent == sub for items in found.values() for f in items)]
    config = b.study.config
    steps = []
    for k in range(1, len(with_findings)):
        total = total_at_target(results.answers, results.components, unit, target, set(with_findings[:k]))
        steps.append(
            {
                "subs": join_list([name(s).lower() for s in with_findings[:k]], b.lang),
                "new": name(with_findings[k - 1]).lower(),
                "total": b.decimal(float(total), 2),
                "predicate": predicate(total, results.framework.bands, config.settings.boundary),
            }
        )
    return steps


def _recommendations(b: SakipBuilder, config, items: list[Finding], name) -> list[str]:
    """The recommendations of one component's findings, in the findings' order: the evaluator's
    own for its criterion (its number after it), the sub-component's action once for the other
    findings there, their criteria in the worksheet's order."""
    words = b.labels["lhe"]
    out: list[str | list[Finding]] = []
    grouped: dict[str, list[Finding]] = {}
    for f in items:
        if f.recommendation:
            out.append(words["own"].format(text=f.recommendation.rstrip("."), criterion=f.number or f"“{f.criterion}”"))
        elif f.subcomponent in grouped:
            grouped[f.subcomponent].append(f)
        else:
            grouped[f.subcomponent] = [f]
            out.append(grouped[f.subcomponent])  # its place: where the sub-component's first finding stands
    return [entry if isinstance(entry, str) else action(b, config, sorted(entry, key=lambda f: f.row), name) for entry in out]
