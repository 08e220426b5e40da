"""Read a study file into a :class:`StudyConfig` (or a :class:`SakipConfig`), with line-numbered errors."""

from __future__ import annotations

import difflib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from reportgen.config.checks import cross_check
from reportgen.config.models import MODEL_TYPES, QUALITATIVE_KINDS, StudyConfig
from reportgen.config.sakip import SakipConfig
from reportgen.config.yaml_lines import line_of, load_with_lines
from reportgen.errors import ConfigError, one_or_all
from reportgen.words.messages import Localized, catalogue, phrase, place

ConfigT = TypeVar("ConfigT", StudyConfig, SakipConfig)


@dataclass(frozen=True)
class StudyFile(Generic[ConfigT]):
    """A validated study file and where it came from: a thesis study (:data:`Study`) or a SAKIP
    report (:data:`SakipStudy`), as its ``kind`` says."""

    config: ConfigT
    path: Path
    lines: dict[tuple, int] = field(default_factory=dict, repr=False)

    @property
    def base_dir(self) -> Path:
        return self.path.parent

    @property
    def templates_dir(self) -> Path | None:
        """The study's own templates folder (``templates:``), or None."""
        folder = getattr(self.config, "templates", None)
        return self.base_dir / folder if folder else None

    @property
    def data_path(self: Study) -> Path:
        return (self.base_dir / self.config.data.path).resolve()

    def inputs(self) -> list[Path]:
        """Every file and folder of the user's that the run reads: no output may replace them."""
        config = self.config
        refs = [getattr(config, key, None) for key in ("data", "answers", "history", "follow_up")]
        letter = getattr(config, "letter", None)
        refs.append(getattr(letter, "per_unit", None))
        paths = [self.path] + [(self.base_dir / ref.path).resolve() for ref in refs if ref is not None]
        letterhead = getattr(config, "letterhead", None)
        paths += [(self.base_dir / letterhead.logo).resolve()] if letterhead is not None and letterhead.logo else []
        literature = getattr(config, "literature", None)
        paths += [(self.base_dir / literature).resolve()] if literature else []
        corpus = getattr(config, "qualitative", None)
        paths += [(self.base_dir / name).resolve() for name in getattr(corpus, "files", list)()]
        return paths + ([self.templates_dir] if self.templates_dir else [])

    def where(self, *key: Any) -> Localized:
        """'study.yaml, line 12, key model.dependent' (and its Indonesian) for a key path."""
        dotted = ".".join(str(k) for k in key)
        return place(self.path.name, line_of(self.lines, key), dotted or None)

    def problem(self, code: str, *key: Any, **params) -> ConfigError:
        """The problem of catalogue entry ``code`` at ``key`` (its ``{where}``)."""
        return ConfigError.coded(code, where=self.where(*key), **params)


Study = StudyFile[StudyConfig]
SakipStudy = StudyFile[SakipConfig]
AnyStudy = Study | SakipStudy


def load_study(path: str | Path, data: Path | None = None, edit=None) -> AnyStudy:
    """Load and validate a study file; ``data``, when given, is read instead of the data file
    the study file names, and ``edit(raw)`` may change the keys read before they are checked
    (the web app opens a study file uploaded beside its data, without the files it cannot receive).

    Raises
    ------
    ConfigError
        The file is missing, unreadable or malformed (one problem).
    ProblemList
        Several problems; each names its line and key.
    """
    path = Path(path)
    name = path.name
    try:
        if not path.is_file():
            raise ConfigError.coded("study.not_found", file=str(path))
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError.coded("study.unreadable", file=str(path), detail=exc.strerror) from None
    except UnicodeDecodeError as exc:
        raise ConfigError.coded("study.not_utf8", file=str(path), byte=exc.start) from None
    raw, lines = load_with_lines(text, name)
    if not isinstance(raw, dict):
        raise ConfigError.coded("study.not_mapping", file=name)
    if data is not None and isinstance(raw.get("data"), dict):
        raw["data"]["path"] = str(Path(data).resolve())
    if edit is not None:
        edit(raw)
    model = _model_for(raw, name, lines)
    try:
        config = model.model_validate(raw)
    except ValidationError as exc:
        problems = [_describe(err, name, lines, model) for err in exc.errors()]
        raise one_or_all(problems + _cross_checks_beside(raw, exc, path, lines, model)) from None
    study: AnyStudy
    if isinstance(config, StudyConfig):
        thesis = Study(config=config, path=path.resolve(), lines=lines)
        problems = cross_check(thesis)
        study = thesis
    else:
        assert isinstance(config, SakipConfig)
        sakip = SakipStudy(config=config, path=path.resolve(), lines=lines)
        problems = sakip_check(sakip)
        study = sakip
    if problems:
        raise one_or_all(problems)
    return study


CROSS_CHECKED = ("scale", "respondents", "constructs", "model", "hypotheses", "templates", "literature", "qualitative")


def _cross_checks_beside(raw: dict, error: ValidationError, path: Path, lines: dict, model: type[BaseModel]) -> list[ConfigError]:
    """The cross-checks' problems of a study file whose keys did not all validate, so that one
    check reports everything (a year typo does not hide a hypothesis naming no construct).

    They read only the sections of :data:`CROSS_CHECKED`: those are validated one by one and
    checked when all of them are sound; a problem in one of them is reported alone (checking
    the others against it would report its consequences as well)."""
    from pydantic import TypeAdapter

    failed = {err["loc"][0] for err in error.errors() if err["loc"]}
    if model is not StudyConfig or failed & set(CROSS_CHECKED) or not failed:
        return []
    sections: dict[str, Any] = {}
    for name in CROSS_CHECKED:
        if name in raw:
            info = StudyConfig.model_fields[name]
            annotated: Any = typing.Annotated[info.annotation, info]  # a type form built at run time, beyond mypy
            sections[name] = TypeAdapter(annotated).validate_python(raw[name])
    config = StudyConfig.model_construct(**sections)
    return cross_check(Study(config=config, path=path.resolve(), lines=lines))


def _model_for(raw: dict, name: str, lines: dict) -> type[BaseModel]:
    """``kind: sakip`` selects the SAKIP report; anything else (or nothing) is a thesis study."""
    kind = raw.get("kind")
    if kind is None:
        return StudyConfig
    if kind == "sakip":
        return SakipConfig
    line = line_of(lines, ("kind",))
    raise ConfigError.coded("study.kind", where=place(name, line, "kind"), kind=kind)


def sakip_check(study: SakipStudy) -> list[ConfigError]:
    config = study.config
    from reportgen.config.checks import near, templates_problems
    from reportgen.interpret.sakip import components_of

    problems = templates_problems(study)
    subcomponents = [s for c in components_of(config) for s, _ in c.subcomponents]
    for code in config.actions:
        if code not in subcomponents:
            hint = near(code, subcomponents) or phrase("hint.listed", names=", ".join(subcomponents))
            problems.append(study.problem("check.not_subcomponent", "actions", code, sub=code, hint=hint))
    return problems


def _describe(error: ErrorDetails, filename: str, lines: dict[tuple, int], model: type[BaseModel] = StudyConfig) -> ConfigError:
    tagged = tuple(part for part in error["loc"] if not (isinstance(part, str) and part.startswith("function-")))
    tagged = tuple(p for p in tagged if p not in ("str", "int", "LocalText", "is-instance[LocalText]"))
    unions = {"model": MODEL_TYPES, "qualitative": QUALITATIVE_KINDS}  # keys whose value is one of tagged models
    loc = tagged[:1] + tagged[2:] if tagged[:1] and tagged[0] in unions and tagged[1:2] and tagged[1] in unions[tagged[0]] else tagged
    line = line_of(lines, loc)
    dotted = ".".join(str(p) for p in loc) or "(top level)"
    kind = error["type"]
    if kind == "unknown_model_type":
        return ConfigError.coded(
            "key.not_allowed",
            where=place(filename, line_of(lines, ("model", "type")) if line else None, "model.type"),
            value=repr(error["input"].get("type")),
            expected="'regression', 'path', 'pls' or 'repeated'",
        )
    if kind == "extra_forbidden":
        allowed = _allowed_keys(tagged[:-1], model)
        near = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.5)
        hint = phrase("hint.did_you_mean", near=near[0]) if near else phrase("hint.allowed", keys=", ".join(allowed)) if allowed else ""
        return ConfigError.coded("key.unknown", where=place(filename, line), key=dotted, hint=hint)
    if kind == "missing":
        return ConfigError.coded("key.missing", where=place(filename, line), key=dotted)
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return ConfigError.coded("key.not_allowed", where=place(filename, line, dotted), value=repr(error["input"]), expected=expected)
    message = error["msg"].removeprefix("Value error, ")
    return ConfigError.coded("key.invalid", where=place(filename, line, dotted), problem=_problem(kind, message, error.get("ctx") or {}))


VALUE_PROBLEMS = {
    "int_parsing": "int_parsing",
    "int_type": "int_parsing",
    "int_from_float": "int_parsing",
    "float_parsing": "float_parsing",
    "float_type": "float_parsing",
    "bool_parsing": "bool_parsing",
    "bool_type": "bool_parsing",
    "string_type": "string_type",
    "dict_type": "dict_type",
    "list_type": "list_type",
    "greater_than_equal": "greater_than_equal",
    "greater_than": "greater_than",
    "less_than_equal": "less_than_equal",
    "less_than": "less_than",
    "string_too_short": "too_short",
    "too_short": "too_short",
    "string_too_long": "too_long",
    "too_long": "too_long",
}
LIMITS = ("ge", "gt", "le", "lt", "min_length", "max_length")


def _problem(kind: str, message: str, ctx: dict):
    """Pydantic's message of a value's problem, with its Indonesian where the kind is one
    :data:`VALUE_PROBLEMS` words or a validator's catalogue entry (:func:`~reportgen.config.models.invalid`)."""
    if kind in catalogue():
        return phrase(kind, **ctx)
    if kind not in VALUE_PROBLEMS:
        return message
    limit = next((ctx[name] for name in LIMITS if name in ctx), "")
    return phrase(f"value.{VALUE_PROBLEMS[kind]}", message=message, limit=limit)


def _allowed_keys(loc: tuple, model: type[BaseModel] = StudyConfig) -> list[str]:
    """Field names of the model found at ``loc`` inside the study model."""
    annotation: Any = model
    for part in loc:
        annotation = _step(annotation, part)
        if annotation is None:
            return []
    found = _model_of(annotation)
    return list(found.model_fields) if found else []


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_of(arg)
        if found:
            return found
    return None


def _tag_of(annotation: Any) -> str | None:
    """The Tag of an ``Annotated[Model, Tag(...)]`` member of a union, else None."""
    from pydantic import Tag

    return next((m.tag for m in getattr(annotation, "__metadata__", ()) if isinstance(m, Tag)), None)


def _step(annotation: Any, part: Any) -> Any:
    tagged = [arg for arg in typing.get_args(annotation) if _tag_of(arg) == part]
    if tagged:  # a member of a discriminated union, named by its tag
        return typing.get_args(tagged[0])[0]
    model = _model_of(annotation) if typing.get_origin(annotation) not in (dict, list) else None
    if model is not None and isinstance(part, str) and part in model.model_fields:
        return model.model_fields[part].annotation
    origin = typing.get_origin(annotation)
    if origin in (dict, list):
        return typing.get_args(annotation)[-1]
    for arg in typing.get_args(annotation):
        found = _step(arg, part)
        if found is not None:
            return found
    return None
