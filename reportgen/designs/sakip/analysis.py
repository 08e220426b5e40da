"""Run a SAKIP evaluation: study file + LKE answers (+ history) → :class:`SakipResults`."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

import pandas as pd

from reportgen.config import SakipStudy
from reportgen.data.logo import read_logo
from reportgen.data.sakip import Answers, read_answers, read_follow_up, read_history, read_register
from reportgen.errors import ConfigError, did_you_mean
from reportgen.interpret.sakip import Component, Finding, Framework, framework_of, predicate, ranked_findings
from reportgen.stats.sakip import UnitScore, total_at_target, unit_scores, with_ranks_and_history


@dataclass(frozen=True)
class YearMean:
    """The units scored in a year and the mean of their totals (a mean of units, given no predicate:
    a government's predicate comes from the national evaluation)."""

    units: int
    mean: float


@dataclass(frozen=True)
class SakipResults:
    year: int
    framework: Framework  # the regulation's (or the study's own) components, scale and predicate bands
    components: tuple[Component, ...]
    units: dict[str, UnitScore]
    predicates: dict[str, str]
    answers: pd.DataFrame
    history: pd.DataFrame | None
    overall_total: float  # the mean of the units' totals, named as such; no predicate of its own
    government_predicate: str | None  # the government's predicate from the national evaluation, when given
    yearly: dict[int, YearMean]  # every year with totals (history and this year), oldest first
    notes: tuple[str, ...] = ()
    follow_up: pd.DataFrame | None = None  # last year's recommendations: unit, recommendation, status, note
    register: dict[str, dict[str, str]] | None = None  # the letter register: unit → number, addressee, signatory
    evaluator_unit: str | None = None  # the unit that is the evaluator's own office (its LHE says so)
    logo: tuple[bytes, str] | None = None  # the letterhead's logo: bytes, MIME type
    target: Fraction = Fraction(4, 5)  # settings.target as a share of a criterion's weight: below it, a criterion is a finding
    findings: dict[str, list[Finding]] = field(default_factory=dict)  # unit → its findings, most severe first (the LHE's order)
    at_target: dict[str, Fraction] = field(default_factory=dict)  # unit → its total were every finding raised to the target

    def component_means(self) -> dict[str, float]:
        """Government-wide mean achievement of each component (score / weight)."""
        return {c.code: sum(u.components[c.code] for u in self.units.values()) / len(self.units) / c.weight for c in self.components}


@dataclass(frozen=True)
class SakipData:
    """The LKE answers (checked against the framework), earlier totals, notes on the files."""

    answers: Answers
    history: pd.DataFrame | None
    notes: tuple[str, ...]
    follow_up: pd.DataFrame | None = None
    register: dict[str, dict[str, str]] | None = None
    logo: tuple[bytes, str] | None = None


def load(study: SakipStudy) -> SakipData:
    config = study.config
    answers = read_answers((study.base_dir / config.answers.path).resolve(), framework_of(config), config.answers.numbers)
    history, history_notes = read_history((study.base_dir / config.history.path).resolve(), answers.units) if config.history else (None, ())
    follow_up = read_follow_up((study.base_dir / config.follow_up.path).resolve(), answers.units) if config.follow_up else None
    own = evaluator_unit(config, answers.units, study.where("evaluator_unit"))  # a unit the answers lack: one line, before any work
    register = (
        read_register((study.base_dir / config.letter.per_unit.path).resolve(), answers.units)
        if config.letter is not None and config.letter.per_unit is not None
        else None
    )
    head = config.letterhead
    logo = read_logo((study.base_dir / head.logo).resolve(), study.where("letterhead", "logo")) if head is not None and head.logo else None
    notes = answers.notes + history_notes
    if own and config.letter is not None and config.independence is None and not (register and register[own].get("signatory")):
        notes += (
            f"{own} is the evaluator's own office: its LHE states the limit to independence; state how independence was kept "
            f"(independence:) or name who signs its LHE (signatory columns of letter.per_unit)",
        )
    return SakipData(answers, history, notes, follow_up, register, logo)


def analyse(study: SakipStudy, data: SakipData) -> SakipResults:
    config = study.config
    fw = framework_of(config)
    components = fw.components
    answers, history = data.answers, data.history
    year = config.study.year
    scores = with_ranks_and_history(unit_scores(answers.frame, components), history, year)
    boundary = config.settings.boundary
    overall = sum(s.total for s in scores.values()) / len(scores)
    own = evaluator_unit(config, answers.units)
    notes = data.notes
    target = Fraction(config.settings.target) / 100
    return SakipResults(
        year=year,
        framework=fw,
        components=components,
        units=scores,
        predicates={u: predicate(s.exact, fw.bands, boundary) for u, s in scores.items()},
        answers=answers.frame,
        history=history,
        overall_total=overall,
        government_predicate=config.government_predicate,
        yearly=_yearly(scores, year),
        notes=notes,
        follow_up=data.follow_up,
        register=data.register,
        evaluator_unit=own,
        logo=data.logo,
        target=target,
        findings={u: ranked_findings(answers.frame, components, u, float(target)) for u in scores},
        at_target={u: total_at_target(answers.frame, components, u, target) for u in scores},
    )


EVALUATOR_OFFICE = "inspektorat"  # a unit whose name begins so is the evaluator's own office, when the study names none


def evaluator_unit(config, units: list[str], where: str = "key evaluator_unit") -> str | None:
    """The unit that is the evaluator's own office: the study's ``evaluator_unit`` (which must be
    a unit of the answers), else the one unit whose name (or full name) begins with "Inspektorat";
    None when there is none or more than one."""
    if config.evaluator_unit is not None:
        if config.evaluator_unit not in units:
            raise ConfigError(f"{where}: '{config.evaluator_unit}' is not a unit of the answers" + (did_you_mean(config.evaluator_unit, units) or ""))
        return config.evaluator_unit
    found = [u for u in units if any(n.casefold().startswith(EVALUATOR_OFFICE) for n in (u, config.units.get(u, u)))]
    return found[0] if len(found) == 1 else None


def _yearly(scores: dict[str, UnitScore], year: int) -> dict[int, YearMean]:
    """Mean total per year, over the units scored that year."""
    series = {u.unit: {**u.history, year: u.total} for u in scores.values()}
    years = sorted({y for totals in series.values() for y in totals})
    out = {}
    for y in years:
        totals = [totals[y] for totals in series.values() if y in totals]
        mean = sum(totals) / len(totals)
        out[y] = YearMean(len(totals), mean)
    return out
