"""Command line: ``reportgen run``, ``reportgen validate`` and ``reportgen demo``.

User mistakes (:class:`ReportgenError`, and wrong arguments) are printed as one line on stderr
with exit code 2; anything else is a bug and keeps its traceback. The parser is the standard
library's argparse, so that a run starts in milliseconds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reportgen.errors import ProblemList, ReportgenError

FORMATS = ("json", "pdf", "docx")


class UsageError(Exception):
    """A wrong command line; its message is printed as the one error line."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a wrong argument is one ``error:`` line and exit code 2 (no usage block)."""

    def error(self, message):
        raise UsageError(f"{self.prog}: {message}")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="reportgen", description="Questionnaire data + a study file → a verified results chapter.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    run = commands.add_parser("run", help="Compute every statistic and write the report files; several studies run in parallel.",
                              description="Compute every statistic and write the report files; several studies run in parallel.")
    run.add_argument("study_files", nargs="+", type=Path, metavar="STUDY", help="Study YAML files, or folders holding study.yaml files.")
    run.add_argument("--out", type=Path, help="Output folder (default output/<study file name>/; with several studies, DIR/<name>/).")
    run.add_argument("--lang", help="id or en (overrides study.language).")
    run.add_argument("--formats", default="json,pdf,docx", help="Comma-separated: json, pdf, docx (default: all three).")
    run.add_argument("--jobs", type=int, default=0, help="Studies run at once (default: one per core).")
    validate = commands.add_parser("validate", help="Check the study file and its data without computing; list every problem found.",
                                   description="Check the study file and its data without computing; list every problem found.")
    validate.add_argument("study_file", type=Path, metavar="STUDY", help="The study YAML file.")
    demo = commands.add_parser("demo", help="Run the thesis replica in config/examples/luwu-timur.",
                               description="Run the thesis replica in config/examples/luwu-timur.")
    demo.add_argument("--out", type=Path, default=Path("output") / "luwu-timur", help="Output folder.")
    demo.add_argument("--lang", help="id or en.")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the exit code (0 done, 2 a user mistake)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 2
        return {"run": _run, "validate": _validate, "demo": _demo}[args.command](args)
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except ReportgenError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return 2


def _run(args) -> int:
    from reportgen.pipeline import run_many, run_study, study_files_in

    wanted = _parse_formats(args.formats)
    files = study_files_in(args.study_files)
    if len(files) == 1:
        target = args.out if args.out is not None else Path("output") / files[0].stem
        for path in run_study(files[0], target, lang=args.lang, formats=wanted):
            print(path)
        return 0
    root = args.out if args.out is not None else Path("output")
    failed = 0
    for study, outcome in run_many(files, root, args.lang, wanted, args.jobs or None):
        if isinstance(outcome, str):
            failed += 1
            print(f"error: {outcome}", file=sys.stderr)
        else:
            print(f"{study}: {len(outcome)} files in {outcome[0].parent if outcome else root}")
    if failed:
        print(f"{failed} of {len(files)} studies failed", file=sys.stderr)
        return 2
    return 0


def _validate(args) -> int:
    from reportgen.pipeline import validate_study

    try:
        summary = validate_study(args.study_file)
    except ProblemList as error:
        for problem in error.problems:
            print(f"error: {problem.message}", file=sys.stderr)
        print(f"{len(error.problems)} problems found", file=sys.stderr)
        return 2
    print(summary)
    return 0


def _demo(args) -> int:
    from reportgen.pipeline import EXAMPLES, run_study

    for path in run_study(EXAMPLES / "luwu-timur" / "study.yaml", args.out, lang=args.lang, formats=list(FORMATS)):
        print(path)
    return 0


def _parse_formats(text: str) -> list[str]:
    wanted = [f.strip().lower() for f in text.split(",") if f.strip()]
    for f in wanted:
        if f not in FORMATS:
            raise ReportgenError(f"--formats: '{f}' is not supported in this version; use {', '.join(FORMATS)}")
    return wanted or ["json"]


def console() -> None:  # pragma: no cover - console entry
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    console()
