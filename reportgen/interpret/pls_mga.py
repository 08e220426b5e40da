"""The verdicts of a PLS multigroup analysis.

Measurement invariance of composites, MICOM (Henseler, Ringle & Sarstedt, 2016), per construct:
'full' when the composite is compositionally invariant (step 2) and its means and variances are
equal across the groups (step 3); 'partial' when only step 2 holds, which suffices to compare the
groups' path coefficients; 'none' when step 2 fails: the construct is formed differently in the
two groups and its paths cannot be compared meaningfully. The model's invariance is its weakest
construct's.

A path's difference between the groups is significant when its permutation p (two-sided) is
below α (Chin & Dibbern, 2010; Hair, Sarstedt, Ringle & Gudergan, 2018, ch. 5). A difference that
is not significant is not evidence that the path is the same in both groups: the data show no
difference larger than the shuffles of the group labels produce.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.interpret.verdict import Rule, Verdict, below
from reportgen.stats.pls.mga import Invariance, MgaResult, PathDifference

MICOM_CITATION = "Henseler et al., 2016"
CITATION = "Chin & Dibbern, 2010"
ORDER = ("full", "partial", "none")


def invariance_level(row: Invariance) -> str:
    if not row.compositional:
        return "none"
    return "full" if row.equal_means and row.equal_variances else "partial"


@dataclass(frozen=True)
class MgaVerdicts:
    invariance: dict[str, Verdict]  # construct → full | partial | none
    model: Verdict  # the weakest construct's
    paths: dict[tuple[str, str], Verdict]  # significant | not_significant

    @property
    def comparable(self) -> bool:
        """Every construct at least partially invariant: the groups' paths may be compared."""
        return self.model.outcome != "none"


def mga_verdicts(result: MgaResult, alpha: float) -> MgaVerdicts:
    rule = Rule("micom", 0.05, MICOM_CITATION)
    invariance = {row.construct: Verdict(invariance_level(row), rule, row.c, row.compositional) for row in result.invariance}
    weakest = max((v.outcome for v in invariance.values()), key=ORDER.index, default="full")
    model = Verdict(weakest, rule, None, weakest != "none")
    paths = {(d.source, d.target): _difference(d, alpha) for d in result.paths}
    return MgaVerdicts(invariance, model, paths)


def _difference(d: PathDifference, alpha: float) -> Verdict:
    return below(d.p, alpha, Rule("permutation_p_two_tailed", alpha, CITATION), "significant", "not_significant")
