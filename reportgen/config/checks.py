"""Cross-field checks of a study file, each naming the line it refers to.

Pydantic checks each key on its own; here we check that the keys agree with each other:
items are unique, reverse items exist, the model and the hypotheses name known constructs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportgen.config.models import PathModel
from reportgen.errors import ConfigError, did_you_mean

if TYPE_CHECKING:
    from reportgen.config.load import Study



def cross_check(study: "Study") -> list[ConfigError]:
    """Return every inconsistency found (empty when the file is coherent)."""
    config = study.config
    problems: list[ConfigError] = []

    def problem(message: str, *key: object) -> None:
        problems.append(ConfigError(f"{study.where(*key)}: {message}"))

    constructs = list(config.constructs)

    def unknown_construct(name: str, *key: object) -> None:
        hint = did_you_mean(name, constructs, cutoff=0.5) or f"; constructs are {', '.join(constructs)}"
        problem(f"'{name}' is not a construct{hint}", *key)

    seen: dict[str, str] = {}
    for cname, construct in config.constructs.items():
        for item in construct.items:
            if item in seen:
                problem(f"item '{item}' is listed in both {seen[item]} and {cname}", "constructs", cname, "items", item)
            seen[item] = cname
        for i, item in enumerate(construct.reverse):
            if item not in construct.items:
                problem(f"reverse item '{item}' is not an item of {cname}", "constructs", cname, "reverse", i)
    for i, column in enumerate(config.respondents):
        if column.column in seen:
            problem(f"'{column.column}' is an item, not a respondent profile column", "respondents", i, "column")
        if column.order is not None and len(set(column.order)) != len(column.order):
            problem("'order' lists a category twice", "respondents", i, "order")

    problems += _check_shared(study)
    model = config.model
    if isinstance(model, PathModel):
        return problems + _check_path_model(study)
    if model.dependent is None:
        problem("a regression model needs 'dependent' (the construct explained)", "model")
        return problems
    if model.dependent not in config.constructs:
        unknown_construct(model.dependent, "model", "dependent")
        return problems
    predictors = regression_predictors(config)
    for i, name in enumerate(model.predictors):
        if name not in config.constructs:
            unknown_construct(name, "model", "predictors", i)
        elif name == model.dependent:
            problem(f"'{name}' is the dependent construct and cannot also be a predictor", "model", "predictors", i)
    if len(set(model.predictors)) != len(model.predictors):
        problem("a predictor is listed twice", "model", "predictors")
    if not predictors:
        problem("the model has no predictors", "model", "predictors")

    for hname, hyp in config.hypotheses.items():
        if hyp.moderator is not None:
            steps = hyp.steps()
            if hyp.path is None or len(steps) != 2:
                problem("a moderator hypothesis needs 'path: X -> Y'", "hypotheses", hname, "path")
                continue
            for name in (*steps, hyp.moderator):
                if name not in config.constructs:
                    unknown_construct(name, "hypotheses", hname, "moderator" if name == hyp.moderator else "path")
            if steps[1] in config.constructs and steps[1] != model.dependent:
                problem(f"'{steps[1]}' is not the model's dependent construct '{model.dependent}'", "hypotheses", hname, "path")
            if hyp.moderator in (steps[0], model.dependent):
                problem(f"the moderator '{hyp.moderator}' must differ from the predictor and the dependent construct", "hypotheses", hname, "moderator")
            continue
        if hyp.simultaneous is not None:
            if len(set(hyp.simultaneous)) < 2:
                problem("a simultaneous (F) hypothesis needs at least two predictors; with one predictor the F test is the t "
                        "test of its slope (F = t²): state it as 'path: X -> Y'", "hypotheses", hname, "simultaneous")
                continue
            for i, name in enumerate(hyp.simultaneous):
                if name not in config.constructs:
                    unknown_construct(name, "hypotheses", hname, "simultaneous", i)
                elif name not in predictors:
                    problem(f"'{name}' is not a predictor of the model", "hypotheses", hname, "simultaneous", i)
            if hyp.on != model.dependent:
                problem(f"'on' must be the model's dependent construct '{model.dependent}'", "hypotheses", hname, "on")
            continue
        steps = hyp.steps()
        if len(steps) != 2 or not all(steps):
            problem(f"path '{hyp.path}' must read 'A -> B' in a regression model", "hypotheses", hname, "path")
            continue
        source, target = steps
        for name in (source, target):
            if name not in config.constructs:
                unknown_construct(name, "hypotheses", hname, "path")
        if source in config.constructs and source not in predictors:
            problem(f"'{source}' is not a predictor of the model", "hypotheses", hname, "path")
        if target in config.constructs and target != model.dependent:
            problem(f"'{target}' is not the model's dependent construct '{model.dependent}'", "hypotheses", hname, "path")

    return problems


def _check_shared(study: "Study") -> list[ConfigError]:
    """The scale's answer words, the templates folder and the literature file with the
    hypotheses' citations of it (every questionnaire design)."""
    from reportgen.data.coding import scale_word_clash
    from reportgen.literature.check import check_literature

    config = study.config
    found = []
    clash = scale_word_clash(config.scale)
    if clash:
        word, first, second = clash
        found.append(ConfigError(f"{study.where('scale', 'labels', str(second))}: the word '{word}' is used for both {first} and "
                                 f"{second}; each answer word must name one scale point"))
    if config.templates is not None and not (study.base_dir / config.templates).is_dir():
        found.append(ConfigError(f"{study.where('templates')}: templates folder '{config.templates}' not found"))
    return found + check_literature(study) + _check_corpus(study)


def _check_corpus(study: "Study") -> list[ConfigError]:
    """The qualitative corpus's files exist, and the hypotheses its themes explain are the study's."""
    from reportgen.config.models import QualitativeCorpus

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
            found.append(ConfigError(f"{study.where(*where)}: file '{path}' not found"))
        elif key == "project" and not path.lower().endswith(".qdpx"):
            found.append(ConfigError(f"{study.where(*where)}: '{path}' is not a REFI-QDA project (.qdpx)"))
    hypotheses = list(study.config.hypotheses)
    for theme, notes in corpus.themes.items():
        for h in notes.explains:
            if h not in hypotheses:
                hint = did_you_mean(h, hypotheses) or (f"; hypotheses are {', '.join(hypotheses)}" if hypotheses else "; the study has no hypotheses")
                found.append(ConfigError(f"{study.where('qualitative', 'themes', theme, 'explains', h)}: '{h}' is not a hypothesis{hint}"))
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

    def flag(message: str, *key: object) -> None:
        found.append(ConfigError(f"{study.where(*key)}: {message}"))

    for i, text in enumerate(config.model.paths):
        steps = [s.strip() for s in str(text).split("->")]
        if len(steps) < 2 or not all(steps):
            flag(f"path '{text}' must read 'A -> B'", "model", "paths", i)
        for name in steps:
            if name and name not in config.constructs:
                flag(f"'{name}' is not a construct" + did_you_mean(name, config.constructs, cutoff=0.5), "model", "paths", i)
    if found:
        return found
    pairs = pls_paths(config)
    if not pairs:
        flag(f"a {config.model.type} model needs paths: list them under model.paths or give hypotheses with 'path'", "model")
        return found
    if any(a == b for a, b in pairs) or _has_cycle(pairs):
        flag("the paths form a loop; a path model must be recursive", "model", "paths")
    used = {c for pair in pairs for c in pair}
    for name in config.constructs:
        if name not in used:
            flag(f"construct '{name}' is in no path of the model", "constructs", name)
    for hname, hyp in config.hypotheses.items():
        if hyp.simultaneous is not None:
            flag(f"a {config.model.type} model has no simultaneous F test; state hypotheses as paths", "hypotheses", hname, "simultaneous")
            continue
        if hyp.moderator is not None:
            flag("a moderator belongs to a regression model (model.type: regression)", "hypotheses", hname, "moderator")
            continue
        steps = hyp.steps()
        for name in steps:
            if name not in config.constructs:
                flag(f"'{name}' is not a construct" + did_you_mean(name, config.constructs, cutoff=0.5), "hypotheses", hname, "path")
        if all(n in config.constructs for n in steps):
            missing = [f"{a} -> {b}" for a, b in zip(steps, steps[1:]) if (a, b) not in pairs]
            if missing or len(steps) < 2:
                flag(f"path '{hyp.path}' is not in the model ({', '.join(missing) or 'needs A -> B'})", "hypotheses", hname, "path")
            elif config.model.type == "path" and (steps[0], steps[-1]) not in pairs and len(steps) > 2:
                flag(f"an indirect effect needs the direct path {steps[0]} -> {steps[-1]} in the model as well (its c′); "
                     "add it to model.paths", "hypotheses", hname, "path")
    return found + _mediation_resamples(study)


MIN_MEDIATION_RESAMPLES = 200


def _mediation_resamples(study) -> list[ConfigError]:
    """The indirect effects of a path model are tested by a percentile bootstrap: it needs enough
    resamples for its α/2 quantiles."""
    config = study.config
    indirect = any(h.path and len(h.steps()) > 2 for h in config.hypotheses.values())
    if config.model.type != "path" or not indirect or config.model.bootstrap >= MIN_MEDIATION_RESAMPLES:
        return []
    return [ConfigError(f"{study.where('model', 'bootstrap')}: an indirect effect is tested with at least "
                        f"{MIN_MEDIATION_RESAMPLES} bootstrap resamples (5000 recommended)")]


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
    PLS model every construct on a path. Listwise deletion looks at their items only."""
    used: set[str] = set()
    if config.model.type == "regression":
        used |= {config.model.dependent, *regression_predictors(config)}
    else:
        used |= {c for pair in pls_paths(config) for c in pair}
    for hyp in config.hypotheses.values():
        used |= set(hyp.steps()) if hyp.path else set()
        used |= {c for c in (hyp.moderator, hyp.on, *(hyp.simultaneous or ())) if c}
    return [name for name in config.constructs if name in used]


def regression_predictors(config) -> list[str]:
    """``model.predictors``, or every construct but the dependent one when none are listed."""
    if config.model.predictors:
        return list(config.model.predictors)
    return [name for name in config.constructs if name != config.model.dependent]
