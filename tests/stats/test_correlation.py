"""Pearson correlations and simple regressions of construct scores equal R (fixtures/r_reference.R, designs())."""

from helpers import close

from reportgen.stats.correlation import correlation_matrix
from reportgen.stats.regression import ols


def test_correlations_and_simple_regressions(survey):
    scores, _, ref = survey
    matrix = correlation_matrix(scores)
    for a, row in ref["correlations"].items():
        for b, value in row.items():
            close(matrix[a][b][0], value["r"])
            close(matrix[a][b][1], value["p"])
    for x, value in ref["simple"].items():
        fit = ols(scores["Y"], scores[x], "Y", [x])
        close(
            [fit.coefficients[x].b, fit.coefficients[x].se, fit.coefficients[x].t, fit.coefficients[x].p, fit.r2],
            [value["b"], value["se"], value["t"], value["p"], value["r2"]],
        )
