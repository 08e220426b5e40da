"""Simple slopes of a moderated regression: predicted Y over X at low, mean and high Z."""

from __future__ import annotations

from reportgen.figures.style import SMALL, localise, plt, print_width


def simple_slopes(lines: list[tuple[str, list[float], list[float]]], xlabel: str, ylabel: str, lang: str, width: float = print_width(0.65)):
    """``lines``: (label, x values, predicted y) for Z low, at its mean and high; ``width`` inches wide."""
    fig, ax = plt.subplots(figsize=(width, 0.7 * width), layout="constrained")
    for (label, xs, ys), style in zip(lines, ("--", "-", "-.")):
        ax.plot(xs, ys, linestyle=style, color="black", linewidth=1.2, label=label)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(frameon=False, fontsize=SMALL)
    ax.spines[["top", "right"]].set_visible(False)
    localise(ax, lang)
    return fig
