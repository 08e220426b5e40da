"""Group differences of a score by a profile column, with the test chosen from the data.

Two groups: Levene's test (median-centred, Brown–Forsythe; R ``car::leveneTest`` default) picks
Student's or Welch's t (R ``t.test(var.equal = TRUE/FALSE)``); when a group's scores are not
normal (Shapiro–Wilk p < alpha, groups of 3–5000) the Mann–Whitney U test is used instead
(R ``wilcox.test``: normal approximation with continuity correction when there are ties or
n ≥ 50, exact otherwise). Three or more groups: one-way ANOVA (R ``oneway.test(var.equal =
TRUE)``) or Welch's ANOVA (``var.equal = FALSE``) by Levene, or Kruskal–Wallis (R
``kruskal.test``) when normality fails.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reportgen.stats.assumptions import shapiro_wilk


@dataclass(frozen=True)
class GroupTest:
    test: str  # student_t | welch_t | mann_whitney | anova | welch_anova | kruskal_wallis
    statistic: float
    df: tuple[float, ...]  # () for rank tests with no df, (df,) or (df1, df2)
    p: float
    levene_f: float | None
    levene_p: float | None
    normal: bool
    groups: tuple[str, ...]
    n: tuple[int, ...]
    means: tuple[float, ...]
    sds: tuple[float, ...]
    medians: tuple[float, ...]


def compare_groups(values: np.ndarray, labels: np.ndarray, alpha: float = 0.05, order: list[str] | None = None) -> GroupTest | None:
    """Test whether ``values`` differ between the groups in ``labels`` (blank labels left out)."""
    from scipy import stats

    values = np.asarray(values, dtype=float)
    labels = np.asarray(labels, dtype=object)
    keep = np.array([lab is not None and lab == lab for lab in labels])
    values, labels = values[keep], labels[keep]
    names = [g for g in (order or []) if g in set(labels)] + sorted(set(labels) - set(order or []), key=str)
    samples = [values[labels == g] for g in names]
    samples, names = [s for s in samples if len(s) > 0], [g for g, s in zip(names, samples) if len(s) > 0]
    if len(samples) < 2 or any(len(s) < 2 for s in samples) or np.ptp(values) == 0:
        return None
    lev = stats.levene(*samples, center="median")
    normal = all(shapiro_wilk(s)[1] >= alpha for s in samples if 3 <= len(s) <= 5000 and np.ptp(s) > 0)
    equal_var = lev.pvalue >= alpha
    if len(samples) == 2:
        a, b = samples
        if normal:
            result = stats.ttest_ind(a, b, equal_var=equal_var)
            df = float(result.df)
            test, statistic, p, dfs = ("student_t" if equal_var else "welch_t"), float(result.statistic), float(result.pvalue), (df,)
        else:
            ties = len(np.unique(np.concatenate([a, b]))) < len(a) + len(b)
            exact = not ties and len(a) < 50 and len(b) < 50
            result = stats.mannwhitneyu(a, b, alternative="two-sided", use_continuity=True, method="exact" if exact else "asymptotic")
            test, statistic, p, dfs = "mann_whitney", float(result.statistic), float(result.pvalue), ()
    elif normal:
        from statsmodels.stats.oneway import anova_oneway

        result = anova_oneway(samples, use_var="equal" if equal_var else "unequal", welch_correction=True)
        test = "anova" if equal_var else "welch_anova"
        statistic, p, dfs = float(result.statistic), float(result.pvalue), (float(result.df_num), float(result.df_denom))
    else:
        result = stats.kruskal(*samples)
        test, statistic, p, dfs = "kruskal_wallis", float(result.statistic), float(result.pvalue), (float(len(samples) - 1),)
    return GroupTest(test, statistic, dfs, p, float(lev.statistic), float(lev.pvalue), normal, tuple(names),
                     tuple(len(s) for s in samples), tuple(float(s.mean()) for s in samples),
                     tuple(float(s.std(ddof=1)) for s in samples), tuple(float(np.median(s)) for s in samples))
