"""The template search path: the study's own folder first, then the built-in language folder.

Templates hold sentences only; they receive numbers already formatted. Every template renders
in a bounded sandbox, so that a user's template folder can neither reach Python internals nor
read outside itself nor hang or exhaust the run:

- files are read only from inside their search folder: a symbolic link that leads elsewhere is
  refused (:class:`ConfinedLoader`), and a template file may have at most 1 MB;
- one template renders in at most 2 seconds (a timer in the main thread; where a run is not in
  a main thread only the bounds below apply) and writes at most 200 000 characters;
- ``range`` stops at 100 000 numbers (Jinja's sandbox), ``*`` cannot build a string or list
  longer than 200 000, ``**`` cannot make a number of more than 10 000 bits, and the filters
  that pad text (``center``, ``indent``, ``wordwrap``, ``format``) take widths up to 1 000;
- any error inside a template (``1/0``, an include of itself, a recursive macro, an unknown
  name) is one line naming the template file and its line.
"""

from __future__ import annotations

import math
import os
import re
import signal
import threading
import traceback
from contextlib import contextmanager
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from reportgen.errors import ReportgenError
from reportgen.resources import TEMPLATES
from reportgen.words.locale import join_list, plural

BUILTIN = TEMPLATES
MAX_SECONDS = 2.0
MAX_OUTPUT = 200_000
MAX_SOURCE = 1_000_000
MAX_BITS = 10_000
MAX_WIDTH = 1_000


class TemplateRefused(TemplateError):
    """A template the sandbox will not read or finish; its message is the reason."""


def significance(p_text: str) -> str:
    """A formatted p value after the word Sig.: '= 0,041', or '< 0,001' as it stands."""
    return p_text if str(p_text).startswith("<") else f"= {p_text}"


def narrative(citation: str) -> str:
    """A parenthetical citation for the running text: 'Hair et al., 2022' → 'Hair et al. (2022)' (APA 7)."""
    author, _, year = str(citation).rpartition(", ")
    return f"{author} ({year})" if author and year[:4].isdigit() else str(citation)


class ConfinedLoader(FileSystemLoader):
    """A FileSystemLoader that reads a file only when it lies, links resolved, inside the folder
    that bounds its search path (``bounds``: search path → folder; the user's templates folder
    for ``mine/id`` as for ``mine``, so that ``mine/id`` cannot be a link to elsewhere either)."""

    def __init__(self, bounds: dict[str, Path]):
        super().__init__(list(bounds))
        self.bounds = {os.path.normpath(path): os.path.realpath(folder) for path, folder in bounds.items()}

    def get_source(self, environment, template):
        contents, filename, uptodate = super().get_source(environment, template)
        search = next(p for p in self.searchpath if filename.startswith(p.rstrip("/") + "/"))
        real, bound = os.path.realpath(filename), self.bounds[os.path.normpath(search)]
        if not real.startswith(bound.rstrip("/") + "/"):
            raise TemplateRefused(f"template {filename}: it is a link to {real}, outside the templates folder; "
                                  "copy the file into the folder instead")
        if len(contents) > MAX_SOURCE:
            raise TemplateRefused(f"template {filename}: {len(contents):,} characters; a template may have at most {MAX_SOURCE:,}")
        return contents, filename, uptodate


class BoundedSandbox(SandboxedEnvironment):
    """Jinja's sandbox with the sizes of ``*`` and ``**`` bounded (see the module docstring)."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0:
            if right * math.log2(abs(left)) > MAX_BITS:
                raise TemplateRefused(f"{left} ** {right} is too large a number for a sentence")
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(sequence, (str, list, tuple)) and isinstance(times, int) and len(sequence) * times > MAX_OUTPUT:
                    raise TemplateRefused(f"a text or list of {len(sequence) * times:,} elements is too long for a sentence")
        return super().call_binop(context, operator, left, right)


def _width_checked(name: str, filter_function, *positions: int):
    """``filter_function`` refusing a width argument (by position or keyword) over MAX_WIDTH."""
    def checked(*args, **kwargs):
        widths = [args[p] for p in positions if p < len(args)] + [v for k, v in kwargs.items() if k in ("width", "first")]
        if any(isinstance(w, int) and w > MAX_WIDTH for w in widths):
            raise TemplateRefused(f"the filter {name} takes a width of at most {MAX_WIDTH}")
        return filter_function(*args, **kwargs)

    return checked


def _format_checked(format_filter):
    def checked(value, *args, **kwargs):
        if any(len(digits) > 3 for digits in re.findall(r"\d+", str(value))):
            raise TemplateRefused(f"the filter format takes widths of at most {MAX_WIDTH}")
        return format_filter(value, *args, **kwargs)

    return checked


def environment(lang: str, user_folder: Path | None = None) -> BoundedSandbox:
    """A bounded sandbox searching ``user_folder/<lang>``, ``user_folder``, the built-in language
    folder, then the built-in ``common`` folder.

    A sentence whose choices are the same in every language has its flow once, in
    ``common/<name>.j2``, which imports the language's sentences (macros) from
    ``<lang>/<name>.words.j2``; a user may override either, or write ``<lang>/<name>.j2`` whole.
    """
    bounds: dict[str, Path] = {}
    if user_folder is not None:
        bounds = {str(user_folder / lang): user_folder, str(user_folder): user_folder}
    bounds[str(BUILTIN / lang)] = BUILTIN
    bounds[str(BUILTIN / "common")] = BUILTIN
    env = BoundedSandbox(
        loader=ConfinedLoader(bounds), undefined=StrictUndefined, autoescape=False,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
    )
    env.filters["sig"] = significance
    env.filters["narrative"] = narrative
    env.filters["and_list"] = lambda items: join_list(items, lang, "and")
    env.filters["or_list"] = lambda items: join_list(items, lang, "or")
    env.filters["plural"] = lambda count, singular, plural_form=None, word_only=False: plural(count, singular, plural_form, lang, word_only)
    for name, positions in (("center", (1,)), ("indent", (1,)), ("wordwrap", (2,))):
        env.filters[name] = _width_checked(name, env.filters[name], *positions)
    env.filters["format"] = _format_checked(env.filters["format"])
    env.globals.pop("lipsum", None)
    return env


def render_raw(env: BoundedSandbox, template: str, **context: object) -> str:
    """Render a template; a broken, unsafe or runaway (user) template is a one-line user error naming it."""
    try:
        loaded = env.get_template(template)
        with _deadline(MAX_SECONDS):
            parts, size = [], 0
            for part in loaded.generate(**context):
                size += len(part)
                if size > MAX_OUTPUT:
                    raise TemplateRefused(f"it writes more than {MAX_OUTPUT:,} characters")
                parts.append(part)
        return "".join(parts)
    except TemplateRefused as exc:
        message = str(exc)
        if message.startswith("template "):
            raise ReportgenError(message) from None
        raise ReportgenError(f"template {_where(env, template, exc)}: {message}") from None
    except SecurityError as exc:
        raise ReportgenError(f"template {_where(env, template, exc)}: not allowed ({exc}); templates may only use the values given to them") from None
    except TemplateSyntaxError as exc:
        raise ReportgenError(f"template {exc.filename or _where(env, template)}, line {exc.lineno}: {exc.message}") from None
    except TemplateNotFound as exc:
        raise ReportgenError(f"template {_where(env, template)}: it includes '{exc.name}', which is not in the templates folder") from None
    except UndefinedError as exc:
        raise ReportgenError(f"template {_where(env, template, exc)}: {exc.message}") from None
    except TemplateError as exc:
        raise ReportgenError(f"template {_where(env, template, exc)}: {exc}") from None
    except RecursionError as exc:
        raise ReportgenError(f"template {_where(env, template, exc)}: it includes or calls itself without end") from None
    except (ArithmeticError, ValueError, TypeError, LookupError, AttributeError, MemoryError) as exc:
        if not _in_user_template(env, exc):
            raise  # a built-in template failing is a bug
        raise ReportgenError(f"template {_where(env, template, exc)}: {exc.__class__.__name__}: {exc}") from None


def render(env: BoundedSandbox, template: str, **context: object) -> str:
    """Render one template to a single-spaced line of text."""
    return " ".join(render_raw(env, template, **context).split())


class _Timeout(Exception):
    """Raised by the timer in :func:`_deadline` (an Exception, so Jinja maps its traceback to template lines)."""


@contextmanager
def _deadline(seconds: float):
    """Raise :class:`TemplateRefused` when the block runs longer than ``seconds`` (main thread only)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum, frame):
        raise _Timeout()

    before = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Timeout as timeout:
        refused = TemplateRefused(f"it ran for more than {seconds:g} seconds (a loop without end?)")
        raise refused.with_traceback(timeout.__traceback__) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


def _template_frames(exc: BaseException, roots: list[str]) -> list:
    """The traceback frames of ``exc`` that are lines of template files under ``roots``."""
    roots = [os.path.abspath(p) for p in roots]
    return [f for f in traceback.extract_tb(exc.__traceback__)
            if any(os.path.abspath(f.filename).startswith(r + os.sep) for r in roots)]


def _in_user_template(env: BoundedSandbox, exc: BaseException) -> bool:
    """True when the innermost template line ``exc`` passed through is in the user's folder."""
    frames = _template_frames(exc, env.loader.searchpath)
    return bool(frames) and not os.path.abspath(frames[-1].filename).startswith(str(BUILTIN) + os.sep)


def _where(env: BoundedSandbox, template: str, exc: BaseException | None = None) -> str:
    """'<file>, line <n>' of the innermost template frame of ``exc``'s traceback; else the file
    ``template`` resolves to (the user's copy when there is one)."""
    if exc is not None and exc.__traceback__ is not None:
        frames = _template_frames(exc, env.loader.searchpath)
        if frames:
            return f"{frames[-1].filename}, line {frames[-1].lineno}"
    for folder in env.loader.searchpath:
        candidate = Path(folder) / template
        if candidate.is_file():
            return str(candidate)
    return template
