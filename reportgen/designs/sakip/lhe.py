"""One Laporan Hasil Evaluasi (LHE) AKIP per unit, as an Inspektorat sends it to that unit.

A cover letter (place and date, Nomor, Sifat, Lampiran, Hal, the addressee, the result in two
paragraphs, the signature), then the report: basis, purpose, scope and method (with the
evaluation team), the unit's score per component and sub-component with its predicate and
change, the findings per component as an audit writes them and the numbered recommendations
(:mod:`reportgen.designs.sakip.findings`), the follow-up of last year's
recommendations, the closing with the signature, and the unit's answers (LKE) as an appendix.
Written only when the study file has ``letter:`` (and its ``signatory:``).
"""

from __future__ import annotations

from reportgen.designs.sakip.chapter import _name, score_table, unit_sentence_values
from reportgen.designs.sakip.findings import findings_section, recommendations_section
from reportgen.designs.sakip.letter import unit_letter_head
from reportgen.designs.sakip.letterhead import letterhead_of
from reportgen.designs.sakip.signature import copies, letter_year, signature, signer_for
from reportgen.interpret.sakip import citation, criterion_points
from reportgen.report.builder import SakipBuilder, d, h, s
from reportgen.report.document import Document, Paragraph, Section, Task
from reportgen.report.numbering import in_reading_order
from reportgen.report.tasks import finish, task
from reportgen.words.locale import join_list

TITLE_NAME_WHOLE = 32  # a unit's name up to this long stays on one line of the title ("DINAS KESEHATAN", not "DINAS / KESEHATAN")


def lhe_documents(make_builder, results):
    """(file stem, document, labels) of every unit's LHE, in the order of the answers' units; each
    document is built when it is asked for (:class:`~reportgen.report.deferred.Deferred`), so a
    province's 300 LHEs are never in memory at once and each rendering process builds its own.

    The stem (labels ``lhe.file``) names the unit within the file-name limit, never cut inside a
    word (:func:`~reportgen.output.names.short_slug`: fillers out, Provinsi → prov, the shared
    region out, the last words as initials, only as far as needed); two units whose names
    differ only in case or punctuation keep a file each (:class:`~reportgen.output.names.NameBook`)."""
    from reportgen.output.names import NameBook, short_slug
    from reportgen.report.deferred import Deferred

    names = NameBook()
    units = list(results.units)
    file = make_builder().labels["lhe"]["file"]
    stems = [file.format(unit=names.name(short_slug(unit), "unit", key=unit), year=results.year) for unit in units]

    def make(k: int) -> tuple[str, Document, dict]:
        b: SakipBuilder = make_builder()
        return stems[k], build_lhe(b, results, units[k], k + 1), b.labels

    return Deferred(stems, make)


def build_lhe(b: SakipBuilder, results, unit: str, letter_index: int) -> Document:
    config = b.study.config
    letter, signatory = config.letter, config.signatory
    assert letter is not None and signatory is not None  # an LHE is written only with letter: (which needs signatory:)
    words = b.labels["lhe"]
    lang = b.lang
    name = lambda code: _name(code, lang, config, b.labels["sakip_names"])  # noqa: E731
    unit_name = config.units.get(unit, unit)
    u = results.units[unit]
    year = str(results.year)
    evaluator = config.study.author or signatory.position.get(lang)
    regulation = citation(results.framework, lang)
    period = config.period.get(lang) if config.period else ""
    heading_name = unit_name.upper().replace(" ", "\u00a0") if len(unit_name) <= TITLE_NAME_WHOLE else unit_name.upper()
    doc = Document(
        lang=lang,
        chapter_label=words["report"],
        title=words["title"].format(unit=heading_name, year=year),
        study_title=config.study.title.get(lang),
        author=config.study.author,
        year=config.study.year,
        contents_title=b.labels["contents"],
        first_page=1,
    )
    values = unit_sentence_values(b, results, u, name)
    signer = signer_for(b, config, unit, results.register)
    assert signer is not None  # the unit's own signatory, else the study's
    own = unit == results.evaluator_unit  # the evaluator's own office
    other_signer = config.signatory is not None and signer.name != config.signatory.name
    doc.letterhead = letterhead_of(b, config, results.logo)
    doc.letter = _letter(b, results, unit, unit_name, letter_index, values, signer, own and other_signer, evaluator, period)

    basis = b.section(words["basis"], 2, "1")
    basis.blocks += b.say("sakip_legal.j2", regulation=regulation, extra=[item.get(lang).rstrip(" .;") for item in config.legal_basis])
    purpose = b.section(words["purpose"], 2, "2")
    purpose.blocks += b.say("lhe_purpose.j2", unit=unit_name, year=year)

    scope = _scope_section(b, results, unit, unit_name, name, evaluator, period, other_signer if own else None, "3")

    scores = b.section(words["results"], 2, "4")
    table = score_table(b, results, u, "lhe.scores", words["scores_title"].format(unit=unit_name), name)
    scores.blocks += b.say("sakip_unit.j2", refs=(table.key,), table=b.ref(table), unit=unit_name, **values)
    scores.add(table)

    findings, found = findings_section(b, results, unit, name, "5")
    advice = recommendations_section(b, results, unit, found, name, "6")

    follow = follow_up_section(b, results, unit, unit_name, "7")

    closing = b.section(words["closing"], 2, "8")
    closing.blocks += b.say("lhe_closing.j2", unit=unit_name, year=year, evaluator=evaluator)
    closing.blocks += signature(b, config, dated=True, signer=signer)

    appendix = b.section(words["appendix"], 2, "", new_page=True)
    lke = lke_table(b, results, unit, name, words["appendix_title"].format(unit=unit_name, year=year))
    appendix.add(Paragraph(words["appendix_intro"].format(table=b.ref(lke), unit=unit_name, year=year), refs=(lke.key,)))
    appendix.add(lke)
    doc.sections = [basis, purpose, scope, scores, findings, advice, follow, closing, appendix]
    doc.sections = [section for section in doc.sections if section.blocks]
    in_reading_order(doc, b.labels["table"], b.labels["figure"])
    return finish(b, doc)


def _letter(
    b: SakipBuilder, results, unit: str, unit_name: str, letter_index: int, values: dict, signer, reports_to_signer: bool, evaluator: str, period: str
) -> list:
    """The covering letter to the unit's head: its number and addressee under the kop surat, the
    result in brief, the days given for the follow-up, the signature and the copies."""
    config = b.study.config
    letter = config.letter
    assert letter is not None  # an LHE is written only with letter:
    year = str(results.year)
    register = (results.register or {}).get(unit, {})
    return (
        unit_letter_head(b, config, unit_name, year, letter_index, register)
        + b.say(
            "lhe_letter.j2",
            unit=unit_name,
            year=year,
            regulation=citation(results.framework, b.lang),
            evaluator=evaluator,
            period=period,
            total=values["total"],
            predicate=values["predicate"],
            change=values["change"],
            up=values["up"],
            previous=values["previous"],
            own=unit == results.evaluator_unit,
            report_to=signer.position if reports_to_signer else evaluator,
            days=b.integer(letter.follow_up_days) if letter.follow_up_days else "",
        )
        + signature(b, config, signer=signer)
        + copies(b, config)
    )


def _scope_section(
    b: SakipBuilder, results, unit: str, unit_name: str, name, evaluator: str, period: str, own_signed_by_other: bool | None, number: str
) -> Section:
    """3 Ruang Lingkup: the criteria evaluated, the components and their weights, the team; for the
    evaluator's own office the statement of independence (``own_signed_by_other``: whether another
    signs the office's LHE; None for every other unit)."""
    config = b.study.config
    letter = config.letter
    assert letter is not None  # an LHE is written only with letter:
    words = b.labels["lhe"]
    lang = b.lang
    year = str(results.year)
    scope = b.section(words["scope"], 2, number)
    from reportgen.designs.sakip.chapter import weights_table_of

    weights = weights_table_of(b, "lhe.weights", results, name)
    team = None
    if config.team:
        ranks = any(m.rank for m in config.team)  # pangkat/golongan: a column when any member has one
        team = b.table(
            "lhe.team",
            words["team_title"],
            [[h("No"), h(words["name"]), h(words["nip"])] + ([h(words["rank"])] if ranks else []) + [h(words["role"])]],
            [
                [d(b.integer(k)), s(m.name), d(m.nip.replace(" ", "\u00a0") or "–")] + ([d(m.rank or "–")] if ranks else []) + [s(m.role.get(lang))]
                for k, m in enumerate(config.team, start=1)
            ],
            widths=(0.5, 3, 2.2) + ((2.0,) if ranks else ()) + (2.3,),
            source=b.label("sakip_source_team", evaluator=evaluator, year=letter_year(letter.date, year)),
        )
    criteria = int((results.answers["unit"] == unit).sum())
    scope.blocks += b.say(
        "lhe_scope.j2",
        criteria=b.integer(criteria),
        components=b.integer(len(results.components)),
        names=join_list([name(c.code) for c in results.components], b.lang),
        weights=b.ref(weights),
        period=period,
        team=b.ref(team) if team else "",
    )
    scope.add(weights)
    if team:
        scope.add(team)
    if own_signed_by_other is not None:
        scope.blocks += independence(b, config, unit_name, own_signed_by_other)
    return scope


def follow_up_section(b: SakipBuilder, results, unit: str, unit_name: str, number: str) -> Section:
    """What became of last year's recommendations to ``unit``: counted by status, and listed in
    a table when the study gives them (``follow_up``)."""
    words = b.labels["lhe"]
    follow = b.section(words["follow_up"], 2, number)
    mine = results.follow_up[results.follow_up["unit"] == unit] if results.follow_up is not None else None
    last_year = str(results.year - 1)
    counts = {status: 0 if mine is None else int((mine["status"] == status).sum()) for status in ("done", "in progress", "not yet")}
    t = None
    if mine is not None and len(mine):
        t = b.table(
            "lhe.follow_up",
            words["follow_up_title"].format(year=last_year),
            [[h("No"), h(words["recommendation"]), h(words["status"]), h(words["note"])]],
            [
                [d(b.integer(j)), s(r.recommendation), d(words["statuses"][r.status]), s(r.note or "–")]
                for j, r in enumerate(mine.itertuples(), start=1)
            ],
            widths=(0.5, 4.4, 1.5, 2.2),
            small=True,
            source=b.label("sakip_source_follow_up", year=last_year),
        )
    follow.blocks += b.say(
        "lhe_follow_up.j2",
        refs=(t.key,) if t else (),
        total=b.integer(sum(counts.values())) if t else "",
        done=b.integer(counts["done"]),
        progress=b.integer(counts["in progress"]),
        not_yet=b.integer(counts["not yet"]),
        not_yet_n=counts["not yet"],
        table=b.ref(t) if t else "",
        last_year=last_year,
        unit=unit_name,
    )
    if t:
        follow.add(t)
    return follow


def lke_table(b: SakipBuilder, results, unit: str, name, title: str):
    """The unit's worksheet as the appendix shows it: a row per component and sub-component with
    its weight and score, then its criteria — number and text, weight in the final score
    (:func:`~reportgen.interpret.sakip.criterion_points`), answer with its value, score, and the
    evaluator's note and evidence (bukti dukung)."""
    words = b.labels["lhe"]
    rows_of = results.answers[results.answers["unit"] == unit]
    points = dict(zip(rows_of.index, criterion_points(rows_of, results.components)))
    u = results.units[unit]
    body = []
    for k, component in enumerate(results.components, start=1):
        body.append(
            [
                s(f"{k}. {name(component.code)}", colspan=2, bold=True),
                d(b.decimal(component.weight, 2), bold=True),
                d(""),
                d(b.decimal(u.components[component.code], 2), bold=True),
                d(""),
            ]
        )
        for j, (sub, share) in enumerate(component.subcomponents):
            body.append(
                [
                    s(f"{chr(ord('a') + j)}. {name(sub)}", colspan=2, bold=True),
                    d(b.decimal(component.weight * share, 2)),
                    d(""),
                    d(b.decimal(u.subcomponents[component.code][sub], 2)),
                    d(""),
                ]
            )
            for index, r in rows_of[(rows_of["component"] == component.code) & (rows_of["subcomponent"] == sub)].iterrows():
                applies = r["value"] == r["value"]
                remark = "\n".join(part for part in (r["note"], r["evidence"] and f"{words['evidence']}: {r['evidence']}") if part)
                body.append(
                    [
                        d(r["number"] or "–"),
                        s(r["criterion"]),
                        d(b.decimal(points[index], 2) if applies else "–"),
                        d(f"{r['answer']} ({b.trimmed(100 * r['value'], 2)}%)" if applies else r["answer"]),
                        d(b.decimal(points[index] * r["value"], 2) if applies else "–"),
                        s(remark or "–"),
                    ]
                )
    body.append(
        [
            s(b.labels["sakip_total"], colspan=2, bold=True, align="right"),
            d(b.decimal(100, 2), bold=True),
            d(""),
            d(b.decimal(u.total, 2), bold=True),
            d(""),
        ]
    )
    return b.table(
        "lhe.lke",
        title,
        [[h("No"), h(b.labels["sakip_criterion"]), h(words["weight"]), h(b.labels["sakip_answer"]), h(words["score"]), h(words["remarks"])]],
        body,
        widths=(0.55, 3.7, 0.75, 1.0, 0.75, 2.4),
        small=True,
        notes=(words["lke_note"],),
    )


def independence(b: SakipBuilder, config, unit: str, other_signer: bool) -> list:
    """The paragraph on independence in the LHE of the evaluator's own office (evaluated by its
    own staff: an impairment of independence in AAIPI, *Standar Audit Intern Pemerintah
    Indonesia*, 2014): the impairment stated, then the study's ``independence`` statement (the
    safeguard: a review by another APIP, say), else that no one independent reviewed it. Without
    a statement or another signatory, a task asks the author for one (a Word comment, a draft
    mark and the run's note; never the report's text)."""
    own = config.independence.get(b.lang) if config.independence else ""
    out: list[Paragraph | Task] = []
    out += b.say("lhe_independence.j2", unit=unit, own=own)
    if not own and not other_signer:
        out.append(
            task(
                b,
                "independence",
                f"{unit} is the evaluator's own office: state how independence was kept (independence:) "
                f"or name who signs its LHE (signatory columns of letter.per_unit)",
                unit=unit,
            )
        )
    return out
