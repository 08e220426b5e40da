"""The hypothesis model: predictor boxes, the dependent box, an arrow per hypothesis."""

from __future__ import annotations

from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from reportgen.figures.style import plt


def framework(predictors: list[tuple[str, str]], dependent: tuple[str, str], partial: dict[str, str],
              simultaneous: str | None, lang: str):
    """``predictors``/``dependent``: (code, name); ``partial``: predictor code → hypothesis name."""
    k = len(predictors)
    height = max(1.0 * k, 2.2)
    fig, ax = plt.subplots(figsize=(6.3, 0.75 * height + 0.6))
    ax.set_xlim(0, 10)
    ax.set_ylim(-0.6, height)
    ax.axis("off")
    box_w, box_h = 3.3, 0.62
    ys = [height - (i + 0.5) * height / k for i in range(k)]
    y_dep = height / 2
    for (code, name), y in zip(predictors, ys):
        ax.add_patch(FancyBboxPatch((0.3, y - box_h / 2), box_w, box_h, boxstyle="round,pad=0.02", fc="white", ec="black", lw=0.9))
        ax.text(0.3 + box_w / 2, y, f"{name}\n({code})", ha="center", va="center", fontsize=8)
        if code in partial:
            arrow = FancyArrowPatch((0.3 + box_w, y), (6.6, y_dep), arrowstyle="-|>", mutation_scale=10, lw=0.9, color="black")
            ax.add_patch(arrow)
            ax.text(4.3 + 0.9 * (y - y_dep) / height, y + (y_dep - y) * 0.22 + 0.08, partial[code], fontsize=8,
                    ha="center", va="bottom", bbox={"fc": "white", "ec": "none", "pad": 0.5})
    ax.add_patch(FancyBboxPatch((6.6, y_dep - box_h / 2), box_w - 0.2, box_h, boxstyle="round,pad=0.02", fc="white", ec="black", lw=1.1))
    ax.text(6.6 + (box_w - 0.2) / 2, y_dep, f"{dependent[1]}\n({dependent[0]})", ha="center", va="center", fontsize=8)
    if simultaneous:
        ax.add_patch(FancyBboxPatch((0.1, -0.35), box_w + 0.4, height + 0.2, boxstyle="round,pad=0.02", fc="none", ec="black", lw=0.7, ls="--"))
        start = (0.5 + box_w, -0.15)
        ax.add_patch(FancyArrowPatch(start, (8.15, y_dep - box_h / 2 - 0.03), connectionstyle="angle,angleA=0,angleB=90,rad=0",
                                     arrowstyle="-|>", mutation_scale=10, lw=0.8, ls="--", color="black"))
        ax.text(6.0, -0.15, simultaneous, fontsize=8, ha="center", va="center", bbox={"fc": "white", "ec": "none", "pad": 0.5})
    return fig
