"""The built-in bibliography (reportgen/literature/methods.bib): it parses, every entry has what
APA 7 needs, the famous entries are right, and its in-text citations are APA 7's and citeproc's.

The expected references were written by hand from each work's publisher record (journal, volume,
issue, pages, DOI; a book's edition and publisher) in the form of the APA Publication Manual, 7th
edition, §9–10 (journal article: example 1; book: example 20; chapter in an edited book: example
38; article number: example 6)."""

import re

import pytest

from reportgen.literature.intext import InText
from reportgen.literature.methods import BIB, cite, methods
from reportgen.literature.order import year_suffixes

# Annual Review of Public Health numbers volumes only; Frontiers in Psychology and Comprehensive
# Psychology number their articles within a volume
ARTICLES_WITHOUT_ISSUES = {"lumley2002", "lakens2013", "kerby2014"}
WITHOUT_DOI = {"holm1979"}  # Scandinavian Journal of Statistics 6 (1979) has no DOI (JSTOR 4615733 only)
DOI = re.compile(r"^10\.\d{4,9}/\S+$")


def reference(key: str, lang: str = "en") -> str:
    runs = methods().reference_list([key], lang)[0]
    return "".join(run.text for run in runs)


def test_the_bib_is_package_data_and_parses_whole():
    import tomllib
    from pathlib import Path

    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())
    assert "literature/*.bib" in pyproject["tool"]["setuptools"]["package-data"]["reportgen"]
    from reportgen.literature.bibtex import read_bibtex

    works, unreadable = read_bibtex(BIB.read_text(encoding="utf-8"))
    assert unreadable == [] and len(works) == len(methods().works) >= 50
    assert len({w.key for w in works}) == len(works)


@pytest.mark.parametrize("key", sorted(methods().works))
def test_every_entry_has_what_apa_needs(key):
    work = methods().works[key]
    csl = work.csl
    assert work.authors and all(name.get("family") or name.get("literal") for name in work.authors)
    assert work.year is not None and csl.get("title"), key
    kind = csl["type"]
    if kind == "article-journal":
        assert csl.get("container-title") and csl.get("volume"), key
        assert csl.get("page") or csl.get("number"), f"{key}: pages or an article number"
        assert csl.get("issue") or key in ARTICLES_WITHOUT_ISSUES, f"{key}: the issue"
        assert (csl.get("DOI") and DOI.match(csl["DOI"])) or key in WITHOUT_DOI, f"{key}: the DOI"
    elif kind == "book":
        assert csl.get("publisher"), key
    elif kind == "chapter":
        assert csl.get("container-title") and csl.get("editor") and csl.get("page") and csl.get("publisher"), key
    else:
        pytest.fail(f"{key}: an entry type the checks do not know: {kind}")
    assert "publisher-place" not in csl, f"{key}: APA 7 names no publisher location"


def test_no_two_entries_share_a_citation():
    """Built-in citations are fixed text ('Cohen, 1988'): among all the built-in works none needs a
    year suffix, an initial or an extra name, so each cites the same alone as among the others."""
    works = list(methods().works.values())
    assert year_suffixes(works) == {}
    among = InText(works)
    for work in works:
        alone = InText([work])
        for lang in ("id", "en"):
            for narrative in (False, True):
                assert among.cite([work.key], narrative, lang) == alone.cite([work.key], narrative, lang)


@pytest.mark.parametrize(
    "key, expected",
    [
        ("cohen1988", "Cohen, J. (1988). Statistical power analysis for the behavioral sciences (2nd ed.). Lawrence Erlbaum Associates."),
        (
            "durbin1951",
            "Durbin, J., & Watson, G. S. (1951). Testing for serial correlation in least squares regression. II. "
            "Biometrika, 38(1/2), 159–177. https://doi.org/10.1093/biomet/38.1-2.159",
        ),
        (
            "savin1977",
            "Savin, N. E., & White, K. J. (1977). The Durbin-Watson test for serial correlation with extreme sample sizes "
            "or many regressors. Econometrica, 45(8), 1989–1996. https://doi.org/10.2307/1914122",
        ),
        (
            "lilliefors1967",
            "Lilliefors, H. W. (1967). On the Kolmogorov-Smirnov test for normality with mean and variance unknown. "
            "Journal of the American Statistical Association, 62(318), 399–402. https://doi.org/10.1080/01621459.1967.10482916",
        ),
        (
            "koenker1981",
            "Koenker, R. (1981). A note on studentizing a test for heteroscedasticity. Journal of Econometrics, 17(1), "
            "107–112. https://doi.org/10.1016/0304-4076(81)90062-2",
        ),
        (
            "breusch1979",
            "Breusch, T. S., & Pagan, A. R. (1979). A simple test for heteroscedasticity and random coefficient variation. "
            "Econometrica, 47(5), 1287–1294. https://doi.org/10.2307/1911963",
        ),
        (
            "glejser1969",
            "Glejser, H. (1969). A new test for heteroskedasticity. Journal of the American Statistical Association, "
            "64(325), 316–323. https://doi.org/10.1080/01621459.1969.10500976",
        ),
        (
            "mackinnon1985",
            "MacKinnon, J. G., & White, H. (1985). Some heteroskedasticity-consistent covariance matrix estimators with "
            "improved finite sample properties. Journal of Econometrics, 29(3), 305–325. "
            "https://doi.org/10.1016/0304-4076(85)90158-7",
        ),
        (
            "long2000",
            "Long, J. S., & Ervin, L. H. (2000). Using heteroscedasticity consistent standard errors in the linear regression "
            "model. The American Statistician, 54(3), 217–224. https://doi.org/10.1080/00031305.2000.10474549",
        ),
        (
            "lumley2002",
            "Lumley, T., Diehr, P., Emerson, S., & Chen, L. (2002). The importance of the normality assumption in large "
            "public health data sets. Annual Review of Public Health, 23, 151–169. "
            "https://doi.org/10.1146/annurev.publhealth.23.100901.140546",
        ),
        (
            "henseler2015",
            "Henseler, J., Ringle, C. M., & Sarstedt, M. (2015). A new criterion for assessing discriminant validity in "
            "variance-based structural equation modeling. Journal of the Academy of Marketing Science, 43(1), 115–135. "
            "https://doi.org/10.1007/s11747-014-0403-8",
        ),
        (
            "zhao2010",
            "Zhao, X., Lynch, J. G., Jr., & Chen, Q. (2010). Reconsidering Baron and Kenny: Myths and truths about mediation "
            "analysis. Journal of Consumer Research, 37(2), 197–206. https://doi.org/10.1086/651257",
        ),
        (
            "fetters2013",
            "Fetters, M. D., Curry, L. A., & Creswell, J. W. (2013). Achieving integration in mixed methods "
            "designs—Principles and practices. Health Services Research, 48(6pt2), 2134–2156. "
            "https://doi.org/10.1111/1475-6773.12117",
        ),
        (
            "braun2006",
            "Braun, V., & Clarke, V. (2006). Using thematic analysis in psychology. Qualitative Research in Psychology, "
            "3(2), 77–101. https://doi.org/10.1191/1478088706qp063oa",
        ),
        (
            "kuder1937",
            "Kuder, G. F., & Richardson, M. W. (1937). The theory of the estimation of test reliability. Psychometrika, "
            "2(3), 151–160. https://doi.org/10.1007/BF02288391",
        ),
        ("nunnally1994", "Nunnally, J. C., & Bernstein, I. H. (1994). Psychometric theory (3rd ed.). McGraw-Hill."),
        ("field2018", "Field, A. (2018). Discovering statistics using IBM SPSS statistics (5th ed.). SAGE Publications."),
        (
            "hair2022",
            "Hair, J. F., Jr., Hult, G. T. M., Ringle, C. M., & Sarstedt, M. (2022). A primer on partial least squares "
            "structural equation modeling (PLS-SEM) (3rd ed.). SAGE Publications.",
        ),
        (
            "ghozali2018",
            "Ghozali, I. (2018). Aplikasi analisis multivariate dengan program IBM SPSS 25 (9th ed.). Badan Penerbit Universitas Diponegoro.",
        ),
        ("sugiyono2019", "Sugiyono. (2019). Metode penelitian kuantitatif, kualitatif, dan R&D. Alfabeta."),
        ("ferdinand2014", "Ferdinand, A. (2014). Metode penelitian manajemen (5th ed.). Badan Penerbit Universitas Diponegoro."),
        (
            "delacre2019",
            "Delacre, M., Leys, C., Mora, Y. L., & Lakens, D. (2019). Taking parametric assumptions seriously: Arguments "
            "for the use of Welch's F-test instead of the classical F-test in one-way ANOVA. International Review of "
            "Social Psychology, 32(1), Article 13. https://doi.org/10.5334/irsp.198",
        ),
        (
            "ritchie1994",
            "Ritchie, J., & Spencer, L. (1994). Qualitative data analysis for applied policy research. In A. Bryman & "
            "R. G. Burgess (Eds.), Analyzing qualitative data (pp. 173–194). Routledge.",
        ),
    ],
)
def test_the_famous_entries(key, expected):
    assert reference(key) == expected


def test_italics_and_the_indonesian_edition():
    runs = methods().reference_list(["durbin1951"], "en")[0]
    assert [run.text for run in runs if run.italic] == ["Biometrika", "38"]
    runs = methods().reference_list(["ghozali2018"], "id")[0]
    assert [run.text for run in runs if run.italic] == ["Aplikasi analisis multivariate dengan program IBM SPSS 25"]
    # id-ID has no ordinals: citeproc printed "(9 ed.)"
    assert reference("ghozali2018", "id") == (
        "Ghozali, I. (2018). Aplikasi analisis multivariate dengan program IBM SPSS 25 (Edisi ke-9). Badan Penerbit Universitas Diponegoro."
    )
    assert "(Edisi ke-2)" in reference("cohen1988", "id") and "(2nd ed.)" in reference("cohen1988", "en")


@pytest.mark.parametrize("key", sorted(methods().works))
def test_in_text_citations_are_citeproc_apa(key):
    """reportgen's in-text citation of each built-in work is what citeproc-py makes of it with the
    same apa.csl (en-US): one style for the text and the list."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    from reportgen.literature.references import _style

    bibliography = CitationStylesBibliography(_style("en"), CiteProcJSON([dict(methods().works[key].csl, id=key)]), formatter.plain)
    citation = Citation([CitationItem(key)])
    bibliography.register(citation)
    assert cite([key], lang="en") == str(bibliography.cite(citation, lambda item: None))
