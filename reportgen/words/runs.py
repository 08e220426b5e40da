"""Runs: a paragraph's text cut into roman and italic stretches (an APA reference's journal and
volume, a foreign term). The chapter's document (:mod:`reportgen.report.document`) and the
reference list (:mod:`reportgen.literature.references`) both build them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    """A stretch of a paragraph's text in one face: roman, or italic (a journal, a volume, a book
    title in an APA reference; a foreign term)."""

    text: str
    italic: bool = False


def merge_runs(runs) -> tuple[Run, ...]:
    """``runs`` without empty ones, adjacent runs of one face joined."""
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if merged and merged[-1].italic == run.italic:
            merged[-1] = Run(merged[-1].text + run.text, run.italic)
        else:
            merged.append(Run(run.text, run.italic))
    return tuple(merged)
