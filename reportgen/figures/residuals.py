"""Residual plots as SPSS REGRESSION draws them: normal P-P, histogram, ZPRED × SRESID."""

from __future__ import annotations

import numpy as np

from reportgen.figures.style import SMALL, localise, plt, print_width, wrap
from reportgen.words.locale import fmt, fmt_int


def pp_plot(observed: np.ndarray, expected: np.ndarray, observed_label: str, expected_label: str, lang: str, width: float = print_width(0.6)):
    """The normal P-P plot: observed against expected cumulative probability
    (:func:`reportgen.stats.assumptions.normal_pp_points`), with the diagonal; ``width`` inches wide."""
    fig, ax = plt.subplots(figsize=(width, 0.94 * width), layout="constrained")
    ax.plot([0, 1], [0, 1], color="black", linewidth=0.9)
    ax.scatter(observed, expected, s=10, facecolors="none", edgecolors="#333333", linewidths=0.7)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel(observed_label)
    ax.set_ylabel(expected_label)
    localise(ax, lang)
    return fig


def histogram(zresid: np.ndarray, xlabel: str, ylabel: str, mean_label: str, sd_label: str, lang: str, width: float = print_width(0.6)):
    """Histogram of ZRESID with the normal curve of the same mean and SD, and their values
    (:func:`reportgen.words.locale.fmt`, as the text prints them); ``width`` inches wide."""
    fig, ax = plt.subplots(figsize=(width, 0.8 * width), layout="constrained")
    counts, edges, _ = ax.hist(zresid, bins="auto", color="#bdbdbd", edgecolor="#333333", linewidth=0.6)
    grid = np.linspace(min(edges[0], -3.5), max(edges[-1], 3.5), 200)
    bin_width = edges[1] - edges[0]
    mean, sd = zresid.mean(), zresid.std(ddof=1)
    density = np.exp(-0.5 * ((grid - mean) / sd) ** 2) / (sd * np.sqrt(2 * np.pi))
    ax.plot(grid, density * zresid.size * bin_width, color="black", linewidth=1)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    note = ax.text(
        0.99,
        0.99,
        f"{mean_label} = {fmt(mean, 3, lang)}\n{sd_label} = {fmt(sd, 3, lang)}\nN = {fmt_int(zresid.size, lang)}",
        transform=ax.transAxes,
        ha="right",
        va="top",
        fontsize=SMALL,
    )
    ax.spines[["top", "right"]].set_visible(False)
    localise(ax, lang)
    _clear_above(ax, note, np.column_stack([edges[:-1], edges[1:], counts]), grid, density * zresid.size * bin_width)
    return fig


def _clear_above(ax, note, bars: np.ndarray, xs: np.ndarray, curve: np.ndarray) -> None:
    """Raise the top of the y axis until the bars and the curve stay below the note in the corner."""
    top = max(bars[:, 2].max(), curve.max())
    for _ in range(12):
        ax.figure.draw_without_rendering()
        box = note.get_window_extent().transformed(ax.transData.inverted())
        under = [h for x0, x1, h in bars if x1 > box.x0 and x0 < box.x1] + list(curve[(xs > box.x0) & (xs < box.x1)])
        if max(under, default=0.0) < box.y0:
            return
        top *= 1.12
        ax.set_ylim(0, top)


def scatter(zpred: np.ndarray, sresid: np.ndarray, xlabel: str, ylabel: str, lang: str, bounds=(), width: float = print_width(0.62)):
    """Studentized residuals against standardized predicted values, with the zero line and dotted
    lines between the thirds of ZPRED whose spread the text reports
    (:func:`reportgen.stats.residual_plots.spread_by_thirds`); ``width`` inches wide."""
    fig, ax = plt.subplots(figsize=(width, 0.8 * width), layout="constrained")
    ax.axhline(0, color="black", linewidth=0.8)
    for x in bounds:
        ax.axvline(x, color="#555555", linewidth=0.6, linestyle=":")
    ax.scatter(zpred, sresid, s=10, facecolors="none", edgecolors="#333333", linewidths=0.7)
    ax.set_xlabel(wrap(fig, xlabel, 10, 0.85 * width))
    ax.set_ylabel(wrap(fig, ylabel, 10, 0.75 * 0.8 * width))  # SPSS's long names on two lines rather than past the axis
    ax.spines[["top", "right"]].set_visible(False)
    localise(ax, lang)
    return fig
