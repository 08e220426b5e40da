"""Decisions of the classical assumption tests, each a cited rule (Ghozali, 2018, ch. 8).

- Normality of the residuals: Kolmogorov–Smirnov with the Lilliefors correction, normal when
  p ≥ α (Lilliefors, 1967); Shapiro–Wilk and the uncorrected Kolmogorov p are reported beside it.
  Below 5 residuals, where the Lilliefors correction is not defined, Shapiro–Wilk decides.
  When the residuals are not normal, what follows depends on the sample: from 100 respondents the
  t and F tests are approximately valid whatever the residuals' shape (Lumley et al., 2002,
  by the central limit theorem); below that they rest on normal residuals.
- Multicollinearity: tolerance ≤ 0,10 or VIF ≥ 10; not applicable (no verdict) with one predictor.
- Heteroscedasticity: Glejser (|residual| regressed on the predictors, each p ≥ α) and the
  studentized Breusch–Pagan test (Koenker, 1981), one verdict from both: the residuals are
  heteroscedastic when either test rejects homoscedasticity at α (the cautious reading; when the
  two disagree the chapter says so).
- Standard errors: with ``settings.robust: auto`` (the default) the t and F tests use HC3
  standard errors (MacKinnon & White, 1985; Long & Ervin, 2000) when the residuals are
  heteroscedastic, OLS ones otherwise; ``hc3`` always, ``none`` never.
- Autocorrelation: the Durbin–Watson zones with the exact bounds dL, dU (Durbin & Watson, 1951;
  Savin & White, 1977) decide; the exact p on the side of d is a second reading, reported as
  agreeing with the zone or as a second reading that leaves the decision to the bounds.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.interpret.verdict import Rule, Verdict, at_least

VIF_MAX = 10.0
TOLERANCE_MIN = 0.10
VIF_CITATION = "Ghozali, 2018"
DW_CITATION = "Durbin & Watson, 1951; Savin & White, 1977"
NORMALITY_CITATION = "Ghozali, 2018; Lilliefors, 1967"
LARGE_SAMPLE = 100
LARGE_SAMPLE_CITATION = "Lumley et al., 2002"
GLEJSER_CITATION = "Ghozali, 2018; Glejser, 1969"
BP_CITATION = "Breusch & Pagan, 1979; Koenker, 1981"
HETEROSCEDASTICITY_CITATION = "Ghozali, 2018; Glejser, 1969; Koenker, 1981"
ROBUST_CITATION = "Long & Ervin, 2000; MacKinnon & White, 1985"


@dataclass(frozen=True)
class AssumptionVerdicts:
    """Every classical-assumption decision of a regression, made once."""

    normality: Verdict  # the deciding test: Lilliefors from 5 residuals, Shapiro–Wilk below
    large_sample: Verdict  # whether the t and F tests stand without normal residuals (n ≥ 100)
    shapiro: Verdict
    kolmogorov_uncorrected: Verdict
    multicollinearity: dict[str, Verdict]  # by predictor; empty for one predictor (not applicable)
    glejser: dict[str, Verdict]  # by predictor
    breusch_pagan: Verdict
    heteroscedasticity: Verdict  # from both tests: heteroscedastic when either rejects
    autocorrelation: Verdict  # the Durbin–Watson zone ('none', 'positive', …), undefined without bounds
    positive_autocorrelation: Verdict  # the exact (or approximate) p for positive autocorrelation
    negative_autocorrelation: Verdict  # the same for negative autocorrelation (H1: rho < 0)

    @property
    def autocorrelation_side(self) -> str:
        """Which alternative the exact p should answer: 'negative' when d lies above 2, else 'positive'."""
        d = self.autocorrelation.value
        return "negative" if d is not None and d > 2 else "positive"

    @property
    def heteroscedasticity_tests_agree(self) -> bool:
        """Whether Glejser (any predictor) and Breusch–Pagan reach the same decision."""
        glejser_flags = any(v.passed is False for v in self.glejser.values())
        return glejser_flags == (self.breusch_pagan.passed is False)

    @property
    def exact_p_agrees(self) -> bool:
        """Whether the exact p on the side of d says what the bounds zone decided: no autocorrelation
        with p ≥ α, or autocorrelation on that side with p < α. The bounds decide (the table's
        verdict); an exact p that does not agree — always so in an inconclusive zone — is reported
        as a second reading, never as a second decision."""
        exact = self.negative_autocorrelation if self.autocorrelation_side == "negative" else self.positive_autocorrelation
        zone = self.autocorrelation.outcome
        return (zone == "none" and exact.passed is not False) or (zone == self.autocorrelation_side and exact.passed is False)


def normality_verdict(p: float | None, alpha: float, test: str = "lilliefors") -> Verdict:
    """'normal' when the test's p ≥ α."""
    return at_least(p, alpha, Rule(f"{test}_p", alpha, NORMALITY_CITATION), "normal", "not_normal")


def large_sample_verdict(n: int) -> Verdict:
    """'large_sample' from :data:`LARGE_SAMPLE` residuals: the t and F tests are then approximately
    valid without normal residuals (Lumley, Diehr, Emerson & Chen, 2002); else 'small_sample'."""
    return at_least(float(n), LARGE_SAMPLE, Rule("n_at_least", LARGE_SAMPLE, LARGE_SAMPLE_CITATION), "large_sample", "small_sample")


def multicollinearity_verdict(tolerance: float | None, vif: float | None) -> Verdict:
    """'multicollinearity' when tolerance ≤ 0,10 or VIF ≥ 10 (Ghozali, 2018)."""
    rule = Rule("tolerance_vif", VIF_MAX, VIF_CITATION)
    if tolerance is None and vif is None:
        return Verdict("undefined", rule)
    bad = multicollinear(tolerance, vif)
    return Verdict("multicollinearity" if bad else "no_multicollinearity", rule, vif, not bad)


def multicollinear(tolerance: float | None, vif: float | None) -> bool:
    """True when tolerance ≤ 0,10 or VIF ≥ 10 (Ghozali, 2018)."""
    return (vif is not None and vif >= VIF_MAX) or (tolerance is not None and tolerance <= TOLERANCE_MIN)


def glejser_verdict(p: float | None, alpha: float) -> Verdict:
    """'homoscedastic' when the Glejser coefficient's p ≥ α."""
    return at_least(p, alpha, Rule("glejser_p", alpha, GLEJSER_CITATION), "homoscedastic", "heteroscedastic")


def breusch_pagan_verdict(p: float | None, alpha: float) -> Verdict:
    """'homoscedastic' when the studentized Breusch–Pagan p ≥ α."""
    return at_least(p, alpha, Rule("breusch_pagan_p", alpha, BP_CITATION), "homoscedastic", "heteroscedastic")


def heteroscedasticity_verdict(glejser: dict[str, Verdict], breusch_pagan: Verdict, alpha: float) -> Verdict:
    """'heteroscedastic' when the Glejser test of any predictor or the studentized Breusch–Pagan
    test rejects homoscedasticity at α; 'homoscedastic' when neither does (its value: the
    smallest p of the tests)."""
    rule = Rule("glejser_or_breusch_pagan_p", alpha, HETEROSCEDASTICITY_CITATION)
    tests = [*glejser.values(), breusch_pagan]
    if any(v.passed is None for v in tests):
        return Verdict("undefined", rule)
    values = [v.value for v in tests if v.value is not None]
    assert len(values) == len(tests)  # a defined verdict (passed not None) has its value
    smallest = min(values)
    flagged = any(v.passed is False for v in tests)
    return Verdict("heteroscedastic" if flagged else "homoscedastic", rule, smallest, not flagged)


def standard_errors_verdict(setting: str, heteroscedasticity: Verdict) -> Verdict:
    """Which standard errors the t and F tests use: 'hc3' (``robust: hc3``, or ``auto`` with
    heteroscedastic residuals) or 'ols' (``robust: none``, or ``auto`` with homoscedastic ones)."""
    rule = Rule(f"robust_{setting}", None, ROBUST_CITATION)
    robust = setting == "hc3" or (setting == "auto" and heteroscedasticity.passed is False)
    return Verdict("hc3" if robust else "ols", rule, None, None)


def autocorrelation_verdict(d: float, dl: float | None, du: float | None) -> Verdict:
    """The Durbin–Watson zone of ``d`` ('none' passes); undefined without bounds (large n)."""
    zone = dw_zone(d, dl, du)
    rule = Rule("durbin_watson_bounds", None, DW_CITATION)
    if zone is None:
        return Verdict("undefined", rule, d, None)
    return Verdict(zone, rule, d, zone == "none")


def positive_autocorrelation_verdict(p: float | None, alpha: float) -> Verdict:
    """'no_positive_autocorrelation' when the exact p (H1: ρ > 0) ≥ α."""
    return at_least(p, alpha, Rule("durbin_watson_p", alpha, DW_CITATION), "no_positive_autocorrelation", "positive_autocorrelation")


def negative_autocorrelation_verdict(p: float | None, alpha: float) -> Verdict:
    """'no_negative_autocorrelation' when the exact p (H1: ρ < 0) ≥ α."""
    return at_least(p, alpha, Rule("durbin_watson_p_negative", alpha, DW_CITATION), "no_negative_autocorrelation", "negative_autocorrelation")


def dw_zone(d: float, dl: float | None, du: float | None) -> str | None:
    """Durbin–Watson decision zone.

    ``d < dL``: positive autocorrelation; ``dL <= d <= dU``: inconclusive;
    ``dU < d < 4 - dU``: no autocorrelation; ``4 - dU <= d <= 4 - dL``: inconclusive;
    ``d > 4 - dL``: negative autocorrelation.
    """
    if dl is None or du is None:
        return None
    if d < dl:
        return "positive"
    if d <= du:
        return "inconclusive_positive"
    if d < 4 - du:
        return "none"
    if d <= 4 - dl:
        return "inconclusive_negative"
    return "negative"


def assumption_verdicts(regression, norm, hetero, dw, alpha: float) -> AssumptionVerdicts:
    """All decisions about one fitted regression's residuals."""
    return AssumptionVerdicts(
        normality=(
            normality_verdict(norm.ks_p_lilliefors, alpha)
            if norm.ks_p_lilliefors is not None
            else normality_verdict(norm.shapiro_p, alpha, "shapiro_wilk")
        ),
        large_sample=large_sample_verdict(regression.n),
        shapiro=normality_verdict(norm.shapiro_p, alpha, "shapiro_wilk"),
        kolmogorov_uncorrected=normality_verdict(norm.ks_p_asymptotic, alpha, "kolmogorov_asymptotic"),
        multicollinearity={
            name: multicollinearity_verdict(regression.coefficients[name].tolerance, regression.coefficients[name].vif)
            for name in regression.predictors
        }
        if len(regression.predictors) > 1
        else {},
        glejser=(glejser := {name: glejser_verdict(term.p, alpha) for name, term in hetero.glejser.items()}),
        breusch_pagan=(bp := breusch_pagan_verdict(hetero.bp_p, alpha)),
        heteroscedasticity=heteroscedasticity_verdict(glejser, bp, alpha),
        autocorrelation=autocorrelation_verdict(dw.d, dw.dl, dw.du),
        positive_autocorrelation=positive_autocorrelation_verdict(dw.p, alpha),
        negative_autocorrelation=negative_autocorrelation_verdict(dw.p_negative, alpha),
    )
