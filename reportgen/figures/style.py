"""Shared figure style: Agg backend, Times-like serif, 200 dpi."""

from __future__ import annotations

import io
from contextlib import contextmanager
from pathlib import Path

import matplotlib
import numpy as np
from PIL import Image

from reportgen.errors import naming

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
    """The figure as an opaque PNG: greyscale ("L") when it has no colour, else RGB.

    Without the alpha channel Agg writes, the PNG is a third to a quarter of the size, and the
    PDF backend embeds it without splitting off a transparency mask.
    """
    raw = io.BytesIO()
    fig.savefig(raw, format="png", dpi=DPI, bbox_inches="tight", facecolor="white", pil_kwargs={"compress_level": 0})
    plt.close(fig)
    raw.seek(0)
    image = Image.open(raw).convert("RGB")
    pixels = np.asarray(image)
    grey = bool((pixels[..., 0] == pixels[..., 1]).all() and (pixels[..., 1] == pixels[..., 2]).all())
    with naming(path):
        (image.convert("L") if grey else image).save(path, format="PNG", dpi=(DPI, DPI))


class FigureQueue:
    """Figures drawn but not yet written: the chapter can be assembled (and its PDF started)
    while the PNG files are still being encoded."""

    def __init__(self):
        self.jobs: list = []

    def write(self, cores: int = 2) -> None:
        """Write every queued figure; with two cores a forked child writes every second one.

        An OS error in the child (a full disk) is raised here as it was raised there.
        """
        from reportgen.processes import Child, fork_available

        jobs, self.jobs = self.jobs, []
        child = None
        if cores > 1 and len(jobs) > 1 and fork_available():
            theirs, jobs = jobs[1::2], jobs[0::2]
            child = Child(_write_all, (theirs,), name="figure")
        try:
            _write_all(jobs)
            if child is not None:
                child.result()
        except BaseException:
            if child is not None:
                child.stop()
            raise

    def discard(self) -> None:
        """Close the figures that were not written (after an error)."""
        for fig, _ in self.jobs:
            plt.close(fig)
        self.jobs = []


@contextmanager
def deferred_saving():
    """Queue every figure drawn inside the block instead of writing it; yields the
    :class:`FigureQueue`, whose ``write()`` the caller calls when it suits."""
    global _pending
    queue = FigureQueue()
    _pending = queue.jobs
    try:
        yield queue
    except BaseException:
        queue.discard()
        raise
    finally:
        _pending = None


def _write_all(jobs: list) -> None:
    for fig, path in jobs:
        _write(fig, path)
