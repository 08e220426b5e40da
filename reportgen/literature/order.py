"""The order of a reference list and the year suffixes, by APA 7th edition.

- §9.44: entries alphabetized letter by letter by the first author's surname ("nothing precedes
  something": Brown before Browning), then the initials (§9.46).
- §9.46: one-author works before multi-author works that begin with the same name; works with
  the same first author ordered by the second author's surname, and so on.
- §9.47: works by the same authors ordered by year, earliest first; works by the same authors in
  the same year ordered by title (leading A, An, The ignored) and given the suffixes a, b, c …
  after the year, in the reference list and in every citation (§8.19).
- §9.48: a group author by the first significant word of its name.
"""

from __future__ import annotations

import re

from reportgen.literature.work import Work, fold, initials, surname

_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)


def _letters(text: str) -> str:
    return re.sub(r"[\W_]", "", fold(_ARTICLE.sub("", text)))


def author_key(work: Work) -> tuple:
    """The authors as APA compares them: (surname, initials) of each, in order."""
    return tuple((_letters(surname(name)), _letters(initials(name))) for name in work.authors)


def sort_key(work: Work) -> tuple:
    return (author_key(work), work.year if work.year is not None else -1, _letters(work.title), work.key)


def in_order(works) -> list[Work]:
    """``works`` in reference-list order."""
    return sorted(works, key=sort_key)


def year_suffixes(works) -> dict[str, str]:
    """Key → 'a', 'b', … for works with the same authors and year (§8.19, §9.47); others are absent."""
    groups: dict[tuple, list[Work]] = {}
    for work in in_order(works):
        groups.setdefault((author_key(work), work.year), []).append(work)
    suffixes = {}
    for group in groups.values():
        if len(group) > 1:
            for number, work in enumerate(group):
                suffixes[work.key] = suffix(number)
    return suffixes


def suffix(n: int) -> str:
    """The n-th (from 0) letter suffix: 0 → 'a', 25 → 'z', 26 → 'aa'."""
    text = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(ord("a") + rest) + text
    return text
