"""The action written for a finding (a criterion below full marks), in the LHE and in the
recapitulation alike: the study's ``actions:`` for the criterion's sub-component, else the
template in labels.yaml (``lhe.actions``)."""

from __future__ import annotations


def action(b, config, finding, name) -> str:
    """One finding's action; ``name`` gives a component's name in the report's language."""
    own = config.actions.get(finding.subcomponent)
    templates = b.labels["lhe"]["actions"]
    template = own.get(b.lang) if own is not None else templates.get(finding.subcomponent, templates["other"])
    return template.format(component=name(finding.component).lower(), criterion=finding.criterion.rstrip("."))
