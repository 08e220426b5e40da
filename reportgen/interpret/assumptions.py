"""Decision rules for the classical assumption tests, each with its citation."""

from __future__ import annotations

VIF_MAX = 10.0
TOLERANCE_MIN = 0.10
VIF_CITATION = "Ghozali, 2018"
DW_CITATION = "Durbin & Watson, 1951; Savin & White, 1977"


def dw_zone(d: float, dl: float | None, du: float | None) -> str | None:
    """Durbin–Watson decision zone.

    ``d < dL``: positive autocorrelation; ``dL <= d <= dU``: inconclusive;
    ``dU < d < 4 - dU``: no autocorrelation; ``4 - dU <= d <= 4 - dL``: inconclusive;
    ``d > 4 - dL``: negative autocorrelation.
    """
    if dl is None or du is None:
        return None
    if d < dl:
        return "positive"
    if d <= du:
        return "inconclusive_positive"
    if d < 4 - du:
        return "none"
    if d <= 4 - dl:
        return "inconclusive_negative"
    return "negative"


def multicollinear(tolerance: float | None, vif: float | None) -> bool:
    """True when tolerance ≤ 0,10 or VIF ≥ 10 (Ghozali, 2018)."""
    return (vif is not None and vif >= VIF_MAX) or (tolerance is not None and tolerance <= TOLERANCE_MIN)
