"""The signature block under an evaluation report or letter: place and date, position, a space
to sign, the name and NIP — as an Indonesian official letter ends (Permendagri 1/2023 on
official correspondence, the layout of the signature part)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from reportgen.report.document import Paragraph


@dataclass(frozen=True)
class Signer:
    """Who signs: name, NIP, pangkat/golongan (``rank``) and position in the report's language."""

    name: str
    nip: str
    rank: str
    position: str


def signer_for(b, config, unit: str | None = None, register: dict | None = None) -> Signer | None:
    """The study's ``signatory:``, or the one the letter register names for ``unit`` (the LHE of
    the evaluator's own office signed by another official). None when there is neither."""
    row = (register or {}).get(unit) if unit is not None else None
    if row and row.get("signatory"):
        return Signer(row["signatory"], row.get("signatory_nip", ""), row.get("signatory_rank", ""), row["signatory_position"])
    signatory = config.signatory
    if signatory is None:
        return None
    return Signer(signatory.name, signatory.nip, signatory.rank, signatory.position.get(b.lang))


def signature(b, config, dated: bool = False, signer: Signer | None = None) -> list[Paragraph]:
    """The signature block of ``signer`` (by default the study's ``signatory:``): position, a
    space to sign, the name, the pangkat/golongan and the NIP, as Permendagri 1/2023 sets the
    signature of an official letter; ``dated`` puts the letter's place and date above the
    position (the end of a report; the letter itself carries them at its head). No signatory: none."""
    signer = signer or signer_for(b, config)
    if signer is None:
        return []
    lines = [Paragraph("", style="gap")]
    if dated and config.letter is not None:
        lines.append(Paragraph(f"{config.letter.place}, {letter_date(config.letter.date, b.labels['lhe']['months'])}", style="signature"))
    lines.append(Paragraph(f"{signer.position},", style="signature"))
    lines += [Paragraph("", style="gap")] * 3
    lines.append(Paragraph(signer.name, style="signature"))
    if signer.rank:
        lines.append(Paragraph(signer.rank, style="signature"))
    if signer.nip:
        lines.append(Paragraph(f"{b.labels['lhe']['nip']} {signer.nip}", style="signature"))
    return lines


def copies(b, config, listed=None) -> list[Paragraph]:
    """Tembusan: ``listed`` (by default the units' letters' ``letter.copies``), numbered, under
    the signature (none: nothing)."""
    listed = listed if listed is not None else (config.letter.copies if config.letter is not None else [])
    if not listed:
        return []
    items = [item.get(b.lang).rstrip(" .;") for item in listed]
    return [Paragraph("", style="gap"), Paragraph(b.labels["lhe"]["copies"], style="plain")] + [
        Paragraph(f"{k}. {item}{'.' if k == len(items) else ';'}", style="plain") for k, item in enumerate(items, start=1)
    ]


def letter_date(value, months: list[str]) -> str:
    """12 Maret 2025 / 12 March 2025 for a date (or an ISO date written in quotes); any other text
    as written (the renderers keep a date on one line: :func:`reportgen.render.measure.bind`)."""
    date = _as_date(value)
    return f"{date.day} {months[date.month - 1]} {date.year}" if date else str(value)


def letter_year(value, default: str) -> str:
    """The year a letter is dated (the team worked then): of a date, or the first year written in
    a date given as text ("14 Maret 2025"); else ``default``."""
    date = _as_date(value)
    if date:
        return str(date.year)
    found = re.search(r"\b(19|20)\d{2}\b", str(value))
    return found.group() if found else default


def _as_date(value) -> datetime.date | None:
    """A date, or an ISO date written as text; None for anything else."""
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
