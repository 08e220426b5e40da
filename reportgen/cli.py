"""Command line: ``reportgen run`` and ``reportgen validate``.

User mistakes (:class:`ReportgenError`) are printed as one line on stderr with exit code 2;
anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from reportgen.errors import ProblemList, ReportgenError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, help="Questionnaire data + a study file → a verified results chapter.")

FORMATS = ("json", "pdf", "docx")


def _fail(error: ReportgenError, all_problems: bool = False) -> None:
    if isinstance(error, ProblemList) and all_problems:
        for problem in error.problems:
            typer.echo(f"error: {problem.message}", err=True)
        typer.echo(f"{len(error.problems)} problems found", err=True)
    else:
        typer.echo(f"error: {error.message}", err=True)
    raise typer.Exit(code=2)


@app.command()
def run(
    study_files: list[Path] = typer.Argument(..., help="Study YAML files, or folders holding study.yaml files."),
    out: Optional[Path] = typer.Option(None, "--out", help="Output folder (default output/<study file name>/; with several studies, DIR/<name>/)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="id or en (overrides study.language)."),
    formats: str = typer.Option("json,pdf,docx", "--formats", help="Comma-separated: json, pdf, docx."),
    jobs: int = typer.Option(0, "--jobs", help="Studies run at once (default: one per core)."),
) -> None:
    """Compute every statistic and write the report files; several studies run in parallel."""
    from reportgen.pipeline import run_many, run_study, study_files_in

    try:
        wanted = _parse_formats(formats)
        files = study_files_in(study_files)
        if len(files) == 1:
            target = out if out is not None else Path("output") / files[0].stem
            written = run_study(files[0], target, lang=lang, formats=wanted)
            for path in written:
                typer.echo(str(path))
            return
    except ReportgenError as error:
        _fail(error)
    root = out if out is not None else Path("output")
    failed = 0
    for study, outcome in run_many(files, root, lang, wanted, jobs or None):
        if isinstance(outcome, str):
            failed += 1
            typer.echo(f"error: {outcome}", err=True)
        else:
            typer.echo(f"{study}: {len(outcome)} files in {outcome[0].parent if outcome else root}")
    if failed:
        typer.echo(f"{failed} of {len(files)} studies failed", err=True)
        raise typer.Exit(code=2)


@app.command()
def validate(study_file: Path = typer.Argument(..., help="The study YAML file.")) -> None:
    """Check the study file and its data without computing; list every problem found."""
    from reportgen.pipeline import validate_study

    try:
        summary = validate_study(study_file)
    except ReportgenError as error:
        _fail(error, all_problems=True)
    typer.echo(summary)


@app.command()
def demo(
    out: Path = typer.Option(Path("output") / "luwu-timur", "--out", help="Output folder."),
    lang: Optional[str] = typer.Option(None, "--lang", help="id or en."),
) -> None:
    """Run the thesis replica in config/examples/luwu-timur."""
    from reportgen.pipeline import EXAMPLES, run_study

    try:
        written = run_study(EXAMPLES / "luwu-timur" / "study.yaml", out, lang=lang, formats=list(FORMATS))
    except ReportgenError as error:
        _fail(error)
    for path in written:
        typer.echo(str(path))


def _parse_formats(text: str) -> list[str]:
    wanted = [f.strip().lower() for f in text.split(",") if f.strip()]
    for f in wanted:
        if f not in FORMATS:
            raise ReportgenError(f"--formats: '{f}' is not supported in this version; use {', '.join(FORMATS)}")
    return wanted or ["json"]


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
