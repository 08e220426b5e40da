"""The hypothesis model: predictor boxes, the dependent box, an arrow per hypothesis."""

from __future__ import annotations

from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from reportgen.figures.style import SMALL, plt, print_width, wrap


def framework(
    predictors: list[tuple[str, str]],
    dependent: tuple[str, str],
    partial: dict[str, str],
    simultaneous: str | None,
    lang: str,
    width: float = print_width(0.8),
    moderations: dict | None = None,
):
    """``predictors``/``dependent``: (code, name); ``partial``: predictor code → hypothesis name;
    ``moderations``: hypothesis name → (predictor, moderator), drawn as a dashed arrow from the
    moderator's box to the predictor's arrow (the interaction acts on that effect).

    Drawn ``width`` inches wide with the data unit one inch (the axes fill the figure), so the
    boxes and their names (wrapped to the box) keep their printed size whatever the width."""
    k = len(predictors)
    box_w = 0.36 * width
    dep_w = 0.32 * width
    probe = plt.figure()
    names = [wrap(probe, name, SMALL + 0.5, box_w - 0.1) + f"\n({code})" for code, name in predictors]
    dep_name = wrap(probe, dependent[1], SMALL + 0.5, dep_w - 0.1) + f"\n({dependent[0]})"
    plt.close(probe)
    lines = max([n.count("\n") + 1 for n in names] + [dep_name.count("\n") + 1])
    box_h = 0.2 * lines + 0.08
    pitch = box_h + 0.22
    height = max(pitch * k, 2 * pitch)
    bottom = 0.5 if simultaneous else 0.1
    fig = plt.figure(figsize=(width, height + bottom + 0.1))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(-bottom, height + 0.1)
    ax.axis("off")
    x0 = 0.12
    ys = [height - (i + 0.5) * height / k for i in range(k)]
    y_dep = height / 2
    x_dep = width - dep_w - 0.05
    for (code, _), text, y in zip(predictors, names, ys):
        ax.add_patch(FancyBboxPatch((x0, y - box_h / 2), box_w, box_h, boxstyle="round,pad=0.02", fc="white", ec="black", lw=0.9))
        ax.text(x0 + box_w / 2, y, text, ha="center", va="center", fontsize=SMALL + 0.5)
        if code in partial:
            # the arrows end apart along the dependent box's side, in the order of the boxes
            end = y_dep + (y - y_dep) / (height / 2) * 0.36 * box_h
            ax.add_patch(FancyArrowPatch((x0 + box_w + 0.02, y), (x_dep - 0.02, end), arrowstyle="-|>", mutation_scale=10, lw=0.9, color="black"))
            # on the arrow, a third of the way from the box: the arrows are furthest apart there
            t = 0.3
            ax.text(
                x0 + box_w + t * (x_dep - x0 - box_w),
                y + t * (end - y),
                partial[code],
                fontsize=SMALL + 0.5,
                ha="center",
                va="center",
                bbox={"fc": "white", "ec": "none", "pad": 0.6},
            )
    where = {code: y for (code, _), y in zip(predictors, ys)}
    for name, (x, z) in (moderations or {}).items():
        if x not in where or z not in where:
            continue
        y, t = where[x], 0.62  # the point on x's arrow the interaction acts on, past its hypothesis label
        end = y_dep + (y - y_dep) / (height / 2) * 0.36 * box_h
        target = (x0 + box_w + t * (x_dep - x0 - box_w), y + t * (end - y))
        start = (x0 + box_w + 0.02, where[z] + (0.25 if where[z] < y else -0.25) * box_h)
        ax.add_patch(
            FancyArrowPatch(start, target, arrowstyle="-|>", mutation_scale=10, lw=0.8, ls="--", color="black", connectionstyle="arc3,rad=0.0")
        )
        ax.text(
            start[0] + 0.55 * (target[0] - start[0]),
            start[1] + 0.55 * (target[1] - start[1]),
            name,
            fontsize=SMALL + 0.5,
            ha="center",
            va="center",
            bbox={"fc": "white", "ec": "none", "pad": 0.6},
        )
    ax.add_patch(FancyBboxPatch((x_dep, y_dep - box_h / 2), dep_w, box_h, boxstyle="round,pad=0.02", fc="white", ec="black", lw=1.1))
    ax.text(x_dep + dep_w / 2, y_dep, dep_name, ha="center", va="center", fontsize=SMALL + 0.5)
    if simultaneous:
        ax.add_patch(
            FancyBboxPatch((x0 - 0.08, -0.4), box_w + 0.16, height + 0.42, boxstyle="round,pad=0.02", fc="none", ec="black", lw=0.7, ls="--")
        )
        start = (x0 + box_w + 0.1, -0.2)
        ax.add_patch(
            FancyArrowPatch(
                start,
                (x_dep + dep_w / 2, y_dep - box_h / 2 - 0.03),
                connectionstyle="angle,angleA=0,angleB=90,rad=0",
                arrowstyle="-|>",
                mutation_scale=10,
                lw=0.8,
                ls="--",
                color="black",
            )
        )
        ax.text(
            (start[0] + x_dep + dep_w / 2) / 2,
            -0.2,
            simultaneous,
            fontsize=SMALL + 0.5,
            ha="center",
            va="center",
            bbox={"fc": "white", "ec": "none", "pad": 0.6},
        )
    return fig
