"""Honest sources: the line under every table and figure says whether the data are primary or
secondary (``data.source``), results.json repeats it, and the demo's first page says that its
answers are simulated (``study.note``)."""

import dataclasses

import pytest
from docx import Document as WordDocument
from helpers import base, composed_example, write_study

from reportgen.pipeline import compose
from reportgen.render.docx import write_docx
from reportgen.render.html import render_html
from reportgen.render.measure import bind
from reportgen.render.text import render_text


@pytest.mark.parametrize(
    "example,lang,line",
    [
        ("mobi", "id", "Sumber: Data sekunder dari Tenenhaus et al. (2005), diolah, 2025"),
        ("mobi", "en", "Source: secondary data from Tenenhaus et al. (2005), processed (2025)"),
        ("corp-rep", "id", "Sumber: Data sekunder dari Hair et al. (2021), diolah, 2025"),
        ("corp-rep", "en", "Source: secondary data from Hair et al. (2021), processed (2025)"),
        ("luwu-timur", "id", "Sumber: Data primer diolah, 2022"),
        ("luwu-timur", "en", "Source: primary data, processed (2022)"),
    ],
)
def test_every_table_and_figure_names_the_data_source(example, lang, line):
    doc = composed_example(example, lang).document
    sources = {t.source for t in doc.tables().values()} | {f.source for f in doc.figures()}
    assert sources == {line}


@pytest.mark.parametrize(
    "source,lang,line,payload",
    [
        ("secondary", "id", "Sumber: Data sekunder diolah, 2024", {"type": "secondary", "citation": None}),
        ("secondary", "en", "Source: secondary data, processed (2024)", {"type": "secondary", "citation": None}),
        (
            {"type": "secondary", "citation": "Ringle, Wende & Will (2005)"},
            "en",
            "Source: secondary data from Ringle, Wende & Will (2005), processed (2024)",
            {"type": "secondary", "citation": "Ringle, Wende & Will (2005)"},
        ),
        ("primary", "id", "Sumber: Data primer diolah, 2024", {"type": "primary", "citation": None}),
        (None, "id", "Sumber: Data primer diolah, 2024", {"type": "primary", "citation": None}),
    ],
)
def test_data_source_sets_the_line_and_results_json(tmp_path, source, lang, line, payload):
    cfg = base()
    if source is not None:
        cfg["data"]["source"] = source
    composed = compose(write_study(tmp_path, cfg), lang)
    assert {t.source for t in composed.document.tables().values()} == {line}
    assert composed.payload["source"] == payload


def test_pls_examples_write_their_published_source_into_results_json():
    assert composed_example("mobi", "id").payload["source"] == {"type": "secondary", "citation": "Tenenhaus et al. (2005)"}
    assert composed_example("corp-rep", "en").payload["source"] == {"type": "secondary", "citation": "Hair et al. (2021)"}


@pytest.mark.parametrize(
    "lang,words", [("id", ["data simulasi", "R² = 0,525", "H4 ditolak"]), ("en", ["simulated data", "R² = .525", "H4 rejected"])]
)
def test_the_demo_says_its_answers_are_simulated_before_section_one(tmp_path, lang, words):
    composed = composed_example("luwu-timur", lang)
    doc = composed.document
    assert [p.style for p in doc.preface] == ["note"]
    note = doc.preface[0].text
    assert all(w in note for w in words), note
    text = render_text(doc, composed.labels)
    assert text.index(note[:40]) < text.index("## 5.1 ")
    html = render_html(doc, composed.labels)
    assert html.index('<p class="note">' + note[:40]) < html.index("<section>")
    target = write_docx(dataclasses.replace(doc, sections=[]), composed.labels, tmp_path, tmp_path / "note.docx")
    paragraphs = WordDocument(target).paragraphs
    assert paragraphs[0].style.name == "Heading 1" and paragraphs[1].text == bind(note) and paragraphs[1].runs[0].italic


def test_a_study_without_a_note_has_none(tmp_path):
    assert compose(write_study(tmp_path, base()), "id").document.preface == []
