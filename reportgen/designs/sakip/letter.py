"""The head of the SAKIP letters — place and date, Nomor, Sifat, Lampiran, Hal, the addressee
and the di-line, as Permendagri 1/2023 on official correspondence lays out a letter — for each
unit's LHE and for the letter that sends the recapitulation to the regional head."""

from __future__ import annotations

from reportgen.designs.sakip.signature import copies, letter_date, signature
from reportgen.report.document import Paragraph
from reportgen.words.locale import join_list


def letter_head(b, config, number: str, subject: str, addressee: str, addressee_place: str | None) -> list[Paragraph]:
    """The lines above a letter's body."""
    words = b.labels["lhe"]
    letter = config.letter
    text = lambda value, default: value.get(b.lang) if value is not None else default  # noqa: E731
    place = addressee_place or words["at_default"]
    lines = [
        Paragraph(f"{letter.place}, {letter_date(letter.date, words['months'])}", style="right"),
        Paragraph(f"{words['number']}\t{number}", style="field"),
        Paragraph(f"{words['nature']}\t{text(letter.nature, words['nature_default'])}", style="field"),
        Paragraph(f"{words['attachments']}\t{text(letter.attachments, words['attachments_default'])}", style="field"),
        Paragraph(f"{words['subject']}\t{subject}", style="field"),
        Paragraph("", style="gap"),
        Paragraph(f"{words['to']} {addressee}", style="plain"),
    ]
    if place:
        lines.append(Paragraph(words["at"].format(place=place), style="plain"))
    return lines + [Paragraph("", style="gap")]


def unit_letter_head(b, config, unit: str, year: str, index: int, register: dict) -> list[Paragraph]:
    """A unit's letter: its number (the register's, else ``letter.number`` with the unit's own
    {n}), its subject, and the addressee (the register's, else the unit's head by office)."""
    words = b.labels["lhe"]
    letter = config.letter
    text = lambda value, default: value.get(b.lang) if value is not None else default  # noqa: E731
    if register.get("number"):
        number = register["number"]
    else:
        number = letter.number.replace("{n}", f"{index:02d}") if "{n}" in letter.number else f"{letter.number}/{index:02d}"
    subject = text(letter.subject, words["subject_default"]).format(unit=unit, year=year)
    addressee = register.get("addressee") or text(letter.addressee, head_of(unit, words)).format(unit=unit, year=year)
    return letter_head(b, config, number, subject, addressee, letter.addressee_place)


def recap_letter(b, config, results, government: str) -> list[Paragraph]:
    """The letter that sends the recapitulation to the regional head (``letter.recap``): its
    head, two paragraphs (what was evaluated; the mean, the spread of predicates, and what the
    report holds), the signature and the tembusan. None without ``letter.recap``."""
    recap = config.letter.recap if config.letter is not None else None
    if recap is None or config.signatory is None:
        return []
    words = b.labels["lhe"]
    year = str(results.year)
    subject = (recap.subject.get(b.lang) if recap.subject else words["recap_subject"]).format(year=year)
    counts = {p: sum(1 for v in results.predicates.values() if v == p) for p, _ in results.framework.bands}
    spread = join_list([f"{p} {b.integer(n)}" for p, n in counts.items() if n], b.lang)
    evaluator = config.study.author or config.signatory.position.get(b.lang)
    body = b.say(
        "sakip_recap_letter.j2",
        year=year,
        government=government,
        units=b.integer(len(results.units)),
        evaluator=evaluator,
        mean=b.decimal(results.overall_total, 2),
        spread=spread,
        units_int=len(results.units),
        own=config.units.get(results.evaluator_unit, results.evaluator_unit) if results.evaluator_unit else "",
    )
    return (
        letter_head(b, config, recap.number, subject, recap.addressee.get(b.lang), recap.addressee_place)
        + body
        + signature(b, config)
        + copies(b, config, recap.copies)
    )


def head_of(unit: str, words: dict) -> str:
    """Whom a letter to ``unit`` addresses: its head by office where the name says which (Camat
    for a Kecamatan, Sekretaris Daerah for the Sekretariat Daerah: ``lhe.heads``), else
    ``Kepala {unit}``."""
    for start, head in words["heads"].items():
        if unit.startswith(start):
            return head + unit[len(start) :]
    return words["addressee_default"]
