"""The chapter: structure, numbers that agree with their tables, PDF and DOCX outputs."""

import re

import pytest
import yaml
from docx import Document as WordDocument
from helpers import EXAMPLES, base, numbers_checked_against_tables, write_study, written_example
from PIL import Image
from pypdf import PdfReader

from reportgen.pipeline import compose, run_study
from reportgen.report.document import Paragraph, Section

LUWU = EXAMPLES / "luwu-timur" / "study.yaml"


@pytest.fixture(scope="module", params=["id", "en"])
def chapter(request, tmp_path_factory):
    lang = request.param
    out = written_example("luwu-timur", lang).files[0].parent
    stem = "bab5" if lang == "id" else "chapter5"
    text = "\n".join(page.extract_text() for page in PdfReader(out / f"{stem}.pdf").pages)
    return lang, out, stem, text


def document(lang, tmp_path, path=LUWU):
    return compose(path, lang).document


def test_pdf_has_the_pages_and_words_a_reader_looks_for(chapter):
    lang, out, stem, text = chapter
    pages = len(PdfReader(out / f"{stem}.pdf").pages)
    assert pages >= 15
    flat = " ".join(text.split())
    if lang == "id":
        words = [
            "BAB V",
            "Tabel 5.1",
            "Gambar 5.",
            "Cronbach",
            "Durbin-Watson",
            "VIF",
            "Kolmogorov",
            "Koefisien Determinasi",
            "Pembahasan",
            "74,4",
            "r tabel 0,2199",
            "Sumber: Data primer diolah, 2022",
            "71,72",
        ]
    else:
        words = [
            "CHAPTER 5",
            "Table 5.1",
            "Figure 5.",
            "Cronbach",
            "Durbin-Watson",
            "VIF",
            "Kolmogorov",
            "Coefficient of Determination",
            "Discussion",
            "74.4",
            "r table value .2199",
            "Source: primary data, processed",
            "71.72",
        ]
    words += [f"H{i}" for i in range(1, 7)]
    missing = [w for w in words if w not in flat]
    assert not missing, missing


def test_english_chapter_has_no_indonesian_scaffolding(chapter):
    lang, _, _, text = chapter
    if lang != "en":
        pytest.skip("English only")
    for word in ("Tabel", "Gambar", "Sumber", "responden", "diterima", "ditolak", "Keterangan", "Rata-rata", "SS", "KS", "STS"):
        assert not re.search(rf"\b{word}\b", text), word


def test_first_page_says_the_answers_are_simulated(chapter):
    lang, out, stem, _ = chapter
    first = " ".join(PdfReader(out / f"{stem}.pdf").pages[0].extract_text().split())
    assert ("dengan data simulasi" if lang == "id" else "with simulated data") in first
    note = WordDocument(out / f"{stem}.docx").paragraphs[1].text
    assert note.startswith("Catatan: contoh ini mereplikasi tesis" if lang == "id" else "Note: this example replicates the Luwu Timur thesis")


def test_docx_has_real_tables_images_and_heading_styles(chapter):
    lang, out, stem, _ = chapter
    word = WordDocument(out / f"{stem}.docx")
    assert len(word.tables) >= 15
    assert len(word.inline_shapes) >= 3
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert any(h.startswith("5.1 ") for h in headings) and any(h.startswith("5.2 ") for h in headings)
    captions = [p.text for p in word.paragraphs if p.style.name == "Caption"]
    assert captions[0].startswith("Tabel 5.1" if lang == "id" else "Table 5.1")
    header_row = word.tables[0].rows[0]._tr
    assert header_row.trPr is not None and "tblHeader" in header_row.trPr.xml
    from docx.oxml.ns import qn

    for table in word.tables:  # 0.1 cm side margins, so "28" fits a 0.7 cm answer-count column
        margins = table._tbl.tblPr.find(qn("w:tblCellMar"))
        assert [m.get(qn("w:w")) for m in margins] == ["57", "57"]
    cell_styles = {p.style.name: p.style.font.size.pt for t in word.tables for row in t.rows for c in row.cells for p in c.paragraphs}
    assert cell_styles == {"Table Text": 10.0, "Table Text Small": 9.0}
    assert word.styles["Table Text"].paragraph_format.line_spacing == 1.0


def test_figures_are_200_dpi_png(chapter):
    _, out, _, _ = chapter
    figures = sorted((out / "figures").glob("*.png"))
    names = {f.stem for f in figures}
    assert {"pp_plot", "histogram", "scatterplot", "framework", "responses_X1"} <= names
    for f in figures:
        image = Image.open(f)
        assert round(image.info["dpi"][0]) == 200
        assert image.mode == "L", f.name  # the thesis figures are grey: one opaque channel


def test_a_coloured_figure_stays_rgb(tmp_path):
    from reportgen.figures.style import plt, write_png

    fig, ax = plt.subplots(figsize=(2, 2))
    ax.bar([1, 2], [3, 4], color=["#c0392b", "#2e86c1"])
    path = tmp_path / "colour.png"
    write_png(fig, path)
    import numpy as np

    image = Image.open(path)
    pixels = np.asarray(image).astype(int)
    assert image.mode == "RGB"
    assert (pixels[..., 0] - pixels[..., 2] > 100).any() and (pixels[..., 2] - pixels[..., 0] > 100).any()  # red and blue bars


def test_every_number_in_the_text_is_printed_in_its_table(tmp_path):
    for lang in ("id", "en"):
        assert numbers_checked_against_tables(document(lang, tmp_path / lang), lang) > 150


def test_structure_follows_the_thesis(tmp_path):
    doc = document("id", tmp_path)
    results, discussion, limitations, conclusions, references = doc.sections  # the example asks for BAB VI (chapters: [5, 6])
    assert (results.number, discussion.number, limitations.number, references.title) == ("5.1", "5.2", "5.3", "Daftar Pustaka")
    assert limitations.title == "Keterbatasan Penelitian" and conclusions.title == "KESIMPULAN, IMPLIKASI, DAN SARAN"
    titles = [s.title for s in results.blocks if isinstance(s, Section)]
    assert titles == [
        "Gambaran Umum Objek Penelitian",
        "Karakteristik Responden",
        "Deskripsi Variabel Penelitian",
        "Uji Validitas",
        "Uji Reliabilitas",
        "Korelasi Antarvariabel",
        "Uji Asumsi Klasik",
        "Analisis Regresi Linier Berganda",
        "Pengujian Hipotesis",
    ]
    assert [s.title.split(":")[0] for s in discussion.blocks if isinstance(s, Section)] == ["H1", "H2", "H3", "H4", "H5", "H6"]
    numbers = [t.number for t in doc.tables().values()]
    five = [n for n in numbers if n.startswith("5.")]
    assert numbers == five + ["6.1"] and five == [f"5.{i}" for i in range(1, len(five) + 1)]
    profile = [b for b in results.blocks if isinstance(b, Section)][1]
    first = next(b for b in profile.blocks if isinstance(b, Paragraph) and "sebanyak" in b.text)
    assert "sebanyak 43 orang atau 53,8%" in first.text and "sebanyak 37 orang atau 46,3%" in first.text


def test_regression_equation_and_decisions_agree_with_results(tmp_path):
    doc = document("id", tmp_path)
    equation = next(b for b in doc.walk() if isinstance(b, Paragraph) and b.style == "equation")
    assert re.fullmatch(r"Y = -?\d+,\d{3}( [+−] \d+,\d{3} X\d){5} \+ e", equation.text), equation.text
    t_table = doc.tables()["t_test"]
    decisions = {row[0].text: row[-1].text for row in t_table.body}
    assert set(decisions) == {"H1", "H2", "H3", "H4", "H5"}
    assert all(v in ("Diterima", "Ditolak") for v in decisions.values())


def test_user_templates_override_builtin_ones(tmp_path):
    cfg = base()
    cfg["templates"] = "mine"
    path = write_study(tmp_path, cfg)
    (tmp_path / "mine" / "id").mkdir(parents=True)
    (tmp_path / "mine" / "id" / "profile_intro.j2").write_text("Kalimat saya tentang {{ label }}.")
    (tmp_path / "mine" / "id" / "labels.yaml").write_text(yaml.safe_dump({"table": "Tab."}))
    doc = document("id", tmp_path / "o", path)
    texts = [b.text for b in doc.walk() if isinstance(b, Paragraph)]
    assert "Kalimat saya tentang jenis kelamin." in texts
    assert any(t.startswith("Berdasarkan Tab. 5.1") for t in texts)


def test_study_text_is_data_not_template(tmp_path):
    cfg = base()
    cfg["constructs"]["X1"]["name"] = "{{ 7*7 }} <b>Motivasi</b>"
    out = tmp_path / "o"
    run_study(write_study(tmp_path, cfg), out, formats=["pdf"])
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out / "bab5.pdf").pages).split())
    assert "{{ 7*7 }} <b>Motivasi</b>" in text and "49 <b>" not in text and "49 Motivasi" not in text


def test_chapter_says_how_many_respondents_were_excluded(tmp_path):
    from helpers import survey_rows

    rows = survey_rows()
    rows[2]["X1.1"] = None
    rows[5]["Y.2"] = None
    doc = document("id", tmp_path / "o", write_study(tmp_path, base(), rows))
    first = doc.sections[0].blocks[0]
    assert first.text == (
        "Kuesioner yang terkumpul berasal dari 40 responden. Sebanyak dua responden tidak menjawab seluruh "
        "pernyataan variabel dalam model sehingga dikeluarkan dari analisis (listwise deletion); analisis berikut "
        "menggunakan data 38 responden."
    )
