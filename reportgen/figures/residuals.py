"""Residual plots as SPSS REGRESSION draws them: normal P-P, histogram, ZPRED × SRESID."""

from __future__ import annotations

import numpy as np

from reportgen.figures.style import localise, plt
from reportgen.words.locale import fmt, fmt_int


def pp_plot(observed: np.ndarray, expected: np.ndarray, observed_label: str, expected_label: str, lang: str):
    """The normal P-P plot: observed against expected cumulative probability
    (:func:`reportgen.stats.assumptions.normal_pp_points`), with the diagonal."""
    fig, ax = plt.subplots(figsize=(4.6, 4.3))
    ax.plot([0, 1], [0, 1], color="black", linewidth=0.9)
    ax.scatter(observed, expected, s=14, facecolors="none", edgecolors="#333333", linewidths=0.7)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel(observed_label)
    ax.set_ylabel(expected_label)
    localise(ax, lang)
    return fig


def histogram(zresid: np.ndarray, xlabel: str, ylabel: str, mean_label: str, sd_label: str, lang: str):
    """Histogram of ZRESID with the normal curve of the same mean and SD, and their values."""
    fig, ax = plt.subplots(figsize=(4.8, 3.8))
    counts, edges, _ = ax.hist(zresid, bins="auto", color="#bdbdbd", edgecolor="#333333", linewidth=0.6)
    grid = np.linspace(min(edges[0], -3.5), max(edges[-1], 3.5), 200)
    width = edges[1] - edges[0]
    mean, sd = zresid.mean(), zresid.std(ddof=1)
    density = np.exp(-0.5 * ((grid - mean) / sd) ** 2) / (sd * np.sqrt(2 * np.pi))
    ax.plot(grid, density * zresid.size * width, color="black", linewidth=1)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.text(0.98, 0.95, f"{mean_label} = {fmt(mean, 3, lang)}\n{sd_label} = {fmt(sd, 3, lang)}\nN = {fmt_int(zresid.size, lang)}",
            transform=ax.transAxes, ha="right", va="top", fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    localise(ax, lang)
    return fig


def scatter(zpred: np.ndarray, sresid: np.ndarray, xlabel: str, ylabel: str, lang: str, bounds=()):
    """Studentized residuals against standardized predicted values, with the zero line and dotted
    lines between the thirds of ZPRED whose spread the text reports
    (:func:`reportgen.stats.residual_plots.spread_by_thirds`)."""
    fig, ax = plt.subplots(figsize=(4.8, 3.8))
    ax.axhline(0, color="black", linewidth=0.8)
    for x in bounds:
        ax.axvline(x, color="#555555", linewidth=0.6, linestyle=":")
    ax.scatter(zpred, sresid, s=14, facecolors="none", edgecolors="#333333", linewidths=0.7)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    localise(ax, lang)
    return fig
