"""JSON Schemas of the files reportgen reads and writes, for editors and other tools.

- the study file of a questionnaire study and of a SAKIP evaluation: generated from their pydantic
  models (:class:`~reportgen.config.models.StudyConfig`, :class:`~reportgen.config.sakip.SakipConfig`),
  so they cannot drift from what ``reportgen validate`` accepts;
- results.json: written by hand in ``docs/schema/results.schema.json``, the contract of
  ``docs/results-json.md`` (its version is :data:`reportgen.results_json.SCHEMA_VERSION`).

``python -m reportgen.schema docs/schema`` writes the two generated schemas; a test checks that the
committed files are the generated ones.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def study_schemas() -> dict[str, dict]:
    """File name → schema of each kind of study file."""
    from reportgen.config.models import StudyConfig
    from reportgen.config.sakip import SakipConfig

    out = {}
    for name, model, title in (
        ("study.schema.json", StudyConfig, "reportgen study file (questionnaire study)"),
        ("sakip.schema.json", SakipConfig, "reportgen study file (SAKIP evaluation, kind: sakip)"),
    ):
        schema = model.model_json_schema(mode="validation")
        out[name] = {"$schema": DIALECT, "title": title, **{k: v for k, v in schema.items() if k != "title"}}
    return out


def write(folder: Path) -> list[Path]:
    """Write the generated schemas into ``folder``; the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in study_schemas().items():
        path = folder / name
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    for path in write(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/schema")):
        print(path)
