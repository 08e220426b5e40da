"""The importance–performance map of one dependent construct (Martilla & James, 1977; the IPMA of
Ringle & Sarstedt, 2016): each predecessor at its importance (x) and performance (y), the means of
both as the crosshairs that divide the quadrants."""

from __future__ import annotations

from reportgen.figures.style import SMALL, localise, plt, print_width


def importance_map(
    points: list[tuple[str, float, float]], crosshairs: tuple[float, float], xlabel: str, ylabel: str, lang: str, width: float = print_width(0.7)
):
    """``points``: (label, importance, performance); ``crosshairs``: (mean importance, mean performance)."""
    fig, ax = plt.subplots(figsize=(width, 0.75 * width), layout="constrained")
    xs = [x for _, x, _ in points]
    ys = [y for _, _, y in points]
    ax.axvline(crosshairs[0], color="#555555", linewidth=0.8, linestyle="--")
    ax.axhline(crosshairs[1], color="#555555", linewidth=0.8, linestyle="--")
    ax.scatter(xs, ys, s=22, color="black", zorder=3)
    span_x = (max(xs + [crosshairs[0]]) - min(xs + [crosshairs[0]])) or 1.0
    span_y = (max(ys + [crosshairs[1]]) - min(ys + [crosshairs[1]])) or 1.0
    placed: list[tuple[float, float]] = []
    for label, x, y in sorted(points, key=lambda p: p[1]):
        near = any(abs(x - px) < 0.15 * span_x and abs(y - py) < 0.06 * span_y for px, py in placed)
        ax.annotate(
            label, (x, y), xytext=(4, -11) if near else (4, 4), textcoords="offset points", fontsize=SMALL
        )  # a close neighbour's label above: this one below
        placed.append((x, y))
    ax.set_xlim(min(xs + [crosshairs[0]]) - 0.12 * span_x, max(xs + [crosshairs[0]]) + 0.25 * span_x)
    ax.set_ylim(min(ys + [crosshairs[1]]) - 0.12 * span_y, max(ys + [crosshairs[1]]) + 0.15 * span_y)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    localise(ax, lang)
    return fig
