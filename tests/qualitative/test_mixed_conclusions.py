"""A mixed-methods study's conclusions, joint display, quotes, method and framework (issue 30):

- BAB VI concludes the qualitative strand by the study's framework (its categories, each with the
  informants who raised a theme of it, the framework's work cited) and states each hypothesis's
  meta-inference with what the combination adds (Fetters et al., 2013);
- the joint display gives each row the coefficient, p and decision, each theme with its
  informants, excerpts and stance, one quote per cell, and the meta-inference;
- a quote illustrates one theme only; a theme left without an unused quote says so;
- the analysis states Braun and Clarke's (2006) six phases;
- the framework is cited (``qualitative.framework.cite``: the built-in bibliography or the
  student's file) where its categories are introduced and concluded, and listed in Daftar Pustaka.

The corpus is that of tests/qualitative/test_corpus.py, counted there by hand: Tekanan koersif
raised by 3 of the 3 informants in 4 excerpts, Tekanan normatif by 2 in 2, Tekanan mimetik by 1
in 1. In the study of tests/qualitative/test_mixed_chapter.py H1 is accepted, H2 rejected and H3
(simultaneous) accepted; the coefficients and p values in the joint display are the payload's.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
import yaml
from consistency import problems
from helpers import composed_example, invoke
from test_corpus import CODEBOOK, EXCERPTS, tables
from test_mixed_chapter import mixed_study
from test_mixed_tasks import DISCORDANT

from reportgen.pipeline import compose
from reportgen.report.document import Paragraph, Section
from reportgen.words.locale import fmt, fmt_p, fmt_unit

FRAMEWORK = {"name": {"id": "isomorfisme institusional", "en": "institutional isomorphism"}, "cite": ["dimaggio1983"]}
DIMAGGIO = "DiMaggio, P. J., & Powell, W. W. (1983). The iron cage revisited"


def bab6(folder, themes=None, framework=FRAMEWORK, edit=None):
    """The study of test_mixed_chapter.py with BAB VI and the framework's name and citation (the
    categories are the codebook's: koersif, mimetik, normatif)."""
    study = mixed_study(folder, themes)
    config = yaml.safe_load(study.read_text(encoding="utf-8"))
    config["study"]["chapters"] = [5, 6]
    if framework is not None:
        config["qualitative"]["framework"] = framework
    if edit is not None:
        edit(config)
    study.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return study


def texts(doc) -> list[str]:
    return [b.text for b in doc.walk() if isinstance(b, Paragraph)]


def conclusions(doc) -> list[Paragraph]:
    chapter = next(s for s in doc.sections if s.title in ("KESIMPULAN, IMPLIKASI, DAN SARAN", "CONCLUSIONS, IMPLICATIONS AND RECOMMENDATIONS"))
    return [b for b in chapter.blocks[0].blocks if isinstance(b, Paragraph)]


def references(doc) -> list[str]:
    return [b.text for b in doc.walk() if isinstance(b, Paragraph) and b.style == "reference"]


def decisions(composed) -> dict[str, str]:
    return {e["hypothesis"]: e["decision"] for e in composed.payload["effects"]}


STRAND = {
    "id": "4. Analisis tematik atas wawancara dengan tiga informan menghasilkan tiga tema. Ketiga kategori isomorfisme institusional "
    "(DiMaggio & Powell, 1983) muncul dalam keterangan informan tentang Kinerja: koersif (tema Tekanan koersif, diangkat "
    "oleh 3 dari 3 informan), normatif (tema Tekanan normatif, diangkat oleh 2 dari 3 informan), dan mimetik (tema "
    "Tekanan mimetik, diangkat oleh 1 dari 3 informan).",
    "en": "4. The thematic analysis of the interviews with three informants gave three themes. All three categories of institutional "
    "isomorphism (DiMaggio & Powell, 1983) appear in the informants' accounts of Performance: koersif (Coercive pressure, "
    "raised by 3 of 3 informants), normatif (Tekanan normatif, raised by 2 of 3 informants), and mimetik (Tekanan "
    "mimetik, raised by 1 of 3 informants).",
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_bab_vi_concludes_the_qualitative_strand_by_its_framework(tmp_path, lang):
    """Before, BAB VI concluded the hypotheses only: no word of the interviews or the framework."""
    composed = compose(bab6(tmp_path), lang)
    assert decisions(composed) == {"H1": "accepted", "H2": "rejected", "H3": "accepted"}
    found = [p.text for p in conclusions(composed.document)]
    assert found[4] == STRAND[lang]  # after the intro and the three hypotheses; categories by informants, most first
    assert (
        found[5]
        == {
            "id": "5. Integrasi kedua fase dalam joint display (Tabel 5.28) menghasilkan meta-inferensi berikut (Fetters et al., 2013).",
            "en": "5. Integrating the two phases in the joint display (Table 5.28) gives the following meta-inferences (Fetters et al., 2013).",
        }[lang]
    )
    assert any(entry.startswith(DIMAGGIO) for entry in references(composed.document))
    assert composed.payload["qualitative"]["framework"] == {"name": FRAMEWORK["name"], "cite": ["dimaggio1983"]}
    assert problems(composed.document, composed.labels) == []


def test_a_category_nobody_raised_and_the_themes_outside_the_categories_are_said(tmp_path):
    """Mimetik's only excerpt recoded to a theme of no category: the category is there (the
    codebook's), nobody raised it; the new theme is listed beyond the categories."""
    codebook = CODEBOOK + [("anggaran", "Dukungan pimpinan", "Anggaran dari pimpinan", "")]
    excerpts = [(who, text, "anggaran" if codes == "meniru" else codes) for who, text, codes in EXCERPTS]
    study = bab6(tmp_path)
    tables(tmp_path, excerpts=excerpts, codebook=codebook)
    found = [p.text for p in conclusions(compose(study, "id").document)]
    assert found[4] == (
        "4. Analisis tematik atas wawancara dengan tiga informan menghasilkan empat tema. Kategori isomorfisme institusional "
        "(DiMaggio & Powell, 1983) yang muncul dalam keterangan informan tentang Kinerja adalah koersif (tema Tekanan "
        "koersif, diangkat oleh 3 dari 3 informan) dan normatif (tema Tekanan normatif, diangkat oleh 2 dari 3 informan). "
        "Kategori mimetik tidak diangkat oleh informan mana pun. Di luar kategori tersebut, informan juga mengangkat "
        "tema Dukungan pimpinan (1 informan)."
    )


META = {
    "confirms": (
        {
            "id": [
                "a. Pada H1, yang diterima, tema Tekanan koersif (3 informan) menggambarkan hubungan yang dihipotesiskan, "
                "sehingga kedua fase saling mengonfirmasi: keterangan informan sejalan dengan hasil kuantitatif "
                "atas H1, walaupun tidak dapat menguji koefisiennya. Tema Tekanan normatif (2 informan) menambahkan konteks yang tidak diukur oleh kuesioner.",
                "b. Pada H2, yang ditolak, tema Tekanan koersif (3 informan) menggambarkan hal yang tidak sejalan dengan adanya "
                "hubungan yang dihipotesiskan, sehingga kedua fase sejalan: keterangan informan sejalan dengan tidak "
                "terdeteksinya hubungan pada H2, walaupun tidak dapat menguji koefisiennya.",
                "c. Tidak ada tema yang berkaitan dengan H3, sehingga kesimpulan atas H3 hanya bertumpu pada fase kuantitatif.",
            ],
            "en": [
                "a. For H1, which is supported, Coercive pressure (3 informants) describes the hypothesised relationship, so the "
                "two phases confirm each other: the informants' accounts agree with the quantitative "
                "result on H1, though they cannot test its coefficient. Tekanan normatif (2 informants) adds context the questionnaire did not measure.",
                "b. For H2, which is not supported, Coercive pressure (3 informants) describes what does not fit the "
                "hypothesised relationship, so the two phases agree: the informants' accounts agree with the "
                "absence of a detectable association in H2, though they cannot test its coefficient.",
                "c. No theme speaks to H3, so its conclusion rests on the quantitative phase alone.",
            ],
        },
        None,
    ),
    "discordant": (
        {
            "id": [
                "a. Pada H1, yang diterima, tema Tekanan koersif (3 informan) menggambarkan hal yang tidak sejalan dengan "
                "adanya hubungan yang dihipotesiskan, sehingga kedua fase tidak sejalan: data kuesioner menunjukkan hubungan "
                "yang signifikan, sedangkan 3 dari 3 informan menggambarkan hal yang tidak sejalan dengannya. Keputusan atas "
                "H1 tetap seperti hasil pengujiannya, tetapi keterangan informan memberi catatan atasnya, dan perbedaan kedua fase perlu diteliti lebih lanjut. "
                "Tema Tekanan normatif (2 informan) menambahkan konteks yang tidak diukur oleh kuesioner.",
                "b. Pada H2, yang ditolak, tema Tekanan koersif (3 informan) menggambarkan hubungan yang dihipotesiskan, "
                "sehingga kedua fase tidak sejalan: data kuesioner tidak menunjukkan hubungan yang signifikan, sedangkan 3 "
                "dari 3 informan menggambarkan hubungan tersebut. Keputusan atas H2 tetap seperti hasil pengujiannya, tetapi "
                "keterangan informan memberi catatan atasnya, dan perbedaan kedua fase perlu diteliti lebih lanjut.",
            ],
            "en": [
                "a. For H1, which is supported, Coercive pressure (3 informants) describes what does not fit the hypothesised "
                "relationship, so the two phases disagree: the questionnaire data show a significant relationship, while 3 of "
                "3 informants describe what does not fit it. The decision on H1 stands as the test gave it, but the "
                "informants' accounts qualify it, and the difference between the phases calls for further research. Tekanan normatif (2 informants) "
                "adds context the questionnaire did not measure.",
                "b. For H2, which is not supported, Coercive pressure (3 informants) describes the hypothesised relationship, "
                "so the two phases disagree: the questionnaire data do not show a significant relationship, while 3 of 3 "
                "informants describe such a relationship. The decision on H2 stands as the test gave it, but the "
                "informants' accounts qualify it, and the difference between the phases calls for further research.",
            ],
        },
        DISCORDANT,
    ),
    "expands": (
        {
            "id": [
                "a. Pada H1, yang diterima, tema Tekanan mimetik (1 informan) memberi konteks atas hasil tersebut, sehingga "
                "temuan kualitatif memperluas pemahaman atas hasil kuantitatif: wawancara menambahkan konteks yang tidak diukur "
                "oleh kuesioner."
            ],
            "en": [
                "a. For H1, which is supported, Tekanan mimetik (1 informant) gives the result its context, so the qualitative "
                "findings widen the understanding of the quantitative result: the interviews add context the questionnaire "
                "did not measure."
            ],
        },
        {"Tekanan mimetik": {"explains": ["H1"]}},
    ),
}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("fit", list(META))
def test_bab_vi_states_each_meta_inference_and_what_the_combination_adds(tmp_path, fit, lang):
    expected, themes = META[fit]
    composed = compose(bab6(tmp_path, themes), lang)
    doc = composed.document
    lettered = [p for p in conclusions(doc) if re.match(r"[a-z]\. ", p.text)]
    assert [p.text for p in lettered[: len(expected[lang])]] == expected[lang]
    assert ("meta:H1", fit) in lettered[0].claims and ("hypothesis:H1", "accepted") in lettered[0].claims
    assert problems(doc, composed.labels) == []


def test_the_checker_catches_a_meta_inference_the_joint_display_contradicts(tmp_path):
    """The phrase rule reads the BAB VI sentence, not only its claims: 'kedua fase tidak sejalan'
    beside a joint display showing Konfirmasi is a contradiction."""
    composed = compose(bab6(tmp_path), "id")
    doc = composed.document
    section = next(s for s in doc.sections if s.title == "KESIMPULAN, IMPLIKASI, DAN SARAN").blocks[0]
    k, paragraph = next((k, b) for k, b in enumerate(section.blocks) if isinstance(b, Paragraph) and b.text.startswith("a. Pada H1"))
    section.blocks[k] = dataclasses.replace(
        paragraph, text=paragraph.text.replace("kedua fase saling mengonfirmasi", "kedua fase tidak sejalan"), claims=()
    )
    found = problems(doc, composed.labels)
    assert len(found) == 1 and found[0].startswith("'Pada H1, yang diterima") and "meta:H1 is ['confirms']" in found[0]


JOINT = {
    "id": [
        [
            "Diterima",
            "Tekanan koersif\n3 informan, 4 kutipan\n(mendukung)",
            "“Kalau tidak lapor, ada teguran dari inspektorat dan nilai SAKIP turun.” (I-01)",
            "Konfirmasi",
        ],
        ["Tekanan normatif\n2 informan, 2 kutipan\n(konteks)", "“membuat kami paham” (I-02)"],
        [
            "Ditolak",
            "Tekanan koersif\n3 informan, 4 kutipan\n(menyanggah)",
            "“Kalau tidak lapor, ada teguran dari inspektorat dan nilai SAKIP turun.” (I-01)",
            "Konfirmasi",
        ],
        ["Diterima", "–", "–", "–"],
    ],
    "en": [
        [
            "Supported",
            "Coercive pressure\n3 informants, 4 excerpts\n(supports)",
            "“Kalau tidak lapor, ada teguran dari inspektorat dan nilai SAKIP turun.” (I-01)",
            "Confirmation",
        ],
        ["Tekanan normatif\n2 informants, 2 excerpts\n(context)", "“membuat kami paham” (I-02)"],
        [
            "Not supported",
            "Coercive pressure\n3 informants, 4 excerpts\n(contradicts)",
            "“Kalau tidak lapor, ada teguran dari inspektorat dan nilai SAKIP turun.” (I-01)",
            "Confirmation",
        ],
        ["Supported", "–", "–", "–"],
    ],
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_joint_display_shows_both_strands_with_one_quote_per_cell(tmp_path, lang):
    """Before, a row held the coefficient, the decision and the themes' names: no counts, no quote."""
    composed = compose(bab6(tmp_path), lang)
    table = composed.document.tables()["joint_display"]
    effects = {e["hypothesis"]: e for e in composed.payload["effects"]}
    rows = [[c.text for c in row] for row in table.body]
    assert [len(row) for row in rows] == [6, 2, 6, 6]  # H1's second theme shares its hypothesis's cells
    for row, code in ((rows[0], "H1"), (rows[2], "H2"), (rows[3], "H3")):  # H3's R² cannot exceed 1: no leading zero in English
        estimate = (fmt_unit if code == "H3" else fmt)(effects[code]["estimate"], 3, lang)
        assert row[1] == f"{estimate}\n({fmt_p(effects[code]['p'], 3, lang, unit=True)})"
    assert [rows[0][2:], rows[1], rows[2][2:], rows[3][2:]] == JOINT[lang]
    assert [c.rowspan for c in table.body[0]] == [2, 2, 2, 1, 1, 2]
    assert table.body[0][2].claim == ("hypothesis:H1", "accepted") and table.body[0][5].claim == ("meta:H1", "confirms")
    assert [h.text for h in table.header[0]] == {
        "id": ["Hipotesis", "Koefisien (p)", "Keputusan", "Tema Kualitatif", "Kutipan", "Meta-inferensi"],
        "en": ["Hypothesis", "Coefficient (p)", "Decision", "Qualitative Theme", "Quote", "Meta-inference"],
    }[lang]


def _quotes_by_theme(doc) -> dict[str, list[str]]:
    """The quote paragraphs under each theme's subsection (x.1.k a., b., …)."""
    strand = next(b for b in doc.walk() if isinstance(b, Section) and b.title in ("Hasil Analisis Kualitatif", "Qualitative Findings"))
    return {
        sub.title: [b.text for b in sub.blocks if isinstance(b, Paragraph) and b.style == "quote"]
        for sub in strand.blocks
        if isinstance(sub, Section)
    }


def test_a_marked_quote_is_not_chosen_again_for_an_earlier_theme(tmp_path):
    """Tekanan normatif's marked words are part of I-02's only coercive excerpt: the rule, choosing
    for Tekanan koersif first, took that excerpt too, and one excerpt illustrated two themes."""
    doc = compose(mixed_study(tmp_path), "id").document
    assert _quotes_by_theme(doc) == {
        "Tekanan koersif": [
            "“Kalau tidak lapor, ada teguran dari inspektorat dan nilai SAKIP turun.” (I-01, Kepala Bagian)",
            "“Sanksi jarang diberikan.” (I-03, Staf)",
        ],
        "Tekanan mimetik": ["“Kami melihat daerah lain yang predikatnya A lalu mencontoh formatnya.” (I-02, Analis)"],
        "Tekanan normatif": ["“membuat kami paham” (I-02, Analis)"],
    }


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_theme_whose_excerpts_are_all_quoted_elsewhere_says_so_without_a_quote(tmp_path, lang):
    """Without I-03's excerpt 5, Tekanan normatif has one excerpt, I-02's, which Tekanan koersif
    (first in the codebook) quotes; the old rule quoted it under both themes."""
    study = bab6(tmp_path, {"Tekanan koersif": {"explains": {"H1": "supports"}}, "Tekanan normatif": {"explains": ["H1"]}})
    tables(tmp_path, excerpts=[e for k, e in enumerate(EXCERPTS) if k != 4])
    composed = compose(study, lang)
    doc = composed.document
    shown = _quotes_by_theme(doc)
    normative = shown.pop("Tekanan normatif")
    assert normative == []
    assert "“Pelatihan dari BPKP membuat kami paham indikator.” (I-02, Analis)" in shown["Tekanan koersif"]
    said = {
        "id": "Tema ini diangkat oleh 1 dari 3 informan dalam 1 kutipan, dengan kode “pelatihan” dan “profesi”, dan termasuk dalam "
        "kategori normatif. Kutipan tema ini telah ditampilkan pada tema Tekanan koersif, sehingga tidak diulang di sini.",
        "en": "This theme was raised by 1 of 3 informants in 1 excerpt, with the codes “pelatihan” and “profesi”; it belongs to the "
        "category normatif. Its excerpts are already quoted under Tekanan koersif, so none is repeated here.",
    }[lang]
    assert said in texts(doc)
    rows = [[c.text for c in row] for row in doc.tables()["joint_display"].body]
    assert (
        rows[1][1]
        == {
            "id": "Tanpa kutipan: kutipan tema ini telah ditampilkan pada tema Tekanan koersif.",
            "en": "No quote: its excerpts are quoted under Tekanan koersif.",
        }[lang]
    )
    theme = next(t for t in composed.payload["qualitative"]["themes"] if t["theme"] == "Tekanan normatif")
    assert theme["quotes"] == [] and theme["quoted_under"] == ["Tekanan koersif"]
    discussion = next(t for t in texts(doc) if t.startswith(("Temuan kualitatif", "The qualitative findings")))
    assert "Pelatihan dari BPKP" not in discussion.split("Tekanan normatif")[-1]
    assert problems(doc, composed.labels) == []


def test_the_same_words_marked_for_two_themes_are_one_line_exit_2(tmp_path):
    study = mixed_study(
        tmp_path, {"Tekanan koersif": {"quotes": ["membuat kami paham"]}, "Tekanan normatif": {"quotes": ["BPKP membuat kami paham"]}}
    )
    result = invoke(["run", str(study), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and re.fullmatch(
        r"(?:error: )?study.yaml, line \d+, key qualitative.themes.Tekanan normatif.quotes.0: the quote is already marked for theme "
        r"'Tekanan koersif' \(qualitative.themes.Tekanan koersif.quotes.0\); a quote illustrates one theme",
        lines[0],
    ), result.output


def test_every_quote_of_the_example_illustrates_one_theme():
    """config/examples/mixed-methods: I-09's excerpt on the head of service funding a data
    update is coded both Budaya kinerja and Dukungan pimpinan, and was quoted under both."""
    doc = composed_example("mixed-methods", "id").document
    shown = [q for quotes in _quotes_by_theme(doc).values() for q in quotes]
    assert len(shown) == len(set(shown)) == 17
    assert sum("pendataan ulang penerima bantuan" in q for q in shown) == 1


PHASES = {
    "id": "Transkrip wawancara dianalisis secara tematik dalam enam fase Braun dan Clarke (2006): (1) mengenali data dengan "
    "membaca transkrip berulang kali; (2) menyusun kode awal, yaitu lima kode pada enam kutipan; (3) mencari tema dengan "
    "mengelompokkan kode-kode tersebut; (4) meninjau setiap tema terhadap kutipannya dan terhadap keseluruhan data; (5) "
    "mendefinisikan dan menamai tiga tema (Tabel 5.26); dan (6) menyusun laporan ini dengan kutipan yang mewakili setiap tema.",
    "en": "The interview transcripts were analysed thematically in the six phases of Braun and Clarke (2006): (1) familiarisation "
    "with the data, reading the transcripts repeatedly; (2) generating initial codes, five codes on six excerpts; (3) searching "
    "for themes by grouping the codes; (4) reviewing each theme against its excerpts and the whole data set; (5) defining "
    "and naming three themes (Table 5.26); and (6) producing the report, with quotes that illustrate each theme.",
}
CATEGORIES = {
    "id": "Tema dikelompokkan menurut kategori isomorfisme institusional (DiMaggio & Powell, 1983), yaitu koersif (tema "
    "Tekanan koersif), mimetik (tema Tekanan mimetik), dan normatif (tema Tekanan normatif).",
    "en": "The themes are sorted into the categories of institutional isomorphism (DiMaggio & Powell, 1983): koersif "
    "(Coercive pressure), mimetik (Tekanan mimetik), and normatif (Tekanan normatif).",
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_analysis_states_braun_and_clarkes_phases_and_cites_the_framework_where_its_categories_are_introduced(tmp_path, lang):
    """Before: 'analysed thematically (Braun & Clarke, 2006)' alone, and no citation of the framework."""
    doc = compose(bab6(tmp_path), lang).document
    said = texts(doc)
    assert any(t.startswith(("Fase kualitatif", "The qualitative phase")) and t.endswith(PHASES[lang]) for t in said)
    assert any(t.startswith(CATEGORIES[lang]) for t in said)  # the next paragraph
    assert doc.tables()["codebook"].notes == (
        {
            "id": "Kategori: isomorfisme institusional (DiMaggio & Powell, 1983).",
            "en": "Category: institutional isomorphism (DiMaggio & Powell, 1983).",
        }[lang],
    )
    entries = references(doc)
    assert any(e.startswith("Braun, V., & Clarke, V. (2006).") for e in entries) and any(e.startswith(DIMAGGIO) for e in entries)


def test_without_a_named_framework_the_categories_are_the_codebooks_and_nothing_is_cited(tmp_path):
    doc = compose(bab6(tmp_path, framework=None), "id").document
    assert any(
        t.startswith(
            "Tema dikelompokkan menurut kategori kerangka penelitian, yaitu koersif (tema Tekanan koersif), mimetik "
            "(tema Tekanan mimetik), dan normatif (tema Tekanan normatif)."
        )
        for t in texts(doc)
    )
    assert doc.tables()["codebook"].notes == ()
    assert not any("DiMaggio" in t for t in texts(doc) + references(doc))
    assert [p.text for p in conclusions(doc)][4].startswith(
        "4. Analisis tematik atas wawancara dengan tiga informan menghasilkan tiga tema. Ketiga kategori kerangka penelitian muncul dalam "
        "keterangan informan tentang Kinerja: koersif (tema Tekanan koersif, diangkat oleh 3 dari 3 informan),"
    )


BIB = """@book{scott2014,
  author = {Scott, W. Richard},
  year = {2014},
  title = {Institutions and organizations},
  publisher = {SAGE Publications},
}
"""


def test_the_framework_may_cite_the_students_own_works_beside_the_built_in_ones(tmp_path):
    def edit(config):
        config["literature"] = "refs.bib"
        config["qualitative"]["framework"] = {**FRAMEWORK, "cite": ["scott2014", "dimaggio1983"]}

    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    doc = compose(bab6(tmp_path, edit=edit), "id").document
    assert any(
        t.startswith("Tema dikelompokkan menurut kategori isomorfisme institusional (DiMaggio & Powell, 1983; Scott, 2014), yaitu")
        for t in texts(doc)
    )
    entries = references(doc)
    assert any(e.startswith(DIMAGGIO) for e in entries) and any(e.startswith("Scott, W. R. (2014). Institutions and organizations") for e in entries)


@pytest.mark.parametrize(
    "cite,message",
    [
        (
            ["dimagio1983"],
            r"key qualitative.framework.cite.0: 'dimagio1983' is not in reportgen's built-in bibliography; did you mean 'dimaggio1983'\?",
        ),
        (
            ["dimaggio1983", "scot2014"],
            r"key qualitative.framework.cite.1: 'scot2014' is not in refs.bib or reportgen's built-in bibliography; "
            r"did you mean 'scott2014'\?",
        ),
    ],
)
def test_an_unknown_framework_citation_is_one_line_exit_2(tmp_path, cite, message):
    def edit(config):
        config["qualitative"]["framework"] = {**FRAMEWORK, "cite": cite}
        if len(cite) > 1:
            config["literature"] = "refs.bib"

    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    study = bab6(tmp_path, edit=edit)
    for command in (["validate", str(study)], ["run", str(study), "--out", str(tmp_path / "out")]):
        result = invoke(command)
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert re.search(r"study.yaml, line \d+, " + message, result.output), result.output
    assert not (tmp_path / "out").exists()


def test_the_short_form_of_the_framework_is_theme_to_category(tmp_path):
    from reportgen.config import load_study

    short = {"Tekanan koersif": {"id": "Isomorfisme koersif", "en": "Coercive isomorphism"}}
    study = load_study(bab6(tmp_path, framework=short))
    framework = study.config.qualitative.framework
    assert framework.name is None and framework.cite == [] and framework.categories["Tekanan koersif"].get("en") == "Coercive isomorphism"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_example_concludes_institutional_isomorphism_in_bab_vi(lang):
    """config/examples/mixed-methods, counts as in tests/qualitative/test_corpus.py (9, 7 and 4
    of the 10 informants; 8, 6 and 5 for the themes of no category)."""
    composed = composed_example("mixed-methods", lang)
    found = [p.text for p in conclusions(composed.document)]
    assert (
        found[4]
        == {
            "id": "4. Analisis tematik atas wawancara dengan sepuluh informan menghasilkan enam tema. Ketiga kategori isomorfisme institusional "
            "(DiMaggio & Powell, 1983) muncul dalam keterangan informan tentang Penggunaan Informasi Kinerja Internal pada "
            "Pemerintah Kota X: isomorfisme koersif (tema Tekanan koersif, diangkat oleh 9 dari 10 informan), isomorfisme "
            "normatif (tema Tekanan normatif, diangkat oleh 7 dari 10 informan), dan isomorfisme mimetik (tema Tekanan mimetik, "
            "diangkat oleh 4 dari 10 informan). Di luar kategori tersebut, informan juga mengangkat tema Budaya kinerja (8 "
            "informan), Keterbatasan sistem (6 informan), dan Dukungan pimpinan (5 informan).",
            "en": "4. The thematic analysis of the interviews with 10 informants gave six themes. All three categories of institutional "
            "isomorphism (DiMaggio & Powell, 1983) appear in the informants' accounts of Internal Use of Performance Information "
            "at the City of X Government: coercive isomorphism (Coercive pressure, raised by 9 of 10 informants), normative "
            "isomorphism (Normative pressure, raised by 7 of 10 informants), and mimetic isomorphism (Mimetic pressure, raised by "
            "4 of 10 informants). Beyond these categories, the informants also raised Performance culture (8 informants), System "
            "limitations (6 informants), and Leadership support (5 informants).",
        }[lang]
    )
    assert [t[:18] for t in found[6:9]] == {
        "id": ["a. Pada H1, yang d", "b. Pada H2, yang d", "c. Pada H3, yang d"],
        "en": ["a. For H1, which i", "b. For H2, which i", "c. For H3, which i"],
    }[lang]
    assert "kedua fase tidak sejalan" in found[7] or "the two phases disagree" in found[7]  # H2, the discordant one
    assert problems(composed.document, composed.labels) == []


@pytest.mark.parametrize(
    "label,inside",
    [
        ("Isomorfisme koersif", "isomorfisme koersif"),
        ("Coercive isomorphism", "coercive isomorphism"),
        ("SAKIP compliance", "SAKIP compliance"),
        ("DiMaggio's pillar", "DiMaggio's pillar"),
        ("koersif", "koersif"),
        ("A", "A"),
    ],
)
def test_a_category_label_inside_a_sentence_loses_only_a_capital_of_style(label, inside):
    """EYD V and APA: a common noun is not capitalised mid-sentence ('kategori Isomorfisme koersif' was printed)."""
    from reportgen.designs.survey.qualitative import mid_sentence

    assert mid_sentence(label) == inside


@pytest.mark.parametrize("lang", ["id", "en"])
def test_further_research_takes_up_the_discordant_hypothesis(lang):
    """The example's H2 is discordant (its joint display row): 6.1 says the conclusion needs further
    research, and 6.3 Saran now says what that research is."""

    doc = composed_example("mixed-methods", lang).document
    said = {
        "id": "Selain itu, hasil kedua fase tentang H2 tidak sejalan, sehingga hipotesis tersebut perlu diteliti dengan data "
        "kuantitatif dan kualitatif dari responden dan informan yang sama",
        "en": "The two phases also disagree on H2, so this hypothesis should be examined with quantitative and qualitative "
        "data from the same respondents and informants",
    }[lang]
    carrying = [b for b in doc.walk() if hasattr(b, "claims") and said in b.text]
    assert len(carrying) == 1 and ("meta:H2", "discordant") in carrying[0].claims
