"""The published contracts: the study file's JSON Schemas are the ones generated from its models,
every example study file validates against them, and every example's results.json against
docs/schema/results.schema.json with the current schema_version (docs/results-json.md)."""

from __future__ import annotations

import datetime
import json

import jsonschema
import pytest
from helpers import EXAMPLES, ROOT

from reportgen.config.yaml_lines import load_with_lines
from reportgen.results_json import SCHEMA_VERSION
from reportgen.schema import study_schemas

SCHEMAS = ROOT / "docs" / "schema"
STUDIES = sorted(p.parent.name for p in EXAMPLES.glob("*/study.yaml"))


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def as_json(value):
    """A study file's values as JSON has them (a YAML date is a string)."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value.isoformat() if isinstance(value, datetime.date) else value


def study_file(example: str) -> dict:
    path = EXAMPLES / example / "study.yaml"
    return as_json(load_with_lines(path.read_text(encoding="utf-8"), path.name)[0])


def errors(instance: dict, name: str) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in jsonschema.Draft202012Validator(schema(name)).iter_errors(instance)]


def test_the_committed_study_schemas_are_the_generated_ones():
    for name, generated in study_schemas().items():
        assert schema(name) == json.loads(json.dumps(generated)), f"{name}: run `python -m reportgen.schema docs/schema`"


@pytest.mark.parametrize("example", STUDIES)
def test_every_example_study_file_validates_against_its_schema(example):
    data = study_file(example)
    assert errors(data, "sakip.schema.json" if data.get("kind") == "sakip" else "study.schema.json") == []


def test_the_schema_refuses_what_reportgen_validate_refuses():
    data = study_file("luwu-timur")
    data["model"]["dependant"] = data["model"].pop("dependent")  # a typo
    data["scale"]["max"] = "five"
    found = errors(data, "study.schema.json")
    assert "['scale', 'max']: 'five' is not of type 'integer'" in found
    assert any(e.startswith("['model']: ") and "is not valid under any of the given schemas" in e for e in found)  # no model type has 'dependant'
    assert len(found) == 2


@pytest.mark.parametrize("example", STUDIES)
def test_every_example_results_json_follows_the_contract(example, tmp_path):
    from reportgen.pipeline import run_study

    run_study(EXAMPLES / example / "study.yaml", tmp_path, formats=("json",))
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert next(iter(results)) == "schema_version" and results["schema_version"] == SCHEMA_VERSION
    assert errors(results, "results.schema.json") == []
