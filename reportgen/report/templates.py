"""The template search path: the study's own folder first, then the built-in language folder.

Templates hold sentences only; they receive numbers already formatted. Every template renders
in Jinja2's SandboxedEnvironment, so a user template cannot reach Python internals.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from reportgen.errors import ReportgenError

BUILTIN = Path(__file__).resolve().parents[2] / "templates"


def significance(p_text: str) -> str:
    """A formatted p value after the word Sig.: '= 0,041', or '< 0,001' as it stands."""
    return p_text if str(p_text).startswith("<") else f"= {p_text}"


def environment(lang: str, user_folder: Path | None = None) -> SandboxedEnvironment:
    """A sandboxed environment searching ``user_folder/<lang>``, ``user_folder``, then built-ins."""
    paths: list[str] = []
    if user_folder is not None:
        paths += [str(user_folder / lang), str(user_folder)]
    paths.append(str(BUILTIN / lang))
    env = SandboxedEnvironment(
        loader=FileSystemLoader(paths), undefined=StrictUndefined, autoescape=False,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
    )
    env.filters["sig"] = significance
    return env


def render_raw(env: SandboxedEnvironment, template: str, **context: object) -> str:
    """Render a template; a broken or unsafe (user) template is a one-line user error naming it."""
    try:
        loaded = env.get_template(template)
        return loaded.render(**context)
    except SecurityError as exc:
        raise ReportgenError(f"template {_where(env, template)}: not allowed ({exc}); templates may only use the values given to them") from None
    except TemplateSyntaxError as exc:
        raise ReportgenError(f"template {_where(env, template)}, line {exc.lineno}: {exc.message}") from None
    except UndefinedError as exc:
        raise ReportgenError(f"template {_where(env, template)}: {exc.message}") from None
    except TemplateError as exc:
        raise ReportgenError(f"template {_where(env, template)}: {exc}") from None


def render(env: SandboxedEnvironment, template: str, **context: object) -> str:
    """Render one template to a single-spaced line of text."""
    return " ".join(render_raw(env, template, **context).split())


def _where(env: SandboxedEnvironment, template: str) -> str:
    """The file a template name resolves to (the user's copy when there is one)."""
    for folder in env.loader.searchpath:
        candidate = Path(folder) / template
        if candidate.is_file():
            return str(candidate)
    return template
