"""RIS (.ris) as Zotero, Mendeley, EndNote and the journal databases export it → :class:`Work` objects.

rispy splits the file into records (``TY  -`` … ``ER  -``). A name is RIS's ``Last, First[, Suffix]``;
a name without a comma (``AU  - Lembaga Administrasi Negara``, how Zotero writes a group author or a
one-field name) is printed as written.

RIS has no citation keys of its own: a record's key is its ``ID`` when it has one (Mendeley,
EndNote); otherwise the first author's surname and the year in lower case without accents or spaces
(``sari2020``; a group author: the first word of its name, ``lembaga2003``), with ``a``, ``b``, …
added in file order when two records would share a key (``sari2020a``, ``sari2020b``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from reportgen.literature.order import suffix
from reportgen.literature.work import Work, clean, fold, language, page_range, person, year_of

# RIS reference type → CSL type
TYPES = {
    "JOUR": "article-journal",
    "JFULL": "article-journal",
    "EJOUR": "article-journal",
    "INPR": "article-journal",
    "ABST": "article-journal",
    "MGZN": "article-magazine",
    "NEWS": "article-newspaper",
    "BOOK": "book",
    "EBOOK": "book",
    "EDBOOK": "book",
    "CHAP": "chapter",
    "ECHAP": "chapter",
    "THES": "thesis",
    "CONF": "paper-conference",
    "CPAPER": "paper-conference",
    "RPRT": "report",
    "GOVDOC": "report",
    "ELEC": "webpage",
    "WEB": "webpage",
    "BLOG": "post-weblog",
    "UNPB": "manuscript",
    "MANSCPT": "manuscript",
}
SERIAL = ("article-journal", "article-magazine", "article-newspaper")
_START = re.compile(r"\s*TY  -")
_END = re.compile(r"\s*ER  -")


def read_ris(text: str) -> tuple[list[Work], list[tuple[str | None, str, str]]]:
    """The works of a RIS file, and the records that could not be read as ``(key or None, place, reason)``."""
    import rispy

    records = rispy.loads(text)
    unreadable: list[tuple[str | None, str, str]] = []
    unclosed = _unclosed_line(text)
    if unclosed is not None:
        unreadable.append((None, f"line {unclosed}", "the record starting here has no end line 'ER  -'"))
    works = [_work(record, number) for number, record in enumerate(records, start=1)]
    return _keyed(works, unreadable), unreadable


def _unclosed_line(text: str) -> int | None:
    """The line of the first record (``TY  -``) that another record or the end of the file
    interrupts before its ``ER  -`` (rispy drops such a record without a word), or None."""
    opened = None
    for number, line in enumerate(text.splitlines(), start=1):
        if _START.match(line):
            if opened is not None:
                return opened
            opened = number
        elif _END.match(line):
            opened = None
    return opened


def _work(record: dict, number: int) -> Work:
    kind = str(record.get("type_of_reference") or "").strip().upper()
    csl: dict = {"type": TYPES.get(kind, "article")}
    title = record.get("title") or record.get("primary_title")
    if title:
        csl["title"] = clean(title)
    if csl["type"] in SERIAL:
        container = (
            record.get("secondary_title")
            or record.get("journal_name")
            or record.get("alternate_title3")
            or record.get("alternate_title2")
            or record.get("alternate_title1")
        )
    else:
        container = record.get("secondary_title") if csl["type"] in ("chapter", "paper-conference") else None
    if container:
        csl["container-title"] = clean(container)
    authors = [_name(n) for n in (record.get("authors") or []) + (record.get("first_authors") or [])]
    editors = [_name(n) for n in (record.get("secondary_authors") or []) + (record.get("unknown_tag") or {}).get("ED", [])]
    if any(authors):
        csl["author"] = [n for n in authors if n]
    if any(editors) and csl["type"] not in SERIAL:
        csl["editor"] = [n for n in editors if n]
    year = year_of(record.get("year")) or year_of(record.get("publication_year")) or year_of(record.get("date"))
    if year is not None:
        csl["issued"] = {"date-parts": [[year]]}
    for tag, variable in (
        ("volume", "volume"),
        ("publisher", "publisher"),
        ("place_published", "publisher-place"),
        ("edition", "edition"),
        ("type_of_work", "genre"),
    ):
        if record.get(tag):
            csl[variable] = clean(record[tag])
    if record.get("number"):
        csl["issue" if csl["type"] in SERIAL else "number"] = clean(record["number"])
    start, end = clean(record.get("start_page") or ""), clean(record.get("end_page") or "")
    if start:
        csl["page"] = page_range(start if re.search(r"[-–]", start) or not end or end == start else f"{start}-{end}")
    if record.get("doi"):
        csl["DOI"] = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", clean(record["doi"]), flags=re.I)
    elif record.get("urls"):
        csl["URL"] = clean(record["urls"][0])
    if isinstance(csl.get("edition"), str):
        digits = re.search(r"\d+", csl["edition"])
        csl["edition"] = digits.group(0) if digits else csl["edition"]
    csl["language"] = language(record.get("language"))
    return Work(key=clean(record.get("id") or ""), csl=csl, place=f"entry {number}")


def _name(text: str) -> dict | None:
    parts = [clean(p) for p in str(text).split(",")]
    if not parts[0]:
        return None
    if len(parts) == 1:
        return {"literal": parts[0]}
    return person(parts[0], parts[1], ", ".join(p for p in parts[2:] if p))


def _keyed(works: list[Work], unreadable: list) -> list[Work]:
    """Each work with its key: its ID, or a made one (see the module's description); a key used
    twice keeps its first record, the second is listed as unreadable."""
    made = [work.key or _made_key(work) for work in works]
    shared = Counter(key for key, work in zip(made, works) if not work.key)
    used: Counter = Counter()
    first: dict[str, Work] = {}
    for key, work in zip(made, works):
        if not work.key and shared[key] > 1:
            stem, key = key, key + suffix(used[key])
            used[stem] += 1
        if key in first:
            unreadable.append((key, work.place, f"the ID '{key}' is also used in {first[key].place}"))
            continue
        first[key] = replace(work, key=key)
    return list(first.values())


def _made_key(work: Work) -> str:
    authors = work.authors
    name = ""
    if authors:
        first = authors[0]
        name = first.get("family") or (first.get("literal") or "").split(" ")[0]
    stem = re.sub(r"[^a-z0-9]", "", fold(name)) or "anon"
    return f"{stem}{work.year or 'nd'}"
