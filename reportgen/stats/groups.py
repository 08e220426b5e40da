"""Group differences of a score by a profile column: the candidate tests and their diagnostics.

Which test applies is decided in :mod:`reportgen.interpret.groups`; here are the pieces, each as R
computes it:

- Levene's test, median-centred (Brown–Forsythe; R ``car::leveneTest`` default);
- Shapiro–Wilk per group (R ``shapiro.test``, groups of 3–5000 with some variance);
- Student's and Welch's t (R ``t.test(var.equal = TRUE/FALSE)``); Mann–Whitney U (R
  ``wilcox.test``: normal approximation with continuity correction when there are ties or
  n ≥ 50, exact otherwise); one-way ANOVA and Welch's ANOVA (R ``oneway.test(var.equal =
  TRUE/FALSE)``); Kruskal–Wallis (R ``kruskal.test``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reportgen.stats.assumptions import shapiro_wilk

TESTS = ("student_t", "welch_t", "mann_whitney", "anova", "welch_anova", "kruskal_wallis")


@dataclass(frozen=True)
class Groups:
    """The non-blank groups of a score, in the profile's order, with Levene's test and each
    group's Shapiro–Wilk p; where a group cannot be tested, p is None and ``untested`` says why
    ('constant', 'too_small' below 3, 'too_large' above 5000, R shapiro.test's range)."""

    names: tuple[str, ...]
    samples: tuple[np.ndarray, ...]
    levene_f: float
    levene_p: float
    shapiro_p: tuple[float | None, ...]
    untested: tuple[str, ...]


@dataclass(frozen=True)
class GroupTest:
    test: str  # one of TESTS
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


def groups_of(values: np.ndarray, labels: np.ndarray, order: list[str] | None = None) -> Groups | None:
    """The groups of ``values`` by ``labels`` (blank labels left out); None when they cannot be
    compared (fewer than two groups, a group of one, or no variance at all)."""
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
    untested = tuple("too_small" if len(s) < 3 else "too_large" if len(s) > 5000 else "constant" if np.ptp(s) == 0 else ""
                     for s in samples)
    shapiro = tuple(None if why else shapiro_wilk(s)[1] for s, why in zip(samples, untested))
    return Groups(tuple(names), tuple(samples), float(lev.statistic), float(lev.pvalue), shapiro, untested)


def group_test(test: str, groups: Groups, normal: bool) -> GroupTest:
    """Run ``test`` (one of TESTS) on the groups."""
    from scipy import stats

    samples = groups.samples
    if test in ("student_t", "welch_t"):
        result = stats.ttest_ind(*samples, equal_var=test == "student_t")
        statistic, p, dfs = float(result.statistic), float(result.pvalue), (float(result.df),)
    elif test == "mann_whitney":
        a, b = samples
        ties = len(np.unique(np.concatenate([a, b]))) < len(a) + len(b)
        exact = not ties and len(a) < 50 and len(b) < 50
        result = stats.mannwhitneyu(a, b, alternative="two-sided", use_continuity=True, method="exact" if exact else "asymptotic")
        statistic, p, dfs = float(result.statistic), float(result.pvalue), ()
    elif test in ("anova", "welch_anova"):
        from statsmodels.stats.oneway import anova_oneway

        result = anova_oneway(list(samples), use_var="equal" if test == "anova" else "unequal", welch_correction=True)
        statistic, p, dfs = float(result.statistic), float(result.pvalue), (float(result.df_num), float(result.df_denom))
    elif test == "kruskal_wallis":
        result = stats.kruskal(*samples)
        statistic, p, dfs = float(result.statistic), float(result.pvalue), (float(len(samples) - 1),)
    else:
        raise ValueError(f"unknown group test {test!r}")
    return GroupTest(test, statistic, dfs, p, groups.levene_f, groups.levene_p, normal, groups.names,
                     tuple(len(s) for s in samples), tuple(float(s.mean()) for s in samples),
                     tuple(float(s.std(ddof=1)) for s in samples), tuple(float(np.median(s)) for s in samples))
