"""Classical assumption tests on regression residuals (normality, heteroscedasticity)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.diagnostic import het_breuschpagan, lilliefors


@dataclass(frozen=True)
class Normality:
    n: int
    mean: float
    sd: float
    ks_d: float
    ks_p_asymptotic: float
    ks_p_lilliefors: float
    shapiro_w: float | None
    shapiro_p: float | None


@dataclass(frozen=True)
class GlejserTerm:
    b: float
    se: float
    t: float
    p: float


@dataclass(frozen=True)
class Heteroscedasticity:
    glejser: dict[str, GlejserTerm]
    glejser_f: float
    glejser_f_p: float
    bp_lm: float
    bp_df: int
    bp_p: float


def normality(residuals: np.ndarray) -> Normality:
    """One-sample Kolmogorov–Smirnov and Shapiro–Wilk tests of the residuals.

    - ``ks_d``: ``sup |F_n(x) - Phi((x - mean) / sd)|`` with mean and sd estimated from the
      residuals (SPSS NPAR TESTS /K-S(NORMAL), "Test Statistic").
    - ``ks_p_asymptotic``: the uncorrected Kolmogorov limit p ``P(K > sqrt(n) D)`` (older SPSS
      "Asymp. Sig. (2-tailed)"; R ``ks.test(e, "pnorm", mean(e), sd(e), exact = FALSE)``).
    - ``ks_p_lilliefors``: the p corrected for estimated parameters (Lilliefors, 1967;
      Dallal–Wilkinson approximation), R ``nortest::lillie.test``, SPSS EXAMINE.
    - ``shapiro_w``/``shapiro_p``: R ``shapiro.test`` (Royston's AS R94), for 3 ≤ n ≤ 5000.
    """
    e = np.asarray(residuals, dtype=float)
    n = e.size
    mean, sd = float(e.mean()), float(e.std(ddof=1))
    ks = stats.kstest(e, "norm", args=(mean, sd), method="asymp")
    _, p_lillie = lilliefors(e, dist="norm", pvalmethod="approx")
    if 3 <= n <= 5000:
        shapiro = stats.shapiro(e)
        w, p_sw = float(shapiro.statistic), float(shapiro.pvalue)
    else:
        w = p_sw = None
    return Normality(n=n, mean=mean, sd=sd, ks_d=float(ks.statistic), ks_p_asymptotic=float(ks.pvalue),
                     ks_p_lilliefors=float(p_lillie), shapiro_w=w, shapiro_p=p_sw)


def heteroscedasticity(residuals: np.ndarray, exog: np.ndarray, predictors: list[str]) -> Heteroscedasticity:
    """Glejser and studentized Breusch–Pagan tests.

    - Glejser (1969): OLS of ``|e|`` on the predictors; a significant slope signals
      heteroscedasticity. Each slope's t and p match R ``summary(lm(abs(resid) ~ X))``.
    - Breusch–Pagan, studentized (Koenker, 1981): ``LM = n R^2`` of ``e^2`` on the predictors,
      chi-squared with k df; R ``lmtest::bptest(model)`` (studentize = TRUE).
    """
    e = np.asarray(residuals, dtype=float)
    fit = sm.OLS(np.abs(e), exog).fit()
    terms = {
        name: GlejserTerm(float(fit.params[j + 1]), float(fit.bse[j + 1]), float(fit.tvalues[j + 1]), float(fit.pvalues[j + 1]))
        for j, name in enumerate(predictors)
    }
    lm, lm_p, _, _ = het_breuschpagan(e, exog, robust=True)
    return Heteroscedasticity(
        glejser=terms, glejser_f=float(fit.fvalue), glejser_f_p=float(fit.f_pvalue),
        bp_lm=float(lm), bp_df=exog.shape[1] - 1, bp_p=float(lm_p),
    )
