"""Critical values printed beside test statistics ("r tabel", "t tabel", "F tabel")."""

from __future__ import annotations

import math

from scipy import special


def t_critical(alpha: float, df: int, tails: str = "two") -> float:
    """Critical t: ``t(1 - alpha/2; df)`` for two tails, ``t(1 - alpha; df)`` for one.

    Matches R ``qt(1 - alpha/2, df)`` and the t tables of Sugiyono (2019, Lampiran).
    """
    q = 1 - alpha / 2 if tails == "two" else 1 - alpha
    return float(special.stdtrit(df, q))


def f_critical(alpha: float, df1: int, df2: int) -> float:
    """Critical F: ``F(1 - alpha; df1, df2)``, R ``qf(1 - alpha, df1, df2)``."""
    return float(special.fdtri(df1, df2, 1 - alpha))


def r_critical(alpha: float, n: int, tails: str = "two") -> float:
    """Critical Pearson r ("r tabel") for n observations, df = n - 2.

    From the t distribution of r under H0: ``r = t / sqrt(df + t^2)`` with
    ``t = t_critical(alpha, df, tails)``. n = 80, alpha = 0.05, two tails → 0.2199 (the r table
    in Sugiyono, 2019; the reference thesis prints 0,219).
    """
    df = n - 2
    if df < 1:
        return math.nan
    t = t_critical(alpha, df, tails)
    return t / math.sqrt(df + t * t)
