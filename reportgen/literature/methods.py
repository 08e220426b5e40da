"""The works reportgen's own methods cite, shipped with it: ``methods.bib`` beside this module
(package data), read once.

Every rule of :mod:`reportgen.interpret` names its source (Ferdinand, 2014; Cohen, 1988; Durbin &
Watson, 1951 …) and the built-in templates cite more (Braun & Clarke, 2006; Zhao et al., 2010 …).
Each of these works has an entry in ``methods.bib``; the chapter's reference list takes the
entries its text cites (:mod:`reportgen.literature.cited`), merged with the student's own file.

Use::

    cite(["cohen1988"])                           # '(Cohen, 1988)'
    cite(["zhao2010"], narrative=True, lang="id")  # 'Zhao et al. (2010)'
    {{ cite("braun2006") }}                       # in a template: '(Braun & Clarke, 2006)'
    {{ cite("zhao2010", narrative=True) }}        # 'Zhao et al. (2010)'; 'and'/'dan' by language

``merged(student)`` is the student's literature with the built-in works added: a student's entry
with the same authors and year as a built-in one is the same work and replaces it (the student
names the edition read), and a built-in key the student's file also uses for another work is
renamed ``methods:<key>``.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from reportgen.literature.bibtex import read_bibtex
from reportgen.literature.library import Literature
from reportgen.literature.order import author_key

BIB = Path(__file__).with_name("methods.bib")
PREFIX = "methods:"


@lru_cache(maxsize=1)
def methods() -> Literature:
    """The built-in works. An entry that cannot be read is a defect of reportgen, not of a study."""
    works, unreadable = read_bibtex(BIB.read_text(encoding="utf-8"))
    if unreadable:
        key, place, reason = unreadable[0]
        raise RuntimeError(f"{BIB.name}, {place}, entry '{key}': {reason}")
    return Literature(name=BIB.name, works={work.key: work for work in works})


def cite(keys, narrative: bool = False, lang: str = "id") -> str:
    """An APA 7 in-text citation of built-in works (see :mod:`reportgen.literature.intext`):
    '(Glejser, 1969; Koenker, 1981)', narrative 'Durbin and Watson (1951)' / 'Durbin dan Watson (1951)'.

    Raises
    ------
    KeyError
        A key that is not in ``methods.bib``.
    """
    keys = [keys] if isinstance(keys, str) else list(keys)
    return methods().cite(keys, narrative=narrative, lang=lang)


def same_work(a, b) -> bool:
    """Two entries for one work: the same authors (surnames and initials) and the same year."""
    return author_key(a) == author_key(b) and a.year == b.year


def merged(student: Literature | None) -> Literature:
    """The student's works (all of them, their citations decided as ``student.cited`` says) and
    the built-in works the student's file does not have."""
    builtin = methods()
    if student is None:
        return builtin
    works = dict(student.works)
    for key, work in builtin.works.items():
        if any(same_work(work, mine) for mine in student.works.values()):
            continue
        if key in works:
            key, work = PREFIX + key, replace(work, key=PREFIX + key)
        works[key] = work
    return Literature(name=student.name, works=works, unreadable=student.unreadable, cited=(), kind=student.kind)
