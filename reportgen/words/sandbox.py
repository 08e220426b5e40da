"""The sandbox every template renders in, bounded in what it may build.

Jinja's :class:`~jinja2.sandbox.SandboxedEnvironment` keeps a template away from Python's
internals; it does not bound memory: ``'%0999999999d' % 1`` (folded while the template is
compiled), ``'x'.ljust(10**9)``, a text doubled with ``~`` thirty times, or a chain of
``replace`` each ask for gigabytes. Here no operation may make a text or a list longer than
:data:`MAX_SIZE` (200 000 characters or elements, the most a template may write), and the
check comes *before* the operation wherever one step can grow a value many times over:

- ``*`` (a text or list repeated; two whole numbers of more than :data:`MAX_BITS` bits in all),
  ``**`` (a number of more than :data:`MAX_BITS` bits), ``+`` (two texts or lists), ``%`` (its
  widths and precisions, at most :data:`MAX_WIDTH`, ``*`` widths included; its arguments) — these
  are intercepted, so Jinja no longer folds them while compiling;
- ``~`` (its parts) and ``{{ value }}`` (the text of the value) — a list that holds another
  list many times is small but its text is not, so the text's size is estimated first
  (:func:`text_size`);
- the methods of a text that pad or repeat (``ljust``, ``rjust``, ``center``, ``zfill``,
  ``expandtabs``, ``replace``, ``join``, ``translate``, ``format``, ``format_map``);
- every filter: its arguments' texts (so ``sum``, ``pprint``, ``tojson`` cannot make more than
  their arguments' text), the widths of ``center``, ``indent``, ``wordwrap``, ``format``,
  the counts of ``batch`` and ``slice``, and what ``replace`` and ``join`` would make;

and after every call and filter the result, and the list or mapping a method changed
(``append``, ``extend``), are measured, so that no value grows past the bound step by step.
"""

from __future__ import annotations

import math
import re
import string
from functools import wraps

from jinja2 import TemplateError
from jinja2.compiler import CodeGenerator
from jinja2.runtime import markup_join, str_join
from jinja2.sandbox import SandboxedEnvironment

MAX_SIZE = 200_000
MAX_BITS = 10_000
MAX_WIDTH = 1_000
SMALL = 100  # the text of an object that is neither a text, a number nor a container (estimated)

_SIZED = (str, bytes, list, tuple, dict, set, frozenset)
_PERCENT = re.compile(r"%(?:\(([^)]*)\))?[#0 +-]*(\*|\d+)?(?:\.(\*|\d*))?[hlL]?([diouxXeEfFgGcrsab%])")


class TemplateRefused(TemplateError):
    """A template the sandbox will not read or finish; its message is the reason."""


def text_size(value, limit: int = MAX_SIZE) -> int:
    """An upper estimate of ``len(str(value))``: a text's length, a number's digits, a
    container's parts and separators (a part held many times counted each time, measured once);
    stops counting once past ``limit``."""
    sizes: dict[int, int] = {}

    def size(item, depth: int = 0) -> int:
        if isinstance(item, (str, bytes)):
            return len(item) * (1 if isinstance(item, str) else 4) + 3
        if isinstance(item, bool) or item is None:
            return 5
        if isinstance(item, int):
            return item.bit_length() // 3 + 2
        if isinstance(item, float):
            return 25
        if not isinstance(item, (list, tuple, dict, set, frozenset)):
            return SMALL
        if id(item) in sizes:
            return sizes[id(item)]
        if depth > 100:
            return limit + 1  # nested beyond any sentence's need
        sizes[id(item)] = 5  # while it is measured: a container inside itself prints as [...]
        total = 2
        parts = item.items() if isinstance(item, dict) else ((None, part) for part in item)
        for key, part in parts:
            total += size(part, depth + 1) + 2 + (size(key, depth + 1) + 2 if key is not None else 0)
            if total > limit:
                break
        sizes[id(item)] = total
        return total

    return size(value)


def refuse_large(size: int, what: str) -> None:
    """Refuse to make ``what`` ("a text", "a list") of ``size`` characters or elements over :data:`MAX_SIZE`."""
    if size > MAX_SIZE:
        unit = "characters" if what.endswith("text") else "elements"
        raise TemplateRefused(f"{what} of {size:,} {unit} is too long for a sentence")


def check_text_of(*values) -> None:
    """Refuse values whose text would be longer than a template may write."""
    for value in values:
        if isinstance(value, _SIZED) and not isinstance(value, str):
            refuse_large(text_size(value), "a value whose text")


def check_result(value):
    """``value``, unless it is a text, list or mapping longer than :data:`MAX_SIZE`."""
    if isinstance(value, _SIZED):
        refuse_large(len(value), "a text or list")
    return value


def check_width(width, what: str) -> None:
    if isinstance(width, int) and width > MAX_WIDTH:
        raise TemplateRefused(f"{what} takes a width of at most {MAX_WIDTH}")


def percent_size(pattern: str, args) -> int:
    """An upper estimate of ``len(pattern % args)``; widths and precisions over :data:`MAX_WIDTH`
    (a ``*`` taken from ``args`` too) are refused."""
    values = list(args) if isinstance(args, tuple) else [args]
    total, position = len(pattern), 0
    for key, width, precision, kind in _PERCENT.findall(pattern):
        if kind == "%":
            continue
        for part in (width, precision):
            if part == "*":
                part = values[position] if position < len(values) else 0
                position += 1
            check_width(int(part) if str(part).lstrip("-").isdigit() else 0, "the operator %")
        if key and isinstance(args, dict):
            argument = args.get(key)
        else:
            argument = values[position] if position < len(values) else ""
            position += 1
        total += max(text_size(argument), int(width) if width.isdigit() else 0, int(precision or 0) if precision.isdigit() else 0)
    return total


def format_size(pattern: str, args, kwargs) -> int:
    """An upper estimate of ``pattern.format(*args, **kwargs)``; a width over :data:`MAX_WIDTH` or
    a width taken from an argument (``{:{}}``) is refused."""
    largest = max([text_size(a) for a in (*args, *kwargs.values())] or [0])
    total = len(pattern)
    try:
        fields = list(string.Formatter().parse(pattern))
    except ValueError:
        return total  # str.format will raise the same error
    for _, name, spec, _ in fields:
        if name is None:
            continue
        if spec and "{" in spec:
            raise TemplateRefused("the method format takes no width from its arguments")
        widths = [int(w) for w in re.findall(r"\d+", spec or "")]
        for width in widths:
            check_width(width, "the method format")
        total += max([largest, *widths])
    return total


def _str_method_size(method, args, kwargs) -> int | None:
    """What a text's padding or repeating method would make (None for the others)."""
    text, name = method.__self__, method.__name__
    first = args[0] if args else None
    if name in ("ljust", "rjust", "center", "zfill"):
        check_width(first, f"the method {name}")
        return len(text)
    if name == "expandtabs":
        check_width(first if first is not None else kwargs.get("tabsize"), "the method expandtabs")
        return len(text) + text.count("\t") * MAX_WIDTH
    if name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        count = text.count(args[0]) if args[0] else len(text) + 1
        if len(args) > 2 and isinstance(args[2], int) and args[2] >= 0:
            count = min(count, args[2])
        return len(text) + count * max(len(args[1]) - len(args[0]), 0)
    if name == "join" and first is not None:
        items = list(first) if not isinstance(first, _SIZED) else first
        refuse_large(len(items), "a list")
        return sum(text_size(item) for item in items) + len(text) * len(items)
    if name == "translate" and isinstance(first, dict):
        longest = max([text_size(v) for v in first.values()] or [1])
        return len(text) * longest
    return None


class _Generator(CodeGenerator):
    """Jinja's code generator with ``~`` going through :meth:`BoundedSandbox.bounded_concat`, which
    measures the parts before joining them."""

    def visit_Concat(self, node, frame) -> None:
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        else:
            join = "markup_join" if frame.eval_ctx.autoescape else "str_join"
        self.write(f"environment.bounded_concat({join}, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class BoundedSandbox(SandboxedEnvironment):
    """Jinja's sandbox bounded in memory (the module docstring says how)."""

    code_generator_class = _Generator
    intercepted_binops = frozenset(["*", "**", "+", "%"])
    timed = False  # whether a render has a time limit (the user's templates; see reportgen.words.templates)

    def __init__(self, **options):
        super().__init__(finalize=self._finalize, **options)

    def __setattr__(self, name, value):
        if name == "filters" and isinstance(value, dict) and not isinstance(value, _Filters):
            value = _Filters(self, value)
        super().__setattr__(name, value)

    def _finalize(self, value):
        check_text_of(value)
        return value

    @staticmethod
    def bounded_concat(join, parts):
        """``~``: the parts joined, once their texts are known to fit."""
        refuse_large(sum(text_size(part) for part in parts), "a text")
        return (markup_join if join is markup_join else str_join)(parts)

    def call_binop(self, context, operator, left, right):
        if (
            operator == "**"
            and isinstance(left, int)
            and isinstance(right, int)
            and abs(left) > 1
            and right > 0
            and right * math.log2(abs(left)) > MAX_BITS
        ):
            raise TemplateRefused(f"{left} ** {right} is too large a number for a sentence")
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(sequence, (str, list, tuple)) and isinstance(times, int):
                    refuse_large(len(sequence) * times, "a text or list")
            if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_BITS:
                raise TemplateRefused("the product is too large a number for a sentence")
        if operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            refuse_large(len(left) + len(right), "a text or list")
        if operator == "%" and isinstance(left, str):
            refuse_large(percent_size(left, right), "a text")
        return check_result(super().call_binop(context, operator, left, right))

    def call(__self, __context, __obj, *args, **kwargs):
        """Any call in a template: a text's padding or repeating method measured first; the
        result, and the list or mapping the method belongs to, measured after."""
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            size = _str_method_size(__obj, args, kwargs)
            if size is not None:
                refuse_large(size, "a text")
        result = super().call(__context, __obj, *args, **kwargs)
        if isinstance(owner, (list, dict, set)):
            check_result(owner)
        return check_result(result)

    def wrap_str_format(self, value):
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        pattern = value.__self__

        @wraps(wrapped)
        def measured(*args, **kwargs):
            mapping = args[0] if value.__name__ == "format_map" and args else kwargs
            refuse_large(format_size(pattern, args if value.__name__ == "format" else (), mapping), "a text")
            return wrapped(*args, **kwargs)

        return measured

    def _bounded_filter(self, name: str, function):
        if getattr(function, "bounded", False):
            return function
        before = FILTER_CHECKS.get(name)

        @wraps(function)
        def bounded(*args, **kwargs):
            check_text_of(*args, *kwargs.values())
            if before is not None:
                before(*_values(args), **kwargs)
            return check_result(function(*args, **kwargs))

        bounded.bounded = True  # type: ignore[attr-defined]  # a mark on the function, read by getattr above
        return bounded


class _Filters(dict):
    """The environment's filters; a filter added later (``env.filters[name] = f``) is bounded too."""

    def __init__(self, env: BoundedSandbox, filters: dict):
        super().__init__()
        self.env = env
        for name, function in filters.items():
            self[name] = function

    def __setitem__(self, name, function):
        super().__setitem__(name, self.env._bounded_filter(name, function))


def _values(args: tuple) -> tuple:
    """A filter's arguments without the context or environment Jinja passes to some filters first."""
    from jinja2.runtime import Context, EvalContext

    return tuple(a for a in args if not isinstance(a, (Context, EvalContext, SandboxedEnvironment)))


def _width_at(position: int, name: str):
    def check(*args, **kwargs):
        check_width(args[position] if position < len(args) else kwargs.get("width"), f"the filter {name}")

    return check


def _indent(value="", width=4, *args, **kwargs) -> None:
    check_width(width if isinstance(width, int) else len(str(width)), "the filter indent")
    refuse_large(len(str(value)) + str(value).count("\n") * (width if isinstance(width, int) else len(str(width))), "a text")


def _format(value="", *args, **kwargs) -> None:
    refuse_large(percent_size(str(value), kwargs or tuple(args)), "a text")


def _replace(value="", old="", new="", count=None) -> None:
    text, old, new = str(value), str(old), str(new)
    times = text.count(old) if old else len(text) + 1
    refuse_large(len(text) + min(times, count if isinstance(count, int) and count >= 0 else times) * max(len(new) - len(old), 0), "a text")


def _join(value=(), separator="", *args, **kwargs) -> None:
    items = value if isinstance(value, _SIZED) else ()
    refuse_large(len(items) * len(str(separator)), "a text")


def _counted(name: str, position: int):
    def check(*args, **kwargs):
        count = args[position] if position < len(args) else None
        if isinstance(count, int) and count > MAX_SIZE:
            raise TemplateRefused(f"the filter {name} takes at most {MAX_SIZE:,}")

    return check


FILTER_CHECKS = {
    "center": _width_at(1, "center"),
    "wordwrap": _width_at(1, "wordwrap"),
    "indent": _indent,
    "format": _format,
    "replace": _replace,
    "join": _join,
    "batch": _counted("batch", 1),
    "slice": _counted("slice", 1),
}
