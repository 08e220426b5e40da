"""In-text citations in APA 7 ("et al." for three or more authors, "&" in parentheses, "and"/"dan"
in the running text, works in reference-list order), read back from text by
reportgen.literature.cited, and every citation the code and templates print has its entry in
methods.bib.

Expected strings are written by hand from the APA Publication Manual, 7th edition, §8.11–8.17."""

import importlib
import pkgutil
from pathlib import Path

import pytest

from reportgen.literature import load_literature
from reportgen.literature.cited import cited_works, find, forms
from reportgen.literature.methods import PREFIX, cite, merged, methods
from reportgen.report.builder import d, h
from reportgen.report.document import Document, Paragraph, Section, Table
from reportgen.words.templates import environment, narrative

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def builtin_forms(lang: str) -> dict:
    literature = methods()
    return forms(literature, lang, [list(literature.works)])


@pytest.mark.parametrize("lang, narrative_and", [("id", "dan"), ("en", "and")])
def test_apa7_et_al_and_the_joins(lang, narrative_and):
    assert cite(["henseler2015"], lang=lang) == "(Henseler et al., 2015)"
    assert cite(["fetters2013"], narrative=True, lang=lang) == "Fetters et al. (2013)"
    assert cite(["zhao2010"], narrative=True, lang=lang) == "Zhao et al. (2010)"
    assert cite(["durbin1951", "savin1977"], lang=lang) == "(Durbin & Watson, 1951; Savin & White, 1977)"
    assert cite(["durbin1951"], narrative=True, lang=lang) == f"Durbin {narrative_and} Watson (1951)"
    assert cite(["cohen1988"], narrative=True, lang=lang) == "Cohen (1988)"
    # reference-list order whatever the order asked, same authors once with their years (§8.12)
    assert cite(["koenker1981", "glejser1969", "ghozali2018"], lang=lang) == "(Ghozali, 2018; Glejser, 1969; Koenker, 1981)"
    assert cite(["cohen1988", "cohen1983"], lang=lang) == "(Cohen, 1983, 1988)"


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("id", "Durbin dan Watson (1951) dan Savin dan White (1977); Hair et al. (2022)"),
        ("en", "Durbin and Watson (1951) and Savin and White (1977); Hair et al. (2022)"),
    ],
)
def test_the_narrative_filter_and_the_cite_function_of_the_templates(lang, expected):
    """The filter turned 'Durbin & Watson, 1951' into 'Durbin & Watson (1951)': '&' belongs in parentheses only."""
    env = environment(lang)
    text = env.from_string('{{ c|narrative }}; {{ "Hair et al., 2022"|narrative }}').render(c="Durbin & Watson, 1951; Savin & White, 1977")
    assert text == expected
    assert narrative("no citation here", lang) == "no citation here"
    assert env.from_string('{{ cite("braun2006") }} {{ cite("zhao2010", narrative=True) }}').render() == "(Braun & Clarke, 2006) Zhao et al. (2010)"


def test_citations_are_read_back_from_text():
    found = find(
        [
            "corrected item-total correlation ≥ 0,30 (Field, 2018; 0,70 in Nunnally & Bernstein, 1994).",
            "Menurut Ghozali (2018), dan Zhao et al. (2010, hlm. 199) menyebut (Hair et al., 2022, p. 118).",
            "Sumber: Data sekunder dari Tenenhaus et al. (2005), diolah, 2005",
            "(Cohen, 1983, 1988) and the\u00a0studentized test (Koenker,\u00a01981)",
            "Table 3 Results of the Units, 2024; Tahun 2014 (n = 2019); the data (2022) were collected",
        ],
        builtin_forms("id"),
    )
    assert set(found.keys) == {
        "field2018",
        "nunnally1994",
        "ghozali2018",
        "zhao2010",
        "hair2022",
        "tenenhaus2005",
        "cohen1983",
        "cohen1988",
        "koenker1981",
    }
    assert found.unknown == ()


@pytest.mark.parametrize(
    "text, unknown",
    [
        ("(Fetters, Curry & Creswell, 2013)", "Fetters, Curry & Creswell, 2013"),  # APA 7: Fetters et al.
        ("(Henseler, Ringle, & Sarstedt, 2015)", "Henseler, Ringle, & Sarstedt, 2015"),
        ("(Delacre dkk., 2019)", "Delacre dkk., 2019"),  # the chapter keeps the Latin et al.
        ("Zhao, Lynch dan Chen (2010)", "Zhao, Lynch dan Chen, 2010"),
        ("(Sari & Putra, 2020)", "Sari & Putra, 2020"),  # no entry
        ("(Cohen, 1989)", "Cohen, 1989"),  # a wrong year
    ],
)
def test_a_citation_without_its_entry_or_form_is_unknown(text, unknown):
    found = find([text], builtin_forms("en"))
    assert found.unknown == (unknown,)


def _template_texts(lang: str) -> list[str]:
    files = sorted((TEMPLATES / lang).glob("*")) + sorted((TEMPLATES / "common").glob("*"))
    return [f.read_text(encoding="utf-8") for f in files if f.suffix in (".j2", ".yaml")]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_citation_written_in_the_templates_and_labels_has_its_entry(lang):
    """A citation typed into a template or labels.yaml (rather than ``{{ cite("key") }}``) must be
    an APA 7 form of a methods.bib entry: add the entry, or fix the form."""
    found = find(_template_texts(lang), builtin_forms(lang))
    assert found.unknown == ()
    assert {"hair2022", "henseler2015", "zhao2010", "cohen1988"} <= set(found.keys)


def _rule_citations():
    import reportgen.interpret as interpret

    for module in pkgutil.iter_modules(interpret.__path__):
        if module.name == "sakip":  # regulations, cited as Indonesian law is (not APA author–year)
            continue
        loaded = importlib.import_module(f"reportgen.interpret.{module.name}")
        for name, value in vars(loaded).items():
            if "CITATION" in name and name.isupper():
                for text in value.values() if isinstance(value, dict) else [value]:
                    yield f"{module.name}.{name}", text


@pytest.mark.parametrize("where, text", list(_rule_citations()))
def test_every_rule_citation_is_an_apa7_citation_of_built_in_works(where, text):
    """Each rule's citation (reportgen/interpret's *CITATION* constants) is exactly what APA 7 makes
    of its works: 'et al.' from three authors, '&', reference-list order."""
    found = find([f"({text})"], builtin_forms("en"))
    assert found.unknown == () and found.keys, where
    assert f"({text})" == cite(list(found.keys), lang="en"), where


def _document(*paragraphs: str, table_note: str = "") -> Document:
    section = Section("Hasil", 2, "5.1", [Paragraph(p) for p in paragraphs])
    section.add(
        Table(
            key="t",
            number="5.1",
            title="Tabel",
            header=((h("A"),),),
            body=((d("1"),),),
            source="Sumber: Data primer diolah, 2022",
            notes=(table_note,) if table_note else (),
        )
    )
    return Document("id", "BAB V", "HASIL", "Studi", "Uji", 2024, sections=[section])


def test_the_reference_list_of_a_chapter_without_a_literature_file(tmp_path):
    doc = _document("Uji autokorelasi (Durbin & Watson, 1951; Savin & White, 1977).", table_note="f² ≥ 0,02 kecil (Cohen, 1988).")
    literature, keys = cited_works(doc.reader_texts(), None, set(), "id")
    assert keys == ["durbin1951", "savin1977", "cohen1988"]
    entries = ["".join(run.text for run in runs).split(" (")[0] for runs in literature.reference_list(keys, "id")]
    assert entries == ["Cohen, J.", "Durbin, J., & Watson, G. S.", "Savin, N. E., & White, K. J."]
    assert cited_works(_document("Tanpa sitasi.").reader_texts(), None, set(), "id")[1] == []


STUDENT = """@book{ghozali_aplikasi_2018,
  author = {Ghozali, Imam}, year = {2018}, edition = {9},
  title = {Aplikasi Analisis Multivariate dengan Program IBM SPSS 25},
  publisher = {Badan Penerbit Universitas Diponegoro}}
@article{cohen1988,
  author = {Cohen, Patricia}, year = {1988}, title = {Another work under the same key},
  journal = {Jurnal}, volume = {1}, number = {2}, pages = {3--4}}
@article{sari2020,
  author = {Sari, Dewi and Putra, Budi}, year = {2020}, title = {Pengaruh},
  journal = {Jurnal Akuntansi Publik}, volume = {5}, number = {2}, pages = {101--115}}
"""


def test_the_students_entries_merge_with_the_built_in_ones(tmp_path):
    """The student's Ghozali (2018) is the built-in one: listed once, as the student wrote it,
    with no 2018a/2018b; the student's own 'cohen1988' key (another work) does not hide Cohen (1988)."""
    path = tmp_path / "refs.bib"
    path.write_text(STUDENT, encoding="utf-8")
    student = load_literature(path).citing(["sari2020"])
    everything = merged(student)
    assert "ghozali2018" not in everything.works and "ghozali_aplikasi_2018" in everything.works
    assert everything.works[PREFIX + "cohen1988"].csl["title"] == "Statistical power analysis for the behavioral sciences"
    doc = _document("Pengujian (Ghozali, 2018) dan f² (Cohen, 1988).", "Sejalan dengan Sari dan Putra (2020).")
    literature, keys = cited_works(doc.reader_texts(), student, {"sari2020"}, "id")
    assert keys == ["ghozali_aplikasi_2018", PREFIX + "cohen1988", "sari2020"]
    entries = ["".join(run.text for run in runs) for runs in literature.reference_list(keys, "id")]
    assert [entry.split(". (")[0] for entry in entries] == ["Cohen, J", "Ghozali, I", "Sari, D., & Putra, B"]
    assert "Aplikasi Analisis Multivariate dengan Program IBM SPSS 25" in entries[1]  # the student's own title
    assert not any("2018a" in entry or "2018b" in entry for entry in entries)


def test_a_template_citing_an_unknown_key_is_a_one_line_error(tmp_path):
    from reportgen.errors import ReportgenError
    from reportgen.words.templates import render

    (tmp_path / "id").mkdir()
    (tmp_path / "id" / "mine.j2").write_text('Seperti {{ cite("nobody2020", narrative=True) }}.', encoding="utf-8")
    with pytest.raises(ReportgenError, match=r"mine\.j2, line 1: cite\(\): nobody2020 is not a work of reportgen's built-in"):
        render(environment("id", tmp_path), "mine.j2")
