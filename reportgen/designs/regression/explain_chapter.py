"""The chapter's explanations from the data (:mod:`reportgen.designs.regression.explain`), for the
regression design and the equations of the path design:

- beside each regression equation with two or more predictors, the table of zero-order, partial
  and semipartial correlations, sr², Beta with its interval and each variable's reading (shared
  variance, suppression), and what it shows (:func:`shares_blocks`);
- in the descriptive statistics, the table of the range of the scores (restricted range, ceiling
  or floor effect; :func:`range_section`);
- in the discussion of each hypothesis, the sentences that explain its result when a verdict applies
  (:func:`explanation_paragraphs`); in the heteroscedasticity test, the stripes a dependent variable
  of restricted range leaves in the scatterplot (:func:`stripes`).
"""

from __future__ import annotations

from typing import Any

from reportgen.designs.regression.assumptions import subsection
from reportgen.designs.regression.explain import Explained, association_subject
from reportgen.designs.survey.analysis import Description, HypothesisResult
from reportgen.designs.survey.descriptives import descriptives_section
from reportgen.interpret.explain import ATTENUATION_CITATION, CEILING_CITATION, RANGE_CITATION, SHARES_CITATION, SUPPRESSION_CITATION
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Paragraph, Section, Table

RANGES = "score_range"


def shares_key(dependent: str) -> str:
    """The table key of the shares of the equation of ``dependent``."""
    return f"shares.{dependent}"


def _score(b: Builder, value: float) -> str:
    """A score as the range table prints it: 24 (a sum), 3,67 (a mean)."""
    return b.trimmed(value, 2)


def _table_ref(b: Builder, key: str) -> str:
    return f"{b.labels['table']} {b.numbers.get(key, '')}"


def shares_table(b: Builder, why: Explained, dependent: str, hc3: bool = False, bootstrap: bool = False) -> Table:
    """Each predictor's r, Sig., partial and semipartial r, sr², Beta with its interval and reading."""
    shares = why.shares[dependent]
    associations = why.associations[dependent]
    alpha = b.study.config.settings.alpha
    body = [
        [
            s(b.labelled(name)),
            d(b.bounded(p.r)),
            d(b.p_value(p.r_p)),
            d(b.bounded(p.partial)),
            d(b.bounded(p.semipartial)),
            d(b.bounded(p.sr2)),
            d(b.decimal(p.beta)),
            d(f"{b.decimal(p.beta_low)}; {b.decimal(p.beta_high)}"),
            b.verdict(association_subject(name, dependent), associations[name].outcome, "explain_words"),
        ]
        for name, p in shares.predictors.items()
    ]
    header = [
        [
            h(b.col("variable")),
            h(b.col("r_zero")),
            h(b.col("p")),
            h(b.col("partial_r")),
            h(b.col("semipartial_r")),
            h(b.col("sr2")),
            h(b.col("beta")),
            h(b.col("beta_ci", level=b.confidence())),
            h(b.col("reading")),
        ]
    ]
    sums = {"unique": b.bounded(shares.unique), "r2": b.bounded(shares.r2), "shared": b.bounded(shown_shared(shares))}
    notes = (
        [
            b.labels["shares_note"],
            b.label("shares_sum_note" if shown_shared(shares) >= 0 else "shares_sum_note_negative", **sums),
            b.label("shares_rule_note", alpha=b.bounded(alpha, 2)),
        ]
        + ([b.labels["shares_hc3_note"]] if hc3 else [])
        + ([b.labels["shares_bootstrap_note"]] if bootstrap else [])
    )
    return b.table(
        shares_key(dependent),
        b.label("shares_title", name=b.name(dependent), code=dependent),
        header,
        body,
        notes=notes,
        widths=(3, 1.1, 1, 1, 1.2, 0.9, 0.9, 1.6, 1.5),
        small=True,
    )


def shown_shared(shares) -> float:
    """The shared part as the chapter prints it: R² less Σ sr², each rounded to the three places
    they are printed with, so that 'R² − Σ sr² = .295 − .120 = .175' adds up on the page (the
    exact difference, .1745, is in results.json)."""
    return round(round(shares.r2, 3) - round(shares.unique, 3), 3)


def shares_blocks(b: Builder, why: Explained, dependent: str, hc3: bool = False, bootstrap: bool = False) -> list:
    """The table and what it shows: how much of R² is unique and shared, which variables share
    their association with the dependent, which are in a suppression situation."""
    shares = why.shares[dependent]
    associations = why.associations[dependent]
    table = shares_table(b, why, dependent, hc3, bootstrap)
    common: dict[str, Any] = {
        "table": b.ref(table),
        "y_name": b.name(dependent),
        "r2": b.bounded(shares.r2),
        "unique": b.bounded(shares.unique),
        "shared": b.bounded(shown_shared(shares)),
        "excess": b.bounded(-shown_shared(shares)),
        "negative": shown_shared(shares) < 0,
        "citation": SHARES_CITATION,
        "suppression_citation": SUPPRESSION_CITATION,
    }
    blocks: list = [table]
    for outcome, part in (("shared_variance", "shares"), ("suppression", "suppression")):
        named = [x for x, v in associations.items() if v.outcome == outcome]
        if named or part == "shares":
            blocks += b.say(
                "variance_shares.j2",
                refs=(table.key,),
                claims=[(association_subject(x, dependent), outcome) for x in named],
                part=part,
                names=[b.name(x) for x in named],
                **common,
            )
    return blocks


def range_section(b: Builder, parent: Section, why: Explained) -> Section:
    """A lettered subsection of the descriptive statistics: the range of every construct's score."""
    sub = subsection(b, parent, b.labels["score_range"])
    floors = any(v.ceiling.outcome == "floor" for v in why.range_verdicts.values())
    body = []
    for code, r in why.ranges.items():
        verdicts = why.range_verdicts[code]
        body.append(
            [
                s(b.labelled(code)),
                d(f"{_score(b, r.minimum)}–{_score(b, r.maximum)} ({_score(b, r.low)}–{_score(b, r.high)})"),
                d(b.integer(r.distinct)),
                d(b.pct(100 * r.top_two)),
            ]
            + ([d(b.pct(100 * r.bottom_two))] if floors else [])
            + [d(b.pct(100 * r.at_highest))]
            + ([d(b.pct(100 * r.at_lowest))] if floors else [])
            + [
                d(b.bounded(r.sd_ratio)),
                b.verdict(f"range:{code}", verdicts.range.outcome, "explain_words"),
                b.verdict(f"ceiling:{code}", verdicts.ceiling.outcome, "explain_words"),
            ]
        )
    header = [
        [h(b.col("variable")), h(b.col("observed_range")), h(b.col("distinct_scores")), h(b.col("top_two"))]
        + ([h(b.col("bottom_two"))] if floors else [])
        + [h(b.col("at_highest"))]
        + ([h(b.col("at_lowest"))] if floors else [])
        + [h(b.col("sd_ratio")), h(b.col("restricted_range")), h(b.col("ceiling_floor"))]
    ]
    widths = (2.6, 1.6, 0.9, 1.2) + ((1.2,) if floors else ()) + (1.2,) + ((1.2,) if floors else ()) + (0.8, 1.4, 1.2)
    table = b.table(RANGES, b.labels["score_range_title"], header, body, notes=(b.labels["score_range_note"],), widths=widths, small=True)
    restricted = [c for c, v in why.range_verdicts.items() if v.range.outcome == "restricted"]
    extreme = [c for c, v in why.range_verdicts.items() if v.ceiling.outcome in ("ceiling", "floor")]
    claims = [(f"range:{c}", "restricted") for c in restricted]  # the sentence names the extremes, or says there is none
    claims += [(f"ceiling:{c}", v.ceiling.outcome) for c, v in why.range_verdicts.items() if not extreme or c in extreme]
    sub.add(table)
    sub.blocks += b.say(
        "score_range.j2",
        refs=(table.key,),
        claims=claims,
        table=b.ref(table),
        restricted=[b.name(c) for c in restricted],
        extreme=[b.name(c) for c in extreme],
        range_citation=RANGE_CITATION,
        ceiling_citation=CEILING_CITATION,
    )
    return sub


def descriptives_with_range(b: Builder, described: Description, number: str, why: Explained) -> Section:
    """The descriptive statistics with a last lettered subsection: the range of every variable's score."""
    section = descriptives_section(b, described, number)
    if why.ranges:  # none when every construct's indicators are continuous
        section.add(range_section(b, section, why))
    return section


def stripes(b: Builder, why: Explained, dependent: str) -> tuple[dict | None, list[tuple[str, str]]]:
    """What the scatterplot sentence says of a dependent variable of restricted range (its name,
    distinct scores and range; the range table's number), with the claim it makes; (None, [])
    otherwise."""
    verdicts = why.range_verdicts.get(dependent)
    if verdicts is None or verdicts.range.outcome != "restricted" or RANGES not in b.numbers:
        return None, []
    r = why.ranges[dependent]
    context = {
        "name": b.name(dependent),
        "code": dependent,
        "distinct": b.integer(r.distinct),
        "minimum": _score(b, r.minimum),
        "maximum": _score(b, r.maximum),
        "table": _table_ref(b, RANGES),
    }
    return context, [(f"range:{dependent}", "restricted")]


def _point_words(b: Builder, code: str, points: tuple[int, ...]) -> list[str]:
    """Points of ``code``'s scale with their words: 'Agree (4)', or the bare point without a label."""
    scale = b.study.config.scale_of(code)
    labels = scale.labels if scale is not None else {}
    return [f"{labels[p].text(b.lang)} ({p})" if p in labels else str(p) for p in points]


def explanation_paragraphs(b: Builder, why: Explained, hyp: HypothesisResult, told: dict[str, str], described: Description) -> list[Paragraph]:
    """The sentences that explain hypothesis ``hyp``'s result: its predictor's shared variance or
    suppression (with the interval of Beta when the coefficient is not significant), the part of R²
    no coefficient is credited with (a joint test), then the range of its constructs (in full the
    first time, ``told`` remembers where) and their reliability. Only what a printed table shows."""
    explanation = why.explanations.get(hyp.name)
    if explanation is None or explanation.empty:
        return []
    key = shares_key(hyp.target)
    out: list[Paragraph] = []
    y_name = b.name(hyp.target)
    if explanation.association is not None and key in b.numbers:
        x = explanation.association
        p = why.shares[hyp.target].predictors[x]
        verdict = why.associations[hyp.target][x]
        out += b.say(
            "discussion_explain.j2",
            refs=(key,),
            claims=[(association_subject(x, hyp.target), verdict.outcome)],
            part="association",
            code=verdict.outcome,
            x_name=b.name(x),
            y_name=y_name,
            table=_table_ref(b, key),
            r=b.bounded(p.r),
            sr=b.bounded(p.semipartial),
            sr2=b.bounded(p.sr2),
            beta=b.decimal(p.beta),
            low=b.decimal(p.beta_low),
            high=b.decimal(p.beta_high),
            level=b.confidence(),
            opposite=p.beta * p.r < 0,
            interval=hyp.decision.reason == "not_significant" and p.beta_low <= 0 <= p.beta_high,
            contrast=hyp.decision.reason == "not_significant" and _contrast_once(why.shares[hyp.target], told, hyp.name),
            citation=SHARES_CITATION,
            suppression_citation=SUPPRESSION_CITATION,
        )
    if explanation.shared and key in b.numbers:
        shares = why.shares[hyp.target]
        named = [x for x in hyp.source if why.associations[hyp.target][x].outcome == "shared_variance"]
        out += b.say(
            "discussion_explain.j2",
            refs=(key,),
            claims=[(association_subject(x, hyp.target), "shared_variance") for x in named],
            part="shared",
            names=[b.name(x) for x in named],
            y_name=y_name,
            table=_table_ref(b, key),
            r2=b.bounded(shares.r2),
            unique=b.bounded(shares.unique),
            shared=b.bounded(shown_shared(shares)),
            citation=SHARES_CITATION,
            contrast=bool(named) and _contrast_once(shares, told, hyp.name),
        )
    return out + _measurement_paragraphs(b, why, hyp, told, described)


CONTRAST = "(gelman)"  # the key of ``told`` that remembers where the chapter said it


def _contrast_once(shares, told: dict[str, str], hypothesis: str) -> bool:
    """Whether to say here that a significant and a non-significant coefficient do not differ
    significantly for that alone (Gelman & Stern, 2006): the equation has both (by the intervals
    of Beta), and the chapter has not said it before."""
    significant = [not (p.beta_low <= 0 <= p.beta_high) for p in shares.predictors.values()]
    if CONTRAST in told or not (any(significant) and not all(significant)):
        return False
    told[CONTRAST] = hypothesis
    return True


def _range_words(b: Builder, why: Explained, code: str, hyp: HypothesisResult, told: dict[str, str]) -> tuple[dict, list]:
    """What the discussion says of one construct's range, and the claims it makes."""
    r, verdicts = why.ranges[code], why.range_verdicts[code]
    ceiling = verdicts.ceiling.outcome if verdicts.ceiling.outcome in ("ceiling", "floor") else None
    restricted = verdicts.range.outcome == "restricted"
    claims = ([(f"range:{code}", "restricted")] if restricted else []) + ([(f"ceiling:{code}", ceiling)] if ceiling else [])
    words = {
        "name": b.name(code),
        "dependent": code == hyp.target,
        "again": told.get(code),
        "restricted": restricted,
        "points": _point_words(b, code, r.points),
        "reversed": bool(b.study.config.constructs[code].reverse),
        "minimum": _score(b, r.minimum),
        "maximum": _score(b, r.maximum),
        "low": _score(b, r.low),
        "high": _score(b, r.high),
        "ceiling": ceiling,
        "share": b.pct(100 * (r.at_highest if ceiling == "ceiling" else r.at_lowest)),
        "bound": _score(b, r.high if ceiling == "ceiling" else r.low),
    }
    return words, claims


def _measurement_paragraphs(b: Builder, why: Explained, hyp: HypothesisResult, told: dict[str, str], described: Description) -> list[Paragraph]:
    """The range and reliability of the hypothesis's constructs, as one paragraph."""
    explanation = why.explanations[hyp.name]
    config = b.study.config
    ranges, claims = [], []
    if RANGES in b.numbers:
        for code in explanation.ranges:
            words, said = _range_words(b, why, code, hyp, told)
            ranges.append(words)
            claims += said
            told.setdefault(code, hyp.name)
    constructs = described.constructs
    unreliable = (
        [
            {
                "name": b.name(c),
                "alpha": b.bounded(constructs[c].alpha),
                "minimum": b.bounded(config.settings.reliability_min, 2),
                "dependent": c == hyp.target,
            }
            for c in explanation.unreliable
        ]
        if "reliability" in b.numbers
        else []
    )
    claims += [(f"reliability:{c}", "unreliable") for c in explanation.unreliable] if unreliable else []
    if not ranges and not unreliable:
        return []
    refs = tuple(k for k, used in ((RANGES, bool(ranges)), ("reliability", bool(unreliable))) if used)
    return b.say(
        "discussion_explain.j2",
        refs=refs,
        claims=claims,
        part="measurement",
        ranges=ranges,
        unreliable=unreliable,
        y_name=b.name(hyp.target),
        range_table=_table_ref(b, RANGES),
        reliability_table=_table_ref(b, "reliability"),
        range_citation=RANGE_CITATION,
        ceiling_citation=CEILING_CITATION,
        attenuation_citation=ATTENUATION_CITATION,
    )
