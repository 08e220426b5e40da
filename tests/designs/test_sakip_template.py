"""``reportgen init --sakip``: the official LKE as a workbook to fill in, and a study file that reads it."""

from __future__ import annotations

from openpyxl import load_workbook

from helpers import invoke
from reportgen.config import load_study
from reportgen.pipeline import analyse


def test_the_workbook_holds_every_criterion_and_scores_once_filled(tmp_path):
    result = invoke(["init", "--sakip", "--out", str(tmp_path / "eval")])
    assert result.exit_code == 0, result.output
    book_path = tmp_path / "eval" / "lke.xlsx"
    book = load_workbook(book_path)
    sheet = book["LKE"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("unit", "component", "subcomponent", "criterion", "text", "answer", "note", "bukti_dukung")
    assert len(rows) - 1 == 2 * 80 and rows[1][:5] == ("Unit 1", "perencanaan", "keberadaan", "1.a.1",
                                                     "Terdapat pedoman teknis perencanaan kinerja.")
    # blank answers are named, one line each, exit 2
    checked = invoke(["validate", str(tmp_path / "eval" / "study.yaml")])
    assert checked.exit_code == 2 and "lke.xlsx, sheet 'LKE', row 2, column answer: the answer is blank" in checked.stderr
    for row in sheet.iter_rows(min_row=2):
        row[5].value = "BB" if row[0].value == "Unit 1" else "AA"
    book.save(book_path)
    results = analyse(load_study(tmp_path / "eval" / "study.yaml"), "id").results
    assert results.units["Unit 1"].exact == 80 and results.predicates["Unit 1"] == "BB"
    assert results.units["Unit 2"].exact == 100 and results.predicates["Unit 2"] == "AA"


def test_init_never_replaces_a_file(tmp_path):
    (tmp_path / "study.yaml").write_text("kind: sakip\n")
    result = invoke(["init", "--sakip", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "study.yaml: the file exists; reportgen init never replaces a file" in result.stderr
    assert (tmp_path / "study.yaml").read_text() == "kind: sakip\n" and not (tmp_path / "lke.xlsx").exists()
