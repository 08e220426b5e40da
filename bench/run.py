"""Benchmarks (make bench): timings on this machine, written to bench/results.md.

Not a test: nothing here asserts a time. Each figure is the best of several runs.
"""

from __future__ import annotations

import platform
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "config" / "examples"


def best_of(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def pls_bootstrap() -> list[tuple[str, str]]:
    from reportgen.analysis_pls import spec_of
    from reportgen.config import load_study
    from reportgen.data import load_dataset
    from reportgen.stats.pls import estimate
    from reportgen.stats.pls.bootstrap import bootstrap

    study = load_study(EXAMPLES / "corp-rep" / "study.yaml")
    spec = spec_of(study)
    data = load_dataset(study)
    x = data.items[spec.indicators].to_numpy(dtype=float)
    raw = data.answers[spec.indicators].to_numpy(dtype=float)
    model = estimate(x, spec)
    rows = []
    for workers in (1, 2):
        seconds = best_of(lambda: bootstrap(raw, model, 5000, seed=123, workers=workers), 3)
        rows.append((f"PLS bootstrap, corporate reputation (n = 344, 10 indicators, blanks re-imputed), 5000 resamples, {workers} thread(s)",
                     f"{seconds:.3f} s"))
    return rows


def main() -> None:
    rows = pls_bootstrap()
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    lines = ["# Benchmarks", "", f"Machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
             f"NumPy {np.__version__}.", "", "| measurement | time |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    (ROOT / "bench" / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
