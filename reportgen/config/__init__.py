"""The study file: models, loading with line numbers, cross-field checks."""

from reportgen.config.checks import model_constructs, model_observed, pls_paths, regression_predictors
from reportgen.config.load import AnyStudy, SakipStudy, Study, StudyFile, load_study
from reportgen.config.models import StudyConfig

__all__ = [
    "AnyStudy",
    "SakipStudy",
    "Study",
    "StudyConfig",
    "StudyFile",
    "load_study",
    "model_constructs",
    "model_observed",
    "pls_paths",
    "regression_predictors",
]
