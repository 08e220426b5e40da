"""Correlations, simple regressions, group differences, mediation and moderation equal R.

Reference: fixtures/r_reference.R, ``designs()`` (cor.test, lm, car::leveneTest, shapiro.test,
t.test, wilcox.test, oneway.test, kruskal.test; Sobel by hand; anova(m1, m2); simple slopes
from vcov), on the construct scores of every random survey.
"""

import json

import numpy as np
import pytest

from reportgen.config import load_study
from reportgen.data import load_dataset
from reportgen.pipeline import analyse, compose
from reportgen.stats.correlation import correlation_matrix
from reportgen.designs.survey.extras import compare_groups
from reportgen.stats.mediation import bootstrap_indirect, fit_path_model, mediation
from reportgen.stats.moderation import moderated_regression
from reportgen.stats.regression import ols

from conftest import FIXTURES

SURVEYS = sorted(p for p in (FIXTURES / "surveys").iterdir() if (p / "r_reference.json").exists())


def close(ours, ref, rel=1e-6):
    assert ours == pytest.approx(ref, rel=rel, abs=1e-12)


@pytest.fixture(scope="module", params=SURVEYS, ids=lambda p: p.name)
def survey(request):
    study = load_study(request.param / "study.yaml")
    data = load_dataset(study)
    results = analyse(study, "id").results
    scores = {c: r.scores for c, r in results.constructs.items()}
    ref = json.loads((request.param / "r_reference.json").read_text())["designs"]
    return scores, np.array(data.profile["group"], dtype=object), ref


def test_correlations_and_simple_regressions(survey):
    scores, _, ref = survey
    matrix = correlation_matrix(scores)
    for a, row in ref["correlations"].items():
        for b, value in row.items():
            close(matrix[a][b][0], value["r"])
            close(matrix[a][b][1], value["p"])
    for x, value in ref["simple"].items():
        fit = ols(scores["Y"], scores[x], "Y", [x])
        close([fit.coefficients[x].b, fit.coefficients[x].se, fit.coefficients[x].t, fit.coefficients[x].p, fit.r2],
              [value["b"], value["se"], value["t"], value["p"], value["r2"]])


@pytest.mark.parametrize("grouping", ["three", "two"])
def test_group_differences(survey, grouping):
    scores, groups, ref = survey
    labels = groups if grouping == "three" else np.array(["A" if g == "A" else "BC" for g in groups], dtype=object)
    for construct, values in scores.items():
        r = ref["groups"][construct][grouping]
        result = compare_groups(values, labels, 0.05)
        close([result.levene_f, result.levene_p], [r["levene_f"], r["levene_p"]])
        assert result.normal == all(p >= 0.05 for p in r["shapiro_p"].values())
        expected = r[result.test]
        close(result.statistic, expected["statistic"])
        close(result.p, expected["p"])
        if "df" in expected:
            close(list(result.df), list(np.atleast_1d(expected["df"])))
        if result.test in ("student_t", "welch_t", "anova", "welch_anova"):
            assert (result.levene_p >= 0.05) == (result.test in ("student_t", "anova"))


def test_mediation(survey):
    scores, _, ref = survey
    model = fit_path_model(scores, [("X1", "X2"), ("X1", "Y"), ("X2", "Y")])
    draws = bootstrap_indirect(scores, list(model.paths), [("X1", "X2", "Y")], 2000, seed=1)[:, 0]
    m = mediation(model, ("X1", "X2", "Y"), draws)
    r = ref["mediation"]
    close([m.a, m.b, m.c, m.c_prime, m.c_prime_p, m.indirect, m.sobel_z, m.sobel_p],
          [r["a"], r["b"], r["c"], r["c_prime"], r["c_prime_p"], r["indirect"], r["sobel_z"], r["sobel_p"]])
    # the bootstrap SD of ab is close to its delta-method (Sobel) SE
    assert m.boot_sd == pytest.approx(abs(m.indirect / m.sobel_z), rel=0.25)


def test_bootstrap_indirect_equals_refitting_each_resample():
    """The covariance shortcut gives exactly what refitting lm on each resample gives."""
    rng = np.random.default_rng(5)
    x = rng.normal(size=60)
    m = 0.5 * x + rng.normal(size=60)
    y = 0.4 * m + 0.2 * x + rng.normal(size=60)
    scores = {"X": x, "M": m, "Y": y}
    draws = bootstrap_indirect(scores, [("X", "M"), ("X", "Y"), ("M", "Y")], [("X", "M", "Y")], 50, seed=9)[:, 0]
    index = np.random.default_rng(9).integers(0, 60, size=(50, 60))
    for k in range(50):
        i = index[k]
        a = np.linalg.lstsq(np.column_stack([np.ones(60), x[i]]), m[i], rcond=None)[0][1]
        b = np.linalg.lstsq(np.column_stack([np.ones(60), x[i], m[i]]), y[i], rcond=None)[0][2]
        assert draws[k] == pytest.approx(a * b, rel=1e-9)


@pytest.mark.parametrize("centre", [False, True])
def test_moderation(survey, centre):
    scores, _, ref = survey
    r = ref["moderation"]["centred" if centre else "raw"]
    mod = moderated_regression(scores["Y"], scores["X1"], scores["X2"], ("Y", "X1", "X2"), centre)
    term = mod.full.coefficients["X1 × X2"]
    close([term.b, term.se, term.t, term.p, mod.delta_r2, mod.delta_f, mod.delta_p],
          [r["b"], r["se"], r["t"], r["p"], r["delta_r2"], r["delta_f"], r["delta_p"]])
    for slope in mod.slopes:
        s = r["slopes"][slope.level]
        close([slope.z, slope.slope, slope.se, slope.t, slope.p], [s["z"], s["slope"], s["se"], s["t"], s["p"]])


def test_welch_tests_when_variances_differ():
    """Normal quantiles with unequal spreads; R 4.2.2 t.test(y ~ g) and oneway.test(y ~ g)."""
    from scipy import stats

    def quantiles(n):
        return stats.norm.ppf((np.arange(1, n + 1) - (3 / 8 if n <= 10 else 0.5)) / (n + (1 - 2 * (3 / 8 if n <= 10 else 0.5))))

    a, b, c = quantiles(30) + 5, quantiles(25) * 4 + 6, quantiles(20) * 2 + 5.5
    two = compare_groups(np.concatenate([a, b]), np.array(["A"] * 30 + ["B"] * 25, dtype=object))
    assert two.test == "welch_t" and two.levene_p == pytest.approx(2.1032489705645e-06, rel=1e-6)
    close([two.statistic, two.df[0], two.p], [-1.22465539575131, 26.5094225228645, 0.231476671884868])
    three = compare_groups(np.concatenate([a, b, c]), np.array(["A"] * 30 + ["B"] * 25 + ["C"] * 20, dtype=object))
    assert three.test == "welch_anova" and three.levene_p == pytest.approx(1.19922417358769e-06, rel=1e-6)
    close([three.statistic, three.df[0], three.df[1], three.p], [1.16989436796772, 2, 33.9805078649742, 0.322589327397905])


from conftest import EXAMPLES  # noqa: E402


@pytest.mark.parametrize("example", ["mediation", "moderation"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_design_examples_render_and_agree(example, lang, tmp_path):
    from docx import Document as WordDocument
    from pypdf import PdfReader

    from helpers import numbers_checked_against_tables
    doc = compose(EXAMPLES / example / "study.yaml", lang).document
    assert numbers_checked_against_tables(doc, lang) > 100
    from reportgen.pipeline import run_study

    run_study(EXAMPLES / example / "study.yaml", tmp_path / "o", lang=lang)
    stem = "bab4" if lang == "id" else "chapter4"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "o" / f"{stem}.pdf").pages).split())
    words = {"mediation": ["Sobel", "bootstrap", "c′", "Kruskal-Wallis", "Omega"], "moderation": ["Moderated Regression Analysis", "Simple Slopes", "ΔR²", "Mann-Whitney", "Omega"]}
    for word in words[example]:
        assert word in text, word
    assert len(WordDocument(tmp_path / "o" / f"{stem}.docx").tables) >= 15


def test_design_results_json(tmp_path):
    from reportgen.pipeline import run_study

    run_study(EXAMPLES / "mediation" / "study.yaml", tmp_path / "m", formats=["json"])
    med = json.loads((tmp_path / "m" / "results.json").read_text())
    h4 = med["mediation"]["H4"]
    assert set(h4) >= {"a", "b", "c", "c_prime", "indirect", "sobel_z", "sobel_p", "ci_low", "ci_high", "kind"}
    assert h4["indirect"] == pytest.approx(h4["a"] * h4["b"]) and h4["c"] == pytest.approx(h4["c_prime"] + h4["indirect"])
    assert h4["kind"] == "full" and h4["ci_low"] > 0 and med["hypotheses"]["H4"]["supported"] is True
    assert set(med["group_tests"]) == {"jk", "pendidikan"} and med["correlations"]["KP"]["MK"]["p"] < 0.05
    assert all(c["omega"] is not None for c in med["constructs"].values())
    run_study(EXAMPLES / "moderation" / "study.yaml", tmp_path / "o", formats=["json"])
    mod = json.loads((tmp_path / "o" / "results.json").read_text())
    h3 = mod["moderation"]["H3"]
    assert set(h3["interaction"]) == {"b", "se", "t", "p"} and h3["delta_r2"] > 0 and h3["centred"] is True
    assert mod["hypotheses"]["H3"]["supported"] == (h3["interaction"]["p"] < 0.05)
    assert set(mod["simple_regressions"]) == {"H1", "H2"}


def test_drop_invalid_removes_items_and_recomputes(tmp_path):
    """An item of pure noise is not valid; with drop_invalid it is removed and alpha recomputed."""
    import sys

    from reportgen.pipeline import run_study

    sys.path.insert(0, str(FIXTURES.parent))
    from helpers import base, survey_rows, write_study

    rows = survey_rows(n=60)
    rng = np.random.default_rng(4)
    for r in rows:
        r["X1.4"] = int(rng.integers(1, 6))
    cfg = base()
    cfg["constructs"]["X1"]["items"]["X1.4"] = "noise"
    plain = json.loads((run_study(write_study(tmp_path / "a", cfg, rows), tmp_path / "a" / "o", formats=["json"]).files[0]).read_text())
    assert plain["constructs"]["X1"]["items"]["X1.4"]["valid"] is False and plain["dropped_items"] == []
    cfg["settings"] = {"drop_invalid": True}
    run_study(write_study(tmp_path / "b", cfg, rows), tmp_path / "b" / "o", formats=["json", "pdf"])
    dropped = json.loads((tmp_path / "b" / "o" / "results.json").read_text())
    assert [d["item"] for d in dropped["dropped_items"]] == ["X1.4"]
    assert "X1.4" not in dropped["constructs"]["X1"]["items"]
    x1 = np.array([[r[f"X1.{j}"] for j in (1, 2, 3)] for r in rows], dtype=float)
    from reportgen.stats.reliability import cronbach_alpha

    assert dropped["constructs"]["X1"]["alpha"] == pytest.approx(cronbach_alpha(x1))
    assert any("drop_invalid: removed 1 item(s)" in w for w in dropped["warnings"])
