"""Multiple regression, as the reference thesis: classical assumptions, t and F tests, R²;
moderation (MRA), simple regressions, correlations and group differences beside it."""

from reportgen.config import regression_predictors
from reportgen.designs.survey.design import SurveyDesign


class RegressionDesign(SurveyDesign):
    def analyse(self, study, data):
        from reportgen.designs.regression.analysis import analyse

        return analyse(study, data)

    def model_line(self, study) -> str:
        model = study.config.model
        return f"model: {model.dependent} ~ {' + '.join(regression_predictors(study.config))} (score = {model.score})"

    def sections(self, builder, results):
        from reportgen.designs.regression.chapter import build_chapter

        return build_chapter(builder, results)

    def to_json(self, study, results, lang: str) -> dict:
        from reportgen.designs.regression.json import results_json

        return results_json(study, results, lang)


DESIGN = RegressionDesign()
