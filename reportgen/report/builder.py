"""The chapter builder's toolbox: numbering, labels, sentences and number formatting.

Numbers become text here and only here (in the study's locale); sentences come from the
templates; tables and figures are numbered "<chapter>.<n>" in order of appearance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Generic

from reportgen.config import StudyConfig, StudyFile
from reportgen.config.load import ConfigT
from reportgen.config.sakip import SakipConfig
from reportgen.config.term_keys import split_key
from reportgen.errors import ReportgenError
from reportgen.output.names import NameBook
from reportgen.report.document import Cell, Figure, Paragraph, Run, Section, Table
from reportgen.words import locale as numbers
from reportgen.words.italics import italic_spans, paragraphs, pattern
from reportgen.words.labels import load_labels
from reportgen.words.templates import Made, environment, render, render_marked, significance

if TYPE_CHECKING:
    from reportgen.literature.library import Literature
    from reportgen.qualitative.study import MixedResults


def _filled(text: str, key: str, values: dict) -> str:
    def fill(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            raise ReportgenError(f"labels.yaml, key {key}: unknown placeholder {{{name}}}; use {', '.join('{' + v + '}' for v in values)}")
        return str(values[name])

    return re.sub(r"\{([^{}]*)\}", fill, text)


FIGURES = "figures"  # the folder of the figures, inside the output folder


@dataclass
class Builder(Generic[ConfigT]):
    """The toolbox of one chapter (or one LHE) of a study: :data:`ThesisBuilder` or :data:`SakipBuilder`."""

    study: StudyFile[ConfigT]
    lang: str
    source_label: str = "source"  # the labels.yaml key of the line under every table and figure
    labels: dict = field(init=False)
    _tables: int = 0
    _figures: int = 0
    numbers: dict[str, str] = field(default_factory=dict)  # table key → its number, once made
    cited: set[str] = field(default_factory=set)  # keys of the study's literature cited by key so far; every
    # citation printed as text (the methods' works) is found in the finished chapter (reportgen.literature.cited)
    literature: Literature | None = None  # the study's reference file, read (``literature:``), or None
    mixed: MixedResults | None = None  # the qualitative strand analysed (reportgen.qualitative.study.MixedResults), or None

    def __post_init__(self) -> None:
        config = self.study.config
        folder = self.study.templates_dir
        self.env = environment(self.lang, folder)
        self.labels = load_labels(self.lang, folder)
        self._italic = pattern(self.labels.get("italic"))  # the terms the language italicises (labels.yaml italic)
        self.chapter: int | None = config.study.chapter
        self._file_names = NameBook()
        self.source = self._source_line()
        if getattr(config, "literature", None) is not None:  # a SAKIP report has no literature
            from reportgen.literature import study_literature

            self.literature = study_literature(self.study)

    def _source_line(self) -> str:
        """The line under every table and figure: the design's own (``source_label``), or, for
        secondary data (``data.source``), ``<source_label>_secondary`` naming the citation if any."""
        year = self.study.config.study.year
        origin = getattr(getattr(self.study.config, "data", None), "source", None)
        if origin is None or origin.type == "primary":
            return self.label(self.source_label, year=year)
        if origin.citation:
            return self.label(f"{self.source_label}_secondary_cited", citation=origin.citation, year=year)
        return self.label(f"{self.source_label}_secondary", year=year)

    def label(self, key: str, **values) -> str:
        """A label with its ``{name}`` placeholders filled (plain names only, no attribute access)."""
        return _filled(str(self.labels[key]), key, values)

    def type_glosses(self, outcomes) -> tuple[str, ...]:
        """A table note glossing the mediation types among ``outcomes`` whose name in the
        chapter's language is not the one the literature uses (Indonesian: 'mediasi tidak
        langsung saja: indirect-only mediation'); none when no type shown needs it."""
        glosses = self.labels.get("mediation_type_glosses") or {}
        shown = [glosses[o] for o in dict.fromkeys(outcomes) if o in glosses]
        if not shown:
            return ()
        text = "; ".join(shown)
        return (text[0].upper() + text[1:] + ".",)

    # numbers ---------------------------------------------------------------------------
    def decimal(self, value, decimals: int = 3) -> str:
        """A number to ``decimals`` places in the study's locale: '11,885' / '11.885'."""
        return numbers.fmt(value, decimals, self.lang)

    def p_value(self, value) -> str:
        """A p value: '0,041', '< 0,001'; in English without the leading zero, '.041' (APA 7 §6.36)."""
        return numbers.fmt_p(value, 3, self.lang, unit=True)

    def bounded(self, value, decimals: int = 3) -> str:
        """A value that cannot exceed 1 (r, R², alpha, a loading, AVE, a proportion, a significance
        level): '0,724'; in English '.724' (APA 7 §6.36: no zero before the decimal point)."""
        return numbers.fmt_unit(value, decimals, self.lang)

    def sig(self, value) -> str:
        """A significance after its name: '= 0,041' or '< 0,001' (never '= < 0,001')."""
        return significance(self.p_value(value))

    def trimmed(self, value, max_decimals: int = 3) -> str:
        """A number with at most ``max_decimals`` places and no trailing zeros: '0,05', '95'."""
        return numbers.fmt_g(value, max_decimals, self.lang)

    def pct(self, value) -> str:
        return numbers.fmt_pct(value, self.lang)

    def confidence(self: ThesisBuilder) -> str:
        """The confidence level that goes with the study's alpha: '95%' for α = 0,05."""
        return self.trimmed(100 * (1 - self.study.config.settings.alpha), 2) + "%"

    def significance_level(self: ThesisBuilder) -> str:
        """The study's alpha as a percentage: '5%'."""
        return self.trimmed(100 * self.study.config.settings.alpha, 2) + "%"

    def integer(self, value: int) -> str:
        """A whole number with the locale's thousands separator: '1.234' / '1,234'."""
        return numbers.fmt_int(value, self.lang)

    # words -----------------------------------------------------------------------------
    def col(self, key: str, **values) -> str:
        """A column header (labels.yaml ``cols``), its placeholders filled as in :meth:`label`."""
        return _filled(str(self.labels["cols"][key]), f"cols.{key}", values)

    def word(self, key: str) -> str:
        return self.labels["words"][key]

    @staticmethod
    def own(text: str) -> str:
        """A text of labels.yaml given to a sentence template as its own words (a test's symbol
        *t*): its italic terms are set in italics as if the template had written them; any
        other value a template is given is the study's and never is."""
        return Made(text)

    def name(self: ThesisBuilder, construct: str) -> str:
        """The name of a construct (a higher-order one too), of an observed variable, of a category's term
        ('jk[Perempuan]' → 'Jenis Kelamin: Perempuan') or of a PLS interaction term ('X*M' →
        'X name × M name')."""
        config = self.study.config
        if construct in config.constructs or construct in config.observed or construct in config.higher_order:
            return config.variable_name(construct, self.lang)
        parts = construct.split("*")
        if len(parts) == 2 and all(part in config.constructs for part in parts):
            return " × ".join(config.variable_name(part, self.lang) for part in parts)
        variable, category = split_key(construct)
        assert category is not None, f"{construct} is neither a variable nor a category's term"
        return f"{config.variable_name(variable, self.lang)}: {self.observed_category(variable, category)}"

    def observed_category(self: ThesisBuilder, variable: str, category: str) -> str:
        """A category of an observed variable as the chapter's language writes it (:meth:`category` of its column)."""
        return self.category(self.study.config.column_of(variable), category)

    def symbol(self: ThesisBuilder, key: str) -> str:
        """A term as an equation writes it: its key, a category in the chapter's language ('jk[Female]')."""
        variable, category = split_key(key)
        return key if category is None else f"{variable}[{self.observed_category(variable, category)}]"

    def labelled(self: ThesisBuilder, key: str) -> str:
        """A variable or term as a table row names it: 'Perencanaan Kinerja (X1)', 'Usia (usia)',
        and a category without its key: 'Jenis Kelamin: Perempuan'."""
        name = self.name(key)
        return name if split_key(key)[1] is not None else f"{name} ({key})"

    def cite_works(self, keys) -> str:
        """One parenthetical citation of ``keys`` ('(DiMaggio & Powell, 1983; Hair et al., 2022)'):
        each work from the study's literature file, else from the built-in bibliography of methods,
        in the alphabetical order APA gives several works (§8.12); '' for no key. The study's works
        are recorded as cited (the reference list)."""
        from reportgen.literature.methods import cite

        keys = list(dict.fromkeys(keys))
        if not keys:
            return ""
        mine = [key for key in keys if self.literature is not None and key in self.literature]
        builtin = [key for key in keys if key not in mine]
        parts: list[str] = []
        if mine:
            assert self.literature is not None  # mine are keys of it
            parts += self.literature.cite(mine, lang=self.lang)[1:-1].split("; ")
            self.cited.update(mine)
        if builtin:
            parts += cite(builtin, lang=self.lang)[1:-1].split("; ")
        return "(" + "; ".join(sorted(parts, key=str.casefold)) + ")"

    def category(self: ThesisBuilder, column: str, value: str) -> str:
        """A respondent category in the chapter's language (:meth:`StudyConfig.category_label`)."""
        return self.study.config.category_label(column, value, self.lang)

    def chapter_label(self, number: int) -> str:
        """'BAB V' / 'CHAPTER 5': the word and numeral of chapter ``number``."""
        return f"{self.labels['chapter']} {numbers.numeral(number, self.labels['chapter_numerals'])}"

    def ordinal(self, index: int) -> str:
        ordinals = self.labels["ordinals"]
        return ordinals[index] if index < len(ordinals) else str(index + 1)

    # blocks ----------------------------------------------------------------------------
    def say(self, template: str, refs: tuple[str, ...] = (), style: str = "body", claims=(), **context) -> list[Paragraph]:
        """Render a sentence template; blank lines in its output separate paragraphs. ``claims``
        are the (subject, outcome) verdicts the text states (the flags it was given come from them).
        In body text the terms of labels.yaml ``italic`` that the template wrote itself (never in a
        value it was given) are set in italics: foreign terms in Indonesian (EYD V), statistical
        symbols in English (APA 7 §6.45)."""
        marked = render_marked(self.env, template, **context)
        return [self._paragraph(text, mask, refs, style, claims) for text, mask in paragraphs(marked)]

    def _paragraph(self, text: str, mask: list[bool], refs, style: str, claims) -> Paragraph:
        """One paragraph of a rendered template, its italic terms as italic runs."""
        spans = italic_spans(text, mask, self._italic) if style == "body" else []
        if not spans:
            return Paragraph(text, refs, style, tuple(claims))
        runs, at = [], 0
        for start, end in spans:
            runs += [Run(text[at:start]), Run(text[start:end], italic=True)]
            at = end
        return Paragraph.of_runs(runs + [Run(text[at:])], style, refs, claims)

    def verdict(self, subject: str, outcome: str, words: str = "words", bold: bool = False) -> Cell:
        """A data cell with the word of a verdict's ``outcome`` (labels.yaml ``words``, or another
        mapping such as ``r2_levels``), recording the claim ``(subject, outcome)``."""
        return Cell(self.labels[words][outcome], "data", bold=bold, claim=(subject, outcome))

    def sentence(self, template: str, **context) -> str:
        return render(self.env, template, **context)

    def table(self, key: str, title: str, header, body, notes=(), widths=None, small: bool = False, source: str | None = None) -> Table:
        """A numbered table; ``source``: its own source line instead of the report's (a table
        taken from a regulation, a table of the study file's own entries)."""
        self._tables += 1
        self.numbers[key] = self._number(self._tables)
        return Table(
            key=key,
            number=self.numbers[key],
            title=title,
            header=tuple(tuple(r) for r in header),
            body=tuple(tuple(r) for r in body),
            source=self.source if source is None else source,
            notes=tuple(notes),
            widths=widths,
            small=small,
        )

    def figure(self, key: str, title: str, kind: str, data: dict, width: float = 0.75, file: str | None = None, name: object = None) -> Figure:
        """A numbered figure of ``kind`` drawn from ``data`` into ``figures/<file>.png`` or
        ``figures/<file>_<name>.png`` (``file`` defaults to the kind); ``name`` (a construct or
        hypothesis key from the study file) is made safe and distinct before it joins the path."""
        self._figures += 1
        stem = file or kind
        stem = stem if name is None else f"{stem}_{self._file_names.name(name)}"
        return Figure(
            key=key,
            number=self._number(self._figures),
            title=title,
            path=Path(FIGURES) / f"{stem}.png",
            width=width,
            source=self.source,
            kind=kind,
            data=data,
        )

    def begin_chapter(self, number: int) -> None:
        """Number the tables and figures that follow as chapter ``number``'s, from 1 (BAB VI after BAB V)."""
        self.chapter, self._tables, self._figures = number, 0, 0

    def _number(self, n: int) -> str:
        """'5.3' inside chapter 5; plain '3' in a report without a chapter number."""
        return f"{self.chapter}.{n}" if self.chapter else str(n)

    def ref(self, block: Table | Figure) -> str:
        word = self.labels["table"] if isinstance(block, Table) else self.labels["figure"]
        return f"{word} {block.number}"

    @staticmethod
    def section(title: str, level: int, number: str = "", new_page: bool = False) -> Section:
        return Section(title=title, level=level, number=number, new_page=new_page)


ThesisBuilder = Builder[StudyConfig]
SakipBuilder = Builder[SakipConfig]


def h(text: str, colspan: int = 1, rowspan: int = 1, align: str = "center") -> Cell:
    return Cell(text, "header", colspan, rowspan, align)


def s(text: str, align: str = "left", colspan: int = 1, rowspan: int = 1, bold: bool = False) -> Cell:
    return Cell(text, "stub", colspan, rowspan, align, bold)


def d(text: str, align: str = "center", colspan: int = 1, bold: bool = False) -> Cell:
    return Cell(text, "data", colspan, 1, align, bold)
