"""The signature block under an evaluation report or letter: place and date, position, a space
to sign, the name and NIP — as an Indonesian official letter ends (Permendagri 1/2023 on
official correspondence, the layout of the signature part)."""

from __future__ import annotations

import datetime
import re

from reportgen.report.document import Paragraph


def signature(b, config, dated: bool = False) -> list[Paragraph]:
    """The study's ``signatory:`` block; ``dated`` puts the letter's place and date above the
    position (the end of a report; the letter itself carries them at its head). No signatory: none."""
    signatory = config.signatory
    if signatory is None:
        return []
    lines = [Paragraph("", style="gap")]
    if dated and config.letter is not None:
        lines.append(Paragraph(f"{config.letter.place}, {letter_date(config.letter.date, b.labels['lhe']['months'])}", style="signature"))
    lines.append(Paragraph(f"{signatory.position.get(b.lang)},", style="signature"))
    lines += [Paragraph("", style="gap")] * 3
    lines.append(Paragraph(signatory.name, style="signature"))
    if signatory.nip:
        lines.append(Paragraph(f"{b.labels['lhe']['nip']} {signatory.nip}", style="signature"))
    return lines


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
