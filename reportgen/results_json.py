"""results.json: every statistic under the stable keys of docs/results-json.md, floats unrounded.

Each design writes its own keys (``designs/<name>/json.py``); here the values are made plain
(undefined values such as NaN, or a statistic of a constant item, become null) and written. The
file starts with :data:`SCHEMA_VERSION`; docs/schema/results.schema.json describes it.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from reportgen.errors import naming

SCHEMA_VERSION = "1.8"
"""The contract's version: a minor step (1.1) adds keys, a major one (2.0) renames or removes one."""


def clean(value: Any) -> Any:
    """Plain JSON values: str keys, lists for tuples, None for NaN and infinities, Python numbers for NumPy ones."""
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return clean(value.item())
    return value


def write_results(path: Path, data: dict[str, Any]) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    with naming(path):
        path.write_text(text, encoding="utf-8")
