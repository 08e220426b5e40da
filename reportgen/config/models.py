"""Pydantic models of the study file (README.md, "The study file"; docs/schema/study.schema.json).

Unknown keys are errors (``extra="forbid"``); a label may be written as one string or as
``{id: ..., en: ...}``. Cross-field checks (does a hypothesis name a construct?) live in
:mod:`reportgen.config.checks`, where they can name the line they refer to.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Tag, WithJsonSchema, field_validator, model_validator

from reportgen.config import bounds
from reportgen.words.messages import Localized

LANGUAGES = ("id", "en")


def invalid(code: str, **params) -> Exception:
    """A value's problem as catalogue entry ``code`` (words/messages.yaml): pydantic reports its
    English, and the study file's check words it in the user's language from ``params``."""
    from pydantic_core import PydanticCustomError

    from reportgen.words.messages import worded

    return PydanticCustomError(code, worded(code, "en", params), params)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalText(Strict):
    """A text in Bahasa Indonesia and/or English; one plain string serves both."""

    id: str | None = None
    en: str | None = None

    def get(self, language: str) -> str:
        """The text in ``language``, falling back to the other languages in their order."""
        for candidate in (language, *LANGUAGES):
            text = getattr(self, candidate, None)
            if text is not None:
                return text
        return ""


def _text_from_string(value: Any) -> Any:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return {"id": str(value), "en": str(value)}
    return value


# json_schema_input_type: what the study file may write (docs/schema/*.schema.json), besides the model's own shape
Text = Annotated[LocalText, BeforeValidator(_text_from_string, json_schema_input_type=str | int | float | LocalText)]
Key = Annotated[
    str, BeforeValidator(lambda v: str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v, json_schema_input_type=str | int | float)
]


class Captions(Strict):
    """``study.captions``: where a caption stands. A figure's number and title above it (APA 7
    §7.22, figure components) or below it (most Indonesian university guidelines: "judul gambar
    di bawah gambar"); unset, below in Bahasa Indonesia and above in English. A table's stay above
    it in both (APA 7 §7.8, table components; the guidelines alike)."""

    figure: Literal["above", "below"] | None = None
    table: Literal["above"] = "above"

    def figure_side(self, language: str) -> str:
        """Where a figure's caption stands in a chapter written in ``language``."""
        return self.figure or ("below" if language == "id" else "above")


class StudyInfo(Strict):
    title: Text
    author: str = ""
    year: int = Field(ge=1900, le=2100)  # the year of the study, printed and used in sentences
    language: Literal["id", "en"] = "id"
    chapter: int = Field(5, ge=1, le=20)
    chapters: list[int] | None = Field(None, min_length=1, max_length=2)  # [5, 6]: results, then conclusions
    object: Text | None = None  # who or what was studied, used in sentences: "Pemerintah Kabupaten Luwu Timur"
    object_description: Text | None = None  # x.1.1 Gambaran Umum Objek Penelitian; a blank line separates paragraphs
    note: Text | None = None  # printed as a note at the start of the chapter (e.g. "the answers are simulated")
    first_page: int = Field(1, ge=1, le=9999)  # the number of the chapter's first page (the thesis's BAB V may start at 53)
    lists: bool = False  # the DOCX also lists the tables and the figures after its contents (Daftar Tabel, Daftar Gambar)
    toc: bool = True  # the chapter opens with its contents (Daftar Isi); false: none, for a thesis that has its own
    captions: Captions = Field(default_factory=Captions)  # {figure: above | below, table: above}
    draft: bool | None = None  # marks of what the author must still write (DOCX comments, PDF margin notes); default: when any is left
    limitations: list[Text] = Field(default_factory=list, max_length=20)  # the author's own, after those the study shows

    @model_validator(mode="before")
    @classmethod
    def _chapter_from_chapters(cls, data: Any) -> Any:
        """``chapters: [5, 6]`` numbers the results chapter 5 (``chapter`` may then be left out)."""
        if isinstance(data, dict) and isinstance(data.get("chapters"), list) and data["chapters"] and "chapter" not in data:
            return {**data, "chapter": data["chapters"][0]}
        return data

    @field_validator("title")
    @classmethod
    def _title_written(cls, title: LocalText) -> LocalText:
        if not any((getattr(title, lang) or "").strip() for lang in LANGUAGES):
            raise invalid("value.title_empty")
        return title

    @model_validator(mode="after")
    def _chapters_follow(self) -> StudyInfo:
        if self.chapters and self.chapters[0] != self.chapter:
            raise ValueError(f"chapters starts with {self.chapters[0]} but chapter is {self.chapter}; give one of them")
        if self.chapters and len(self.chapters) == 2 and self.chapters[1] != self.chapters[0] + 1:
            raise ValueError("chapters: the conclusions chapter follows the results chapter, e.g. [5, 6]")
        return self

    @property
    def conclusions_chapter(self) -> int | None:
        """The number of the conclusions chapter (BAB VI), when the study asks for it."""
        return self.chapters[1] if self.chapters and len(self.chapters) == 2 else None

    def object_in(self, language: str) -> str | None:
        """The object of the study in ``language``, or None when the study names none."""
        return self.object.get(language) if self.object is not None else None


class DataOrigin(Strict):
    """Where the answers come from, named under every table and figure: collected for this study
    (``primary``) or taken from a published data set (``secondary``, with its citation)."""

    type: Literal["primary", "secondary"] = "primary"
    citation: str | None = Field(None, min_length=1)  # e.g. "Ringle, Wende & Will (2005)"

    @model_validator(mode="after")
    def _citation_is_for_secondary_data(self) -> DataOrigin:
        if self.citation is not None and self.type == "primary":
            raise ValueError("a citation names the source of secondary data; write type: secondary, or leave the citation out")
        return self


def _origin_from_word(value: Any) -> Any:
    """``source: secondary`` is ``source: {type: secondary}``; anything but the two words or a mapping is refused."""
    if isinstance(value, (dict, DataOrigin)):
        return value
    if value in ("primary", "secondary"):
        return {"type": value}
    raise ValueError(f"{value!r} is not a data source; use primary, secondary or {{type: secondary, citation: ...}}")


Origin = Annotated[DataOrigin, BeforeValidator(_origin_from_word, json_schema_input_type=Literal["primary", "secondary"] | DataOrigin)]


class DataSource(Strict):
    path: str
    id: Key | None = None
    missing: Literal["listwise", "mean"] | None = None
    sheet: Key | None = None
    source: Origin = Field(default_factory=DataOrigin)
    columns: dict[Key, str] = Field(default_factory=dict, max_length=bounds.MAX_ITEMS + bounds.MAX_PROFILE_COLUMNS)
    """A short code for a column whose header is a question's text: ``X1.1: "Saya memahami
    target kinerja unit saya [X1.1]"``; the study names the column by its code everywhere else."""


class ScaleLabel(Strict):
    """One answer of the scale: its short label (the column header of the answer tables), one
    string for both languages or ``{id: SS, en: SA}``, and its words in each language."""

    short: Text
    id: str | None = None
    en: str | None = None

    @field_validator("short", mode="wrap")
    @classmethod
    def _short_written(cls, value: Any, handler) -> LocalText:
        text = handler(value) if value is not None else None
        if text is None or not (text.id or text.en):
            raise invalid("value.short_empty")
        return text

    def short_text(self, language: str) -> str:
        """The short label in ``language`` ('SA' in English for ``{id: SS, en: SA}``)."""
        return self.short.get(language)

    def words(self) -> list[str]:
        """Every word a respondent's answer may be written as: each short form, then the words."""
        return list(dict.fromkeys(w for w in (self.short.id, self.short.en, self.id, self.en) if w))

    def text(self, language: str) -> str:
        return getattr(self, language, None) or self.short_text(language)


class Scale(Strict):
    min: int = 1
    max: int = 5
    labels: dict[int, ScaleLabel] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check_range(self) -> Scale:
        if self.max <= self.min:
            raise invalid("value.scale_order", high=self.max, low=self.min)
        if self.max - self.min + 1 > bounds.MAX_SCALE_POINTS:
            count = f"{self.max - self.min + 1:,}"
            raise invalid(
                "value.scale_points", low=self.min, high=self.max, points=Localized(count, count.replace(",", ".")), most=bounds.MAX_SCALE_POINTS
            )
        outside = [k for k in self.labels if not self.min <= k <= self.max]
        if outside:
            raise invalid("value.label_outside", point=outside[0], low=self.min, high=self.max)
        return self

    @property
    def points(self) -> list[int]:
        return list(range(self.min, self.max + 1))


class RespondentColumn(Strict):
    column: Key
    label: Text | None = None
    order: list[Key] | None = Field(None, max_length=bounds.MAX_CATEGORIES)
    values: dict[Key, Text] = Field(default_factory=dict, max_length=bounds.MAX_CATEGORIES)  # code (or answer) → label, e.g. {1: Laki-laki}
    # or {1: {id: Laki-laki, en: Male}}: the label in the study's language names the category (``order``), the other is printed in that language


class Construct(Strict):
    """A construct and its items. Its answers are on the study's ``scale`` unless it has its own
    (``scale: {min: 1, max: 7}``), or are any numbers (``type: continuous``: test scores,
    financial ratios, indices), which have no answer table and no three-box index."""

    name: Text
    items: dict[Key, Any] = Field(max_length=bounds.MAX_ITEMS_PER_CONSTRUCT)
    reverse: list[Key] = Field(default_factory=list, max_length=bounds.MAX_ITEMS_PER_CONSTRUCT)
    mode: Literal["A", "B"] = "A"  # PLS outer mode: A reflective (correlation weights), B formative
    type: Literal["scale", "continuous"] = "scale"
    scale: Scale | None = None  # its own scale, instead of the study's
    global_item: Key | None = None  # PLS, formative: a single item rating the construct as a whole, for the redundancy analysis

    @property
    def columns(self) -> list[str]:
        """The data columns of the construct: its items, then its global item."""
        return [*self.items, *([self.global_item] if self.global_item else [])]

    @field_validator("items")
    @classmethod
    def _items_not_empty(cls, value: dict[str, Any]) -> dict[str, Any]:
        if not value:
            raise invalid("value.no_items")
        return {str(k): ("" if v is None else v) for k, v in value.items()}

    def item_text(self, item: str, language: str) -> str:
        value = self.items[item]
        if isinstance(value, dict):
            return str(value.get(language) or value.get("id") or value.get("en") or item)
        return str(value) if value != "" else item


class Observed(Strict):
    """A data column the model uses as it is, not a construct: a control variable or a
    categorical predictor or moderator. ``numeric`` (age in years, firm size) enters as its
    number; ``categorical`` (gender, education) as one 0/1 column per category but the
    ``reference``, each coefficient the difference from the reference (treatment coding)."""

    name: Text
    column: Key | None = None  # the data column; the key when none is written
    type: Literal["numeric", "categorical"] = "numeric"
    reference: Key | None = (
        None  # categorical: the category the others are compared with; the first of ``order``, else the first in sorted order (R's default)
    )
    order: list[Key] | None = Field(None, max_length=bounds.MAX_CATEGORIES)  # categorical: the order its categories are reported in


class SurveyModel(Strict):
    """What every questionnaire design shares: how a construct's score is made from its items,
    and how blank answers are treated unless ``data.missing`` says otherwise."""

    score: Literal["sum", "mean"] = "sum"
    missing_default: ClassVar[str] = "listwise"


class RegressionModel(SurveyModel):
    """Multiple regression of one dependent construct on predictors (the reference thesis)."""

    type: Literal["regression"] = "regression"
    dependent: Key | None = None
    predictors: list[Key] = Field(default_factory=list, max_length=bounds.MAX_CONSTRUCTS)  # constructs or observed variables
    controls: list[Key] = Field(default_factory=list, max_length=bounds.MAX_OBSERVED)  # held constant in the equation; no hypothesis


class PathModel(SurveyModel):
    """Intervening variables: one OLS per endogenous construct, indirect effects bootstrapped."""

    type: Literal["path"] = "path"
    paths: list[str] = Field(default_factory=list, max_length=bounds.MAX_PATHS)
    bootstrap: int = Field(5000, ge=0, le=bounds.MAX_BOOTSTRAP)
    seed: int | None = None
    controls: list[Key] = Field(
        default_factory=list, max_length=bounds.MAX_OBSERVED
    )  # held in every equation of a path model; in PLS a single-indicator construct with a path to every endogenous one; CB-SEM refuses them yet

    def path_pairs(self) -> list[tuple[str, str]]:
        """``model.paths`` as (source, target) pairs; 'A -> B -> C' adds A→B and B→C."""
        pairs: list[tuple[str, str]] = []
        for text in self.paths:
            steps = [s.strip() for s in str(text).split("->")]
            pairs += [p for p in zip(steps, steps[1:]) if p not in pairs]
        return pairs


class PlsPredict(Strict):
    """PLSpredict (Shmueli et al., 2019): k-fold cross-validated predictions of the endogenous
    constructs' indicators, repeated with fresh folds; ``technique`` names the antecedents an
    endogenous construct is predicted from (direct: its predecessors, seminr's default; earliest:
    the exogenous constructs, carried through the model)."""

    folds: int = Field(10, ge=2, le=bounds.MAX_FOLDS)
    repetitions: int = Field(10, ge=1, le=bounds.MAX_REPETITIONS)
    technique: Literal["direct", "earliest"] = "direct"


class PlsMultigroup(Strict):
    """Multigroup analysis (Hair et al., 2018, ch. 4–5): MICOM, then the permutation test of each
    path's difference between two groups of a ``respondents`` column: its only two, or the two
    named in ``groups`` (codes or labels; the first is group 1), the other respondents left out
    (a column of three or more groups is compared one pair at a time)."""

    column: Key
    groups: list[Key] | None = Field(None, min_length=2, max_length=2)
    permutations: int = Field(5000, ge=100, le=bounds.MAX_PERMUTATIONS)


class HigherOrder(Strict):
    """A higher-order construct of PLS measured by its dimensions, constructs of the study file
    with their own items, by the disjoint two-stage approach or by repeated indicators
    (``model.higher_order_approach``; Sarstedt et al., 2019): ``mode: A`` the dimensions reflect
    it (reflective–reflective), ``B`` they form it (reflective–formative)."""

    name: Text
    dimensions: list[Key] = Field(min_length=2, max_length=bounds.MAX_DIMENSIONS)
    mode: Literal["A", "B"] = "A"


class PlsModel(PathModel):
    """PLS-SEM (SmartPLS-style) with its inner weighting scheme."""

    type: Literal["pls"] = "pls"  # type: ignore[assignment]  # its own tag in the discriminated union of models
    weighting: Literal["path", "factorial", "centroid"] = "path"
    indicator_removal: Literal["none", "hair"] = "none"  # hair: remove indicators by Hair et al. (2022) and re-estimate
    htmt: Literal[0.85, 0.90, 1.0] = (  # type: ignore[valid-type]  # float literals: pydantic checks them, mypy cannot express them
        0.90  # the bootstrap upper bound of HTMT must be below it: 0,90 similar constructs, 0,85 distinct, 1 HTMT_inference
    )
    predict: Annotated[
        PlsPredict | None, BeforeValidator(lambda v: None if v is False else v, json_schema_input_type=PlsPredict | Literal[False] | None)
    ] = PlsPredict()  # false: no PLSpredict
    mga: PlsMultigroup | None = None  # two groups of respondents compared path by path
    higher_order: dict[Key, HigherOrder] = Field(default_factory=dict, max_length=bounds.MAX_CONSTRUCTS)  # measured by other constructs
    higher_order_approach: Literal["two_stage", "repeated_indicators"] = "two_stage"  # disjoint two-stage, or one model with repeated items
    diagram_indicators: bool = False  # the path diagram also draws each construct's indicators with their loadings (SmartPLS style)
    missing_default: ClassVar[str] = "mean"  # SmartPLS and seminr replace a blank by the item mean


class CbsemModel(PathModel):
    """Covariance-based SEM (AMOS / lavaan style): a CFA of the constructs' indicators, then the
    structural paths between the latent variables, estimated together by maximum likelihood."""

    type: Literal["cbsem"] = "cbsem"  # type: ignore[assignment]  # its own tag in the discriminated union of models
    estimator: Literal["ml", "mlr"] = "ml"  # mlr: robust SEs and the Yuan–Bentler scaled χ² (lavaan's MLR), for non-normal items
    indirect_interval: Literal["monte_carlo", "bias_corrected"] = "monte_carlo"  # bias_corrected: AMOS's bootstrap (model.bootstrap resamples)


class RepeatedModel(SurveyModel):
    """The same respondents measured two or more times (before and after a training, and later):
    ``measures`` are the constructs that hold each measurement, in time order; their scores are
    compared by a paired test or a repeated-measures ANOVA (``settings.repeated_test``)."""

    type: Literal["repeated"] = "repeated"
    measures: list[Key] = Field(default_factory=list, max_length=bounds.MAX_MEASURES)


MODEL_TYPES = ("regression", "path", "pls", "cbsem", "repeated")


def _model_type(value: Any) -> str:
    """The tag of ``model:``: its ``type``, 'regression' when none is written."""
    written = value.get("type", "regression") if isinstance(value, dict) else getattr(value, "type", "regression")
    return written if written in MODEL_TYPES else "unknown"


Model = Annotated[
    Annotated[RegressionModel, Tag("regression")]
    | Annotated[PathModel, Tag("path")]
    | Annotated[PlsModel, Tag("pls")]
    | Annotated[CbsemModel, Tag("cbsem")]
    | Annotated[RepeatedModel, Tag("repeated")],
    Discriminator(
        _model_type,
        custom_error_type="unknown_model_type",
        custom_error_message="model type is not supported; use 'regression', 'path', 'pls', 'cbsem' or 'repeated'",
    ),
]


class Theory(Strict):
    """The theory a hypothesis rests on, for its discussion: a text and the works it cites (keys of
    the study's literature file or of the built-in bibliography of methods)."""

    text: Text
    cite: list[Key] = Field(default_factory=list)


def _theory_from_text(value: Any) -> Any:
    """``theory: "…"`` or ``theory: {id: …, en: …}`` is the text alone, citing nothing."""
    if isinstance(value, dict):
        return {"text": value} if value and set(value) <= set(LANGUAGES) else value  # else a mistyped key is named as written
    return {"text": value}


_TEXT_SCHEMA = {
    "anyOf": [
        {"type": "string"},
        {"type": "object", "properties": {"id": {"type": "string"}, "en": {"type": "string"}}, "additionalProperties": False},
    ]
}
CITED = {
    "type": "array",
    "items": {"anyOf": [{"type": "string"}, {"type": "object", "minProperties": 1, "maxProperties": 1, "additionalProperties": _TEXT_SCHEMA}]},
    "description": "Keys of the literature file; a key may carry what that work found: {key: finding}",
}


class Hypothesis(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    path: str | None = None
    expect: Literal["positive", "negative", "any"] = "any"
    simultaneous: list[Key] | None = None
    on: Key | None = None
    moderator: Key | None = None
    centre: bool = False
    discussion: Text | None = None
    supports: Annotated[list[Key], WithJsonSchema(CITED)] = Field(default_factory=list)  # keys of `literature` whose findings agree
    contradicts: Annotated[list[Key], WithJsonSchema(CITED)] = Field(
        default_factory=list
    )  # … whose findings do not (no association, or the opposite)
    findings: dict[Key, Text] = Field(default_factory=dict)  # what each cited work found, as a clause after "found that"
    theory: Annotated[Theory, BeforeValidator(_theory_from_text, json_schema_input_type=str | LocalText | Theory)] | None = None

    @model_validator(mode="before")
    @classmethod
    def _citations_with_findings(cls, data: Any) -> Any:
        """``supports: [sari2020, {wijaya2019: "…"}]``: a key, or a key with what that work found
        (a clause read after "found that"), kept in ``findings``."""
        if not isinstance(data, dict):
            return data
        written = data.get("findings")
        findings = dict(written) if isinstance(written, dict) else {} if written is None else written  # a wrong type: pydantic says so
        out = dict(data)
        for kind in ("supports", "contradicts"):
            items = data.get(kind)
            if not isinstance(items, list):
                continue
            keys = []
            for item in items:
                if isinstance(item, dict) and len(item) == 1 and isinstance(findings, dict):
                    ((key, finding),) = item.items()
                    keys.append(key)
                    findings[key] = finding
                else:
                    keys.append(item)
            out[kind] = keys
        if findings:
            out["findings"] = findings
        return out

    @model_validator(mode="after")
    def _one_kind(self) -> Hypothesis:
        if (self.path is None) == (self.simultaneous is None):
            raise invalid("value.hypothesis_kind")
        stray = [key for key in self.findings if key not in self.supports and key not in self.contradicts]
        if stray:
            raise invalid("value.stray_finding", key=stray[0])
        return self

    def steps(self) -> list[str]:
        """Construct names along the path: 'X1 -> M -> Y' → ['X1', 'M', 'Y']."""
        return [part.strip() for part in (self.path or "").split("->")]


class IndexSettings(Strict):
    basis: Literal["count", "percent"] = "count"
    classes: Literal[3, 5] = 3


class Settings(Strict):
    alpha: float = Field(0.05, gt=0, lt=0.5)
    tails: Literal["two", "one"] = "two"
    validity: Literal["item_total", "item_rest"] = "item_total"
    validity_rule: Literal["auto", "r_table", "magnitude"] = "auto"  # auto: r table up to 200 respondents, r ≥ 0,30 (item–rest) above
    reliability_min: float = Field(0.6, gt=0, lt=1)
    index: IndexSettings = Field(default_factory=IndexSettings)
    simple_regressions: bool = False
    drop_invalid: bool = False
    group_test: Literal["welch", "student", "nonparametric"] = "welch"  # compare: Welch's t/ANOVA, Student's t/ANOVA, Mann-Whitney/Kruskal-Wallis
    levene_center: Literal["mean", "median"] = "mean"  # Levene's test centred on the mean (SPSS) or median (Brown-Forsythe)
    robust: Literal["auto", "hc3", "none"] = "auto"  # HC3 standard errors: when heteroscedastic (auto), always, never
    repeated_test: Literal["parametric", "nonparametric"] = "parametric"  # repeated: paired t/RM ANOVA, or Wilcoxon/Friedman


class Theme(Strict):
    """A theme typed into the study file (``qualitative:`` as a list): its name, description and quotes."""

    theme: Text
    description: Text | None = None
    quotes: list[str] = Field(default_factory=list)


class TableRef(Strict):
    """A table of the qualitative corpus: a .csv/.xlsx file, and the sheet of a workbook."""

    path: str
    sheet: Key | None = None


def _table_from_string(value: Any) -> Any:
    return {"path": value} if isinstance(value, str) else value


Table = Annotated[TableRef, BeforeValidator(_table_from_string, json_schema_input_type=str | TableRef)]


def _stances(value: Any) -> Any:
    """``explains: [H1, H2]`` (context for both) or ``{H1: supports, H2: contradicts}``."""
    if isinstance(value, list):
        return {str(h): "context" for h in value}
    return value


class ThemeNotes(Strict):
    """What the study file adds to a theme of the corpus: its name in each language, its
    description, the hypotheses it speaks to (and how: ``supports`` the effect, ``contradicts``
    it, or gives its ``context``) and marked quotes (a part of an excerpt of the theme)."""

    title: Text | None = None
    description: Text | None = None
    explains: Annotated[
        dict[Key, Literal["supports", "contradicts", "context"]],
        BeforeValidator(_stances, json_schema_input_type=list[Key] | dict[Key, Literal["supports", "contradicts", "context"]]),
    ] = Field(default_factory=dict)
    quotes: list[str] = Field(default_factory=list)


FRAMEWORK_KEYS = ("name", "cite", "categories")


def _framework(value: Any) -> Any:
    """``framework: {theme: category}`` (the short form) is ``{categories: {theme: category}}``."""
    if isinstance(value, dict) and not set(value) & set(FRAMEWORK_KEYS):
        return {"categories": value}
    return value


class Framework(Strict):
    """``qualitative.framework``: the theory the themes are sorted by — its ``name`` (said
    mid-sentence: "institutional isomorphism"), the works that introduce it (``cite``: keys of the
    study's literature file or of reportgen's built-in bibliography) and ``categories`` (theme →
    its category; else the codebook's ``category`` column)."""

    name: Text | None = None
    cite: list[Key] = Field(default_factory=list)
    categories: dict[str, Text] = Field(default_factory=dict)


class QualitativeCorpus(Strict):
    """``qualitative:`` as a coded corpus: three tables (``excerpts``, ``codebook``, ``informants``)
    or a REFI-QDA ``project`` (.qdpx, with an optional ``informants`` table); ``framework``: the
    theory whose categories the themes fall into (:class:`Framework`; the short form is theme →
    category); ``themes``: notes per theme; ``quotes_per_theme``: how many quotes the rule picks."""

    excerpts: Table | None = None
    codebook: Table | None = None
    informants: Table | None = None
    project: str | None = None
    framework: Annotated[Framework, BeforeValidator(_framework, json_schema_input_type=dict[str, str] | Framework)] = Field(default_factory=Framework)
    themes: dict[str, ThemeNotes] = Field(default_factory=dict)
    quotes_per_theme: int = Field(3, ge=1, le=10)

    @model_validator(mode="after")
    def _one_source(self) -> QualitativeCorpus:
        tables = [name for name in ("excerpts", "codebook") if getattr(self, name) is not None]
        if self.project is not None and tables:
            raise ValueError(f"give either project (a .qdpx file) or the tables, not both ({tables[0]} is given too)")
        if self.project is None:
            missing = [name for name in ("excerpts", "codebook", "informants") if getattr(self, name) is None]
            if missing:
                raise ValueError(f"a coded corpus needs excerpts, codebook and informants tables (or project: a .qdpx file); {missing[0]} is missing")
        return self

    def files(self) -> list[str]:
        """The files the corpus is read from, relative to the study file."""
        return ([self.project] if self.project else []) + [t.path for t in (self.excerpts, self.codebook, self.informants) if t]


QUALITATIVE_KINDS = ("themes", "corpus")


def _qualitative_kind(value: Any) -> str:
    return "themes" if isinstance(value, (list, tuple)) else "corpus"


Qualitative = Annotated[
    Annotated[list[Theme], Tag("themes")] | Annotated[QualitativeCorpus, Tag("corpus")],
    Discriminator(_qualitative_kind),
]


class StudyConfig(Strict):
    study: StudyInfo
    data: DataSource
    scale: Scale = Field(default_factory=Scale)
    respondents: list[RespondentColumn] = Field(default_factory=list, max_length=bounds.MAX_PROFILE_COLUMNS)
    constructs: dict[Key, Construct] = Field(max_length=bounds.MAX_CONSTRUCTS)
    observed: dict[Key, Observed] = Field(default_factory=dict, max_length=bounds.MAX_OBSERVED)  # data columns the model uses as they are
    model: Model = Field(default_factory=RegressionModel)
    hypotheses: dict[Key, Hypothesis] = Field(default_factory=dict, max_length=bounds.MAX_HYPOTHESES)
    settings: Settings = Field(default_factory=Settings)
    templates: str | None = None
    literature: str | None = None  # a BibTeX (.bib) or RIS (.ris) file, relative to the study file
    qualitative: Qualitative = Field(default_factory=list)
    compare: list[Key] = Field(default_factory=list, max_length=bounds.MAX_COMPARE)

    @field_validator("constructs")
    @classmethod
    def _items_bounded(cls, constructs: dict) -> dict:
        count = sum(len(c.items) for c in constructs.values())
        if count > bounds.MAX_ITEMS:
            raise invalid("value.too_many_items", count=Localized(f"{count:,}", f"{count:,}".replace(",", ".")), most=bounds.MAX_ITEMS)
        return constructs

    @property
    def design(self) -> str:
        """The design this study file asks for (``model.type``)."""
        return self.model.type

    @property
    def missing_policy(self) -> str:
        """``data.missing`` or the model's default: listwise for regression, mean for PLS."""
        return self.data.missing or self.model.missing_default

    def all_items(self) -> list[str]:
        return [item for construct in self.constructs.values() for item in construct.columns]

    def category_order(self, column: str) -> list[str] | None:
        """The ``order`` of a ``respondents`` column: its categories by their labels in the study's
        language; an entry written as a code of ``values`` (``Asuransi`` for ``{Asuransi: Asuransi
        swasta}``) is read as that code's label, not as a further, empty category."""
        found = next((c for c in self.respondents if c.column == column and c.order), None)
        if found is None:
            return None
        return self.category_labels(column, found.order or [])

    def category_labels(self, column: str, entries: list[str]) -> list[str]:
        """Categories of a ``respondents`` column as the study names them (``order``, ``model.mga.groups``):
        each by its label in the study's language; an entry written as a code of ``values`` is
        read as that code's label."""
        found = next((c for c in self.respondents if c.column == column), None)
        labels = {code: label.get(self.study.language) for code, label in found.values.items()} if found else {}
        named = set(labels.values())
        return [entry if entry in named else labels.get(entry, entry) for entry in entries]

    def category_label(self, column: str, value: str, language: str) -> str:
        """A respondent category (profile or compared column) in ``language``: its label there where
        the study gives one (``respondents[].values``, ``{1: {id: Laki-laki, en: Male}}``, the label
        in the study's language naming the category), else the category as the data give it:
        never a translation the study did not write."""
        for respondents in self.respondents:
            if respondents.column == column:
                for code, label in respondents.values.items():
                    if value in (code, label.get(self.study.language)):
                        return label.get(language)
        return value

    def column_of(self, observed: str) -> str:
        """The data column of an ``observed`` variable."""
        return self.observed[observed].column or observed

    def variable_name(self, key: str, language: str) -> str:
        """The name of a construct or an observed variable in ``language``."""
        found = self.constructs.get(key) or self.higher_order.get(key) or self.observed[key]
        return found.name.get(language)

    @property
    def higher_order(self) -> dict[str, HigherOrder]:
        """The higher-order constructs of a PLS model (``model.higher_order``), by key."""
        return getattr(self.model, "higher_order", {})

    def scale_of(self, construct: str) -> Scale | None:
        """The scale of ``construct``'s answers: its own, else the study's; None when its
        indicators are continuous."""
        found = self.constructs[construct]
        if found.type == "continuous":
            return None
        return found.scale or self.scale
