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
from reportgen.config.models import Framework, LocalText, QualitativeCorpus
from reportgen.errors import ConfigError, DataError, did_you_mean
from reportgen.interpret.effects import Effect
from reportgen.interpret.mixed import joint_inference, meta_inference
from reportgen.interpret.verdict import Verdict
from reportgen.qualitative.analysis import ThemeCount, co_occurrence, quoted_elsewhere, representative_quotes, theme_counts, theme_matrix, themes_of
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
    quoted_under: tuple[str, ...] = ()  # no quote left: the other themes its excerpts are quoted under

    def name(self, lang: str) -> str:
        return self.title.get(lang) if self.title is not None else self.key

    def quote(self) -> Excerpt | None:
        """The quote that stands for the theme in the joint display and the discussion: the
        longest it shows (the informant listed first on a tie); None when it shows none."""
        return max(self.quotes, key=lambda q: len(q.text), default=None)


@dataclass(frozen=True)
class JointRow:
    """One hypothesis in the joint display: its effect (quantitative result), the themes that
    speak to it with their stance and fit, and the fit of them all."""

    effect: Effect
    themes: tuple[tuple[str, str, Verdict], ...]  # (theme key, stance, meta-inference)
    verdict: Verdict | None  # None: no theme speaks to the hypothesis


@dataclass(frozen=True)
class MixedResults:
    """The qualitative strand analysed; ``framework``: the theory its categories come from (the
    study file's ``qualitative.framework``: name and citation keys)."""

    corpus: Corpus
    themes: tuple[ThemeResult, ...]
    matrix: dict[str, dict[str, int]]
    together: dict[str, dict[str, int]]
    joint: tuple[JointRow, ...]
    quotes_per_theme: int
    framework: Framework | None = None

    def theme(self, key: str) -> ThemeResult:
        return next(t for t in self.themes if t.key == key)

    def categories(self, lang: str) -> dict[str, list[ThemeResult]]:
        """Each framework category (in ``lang``) → its themes, in the codebook's order."""
        out: dict[str, list[ThemeResult]] = {}
        for theme in self.themes:
            if theme.category is not None:
                out.setdefault(theme.category.get(lang), []).append(theme)
        return out

    def as_json(self) -> dict:
        return {
            "informants": [{"code": i.code, "role": i.role, "unit": i.unit} for i in self.corpus.informants.values()],
            "excerpts": len(self.corpus.excerpts),
            "framework": (
                {"name": self.framework.name.model_dump() if self.framework.name else None, "cite": list(self.framework.cite)}
                if self.framework is not None
                else None
            ),
            "themes": [
                {
                    "theme": t.key,
                    "category": t.count.category or (t.category.get("en") if t.category else None),
                    "codes": list(t.count.codes),
                    "informants": list(t.count.informants),
                    "n_informants": len(t.count.informants),
                    "n_excerpts": t.count.excerpts,
                    "quotes": [{"informant": q.informant, "text": q.text} for q in t.quotes],
                    "quote_rule": "marked"
                    if t.marked
                    else f"longest excerpt per informant not quoted under another theme, at most {self.quotes_per_theme}",
                    "quoted_under": list(t.quoted_under),
                    "explains": t.explains,
                }
                for t in self.themes
            ],
            "matrix": self.matrix,
            "co_occurrence": self.together,
            "joint_display": [
                {
                    "hypothesis": row.effect.hypothesis,
                    "decision": row.effect.decision.outcome,
                    "themes": [{"theme": k, "stance": s, "meta_inference": v.outcome} for k, s, v in row.themes],
                    "meta_inference": row.verdict.as_json() if row.verdict else None,
                }
                for row in self.joint
            ],
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
    assert spec.excerpts is not None  # without a project the tables are given (QualitativeCorpus._one_source)
    return bounded(read_corpus(source(spec.excerpts), source(spec.codebook), source(spec.informants)), spec.excerpts.path)


def bounded(corpus: Corpus, name: str) -> Corpus:
    """``corpus``, unless it has more informants, excerpts or codes than a chapter can show
    (:mod:`reportgen.config.bounds`): one line naming ``name``, the file it came from."""
    for count, bound, what in (
        (len(corpus.informants), bounds.MAX_INFORMANTS, "informants"),
        (len(corpus.excerpts), bounds.MAX_EXCERPTS, "coded excerpts"),
        (len(corpus.codes), bounds.MAX_CODES, "codes"),
    ):
        if count > bound:
            raise DataError(f"{Path(name).name}: {count:,} {what}; a study may have at most {bound:,}")
    return corpus


def mixed_results(study, corpus: Corpus, effects: list) -> MixedResults:
    """Themes with their quotes and notes, and the joint display of ``effects`` (every hypothesis's effect)."""
    spec: QualitativeCorpus = study.config.qualitative
    themes = corpus.themes
    for group, keys in (("themes", spec.themes), ("framework", spec.framework.categories)):
        for key in keys:
            if key not in themes:
                hint = did_you_mean(key, themes) or f"; the corpus's themes are {', '.join(themes)}"
                long_form = group == "framework" and ("qualitative", "framework", "categories") in study.lines
                where = ("qualitative", group, "categories", key) if long_form else ("qualitative", group, key)
                raise ConfigError(f"{study.where(*where)}: '{key}' is not a theme of the corpus{hint}")
    quotes, shown = choose_quotes(study, corpus)
    results = []
    for count in theme_counts(corpus):
        notes = spec.themes.get(count.theme)
        category = spec.framework.categories.get(count.theme) or (LocalText(id=count.category, en=count.category) if count.category else None)
        mine = quotes[count.theme]
        under = tuple(quoted_elsewhere(corpus, count.theme, shown)) if not mine else ()
        results.append(
            ThemeResult(
                count.theme,
                count,
                notes.title if notes else None,
                notes.description if notes else None,
                category,
                mine,
                bool(notes and notes.quotes),
                dict(notes.explains) if notes else {},
                under,
            )
        )
    joint = []
    for effect in effects:
        fits = tuple(
            (t.key, t.explains[effect.hypothesis], meta_inference(t.explains[effect.hypothesis], effect.decision.supported))
            for t in results
            if effect.hypothesis in t.explains
        )
        joint.append(JointRow(effect, fits, joint_inference([v for _, _, v in fits]) if fits else None))
    framework = spec.framework if (spec.framework.name or spec.framework.cite) else None
    return MixedResults(corpus, tuple(results), theme_matrix(corpus), co_occurrence(corpus), tuple(joint), spec.quotes_per_theme, framework)


def choose_quotes(study, corpus: Corpus) -> tuple[dict[str, tuple[Excerpt, ...]], dict[Excerpt, str]]:
    """Each theme's quotes: those marked in the study file first (every theme's), then, in the
    codebook's order, the rule's choice for the others among the excerpts not yet quoted; and
    which theme each quoted excerpt is shown under. A quote illustrates one theme: marking the
    same words for two themes is a mistake (one line naming the second)."""
    spec: QualitativeCorpus = study.config.qualitative
    quotes: dict[str, tuple[Excerpt, ...]] = {}
    shown: dict[Excerpt, str] = {}
    marked_text: dict[str, tuple[str, int]] = {}  # the marked words, normalised → (theme, index)
    for theme in corpus.themes:
        notes = spec.themes.get(theme)
        chosen = []
        for k, quote in enumerate(notes.quotes if notes else ()):
            source, excerpt = _marked(study, corpus, theme, k, quote)
            words = _normal(excerpt.text)
            twin = next(((t, i) for w, (t, i) in marked_text.items() if t != theme and (w in words or words in w)), None)
            if twin is not None:
                raise ConfigError(
                    f"{study.where('qualitative', 'themes', theme, 'quotes', k)}: the quote is already marked for "
                    f"theme '{twin[0]}' (qualitative.themes.{twin[0]}.quotes.{twin[1]}); a quote illustrates one theme"
                )
            marked_text[words] = (theme, k)
            shown.setdefault(source, theme)
            chosen.append(excerpt)
        if chosen:
            quotes[theme] = tuple(chosen)
    for theme in corpus.themes:
        if theme not in quotes:
            quotes[theme] = tuple(representative_quotes(corpus, theme, spec.quotes_per_theme, frozenset(shown)))
            shown.update(dict.fromkeys(quotes[theme], theme))
    return quotes, shown


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _marked(study, corpus: Corpus, theme: str, index: int, quote: str) -> tuple[Excerpt, Excerpt]:
    """The excerpt of ``theme`` that contains the marked ``quote``, and the quote as marked (an
    excerpt of the same informant and codes with the marked words)."""
    words = quote.strip().strip("“”\"'")
    wanted = _normal(words)
    for excerpt in corpus.excerpts:
        if wanted and wanted in _normal(excerpt.text) and theme in themes_of(corpus, excerpt):
            return excerpt, Excerpt(excerpt.informant, words, excerpt.codes, excerpt.where)
    raise ConfigError(
        f"{study.where('qualitative', 'themes', theme, 'quotes', index)}: the quote is not part of any excerpt coded with theme '{theme}'"
    )


def framework_problems(study) -> list[ConfigError]:
    """Each key of ``qualitative.framework.cite`` that is neither in the study's literature file
    nor in reportgen's built-in bibliography (a literature file that cannot be read is reported
    by :func:`reportgen.literature.check.check_literature`)."""
    from reportgen.literature.library import literature_path, load_literature
    from reportgen.literature.methods import methods

    spec = study.config.qualitative
    if not isinstance(spec, QualitativeCorpus) or not spec.framework.cite:
        return []
    path = literature_path(study)
    mine = None
    if path is not None and path.is_file():
        try:
            mine = load_literature(path)
        except ConfigError:
            return []
    known = list(mine.keys if mine is not None else []) + list(methods().keys)
    found = []
    for i, key in enumerate(spec.framework.cite):
        where = study.where("qualitative", "framework", "cite", i)
        if mine is not None and key in mine:
            missing = mine.missing(key)
            if missing:
                found.append(
                    ConfigError(f"{where}: entry '{key}' of {mine.name} has no {' and no '.join(missing)}; APA cites a work by its author and year")
                )
        elif key not in methods():
            file = f"{mine.name} or " if mine is not None else ""
            found.append(ConfigError(f"{where}: '{key}' is not in {file}reportgen's built-in bibliography" + (did_you_mean(key, known) or "")))
    return found
