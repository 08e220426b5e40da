"""The student's references: BibTeX and RIS read alike; citations and reference lists in APA 7.

Every expected string was written by hand from the APA Publication Manual, 7th edition (the
section is named beside it), not copied from the program's output. fixtures/literature/zotero.bib
and zotero.ris hold the same five works, as Zotero exports them.
"""

from pathlib import Path

import pytest
from helpers import FIXTURES

from reportgen.literature import Literature, load_literature
from reportgen.literature.bibtex import read_bibtex
from reportgen.literature.ris import read_ris

BIB = FIXTURES / "literature" / "zotero.bib"
RIS = FIXTURES / "literature" / "zotero.ris"
# the same works: BibTeX keys (Zotero's) and RIS keys (made from surname and year, no ID in Zotero's RIS)
SAME = {
    "sari_pengaruh_2020": "sari2020",
    "wijaya_evaluasi_2019": "wijaya2019",
    "muller_uber_2018": "muller2018",
    "lembaga_administrasi_negara_pedoman_2003": "lembaga2003",
    "hidayat_budaya_2021": "hidayat2021",
}


def marked(entry) -> str:
    """A reference entry with its italic runs between asterisks."""
    return "".join(f"*{run.text}*" if run.italic else run.text for run in entry)


def literature_of(bib: str) -> Literature:
    works, unreadable = read_bibtex(bib)
    assert not unreadable
    return Literature("refs.bib", {work.key: work for work in works})


@pytest.fixture(scope="module", params=["bib", "ris"])
def zotero(request) -> tuple[Literature, dict]:
    """The fixture file of either kind and a map from the BibTeX keys to its own."""
    if request.param == "bib":
        return load_literature(BIB), {key: key for key in SAME}
    return load_literature(RIS), SAME


# APA §9.8 (surname, initials; all of up to 20 authors, "&" before the last), §10.1 (journal article:
# title in plain type; *Journal*, *volume*(issue), pages with an en dash; DOI as https://doi.org/),
# §10.2 (book: *Title*. Publisher; no place of publication in APA 7), §9.11 and §9.29 (a group author,
# and the publisher left out when it is the author), §9.44 (alphabetical by first author).
REFERENCES = [
    "Hidayat, R., Rahman, N., Santoso, A., Utami, A., Kurniawan, D., & Pratiwi, E. (2021). Budaya Organisasi dan "
    "Kinerja Pegawai. *Jurnal Manajemen Sektor Publik*, *12*(4), 330–345.",
    "Lembaga Administrasi Negara. (2003). *Pedoman Penyusunan Pelaporan Akuntabilitas Kinerja Instansi Pemerintah*.",
    "Müller, J. (2018). *Über die Messung der Leistung öffentlicher Verwaltungen*. Springer.",
    "Sari, D., & Putra, B. (2020). Pengaruh Perencanaan Kinerja terhadap Akuntabilitas Instansi Pemerintah. "
    "*Jurnal Akuntansi Publik*, *5*(2), 101–115. https://doi.org/10.1234/jap.v5i2.101",
    "Wijaya, A., Lestari, S., & Nugroho, E. (2019). Evaluasi Kinerja dan Akuntabilitas Pemerintah Daerah. "
    "*Jurnal Administrasi Publik*, *3*(1), 1–20.",
]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_reference_list_in_apa_order_with_italics(zotero, lang):
    literature, key = zotero
    entries = literature.reference_list([key[k] for k in SAME], lang)
    assert [marked(entry) for entry in entries] == REFERENCES


@pytest.mark.parametrize("lang", ["id", "en"])
def test_parenthetical_citation(zotero, lang):
    literature, key = zotero
    # §8.17: two authors joined by "&", three or more "et al.", a group author in full;
    # §8.12: several works in reference-list order, separated by semicolons
    assert (
        literature.cite([key["sari_pengaruh_2020"], key["wijaya_evaluasi_2019"]], narrative=False, lang=lang)
        == "(Sari & Putra, 2020; Wijaya et al., 2019)"
    )
    assert (
        literature.cite([key[k] for k in SAME], narrative=False, lang=lang)
        == "(Hidayat et al., 2021; Lembaga Administrasi Negara, 2003; Müller, 2018; Sari & Putra, 2020; Wijaya et al., 2019)"
    )


@pytest.mark.parametrize(
    "lang,expected",
    [
        # §8.17: "and" written out in the running text; Indonesian "dan"; "et al." kept in both languages
        (
            "id",
            [
                "Sari dan Putra (2020)",
                "Wijaya et al. (2019)",
                "Hidayat et al. (2021)",
                "Müller (2018)",
                "Lembaga Administrasi Negara (2003)",
                "Sari dan Putra (2020) dan Wijaya et al. (2019)",
            ],
        ),
        (
            "en",
            [
                "Sari and Putra (2020)",
                "Wijaya et al. (2019)",
                "Hidayat et al. (2021)",
                "Müller (2018)",
                "Lembaga Administrasi Negara (2003)",
                "Sari and Putra (2020) and Wijaya et al. (2019)",
            ],
        ),
    ],
)
def test_narrative_citation(zotero, lang, expected):
    literature, key = zotero
    one = ["sari_pengaruh_2020", "wijaya_evaluasi_2019", "hidayat_budaya_2021", "muller_uber_2018", "lembaga_administrasi_negara_pedoman_2003"]
    got = [literature.cite([key[k]], narrative=True, lang=lang) for k in one]
    got.append(literature.cite([key["wijaya_evaluasi_2019"], key["sari_pengaruh_2020"]], narrative=True, lang=lang))
    assert got == expected


def test_bibtex_and_ris_give_the_same_works():
    bib, ris = load_literature(BIB), load_literature(RIS)
    assert list(ris.works) == list(SAME.values())
    for bib_key, ris_key in SAME.items():
        assert bib.works[bib_key].csl == ris.works[ris_key].csl
    muller = bib.works["muller_uber_2018"]
    assert muller.authors == [{"family": "Müller", "given": "Jörg"}]  # {\"u}, {\"o} decoded
    assert bib.works["lembaga_administrasi_negara_pedoman_2003"].authors == [{"literal": "Lembaga Administrasi Negara"}]
    assert bib.works["sari_pengaruh_2020"].csl["page"] == "101-115"


def test_same_authors_same_year_get_suffixes_and_are_grouped():
    literature = literature_of(r"""
@article{b, author={Sari, Dewi}, title={Budaya Kerja}, journal={J}, year={2018}}
@article{a, author={Sari, Dewi}, title={The Akuntabilitas Kinerja}, journal={J}, year={2018}}
@article{c, author={Sari, Dewi and Putra, Budi}, title={Kinerja}, journal={J}, year={2020}}
""")
    # §9.47: same authors and year ordered by title, leading "The" ignored, suffixed a, b;
    # §9.46: a one-author work before the multi-author work that begins with the same name
    assert [marked(e) for e in literature.reference_list(["c", "b", "a"], "en")] == [
        "Sari, D. (2018a). The Akuntabilitas Kinerja. *J*.",
        "Sari, D. (2018b). Budaya Kerja. *J*.",
        "Sari, D., & Putra, B. (2020). Kinerja. *J*.",
    ]
    # §8.19 suffixes in citations; §8.12 works of the same authors given once with their years
    assert literature.cite(["c", "b", "a"], narrative=False, lang="en") == "(Sari, 2018a, 2018b; Sari & Putra, 2020)"
    assert literature.cite(["b", "a"], narrative=True, lang="id") == "Sari (2018a, 2018b)"


def test_first_authors_sharing_a_surname_get_initials():
    literature = literature_of(r"""
@article{andi, author={Wijaya, Andi and Lestari, Sri and Nugroho, Eko}, title={T}, journal={J}, year={2019}}
@book{rina, author={Wijaya, Rina Kartika}, title={U}, publisher={P}, year={2017}}
""")
    # §8.20: initials before the shared surname in every citation, even when the years differ
    assert literature.cite(["rina", "andi"], narrative=False, lang="en") == "(A. Wijaya et al., 2019; R. K. Wijaya, 2017)"
    assert literature.cite(["rina"], narrative=True, lang="id") == "R. K. Wijaya (2017)"
    # decided among the works the chapter cites: alone, Andi Wijaya's work needs no initials
    assert literature.citing(["andi"]).cite(["andi"], narrative=False, lang="en") == "(Wijaya et al., 2019)"


def test_et_al_forms_that_would_be_the_same_are_written_out():
    # §8.18, the Manual's own example
    literature = literature_of(r"""
@article{k1, author={Kapoor, A. and Bloom, B. and Montez, C. and Warner, D. and Hill, E.}, title={A}, journal={J}, year={2020}}
@article{k2, author={Kapoor, A. and Bloom, B. and Zucker, C. and Tang, D. and Horvat, E.}, title={B}, journal={J}, year={2020}}
@article{x1, author={Alpha, A. and Beta, B. and Gamma, C.}, title={C}, journal={J}, year={2021}}
@article{x2, author={Alpha, A. and Delta, D. and Epsilon, E.}, title={D}, journal={J}, year={2021}}
""")
    assert literature.cite(["k1"], narrative=False, lang="en") == "(Kapoor, Bloom, Montez, et al., 2020)"
    assert literature.cite(["k2"], narrative=True, lang="en") == "Kapoor, Bloom, Zucker, et al. (2020)"
    # "et al." is plural: when it would stand for one name, every name is written
    assert literature.cite(["x1"], narrative=False, lang="en") == "(Alpha, Beta, & Gamma, 2021)"
    assert literature.cite(["x2"], narrative=True, lang="id") == "Alpha, Delta, dan Epsilon (2021)"


def test_chapter_and_theses_in_both_languages():
    literature = literature_of(r"""
@incollection{penulis_2015, title={Peran {Inspektorat} dalam {SAKIP}}, booktitle={Akuntabilitas {Sektor} {Publik}},
  editor={Editor, Edi and Kedua, Kurnia}, pages={10--20}, publisher={Gramedia}, author={Penulis, Pena}, year={2015}}
@mastersthesis{mutia_2009, title={Usulan {Rancangan} {Indikator}}, school={Universitas Indonesia}, type={Tesis},
  author={Mutia, Nila}, year={2009}}
@phdthesis{ndraha_2003, title={Kybernologi}, school={Universitas Padjadjaran}, author={Ndraha, Taliziduhu}, year={2003}}
""")
    keys = ["penulis_2015", "mutia_2009", "ndraha_2003"]
    # §10.3 (chapter in an edited book: "In E. Editor & K. Kedua (Eds.), *Book* (pp. 10–20). Publisher.");
    # §10.6 example 64 (unpublished thesis: *Title* [Description]. University.); CSL's id-ID terms
    assert [marked(e) for e in literature.reference_list(keys, "en")] == [
        "Mutia, N. (2009). *Usulan Rancangan Indikator* [Tesis]. Universitas Indonesia.",
        "Ndraha, T. (2003). *Kybernologi* [Doctoral dissertation]. Universitas Padjadjaran.",
        "Penulis, P. (2015). Peran Inspektorat dalam SAKIP. In E. Editor & K. Kedua (Eds.), *Akuntabilitas Sektor Publik* (pp. 10–20). Gramedia.",
    ]
    assert [marked(e) for e in literature.reference_list(keys, "id")] == [
        "Mutia, N. (2009). *Usulan Rancangan Indikator* [Tesis]. Universitas Indonesia.",
        "Ndraha, T. (2003). *Kybernologi* [Disertasi]. Universitas Padjadjaran.",
        "Penulis, P. (2015). Peran Inspektorat dalam SAKIP. Dalam E. Editor & K. Kedua (Ed.), *Akuntabilitas Sektor Publik* (hlm. 10–20). Gramedia.",
    ]


def test_bibtex_values_as_exporters_write_them():
    works, unreadable = read_bibtex(r"""
@article{Smith2020,
author = {van der Berg, Anna and Garc{\'\i}a, Jos\'{e} and Smith, Jr., John and others},
title = {{50\% of Results \& More}},
journal = {J},
year = {2020},
doi = {https://doi.org/10.1/abc},
mendeley-groups = {Thesis},
}
@string{jpa = "Jurnal Publik"}
@article{macro2021, author = "Putri, Rossje Surya", title = "Judul", journal = jpa, date = {2021-03-01}}
@article{broken2020, title = {unclosed, year = {2020}}
""")
    by_key = {work.key: work for work in works}
    smith = by_key["Smith2020"]  # the key's case is kept
    assert smith.authors == [
        {"family": "Berg", "given": "Anna", "non-dropping-particle": "van der"},
        {"family": "García", "given": "José"},
        {"family": "Smith", "given": "John", "suffix": "Jr."},
    ]  # "and others" dropped
    assert smith.title == "50% of Results & More" and smith.csl["DOI"] == "10.1/abc"
    macro = by_key["macro2021"]
    assert macro.csl["container-title"] == "Jurnal Publik" and macro.year == 2021
    assert [(key, place) for key, place, _ in unreadable] == [("broken2020", "line 12")]


def test_ris_keys_are_ids_or_made_from_surname_and_year():
    works, unreadable = read_ris(
        "TY  - JOUR\nAU  - Sari, Dewi\nTI  - A\nPY  - 2020///\nER  - \n\n"
        "TY  - BOOK\nAU  - Sari, Dewi\nTI  - B\nPY  - 2020\nER  - \n\n"
        "TY  - JOUR\nID  - Putra2019\nAU  - Putra, Budi\nTI  - C\nDA  - 2019/05/01\nSP  - 5-9\nER  - \n\n"
        "TY  - RPRT\nAU  - Badan Pusat Statistik\nTI  - D\nPY  - 2022\nER  - \n"
    )
    assert [w.key for w in works] == ["sari2020a", "sari2020b", "Putra2019", "badan2022"]
    assert works[2].year == 2019 and works[2].csl["page"] == "5-9"
    assert works[3].authors == [{"literal": "Badan Pusat Statistik"}] and not unreadable


def test_load_refuses_what_is_not_a_reference_file(tmp_path):
    from reportgen.errors import ConfigError

    (tmp_path / "refs.bib").write_text("just some notes\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"refs.bib: no entry \(@article\{...\}, @book\{...\}\) found; is it a BibTeX file\?"):
        load_literature(tmp_path / "refs.bib")
    (tmp_path / "refs.ris").write_text("@article{a, title={b}}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"refs.ris: no record .* found; is it a RIS file\?"):
        load_literature(tmp_path / "refs.ris")
    with pytest.raises(ConfigError, match="literature file not found"):
        load_literature(Path(tmp_path / "none.bib"))


def test_a_name_with_an_unclosed_brace_is_one_unreadable_entry_not_a_crash():
    """bibtexparser's name middleware fails on ``"Foo {Bar"``; the entry is reported at its line, the others read."""
    works, unreadable = read_bibtex(
        '@article{a2020,\n  author = "Foo {Bar",\n  title = {T},\n  year = {2020},\n  journal = {J}\n}\n'
        "@book{b2021, author = {Baz, Q.}, title = {U}, year = {2021}, publisher = {P}}\n"
    )
    assert [w.key for w in works] == ["b2021"]
    assert unreadable == [("a2020", "line 1", "a name or value has unbalanced braces")]


def test_names_keep_their_case_unless_the_work_is_english():
    literature = literature_of(r"""
@article{id2019, author={Winara, Pandu}, title={Judul}, journal={Jurnal Akuntansi dan Keuangan}, year={2019}}
@article{en2019, author={Smith, John}, title={Title}, journal={Journal of public administration}, year={2019},
  langid={english}}
""")
    # apa.csl sets a journal's name in title case (APA §9.25), which CSL applies to English works only
    assert [marked(e) for e in literature.reference_list(["id2019", "en2019"], "id")] == [
        "Smith, J. (2019). Title. *Journal of Public Administration*.",
        "Winara, P. (2019). Judul. *Jurnal Akuntansi dan Keuangan*.",
    ]


def test_the_thesis_example_cites_its_own_references():
    from helpers import EXAMPLES

    from reportgen.config import load_study
    from reportgen.literature import study_literature

    literature = study_literature(load_study(EXAMPLES / "luwu-timur" / "study.yaml"))
    assert literature.cited == ("winara2019", "lan2003")  # the comparisons of H1 and H4, then H1's theory
    assert literature.cite(["winara2019"], narrative=True, lang="id") == "Winara dan Putri (2019)"
    assert [marked(e) for e in literature.reference_list(literature.cited, "id")] == [
        "Lembaga Administrasi Negara. (2003). *Pedoman Penyusunan Pelaporan Akuntabilitas Kinerja Instansi Pemerintah*.",
        "Winara, P., & Putri, R. S. (2019). Pengaruh Perencanaan, Pelaksanaan, Laporan Keuangan, Evaluasi dan Tunjangan "
        "terhadap Akuntabilitas Kinerja dengan Sistem Informasi sebagai Variabel Moderasi pada Sekretariat BPSDM "
        "Perhubungan. *Jurnal Akuntansi dan Keuangan Methodist*, *2*(2).",
    ]
    with pytest.raises(KeyError, match="not among the cited works: ferdinand2014"):
        literature.reference_list(["ferdinand2014"], "id")
