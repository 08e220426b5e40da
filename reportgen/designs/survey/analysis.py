"""What every questionnaire design reports before its model: the respondent profile, the answers
and three-box index of each item (on its construct's scale; a continuous indicator has its
summary instead), item validity and reliability (:func:`describe`)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from reportgen.config import Study, model_constructs
from reportgen.config.models import Scale
from reportgen.data import Dataset
from reportgen.errors import AnalysisError
from reportgen.interpret import three_box
from reportgen.interpret.hypotheses import Decision
from reportgen.interpret.measurement import (
    MAGNITUDE_R,
    Problem,
    measurement_problems,
    omega_verdict,
    reliability_verdict,
    validity_rule,
    validity_verdict,
)
from reportgen.interpret.verdict import Verdict
from reportgen.stats.common_method import Harman, harman_single_factor
from reportgen.stats.critical import r_critical
from reportgen.stats.descriptives import (
    IndexRange,
    ItemDistribution,
    ItemSummary,
    item_distribution,
    item_summary,
    performance_interval,
    three_box_index,
    three_box_range,
)
from reportgen.stats.profile import FrequencyTable, frequency_table
from reportgen.stats.reliability import Omega, omega_total, reliability
from reportgen.stats.validity import ItemValidity, item_validity


@dataclass(frozen=True)
class ItemResult:
    """One item: its answers as given (``answered``, the answer table) and as scored
    (``distribution``: after a reverse item is recoded max + min − x; the index, validity and
    scores use it). A continuous indicator has no distribution and no index: its ``summary``
    (min, median, max, mean, SD) describes it."""

    name: str
    distribution: ItemDistribution | None  # None for a continuous indicator
    index: float | None
    category: str | None
    validity: ItemValidity
    verdict: Verdict  # valid | invalid | undefined
    alpha_if_deleted: float | None
    summary: ItemSummary  # of the values as scored: N, min, median, max, mean, SD
    answered: ItemDistribution | None = None  # as respondents answered; None when it is the scored one (not reversed)
    reversed: bool = False

    @property
    def as_answered(self) -> ItemDistribution | None:
        """The answers as respondents gave them (before a reverse item is recoded)."""
        return self.answered if self.answered is not None else self.distribution

    @property
    def valid(self) -> bool | None:
        return self.verdict.passed

    @property
    def r(self) -> float | None:
        """The r the validity verdict judged (item–total or item–rest, as settings.validity says)."""
        return self.verdict.value


@dataclass(frozen=True)
class ConstructResult:
    name: str
    items: dict[str, ItemResult]
    alpha: float | None
    index_mean: float | None  # None for continuous indicators
    category: str | None
    scores: np.ndarray = field(repr=False)
    omega_fit: Omega | None  # the one-factor model behind omega
    omega_verdict: Verdict  # within_range | out_of_range | undefined
    reliability: Verdict  # reliable | unreliable | undefined (Cronbach's alpha)
    problems: tuple[Problem, ...] = ()  # what the reliability section must name (constant items, negative alpha …)
    dichotomous: bool = False  # every item has two answers at most: alpha is KR-20, omega uses phi correlations
    performance_interval: tuple[float, float] | None = None  # 95% CI of the mean answer rescaled to 0–100 (importance–performance)
    scale: Scale | None = None  # the scale of its answers; None for continuous indicators
    index_range: IndexRange | None = None  # the three-box index's range on that scale

    @property
    def continuous(self) -> bool:
        """Its indicators are numbers, not answers on a scale: no answer table, no index."""
        return self.scale is None

    @property
    def single(self) -> bool:
        """One item: no internal consistency to assess, no other item to correlate with."""
        return len(self.items) == 1

    @property
    def omega(self) -> float | None:
        """Omega total, or None when it is undefined or outside 0–1."""
        return self.omega_verdict.value if self.omega_verdict.passed else None

    @property
    def answered(self) -> np.ndarray:
        """The scores of the respondents who answered every item (all of them, but for a construct
        outside the model under listwise deletion, whose blanks leave the respondent in)."""
        return self.scores[~np.isnan(self.scores)]

    @property
    def n_complete(self) -> int:
        return int(self.answered.size)

    @property
    def mean(self) -> float:
        return float(self.answered.mean())

    @property
    def sd(self) -> float:
        return float(self.answered.std(ddof=1)) if self.answered.size > 1 else float("nan")

    @property
    def strongest(self) -> ItemResult:
        """The statement with the highest three-box index (the first, on a tie); scaled constructs only."""
        return max(self.items.values(), key=index_of)

    @property
    def weakest(self) -> ItemResult:
        """The statement with the lowest three-box index (the first, on a tie); scaled constructs only."""
        return min(self.items.values(), key=index_of)

    @property
    def all_alike(self) -> bool:
        """Every statement has the same index: none is the strongest or the weakest."""
        return self.strongest.index == self.weakest.index


def index_of(item: ItemResult) -> float:
    if item.index is None:
        raise ValueError(f"{item.name} is a continuous indicator: it has no three-box index")
    return item.index


@dataclass(frozen=True)
class HypothesisResult:
    name: str
    kind: str  # partial | simultaneous
    source: tuple[str, ...]
    target: str
    expect: str
    decision: Decision


@dataclass(frozen=True)
class Description:
    """What every study reports before its model: profile, answers, item validity, alpha."""

    n_used: int
    n_excluded: int
    profile: dict[str, FrequencyTable]
    r_table: float
    constructs: dict[str, ConstructResult]
    dropped: tuple[tuple[str, str, float | None], ...] = ()  # (item, construct, r) removed by settings.drop_invalid
    validity_rule: str = "r_table"  # r_table | magnitude (settings.validity_rule for this n)
    method: str = "item_total"  # settings.validity
    imputed: int = 0  # blank answers replaced by their item's mean (missing: mean)
    answers: int = 0  # answers in all: respondents × items
    harman: Harman | None = None  # Harman's single factor over the model's items (common method variance)

    @property
    def validity_threshold(self) -> float:
        """What an item's r is compared with: r table, or 0,30 by the magnitude rule."""
        return MAGNITUDE_R if self.validity_rule == "magnitude" else self.r_table

    @property
    def validity_method(self) -> str:
        """The r judged: the setting's (item_total / item_rest), or item_rest by the magnitude rule."""
        return "item_rest" if self.validity_rule == "magnitude" else self.method


def describe(study: Study, data: Dataset, warnings: list[str]) -> Description:
    """Profile tables, answer distributions, three-box indexes, item validity and alpha.

    With ``settings.drop_invalid`` the items whose r does not exceed r table are removed and
    everything is computed again on the remaining items (one round, as theses report it).
    """
    first = _describe_once(study, data, warnings)
    if not study.config.settings.drop_invalid:
        return first
    dropped = [(item, c, i.r) for c, res in first.constructs.items() for item, i in res.items.items() if i.valid is False]
    if not dropped:
        return first
    gone = {item for item, _, _ in dropped}
    constructs = {}
    for name, construct in study.config.constructs.items():
        keep = {k: v for k, v in construct.items.items() if k not in gone}
        if not keep:
            raise AnalysisError.coded("analysis.no_valid_item", name=name)
        constructs[name] = construct.model_copy(update={"items": keep, "reverse": [r for r in construct.reverse if r in keep]})
    reduced = replace(study, config=study.config.model_copy(update={"constructs": constructs}))
    warnings.append(f"drop_invalid: removed {len(dropped)} item(s) that were not valid: {', '.join(item for item, _, _ in dropped)}")
    second = _describe_once(reduced, data, [])
    return replace(second, dropped=tuple(dropped))


def _describe_once(study: Study, data: Dataset, warnings: list[str]) -> Description:
    config = study.config
    settings = config.settings
    n = data.n_used
    if data.n_excluded:
        warnings.append(
            f"{data.n_excluded} respondent(s) with blank answers were excluded (listwise): {', '.join(data.excluded[:10])}"
            + (" ..." if len(data.excluded) > 10 else "")
        )
    profile = {c.column: frequency_table(data.profile[c.column], config.category_order(c.column)) for c in config.respondents}
    r_table = r_critical(settings.alpha, n, "two")
    rule = validity_rule(settings.validity_rule, n)
    constructs = {name: _construct(name, construct, data, config, r_table, rule, warnings) for name, construct in config.constructs.items()}
    if data.imputed:
        warnings.append(f"missing answers: {data.imputed} blank answer(s) were replaced by their item's mean (missing: mean)")
    used = [i for c in model_constructs(config) for i in config.constructs[c].items]
    return Description(
        n,
        data.n_excluded,
        profile,
        r_table,
        constructs,
        validity_rule=rule,
        method=settings.validity,
        imputed=data.imputed,
        answers=int(data.items.size),
        harman=harman_single_factor(data.items_of(used)),
    )


def _construct(name, construct, data: Dataset, config, r_table, rule, warnings) -> ConstructResult:
    settings = config.settings
    scale = config.scale_of(name)
    index_range = three_box_range(data.n_used, scale.min, scale.max, settings.index.basis) if scale is not None else None
    item_names = list(construct.items)
    everyone = data.items_of(item_names)
    complete = ~np.isnan(everyone).any(axis=1)  # all True but for a construct the model does not use
    matrix = everyone[complete]
    answers = data.answers_of(item_names)
    answered = data.answered_of(item_names)
    validity = item_validity(matrix)
    rel = reliability(matrix)
    items = {}
    for j, item in enumerate(item_names):
        dist = item_distribution(answers[:, j], scale.points) if scale is not None else None
        index = three_box_index(dist, settings.index.basis) if dist is not None else None
        method = "item_rest" if rule == "magnitude" else settings.validity
        r = validity[j].r_item_total if method == "item_total" else validity[j].r_item_rest
        verdict = validity_verdict(r, r_table, settings.validity, rule, single=len(item_names) == 1)
        if verdict.outcome == "undefined":
            warnings.append(f"item {item} of {name} has no variance (every respondent gave the same answer); its validity is undefined")
        elif verdict.passed is False:
            bound = f"{MAGNITUDE_R:.2f} (the magnitude rule)" if rule == "magnitude" else f"r table = {r_table:.3f}"
            warnings.append(f"item {item} of {name} is not valid: r = {r:.3f} is not above {bound}")
        reverse = item in construct.reverse
        items[item] = ItemResult(
            item,
            dist,
            index,
            three_box.category(index, three_box.own_range(dist, index_range, scale, settings.index.basis), settings.index.classes)
            if index_range is not None and dist is not None
            else None,
            validity[j],
            verdict,
            rel.alpha_if_deleted[j],
            item_summary(answers[:, j]),
            item_distribution(answered[:, j], scale.points) if reverse and scale is not None else None,
            reverse,
        )
    reliable = reliability_verdict(rel.alpha, settings.reliability_min, single=len(item_names) == 1)
    if np.ptp(matrix.sum(axis=1)) == 0:
        warnings.append(f"construct {name} has the same score for every respondent; its alpha and correlations are undefined")
    elif reliable.passed is False:
        warnings.append(f"construct {name} is not reliable: Cronbach's alpha = {rel.alpha:.3f} is below {settings.reliability_min}")
    scores = everyone.sum(axis=1) if config.model.score == "sum" else everyone.mean(axis=1)  # NaN where an item is blank
    index_mean = float(np.mean([index_of(i) for i in items.values()])) if index_range is not None else None
    placed = (
        three_box.mean_position([(i.distribution, index_of(i)) for i in items.values()], index_range, scale, settings.index.basis)
        if index_range is not None
        else None
    )
    omega = omega_total(matrix)
    problems = measurement_problems(name, item_names, rel.alpha, rel.constant, omega)
    warnings += [_problem_warning(p) for p in problems]
    dichotomous = all(len(np.unique(matrix[:, j])) <= 2 for j in range(matrix.shape[1]))
    return ConstructResult(
        name,
        items,
        rel.alpha,
        index_mean,
        three_box.category(placed, index_range, settings.index.classes) if index_range is not None else None,
        scores,
        omega,
        omega_verdict(omega.omega if omega else None),
        reliable,
        tuple(problems),
        dichotomous,
        performance_interval(answers, scale.min, scale.max) if scale is not None else None,
        scale,
        index_range,
    )


def _problem_warning(problem: Problem) -> str:
    """The problem as a warning line of results.json, led by its code."""
    items, name = ", ".join(problem.items), problem.construct
    if problem.code == "constant_items":
        return f"constant_items: {items} of {name} have no variance and are left out of Cronbach's alpha"
    if problem.code == "negative_alpha":
        return (
            f"negative_alpha: Cronbach's alpha of {name} is negative ({problem.value:.3f}): "
            "its items do not measure one thing, or a reversed item was not recoded"
        )
    if problem.code == "omega_out_of_range":
        return f"omega_out_of_range: omega of {name} is {problem.value:.3f}, outside 0–1; it is not reported"
    if problem.code == "heywood":
        return f"heywood: in the one-factor model of {name}, {items} reach the bound of their uniqueness (a Heywood case)"
    return f"flipped_items: {items} of {name} load negatively and were reversed for omega"
