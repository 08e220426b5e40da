"""YAML loading that remembers where every key was written.

PyYAML's composer gives each node its start mark; we walk the node tree once and build both
the plain Python value and a map ``(key, key, ...) -> line`` so that every config error can
name the line the user must fix. YAML 1.1's ``on/off/yes/no`` booleans are switched off:
``on: Y`` in a hypothesis is a key named "on", as a reader expects.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from reportgen.errors import ConfigError

Path = tuple[Any, ...]


class _StudyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader (libyaml's when PyYAML has it) whose booleans are only true/false (YAML 1.2 style)."""


_StudyLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StudyLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def load_with_lines(text: str, filename: str) -> tuple[Any, dict[Path, int]]:
    """Parse YAML text; return (value, {path: 1-based line}).

    Raises
    ------
    ConfigError
        On a syntax error, naming the file and line.
    """
    try:
        node = yaml.compose(text, Loader=_StudyLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f", line {mark.line + 1}" if mark is not None else ""
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem and exc.context_mark is not None and exc.context_mark is not mark:
            problem += f" ({exc.context} that starts on line {exc.context_mark.line + 1})"
        raise ConfigError(f"{filename}{line}: YAML syntax error: {problem}") from None
    except yaml.YAMLError as exc:  # pragma: no cover - other parser failures
        raise ConfigError(f"{filename}: YAML syntax error: {exc}") from None
    lines: dict[Path, int] = {}
    if node is None:
        return None, lines
    loader = _StudyLoader("")
    try:
        value = _build(node, (), lines, loader, filename)
    finally:
        loader.dispose()
    return value, lines


def _build(node: yaml.Node, path: Path, lines: dict[Path, int], loader: _StudyLoader, filename: str) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _build(key_node, path + ("<key>",), {}, loader, filename)
            if isinstance(key, (dict, list)):
                raise ConfigError(f"{filename}, line {key_node.start_mark.line + 1}: a key cannot be a list or mapping")
            if key in result:
                raise ConfigError(f"{filename}, line {key_node.start_mark.line + 1}: key '{key}' is written twice")
            lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _build(value_node, path + (key,), lines, loader, filename)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, path + (i,), lines, loader, filename) for i, child in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{filename}, line {node.start_mark.line + 1}: {exc}") from None


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """The line of ``path`` or of its nearest written ancestor."""
    path = tuple(path)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())
