"""Documents made one at a time, when they are rendered: a design's many documents (the SAKIP
report's LHE per unit) are not all held in memory, and each worker process makes its own."""

from __future__ import annotations

from collections.abc import Sequence


class Deferred(Sequence):
    """(stem, document, labels) of each of ``stems``, ``make(k)`` building the ``k``-th when it is
    asked for; the stems are known at once (they are decided over the whole set)."""

    def __init__(self, stems: list[str], make):
        self.stems = list(stems)
        self._make = make

    def __len__(self) -> int:
        return len(self.stems)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[j] for j in range(*k.indices(len(self)))]
        if k < 0:
            k += len(self)
        if not 0 <= k < len(self):
            raise IndexError(k)
        return self._make(k)
