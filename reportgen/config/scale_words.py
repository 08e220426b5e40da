"""Which agreement scale a questionnaire's answer words belong to, and the code of each word.

Indonesian theses write agreement (Likert-type) answers on four, five, six or seven points; the
common word sets, Indonesian and English, are these (short form, words):

- four: STS, TS, S, SS (no midpoint: the "forced choice" scale);
- five: STS, TS, *midpoint*, S, SS, the midpoint written as Netral, Ragu-ragu, Cukup Setuju or
  Kurang Setuju (each keeps its own words: "Kurang Setuju" leans to a side and is not "Neutral");
- six: STS, TS, Agak Tidak Setuju, Agak Setuju, S, SS;
- seven: STS, TS, Agak Tidak Setuju, Netral, Agak Setuju, S, SS.

:func:`scale_for` reads the set from the words the answers use: an "agak" word means six or
seven points (seven with a midpoint), a midpoint word five, neither four; answers written as
numbers decide the number of points when there are any. The same word ("Setuju") has a
different code in each set (4 of 5, 3 of 4, 6 of 7), so the set is chosen before any answer is
coded.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.data.coding import normalise_word

Label = tuple[str, str, str, str]  # (short id, Indonesian, short en, English)

STS: Label = ("STS", "Sangat Tidak Setuju", "SD", "Strongly Disagree")
TS: Label = ("TS", "Tidak Setuju", "D", "Disagree")
ATS: Label = ("ATS", "Agak Tidak Setuju", "SWD", "Somewhat Disagree")
AS: Label = ("AS", "Agak Setuju", "SWA", "Somewhat Agree")
S: Label = ("S", "Setuju", "A", "Agree")
SS: Label = ("SS", "Sangat Setuju", "SA", "Strongly Agree")
KS: Label = ("KS", "Kurang Setuju", "PA", "Partly Agree")  # "kurang setuju" leans to a side: it is not "neutral"
MIDPOINTS: dict[str, Label] = {  # a midpoint word as written → its label, each with its own English
    "netral": ("N", "Netral", "N", "Neutral"),
    "neutral": ("N", "Netral", "N", "Neutral"),
    "n": ("N", "Netral", "N", "Neutral"),
    "neither agree nor disagree": ("N", "Netral", "N", "Neither Agree nor Disagree"),
    "ragu-ragu": ("RR", "Ragu-ragu", "U", "Undecided"),
    "ragu ragu": ("RR", "Ragu-ragu", "U", "Undecided"),
    "rr": ("RR", "Ragu-ragu", "U", "Undecided"),
    "undecided": ("RR", "Ragu-ragu", "U", "Undecided"),
    "cukup setuju": ("CS", "Cukup Setuju", "FA", "Fairly Agree"),
    "cs": ("CS", "Cukup Setuju", "FA", "Fairly Agree"),
    "kurang setuju": KS,
    "ks": KS,
}
LEANING = {"slightly disagree": ATS, "slightly agree": AS}  # other English for the "agak" points

LIKERT: dict[int, Label] = {1: STS, 2: TS, 3: KS, 4: S, 5: SS}  # five points when the data name no midpoint word


def _words(label: Label) -> set[str]:
    return {normalise_word(word) for word in label}


SIDES = [STS, TS, ATS, AS, S, SS]
SIDE_WORDS = {word: label for label in SIDES for word in _words(label)} | LEANING
LIKERT_WORDS = {word: code for code, label in LIKERT.items() for word in _words(label)} | dict.fromkeys(MIDPOINTS, 3)
"""Every word of the five-point scale with its code, each midpoint word at 3."""


FULL_WORDS = (
    {normalise_word(label[k]) for label in [*SIDES, *MIDPOINTS.values()] for k in (1, 3)} | (set(MIDPOINTS) - {"n", "rr", "cs", "ks"}) | set(LEANING)
)  # the words, not the short forms


def is_scale_word(text: str, full: bool = False) -> bool:
    """Whether ``text`` (as written) is an answer word of one of the sets; ``full``: written in
    words ("Setuju"), not as a short form ("S", "A"), which a profile answer may also be."""
    word = normalise_word(text)
    if full:
        return word in FULL_WORDS
    return word in SIDE_WORDS or word in MIDPOINTS


class MidpointClash(ValueError):
    """The answers write the midpoint in two ways ("Netral" and "Ragu-ragu")."""

    def __init__(self, words: list[str]):
        self.words = words
        super().__init__(" and ".join(f"'{w}'" for w in words))


@dataclass(frozen=True)
class ScaleWords:
    """One agreement scale: its labels by code; :meth:`code` of an answer word."""

    labels: dict[int, Label]

    def code(self, text: str) -> int | None:
        """The code of an answer word on this scale; None when the scale has no such point."""
        word = normalise_word(text)
        if word in MIDPOINTS:
            return (len(self.labels) + 1) // 2 if len(self.labels) in (5, 7) else None
        side = SIDE_WORDS.get(word)
        return next((code for code, label in self.labels.items() if label == side), None)


NEUTRAL: Label = MIDPOINTS["netral"]
DEFAULT_MIDDLE = {5: KS, 7: NEUTRAL}


def scale_for(words: list[str], points: int | None = None) -> ScaleWords:
    """The scale the answer ``words`` (as written, each once or more) belong to; ``points``: the
    number of points the numeric answers show (None when every answer is a word). A scale of
    another number of points has no words.

    Raises :class:`MidpointClash` when two different midpoint words are used."""
    seen = {normalise_word(w): w.strip() for w in words}
    middles = {MIDPOINTS[w][1]: written for w, written in seen.items() if w in MIDPOINTS}
    if len(middles) > 1:
        raise MidpointClash(sorted(middles.values()))
    middle = next((MIDPOINTS[normalise_word(w)] for w in middles.values()), None)
    leaning = any(SIDE_WORDS.get(w) in (ATS, AS) for w in seen)
    if points is None:
        points = (7 if middle else 6) if leaning else (5 if middle else 4)
    if points not in (4, 5, 6, 7):
        return ScaleWords({})
    sides = SIDES if points in (6, 7) else [STS, TS, S, SS]
    if points in (5, 7):
        half = len(sides) // 2
        sides = sides[:half] + [middle or DEFAULT_MIDDLE[points]] + sides[half:]
    return ScaleWords(dict(enumerate(sides, start=1)))
