"""File names made from what a user wrote (hypothesis keys, construct codes, study names).

A name from the study file becomes part of a path only through :func:`safe_name`: ASCII letters,
digits, ``-`` and ``_`` survive, every other run of characters becomes one ``_``, so ``/``,
``..``, a drive letter or a leading dot can never reach the file system. :class:`NameBook`
keeps the names of one folder distinct when two texts sanitise alike (``X1.1`` and ``X1_1``).
"""

from __future__ import annotations

import re
import unicodedata

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
MAX_LENGTH = 60


def safe_name(text: object, fallback: str = "item") -> str:
    """``text`` as a file-name part: ``'x/../../tmp/ESCAPED'`` → ``'x_tmp_ESCAPED'``.

    Leading and trailing ``_``/``-`` are trimmed (no hidden files, no option-like names), the
    result is at most 60 characters, and an empty result is ``fallback``.
    """
    name = _UNSAFE.sub("_", str(text)).strip("_-")[:MAX_LENGTH].strip("_-")
    return name or fallback


FILLERS = frozenset({"dan", "serta", "beserta", "atau", "yang", "untuk", "and", "of", "the", "for"})
"""Words left out of a name that is too long: they tell no unit from another."""
REGION_WORDS = {"provinsi": "prov", "kabupaten": "kab", "kota": "kota", "kecamatan": "kec", "kelurahan": "kel"}
"""The customary abbreviations of the administrative words, used in a name that is too long."""


def slug_words(text: object) -> list[str]:
    """The words of ``text``, lower case, accents folded to ASCII: ``'Dinas Sosial, PP dan PA'`` →
    ``['dinas', 'sosial', 'pp', 'dan', 'pa']``."""
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    return re.findall(r"[a-z0-9]+", folded.lower())


def short_slug(text: object, limit: int = MAX_LENGTH) -> str:
    """``text`` as a ``-``-joined file-name part of at most ``limit`` characters that still names
    the unit: never cut inside a word. Only as far as needed, in this order:

    1. the filler words (``dan``, ``serta``, ``and``, ``of``, …) are left out;
    2. the administrative words take their customary abbreviations (Provinsi → prov,
       Kabupaten → kab, Kecamatan → kec, Kelurahan → kel);
    3. a trailing region (``… Provinsi Sulawesi Selatan``, ``… Kabupaten Luwu Timur``: the same for
       every unit of one government) is left out;
    4. the last words are replaced by their initials, as Indonesian acronyms do
       (``… pengendalian penduduk keluarga berencana`` → ``… ppkb``), as few as fit; the first word
       (Dinas, Badan, Kecamatan) always stays whole.

    A single word longer than ``limit`` is the only thing ever cut. Names stay distinct through
    :class:`NameBook`."""
    words = slug_words(text)
    fits = lambda ws: len("-".join(ws)) <= limit  # noqa: E731
    if fits(words):
        return "-".join(words)
    steps = [
        lambda ws: [w for w in ws if w not in FILLERS] or ws,
        lambda ws: [REGION_WORDS.get(w, w) if k else w for k, w in enumerate(ws)],
        _without_region,
    ]
    for step in steps:
        words = step(words)
        if fits(words):
            return "-".join(words)
    for keep in range(len(words) - 2, 0, -1):  # initials of two words at least: "ukm", never a lone "m"
        shortened = words[:keep] + ["".join(w[0] for w in words[keep:])]
        if fits(shortened):
            return "-".join(shortened)
    return "-".join(words)[:limit].strip("-")


def _without_region(words: list[str]) -> list[str]:
    """``words`` less a trailing region: from the last administrative word (not the first word) on."""
    marks = [k for k, w in enumerate(words) if k and w in REGION_WORDS.values()]
    return words[: marks[-1]] if marks else words


class NameBook:
    """Distinct safe names within one folder: the second ``X1_1`` becomes ``X1_1-2``."""

    def __init__(self) -> None:
        self._given: dict[object, str] = {}
        self._taken: set[str] = set()

    def name(self, text: object, fallback: str = "item", key: object = None) -> str:
        """The safe name of ``text``; the same text (or ``key``, when given) always gets the same name."""
        key = str(text) if key is None else key
        if key in self._given:
            return self._given[key]
        base = safe_name(text, fallback)
        name, n = base, 1
        while name.lower() in self._taken:  # case-insensitive file systems (Windows, macOS)
            n += 1
            name = f"{base}-{n}"
        self._taken.add(name.lower())
        self._given[key] = name
        return name
