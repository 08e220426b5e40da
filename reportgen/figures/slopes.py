"""Simple slopes of a moderated regression: predicted Y over X at low, mean and high Z."""

from __future__ import annotations

from reportgen.figures.style import localise, plt


def simple_slopes(lines: list[tuple[str, list[float], list[float]]], xlabel: str, ylabel: str, lang: str):
    """``lines``: (label, x values, predicted y) for Z low, at its mean and high."""
    fig, ax = plt.subplots(figsize=(5.2, 3.6))
    for (label, xs, ys), style in zip(lines, ("--", "-", "-.")):
        ax.plot(xs, ys, linestyle=style, color="black", linewidth=1.2, label=label)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(frameon=False, fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    localise(ax, lang)
    return fig
