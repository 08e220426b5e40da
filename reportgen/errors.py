"""User-facing errors.

Every mistake a user can make (a wrong key, a bad cell, a missing file) is raised as a
subclass of :class:`ReportgenError` carrying one line that names the file, the key (with its
line) or the column and row. The CLI prints that line and exits with code 2; anything else
is a bug and keeps its traceback.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager


class ReportgenError(Exception):
    """A user mistake, described in one line (``message``, English, as the CLI prints it).

    A problem the web app shows also has a stable ``code`` and its ``params``: the app words it
    in the user's language from :mod:`reportgen.words.messages` (made with :meth:`coded`)."""

    def __init__(self, message: str, code: str | None = None, params: dict | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.params = dict(params or {})

    @classmethod
    def coded(cls, code: str, **params):
        """The error of catalogue entry ``code`` with ``params``, its message in English."""
        from reportgen.words.messages import worded

        return cls(worded(code, "en", params), code, params)

    def __str__(self) -> str:
        return self.message


class ConfigError(ReportgenError):
    """The study file is malformed or inconsistent."""


class DataError(ReportgenError):
    """The data file cannot be read or holds invalid answers."""


class OutputError(ReportgenError):
    """The output folder cannot be used or written (refused, disk full, permission denied)."""


class AnalysisError(ReportgenError):
    """The data cannot support the requested analysis (too few respondents, collinearity)."""


def os_error_line(exc: OSError, doing: str = "cannot write") -> str:
    """An OS error as one line naming its path: 'output/x/bab5.pdf: cannot write (No space left on device)'."""
    path = exc.filename if exc.filename is not None else "?"
    reason = exc.strerror or exc.__class__.__name__
    return f"{path}: {doing} ({reason})"


@contextmanager
def naming(path) -> Iterator[None]:
    """Give an OS error raised in the block (a write to an open file has no file name) ``path``."""
    try:
        yield
    except OSError as exc:
        if exc.filename is None:
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        raise


def one_or_all(problems: Sequence[ReportgenError]) -> ReportgenError:
    """The single problem itself, or a :class:`ProblemList` of several (to raise)."""
    return problems[0] if len(problems) == 1 else ProblemList(problems)


def did_you_mean(name: str, choices, cutoff: float = 0.6) -> str:
    """``"; did you mean 'X'?"`` for the closest of ``choices`` (difflib), or "" when none is close."""
    import difflib

    near = difflib.get_close_matches(name, list(choices), n=1, cutoff=cutoff)
    return f"; did you mean '{near[0]}'?" if near else ""


class ProblemList(ReportgenError):
    """Several problems found in one pass (used by ``reportgen validate``)."""

    def __init__(self, problems: Sequence[ReportgenError]):
        self.problems = list(problems)
        first = self.problems[0].message if self.problems else "no problems"
        more = len(self.problems) - 1
        message = first if more == 0 else f"{first} (and {more} more problem{'s' if more > 1 else ''})"
        super().__init__(message)
