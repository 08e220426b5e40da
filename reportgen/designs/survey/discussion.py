"""Section x.2, the discussion, for every questionnaire design.

It opens with a table of every hypothesis (its decision, coefficient, rank among the predictors
of its target and effect size), then discusses each hypothesis in turn:

1. what the test shows and the decision (the design's own sentence, ``restate``);
2. how large the effect is and how it ranks (:mod:`reportgen.interpret.effects`);
3. what the respondents' answers add: the construct's three-box category and its statements with
   the highest and lowest index, quoted (Ferdinand, 2014), a reverse-scored one marked as such;
4. the comparison with earlier studies the author lists (``supports`` / ``contradicts`` keys of
   the study's ``literature`` file), cited author–year;
5. the author's own text (``hypotheses.<H>.discussion``), or, when neither 4 nor 5 is given, the
   author's task of adding one (:mod:`reportgen.report.tasks`: never printed as text).
"""

from __future__ import annotations

from collections.abc import Callable

from reportgen.designs.survey.analysis import ConstructResult, Description, index_of
from reportgen.interpret.effects import CITATION as EFFECT_CITATION
from reportgen.interpret.effects import Effect
from reportgen.report.builder import Builder, d, h, s
from reportgen.report.document import Paragraph, Section
from reportgen.report.tasks import literature_task

# (effect) → (subsection title, the paragraphs restating the test and its decision)
Restate = Callable[[Effect], tuple[str, list[Paragraph]]]


def discussion_section(
    b: Builder, number: str, effects: list[Effect], described: Description, restate: Restate, left_out: frozenset[str] = frozenset()
) -> Section:
    """Section x.2; ``left_out`` are items the model no longer uses (PLS indicators removed), said
    to be removed when quoted."""
    section = b.section(b.labels["discussion"], 2, number)
    table = effects_table(b, effects)
    grounded = [h for h in b.study.config.hypotheses.values() if h.supports or h.contradicts or h.theory]
    section.blocks += b.say(
        "discussion_summary.j2", table=b.ref(table), citation=EFFECT_CITATION, interviews=b.mixed is not None, earlier=bool(grounded)
    )
    section.add(table)
    described_in: dict[str, str] = {}  # construct → the hypothesis whose discussion described its answers
    for k, effect in enumerate(effects, start=1):
        title, paragraphs = restate(effect)
        sub = b.section(f"{effect.hypothesis}: {title}", 3, f"{number}.{k}")
        sub.blocks += paragraphs
        sub.blocks += effect_paragraphs(b, effect, table.key)
        construct = effect.answers_of
        if construct in described_in:
            sub.blocks += b.say("discussion_index_again.j2", name=b.name(construct), h=described_in[construct])
        elif construct in described.constructs:
            sub.blocks += answers_paragraphs(b, effect, construct, described.constructs[construct], left_out)
            described_in[construct] = effect.hypothesis
        if b.mixed is not None:
            from reportgen.designs.survey.qualitative import discussion_paragraphs

            sub.blocks += discussion_paragraphs(b, b.mixed, effect)
        sub.blocks += literature_paragraphs(b, effect.hypothesis, effect.decision.supported)
        section.add(sub)
    return section


def effect_path(effect: Effect) -> str:
    if effect.kind == "moderation":
        x, z, y = effect.chain
        return f"{x} × {z} → {y}"
    if effect.kind == "simultaneous":
        return f"{', '.join(effect.chain[:-1])} → {effect.target}"
    if len(effect.chain) == 2:  # one arrow: kept on one line (no-break spaces)
        return "\u00a0→\u00a0".join(effect.chain)
    return " → ".join(effect.chain)


def effects_table(b: Builder, effects: list[Effect]):
    """Every hypothesis: path, coefficient, statistic, Sig., decision, rank, f² and its size."""
    body = []
    for e in effects:
        body.append(
            [
                d(e.hypothesis),
                s(effect_path(e)),
                d(estimate_text(b, e)),
                d(f"{e.statistic_name} = {b.decimal(e.statistic)}"),
                d(b.p_value(e.p)),
                b.verdict(f"hypothesis:{e.hypothesis}", e.decision.outcome),
                d(f"{e.rank}/{e.among}" if e.rank else "–"),
                d(b.decimal(e.f2) if e.f2 is not None else "–"),
                b.verdict(f"effect:{e.hypothesis}", e.size.outcome, "f2_sizes") if e.size else d("–"),
            ]
        )
    header = [
        [
            h(b.col("hypothesis")),
            h(b.col("path")),
            h(b.col("coefficient")),
            h(b.col("statistic")),
            h(b.col("p")),
            h(b.col("decision")),
            h(b.col("rank")),
            h("f²"),
            h(b.col("effect_size")),
        ]
    ]
    return b.table(
        "discussion.effects",
        b.labels["discussion_effects_title"],
        header,
        body,
        notes=(_effects_note(b, effects),),
        widths=(0.9, 1.9, 1.1, 1.4, 1.2, 1.2, 1.0, 0.8, 1.2),
        small=True,
    )


def moderator_levels(b: Builder, e: Effect) -> list[str]:
    """A categorical moderator's categories as the chapter writes them, the reference first."""
    return [b.observed_category(e.chain[1], level) for level in e.levels]


def estimate_text(b: Builder, e: Effect) -> str:
    """An effect's coefficient as printed; the R² of a simultaneous test cannot exceed 1 (no
    leading zero in English, APA 7 §6.36), a coefficient can; nor can the ΔR² of a categorical
    predictor or of a moderator of three or more categories."""
    return b.bounded(e.estimate) if e.kind in ("simultaneous", "categorical") or len(e.levels) > 2 else b.decimal(e.estimate)


def coefficient_note(b: Builder, effects: list[Effect]) -> str:
    """What a coefficient column of ``effects`` holds, for the kinds of effect shown only."""
    parts = b.labels["discussion_effects_note"]
    kinds = {e.kind for e in effects}
    clauses = [parts["direct_pls" if b.study.config.model.type == "pls" else "direct"]]
    clauses += [parts[kind] for kind in ("indirect", "moderation", "simultaneous") if kind in kinds]
    return "; ".join(clauses) + "."


def _effects_note(b: Builder, effects: list[Effect]) -> str:
    """The coefficient note, what the rank and effect-size columns hold, and the decision rule."""
    settings = b.study.config.settings
    words = b.labels["discussion_effects_note"]
    decision = words["decision"].format(alpha=b.bounded(settings.alpha, 2), tails=b.labels["tails"][settings.tails])
    design = b.study.config.model.type
    if getattr(b.study.config.model, "indirect_interval", None) == "bias_corrected":
        design = "cbsem_bootstrap"
    if design in words["decision_indirect"] and any(e.kind == "indirect" for e in effects):  # decided by an interval, not by p
        decision = f"{decision.rstrip('.')}; {words['decision_indirect'][design]}."
    return " ".join([coefficient_note(b, effects), words["rest"].format(citation=EFFECT_CITATION), decision])


def effect_paragraphs(b: Builder, e: Effect, table_key: str) -> list[Paragraph]:
    names = [b.name(c) for c in e.chain]
    size = b.labels["f2_sizes"][e.size.outcome].lower() if e.size else None
    claims = [(f"effect:{e.hypothesis}", e.size.outcome)] if e.size else []
    refs = (table_key, "determination") if e.kind == "simultaneous" and "determination" in b.numbers else (table_key,)
    return b.say(
        "discussion_effect.j2",
        refs=refs,
        claims=claims,
        kind=e.kind,
        h=e.hypothesis,
        names=names,
        estimate=estimate_text(b, e),
        rank=e.rank,
        rank_word=b.ordinal(e.rank - 1) if e.rank else None,
        among=e.among,
        f2=b.decimal(e.f2) if e.f2 is not None else None,
        size=size,
        size_code=e.size.outcome if e.size else None,
        share=b.pct(100 * e.estimate) if e.kind == "simultaneous" else None,
        supported=e.decision.supported,
        citation=EFFECT_CITATION,
        levels=moderator_levels(b, e),
    )


CLOSE_SHARE = 0.02  # statements whose indexes differ by less than this share of the index's range are not set apart


def answers_paragraphs(b: Builder, e: Effect, code: str, construct: ConstructResult, left_out: frozenset[str] = frozenset()) -> list[Paragraph]:
    """What the data say of the construct a hypothesis discusses: its answers by the three-box
    index (:func:`index_paragraphs`), or, for continuous indicators, their range and mean."""
    if construct.continuous:
        return _continuous_paragraphs(b, e, code, construct)
    return index_paragraphs(b, e, code, construct, left_out)


def _continuous_paragraphs(b: Builder, e: Effect, code: str, construct: ConstructResult) -> list[Paragraph]:
    """A construct of continuous indicators, as its summary table shows it: one indicator by its
    range and mean, several by their count (their units may differ: no mean is compared)."""
    from reportgen.designs.survey.descriptives import measured_figures

    items = [{"item": name, **measured_figures(b, item.summary)} for name, item in construct.items.items()]
    return b.say(
        "discussion_continuous.j2",
        refs=(f"summary.{code}",),
        kind=e.kind,
        name=b.name(code),
        code=code,
        target=b.name(e.target),
        items=items,
        supported=e.decision.supported,
        table=f"{b.labels['table']} {_index_number(b, code, 'summary')}",
    )


def index_paragraphs(b: Builder, e: Effect, code: str, construct: ConstructResult, left_out: frozenset[str] = frozenset()) -> list[Paragraph]:
    """The construct's three-box category and its strongest and weakest statements, with their text
    (as its index table shows them; an indicator the PLS model removed is said to be removed).
    When the highest and lowest index differ by less than ``CLOSE_SHARE`` of the index's range,
    the statements are said to be alike instead of set apart as highest and lowest."""
    config = b.study.config
    if construct.index_range is None:
        raise ValueError(f"{code} has continuous indicators: no three-box index to discuss")
    span = construct.index_range.high - construct.index_range.low
    top, low = construct.strongest, construct.weakest
    category = b.labels["categories"][construct.category] if construct.category else b.word("undefined")

    def statement(item) -> dict:
        return {
            "code": item.name,
            "text": config.constructs[code].item_text(item.name, b.lang),
            "index": b.decimal(item.index, 2),
            "removed": item.name in left_out,
            "reversed": item.reversed,
        }

    return b.say(
        "discussion_index.j2",
        refs=(f"index.{code}",),
        claims=[(f"index:{code}", construct.category or "undefined")],
        kind=e.kind,
        name=b.name(code),
        code=code,
        target=b.name(e.target),
        category=category.lower(),
        mean=b.decimal(construct.index_mean, 2),
        top=statement(top),
        low=statement(low),
        same=construct.all_alike,
        single=construct.single,
        tied_top=_tied(construct, top),
        tied_low=_tied(construct, low),
        close=index_of(top) - index_of(low) < CLOSE_SHARE * span,
        supported=e.decision.supported,
        table=f"{b.labels['table']} {_index_number(b, code)}",
    )


def _tied(construct: ConstructResult, item) -> list[str]:
    """The other statements whose index, as printed (two decimals), equals ``item``'s."""
    return [i.name for i in construct.items.values() if i.name != item.name and round(index_of(i), 2) == round(index_of(item), 2)]


def _index_number(b: Builder, code: str, kind: str = "index") -> str:
    return b.numbers.get(f"{kind}.{code}", "")


def literature_paragraphs(b: Builder, name: str, supported: bool) -> list:
    """The theory hypothesis ``name`` rests on, the comparison with earlier studies (which agree
    depends on whether it was ``supported``), the author's text, or, when none of them is given,
    the author's task of writing one (a Word comment and a margin note of a draft, never text)."""
    hyp = b.study.config.hypotheses[name]
    out: list = []
    if hyp.theory is not None:
        out += b.say("discussion_theory.j2", text=hyp.theory.text.get(b.lang).strip().rstrip("."), citation=b.cite_works(hyp.theory.cite))
    literature = b.literature
    if literature is not None and (hyp.supports or hyp.contradicts):
        agree, differ = (hyp.supports, hyp.contradicts) if supported else (hyp.contradicts, hyp.supports)

        def works(keys):
            return [
                {
                    "cite": literature.cite([key], narrative=True, lang=b.lang),
                    "finding": hyp.findings[key].get(b.lang).strip().rstrip(".") if key in hyp.findings else None,
                }
                for key in keys
            ]

        out += b.say("discussion_literature.j2", h=name, supported=supported, agree=works(agree), differ=works(differ))
        b.cited.update(hyp.supports + hyp.contradicts)
    if hyp.discussion is not None:
        out += b.say("discussion_written.j2", text=hyp.discussion.get(b.lang))
    if not out:
        out.append(literature_task(b, name))
    return out
