"""Covariance-based SEM (AMOS / lavaan style): a confirmatory factor analysis of the constructs'
indicators, then the structural paths between the latent variables, by maximum likelihood."""

from reportgen.config import pls_paths
from reportgen.designs.survey.design import SurveyDesign


class CbsemDesign(SurveyDesign):
    package = __name__

    def model_line(self, study) -> str:
        return f"model: covariance-based SEM (maximum likelihood), {len(pls_paths(study.config))} structural paths"


DESIGN = CbsemDesign()
