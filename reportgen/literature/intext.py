"""In-text citations in APA 7th edition, parenthetical and narrative (APA Publication Manual §8.10–8.20).

- §8.17: one author: the surname; two authors: both, joined by "&" in parentheses and by the
  word "and" in the running text; three or more: the first author and "et al." from the first
  citation on. A group author is its full name.
- §8.18: when two works with three or more authors shorten to the same form in the same year,
  as many names are written as tell them apart, then "et al." (with a comma after the last name
  written when it is not the first); "et al." stands for at least two names, so when only one
  would remain all are written.
- §8.19: works by the same authors in the same year carry the year suffixes of the reference list
  (2020a, 2020b); §8.12: in one parenthesis the works come in reference-list order, separated by
  semicolons, and works by the same authors are given once with their years ("Sari, 2018, 2020").
- §8.20: when first authors of different works share a surname but not the initials, the
  initials are written before that surname in every citation ("J. Smith, 2019; A. Smith, 2020").

Indonesian chapters write "dan" for "and" in the running text (PUEBI, as Indonesian theses do)
and keep "&" inside parentheses and the Latin "et al." (not "dkk."), as the chapter's own method
citations do ("Hair et al., 2022"). Narrative citations of several works are joined as a list
("Sari dan Putra (2020) dan Wijaya et al. (2019)").
"""

from __future__ import annotations

from reportgen.literature.order import author_key, in_order, year_suffixes
from reportgen.literature.work import Work, fold, initials, surname
from reportgen.words.locale import join_list

ET_AL = "et al."


class InText:
    """The in-text citations of a set of cited works: every disambiguation (suffixes, initials,
    extra names) is decided over the whole set, as the reference list holds it."""

    def __init__(self, works: list[Work]):
        self.works = {work.key: work for work in works}
        self.suffixes = year_suffixes(works)
        self._initials = _needing_initials(works)
        self._shown = {work.key: _names_shown(work, works) for work in works}

    def year(self, key: str) -> str:
        work = self.works[key]
        return f"{work.year}{self.suffixes.get(key, '')}"

    def authors(self, key: str, narrative: bool, lang: str) -> str:
        """The author part of a citation: 'Sari & Putra' / 'Sari dan Putra', 'Wijaya et al.'."""
        work = self.works[key]
        names = [surname(name) for name in work.authors]
        if key in self._initials:
            names[0] = f"{initials(work.authors[0])} {names[0]}"
        shown = self._shown[key]
        if shown < len(names):
            return ", ".join(names[:shown]) + ("," if shown > 1 else "") + f" {ET_AL}"
        if narrative:
            return join_list(names, lang)
        return names[0] if len(names) == 1 else f"{names[0]} & {names[1]}" if len(names) == 2 else f"{', '.join(names[:-1])}, & {names[-1]}"

    def cite(self, keys, narrative: bool, lang: str) -> str:
        """'(Sari & Putra, 2020; Wijaya et al., 2019)' or 'Sari dan Putra (2020) dan Wijaya et al. (2019)'."""
        unknown = [key for key in keys if key not in self.works]
        if unknown:
            raise KeyError(f"not among the cited works: {', '.join(unknown)}")
        groups: list[list[Work]] = []
        for work in in_order({key: self.works[key] for key in keys}.values()):
            if groups and author_key(groups[-1][0]) == author_key(work):
                groups[-1].append(work)
            else:
                groups.append([work])
        parts = []
        for group in groups:
            years = ", ".join(self.year(work.key) for work in group)
            who = self.authors(group[0].key, narrative, lang)
            parts.append(f"{who} ({years})" if narrative else f"{who}, {years}")
        if narrative:
            return join_list(parts, lang)
        return "(" + "; ".join(parts) + ")" if parts else ""


def _needing_initials(works: list[Work]) -> set[str]:
    """Keys of works whose first author shares a surname, not initials, with another first author (§8.20)."""
    seen: dict[str, set[str]] = {}
    for work in works:
        if work.authors and "literal" not in work.authors[0]:
            seen.setdefault(fold(surname(work.authors[0])), set()).add(fold(initials(work.authors[0])))
    return {work.key for work in works if work.authors and "literal" not in work.authors[0] and len(seen[fold(surname(work.authors[0]))]) > 1}


def _names_shown(work: Work, works: list[Work]) -> int:
    """How many names a citation of ``work`` writes before "et al." (§8.17–8.18); all of them
    when that is the whole list."""
    count = len(work.authors)
    if count < 3:
        return count
    mine = author_key(work)
    rivals = [author_key(other) for other in works if other.year == work.year and len(other.authors) >= 3 and author_key(other) != mine]
    shown = 1
    while shown < count and any(rival[:shown] == mine[:shown] for rival in rivals):
        shown += 1
    return count if count - shown <= 1 else shown
