"""``reportgen init``: a study file drafted from each example's data (and from a Google Forms
export with words) validates and runs; an existing file is never replaced."""

from __future__ import annotations

import shutil

import pytest
import yaml
from helpers import EXAMPLES, invoke

DATA = {
    "luwu-timur": "responses.csv",
    "corp-rep": "corp_rep_data.csv",
    "mobi": "mobi.csv",
    "mediation": "responses.csv",
    "moderation": "responses.csv",
    "mixed-methods": "responses.csv",
    "repeated": "responses.csv",
    "academic": "responses.csv",
}


def drafted(tmp_path, example: str, design: str = "regression"):
    shutil.copy(EXAMPLES / example / DATA[example], tmp_path / DATA[example])
    result = invoke(["init", str(tmp_path / DATA[example]), "--design", design])
    assert result.exit_code == 0, result.output
    return tmp_path / "study.yaml"


@pytest.mark.parametrize(
    "example,design",
    [
        ("luwu-timur", "regression"),
        ("corp-rep", "pls"),
        ("mobi", "pls"),
        ("mediation", "path"),
        ("moderation", "regression"),
        ("mixed-methods", "pls"),
        ("repeated", "repeated"),
        ("academic", "regression"),
    ],
)
def test_the_draft_of_each_example_validates_and_runs(tmp_path, example, design):
    study = drafted(tmp_path, example, design)
    assert invoke(["validate", str(study)]).exit_code == 0
    result = invoke(["run", str(study), "--out", str(tmp_path / "out"), "--formats", "json"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "results.json").exists()


def test_what_the_thesis_data_tell(tmp_path):
    config = yaml.safe_load(drafted(tmp_path, "luwu-timur").read_text())
    assert {c: len(v["items"]) for c, v in config["constructs"].items()} == {"X1": 5, "X2": 5, "X3": 8, "X4": 4, "X5": 3, "Y": 6}
    assert config["data"] == {"path": "responses.csv", "id": "resp_id"}
    assert (config["scale"]["min"], config["scale"]["max"]) == (1, 5)
    assert config["scale"]["labels"][2]["short"] == {"id": "TS", "en": "D"}  # X4.4 has one answer written "TS"
    assert [r["column"] for r in config["respondents"]] == ["jk", "usia"]
    assert config["model"] == {"type": "regression", "dependent": "Y", "predictors": ["X1", "X2", "X3", "X4", "X5"]}
    assert config["hypotheses"]["H1"] == {"path": "X1 -> Y", "expect": "positive"}
    assert config["hypotheses"]["H6"] == {"simultaneous": ["X1", "X2", "X3", "X4", "X5"], "on": "Y"}
    assert config["constructs"]["X1"]["name"].startswith("TODO")


def test_corp_rep_items_on_seven_points_and_its_global_columns_left_aside(tmp_path):
    study = drafted(tmp_path, "corp-rep", "pls")
    config = yaml.safe_load(study.read_text())
    assert config["scale"]["max"] == 7 and config["model"]["type"] == "pls"
    assert "csor" in config["constructs"] and len(config["constructs"]["csor"]["items"]) == 5
    assert "servicetype" in [r["column"] for r in config["respondents"]]


def test_a_google_forms_export_with_words(tmp_path):
    words = {1: "Sangat Tidak Setuju", 2: "Tidak Setuju", 3: "Netral", 4: "Setuju", 5: "Sangat Setuju"}
    rows = ["Timestamp,Jenis Kelamin,P1,P2,P3,Q1,Q2,Q3"]
    for k in range(40):
        answers = [f"{1 + (k + j) % 5} - {words[1 + (k + j) % 5]}" for j in range(3)]
        answers += [words[1 + (k * 2 + j) % 5] for j in range(3)]
        rows.append(f"2024/05/0{1 + k % 9} 10:0{k % 10}:00 GMT+8,{'Laki-laki' if k % 3 else 'Perempuan'}," + ",".join(answers))
    (tmp_path / "form.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = invoke(["init", str(tmp_path / "form.csv"), "--out", str(tmp_path / "kuesioner.yaml")])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "kuesioner.yaml").read_text()
    config = yaml.safe_load(text)
    assert list(config["constructs"]) == ["P", "Q"] and "# tidak dipakai: Timestamp (waktu pengisian formulir)" in text
    assert config["scale"]["labels"][3] == {"short": {"id": "N", "en": "N"}, "id": "Netral", "en": "Neutral"}
    assert config["scale"]["labels"][1]["id"] == "Sangat Tidak Setuju"
    assert [r["column"] for r in config["respondents"]] == ["Jenis Kelamin"]
    result = invoke(["run", str(tmp_path / "kuesioner.yaml"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == ["bab5.docx", "bab5.pdf", "figures", "results.json"]


def test_an_existing_study_file_is_never_replaced(tmp_path):
    study = drafted(tmp_path, "mediation")
    before = study.read_bytes()
    result = invoke(["init", str(tmp_path / "responses.csv")])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"error: {study}: the file exists; reportgen init never replaces a file, give --out a new name"]
    assert study.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["responses.csv", "study.yaml"]


def test_data_without_items_is_one_line(tmp_path):
    (tmp_path / "x.csv").write_text("nama,kota\nA,B\nC,D\n", encoding="utf-8")
    result = invoke(["init", str(tmp_path / "x.csv")])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert result.output.startswith("error: x.csv: no column looks like a questionnaire item")
    assert not (tmp_path / "study.yaml").exists()


def test_a_repeated_draft_lists_the_measures_in_the_datas_order(tmp_path):
    """--design repeated: every construct is a measurement, in the order its columns come, and each
    hypothesis compares a measurement with the one before it."""
    config = yaml.safe_load(drafted(tmp_path, "repeated", "repeated").read_text())
    assert config["model"] == {"type": "repeated", "measures": ["PRE", "POST", "FU"]}
    assert [h["path"] for h in config["hypotheses"].values()] == ["PRE -> POST", "POST -> FU"]


def test_measured_numbers_and_a_construct_on_its_own_scale(tmp_path):
    """The mixed-scales example's data: X1 answered 1–5 and X2 1–7 (so the study's scale is 1–5, the
    one most constructs reach, and X2 keeps its own); hours (X3) and the GPA (Y), numbers with
    fractions, are constructs of type continuous named by their headers; 'nim' is the id."""
    config = yaml.safe_load(drafted(tmp_path, "academic").read_text())
    assert config["data"]["id"] == "nim"
    assert (config["scale"]["min"], config["scale"]["max"]) == (1, 5)
    constructs = config["constructs"]
    assert "scale" not in constructs["X1"] and "type" not in constructs["X1"]
    assert constructs["X2"]["scale"] == {"min": 1, "max": 7}
    assert constructs["X3"]["type"] == constructs["Y"]["type"] == "continuous"
    assert list(constructs["X3"]["items"]) == ["X3"] and list(constructs["Y"]["items"]) == ["Y"]
    assert config["model"] == {"type": "regression", "dependent": "Y", "predictors": ["X1", "X2", "X3"]}


def test_a_column_of_few_numbers_stays_a_profile_column(tmp_path):
    """Ages in a handful of bands (1–4) are a profile column; a column of eight or fewer distinct
    numbers is never taken for a measured one, whatever their size."""
    rows = ["id,umur,X1.1,X1.2,X1.3"] + [f"{i},{20 + 10 * (i % 4)},{1 + i % 5},{1 + (i + 1) % 5},{1 + (i + 2) % 5}" for i in range(30)]
    (tmp_path / "d.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert invoke(["init", str(tmp_path / "d.csv")]).exit_code == 0
    config = yaml.safe_load((tmp_path / "study.yaml").read_text())
    assert [r["column"] for r in config["respondents"]] == ["umur"] and list(config["constructs"]) == ["X1"]
