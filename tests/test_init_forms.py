"""``reportgen init`` on the files students really have: a Google Forms export (codes in brackets
or leading the question, a grid, the question's text only; answers in words with each midpoint
word, or "4 - Setuju"), a labelled SPSS file and a coded workbook with a codebook sheet. Each
draft takes the statements and words from the file, validates and runs."""

from __future__ import annotations

import csv

import numpy as np
import pytest
import yaml
from google_forms import QUESTIONS, answers, form_export, headers
from helpers import invoke


def drafted(path, tmp_path):
    result = invoke(["init", str(path), "--out", str(tmp_path / "study.yaml")])
    assert result.exit_code == 0, result.output
    config = yaml.safe_load((tmp_path / "study.yaml").read_text(encoding="utf-8"))
    ran = invoke(["run", str(tmp_path / "study.yaml"), "--out", str(tmp_path / "out"), "--formats", "json"])
    assert ran.exit_code == 0, ran.output
    return config, result


@pytest.mark.parametrize("shape", ["brackets", "leading"])
def test_codes_in_the_question_headers(tmp_path, shape):
    config, _ = drafted(form_export(tmp_path, shape), tmp_path)
    assert {c: list(v["items"]) for c, v in config["constructs"].items()} == {
        "X1": ["X1.1", "X1.2", "X1.3"],
        "X2": ["X2.1", "X2.2", "X2.3"],
        "Y": ["Y.1", "Y.2", "Y.3", "Y.4"],
    }
    assert config["constructs"]["X1"]["items"]["X1.1"] == "Saya memahami target kinerja unit saya"
    assert config["data"]["columns"]["Y.4"] == headers(shape)[-1]
    assert config["scale"]["labels"][3] == {"short": {"id": "N", "en": "N"}, "id": "Netral", "en": "Neutral"}
    assert [r["column"] for r in config["respondents"]] == ["Jenis Kelamin", "Pendidikan terakhir"]


def test_a_grid_names_its_construct(tmp_path):
    config, _ = drafted(form_export(tmp_path, "grid"), tmp_path)
    assert [(c, v["name"], len(v["items"])) for c, v in config["constructs"].items()] == [
        ("X1", "Pemahaman Target", 3),
        ("X2", "Kinerja", 3),
        ("X3", "Kepuasan Kerja", 4),
    ]
    assert config["constructs"]["X2"]["items"]["X2.1"] == "Saya menyelesaikan tugas tepat waktu"
    assert config["data"]["columns"]["X2.1"] == "Kinerja [Saya menyelesaikan tugas tepat waktu]"


def test_questions_without_codes_are_cut_where_their_answers_part(tmp_path):
    """One run of ten questions, three factors: three blocks of adjacent questions, and a note."""
    config, result = drafted(form_export(tmp_path, "text"), tmp_path)
    assert [len(v["items"]) for v in config["constructs"].values()] == [3, 3, 4]
    assert config["constructs"]["X3"]["items"]["X3.1"] == "Saya puas dengan pekerjaan saya"
    assert "drafted as 3 constructs of adjacent questions" in result.stderr


@pytest.mark.parametrize("middle,short", [("Netral", "N"), ("Ragu-ragu", "RR"), ("Cukup Setuju", "CS"), ("Kurang Setuju", "KS")])
def test_each_midpoint_word_is_the_label_of_its_point(tmp_path, middle, short):
    config, _ = drafted(form_export(tmp_path, "brackets", middle, numbered=True), tmp_path)
    assert config["scale"]["labels"][3]["id"] == middle and config["scale"]["labels"][3]["short"]["id"] == short
    assert config["scale"]["labels"][4]["id"] == "Setuju"


def test_four_words_without_a_midpoint_are_a_four_point_scale(tmp_path):
    path = tmp_path / "four.csv"
    words = {1: "Sangat Tidak Setuju", 2: "Tidak Setuju", 3: "Setuju", 4: "Sangat Setuju"}
    codes = np.clip(answers() - 1, 1, 4)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers("brackets"))
        writer.writerows([[words[v] for v in row] for row in codes])
    config, _ = drafted(path, tmp_path)
    assert (config["scale"]["min"], config["scale"]["max"]) == (1, 4)
    assert [config["scale"]["labels"][k]["id"] for k in (1, 2, 3, 4)] == list(words.values())


def test_two_midpoint_words_are_one_error_naming_both(tmp_path):
    path = form_export(tmp_path, "brackets")
    rows = list(csv.reader(path.open(encoding="utf-8")))
    rows[4][5] = "Ragu-ragu"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    result = invoke(["init", str(path), "--out", str(tmp_path / "study.yaml")])
    assert result.exit_code == 2 and not (tmp_path / "study.yaml").exists()
    assert result.output.strip() == (
        "error: form.csv: the answers write the midpoint of the scale in two ways ('Netral' and "
        "'Ragu-ragu'); a questionnaire has one word per point: make the answers use one of them"
    )


def test_a_labelled_spss_file(tmp_path):
    import pandas as pd
    import pyreadstat

    codes = answers()
    rng = np.random.default_rng(5)
    frame = pd.DataFrame({"jk": rng.integers(1, 3, len(codes)).astype(float), "pend": rng.integers(1, 5, len(codes)).astype(float)})
    names = [f"{c}_{k}" for c, qs in QUESTIONS.items() for k in range(1, len(qs) + 1)]
    for j, name in enumerate(names):
        frame[name] = codes[:, j].astype(float)
    likert = {1.0: "Sangat Tidak Setuju", 2.0: "Tidak Setuju", 3.0: "Ragu-ragu", 4.0: "Setuju", 5.0: "Sangat Setuju"}
    labels = ["Jenis kelamin", "Pendidikan terakhir"] + [q for qs in QUESTIONS.values() for q in qs]
    pyreadstat.write_sav(
        frame,
        str(tmp_path / "data.sav"),
        column_labels=labels,
        variable_value_labels={
            "jk": {1.0: "Laki-laki", 2.0: "Perempuan"},
            "pend": {1.0: "SMA/SMK", 2.0: "D3", 3.0: "S1", 4.0: "S2"},
            **dict.fromkeys(names, likert),
        },
    )
    config, _ = drafted(tmp_path / "data.sav", tmp_path)
    assert config["respondents"][0] == {
        "column": "jk",
        "label": "Jenis kelamin",
        "values": {"1": "Laki-laki", "2": "Perempuan"},
        "order": ["Laki-laki", "Perempuan"],
    }
    assert config["respondents"][1]["order"] == ["SMA/SMK", "D3", "S1", "S2"]
    assert config["constructs"]["X1"]["items"] == {"X1_1": QUESTIONS["X1"][0], "X1_2": QUESTIONS["X1"][1], "X1_3": QUESTIONS["X1"][2]}
    assert config["scale"]["labels"][3]["id"] == "Ragu-ragu" and "columns" not in config["data"]


def test_a_coded_workbook_with_a_codebook_sheet(tmp_path):
    import openpyxl

    codes = answers()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "data"
    names = [f"{c}.{k}" for c, qs in QUESTIONS.items() for k in range(1, len(qs) + 1)]
    sheet.append(["no", "jk", "masa_kerja", *names])
    for k, row in enumerate(codes):
        sheet.append([k + 1, 1 + k % 2, 1 + k % 3, *map(int, row)])
    codebook = book.create_sheet("kode")
    codebook.append(["kolom", "kode", "keterangan"])
    for row in [
        ("jk", 1, "Laki-laki"),
        ("jk", 2, "Perempuan"),
        ("jk", None, "Jenis kelamin"),
        ("masa_kerja", 3, "> 10 tahun"),
        ("masa_kerja", 1, "< 5 tahun"),
        ("masa_kerja", 2, "5 - 10 tahun"),
        ("X1.1", None, QUESTIONS["X1"][0]),
    ]:
        codebook.append(list(row))
    book.save(tmp_path / "data.xlsx")
    config, _ = drafted(tmp_path / "data.xlsx", tmp_path)
    assert config["respondents"][1] == {
        "column": "masa_kerja",
        "label": "masa_kerja",
        "values": {"1": "< 5 tahun", "2": "5 - 10 tahun", "3": "> 10 tahun"},
        "order": ["< 5 tahun", "5 - 10 tahun", "> 10 tahun"],
    }  # the codes' order
    assert config["respondents"][0]["label"] == "Jenis kelamin"
    assert config["constructs"]["X1"]["items"]["X1.1"] == QUESTIONS["X1"][0]
    assert config["constructs"]["X1"]["items"]["X1.2"] == "TODO: pernyataan X1.2" and config["data"]["id"] == "no"


def test_data_columns_name_their_column_or_are_one_line_each(tmp_path):
    """data.columns: a header not in the file (with the nearest one), a code that is another
    column's header: one line each, exit 2."""
    form_export(tmp_path, "brackets")
    drafted(tmp_path / "form.csv", tmp_path)
    study = tmp_path / "study.yaml"
    text = study.read_text(encoding="utf-8")
    broken = text.replace('X1.2: "Saya mengetahui indikator kinerja saya [X1.2]"', 'X1.2: "Saya mengetahui indikator kinerja [X1.2]"')
    broken = broken.replace('Y.1: "Saya puas dengan pekerjaan saya [Y.1]"', 'Y.1: "Jenis Kelamin"')
    study.write_text(broken, encoding="utf-8")
    result = invoke(["validate", str(study)])
    assert result.exit_code == 2
    assert (
        "form.csv: data.columns: X1.2: column 'Saya mengetahui indikator kinerja [X1.2]' not found; did you mean "
        "'Saya mengetahui indikator kinerja saya [X1.2]'?" in result.output
    )
    study.write_text(
        text.replace('Y.1: "Saya puas dengan pekerjaan saya [Y.1]"', 'Timestamp: "Saya puas dengan pekerjaan saya [Y.1]"'), encoding="utf-8"
    )
    assert "data.columns: Timestamp is also the header of another column" in invoke(["validate", str(study)]).output


def test_profile_categories_in_their_natural_order():
    """Without ``order``: numbers by value, ranges by their numbers, school levels SD to S3."""
    from reportgen.stats.profile import frequency_table

    assert frequency_table(["> 10 tahun", "5 - 10 tahun", "< 5 tahun"]).categories == ("< 5 tahun", "5 - 10 tahun", "> 10 tahun")
    assert frequency_table(["D3", "S1", "S2", "SMA/SMK"]).categories == ("SMA/SMK", "D3", "S1", "S2")
    assert frequency_table(["41 tahun ke atas", "20-30 tahun", "< 20 tahun"]).categories == ("< 20 tahun", "20-30 tahun", "41 tahun ke atas")
    assert frequency_table(["Lebih dari 3 juta", "1 - 3 juta", "Di bawah 1 juta"]).categories == (
        "Di bawah 1 juta",
        "1 - 3 juta",
        "Lebih dari 3 juta",
    )
    assert frequency_table(["Perempuan", "Laki-laki", "10", "2"]).categories == ("2", "10", "Laki-laki", "Perempuan")


def test_a_word_missing_from_the_scale_is_one_line_with_its_count(tmp_path):
    """The midpoint labelled Kurang Setuju while the answers say Netral (what init once wrote):
    one line naming the word, its count and columns, not one per answer."""
    form_export(tmp_path, "brackets")
    drafted(tmp_path / "form.csv", tmp_path)
    study = tmp_path / "study.yaml"
    study.write_text(
        study.read_text(encoding="utf-8").replace(
            "3: {short: {id: N, en: N}, id: Netral, en: Neutral}", '3: {short: {id: KS, en: N}, id: "Kurang Setuju", en: Neutral}'
        ),
        encoding="utf-8",
    )
    result = invoke(["validate", str(study)])
    lines = [line for line in result.output.splitlines() if line.startswith("error: ")]
    netral = int((answers() == 3).sum())
    assert result.exit_code == 2 and len(lines) == 1, result.output
    assert lines[0].startswith("error: form.csv: 'Netral' is not an answer on the scale (answers are 1–5 or ")
    assert f": {netral} answers in 10 columns (X1.1, X1.2, X1.3, X2.1, X2.2 and 5 more), first respondent 1 (row " in lines[0]


def test_several_words_missing_from_the_scale_are_one_line_with_each_count(tmp_path):
    """The scale's words deleted from the study file: every answer word is off the scale, said
    in one line with each word's count (not one line per word)."""
    form_export(tmp_path, "brackets")
    drafted(tmp_path / "form.csv", tmp_path)
    study = tmp_path / "study.yaml"
    text = study.read_text(encoding="utf-8")
    study.write_text("\n".join(line for line in text.splitlines() if "{short:" not in line and "labels:" not in line) + "\n", encoding="utf-8")
    result = invoke(["validate", str(study)])
    lines = [line for line in result.output.splitlines() if line.startswith("error: ")]
    counts = {code: int((answers() == code).sum()) for code in range(1, 6)}
    assert result.exit_code == 2 and len(lines) == 1, result.output
    assert lines[0].startswith("error: form.csv: the words ") and "are not answers on the scale (answers are 1–5): " in lines[0]
    assert f"'Netral' ({counts[3]:,})" in lines[0] and f"'Sangat Setuju' ({counts[5]:,})" in lines[0]
    assert f": {sum(counts.values()):,} answers in 10 columns (X1.1, X1.2, X1.3, X2.1, X2.2 and 5 more), first respondent " in lines[0]


def test_a_workbooks_sheet_is_chosen(tmp_path):
    """The answers on the workbook's second sheet: --sheet reads them and the study says which."""
    import openpyxl

    codes = answers()
    book = openpyxl.Workbook()
    book.active.title = "petunjuk"
    book.active.append(["Isi kuesioner di sheet jawaban"])
    sheet = book.create_sheet("jawaban")
    sheet.append(headers("brackets"))
    for row in codes:
        sheet.append([int(v) for v in row])
    book.save(tmp_path / "data.xlsx")
    refused = invoke(["init", str(tmp_path / "data.xlsx"), "--out", str(tmp_path / "first.yaml")])
    assert refused.exit_code == 2 and "(the workbook also has the sheet jawaban; choose one with data.sheet)" in refused.output
    result = invoke(["init", str(tmp_path / "data.xlsx"), "--sheet", "jawaban", "--out", str(tmp_path / "study.yaml")])
    assert result.exit_code == 0, result.output
    config = yaml.safe_load((tmp_path / "study.yaml").read_text(encoding="utf-8"))
    assert config["data"]["sheet"] == "jawaban" and len(config["data"]["columns"]) == 10
    ran = invoke(["run", str(tmp_path / "study.yaml"), "--out", str(tmp_path / "out"), "--formats", "json"])
    assert ran.exit_code == 0, ran.output
    wrong = invoke(["init", str(tmp_path / "data.xlsx"), "--sheet", "Jawaban", "--out", str(tmp_path / "wrong.yaml")])
    assert wrong.exit_code == 2 and "no sheet 'Jawaban' in the workbook (sheets: petunjuk, jawaban)" in wrong.output
