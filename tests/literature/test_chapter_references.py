"""Every example chapter, in Indonesian and English: each in-text citation it prints (paragraphs,
table titles, cells, notes, source lines) has its entry in the reference list, each entry of the
list is cited in the text, and the list is in APA order; every rule citation in results.json is
a built-in work's. Before the built-in bibliography, the luwu-timur chapter cited Ferdinand (2014),
Ghozali (2018), Sugiyono (2019), Cohen (1988), Durbin & Watson (1951) … and listed only Winara and
Putri (2019), and a chapter without a literature file had no list at all."""

import re

import pytest
from helpers import EXAMPLES, composed_example

from reportgen.literature.cited import citations, find, forms
from reportgen.literature.methods import methods
from reportgen.literature.order import author_key
from reportgen.literature.work import surname

EXAMPLE_NAMES = sorted(p.parent.name for p in EXAMPLES.glob("*/study.yaml"))
# Citation-shaped text that is no citation of a work (the study's own note names the thesis it
# replicates by its place and year), by example and language.
NOT_CITATIONS = {("luwu-timur", "id"): {"Luwu Timur, 2022"}}
_ENTRY = re.compile(r"^(?P<names>.+?) \((?P<year>\d{4})[a-z]?\)\. ")


def chapter(example: str, lang: str):
    """The example's chapter, what the chapter knows of its literature, its results.json."""
    composed = composed_example(example, lang)
    return composed.document, composed, composed.payload


def references(doc) -> list[str]:
    return [block.text for block in doc.walk() if getattr(block, "style", "") == "reference"]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_every_citation_has_its_entry_and_every_entry_is_cited(example, lang):
    doc, made, _ = chapter(example, lang)
    literature, found = citations(doc.reader_texts(), made.literature, lang)
    assert set(found.unknown) <= NOT_CITATIONS.get((example, lang), set()), (
        "a citation with no entry in methods.bib (or the study's file), or not in APA 7 form"
    )
    cited = list(dict.fromkeys(list(found.keys) + sorted(made.cited)))
    entries = references(doc)
    assert len(entries) == len(cited), "one entry per cited work"
    expected = sorted(cited, key=lambda key: (author_key(literature.works[key]), literature.works[key].year))
    for entry, key in zip(entries, expected):
        work = literature.works[key]
        parsed = _ENTRY.match(entry)
        assert parsed, entry
        assert parsed.group("names").startswith(surname(work.authors[0])) and int(parsed.group("year")) == work.year, (
            f"{entry!r} is not the entry of {key}"
        )
    if not cited:
        assert not any(section.title in ("Daftar Pustaka", "References") for section in doc.sections)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_demo_chapter_lists_the_methods_works(lang):
    """The demo listed Winara and Putri (2019) alone."""
    doc, _made, _ = chapter("luwu-timur", lang)
    heading = {"id": "Daftar Pustaka", "en": "References"}[lang]
    assert any(section.title == heading for section in doc.sections)
    starts = [entry.split(" (")[0] for entry in references(doc)]
    for names in (
        "Cohen, J.",
        "Durbin, J., & Watson, G. S.",
        "Ferdinand, A.",
        "Ghozali, I.",
        "Savin, N. E., & White, K. J.",
        "Sugiyono.",
        "Winara, P., & Putri, R. S.",
    ):
        assert names in starts
    edition = {"id": "(Edisi ke-2)", "en": "(2nd ed.)"}[lang]
    assert f"Cohen, J. (1988). Statistical power analysis for the behavioral sciences {edition}. Lawrence Erlbaum Associates." in references(doc)


@pytest.mark.parametrize("example", ["mediation", "moderation", "corp-rep"])
def test_a_chapter_without_a_literature_file_has_its_reference_list(example):
    doc, made, _ = chapter(example, "id")
    assert made.literature is None
    assert any(section.title == "Daftar Pustaka" for section in doc.sections) and references(doc)


def test_the_sakip_report_cites_no_work():
    """SAKIP reports cite regulations in their own form, not works (author, year): no reference list."""
    for lang in ("id", "en"):
        doc, made, _ = chapter("sakip-luwu-timur", lang)
        _literature, found = citations(doc.reader_texts(), made.literature, lang)
        assert found.keys == () and found.unknown == () and references(doc) == []


def _rule_citations(payload) -> set[str]:
    out = set()

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "citation" and isinstance(item, str) and item:
                    out.add(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(payload)
    return out


@pytest.mark.parametrize("example", [name for name in EXAMPLE_NAMES if not name.startswith("sakip")])
def test_every_rule_citation_in_results_json_is_a_built_in_work(example):
    _, _, payload = chapter(example, "en")
    data_source = (payload.get("data_source") or {}).get("citation")
    rules = _rule_citations(payload) - {data_source}
    assert rules
    literature = methods()
    table = forms(literature, "en", [list(literature.works)])
    for text in rules:
        found = find([f"({text})"], table)
        assert found.keys and found.unknown == (), text
