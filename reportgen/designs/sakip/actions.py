"""The action written for findings (criteria below the target), in the LHE and in the
recapitulation alike: the study's ``actions:`` for the criteria's sub-component, else the
template in labels.yaml (``lhe.actions``). One finding names its criterion (“…”); several of one
sub-component are named by their LKE numbers, so that one sentence covers them."""

from __future__ import annotations

from reportgen.words.locale import join_list


def action(b, config, findings, name) -> str:
    """The action for one finding or a list of findings of one sub-component; ``name`` gives a
    component's name in the report's language. Templates may use ``{component}``,
    ``{criteria}`` ("kriteria “…”" or "kriteria 1.a.2 dan 1.a.5") and ``{criterion}`` (the
    criterion's text, or the numbers)."""
    group = findings if isinstance(findings, (list, tuple)) else [findings]
    first = group[0]
    own = config.actions.get(first.subcomponent)
    words = b.labels["lhe"]
    templates = words["actions"]
    template = own.get(b.lang) if own is not None else templates.get(first.subcomponent, templates["other"])
    if len(group) == 1:
        criterion = first.criterion.rstrip(".")
        criteria = words["criterion_one"].format(text=criterion)
    else:
        criterion = join_list([f.number or f"“{f.criterion.rstrip('.')}”" for f in group], b.lang)
        criteria = words["criterion_many"].format(numbers=criterion)
    return template.format(component=name(first.component).lower(), criterion=criterion, criteria=criteria)


def finding_action(b, config, finding, name) -> str:
    """The action for one finding: the evaluator's own recommendation when the worksheet has one,
    else :func:`action`."""
    return finding.recommendation or action(b, config, finding, name)
