"""Every example's chapter (as text) and results.json, in both languages, against the files in
tests/snapshots/: a change of wording or of a number shows in review as a diff.

After an intended change: ``UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshots.py``, then
read the diff of tests/snapshots/ before committing it.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest
from conftest import EXAMPLES
from helpers import composed_example

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
EXAMPLE_NAMES = sorted(p.parent.name for p in EXAMPLES.glob("*/study.yaml"))
UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"


def rounded(value):
    """Floats to 10 significant digits: the last bits of a float may differ between BLAS builds."""
    if isinstance(value, float):
        return value if not math.isfinite(value) or value == 0 else float(f"{value:.10g}")
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v) for v in value]
    return value


def close(a, b, rel: float = 1e-9) -> bool:
    """The same JSON values, numbers equal to ``rel`` (a library's last-digit change is no change)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k], rel) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(close(x, y, rel) for x, y in zip(a, b))
    if isinstance(a, float | int) and isinstance(b, float | int) and not isinstance(a, bool) and not isinstance(b, bool):
        return math.isclose(a, b, rel_tol=rel, abs_tol=1e-12)
    return type(a) is type(b) and a == b


def check(path: Path, text: str) -> None:
    """``text`` against the snapshot at ``path``: a missing snapshot fails (UPDATE_SNAPSHOTS=1 writes
    it); a JSON snapshot's numbers compare to a relative 1e-9."""
    if UPDATE:
        path.write_text(text, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"{path.name}: no snapshot; write it with UPDATE_SNAPSHOTS=1 and review it")
    expected = path.read_text(encoding="utf-8")
    if path.suffix == ".json" and close(json.loads(text), json.loads(expected)):
        return
    if text != expected:
        import difflib

        diff = "".join(list(difflib.unified_diff(expected.splitlines(True), text.splitlines(True), str(path), "now", n=1))[:80])
        pytest.fail(f"{path.name} differs from the snapshot:\n{diff}")


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_snapshot(example, lang, tmp_path):
    from reportgen.render.text import render_text

    composed = composed_example(example, lang)
    check(SNAPSHOTS / f"{example}.{lang}.txt", render_text(composed.document, composed.labels))
    check(SNAPSHOTS / f"{example}.{lang}.json", json.dumps(rounded(composed.payload), ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def test_snapshot_numbers_compare_with_a_tolerance_and_nothing_else_does():
    assert close({"b": [1.0000000001, "x"]}, {"b": [1.0, "x"]})
    assert not close({"b": [1.00001, "x"]}, {"b": [1.0, "x"]}) and not close({"b": [True]}, {"b": [1]})
    assert not close({"a": 1}, {"b": 1}) and not close([1.0, 2.0], [1.0])


def test_every_example_has_snapshots():
    names = {p.name.split(".")[0] for p in SNAPSHOTS.glob("*.txt")}
    assert names == set(EXAMPLE_NAMES)
