"""PLS-SEM as a SmartPLS thesis reports it: outer model, inner model, bootstrapped paths and
indirect effects (Hair et al., 2021)."""

from reportgen.config import pls_paths
from reportgen.designs.survey.design import SurveyDesign


class PlsDesign(SurveyDesign):
    def analyse(self, study, data):
        from reportgen.designs.pls.analysis import analyse_pls

        return analyse_pls(study, data, progress=True)

    def model_line(self, study) -> str:
        return f"model: PLS-SEM, {len(pls_paths(study.config))} paths, {study.config.model.bootstrap} bootstrap resamples"

    def sections(self, builder, results):
        from reportgen.designs.pls.chapter import build_chapter

        return build_chapter(builder, results)

    def to_json(self, study, results, lang: str) -> dict:
        from reportgen.designs.pls.json import results_json

        return results_json(study, results, lang)


DESIGN = PlsDesign()
