"""YAML loading that remembers where every key was written, and that no file can exhaust.

PyYAML's composer gives each node its start mark; we walk the node tree once and build both
the plain Python value and a map ``(key, key, ...) -> line`` so that every config error can
name the line the user must fix. YAML 1.1's ``on/off/yes/no`` booleans are switched off:
``on: Y`` in a hypothesis is a key named "on", as a reader expects.

Keys are kept as written: ``1.10:`` is the key "1.10", not the number 1.1 (which would make it
the same item as ``1.1:``), and a plain number written so that it reads back differently
(``1.10``, ``0.050``) is kept as its text, which the models read as the number where they want one.

Bounds, so that a small file can neither hang nor exhaust reportgen (YAML aliases can expand
exponentially: the "billion laughs"): at most 2 MB of text, nesting at most 64 deep (checked on
the parser's events before anything is built, so a 10⁶-deep file cannot overflow the composer's
stack), at most 200 000 values after aliases are expanded, no alias inside itself, and no plain
number of more than 100 characters.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from reportgen.errors import ConfigError
from reportgen.words.messages import place

Path = tuple[Any, ...]

MAX_BYTES = 2_000_000
MAX_DEPTH = 64
MAX_VALUES = 200_000
MAX_DIGITS = 100  # a plain number longer than this is refused (Python will not read an int of 4 300 digits)
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StudyLoader(_SafeLoader):
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
        On a syntax error or a file beyond the bounds above, naming the file and line.
    """
    if len(text) > MAX_BYTES:
        raise ConfigError(f"{filename}: the file has {len(text):,} characters; a study file may have at most {MAX_BYTES:,}")
    try:
        _check_depth(text, filename)
        node = yaml.compose(text, Loader=_StudyLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem and exc.context_mark is not None and exc.context_mark is not mark:
            problem += f" ({exc.context} that starts on line {exc.context_mark.line + 1})"
        raise ConfigError.coded("yaml.syntax", where=place(filename, mark.line + 1 if mark is not None else None), problem=problem) from None
    except yaml.YAMLError as exc:  # pragma: no cover - other parser failures
        raise ConfigError(f"{filename}: YAML syntax error: {exc}") from None
    lines: dict[Path, int] = {}
    if node is None:
        return None, lines
    loader = _StudyLoader("")
    try:
        value = _Builder(loader, filename, lines).build(node, ())
    finally:
        loader.dispose()
    return value, lines


def _check_depth(text: str, filename: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH, reading the parser's events (no recursion)."""
    depth = 0
    for event in yaml.parse(text, Loader=_StudyLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise ConfigError(
                    f"{filename}, line {event.start_mark.line + 1}: lists and mappings are nested more than "
                    f"{MAX_DEPTH} deep; a study file needs fewer than 10 levels"
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


class _Builder:
    """Plain values from the node graph, counting every value made (aliases included)."""

    def __init__(self, loader, filename: str, lines: dict[Path, int]):
        self.loader, self.filename, self.lines = loader, filename, lines
        self.made = 0
        self.open: set[int] = set()  # nodes being built: an alias to one of them is a cycle

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.made += 1
        where = f"{self.filename}, line {node.start_mark.line + 1}"
        if self.made > MAX_VALUES:
            raise ConfigError(
                f"{where}: the file expands to more than {MAX_VALUES:,} values (through YAML aliases '*'); write the values out instead"
            )
        if len(path) > MAX_DEPTH:
            raise ConfigError(f"{where}: aliases nest lists and mappings more than {MAX_DEPTH} deep")
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if id(node) in self.open:
            raise ConfigError(f"{where}: an alias refers to a list or mapping that contains it (a recursive alias)")
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
            return [self.build(child, path + (i,)) for i, child in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise ConfigError.coded("yaml.key_collection", where=place(self.filename, line))
            key = key_node.value if key_node.tag in _NUMBER_TAGS else self._scalar(key_node)
            if key in result:
                raise ConfigError.coded("yaml.key_twice", where=place(self.filename, line), key=key)
            self.lines[path + (key,)] = line
            result[key] = self.build(value_node, path + (key,))
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag in _NUMBER_TAGS and len(node.value) > MAX_DIGITS:
            raise ConfigError(
                f"{self.filename}, line {node.start_mark.line + 1}: a number of {len(node.value):,} characters; "
                f"no value of a study file needs more than {MAX_DIGITS}"
            )
        try:
            value = self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            raise ConfigError(f"{self.filename}, line {node.start_mark.line + 1}: {exc}") from None
        if isinstance(value, float) and node.tag == "tag:yaml.org,2002:float" and repr(value) != node.value:
            return node.value  # '1.10' stays '1.10'; a model that wants a number reads it as one
        return value


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """The line of ``path`` or of its nearest written ancestor."""
    path = tuple(path)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())
