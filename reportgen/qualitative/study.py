"""The qualitative strand of a study (``qualitative:`` as a coded corpus) and its integration with
the hypotheses: the corpus read from the study's files, its thematic analysis
(:mod:`reportgen.qualitative.analysis`), the quotes shown and the joint display (each
hypothesis's result beside the themes that speak to it, with the meta-inference of
:mod:`reportgen.interpret.mixed`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reportgen.config import bounds
from reportgen.config.models import LocalText, QualitativeCorpus
from reportgen.errors import ConfigError, DataError, did_you_mean
from reportgen.interpret.mixed import joint_inference, meta_inference
from reportgen.interpret.verdict import Verdict
from reportgen.qualitative.analysis import ThemeCount, co_occurrence, representative_quotes, theme_counts, theme_matrix
from reportgen.qualitative.corpus import Corpus, Excerpt, TableSource, read_corpus, read_informants


@dataclass(frozen=True)
class ThemeResult:
    """A theme as the chapter shows it: its prevalence, its name and description in the study
    file's words (``title``/``description``, None where not given), its framework ``category``,
    the quotes shown (``marked``: chosen by the user, else by the rule) and the hypotheses it
    speaks to, with its stance on each."""

    key: str
    count: ThemeCount
    title: LocalText | None
    description: LocalText | None
    category: LocalText | None
    quotes: tuple[Excerpt, ...]
    marked: bool
    explains: dict[str, str]

    def name(self, lang: str) -> str:
        return self.title.get(lang) if self.title is not None else self.key


@dataclass(frozen=True)
class JointRow:
    """One hypothesis in the joint display: its effect (quantitative result), the themes that
    speak to it with their stance and fit, and the fit of them all."""

    effect: object  # reportgen.interpret.effects.Effect
    themes: tuple[tuple[str, str, Verdict], ...]  # (theme key, stance, meta-inference)
    verdict: Verdict | None  # None: no theme speaks to the hypothesis


@dataclass(frozen=True)
class MixedResults:
    corpus: Corpus
    themes: tuple[ThemeResult, ...]
    matrix: dict[str, dict[str, int]]
    together: dict[str, dict[str, int]]
    joint: tuple[JointRow, ...]
    quotes_per_theme: int

    def theme(self, key: str) -> ThemeResult:
        return next(t for t in self.themes if t.key == key)

    def as_json(self) -> dict:
        return {
            "informants": [{"code": i.code, "role": i.role, "unit": i.unit} for i in self.corpus.informants.values()],
            "excerpts": len(self.corpus.excerpts),
            "themes": [{"theme": t.key, "category": t.count.category or (t.category.get("en") if t.category else None),
                        "codes": list(t.count.codes), "informants": list(t.count.informants),
                        "n_informants": len(t.count.informants), "n_excerpts": t.count.excerpts,
                        "quotes": [{"informant": q.informant, "text": q.text} for q in t.quotes],
                        "quote_rule": "marked" if t.marked else f"longest excerpt per informant not quoted under an earlier theme, at most {self.quotes_per_theme}",
                        "explains": t.explains} for t in self.themes],
            "matrix": self.matrix,
            "co_occurrence": self.together,
            "joint_display": [{"hypothesis": row.effect.hypothesis, "decision": row.effect.decision.outcome,
                               "themes": [{"theme": k, "stance": s, "meta_inference": v.outcome} for k, s, v in row.themes],
                               "meta_inference": row.verdict.as_json() if row.verdict else None} for row in self.joint],
        }


def read_study_corpus(study) -> Corpus:
    """The corpus the study file names (tables or a .qdpx project)."""
    from reportgen.qualitative.refi import read_project

    spec: QualitativeCorpus = study.config.qualitative
    base = study.base_dir

    def source(ref) -> TableSource:
        return TableSource(base / ref.path, ref.sheet)

    if spec.project is not None:
        people = read_informants(source(spec.informants)) if spec.informants is not None else None
        return bounded(read_project(base / spec.project, people), spec.project)
    return bounded(read_corpus(source(spec.excerpts), source(spec.codebook), source(spec.informants)), spec.excerpts.path)


def bounded(corpus: Corpus, name: str) -> Corpus:
    """``corpus``, unless it has more informants, excerpts or codes than a chapter can show
    (:mod:`reportgen.config.bounds`): one line naming ``name``, the file it came from."""
    for count, bound, what in ((len(corpus.informants), bounds.MAX_INFORMANTS, "informants"),
                               (len(corpus.excerpts), bounds.MAX_EXCERPTS, "coded excerpts"),
                               (len(corpus.codes), bounds.MAX_CODES, "codes")):
        if count > bound:
            raise DataError(f"{Path(name).name}: {count:,} {what}; a study may have at most {bound:,}")
    return corpus


def mixed_results(study, corpus: Corpus, effects: list) -> MixedResults:
    """Themes with their quotes and notes, and the joint display of ``effects`` (every hypothesis's effect)."""
    spec: QualitativeCorpus = study.config.qualitative
    themes = corpus.themes
    for group in ("themes", "framework"):
        for key in getattr(spec, group):
            if key not in themes:
                hint = did_you_mean(key, themes) or f"; the corpus's themes are {', '.join(themes)}"
                raise ConfigError(f"{study.where('qualitative', group, key)}: '{key}' is not a theme of the corpus{hint}")
    results, quoted = [], set()
    for count in theme_counts(corpus):
        notes = spec.themes.get(count.theme)
        marked = tuple(_marked(study, corpus, count.theme, k, quote) for k, quote in enumerate(notes.quotes)) if notes else ()
        quotes = marked or tuple(representative_quotes(corpus, count.theme, spec.quotes_per_theme, frozenset(quoted)))
        quoted.update(quotes)
        category = spec.framework.get(count.theme) or (LocalText(id=count.category, en=count.category) if count.category else None)
        results.append(ThemeResult(count.theme, count, notes.title if notes else None, notes.description if notes else None,
                                   category, quotes, bool(marked), dict(notes.explains) if notes else {}))
    joint = []
    for effect in effects:
        fits = tuple((t.key, t.explains[effect.hypothesis], meta_inference(t.explains[effect.hypothesis], effect.decision.supported))
                     for t in results if effect.hypothesis in t.explains)
        joint.append(JointRow(effect, fits, joint_inference([v for _, _, v in fits]) if fits else None))
    return MixedResults(corpus, tuple(results), theme_matrix(corpus), co_occurrence(corpus), tuple(joint), spec.quotes_per_theme)


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _marked(study, corpus: Corpus, theme: str, index: int, quote: str) -> Excerpt:
    """The excerpt of ``theme`` that contains the marked ``quote``; the quote as marked."""
    from reportgen.qualitative.analysis import themes_of

    wanted = _normal(quote.strip().strip("“”\"'"))
    for excerpt in corpus.excerpts:
        if wanted and wanted in _normal(excerpt.text) and theme in themes_of(corpus, excerpt):
            return Excerpt(excerpt.informant, quote.strip().strip("“”\"'"), excerpt.codes, excerpt.where)
    raise ConfigError(f"{study.where('qualitative', 'themes', theme, 'quotes', index)}: the quote is not part of any excerpt "
                      f"coded with theme '{theme}'")
