"""PLS-SEM as a SmartPLS thesis reports it: outer model, inner model, bootstrapped paths and
indirect effects (Hair et al., 2021)."""

from reportgen.config import pls_paths
from reportgen.designs.survey.design import SurveyDesign


class PlsDesign(SurveyDesign):
    package = __name__

    def model_line(self, study) -> str:
        return f"model: PLS-SEM, {len(pls_paths(study.config))} paths, {study.config.model.bootstrap} bootstrap resamples"


DESIGN = PlsDesign()
