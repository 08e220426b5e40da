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


def check(path: Path, text: str) -> None:
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        import difflib

        diff = "".join(list(difflib.unified_diff(expected.splitlines(True), text.splitlines(True), str(path), "now", n=1))[:80])
        pytest.fail(f"{path.name} differs from the snapshot:\n{diff}")


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_snapshot(example, lang, tmp_path):
    from reportgen.pipeline import compose
    from reportgen.render.text import render_text

    composed = compose(EXAMPLES / example / "study.yaml", lang)
    check(SNAPSHOTS / f"{example}.{lang}.txt", render_text(composed.document, composed.labels))
    check(SNAPSHOTS / f"{example}.{lang}.json", json.dumps(rounded(composed.payload), ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def test_every_example_has_snapshots():
    names = {p.name.split(".")[0] for p in SNAPSHOTS.glob("*.txt")}
    assert names == set(EXAMPLE_NAMES)
