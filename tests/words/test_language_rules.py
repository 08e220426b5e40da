"""Phrase rules of the chapter's languages (issue 30), over every bundled example in both
languages: Indonesian as EYD V writes it (unadapted foreign terms in italics, never "15 dari 15
pasangan"), English as APA 7 writes it (statistical symbols in italics, no zero before the
decimal point of a value that cannot exceed 1, no Indonesian category or scale word where the
study gives the English one, never "2 of the 2 indirect effects").

Before: the chapters printed every term in roman, "0.597" for r and p in English, "the gender
group Laki-laki", "Kurang Setuju" as "Neutral", "15 dari 15 pasangan variabel" and "2 of the 2
indirect effects are significant"."""

from __future__ import annotations

import re

import pytest
import yaml
from helpers import EXAMPLES, ROOT, composed_example, example_variant

from reportgen.config import load_study
from reportgen.pipeline import compose
from reportgen.report.document import Paragraph
from reportgen.words.italics import pattern
from reportgen.words.locale import fmt_p, fmt_unit
from reportgen.words.templates import environment, render

NAMES = sorted(p.name for p in EXAMPLES.iterdir() if (p / "study.yaml").is_file())
LABELS = {lang: yaml.safe_load((ROOT / "templates" / lang / "labels.yaml").read_text(encoding="utf-8")) for lang in ("id", "en")}


@pytest.fixture(scope="module", params=[(name, lang) for name in NAMES for lang in ("id", "en")], ids=lambda p: f"{p[0]}-{p[1]}")
def chapter(request):
    name, lang = request.param
    return name, lang, composed_example(name, lang).document


def _body(doc) -> list[Paragraph]:
    """The running text: every paragraph but the reference list (a cited title keeps its own words)."""
    return [b for b in list(doc.preface) + list(doc.walk()) if isinstance(b, Paragraph) and b.style != "reference"]


def _text(doc) -> str:
    """Every word a reader sees in the running text and the tables."""
    parts = [p.text for p in _body(doc)]
    for table in doc.tables().values():
        parts += [table.title, *table.texts(), *table.notes]
    return "\n".join(parts)


def _italic(paragraph: Paragraph) -> set[int]:
    """The positions of ``paragraph``'s characters printed in italics."""
    at, found = 0, set()
    for run in paragraph.spans():
        if run.italic:
            found.update(range(at, at + len(run.text)))
        at += len(run.text)
    return found


# a count of all, never "15 dari 15 pasangan" / "2 of the 2 indirect effects"; a rank ("peringkat 10 dari 10") is no count
ALL_OF = re.compile(r"(?<!peringkat )(?<!rank )\b(\d+) (?:dari|of the|of) \1\b")


def test_no_count_is_said_as_n_of_the_n(chapter):
    name, lang, doc = chapter
    said = [m.group(0) for p in _body(doc) for m in ALL_OF.finditer(p.text)]
    assert not said, f"{name} ({lang}): {said}"


def test_a_bound_p_value_is_not_compared_again(chapter):
    """'Sig. < 0,001' already says it is below any alpha: never 'Sig. < 0,001 < 0,05'."""
    _name, _lang, doc = chapter
    assert not re.search(r"<\s?0?[.,]001\s?<", _text(doc))


def test_english_bounded_statistics_have_no_leading_zero(chapter):
    """APA 7 §6.36: p, r, R², alpha and the significance level cannot exceed 1, so English writes
    '.041', not '0.041', in the text and in the Sig. columns; Indonesian keeps '0,041'."""
    name, lang, doc = chapter
    text = "\n".join(p.text for p in _body(doc))
    leading = re.compile(r"(?:\b[pr]|R²|\bSig\.|α)\s?[=<>≤≥]\s?−?0[.,]\d")
    if lang == "id":
        assert not re.search(r"(?:\b[pr]|R²|\bSig\.|α)\s?[=<>≤≥]\s?−?\.\d", text)
        return
    assert not leading.findall(text), f"{name}: {leading.findall(text)[:5]}"
    for table in doc.tables().values():
        last = table.header[-1] if table.header else ()
        if not last or any(c.colspan > 1 for row in table.header for c in row):
            continue
        columns = [k for k, cell in enumerate(last) if cell.text in ("Sig.", "p")]
        cells = [row[k].text for row in table.body for k in columns if len(row) == len(last)]
        assert not [c for c in cells if c.startswith("0.")], f"{name}: {table.number} {cells[:5]}"


def test_english_p_and_r_values_lose_the_zero_in_the_replica():
    doc = composed_example("luwu-timur", "en").document
    text = " ".join(p.text for p in _body(doc))
    assert "(r = .597; Table 5.31)" in text  # X2 with Y, tests/fixtures/partial/luwu-timur.json
    assert "above the r table value .2199" in text
    assert "p < .001" in text and "Sig." not in text and "p < 0.001" not in text  # APA 7: p, not SPSS's "Sig."


FOREIGN = {  # terms each Indonesian chapter writes, and must print in italics (EYD V)
    "luwu-timur": [
        "three-box",
        "skewness",
        "excess kurtosis",
        "scatterplot",
        "P-P plot",
        "tolerance",
        "corrected item-total correlation",
        "R Square",
        "Adjusted R Square",
        "power",
        "common method variance",
    ],
    "mobi": [
        "outer loading",
        "cross loading",
        "bootstrapping",
        "bootstrap",
        "composite reliability",
        "Average Variance Extracted",
        "heterotrait-monotrait",
        "inner model",
        "outer model",
    ],
    "mixed-methods": ["joint display", "outer loading", "bootstrapping"],
    "moderation": ["Moderated Regression Analysis", "slope", "post hoc"],
}


def test_indonesian_foreign_terms_are_italic_where_the_template_writes_them(chapter):
    """Every unadapted foreign term of labels.yaml ``italic`` in the running text is italic
    (none of the examples' own names holds one), and the expected ones occur."""
    name, lang, doc = chapter
    terms = pattern(LABELS[lang]["italic"])
    found, roman = set(), []
    for p in _body(doc):
        if p.style != "body":
            continue
        italic = _italic(p)
        for m in terms.finditer(p.text):
            if lang == "id":
                found.add(m.group(0).lower())
                if not set(range(m.start(), m.end())) <= italic:
                    roman.append(p.text[max(0, m.start() - 30) : m.end() + 10])
    assert not roman, f"{name}: {roman[:5]}"
    if lang == "id":
        assert {t.lower() for t in FOREIGN.get(name, [])} <= found, sorted({t.lower() for t in FOREIGN.get(name, [])} - found)


def test_english_statistical_symbols_are_italic_and_greek_letters_are_not():
    doc = composed_example("luwu-timur", "en").document
    italic = {run.text for p in _body(doc) for run in p.spans() if run.italic}
    assert {"t", "F", "r", "R²", "n", "df", "d", "D", "W", "sr²", "f²"} <= italic, italic
    assert not italic & {"β", "α", "Sig.", "VIF", "AVE"}
    determination = next(p for p in _body(doc) if p.text.startswith("According to Table 5.34, R Square is"))
    assert [r.text for r in determination.spans() if r.italic][:2] == ["R", "R"]  # R Square, Adjusted R Square


def test_no_symbol_is_italicised_in_a_grade_or_a_lettered_list():
    """SAKIP grades (B, D) are no statistics; '(d)' of a list within a sentence is roman (APA 7 §6.52)."""
    sakip = composed_example("sakip-luwu-timur", "en").document
    assert not [run.text for p in _body(sakip) for run in p.spans() if run.italic and run.text in ("B", "D")]
    mobi = composed_example("mobi", "en").document
    listed = next(p for p in _body(mobi) if "(d) discriminant validity" in p.text)
    assert "d" not in [run.text for run in listed.spans() if run.italic]


def test_a_study_name_holding_a_foreign_term_stays_as_the_study_writes_it(tmp_path):
    """Only the template's own words are italicised: a construct called 'Tolerance Kerja' and a
    category 'Bootstrap' are the study's names and stay roman, while the template's 'tolerance'
    beside them is italic."""

    def rename(config):
        config["constructs"]["X1"]["name"] = {"id": "Tolerance Kerja", "en": "Work Tolerance"}

    doc = compose(example_variant("luwu-timur", tmp_path, rename), "id").document
    paragraphs = [p for p in _body(doc) if "Tolerance Kerja" in p.text]
    assert len(paragraphs) > 5
    for p in paragraphs:
        italic = _italic(p)
        for m in re.finditer("Tolerance Kerja", p.text):
            assert not set(range(m.start(), m.end())) & italic, p.text
    multicollinearity = next(p for p in _body(doc) if "nilai tolerance" in p.text)
    at = multicollinearity.text.index("nilai tolerance") + len("nilai ")
    assert set(range(at, at + len("tolerance"))) <= _italic(multicollinearity)


def _study_words(name: str) -> list[tuple[str, str]]:
    """(Indonesian, English) of every profile category and scale label the study gives in both languages."""
    config = load_study(EXAMPLES / name / "study.yaml").config
    pairs = [(label.id, label.en) for column in getattr(config, "respondents", []) for label in column.values.values()]
    scale = getattr(config, "scale", None)
    pairs += [(label.id, label.en) for label in (scale.labels.values() if scale else [])]
    pairs += [(label.short.id, label.short.en) for label in (scale.labels.values() if scale else [])]
    return [(i, e) for i, e in pairs if i and e and i != e]


def test_no_indonesian_category_or_scale_word_where_the_study_gives_the_english(chapter):
    name, lang, doc = chapter
    pairs = _study_words(name)
    if lang != "en" or not pairs:
        return
    text = _text(doc).replace("\u00a0", " ")  # a group's line in a table is held together by no-break spaces
    for _, english in sorted(pairs, key=lambda p: len(p[1]), reverse=True):
        text = text.replace(english, " ")  # 'S1' inside "Bachelor's degree (S1)" is the English label's own
    left = sorted({i for i, _ in pairs if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)})
    assert not left, f"{name}: {left}"


def test_the_english_profile_names_the_categories_in_english():
    doc = composed_example("luwu-timur", "en").document
    text = " ".join(p.text for p in _body(doc))
    assert "are in the gender group Male" in text or "gender group Male" in text
    gender = doc.tables()["profile.jk"]
    assert [row[0].text for row in gender.body[:2]] == ["Male", "Female"]
    scale = doc.tables()["responses.X1"]
    assert [c.text for c in scale.header[1]] == ["SA", "A", "PA", "D", "SD"]
    assert "Neutral" not in _text(doc)


def test_a_category_without_an_english_label_is_printed_as_the_data_give_it(tmp_path):
    """Never a translation the study did not write: without ``values`` the category stays."""

    def plain(config):
        for column in config["respondents"]:
            column.pop("values", None)

    doc = compose(example_variant("luwu-timur", tmp_path, plain), "en").document
    assert [row[0].text for row in doc.tables()["profile.jk"].body[:2]] == ["Laki-laki", "Perempuan"]


@pytest.mark.parametrize(
    "lang, count, expected",
    [
        ("id", 15, "seluruh 15 pasangan variabel berkorelasi signifikan"),
        ("id", 2, "kedua pasangan variabel berkorelasi signifikan"),
        ("id", 3, "ketiga pasangan variabel berkorelasi signifikan"),
        ("id", 1, "satu-satunya pasangan variabel berkorelasi signifikan"),
        ("en", 15, "all 15 pairs are significantly correlated"),
        ("en", 2, "both pairs are significantly correlated"),
        ("en", 3, "all three pairs are significantly correlated"),
        ("en", 1, "the only pair is significantly correlated"),
    ],
)
def test_all_of_a_count_is_said_as_all(lang, count, expected):
    pair = {"a": "X1", "b": "Y", "r": "0,5", "band": "sedang"}
    text = render(environment(lang), "correlation.j2", table="T", citation="C", significant=count, total=count, strongest=pair, weakest=pair)
    assert expected in text and not ALL_OF.search(text)


@pytest.mark.parametrize(
    "lang, count, total, expected",
    [
        ("id", 2, 2, "Kedua pengaruh tidak langsung signifikan"),
        ("id", 1, 2, "Sebanyak 1 dari 2 pengaruh tidak langsung signifikan"),
        ("en", 2, 2, "Both indirect effects are significant"),
        ("en", 12, 12, "All 12 indirect effects are significant"),
        ("en", 1, 2, "1 of the 2 indirect effects is significant"),
    ],
)
def test_significant_indirect_effects_are_counted_without_n_of_the_n(lang, count, total, expected):
    text = render(environment(lang), "pls_indirect.j2", table="T", count=count, total=total, significant=["A → B"])
    assert expected in text


@pytest.mark.parametrize(
    "value, lang, expected",
    [
        (0.724, "en", ".724"),
        (-0.038, "en", "−.038"),
        (1.0, "en", "1.000"),
        (-1.0, "en", "−1.000"),
        (0.9996, "en", "1.000"),
        (None, "en", "–"),
        (0.724, "id", "0,724"),
        (-0.038, "id", "−0,038"),
    ],
)
def test_a_value_that_cannot_exceed_one(value, lang, expected):
    assert fmt_unit(value, 3, lang) == expected


def test_p_values_in_each_language():
    """APA 7: '.041', and '< .001' for p = .00056 (the figure's *** says p < .001); Indonesian as
    SPSS prints it (0,00056 → 0,001, 0,00004 → < 0,001)."""
    assert fmt_p(0.041, 3, "en", unit=True) == ".041" and fmt_p(0.00056, 3, "en", unit=True) == "<\u00a0.001"
    assert fmt_p(0.041, 3, "id", unit=True) == "0,041" and fmt_p(0.00056, 3, "id", unit=True) == "0,001"
    assert fmt_p(0.00004, 3, "id", unit=True) == "<\u00a00,001" and fmt_p(0.001, 3, "en", unit=True) == ".001"
    assert fmt_p(0.041, 3, "en") == "0.041" and fmt_p(0.00056, 3, "en") == "0.001"  # results.json keeps the plain number


def test_the_midpoint_kurang_setuju_is_not_called_neutral():
    from reportgen.config.scale_words import LIKERT, LIKERT_WORDS

    assert LIKERT[3][1:] == ("Kurang Setuju", "PA", "Partly Agree")
    assert LIKERT_WORDS["n"] == LIKERT_WORDS["neutral"] == LIKERT_WORDS["netral"] == LIKERT_WORDS["kurang setuju"] == 3
