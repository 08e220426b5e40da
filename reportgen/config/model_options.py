"""The settings of a design's model that the web app's form offers as choices, each with its
values (the first the default): the estimator and interval of a CB-SEM, the indicator removal
and the higher-order approach of a PLS-SEM. The form writes a setting only when it differs from
its default; the study file's other model keys are kept as written
(:class:`reportgen.config.origin.Origin`)."""

from __future__ import annotations

OPTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "pls": {
        "indicator_removal": ("none", "hair"),
        "higher_order_approach": ("two_stage", "repeated_indicators"),  # offered when the model has higher-order constructs
    },
    "cbsem": {
        "estimator": ("ml", "mlr"),
        "indirect_interval": ("monte_carlo", "bias_corrected"),
    },
}
NEEDS = {"higher_order_approach": "higher_order"}  # a setting offered only when the model has this key
ALL = {key for options in OPTIONS.values() for key in options}


def options_of(design: str, model) -> dict[str, str]:
    """The settings of ``OPTIONS[design]`` as ``model`` (a validated ``model:``) has them."""
    return {key: str(getattr(model, key, values[0])) for key, values in OPTIONS.get(design, {}).items()}


def chosen(design: str, typed: dict[str, str], before: dict[str, str]) -> dict[str, str]:
    """The settings of ``design`` as the form holds them (``typed``: key → the value sent); a
    value the design does not offer keeps the one before, or the default."""
    out = {}
    for key, values in OPTIONS.get(design, {}).items():
        value = typed.get(key)
        out[key] = value if value in values else before.get(key, values[0])
    return out


def written(design: str, options: dict[str, str]) -> dict[str, str]:
    """The settings to write: those of ``design`` that differ from their default."""
    return {key: options[key] for key, values in OPTIONS.get(design, {}).items() if options.get(key, values[0]) != values[0]}
