"""SAKIP answers kept as the LKE workbook (layouts (a) one sheet per unit and (b) one sheet per
component, reportgen.data.sakip_workbook) and the scored workbook of ``--formats xlsx``."""

from __future__ import annotations

import pickle
from fractions import Fraction
from pathlib import Path

import pytest
from helpers import invoke
from openpyxl import Workbook, load_workbook

from reportgen.config import load_study
from reportgen.data import limits
from reportgen.data.sakip import read_answers
from reportgen.data.sakip_workbook import SheetRow, read_lke_workbook
from reportgen.errors import DataError, ReportgenError
from reportgen.interpret.sakip import framework
from reportgen.pipeline import analyse

FW = framework("permenpan-rb-88-2021")
EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "examples" / "sakip-luwu-timur" / "study.yaml"
LETTERS = "abc"


def unit_sheet(book, title, unit=None, grade="BB", header=("No.", "KRITERIA", "jawaban", "Catatan", "bukti_dukung", "Sebab"), overrides=None):
    """A unit's sheet in layout (a): an optional "Perangkat Daerah:" cell, the header in row 3,
    headings for components and sub-components, every criterion graded ``grade`` (``overrides``:
    number → row values after the number)."""
    sheet = book.create_sheet(title)
    sheet.append(["LKE AKIP"])
    sheet.append(["Perangkat Daerah:", unit] if unit else [])
    sheet.append(list(header))
    for k, c in enumerate(FW.components, start=1):
        sheet.append([f"{k}.", c.name["id"]])
        for s, (sub, _) in enumerate(c.subcomponents):
            sheet.append([f"{k}.{LETTERS[s]}", c.sub_names[sub]["id"]])
            for criterion in c.criteria[sub]:
                sheet.append([criterion.number] + list((overrides or {}).get(criterion.number, (criterion.text, grade))))
    return sheet


def book_of(path, *builders):
    book = Workbook()
    book.remove(book.active)
    for build in builders:
        build(book)
    book.save(path)
    return path


def row_of(path, sheet, number):
    return next(r[0].row for r in load_workbook(path)[sheet].iter_rows() if r[0].value == number)


def test_layout_a_reads_one_sheet_per_unit_with_its_notes_and_rows(tmp_path):
    path = book_of(
        tmp_path / "lke.xlsx",
        lambda b: b.create_sheet("Petunjuk").append(["Isi kolom Jawaban"]),
        lambda b: unit_sheet(
            b, "Dinkes", "Dinas Kesehatan", overrides={"1.a.2": ("teks", "CC", "Renstra belum ditetapkan", "SK Renstra", "Belum dibahas")}
        ),
        lambda b: unit_sheet(b, "Inspektorat Daerah", grade="AA", header=("Nomor", "Kriteria", "Nilai", "Rekomendasi")),
    )
    answers = read_answers(path, FW)
    assert answers.units == ["Dinas Kesehatan", "Inspektorat Daerah"]  # the cell above the header, else the sheet's name
    frame = answers.frame
    assert len(frame) == 160 and set(frame[frame["unit"] == "Inspektorat Daerah"]["answer"]) == {"AA"}
    row = frame[(frame["unit"] == "Dinas Kesehatan") & (frame["number"] == "1.a.2")].iloc[0]
    assert (row["component"], row["subcomponent"], row["answer"], row["value"]) == ("perencanaan", "keberadaan", "CC", 0.6)
    assert row["criterion"] == FW.components[0].criteria["keberadaan"][1].text  # the framework's text, not the sheet's
    assert (row["note"], row["evidence"], row["cause"]) == ("Renstra belum ditetapkan", "SK Renstra", "Belum dibahas")
    assert row["row"] == row_of(path, "Dinkes", "1.a.2") == 7  # the sheet's own row
    assert frame[frame["number"] == "4.c.5"]["component"].tolist() == ["evaluasi", "evaluasi"]


def test_layout_a_one_sheet_names_the_sheet_and_a_blank_grade_its_row(tmp_path):
    path = book_of(tmp_path / "lke.xlsx", lambda b: unit_sheet(b, "Dinas Sosial", overrides={"2.b.3": ("teks", None)}))
    table = read_lke_workbook(path, FW)
    assert table.name == "lke.xlsx, sheet 'Dinas Sosial'" and type(table.rows[0]) is int and table.rows[0] == 6
    assert list(table.columns) == ["unit", "component", "subcomponent", "criterion", "answer", "note", "evidence", "cause"]
    with pytest.raises(DataError) as caught:
        read_answers(path, FW)
    row = row_of(path, "Dinas Sosial", "2.b.3")
    assert str(caught.value) == (
        f"lke.xlsx, sheet 'Dinas Sosial', row {row}, column answer: the answer is blank (write N/A for a criterion that does not apply)"
    )


def test_several_sheets_name_the_sheet_in_each_row(tmp_path):
    path = book_of(tmp_path / "lke.xlsx", lambda b: unit_sheet(b, "A"), lambda b: unit_sheet(b, "B", overrides={"3.a.1": ("x", "Q")}))
    with pytest.raises(DataError) as caught:
        read_answers(path, FW)
    row = row_of(path, "B", "3.a.1")
    assert str(caught.value).startswith(f"lke.xlsx, row {row} of sheet 'B', column answer: 'Q' is not an answer")
    rows = read_lke_workbook(path, FW).rows
    assert isinstance(rows[0], SheetRow) and rows[0] == 6 and str(rows[0]) == "6 of sheet 'A'"
    assert pickle.loads(pickle.dumps(rows[-1])) == rows[-1] and str(pickle.loads(pickle.dumps(rows[-1]))) == str(rows[-1])


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda s: s.append([None, "Catatan umum", "BB"]),
            "lke.xlsx, sheet 'Dinkes', row 100: no criterion number, but the row has an answer or a note",
        ),
        (
            lambda s: s.append(["1.a.9", "x", "BB"]),
            "lke.xlsx, sheet 'Dinkes', row 100, column A: criterion number 1.a.9 is not in the LKE of PermenPANRB 88/2021 (1.a has 1.a.1 to 1.a.7)",
        ),
        (
            lambda s: s.append(["5.a.1", "x", "BB"]),
            "lke.xlsx, sheet 'Dinkes', row 100, column A: criterion number 5.a.1: the framework has components 1 to 4",
        ),
        (
            lambda s: s.append(["1.d.1", "x", "BB"]),
            "lke.xlsx, sheet 'Dinkes', row 100, column A: criterion number 1.d.1: component 1 has sub-components 1.a to 1.c",
        ),
        (lambda s: s.append(["1.a", "x", None, "catatan"]), "lke.xlsx, sheet 'Dinkes', row 100: '1.a' is not a criterion number"),
    ],
)
def test_layout_a_mistakes_are_one_line_naming_sheet_and_row(tmp_path, change, message):
    def build(book):
        change(unit_sheet(book, "Dinkes"))

    path = book_of(tmp_path / "lke.xlsx", build)
    with pytest.raises(DataError) as caught:
        read_answers(path, FW)
    assert str(caught.value).startswith(message) and "\n" not in str(caught.value)


def test_workbook_level_mistakes(tmp_path, monkeypatch):
    twice = book_of(tmp_path / "twice.xlsx", lambda b: unit_sheet(b, "S1", "Dinas X"), lambda b: unit_sheet(b, "S2", "Dinas X"))
    with pytest.raises(DataError, match=r"^twice.xlsx, sheet 'S2': unit 'Dinas X' has a sheet already \('S1'\)"):
        read_answers(twice, FW)
    headless = book_of(tmp_path / "headless.xlsx", lambda b: unit_sheet(b, "A"), lambda b: b.create_sheet("Memo").append(["tidak ada"]))
    with pytest.raises(DataError, match=r"^headless.xlsx, sheet 'Memo': no LKE header in the first 10 rows"):
        read_answers(headless, FW)
    mixed = book_of(
        tmp_path / "mixed.xlsx", lambda b: unit_sheet(b, "A"), lambda b: b.create_sheet("Perencanaan Kinerja").append(["No", "Kriteria", "Dinas X"])
    )
    with pytest.raises(DataError, match="use one layout in a workbook"):
        read_answers(mixed, FW)
    monkeypatch.setattr(limits, "MAX_SHEETS", 2)
    many = book_of(tmp_path / "many.xlsx", *[lambda b, k=k: unit_sheet(b, f"U{k}") for k in range(3)])
    with pytest.raises(DataError, match=r"^many.xlsx: 3 sheets; an LKE workbook has at most 2"):
        read_answers(many, FW)


def test_the_long_layout_and_other_files_are_left_to_read_table(tmp_path):
    long = Workbook()
    long.active.append(["Unit", "component", "subcomponent", "criterion", "answer"])
    long.active.append(["A", "1", "1.a", "1.a.1", "AA"])
    long.save(tmp_path / "long.xlsx")
    (tmp_path / "lke.csv").write_text("unit,component\n")
    assert read_lke_workbook(tmp_path / "long.xlsx", FW) is None and read_lke_workbook(tmp_path / "lke.csv", FW) is None
    assert read_lke_workbook(tmp_path / "missing.xlsx", FW) is None


def component_book(path, units=("Dinas A", "Dinas B"), grades=("BB", "AA"), drop=None):
    """Layout (b): one sheet per component (named by name, number or code), a grade column per unit and a note for the first."""
    book = Workbook()
    book.remove(book.active)
    names = {0: "Perencanaan Kinerja", 1: "2", 2: "pelaporan", 3: "Evaluasi Akuntabilitas Kinerja"}  # the last cut as Excel cuts
    for k, c in enumerate(FW.components):
        sheet = book.create_sheet(names[k])
        shown = [u for u in units if not (drop and drop == (k, u))]
        sheet.append(["No", "Uraian", "Bobot"] + shown + [f"Catatan {units[0]}"])
        for s, (sub, _) in enumerate(c.subcomponents):
            sheet.append([f"{k + 1}.{LETTERS[s]}", c.sub_names[sub]["id"]])
            for criterion in c.criteria[sub]:
                sheet.append(
                    [criterion.number, criterion.text, 1]
                    + [grades[units.index(u)] for u in shown]
                    + ["lihat catatan" if criterion.number == "1.a.1" else None]
                )
    book.save(path)
    return path


def test_layout_b_reads_a_sheet_per_component_with_a_column_per_unit(tmp_path):
    answers = read_answers(component_book(tmp_path / "lke.xlsx"), FW)
    frame = answers.frame
    assert answers.units == ["Dinas A", "Dinas B"] and len(frame) == 160
    assert set(frame[frame["unit"] == "Dinas A"]["answer"]) == {"BB"} and set(frame[frame["unit"] == "Dinas B"]["answer"]) == {"AA"}
    first = frame[(frame["unit"] == "Dinas A") & (frame["number"] == "1.a.1")].iloc[0]
    assert first["note"] == "lihat catatan" and first["row"] == 3
    assert frame[frame["number"] == "4.a.1"]["component"].tolist() == ["evaluasi", "evaluasi"]
    rows = read_lke_workbook(tmp_path / "lke.xlsx", FW).rows
    assert str(rows[1]) == "3 of sheet 'Perencanaan Kinerja' (cell E3, unit Dinas B)"


def test_layout_b_mistakes(tmp_path):
    with pytest.raises(DataError, match=r"^lke.xlsx, sheet '2': no column for unit 'Dinas B' \(sheet 'Perencanaan Kinerja' has one\)"):
        read_answers(component_book(tmp_path / "lke.xlsx", drop=(1, "Dinas B")), FW)
    with pytest.raises(ReportgenError) as caught:  # one problem a criterion, listed together
        read_answers(component_book(tmp_path / "bad.xlsx", grades=("BB", "ZZ")), FW)
    assert "bad.xlsx, row 3 of sheet 'Perencanaan Kinerja' (cell E3, unit Dinas B), column answer: 'ZZ' is not an answer" in str(caught.value)
    component_book(tmp_path / "good.xlsx")
    book = load_workbook(tmp_path / "good.xlsx")
    book["2"].title = "Anggaran"
    book.save(tmp_path / "renamed.xlsx")
    with pytest.raises(DataError, match=r"^renamed.xlsx, sheet 'Anggaran': a sheet with a column per unit must be named as a component"):
        read_answers(tmp_path / "renamed.xlsx", FW)
    book = load_workbook(tmp_path / "good.xlsx")
    book["2"]["A3"] = "1.a.1"
    book.save(tmp_path / "moved.xlsx")
    with pytest.raises(DataError, match=r"^moved.xlsx, sheet '2', row 3, column A: criterion 1.a.1 belongs to component perencanaan"):
        read_answers(tmp_path / "moved.xlsx", FW)


def test_formats_xlsx_writes_the_scored_lke(tmp_path):
    result = invoke(["run", EXAMPLE, "--out", tmp_path / "out", "--formats", "json,xlsx"])
    assert result.exit_code == 0, result.stderr
    path = tmp_path / "out" / "lke-2024.xlsx"
    assert str(path) in result.output
    results = analyse(load_study(EXAMPLE), "id").results
    book = load_workbook(path)
    units = list(results.units)
    assert book.sheetnames[0] == "Rekap" and len(book.sheetnames) == 1 + len(units)
    assert [book[s]["B2"].value for s in book.sheetnames[1:]] == units  # the full name, whatever the sheet's title
    recap = list(book["Rekap"].iter_rows(min_row=4, values_only=True))
    assert [r[1] for r in recap] == units
    for r in recap:
        score = results.units[r[1]]
        assert all(isinstance(v, float) for v in r[2:7])
        assert abs(r[6] - score.total) < 1e-12 and r[7] == results.predicates[r[1]] and r[8] == score.rank
        assert all(abs(a - score.components[c.code]) < 1e-12 for a, c in zip(r[2:6], results.components))
    assert book["Rekap"]["G4"].number_format == "0.00"
    for title, unit in zip(book.sheetnames[1:], units):
        sheet = book[title]
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[3][:5] == ("No", "Kriteria", "Jawaban", "Nilai (% bobot kriteria)", "Poin")
        total = next(r for r in rows if r[1] == "Nilai Akhir")
        assert abs(total[4] - results.units[unit].total) < 1e-12
        assert next(r for r in rows if r[1] == "Predikat")[4] == results.predicates[unit]
        criteria = [r for r in rows if r[0] and str(r[0]).count(".") == 2]
        graded = [r for r in criteria if r[2] != "N/A"]
        assert len(criteria) == 80 and all(isinstance(r[3], (int, float)) and isinstance(r[4], (int, float)) for r in graded)
        assert all(r[3] is None and r[4] is None for r in criteria if r[2] == "N/A")
        assert abs(sum(r[4] for r in graded) - results.units[unit].total) < 1e-9  # the points add up to the total (N/A: none)
        heading = next(r for r in rows if r[0] == "1")
        assert abs(heading[4] - results.units[unit].components["perencanaan"]) < 1e-12
    first = book[book.sheetnames[1]]
    cell = next(r for r in first.iter_rows(min_row=5) if r[0].value == "1.a.1")
    assert cell[3].number_format == "0%" and cell[4].number_format == "0.00"
    back = read_answers(path, results.framework).frame  # the scored workbook reads back as the same answers
    assert back["answer"].tolist() == results.answers["answer"].tolist() and back["unit"].tolist() == results.answers["unit"].tolist()


def test_formats_xlsx_is_one_error_line_outside_sakip(tmp_path):
    study = Path(__file__).resolve().parents[2] / "config" / "examples" / "luwu-timur" / "study.yaml"
    result = invoke(["run", study, "--out", tmp_path / "out", "--formats", "json,xlsx"])
    assert result.exit_code == 2 and not (tmp_path / "out").exists()
    assert result.stderr.strip().splitlines()[-1] == (
        "error: --formats: 'xlsx' is written for SAKIP studies only (the scored LKE "
        "workbook); this study is a regression study: leave xlsx out of --formats"
    )
    assert invoke(["run", study, "--formats", "json,xls"]).exit_code == 2


def test_fraction_values_survive(tmp_path):
    path = book_of(tmp_path / "lke.xlsx", lambda b: unit_sheet(b, "A", overrides={"1.a.1": ("t", "N/A")}))
    frame = read_answers(path, FW).frame
    assert frame["exact"].iloc[1] == Fraction(4, 5) and frame["answer"].iloc[0] == "N/A"
    with pytest.raises(ReportgenError):
        read_answers(book_of(tmp_path / "empty.xlsx", lambda b: b.create_sheet("Kosong")), FW)
