"""The answers of the mediation and moderation examples read as a survey's (issue 30): the CSVs are
what config/generators/make_design_examples.py writes, every item has its own answer distribution
(its own loading and thresholds in the generator, so no chapter says that all statements share an
index), the instruments pass validity and reliability, and each example shows what its README says."""

from __future__ import annotations

import importlib.util
from functools import cache
from itertools import combinations

import pytest
from helpers import EXAMPLES, composed_example

from reportgen.render.text import render_text
from reportgen.resources import TEMPLATES

DESIGN_EXAMPLES = ("mediation", "moderation")
LANGUAGES = ("id", "en")
# The sentences of a construct whose statements all have one index (index.words.j2, discussion_index.words.j2).
ALL_SAME = {
    "id": ("Seluruh pernyataan memiliki indeks yang sama", "Seluruh pernyataannya memiliki indeks yang sama"),
    "en": ("Every statement has the same index", "All its statements have the same index"),
}


@cache
def composed(example: str, lang: str):
    return composed_example(example, lang)


def items(example: str) -> dict[str, dict]:
    """Every item of the example as results.json gives it (answer counts, index, r, alpha if deleted)."""
    return {name: item for construct in composed(example, "id").payload["constructs"].values() for name, item in construct["items"].items()}


def counts(item: dict) -> tuple[int, ...]:
    return tuple(item["freq"].get(str(code), 0) for code in range(1, 6))


def test_the_csvs_are_what_the_generator_writes(tmp_path):
    """Seeded and deterministic: running the generator again writes the committed answers byte for byte."""
    spec = importlib.util.spec_from_file_location("make_design_examples", EXAMPLES.parent / "generators" / "make_design_examples.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    generator.HERE = tmp_path
    for example in DESIGN_EXAMPLES:
        (tmp_path / example).mkdir()
        getattr(generator, example)()
        written = (tmp_path / example / "responses.csv").read_bytes()
        assert written == (EXAMPLES / example / "responses.csv").read_bytes(), example
        cells = {cell for line in written.decode().splitlines()[1:] for cell in line.split(",")[4:]}
        assert {"1", "5", "STS", "SS"} <= cells  # answers as codes and, from paper forms, as words


@pytest.mark.parametrize("example", DESIGN_EXAMPLES)
def test_no_two_items_share_their_answer_counts(example):
    """The old generator cut every item at the same quantiles: 45/52/38/10/5 for all 13 or 14 items."""
    found = items(example)
    assert len(found) >= 13 and sum(counts(found[next(iter(found))])) == 150
    same = [(a, b) for a, b in combinations(found, 2) if counts(found[a]) == counts(found[b])]
    assert same == []
    for construct in composed(example, "id").payload["constructs"].values():
        assert len({item["index"] for item in construct["items"].values()}) == len(construct["items"])


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("example", DESIGN_EXAMPLES)
def test_no_chapter_says_all_statements_share_one_index(example, lang):
    words = (TEMPLATES / lang / "index.words.j2").read_text(encoding="utf-8") + (TEMPLATES / lang / "discussion_index.words.j2").read_text(
        encoding="utf-8"
    )
    assert all(sentence in words for sentence in ALL_SAME[lang])  # the test looks for what the chapter would say
    c = composed(example, lang)
    text = " ".join(render_text(c.document, c.labels).split())
    assert [sentence for sentence in ALL_SAME[lang] if sentence in text] == []


@pytest.mark.parametrize("example", DESIGN_EXAMPLES)
def test_the_instruments_are_valid_and_reliable(example):
    """Every item valid with a corrected item-total r of at least 0.30; alpha at least 0.70; no blanks."""
    payload = composed(example, "id").payload
    assert (payload["n_used"], payload["n_excluded"]) == (150, 0)
    assert all(item["valid"] and item["r_item_rest"] >= 0.30 for item in items(example).values())
    assert all(construct["alpha"] >= 0.70 for construct in payload["constructs"].values())


def significant(payload: dict) -> dict[tuple[str, str], list[tuple[str, str, str]]]:
    """(column, construct) of each significant group difference → its significant post-hoc pairs with the higher group."""
    found = {}
    for column, tests in payload["group_tests"].items():
        for construct, test in tests["constructs"].items():
            if test["verdicts"]["difference"]["outcome"] == "significant":
                pairs = (test.get("posthoc") or {}).get("pairs", [])
                found[column, construct] = [(p["group1"], p["group2"], p["higher"]) for p in pairs if p["verdict"]["outcome"] == "significant"]
    return found


def test_the_mediation_example_shows_what_its_readme_says():
    """Indirect-only mediation (a × b significant, c′ not, R boot agrees: tests/stats/test_mediation.py);
    one group difference: performance by education, S2 above each other group by Games-Howell."""
    payload = composed("mediation", "id").payload
    h4 = payload["mediation"]["H4"]
    assert h4["kind"] == "indirect_only" and h4["ci_low"] > 0 and h4["direct"]["p"] > 0.05
    assert {h: v["supported"] for h, v in payload["hypotheses"].items()} == {"H1": True, "H2": False, "H3": True, "H4": True}
    assert significant(payload) == {("pendidikan", "KN"): [("SMA", "S2", "S2"), ("D3", "S2", "S2"), ("S1", "S2", "S2")]}


def test_the_moderation_example_shows_what_its_readme_says():
    """H1–H4 accepted, the interaction tested with HC3 standard errors (heteroscedastic residuals); one group
    difference: commitment by age, above 50 higher than 21-30 by Games-Howell."""
    payload = composed("moderation", "id").payload
    assert all(v["supported"] for v in payload["hypotheses"].values()) and len(payload["hypotheses"]) == 4
    h3 = payload["moderation"]["H3"]
    assert h3["checks"]["standard_errors"]["outcome"] == "hc3" and h3["interaction_hc3"]["p"] < 0.05
    assert payload["assumptions"]["verdicts"]["heteroscedasticity"]["outcome"] == "heteroscedastic"
    assert significant(payload) == {("usia", "KM"): [("21-30 Tahun", ">50 Tahun", ">50 Tahun")]}
