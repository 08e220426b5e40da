"""The terms of a regression equation: a construct's score, an observed number, or one 0/1
column per category of an observed categorical variable but its reference (treatment coding,
R's default ``contr.treatment``: each coefficient is the difference of a category from the
reference, the other terms held constant).

A term's key names its coefficient everywhere (results.json, the hypotheses):
:mod:`reportgen.config.term_keys`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from reportgen.config.term_keys import dummy_key
from reportgen.errors import AnalysisError


@dataclass(frozen=True)
class Categories:
    """The categories of an observed categorical variable among the respondents used, in report
    order, with the reference the others are compared with and each one's count."""

    key: str
    levels: tuple[str, ...]
    reference: str
    counts: tuple[int, ...]

    @property
    def compared(self) -> tuple[str, ...]:
        """The categories but the reference: one term each."""
        return tuple(level for level in self.levels if level != self.reference)


@dataclass(frozen=True)
class Term:
    key: str  # 'X1', 'usia', 'jk[Perempuan]'
    variable: str  # the construct or observed variable
    category: str | None = None  # a dummy's category
    reference: str | None = None  # a dummy's reference category

    @property
    def dummy(self) -> bool:
        return self.category is not None


def categories_of(config, key: str, values: np.ndarray) -> Categories:
    """The categories of observed variable ``key`` among ``values``: those of its ``order``
    (or of the ``respondents`` entry of its column) first, in that order, then any other in
    sorted order; the reference is the one written, else the first.

    Raises
    ------
    AnalysisError
        Fewer than two categories, or a reference no respondent has.
    """
    variable = config.observed[key]
    counts = Counter(str(v) for v in values)
    column = config.column_of(key)
    profile = next((c.order for c in config.respondents if c.column == column and c.order), None)
    written = [level for level in (variable.order or profile or []) if level in counts]
    levels = tuple(written + sorted(level for level in counts if level not in written))
    if len(levels) < 2:
        raise AnalysisError.coded("analysis.one_category", key=key, column=column, category=levels[0] if levels else "")
    reference = variable.reference if variable.reference is not None else levels[0]
    if reference not in counts:
        raise AnalysisError.coded("analysis.reference_absent", key=key, column=column, reference=reference, categories=", ".join(levels))
    return Categories(key, levels, reference, tuple(counts[level] for level in levels))


def model_terms(
    config, variables: list[str], scores: dict[str, np.ndarray], observed: dict[str, np.ndarray]
) -> tuple[list[Term], np.ndarray, dict[str, Categories]]:
    """The terms of ``variables`` (constructs by their ``scores``, observed variables by their
    values), their columns (respondents × terms) and the categories of each categorical one."""
    terms: list[Term] = []
    columns: list[np.ndarray] = []
    categories: dict[str, Categories] = {}
    for name in variables:
        if name in config.constructs:
            terms.append(Term(name, name))
            columns.append(scores[name])
        elif config.observed[name].type == "numeric":
            terms.append(Term(name, name))
            columns.append(observed[name].astype(float))
        else:
            found = categories_of(config, name, observed[name])
            categories[name] = found
            for level in found.compared:
                terms.append(Term(dummy_key(name, level), name, level, found.reference))
                columns.append((observed[name] == level).astype(float))
    return terms, np.column_stack(columns), categories


def terms_of(terms: list[Term], variable: str) -> list[str]:
    """The keys of ``variable``'s terms: one, or one per compared category."""
    return [t.key for t in terms if t.variable == variable]
