"""``reportgen init --sakip``: the official LKE as a workbook to fill in, and a study file that reads it."""

from __future__ import annotations

from helpers import invoke
from openpyxl import load_workbook

from reportgen.config import load_study
from reportgen.pipeline import analyse


def test_the_workbook_holds_every_criterion_and_scores_once_filled(tmp_path):
    result = invoke(["init", "--sakip", "--out", str(tmp_path / "eval")])
    assert result.exit_code == 0, result.output
    book_path = tmp_path / "eval" / "lke.xlsx"
    book = load_workbook(book_path)
    assert book.sheetnames == ["Petunjuk", "Unit 1", "Unit 2"]
    assert "AA = 100%" in " ".join(str(r[0]) for r in book["Petunjuk"].iter_rows(values_only=True) if r[0])
    sheet = book["Unit 1"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:2] == ("Perangkat Daerah:", "Unit 1")
    assert rows[3] == ("No", "Kriteria", "Jawaban", "Catatan", "Bukti Dukung", "Sebab", "Akibat", "Rekomendasi")
    assert rows[4][:2] == ("1", "Perencanaan Kinerja (bobot 30)") and rows[5][:2] == ("1.a", "Keberadaan (bobot 6: 20% × 30)")
    assert rows[6][:3] == ("1.a.1", "Terdapat pedoman teknis perencanaan kinerja.", None)
    criteria = [r for r in rows if r[0] and r[0].count(".") == 2]
    assert len(criteria) == 80 and len(rows) == 4 + 4 + 12 + 80
    assert sheet.freeze_panes == "C5" and sheet.column_dimensions["B"].width == 64
    (check,) = sheet.data_validations.dataValidation
    assert check.formula1 == '"AA,A,BB,B,CC,C,D,E,N/A"' and str(check.sqref) == "C7:C100"
    assert sheet["B7"].alignment.wrap_text
    # blank answers are named by sheet and row, one line each, exit 2
    checked = invoke(["validate", str(tmp_path / "eval" / "study.yaml")])
    assert checked.exit_code == 2 and "lke.xlsx, row 7 of sheet 'Unit 1', column answer: the answer is blank" in checked.stderr
    for unit, grade in (("Unit 1", "BB"), ("Unit 2", "AA")):
        for row in book[unit].iter_rows(min_row=5):
            if row[0].value and row[0].value.count(".") == 2:
                row[2].value = grade
    book["Unit 2"]["B2"] = "Dinas Kesehatan"  # the name in B2 is the unit, whatever the sheet's title
    book.save(book_path)
    results = analyse(load_study(tmp_path / "eval" / "study.yaml"), "id").results
    assert results.units["Unit 1"].exact == 80 and results.predicates["Unit 1"] == "BB"
    assert results.units["Dinas Kesehatan"].exact == 100 and results.predicates["Dinas Kesehatan"] == "AA"


def test_init_never_replaces_a_file(tmp_path):
    (tmp_path / "study.yaml").write_text("kind: sakip\n")
    result = invoke(["init", "--sakip", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "study.yaml: the file exists; reportgen init never replaces a file" in result.stderr
    assert (tmp_path / "study.yaml").read_text() == "kind: sakip\n" and not (tmp_path / "lke.xlsx").exists()


def test_the_grade_list_is_the_frameworks_scale(tmp_path):
    from reportgen.designs.sakip.template import write_template

    _, book_path = write_template(tmp_path, "permenpan-rb-12-2015", 2016)
    sheet = load_workbook(book_path)["Unit 1"]
    (check,) = sheet.data_validations.dataValidation
    assert check.formula1 == '"Y,T,A,B,C,D,E,N/A"'
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[4][:2] == ("1", "Perencanaan Kinerja (bobot 30)") and rows[6][:2] == ("1.a.1", None)  # no listed criteria: one to fill in
