"""Statistical power of the test of one regression coefficient, and the smallest effect a sample
can detect (Cohen, 1988, ch. 9).

The t test of one coefficient among k predictors is the F test with u = 1 and v = n − k − 1
degrees of freedom. For an effect size f² (a partial R² ratio: 0,02 small, 0,15 medium, 0,35
large) the F statistic follows the noncentral F distribution with noncentrality
λ = f² (u + v + 1) (Cohen's convention), so

    power = P(F(u, v, λ) > F_crit),   F_crit = the 1 − α quantile of F(u, v)

as R ``pwr::pwr.f2.test(u, v, f2, sig.level)`` computes it. The smallest detectable f² at a
given power is found by bisection on the same function (``pwr.f2.test(u, v, power = …)``).
"""

from __future__ import annotations

from scipy import special


def f2_power(f2: float, u: int, v: int, alpha: float) -> float:
    """Power of the F test with (u, v) df to detect an effect of size ``f2`` at level ``alpha``."""
    critical = special.fdtri(u, v, 1 - alpha)
    return float(1 - special.ncfdtr(u, v, f2 * (u + v + 1), critical))


def detectable_f2(u: int, v: int, alpha: float, power: float = 0.80) -> float:
    """The smallest f² the F test with (u, v) df detects with ``power`` at level ``alpha``."""
    low, high = 0.0, 1.0
    while f2_power(high, u, v, alpha) < power:  # a sample so small that even f² = 1 is not enough
        high *= 2
    for _ in range(80):
        middle = (low + high) / 2
        low, high = (middle, high) if f2_power(middle, u, v, alpha) < power else (low, middle)
    return (low + high) / 2


def paired_power(dz: float, n: int, alpha: float) -> float:
    """Power of the two-sided paired t test of n pairs to detect a mean difference of ``dz``
    standard deviations of the differences (Cohen, 1988, ch. 2), by statsmodels' ``TTestPower``
    (R ``pwr::pwr.t.test(n, d, type = "paired")``)."""
    from statsmodels.stats.power import TTestPower

    return float(TTestPower().power(effect_size=dz, nobs=n, alpha=alpha, alternative="two-sided"))


def detectable_dz(n: int, alpha: float, power: float = 0.80) -> float:
    """The smallest d_z the two-sided paired t test of n pairs detects with ``power`` at ``alpha``."""
    from statsmodels.stats.power import TTestPower

    return float(TTestPower().solve_power(nobs=n, alpha=alpha, power=power, alternative="two-sided"))


def two_sample_power(d: float, n1: int, n2: int, alpha: float) -> float:
    """Power of the two-sided two-sample t test of groups of n1 and n2 to detect a difference of
    ``d`` pooled standard deviations (Cohen, 1988, ch. 2), by statsmodels' ``TTestIndPower`` (R
    ``pwr::pwr.t2n.test(n1, n2, d)``; ``power.t.test(strict = TRUE)`` for equal groups)."""
    from statsmodels.stats.power import TTestIndPower

    return float(TTestIndPower().power(effect_size=d, nobs1=n1, ratio=n2 / n1, alpha=alpha, alternative="two-sided"))


def detectable_d(n1: int, n2: int, alpha: float, power: float = 0.80) -> float:
    """The smallest d the two-sided two-sample t test of groups of n1 and n2 detects with ``power``
    at ``alpha`` (R ``pwr::pwr.t2n.test(n1, n2, power = …)``)."""
    from statsmodels.stats.power import TTestIndPower

    return float(TTestIndPower().solve_power(nobs1=n1, ratio=n2 / n1, alpha=alpha, power=power, alternative="two-sided"))
