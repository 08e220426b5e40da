"""Shared figure style: Agg backend, Times-like serif, 200 dpi."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

DPI = 200
SERIF = ["Liberation Serif", "Times New Roman", "Nimbus Roman", "DejaVu Serif", "serif"]
GREYS = ["#1b1b1b", "#4d4d4d", "#808080", "#b3b3b3", "#d9d9d9", "#eeeeee", "#f7f7f7"]

plt.rcParams.update({
    "font.family": "serif", "font.serif": SERIF, "font.size": 10, "axes.titlesize": 10,
    "axes.linewidth": 0.8, "savefig.dpi": DPI, "figure.dpi": 100, "figure.max_open_warning": 100,
})

_pending: list | None = None


def save(fig, path: Path) -> Path:
    """Write ``fig`` as a PNG, or queue it while :func:`deferred_saving` is active."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if _pending is not None:
        _pending.append((fig, path))
        return path
    _write(fig, path)
    return path


def _write(fig, path: Path) -> None:
    fig.savefig(path, dpi=DPI, bbox_inches="tight", facecolor="white")
    plt.close(fig)


@contextmanager
def deferred_saving():
    """Queue every figure drawn inside the block; on leaving it, write them on two cores:
    a forked child writes every second figure while this process writes the others."""
    global _pending
    _pending = []
    try:
        yield
        jobs, _pending = _pending, None
        _write_in_parallel(jobs)
    finally:
        if _pending:
            for fig, _ in _pending:
                plt.close(fig)
        _pending = None


def _write_in_parallel(jobs: list) -> None:
    import multiprocessing

    child = None
    if len(jobs) > 1 and "fork" in multiprocessing.get_all_start_methods():
        theirs, jobs = jobs[1::2], jobs[0::2]
        child = multiprocessing.get_context("fork").Process(target=_write_all, args=(theirs,))
        child.start()
    _write_all(jobs)
    if child is not None:
        child.join()
        if child.exitcode != 0:
            raise RuntimeError(f"writing figures failed (exit code {child.exitcode})")


def _write_all(jobs: list) -> None:
    for fig, path in jobs:
        _write(fig, path)
