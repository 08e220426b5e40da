"""SAKIP evaluation: hand-computed totals and predicates, trends, results.json, bad input."""

import json

import pytest
import yaml

from reportgen.config import load_study
from reportgen.errors import ReportgenError
from reportgen.interpret.sakip import answer_value, framework, predicate
from reportgen.pipeline import run_study

SUBS = ("pemenuhan", "kualitas", "pemanfaatan")


def lke(units: dict[str, dict[str, str]], criteria: int = 2) -> str:
    """CSV of answers; ``units[u][sub]`` is the answer to every criterion of that sub-component."""
    lines = ["unit,component,subcomponent,criterion,answer,note"]
    for unit, answers in units.items():
        for c in framework("permenpan-rb-88-2021"):
            for s, _ in c.subcomponents:
                for k in range(criteria):
                    lines.append(f"{unit},{c.code},{s},{c.code}-{s}-{k + 1},{answers.get(s, 'Y')},")
    return "\n".join(lines) + "\n"


def write(tmp_path, answers_csv: str, history: str | None = None, **extra) -> object:
    cfg = {"kind": "sakip", "study": {"title": "Evaluasi AKIP 2024", "author": "Inspektorat", "year": 2024, "language": "id"},
           "framework": "permenpan-rb-88-2021", "answers": {"path": "lke.csv"}} | extra
    if history is not None:
        cfg["history"] = {"path": "history.csv"}
        (tmp_path / "history.csv").write_text(history)
    (tmp_path / "lke.csv").write_text(answers_csv)
    path = tmp_path / "study.yaml"
    path.write_text(yaml.safe_dump(cfg, sort_keys=False))
    return path


def test_answer_conversion_and_predicates():
    assert [answer_value(a) for a in ("Y", "t", "A", "b", "C", "D", "E", "100", "62,5", "0")] == [1, 0, 1, 0.75, 0.5, 0.25, 0, 1, 0.625, 0]
    assert answer_value("F") is None and answer_value("101") is None
    assert predicate(100) == "AA" and predicate(90) == "A" and predicate(90.01) == "AA"
    assert predicate(50) == "C" and predicate(30) == "D" and predicate(30.5) == "C" and predicate(0) == "D"
    assert predicate(90, "ge") == "AA" and predicate(80, "ge") == "A"


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
    assert r.units["Dinas B"].subcomponents["perencanaan"] == pytest.approx({"pemenuhan": 6, "kualitas": 9, "pemanfaatan": 0})


def test_exactly_90_is_a(tmp_path):
    # pemanfaatan at 80 of 100 on every component: 100 - 50 × 0.2 = 90
    r = sakip_results(write(tmp_path, lke({"Dinas C": {"pemanfaatan": "80"}})))
    assert r.units["Dinas C"].total == pytest.approx(90) and r.predicates["Dinas C"] == "A"
    ge = sakip_results(write(tmp_path, lke({"Dinas C": {"pemanfaatan": "80"}}), settings={"boundary": "ge"}))
    assert ge.predicates["Dinas C"] == "AA"


def test_history_gives_trend_change_and_ranks(tmp_path):
    answers = lke({"Dinas A": {}, "Dinas B": {"pemanfaatan": "E"}, "Dinas C": {"kualitas": "C"}})
    history = "unit,year,total\nDinas A,2022,81.5\nDinas A,2023,88.0\nDinas B,2023,55.25\n"
    r = sakip_results(write(tmp_path, answers, history))
    a, b, c = (r.units[u] for u in ("Dinas A", "Dinas B", "Dinas C"))
    assert a.history == {2022: 81.5, 2023: 88.0} and a.change == pytest.approx(12.0)
    assert b.change == pytest.approx(50 - 55.25) and c.change is None
    assert c.total == pytest.approx(85)  # kualitas (30% of each component) at C = 0,5: 100 - 15
    assert (a.rank, c.rank, b.rank) == (1, 2, 3)
    assert r.overall_total == pytest.approx((100 + 50 + c.total) / 3)


def test_results_json_and_report(tmp_path):
    answers = lke({"Dinas A": {}, "Dinas B": {"pemanfaatan": "E"}})
    run_study(write(tmp_path, answers, "unit,year,total\nDinas A,2023,90\n"), tmp_path / "o", formats=["json"])
    data = json.loads((tmp_path / "o" / "results.json").read_text())["sakip"]
    a = data["units"]["Dinas A"]
    assert (a["total"], a["predicate"], a["rank"], a["change"]) == (100.0, "AA", 1, 10.0)
    assert a["components"]["perencanaan"] == 30 and a["subcomponents"]["evaluasi"]["pemanfaatan"] == 12.5
    assert data["units"]["Dinas B"]["change"] is None
    assert data["overall"] == {"mean_of_units": 75.0, "government_predicate": None}  # no predicate made from a mean


@pytest.mark.parametrize("mutate,expected", [
    (lambda t: t.replace("Dinas A,perencanaan,kualitas", "Dinas A,perencana,kualitas", 1), "row 4, column component: 'perencana' is not a component of the framework; did you mean 'perencanaan'?"),
    (lambda t: t.replace("Dinas A,pelaporan,kualitas", "Dinas A,pelaporan,kwalitas", 1), "column subcomponent: 'kwalitas' is not a sub-component of pelaporan"),
    (lambda t: t.replace("pemenuhan-1,Y", "pemenuhan-1,X", 1), "row 2, column answer: 'X' is not an allowed answer (Y/T, A–E or a number 0–100)"),
    (lambda t: t.replace("pemenuhan-1,Y", "pemenuhan-1,120", 1), "'120' is not an allowed answer"),
    (lambda t: t.replace("perencanaan-pemenuhan-2", "perencanaan-pemenuhan-1", 1), "row 3: criterion 'perencanaan-pemenuhan-1' of unit Dinas A (perencanaan/pemenuhan) is already answered in row 2"),
    (lambda t: "\n".join(l for l in t.splitlines() if "Dinas B,evaluasi,kualitas" not in l) + "\n", "lke.csv: unit 'Dinas B' has no answers for evaluasi / kualitas"),
])
def test_bad_answers_are_named(tmp_path, mutate, expected):
    from helpers import invoke

    path = write(tmp_path, mutate(lke({"Dinas A": {}, "Dinas B": {}})))
    result = invoke(["run", str(path), "--out", str(tmp_path / "o"), "--formats", "json"])
    assert result.exit_code == 2, result.output
    assert expected in result.stderr and "Traceback" not in result.output


def test_custom_components_must_add_up(tmp_path):
    path = write(tmp_path, lke({"Dinas A": {}}), components={"a": {"weight": 60, "subcomponents": {"x": {"share": 1}}},
                                                            "b": {"weight": 30, "subcomponents": {"y": {"share": 1}}}})
    with pytest.raises(ReportgenError, match="component weights add up to 90, not 100"):
        load_study(path)


EXAMPLE = __import__("conftest").EXAMPLES / "sakip-luwu-timur" / "study.yaml"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_example_report_numbers_agree_with_tables(lang, tmp_path):
    from reportgen.pipeline import compose

    from helpers import numbers_checked_against_tables

    doc = compose(EXAMPLE, lang).document
    assert numbers_checked_against_tables(doc, lang) >= 37
    assert {f.path.name for f in doc.figures()} == {"predicates.png", "ranking.png", "trend.png"}


def test_example_report_pdf_and_docx(tmp_path):
    from docx import Document as WordDocument
    from pypdf import PdfReader

    run_study(EXAMPLE, tmp_path / "o")
    pdf = PdfReader(tmp_path / "o" / "rekapitulasi-akip-2024.pdf")
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert len(pdf.pages) >= 12
    for words in ("LAPORAN HASIL EVALUASI", "Ringkasan Eksekutif", "Dasar Hukum", "Peraturan Menteri PANRB Nomor 88 Tahun 2021",
                  "Metodologi", "Hasil Evaluasi per Perangkat Daerah", "Inspektorat Daerah", "Kecamatan Towuti", "direkomendasikan",
                  "Penutup", "Tahun 2024"):
        assert words in text, words
    assert "2.024" not in text
    word = WordDocument(tmp_path / "o" / "rekapitulasi-akip-2024.docx")
    assert len(word.tables) >= 20 and len(word.inline_shapes) == 3
    data = json.loads((tmp_path / "o" / "results.json").read_text())["sakip"]
    ranks = sorted(u["rank"] for u in data["units"].values())
    assert ranks == list(range(1, 11)) and data["overall"]["government_predicate"] is None


def test_english_report(tmp_path):
    from pypdf import PdfReader

    run_study(EXAMPLE, tmp_path / "o", lang="en", formats=["pdf"])
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "o" / "akip-evaluation-2024.pdf").pages).split())
    for words in ("Executive Summary", "Legal Basis", "Results by Unit", "Conclusion", "with the action recommended for each"):
        assert words in text, words
    for word in ("Tabel", "Gambar", "Sumber", "Ringkasan"):
        assert word not in text, word
