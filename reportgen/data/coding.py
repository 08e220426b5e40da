"""Turn answer cells into scale codes.

An answer may be written as its code (4, "4", 4.0), as any word of its scale label (short
"S", Indonesian "Setuju", English "Agree"), case- and space-insensitive, or as both, the way
Google Forms exports a linear scale ("4 - Setuju": the number decides, and words of another
label are a problem). Blank cells are missing. Everything else is a problem named by column
and row.

A construct of ``type: continuous`` has no scale (``AnswerCoder(None)``): any finite number is
its answer, written as a number or as text with a decimal point or comma ("4,44", "1.234,5").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from reportgen.config.bounds import MAX_MEASURED
from reportgen.config.models import Scale
from reportgen.words.messages import Localized, phrase

NUMBERED = re.compile(r"^(\d+)\s*[-–.):]\s*(\S.*)$")  # "4 - setuju", after normalise_word


def normalise_word(text: str) -> str:
    """Lower-case, trimmed, inner whitespace collapsed: ' Sangat  Setuju ' → 'sangat setuju'."""
    return re.sub(r"\s+", " ", text.strip()).lower()


class OffScale(Localized):
    """The reason for an answer whose words no label of the scale has, with the answer (``word``)
    and the scale's points and words (``scale``): several such answers are said together."""

    word: str
    scale: tuple[str, str]


@dataclass(frozen=True)
class AnswerCoder:
    """Maps a cell to a scale code (or, with no scale, to a number) or explains why it cannot."""

    scale: Scale | None

    @property
    def words(self) -> dict[str, int]:
        if self.scale is None:
            return {}
        return {normalise_word(word): code for code, label in self.scale.labels.items() for word in label.words()}

    def code(self, cell: object) -> float | str:
        """The code of ``cell``; NaN when blank; a reason (str) when invalid."""
        if cell is None or (isinstance(cell, float) and math.isnan(cell)):
            return math.nan
        if isinstance(cell, (int, float, np.integer, np.floating)) and not isinstance(cell, bool):
            return self._check_number(float(cell), str(cell))
        text = normalise_word(str(cell))
        if text == "":
            return math.nan
        number = _parse_number(text)
        if number is not None:
            return self._check_number(number, str(cell).strip())
        code = self.words.get(text)
        numbered = NUMBERED.match(text) if code is None else None
        if numbered is not None:
            return self._numbered(int(numbered.group(1)), numbered.group(2), str(cell).strip())
        if code is None and self.scale is None:
            return phrase("answer.not_number", written=str(cell).strip())
        if code is None:
            assert self.scale is not None
            known = ", ".join(sorted({label.words()[0] for label in self.scale.labels.values()}))
            points, words = f"{self.scale.min}–{self.scale.max}", phrase("answer.or_words", words=known) if known else ""
            said = phrase("answer.not_on_scale", answer=str(cell).strip(), points=points, words=words)
            reason = OffScale(said.get("en"), said.get("id"))
            reason.word, reason.scale = str(cell).strip(), (points, words)  # several such words are said together
            return reason
        return float(code)

    def _numbered(self, number: int, words: str, written: str) -> float | str:
        """'4 - Setuju': the number, when the words are those of its label (or of no label)."""
        meant = self.words.get(words)
        if meant is not None and meant != number:
            return phrase("answer.mismatch", written=written, number=number, meant=meant)
        return self._check_number(float(number), written)

    def _check_number(self, value: float, written: str) -> float | str:
        if math.isnan(value):
            return math.nan
        if math.isinf(value):
            return phrase("answer.not_number" if self.scale is None else "answer.not_a_point", written=written)
        if self.scale is None:
            return value if abs(value) <= MAX_MEASURED else phrase("answer.too_large", written=written)
        if value != int(value):
            return phrase("answer.not_whole", written=written)
        if not self.scale.min <= value <= self.scale.max:
            return phrase("answer.outside", written=written, low=self.scale.min, high=self.scale.max)
        return value

    def code_column(self, column: list) -> tuple[np.ndarray, dict[int, str]]:
        """Codes of a whole column and {row position: reason}; each distinct cell is coded once.

        Cells are told apart by value, as a dictionary does (4 and 4.0 are one cell), except that
        a True or False (an Excel boolean) is never taken for 1 or 0.
        """
        typed = bool in set(map(type, column))
        keys = [(cell.__class__, cell) for cell in column] if typed else column
        index = {key: k for k, key in enumerate(dict.fromkeys(keys))}
        positions = np.fromiter(map(index.__getitem__, keys), dtype=np.intp, count=len(keys))
        distinct = [key[1] for key in index] if typed else list(index)
        results = [self.code(cell) for cell in distinct]
        table = np.array([np.nan if isinstance(r, str) else r for r in results], dtype=float)
        codes = table[positions]
        bad = [k for k, r in enumerate(results) if isinstance(r, str)]
        problems = {int(pos): results[positions[pos]] for pos in np.flatnonzero(np.isin(positions, bad))} if bad else {}
        return codes, problems


def _parse_number(text: str) -> float | None:
    """'4' → 4.0, '4.0' / '4,0' → 4.0; with both marks the last is the decimal one
    ('1.234,5' and '1,234.5' → 1234.5); anything else → None."""
    candidate = text
    if "," in text and "." in text:
        decimal, thousands = (",", ".") if text.rfind(",") > text.rfind(".") else (".", ",")
        candidate = text.replace(thousands, "").replace(decimal, ".")
    elif text.count(",") == 1:
        candidate = text.replace(",", ".")
    try:
        return float(candidate)
    except ValueError:
        return None


def scale_word_clash(scale: Scale) -> tuple[str, int, int] | None:
    """(word, first code, second code) when two labels share a word (answers would be ambiguous)."""
    owners: dict[str, int] = {}
    for code, label in scale.labels.items():
        for word in label.words():
            key = normalise_word(word)
            if key in owners and owners[key] != code:
                return word, owners[key], code
            owners[key] = code
    return None
