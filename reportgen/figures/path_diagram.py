"""Path diagram of a PLS or path-analysis model, drawn at its printed size.

Constructs are ellipses holding their code (and R²), placed in columns by their longest path from
an exogenous construct (several layers share a column when the width allows fewer columns), and
in rows chosen so that straight arrows pass no other construct and cross as little as possible.
An arrow that would still pass a construct is bent around it. Every label (a coefficient with its
stars, an outer loading) is then placed where it covers no other label, no arrowhead, no
construct and no indicator, as near the middle of its own arrow as that allows. With
``indicators`` (PLS, ``model.diagram_indicators``) each construct also gets its indicators as
rectangles, SmartPLS style: beside the construct in the first and last column, above or below it
in between, joined by arrows carrying the outer loadings (reflective: construct → indicator) or
the outer weights (formative: indicator → construct).

The axes fill the figure and one data unit is one inch, so every size below is the printed size
(:func:`reportgen.figures.style.print_width`) and text sizes are printed points.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from matplotlib.patches import Ellipse, FancyArrowPatch, Rectangle
from matplotlib.path import Path as MplPath

from reportgen.figures.style import SMALL, plt, print_width, text_size

NODE_SIZE = 9.5  # construct code and R²
LABEL_SIZE = SMALL  # coefficients, loadings, indicator names, the legend
MARGIN = 0.06  # inches around the drawing
HEAD = 9.0  # arrowhead (mutation scale, points)
TALLEST = 6.6  # inches from the top row to the bottom row: with the legend, the caption and the source within a page
ARC_RADS = (0.22, -0.22, 0.35, -0.35, 0.5, -0.5, 0.7, -0.7)


def layers(constructs: list[str], paths: list[tuple[str, str]]) -> dict[str, int]:
    """Each construct's longest path from an exogenous construct (0 for an exogenous one)."""
    depth = dict.fromkeys(constructs, 0)
    for _ in constructs:
        for a, b in paths:
            depth[b] = max(depth[b], depth[a] + 1)
    return depth


# --- geometry (inches) -------------------------------------------------------------------------


@dataclass
class Box:
    """An axis-aligned rectangle: x0, y0 lower left, x1, y1 upper right."""

    x0: float
    y0: float
    x1: float
    y1: float

    @classmethod
    def around(cls, x: float, y: float, w: float, h: float) -> Box:
        return cls(x - w / 2, y - h / 2, x + w / 2, y + h / 2)

    def grown(self, d: float) -> Box:
        return Box(self.x0 - d, self.y0 - d, self.x1 + d, self.y1 + d)

    def overlaps(self, other: Box) -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def contains(self, points: np.ndarray) -> np.ndarray:
        return (points[:, 0] > self.x0) & (points[:, 0] < self.x1) & (points[:, 1] > self.y0) & (points[:, 1] < self.y1)


@dataclass
class Oval:
    """A construct's ellipse: centre and half axes."""

    x: float
    y: float
    a: float
    b: float

    def inside(self, points: np.ndarray, pad: float = 0.0) -> np.ndarray:
        return ((points[:, 0] - self.x) / (self.a + pad)) ** 2 + ((points[:, 1] - self.y) / (self.b + pad)) ** 2 < 1

    def meets(self, box: Box, pad: float = 0.0) -> bool:
        """Whether ``box`` reaches into the ellipse grown by ``pad`` (exact: the box's point nearest
        the centre, in coordinates where the ellipse is the unit circle)."""
        a, b = self.a + pad, self.b + pad
        nx = min(max(self.x, box.x0), box.x1)
        ny = min(max(self.y, box.y0), box.y1)
        return ((nx - self.x) / a) ** 2 + ((ny - self.y) / b) ** 2 < 1


def bezier(p0, c, p2, n: int = 80) -> np.ndarray:
    """Points of the quadratic Bézier p0–c–p2 (matplotlib's arc3 connection)."""
    t = np.linspace(0.0, 1.0, n)[:, None]
    return (1 - t) ** 2 * np.asarray(p0) + 2 * (1 - t) * t * np.asarray(c) + t**2 * np.asarray(p2)


def arc_control(p0, p2, rad: float) -> tuple[float, float]:
    """The control point of matplotlib's ``arc3,rad=…`` between p0 and p2 (display = data here)."""
    (x0, y0), (x2, y2) = p0, p2
    return (x0 + x2) / 2 + rad * (y2 - y0), (y0 + y2) / 2 - rad * (x2 - x0)


def _crossings(a: np.ndarray, b: np.ndarray) -> int:
    """How many times two straight segments (2×2 arrays) cross (0 or 1)."""
    (p, q), (r, s) = a, b

    def turn(o, u, v):
        return (u[0] - o[0]) * (v[1] - o[1]) - (u[1] - o[1]) * (v[0] - o[0])

    return int(turn(p, q, r) * turn(p, q, s) < 0 and turn(r, s, p) * turn(r, s, q) < 0)


def arrowhead(arrow) -> np.ndarray | None:
    """The corners (data coordinates) of the filled head of a ``-|>`` FancyArrowPatch: its path
    (line, then head) split where a sub-path starts, the closed sub-path being the head."""
    path = arrow.get_path()
    parts: list[list] = []
    for vertex, code in zip(path.vertices, path.codes):
        if code == MplPath.MOVETO or not parts:
            parts.append([])
        parts[-1].append((vertex, code))
    heads = [np.array([v for v, c in part if c != MplPath.CLOSEPOLY]) for part in parts if part[-1][1] == MplPath.CLOSEPOLY]
    return np.vstack(heads) if heads else None


def _polyline_crossings(p: np.ndarray, q: np.ndarray) -> int:
    """How many segments of polyline ``p`` cross segments of polyline ``q``."""
    a, b = p[:-1, None, :], p[1:, None, :]
    c, d = q[None, :-1, :], q[None, 1:, :]

    def turn(o, u, v):
        return (u[..., 0] - o[..., 0]) * (v[..., 1] - o[..., 1]) - (u[..., 1] - o[..., 1]) * (v[..., 0] - o[..., 0])

    return int(((turn(a, b, c) * turn(a, b, d) < 0) & (turn(c, d, a) * turn(c, d, b) < 0)).sum())


# --- the drawing ------------------------------------------------------------------------------


@dataclass
class Edge:
    """An arrow: from ``start`` to ``end`` (construct codes or indicator keys), its label and its curve."""

    start: str
    end: str
    label: str
    rad: float = 0.0
    points: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    visible: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    artist: object = None
    head: Box | None = None


class Diagram:
    """The layout of one diagram; :meth:`draw` makes the figure."""

    def __init__(self, constructs, paths, r2, width: float, indicators=None, named=()):
        self.codes = [c for c, _ in constructs]
        self.names = dict(constructs)
        self.named = list(named)  # further codes the legend names
        self.paths = dict(paths)
        self.r2 = dict(r2)
        self.width = width
        self.indicators = indicators or {}
        self.probe = plt.figure()
        # per diagram, not per class (a class-level cache would keep every diagram alive)
        self._cached_edge_cost = functools.cache(self._edge_cost)
        self._cached_passes = functools.cache(self._passes)
        self._cached_cross = functools.cache(self._cross)
        self.node_text = {c: c + (f"\n{self.r2[c]}" if c in self.r2 else "") for c in self.codes}
        tw = max(text_size(self.probe, t, NODE_SIZE)[0] for t in self.node_text.values())
        th = max(text_size(self.probe, t, NODE_SIZE)[1] for t in self.node_text.values())
        self.ew, self.eh = 1.3 * tw + 0.14, 1.35 * th + 0.16
        self.label_h = text_size(self.probe, "0,1*", LABEL_SIZE)[1]
        widest = max([text_size(self.probe, label, LABEL_SIZE)[0] for label in self.paths.values()] or [0.3])
        self.gap = widest + 0.3  # room between two constructs for a label and an arrowhead
        items = [i for spec in self.indicators.values() for i, _ in spec["items"]]
        self.bw = max([text_size(self.probe, i, LABEL_SIZE)[0] for i in items] or [0.3]) + 0.12
        self.bh = self.label_h + 0.09
        loadings = [v for spec in self.indicators.values() for _, v in spec["items"]]
        self.reach = max([text_size(self.probe, v, LABEL_SIZE)[0] for v in loadings] or [0.3]) + 0.42  # indicator arrow length

    # -- constructs in columns and rows --------------------------------------------------------
    def columns(self) -> dict[str, int]:
        depth = layers(self.codes, list(self.paths))
        layers_n = max(depth.values()) + 1
        side = (self.reach + self.bw) if self.indicators else 0.0
        room = self.width - 2 * MARGIN - 2 * side - self.ew
        most = max(2, 1 + int(room // (self.ew + self.gap)))
        n = min(layers_n, most)
        return {c: depth[c] * n // layers_n for c in self.codes}

    def place(self) -> None:
        """Column x and row y of every construct: the rows that score best (:meth:`_score`)."""
        col = self.columns()
        n = max(col.values()) + 1
        by_col = [[c for c in self.codes if col[c] == k] for k in range(n)]
        rows = max(len(m) for m in by_col)
        rows = max(rows, 2) if n > 2 else rows
        side = (self.reach + self.bw + 0.05) if self.indicators else 0.0
        left = MARGIN + side + self.ew / 2
        right = self.width - MARGIN - side - self.ew / 2
        self.x = {c: left + (right - left) * (col[c] / (n - 1) if n > 1 else 0.5) for c in self.codes}
        self.col = col
        # rows apart enough for a label on an arrow from one to the next in the same column; a
        # tall column closer, to keep the figure within a page
        vertical = any(col[a] == col[b] for a, b in self.paths)
        self.pitch = self.eh + (max(0.55, 2.2 * self.label_h) if vertical else 0.35)
        self.pitch = min(self.pitch, max(self.eh + 0.25, TALLEST / max(rows - 1, 1)))
        if self.indicators:
            self.pitch = max(self.pitch, self._stack_pitch(by_col))
        slots = [k / 2 for k in range(2 * rows - 1)] if rows > 1 else [0.0]
        # a column with fewer constructs than the tallest may also take half rows; with two rows
        # or fewer, a third row too (to go round a construct in the way)
        extra = [k / 2 for k in range(2 * rows + 1)] if rows <= 2 else slots
        choices = [self._column_choices(members, slots if len(members) == rows else extra) for members in by_col]
        best: tuple[float, dict[str, float]] | None = None
        total = math.prod(len(c) for c in choices)
        if total <= 20000:
            for combo in itertools.product(*choices):
                y = {c: s for part in combo for c, s in part}
                score = self._score(y)
                if best is None or score < best[0]:
                    best = (score, y)
        else:  # one column at a time, the others fixed, until nothing improves
            y = {c: s for part in (ch[0] for ch in choices) for c, s in part}
            score = self._score(y)
            for _ in range(4):
                improved = False
                for ch in choices:
                    for part in ch:
                        trial = {**y, **dict(part)}
                        s = self._score(trial)
                        if s < score - 1e-9:
                            y, score, improved = trial, s, True
                if not improved:
                    break
            best = (score, y)
        assert best is not None  # every column has a choice of rows, so there is a combination
        top = min(best[1].values())
        self.y = {c: -(s - top) * self.pitch for c, s in best[1].items()}

    def _stack_pitch(self, by_col) -> float:
        """The row pitch the indicators need: two stacks beside the first or last column (the two
        tallest, whatever the order of the rows) apart, and room above or below a construct of a
        middle column for its row of indicators."""
        need = 0.0
        for members in (by_col[0], by_col[-1]):
            heights = sorted(self._stack_height(len(self.indicators.get(c, {"items": []})["items"])) for c in members)
            if len(heights) > 1:
                need = max(need, (heights[-1] + heights[-2]) / 2 + 0.12)
        if any(self.indicators.get(c) for members in by_col[1:-1] for c in members):
            need = max(need, self.eh + 0.85 * self.reach + self.bh + 0.2)
        return need

    def _stack_height(self, n: int) -> float:
        return n * self.bh + max(n - 1, 0) * self.stack_gap

    @property
    def stack_gap(self) -> float:
        return max(0.07, self.label_h * 0.6)

    @staticmethod
    def _column_choices(members, slots):
        """Every order of a column's constructs (the study's order when there are more than five)
        on every choice of its slots at least a row apart."""
        orders = list(itertools.permutations(members)) if len(members) <= 5 else [tuple(members)]
        out = []
        for picked in itertools.combinations(slots, len(members)):
            if all(b - a >= 1 for a, b in zip(picked, picked[1:])):
                out += [tuple(zip(order, picked)) for order in orders]
        return out

    def _score(self, slot: dict[str, float]) -> float:
        """Lower is better: constructs a straight arrow would pass (10 each), crossing arrows (3
        each), arrows too short for a label (4 each), the length of the arrows and the height."""
        score = 0.0
        for a, b in self.paths:
            score += self._cached_edge_cost(a, slot[a], b, slot[b])
            score += 10 * sum(self._cached_passes(a, slot[a], b, slot[b], c, slot[c]) for c in self.codes if c not in (a, b))
        for (a, b), (c, d) in itertools.combinations(self.paths, 2):
            if not {a, b} & {c, d}:
                score += 3 * self._cached_cross(a, slot[a], b, slot[b], c, slot[c], d, slot[d])
        ys = [slot[c] for c in self.codes]
        return score + 1.5 * (max(ys) - min(ys))

    def _edge_cost(self, a: str, sa: float, b: str, sb: float) -> float:
        d = np.array([self.x[b] - self.x[a], (sa - sb) * self.pitch])
        length = math.hypot(*d)
        return 4 * (length - self._inner(d) < self.gap) + 0.25 * length

    def _passes(self, a: str, sa: float, b: str, sb: float, c: str, sc: float) -> bool:
        p0, p1 = np.array([self.x[a], -sa * self.pitch]), np.array([self.x[b], -sb * self.pitch])
        line = p0 + np.linspace(0.0, 1.0, 30)[:, None] * (p1 - p0)
        return bool(Oval(self.x[c], -sc * self.pitch, self.ew / 2, self.eh / 2).inside(line, 0.08).any())

    def _cross(self, a, sa, b, sb, c, sc, d, sd) -> int:
        def seg(u, su, v, sv):
            return np.array([[self.x[u], -su * self.pitch], [self.x[v], -sv * self.pitch]])

        return _crossings(seg(a, sa, b, sb), seg(c, sc, d, sd))

    def _arc_cost(self, rad: float, p0: tuple[float, float], p2: tuple[float, float], others: list, lines: list) -> tuple:
        """How bad an arrow from ``p0`` to ``p2`` bent by ``rad`` is: whether it crosses anything,
        the points inside other ovals, boxes or the margins, the other arrows it crosses, its bend."""
        pts = bezier(p0, arc_control(p0, p2, rad), p2)
        n = sum(int(o.inside(pts, 0.07).sum()) for o in others)
        n += sum(int(b.grown(0.05).contains(pts).sum()) for b in self.boxes.values())
        n += int(((pts[:, 0] < MARGIN) | (pts[:, 0] > self.width - MARGIN)).sum())
        own = (p0, p2)
        crossed = sum(
            _polyline_crossings(pts[::6], line)
            for line in lines
            if not (np.allclose(line[0], own[0]) or np.allclose(line[1], own[1]) or np.allclose(line[0], own[1]) or np.allclose(line[1], own[0]))
        )
        return n > 0, n, crossed, abs(rad)

    def _inner(self, d: np.ndarray) -> float:
        """The length of a straight arrow in direction ``d`` hidden by its two ellipses."""
        angle = math.atan2(d[1], d[0])
        a, b = self.ew / 2, self.eh / 2
        r = a * b / math.hypot(b * math.cos(angle), a * math.sin(angle))
        return 2 * r

    # -- indicators ----------------------------------------------------------------------------
    def place_indicators(self) -> None:
        """Rectangles and arrows of each construct's indicators: left of a construct in the first
        column, right in the last, otherwise above or below (where they meet fewer constructs)."""
        self.boxes: dict[str, Box] = {}
        self.box_text: dict[str, str] = {}
        self.item_edges: list[Edge] = []
        if not self.indicators:
            return
        last = max(self.col.values())
        for c in self.codes:
            spec = self.indicators.get(c)
            if not spec or not spec["items"]:
                continue
            if self.col[c] == 0:
                sides = ["left"]
            elif self.col[c] == last:
                sides = ["right"]
            else:
                sides = ["top", "bottom"]
            best = min(sides, key=lambda s: self._block_cost(c, self._block(c, s, len(spec["items"]))))
            for (item, value), box in zip(spec["items"], self._block(c, best, len(spec["items"]))):
                key = f"{c}:{item}"
                self.boxes[key] = box
                self.box_text[key] = item
                edge = Edge(key, c, value) if spec.get("formative") else Edge(c, key, value)
                self.item_edges.append(edge)

    def _block(self, c: str, side: str, n: int) -> list[Box]:
        x, y = self.x[c], self.y[c]
        if side in ("left", "right"):
            sign = -1 if side == "left" else 1
            bx = x + sign * (self.ew / 2 + self.reach + self.bw / 2)
            top = y + self._stack_height(n) / 2 - self.bh / 2
            return [Box.around(bx, top - k * (self.bh + self.stack_gap), self.bw, self.bh) for k in range(n)]
        sign = 1 if side == "top" else -1
        by = y + sign * (self.eh / 2 + self.reach * 0.85 + self.bh / 2)
        step = self.bw + 0.08
        first = x - (n - 1) * step / 2
        return [Box.around(first + k * step, by, self.bw, self.bh) for k in range(n)]

    def _block_cost(self, c: str, boxes: list[Box]) -> float:
        cost = 0.0
        for box in boxes:
            cost += 10 * sum(Oval(self.x[o], self.y[o], self.ew / 2, self.eh / 2).meets(box, 0.05) for o in self.codes)
            cost += 10 * sum(box.overlaps(other.grown(0.05)) for other in self.boxes.values())
            cost += 10 * (box.x0 < 0 or box.x1 > self.width)
            for a, b in self.paths:
                seg = np.array([[self.x[a], self.y[a]], [self.x[b], self.y[b]]])
                line = seg[0] + np.linspace(0.0, 1.0, 40)[:, None] * (seg[1] - seg[0])
                cost += 2 * bool(box.grown(0.05).contains(line).any())
        return cost

    # -- arrows --------------------------------------------------------------------------------
    def shapes(self) -> dict[str, Oval]:
        return {c: Oval(self.x[c], self.y[c], self.ew / 2, self.eh / 2) for c in self.codes}

    def route(self) -> None:
        """Straight arrows, or the arc3 that passes no other construct or indicator and crosses
        the fewest other arrows, the least bent of those."""
        ovals = self.shapes()
        self.edges = [Edge(a, b, label) for (a, b), label in self.paths.items()]
        lines = [np.array([self._centre(e.start), self._centre(e.end)]) for e in self.item_edges]
        lines += [np.array([self._centre(a), self._centre(b)]) for a, b in self.paths]
        for e in self.edges:
            p0, p2 = self._centre(e.start), self._centre(e.end)
            others = [o for c, o in ovals.items() if c not in (e.start, e.end)]
            cost = functools.partial(self._arc_cost, p0=p0, p2=p2, others=others, lines=lines)
            if cost(0.0)[0]:
                e.rad = min(ARC_RADS, key=cost)
        for e in self.edges + self.item_edges:
            p0, p2 = self._centre(e.start), self._centre(e.end)
            e.points = bezier(p0, arc_control(p0, p2, e.rad), p2, 400)
            outside = np.ones(len(e.points), bool)
            for shape, gap in ((self._shape_of(e.start), 0.005), (self._shape_of(e.end), 0.015)):
                outside &= ~(shape.inside(e.points, gap) if isinstance(shape, Oval) else shape.grown(gap).contains(e.points))
            e.visible = e.points[outside]

    def _centre(self, key: str) -> tuple[float, float]:
        if key in self.boxes:
            b = self.boxes[key]
            return (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2
        return self.x[key], self.y[key]

    def _shape_of(self, key: str):
        return self.boxes[key] if key in self.boxes else self.shapes()[key]

    # -- the figure ----------------------------------------------------------------------------
    def legend_lines(self) -> list[str]:
        entries = [f"{c} = {self.names[c]}" for c in self.codes] + [f"{c} = {name}" for c, name in self.named]
        lines: list[str] = []
        for entry in entries:
            if lines and text_size(self.probe, lines[-1] + "    " + entry, LABEL_SIZE)[0] <= self.width - 2 * MARGIN:
                lines[-1] += "    " + entry
            else:
                lines.append(entry)
        return lines

    def draw(self):
        legend = "\n".join(self.legend_lines())
        legend_h = text_size(self.probe, legend, LABEL_SIZE)[1]
        plt.close(self.probe)
        pts = [np.array([[self.x[c] - self.ew / 2, self.y[c] - self.eh / 2], [self.x[c] + self.ew / 2, self.y[c] + self.eh / 2]]) for c in self.codes]
        pts += [np.array([[b.x0, b.y0], [b.x1, b.y1]]) for b in self.boxes.values()]
        pts += [e.points for e in self.edges]
        allpts = np.vstack(pts)
        top = allpts[:, 1].max() + MARGIN + self.label_h
        bottom = allpts[:, 1].min() - MARGIN - 0.12 - legend_h
        height = top - bottom
        fig = plt.figure(figsize=(self.width, height))
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, self.width)
        ax.set_ylim(bottom, top)
        ax.set_aspect("equal")
        ax.axis("off")
        for c in self.codes:
            ax.add_patch(Ellipse((self.x[c], self.y[c]), self.ew, self.eh, fc="white", ec="black", lw=0.9, zorder=2))
            ax.text(self.x[c], self.y[c], self.node_text[c], ha="center", va="center", fontsize=NODE_SIZE, zorder=3, linespacing=1.25)
        for key, b in self.boxes.items():
            ax.add_patch(Rectangle((b.x0, b.y0), b.x1 - b.x0, b.y1 - b.y0, fc="white", ec="black", lw=0.7, zorder=2))
            ax.text((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2, self.box_text[key], ha="center", va="center", fontsize=LABEL_SIZE, zorder=3)
        for e in self.edges + self.item_edges:
            # the curve between the two shapes' outlines (a gap of about a point before the head)
            e.artist = ax.add_patch(
                FancyArrowPatch(
                    path=MplPath(e.visible), arrowstyle="-|>", mutation_scale=HEAD, lw=0.8 if e in self.edges else 0.6, color="black", zorder=4
                )
            )
        ax.text(self.width / 2, bottom + MARGIN, legend, ha="center", va="bottom", fontsize=LABEL_SIZE, linespacing=1.3)
        fig.draw_without_rendering()  # the arrows' paths, clipped at their shapes, exist from here on (nothing rasterised)
        for e in self.edges + self.item_edges:
            h = arrowhead(e.artist)
            if h is not None:
                e.head = Box(h[:, 0].min(), h[:, 1].min(), h[:, 0].max(), h[:, 1].max())
        self._labels(ax, Box(0, bottom + MARGIN + legend_h + 0.04, self.width, top))
        return fig

    def _labels(self, ax, frame: Box) -> None:
        """Each arrow's label at the best of its candidate places (:meth:`_cost`), arrows with the
        fewest free places first."""
        ovals = list(self.shapes().values())
        texts = [Box.around(self.x[c], self.y[c], *text_size(ax.figure, self.node_text[c], NODE_SIZE)) for c in self.codes]
        fixed = {
            "heads": [e.head.grown(0.02) for e in self.edges + self.item_edges if e.head is not None],
            "boxes": [b.grown(0.01) for b in self.boxes.values()] + texts,
            "ovals": ovals,
        }
        placed: list[Box] = []
        todo = [e for e in self.edges + self.item_edges if e.label]
        sizes = {id(e): text_size(ax.figure, e.label, LABEL_SIZE) for e in todo}
        todo.sort(key=lambda e: len(e.visible))
        for e in todo:
            w, h = sizes[id(e)]
            options = self._candidates(e, w, h)
            best = min(options, key=lambda o: self._cost(o, e, frame, fixed, placed))
            box, _ = best
            placed.append(box.grown(0.015))
            ax.text(
                (box.x0 + box.x1) / 2,
                (box.y0 + box.y1) / 2,
                e.label,
                ha="center",
                va="center",
                fontsize=LABEL_SIZE,
                zorder=5,
                bbox={"fc": "white", "ec": "none", "pad": 0.4},
            )

    def _candidates(self, e: Edge, w: float, h: float) -> list[tuple[Box, float]]:
        """Boxes centred on the visible arrow from its middle outwards, then beside it."""
        pts = e.visible if len(e.visible) > 2 else e.points
        n = len(pts)
        out = []
        middle = 0.5
        if e.start in self.boxes or e.end in self.boxes:  # an indicator's arrow: its labels apart near the rectangles
            middle = 0.3 if e.start in self.boxes else 0.7
        for k in range(19):
            f = middle + (k + 1) // 2 * 0.045 * (1 if k % 2 else -1)
            if not 0.0 <= f <= 1.0:
                continue
            i = min(n - 1, max(0, int(round(f * (n - 1)))))
            x, y = pts[i]
            out.append((Box.around(x, y, w + 0.04, h + 0.03), abs(f - middle)))
        for k in range(9):
            f = min(0.95, max(0.05, middle + (k + 1) // 2 * 0.09 * (1 if k % 2 else -1)))
            i = min(n - 2, max(0, int(round(f * (n - 1)))))
            d = pts[i + 1] - pts[i]
            d = d / (np.hypot(*d) or 1.0)
            normal = np.array([-d[1], d[0]])
            for sign in (1, -1):
                off = sign * (abs(normal[0]) * (w / 2 + 0.05) + abs(normal[1]) * (h / 2 + 0.05))
                x, y = pts[i] + normal * off
                out.append((Box.around(x, y, w + 0.04, h + 0.03), abs(f - middle) + 0.6))
        return out

    def _cost(self, option, e: Edge, frame: Box, fixed, placed) -> float:
        box, distance = option
        cost = 1000.0 * sum(box.overlaps(p) for p in placed)
        cost += 1000.0 * sum(box.overlaps(hd) for hd in fixed["heads"])
        cost += 1000.0 * sum(box.overlaps(b) for b in fixed["boxes"])
        cost += 1000.0 * (box.x0 < frame.x0 or box.x1 > frame.x1 or box.y0 < frame.y0 or box.y1 > frame.y1)
        cost += 200.0 * sum(o.meets(box, 0.0) for o in fixed["ovals"])
        for other in self.edges + self.item_edges:
            if other is not e and len(other.visible) and box.contains(other.visible[::4]).any():
                cost += 15.0  # lies on another arrow
        return cost + 8.0 * distance


def path_diagram(
    constructs: list[tuple[str, str]],
    paths: dict[tuple[str, str], str],
    r2: dict[str, str],
    lang: str,
    width: float = print_width(0.95),
    indicators: dict[str, dict] | None = None,
    named: Sequence[tuple[str, str]] = (),
):
    """``constructs``: (code, name); ``paths``: (a, b) → label; ``r2``: code → 'R² = …';
    ``indicators`` (optional): code → {"items": [(indicator, loading label)], "formative": bool};
    ``named`` (optional): further (code, name) the legend names, such as a higher-order
    construct's dimensions drawn as its indicators.
    Drawn ``width`` inches wide; a legend under the diagram names the codes."""
    diagram = Diagram(constructs, paths, r2, width, indicators, named)
    diagram.place()
    diagram.place_indicators()
    diagram.route()
    return diagram.draw()
