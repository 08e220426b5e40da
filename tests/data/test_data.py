"""Reading csv/xlsx/sav, coding answers, reverse items, missing data."""

import numpy as np
import pandas as pd
import pytest
from helpers import LABELS, base, survey_rows, write_study

from reportgen.config import load_study
from reportgen.config.models import Scale
from reportgen.data import load_dataset
from reportgen.data.coding import AnswerCoder
from reportgen.errors import DataError, ProblemList


def test_answers_as_codes_or_any_label_word():
    coder = AnswerCoder(Scale.model_validate({"min": 1, "max": 5, "labels": LABELS}))
    cells = ["4", 4, 4.0, "S", " setuju ", "AGREE", "Sangat  Setuju", "sts", "strongly disagree", "", None, np.nan, "4,0"]
    codes, problems = coder.code_column(cells)
    assert problems == {}
    np.testing.assert_array_equal(codes, [4, 4, 4, 4, 4, 4, 5, 1, 1, np.nan, np.nan, np.nan, 4])


def test_bad_cells_are_named_by_reason():
    coder = AnswerCoder(Scale.model_validate({"min": 1, "max": 5, "labels": LABELS}))
    _, problems = coder.code_column(["6", "setujuu", "3.5", "0", "4"])
    assert problems[0] == "6 is outside the scale 1–5"
    assert problems[1].startswith("'setujuu' is not an answer on the scale (answers are 1–5 or ")
    assert problems[2] == "3.5 is not a whole scale point (a construct measured in numbers needs 'type: continuous')"
    assert problems[3] == "0 is outside the scale 1–5"
    assert 4 not in problems


def test_out_of_range_answer_names_column_respondent_and_row(tmp_path):
    rows = survey_rows()
    rows[36]["X1.2"] = 6
    study = load_study(write_study(tmp_path, base(), rows))
    with pytest.raises(DataError, match=r"^responses.csv, column X1.2, respondent R37 \(row 38\): 6 is outside the scale 1–5$"):
        load_dataset(study)


def test_every_bad_cell_is_reported(tmp_path):
    rows = survey_rows()
    rows[0]["X1.1"] = 9
    rows[5]["Y.2"] = "maybe"
    with pytest.raises(ProblemList) as err:
        load_dataset(load_study(write_study(tmp_path, base(), rows)))
    assert len(err.value.problems) == 2
    assert "column Y.2, respondent R6 (row 7): 'maybe' is not an answer" in err.value.problems[1].message


def test_missing_column_suggests_the_nearest(tmp_path):
    rows = [{("X1_2" if k == "X1.2" else k): v for k, v in r.items()} for r in survey_rows()]
    with pytest.raises(DataError, match=r"responses.csv: column 'X1.2' not found; did you mean 'X1_2'\?"):
        load_dataset(load_study(write_study(tmp_path, base(), rows)))


def test_duplicate_ids(tmp_path):
    rows = survey_rows()
    rows[9]["rid"] = "R3"
    with pytest.raises(DataError, match=r"column rid, row 11: id 'R3' is also used in row 4"):
        load_dataset(load_study(write_study(tmp_path, base(), rows)))


def test_reverse_items_are_scored_max_plus_min_minus_x(tmp_path):
    rows = survey_rows()
    data = load_dataset(load_study(write_study(tmp_path, base(), rows)))
    written = np.array([r["X2.3"] for r in rows], dtype=float)
    np.testing.assert_array_equal(data.items_of(["X2.3"])[:, 0], 6 - written)
    np.testing.assert_array_equal(data.items_of(["X2.2"])[:, 0], [r["X2.2"] for r in rows])


def test_listwise_drops_and_counts_respondents(tmp_path):
    rows = survey_rows()
    rows[2]["X1.1"] = None
    rows[7]["Y.3"] = None
    data = load_dataset(load_study(write_study(tmp_path, base(), rows)))
    assert (data.n_total, data.n_used, data.n_excluded) == (40, 38, 2)
    assert data.excluded == ["respondent R3 (row 4)", "respondent R8 (row 9)"]
    assert len(data.profile["jk"]) == 38


def test_mean_replacement_keeps_everyone(tmp_path):
    rows = survey_rows()
    rows[2]["X1.1"] = None
    cfg = base()
    cfg["data"]["missing"] = "mean"
    data = load_dataset(load_study(write_study(tmp_path, cfg, rows)))
    observed = [r["X1.1"] for i, r in enumerate(rows) if i != 2]
    assert data.n_used == 40 and data.n_excluded == 0
    assert data.items_of(["X1.1"])[2, 0] == pytest.approx(np.mean(observed))
    assert np.isnan(data.answers_of(["X1.1"])[2, 0])  # frequencies count only real answers


def test_semicolon_csv_xlsx_and_sav_give_the_same_data(tmp_path):
    rows = survey_rows()
    csv_data = load_dataset(load_study(write_study(tmp_path / "csv", base(), rows)))
    frame = pd.DataFrame(rows)
    # semicolon-separated, as Indonesian Excel exports
    (tmp_path / "semi").mkdir()
    frame.to_csv(tmp_path / "semi" / "r.csv", sep=";", index=False)
    # xlsx
    (tmp_path / "x").mkdir()
    frame.to_excel(tmp_path / "x" / "r.xlsx", index=False)
    # SPSS with value labels on the profile column
    import pyreadstat

    (tmp_path / "s").mkdir()
    sav = frame.copy()
    sav["jk"] = sav["jk"].map({"L": 1, "P": 2})
    pyreadstat.write_sav(sav, str(tmp_path / "s" / "r.sav"), variable_value_labels={"jk": {1: "L", 2: "P"}})
    for folder, name in (("semi", "r.csv"), ("x", "r.xlsx"), ("s", "r.sav")):
        cfg = base()
        cfg["data"]["path"] = name
        path = tmp_path / folder / "study.yaml"
        import yaml

        path.write_text(yaml.safe_dump(cfg, sort_keys=False))
        data = load_dataset(load_study(path))
        np.testing.assert_array_equal(data.items, csv_data.items)
        assert list(data.profile["jk"]) == list(csv_data.profile["jk"])


def test_csv_rows_and_header_as_a_spreadsheet_shows_them(tmp_path):
    """Blank lines are skipped but keep their row numbers, a short row is padded with blanks, a
    byte-order mark is ignored, a blank header is "Unnamed: i", a repeated one is recorded."""
    from reportgen.data.read import read_table

    path = tmp_path / "r.csv"
    path.write_bytes("\ufeffrid;X1.1;;X1.1\n\nR1; 4;x;5\n;;;\nR2;3\n\n".encode("utf-8"))
    table = read_table(path)
    assert list(table.columns) == ["rid", "X1.1", "Unnamed: 2", "X1.1 (column 4)"]
    assert table.rows == [3, 5] and table.blank_rows == [2, 4, 6] and table.duplicates == {"X1.1": [2, 4]}
    assert table.notes == ["r.csv: 3 wholly blank rows were skipped (rows 2, 4, 6)"]
    assert table.notes[0].get("id") == "r.csv: 3 baris yang seluruhnya kosong dilewati (baris 2, 4, 6)"
    assert table.columns["X1.1"] == ["4", "3"] and table.columns["X1.1 (column 4)"] == ["5", None]


def test_xlsx_rows_and_header_as_pandas_reads_them(tmp_path):
    """A column of values without a header is kept as "Unnamed: i"; trailing empty rows are dropped;
    a sheet whose declared size is wrong is still read whole."""
    from openpyxl import Workbook

    from reportgen.data.read import read_table

    book = Workbook()
    sheet = book.active
    sheet.append(["rid", "X1.1"])
    sheet.append(["R1", 4, "catatan"])
    sheet.append(["R2", "  ", None])
    sheet.append([None, None])
    book.save(tmp_path / "written.xlsx")
    import re
    import zipfile

    path = tmp_path / "r.xlsx"  # the same workbook, declaring its size as A1:A1
    with zipfile.ZipFile(tmp_path / "written.xlsx") as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, count = re.subn(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:A1"', data)
                assert count == 1
            target.writestr(item, data)
    table = read_table(path)
    assert list(table.columns) == ["rid", "X1.1", "Unnamed: 2"] and table.name == "r.xlsx, sheet 'Sheet'"
    assert (
        table.rows == [2, 3] and table.blank_rows == [4] and table.columns["X1.1"] == [4, None] and table.columns["Unnamed: 2"] == ["catatan", None]
    )


def test_missing_and_empty_data_files(tmp_path):
    path = write_study(tmp_path, base())
    (tmp_path / "responses.csv").write_text("")
    with pytest.raises(DataError, match=r"responses\.csv: the data file is empty"):
        load_dataset(load_study(path))
    (tmp_path / "responses.csv").write_text("rid,jk\n")
    with pytest.raises(DataError, match="no respondents"):
        load_dataset(load_study(path))
    (tmp_path / "responses.csv").unlink()
    with pytest.raises(DataError, match=r"responses\.csv: data file not found"):
        load_dataset(load_study(path))
