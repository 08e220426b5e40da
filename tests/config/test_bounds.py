"""Every number in a study file that sizes work is bounded (reportgen.config.bounds): one line
naming the line and key, exit code 2, before any work (the issue: ``max: 1000000000`` validated
and the run was killed at 23 GB)."""

from __future__ import annotations

import pytest
from helpers import base, example_variant, invoke, write_study

from reportgen.config import bounds


def _items(count: int) -> dict:
    return {f"Z.{k}": "a" for k in range(1, count + 1)}


def _many_constructs(config):
    config["constructs"] |= {f"C{k}": {"name": f"C{k}", "items": {f"C{k}.1": "a"}} for k in range(bounds.MAX_CONSTRUCTS)}


def _many_items(config):
    config["constructs"] |= {f"C{k}": {"name": f"C{k}", "items": {f"C{k}.{j}": "a" for j in range(1, 100)}} for k in range(6)}


CASES = [
    (
        "scale of a billion points",
        lambda c: c["scale"].update(max=1_000_000_000),
        "line 9, key scale: the scale 1–1000000000 has 1,000,000,000 points",
    ),
    ("twelve points", lambda c: c["scale"].update(min=0, max=11), "the scale 0–11 has 12 points; a rating scale has at most 11"),
    ("a year of 5000 digits", None, "study.yaml, line 4: a number of 5,000 characters"),
    (
        "items in one construct",
        lambda c: c["constructs"]["X1"].update(items=_items(101)),
        "key constructs.X1.items: Dictionary should have at most 100 items",
    ),
    ("constructs", _many_constructs, "key constructs: Dictionary should have at most 60 items"),
    ("items in all", _many_items, "key constructs: the constructs have 603 items in all; a study may have at most 500"),
    ("profile columns", lambda c: c.update(respondents=[{"column": "jk"}] * 31), "key respondents: List should have at most 30 items"),
    (
        "categories",
        lambda c: c["respondents"][0].update(order=[str(k) for k in range(101)]),
        "key respondents.0.order: List should have at most 100 items",
    ),
    (
        "hypotheses",
        lambda c: c.update(hypotheses={f"H{k}": {"path": "X1 -> Y"} for k in range(101)}),
        "key hypotheses: Dictionary should have at most 100 items",
    ),
    ("comparisons", lambda c: c.update(compare=["jk"] * 21), "key compare: List should have at most 20 items"),
    (
        "bootstrap",
        lambda c: c.update(model={"type": "path", "paths": ["X1 -> Y"], "bootstrap": 10**6}),
        "key model.bootstrap: Input should be less than or equal to 100000",
    ),
]


@pytest.mark.parametrize("name,edit,expected", CASES, ids=[c[0] for c in CASES])
def test_a_size_beyond_its_bound_is_one_line(tmp_path, name, edit, expected):
    if edit is None:
        text = write_study(tmp_path, base()).read_text().replace("year: 2024", "year: " + "9" * 5000)
        study = write_study(tmp_path, text=text)
    else:
        config = base()
        edit(config)
        study = write_study(tmp_path, config)
    for command in ("validate", "run"):
        result = invoke([command, study, "--out", tmp_path / "out"] if command == "run" else [command, study])
        assert result.exit_code == 2, result.output
        assert expected in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_the_widest_scale_allowed_runs(tmp_path):
    config = base()
    config["scale"] = {"min": 0, "max": 10}
    result = invoke(["validate", write_study(tmp_path, config)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "key,value,expected",
    [
        (
            "components",
            {f"K{k}": {"weight": 5, "subcomponents": {"a": {"share": 1}}} for k in range(21)},
            "key components: Dictionary should have at most 20 items",
        ),
        ("team", [{"name": "A", "role": "Anggota"}] * 51, "key team: List should have at most 50 items"),
    ],
)
def test_sakip_sizes_are_bounded(tmp_path, key, value, expected):
    study = example_variant("sakip-luwu-timur", tmp_path, lambda c: c.update({key: value}))
    result = invoke(["validate", study])
    assert result.exit_code == 2 and expected in result.stderr, result.output


def test_a_sakip_year_outside_1900_to_2100_is_one_line(tmp_path):
    study = example_variant("sakip-luwu-timur", tmp_path, lambda c: c["study"].update(year=20245))
    result = invoke(["validate", study])
    assert result.exit_code == 2 and "key study.year: Input should be less than or equal to 2100" in result.stderr


def test_a_sakip_worksheet_of_too_many_units_is_one_line(tmp_path):
    import csv

    rows = [["unit", "component", "subcomponent", "criterion", "answer"]]
    rows += [[f"Unit {k}", "perencanaan", "pemenuhan", "c1", "Y"] for k in range(bounds.MAX_UNITS + 1)]
    with open(tmp_path / "lke.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    study = example_variant("sakip-luwu-timur", tmp_path, lambda c: c.update(answers={"path": str(tmp_path / "lke.csv")}))
    result = invoke(["validate", study])
    assert result.exit_code == 2 and "lke.csv: 1,001 units; a report takes at most 1000" in result.stderr, result.output


def test_a_corpus_of_too_many_informants_is_one_line(tmp_path, monkeypatch):
    import shutil

    from helpers import EXAMPLES

    monkeypatch.setattr(bounds, "MAX_INFORMANTS", 3)  # the example has ten
    shutil.copytree(EXAMPLES / "mixed-methods", tmp_path / "s")
    result = invoke(["run", tmp_path / "s" / "study.yaml", "--out", tmp_path / "o", "--formats", "json"])
    assert result.exit_code == 2 and ": 10 informants; a study may have at most 3" in result.stderr, result.output
