"""A study run for the web app: ``python -m reportgen.web.worker STUDY TARGET``.

The same :func:`reportgen.pipeline.run_study` as ``reportgen run``, in a process of its own so
that the server keeps answering and a stopped session stops its run (SIGTERM: the run removes
its temporary folder and child processes, as on the command line). Writes one JSON object per
line on stdout: ``{"stage": …}`` as each stage begins, then ``{"files": […], "notes": […]}``,
or ``{"error": "one line"}`` (exit code 2).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FORMATS = ("json", "pdf", "docx", "html")


def _say(**message) -> None:
    print(json.dumps(message, ensure_ascii=False), flush=True)


def main(argv: list[str]) -> int:
    from reportgen.errors import ReportgenError, os_error_line
    from reportgen.interrupt import Interrupted, stopping_cleanly
    from reportgen.pipeline import run_study

    study, target = map(Path, argv)
    try:
        with stopping_cleanly():
            report = run_study(study, target, formats=FORMATS, progress=lambda stage: _say(stage=stage))
    except ReportgenError as error:
        _say(error=error.message)
        return 2
    except OSError as error:
        _say(error=os_error_line(error, "cannot use"))
        return 2
    except Interrupted as stop:
        return stop.exit_code
    _say(files=[p.name for p in report.files], notes=list(report.notes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
