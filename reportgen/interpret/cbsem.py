"""The verdicts of a CB-SEM study: the measurement model (loadings, AVE, CR, discriminant
validity) and the fit of the measurement and structural models, each by its cited rule.

- **Loadings**: a standardised loading of at least .50 is acceptable, .70 or more ideal (Hair et
  al., 2019, ch. 13); an indicator below .50 is reported as such, not removed.
- **Convergent validity**: AVE ≥ .50 (Fornell & Larcker, 1981); **construct reliability**
  CR ≥ .70 (Hair et al., 2019).
- **Discriminant validity**: √AVE of each construct above its correlation with every other
  (Fornell & Larcker, 1981), and HTMT below .85 (Henseler et al., 2015; the point estimate).
- **Fit** (Hu & Bentler, 1999, the two-index strategy's cut-offs): CFI ≥ .95, TLI ≥ .95,
  RMSEA ≤ .06, SRMR ≤ .08; χ² is reported with its p, not decided on alone, since it grows with
  N (Hair et al., 2019); χ²/df ≤ 3 (Hair et al., 2019). RMSEA is read with its 90% interval
  (Browne & Cudeck, 1993).
- A path is significant when the p of its z (AMOS's C.R.) is below α.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reportgen.interpret.verdict import Rule, Verdict, at_least, below

CITATION = "Hair et al., 2019"
FORNELL = "Fornell & Larcker, 1981"
HTMT_CITATION = "Henseler et al., 2015"
FIT_CITATION = "Hu & Bentler, 1999"
LOADING_MIN = 0.5
LOADING_IDEAL = 0.7
AVE_MIN = 0.5
CR_MIN = 0.7
HTMT_MAX = 0.85
FIT_CUTOFFS = {"cfi": 0.95, "tli": 0.95, "rmsea": 0.06, "srmr": 0.08}  # Hu & Bentler (1999)
CHISQ_DF_MAX = 3.0


@dataclass(frozen=True)
class FitVerdicts:
    chisq: Verdict  # the exact-fit test: 'fit' when p ≥ α (reported, not decisive)
    chisq_df: Verdict
    cfi: Verdict
    tli: Verdict
    rmsea: Verdict
    srmr: Verdict

    @property
    def good(self) -> bool:
        """The model fits by the two-index strategy: CFI (or TLI) and SRMR, and RMSEA, within the cut-offs."""
        return bool(self.cfi.passed and self.tli.passed and self.rmsea.passed and self.srmr.passed)


@dataclass(frozen=True)
class MeasurementVerdicts:
    loadings: dict[tuple[str, str], Verdict]  # (construct, item)
    ave: dict[str, Verdict]
    cr: dict[str, Verdict]
    fornell_larcker: dict[str, Verdict]
    htmt: dict[tuple[str, str], Verdict]


def fit_verdicts(fit, alpha: float) -> FitVerdicts:
    """Each fit index against its cut-off (see the module docstring)."""
    ratio = fit.chisq / fit.df if fit.df > 0 else float("nan")
    return FitVerdicts(
        chisq=at_least(fit.p, alpha, Rule("chisq_p", alpha, CITATION), "fit", "misfit"),
        chisq_df=at_most(ratio, CHISQ_DF_MAX, Rule("chisq_df_max", CHISQ_DF_MAX, CITATION)),
        cfi=at_least(fit.cfi, FIT_CUTOFFS["cfi"], Rule("cfi_min", FIT_CUTOFFS["cfi"], FIT_CITATION), "fit", "misfit"),
        tli=at_least(fit.tli, FIT_CUTOFFS["tli"], Rule("tli_min", FIT_CUTOFFS["tli"], FIT_CITATION), "fit", "misfit"),
        rmsea=at_most(fit.rmsea, FIT_CUTOFFS["rmsea"], Rule("rmsea_max", FIT_CUTOFFS["rmsea"], FIT_CITATION)),
        srmr=at_most(fit.srmr, FIT_CUTOFFS["srmr"], Rule("srmr_max", FIT_CUTOFFS["srmr"], FIT_CITATION)),
    )


def at_most(value: float, threshold: float, rule: Rule) -> Verdict:
    """'fit' when ``value`` ≤ ``threshold``, else 'misfit'."""
    if value != value:
        return Verdict("undefined", rule, None, None)
    return Verdict("fit" if value <= threshold else "misfit", rule, value, value <= threshold)


def loading_verdict(value: float) -> Verdict:
    """'valid' at .50 or more (Hair et al., 2019), else 'invalid'."""
    return at_least(value, LOADING_MIN, Rule("std_loading_min", LOADING_MIN, CITATION), "valid", "invalid")


def measurement_verdicts(cfa, correlations: np.ndarray, htmt: np.ndarray) -> MeasurementVerdicts:
    """The loadings, AVE, CR and discriminant validity of the CFA ``cfa``; ``correlations`` the
    latent correlations and ``htmt`` the HTMT matrix (upper triangle), both in construct order."""
    names = list(cfa.measurement)
    loadings = {(c, i): loading_verdict(cfa.loading(c, i).std) for c, items in cfa.measurement.items() for i in items}
    ave = {c: at_least(r.ave, AVE_MIN, Rule("ave_min", AVE_MIN, FORNELL), "valid", "invalid") for c, r in cfa.reliability.items()}
    cr = {c: at_least(r.cr, CR_MIN, Rule("cr_min", CR_MIN, CITATION), "reliable", "unreliable") for c, r in cfa.reliability.items()}
    fornell = {}
    for i, c in enumerate(names):
        root = float(np.sqrt(cfa.reliability[c].ave))
        largest = max((abs(correlations[i, j]) for j in range(len(names)) if j != i), default=0.0)
        fornell[c] = Verdict("valid" if root > largest else "invalid", Rule("fornell_larcker", None, FORNELL), root, root > largest)
    rule = Rule("htmt_max", HTMT_MAX, HTMT_CITATION)
    pairs = {
        (names[i], names[j]): below(float(htmt[i, j]), HTMT_MAX, rule, "valid", "invalid")
        for i in range(len(names))
        for j in range(i + 1, len(names))
    }
    return MeasurementVerdicts(loadings, ave, cr, fornell, pairs)
