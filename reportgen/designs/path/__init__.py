"""Path analysis with intervening variables: one OLS per endogenous construct, indirect effects
by Sobel and bootstrap (full, partial or no mediation)."""

from reportgen.config import pls_paths
from reportgen.designs.survey.design import SurveyDesign


class PathDesign(SurveyDesign):
    def analyse(self, study, data):
        from reportgen.designs.path.analysis import analyse_path

        return analyse_path(study, data)

    def model_line(self, study) -> str:
        return (f"model: path analysis (OLS per equation), {len(pls_paths(study.config))} paths, "
                f"{study.config.model.bootstrap} bootstrap resamples")

    def sections(self, builder, results):
        from reportgen.designs.path.chapter import build_chapter

        return build_chapter(builder, results)

    def to_json(self, study, results, lang: str) -> dict:
        from reportgen.designs.path.json import results_json

        return results_json(study, results, lang)


DESIGN = PathDesign()
