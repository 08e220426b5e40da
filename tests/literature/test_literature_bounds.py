"""A hostile or broken reference file: one line naming the file and the entry's line, never a
traceback; braces nested deeper than MAX_BRACE_DEPTH are refused before pylatexenc recurses."""

from __future__ import annotations

import pytest
from helpers import base, invoke, write_study

from reportgen.errors import ConfigError
from reportgen.literature import load_literature
from reportgen.literature.bibtex import MAX_BRACE_DEPTH, read_bibtex

GOOD = "@article{sari2020, author = {Sari, Dewi}, title = {Judul}, journal = {Jurnal}, year = {2020}}\n"
DEEP = "\\textit{" * 200 + "Judul" + "}" * 200
ONLY = "no entry of the file can be read"

BAD_FILES = [
    (
        "200 nested \\textit braces",
        "refs.bib",
        f"\n@article{{deep2020, author = {{Sari, Dewi}}, title = {{{DEEP}}}, year = {{2020}}}}\n",
        f"refs.bib, line 2, entry 'deep2020': braces are nested 200 deep in a value; reportgen reads values nested at most "
        f"{MAX_BRACE_DEPTH} deep; {ONLY}",
    ),
    (
        "deep braces through a @string macro",
        "refs.bib",
        f'@string{{deep = "{DEEP}"}}\n@article{{m2020, author = {{Sari, Dewi}}, title = deep, year = {{2020}}}}\n',
        "refs.bib, line 2, entry 'm2020': braces are nested 200 deep in a value",
    ),
    (
        "deep braces in an author",
        "refs.bib",
        "@book{a2020, author = {" + "{" * 40 + "Sari" + "}" * 40 + "}, year = {2020}}\n",
        "refs.bib, line 1, entry 'a2020': braces are nested 40 deep in a value",
    ),
    (
        "the only entry malformed",
        "refs.bib",
        "% Zotero\n\n@article{bad2020, title = {unclosed, year = {2020}}\n",
        f"refs.bib, line 3, entry 'bad2020': the entry is not valid BibTeX (a brace or quote is not closed?); {ONLY}",
    ),
    (
        "the only record without its end",
        "refs.ris",
        "\n\nTY  - JOUR\nAU  - Sari, Dewi\nTI  - Judul\nPY  - 2020\n",
        f"refs.ris, line 3: the record starting here has no end line 'ER  -'; {ONLY}",
    ),
    (
        "a record interrupted by the next",
        "refs.ris",
        "TY  - JOUR\nAU  - Sari, Dewi\nTY  - BOOK\nTI  - B\n",
        f"refs.ris, line 1: the record starting here has no end line 'ER  -'; {ONLY}",
    ),
]


@pytest.mark.parametrize("name,text,expected", [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_a_reference_file_nothing_can_be_read_from_names_the_line(tmp_path, name, text, expected):
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_literature(tmp_path / name)
    assert err.value.message.startswith(expected) and "\n" not in err.value.message, err.value.message
    config = base()
    config["literature"] = name
    config["hypotheses"]["H1"]["supports"] = ["sari2020"]
    study = write_study(tmp_path, config)
    result = invoke(["run", study, "--out", tmp_path / "out", "--formats", "json"])
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0] == f"error: {err.value.message}", result.stderr


def test_a_deep_entry_beside_good_ones_is_unreadable_and_named_when_cited(tmp_path):
    text = GOOD + f"@article{{deep2020, author = {{Sari, Dewi}}, title = {{{DEEP}}}, year = {{2020}}}}\n"
    works, unreadable = read_bibtex(text)
    assert [w.key for w in works] == ["sari2020"]
    assert unreadable == [
        ("deep2020", "line 2", f"braces are nested 200 deep in a value; reportgen reads values nested at most {MAX_BRACE_DEPTH} deep")
    ]
    (tmp_path / "refs.bib").write_text(text, encoding="utf-8")
    config = base()
    config["literature"] = "refs.bib"
    config["hypotheses"]["H1"]["supports"] = ["deep2020"]
    result = invoke(["run", write_study(tmp_path, config), "--out", tmp_path / "out", "--formats", "json"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "'deep2020' cannot be read from refs.bib (line 2: braces are nested 200 deep in a value" in result.stderr.strip().splitlines()[0]


def test_real_nesting_is_well_inside_the_bound():
    """Zotero's and Better BibTeX's deepest: a protected title with an accent and italics."""
    works, unreadable = read_bibtex('@article{m, author = {M{\\"u}ller, J{\\"o}rg}, title = {{Die {\\textit{{\\"U}ber}}}}, year = {2018}}\n')
    assert not unreadable and works[0].title == "Die Über" and works[0].authors[0]["family"] == "Müller"


@pytest.mark.parametrize(
    "name,text",
    [
        ("refs.bib", "@article{c2020, author = {Sa\x00ri, Dewi}, title = {Ju\x01d\x0bul}, journal = {J}, year = {2020}}\n"),
        ("refs.ris", "TY  - JOUR\nAU  - Sa\x00ri, Dewi\nTI  - Ju\x01d\x0bul\nPY  - 2020\nER  - \n"),
    ],
    ids=["bib", "ris"],
)
def test_control_characters_in_references_are_read_and_cleaned(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    work = next(iter(load_literature(tmp_path / name).works.values()))
    assert work.title == "Ju d ul" and work.authors[0]["family"] == "Sa ri"
