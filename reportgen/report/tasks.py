"""What the author must still write: the chapter's tasks, the notes of ``reportgen run`` and the
draft flag.

The chapter never addresses its author. Where it needs the author's own text (a hypothesis
compared with earlier studies, a disagreement of the two strands of a mixed-methods study
explained), or where the study file still holds the placeholders ``reportgen init`` wrote (a
text beginning with ``TODO``), the builder places a :class:`~reportgen.report.document.Task`
where that text belongs. In a draft (``study.draft``; by default: whenever a task is left) the
DOCX carries each task as a Word comment and the PDF as a note in the right margin under a
running head "DRAF"/"DRAFT"; a final document shows none. ``reportgen run`` lists every task as
a note either way.

``reportgen init``'s placeholders are printed as written: they are the study's own text (a
construct's name, a statement), and a chapter that silently left them out or replaced them would
look finished. The task under the chapter heading names their keys.
"""

from __future__ import annotations

from pydantic import BaseModel

from reportgen.config.draft import PLACEHOLDER
from reportgen.config.models import LocalText
from reportgen.report.document import Document, Task
from reportgen.words.messages import Localized, phrase

KEYS_IN_NOTE = 6  # the placeholder keys a note names before "…"
KEYS_IN_COMMENT = 30


def task(b, kind: str, note: str, subject: str = "", **context) -> Task:
    """A task of ``kind``: its margin note (labels.yaml ``task_mark_<kind>``), its Word comment
    (the template ``task_<kind>.j2``), both given ``context``, and ``note`` for ``reportgen run``."""
    return Task(kind, subject, b.label(f"task_mark_{kind}", **context), b.sentence(f"task_{kind}.j2", **context), note)


def literature_task(b, hypothesis: str) -> Task:
    """The hypothesis is compared with no earlier study and has no text of the author's."""
    file = getattr(b.study.config, "literature", None)
    cite = phrase("note.cite_file", file=file) if file else phrase("note.cite_none")
    note = phrase("note.literature", h=hypothesis, cite=cite)
    return task(b, "literature", note, hypothesis, h=hypothesis, literature=file)


def discordant_task(b, hypothesis: str) -> Task:
    """The questionnaire and the interviews disagree on the hypothesis, and the author has not explained why."""
    note = f"{hypothesis}: the questionnaire and the interviews disagree; explain why under hypotheses.{hypothesis}.discussion"
    return task(b, "discordant", note, hypothesis, h=hypothesis)


def placeholders(config) -> list[str]:
    """The keys of the study file whose text is still a ``reportgen init`` placeholder (begins
    with TODO), in the file's order; a text given once for both languages is named once."""
    found: list[str] = []

    def visit(value, key: str) -> None:
        if isinstance(value, str):
            if PLACEHOLDER.match(value):
                found.append(key)
        elif isinstance(value, BaseModel):
            fields = list(type(value).model_fields)
            if isinstance(value, LocalText) and value.id == value.en:  # one text for both languages
                visit(value.id, key)
                return
            for name in fields:
                visit(getattr(value, name), f"{key}.{name}" if key else name)
        elif isinstance(value, dict):
            for name, item in value.items():
                visit(item, f"{key}.{name}")
        elif isinstance(value, (list, tuple)):
            for k, item in enumerate(value):
                visit(item, f"{key}.{k}")

    visit(config, "")
    return found


def _listed(keys: list[str], most: int) -> str:
    return ", ".join(keys[:most]) + (", …" if len(keys) > most else "")


def placeholder_note(keys: list[str]) -> Localized:
    """What ``reportgen run`` and ``reportgen validate`` say of the placeholders at ``keys``."""
    return phrase("note.placeholder" if len(keys) == 1 else "note.placeholders", count=len(keys), keys=_listed(keys, KEYS_IN_NOTE))


def placeholder_task(b) -> Task | None:
    """A task naming the study file's placeholders, or None when none is left."""
    keys = placeholders(b.study.config)
    if not keys:
        return None
    return task(b, "placeholders", placeholder_note(keys), keys=_listed(keys, KEYS_IN_COMMENT), count=b.integer(len(keys)), one=len(keys) == 1)


def finish(b, doc: Document) -> Document:
    """Put the placeholder task under the chapter heading and decide whether ``doc`` is a draft:
    as ``study.draft`` says, else exactly when a task is left."""
    left = placeholder_task(b)
    if left is not None:
        doc.preface.insert(0, left)
    chosen = getattr(b.study.config.study, "draft", None)
    doc.draft = bool(doc.tasks()) if chosen is None else chosen
    return doc


def notes(doc: Document) -> list[str]:
    """A line for ``reportgen run`` per task (where it stands, what is missing), then what the
    files show of them."""
    found = doc.tasks()
    if not found:
        return []
    lines: list[str] = [
        phrase("note.at", where=f"{doc.chapter_label}{', ' + section.number if section is not None and section.number else ''}", note=t.note)
        for section, t in found
    ]
    many = "s" if len(found) != 1 else ""
    lines.append(phrase("note.draft" if doc.draft else "note.final", count=len(found), s=many))
    return lines
