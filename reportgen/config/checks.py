"""Cross-field checks of a study file, each naming the line it refers to.

Pydantic checks each key on its own; here we check that the keys agree with each other:
items are unique, reverse items exist, the model and the hypotheses name known constructs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportgen.config.models import PathModel, QualitativeCorpus, RepeatedModel
from reportgen.errors import ConfigError
from reportgen.words.messages import phrase

if TYPE_CHECKING:
    from reportgen.config.load import AnyStudy, Study


def near(name: str, choices, cutoff: float = 0.6):
    """ "; did you mean 'X'?" (in each language) for the closest of ``choices``, or "" when none is close."""
    import difflib

    found = difflib.get_close_matches(name, list(choices), n=1, cutoff=cutoff)
    return phrase("hint.did_you_mean", near=found[0]) if found else ""


def cross_check(study: Study) -> list[ConfigError]:
    """Return every inconsistency found (empty when the file is coherent)."""
    config = study.config
    problems: list[ConfigError] = []

    def problem(code: str, *key: object, **params) -> None:
        problems.append(study.problem(f"check.{code}", *key, **params))

    constructs = list(config.constructs)

    def unknown_construct(name: str, *key: object) -> None:
        hint = near(name, constructs, cutoff=0.5) or phrase("hint.constructs", names=", ".join(constructs))
        problem("not_construct", *key, name=name, hint=hint)

    seen: dict[str, str] = {}
    for cname, construct in config.constructs.items():
        for item in construct.items:
            if item in seen:
                problem("item_twice", "constructs", cname, "items", item, item=item, first=seen[item], second=cname)
            seen[item] = cname
        for i, item in enumerate(construct.reverse):
            if item not in construct.items:
                problem("reverse_not_item", "constructs", cname, "reverse", i, item=item, construct=cname)
        if construct.global_item is not None:
            if construct.mode != "B":
                problem("global_item_reflective", "constructs", cname, "global_item", construct=cname)
            elif construct.global_item in seen or construct.global_item in construct.items:
                problem("global_item_taken", "constructs", cname, "global_item", item=construct.global_item)
            seen.setdefault(construct.global_item, cname)
        if construct.type == "continuous" and construct.scale is not None:
            problem("continuous_scale", "constructs", cname, "scale", construct=cname)
        elif construct.type == "continuous" and construct.reverse:
            problem("continuous_reverse", "constructs", cname, "reverse", construct=cname)
    for i, column in enumerate(config.respondents):
        if column.column in seen:
            problem("profile_is_item", "respondents", i, "column", column=column.column)
        if column.order is not None and len(set(column.order)) != len(column.order):
            problem("order_twice", "respondents", i, "order")

    problems += _check_shared(study) + _check_observed(study)
    model = config.model
    if isinstance(model, PathModel):
        return problems + _check_path_model(study)
    if isinstance(model, RepeatedModel):
        return problems + _check_repeated_model(study)
    if model.dependent is None:
        problem("needs_dependent", "model")
        return problems
    if model.dependent not in config.constructs:
        unknown_construct(model.dependent, "model", "dependent")
        return problems
    predictors = regression_predictors(config)
    variables = [*constructs, *config.observed]

    def unknown_variable(name: str, *key: object) -> None:
        if not config.observed:
            unknown_construct(name, *key)
            return
        problem("not_variable", *key, name=name, hint=_variable_hint(name, variables))

    for i, name in enumerate(model.predictors):
        if name not in variables:
            unknown_variable(name, "model", "predictors", i)
        elif name == model.dependent:
            problem("dependent_as_predictor", "model", "predictors", i, name=name)
    if len(set(model.predictors)) != len(model.predictors):
        problem("predictor_twice", "model", "predictors")
    if not predictors:
        problem("no_predictors", "model", "predictors")
    for i, name in enumerate(model.controls):
        if name not in variables:
            unknown_variable(name, "model", "controls", i)
        elif name == model.dependent:
            problem("dependent_as_control", "model", "controls", i, name=name)
        elif name in predictors:
            problem("control_is_predictor", "model", "controls", i, name=name)
        elif name in model.controls[:i]:
            problem("control_twice", "model", "controls", i, name=name)
    controls = set(model.controls)

    for hname, hyp in config.hypotheses.items():
        if hyp.moderator is not None:
            steps = hyp.steps()
            if hyp.path is None or len(steps) != 2:
                problem("moderator_path", "hypotheses", hname, "path")
                continue
            for name in steps:
                if name not in variables:
                    unknown_variable(name, "hypotheses", hname, "path")
            if hyp.moderator not in variables:
                unknown_variable(hyp.moderator, "hypotheses", hname, "moderator")
            elif hyp.moderator in controls:
                problem("control_hypothesis", "hypotheses", hname, "moderator", name=hyp.moderator)
            if steps[0] in config.observed:  # the moderator may be observed (a number or categories); the predictor is a score
                problem("moderation_observed", "hypotheses", hname, "path", name=steps[0])
            if steps[1] in config.constructs and steps[1] != model.dependent:
                problem("not_dependent", "hypotheses", hname, "path", name=steps[1], dependent=model.dependent)
            if hyp.moderator in (steps[0], model.dependent):
                problem("moderator_differs", "hypotheses", hname, "moderator", moderator=hyp.moderator)
            continue
        if hyp.simultaneous is not None:
            if len(set(hyp.simultaneous)) < 2:
                problem("simultaneous_two", "hypotheses", hname, "simultaneous")
                continue
            for i, name in enumerate(hyp.simultaneous):
                if name not in variables:
                    unknown_variable(name, "hypotheses", hname, "simultaneous", i)
                elif name in controls:
                    problem("control_hypothesis", "hypotheses", hname, "simultaneous", i, name=name)
                elif name not in predictors:
                    problem("not_predictor", "hypotheses", hname, "simultaneous", i, name=name)
            if hyp.on is None:
                problem("simultaneous_on", "hypotheses", hname, "simultaneous")
            elif hyp.on != model.dependent:
                problem("on_dependent", "hypotheses", hname, "on", dependent=model.dependent)
            continue
        steps = hyp.steps()
        if len(steps) != 2 or not all(steps):
            problem("regression_path", "hypotheses", hname, "path", path=hyp.path)
            continue
        source, target = steps
        for name in (source, target):
            if name not in variables:
                unknown_variable(name, "hypotheses", hname, "path")
        if source in controls:
            problem("control_hypothesis", "hypotheses", hname, "path", name=source)
        elif source in variables and source not in predictors:
            problem("not_predictor", "hypotheses", hname, "path", name=source)
        if target in config.constructs and target != model.dependent:
            problem("not_dependent", "hypotheses", hname, "path", name=target, dependent=model.dependent)

    return problems


def _check_observed(study: Study) -> list[ConfigError]:
    """The observed variables: a name of their own (not a construct's), a column that is not an
    item, a reference and an order only when categorical, the reference among the order, and
    each one used by the model or its hypotheses."""
    config = study.config
    found: list[ConfigError] = []

    def flag(code: str, *key: object, **params) -> None:
        found.append(study.problem(f"check.{code}", *key, **params))

    items = set(config.all_items())
    used = set(model_observed(config))
    for key, variable in config.observed.items():
        column = config.column_of(key)
        if key in config.constructs:
            flag("observed_is_construct", "observed", key, name=key)
        if column in items:
            flag("observed_is_item", "observed", key, *(("column",) if variable.column else ()), column=column)
        if variable.type == "numeric":
            for extra in ("reference", "order"):
                if getattr(variable, extra) is not None:
                    flag("numeric_categories", "observed", key, extra, name=key, key=extra)
        elif variable.order is not None and variable.reference is not None and variable.reference not in variable.order:
            flag("reference_not_in_order", "observed", key, "reference", reference=variable.reference, order=", ".join(variable.order))
        if variable.order is not None and len(set(variable.order)) != len(variable.order):
            flag("order_twice", "observed", key, "order")
        if key not in used and key not in config.constructs:
            flag("observed_unused", "observed", key, name=key)
    return found


def templates_problems(study: AnyStudy) -> list[ConfigError]:
    """The study's own templates folder (``templates:``) exists (every design)."""
    folder = study.config.templates
    if folder is None or (study.base_dir / folder).is_dir():
        return []
    return [study.problem("check.templates_missing", "templates", folder=folder)]


def _check_shared(study: Study) -> list[ConfigError]:
    """The scale's answer words, the templates folder and the literature file with the
    hypotheses' citations of it (every questionnaire design)."""
    from reportgen.data.coding import scale_word_clash
    from reportgen.literature.check import check_literature

    config = study.config
    found = []
    scales = [(("scale",), config.scale)] + [(("constructs", c, "scale"), k.scale) for c, k in config.constructs.items() if k.scale is not None]
    for key, scale in scales:
        clash = scale_word_clash(scale)
        if clash:
            word, first, second = clash
            found.append(study.problem("check.scale_word_clash", *key, "labels", str(second), word=word, first=first, second=second))
    return found + templates_problems(study) + check_literature(study) + _check_corpus(study)


def _check_corpus(study: Study) -> list[ConfigError]:
    """The qualitative corpus's files exist, and the hypotheses its themes explain are the study's."""
    corpus = study.config.qualitative
    if not isinstance(corpus, QualitativeCorpus):
        return []
    found = []
    for key in ("project", "excerpts", "codebook", "informants"):
        value = getattr(corpus, key)
        if value is None:
            continue
        path = value if isinstance(value, str) else value.path
        where = ("qualitative", key) if isinstance(value, str) else ("qualitative", key, "path")
        if not (study.base_dir / path).is_file():
            found.append(study.problem("check.file_missing", *where, path=path))
        elif key == "project" and not path.lower().endswith(".qdpx"):
            found.append(study.problem("check.not_qdpx", *where, path=path))
    hypotheses = list(study.config.hypotheses)
    for theme, notes in corpus.themes.items():
        for h in notes.explains:
            if h not in hypotheses:
                hint = near(h, hypotheses) or (phrase("hint.hypotheses", names=", ".join(hypotheses)) if hypotheses else phrase("hint.no_hypotheses"))
                found.append(study.problem("check.not_hypothesis", "qualitative", "themes", theme, "explains", h, name=h, hint=hint))
    from reportgen.qualitative.study import framework_problems

    return found + framework_problems(study)


def pls_paths(config) -> list[tuple[str, str]]:
    """The structural paths of a path or PLS model: ``model.paths``, or the direct paths of the hypotheses."""
    if config.model.paths:
        return config.model.path_pairs()
    pairs: list[tuple[str, str]] = []
    for hyp in config.hypotheses.values():
        steps = hyp.steps() if hyp.path else []
        pairs += [p for p in zip(steps, steps[1:]) if p not in pairs]
    return pairs


def _check_path_model(study) -> list[ConfigError]:
    """Paths, recursiveness and hypotheses of a path model (model.type pls or path)."""
    config = study.config
    found: list[ConfigError] = []

    def flag(code: str, *key: object, **params) -> None:
        found.append(study.problem(f"check.{code}", *key, **params))

    nodes = [*config.constructs, *config.higher_order]
    for i, text in enumerate(config.model.paths):
        steps = [s.strip() for s in str(text).split("->")]
        if len(steps) < 2 or not all(steps):
            flag("path_form", "model", "paths", i, path=text)
        for name in steps:
            if name and name not in nodes:
                flag("not_construct", "model", "paths", i, name=name, hint=near(name, nodes, cutoff=0.5))
    if found:
        return found
    pairs = pls_paths(config)
    kind = config.model.type
    if not pairs and kind == "cbsem":  # a CFA on its own: every construct measured, nothing hypothesised
        if config.model.controls:
            flag("controls_design", "model", "controls", type=kind)
        found += [
            study.problem("check.cbsem_items", "constructs", name, "items", name=name) for name, c in config.constructs.items() if len(c.items) < 2
        ]
        if len(config.constructs) < 2:
            flag("cbsem_one_construct", "constructs")
        return found
    if not pairs:
        flag("needs_paths", "model", type=kind)
        return found
    if any(a == b for a, b in pairs) or _has_cycle(pairs):
        flag("loop", "model", "paths")
    used = {c for pair in pairs for c in pair}
    if config.model.controls and kind not in ("path", "pls"):
        flag("controls_design", "model", "controls", type=kind)
    elif config.model.controls:
        found += _check_path_controls(study, used)
        if kind == "pls":  # a control is an observed variable there, a construct of one indicator
            found += [
                study.problem("check.pls_control_construct", "model", "controls", i, name=name)
                for i, name in enumerate(config.model.controls)
                if name in config.constructs
            ]
    if config.higher_order:
        found += _check_higher_order(study, used)
    dimensions = {d for hoc in config.higher_order.values() for d in hoc.dimensions}
    for name in config.constructs:
        if name not in used and name not in config.model.controls and name not in dimensions:
            flag("construct_unused", "constructs", name, name=name)
    for hname, hyp in config.hypotheses.items():
        if hyp.simultaneous is not None:
            flag("no_simultaneous", "hypotheses", hname, "simultaneous", type=kind)
            continue
        if hyp.moderator is not None:
            if kind != "pls":
                flag("moderator_regression", "hypotheses", hname, "moderator")
            else:
                found += _check_pls_moderation(study, hname, hyp, pairs)
            continue
        steps = hyp.steps()
        for name in steps:
            if name not in nodes:
                flag("not_construct", "hypotheses", hname, "path", name=name, hint=near(name, nodes, cutoff=0.5))
        if all(n in nodes for n in steps):
            missing = [f"{a} -> {b}" for a, b in zip(steps, steps[1:]) if (a, b) not in pairs]
            if missing or len(steps) < 2:
                flag("path_not_in_model", "hypotheses", hname, "path", path=hyp.path, missing=", ".join(missing) or phrase("check.needs_a_b"))
            elif kind == "path" and (steps[0], steps[-1]) not in pairs and len(steps) > 2:
                flag("direct_path", "hypotheses", hname, "path", source=steps[0], target=steps[-1])
    mga = getattr(config.model, "mga", None)
    columns = [r.column for r in config.respondents]
    if mga is not None and mga.column not in columns:
        flag(
            "mga_column",
            "model",
            "mga",
            "column",
            column=mga.column,
            hint=near(mga.column, columns, cutoff=0.5) or (phrase("hint.respondent_columns", names=", ".join(columns)) if columns else ""),
        )
    if kind == "cbsem":
        for name in config.constructs:
            if name in used and len(config.constructs[name].items) < 2:
                flag("cbsem_items", "constructs", name, "items", name=name)
    return found + _mediation_resamples(study)


def _check_higher_order(study, used: set[str]) -> list[ConfigError]:
    """``model.higher_order`` of a PLS model: each a new key on a path, its dimensions constructs of
    the study file that no path names (the disjoint two-stage approach links them through it,
    Sarstedt et al., 2019), each in one higher-order construct; what the design cannot yet
    combine with it is refused."""
    config = study.config
    model = config.model
    found = []

    def flag(code: str, *key: object, **params) -> None:
        found.append(study.problem(f"check.{code}", "model", "higher_order", *key, **params))

    owner: dict[str, str] = {}
    for key, hoc in config.higher_order.items():
        if key in config.constructs or key in config.observed:
            flag("hoc_key_taken", key, name=key)
        elif key not in used:
            flag("hoc_unused", key, name=key)
        for i, dim in enumerate(hoc.dimensions):
            if dim not in config.constructs:
                flag("not_construct", key, "dimensions", i, name=dim, hint=near(dim, config.constructs, cutoff=0.5))
            elif dim in owner:
                flag("hoc_dimension_twice", key, "dimensions", i, name=dim, other=owner[dim])
            elif any(dim in pair for pair in pls_paths(config)):
                flag("hoc_dimension_on_path", key, "dimensions", i, name=dim, hoc=key)
            owner.setdefault(dim, key)
        explained = [source for source, target in pls_paths(config) if target == key]
        if model.higher_order_approach == "repeated_indicators" and hoc.mode == "B" and explained:
            flag("hoc_repeated_formative", key, "mode", name=key, sources=", ".join(explained))
    for setting, on in (("mga", model.mga is not None), ("indicator_removal", model.indicator_removal != "none")):
        if on:
            flag("hoc_combined", setting=setting)
    if any(hyp.moderator for hyp in config.hypotheses.values()):
        flag("hoc_combined", setting="moderator")
    return found


def _check_pls_moderation(study, name: str, hyp, pairs) -> list[ConfigError]:
    """A two-stage moderation in PLS: X -> Y and M -> Y are paths of the model (Hair et al., 2022,
    ch. 7), M is a construct, and what the design cannot yet combine with it is refused."""
    config = study.config
    steps = hyp.steps()
    found = []
    if len(steps) != 2:
        return [study.problem("check.pls_moderation_path", "hypotheses", name, "path", path=hyp.path)]
    (x, y), m = steps, hyp.moderator
    if m not in config.constructs:
        return [study.problem("check.pls_moderator_construct", "hypotheses", name, "moderator", name=m)]
    for source in (x, m):
        if (source, y) not in pairs:
            found.append(study.problem("check.pls_moderator_paths", "hypotheses", name, "moderator", path=f"{source} -> {y}"))
    model = config.model
    if model.mga is not None:
        found.append(study.problem("check.pls_moderation_with", "hypotheses", name, "moderator", key="model.mga"))
    if model.indicator_removal == "hair":
        found.append(study.problem("check.pls_moderation_with", "hypotheses", name, "moderator", key="model.indicator_removal: hair"))
    return found


def _variable_hint(name: str, variables: list[str]) -> str:
    """The variable ``name`` was perhaps meant to be, else the list of them."""
    return near(name, variables, cutoff=0.5) or phrase("hint.variables", names=", ".join(variables))


def _check_path_controls(study, on_paths: set[str]) -> list[ConfigError]:
    """The controls of a path model: each a construct or an observed variable, on no path, once."""
    config = study.config
    controls = config.model.controls
    variables = [*config.constructs, *config.observed]
    found: list[ConfigError] = []
    for i, name in enumerate(controls):
        if name not in variables:
            found.append(study.problem("check.not_variable", "model", "controls", i, name=name, hint=_variable_hint(name, variables)))
        elif name in on_paths:
            found.append(study.problem("check.control_on_path", "model", "controls", i, name=name))
        elif name in controls[:i]:
            found.append(study.problem("check.control_twice", "model", "controls", i, name=name))
    return found


def _check_repeated_model(study) -> list[ConfigError]:
    """Measures and hypotheses of a repeated-measures model: at least two distinct measures, each a
    construct, comparable sums (the same number of items) unless scores are means; a hypothesis is
    'EARLIER -> LATER' between two measures, or a test across all of them; with a ``moderator``, a
    ``compare:`` column, whether the change differs between its groups."""
    config = study.config
    model = config.model
    found: list[ConfigError] = []

    def flag(code: str, *key: object, **params) -> None:
        found.append(study.problem(f"check.{code}", *key, **params))

    for i, name in enumerate(model.measures):
        if name not in config.constructs:
            flag("not_construct", "model", "measures", i, name=name, hint=near(name, config.constructs, cutoff=0.5))
        elif name in model.measures[:i]:
            flag("measure_twice", "model", "measures", i, name=name)
    if found:
        return found
    if len(model.measures) < 2:
        flag("needs_measures", "model", *(("measures",) if model.measures else ()))
        return found
    for key, given in (
        ("qualitative", isinstance(config.qualitative, QualitativeCorpus)),
        ("observed", bool(config.observed)),
    ):
        if given:
            flag("repeated_lacks", key, what=key)
    if config.study.conclusions_chapter:
        flag("repeated_lacks", "study", "chapters", what="chapters (a conclusions chapter)")
    scales = {name: _scale_text(config.scale_of(name)) for name in model.measures}
    if len(set(scales.values())) > 1:
        first = next(iter(scales.values()))
        other = next(name for name, text in scales.items() if text != first)
        flag("measures_scales", "constructs", other, scales=", ".join(f"{k}: {v}" for k, v in scales.items()))
    counts = {name: len(config.constructs[name].items) for name in model.measures}
    if model.score == "sum" and len(set(counts.values())) > 1:
        flag("measures_items", "model", "measures", counts=", ".join(f"{k}: {v}" for k, v in counts.items()))
    listed = ", ".join(model.measures)
    for hname, hyp in config.hypotheses.items():
        if hyp.moderator is not None and hyp.moderator not in config.compare:
            flag("moderator_repeated", "hypotheses", hname, "moderator", name=hyp.moderator)
        elif hyp.simultaneous is not None:
            if set(hyp.simultaneous) != set(model.measures) or hyp.on is not None:
                flag("simultaneous_measures", "hypotheses", hname, "simultaneous", measures=listed)
        else:
            steps = hyp.steps()
            if len(steps) != 2 or not all(steps) or steps[0] == steps[1]:
                flag("repeated_path", "hypotheses", hname, "path", path=hyp.path)
                continue
            for name in steps:
                if name not in model.measures:
                    flag("not_measure", "hypotheses", hname, "path", name=name, measures=listed)
    return found


def _scale_text(scale) -> str:
    """'1–5', or 'continuous' for a construct without a scale."""
    return "continuous" if scale is None else f"{scale.min}–{scale.max}"


MIN_MEDIATION_RESAMPLES = 200


def _mediation_resamples(study) -> list[ConfigError]:
    """The indirect effects of a path model, and of a CB-SEM model with ``indirect_interval:
    bias_corrected``, are tested by a bootstrap: it needs enough resamples for its α/2 quantiles."""
    config = study.config
    indirect = any(h.path and len(h.steps()) > 2 for h in config.hypotheses.values())
    bootstrapped = config.model.type == "path" or getattr(config.model, "indirect_interval", None) == "bias_corrected"
    if not bootstrapped or not indirect or config.model.bootstrap >= MIN_MEDIATION_RESAMPLES:
        return []
    return [study.problem("check.resamples", "model", "bootstrap", least=MIN_MEDIATION_RESAMPLES)]


def _has_cycle(pairs: list[tuple[str, str]]) -> bool:
    graph: dict[str, list[str]] = {}
    for a, b in pairs:
        graph.setdefault(a, []).append(b)
    state: dict[str, int] = {}

    def visit(node: str) -> bool:
        state[node] = 1
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1 or (state.get(nxt) is None and visit(nxt)):
                return True
        state[node] = 2
        return False

    return any(state.get(node) is None and visit(node) for node in list(graph))


def model_constructs(config) -> list[str]:
    """The constructs the model and its hypotheses use, in the study file's order: for a
    regression the dependent, the predictors and any moderator or simultaneous test; for a path or
    PLS model every construct on a path; for a repeated model its measures. Listwise deletion looks at their items only."""
    used = _model_variables(config)
    return [name for name in config.constructs if name in used]


def model_observed(config) -> list[str]:
    """The observed variables the model and its hypotheses use (predictors, controls,
    moderators), in the study file's order. Listwise deletion looks at their columns too."""
    used = _model_variables(config)
    return [name for name in config.observed if name in used]


def _model_variables(config) -> set[str]:
    used: set[str] = set(getattr(config.model, "controls", ()))
    if config.model.type == "regression":
        used |= {config.model.dependent, *regression_predictors(config)}
    elif config.model.type == "repeated":
        used |= set(config.model.measures)
    elif config.model.type == "cbsem" and not pls_paths(config):  # a CFA on its own measures every construct
        used |= set(config.constructs)
    else:
        used |= {c for pair in pls_paths(config) for c in pair}
    for hyp in config.hypotheses.values():
        used |= set(hyp.steps()) if hyp.path else set()
        used |= {c for c in (hyp.moderator, hyp.on, *(hyp.simultaneous or ())) if c}
    return used | {d for key, hoc in config.higher_order.items() if key in used for d in hoc.dimensions}


def regression_predictors(config) -> list[str]:
    """``model.predictors`` (constructs or observed variables), or every construct but the
    dependent one and the controls when none are listed."""
    if config.model.predictors:
        return list(config.model.predictors)
    return [name for name in config.constructs if name != config.model.dependent and name not in config.model.controls]
