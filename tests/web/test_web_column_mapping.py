"""The column-mapping of the study form: a column detection left out of the questionnaire (a
question without a code answered in words of no agreement scale: Selalu … Tidak Pernah) is made
an item of a construct, new or existing; its header becomes its statement, the study file maps
its code to the header, and the words typed in the scale's table code its answers."""

from __future__ import annotations

import csv
import io

import yaml
from page_form import form_values
from test_web_app import app, client, problems, session_of, upload  # noqa: F401 - fixtures

QUESTIONS = ["Seberapa sering Anda membaca laporan kinerja?", "Seberapa sering atasan membahas capaian target?"]
OFTEN = {5: ("SL", "Selalu"), 4: ("SR", "Sering"), 3: ("KK", "Kadang-kadang"), 2: ("JR", "Jarang"), 1: ("TP", "Tidak Pernah")}


def answers() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["X1.1", "X1.2", "X1.3", "Y.1", "Y.2", "Y.3", *QUESTIONS, "Jenis Kelamin"])
    for i in range(40):
        writer.writerow([1 + (i + k) % 5 for k in range(6)] + [OFTEN[1 + (i * 3) % 5][1], OFTEN[1 + (i * 2 + 1) % 5][1], ("L", "P")[i % 2]])
    return out.getvalue().encode()


def test_two_questions_without_codes_become_a_new_construct(client, app):
    where = upload(client, answers(), "jawaban.csv").headers["location"]
    page = client.get(where).text
    assert "Lengkapi teks bertanda TODO, periksa, lalu jalankan.</p>" in page
    values = form_values(page, where)
    assert all(f"item_of.{q}" in values for q in QUESTIONS)  # left out of the items, offered here
    mapped = values | {f"item_of.{q}": "new" for q in QUESTIONS} | {f"newcode.{q}": "X2" for q in QUESTIONS} | {"action": "check"}
    found = problems(client.post(where, data=mapped).text)
    assert found == {
        "scale": [
            "jawaban.csv: kata 'Tidak Pernah' (16), 'Sering' (16), 'Jarang' (16), 'Selalu' (16), "
            "'Kadang-kadang' (16) bukan jawaban pada skala (jawaban yang dapat dipakai: 1–5): 80 jawaban di 2 kolom "
            "(X2.1, X2.2), pertama responden 1 (baris 2) di kolom X2.1"
        ]
    }  # words of no scale yet: one problem
    words = {f"{part}.{k}": word for k, pair in OFTEN.items() for part, word in zip(("short_id", "label_id"), pair)}
    found = problems(client.post(where, data=form_values(client.get(where).text, where) | words | {"action": "check"}).text)
    assert "name.X2" in found and "scale" not in found  # the new construct's name is still TODO
    values = form_values(client.get(where).text, where)
    assert values["text.X2.1"] == QUESTIONS[0] and values["group.X2.2"] == "X2" and f"item_of.{QUESTIONS[0]}" not in values
    named = values | {
        "title": "Kinerja",
        "author": "Andi",
        "name.X1": "Perencanaan",
        "name.X2": "Pemanfaatan Laporan",
        "name.Y": "Akuntabilitas",
        "action": "check",
    }
    page = client.post(where, data=named).text
    assert problems(page) == {} and "Berkas studi valid." in page
    study = yaml.safe_load(session_of(app, where).study_file.read_text(encoding="utf-8"))
    assert study["data"]["columns"] == {"X2.1": QUESTIONS[0], "X2.2": QUESTIONS[1]}
    assert study["constructs"]["X2"] == {"name": "Pemanfaatan Laporan", "items": {"X2.1": QUESTIONS[0], "X2.2": QUESTIONS[1]}}
    assert [r["column"] for r in study["respondents"]] == ["Jenis Kelamin"]


def test_a_column_made_an_item_of_an_existing_construct_and_back(client, app):
    where = upload(client, answers(), "jawaban.csv").headers["location"]
    values = form_values(client.get(where).text, where)
    page = client.post(where, data=values | {f"item_of.{QUESTIONS[1]}": "X1", "action": "update"}).text
    values = form_values(page, where)
    assert values["group.X1.4"] == "X1" and values["text.X1.4"] == QUESTIONS[1]
    page = client.post(where, data=values | {"group.X1.4": "", "action": "update"}).text  # not used after all
    values = form_values(page, where)
    assert f"item_of.{QUESTIONS[1]}" in values and session_of(app, where).choices.columns == {}


def test_a_questionnaire_of_which_no_column_was_recognised_is_mapped_by_hand(client, app):
    """Every question's header is its text alone and every answer a frequency word: no item is
    detected, the form says so and offers each column; mapped and worded, the study checks."""
    out = io.StringIO()
    writer = csv.writer(out)
    questions = [f"Seberapa sering pertanyaan {k} terjadi?" for k in range(1, 7)]
    writer.writerow(questions)
    for i in range(30):
        writer.writerow([OFTEN[1 + (i + 2 * k + i // (k + 2)) % 5][1] for k in range(6)])
    where = upload(client, out.getvalue().encode(), "frekuensi.csv").headers["location"]
    page = client.get(where).text
    assert "Tidak ada kolom yang dikenali sebagai butir kuesioner" in page and "0 butir dalam 0 konstruk" in page
    values = form_values(page, where)
    mapping = {f"item_of.{q}": "new" for q in questions} | {f"newcode.{q}": "X" if k < 3 else "Y" for k, q in enumerate(questions)}
    words = {f"{part}.{k}": word for k, pair in OFTEN.items() for part, word in zip(("short_id", "label_id"), pair)}
    values = form_values(client.post(where, data=values | mapping | words | {"action": "update"}).text, where)
    assert [values[f"group.X.{n}"] for n in (1, 2, 3)] == ["X"] * 3 and values["text.Y.3"] == questions[5]
    page = client.post(
        where,
        data=values
        | {
            "title": "Frekuensi",
            "author": "Andi",
            "name.X": "Sebab",
            "name.Y": "Akibat",
            "dependent": "Y",
            "from.1": "X",
            "to.1": "Y",
            "action": "check",
        },
    ).text
    assert problems(page) == {} and "Berkas studi valid." in page
    study = yaml.safe_load(session_of(app, where).study_file.read_text(encoding="utf-8"))
    assert study["data"]["columns"]["X.1"] == questions[0] and study["scale"]["labels"][5]["id"] == "Selalu"
