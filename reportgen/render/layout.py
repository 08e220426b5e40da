"""The study's choices of layout, carried by the document to both renderers (PDF and DOCX).

``study.toc`` (the contents under the chapter heading, on by default: off for a student who
merges the chapter into a thesis that has its own) and ``study.captions.figure`` (a figure's
number and title above it, APA 7 §7.22, or below it, as most Indonesian university guidelines
ask; unset: below in Bahasa Indonesia, above in English). A table's caption is always above it.
"""

from __future__ import annotations

from reportgen.config.models import Captions
from reportgen.report.document import Document


def laid_out(doc: Document, info) -> Document:
    """``doc`` with the layout ``info`` (a study file's ``study:``) asks for; a report whose
    ``study:`` has no such keys (SAKIP) keeps the defaults."""
    doc.contents = bool(getattr(info, "toc", True))
    captions = getattr(info, "captions", None) or Captions()
    doc.figure_caption = captions.figure_side(doc.lang)
    return doc
