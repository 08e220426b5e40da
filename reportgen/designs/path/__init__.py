"""Path analysis with intervening variables: one OLS per endogenous construct, indirect effects
by Sobel and bootstrap (full, partial or no mediation)."""

from reportgen.config import pls_paths
from reportgen.designs.survey.design import SurveyDesign


class PathDesign(SurveyDesign):
    package = __name__

    def model_line(self, study) -> str:
        return f"model: path analysis (OLS per equation), {len(pls_paths(study.config))} paths, {study.config.model.bootstrap} bootstrap resamples"


DESIGN = PathDesign()
