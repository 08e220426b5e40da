"""SAKIP evaluation: hand-computed totals and predicates, trends, results.json, bad input."""

import json
from fractions import Fraction

import pytest
import yaml
from helpers import written_example

from reportgen.config import load_study
from reportgen.errors import ReportgenError
from reportgen.interpret.sakip import framework, predicate
from reportgen.pipeline import run_study

SUBS = ("keberadaan", "kualitas", "pemanfaatan")
FW = framework("permenpan-rb-88-2021")


def lke(units: dict[str, dict[str, str]]) -> str:
    """CSV of answers to the 80 criteria of the LKE of PermenPAN-RB 88/2021; ``units[u][sub]`` is
    the grade of every criterion of that sub-component (AA elsewhere)."""
    lines = ["unit,component,subcomponent,criterion,answer,note"]
    for unit, answers in units.items():
        for c in FW.components:
            for s, _ in c.subcomponents:
                for criterion in c.criteria[s]:
                    lines.append(f"{unit},{c.code},{s},{criterion.number},{answers.get(s, 'AA')},")
    return "\n".join(lines) + "\n"


def write(tmp_path, answers_csv: str, history: str | None = None, answers: dict | None = None, **extra) -> object:
    cfg = {
        "kind": "sakip",
        "study": {"title": "Evaluasi AKIP 2024", "author": "Inspektorat", "year": 2024, "language": "id"},
        "framework": "permenpan-rb-88-2021",
        "answers": {"path": "lke.csv", **(answers or {})},
    } | extra
    if history is not None:
        cfg["history"] = {"path": "history.csv"}
        (tmp_path / "history.csv").write_text(history)
    (tmp_path / "lke.csv").write_text(answers_csv)
    path = tmp_path / "study.yaml"
    path.write_text(yaml.safe_dump(cfg, sort_keys=False))
    return path


def test_the_official_lke_of_88_2021():
    """PermenPAN-RB 88/2021: components 30/30/15/25 (sum 100), sub-components 20/30/50% of each,
    80 criteria (7/10/8, 3/7/10, 6/9/7, 3/5/5), grades AA–E = 100, 90, 80, 70, 60, 50, 30, 0 %
    (the sources are named in the data file)."""
    assert [(c.code, c.weight) for c in FW.components] == [("perencanaan", 30), ("pengukuran", 30), ("pelaporan", 15), ("evaluasi", 25)]
    assert sum(c.weight for c in FW.components) == 100
    assert all(c.subcomponents == (("keberadaan", 0.2), ("kualitas", 0.3), ("pemanfaatan", 0.5)) for c in FW.components)
    assert [[len(c.criteria[s]) for s in SUBS] for c in FW.components] == [[7, 10, 8], [3, 7, 10], [6, 9, 7], [3, 5, 5]]
    assert sum(len(k) for c in FW.components for k in c.criteria.values()) == 80
    assert {k: v * 100 for k, v in FW.scale.items()} == {"AA": 100, "A": 90, "BB": 80, "B": 70, "CC": 60, "C": 50, "D": 30, "E": 0}
    assert sum(c.exact_points(s) for c in FW.components for s in SUBS) == 100


@pytest.mark.parametrize(
    "total,gt,ge",
    [
        (100, "AA", "AA"),
        (Fraction(9001, 100), "AA", "AA"),
        (90, "A", "AA"),
        (Fraction(8001, 100), "A", "A"),
        (80, "BB", "A"),
        (Fraction(7001, 100), "BB", "BB"),
        (70, "B", "BB"),
        (60, "CC", "B"),
        (50, "C", "CC"),
        (Fraction(3001, 100), "C", "C"),
        (30, "D", "C"),
        (0, "D", "D"),
    ],
)
def test_predicates_at_every_boundary(total, gt, ge):
    """ "> 90 – 100" is AA, so exactly 90 is A (the lower bound excluded); ``boundary: ge`` includes it."""
    assert predicate(total, FW.bands, "gt") == gt and predicate(total, FW.bands, "ge") == ge


def sakip_results(path):
    from reportgen.pipeline import analyse

    return analyse(load_study(path), "id").results


def test_all_best_is_100_and_aa(tmp_path):
    r = sakip_results(write(tmp_path, lke({"Dinas A": {}})))
    assert r.units["Dinas A"].total == pytest.approx(100) and r.predicates["Dinas A"] == "AA"
    assert r.units["Dinas A"].components == pytest.approx({"perencanaan": 30, "pengukuran": 30, "pelaporan": 15, "evaluasi": 25})


def test_pemanfaatan_worst_rest_best_is_50_and_c(tmp_path):
    r = sakip_results(write(tmp_path, lke({"Dinas B": {"pemanfaatan": "E"}})))
    assert r.units["Dinas B"].total == pytest.approx(50) and r.predicates["Dinas B"] == "C"
    assert r.units["Dinas B"].subcomponents["perencanaan"] == pytest.approx({"keberadaan": 6, "kualitas": 9, "pemanfaatan": 0})


def test_exactly_90_is_a_and_every_criterion_at_bb_is_exactly_80(tmp_path):
    # pemanfaatan at BB (80%) on every component: 100 − 50 × 0,2 = 90, exactly
    r = sakip_results(write(tmp_path, lke({"Dinas C": {"pemanfaatan": "BB"}})))
    assert r.units["Dinas C"].exact == 90 and r.predicates["Dinas C"] == "A"
    ge = sakip_results(write(tmp_path, lke({"Dinas C": {"pemanfaatan": "BB"}}), settings={"boundary": "ge"}))
    assert ge.predicates["Dinas C"] == "AA"
    # every criterion at BB: 80 exactly (in floating point the sum is 80.00000000000001, which read as A)
    bb = sakip_results(write(tmp_path, lke({"Dinas D": dict.fromkeys(SUBS, "BB")})))
    assert bb.units["Dinas D"].exact == 80 and bb.predicates["Dinas D"] == "BB"


def test_history_gives_trend_change_and_ranks(tmp_path):
    answers = lke({"Dinas A": {}, "Dinas B": {"pemanfaatan": "E"}, "Dinas C": {"kualitas": "C"}})
    history = "unit,year,total\nDinas A,2022,81.5\nDinas A,2023,88.0\nDinas B,2023,55.25\n"
    r = sakip_results(write(tmp_path, answers, history))
    a, b, c = (r.units[u] for u in ("Dinas A", "Dinas B", "Dinas C"))
    assert a.history == {2022: 81.5, 2023: 88.0} and a.change == pytest.approx(12.0)
    assert b.change == pytest.approx(50 - 55.25) and c.change is None
    assert c.total == pytest.approx(85)  # kualitas (30% of each component) at C = 50%: 100 − 15
    assert (a.rank, c.rank, b.rank) == (1, 2, 3)
    assert r.overall_total == pytest.approx((100 + 50 + c.total) / 3)


def test_not_applicable_reweights_its_sub_component_and_is_noted(tmp_path):
    """1.a.1 N/A and 1.a.2 E: keberadaan of perencanaan (6 points) is the mean of the other six
    criteria, 5 × 100% + 0% over 6 = 5/6 of 6 = 5 points; the total 99."""
    text = lke({"Dinas A": {}}).replace("perencanaan,keberadaan,1.a.1,AA", "perencanaan,keberadaan,1.a.1,N/A", 1)
    text = text.replace("perencanaan,keberadaan,1.a.2,AA", "perencanaan,keberadaan,1.a.2,E", 1)
    from reportgen.pipeline import analyse

    analysed = analyse(load_study(write(tmp_path, text)), "id")
    unit = analysed.results.units["Dinas A"]
    assert unit.subcomponents["perencanaan"]["keberadaan"] == pytest.approx(5) and unit.exact == 99
    assert any("marks 1 criterion N/A; its sub-component" in note for note in analysed.results.notes)


def test_results_json_and_report(tmp_path):
    answers = lke({"Dinas A": {}, "Dinas B": {"pemanfaatan": "E"}})
    run_study(write(tmp_path, answers, "unit,year,total\nDinas A,2023,90\n"), tmp_path / "o", formats=["json"])
    data = json.loads((tmp_path / "o" / "results.json").read_text())["sakip"]
    a = data["units"]["Dinas A"]
    assert (a["total"], a["predicate"], a["rank"], a["change"]) == (100.0, "AA", 1, 10.0)
    assert a["components"]["perencanaan"] == 30 and a["subcomponents"]["evaluasi"]["pemanfaatan"] == 12.5
    assert data["units"]["Dinas B"]["change"] is None
    assert data["overall"] == {"mean_of_units": 75.0, "government_predicate": None}  # no predicate made from a mean


@pytest.mark.parametrize(
    "mutate,answers,expected",
    [
        (
            lambda t: t.replace("Dinas A,perencanaan,kualitas", "Dinas A,perencana,kualitas", 1),
            None,
            "row 9, column component: 'perencana' is not a component of the framework; did you mean 'perencanaan'?",
        ),
        (
            lambda t: t.replace("Dinas A,pelaporan,kualitas", "Dinas A,pelaporan,kwalitas", 1),
            None,
            "column subcomponent: 'kwalitas' is not a sub-component of pelaporan",
        ),
        (lambda t: t.replace("1.a.1,AA", "1.a.1,X", 1), None, "row 2, column answer: 'X' is not an answer of the framework's scale"),
        # a number without a declared reading: "1" may mean Y, 1% or 100% (it was read as 1%)
        (
            lambda t: t.replace("1.a.1,AA", "1.a.1,1", 1),
            None,
            "row 2, column answer: '1' is a number, but the study file does not say how numbers read; set answers.numbers",
        ),
        (lambda t: t.replace("1.a.1,AA", "1.a.1,120", 1), {"numbers": "percent"}, "row 2, column answer: 120 is outside 0–100"),
        (
            lambda t: t.replace("1.a.2,AA", "1.a.1,AA", 1),
            None,
            "row 3: criterion 'Terdapat pedoman teknis perencanaan kinerja.' of unit Dinas A (perencanaan/keberadaan) is already answered in row 2",
        ),
        (
            lambda t: t.replace("1.a.1,AA", "Renstra telah disusun,AA", 1),
            None,
            "row 2, column criterion: 'Renstra telah disusun' is not a criterion of perencanaan / keberadaan in the LKE of PermenPANRB 88/2021",
        ),
        # a deleted row would re-weight its sub-component silently
        (
            lambda t: "\n".join(line for line in t.splitlines() if not line.startswith("Dinas B,evaluasi,kualitas,4.b.3")) + "\n",
            None,
            "lke.csv: unit 'Dinas B' has no answer for criterion 4.b.3 'Evaluasi AKIP Internal telah dilaksanakan dengan pendalaman "
            "yang memadai.' (evaluasi / kualitas) of the LKE; answer it, or write N/A if it does not apply",
        ),
    ],
)
def test_bad_answers_are_named(tmp_path, mutate, answers, expected):
    from helpers import invoke

    path = write(tmp_path, mutate(lke({"Dinas A": {}, "Dinas B": {}})), answers=answers)
    result = invoke(["run", str(path), "--out", str(tmp_path / "o"), "--formats", "json"])
    assert result.exit_code == 2, result.output
    assert expected in result.stderr and "Traceback" not in result.output


def test_names_as_the_regulation_writes_them(tmp_path):
    """ "Perencanaan Kinerja" / "Keberadaan" (or "pemenuhan", or "1" / "1.a") and a criterion's text
    are read as the codes and numbers."""
    text = lke({"Dinas A": {}}).replace("Dinas A,perencanaan,keberadaan,1.a.1,", "Dinas A,Perencanaan Kinerja,Keberadaan,1.a.1,", 1)
    text = text.replace("Dinas A,perencanaan,keberadaan,1.a.2,", "Dinas A,1,pemenuhan,Terdapat dokumen perencanaan kinerja jangka panjang,", 1)
    r = sakip_results(write(tmp_path, text))
    assert r.units["Dinas A"].exact == 100 and set(r.answers["number"][:2]) == {"1.a.1", "1.a.2"}


def test_a_history_unit_not_in_the_answers_is_named(tmp_path):
    from helpers import invoke

    path = write(tmp_path, lke({"Dinas Kesehatan": {}}), "unit,year,total\nDinas  Kesehatan,2023,80\n")
    result = invoke(["run", str(path), "--out", str(tmp_path / "o"), "--formats", "json"])
    assert (
        result.exit_code == 2
        and "history.csv, row 2, column unit: 'Dinas  Kesehatan' is not a unit of this year's answers; did you mean 'Dinas Kesehatan'?"
        in result.stderr
    )


def test_yes_no_and_graded_answers_are_not_mixed_on_one_criterion(tmp_path):
    """PermenPAN-RB 12/2015: a criterion answered Y in one unit and C in another is refused."""
    lines = ["unit,component,subcomponent,criterion,answer"]
    for unit, answer in (("Dinas A", "Y"), ("Dinas B", "C")):
        for c in framework("permenpan-rb-12-2015").components:
            lines.append(f"{unit},{c.code},nilai,Dokumen tersedia,{answer}")
    path = write(tmp_path, "\n".join(lines) + "\n", framework="permenpan-rb-12-2015")
    from helpers import invoke

    result = invoke(["run", str(path), "--out", str(tmp_path / "o"), "--formats", "json"])
    assert (
        result.exit_code == 2
        and "'C' for criterion 'Dokumen tersedia', which row 2 answers 'Y': a criterion is answered Y/T or graded, not both" in result.stderr
    )


def test_custom_components_must_add_up(tmp_path):
    path = write(
        tmp_path,
        lke({"Dinas A": {}}),
        components={"a": {"weight": 60, "subcomponents": {"x": {"share": 1}}}, "b": {"weight": 30, "subcomponents": {"y": {"share": 1}}}},
    )
    with pytest.raises(ReportgenError, match="component weights add up to 90, not 100"):
        load_study(path)


EXAMPLE = __import__("conftest").EXAMPLES / "sakip-luwu-timur" / "study.yaml"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_example_report_numbers_agree_with_tables(lang, tmp_path):
    from helpers import numbers_checked_against_tables

    from reportgen.pipeline import compose

    doc = compose(EXAMPLE, lang).document
    assert numbers_checked_against_tables(doc, lang) >= 37
    assert {f.path.name for f in doc.figures()} == {"predicates.png", "ranking.png", "trend.png"}


@pytest.mark.heavy
def test_example_report_pdf_and_docx(tmp_path):
    from docx import Document as WordDocument
    from pypdf import PdfReader

    out = written_example("sakip-luwu-timur", "id").files[0].parent
    pdf = PdfReader(out / "rekapitulasi-akip-2024.pdf")
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert len(pdf.pages) >= 12
    for words in (
        "LAPORAN HASIL EVALUASI",
        "Ringkasan Eksekutif",
        "Dasar Hukum",
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 88 Tahun 2021",
        "Metodologi",
        "Hasil Evaluasi per Perangkat Daerah",
        "Inspektorat Daerah",
        "Kecamatan Towuti",
        "direkomendasikan",
        "Penutup",
        "Tahun 2024",
    ):
        assert words in text, words
    assert "2.024" not in text
    # the letter to the Bupati under the kop surat, with its own number, signature with pangkat, and tembusan
    for words in (
        "PEMERINTAH KABUPATEN LUWU TIMUR INSPEKTORAT DAERAH Jalan Soekarno-Hatta",
        "700/141/Itda-LT/III/2025",
        "Yth. Bupati Luwu Timur",
        "Pembina Utama Muda (IV/c)",
        "Tembusan: 1. Wakil Bupati Luwu Timur; 2. Sekretaris Daerah Kabupaten Luwu Timur.",
        "(5) Surat Tugas Inspektur Kabupaten Luwu Timur Nomor 700/05/Itda-LT/I/2025",
    ):
        assert words in text, words
    word = WordDocument(out / "rekapitulasi-akip-2024.docx")
    assert len(word.tables) >= 20 and len(word.inline_shapes) == 3  # the three charts (the logo is in the letter page's header)
    header = word.sections[0].first_page_header
    assert [p.text for p in header.tables[0].rows[0].cells[1].paragraphs][:2] == ["PEMERINTAH KABUPATEN LUWU TIMUR", "INSPEKTORAT DAERAH"]
    assert header.paragraphs[-1]._p.xpath("./w:pPr/w:pBdr/w:bottom/@w:val") == ["double"]
    data = json.loads((out / "results.json").read_text())["sakip"]
    ranks = sorted(u["rank"] for u in data["units"].values())
    assert ranks == list(range(1, 11)) and data["overall"]["government_predicate"] is None


@pytest.mark.heavy
def test_english_report(tmp_path):
    from pypdf import PdfReader

    out = written_example("sakip-luwu-timur", "en").files[0].parent
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out / "akip-evaluation-2024.pdf").pages).split())
    for words in ("Executive Summary", "Legal Basis", "Results by Unit", "Conclusion", "with the action recommended for each"):
        assert words in text, words
    for word in ("Tabel", "Gambar", "Sumber", "Ringkasan"):
        assert word not in text, word


def test_results_json_lists_each_units_findings_in_the_lhes_order_and_the_total_at_the_target(tmp_path):
    """Kecamatan Towuti: every criterion but four (and 1.a.2, N/A for a kecamatan) is below BB; raised to
    BB with the four at BB the total is exactly 80 (each sub-component's mean becomes 80%). Its first
    finding is a keberadaan gap."""
    run_study(EXAMPLE, tmp_path / "o", formats=["json"])
    data = json.loads((tmp_path / "o" / "results.json").read_text())["sakip"]
    assert data["target_percent"] == 80.0
    towuti = data["units"]["Kecamatan Towuti"]
    assert towuti["total_at_target"] == 80.0 and len(towuti["findings"]) == 75
    flags = [f["existence_gap"] for f in towuti["findings"]]
    assert flags == sorted(flags, reverse=True) and flags[0]  # keberadaan gaps first
    rest = [round(f["points_short"], 9) for f in towuti["findings"] if not f["existence_gap"]]  # equal to 9 decimals: a tie, in the file's order
    assert rest == sorted(rest, reverse=True)
    inspektorat = data["units"]["Inspektorat Daerah"]
    assert inspektorat["total"] < inspektorat["total_at_target"] < 100


def test_the_staged_totals_at_the_target_of_the_example():
    """Kecamatan Towuti (total 45,43): its keberadaan findings raised to BB give 49,33, with kualitas
    59,71, all findings 80,00 — figures an evaluator recomputed by hand from the LHE's appendix
    (weights 6/6, 9/10 and 15/8 points per criterion in Perencanaan, and so on)."""
    from fractions import Fraction

    from reportgen.config import load_study
    from reportgen.pipeline import analyse
    from reportgen.stats.sakip import total_at_target

    results = analyse(load_study(EXAMPLE), "id").results
    staged = [
        float(total_at_target(results.answers, results.components, "Kecamatan Towuti", Fraction(4, 5), subs))
        for subs in ({"keberadaan"}, {"keberadaan", "kualitas"})
    ]
    assert [round(v, 2) for v in staged] == [49.33, 59.71]
    assert results.at_target["Kecamatan Towuti"] == 80 and round(results.units["Kecamatan Towuti"].total, 2) == 45.43
