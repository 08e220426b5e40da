"""What a questionnaire column's header says: the item's code, its statement, its question group.

Headers as students' files have them:

- a code alone: ``X1.1``, ``X1_1``, ``csor_1``, ``X1a``, ``P1``, ``KP3``;
- a Google Forms question carrying its code in brackets: ``Saya memahami target kinerja unit
  saya [X1.1]`` (or ``[X1.1] Saya …``);
- a code leading the statement: ``X1.1. Saya …``, ``X1.1 - Saya …``, ``X1.1: Saya …``;
- a numbered question: ``1. Saya …`` (no code: its construct is not known);
- a Google Forms grid row: ``Kinerja Pegawai [Saya menyelesaikan tugas tepat waktu]``, the
  grid's title before the row's statement in brackets (no code; the title groups the rows);
- the question's text only.

:func:`read_header` tells which; :func:`item_prefix` the construct prefix of a code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CODE = r"[A-Za-z]{1,8}\d{0,3}(?:[._-]\d{1,3}|[a-z])?"  # checked by item_prefix
ITEM_NAMES = (
    re.compile(r"^(?P<prefix>[A-Za-z][A-Za-z0-9]*?)[._-](?P<index>\d+)$"),
    re.compile(r"^(?P<prefix>[A-Za-z]+\d+)(?P<index>[a-z])$"),
    re.compile(r"^(?P<prefix>[A-Za-z]+)(?P<index>\d+)$"),
)
BRACKETED = re.compile(r"^(?P<text>.*?)\s*\[(?P<inner>[^\[\]]+)\]\s*$")
LEADING_BRACKET = re.compile(rf"^\[(?P<code>{CODE})\]\s*(?P<text>\S.*)$")
LEADING_CODE = re.compile(rf"^(?P<code>{CODE})\s*(?:[.:)]|\s[-–])\s*(?P<text>\S.*)$")
NUMBERED = re.compile(r"^(?P<number>\d{1,3})\s*[.)]\s*(?P<text>\S.*)$")
STATEMENT_WORDS = 4  # a header of this many words or more reads as a question's text


@dataclass(frozen=True)
class Header:
    """``code``: the item code the header carries (None when it has none); ``statement``: the
    question's text ("" when the header is only a code); ``group``: a grid's title;
    ``numbered``: the question's number (``1. Saya …``)."""

    code: str | None
    statement: str
    group: str | None = None
    numbered: int | None = None

    @property
    def is_question(self) -> bool:
        """Whether the header reads as a questionnaire statement (a grid row, a numbered question
        or a text of several words), which makes a column of scale answers an item."""
        return bool(self.code or self.group or self.numbered or len(self.statement.split()) >= STATEMENT_WORDS)


def item_prefix(code: str) -> str | None:
    """The construct prefix of an item code: ``X1`` of ``X1.1`` and ``X1a``, ``KP`` of ``KP3``."""
    for pattern in ITEM_NAMES:
        match = pattern.match(code.strip())
        if match:
            return match.group("prefix")
    return None


def read_header(header: str) -> Header:
    """What ``header`` says (see the module docstring)."""
    text = " ".join(str(header).split())
    if item_prefix(text):
        return Header(text, "")
    if (match := BRACKETED.match(text)) is not None:
        inner = match.group("inner").strip()
        if item_prefix(inner):
            return Header(inner, match.group("text"))
        if match.group("text"):
            return Header(None, inner, group=match.group("text"))
    for pattern in (LEADING_BRACKET, LEADING_CODE):
        if (match := pattern.match(text)) is not None and item_prefix(match.group("code")):
            return Header(match.group("code"), match.group("text"))
    if (match := NUMBERED.match(text)) is not None:
        return Header(None, match.group("text"), numbered=int(match.group("number")))
    return Header(None, text)
