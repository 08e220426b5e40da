"""The study form: its fields read into :class:`~reportgen.config.draft.Choices`, a study file
opened again as choices, and each problem placed beside the field it concerns.

Field names: ``title``, ``author``, ``year``, ``language``, ``design``, ``scale_min``,
``scale_max``, ``label_id.K`` / ``label_en.K`` / ``short_id.K`` / ``short_en.K`` (scale point
K), ``profile.COL`` (a checkbox) and ``plabel.COL``, ``name.C`` (construct C), ``group.ITEM``
(the construct an item belongs to; empty: not used), ``text.ITEM``, ``reverse.ITEM``,
``kind.C`` (scale or continuous) and ``cmin.C`` / ``cmax.C`` (its own scale), ``dependent``,
``predictor.C``, ``joint``, and per hypothesis row K ``from.K``, ``via.K``,
``to.K``, ``expect.K``, ``discussion.K`` and, with a reference file, ``supports.K`` and
``contradicts.K`` (its keys); ``option.KEY`` a model setting the design offers
(:mod:`reportgen.config.model_options`). Nothing here judges a value: the study file is checked by the same
code as ``reportgen validate``, and its problems are placed by the line they name
(:attr:`~reportgen.config.draft.WrittenStudy.fields`) or by the data column they name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reportgen.config.draft import PLACEHOLDER, Choices, ConstructChoice, WrittenStudy
from reportgen.config.model_options import NEEDS, OPTIONS, chosen, options_of

EMPTY_ROWS = 2  # blank hypothesis rows offered below the written ones
EXPECTATIONS = ("positive", "negative", "any")
LINE = re.compile(r", line (\d+)")
CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # a line break pasted from Word (\x0b) becomes a space
ANSWERS = re.compile(r": [\d,]+ answers in (column |[\d,]+ columns)")
COLUMN = re.compile(r", column '?([^,:']+)'?[,:]")
LEFT_OUT = ("literature", "qualitative", "templates")  # files the app cannot receive: a study file opens without them
CITED = ("supports", "contradicts", "findings")  # a hypothesis's keys that cite the reference file
KEYS = re.compile(r"[^\s,;]+")  # the reference keys a field lists, apart by commas, semicolons or spaces


def all_items(session) -> list[str]:
    """The item columns the data hold (in their order), then any the study file names besides."""
    found = [item for items in session.draft.constructs.values() for item in items]
    named = [item for c in session.choices.constructs.values() for item in c.items if item not in found]
    return found + named


def profile_columns(session) -> list[str]:
    """The columns that are no item: those the data suggest as the profile, any other the study
    file lists, then those detection left out (a form's timestamp aside); each may be ticked as a
    profile column or made an item (the column-mapping of ``item_of.COL``)."""
    left_out = [column for column, why in session.draft.skipped.items() if why != "timestamp"]
    mapped = set(session.choices.columns.values()) | set(group_of(session.choices))
    return [column for column in dict.fromkeys([*session.draft.profile, *session.choices.profile, *left_out]) if column not in mapped]


def construct_codes(session) -> list[str]:
    return list(dict.fromkeys([*session.draft.constructs, *session.choices.constructs]))


def choices_from_form(form, session) -> Choices:
    """The choices the form holds (``form``: a mapping of field name → text, checkboxes present when ticked)."""
    before: Choices = session.choices
    text = lambda name, default="": " ".join(CONTROLS.sub(" ", str(form.get(name, default))).split())  # noqa: E731
    codes = construct_codes(session)
    constructs: dict[str, ConstructChoice] = {}
    for code in codes:
        constructs[code] = ConstructChoice(text(f"name.{code}") or code, {}, [], **_measure(text, code, before.constructs.get(code)))
    for item in all_items(session):
        group = text(f"group.{item}")
        if group in constructs:
            constructs[group].items[item] = text(f"text.{item}")
            if form.get(f"reverse.{item}"):
                constructs[group].reverse.append(item)
    columns = dict(session.draft.columns) | dict(before.columns)
    for column in profile_columns(session):  # a column made an item here: its header is its statement
        target = text(f"item_of.{column}")
        if target:
            code = target if target in constructs else new_construct_code(text(f"newcode.{column}"), constructs)
            constructs.setdefault(code, ConstructChoice(f"TODO: nama {code}", {}, []))
            item = next(f"{code}.{n}" for n in range(1, 10_000) if f"{code}.{n}" not in columns and f"{code}.{n}" not in group_of(before))
            constructs[code].items[item] = column
            columns[item] = column
    constructs = {code: c for code, c in constructs.items() if c.items}
    used = {item for c in constructs.values() for item in c.items}
    columns = {item: header for item, header in columns.items() if item in used}
    labels: dict[int, tuple[str, str, str, str]] = {}
    low, high = _number(text("scale_min")), _number(text("scale_max"))
    points = range(low, high + 1) if isinstance(low, int) and isinstance(high, int) and high - low <= 10 else ()
    for k in points:
        words = (text(f"short_id.{k}"), text(f"label_id.{k}"), text(f"short_en.{k}"), text(f"label_en.{k}"))
        if any(words):
            labels[k] = words
    made_items = {column for c in constructs.values() for column in c.items.values()} & set(profile_columns(session))
    profile = {
        column: text(f"plabel.{column}") or column
        for column in profile_columns(session)
        if form.get(f"profile.{column}") and column not in made_items
    }
    profile_values = {column: pairs for column in profile if (pairs := code_labels(text(f"pvalues.{column}")))}
    profile_order = {
        column: order for column in profile if (order := list(dict.fromkeys(p.strip() for p in text(f"porder.{column}").split(";") if p.strip())))
    }
    dependent = text("dependent") or before.dependent
    predictors = [code for code in constructs if code != dependent and form.get(f"predictor.{code}")]
    predictors = predictors or [code for code in constructs if code != dependent]  # none ticked: all, as the study file reads it
    predictors += [name for name in before.predictors if name not in constructs and name != dependent]  # observed variables: kept, not shown
    hypotheses, discussions, citations = [], {}, {}
    for k in range(1, len(before.hypotheses) + EMPTY_ROWS + 1):
        steps = [text(f"{part}.{k}") for part in ("from", "via", "to")]
        if steps[0] and steps[2]:
            path = " -> ".join(s for s in steps if s)
            hypotheses.append((path, text(f"expect.{k}", "positive")))
            if text(f"discussion.{k}"):
                discussions[path] = text(f"discussion.{k}")
            supports, contradicts = [list(dict.fromkeys(KEYS.findall(text(f"{kind}.{k}")))) for kind in ("supports", "contradicts")]
            cited = (supports, contradicts)
            if before.literature and any(cited):
                citations[path] = cited
    design = text("design", before.design)
    return replace(
        before,
        title=text("title"),
        author=text("author"),
        year=_number(text("year")),
        language=text("language", "id"),
        design=design,
        options=chosen(design, {key: text(f"option.{key}") for key in OPTIONS.get(before.design, {})}, before.options),
        scale=(low, high),
        labels=labels,
        profile=profile,
        constructs=constructs,
        profile_values=profile_values,
        profile_order=profile_order,
        discussions=discussions,
        citations=citations,
        columns=columns,
        dependent=dependent,
        predictors=predictors,
        hypotheses=hypotheses,
        joint_test=bool(form.get("joint")),
    )


def _measure(text, code: str, before: ConstructChoice | None) -> dict:
    """What a construct's answers are: ``kind.C`` (scale or continuous) and its own scale
    ``cmin.C``–``cmax.C`` (both blank: the study's), the labels of its own scale kept as the study
    file wrote them while the scale keeps its points."""
    kind = "continuous" if text(f"kind.{code}") == "continuous" else "scale"
    low, high = _number(text(f"cmin.{code}")), _number(text(f"cmax.{code}"))
    scale = (low, high) if kind == "scale" and (text(f"cmin.{code}") or text(f"cmax.{code}")) else None
    labels = before.labels if before is not None and scale is not None and scale == before.scale else {}
    return {"kind": kind, "scale": scale, "labels": dict(labels)}


def new_construct_code(typed: str, constructs: dict) -> str:
    """The code typed for a new construct (letters, digits, ``_``, ``.``, ``-``; at most 20), or
    the first free ``K1``, ``K2`` … when nothing usable was typed."""
    code = re.sub(r"[^\w.-]+", "", typed)[:20]
    return code or next(f"K{n}" for n in range(1, 10_000) if f"K{n}" not in constructs)


def code_labels(text: str) -> dict[str, str]:
    """ "1 = Laki-laki; 2 = Perempuan" → {"1": "Laki-laki", "2": "Perempuan"} (a part without "=" is left out)."""
    pairs = {}
    for part in text.split(";"):
        code, equals, label = part.partition("=")
        if equals and code.strip() and label.strip():
            pairs[code.strip()] = label.strip()
    return pairs


def shown_code_labels(choices: Choices, column: str) -> str:
    """A profile column's code labels as the form's field writes them."""
    return "; ".join(f"{code} = {label}" for code, label in choices.profile_values.get(column, {}).items())


def placeholder_fields(choices: Choices) -> dict[str, str]:
    """The names still ``reportgen init``'s TODO placeholders (the title, the constructs'
    names: the chapter prints them in every heading and table), each as its key in the study
    file → the form's field that holds it. A statement left TODO is not refused: the chapter is
    then a draft whose note lists it."""
    named = [
        ("study.title", choices.title, "title"),
        *((f"constructs.{code}.name", c.name, f"name.{code}") for code, c in choices.constructs.items()),
    ]
    return {key: field for key, value, field in named if isinstance(value, str) and PLACEHOLDER.match(value)}


def form_rows(choices: Choices) -> list[dict]:
    """The hypothesis rows the form shows: the written ones, then :data:`EMPTY_ROWS` blank ones."""
    rows = []
    for path, expect in choices.hypotheses:
        steps = [s.strip() for s in path.split("->")]
        supports, contradicts = choices.citations.get(path, ([], []))
        rows.append(
            {
                "from": steps[0],
                "via": " -> ".join(steps[1:-1]),
                "to": steps[-1],
                "expect": expect,
                "discussion": choices.discussions.get(path, ""),
                "supports": ", ".join(supports),
                "contradicts": ", ".join(contradicts),
            }
        )
    blank = {"from": "", "via": "", "to": "", "expect": "positive", "discussion": "", "supports": "", "contradicts": ""}
    return rows + [blank] * EMPTY_ROWS


def group_of(choices: Choices) -> dict[str, str]:
    """Item → the construct it is in now."""
    return {item: code for code, c in choices.constructs.items() for item in c.items}


def placed(messages: list[str], written: WrittenStudy | None, session) -> dict[str, list[str]]:
    """Each message under the field it concerns: the field that wrote the line it names, or the
    item or profile field of the data column it names; "" (the whole form) otherwise."""
    items = set(all_items(session))
    where: dict[str, list[str]] = {}
    for message in messages:
        key = ""
        line = LINE.search(message)
        column = COLUMN.search(message)
        if line and written is not None and int(line.group(1)) in written.fields:
            key = written.fields[int(line.group(1))]
        elif ANSWERS.search(message):  # many answers off the scale: the scale is what to look at
            key = "scale"
        elif column:
            name = column.group(1).strip()
            key = f"text.{name}" if name in items else f"profile.{name}" if name in profile_columns(session) else ""
        where.setdefault(key, []).append(message)
    return where


def choices_from_study(config, draft, language: str | None = None, raw: dict | None = None) -> tuple[Choices, list[str]]:
    """A study file opened again (its :class:`~reportgen.config.models.StudyConfig`, and ``raw``,
    its keys as read) as choices, and the keys it holds that the form does not show: they are
    kept as written (:class:`~reportgen.config.origin.Origin`)."""
    from reportgen.config.origin import origin_of

    lang = language or config.study.language
    local = lambda value: value.get(lang) if hasattr(value, "get") else str(value)  # noqa: E731
    labels = {k: (label.short.get("id"), label.id or "", label.short.get("en"), label.en or "") for k, label in config.scale.labels.items()}
    constructs = {
        code: ConstructChoice(
            local(c.name),
            {item: local(s) if s else "" for item, s in c.items.items()},
            list(c.reverse),
            kind=c.type,
            scale=(c.scale.min, c.scale.max) if c.scale is not None else None,
            labels={k: (label.short.get("id"), label.id or "", label.short.get("en"), label.en or "") for k, label in c.scale.labels.items()}
            if c.scale is not None
            else {},
        )
        for code, c in config.constructs.items()
    }
    paths = [
        (h.path, h.expect) for h in config.hypotheses.values() if h.path and not h.moderator and all(step in config.constructs for step in h.steps())
    ]
    model = config.model
    dependent = getattr(model, "dependent", None) or _last_step(paths, constructs)
    predictors = list(getattr(model, "predictors", None) or [c for c in constructs if c != dependent])
    choices = Choices(
        title=local(config.study.title),
        author=config.study.author,
        year=config.study.year,
        language=config.study.language,
        design=config.design,
        id_column=config.data.id,
        scale=(config.scale.min, config.scale.max),
        labels=labels,
        profile={r.column: (local(r.label) if r.label else r.column) for r in config.respondents},
        constructs=constructs,
        dependent=dependent,
        predictors=predictors,
        hypotheses=paths,
        joint_test=any(h.simultaneous for h in config.hypotheses.values()),
        skipped=dict(draft.skipped),
        model_paths=list(getattr(model, "paths", None) or []),
        columns=dict(config.data.columns),
        sheet=config.data.sheet,
        discussions={h.path: local(h.discussion) for h in config.hypotheses.values() if h.path and h.discussion},
        profile_values={r.column: {code: local(label) for code, label in r.values.items()} for r in config.respondents if r.values},
        profile_order={r.column: list(r.order) for r in config.respondents if r.order},
        literature=config.literature,
        citations={h.path: (list(h.supports), list(h.contradicts)) for h in config.hypotheses.values() if h.path and (h.supports or h.contradicts)},
        origin=origin_of(raw, config, lang) if raw is not None else None,
        options=options_of(config.design, model),
    )
    return choices, choices.origin.hidden_keys() if choices.origin else []


def offered_options(choices: Choices) -> list[tuple[str, tuple[str, ...], str]]:
    """(key, values, the value chosen) of each model setting the form offers for the design; one
    that needs a key of the model (``NEEDS``) only when the opened study file's model has it."""
    origin = choices.origin
    kept = origin.sections.get("model", {}) if origin is not None and origin.design == choices.design else {}
    return [
        (key, values, choices.options.get(key, values[0]))
        for key, values in OPTIONS.get(choices.design, {}).items()
        if key not in NEEDS or NEEDS[key] in kept
    ]


def _last_step(paths, constructs) -> str:
    return paths[-1][0].split("->")[-1].strip() if paths else list(constructs)[-1]


def leave_out(raw: dict, literature: str | None = None) -> list[str]:
    """Remove from a study file's keys those naming files the app did not receive (and the
    citations that need them); the keys removed. ``literature``: the reference file received
    beside it, which its ``literature`` key then names."""
    if literature is not None:
        raw["literature"] = literature
    kept = {"literature"} if literature is not None else set()
    if isinstance(raw.get("qualitative"), list):
        kept.add("qualitative")  # themes written in the study file name no file
    removed = [key for key in LEFT_OUT if key not in kept and raw.pop(key, None) is not None]
    for code, hypothesis in (raw.get("hypotheses") or {}).items():
        if isinstance(hypothesis, dict) and "literature" not in raw:
            removed += [f"hypotheses.{code}.{key}" for key in CITED if hypothesis.pop(key, None)]
            theory = hypothesis.get("theory")
            if isinstance(theory, dict) and isinstance(theory.get("cite"), list):
                from reportgen.literature.library import outside_methods

                cited = [key for key in theory["cite"] if key not in outside_methods(theory["cite"])]
                if cited != theory["cite"]:
                    theory["cite"] = cited
                    removed.append(f"hypotheses.{code}.theory.cite")
    return removed


def _number(text: str):
    """A whole number, or the text as it is (the study file's check then names it)."""
    return int(text) if re.fullmatch(r"-?\d{1,6}", text) else text
