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
    study_file: Path = typer.Argument(..., help="The study YAML file."),
    out: Optional[Path] = typer.Option(None, "--out", help="Output folder (default output/<study file name>/)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="id or en (overrides study.language)."),
    formats: str = typer.Option("json,pdf,docx", "--formats", help="Comma-separated: json, pdf, docx."),
) -> None:
    """Compute every statistic and write the report files."""
    from reportgen.pipeline import run_study

    try:
        wanted = _parse_formats(formats)
        target = out if out is not None else Path("output") / study_file.stem
        written = run_study(study_file, target, lang=lang, formats=wanted)
    except ReportgenError as error:
        _fail(error)
    for path in written:
        typer.echo(str(path))


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
