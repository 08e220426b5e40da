"""The chapter's figures as a reader sees them on the printed page.

Every figure of every example study is drawn once per language, as the chapter draws it
(:func:`reportgen.pipeline.compose` → ``document.figures()`` → :func:`reportgen.figures.draw`),
and the texts Agg actually draws are checked:

- size: every text is at least 8 pt at print size, the figure's PNG being placed at
  ``Figure.width`` × 14 cm (:func:`reportgen.figures.style.printed_scale`);
- path diagrams: no two texts overlap and no text covers an arrowhead (Agg window extents), every
  coefficient is drawn — the mobi CUEX → CUSA coefficient, the only rejected path, was once hidden
  under another label;
- numbers: written as the language writes them (``0,2`` / ``0.2``, :mod:`reportgen.words.locale`);
- answer bars: each number on a bar is the percentage the answer table prints for that item and
  answer (32,5 in the table is 32,5 on the bar; rounding to whole numbers with Python's
  half-to-even ``f"{w:.0f}"`` once gave 32 for 32,5 and 58 for 57,5);
- SAKIP trend chart: one panel per unit named in full, the legend in the report's language.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from helpers import EXAMPLES, example_variant, heavy_unless
from matplotlib.text import Text

from reportgen.figures import draw
from reportgen.figures.path_diagram import arrowhead
from reportgen.figures.style import DPI, MIN_POINTS, TEXT_WIDTH_CM, plt, printed_scale, saved_width, write_png
from reportgen.pipeline import compose

STUDIES = sorted(p.name for p in EXAMPLES.iterdir() if (p / "study.yaml").exists())
LANGS = ("id", "en")
CASES = [(s, lang) for s in STUDIES for lang in LANGS]
DIAGRAM_CASES = [c for c in CASES if c[0] in ("cbsem", "corp-rep", "higher-order", "mobi", "mediation", "mediation-controls", "mixed-methods")]
DRAWN_BY_MAKE_TEST = ("luwu-timur", "mobi")  # the thesis replica, and a PLS study for the path diagram


def params(cases) -> list:
    """The cases as parameters: those of :data:`DRAWN_BY_MAKE_TEST` run by make test, the other examples' by make test-heavy."""
    return heavy_unless(cases, DRAWN_BY_MAKE_TEST)


class Drawn:
    """One figure drawn: the document figure, the matplotlib figure, the texts Agg drew (in
    drawing order) and the printed scale of the figure's PNG."""

    def __init__(self, figure, lang: str):
        self.figure = figure
        self.fig = draw(figure, lang)
        seen: dict[int, Text] = {}
        original = Text.draw

        def recording(text, renderer):
            if text.get_visible() and text.get_text().strip():
                seen.setdefault(id(text), text)
            return original(text, renderer)

        Text.draw = recording
        try:
            self.fig.canvas.draw()
        finally:
            Text.draw = original
        self.texts = list(seen.values())
        self.scale = printed_scale(self.fig, figure.width)
        self.renderer = self.fig.canvas.get_renderer()
        plt.close(self.fig)  # out of pyplot's list of open figures; the figure and its texts stay as drawn

    def strings(self) -> list[str]:
        return [t.get_text() for t in self.texts]


def composed(study: str, lang: str, indicators: bool = False):
    """The example's chapter, made once per (study, language, indicators) in this module."""
    return _composed(study, lang, indicators)


def drawn(study: str, lang: str, indicators: bool = False) -> tuple[Drawn, ...]:
    """Every figure of the example's chapter, drawn once per (study, language, indicators)."""
    return _drawn(study, lang, indicators)


@cache
def _composed(study: str, lang: str, indicators: bool):
    path = EXAMPLES / study / "study.yaml"
    if indicators:
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="figures-"))
        FOLDERS.append(folder)
        path = example_variant(study, folder, lambda c: c["model"].update(diagram_indicators=True))
    return compose(path, lang)


@cache
def _drawn(study: str, lang: str, indicators: bool) -> tuple[Drawn, ...]:
    return tuple(Drawn(f, lang) for f in composed(study, lang, indicators).document.figures())


FOLDERS: list[Path] = []  # the study files of variants, removed with the module's figures


@pytest.fixture(scope="module", autouse=True)
def _close_figures():
    yield
    plt.close("all")
    import shutil

    for folder in FOLDERS:
        shutil.rmtree(folder, ignore_errors=True)


def _diagram(study: str, lang: str, indicators: bool = False) -> Drawn:
    if indicators:
        return _drawn_diagram(study, lang)
    return next(d for d in drawn(study, lang) if d.figure.kind == "path_diagram")


@cache
def _drawn_diagram(study: str, lang: str) -> Drawn:
    """The path diagram alone of the study with ``model.diagram_indicators: true``."""
    return Drawn(next(f for f in composed(study, lang, True).document.figures() if f.kind == "path_diagram"), lang)


# --- size -----------------------------------------------------------------------------------------


def test_text_width_is_the_page_text_width():
    """The 14 cm the figures are sized for is the width the DOCX places them in (A4 less 4 + 3 cm)."""
    from reportgen.render.docx import TEXT_WIDTH_CM as DOCX_TEXT_WIDTH

    assert TEXT_WIDTH_CM == DOCX_TEXT_WIDTH == 14.0


def test_printed_scale_is_measured_on_the_saved_png(tmp_path):
    """saved_width (the helper behind printed_scale) is the width of the PNG write_png makes."""
    from PIL import Image

    cases = [
        ("luwu-timur", "id", "pp_plot"),
        ("luwu-timur", "id", "responses"),
        ("luwu-timur", "id", "framework"),
        ("corp-rep", "en", "path_diagram"),
        ("sakip-luwu-timur", "en", "trends"),
    ]
    for study, lang, kind in cases:
        f = next(f for f in composed(study, lang).document.figures() if f.kind == kind)
        fig = draw(f, lang)
        expected = saved_width(fig)
        write_png(fig, tmp_path / f.path.name)  # closes the figure
        pixels = Image.open(tmp_path / f.path.name).size[0]
        assert pixels / DPI == pytest.approx(expected, rel=0.01), f.path.name


@pytest.mark.parametrize("study, lang", params(CASES))
def test_every_text_is_at_least_8_points_printed(study, lang):
    small = [
        (d.figure.path.name, t.get_text()[:30], round(t.get_fontsize() * d.scale, 2))
        for d in drawn(study, lang)
        for t in d.texts
        if t.get_fontsize() * d.scale < MIN_POINTS
    ]
    assert not small
    assert drawn(study, lang), "every example has figures"


@pytest.mark.parametrize("lang", LANGS)
def test_pls_diagram_with_indicators_is_at_least_8_points_printed(lang):
    d = _diagram("mobi", lang, indicators=True)
    sizes = [t.get_fontsize() * d.scale for t in d.texts]
    assert min(sizes) >= MIN_POINTS


# --- path diagrams ----------------------------------------------------------------------------------


def _overlaps(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def _check_diagram(d: Drawn, labels: list[str]) -> None:
    ax = d.fig.axes[0]
    boxes = [(t.get_text(), t.get_window_extent(d.renderer)) for t in d.texts]
    clashes = [(a, b) for i, (a, ba) in enumerate(boxes) for b, bb in boxes[i + 1 :] if _overlaps(ba, bb)]
    assert not clashes, clashes
    heads = []
    for patch in ax.patches:
        corners = arrowhead(patch) if type(patch).__name__ == "FancyArrowPatch" else None
        if corners is not None:
            pixels = ax.transData.transform(corners)
            heads.append(pixels)
    assert len(heads) >= len(labels)
    covered = [
        (text, k)
        for text, box in boxes
        for k, h in enumerate(heads)
        if box.x0 < h[:, 0].max() and h[:, 0].min() < box.x1 and box.y0 < h[:, 1].max() and h[:, 1].min() < box.y1
    ]
    assert not covered, covered
    drawn_texts = d.strings()
    assert all(label in drawn_texts for label in labels), [lb for lb in labels if lb not in drawn_texts]


def test_diagram_cases_are_the_examples_with_a_path_diagram():
    with_diagram = {s for s, lang in CASES if any(f.kind == "path_diagram" for f in composed(s, lang).document.figures())}
    assert with_diagram == {s for s, _ in DIAGRAM_CASES}


@pytest.mark.parametrize("study, lang", params(DIAGRAM_CASES))
def test_path_diagram_labels_cover_no_label_and_no_arrowhead(study, lang):
    d = _diagram(study, lang)
    _check_diagram(d, list(d.figure.data["paths"].values()))


def test_the_diagram_check_sees_a_covered_arrowhead_and_overlapping_labels():
    """The check above fails on what it is meant to catch: a label moved onto an arrowhead, and
    two labels at one place (as 0,063 under 0,580*** once was)."""
    d = Drawn(_diagram("corp-rep", "id").figure, "id")
    labels = list(d.figure.data["paths"].values())
    _check_diagram(d, labels)
    ax = d.fig.axes[0]
    head = next(arrowhead(p) for p in ax.patches if type(p).__name__ == "FancyArrowPatch")
    ax.text(*head.mean(axis=0), "0,5", fontsize=9, ha="center", va="center")
    d.fig.canvas.draw()
    d.texts = [t for t in d.texts] + [ax.texts[-1]]
    with pytest.raises(AssertionError):
        _check_diagram(d, labels)
    d.texts.pop()
    first = next(t for t in d.texts if t.get_text() == labels[0])
    ax.text(*first.get_position(), "0,7", fontsize=9, ha="center", va="center")
    d.fig.canvas.draw()
    d.texts.append(ax.texts[-1])
    with pytest.raises(AssertionError):
        _check_diagram(d, labels)


@pytest.mark.parametrize("lang", LANGS)
def test_mobi_rejected_path_is_drawn_in_the_open(lang):
    """CUEX → CUSA (p > 0,05: no stars) is drawn, clear of every other text."""
    d = _diagram("mobi", lang)
    label = d.figure.data["paths"][("CUEX", "CUSA")]
    assert label == {"id": "0,063", "en": "0.063"}[lang]
    (text,) = [t for t in d.texts if t.get_text() == label]
    box = text.get_window_extent(d.renderer)
    assert not any(_overlaps(box, t.get_window_extent(d.renderer)) for t in d.texts if t is not text)


@pytest.mark.parametrize("lang", LANGS)
def test_pls_diagram_indicators_carry_the_loading_table(lang):
    """With model.diagram_indicators every indicator of the final model is drawn with the loading
    the loading table prints, and nothing overlaps."""
    doc = composed("mobi", lang, True).document
    d = _diagram("mobi", lang, indicators=True)
    indicators = d.figure.data["indicators"]
    table = doc.tables()["pls.loadings"]
    printed = {}
    for row in table.body:
        cells = [c.text for c in row]
        item_at = 1 if len(cells) == 7 else 0  # the first row of a construct starts with its name
        printed[cells[item_at]] = cells[item_at + 1]
    shown = {item: value for spec in indicators.values() for item, value in spec["items"]}
    assert shown == printed
    assert "CUSL2" not in shown  # removed by the rule of Hair et al. (mobi: indicator_removal hair)
    _check_diagram(d, list(d.figure.data["paths"].values()) + list(shown.values()))
    assert set(shown) <= set(d.strings())


SHAPES = {  # models unlike the examples: eight predictors of one construct; a chain of eight with shortcuts
    "eight predictors": (
        [(f"X{i}", f"Variabel {i}") for i in range(1, 9)] + [("Y", "Kinerja Pegawai")],
        {(f"X{i}", "Y"): f"0,{100 + 37 * i}***" for i in range(1, 9)},
        {"Y": "R² = 0,612"},
    ),
    "chain": (
        [(c, f"Konstruk {c}") for c in "ABCDEFGH"],
        {**dict.fromkeys(zip("ABCDEFG", "BCDEFGH"), "0,412**"), ("A", "H"): "−0,051", ("B", "E"): "0,233*"},
        dict.fromkeys("BCDEFGH", "R² = 0,123"),
    ),
}


@pytest.mark.parametrize("indicators", [False, True], ids=["constructs", "indicators"])
@pytest.mark.parametrize("shape", list(SHAPES))
def test_other_model_shapes_keep_labels_apart(shape, indicators):
    """The layout is not tuned to the examples: other shapes, with and without indicators (one
    formative), keep every label apart, at least 8 pt, and the figure within a page."""
    from reportgen.report.document import Figure

    constructs, paths, r2 = SHAPES[shape]
    data = {"constructs": constructs, "paths": paths, "r2": r2}
    if indicators:
        data["indicators"] = {c: {"items": [(f"{c}.{k}", f"0,{800 + k}") for k in range(1, 4)], "formative": c in ("X1", "A")} for c, _ in constructs}
    figure = Figure(key="d", number="1", title="", path=Path("d.png"), width=1.0 if indicators else 0.95, kind="path_diagram", data=data)
    d = Drawn(figure, "id")
    labels = list(paths.values()) + [v for spec in data.get("indicators", {}).values() for _, v in spec["items"]]
    _check_diagram(d, labels)
    assert min(t.get_fontsize() for t in d.texts) * d.scale >= MIN_POINTS
    assert d.fig.get_size_inches()[1] * d.scale <= 8.0  # inches: the page's text height less caption and source
    plt.close(d.fig)


def test_pls_diagram_without_indicators_by_default():
    assert "indicators" not in _diagram("mobi", "id").figure.data
    assert not any(t.get_text().startswith("PERQ1") for t in _diagram("mobi", "id").texts)


# --- numbers ----------------------------------------------------------------------------------------

NUMBER = re.compile(r"(?<![\w.,])[−-]?\d[\d.,]*\d|(?<![\w.,])\d")
WRONG = {"id": re.compile(r"^\d+\.\d{1,2}$|^\d+\.\d{4,}$|^0\.\d+$"), "en": re.compile(r"^\d+,\d{1,2}$|^\d+,\d{4,}$|^0,\d+$")}


@pytest.mark.parametrize("study, lang", params(CASES))
def test_numbers_on_figures_are_in_the_language(study, lang):
    """No number in the other language's format (0.2 in Indonesian, 0,2 in English) on any figure;
    item codes such as X1.2 are words, not numbers."""
    wrong = [(d.figure.path.name, n) for d in drawn(study, lang) for s in d.strings() for n in NUMBER.findall(s) if WRONG[lang].match(n.lstrip("−-"))]
    assert not wrong


@pytest.mark.parametrize(
    "lang, text", [("id", "Rata-rata = 0.012"), ("id", "0.2"), ("id", "91.92  AA"), ("en", "R² = 0,452"), ("en", "0,2"), ("en", "Mean = 12,50")]
)
def test_number_check_sees_the_other_language(lang, text):
    assert any(WRONG[lang].match(n.lstrip("−-")) for n in NUMBER.findall(text))
    assert not [n for n in NUMBER.findall("X1.2 CUSL1 IMAG2 2024") if WRONG[lang].match(n)]  # codes and years are no decimals


@pytest.mark.parametrize("lang, expected", [("id", "0,2"), ("en", "0.2")])
def test_pp_plot_ticks_in_the_language(lang, expected):
    d = next(d for d in drawn("luwu-timur", lang) if d.figure.kind == "pp_plot")
    ticks = [t.get_text() for t in d.fig.axes[0].get_xticklabels() if t in d.texts]
    assert expected in ticks
    assert {"0,2": "0.2", "0.2": "0,2"}[expected] not in d.strings()


@pytest.mark.parametrize("lang, expected", [("id", ("Rata-rata = ", "Simpangan baku = ")), ("en", ("Mean = ", "Std. Dev. = "))])
def test_histogram_annotation_in_the_language(lang, expected):
    """Mean and SD on the histogram as fmt writes them (three decimals, the language's separator)."""
    d = next(d for d in drawn("luwu-timur", lang) if d.figure.kind == "histogram")
    (note,) = [s for s in d.strings() if s.startswith(expected[0])]
    lines = note.split("\n")
    sep = {"id": ",", "en": "."}[lang]
    assert re.fullmatch(re.escape(expected[0]) + rf"[−-]?\d{re.escape(sep)}\d{{3}}", lines[0])
    assert re.fullmatch(re.escape(expected[1]) + rf"\d{re.escape(sep)}\d{{3}}", lines[1])


@pytest.mark.parametrize("lang", LANGS)
def test_sakip_numbers_in_the_language(lang):
    """The ranking's totals (83,09 / 83.09) and the axes in the report's language."""
    ranking = next(d for d in drawn("sakip-luwu-timur", lang) if d.figure.kind == "ranking")
    top = {"id": "83,09  A", "en": "83.09  A"}[lang]
    assert top in ranking.strings()


def test_sakip_predicate_bars_each_carry_their_count_zero_included():
    """The example has no AA or D unit: those bars read 0 (A 1, BB 3, B 2, CC 2, C 2 as Table 4)."""
    d = next(d for d in drawn("sakip-luwu-timur", "id") if d.figure.kind == "predicates")
    ax = d.fig.axes[0]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    counts = {labels[round(t.get_position()[0])]: t.get_text() for t in ax.texts}
    assert counts == {"AA": "0", "A": "1", "BB": "3", "B": "2", "CC": "2", "C": "2", "D": "0"}


# --- answer bars ------------------------------------------------------------------------------------


def _bar_numbers(d: Drawn) -> dict[tuple[int, int], str]:
    """(item row, answer column) → the number drawn on that segment."""
    shares = np.nan_to_num(np.array(d.figure.data["shares"], dtype=float))
    ax = d.fig.axes[0]
    out = {}
    for t in d.texts:
        if t not in ax.texts:
            continue
        x, y = t.get_position()
        row = int(round(y))
        edges = np.concatenate([[0.0], np.cumsum(shares[row])])
        col = int(np.searchsorted(edges, x) - 1)
        out[(row, col)] = t.get_text()
    return out


@pytest.mark.parametrize("study, lang", params(c for c in CASES if c[0] != "sakip-luwu-timur"))
def test_response_bar_numbers_are_the_table_percentages(study, lang):
    doc = composed(study, lang).document
    tables = doc.tables()
    bars = [d for d in drawn(study, lang) if d.figure.kind == "responses"]
    assert bars
    for d in bars:
        code = d.figure.key.split(".", 1)[1]
        table = tables[f"responses.{code}"]
        percent_rows = table.body[1::2]
        numbers = _bar_numbers(d)
        assert numbers, d.figure.path.name
        for (row, col), text in numbers.items():
            assert percent_rows[row][col].text == text + "%", (d.figure.path.name, row, col)


def test_response_bars_show_half_percentages_as_the_table():
    """luwu-timur X1.4: 26 of 80 strongly agree (32,5%) and X1.5: 46 of 80 (57,5%)."""
    d = next(d for d in drawn("luwu-timur", "id") if d.figure.key == "bars.X1")
    numbers = _bar_numbers(d)
    assert numbers[(3, 0)] == "32,5"
    assert numbers[(4, 0)] == "57,5"


# --- SAKIP trends -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_sakip_trend_names_every_unit_in_one_language(lang):
    doc = composed("sakip-luwu-timur", lang)
    d = next(d for d in drawn("sakip-luwu-timur", lang) if d.figure.kind == "trends")
    titles = [ax.get_title().replace("\n", " ") for ax in d.fig.axes if ax.get_title()]
    assert titles == list(d.figure.data["series"])  # one panel per unit, in the ranking's order
    assert len(titles) == 10
    legend = [t.get_text() for t in d.fig.legends[0].get_texts()]
    assert sorted(legend) == sorted([doc.labels["sakip_trend_unit"], doc.labels["sakip_trend_mean"]])
    other = {"id": "en", "en": "id"}[lang]
    assert not set(legend) & {composed("sakip-luwu-timur", other).labels[k] for k in ("sakip_trend_unit", "sakip_trend_mean")}
