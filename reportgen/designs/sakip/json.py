"""results.json of a SAKIP evaluation report: ``sakip.units.<unit>.*`` (with its ``findings``: the
criteria below the target, in the LHE's order), ``sakip.overall.*``, ``sakip.framework`` (the
regulation, its scale and predicate bands) and ``sakip.target``."""

from __future__ import annotations

from typing import Any


def results_json(study, results, lang: str) -> dict[str, Any]:
    """results.json of a SAKIP report: ``sakip.units.<unit>.*`` (``exact_total``: the total as a
    fraction "p/q", from which the predicate is read), ``sakip.overall.*`` and ``sakip.framework``."""
    fw = results.framework
    out = {
        "sakip": {
            "year": results.year,
            "framework": {
                "name": fw.name,
                "regulation": fw.regulation.get(lang),
                "scale_percent": {k: float(v * 100) for k, v in fw.scale.items()},
                "predicates": [{"predicate": p, "above": None if low is None else float(low)} for p, low in fw.bands],
                "boundary": study.config.settings.boundary,
            },
            "target_percent": float(100 * results.target),
            "units": {
                unit: {
                    "total": s.total,
                    "exact_total": str(s.exact),
                    "predicate": results.predicates[unit],
                    "rank": s.rank,
                    "change": s.change,
                    "previous": s.previous,
                    "history": {str(y): t for y, t in s.history.items()},
                    "components": s.components,
                    "subcomponents": s.subcomponents,
                    "total_at_target": float(results.at_target[unit]),
                    "findings": [
                        {
                            "number": f.number,
                            "criterion": f.criterion,
                            "component": f.component,
                            "subcomponent": f.subcomponent,
                            "answer": f.answer,
                            "points_short": f.gain,
                            "existence_gap": f.missing,
                        }
                        for f in results.findings[unit]
                    ],
                }
                for unit, s in results.units.items()
            },
            "overall": {"mean_of_units": results.overall_total, "government_predicate": results.government_predicate},
        },
        "warnings": [],
    }
    return out
