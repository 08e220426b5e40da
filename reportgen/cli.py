"""Command line: ``reportgen run``, ``reportgen validate``, ``reportgen init``, ``reportgen serve`` and ``reportgen demo``.

User mistakes (:class:`ReportgenError`, wrong arguments, and OS errors such as a full disk)
are printed as one line on stderr with exit code 2. Ctrl-C, SIGTERM and SIGHUP stop the run
with one line and exit code 128 + the signal (130, 143, 129), leaving no temporary folder and no
process behind. Anything else is a bug and keeps its traceback (exit code 1). The parser is the
standard library's argparse, so that a run starts in milliseconds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reportgen.errors import ProblemList, ReportgenError, os_error_line
from reportgen.interrupt import Interrupted, stopping_cleanly

FORMATS = ("json", "pdf", "docx")  # the default set
MAX_UPLOAD_MB = 1024  # the largest upload limit ``reportgen serve`` takes
ALL_FORMATS = FORMATS + ("html", "xlsx")  # html: the chapter as one self-contained page, for previews; xlsx: SAKIP's scored LKE


class UsageError(Exception):
    """A wrong command line; its message is printed as the one error line."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a wrong argument is one ``error:`` line and exit code 2 (no usage block)."""

    def error(self, message):
        raise UsageError(f"{self.prog}: {message}")


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port; use a whole number from 1 to 65535")
    return int(text)


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of studies; use a whole number of 1 or more")
    return value


def _megabytes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 < value <= MAX_UPLOAD_MB:  # false for nan as for inf
        raise argparse.ArgumentTypeError(f"'{text}' is not an upload limit; use a number of MB above 0 and at most {MAX_UPLOAD_MB}")
    return value


def _host_name(text: str) -> str:
    from reportgen.web.guard import host_name

    try:
        return host_name(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a host name; give a name such as pc.local or an address such as 192.168.1.5, without a port"
        ) from None


def _address(text: str) -> str:
    """An address (or name) to listen on, as given: checked as --allow-host names are."""
    _host_name(text)
    return text.strip()


def _parser() -> argparse.ArgumentParser:
    from reportgen import __version__

    parser = _Parser(prog="reportgen", description="Questionnaire data + a study file → a verified results chapter.")
    parser.add_argument("--version", action="version", version=f"reportgen {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    run = commands.add_parser(
        "run",
        help="Compute every statistic and write the report files; several studies run in parallel.",
        description="Compute every statistic and write the report files; several studies run in parallel.",
    )
    run.add_argument("study_files", nargs="+", type=Path, metavar="STUDY", help="Study YAML files, or folders holding study.yaml files.")
    run.add_argument("--out", type=Path, help="Output folder (default output/<study folder>/; with several studies, DIR/<name>/).")
    run.add_argument("--lang", help="id or en (overrides study.language).")
    run.add_argument(
        "--formats",
        default="json,pdf,docx",
        help="Comma-separated: json, pdf, docx, html, xlsx (default: json,pdf,docx; html is the chapter as one self-contained page for previews; xlsx, for SAKIP studies, the scored LKE workbook).",
    )
    run.add_argument("--jobs", type=_jobs, default=None, help="Studies run at once (default: one per core).")
    validate = commands.add_parser(
        "validate",
        help="Check study files and their data without computing; list every problem found.",
        description="Check study files and their data without computing; list every problem found.",
    )
    validate.add_argument("study_files", nargs="+", type=Path, metavar="STUDY", help="Study YAML files, or folders holding study.yaml files.")
    init = commands.add_parser(
        "init",
        help="Draft a study file from a data file (items, scale, profile columns detected; names left TODO).",
        description="Draft a study file from a data file: items, scale, profile columns and id detected; names left TODO.",
    )
    init.add_argument("data", type=Path, nargs="?", metavar="DATA", help="The answers: .csv, .xlsx or .sav (not with --sakip).")
    init.add_argument(
        "--design", choices=("regression", "path", "pls", "cbsem", "repeated"), default="regression", help="The model (default: regression)."
    )
    init.add_argument("--sheet", help="The workbook's sheet of answers (.xlsx; default: the first).")
    init.add_argument(
        "--out",
        type=Path,
        help="The study file to write (default: study.yaml beside DATA; with --sakip, the "
        "folder for study.yaml and lke.xlsx, default the current one); never replaced.",
    )
    init.add_argument(
        "--sakip",
        choices=("permenpan-rb-88-2021",),
        nargs="?",
        const="permenpan-rb-88-2021",
        default=None,
        help="A SAKIP evaluation on the official LKE: writes study.yaml and lke.xlsx (every criterion, to fill in).",
    )
    serve = commands.add_parser(
        "serve",
        help="The web app: upload data, name the constructs, run, download the chapter.",
        description="The web app on this computer: upload data, name the constructs, run, "
        "preview and download the chapter. Ctrl-C stops it and deletes its session folders.",
    )
    serve.add_argument("--port", type=_port, default=8765, help="Port (default 8765).")
    serve.add_argument("--host", type=_address, default="127.0.0.1", help="Address to listen on (default 127.0.0.1: this computer only).")
    serve.add_argument("--max-upload-mb", type=_megabytes, default=20, help=f"Largest upload in MB (default 20, at most {MAX_UPLOAD_MB}).")
    serve.add_argument(
        "--allow-host",
        action="append",
        type=_host_name,
        default=[],
        metavar="NAME",
        help="Another name this computer is reached by (repeatable); by default the pages answer only "
        "to the --host address and, for this computer, 127.0.0.1, localhost and [::1].",
    )
    serve.add_argument("--max-runs", type=_jobs, default=2, help="Studies run at once (default 2); more wait their turn.")
    demo = commands.add_parser(
        "demo", help="Run the thesis replica in config/examples/luwu-timur.", description="Run the thesis replica in config/examples/luwu-timur."
    )
    demo.add_argument("--out", type=Path, default=Path("output") / "luwu-timur", help="Output folder.")
    demo.add_argument("--lang", help="id or en.")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the exit code (0 done, 2 a user mistake, 128 + n a signal)."""
    parser = _parser()
    try:
        with stopping_cleanly():
            args = parser.parse_args(argv)
            if args.command is None:
                parser.print_help()
                return 2
            return {"run": _run, "validate": _validate, "demo": _demo, "init": _init, "serve": _serve}[args.command](args)
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except ReportgenError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return _reader_gone()
    except OSError as error:
        print(f"error: {os_error_line(error, 'cannot use')}", file=sys.stderr)
        return 2
    except (Interrupted, KeyboardInterrupt) as stop:
        stop = stop if isinstance(stop, Interrupted) else Interrupted(2)
        print(f"reportgen: {stopped_line(stop)}", file=sys.stderr)
        return stop.exit_code


def stopped_line(stop: Interrupted) -> str:
    """What a stopped run says: nothing unfinished was written; the reports that were complete
    when the signal came (a signal during the last step of writing one) are named."""
    if not stop.written:
        return f"stopped by {stop.name}; no unfinished report was written and earlier reports are unchanged"
    done = ", ".join(stop.written)
    which = f"the report in {done} was" if len(stop.written) == 1 else f"the reports in {done} were"
    return (
        f"stopped by {stop.name} after {which} complete (written in full); no unfinished report was written and other earlier reports are unchanged"
    )


def _run(args) -> int:
    from reportgen.batch import study_files_in, tasks_for

    files = study_files_in(args.study_files)
    tasks = tasks_for(files, args.out, args.lang, _parse_formats(args.formats))
    return _report(tasks, args.jobs)


def _init(args) -> int:
    from reportgen.config.draft import draft, study_text, write_new

    if args.sakip:
        from reportgen.designs.sakip.template import write_template

        if args.data is not None:
            raise UsageError("reportgen init --sakip takes no data file: it writes the LKE workbook to fill in")
        for path in write_template(args.out or Path("."), args.sakip):
            print(path)
        return 0
    if args.data is None:
        raise UsageError("reportgen init: give the data file (or --sakip for a SAKIP evaluation)")
    if not args.data.is_file():
        raise UsageError(f"reportgen init: {args.data}: no such data file")
    out = args.out or args.data.parent / "study.yaml"
    found = draft(args.data, args.sheet)
    write_new(out, study_text(found, args.design, out))
    for note in found.notes:
        print(f"note: {note}", file=sys.stderr)
    print(out)
    return 0


def _serve(args) -> int:
    import os
    import socket

    import uvicorn

    from reportgen.web.app import create_app
    from reportgen.web.guard import host_name

    try:  # a port in use is the user's to change: one line, before the server starts
        with socket.create_server((args.host, args.port)):
            pass
    except OSError as error:
        raise UsageError(
            f"reportgen serve: {args.host}:{args.port}: cannot listen ({os.strerror(error.errno) if error.errno else error}); "
            f"give --port another number"
        ) from None
    print(
        f"reportgen: open http://{host_name(args.host)}:{args.port}/ in a browser; Ctrl-C stops the server and deletes its session folders",
        file=sys.stderr,
    )
    app = create_app(args.max_upload_mb, host=args.host, allow_hosts=args.allow_host, max_runs=args.max_runs)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _demo(args) -> int:
    from reportgen.batch import tasks_for
    from reportgen.resources import EXAMPLES

    return _report(tasks_for([EXAMPLES / "luwu-timur" / "study.yaml"], args.out, args.lang, FORMATS), 1)


def _report(tasks, jobs) -> int:
    """Run the tasks; print each outcome (files, or one error line naming the study); the exit code."""
    from reportgen.batch import run_tasks

    single = len(tasks) == 1
    failed = crashed = 0
    outcomes = run_tasks(tasks, jobs)
    try:
        for outcome in outcomes:
            _print_outcome(outcome, single)
            failed += outcome.error is not None
            crashed += not outcome.ok and outcome.error is None
    except Interrupted as stop:  # here while an outcome was printed: the running studies are stopped
        outcomes.throw(stop)  # raised again, naming the reports finished meanwhile
    if not single and (failed or crashed):
        print(f"{failed + crashed} of {len(tasks)} studies failed", file=sys.stderr)
    return 1 if crashed else 2 if failed else 0


def _print_outcome(outcome, single: bool) -> None:
    """The files of a finished study, or its error line (with the traceback of a bug)."""
    study = outcome.task.study
    if outcome.ok:
        assert outcome.report is not None  # what ok means
        for note in outcome.report.notes:
            print(f"note: {note}" if single else f"note: {study}: {note}", file=sys.stderr)
        if single:
            for path in outcome.report.files:
                print(path)
        else:
            count = len(outcome.report.files)
            print(f"{study}: {count} file{'s' if count != 1 else ''} in {outcome.task.target}")
    elif outcome.error is not None:
        print(f"error: {outcome.error}" if single else f"error: {study}: {outcome.error}", file=sys.stderr)
    else:
        print(outcome.detail.rstrip(), file=sys.stderr)
        print(f"error: {study}: {outcome.crash} (a bug in reportgen; the traceback above says where)", file=sys.stderr)


def _validate(args) -> int:
    from reportgen.batch import study_files_in
    from reportgen.pipeline import validate_study

    files = study_files_in(args.study_files)
    failed = 0
    for file in files:
        prefix = f"{file}: " if len(files) > 1 else ""
        try:
            print(validate_study(file))
        except ProblemList as error:
            failed += 1
            for problem in error.problems:
                print(f"error: {prefix}{problem.message}", file=sys.stderr)
            print(f"{prefix}{len(error.problems)} problems found", file=sys.stderr)
        except ReportgenError as error:
            failed += 1
            print(f"error: {prefix}{error.message}", file=sys.stderr)
    return 2 if failed else 0


def _parse_formats(text: str) -> list[str]:
    wanted = [f.strip().lower() for f in text.split(",") if f.strip()]
    for f in wanted:
        if f not in ALL_FORMATS:
            raise ReportgenError(f"--formats: '{f}' is not supported in this version; use {', '.join(ALL_FORMATS)}")
    return wanted or ["json"]


def _reader_gone() -> int:
    """The program reading our output stopped (``reportgen validate … | head``): nothing more is
    written, and the exit code is a shell's for SIGPIPE (141), as for any command in a pipeline."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            os.dup2(devnull, stream.fileno())
        except (OSError, ValueError, AttributeError):  # not a file (a test's captured stream)
            pass
    os.close(devnull)
    return 128 + 13


def console() -> None:  # pragma: no cover - console entry
    code = main()
    try:
        sys.stdout.flush()  # what is still buffered, while a closed pipe can still be told apart
    except BrokenPipeError:
        code = _reader_gone()
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    console()
