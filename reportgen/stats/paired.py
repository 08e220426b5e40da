"""Paired and repeated measures: the same respondents measured twice (before and after a training)
or more often, each test and effect size as R computes it (reference values: tests/fixtures/paired/,
made by r_paired.R with R 4.2.2, effectsize 0.8.3 and afex).

- two measurements: the paired t test (R ``t.test(paired = TRUE)``, through scipy's ``ttest_rel``)
  and the Wilcoxon signed-rank test (R ``wilcox.test(paired = TRUE)``: zero differences dropped;
  exact below 50 pairs without ties or zeros, else the normal approximation with continuity and tie
  corrections, through scipy's ``wilcoxon``), with Cohen's d_z and the matched-pairs rank-biserial
  correlation (R ``effectsize::cohens_d(paired = TRUE)``, ``rank_biserial(paired = TRUE)``);
- three or more: the one-way repeated-measures ANOVA with Mauchly's test of sphericity and the
  Greenhouse–Geisser and Huynh–Feldt corrections (R ``afex::aov_ez``, which reports car's
  ``Anova.mlm``), its generalized eta squared (Olejnik & Algina, 2003), and Friedman's test with
  Kendall's W (R ``friedman.test``, ``effectsize::kendalls_w``).

The sphericity statistics are written here: statsmodels' ``AnovaRM`` gives the uncorrected F only
and pingouin would bring scikit-learn and seaborn along for five formulas; they are pinned to afex.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from math import atanh, log, sqrt, tanh

import numpy as np
from scipy import stats

from reportgen.stats.groups import EffectSize, ncp_t_interval

EXACT_BELOW = 50  # pairs: R's wilcox.test is exact below this many pairs when no difference is tied or zero
NAN = float("nan")


def _differences(before: np.ndarray, after: np.ndarray) -> np.ndarray:
    return np.asarray(after, float) - np.asarray(before, float)


def _constant(values: np.ndarray) -> bool:
    """No spread to test (R's t.test stops with "data are essentially constant")."""
    return len(values) < 2 or float(np.ptp(values)) <= 1e-12 * max(1.0, float(np.abs(values).max()))


@dataclass(frozen=True)
class PairedTest:
    """A test of two measurements of the same respondents (``after`` − ``before``)."""

    test: str  # "paired_t" or "wilcoxon"
    statistic: float  # t, or V: the sum of the ranks of the positive differences
    df: float | None  # the t test's n − 1
    p: float
    n: int  # pairs (the Wilcoxon test counts those whose difference is not zero)
    mean_difference: float
    ci: tuple[float, float] | None  # of the mean difference (t test)
    exact: bool = False  # the Wilcoxon p from the exact distribution


def paired_t(before: np.ndarray, after: np.ndarray, level: float = 0.95) -> PairedTest:
    """t = mean(d) / (sd(d) / √n), d = after − before, df = n − 1; the mean difference's interval.
    Undefined (NaN) when every difference is the same."""
    d = _differences(before, after)
    if _constant(d):
        return PairedTest("paired_t", NAN, float(len(d) - 1), NAN, len(d), float(d.mean()), None)
    result = stats.ttest_rel(after, before)
    low, high = result.confidence_interval(level)
    return PairedTest("paired_t", float(result.statistic), float(result.df), float(result.pvalue), len(d), float(d.mean()), (float(low), float(high)))


def wilcoxon_signed_rank(before: np.ndarray, after: np.ndarray) -> PairedTest:
    """V = Σ ranks of |d| over d > 0 (zeros dropped, ties at their mean rank); R's exact or
    corrected normal p, as :data:`EXACT_BELOW` says. Undefined (NaN) when no difference is non-zero."""
    d = _differences(before, after)
    nonzero = d[d != 0]
    if len(nonzero) == 0:
        return PairedTest("wilcoxon", NAN, None, NAN, 0, float(d.mean()), None)
    ranks = stats.rankdata(np.abs(nonzero))
    tied = len(np.unique(np.abs(nonzero))) < len(nonzero)
    exact = len(nonzero) < EXACT_BELOW and not tied and len(nonzero) == len(d)
    result = stats.wilcoxon(nonzero, zero_method="wilcox", correction=not exact, method="exact" if exact else "approx")
    v = float(ranks[nonzero > 0].sum())
    return PairedTest("wilcoxon", v, None, float(result.pvalue), len(nonzero), float(d.mean()), None, exact)


def cohens_dz(before: np.ndarray, after: np.ndarray, level: float = 0.95) -> EffectSize:
    """d_z = mean(d) / sd(d); its interval from the noncentral t of t = d_z·√n (df = n − 1).
    Undefined (NaN) when every difference is the same."""
    d = _differences(before, after)
    n = len(d)
    if _constant(d):
        return EffectSize("d_z", NAN, NAN, NAN, level, "two.sided", "ncp_t")
    dz = float(d.mean() / d.std(ddof=1))
    low, high = ncp_t_interval(dz * sqrt(n), n - 1, level)
    return EffectSize("d_z", dz, low / sqrt(n), high / sqrt(n), level, "two.sided", "ncp_t")


def matched_rank_biserial(before: np.ndarray, after: np.ndarray, level: float = 0.95) -> EffectSize:
    """r = (R+ − R−) / (R+ + R−) over the ranks of the non-zero |d|; the interval is tanh(atanh(r) ± z·SE),
    SE = √((2n³ + 3n² + n) / 6) / ((n² + n) / 2) (effectsize, after Kerby, 2014), n counting every
    pair, those without a difference too, as effectsize 0.8.3 counts them. Undefined (NaN) when no
    difference is non-zero."""
    d = _differences(before, after)
    nonzero = d[d != 0]
    if len(nonzero) == 0:
        return EffectSize("rank_biserial", NAN, NAN, NAN, level, "two.sided", "fisher_z")
    ranks = stats.rankdata(np.abs(nonzero))
    r = float((ranks[nonzero > 0].sum() - ranks[nonzero < 0].sum()) / ranks.sum())
    n = len(d)
    se = sqrt((2 * n**3 + 3 * n**2 + n) / 6) / ((n**2 + n) / 2)
    z = stats.norm.ppf(1 - (1 - level) / 2)
    centre = atanh(r) if abs(r) < 1 else np.sign(r) * np.inf
    return EffectSize("rank_biserial", r, float(tanh(centre - z * se)), float(tanh(centre + z * se)), level, "two.sided", "fisher_z")


@dataclass(frozen=True)
class RepeatedAnova:
    """The one-way repeated-measures ANOVA of an n × k table (respondents × measurements)."""

    f: float
    df1: float  # k − 1
    df2: float  # (n − 1)(k − 1)
    p: float  # assuming sphericity
    ges: float  # generalized eta squared: SS_time / (SS_time + SS_subjects + SS_error)
    mauchly_w: float | None  # None for two measurements (sphericity holds trivially)
    mauchly_p: float | None
    gg_epsilon: float
    gg_p: float
    hf_epsilon: float  # as car reports it (it may exceed 1; its p uses min(1, ε))
    hf_p: float


def repeated_anova(table: np.ndarray) -> RepeatedAnova:
    """F = MS_time / MS_error with SS_error = SS_total − SS_time − SS_subjects.

    Sphericity is read from M = Cᵀ S C, S the k × k covariance of the measurements and C an
    orthonormal basis of the contrasts (p = k − 1 columns): Mauchly's W = det M / (tr M / p)^p with
    the chi-square approximation and its second-order term as car's ``mauchly`` writes it
    (w2 = (p+2)(p−1)(p−2)(2p³+6p²+3k+2) / (288 (df·p·ρ)²), zero for three measurements; kept as
    car has it, to equal R); ε_GG = (tr M)² / (p · tr M²) (Greenhouse &
    Geisser, 1959); ε_HF = (N·p·ε_GG − 2) / (p·(N − 1 − p·ε_GG)) (Huynh & Feldt, 1976, with
    Lecoutre's 1991 correction, as car)."""
    y = np.asarray(table, float)
    n, k = y.shape
    grand = y.mean()
    ss_time = n * float(((y.mean(axis=0) - grand) ** 2).sum())
    ss_subjects = k * float(((y.mean(axis=1) - grand) ** 2).sum())
    ss_error = float(((y - grand) ** 2).sum()) - ss_time - ss_subjects
    df1, df2 = k - 1, (n - 1) * (k - 1)
    if ss_error <= 1e-12 * max(1.0, float(((y - grand) ** 2).sum())):  # every respondent changes alike: no error to test against
        return RepeatedAnova(NAN, df1, df2, NAN, NAN, None, None, NAN, NAN, NAN, NAN)
    f = (ss_time / df1) / (ss_error / df2)
    p = float(stats.f.sf(f, df1, df2))
    contrasts = np.linalg.qr(np.eye(k) - 1 / k)[0][:, : k - 1]  # orthonormal, orthogonal to the constant
    m = contrasts.T @ np.cov(y, rowvar=False) @ contrasts
    q = k - 1
    gg, hf = sphericity_epsilons(m, n - 1)
    w, w_p = mauchly(m, n - 1, k) if q > 1 else (None, None)
    return RepeatedAnova(
        f, df1, df2, p, ss_time / (ss_time + ss_subjects + ss_error), w, w_p,
        gg, float(stats.f.sf(f, df1 * gg, df2 * gg)), hf, float(stats.f.sf(f, df1 * min(1.0, hf), df2 * min(1.0, hf))),
    )  # fmt: skip


def sphericity_epsilons(m: np.ndarray, df: int) -> tuple[float, float]:
    """Greenhouse–Geisser and Huynh–Feldt ε of the contrasts' covariance (or SSCP) ``m`` (p × p)
    with ``df`` error degrees of freedom: ε_GG = (tr M)² / (p tr M²) (Greenhouse & Geisser, 1959),
    ε_HF = ((df + 1) p ε_GG − 2) / (p (df − p ε_GG)) (Huynh & Feldt, 1976, with Lecoutre's 1991
    correction, as car writes it; it may exceed 1)."""
    q = m.shape[0]
    gg = float(np.trace(m) ** 2 / (q * np.trace(m @ m)))
    return gg, ((df + 1) * q * gg - 2) / (q * (df - q * gg))


def mauchly(m: np.ndarray, df: int, k: int) -> tuple[float, float]:
    """W and its p (car's ``mauchly``, ``df`` the error degrees of freedom)."""
    q = m.shape[0]
    log_w = log(np.linalg.det(m)) - q * log(np.trace(m) / q)
    rho = 1 - (2 * q**2 + q + 2) / (6 * q * df)
    w2 = (q + 2) * (q - 1) * (q - 2) * (2 * q**3 + 6 * q**2 + 3 * k + 2) / (288 * (df * q * rho) ** 2)
    z = -df * rho * log_w
    f = q * (q + 1) / 2 - 1
    first, second = stats.chi2.sf(z, f), stats.chi2.sf(z, f + 4)
    return float(np.exp(log_w)), float(first + w2 * (second - first))


@dataclass(frozen=True)
class Friedman:
    chi2: float
    df: int
    p: float
    kendalls_w: float  # χ² / (n (k − 1))


def friedman(table: np.ndarray) -> Friedman:
    """Friedman's χ² over the ranks within each respondent (ties at their mean rank, corrected);
    undefined (NaN) when every respondent ties every measurement."""
    y = np.asarray(table, float)
    n, k = y.shape
    if all(_constant(row) for row in y):
        return Friedman(NAN, k - 1, NAN, NAN)
    result = stats.friedmanchisquare(*y.T)
    chi2 = float(result.statistic)
    return Friedman(chi2, k - 1, float(result.pvalue), chi2 / (n * (k - 1)))


@dataclass(frozen=True)
class PairedComparison:
    """Two of the measurements compared (``second`` − ``first``), its effect size and its p after
    Holm's adjustment over all pairs."""

    first: str
    second: str
    test: PairedTest
    effect: EffectSize
    p_holm: float


def pairwise(table: np.ndarray, names: list[str], ranks: bool, level: float = 0.95) -> tuple[PairedComparison, ...]:
    """Every pair of the columns of ``table`` (in column order: 1–2, 1–3, …, 2–3, …) by the paired t
    test with d_z, or with ``ranks`` the Wilcoxon signed-rank test with the rank-biserial r; the p
    values adjusted by Holm (1979) over all pairs, as R's ``pairwise.t.test(paired = TRUE)`` and
    ``pairwise.wilcox.test(paired = TRUE)`` with ``p.adjust.method = "holm"`` (statsmodels'
    ``multipletests``). With two columns the one p is its own."""
    from statsmodels.stats.multitest import multipletests

    y = np.asarray(table, float)
    found = []
    for i, j in combinations(range(y.shape[1]), 2):
        before, after = y[:, i], y[:, j]
        if ranks:
            found.append((i, j, wilcoxon_signed_rank(before, after), matched_rank_biserial(before, after, level)))
        else:
            found.append((i, j, paired_t(before, after, level), cohens_dz(before, after, level)))
    tested = [k for k, f in enumerate(found) if f[2].p == f[2].p]  # an undefined pair is not counted among the tests
    adjusted = dict(zip(tested, multipletests([found[k][2].p for k in tested], method="holm")[1])) if tested else {}
    return tuple(PairedComparison(names[i], names[j], test, effect, float(adjusted.get(k, NAN))) for k, (i, j, test, effect) in enumerate(found))


@dataclass(frozen=True)
class MeasureSummary:
    """One measurement's scores: n, mean, SD, median, quartiles, range and the mean's interval."""

    code: str
    n: int
    mean: float
    sd: float
    median: float
    q1: float
    q3: float
    low: float
    high: float
    mean_rank: float  # within each respondent, over the measurements (Friedman's ranks)
    ci: tuple[float, float]  # t interval of the mean


def measure_summaries(table: np.ndarray, names: list[str], level: float = 0.95) -> tuple[MeasureSummary, ...]:
    """Each column's n, mean, SD, quartiles (R's type 7), range, mean rank within the rows and the
    t interval of its mean (R ``t.test(x)$conf.int``)."""
    y = np.asarray(table, float)
    ranks = stats.rankdata(y, axis=1).mean(axis=0)
    out = []
    for j, code in enumerate(names):
        x = y[:, j]
        n, mean, sd = len(x), float(x.mean()), float(x.std(ddof=1))
        q1, median, q3 = np.percentile(x, [25, 50, 75])
        half = float(stats.t.ppf(1 - (1 - level) / 2, n - 1)) * sd / sqrt(n)
        out.append(
            MeasureSummary(
                code, n, mean, sd, float(median), float(q1), float(q3), float(x.min()), float(x.max()), float(ranks[j]), (mean - half, mean + half)
            )
        )
    return tuple(out)


def change_normality(table: np.ndarray) -> tuple[float | None, float | None]:
    """Shapiro–Wilk W and p (R ``shapiro.test``) of the differences of two measurements, or of the
    residuals of the additive model respondent + measurement (y − row mean − column mean + grand
    mean, those of R ``lm(y ~ id + time)``) for more; None outside shapiro.test's range (3–5000
    values, not all equal)."""
    from reportgen.stats.assumptions import shapiro_wilk

    y = np.asarray(table, float)
    values = y[:, 1] - y[:, 0] if y.shape[1] == 2 else (y - y.mean(axis=1, keepdims=True) - y.mean(axis=0, keepdims=True) + y.mean()).ravel()
    if not 3 <= len(values) <= 5000 or _constant(values):
        return None, None
    return shapiro_wilk(values)
