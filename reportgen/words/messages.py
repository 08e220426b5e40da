"""The texts a user sees (problems, run notes, a drafted study file's comments), in both
languages: a stable code → an English and an Indonesian sentence (messages.yaml), filled with
its params.

The CLI prints the English (:attr:`reportgen.errors.ReportgenError.message`); the web app shows
:func:`in_language` of the user's language. A param may itself be :class:`Localized` (a place
"form.csv, line 6, key study.year", which says "baris" and "kunci" in Indonesian)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml


class Localized(str):
    """A text that is the English one wherever a plain string is used (the CLI's messages), with
    its words in each language for :func:`worded`: ``Localized(en="row 6", id="baris 6")``."""

    words: dict[str, str]

    def __new__(cls, en: str, id: str | None = None):
        text = super().__new__(cls, en)
        text.words = {"en": en, "id": id if id is not None else en}
        return text

    def get(self, language: str) -> str:
        return self.words.get(language, self.words["en"])


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    return yaml.safe_load((Path(__file__).with_name("messages.yaml")).read_text(encoding="utf-8"))


def worded(code: str, language: str, params: dict) -> str:
    """The message ``code`` in ``language``, its ``{name}`` blanks filled from ``params``."""
    return catalogue()[code][language].format(**{name: _in(value, language) for name, value in params.items()})


def _in(value, language: str):
    if isinstance(value, Localized):
        return value.get(language)
    if isinstance(value, list):
        return ", ".join(str(_in(v, language)) for v in value)
    return value


def in_language(error, language: str) -> str:
    """What ``error`` (a ReportgenError) says in ``language``: its catalogue entry when it has a
    code, else its message as written."""
    code = getattr(error, "code", None)
    if code and language in catalogue()[code]:
        return worded(code, language, error.params)
    return error.message


def place(file: str, line: int | None = None, key: str | None = None) -> Localized:
    """Where a problem is: "form.csv, line 6, key study.year" / "form.csv, baris 6, kunci study.year"."""
    parts = {"en": [file], "id": [file]}
    if line:
        parts["en"].append(f"line {line}")
        parts["id"].append(f"baris {line}")
    if key:
        parts["en"].append(f"key {key}")
        parts["id"].append(f"kunci {key}")
    return Localized(", ".join(parts["en"]), ", ".join(parts["id"]))


def phrase(code: str, **params) -> Localized:
    """Catalogue entry ``code`` as a :class:`Localized` text (a part of a longer message)."""
    return Localized(worded(code, "en", params), worded(code, "id", params))


def joined(lines: list[str], separator: str = "\n") -> Localized:
    """Lines (each plain or :class:`Localized`) as one :class:`Localized` text."""
    return Localized(separator.join(lines), separator.join(line.get("id") if isinstance(line, Localized) else line for line in lines))
