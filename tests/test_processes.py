"""Processes started when a run begins (reportgen.processes.Standby): they prepare at once, work
when given work, end when not, and bring their errors back to the run."""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
import pytest

from reportgen.figures import FigureJob
from reportgen.processes import Child, Standby, standing_by
from reportgen.report.document import Figure


def _note_pid(folder: Path) -> None:
    """Write this process's id, whole (a reader polling for the file never sees it empty)."""
    (folder / "prepared.part").write_text(str(os.getpid()))
    os.replace(folder / "prepared.part", folder / "prepared")


def _sum(a: int, b: int) -> int:
    return a + b


def _histogram(path: str, shift: float) -> Figure:
    residuals = np.array([0.1, -0.2, 0.3, -0.1, 0.05, 0.2, -0.3, shift])
    return Figure(
        key=path,
        number="1",
        title="t",
        path=Path(path),
        width=0.6,
        kind="histogram",
        data={"zresid": residuals, "xlabel": "x", "ylabel": "y", "mean_label": "Mean", "sd_label": "SD"},
    )


def _ended(job: Standby, seconds: float = 3.0) -> bool:
    deadline = time.monotonic() + seconds
    while job.child.process.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    return not job.child.process.is_alive()


def test_a_standby_prepares_before_it_is_given_work_then_returns_its_result(tmp_path):
    job = Standby(lambda: _note_pid(tmp_path), _sum, "test")
    deadline = time.monotonic() + 5
    while not (tmp_path / "prepared").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert int((tmp_path / "prepared").read_text()) == job.child.pid != os.getpid()
    job.give(2, 3)
    assert job.result() == 5


def test_a_standby_given_no_work_ends_when_the_block_ends():
    with standing_by(Standby(lambda: None, _sum, "test"), None) as (job, nothing):
        assert nothing is None and job.child.process.is_alive()
    assert _ended(job)


def test_a_failing_block_stops_every_standby_even_one_with_work():
    with pytest.raises(ZeroDivisionError), standing_by(Standby(lambda: None, time.sleep, "test")) as (job,):
        job.give(60)
        1 / 0
    assert _ended(job)


def test_a_disk_error_in_the_figure_process_is_raised_in_the_run(tmp_path):
    (tmp_path / "figures").write_text("a file where the folder goes")
    figure = _histogram("figures/histogram.png", 0.0)
    job = FigureJob()
    job.draw([figure], tmp_path, "en")
    with pytest.raises(OSError) as raised:
        job.finish()
    assert raised.value.filename == str(tmp_path / "figures")


def test_the_figure_process_writes_every_figure(tmp_path):
    figures = [_histogram(f"figures/h{k}.png", k) for k in range(3)]
    job = FigureJob()
    job.draw(figures, tmp_path, "id")
    job.finish()
    assert sorted(p.name for p in (tmp_path / "figures").iterdir()) == ["h0.png", "h1.png", "h2.png"]
    assert all(p.stat().st_size > 1000 for p in (tmp_path / "figures").iterdir())


def test_a_stopped_child_hands_back_the_answer_it_had_sent():
    """A study that finished while its run was being stopped: the run still learns that its
    report was written (and names it in the line that ends the run)."""
    child = Child(_sum, (2, 3), name="test")
    deadline = time.monotonic() + 5
    while child.process.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert child.stop() == ("ok", 5)
    sleeping = Child(time.sleep, (60,), name="test")
    assert sleeping.stop() is None
