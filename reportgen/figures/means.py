"""The mean score at each measurement of a repeated-measures study, with its confidence interval;
and each group's means, whose lines part where the change differs between the groups."""

from __future__ import annotations

from reportgen.figures.style import localise, plt, print_width


def measure_means(
    labels: list[str], means: list[float], lows: list[float], highs: list[float], ylabel: str, lang: str, width: float = print_width(0.65)
):
    """One point per measurement in time order, joined by a line, with the t interval of its mean
    as error bars (the interval of each mean alone: it is not a test of a difference)."""
    fig, ax = plt.subplots(figsize=(width, 0.62 * width), layout="constrained")
    x = list(range(len(labels)))
    below = [m - lo for m, lo in zip(means, lows)]
    above = [hi - m for m, hi in zip(means, highs)]
    ax.errorbar(x, means, yerr=[below, above], color="black", linewidth=1.2, marker="o", markersize=4, capsize=4)
    ax.set_xticks(x, labels)
    ax.set_xlim(-0.4, len(labels) - 0.6)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    localise(ax, lang, axes="y")
    return fig


MARKERS = ("o", "s", "^", "D", "v", "P")
DASHES = ("-", "--", ":", "-.", (0, (5, 1)), (0, (1, 1)))


def group_means(labels: list[str], groups: list[tuple[str, list[float]]], ylabel: str, lang: str, width: float = print_width(0.65)):
    """One line per group through its mean at each measurement, told apart by marker and dash (it
    prints in black and white), with a legend: the interaction plot of a mixed ANOVA."""
    fig, ax = plt.subplots(figsize=(width, 0.62 * width), layout="constrained")
    x = list(range(len(labels)))
    for k, (name, means) in enumerate(groups):
        ax.plot(x, means, color="black", linewidth=1.2, marker=MARKERS[k % len(MARKERS)], markersize=4, linestyle=DASHES[k % len(DASHES)], label=name)
    ax.set_xticks(x, labels)
    ax.set_xlim(-0.4, len(labels) - 0.6)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False)
    localise(ax, lang, axes="y")
    return fig
