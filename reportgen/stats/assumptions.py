"""Classical assumption tests on regression residuals (normality, heteroscedasticity)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from reportgen.stats.regression import least_squares


@dataclass(frozen=True)
class Normality:
    n: int
    mean: float
    sd: float
    ks_d: float
    ks_p_asymptotic: float
    ks_p_lilliefors: float | None  # None below 5 observations
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


def normal_pp_points(residuals: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The normal P-P plot of the residuals (SPSS REGRESSION /RESIDUALS NORMPROB): for the sorted
    residuals e_(i), the observed cumulative probability ``(i - 0.5) / n`` and the expected
    ``Phi((e_(i) - mean) / sd)`` (sd with n - 1). The expected values are also the fitted CDF of
    the Kolmogorov–Smirnov test in :func:`normality`. Standardising the residuals first changes
    neither."""
    e = np.sort(np.asarray(residuals, dtype=float))
    n = e.size
    return (np.arange(1, n + 1) - 0.5) / n, special.ndtr((e - e.mean()) / e.std(ddof=1))


def normality(residuals: np.ndarray) -> Normality:
    """One-sample Kolmogorov–Smirnov and Shapiro–Wilk tests of the residuals.

    - ``ks_d``: ``sup |F_n(x) - Phi((x - mean) / sd)|`` with mean and sd estimated from the
      residuals (SPSS NPAR TESTS /K-S(NORMAL), "Test Statistic").
    - ``ks_p_asymptotic``: the uncorrected Kolmogorov limit p ``P(K > sqrt(n) D)`` (older SPSS
      "Asymp. Sig. (2-tailed)"; R ``ks.test(e, "pnorm", mean(e), sd(e), exact = FALSE)``).
    - ``ks_p_lilliefors``: the p corrected for estimated parameters (Lilliefors, 1967;
      :func:`lilliefors_p`), R ``nortest::lillie.test``, SPSS EXAMINE; None below 5 observations,
      where nortest refuses.
    - ``shapiro_w``/``shapiro_p``: R ``shapiro.test`` (:func:`shapiro_wilk`), for 3 ≤ n ≤ 5000;
      None outside that range, where R refuses ("sample size must be between 3 and 5000").
    """
    e = np.asarray(residuals, dtype=float)
    n = e.size
    mean, sd = float(e.mean()), float(e.std(ddof=1))
    _, cdf = normal_pp_points(e)
    rank = np.arange(1, n + 1) / n
    d = float(max((rank - cdf).max(), (cdf - (rank - 1 / n)).max()))
    p_asymptotic = float(special.kolmogorov(np.sqrt(n) * d))  # P(K > sqrt(n) D), the Kolmogorov limit
    w = p_sw = None
    if 3 <= n <= 5000 and sd > 0:
        w, p_sw = shapiro_wilk(e)
    p_lilliefors = float(lilliefors_p(d, n)) if n >= 5 else None  # nortest::lillie.test: "sample size must be greater than 4"
    return Normality(n=n, mean=mean, sd=sd, ks_d=d, ks_p_asymptotic=p_asymptotic, ks_p_lilliefors=p_lilliefors, shapiro_w=w, shapiro_p=p_sw)


def _poly(coefficients: tuple[float, ...], x: float) -> float:
    return float(sum(c * x**k for k, c in enumerate(coefficients)))


def shapiro_wilk(x: np.ndarray) -> tuple[float, float]:
    """Shapiro–Wilk W and its p value by Royston's algorithm AS R94 (Royston, 1995, *Applied
    Statistics* 44(4)), as R ``shapiro.test`` (``swilk.c``) computes it, for 3 ≤ n ≤ 5000.

    The coefficients a come from the normal scores m_i = Φ⁻¹((i − 3/8)/(n + 1/4)) with Royston's
    polynomial corrections of the two largest; ``W = (Σ a_i (x_(n+1−i) − x_(i)))² / Σ (x − x̄)²``.
    p: n = 3 exact, ``6/π (asin √W − asin √¾)``; n ≤ 11, ``y = −log(γ − log(1 − W))`` with
    γ = −2.273 + 0.459 n; larger n, ``y = log(1 − W)``; then the upper normal tail of y with
    Royston's polynomial mean and log-SD in n (or log n).

    Hand-written, not ``scipy.stats.shapiro`` (the same algorithm): importing scipy.stats costs
    0,49 s of a 0,42 s results.json run (measured). Equal to SciPy for n = 3…5000
    (tests/stats/test_against_libraries.py).
    """
    x = np.sort(np.asarray(x, dtype=float))
    n = x.size
    half = n // 2
    if n == 3:
        a = np.array([np.sqrt(0.5)])
    else:
        m = -special.ndtri((np.arange(1, half + 1) - 0.375) / (n + 0.25))  # |m_i|, largest first
        summ2 = 2 * float((m * m).sum())
        ssumm2 = np.sqrt(summ2)
        rsn = 1 / np.sqrt(n)
        a = np.empty(half)
        a[0] = _poly((0.0, 0.221157, -0.147981, -2.071190, 4.434685, -2.706056), rsn) + m[0] / ssumm2
        if n > 5:
            a[1] = m[1] / ssumm2 + _poly((0.0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633), rsn)
            fac = np.sqrt((summ2 - 2 * m[0] ** 2 - 2 * m[1] ** 2) / (1 - 2 * a[0] ** 2 - 2 * a[1] ** 2))
            a[2:] = m[2:] / fac
        else:
            fac = np.sqrt((summ2 - 2 * m[0] ** 2) / (1 - 2 * a[0] ** 2))
            a[1:] = m[1:] / fac
    centred = x - x.mean()
    w = float((a @ (x[::-1][:half] - x[:half])) ** 2 / (centred @ centred))
    w = min(w, 1.0)
    if n == 3:
        return w, float(max(0.0, 1.90985931710274 * (np.arcsin(np.sqrt(w)) - 1.04719755119660)))
    w1 = np.log(1 - w) if w < 1 else -np.inf
    if n <= 11:
        gamma = _poly((-2.273, 0.459), n)
        if w1 >= gamma:
            return w, 1e-99
        y = -np.log(gamma - w1)
        mean = _poly((0.5440, -0.39978, 0.025054, -6.714e-4), n)
        sd = np.exp(_poly((1.3822, -0.77857, 0.062767, -0.0020322), n))
    else:
        log_n = np.log(n)
        y = w1
        mean = _poly((-1.5861, -0.31082, -0.083751, 0.0038915), log_n)
        sd = np.exp(_poly((-0.4803, -0.082676, 0.0030302), log_n))
    return w, float(special.ndtr(-(y - mean) / sd))


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
    p = np.exp(-7.01256 * kd**2 * (nd + 2.78019) + 2.99587 * kd * np.sqrt(nd + 2.78019) - 0.122119 + 0.974598 / np.sqrt(nd) + 1.67997 / nd)
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
        glejser=terms,
        glejser_f=float(fit.fvalue),
        glejser_f_p=float(fit.f_pvalue),
        bp_lm=float(lm),
        bp_df=exog.shape[1] - 1,
        bp_p=float(lm_p),
    )
