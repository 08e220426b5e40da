"""A count with its noun: in English the singular goes with exactly one; Indonesian nouns do not change."""

import pytest

from reportgen.words.locale import plural
from reportgen.words.templates import environment


@pytest.mark.parametrize(
    "count,expected",
    [
        (0, "0 respondents"),
        (1, "1 respondent"),
        (2, "2 respondents"),
        ("1", "1 respondent"),
        ("1,001", "1,001 respondents"),
        ("0.5", "0.5 respondents"),
    ],
)
def test_english_takes_the_singular_for_exactly_one(count, expected):
    assert plural(count, "respondent", lang="en") == expected


@pytest.mark.parametrize("count", [0, 1, 2])
def test_indonesian_nouns_do_not_change(count):
    assert plural(count, "responden", lang="id") == f"{count} responden"


@pytest.mark.parametrize(
    "singular,expected",
    [
        ("hypothesis", "hypotheses"),
        ("category", "categories"),
        ("day", "days"),
        ("box", "boxes"),
        ("unit", "units"),
        ("criterion answer", "criterion answers"),
    ],
)
def test_regular_english_plurals(singular, expected):
    assert plural(2, singular, lang="en") == f"2 {expected}"
    assert plural(1, singular, lang="en") == f"1 {singular}"


def test_a_given_plural_and_a_word_alone():
    assert plural(0, "criterion", "criteria", lang="en") == "0 criteria"
    assert plural("1", "is", "are", lang="en", word_only=True) == "is"
    assert plural("3", "is", "are", lang="en", word_only=True) == "are"


@pytest.mark.parametrize(
    "lang,n,expected",
    [
        ("en", "0", "0 items, 0 hypotheses; are"),
        ("en", "1", "1 item, 1 hypothesis; is"),
        ("en", "2", "2 items, 2 hypotheses; are"),
        ("id", "1", "1 butir, 1 hipotesis; is"),
    ],
)
def test_the_template_filter(lang, n, expected):
    words = {"en": ("item", "hypothesis"), "id": ("butir", "hipotesis")}[lang]
    template = environment(lang).from_string('{{ n|plural(a) }}, {{ n|plural(b, "hypotheses") }}; {{ n|plural("is", "are", word_only=true) }}')
    assert template.render(n=n, a=words[0], b=words[1]) == expected
