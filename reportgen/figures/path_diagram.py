"""PLS path diagram: constructs in layers (by longest path from an exogenous one), R² inside
endogenous constructs, each arrow labelled with its coefficient and significance stars."""

from __future__ import annotations

from matplotlib.patches import Ellipse, FancyArrowPatch

from reportgen.figures.style import plt


def layers(constructs: list[str], paths: list[tuple[str, str]]) -> dict[str, int]:
    depth = {c: 0 for c in constructs}
    for _ in constructs:
        for a, b in paths:
            depth[b] = max(depth[b], depth[a] + 1)
    return depth


def _near_segment(point, start, end, limit: float) -> bool:
    """Whether ``point`` lies within ``limit`` of the segment start–end (strictly between its ends)."""
    (px, py), (x0, y0), (x1, y1) = point, start, end
    dx, dy = x1 - x0, y1 - y0
    length2 = dx * dx + dy * dy
    t = ((px - x0) * dx + (py - y0) * dy) / length2 if length2 else 0.0
    if not 0.05 < t < 0.95:
        return False
    return ((x0 + t * dx - px) ** 2 + (y0 + t * dy - py) ** 2) ** 0.5 < limit


def path_diagram(constructs: list[tuple[str, str]], paths: dict[tuple[str, str], str], r2: dict[str, str], lang: str):
    """``constructs``: (code, name); ``paths``: (a, b) → label; ``r2``: code → 'R² = …'.

    Constructs are drawn as ellipses holding their code (and R²), placed in columns by depth;
    a column with a single construct alternates above and below the middle, so that long
    chains zigzag and every arrow stays visible. A legend under the diagram names the codes.
    """
    codes = [c for c, _ in constructs]
    depth = layers(codes, list(paths))
    columns = max(depth.values()) + 1
    by_layer = {d: [c for c in codes if depth[c] == d] for d in range(columns)}
    tallest = max(len(v) for v in by_layer.values())
    rows = max(tallest, 2)
    fig, ax = plt.subplots(figsize=(6.3, 1.15 * rows + 1.0))
    width, height = 10.0, 1.6 * rows
    ax.set_xlim(0, width)
    ax.set_ylim(-0.9, height + 0.7)
    ax.axis("off")
    pos = {}
    for d, members in by_layer.items():
        x = (d + 0.5) * width / columns
        if len(members) == 1 and columns > 2:
            pos[members[0]] = (x, height * (0.68 if d % 2 == 0 else 0.32))
        else:
            for k, c in enumerate(members):
                pos[c] = (x, height - (k + 0.5) * height / len(members))
    ew, eh = min(2.0, 0.82 * width / columns), 0.95
    shapes = {}
    for c, (x, y) in pos.items():
        shapes[c] = ax.add_patch(Ellipse((x, y), ew, eh, fc="white", ec="black", lw=0.9, zorder=2))
        ax.text(x, y, c + (f"\n{r2[c]}" if c in r2 else ""), ha="center", va="center", fontsize=7.5, zorder=3)
    for (a, b), label in paths.items():
        (x0, y0), (x1, y1) = pos[a], pos[b]
        blockers = [pos[c] for c in pos if c not in (a, b) and _near_segment(pos[c], (x0, y0), (x1, y1), 0.75 * eh)]
        # arc3 bulges towards (dy, -dx) for rad > 0; bend away from the side the blockers are on
        side = sum((x1 - x0) * (py - y0) - (y1 - y0) * (px - x0) for px, py in blockers)
        if blockers and abs(side) < 1e-9:  # blockers on the line: bend outwards, away from the middle
            outward = 1.0 if (y0 + y1) / 2 >= height / 2 else -1.0
            side = -(x1 - x0) * outward
        rad = (0.35 if side >= 0 else -0.35) if blockers else (0.3 if x0 == x1 else 0.0)
        ax.add_patch(FancyArrowPatch((x0, y0), (x1, y1), patchA=shapes[a], patchB=shapes[b], shrinkA=1, shrinkB=1,
                                     arrowstyle="-|>", mutation_scale=9, lw=0.8, color="black",
                                     connectionstyle=f"arc3,rad={rad}", zorder=4))
        mx, my = x0 + 0.5 * (x1 - x0), y0 + 0.5 * (y1 - y0)
        mx, my = mx + 0.5 * rad * (y1 - y0), my - 0.5 * rad * (x1 - x0)  # midpoint of the arc3 curve
        ax.text(mx, my, label, fontsize=6.5, ha="center", va="center", bbox={"fc": "white", "ec": "none", "pad": 0.3}, zorder=5)
    legend = "   ".join(f"{code} = {name}" for code, name in constructs)
    ax.text(width / 2, -0.55, legend, ha="center", va="center", fontsize=6.5, wrap=True)
    return fig
