"""The linear-regression design's statistics (simple with one predictor, multiple with more):
config + data → :class:`StudyResults`."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from reportgen.config import Study, regression_predictors
from reportgen.config.models import RegressionModel
from reportgen.data import Dataset
from reportgen.designs.regression.explain import Equation, Explained, explained
from reportgen.designs.survey.analysis import Description, HypothesisResult, describe
from reportgen.designs.survey.extras import Extras
from reportgen.designs.survey.extras import extras as compute_extras
from reportgen.designs.survey.terms import Categories, Term, model_terms, terms_of
from reportgen.errors import AnalysisError
from reportgen.interpret.assumptions import AssumptionVerdicts, assumption_verdicts, standard_errors_verdict
from reportgen.interpret.hypotheses import partial_decision, simultaneous_decision
from reportgen.interpret.verdict import Verdict, significance
from reportgen.stats.assumptions import Heteroscedasticity, Normality, heteroscedasticity, normality
from reportgen.stats.critical import f_critical, t_critical
from reportgen.stats.durbin_watson import MIN_DF, DurbinWatson, durbin_watson
from reportgen.stats.regression import R2Change, RegressionResult, check_sample_size, ols, r2_change
from reportgen.stats.residual_plots import ResidualPlots, residual_plots
from reportgen.stats.robust import RobustFit, hc3_covariance, hc3_fit, ols_covariance, wald_f


@dataclass(frozen=True)
class StudyResults:
    described: Description
    regression: RegressionResult
    t_table: float
    f_table: float
    durbin_watson: DurbinWatson
    normality: Normality
    heteroscedasticity: Heteroscedasticity
    assumptions: AssumptionVerdicts
    residual_plots: ResidualPlots
    robust: RobustFit  # the HC3 tests of the coefficients and of all slopes
    standard_errors: Verdict  # 'hc3' or 'ols': which tests decide (settings.robust)
    f_test: Verdict  # significance of the model's F (the HC3 Wald F when HC3 decides)
    hypotheses: dict[str, HypothesisResult]
    extras: Extras
    warnings: list[str]
    explained: Explained  # correlations split into unique and shared parts, score ranges, what explains each result
    mixed: object = None  # reportgen.qualitative.study.MixedResults, with a coded corpus
    terms: tuple[Term, ...] = ()  # every column of the equation, the predictors' then the controls'
    categories: dict[str, Categories] = field(default_factory=dict)  # of each categorical observed variable
    controls: tuple[str, ...] = ()  # model.controls
    controls_only: R2Change | None = None  # with controls: R² of the controls alone, and what the predictors add
    changes: dict[str, R2Change] = field(default_factory=dict)  # by hypothesis tested on a block of terms: what the block adds to R²
    change_f_tables: dict[str, float] = field(default_factory=dict)  # the critical F of each of those changes, by hypothesis
    controls_f_table: float | None = None  # the critical F of what the predictors add to the controls

    @property
    def hypothesised(self) -> list[str]:
        """The terms of the predictors (the equation's terms but the controls')."""
        return [t.key for t in self.terms if t.variable not in self.controls]

    @property
    def compared(self) -> list[str]:
        """The predictors' terms whose β are compared (not a category's: the β of a 0/1 column
        depends on the category's share)."""
        return [t.key for t in self.terms if t.variable not in self.controls and not t.dummy]

    @property
    def simple(self) -> bool:
        """A simple linear regression: one predictor. Its chapter has no multicollinearity test
        (nothing to be collinear with) and no simultaneous F test (F = t² of the one slope)."""
        return len(self.regression.predictors) == 1

    @property
    def uses_hc3(self) -> bool:
        """Whether the t and F tests of the hypotheses use HC3 standard errors."""
        return self.standard_errors.outcome == "hc3"

    def t_test(self, name: str) -> tuple[float, float]:
        """(t, two-sided p) of coefficient ``name`` as the hypotheses are decided: HC3 or OLS."""
        return decisive_t(self.regression, self.robust, self.uses_hc3, name)

    @property
    def f_statistic(self) -> tuple[float, float]:
        """(F, p) of all slopes together as the simultaneous hypothesis is decided: the HC3 Wald F or the OLS F."""
        return decisive_f(self.regression, self.robust, self.uses_hc3)

    @property
    def dw_zone(self) -> str | None:
        zone = self.assumptions.autocorrelation.outcome
        return None if zone == "undefined" else zone

    @property
    def n_used(self) -> int:
        return self.described.n_used

    @property
    def constructs(self):
        return self.described.constructs


def analyse(study: Study, data: Dataset) -> StudyResults:
    """Compute the descriptive, measurement, regression and assumption statistics."""
    config = study.config
    settings = config.settings
    model = config.model
    assert isinstance(model, RegressionModel) and model.dependent is not None  # the regression design; cross_check requires a dependent
    dependent = model.dependent
    warnings: list[str] = []
    n = data.n_used
    k = len(regression_predictors(config)) + len(model.controls)
    check_sample_size(n, k, dependent)
    if n - k - 1 < MIN_DF:
        raise AnalysisError.coded("analysis.residual_df", dependent=dependent, k=k, df=n - k - 1, n=n, least=MIN_DF, respondents=k + 1 + MIN_DF)
    described = describe(study, data, warnings)
    constructs = described.constructs

    variables = regression_predictors(config) + list(model.controls)
    terms, x, categories = model_terms(config, variables, {c: r.scores for c, r in constructs.items()}, data.observed)
    predictors = [t.key for t in terms]
    k = len(predictors)
    if n - k - 1 < MIN_DF:
        raise AnalysisError.coded("analysis.residual_df", dependent=dependent, k=k, df=n - k - 1, n=n, least=MIN_DF, respondents=k + 1 + MIN_DF)
    y = constructs[dependent].scores
    regression = ols(y, x, dependent, predictors)
    t_table = t_critical(settings.alpha, regression.df2, settings.tails)
    f_table = f_critical(settings.alpha, regression.df1, regression.df2)
    dw = durbin_watson(regression.residuals, regression.exog, settings.alpha)
    norm = normality(regression.residuals)
    hetero = heteroscedasticity(regression.residuals, regression.exog, predictors)
    verdicts = assumption_verdicts(regression, norm, hetero, dw, settings.alpha)
    names = ["const", *predictors]
    robust = hc3_fit(regression.exog, regression.residuals, np.array([regression.coefficients[c].b for c in names]), names)
    standard_errors = standard_errors_verdict(settings.robust, verdicts.heteroscedasticity)
    hc3 = standard_errors.outcome == "hc3"
    f, f_p = decisive_f(regression, robust, hc3)
    warnings += _assumption_warnings(regression, norm, hetero, dw, verdicts, settings.alpha)
    more = compute_extras(study, data, {c: r.scores for c, r in constructs.items()}, warnings)
    covariance = hc3_covariance(regression.exog, regression.residuals) if hc3 else ols_covariance(regression.exog, regression.residuals)
    params = np.array([regression.coefficients[c].b for c in names])

    changes: dict[str, R2Change] = {}  # by hypothesis: what its terms add to the equation without them

    def joint(hname: str, keys: list[str]) -> tuple[float, float]:
        """(F, p) of the terms ``keys`` together, by the covariance that decides; what they add to R² kept."""
        others = [j for j, key in enumerate(predictors) if key not in keys]
        changes[hname] = r2_change(ols(y, x[:, others], dependent, [predictors[j] for j in others]), regression)
        return wald_f(params, covariance, [names.index(key) for key in keys], regression.df2)

    hypotheses = {}
    for hname, hyp in config.hypotheses.items():
        if hyp.moderator is not None:
            steps = hyp.steps()
            hypotheses[hname] = HypothesisResult(
                hname, "moderation", (steps[0], hyp.moderator), steps[1], hyp.expect, more.moderation_decisions[hname]
            )
            moderated = more.moderation[hname]
            if len(moderated.interactions) > 1:  # a moderator of three or more categories: the F of its products' block
                changes[hname] = r2_change(moderated.main, moderated.full)
        elif hyp.simultaneous is not None:
            keys = [key for name in hyp.simultaneous for key in terms_of(terms, name)]
            decision = simultaneous_decision(*((f, f_p) if len(keys) == k else joint(hname, keys)), settings.alpha)
            assert hyp.on is not None  # cross_check: a simultaneous hypothesis is on the dependent
            hypotheses[hname] = HypothesisResult(hname, "simultaneous", tuple(hyp.simultaneous), hyp.on, hyp.expect, decision)
        else:
            source, target = hyp.steps()
            keys = terms_of(terms, source)
            if len(keys) == 1:
                decision = partial_decision(*decisive_t(regression, robust, hc3, keys[0]), hyp.expect, settings.alpha, settings.tails)
                hypotheses[hname] = HypothesisResult(hname, "partial", (keys[0],), target, hyp.expect, decision)
            else:
                if hyp.expect != "any":
                    raise AnalysisError.coded("analysis.categories_direction", hypothesis=hname, name=source, count=len(keys) + 1)
                decision = simultaneous_decision(*joint(hname, keys), settings.alpha)
                hypotheses[hname] = HypothesisResult(hname, "categorical", tuple(keys), target, hyp.expect, decision)
    decisive_se = {name: robust.terms[name].se for name in predictors} if hc3 else None
    why = explained(study, described, {dependent: Equation(regression, y, x, decisive_se)}, hypotheses)
    control_keys = [t.key for t in terms if t.variable in model.controls]
    controls_only = None
    if control_keys:
        first = ols(y, x[:, [predictors.index(key) for key in control_keys]], dependent, control_keys)
        controls_only = r2_change(first, regression)
    return StudyResults(
        described=described,
        regression=regression,
        t_table=t_table,
        f_table=f_table,
        durbin_watson=dw,
        normality=norm,
        heteroscedasticity=hetero,
        assumptions=verdicts,
        residual_plots=residual_plots(regression),
        robust=robust,
        standard_errors=standard_errors,
        f_test=significance(f_p, settings.alpha),
        hypotheses=hypotheses,
        extras=more,
        warnings=warnings,
        explained=why,
        terms=tuple(terms),
        categories=categories,
        controls=tuple(model.controls),
        controls_only=controls_only,
        changes=changes,
        change_f_tables={name: f_critical(settings.alpha, c.df1, c.df2) for name, c in changes.items()},
        controls_f_table=f_critical(settings.alpha, controls_only.df1, controls_only.df2) if controls_only else None,
    )


def decisive_t(regression: RegressionResult, robust: RobustFit, hc3: bool, name: str) -> tuple[float, float]:
    """(t, two-sided p) of a coefficient from the HC3 tests or from OLS."""
    if hc3:
        return robust.terms[name].t, robust.terms[name].p
    return regression.coefficients[name].t, regression.coefficients[name].p


def decisive_f(regression: RegressionResult, robust: RobustFit, hc3: bool) -> tuple[float, float]:
    """(F, p) of all slopes together: the HC3 Wald F or the OLS F."""
    return (robust.f, robust.f_p) if hc3 else (regression.f, regression.f_p)


def _assumption_warnings(regression, norm, hetero, dw, verdicts: AssumptionVerdicts, alpha: float) -> list[str]:
    """One line per assumption the verdicts find violated."""
    out = []
    if verdicts.normality.passed is False:
        test = "Kolmogorov-Smirnov (Lilliefors)" if verdicts.normality.rule.name == "lilliefors_p" else "Shapiro-Wilk"
        out.append(f"residuals are not normal: {test} p = {verdicts.normality.value:.3f} < {alpha}")
    for name in regression.predictors:
        coef = regression.coefficients[name]
        if name in verdicts.multicollinearity and verdicts.multicollinearity[name].passed is False:
            out.append(f"multicollinearity: {name} has tolerance {coef.tolerance:.3f} and VIF {coef.vif:.3f}")
        if verdicts.glejser[name].passed is False:
            out.append(f"heteroscedasticity: Glejser test of {name} has p = {hetero.glejser[name].p:.3f} < {alpha}")
    if verdicts.breusch_pagan.passed is False:
        out.append(f"heteroscedasticity: Breusch-Pagan p = {hetero.bp_p:.3f} < {alpha}")
    zone = verdicts.autocorrelation.outcome
    if zone in ("positive", "negative"):
        out.append(f"autocorrelation: Durbin-Watson d = {dw.d:.3f} lies in the {zone} autocorrelation zone")
    elif zone == "inconclusive_positive":
        out.append(f"autocorrelation: Durbin-Watson d = {dw.d:.3f} lies between dL = {dw.dl:.3f} and dU = {dw.du:.3f} (inconclusive)")
    elif zone == "inconclusive_negative":
        out.append(f"autocorrelation: Durbin-Watson d = {dw.d:.3f} lies between 4 - dU = {4 - dw.du:.3f} and 4 - dL = {4 - dw.dl:.3f} (inconclusive)")
    return out
