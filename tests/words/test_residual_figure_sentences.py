"""The residual figures are described by their numbers, and the decision words are the test's:
whatever the figure shows, the sentence states the verdict it is given, in both languages."""

import pytest

from reportgen.words.templates import environment, render_raw

NORMALITY = {
    "table": "T1",
    "pp": "G1",
    "hist": "G2",
    "d": "0,091",
    "p_lillie": "0,095",
    "p_asym": "0,516",
    "w": "0,972",
    "p_sw": "0,082",
    "alpha": "0,05",
    "n": "80",
    "lillie_defined": True,
    "sw_defined": True,
    "sw_normal": True,
    "asym_normal": True,
    "distance": "0,085",
    "skewness": "0,262",
    "kurtosis": "-0,223",
    "simple": False,
    "large": False,
    "large_n": "100",
}
HETERO = {
    "table": "T2",
    "figure": "G3",
    "p_min": "0,036",
    "alpha": "0,05",
    "bp": "2,073",
    "bp_p": "0,150",
    "bp_ok": True,
    "tested": ["X1", "X2"],
    "spread": "0,816; 1,076; 1,085",
    "ratio": "1,331",
    "robust": "auto",
    "stripes": None,
}

NOT_NORMAL = {"id": "tidak berdistribusi normal", "en": "are not normally distributed"}
HETEROSCEDASTIC = {"id": "menyatakan residual heteroskedastis", "en": "take the residuals as heteroscedastic"}


def paragraphs(lang: str, template: str, **context) -> list[str]:
    text = render_raw(environment(lang), template, **context)
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("normal", [True, False])
def test_pp_and_histogram_sentence_gives_their_numbers_and_the_tests_verdict(lang, normal):
    figures = paragraphs(lang, "normality.j2", **{**NORMALITY, "normal": normal, "asym_normal": normal, "sw_normal": normal})[-1]
    for number in ("0,085", "0,091", "0,262", "-0,223"):
        assert number in figures
    assert (NOT_NORMAL[lang] in figures) is (not normal)
    assert "diharapkan" not in figures and "expected" not in figures  # what the figure shows, not what is hoped for


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("flagged", [[], ["X2"]])
def test_scatterplot_sentence_gives_the_spread_by_thirds_and_the_glejser_verdict(lang, flagged):
    figure = paragraphs(lang, "heteroscedasticity.j2", **HETERO, flagged=flagged, heteroscedastic=bool(flagged), agree=True, hc3=bool(flagged))[-1]
    assert "0,816; 1,076; 1,085" in figure and "1,331" in figure and "G3" in figure
    assert (HETEROSCEDASTIC[lang] in figure) is bool(flagged)
    assert "pola tertentu" not in figure and "pattern" not in figure


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_dependent_of_restricted_range_draws_the_scatterplot_in_stripes(lang):
    """Each stripe is one score of the dependent: said as what the figure shows, not as a pattern."""
    stripes = {"name": "Kinerja", "code": "Y", "distinct": "7", "minimum": "24", "maximum": "30", "table": "Tabel 5.16"}
    figure = paragraphs(lang, "heteroscedasticity.j2", **{**HETERO, "stripes": stripes}, flagged=[], heteroscedastic=False, agree=True, hc3=False)[-1]
    said = {
        "id": "Kinerja (Y) hanya memiliki 7 skor yang berbeda (24–30; Tabel 5.16), sehingga titik-titik tersusun pada garis-garis sejajar",
        "en": "Kinerja (Y) takes only 7 distinct scores (24–30; Tabel 5.16), so the points lie on parallel stripes",
    }
    assert said[lang] in figure and "pola" not in figure and "pattern" not in figure


@pytest.mark.parametrize("lang", ["id", "en"])
def test_one_glejser_term_is_named_not_ranged(lang):
    tests = paragraphs(
        lang, "heteroscedasticity.j2", **{**HETERO, "tested": ["X1"], "p_min": "0,302"}, flagged=[], heteroscedastic=False, agree=True, hc3=False
    )[0]
    assert "X1" in tests and "0,302" in tests
    assert ("terkecil" if lang == "id" else "smallest") not in tests
