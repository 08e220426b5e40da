"""BibTeX (.bib) as Zotero, Better BibTeX, Mendeley and JabRef export it → :class:`Work` objects.

The file is split into entries by bibtexparser 2 (its ``@string`` macros resolved, author lists
split on ``and`` outside braces, each name split into first / von / last / jr as BibTeX does);
LaTeX in the values (``M{\\"u}ller``, ``Garc\\'{i}a``, ``\\&``, ``--``) becomes Unicode through
pylatexenc. A name written in double braces (``{{Lembaga Administrasi Negara}}``, how Zotero
writes a group author) is a group author, printed as written. Fields beyond those APA prints
(abstract, keywords, file, mendeley-groups, urldate, …) are ignored.

A BibTeX ``%`` is literal text, not a LaTeX comment, so it is kept ('50% of').

An entry whose braces nest deeper than :data:`MAX_BRACE_DEPTH` is not decoded (pylatexenc
recurses once per level) but listed as unreadable, with its line.
"""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from functools import lru_cache

from reportgen.literature.work import Work, clean, language, page_range, person, year_of

# BibTeX / biblatex entry type → CSL type (the CSL specification's appendix on types).
TYPES = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "booklet": "book",
    "collection": "book",
    "proceedings": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "manual": "report",
    "techreport": "report",
    "report": "report",
    "mastersthesis": "thesis",
    "phdthesis": "thesis",
    "thesis": "thesis",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "unpublished": "manuscript",
    "misc": "article",
}
# field → CSL variable, for the fields copied as text
TEXT_FIELDS = {
    "title": "title",
    "volume": "volume",
    "publisher": "publisher",
    "edition": "edition",
    "address": "publisher-place",
    "location": "publisher-place",
    "type": "genre",
}
_LATEX = re.compile(r"[\\$~]|--|``|''")  # what only LaTeX decoding reads right
_ENTRY_KEY = re.compile(r"@\s*\w+\s*[{(]\s*([^,\s]+)\s*,")
_BRACE = re.compile(r"(?<!\\)[{}]")
MAX_BRACE_DEPTH = 16
"""Braces nested in a value (``{\\textit{{M{\\"u}ller}}}`` is 4 deep; exports nest at most 4 or 5).
pylatexenc decodes a nested group by recursion, some six Python frames a level, and Python stops
at 1,000 frames: a value 200 deep raised RecursionError. 16 leaves room for any real entry and
for the frames of the program around the decoder."""


@contextmanager
def _quiet(*names: str):
    """Silence the readers' own log lines (a user sees reportgen's one line, nothing else)."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def read_bibtex(text: str) -> tuple[list[Work], list[tuple[str | None, str, str]]]:
    """The works of a BibTeX file, and the entries that could not be read as
    ``(key or None, place, reason)`` (a syntax error, a key used twice)."""
    import bibtexparser
    from bibtexparser import middlewares
    from bibtexparser.model import DuplicateBlockKeyBlock, MiddlewareErrorBlock

    with _quiet("bibtexparser", "pylatexenc"):
        library = bibtexparser.parse_string(text, append_middleware=[middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()])
        unreadable: list[tuple[str | None, str, str]] = []
        works: list[Work] = []
        for entry in library.entries:
            line = f"line {entry.start_line + 1}" if entry.start_line is not None else "an entry"
            depth = _nesting(entry)
            if depth > MAX_BRACE_DEPTH:
                unreadable.append(
                    (entry.key, line, f"braces are nested {depth} deep in a value; reportgen reads values nested at most {MAX_BRACE_DEPTH} deep")
                )
                continue
            try:
                works.append(_work(entry))
            except RecursionError:  # LaTeX nested some other way than braces, too deep for pylatexenc
                unreadable.append((entry.key, line, "a value's LaTeX is nested too deep to decode"))
    for block in library.failed_blocks:
        line = f"line {block.start_line + 1}" if block.start_line is not None else "an entry"
        if isinstance(block, DuplicateBlockKeyBlock):
            first = block.previous_block.start_line
            assert first is not None  # the entry read first, where the parser counted its line
            unreadable.append((block.key, line, f"the key '{block.key}' is also used at line {first + 1}"))
        elif isinstance(block, MiddlewareErrorBlock):
            key = getattr(block.ignore_error_block, "key", None)
            unreadable.append((key, line, "a name or value has unbalanced braces"))
        else:
            found = _ENTRY_KEY.match(block.raw or "")
            unreadable.append((found.group(1) if found else None, line, "the entry is not valid BibTeX (a brace or quote is not closed?)"))
    return works, unreadable


def _nesting(entry) -> int:
    """The deepest nesting of braces in the entry's values as they will be decoded (@string macros
    resolved, the value's own delimiters removed; an escaped brace, ``\\{``, is not counted)."""
    deepest = 0
    for field in entry.fields:
        values = field.value if isinstance(field.value, list) else [field.value]
        for value in values:
            text = value if isinstance(value, str) else " ".join(" ".join(getattr(value, part, [])) for part in ("first", "von", "last", "jr"))
            depth = 0
            for brace in _BRACE.finditer(text):
                depth += 1 if brace.group() == "{" else -1
                deepest = max(deepest, depth)
    return deepest


def _work(entry) -> Work:
    fields = {field.key.lower(): field.value for field in entry.fields}
    kind = entry.entry_type.lower()
    csl: dict = {"type": TYPES.get(kind, "article")}
    if kind == "inbook" and "booktitle" not in fields:
        csl["type"] = "book"
    for name, variable in TEXT_FIELDS.items():
        if isinstance(fields.get(name), str) and variable not in csl:
            csl[variable] = latex(fields[name])
    container = fields.get("journal") or fields.get("journaltitle") or fields.get("booktitle")
    if isinstance(container, str):
        csl["container-title"] = latex(container)
    for name in ("author", "editor"):
        people = [n for n in (_name(part) for part in fields.get(name) or [] if not isinstance(part, str)) if n]
        if people:
            csl[name] = people
    if "publisher" not in csl:
        for name in ("school", "institution", "organization"):
            if isinstance(fields.get(name), str):
                csl["publisher"] = latex(fields[name])
                break
    number = fields.get("number") or fields.get("issue")
    if isinstance(number, str):
        csl["issue" if csl["type"] in ("article-journal", "article-magazine", "article-newspaper") else "number"] = latex(number)
    if isinstance(fields.get("pages"), str):
        csl["page"] = page_range(latex(fields["pages"]))
    if isinstance(fields.get("eid"), str) and csl["type"] == "article-journal":
        csl["number"] = latex(fields["eid"])  # biblatex's article number: APA prints "Article 13" (§9.27)
    year = year_of(fields.get("year")) or year_of(fields.get("date"))
    if year is not None:
        csl["issued"] = {"date-parts": [[year]]}
    doi = fields.get("doi")
    if isinstance(doi, str) and doi.strip():
        csl["DOI"] = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", doi.strip(), flags=re.I)
    elif isinstance(fields.get("url"), str) and fields["url"].strip():
        csl["URL"] = fields["url"].strip()
    if isinstance(csl.get("edition"), str):
        digits = re.search(r"\d+", csl["edition"])
        csl["edition"] = digits.group(0) if digits else csl["edition"]
    csl["language"] = language(fields.get("langid") or fields.get("language"))
    line = f"line {entry.start_line + 1}" if entry.start_line is not None else ""
    thesis = {"mastersthesis": "master", "phdthesis": "doctoral"}.get(kind) if "genre" not in csl else None
    return Work(key=entry.key, csl={k: v for k, v in csl.items() if v not in ("", None)}, place=line, thesis=thesis)


def _name(parts) -> dict | None:
    """A bibtexparser NameParts as a CSL name; one braced word alone is a group author."""
    first, von, last, jr = (list(getattr(parts, attr)) for attr in ("first", "von", "last", "jr"))
    if last == ["others"] and not (first or von or jr):
        return None  # 'and others': APA lists the authors the file gives
    if not (first or von or jr) and len(last) == 1 and last[0].startswith("{") and last[0].endswith("}"):
        return {"literal": latex(last[0])}
    family = latex(" ".join(von + last))
    if not family:
        return None
    return person(family, latex(" ".join(first)), latex(" ".join(jr)))


def latex(value: str) -> str:
    """A BibTeX value in Unicode: LaTeX accents and symbols decoded, braces dropped. A value with
    nothing of LaTeX but braces (most of an export) is not parsed."""
    text = str(value)
    if not _LATEX.search(text):
        return clean(text.replace("{", "").replace("}", ""))
    escaped = re.sub(r"(?<!\\)%", r"\\%", text)
    decoder, context = _decoder()
    with _quiet("pylatexenc"):
        return clean(decoder.latex_to_text(escaped, latex_context=context))


@lru_cache(maxsize=1)
def _decoder():
    """pylatexenc's decoder and its table of macros (built once: it is most of a decoding's time)."""
    from pylatexenc.latex2text import LatexNodes2Text
    from pylatexenc.latexwalker import get_default_latex_context_db

    return LatexNodes2Text(math_mode="text"), get_default_latex_context_db()
