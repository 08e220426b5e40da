"""The thematic map of a qualitative strand: framework categories (when given) → themes (with the
number of informants who raised them) → codes, joined by lines, as in Braun & Clarke (2006, fig. 2–4)."""

from __future__ import annotations

from matplotlib.patches import FancyBboxPatch

from reportgen.figures.style import SMALL, plt, print_width, wrap

ROW = 0.19  # inches per line of text in a box (9 pt type)
GAP = 0.07  # inches between boxes


def thematic_map(themes: list[dict], informants_word: str, lang: str, width: float = print_width(0.95)):
    """``themes``: dicts with ``name``, ``category`` (or None), ``informants`` (a count) and
    ``codes`` (names), in the chapter's order; drawn ``width`` inches wide, one data unit an inch."""
    with_categories = any(t["category"] for t in themes)
    columns = 3 if with_categories else 2
    box_w = (width - 0.1 - 0.35 * (columns - 1)) / columns
    probe = plt.figure()

    def fit(text: str) -> str:
        return wrap(probe, text, SMALL, box_w - 0.12)

    theme_texts = [fit(t["name"]) + f"\n({t['informants']} {informants_word})" for t in themes]
    code_texts = [[fit(c) for c in t["codes"]] for t in themes]
    plt.close(probe)

    def height_of(text: str) -> float:
        return ROW * (text.count("\n") + 1) + 0.08

    # each theme's block is as tall as its codes or its own box, whichever is taller
    blocks = [max(sum(height_of(c) + GAP for c in codes) - GAP, height_of(text)) for text, codes in zip(theme_texts, code_texts)]
    total = sum(blocks) + GAP * 2 * (len(blocks) - 1)
    fig = plt.figure(figsize=(width, total + 0.1))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(-0.05, total + 0.05)
    ax.axis("off")
    x = [0.05 + k * (box_w + 0.35) for k in range(columns)]
    theme_x, code_x = x[-2], x[-1]
    top = total
    centres: list[float] = []
    for text, codes, block in zip(theme_texts, code_texts, blocks):
        centre = top - block / 2
        centres.append(centre)
        _box(ax, theme_x, centre, box_w, height_of(text), text, bold=True)
        used = sum(height_of(c) + GAP for c in codes) - GAP
        y = centre + used / 2
        for code in codes:
            h = height_of(code)
            _box(ax, code_x, y - h / 2, box_w, h, code)
            ax.plot([theme_x + box_w, code_x], [centre, y - h / 2], color="black", lw=0.7, zorder=1)
            y -= h + GAP
        top -= block + 2 * GAP
    if with_categories:
        groups: dict[str, list[float]] = {}
        for theme, centre in zip(themes, centres):
            if theme["category"]:
                groups.setdefault(theme["category"], []).append(centre)
        for category, ys in groups.items():
            text = wrap(fig, category, SMALL, box_w - 0.12)
            centre = sum(ys) / len(ys)
            _box(ax, x[0], centre, box_w, height_of(text), text, bold=True, shade=True)
            for y in ys:
                ax.plot([x[0] + box_w, theme_x], [centre, y], color="black", lw=0.7, zorder=1)
    return fig


def _box(ax, x: float, y: float, w: float, h: float, text: str, bold: bool = False, shade: bool = False) -> None:
    """A box ``w`` × ``h`` inches whose left edge is ``x`` and middle ``y``, with ``text`` centred."""
    ax.add_patch(FancyBboxPatch((x, y - h / 2), w, h, boxstyle="round,pad=0.02", fc="#e6e6e6" if shade else "white", ec="black", lw=0.8, zorder=2))
    ax.text(x + w / 2, y, text, ha="center", va="center", fontsize=SMALL, fontweight="bold" if bold else "normal", zorder=3)
