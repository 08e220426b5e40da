"""The short texts of a report (headings, captions, column headers, words): labels.yaml of the
language, with the user's labels.yaml laid over it."""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

import yaml

from reportgen.config.yaml_lines import load_with_lines
from reportgen.errors import ReportgenError
from reportgen.words.templates import BUILTIN


@lru_cache(maxsize=4)
def _builtin(lang: str) -> dict:
    """The package's labels.yaml of ``lang``, read once per process (a builder per document: the
    SAKIP report's 300 LHEs would read it 300 times); callers get a copy."""
    return yaml.safe_load((BUILTIN / lang / "labels.yaml").read_text(encoding="utf-8"))


def load_labels(lang: str, user_folder: Path | None) -> dict:
    """labels.yaml of the language, with a user's labels.yaml (if any) laid over it.

    A user's file is read with the study file's bounded YAML loader and only from inside the
    user's templates folder (a link leading elsewhere is refused)."""
    labels = copy.deepcopy(_builtin(lang))
    for candidate in [user_folder / lang / "labels.yaml", user_folder / "labels.yaml"] if user_folder else []:
        assert user_folder is not None  # the candidates are in it
        if candidate.is_file():
            if not candidate.resolve().is_relative_to(user_folder.resolve()):
                raise ReportgenError(
                    f"{candidate}: it is a link to {candidate.resolve()}, outside the templates folder; copy the file into the folder instead"
                )
            try:
                extra, _ = load_with_lines(candidate.read_text(encoding="utf-8"), str(candidate))
            except UnicodeDecodeError as exc:
                raise ReportgenError(f"{candidate}: cannot read the labels ({exc.reason}; save the file as UTF-8)") from None
            extra = extra or {}
            if not isinstance(extra, dict):
                raise ReportgenError(f"{candidate}: labels must be a mapping of names to texts")
            _merge(labels, extra)
            break
    return labels


def _merge(base: dict, extra: dict) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value
