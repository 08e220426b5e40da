"""Linear regression, as the reference thesis (simple with one predictor, multiple with more):
classical assumptions, t and F tests, R²;
moderation (MRA), simple regressions, correlations and group differences beside it."""

from reportgen.config import regression_predictors
from reportgen.designs.survey.design import SurveyDesign


class RegressionDesign(SurveyDesign):
    package = __name__

    def model_line(self, study) -> str:
        model = study.config.model
        return f"model: {model.dependent} ~ {' + '.join(regression_predictors(study.config))} (score = {model.score})"


DESIGN = RegressionDesign()
