"""Classical assumption tests on regression residuals (normality, heteroscedasticity)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special, stats

from reportgen.stats.regression import least_squares


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
      :func:`lilliefors_p`), R ``nortest::lillie.test``, SPSS EXAMINE.
    - ``shapiro_w``/``shapiro_p``: R ``shapiro.test`` (Royston's AS R94), for 3 ≤ n ≤ 5000.
    """
    e = np.asarray(residuals, dtype=float)
    n = e.size
    mean, sd = float(e.mean()), float(e.std(ddof=1))
    ks = stats.kstest(e, "norm", args=(mean, sd), method="asymp")
    p_lillie = lilliefors_p(float(ks.statistic), n)
    if 3 <= n <= 5000:
        shapiro = stats.shapiro(e)
        w, p_sw = float(shapiro.statistic), float(shapiro.pvalue)
    else:
        w = p_sw = None
    return Normality(n=n, mean=mean, sd=sd, ks_d=float(ks.statistic), ks_p_asymptotic=float(ks.pvalue),
                     ks_p_lilliefors=float(p_lillie), shapiro_w=w, shapiro_p=p_sw)


def lilliefors_p(d: float, n: int) -> float:
    """p of the Lilliefors normality test for the K-S statistic ``d`` of n observations.

    Dallal & Wilkinson (1986) approximation ``p = exp(-7.01256 Kd^2 (nd + 2.78019) +
    2.99587 Kd sqrt(nd + 2.78019) - 0.122119 + 0.974598 / sqrt(nd) + 1.67997 / nd)`` with
    ``Kd = d (n/100)^0.49, nd = 100`` for n > 100; when that exceeds 0.1, Stephens' (1974)
    modified statistic ``(sqrt(n) - 0.01 + 0.85 / sqrt(n)) d`` and its quartic fits are used.
    This is exactly R ``nortest::lillie.test`` (statsmodels interpolates its own table above
    0.1, which differs from R by up to 0.05).
    """
    kd, nd = (d * (n / 100) ** 0.49, 100) if n > 100 else (d, n)
    p = np.exp(-7.01256 * kd**2 * (nd + 2.78019) + 2.99587 * kd * np.sqrt(nd + 2.78019)
               - 0.122119 + 0.974598 / np.sqrt(nd) + 1.67997 / nd)
    if p <= 0.1:
        return float(p)
    kk = (np.sqrt(n) - 0.01 + 0.85 / np.sqrt(n)) * d
    if kk <= 0.302:
        return 1.0
    if kk <= 0.5:
        return float(2.76773 - 19.828315 * kk + 80.709644 * kk**2 - 138.55152 * kk**3 + 81.218052 * kk**4)
    if kk <= 0.9:
        return float(-4.901232 + 40.662806 * kk - 97.490286 * kk**2 + 94.029866 * kk**3 - 32.355711 * kk**4)
    if kk <= 1.31:
        return float(6.198765 - 19.558097 * kk + 23.186922 * kk**2 - 12.234627 * kk**3 + 2.423045 * kk**4)
    return 0.0


def heteroscedasticity(residuals: np.ndarray, exog: np.ndarray, predictors: list[str]) -> Heteroscedasticity:
    """Glejser and studentized Breusch–Pagan tests.

    - Glejser (1969): OLS of ``|e|`` on the predictors; a significant slope signals
      heteroscedasticity. Each slope's t and p match R ``summary(lm(abs(resid) ~ X))``.
    - Breusch–Pagan, studentized (Koenker, 1981): ``LM = n R^2`` of ``e^2`` on the predictors,
      chi-squared with k df; R ``lmtest::bptest(model)`` (studentize = TRUE).
    """
    e = np.asarray(residuals, dtype=float)
    fit = least_squares(np.abs(e), exog)
    terms = {
        name: GlejserTerm(float(fit.params[j + 1]), float(fit.bse[j + 1]), float(fit.tvalues[j + 1]), float(fit.pvalues[j + 1]))
        for j, name in enumerate(predictors)
    }
    auxiliary = least_squares(e * e, exog)
    lm = len(e) * auxiliary.rsquared
    lm_p = float(special.chdtrc(exog.shape[1] - 1, lm))
    return Heteroscedasticity(
        glejser=terms, glejser_f=float(fit.fvalue), glejser_f_p=float(fit.f_pvalue),
        bp_lm=float(lm), bp_df=exog.shape[1] - 1, bp_p=float(lm_p),
    )
