"""One Laporan Hasil Evaluasi (LHE) AKIP per unit, as an Inspektorat sends it to that unit.

A cover letter (place and date, Nomor, Sifat, Lampiran, Hal, the addressee, the result in two
paragraphs, the signature), then the report: basis, purpose, scope and method (with the
evaluation team), the unit's score per component and sub-component with its predicate and
change, the findings per component (each criterion below full marks: its answer, the
evaluator's note and the points it would add), the recommended actions (one per finding,
from the sub-component's template — ``lhe.actions`` in labels.yaml, or the study's
``actions:`` — grouped by component, most points first), the follow-up of last year's
recommendations, the closing with the signature, and the unit's answers (LKE) as an appendix.
Written only when the study file has ``letter:`` (and its ``signatory:``).
"""

from __future__ import annotations

import re

from reportgen.designs.sakip.actions import action
from reportgen.designs.sakip.chapter import _name, framework_source, score_table, unit_sentence_values
from reportgen.designs.sakip.signature import letter_date, letter_year, signature
from reportgen.interpret.sakip import citation, extremes, unit_findings, with_ties
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Document, Paragraph
from reportgen.report.numbering import in_reading_order
from reportgen.words.locale import join_list


TITLE_NAME_WHOLE = 32  # a unit's name up to this long stays on one line of the title ("DINAS KESEHATAN", not "DINAS / KESEHATAN")


def lhe_documents(make_builder, results) -> list[tuple[str, Document, dict]]:
    """(file stem, document, labels) of every unit's LHE, in the order of the answers' units."""
    from reportgen.output.names import NameBook

    names = NameBook()  # two units whose names differ only in case or punctuation keep a file each
    out = []
    for k, unit in enumerate(results.units, start=1):
        b: Builder = make_builder()
        doc = build_lhe(b, results, unit, k)
        slug = names.name(re.sub(r"[^a-z0-9]+", "-", unit.lower()).strip("-"), "unit", key=unit)  # "Dinas Sosial, PP dan PA" → dinas-sosial-pp-dan-pa
        stem = b.labels["lhe"]["file"].format(unit=slug, year=results.year)
        out.append((stem, doc, b.labels))
    return out


def build_lhe(b: Builder, results, unit: str, letter_index: int) -> Document:
    config = b.study.config
    words = b.labels["lhe"]
    lang = b.lang
    name = lambda code: _name(code, lang, config, b.labels["sakip_names"])  # noqa: E731
    unit_name = config.units.get(unit, unit)
    u = results.units[unit]
    year = str(results.year)
    evaluator = config.study.author or config.signatory.position.get(lang)
    regulation = citation(results.framework, lang)
    period = config.period.get(lang) if config.period else ""
    heading_name = unit_name.upper().replace(" ", "\u00a0") if len(unit_name) <= TITLE_NAME_WHOLE else unit_name.upper()
    doc = Document(lang=lang, chapter_label=words["report"], title=words["title"].format(unit=heading_name, year=year),
                   study_title=config.study.title.get(lang), author=config.study.author, year=config.study.year,
                   contents_title=b.labels["contents"], first_page=1)
    values = unit_sentence_values(b, results, u, name)
    doc.letter = _letter(b, config, unit_name, year, letter_index) + b.say(
        "lhe_letter.j2", unit=unit_name, year=year, regulation=regulation, evaluator=evaluator, period=period,
        total=values["total"], predicate=values["predicate"], change=values["change"], up=values["up"],
        previous=values["previous"]) + signature(b, config)

    basis = b.section(words["basis"], 2, "1")
    basis.blocks += b.say("sakip_legal.j2", regulation=regulation)
    purpose = b.section(words["purpose"], 2, "2")
    purpose.blocks += b.say("lhe_purpose.j2", unit=unit_name, year=year)

    scope = b.section(words["scope"], 2, "3")
    from reportgen.designs.sakip.chapter import _weight_rows

    weights = b.table("lhe.weights", b.labels["sakip_weights_title"],
                      [[h(b.labels["sakip_component"]), h(b.labels["sakip_weight"]), h(b.labels["sakip_subcomponent"]),
                        h(b.labels["sakip_share"]), h(b.labels["sakip_points"])]], _weight_rows(results.components, b, name),
                      widths=(3, 1, 2, 1.2, 1), source=framework_source(b, config, results.framework))
    team = None
    if config.team:
        team = b.table("lhe.team", words["team_title"], [[h("No"), h(words["name"]), h(words["nip"]), h(words["role"])]],
                       [[d(b.i(k)), s(m.name), d(m.nip or "–"), s(m.role.get(lang))] for k, m in enumerate(config.team, start=1)],
                       widths=(0.5, 3, 2.2, 2.3), source=b.label("sakip_source_team", evaluator=evaluator, year=letter_year(config.letter.date, year)))
    criteria = int((results.answers["unit"] == unit).sum())
    scope.blocks += b.say("lhe_scope.j2", criteria=b.i(criteria), components=b.i(len(results.components)),
                          names=join_list([name(c.code) for c in results.components], b.lang), weights=b.ref(weights),
                          period=period, team=b.ref(team) if team else "")
    scope.add(weights)
    if team:
        scope.add(team)

    scores = b.section(words["results"], 2, "4")
    table = score_table(b, results, u, "lhe.scores", words["scores_title"].format(unit=unit_name), name)
    scores.blocks += b.say("sakip_unit.j2", refs=(table.key,), table=b.ref(table), unit=unit_name, **values)
    scores.add(table)

    found = unit_findings(results.answers, results.components, unit)
    findings = b.section(words["findings"], 2, "5")
    for k, (code, items) in enumerate(found.items(), start=1):
        part = b.section(name(code), 3, f"5.{k}")
        component = next(c for c in results.components if c.code == code)
        rows = [[d(b.i(j)), s(f.criterion), s(name(f.subcomponent)), d(f.answer), s(f.note or "–"), d(b.f(f.gain, 2))]
                for j, f in enumerate(items, start=1)]
        t = b.table(f"lhe.findings.{code}", words["findings_title"].format(component=name(code)),
                    [[h("No"), h(b.labels["sakip_criterion"]), h(b.labels["sakip_subcomponent"]), h(b.labels["sakip_answer"]),
                      h(b.labels["sakip_note"]), h(words["gain"])]], rows, widths=(0.45, 3.4, 1.3, 0.9, 2.6, 1.1), small=True)
        first = items[0]
        tied = len(with_ties(items, 1, key=lambda f: f.gain))  # criteria adding as much as the first
        part.blocks += b.say("lhe_findings.j2", refs=(t.key,), component=name(code), score=b.f(u.components[code], 2),
                             weight=b.g(component.weight), pct=b.pct(100 * u.components[code] / component.weight),
                             n=b.i(len(items)), n_int=len(items), tied=tied, tied_n=b.i(tied), table=b.ref(t), first=first.criterion, answer=first.answer, note=first.note,
                             gain=b.f(first.gain, 2), total_gain=b.f(sum(f.gain for f in items), 2))
        part.add(t)
        findings.add(part)

    advice = b.section(words["recommendations"], 2, "6")
    if found:
        rows, number = [], 0
        for code, items in found.items():
            rows.append([s(name(code), colspan=3, bold=True)])
            for f in items:
                number += 1
                rows.append([d(b.i(number)), s(action(b, config, f, name)), d(b.f(f.gain, 2))])
        t = b.table("lhe.recommendations", words["recommendations_title"], [[h("No"), h(words["action"]), h(words["gain"])]],
                    rows, widths=(0.5, 6.2, 1.3), small=True)
        gains = {code: sum(f.gain for f in items) for code, items in found.items()}
        first = extremes(gains)[0]
        advice.blocks += b.say("lhe_recommendations.j2", refs=(t.key,), unit=unit_name, n=b.i(number), table=b.ref(t),
                               gain=b.f(sum(gains.values()), 2), first=join_list([name(c) for c in first], lang),
                               first_n=len(first), first_gain=b.f(gains[first[0]], 2))
        advice.add(t)

    follow = b.section(words["follow_up"], 2, "7")
    mine = results.follow_up[results.follow_up["unit"] == unit] if results.follow_up is not None else None
    last_year = str(results.year - 1)
    counts = {status: 0 if mine is None else int((mine["status"] == status).sum()) for status in ("done", "in progress", "not yet")}
    t = None
    if mine is not None and len(mine):
        t = b.table("lhe.follow_up", words["follow_up_title"].format(year=last_year),
                    [[h("No"), h(words["recommendation"]), h(words["status"]), h(words["note"])]],
                    [[d(b.i(j)), s(r.recommendation), d(words["statuses"][r.status]), s(r.note or "–")]
                     for j, r in enumerate(mine.itertuples(), start=1)], widths=(0.5, 4.4, 1.5, 2.2), small=True,
                    source=b.label("sakip_source_follow_up", year=last_year))
    follow.blocks += b.say("lhe_follow_up.j2", refs=(t.key,) if t else (), total=b.i(sum(counts.values())) if t else "",
                           done=b.i(counts["done"]), progress=b.i(counts["in progress"]), not_yet=b.i(counts["not yet"]),
                           not_yet_n=counts["not yet"], table=b.ref(t) if t else "", last_year=last_year, unit=unit_name)
    if t:
        follow.add(t)

    closing = b.section(words["closing"], 2, "8")
    closing.blocks += b.say("lhe_closing.j2", unit=unit_name, year=year, evaluator=evaluator)
    closing.blocks += signature(b, config, dated=True)

    appendix = b.section(words["appendix"], 2, "", new_page=True)
    rows = [[d(b.i(j)), s(f"{name(r.component)} / {name(r.subcomponent)}"), s(f"{r.number} {r.criterion}".strip()), d(r.answer),
             d("–" if r.value != r.value else b.g(100 * r.value, 2) + "%"), s(r.note or "–")] for j, r in enumerate(results.answers[results.answers["unit"] == unit].itertuples(), start=1)]
    lke = b.table("lhe.lke", words["appendix_title"].format(unit=unit_name, year=year),
                  [[h("No"), h(b.labels["sakip_component_sub"]), h(b.labels["sakip_criterion"]), h(b.labels["sakip_answer"]),
                    h(b.labels["sakip_value"]), h(b.labels["sakip_note"])]], rows,
                  widths=(0.45, 2.2, 3.4, 0.8, 0.8, 2.2), small=True)
    appendix.add(Paragraph(words["appendix_intro"].format(table=b.ref(lke), unit=unit_name, year=year), refs=(lke.key,)))
    appendix.add(lke)
    doc.sections = [basis, purpose, scope, scores, findings, advice, follow, closing, appendix]
    doc.sections = [section for section in doc.sections if section.blocks]
    in_reading_order(doc, b.labels["table"], b.labels["figure"])
    return doc


def _letter(b: Builder, config, unit: str, year: str, index: int) -> list[Paragraph]:
    words = b.labels["lhe"]
    letter = config.letter
    text = lambda value, default: value.get(b.lang) if value is not None else default  # noqa: E731
    number = letter.number.replace("{n}", f"{index:02d}") if "{n}" in letter.number else f"{letter.number}/{index:02d}"
    place = letter.addressee_place or words["at_default"]
    lines = [Paragraph(f"{letter.place}, {letter_date(letter.date, words['months'])}", style="right"),
             Paragraph(f"{words['number']}\t{number}", style="field"),
             Paragraph(f"{words['nature']}\t{text(letter.nature, words['nature_default'])}", style="field"),
             Paragraph(f"{words['attachments']}\t{text(letter.attachments, words['attachments_default'])}", style="field"),
             Paragraph(f"{words['subject']}\t{text(letter.subject, words['subject_default']).format(unit=unit, year=year)}", style="field"),
             Paragraph("", style="gap"),
             Paragraph(f"{words['to']} {text(letter.addressee, head_of(unit, words)).format(unit=unit, year=year)}", style="plain")]
    if place:
        lines.append(Paragraph(words["at"].format(place=place), style="plain"))
    return lines + [Paragraph("", style="gap")]


def head_of(unit: str, words: dict) -> str:
    """Whom a letter to ``unit`` addresses: its head by office where the name says which (Camat
    for a Kecamatan, Sekretaris Daerah for the Sekretariat Daerah: ``lhe.heads``), else
    ``Kepala {unit}``."""
    for start, head in words["heads"].items():
        if unit.startswith(start):
            return head + unit[len(start):]
    return words["addressee_default"]
