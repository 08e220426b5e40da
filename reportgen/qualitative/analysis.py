"""The thematic analysis counted from a coded corpus (:class:`~reportgen.qualitative.corpus.Corpus`).

A code belongs to one theme (the codebook), so an excerpt raises a theme when any of its codes
belongs to it; an excerpt coded twice within one theme counts once for that theme.

- **Prevalence** (Braun & Clarke, 2006, on counting in thematic analysis; Guest, MacQueen &
  Namey, 2012, ch. 6): per theme, the number of informants who raised it and of excerpts.
- **Theme × informant matrix**: excerpts of each theme from each informant (a "framework
  matrix", Ritchie & Spencer, 1994).
- **Co-occurrence**: for two themes, the number of excerpts that raise both (the code
  co-occurrence table of QDA software, counted per excerpt).
- **Representative quotes**, by a stated rule unless the user marks quotes: the longest excerpt
  of each informant who raised the theme, the longest of those first, at most
  :data:`QUOTES_PER_THEME`, printed in informant order. A quote illustrates one theme: an excerpt
  already quoted (marked for a theme, or chosen for an earlier one) is never chosen again, so an
  informant whose every excerpt of the theme is quoted elsewhere gives none, and a theme may have
  no quote left (:func:`quoted_elsewhere` says where its excerpts are quoted).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.qualitative.corpus import Corpus, Excerpt

QUOTES_PER_THEME = 3


@dataclass(frozen=True)
class ThemeCount:
    """A theme's prevalence: its codes, the informants who raised it (in the informants table's
    order), the number of its excerpts, and its framework category ("" when none is given)."""

    theme: str
    codes: tuple[str, ...]
    informants: tuple[str, ...]
    excerpts: int
    category: str = ""


def themes_of(corpus: Corpus, excerpt: Excerpt) -> list[str]:
    """The themes an excerpt raises, in the codebook's order."""
    raised = {corpus.codes[code].theme for code in excerpt.codes}
    return [theme for theme in corpus.themes if theme in raised]


def theme_counts(corpus: Corpus) -> list[ThemeCount]:
    """Every theme of the codebook with its informants and excerpts (a theme nobody raised has 0)."""
    matrix = theme_matrix(corpus)
    return [
        ThemeCount(
            theme,
            tuple(c.name for c in corpus.codes.values() if c.theme == theme),
            tuple(i for i, n in matrix[theme].items() if n > 0),
            sum(matrix[theme].values()),
            corpus.categories.get(theme, ""),
        )
        for theme in corpus.themes
    ]


def theme_matrix(corpus: Corpus) -> dict[str, dict[str, int]]:
    """theme → informant → number of that informant's excerpts raising the theme."""
    matrix = {theme: dict.fromkeys(corpus.informants, 0) for theme in corpus.themes}
    for excerpt in corpus.excerpts:
        for theme in themes_of(corpus, excerpt):
            matrix[theme][excerpt.informant] += 1
    return matrix


def co_occurrence(corpus: Corpus) -> dict[str, dict[str, int]]:
    """theme → theme → number of excerpts raising both; the diagonal holds each theme's excerpts."""
    table = {a: dict.fromkeys(corpus.themes, 0) for a in corpus.themes}
    for excerpt in corpus.excerpts:
        raised = themes_of(corpus, excerpt)
        for a in raised:
            for b in raised:
                table[a][b] += 1
    return table


def representative_quotes(corpus: Corpus, theme: str, limit: int = QUOTES_PER_THEME, quoted: frozenset[Excerpt] = frozenset()) -> list[Excerpt]:
    """The quotes of ``theme`` by the rule of this module's docstring, never one of ``quoted``
    (the excerpts shown under other themes); ties go to the informant listed first, then to the
    excerpt met first."""
    order = {code: k for k, code in enumerate(corpus.informants)}
    longest: dict[str, Excerpt] = {}
    for excerpt in corpus.excerpts:
        if excerpt not in quoted and theme in themes_of(corpus, excerpt):
            best = longest.get(excerpt.informant)
            if best is None or len(excerpt.text) > len(best.text):
                longest[excerpt.informant] = excerpt
    chosen = sorted(longest.values(), key=lambda e: (-len(e.text), order[e.informant]))[:limit]
    return sorted(chosen, key=lambda e: order[e.informant])


def quoted_elsewhere(corpus: Corpus, theme: str, shown: dict[Excerpt, str]) -> list[str]:
    """The other themes under which excerpts of ``theme`` are quoted (``shown``: excerpt → the
    theme it is quoted under), in the codebook's order."""
    under = {shown[e] for e in corpus.excerpts if e in shown and shown[e] != theme and theme in themes_of(corpus, e)}
    return [t for t in corpus.themes if t in under]
