"""Number formatting in the study's locale: the one place numbers become text.

Bahasa Indonesia: decimal comma and thousands dot (``0,724``, ``1.234,5``); English: ``0.724``,
``1,234.5``. A negative number takes the minus sign U+2212 (``−0,038``), not the hyphen, as
typesetting does (Unicode 15, §6.2 "Dashes"; ISO 80000-1 §7.1.3): a hyphen is a place where a
line may break. A p value that rounds to zero is shown as ``< 0,001`` / ``< 0.001``.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

SEPARATORS = {"id": (",", "."), "en": (".", ",")}  # (decimal, thousands) of each language
MINUS = "\u2212"


def fmt(value: float | int | None, decimals: int = 3, lang: str = "id", thousands: bool = True) -> str:
    """``fmt(1234.5, 1, 'id') == '1.234,5'``; None or NaN → '–'.

    Halves round away from zero, as SPSS prints them (1/80 = 1,25% → 1,3%), from the
    shortest decimal form of the float (so 0.1235 → 0,124, not 0,123). Infinity is ``∞``; a
    magnitude of 10^15 or more is written as SPSS does, ``1,000E+25``.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if abs(value) >= 1e15:
        exponent = math.floor(math.log10(abs(value)))
        mantissa = fmt(value / 10**exponent, decimals, lang, thousands)
        if mantissa.lstrip(MINUS).startswith("10"):  # 9,9996E+15 rounded up to 10,000
            exponent, mantissa = exponent + 1, fmt(value / 10 ** (exponent + 1), decimals, lang, thousands)
        return f"{mantissa}E+{exponent}"  # the exponent of a magnitude >= 1e15 is positive
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}" if thousands else f"{rounded:.{decimals}f}"
    if text.startswith("-") and float(text.replace(",", "")) == 0:
        text = text[1:]
    decimal, group = SEPARATORS[lang]
    table: dict[str, str | int | None] = {".": decimal, ",": group, "-": MINUS}
    return text.translate(str.maketrans(table))


LEADING_ZERO = {"id": True, "en": False}  # a zero before the decimal point of a value that cannot exceed 1
P_BOUND = {"id": 0.5, "en": 1.0}  # a p value below this many units of its last digit is printed '< 0,001': SPSS rounds
# (0,00056 is 0,001), as Indonesian theses copy it; APA 7 §6.36 writes every p below .001 as '< .001'


def fmt_unit(value: float | None, decimals: int = 3, lang: str = "id") -> str:
    """A value that cannot exceed 1 in absolute value (a correlation, R², a proportion, a
    reliability coefficient, a loading, a p value or significance level) as :func:`fmt` writes
    it, without the zero before the decimal point where the language omits it: English (APA 7
    §6.36) ``.724``, ``−.038``, ``1.000``; Indonesian theses keep it, ``0,724``."""
    text = fmt(value, decimals, lang)
    if LEADING_ZERO[lang]:
        return text
    decimal = SEPARATORS[lang][0]
    sign = MINUS if text.startswith(MINUS) else ""
    return sign + text[len(sign) + 1 :] if text[len(sign) :].startswith("0" + decimal) else text


def fmt_p(p: float | None, decimals: int = 3, lang: str = "id", unit: bool = False) -> str:
    """A p value: ``0,041``; below half the last digit ``< 0,001`` (with a no-break space).
    ``unit``: as the chapter prints it, a value that cannot exceed 1 in the language's way
    (:func:`fmt_unit`, :data:`P_BOUND`): English ``.041``, and ``< .001`` for any p below .001."""
    if p is None or (isinstance(p, float) and math.isnan(p)):
        return "–"
    number = fmt_unit if unit else fmt
    if p < (P_BOUND[lang] if unit else 0.5) * 10 ** (-decimals):
        return "<\u00a0" + number(10 ** (-decimals), decimals, lang)
    return number(p, decimals, lang)


def fmt_int(value: int, lang: str = "id") -> str:
    return fmt(value, 0, lang)


def fmt_g(value: float | None, max_decimals: int = 3, lang: str = "id", thousands: bool = True) -> str:
    """Up to ``max_decimals`` decimals without trailing zeros: 74,4 · 71 · 68,025 (thesis style)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = fmt(round(value, max_decimals), max_decimals, lang, thousands)
    sep = SEPARATORS[lang][0]
    if sep in text and "E" not in text:
        text = text.rstrip("0").rstrip(sep)
    return text


def fmt_pct(value: float, lang: str = "id") -> str:
    """A percentage with one decimal: 53,8%."""
    return fmt(value, 1, lang) + "%"


def stars(p: float | None, levels: tuple[float, ...] = (0.05, 0.01, 0.001)) -> str:
    """One star per significance level p falls below: '*' p < 0,05, '**' p < 0,01, '***' p < 0,001."""
    return "" if p is None else "*" * sum(p < level for level in levels)


def tick(value: float, lang: str = "id") -> str:
    """A number on a figure's axis: up to 3 decimals without trailing zeros and no thousands
    separator (years stay 2024): ``0,2`` · ``1`` · ``2024``."""
    return fmt_g(value, 3, lang, thousands=False)


ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def numeral(n: int, style: str = "arabic") -> str:
    """A chapter number as the language writes it (labels.yaml ``chapter_numerals``): 5 or V."""
    if style != "roman":
        return str(n)
    out = ""
    for value, letters in ROMAN:
        count, n = divmod(n, value)
        out += letters * count
    return out


CONJUNCTIONS = {"id": {"and": "dan", "or": "atau"}, "en": {"and": "and", "or": "or"}}


def join_list(items, lang: str = "id", conjunction: str = "and") -> str:
    """'A', 'A dan B', 'A, B, dan C' (PUEBI, with the serial comma) / 'A, B, and C' (APA 7)."""
    items = [str(i) for i in items]
    word = CONJUNCTIONS[lang][conjunction]
    if len(items) <= 2:
        return f" {word} ".join(items)
    return f"{', '.join(items[:-1])}, {word} {items[-1]}"


def plural(count, singular: str, plural_form: str | None = None, lang: str = "id", word_only: bool = False) -> str:
    """A count with its noun: English '1 respondent', '0 respondents', '2 hypotheses' (given
    ``plural_form``; otherwise the regular English plural); Indonesian nouns do not change
    ('1 responden', '2 responden'). ``count`` is the number as printed ('1', '1.234'), so the
    singular goes with exactly one. ``word_only`` gives the word without the count (a verb:
    ``plural(n, 'is', 'are', word_only=True)``)."""
    text = str(count).strip()
    word = singular if lang != "en" or text == "1" else plural_form or _english_plural(singular)
    return word if word_only else f"{text} {word}"


def _english_plural(noun: str) -> str:
    """The regular English plural: unit → units, analysis → analyses, category → categories, box → boxes."""
    if noun.endswith("sis"):
        return noun[:-2] + "es"
    if noun.endswith("y") and noun[-2:-1] not in tuple("aeiou"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


_ID_UNITS = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"]
_EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_words(n: int, lang: str = "id") -> str:
    """A count in words where the style guides want it, else in digits: Indonesian EYD V writes a
    number of one or two words in letters (0–99 here: 'lima', 'dua belas', 'dua puluh tiga'); APA 7
    writes numbers below 10 in words ('five') and 10 and above in digits."""
    if lang == "en":
        return _EN_UNITS[n] if 0 <= n < 10 else str(n)
    if not 0 <= n < 100:
        return str(n)
    if n < 12:
        return _ID_UNITS[n]
    if n < 20:
        return f"{_ID_UNITS[n - 10]} belas"
    tens, unit = divmod(n, 10)
    return f"{_ID_UNITS[tens]} puluh" + (f" {_ID_UNITS[unit]}" if unit else "")
