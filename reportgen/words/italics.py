"""Italics in the running text: the terms a language prints in italics, found in a sentence
template's own words and never in the values it was given.

Indonesian (EYD V, "Huruf Miring"): a foreign word or term not adapted into Indonesian is
italicised (*skewness*, *outer loading*, *bootstrapping*). English (APA 7 §6.45): statistical
symbols are italicised (*t*, *F*, *p*, *r*, *N*, *SD*, *R*²), Greek letters are not. Each
language lists its terms in labels.yaml under ``italic`` (``terms``, and ``case``: ``any`` — a
term in any case, as a word that opens a sentence or a heading-like name is capitalised — or
``exact``, for symbols, where *F* is not *f*).

A term is italicised only where the template wrote it: a value substituted into the sentence (a
construct's name, a category, a quote, a number) is marked while the template renders
(:class:`reportgen.words.templates.MarkedSandbox`), so that a construct called "Tolerance
Index" or an interview excerpt saying "bootstrap" is printed as the study gives it.
"""

from __future__ import annotations

import re

OPEN, CLOSE = "\ue000", "\ue001"  # around a substituted value in a marked rendering (Unicode private use)
_MARKS = re.compile(f"[{OPEN}{CLOSE}]")


def strip_marks(text: str) -> str:
    """A marked rendering as plain text."""
    return _MARKS.sub("", text)


def unmark(text: str) -> tuple[str, list[bool]]:
    """A marked rendering as its plain text and, for each character, whether it belongs to a
    substituted value (marks may nest: a value inside a macro's output inside a sentence)."""
    plain: list[str] = []
    mask: list[bool] = []
    depth = 0
    for ch in text:
        if ch == OPEN:
            depth += 1
        elif ch == CLOSE:
            depth = max(depth - 1, 0)
        else:
            plain.append(ch)
            mask.append(depth > 0)
    return "".join(plain), mask


def paragraphs(text: str) -> list[tuple[str, list[bool]]]:
    """A marked rendering cut into paragraphs at blank lines, each single-spaced (one space
    between words, none at the ends), with its mask of substituted characters."""
    plain, mask = unmark(text)
    out = []
    start = 0
    for end in [m.start() for m in re.finditer(r"\n\n", plain)] + [len(plain)]:
        words = [(m.group(), mask[start + m.start() : start + m.end()]) for m in re.finditer(r"\S+", plain[start:end])]
        if words:
            out.append((" ".join(w for w, _ in words), [flag for i, (_, m) in enumerate(words) for flag in ([False] if i else []) + m]))
        start = end + 2
    return out


def pattern(spec: dict | None) -> re.Pattern | None:
    """The regular expression of labels.yaml ``italic`` (``terms``, ``case``): any term as a whole
    word (no letter, digit, hyphen or apostrophe before it, no letter, digit or apostrophe
    after it: the *t* of "don't" is no symbol, and an Indonesian suffix ``-nya`` stays
    outside), the longest first; None without terms."""
    terms = [str(t) for t in (spec or {}).get("terms") or [] if str(t).strip()]
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))
    flags = 0 if (spec or {}).get("case", "any") == "exact" else re.IGNORECASE
    return re.compile(rf"(?<![\w\-'’′])(?:{alternatives})(?![\w'’′])", flags)


def italic_spans(text: str, mask: list[bool], terms: re.Pattern | None) -> list[tuple[int, int]]:
    """Where ``terms`` occur in ``text`` outside every substituted value and outside the letters
    of a list within the sentence ("(a) …, (b) … and (d) …", roman in APA 7 §6.52)."""
    if terms is None:
        return []
    return [(m.start(), m.end()) for m in terms.finditer(text) if not any(mask[m.start() : m.end()]) and not _enumerator(text, m.start(), m.end())]


def _enumerator(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is one letter of a lettered list: "(d)" in a sentence that has "(a) "."""
    return end - start == 1 and text[start - 1 : start] == "(" and text[end : end + 1] == ")" and "(a) " in text
