"""The web app over HTTP (Starlette's test client): upload, the form, problems at their fields
(the same lines as ``reportgen validate``), a run with its files, a failed run's one line,
a study file opened again, the upload limit, and the session folders removed."""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import time

import pytest
import yaml
from docx import Document
from helpers import EXAMPLES, ROOT, english_names, invoke
from page_form import elements, form_values, named, text_of
from starlette.testclient import TestClient

from reportgen.web.app import create_app
from reportgen.web.guard import PREVIEW_POLICY
from reportgen.web.sessions import Sessions

THESIS_DATA = EXAMPLES / "luwu-timur" / "responses.csv"
NAMES = english_names()  # the Luwu Timur example's, as a user types them


HERE = "http://127.0.0.1"  # the app answers to the loopback names only


def serving(app) -> TestClient:
    """A client of the app, asking for it as a browser on this computer does."""
    return TestClient(app, base_url=HERE)


@pytest.fixture
def app(tmp_path):
    return create_app(sessions=Sessions(root=tmp_path))


@pytest.fixture
def client(app):
    with serving(app) as client:
        yield client


def upload(client, content: bytes, name: str = "responses.csv", study: bytes | None = None):
    files = {"data": (name, content, "application/octet-stream")}
    if study is not None:
        files["study"] = ("study.yaml", study, "application/x-yaml")
    return client.post("/upload", files=files, follow_redirects=False)


def begin(client) -> tuple[str, dict]:
    """Upload the thesis data; the session's address and its form as the page shows it."""
    response = upload(client, THESIS_DATA.read_bytes())
    assert response.status_code == 303, response.text
    where = response.headers["location"]
    return where, form_values(client.get(where).text, where)


def problems(page: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for attrs, message in elements(page, "p", "problem"):
        found.setdefault(attrs["data-field"], []).append(message)
    return found


def session_of(app, where: str):
    return app.state.sessions.get(where.rsplit("/", 1)[-1])


def finished(client, app, where: str, timeout: float = 180):
    run = session_of(app, where).run
    assert run.wait(timeout), "the run did not end"
    return run


def test_the_pages_speak_the_language_chosen(client):
    assert "Unggah dan kenali" in client.get("/").text
    english = client.get("/?lang=en")
    assert "Upload and detect" in english.text and english.cookies.get("lang") == "en"
    assert "Upload and detect" in client.get("/").text  # the choice is remembered
    assert "Unggah dan kenali" in client.get("/?lang=id").text


def test_upload_shows_what_the_data_tell(client, app):
    where, values = begin(client)
    page = client.get(where).text
    assert "31 butir dalam 6 konstruk, skala 1–5" in page
    assert [text for _, text in elements(page, "legend")] == ["X1", "X2", "X3", "X4", "X5", "Y"]
    assert values["group.X3.8"] == "X3" and values["name.Y"] == "TODO: nama Y"
    assert {k for k in values if k.startswith("profile.")} == {"profile.jk", "profile.usia"}
    assert values["dependent"] == "Y" and [values[f"from.{k}"] for k in range(1, 6)] == ["X1", "X2", "X3", "X4", "X5"]
    assert values["label_id.2"] == "Tidak Setuju"
    assert session_of(app, where).folder.is_dir()


def test_problems_are_the_cli_lines_at_their_fields(client, app, tmp_path):
    """In English the app shows the CLI's lines; in Indonesian the same problems in Indonesian."""
    client.get("/?lang=en")
    where, values = begin(client)

    def checked(**changes) -> dict[str, list[str]]:
        found = problems(client.post(where, data=values | changes | {"action": "check"}).text)
        cli = invoke(["validate", str(session_of(app, where).study_file)])
        lines = [line.removeprefix("error: ") for line in cli.stderr.splitlines() if line.startswith("error: ")]
        assert cli.exit_code == 2 and sorted(lines) == sorted(m for ms in found.values() for m in ms)
        return found

    found = checked(year="20x2", scale_min="satu")
    assert set(found) == {"year", "scale"} and "line 6, key study.year" in found["year"][0]
    client.get("/?lang=id")
    indonesian = problems(client.post(where, data=values | {"year": "20x2", "scale_min": "satu", "action": "check"}).text)
    assert indonesian == {
        "year": ["study.yaml, baris 6, kunci study.year: harus bilangan bulat"],
        "scale": ["study.yaml, baris 12, kunci scale.min: harus bilangan bulat"],
    }
    client.get("/?lang=en")
    found = checked(**{"from.2": "X2", "to.2": "X2"})  # checked once the file's form is right
    assert set(found) == {"hypothesis.2"}, found
    found = checked(year="-5", title=" ")  # a year no study has, a title of blanks
    assert set(found) == {"year", "title"}, found
    assert "greater than or equal to 1900" in found["year"][0] and "the title is empty" in found["title"][0]


def test_a_data_problem_is_shown_at_its_item(client):
    """One answer off the scale: at its item; the same problem in many answers: one line at the scale."""
    where, values = begin(client)
    values.update({"scale_max": "4", "action": "check"})  # the thesis data answer 5, 850 times in 31 items
    found = problems(client.post(where, data=values).text)
    assert found == {
        "scale": [
            "responses.csv: 5 di luar skala 1–4: 850 jawaban di 31 kolom (X1.1, X1.2, X1.3, X1.4, X1.5 "
            "dan 26 lagi), pertama responden R001 (baris 2) di kolom X1.1"
        ]
    }  # the page's language
    lines = THESIS_DATA.read_text(encoding="utf-8").splitlines()
    header, row = lines[0].split(","), lines[3].split(",")
    row[header.index("X2.4")] = "7"  # one answer beyond the questionnaire's 5 points: the draft's scale is 1–7
    response = upload(client, "\n".join(lines[:3] + [",".join(row)] + lines[4:]).encode() + b"\n")
    where = response.headers["location"]
    values = form_values(client.get(where).text, where) | {"scale_max": "5", "action": "check"}
    found = problems(client.post(where, data=values).text)
    assert list(found) == ["text.X2.4"] and found["text.X2.4"][0].startswith("responses.csv, kolom X2.4, responden")


def test_items_moved_and_left_out_reach_the_study_file(client, app):
    where, values = begin(client)
    values.update({"group.X1.5": "", "group.X2.5": "X1", "reverse.X3.1": "on", "name.X1": "Perencanaan", "action": "check"})
    client.post(where, data=values)
    config = yaml.safe_load(session_of(app, where).study_file.read_text())
    assert list(config["constructs"]["X1"]["items"]) == ["X1.1", "X1.2", "X1.3", "X1.4", "X2.5"]
    assert "X2.5" not in config["constructs"]["X2"]["items"]
    assert config["constructs"]["X3"]["reverse"] == ["X3.1"] and config["constructs"]["X1"]["name"] == "Perencanaan"
    page = client.get(where).text
    assert "X1.5" in page.split("Butir yang tidak dipakai")[1]  # offered again under the unused items


def test_a_run_writes_every_file_and_the_study_file_opens_again(client, app, tmp_path):
    where, values = begin(client)
    values.update({f"name.{code}": name for code, name in NAMES.items()})
    values.update({"title": "Accountability in Luwu Timur", "language": "en", "action": "run"})
    response = client.post(where, data=values, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"{where}/run"
    waiting = client.get(f"{where}/run")  # the server answers while the run works
    assert waiting.status_code in (200, 303)
    run = finished(client, app, where)
    assert run.error is None, run.error
    result = client.get(f"{where}/run")
    assert result.status_code == 200 and "/file/docx" in result.text  # redirected to the result page
    assert "teks berkas studi masih berupa teks TODO dari draf (study.author, constructs.X1.items.X1.1" in html.unescape(result.text)
    assert "hal perlu ditulis: PDF ditandai sebagai draf" in html.unescape(result.text)  # the run's notes in the page's language
    decisions = [(attrs["class"], attrs["data-hypothesis"], text) for attrs, text in elements(result.text, "li") if "data-hypothesis" in attrs]
    written = json.loads((session_of(app, where).report / "results.json").read_text())["hypotheses"]
    assert [(code, text) for _, code, text in decisions] == [(code, h["decision_text"]) for code, h in written.items()]
    assert [kind == "supported" for kind, _, _ in decisions] == [h["supported"] for h in written.values()]
    pdf, docx, results, study = (client.get(f"{where}/file/{kind}") for kind in ("pdf", "docx", "json", "study"))
    assert pdf.content.startswith(b"%PDF") and 'filename="chapter5.pdf"' in pdf.headers["content-disposition"]
    (tmp_path / "chapter.docx").write_bytes(docx.content)
    document = Document(str(tmp_path / "chapter.docx"))
    assert len(document.tables) > 20
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Performance Planning" in text and "TODO" not in text.split("Performance Planning")[0][-200:]
    assert json.loads(results.content)["regression"]["r2"] > 0.3
    preview = client.get(f"{where}/preview")  # framed by the result page only, no script, nothing but itself
    assert "Accountability in Luwu Timur" in preview.text and preview.headers["x-frame-options"] == "SAMEORIGIN"
    assert preview.headers["content-security-policy"] == PREVIEW_POLICY and "<script" not in preview.text
    # the study file runs with the CLI beside a copy of the data ...
    (tmp_path / "again").mkdir()
    shutil.copy(THESIS_DATA, tmp_path / "again" / "responses.csv")
    (tmp_path / "again" / "study.yaml").write_bytes(study.content)
    assert invoke(["validate", str(tmp_path / "again" / "study.yaml")]).exit_code == 0
    # ... and the app opens it again with the names given
    reopened = upload(client, THESIS_DATA.read_bytes(), study=study.content)
    assert reopened.status_code == 303
    values = form_values(client.get(reopened.headers["location"]).text, reopened.headers["location"])
    assert values["name.X1"] == "Performance Planning" and values["language"] == "en" and values["title"] == "Accountability in Luwu Timur"


def test_a_run_that_fails_shows_the_cli_line(client, app, tmp_path):
    rows = ["id,A1,A2,A3,B1,B2,B3,C1,C2,C3"]
    for k in range(40):
        a = [1 + (k + j) % 5 for j in range(3)]
        c = [1 + (k * 3 + j) % 5 for j in range(3)]
        rows.append(",".join(map(str, [k + 1, *a, *a, *c])))  # B answers as A: the predictors are collinear
    data = tmp_path / "same.csv"
    data.write_text("\n".join(rows) + "\n")
    response = upload(client, data.read_bytes(), name="same.csv")
    where = response.headers["location"]
    values = named(form_values(client.get(where).text, where)) | {"action": "run"}
    assert client.post(where, data=values, follow_redirects=False).status_code == 303
    run = finished(client, app, where)
    page = client.get(f"{where}/run").text
    shown = text_of(page, "span", "run-error")
    study = session_of(app, where).study_file
    cli = invoke(["run", str(study), "--out", str(tmp_path / "cli-out"), "--formats", "json"])
    assert cli.exit_code == 2 and run.error == cli.output.strip().removeprefix("error: ")
    assert "perfectly collinear: B is an exact linear combination of the constant, A" in run.error
    assert (
        shown
        == run.error_id
        == (
            "prediktor A, B berkolinear sempurna: B adalah kombinasi linear eksak dari konstanta, A "
            "(lm di R melaporkan koefisiennya sebagai NA); keluarkan salah satunya"
        )
    )  # the page's language


def test_uploads_refused_with_one_line(tmp_path):
    small = create_app(max_upload_mb=0.01, sessions=Sessions(root=tmp_path))
    with serving(small) as client:
        too_big = upload(client, b"X1.1\n" + b"1\n" * 20000)
        assert too_big.status_code == 413 and "terlalu besar" in too_big.text
        wrong = upload(client, b"a,b\n1,2\n", name="answers.txt")
        assert wrong.status_code == 400 and "answers.txt: jenis berkas ini tidak didukung" in wrong.text
        empty = upload(client, b"", name="kosong.csv")
        assert empty.status_code == 400 and "kosong.csv: berkas data kosong" in empty.text
        assert client.post("/upload", files={}).status_code == 400
    assert list(tmp_path.iterdir()) == []  # a refused upload leaves no folder


def test_sessions_end_and_their_folders_go(tmp_path):
    sessions = Sessions(root=tmp_path)
    app = create_app(sessions=sessions)
    with serving(app) as client:
        first, _ = begin(client)
        second, _ = begin(client)
        folders = [session_of(app, w).folder for w in (first, second)]
        assert all(f.is_dir() and f.parent == tmp_path for f in folders)
        assert "berkasnya sudah dihapus" in client.post(f"{first}/end").text
        assert not folders[0].exists() and client.get(first).status_code == 404
    assert not folders[1].exists()  # the server stopped: every session folder is removed


def test_an_idle_session_ends(tmp_path):
    sessions = Sessions(idle_seconds=0.05, root=tmp_path)
    with serving(create_app(sessions=sessions)) as client:
        where, _ = begin(client)
        time.sleep(0.1)
        assert client.get(where).status_code == 404
    assert list(tmp_path.iterdir()) == []


def test_a_study_file_with_keys_the_form_lacks_says_which(client):
    response = upload(client, THESIS_DATA.read_bytes(), study=(EXAMPLES / "luwu-timur" / "study.yaml").read_bytes())
    page = client.get(response.headers["location"]).text
    notice = text_of(page, "p", "notice")
    assert (
        "tidak diunggah, sehingga tidak disimpan: literature, hypotheses.H1.supports, hypotheses.H1.theory.cite, hypotheses.H4.supports."
    ) in notice  # the reference file was not uploaded
    assert (
        "tetap disimpan seperti tertulis di berkas studi: study.chapters, study.object, study.object_description, study.note, "
        "data.missing, model.score, settings, hypotheses.H1.theory."
    ) in notice
    assert 'value="Pengaruh Perencanaan' in page
    moderation = EXAMPLES / "moderation"
    response = upload(client, (moderation / "responses.csv").read_bytes(), study=(moderation / "study.yaml").read_bytes())
    page = client.get(response.headers["location"]).text
    notice = text_of(page, "p", "notice")
    assert notice.endswith(
        "tetap disimpan seperti tertulis di berkas studi: study.chapters, data.missing, model.score, compare, settings, hypotheses.H3."
    )  # the moderation hypothesis, which no row can hold, is kept whole


def test_a_study_file_that_cannot_be_read_is_named_as_uploaded(client):
    response = upload(client, THESIS_DATA.read_bytes(), study="study:\n  title: é\n".encode("latin-1"))
    assert response.status_code == 400
    assert "study.yaml: berkas studi tidak dapat dibaca (byte 16 bukan UTF-8; simpan sebagai UTF-8)" in response.text
    assert "reportgen-web-" not in response.text  # no folder of the server's


def test_typed_control_characters_never_break_the_study_file(client, app):
    where, values = begin(client)
    values.update({"title": "Judul\x7fsatu", "text.X1.1": "Baris satu\x0bbaris dua", "label_id.5": "a\u2028b", "action": "check"})
    page = client.post(where, data=named(values)).text
    assert problems(page) == {} and "Berkas studi valid." in page
    config = yaml.safe_load(session_of(app, where).study_file.read_text(encoding="utf-8"))
    assert config["study"]["title"] == "Judul satu" and config["constructs"]["X1"]["items"]["X1.1"] == "Baris satu baris dua"


def test_a_check_refuses_the_drafts_todo_names_at_their_fields(client):
    """A study that validates but keeps "TODO: nama X1": one problem at each name's field, in
    the page's language; no "valid"."""
    where, values = begin(client)
    page = client.post(where, data=values | {"name.X2": "Pengukuran Kinerja", "action": "check"}).text
    found = problems(page)
    assert set(found) == {"title", "name.X1", "name.X3", "name.X4", "name.X5", "name.Y"}
    assert found["name.X1"] == ["Masih berisi teks TODO dari draf (constructs.X1.name): tulis teks penelitian Anda sendiri."]
    assert "Berkas studi valid." not in page
    assert problems(client.post(where, data=named(values) | {"action": "check"}).text) == {}


def test_every_word_of_the_pages_is_in_both_languages_with_the_same_blanks():
    words = yaml.safe_load((ROOT / "reportgen" / "web" / "words.yaml").read_text(encoding="utf-8"))
    for key, texts in words.items():
        assert set(texts) == {"id", "en"}, key
        assert set(re.findall(r"\{(\w+)\}", texts["id"])) == set(re.findall(r"\{(\w+)\}", texts["en"])), key


def test_a_pls_study_with_a_mediated_hypothesis_from_the_form(client, app):
    where, values = begin(client)
    page = client.post(where, data=values | {"design": "pls", "action": "update"}).text
    assert 'name="dependent"' in page and "<select" in page and 'id="dependent"' not in page  # no regression fields
    values = named(form_values(page, where)) | {"from.6": "X1", "via.6": "X5", "to.6": "Y", "expect.6": "any", "action": "check"}
    page = client.post(where, data=values).text
    assert problems(page) == {} and "Berkas studi valid." in page
    config = yaml.safe_load(session_of(app, where).study_file.read_text())
    assert config["model"]["type"] == "pls" and config["model"]["paths"] == ["X1 -> Y", "X2 -> Y", "X3 -> Y", "X4 -> Y", "X5 -> Y", "X1 -> X5"]
    assert config["hypotheses"]["H6"] == {"path": "X1 -> X5 -> Y", "expect": "any"}


def test_serve_on_a_port_in_use_is_one_line():
    import socket

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = invoke(["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        f"error: reportgen serve: 127.0.0.1:{port}: cannot listen (Address already in use); give --port another number"
    )


def test_a_google_forms_export_becomes_a_form_with_its_statements_and_words(client, app, tmp_path):
    """Questions headed "… [X1.1]", answers in words with "Netral" at the midpoint: the form
    shows the statements and the word, the study file maps each code to its question, and the
    run's DOCX prints the statements."""
    from google_forms import QUESTIONS, form_export

    response = upload(client, form_export(tmp_path, "brackets").read_bytes(), "form.csv")
    assert response.status_code == 303, response.text
    where = response.headers["location"]
    values = form_values(client.get(where).text, where)
    assert values["text.X1.1"] == QUESTIONS["X1"][0] and values["label_id.3"] == "Netral" and values["short_id.3"] == "N"
    values.update({f"name.{code}": name for code, name in (("X1", "Pemahaman"), ("X2", "Kinerja"), ("Y", "Kepuasan"))})
    values.update({"title": "Kinerja Pegawai", "author": "Andi", "action": "run"})
    client.post(where, data=values)
    config = yaml.safe_load(session_of(app, where).study_file.read_text())
    assert config["data"]["columns"]["X2.3"] == f"{QUESTIONS['X2'][2]} [X2.3]"
    assert finished(client, app, where).error is None
    docx = next(session_of(app, where).folder.rglob("*.docx"))
    cells = {cell.text for table in Document(str(docx)).tables for row in table.rows for cell in row.cells}
    assert QUESTIONS["Y"][3] in cells or any(QUESTIONS["Y"][3] in cell for cell in cells)


def test_try_the_example_opens_the_thesis_study_ready_to_run(client, app):
    page = client.get("/").text
    assert 'action="/example"' in page and "Coba contoh" in page
    response = client.post("/example", follow_redirects=False)
    assert response.status_code == 303
    where = response.headers["location"]
    values = form_values(client.get(where).text, where)
    assert values["name.X1"] == "Perencanaan Kinerja" and values["text.X1.1"] != "" and not values["title"].startswith("TODO")
    page = client.post(where, data=values | {"action": "check"}).text
    assert problems(page) == {} and "Berkas studi valid." in page
    assert "konstruk: 6, butir: 31" in page and "data: responses.csv, 80 responden, 80 dapat dipakai" in page  # the summary in Indonesian
    assert session_of(app, where).data.read_bytes() == THESIS_DATA.read_bytes()


def test_every_message_of_the_catalogue_is_in_both_languages_with_the_same_blanks():
    from reportgen.words.messages import catalogue

    for code, texts in catalogue().items():
        assert set(texts) == {"id", "en"}, code
        assert set(re.findall(r"\{(\w+)\}", texts["id"])) <= set(re.findall(r"\{(\w+)\}", texts["en"])) | {"limit"}, code


def test_an_upload_refused_is_said_in_the_pages_language(client):
    """A workbook whose data sheet is empty: the line in Indonesian on the Indonesian page."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "kosong"
    book.create_sheet("data").append(["X1.1", "Y.1"])
    content = io.BytesIO()
    book.save(content)
    response = upload(client, content.getvalue(), "data.xlsx")
    assert response.status_code == 400
    assert "data.xlsx, sheet 'kosong': sheet ini kosong (sheet lain: data; pilih salah satu dengan data.sheet)" in html.unescape(response.text)


def test_the_sheet_of_answers_is_chosen_at_upload(client, app, tmp_path):
    """A workbook whose answers are on its second sheet: named at upload, the draft reads it and
    the study file says which."""
    import openpyxl
    from google_forms import answers, headers

    book = openpyxl.Workbook()
    book.active.title = "petunjuk"
    book.active.append(["Isi kuesioner di sheet jawaban"])
    sheet = book.create_sheet("jawaban")
    sheet.append(headers("brackets"))
    for row in answers():
        sheet.append([int(v) for v in row])
    content = io.BytesIO()
    book.save(content)
    files = {"data": ("data.xlsx", content.getvalue(), "application/octet-stream")}
    response = client.post("/upload", files=files, data={"sheet": "jawaban"}, follow_redirects=False)
    assert response.status_code == 303, response.text
    where = response.headers["location"]
    values = form_values(client.get(where).text, where)
    client.post(where, data=named(values) | {"action": "check"})
    config = yaml.safe_load(session_of(app, where).study_file.read_text())
    assert config["data"]["sheet"] == "jawaban" and config["data"]["columns"]["X1.1"].endswith("[X1.1]")


def test_profile_code_labels_and_order_from_the_form(client, app):
    """A profile column's answers relabelled ("Laki-laki = Pria") and put in an order: the study
    file's values and order (a part without "=" or a code is left out, a repeated category kept once)."""
    where, values = begin(client)
    page = client.get(where).text
    assert 'name="porder.jk"' in page and 'placeholder="Laki-laki; Perempuan"' in page  # the natural order, as a hint
    values = named(values) | {"pvalues.jk": "Laki-laki = Pria;  = kosong; tanpa tanda", "porder.jk": "Perempuan; Pria; Perempuan", "action": "check"}
    assert problems(client.post(where, data=values).text) == {}
    config = yaml.safe_load(session_of(app, where).study_file.read_text())
    jk = next(r for r in config["respondents"] if r["column"] == "jk")
    assert jk["values"] == {"Laki-laki": "Pria"} and jk["order"] == ["Perempuan", "Pria"]
    page = client.get(where).text
    assert 'value="Laki-laki = Pria"' in page and 'value="Perempuan; Pria"' in page  # shown again as written


def test_a_hypothesis_discussion_written_in_the_form_reaches_the_chapter(client, app, tmp_path):
    """The author's discussion of H1, typed in the form: the study file's hypotheses.H1.discussion,
    kept when the study is opened again, and printed in the chapter."""
    where, values = begin(client)
    text = "Temuan ini sejalan dengan pengalaman Inspektorat dalam pendampingan penyusunan dokumen perencanaan."
    client.post(where, data=named(values) | {"discussion.1": text + "\nBaris kedua.", "action": "check"})
    study = session_of(app, where).study_file
    config = yaml.safe_load(study.read_text())
    assert config["hypotheses"]["H1"]["discussion"] == text + " Baris kedua."
    page = client.get(where).text
    assert next(text for attrs, text in elements(page, "textarea") if attrs.get("id") == "discussion.1") == text + " Baris kedua."
    reopened = upload(client, THESIS_DATA.read_bytes(), study=study.read_bytes())
    again = client.get(reopened.headers["location"]).text
    assert "Temuan ini sejalan" in html.unescape(again) and "hypotheses.H1.discussion" not in again  # kept, not listed as left out
    result = invoke(["run", str(study), "--out", str(tmp_path / "out"), "--formats", "json,docx"])
    assert result.exit_code == 0, result.output
    docx = next((tmp_path / "out").glob("*.docx"))
    assert any(text in paragraph.text for paragraph in Document(str(docx)).paragraphs)


def test_behind_a_path_prefix_every_link_and_redirect_keeps_it(tmp_path):
    """Served under /rg (a reverse proxy's root path): the pages' links, forms and redirects
    and the stylesheet carry the prefix."""
    app = create_app(sessions=Sessions(root=tmp_path))
    with TestClient(app, base_url=HERE, root_path="/rg") as client:
        home = client.get("/rg/").text
        assert 'action="/rg/upload"' in home and 'action="/rg/example"' in home and 'href="/rg/static/app.css"' in home
        response = client.post("/rg/upload", files={"data": ("responses.csv", THESIS_DATA.read_bytes(), "text/csv")}, follow_redirects=False)
        where = response.headers["location"]
        assert response.status_code == 303 and where.startswith("/rg/s/")
        page = client.get(where).text
        assert f'action="{where}"' in page and f'action="{where}/end"' in page
        assert client.get("/rg/static/app.css").status_code == 200


def test_two_posts_of_one_session_at_once_are_handled_one_after_the_other(client, app):
    """Two checks of the same session sent together: each writes and checks the study file whole,
    under the session's lock, and both pages say the study is valid."""
    import concurrent.futures

    where, values = begin(client)
    values = named(values) | {"action": "check"}
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        pages = list(pool.map(lambda title: client.post(where, data=values | {"title": title}).text, ["Judul satu", "Judul dua"]))
    assert all("Berkas studi valid." in page for page in pages)
    assert session_of(app, where).study_file.read_text(encoding="utf-8").count('title: "Judul') == 1
    assert [p.name for p in session_of(app, where).folder.iterdir() if p.name.endswith(".part")] == []


def test_a_repeated_measures_study_from_the_form(client, app):
    """The training example's answers: the design 'repeated' lists the constructs as measures in
    their order, each hypothesis row compares an earlier measurement with a later one (the rows the
    regression draft made are edited), and the run
    writes the chapter with the repeated-measures keys and the decisions on the result page."""
    response = upload(client, (EXAMPLES / "repeated" / "responses.csv").read_bytes())
    where = response.headers["location"]
    values = form_values(client.get(where).text, where)
    page = client.post(where, data=values | {"design": "repeated", "action": "update"}).text
    assert "Setiap konstruk adalah satu kali pengukuran" in html.unescape(page)
    rows = {"from.1": "PRE", "to.1": "POST", "expect.1": "positive", "from.2": "PRE", "to.2": "FU", "expect.2": "positive"}
    values = named(form_values(page, where)) | rows | {"action": "check"}
    page = client.post(where, data=values).text
    assert problems(page) == {} and "Berkas studi valid." in page
    config = yaml.safe_load(session_of(app, where).study_file.read_text())
    assert config["model"] == {"type": "repeated", "measures": ["PRE", "POST", "FU"]}
    assert [h["path"] for h in config["hypotheses"].values()] == ["PRE -> POST", "PRE -> FU"]
    assert client.post(where, data=values | {"action": "run"}, follow_redirects=False).status_code == 303
    run = finished(client, app, where)
    assert run.error is None, run.error
    written = json.loads((session_of(app, where).report / "results.json").read_text())
    assert written["repeated"]["chosen"]["test"] == "rm_anova" and written["n_used"] == 61
    result = html.unescape(client.get(f"{where}/run").text)
    assert "H1 diterima: t = 5,905, Sig. < 0,001 (Holm), naik sesuai hipotesis." in result


def test_a_construct_s_answers_are_chosen_in_the_form(client, app):
    """The mixed-scales example's data: the form shows X2 on its own 1–7 scale and X3 and Y as
    measured numbers, as init drafted them; choosing 'continuous' for X1 and clearing X2's own
    scale are written to the study file (X2 then fails on the study's 1–5 scale, in one line)."""
    response = upload(client, (EXAMPLES / "academic" / "responses.csv").read_bytes())
    where = response.headers["location"]
    page = client.get(where).text
    values = form_values(page, where)
    assert (values["kind.X3"], values["kind.Y"], values["kind.X1"]) == ("continuous", "continuous", "scale")
    assert (values["cmin.X2"], values["cmax.X2"]) == ("1", "7") and values["cmin.X1"] == ""
    page = client.post(where, data=named(values) | {"action": "check"}).text
    assert problems(page) == {} and "Berkas studi valid." in page
    config = yaml.safe_load(session_of(app, where).study_file.read_text())
    assert config["constructs"]["X2"]["scale"] == {"min": 1, "max": 7} and config["constructs"]["Y"]["type"] == "continuous"
    changed = named(form_values(page, where)) | {"kind.X1": "continuous", "cmin.X2": "", "cmax.X2": "", "action": "check"}
    page = client.post(where, data=changed).text
    config = yaml.safe_load(session_of(app, where).study_file.read_text())
    assert config["constructs"]["X1"]["type"] == "continuous" and "scale" not in config["constructs"]["X2"]
    assert "6 is outside the scale 1–5" in html.unescape(page) or "6 di luar skala 1–5" in html.unescape(page)
