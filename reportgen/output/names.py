"""File names made from what a user wrote (hypothesis keys, construct codes, study names).

A name from the study file becomes part of a path only through :func:`safe_name`: ASCII letters,
digits, ``-`` and ``_`` survive, every other run of characters becomes one ``_``, so ``/``,
``..``, a drive letter or a leading dot can never reach the file system. :class:`NameBook`
keeps the names of one folder distinct when two texts sanitise alike (``X1.1`` and ``X1_1``).
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
MAX_LENGTH = 60


def safe_name(text: object, fallback: str = "item") -> str:
    """``text`` as a file-name part: ``'x/../../tmp/ESCAPED'`` → ``'x_tmp_ESCAPED'``.

    Leading and trailing ``_``/``-`` are trimmed (no hidden files, no option-like names), the
    result is at most 60 characters, and an empty result is ``fallback``.
    """
    name = _UNSAFE.sub("_", str(text)).strip("_-")[:MAX_LENGTH].strip("_-")
    return name or fallback


class NameBook:
    """Distinct safe names within one folder: the second ``X1_1`` becomes ``X1_1-2``."""

    def __init__(self) -> None:
        self._given: dict[str, str] = {}
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
