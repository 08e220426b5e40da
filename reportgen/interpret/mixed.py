"""Meta-inferences of a mixed-methods study: what the qualitative themes say of each hypothesis's
quantitative result, decided once here and read by the joint display and the discussion.

Fetters, Curry & Creswell (2013, "Achieving integration in mixed methods designs") name three
fits of the two strands: **confirmation** (both say the same), **expansion** (the themes add
to the result without agreeing or disagreeing: its context or mechanism) and **discordance**
(they disagree). The study file states how a theme speaks to a hypothesis (``supports`` the
effect, ``contradicts`` it, or gives its ``context``); with the hypothesis's decision:

=============  ===========  ============
stance         accepted     rejected
=============  ===========  ============
supports       confirms     discordant
contradicts    discordant   confirms
context        expands      expands
=============  ===========  ============

A hypothesis with several themes is discordant when any theme is, else confirmed when any
theme confirms it, else expanded.
"""

from __future__ import annotations

from reportgen.interpret.verdict import Rule, Verdict

CITATION = "Fetters et al., 2013"
RULE = Rule("meta_inference", None, CITATION)


def meta_inference(stance: str, supported: bool) -> Verdict:
    """The fit of one theme (``stance``) with one hypothesis's decision (``supported``)."""
    if stance == "context":
        outcome = "expands"
    else:
        outcome = "confirms" if (stance == "supports") == supported else "discordant"
    return Verdict(outcome, RULE, None, outcome != "discordant")


def joint_inference(verdicts: list[Verdict]) -> Verdict:
    """The fit of all the themes that speak to one hypothesis (see the module docstring)."""
    outcomes = {v.outcome for v in verdicts}
    outcome = "discordant" if "discordant" in outcomes else "confirms" if "confirms" in outcomes else "expands"
    return Verdict(outcome, RULE, None, outcome != "discordant")
