"""The template search path: the study's own folder first, then the built-in language folder.

Templates hold sentences only; they receive numbers already formatted. Every template renders
in a bounded sandbox, so that a user's template folder can neither reach Python internals nor
read outside itself nor hang or exhaust the run:

- files are read only from inside their search folder: a symbolic link that leads elsewhere is
  refused (:class:`ConfinedLoader`), and a template file may have at most 1 MB;
- where the study has a templates folder, one template renders in at most 2 seconds of the
  process's CPU time (``ITIMER_PROF``, in the main thread; where a run is not in a main thread
  or the system has no such timer only the bounds below apply). CPU time, not the clock: a
  loaded machine, or a run stopped and continued, never fails a valid template; the built-in
  templates, which are ours, have no timer;
- a template writes at most 200 000 characters, and no operation in it makes a longer text or
  list (:mod:`reportgen.words.sandbox`: ``*``, ``**``, ``+``, ``%``, ``~``, padding methods and
  filters are measured before they run); ``range`` stops at 100 000 numbers (Jinja's sandbox);
- any error inside a template (``1/0``, an include of itself, a recursive macro, an unknown
  name) is one line naming the template file and its line.
"""

from __future__ import annotations

import os
import signal
import threading
import traceback
from contextlib import contextmanager
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError, nodes
from jinja2.runtime import Macro
from jinja2.sandbox import SecurityError

from reportgen.errors import ReportgenError
from reportgen.resources import TEMPLATES
from reportgen.words.italics import CLOSE, OPEN, strip_marks
from reportgen.words.locale import CONJUNCTIONS, join_list, number_words, plural
from reportgen.words.sandbox import MAX_SIZE, BoundedSandbox, TemplateRefused

BUILTIN = TEMPLATES
MAX_SECONDS = 2.0
MAX_OUTPUT = MAX_SIZE
MAX_SOURCE = 1_000_000


def significance(p_text: str) -> str:
    """A formatted p value after the word Sig.: '= 0,041', or '< 0,001' as it stands."""
    return p_text if str(p_text).startswith("<") else f"= {p_text}"


def compared(p_text: str, relation: str, alpha: object) -> str:
    """A p value set against alpha after the word Sig.: '= 0,012 < 0,05'; a bound stands alone
    ('< 0,001', not '< 0,001 < 0,05'), because 'p < 0.001' already says it is below any alpha
    a thesis uses."""
    text = str(p_text)
    return text if text.startswith("<") else f"= {text} {relation} {alpha}"


def narrative(citation: str, lang: str = "en") -> str:
    """A parenthetical citation for the running text (APA 7 §8.11): 'Hair et al., 2022' → 'Hair
    et al. (2022)', 'Durbin & Watson, 1951' → 'Durbin and Watson (1951)' ('dan' in Indonesian);
    several works 'A, 2000; B, 2001' → 'A (2000) and B (2001)'."""
    parts = []
    for part in str(citation).split("; "):
        author, _, year = part.rpartition(", ")
        if not (author and year[:4].isdigit()):
            return str(citation)
        word = CONJUNCTIONS[lang]["and"]
        author = author.replace(", & ", f", {word} ").replace(" & ", f" {word} ")
        parts.append(f"{author} ({year})")
    return join_list(parts, lang)


def counted(count, singular: str, plural_form: str | None, lang: str) -> str:
    """A count in prose with its noun, the count in words where EYD V and APA 7 want it:
    'sepuluh informan', 'six themes', '12 themes'. ``count`` as printed ('1.234' is 1234)."""
    number = int(str(count).replace(".", "").replace(",", "").replace("\u202f", "").replace(" ", ""))
    return f"{number_words(number, lang)} {plural(count, singular, plural_form, lang, word_only=True)}"


def cite(lang: str):
    """The templates' ``cite``: ``{{ cite("braun2006") }}`` → '(Braun & Clarke, 2006)',
    ``{{ cite("zhao2010", narrative=True) }}`` → 'Zhao et al. (2010)', from the built-in
    bibliography (:mod:`reportgen.literature.methods`); several keys, several works."""

    def citation(*keys: str, narrative: bool = False) -> str:
        from reportgen.literature.methods import cite as cite_methods
        from reportgen.literature.methods import methods

        unknown = [str(key) for key in keys if key not in methods()]
        if unknown or not keys:  # a one-line error naming the template, as any template mistake
            raise UndefinedError(
                f"cite(): {', '.join(unknown) or 'no key'} is not a work of reportgen's built-in bibliography (reportgen/literature/methods.bib)"
            )
        return cite_methods(keys, narrative=narrative, lang=lang)

    return citation


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
            raise TemplateRefused(f"template {filename}: it is a link to {real}, outside the templates folder; copy the file into the folder instead")
        if len(contents) > MAX_SOURCE:
            raise TemplateRefused(f"template {filename}: {len(contents):,} characters; a template may have at most {MAX_SOURCE:,}")
        return contents, filename, uptodate


class Made(str):
    """A macro's output: text a template wrote (its own substituted values marked inside)."""


class MarkedSandbox(BoundedSandbox):
    """The bounded sandbox, marking every value a template substitutes (``{{ name }}``) with
    :data:`~reportgen.words.italics.OPEN` … :data:`~reportgen.words.italics.CLOSE`, so that the
    words the template wrote itself can be told from the study's (:mod:`reportgen.words.italics`).

    Not marked, being the template's own words: a string literal of a template (``{{ "uji dua
    arah" if two else … }}``), a macro's output (its values are marked inside it) and a text
    holding marks (a macro's output kept by ``{% set %}`` or ``|string``). Anything else — a
    value given to the template, what a filter or ``~`` makes of it, a citation — is marked.
    Only while :func:`render_marked` renders (``marking``): a template rendered directly is plain."""

    def __init__(self, **options):
        super().__init__(**options)
        self.literals: set[str] = set()  # the string literals of every template parsed so far
        self.marking = False

    def _parse(self, source, name, filename):
        tree = super()._parse(source, name, filename)
        self.literals.update(node.value for node in tree.find_all(nodes.Const) if isinstance(node.value, str))
        return tree

    def _finalize(self, value):
        super()._finalize(value)
        if not self.marking or isinstance(value, Made) or (isinstance(value, str) and (value in self.literals or OPEN in value)):
            return value
        return f"{OPEN}{value}{CLOSE}"

    def call(__self, __context, __obj, *args, **kwargs):
        result = super().call(__context, __obj, *args, **kwargs)
        return Made(result) if isinstance(__obj, Macro) and isinstance(result, str) else result


def environment(lang: str, user_folder: Path | None = None) -> MarkedSandbox:
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
    env = MarkedSandbox(
        loader=ConfinedLoader(bounds),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.timed = user_folder is not None  # the user's templates have a time limit; ours need none
    env.filters["sig"] = significance
    env.filters["sig_vs"] = compared
    env.filters["narrative"] = lambda citation: narrative(citation, lang)
    env.globals["cite"] = cite(lang)
    env.filters["and_list"] = lambda items: join_list(items, lang, "and")
    env.filters["or_list"] = lambda items: join_list(items, lang, "or")
    env.filters["plural"] = lambda count, singular, plural_form=None, word_only=False: plural(count, singular, plural_form, lang, word_only)
    env.filters["words"] = lambda count: number_words(int(count), lang)  # EYD V / APA 7: small counts in letters
    env.filters["counted"] = lambda count, singular, plural_form=None: counted(count, singular, plural_form, lang)
    env.globals.pop("lipsum", None)
    return env


def render_raw(env: MarkedSandbox, template: str, **context: object) -> str:
    """Render a template; a broken, unsafe or runaway (user) template is a one-line user error naming it."""
    return strip_marks(render_marked(env, template, **context))


def render_marked(env: MarkedSandbox, template: str, **context: object) -> str:
    """:func:`render_raw` with the substituted values marked (:class:`MarkedSandbox`)."""
    marking, env.marking = env.marking, True
    try:
        loaded = env.get_template(template)
        with _deadline(MAX_SECONDS if env.timed else None):
            parts, size = [], 0
            for part in loaded.generate(**context):
                size += len(part) - part.count(OPEN) - part.count(CLOSE)  # the marks are not written
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
    finally:
        env.marking = marking


def render(env: MarkedSandbox, template: str, **context: object) -> str:
    """Render one template to a single-spaced line of text."""
    return " ".join(render_raw(env, template, **context).split())


class _Timeout(Exception):
    """Raised by the timer in :func:`_deadline` (an Exception, so Jinja maps its traceback to template lines)."""


@contextmanager
def _deadline(seconds: float | None):
    """Raise :class:`TemplateRefused` once the block has used ``seconds`` of CPU time (the
    process's, user and system: ``ITIMER_PROF``); no limit for None, outside the main thread or
    where the system has no such timer."""
    if seconds is None or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "ITIMER_PROF"):
        yield
        return

    def expired(signum, frame):
        raise _Timeout()

    before = signal.signal(signal.SIGPROF, expired)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    except _Timeout as timeout:
        refused = TemplateRefused(f"it ran for more than {seconds:g} seconds of processor time (a loop without end?)")
        raise refused.with_traceback(timeout.__traceback__) from None
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, before)


def _template_frames(exc: BaseException, roots: list[str]) -> list:
    """The traceback frames of ``exc`` that are lines of template files under ``roots``."""
    roots = [os.path.abspath(p) for p in roots]
    return [f for f in traceback.extract_tb(exc.__traceback__) if any(os.path.abspath(f.filename).startswith(r + os.sep) for r in roots)]


def _searchpath(env: BoundedSandbox) -> list[str]:
    """The folders ``env`` loads templates from (its :class:`ConfinedLoader`'s, :func:`environment`)."""
    assert isinstance(env.loader, FileSystemLoader)
    return env.loader.searchpath


def _in_user_template(env: BoundedSandbox, exc: BaseException) -> bool:
    """True when the innermost template line ``exc`` passed through is in the user's folder."""
    frames = _template_frames(exc, _searchpath(env))
    return bool(frames) and not os.path.abspath(frames[-1].filename).startswith(str(BUILTIN) + os.sep)


def _where(env: BoundedSandbox, template: str, exc: BaseException | None = None) -> str:
    """'<file>, line <n>' of the innermost template frame of ``exc``'s traceback; else the file
    ``template`` resolves to (the user's copy when there is one)."""
    if exc is not None and exc.__traceback__ is not None:
        frames = _template_frames(exc, _searchpath(env))
        if frames:
            return f"{frames[-1].filename}, line {frames[-1].lineno}"
    for folder in _searchpath(env):
        candidate = Path(folder) / template
        if candidate.is_file():
            return str(candidate)
    return template
