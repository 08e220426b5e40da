"""The template search path: the study's own folder first, then the built-in language folder.

Templates hold sentences only; they receive numbers already formatted. Every template renders
in Jinja2's SandboxedEnvironment, so a user template cannot reach Python internals.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

BUILTIN = Path(__file__).resolve().parents[2] / "templates"


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
    return env


def render(env: SandboxedEnvironment, template: str, **context: object) -> str:
    """Render one template to a single-spaced line of text."""
    text = env.get_template(template).render(**context)
    return " ".join(text.split())
