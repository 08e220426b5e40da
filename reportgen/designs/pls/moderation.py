"""A two-stage PLS moderation in the chapter: its path as the tables write it, and its simple
slopes (figure and sentence values) from the model's paths (:mod:`reportgen.stats.pls.interaction`)."""

from __future__ import annotations

from typing import Any

from reportgen.designs.pls.analysis import PlsStudyResults
from reportgen.report.builder import Builder
from reportgen.report.document import Section


def hypothesis_path(hyp) -> str:
    """A hypothesis's path as the tables write it: 'X → Y', 'X → M → Y', a moderation 'X × M → Y'."""
    if hyp.moderator:
        return f"{hyp.chain[0]} × {hyp.moderator} → {hyp.chain[-1]}"
    return " → ".join(hyp.chain)


SLOPE_LEVELS = (("low", -1.0), ("mean", 0.0), ("high", 1.0))


def moderation_paths(r: PlsStudyResults, name: str) -> tuple[float, float, float]:
    """β_X, β_M and β_XM of a moderation hypothesis's target (β_XM on seminr's scale)."""
    hyp = r.hypotheses[name]
    assert hyp.moderator is not None
    x, y, m = hyp.chain[0], hyp.chain[-1], hyp.moderator
    names = r.model.spec.constructs
    path = lambda a: float(r.model.paths[names.index(a), names.index(y)])  # noqa: E731
    return path(x), path(m), path(f"{x}*{m}")


def slope_rises(r: PlsStudyResults, name: str) -> bool:
    """Whether the moderated path grows in size from M = −1 SD to +1 SD: |β_X + β_XM| > |β_X − β_XM|."""
    beta_x, _, beta_xm = moderation_paths(r, name)
    return abs(beta_x + beta_xm) > abs(beta_x - beta_xm)


def moderation_slopes(b: Builder, r: PlsStudyResults, name: str, section: Section) -> dict[str, Any]:
    """The simple slopes of a PLS moderation, X's path at M = −1, 0 and +1 standard deviation:
    ``β_X + β_XM · m`` (the interaction's path is per unit of the product of the standardised
    scores, :func:`reportgen.stats.pls.interaction.rescaled`), drawn over X from −2 to +2 SD with
    ``ŷ = (β_X + β_XM m) x + β_M m``; the figure is added to ``section``."""
    beta_x, beta_m, beta_xm = moderation_paths(r, name)
    hyp = r.hypotheses[name]
    assert hyp.moderator is not None
    x, y, m = hyp.chain[0], hyp.chain[-1], hyp.moderator
    levels = {level: beta_x + beta_xm * value for level, value in SLOPE_LEVELS}
    xs = [-2.0, 2.0]
    lines = [
        (f"{b.name(m)}: {b.labels['slope_levels'][level]}", xs, [(beta_x + beta_xm * value) * v + beta_m * value for v in xs])
        for level, value in SLOPE_LEVELS
    ]
    figure = b.figure(
        f"pls.slopes.{name}",
        b.label("slopes_figure", h=name),
        "slopes",
        {"lines": lines, "xlabel": f"{b.name(x)} (SD)", "ylabel": f"{b.name(y)} (SD)"},
        width=0.65,
        name=name,
    )
    section.add(figure)
    return {
        "figure": b.ref(figure),
        "slope_low": b.decimal(levels["low"]),
        "slope_mean": b.decimal(levels["mean"]),
        "slope_high": b.decimal(levels["high"]),
        "slope_rises": slope_rises(r, name),
    }
