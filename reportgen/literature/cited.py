"""Every in-text citation a finished chapter prints, and the works they cite: the one place that
decides what the reference list holds.

Citations reach a chapter by several roads: the rules of :mod:`reportgen.interpret` carry their
source as text (``Rule.citation``, "Cohen, 1988"), the templates cite with ``{{ cite("key") }}``
or in words, labels.yaml has notes with citations, the study file's ``data.source.citation`` and
the author's own discussion text are printed as written, and the hypotheses cite the student's
works by key. Rather than asking each road to report what it printed, the chapter is read once it
is made: its paragraphs, table titles, cells, notes and source lines, figure titles and sources.

- A parenthetical citation is a part of a parenthesis, between semicolons, ending in the author
  names, a comma and the years: "(Glejser, 1969; Koenker, 1981)", "(0,70 in Nunnally &
  Bernstein, 1994)", "(Sari, 2018, 2020)", "(Hair et al., 2022, p. 118)".
- A narrative citation is author names followed by a parenthesis that opens with the years:
  "Zhao et al. (2010)", "Sari dan Putra (2020, hlm. 4)".

The names are read back from the comma or parenthesis over capitalised words (with the joins
"&", "and", "dan", commas and "et al."); the longest run of them that is a citation form of a
work (:func:`forms`) names the work. Citation-shaped text that names no work is returned as
``unknown``: the tests fail on it, so a template that cites a work without an entry in
``methods.bib``, or in a form other than APA 7's, is caught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportgen.literature.intext import InText
from reportgen.literature.library import Literature
from reportgen.literature.methods import merged

_YEAR = r"(?:1[5-9]\d\d|20\d\d)[a-z]?"
_YEARS = rf"{_YEAR}(?:,\s{_YEAR})*"
_WORD = r"(?:(?:van|von|de|der|den|du|da|del|ter|ten)\s)*[A-ZÀ-ÖØ-Þ][\w'’.\-]*"
_JOIN = r"(?:,\s&\s|,\sand\s|,\sdan\s|\s&\s|\sand\s|\sdan\s|,\s|\s)"
_NAMES_AT_END = re.compile(rf"{_WORD}(?:{_JOIN}{_WORD})*(?:,?\s(?:et\sal\.|dkk\.))?$")  # dkk.: to catch it
_WORD_START = re.compile(rf"(?<![\w'’.\-]){_WORD}")
_PARENTHESIS = re.compile(r"\(([^()]*)\)")
_PART_YEARS = re.compile(rf",\s({_YEARS})(?=$|,\s)")
_NARRATIVE = re.compile(rf"\(({_YEARS})(?:,[^()]*)?\)")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
MAX_NAMES = 200  # characters read back from a year for the names (a citation's names are shorter)


@dataclass(frozen=True)
class Found:
    """The works a chapter cites (keys, in order of first citation) and the citation-shaped text
    that names no work (each once, as printed: 'Luwu Timur (2022)')."""

    keys: tuple[str, ...]
    unknown: tuple[str, ...]


def forms(literature: Literature, lang: str, scopes=()) -> dict[tuple[str, str], str]:
    """(author text, year) → key for every form a citation of a work of ``literature`` may print:
    parenthetical ('Sari & Putra') and narrative ('Sari dan Putra'), as decided among the works of
    each of ``scopes`` in turn (lists of keys: how the discussion printed the student's works, the
    built-in works with them), then as each work alone (the built-in rules' fixed text; a work of
    a student's file nobody cites by key). A form two works share alone is nobody's."""
    table: dict[tuple[str, str], str | None] = {}
    for scope in scopes:
        source = InText([literature.works[key] for key in scope if key in literature.works])
        for key in source.works:
            _add(table, source, key, lang)
    alone: dict[tuple[str, str], set[str]] = {}
    for key, work in literature.works.items():
        for form in _forms_of(InText([work]), key, lang):
            alone.setdefault(form, set()).add(key)
    for form, keys in alone.items():
        if form not in table:
            table[form] = next(iter(keys)) if len(keys) == 1 else None
    return {form: key for form, key in table.items() if key is not None}


def _add(table: dict, source: InText, key: str, lang: str) -> None:
    for form in _forms_of(source, key, lang):
        if form not in table:
            table[form] = key


def _forms_of(source: InText, key: str, lang: str) -> list[tuple[str, str]]:
    """A work's (authors, year) pairs: parenthetical and narrative; none for a work without an
    author or a year (APA cites it otherwise; reportgen prints no such citation)."""
    work = source.works[key]
    if not work.authors or work.year is None:
        return []
    year = source.year(key)
    return [(_SPACES.sub(" ", source.authors(key, narrative, lang)), year) for narrative in (False, True)]


def find(pieces, table: dict[tuple[str, str], str]) -> Found:
    """The works the texts ``pieces`` cite, by the forms of ``table`` (:func:`forms`)."""
    keys: dict[str, None] = {}
    unknown: dict[str, None] = {}
    for text in pieces:
        text = _SPACES.sub(" ", str(text))
        for names, years in _citations(text):
            key = _lookup(names, years, table)
            if key is None:
                unknown[f"{names}, {', '.join(years)}"] = None
            else:
                keys.update(dict.fromkeys(key))
    return Found(tuple(keys), tuple(unknown))


def _citations(text: str):
    """(names before the years, [years]) of each citation-shaped stretch of ``text``."""
    for parenthesis in _PARENTHESIS.finditer(text):
        for part in parenthesis.group(1).split(";"):
            years = _PART_YEARS.search(part)
            if years:
                names = _NAMES_AT_END.search(part[: years.start()][-MAX_NAMES:])
                if names:
                    yield names.group(0), years.group(1).split(", ")
    for narrative in _NARRATIVE.finditer(text):
        names = _NAMES_AT_END.search(text[: narrative.start()].rstrip(" ")[-MAX_NAMES:])
        if names and text[narrative.start() - 1 : narrative.start()] == " ":
            yield names.group(0), narrative.group(1).split(", ")


def _lookup(names: str, years: list[str], table) -> list[str] | None:
    """The keys of the works ``names`` and ``years`` cite: the longest tail of ``names`` (from a
    capitalised word on) that is a form of a work for every year; None when there is none."""
    for start in _WORD_START.finditer(names):
        tail = names[start.start() :]
        keys = [table.get((tail, year)) for year in years]
        if all(keys):
            return keys
    return None


def citations(pieces: list[str], student: Literature | None, lang: str) -> tuple[Literature, Found]:
    """The student's works with the built-in ones (:func:`~reportgen.literature.methods.merged`),
    and what the texts ``pieces`` (a document's :meth:`~reportgen.report.document.Document.reader_texts`) cite of them."""
    literature = merged(student)
    mine = list(student.cited) if student is not None else []
    builtin = [key for key in literature.works if student is None or key not in student.works]
    return literature, find(pieces, forms(literature, lang, [mine, mine + builtin]))


def cited_works(pieces: list[str], student: Literature | None, cited_keys, lang: str) -> tuple[Literature, list[str]]:
    """The literature a chapter's reference list is made from (the student's works and the
    built-in ones, its year suffixes decided among the works listed) and the keys of the works
    it cites: those found in the texts ``pieces`` and ``cited_keys`` (cited by the study's keys)."""
    literature, found = citations(pieces, student, lang)
    keys = list(dict.fromkeys(list(found.keys) + sorted(k for k in cited_keys if k in literature)))
    return literature.citing(keys), keys
