"""Benchmarks (make bench): each figure of the speed targets, side by side with R when R is installed.

Not a test: nothing asserts a time. Each figure is the best of several runs of a fresh process
(start-up included), with its peak memory (max RSS) read from wait4. Results go to stdout and to
bench/results.md.

Every process runs as on a user's machine: Python writes and reads its bytecode caches (a
``PYTHONDONTWRITEBYTECODE`` of the calling shell is left out), so the first run of each command
compiles and the best of the later ones is what a user waits for.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "reportgen" / "examples"
REPORTGEN = [sys.executable, "-m", "reportgen.cli"]
HAS_R = shutil.which("Rscript") is not None and subprocess.run(
    ["Rscript", "-e", "suppressMessages({library(psych); library(car); library(lmtest); library(nortest); library(yaml); library(jsonlite)})"],
    capture_output=True).returncode == 0


USER_ENVIRONMENT = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "PYTHONPATH": str(ROOT)}


def measure(command: list[str], repeat: int = 3) -> tuple[float, float]:
    """(best wall seconds, peak RSS in MB of that run) of a command run in a fresh process."""
    best = (float("inf"), 0.0)
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                env=USER_ENVIRONMENT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        if status != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {proc.stderr.read().decode()[-500:]}")
        best = min(best, (seconds, usage.ru_maxrss / 1024))
    return best


def measure_pair(ours: list[str] | None, theirs: list[str] | None, repeat: int,
                 pair=None) -> tuple[tuple[float, float], tuple[float, float] | None]:
    """Both commands, alternately ``repeat`` times each, so that a machine that speeds up or
    slows down during the benchmark treats them alike; the best of each. ``pair``: two functions
    giving the commands afresh for each run (a new output folder each time)."""
    best_ours, best_theirs = (float("inf"), 0.0), (float("inf"), 0.0)
    for _ in range(repeat):
        if pair is not None:
            ours, theirs = pair[0](), pair[1]()
        best_ours = min(best_ours, measure(ours, 1))
        if theirs is not None:
            best_theirs = min(best_theirs, measure(theirs, 1))
    return best_ours, (best_theirs if theirs is not None else None)


def synthetic_study(folder: Path, n: int, constructs: int = 6, items: int = 5, seed: int = 1) -> Path:
    """A regression study of n respondents: constructs X1..X5 → Y, 5 items each, 1–5 answers."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    names = [f"X{j + 1}" for j in range(constructs - 1)] + ["Y"]
    common = rng.normal(size=n)
    latent = {c: 0.6 * common + 0.8 * rng.normal(size=n) for c in names[:-1]}
    latent["Y"] = sum(0.3 * latent[c] for c in names[:-1]) + rng.normal(size=n)
    columns, header = [], []
    for c in names:
        for i in range(items):
            raw = latent[c] + rng.normal(scale=0.8, size=n)
            columns.append(1 + np.searchsorted(np.quantile(raw, [0.05, 0.2, 0.5, 0.8]), raw))
            header.append(f"{c}_{i + 1}")
    np.savetxt(folder / "responses.csv", np.column_stack(columns), fmt="%d", delimiter=",", header=",".join(header), comments="")
    study = {"study": {"title": f"Synthetic {n}", "year": 2025}, "data": {"path": "responses.csv"}, "scale": {"min": 1, "max": 5},
             "constructs": {c: {"name": c, "items": {f"{c}_{i + 1}": "" for i in range(items)}} for c in names},
             "model": {"type": "regression", "dependent": "Y", "predictors": names[:-1], "score": "sum"}}
    (folder / "study.yaml").write_text(yaml.safe_dump(study, sort_keys=False))
    return folder / "study.yaml"


def row(name: str, ours: tuple[float, float], r: tuple[float, float] | None) -> tuple[str, str, str, str, str]:
    if r is None:
        return (name, f"{ours[0]:.2f} s", f"{ours[1]:.0f} MB", "R not installed", "–")
    return (name, f"{ours[0]:.2f} s", f"{ours[1]:.0f} MB", f"{r[0]:.2f} s, {r[1]:.0f} MB", f"{ours[0] / r[0]:.2f} × time, {ours[1] / r[1]:.2f} × memory")


def main() -> None:
    rows = []
    work = Path(tempfile.mkdtemp(prefix="reportgen-bench-"))
    thesis = EXAMPLES / "luwu-timur"
    stats, r_stats = measure_pair(REPORTGEN + ["run", str(thesis / "study.yaml"), "--out", str(work / "thesis"), "--formats", "json"],
                                  ["Rscript", str(ROOT / "bench" / "r_stats.R"), str(thesis)] if HAS_R else None, 9)
    rows.append(row("Statistics only (json), thesis study, n = 80, 31 items", stats, r_stats))
    for n in (1_000, 10_000, 100_000):
        study = synthetic_study(work / f"n{n}", n)
        ours, theirs = measure_pair(REPORTGEN + ["run", str(study), "--out", str(work / f"out{n}"), "--formats", "json"],
                                    ["Rscript", str(ROOT / "bench" / "r_stats.R"), str(study.parent)] if HAS_R else None,
                                    3 if n < 100_000 else 2)
        rows.append(row(f"Statistics only (json), n = {n:,} × 6 constructs (30 items)", ours, theirs))
    alone = work / "weasyprint-alone"
    alone.mkdir()
    subprocess.run([sys.executable, str(ROOT / "bench" / "weasyprint_alone.py"), "prepare", str(thesis / "study.yaml"), str(alone)],
                   cwd=ROOT, check=True, env=USER_ENVIRONMENT)
    runs = iter(range(100))
    chapter, weasyprint = measure_pair(None, None, 5, pair=(
        lambda: REPORTGEN + ["run", str(thesis / "study.yaml"), "--out", str(work / f"chapter{next(runs)}")],
        lambda: [sys.executable, str(ROOT / "bench" / "weasyprint_alone.py"), str(alone)]))
    rows.append(("Whole chapter (PDF + DOCX + figures + json), thesis study", f"{chapter[0]:.2f} s", f"{chapter[1]:.0f} MB",
                 f"WeasyPrint alone, same HTML → PDF: {weasyprint[0]:.2f} s, {weasyprint[1]:.0f} MB",
                 f"{chapter[0] / weasyprint[0]:.2f} × WeasyPrint alone (target ≤ 1.25)"))
    copies = []
    for k in range(4):
        target = work / "many" / f"s{k}"
        shutil.copytree(thesis, target)
        copies.append(str(target / "study.yaml"))
    parallel = measure(REPORTGEN + ["run", *copies, "--out", str(work / "many-out")], 1)
    serial = measure(REPORTGEN + ["run", *copies, "--out", str(work / "many-serial"), "--jobs", "1"], 1)
    rows.append(("4 thesis chapters in one call (PDF + DOCX + json), 2 processes", f"{parallel[0]:.2f} s", f"{parallel[1]:.0f} MB",
                 f"one process: {serial[0]:.2f} s", f"{serial[0] / parallel[0]:.2f} × faster"))
    rows.append(pls_bootstrap())
    shutil.rmtree(work, ignore_errors=True)

    header = ("measurement", "reportgen", "peak memory", "R (same figures)", "ratio")
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(5)]
    for r in [header] + rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths)))
    lines = ["# Benchmarks", "", f"`make bench` on {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
             f"R: {'installed' if HAS_R else 'not installed'}. Times are the best of several fresh processes, start-up included.", "",
             "| " + " | ".join(header) + " |", "|" + "---|" * 5]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    (ROOT / "bench" / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def pls_bootstrap() -> tuple[str, str, str, str, str]:
    from reportgen.designs.pls.analysis import spec_of
    from reportgen.config import load_study
    from reportgen.data import load_dataset
    from reportgen.stats.pls import estimate
    from reportgen.stats.pls.bootstrap import bootstrap

    study = load_study(EXAMPLES / "corp-rep" / "study.yaml")
    spec = spec_of(study)
    data = load_dataset(study)
    model = estimate(data.items_of(spec.indicators), spec)
    raw = data.answers_of(spec.indicators)
    best = min(_timed(lambda: bootstrap(raw, model, 5000, seed=123)) for _ in range(3))
    return ("PLS bootstrap, corporate reputation, 5000 resamples (in process)", f"{best:.3f} s", "–",
            "seminr: about 40 s on one core (the issue's figure)", "target < 2 s")


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
