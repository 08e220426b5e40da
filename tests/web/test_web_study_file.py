"""The study file the web app writes from its form: every field, however hostile, reaches the
file as a YAML scalar by the emitter (reportgen.config.draft.StudyDumper), reads back as typed
(the form turns control characters into spaces) and never adds a key; a random fuzz of the form
finds no server error and no injected key."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from page_form import elements, form_values
from starlette.testclient import TestClient

from reportgen.config.yaml_lines import load_with_lines
from reportgen.web.app import create_app
from reportgen.web.form import CONTROLS
from reportgen.web.sessions import Sessions

FORM_KEYS = {"study", "data", "scale", "respondents", "constructs", "model", "hypotheses"}
INJECTION = "x\nqualitative: {project: /some/absolute/file.qdpx}\nliterature: /etc/passwd"


def as_typed(text: str) -> str:
    """What the form keeps of a typed text: control characters as spaces, runs of blanks as one."""
    return " ".join(CONTROLS.sub(" ", text).split())


def hostile_data(header: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "X1.1", "X1.2", "Y.1", "Y.2", header])
    for i in range(12):
        writer.writerow([i + 1, 1 + i % 5, 1 + (i * 3) % 5, 1 + (i * 2) % 5, 1 + (i + 1) % 5, ("A", "B")[i % 2]])
    return out.getvalue().encode("utf-8")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with TestClient(create_app(sessions=Sessions(root=tmp_path_factory.mktemp("sessions"))), base_url="http://127.0.0.1") as client:
        yield client


def begin(client, header: str = INJECTION):
    response = client.post("/upload", files={"data": ("responses.csv", hostile_data(header), "text/csv")}, follow_redirects=False)
    assert response.status_code == 303, response.text
    where = response.headers["location"]
    return where, form_values(client.get(where).text, where)


def written(client, where: str) -> dict:
    session = client.app.state.sessions.get(where.rsplit("/", 1)[-1])
    config, _ = load_with_lines(session.study_file.read_text(encoding="utf-8"), "study.yaml")
    assert set(config) <= FORM_KEYS, set(config) - FORM_KEYS
    return config


def test_a_hostile_header_and_hostile_fields_stay_values(client):
    where, values = begin(client)
    assert any(key.startswith("profile.") for key in values)
    hostile = {
        "title": INJECTION,
        "author": "a: b # c",
        "name.X1": "---\n...",
        "text.X1.1": "{x: 1}\n- c",
        "label_id.5": "&a *a",
        "from.1": "X1\ntemplates: /",
        "to.1": "Y",
    }
    page = client.post(where, data=values | hostile | {"action": "check"})
    assert page.status_code == 200
    config = written(client, where)
    assert config["study"]["title"] == as_typed(INJECTION) and config["study"]["author"] == "a: b # c"
    assert config["constructs"]["X1"]["name"] == "--- ..." and config["constructs"]["X1"]["items"]["X1.1"] == "{x: 1} - c"
    assert config["scale"]["labels"]["5"]["id"] == "&a *a"
    assert config["hypotheses"]["H1"]["path"] == "X1 templates: / -> Y"
    assert [r["column"] for r in config["respondents"]] == [INJECTION]  # the header, line breaks and all, as a value


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@given(
    st.fixed_dictionaries(
        dict.fromkeys(
            (
                "title",
                "author",
                "year",
                "language",
                "design",
                "scale_min",
                "scale_max",
                "name.X1",
                "text.X1.1",
                "label_id.5",
                "from.1",
                "via.1",
                "to.1",
                "expect.1",
            ),
            TEXT,
        )
    )
)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_random_form_values_never_break_the_server_or_the_file(client, fields):
    where, values = begin(client, "note")
    page = client.post(where, data=values | fields | {"action": "check"})
    assert page.status_code == 200, page.text[-2000:]
    config = written(client, where)
    assert config["study"]["title"] == as_typed(fields["title"]) and config["study"]["author"] == as_typed(fields["author"])
    client.post(f"{where}/end")


@pytest.mark.parametrize("low,high", [("1", "1000000000"), ("1", "999999"), ("-500000", "5")])
def test_a_scale_beyond_its_bound_is_refused_at_its_field(client, low, high):
    where, values = begin(client, "note")
    page = client.post(where, data=values | {"scale_min": low, "scale_max": high, "action": "check"})
    assert page.status_code == 200
    found = elements(page.text, "p", "problem")
    assert [attrs["data-field"] for attrs, _ in found] == ["scale"] and "skala penilaian paling banyak 11 titik" in found[0][1]
    client.post(f"{where}/end")
