"""One work of a student's reference file, as CSL-JSON (the Citation Style Language's item).

Both readers (:mod:`~reportgen.literature.bibtex`, :mod:`~reportgen.literature.ris`) give
:class:`Work` objects; the in-text citations and the reference list read nothing else. A name is
CSL's: ``{"family", "given", "non-dropping-particle", "suffix"}`` for a person, ``{"literal"}``
for a group author (an agency, a ministry).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Characters the reference formatter uses to mark italics; removed from whatever a file holds.
ITALIC_ON, ITALIC_OFF = "\x0e", "\x0f"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Work:
    """A work: its key in the file, its CSL-JSON fields (no ``id``) and where it is written
    (``line 12`` of a BibTeX file, ``entry 3`` of a RIS file)."""

    key: str
    csl: dict = field(compare=False)
    place: str = ""
    thesis: str | None = None  # "master" | "doctoral": a thesis whose file names no genre (BibTeX @mastersthesis)

    @property
    def authors(self) -> list[dict]:
        return list(self.csl.get("author") or [])

    @property
    def year(self) -> int | None:
        parts = (self.csl.get("issued") or {}).get("date-parts") or [[]]
        return parts[0][0] if parts and parts[0] else None

    @property
    def title(self) -> str:
        return str(self.csl.get("title") or "")


def clean(text: str) -> str:
    """Text with control characters removed and runs of white space made one space."""
    return " ".join(_CONTROL.sub(" ", str(text)).split())


def surname(name: dict) -> str:
    """How APA names an author in the text: a group's full name, or the surname with its
    particle ('van der Berg')."""
    if "literal" in name:
        return name["literal"]
    return " ".join(part for part in (name.get("non-dropping-particle"), name.get("family")) if part)


def initials(name: dict) -> str:
    """APA initials of the given names: 'Jörg' → 'J.', 'Kurnia Ayu' → 'K. A.', 'Jean-Paul' → 'J.-P.'."""
    words = []
    for word in str(name.get("given") or "").replace(".", ". ").split():
        parts = [p for p in word.split("-") if p]
        words.append("-".join(p[0] + "." for p in parts))
    return " ".join(words)


def fold(text: str) -> str:
    """A sort or match form of a name: accents removed, case folded ('Müller' → 'muller')."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def person(family: str, given: str = "", suffix: str = "") -> dict:
    """A CSL person name; lower-case words before the surname ('van der Berg') are its particle."""
    words = family.split()
    particle = []
    while len(words) > 1 and words[0][:1].islower():
        particle.append(words.pop(0))
    name = {"family": " ".join(words)}
    if given:
        name["given"] = given
    if particle:
        name["non-dropping-particle"] = " ".join(particle)
    if suffix:
        name["suffix"] = suffix
    return name


def year_of(text: str | None) -> int | None:
    """The year of a date as files write it: '2020', '2020-06-01', '2020/06/01/', 'June 2020'."""
    found = re.search(r"(?<!\d)(\d{4})(?!\d)", str(text or ""))
    return int(found.group(1)) if found else None


def language(value) -> str:
    """CSL's ``language`` of a work: "en" when the file says the work is English ("en", "en-US",
    "English"), so that the style may set its journal name in title case; otherwise "und", and the
    names are printed as the file writes them (title case would turn an Indonesian "dan" into "Dan")."""
    return "en" if fold(clean(value or "")).startswith(("en-", "english")) or fold(clean(value or "")) == "en" else "und"


def page_range(text: str) -> str:
    """'101--115', '101–115', '101-115' → '101-115' (CSL's form; the style prints the dash)."""
    return re.sub(r"\s*(?:--|–|—|-)+\s*", "-", clean(text))
