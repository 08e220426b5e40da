"""PLS path modelling (Wold's PLS-PM as in SmartPLS and seminr): estimation, quality, bootstrap."""

from reportgen.stats.pls.algorithm import PlsResult, PlsSpec, estimate

__all__ = ["PlsResult", "PlsSpec", "estimate"]
