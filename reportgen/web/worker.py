"""A study run for the web app: ``python -m reportgen.web.worker STUDY TARGET SERVER_PID``.

The same :func:`reportgen.pipeline.run_study` as ``reportgen run``, in a process of its own so
that the server keeps answering and a stopped session stops its run (SIGTERM: the run removes
its temporary folder and child processes, as on the command line). Writes one JSON object per
line on stdout: ``{"stage": …}`` as each stage begins, then ``{"files": […], "notes": […]}``,
or ``{"error": "one line"}`` (exit code 2).

The worker never outlives the server: a thread checks every :data:`WATCH_SECONDS` that its
parent is still the process ``SERVER_PID`` and, once the server is gone (killed, even by
SIGKILL), sends this process SIGTERM, which stops the run as cleanly as the server's own stop
would. The check is on the process, not on the thread that started the worker (as Linux's
``PR_SET_PDEATHSIG`` is), so any of the server's threads may start it.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

FORMATS = ("json", "pdf", "docx", "html")
WATCH_SECONDS = 0.5


def _say(**message) -> None:
    print(json.dumps(message, ensure_ascii=False), flush=True)


def end_with_parent(parent: int, every: float = WATCH_SECONDS) -> threading.Thread:
    """Start the thread that sends this process SIGTERM once ``parent`` is no longer its parent."""
    from reportgen.interrupt import parent_alive

    def watch() -> None:
        while parent_alive(parent):
            time.sleep(every)
        os.kill(os.getpid(), signal.SIGTERM)

    thread = threading.Thread(target=watch, name="reportgen-parent-watch", daemon=True)
    thread.start()
    return thread


def main(argv: list[str]) -> int:
    from reportgen.errors import ReportgenError, os_error_line
    from reportgen.interrupt import Interrupted, stopping_cleanly
    from reportgen.words.messages import Localized, in_language

    study, target, parent = Path(argv[0]), Path(argv[1]), int(argv[2])
    try:
        with stopping_cleanly():
            end_with_parent(parent)  # after the handler: its SIGTERM stops the run cleanly
            from reportgen.pipeline import run_study  # the slow imports, already watched

            report = run_study(study, target, formats=FORMATS, progress=lambda stage: _say(stage=stage))
    except ReportgenError as error:
        _say(error=error.message, error_id=in_language(error, "id"))
        return 2
    except OSError as error:
        _say(error=os_error_line(error, "cannot use"))
        return 2
    except Interrupted as stop:
        return stop.exit_code
    _say(
        files=[p.name for p in report.files],
        notes=[str(note) for note in report.notes],
        notes_id=[note.get("id") if isinstance(note, Localized) else str(note) for note in report.notes],
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
