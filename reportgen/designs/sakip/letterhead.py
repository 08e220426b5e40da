"""The kop surat of the SAKIP letters: the study's ``letterhead:`` with its logo (read and checked
by :func:`reportgen.data.logo.read_logo` when the study is loaded)."""

from __future__ import annotations

from reportgen.report.document import Letterhead


def letterhead_of(b, config, logo: tuple[bytes, str] | None) -> Letterhead | None:
    """The study's kop surat in the report's language (None without ``letterhead:``)."""
    head = config.letterhead
    if head is None:
        return None
    lines = tuple(line for line in (head.address, head.contact) if line)
    return Letterhead(head.government.get(b.lang), head.office.get(b.lang), lines, logo[0] if logo else None, logo[1] if logo else "image/png")
