"""Group tests equal R (car::leveneTest, shapiro.test, t.test, wilcox.test, oneway.test, kruskal.test)."""

import numpy as np
import pytest

from reportgen.designs.survey.extras import compare_groups

from helpers import close


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
