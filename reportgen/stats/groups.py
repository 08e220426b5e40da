"""Group differences of a score by a profile column: the tests, their effect sizes with confidence
intervals, the post-hoc comparisons and the descriptive diagnostics, each as R computes it.

Which test applies, whether the groups differ and which pairs differ is decided in
:mod:`reportgen.interpret.groups`; here are the numbers (reference values: tests/fixtures/groups/,
made by r_groups.R with R 4.2.2, car 3.1.1, effectsize 0.8.3, rstatix 0.7.2):

- tests: Student's and Welch's t (R ``t.test(var.equal = TRUE/FALSE)``); Mann–Whitney U (R
  ``wilcox.test``: normal approximation with continuity correction when there are ties or a group
  of 50 or more, exact otherwise); one-way ANOVA and Welch's ANOVA (R ``oneway.test(var.equal =
  TRUE/FALSE)``); Kruskal–Wallis H (R ``kruskal.test``);
- effect sizes (:func:`hedges_g`, :func:`variance_explained`, :func:`rank_biserial`,
  :func:`rank_epsilon_squared`): R ``effectsize::hedges_g``, ``eta_squared`` and
  ``omega_squared`` of ``oneway.test``, ``rank_biserial``, ``rank_epsilon_squared``;
- post-hoc comparisons (:func:`tukey_hsd`, :func:`games_howell`, :func:`dunn`): R ``TukeyHSD``,
  ``rstatix::games_howell_test``, ``rstatix::dunn_test(p.adjust.method = "holm")``;
- diagnostics, reported as descriptions only: Levene's test centred on the mean (SPSS; R
  ``car::leveneTest(center = mean)``) or on the median (Brown–Forsythe; the ``car`` default), and
  Shapiro–Wilk per group (R ``shapiro.test``, groups of 3–5000 with some variance).
"""

from __future__ import annotations

from dataclasses import dataclass
from math import atanh, exp, lgamma, log, sqrt, tanh

import numpy as np

from reportgen.stats.assumptions import shapiro_wilk

TESTS = ("student_t", "welch_t", "mann_whitney", "anova", "welch_anova", "kruskal_wallis")
POSTHOCS = ("tukey", "games_howell", "dunn_holm")
EFFECTS = {
    "student_t": ("hedges_g",),
    "welch_t": ("hedges_g",),
    "mann_whitney": ("rank_biserial",),
    "anova": ("eta2", "omega2"),
    "welch_anova": ("eta2", "omega2"),
    "kruskal_wallis": ("epsilon2",),
}  # each test's effect sizes
BOOTSTRAP = 2000  # resamples for the CI of ε² (effectsize's default is 200)
SEED = 20240517  # the bootstrap's seed: the same data give the same interval
NAN = float("nan")


@dataclass(frozen=True)
class Groups:
    """The non-blank groups of a score, in the profile's order (then the others, sorted)."""

    names: tuple[str, ...]
    samples: tuple[np.ndarray, ...]

    @property
    def n(self) -> tuple[int, ...]:
        return tuple(len(s) for s in self.samples)

    @property
    def means(self) -> tuple[float, ...]:
        return tuple(float(s.mean()) for s in self.samples)

    @property
    def sds(self) -> tuple[float | None, ...]:
        """Each group's SD (n − 1); None for a group of one."""
        return tuple(float(s.std(ddof=1)) if len(s) > 1 else None for s in self.samples)

    @property
    def medians(self) -> tuple[float, ...]:
        return tuple(float(np.median(s)) for s in self.samples)

    @property
    def mean_ranks(self) -> tuple[float, ...]:
        """Each group's mean rank among all scores (average ranks for ties), as Kruskal–Wallis
        and Dunn rank them."""
        from scipy.stats import rankdata

        ranks = rankdata(np.concatenate(self.samples))
        bounds = np.cumsum((0,) + self.n)
        return tuple(float(ranks[a:b].mean()) for a, b in zip(bounds[:-1], bounds[1:]))


@dataclass(frozen=True)
class Levene:
    """Levene's test of equal variances: ``center`` 'mean' (SPSS) or 'median' (Brown–Forsythe)."""

    center: str
    f: float
    df1: int
    df2: int
    p: float


@dataclass(frozen=True)
class EffectSize:
    """An effect size with its confidence interval as effectsize computes it. ``alternative``
    'two.sided', or 'greater' for a one-sided interval whose upper bound is the largest possible
    value (effectsize's default for η², ω² and ε²); ``method`` 'ncp_t', 'ncp_f' (inverting the
    noncentral t or F distribution, Steiger, 2004), 'fisher_z' or 'percentile_bootstrap'."""

    kind: str  # hedges_g | eta2 | omega2 | rank_biserial | epsilon2
    value: float
    ci_low: float
    ci_high: float
    level: float
    alternative: str
    method: str


@dataclass(frozen=True)
class GroupTest:
    test: str  # one of TESTS
    statistic: float
    df: tuple[float, ...]  # () for Mann–Whitney, (df,) or (df1, df2)
    p: float
    effects: tuple[EffectSize, ...]


@dataclass(frozen=True)
class Pair:
    """One pairwise comparison: ``estimate`` is group2 − group1 (means for Tukey and Games–Howell,
    mean ranks for Dunn), with the simultaneous CI (None for Dunn), the statistic (Games–Howell
    t = |difference| / SE, Dunn z; None for Tukey), its df (Games–Howell) and the adjusted p."""

    group1: str
    group2: str
    estimate: float
    ci_low: float | None
    ci_high: float | None
    statistic: float | None
    df: float | None
    p_adj: float


@dataclass(frozen=True)
class PostHoc:
    method: str  # one of POSTHOCS
    level: float
    pairs: tuple[Pair, ...]


def groups_of(values: np.ndarray, labels: np.ndarray, order: list[str] | None = None) -> Groups:
    """The groups of ``values`` by ``labels`` (blank labels and blank scores left out), every group
    with at least one score, in ``order`` first."""
    values = np.asarray(values, dtype=float)
    labels = np.asarray(labels, dtype=object)
    keep = np.array([lab is not None and lab == lab and str(lab).strip() != "" for lab in labels], dtype=bool) & ~np.isnan(values)
    values, labels = values[keep], labels[keep]
    present = set(labels)
    names = [g for g in (order or []) if g in present] + sorted(present - set(order or []), key=str)
    return Groups(tuple(names), tuple(values[labels == g] for g in names))


def levene(groups: Groups, center: str = "mean") -> Levene:
    """Levene's F, centred on each group's mean (SPSS; R ``car::leveneTest(center = mean)``) or
    median (Brown–Forsythe, 1974; the ``car`` default); NaN when no group varies."""
    import warnings

    from scipy import stats

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        result = stats.levene(*groups.samples, center=center)
    k, n = len(groups.samples), sum(groups.n)
    return Levene(center, float(result.statistic), k - 1, n - k, float(result.pvalue))


def shapiro_by_group(groups: Groups) -> tuple[float | None, ...]:
    """Each group's Shapiro–Wilk p (R ``shapiro.test``); None for a group below 3 or above 5000
    or without variance, outside shapiro.test's range."""
    return tuple(shapiro_wilk(s)[1] if 3 <= len(s) <= 5000 and np.ptp(s) > 0 else None for s in groups.samples)


def group_test(test: str, groups: Groups, level: float = 0.95) -> GroupTest:
    """Run ``test`` (one of TESTS) on the groups, with its effect sizes at confidence ``level``:
    Hedges' g (pooled SD for Student's t, the mean of the two variances for Welch's t), η² and ω²
    (from F and its df, the Welch F for Welch's ANOVA), rank-biserial r, ε². The statistic is NaN
    when the test is undefined (no variance where the test needs it); it then has no effect sizes."""
    import warnings

    from scipy import stats

    samples = groups.samples
    dfs: tuple[float, ...]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        if test in ("student_t", "welch_t"):
            result = stats.ttest_ind(*samples, equal_var=test == "student_t")
            statistic, p, dfs = float(result.statistic), float(result.pvalue), (float(result.df),)
        elif test == "mann_whitney":
            statistic, p, dfs = (*_mann_whitney(*samples), ())
        elif test in ("anova", "welch_anova"):
            statistic, p, dfs = _oneway(samples, test == "anova")
        elif test == "kruskal_wallis":
            result = stats.kruskal(*samples)
            statistic, p, dfs = float(result.statistic), float(result.pvalue), (float(len(samples) - 1),)
        else:
            raise ValueError(f"unknown group test {test!r}")
    if not np.isfinite(statistic):
        return GroupTest(test, float("nan"), dfs, float("nan"), ())
    return GroupTest(test, statistic, dfs, p, tuple(_effect(kind, test, groups, statistic, dfs, level) for kind in EFFECTS[test]))


def _effect(kind: str, test: str, groups: Groups, statistic: float, dfs: tuple[float, ...], level: float) -> EffectSize:
    """One effect size of ``test`` (EFFECTS)."""
    if kind == "hedges_g":
        a, b = groups.samples  # two groups
        return hedges_g(a, b, pooled=test == "student_t", level=level)
    if kind == "rank_biserial":
        a, b = groups.samples
        return rank_biserial(a, b, level=level)
    if kind == "epsilon2":
        return rank_epsilon_squared(groups, level=level)
    df1, df2 = dfs  # a one-way test's two df
    return variance_explained(kind, statistic, df1, df2, level=level)


def _mann_whitney(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """W (U of the first group) and p as R ``wilcox.test``: exact without ties when both groups
    are below 50, else the normal approximation with continuity correction."""
    from scipy import stats

    ties = len(np.unique(np.concatenate([a, b]))) < len(a) + len(b)
    exact = not ties and len(a) < 50 and len(b) < 50
    result = stats.mannwhitneyu(a, b, alternative="two-sided", use_continuity=True, method="exact" if exact else "asymptotic")
    return float(result.statistic), float(result.pvalue)


def _oneway(samples, equal: bool) -> tuple[float, float, tuple[float, float]]:
    """F, p and (df1, df2) of R ``oneway.test(var.equal = equal)``; NaN when a needed variance is 0."""
    if not equal and any(np.ptp(s) == 0 for s in samples):
        return float("nan"), float("nan"), (float(len(samples) - 1), float("nan"))
    from statsmodels.stats.oneway import anova_oneway

    result = anova_oneway(list(samples), use_var="equal" if equal else "unequal", welch_correction=True)
    return float(result.statistic), float(result.pvalue), (float(result.df_num), float(result.df_denom))


# effect sizes -------------------------------------------------------------------------------


def _two_sided(level: float, alternative: str) -> float:
    """effectsize's ``.adjust_ci``: a one-sided ``level`` interval is one bound of a two-sided one at 2·level − 1."""
    return level if alternative == "two.sided" else 2 * level - 1


def _solve(f, guess: float, step: float) -> float:
    """The root of the monotone ``f`` near ``guess``, bracketed by doubling steps (Brent's method);
    ArithmeticError when no bracket is found or ``f`` is not finite there."""
    from scipy.optimize import brentq

    for _ in range(80):
        lo, hi = guess - step, guess + step
        ends = f(lo), f(hi)
        if not all(np.isfinite(ends)):
            raise ArithmeticError("not finite")
        if np.sign(ends[0]) != np.sign(ends[1]):
            return brentq(f, lo, hi, xtol=1e-12, rtol=1e-12)
        step *= 2
    raise ArithmeticError("no root in range")


def _solve_positive(f, start: float) -> float:
    """The root in (0, ∞) of ``f``, decreasing from f(0) > 0: the upper end doubles until f < 0."""
    from scipy.optimize import brentq

    hi = max(start, 1.0)
    for _ in range(200):
        end = f(hi)
        if not np.isfinite(end):
            raise ArithmeticError("not finite")
        if end < 0:
            return brentq(f, 0.0, hi, xtol=1e-12, rtol=1e-12)
        hi *= 2
    raise ArithmeticError("no root in range")


def ncp_t_interval(t: float, df: float, level: float) -> tuple[float, float]:
    """The noncentrality parameters of t whose cdf at the observed t is 1 − α/2 and α/2 (effectsize ``.get_ncp_t``)."""
    from scipy.stats import nct

    alpha = 1 - level
    low = _solve(lambda x: nct.cdf(t, df, x) - (1 - alpha / 2), t, 1.0)
    high = _solve(lambda x: nct.cdf(t, df, x) - alpha / 2, t, 1.0)
    return low, high


def hedges_g(a: np.ndarray, b: np.ndarray, pooled: bool = True, level: float = 0.95) -> EffectSize:
    """Hedges' g of mean(a) − mean(b) with its two-sided CI, as R ``effectsize::hedges_g``.

    ``pooled``: d = difference / pooled SD, df = n₁ + n₂ − 2 (Student's t). Otherwise (Welch's t,
    ``pooled_sd = FALSE``) d = difference / √((s₁² + s₂²)/2) and df is Welch's. The CI inverts the
    noncentral t at the test's t and df and rescales by √h (h = 1/n₁ + 1/n₂, or 2(n₂s₁² + n₁s₂²) /
    (n₁n₂(s₁² + s₂²)) unpooled); g and its bounds are d times J = Γ(df/2) / (√(df/2) Γ((df − 1)/2))
    (Hedges & Olkin, 1985)."""
    n1, n2 = len(a), len(b)
    v1, v2 = float(np.var(a, ddof=1)), float(np.var(b, ddof=1))
    diff = float(np.mean(a) - np.mean(b))
    if pooled:
        s = sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2))
        h = 1 / n1 + 1 / n2
        se, df = s * sqrt(h), n1 + n2 - 2.0
    else:
        s = sqrt((v1 + v2) / 2)
        h = 2 * (n2 * v1 + n1 * v2) / (n1 * n2 * (v1 + v2))
        se = sqrt(v1 / n1 + v2 / n2)
        df = (v1 / n1 + v2 / n2) ** 2 / ((v1 / n1) ** 2 / (n1 - 1) + (v2 / n2) ** 2 / (n2 - 1))
    if not df > 1:  # J needs Γ((df − 1)/2): two groups of two with one constant
        return EffectSize("hedges_g", NAN, NAN, NAN, level, "two.sided", "ncp_t")
    j = exp(lgamma(df / 2) - log(sqrt(df / 2)) - lgamma((df - 1) / 2))
    try:
        low, high = ncp_t_interval(diff / se, df, level)
    except ArithmeticError:
        low = high = NAN
    return EffectSize("hedges_g", j * diff / s, j * low * sqrt(h), j * high * sqrt(h), level, "two.sided", "ncp_t")


def variance_explained(kind: str, f: float, df1: float, df2: float, level: float = 0.95) -> EffectSize:
    """η² or ω² of a one-way test from its F and df, with a one-sided CI, as R
    ``effectsize::eta_squared`` / ``omega_squared`` of ``oneway.test`` (``F_to_eta2``,
    ``F_to_omega2``; for Welch's ANOVA the Welch F and df, an approximation, as effectsize says).

    η² = F·df1 / (F·df1 + df2); ω² = max(0, (F − 1)·df1 / (F·df1 + df2 + 1)). The lower bound is
    λ / (λ + df2), λ the noncentrality at which the noncentral F of the estimate's own F,
    F* = (e/df1) / ((1 − e)/df2), has cdf ``level`` (0 when F* is below the central F's quantile
    ``level``, i.e. p ≥ 1 − level); the upper bound is 1 (``alternative = "greater"``)."""
    from scipy.stats import f as central_f
    from scipy.stats import ncf

    if kind == "eta2":
        estimate = f * df1 / (f * df1 + df2)
    elif kind == "omega2":
        estimate = max(0.0, (f - 1) * df1 / (f * df1 + df2 + 1))
    else:
        raise ValueError(f"unknown effect size {kind!r}")
    quantile = 1 - (1 - _two_sided(level, "greater")) / 2
    fstar = max(0.0, (estimate / df1) / ((1 - estimate) / df2))
    if fstar <= central_f.ppf(quantile, df1, df2):
        ncp = 0.0
    else:
        try:
            ncp = _solve_positive(lambda x: ncf.cdf(fstar, df1, df2, max(x, 1e-300)) - quantile, fstar * df1)
        except ArithmeticError:
            ncp = NAN
    return EffectSize(kind, estimate, ncp / (ncp + df2), 1.0, level, "greater", "ncp_f")


def rank_biserial(a: np.ndarray, b: np.ndarray, level: float = 0.95) -> EffectSize:
    """Rank-biserial r of a against b with its two-sided CI, as R ``effectsize::rank_biserial``:
    r = (U₁ − U₂) / (n₁n₂) (Kerby, 2014), positive when a's scores tend to be higher; the CI is
    tanh(atanh r ± z·√((n₁ + n₂ + 1) / (3n₁n₂)))."""
    from scipy.stats import norm, rankdata

    n1, n2 = len(a), len(b)
    ranks = rankdata(np.concatenate([a, b]))
    u1 = ranks[:n1].sum() - n1 * (n1 + 1) / 2
    r = float(2 * u1 / (n1 * n2) - 1)
    se = sqrt((n1 + n2 + 1) / (3 * n1 * n2))
    z = norm.ppf(1 - (1 - level) / 2)
    centre = atanh(r) if abs(r) < 1 else np.sign(r) * np.inf
    return EffectSize("rank_biserial", r, float(tanh(centre - z * se)), float(tanh(centre + z * se)), level, "two.sided", "fisher_z")


def _epsilon_squared(ranks: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """ε² = H / (n − 1) of each row of ``ranks`` (groups between ``bounds``), H tie-corrected:
    H = (n − 1)·Σ nⱼ(R̄ⱼ − R̄)² / Σ(r − R̄)², so ε² = SS_between / SS_total of the ranks."""
    centred = ranks - ranks.mean(axis=1, keepdims=True)
    between = sum((b - a) * centred[:, a:b].mean(axis=1) ** 2 for a, b in zip(bounds[:-1], bounds[1:]))
    with np.errstate(invalid="ignore", divide="ignore"):
        return between / (centred**2).sum(axis=1)


def rank_epsilon_squared(groups: Groups, level: float = 0.95, resamples: int = BOOTSTRAP, seed: int = SEED) -> EffectSize:
    """ε² of Kruskal–Wallis, H / ((n² − 1)/(n + 1)) (Tomczak & Tomczak, 2014), as R
    ``effectsize::rank_epsilon_squared``, with effectsize's one-sided percentile bootstrap CI:
    each group resampled within itself, the lower bound the (1 − level) quantile of ``resamples``
    bootstrap ε², the upper bound 1."""
    from scipy.stats import rankdata

    values = np.concatenate(groups.samples)
    bounds = np.cumsum((0,) + groups.n)
    estimate = float(_epsilon_squared(rankdata(values)[None, :], bounds)[0])
    rng = np.random.default_rng(seed)
    draws = np.concatenate([rng.choice(s, size=(resamples, len(s)), replace=True) for s in groups.samples], axis=1)
    boot = _epsilon_squared(rankdata(draws, axis=1), bounds)
    low = float(np.nanquantile(boot, 1 - level))
    return EffectSize("epsilon2", estimate, low, 1.0, level, "greater", "percentile_bootstrap")


# post-hoc comparisons -----------------------------------------------------------------------


def _pairs(k: int) -> list[tuple[int, int]]:
    """(i, j), i < j, in R's order: (1, 2), (1, 3), …, (2, 3), …"""
    return [(i, j) for i in range(k) for j in range(i + 1, k)]


def tukey_hsd(groups: Groups, level: float = 0.95) -> PostHoc:
    """Tukey's HSD (Tukey–Kramer for unequal groups), as R ``TukeyHSD(aov(y ~ g))``: each
    difference of means with its simultaneous CI and adjusted p (SciPy ``tukey_hsd``)."""
    from scipy.stats import tukey_hsd as scipy_tukey

    result = scipy_tukey(*groups.samples)
    ci = result.confidence_interval(level)
    pairs = tuple(
        Pair(
            groups.names[i],
            groups.names[j],
            float(result.statistic[j, i]),
            float(ci.low[j, i]),
            float(ci.high[j, i]),
            None,
            None,
            float(result.pvalue[j, i]),
        )
        for i, j in _pairs(len(groups.names))
    )
    return PostHoc("tukey", level, pairs)


def games_howell(groups: Groups, level: float = 0.95) -> PostHoc:
    """Games & Howell (1976), as R ``rstatix::games_howell_test``: for each pair the difference
    of means, SE = √(s₁²/n₁ + s₂²/n₂), t = |difference| / SE, Welch's df, adjusted p = P(Q > t√2)
    for the studentized range Q of k groups, CI = difference ± q(level)·SE/√2 (p unrounded:
    rstatix prints it to three decimals)."""
    from scipy.stats import studentized_range

    k = len(groups.names)
    means, n = groups.means, groups.n
    var = [float(np.var(s, ddof=1)) for s in groups.samples]
    pairs = []
    for i, j in _pairs(k):
        diff = means[j] - means[i]
        a, b = var[i] / n[i], var[j] / n[j]
        se = sqrt(a + b)
        df = (a + b) ** 2 / (a**2 / (n[i] - 1) + b**2 / (n[j] - 1))
        t = abs(diff) / se
        q = float(studentized_range.ppf(level, k, df))
        pairs.append(
            Pair(
                groups.names[i],
                groups.names[j],
                diff,
                diff - q * se / sqrt(2),
                diff + q * se / sqrt(2),
                t,
                df,
                float(studentized_range.sf(t * sqrt(2), k, df)),
            )
        )
    return PostHoc("games_howell", level, tuple(pairs))


def dunn(groups: Groups, level: float = 0.95) -> PostHoc:
    """Dunn's (1964) test with Holm's (1979) adjustment, as R ``rstatix::dunn_test(p.adjust.method
    = "holm")``: z = (R̄₂ − R̄₁) / √((n(n + 1)/12 − Σ(t³ − t)/(12(n − 1)))·(1/n₁ + 1/n₂)), p = 2P(Z > |z|)."""
    from scipy.stats import norm
    from statsmodels.stats.multitest import multipletests

    values = np.concatenate(groups.samples)
    total = len(values)
    _, ties = np.unique(values, return_counts=True)
    spread = total * (total + 1) / 12 - float(np.sum(ties.astype(float) ** 3 - ties)) / (12 * (total - 1))
    ranks, n = groups.mean_ranks, groups.n
    found = []
    for i, j in _pairs(len(groups.names)):
        diff = ranks[j] - ranks[i]
        z = diff / sqrt(spread * (1 / n[i] + 1 / n[j]))
        found.append((i, j, diff, z, float(2 * norm.sf(abs(z)))))
    adjusted = multipletests([f[4] for f in found], method="holm")[1]
    pairs = tuple(Pair(groups.names[i], groups.names[j], diff, None, None, z, None, float(p)) for (i, j, diff, z, _), p in zip(found, adjusted))
    return PostHoc("dunn_holm", level, pairs)


def posthoc(method: str, groups: Groups, level: float = 0.95) -> PostHoc:
    """The pairwise comparisons of ``method`` (one of POSTHOCS)."""
    run = {"tukey": tukey_hsd, "games_howell": games_howell, "dunn_holm": dunn}
    if method not in run:
        raise ValueError(f"unknown post-hoc test {method!r}")
    return run[method](groups, level)
