"""results.json of a SAKIP evaluation report: ``sakip.units.<unit>.*`` and ``sakip.overall.*``."""

from __future__ import annotations

from typing import Any


def results_json(study, results, lang: str) -> dict[str, Any]:
    """results.json of a SAKIP report: ``sakip.units.<unit>.*`` and ``sakip.overall.*``."""
    out = {
        "sakip": {
            "year": results.year,
            "units": {
                unit: {
                    "total": s.total, "predicate": results.predicates[unit], "rank": s.rank, "change": s.change,
                    "previous": s.previous, "history": {str(y): t for y, t in s.history.items()},
                    "components": s.components, "subcomponents": s.subcomponents,
                }
                for unit, s in results.units.items()
            },
            "overall": {"mean_of_units": results.overall_total, "government_predicate": results.government_predicate},
        },
        "warnings": [],
    }
    return out
