"""Text that Word and PDF files can hold: the one place a document's text is cleaned.

A data file, a study file, a .sav label or a coded interview may carry control characters (a
line break pasted from Word is U+000B, an export may hold U+0000) that XML 1.0 — the inside of a
.docx file and of the HTML a PDF is laid out from — does not allow; python-docx refuses the whole
document over one of them. Before a document is written, every character outside XML 1.0's
``Char`` production (W3C XML 1.0, §2.2: tab, line feed, carriage return, U+0020–U+D7FF,
U+E000–U+FFFD, U+10000–U+10FFFF) becomes a space, and the run gets a note saying how many and
which.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class Cleaner:
    """Replaces the characters XML cannot hold in everything it is given, counting them."""

    def __init__(self):
        self.found: Counter[str] = Counter()

    def text(self, value: str) -> str:
        if not NOT_XML.search(value):
            return value
        self.found.update(NOT_XML.findall(value))
        return NOT_XML.sub(" ", value)

    def value(self, value):
        """``value`` with its texts cleaned: texts, tuples, lists, mappings and dataclasses (a frozen
        one is replaced, a mutable one changed in place), other values as they are."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, tuple):
            return tuple(self.value(v) for v in value)
        if isinstance(value, list):
            value[:] = [self.value(v) for v in value]
            return value
        if isinstance(value, dict):
            return {self.value(k): self.value(v) for k, v in value.items()}
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: self.value(getattr(value, f.name)) for f in dataclasses.fields(value)}
            if type(value).__dataclass_params__.frozen:  # type: ignore[attr-defined]  # typeshed declares only __dataclass_fields__
                return dataclasses.replace(value, **changes)
            for name, cleaned in changes.items():
                setattr(value, name, cleaned)
            return value
        return value

    def note(self, what: str) -> str | None:
        """What the user should know, or None when nothing was cleaned."""
        if not self.found:
            return None
        count = sum(self.found.values())
        codes = ", ".join(f"U+{ord(c):04X}" for c in sorted(self.found)[:5]) + (", …" if len(self.found) > 5 else "")
        return (
            f"{what}: {count} character{'s' if count != 1 else ''} that Word and PDF files cannot hold ({codes}), "
            f"from the data or the study file, {'were' if count != 1 else 'was'} written as {'spaces' if count != 1 else 'a space'}"
        )


def printable(document, what: str, notes: list[str]):
    """``document`` with every text Word and PDF can hold; a note for ``what`` (the file it becomes)
    is added to ``notes`` when characters were replaced."""
    cleaner = Cleaner()
    cleaned = cleaner.value(document)
    note = cleaner.note(what)
    if note:
        notes.append(note)
    return cleaned
