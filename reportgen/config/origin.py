"""A study file opened again in the web app: what it says that the form does not show, kept as
written so that the study file the form writes means what the opened one meant.

The form shows each text in one language, the hypotheses that are paths as rows, and the keys
of :data:`SHOWN`. Everything else is kept here and written back by
:func:`reportgen.config.draft.written_study`:

- a text written in both languages (``{id: …, en: …}``) while the form still shows it as it
  was opened (a text the user changed is written as typed, in one language);
- the keys of ``study``, ``data`` and ``model`` the form lacks (``chapters``, ``object``,
  ``missing``, ``bootstrap`` …; ``model``'s only while the design is unchanged), a construct's
  ``mode``, and every top-level key besides (``settings``, ``compare``, inline ``qualitative``);
- the hypotheses' codes (a row keeps the code of the file's hypothesis it shows), their keys
  the rows lack (``theory``, ``findings``), and whole the hypotheses no row can hold (a
  moderator's, one on an observed variable, a repeated study's test across its measurements), at
  their place among the others.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from reportgen.config.model_options import ALL as OPTION_KEYS

SHOWN = {
    "study": {"title", "author", "year", "language"},
    "data": {"path", "id", "columns", "sheet"},
    "model": {"type", "dependent", "predictors", "paths", *OPTION_KEYS},
}
WHOLE = {"scale", "respondents", "constructs", "hypotheses", "literature"}  # shown by the form in full
CONSTRUCT_SHOWN = {"name", "items", "reverse", "type", "scale"}
ROW_SHOWN = {"path", "expect", "discussion", "supports", "contradicts", "findings"}  # a row's keys; findings are rebuilt
LANGUAGE_KEYS = {"id", "en"}


@dataclass
class Origin:
    """What an opened study file says beyond the form (see the module's docstring)."""

    design: str
    texts: dict[tuple, tuple[str, Any]] = field(default_factory=dict)  # where → (the text shown, the value as written)
    sections: dict[str, dict] = field(default_factory=dict)  # study / data / model → their keys the form lacks
    constructs: dict[str, dict] = field(default_factory=dict)  # construct → its keys the form lacks (mode)
    top: dict[str, Any] = field(default_factory=dict)  # top-level keys the form lacks, as written
    row_codes: list[str] = field(default_factory=list)  # the codes of the path hypotheses, in the rows' order
    extras: dict[str, dict] = field(default_factory=dict)  # code → a hypothesis's keys the form lacks
    findings: dict[str, dict] = field(default_factory=dict)  # code → reference key → what that work found
    others: list[tuple[int, str, Any]] = field(default_factory=list)  # (place, code, entry) of a hypothesis no row holds
    joint: tuple[int, str] | None = None  # (place, code) of the simultaneous hypothesis

    def text(self, where: tuple, shown: str) -> Any:
        """The value to write at ``where``: as written when the form still shows what it
        showed, else the text typed."""
        kept = self.texts.get(where)
        return kept[1] if kept is not None and kept[0] == shown else shown

    def hidden_keys(self) -> list[str]:
        """The keys kept without being shown (the web app's notice names them)."""
        keys = [
            *(f"{section}.{key}" for section, keys in self.sections.items() for key in keys),
            *(f"constructs.{code}.{key}" for code, keys in self.constructs.items() for key in keys),
            *self.top,
        ]
        keys += [f"hypotheses.{code}.{key}" for code, keys in self.extras.items() for key in keys]
        keys += [f"hypotheses.{code}.findings" for code in self.findings]
        return keys + [f"hypotheses.{code}" for _, code, _ in self.others]


def origin_of(raw: dict, config, language: str) -> Origin:
    """The :class:`Origin` of a study file: ``raw``, its keys as read (after the web app left out
    the files it did not receive), ``config``, the same validated, and ``language``, the language
    the form shows its texts in."""
    raw = copy.deepcopy(raw)
    origin = Origin(design=config.design)
    for key, value in raw.items():
        if key in SHOWN and isinstance(value, dict):
            hidden = {k: v for k, v in value.items() if k not in SHOWN[key]}
            if hidden:
                origin.sections[key] = hidden
        elif key not in SHOWN and key not in WHOLE:
            origin.top[key] = value
    _texts(origin, raw, config, language)
    _hypotheses(origin, raw.get("hypotheses") or {}, config)
    return origin


def _texts(origin: Origin, raw: dict, config, language: str) -> None:
    def keep(where: tuple, written: Any, parsed: Any) -> None:
        if isinstance(written, dict) and written and set(written) <= LANGUAGE_KEYS and parsed is not None:
            origin.texts[where] = (parsed.get(language), written)

    keep(("study", "title"), (raw.get("study") or {}).get("title"), config.study.title)
    for code, construct in (raw.get("constructs") or {}).items():
        parsed = config.constructs[str(code)]
        keep(("constructs", str(code), "name"), construct.get("name"), parsed.name)
        for item, statement in (construct.get("items") or {}).items():
            keep(("constructs", str(code), "items", str(item)), statement, parsed.items.get(str(item)))
        hidden = {k: v for k, v in construct.items() if k not in CONSTRUCT_SHOWN}
        if hidden:
            origin.constructs[str(code)] = hidden
    for written, parsed in zip(raw.get("respondents") or [], config.respondents):
        keep(("respondents", parsed.column, "label"), written.get("label"), parsed.label)
        for code, label in (written.get("values") or {}).items():
            keep(("respondents", parsed.column, "values", str(code)), label, parsed.values.get(str(code)))
    for code, hypothesis in config.hypotheses.items():
        if hypothesis.path and hypothesis.discussion is not None:
            keep(("discussion", hypothesis.path), (raw["hypotheses"].get(code) or {}).get("discussion"), hypothesis.discussion)


def _hypotheses(origin: Origin, raw: dict, config) -> None:
    for place, (code, hypothesis) in enumerate(config.hypotheses.items()):
        written = raw.get(code) or raw.get(_raw_key(raw, code)) or {}
        if hypothesis.simultaneous is not None and config.design == "regression":  # the form's joint (F) test
            origin.joint = (place, code)
            hidden = {k: v for k, v in written.items() if k not in ("simultaneous", "on")}
        elif hypothesis.path and hypothesis.moderator is None and all(step in config.constructs for step in hypothesis.steps()):
            origin.row_codes.append(code)
            hidden = {k: v for k, v in written.items() if k not in ROW_SHOWN}
            found = _findings(written)
            if found:
                origin.findings[code] = found
        else:
            origin.others.append((place, code, written))
            continue
        if hidden:
            origin.extras[code] = hidden


def _findings(written: dict) -> dict:
    """Reference key → what the work found, from ``findings`` and from ``supports: [{key: finding}]``."""
    found = dict(written.get("findings") or {})
    for kind in ("supports", "contradicts"):
        for entry in written.get(kind) or []:
            if isinstance(entry, dict) and len(entry) == 1:
                found.update(entry)
    return found


def _raw_key(raw: dict, code: str):
    """The key as written of hypothesis ``code`` (YAML may read ``1:`` as a number)."""
    return next((key for key in raw if str(key) == code), code)
