"""Repeated measures: the same respondents measured two or more times (a pre-test and a post-test,
and later), compared by the paired t or Wilcoxon test, or the repeated-measures ANOVA or
Friedman's test, every pair with Holm's adjustment, each change with its effect size."""

from reportgen.designs.survey.design import SurveyDesign


class RepeatedDesign(SurveyDesign):
    package = __name__

    def model_line(self, study) -> str:
        model = study.config.model
        tests = {"parametric": "paired t / repeated-measures ANOVA", "nonparametric": "Wilcoxon / Friedman"}
        return f"model: repeated measures {' -> '.join(model.measures)} ({tests[study.config.settings.repeated_test]}, score = {model.score})"

    def to_json(self, study, results, lang: str) -> dict:
        """The design's own results.json: the questionnaire designs' effects, limitations and
        conclusions keys (:meth:`SurveyDesign.to_json`) are those of a model of predictors."""
        return self.module("json").results_json(study, results, lang)


DESIGN = RepeatedDesign()
