"""Respondent profile: frequency tables as SPSS FREQUENCIES prints them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class FrequencyTable:
    """Frequency, Percent, Valid Percent and Cumulative Percent per category.

    Percent is of all respondents, valid percent of those who answered, cumulative percent
    accumulates valid percent in table order (SPSS FREQUENCIES).
    """

    categories: tuple[str, ...]
    frequency: tuple[int, ...]
    percent: tuple[float, ...]
    valid_percent: tuple[float, ...]
    cumulative_percent: tuple[float, ...]
    n_valid: int
    n_missing: int

    @property
    def n(self) -> int:
        return self.n_valid + self.n_missing


def frequency_table(values: Sequence, order: list[str] | None = None) -> FrequencyTable:
    """Count the categories of ``values`` (blank = missing).

    Categories follow ``order`` when given (categories not in ``order`` follow, sorted);
    otherwise they are sorted as SPSS sorts codes: numerically when all are numbers.
    Thesis check: 43 / 37 of 80 → 53.75 / 46.25 percent (printed 53,8 / 46,3).
    """
    present = [str(v) for v in values if v is not None and v == v]  # blank (None or NaN) is missing
    counts = Counter(present)
    found = list(counts)
    if order:
        categories = [c for c in order if c in counts] + natural_order(set(found) - set(order))
        categories = list(dict.fromkeys(list(order) + categories))
    else:
        categories = natural_order(found)
    n = len(values)
    n_valid = int(len(present))
    freq = [int(counts.get(c, 0)) for c in categories]
    percent = [100.0 * f / n if n else 0.0 for f in freq]
    valid = [100.0 * f / n_valid if n_valid else 0.0 for f in freq]
    cumulative, running = [], 0.0
    for v in valid:
        running += v
        cumulative.append(running)
    return FrequencyTable(
        categories=tuple(categories),
        frequency=tuple(freq),
        percent=tuple(percent),
        valid_percent=tuple(valid),
        cumulative_percent=tuple(cumulative),
        n_valid=n_valid,
        n_missing=n - n_valid,
    )


EDUCATION = [
    "tidak sekolah",
    "sd",
    "sd/sederajat",
    "smp",
    "sltp",
    "smp/sederajat",
    "sma",
    "smk",
    "slta",
    "sma/smk",
    "sma/sederajat",
    "slta/sederajat",
    "d1",
    "d2",
    "d3",
    "diploma",
    "d4",
    "s1",
    "s1/d4",
    "d4/s1",
    "sarjana",
    "s2",
    "magister",
    "pascasarjana",
    "s3",
    "doktor",
]
BELOW = re.compile(r"^\s*(<|≤|<=|kurang dari|di bawah|dibawah|under|less than|below|up to|sampai)", re.IGNORECASE)
ABOVE = re.compile(r"^\s*(>|≥|>=|lebih dari|di atas|diatas|over|more than|above)", re.IGNORECASE)
ABOVE_AFTER = re.compile(r"(\+|ke atas|keatas|atau lebih|or more|and above|and over)\s*\w*\s*$", re.IGNORECASE)
FIRST_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def natural_order(categories) -> list[str]:
    """``categories`` in the order a table shows them when the study gives none (:func:`_sort_key`)."""
    return sorted(categories, key=_sort_key)


def _sort_key(text: str) -> tuple[int, float, int, str]:
    """Where a category stands when the study gives no order: numbers by value; ranges by
    their numbers ("< 5 tahun", "5 - 10 tahun", "> 10 tahun"; "kurang dari", "lebih dari", "ke
    atas" understood); school levels from SD to S3; the rest alphabetically (SPSS sorts codes
    by value; labels this way read in their natural order)."""
    try:
        return (0, float(text), 0, text)
    except ValueError:
        pass
    level = normalise(text)
    if level in EDUCATION:
        return (1, float(EDUCATION.index(level)), 0, text)
    number = FIRST_NUMBER.search(text)
    if number is not None:
        side = -1 if BELOW.match(text) else 1 if ABOVE.match(text) or ABOVE_AFTER.search(text) else 0
        return (2, float(number.group().replace(",", ".")), side, text)
    return (3, 0.0, 0, text)


def normalise(text: str) -> str:
    return " ".join(text.lower().split())
