"""The web app's limits on sessions and runs: an upload beyond the live sessions is refused with
one line (503) until a session ends; a run beyond the runs at once waits its turn, its progress
page saying how many runs are ahead, starts when a place frees, and leaves the queue when its
session ends."""

from __future__ import annotations

import os
import signal
import sys

import pytest
from helpers import EXAMPLES
from page_form import form_values, named
from starlette.testclient import TestClient

from reportgen.web.app import create_app
from reportgen.web.sessions import Sessions

THESIS_DATA = EXAMPLES / "luwu-timur" / "responses.csv"
HERE = "http://127.0.0.1"


def upload(client):
    return client.post("/upload", files={"data": ("responses.csv", THESIS_DATA.read_bytes(), "text/csv")}, follow_redirects=False)


def session_of(client, where: str):
    return client.app.state.sessions.get(where.rsplit("/", 1)[-1])


def test_sessions_beyond_the_limit_are_refused_until_one_ends(tmp_path):
    with TestClient(create_app(sessions=Sessions(root=tmp_path, limit=2)), base_url=HERE) as client:
        first, second = upload(client), upload(client)
        assert first.status_code == second.status_code == 303
        busy = upload(client)
        assert busy.status_code == 503 and busy.headers["retry-after"] == "60" and busy.headers["connection"] == "close"
        assert '<p class="error" role="alert">Server sedang sibuk; coba lagi nanti.</p>' in busy.text
        client.get("/?lang=en")
        assert '<p class="error" role="alert">The server is busy; try again later.</p>' in upload(client).text
        assert len(list(tmp_path.iterdir())) == 2  # a refused upload makes no folder
        client.post(f"{first.headers['location']}/end")
        assert upload(client).status_code == 303 and len(list(tmp_path.iterdir())) == 2


def start_run(client) -> tuple[str, object]:
    """Upload the thesis data and run it as detected; the session's address and its run."""
    where = upload(client).headers["location"]
    values = named(form_values(client.get(where).text, where)) | {"language": "en", "action": "run"}
    assert client.post(where, data=values, follow_redirects=False).headers["location"] == f"{where}/run"
    return where, session_of(client, where).run


@pytest.mark.heavy
@pytest.mark.skipif(sys.platform == "win32", reason="SIGSTOP holds the first run")
def test_runs_beyond_the_limit_wait_their_turn(tmp_path):
    with TestClient(create_app(sessions=Sessions(root=tmp_path), max_runs=1), base_url=HERE) as client:
        _first, working = start_run(client)
        os.kill(working.pid, signal.SIGSTOP)  # the first run holds the only place until it goes on
        try:
            second, queued = start_run(client)
            third, last = start_run(client)
            assert not working.waiting and queued.waiting and last.waiting and queued.pid is None and last.pid is None
            page = client.get(f"{third}/run").text
            assert (
                "Menunggu giliran: server menjalankan 1 analisis sekaligus. Analisis yang menunggu di depan analisis ini: 1."
            ) in page and 'http-equiv="refresh"' in page
            assert "Runs waiting ahead of this one: 0." in client.get(f"{second}/run?lang=en").text
            folder = session_of(client, second).folder
            client.post(f"{second}/end")  # ending a waiting run's session takes it out of the queue
            assert not queued.running and not folder.exists()
            assert "Runs waiting ahead of this one: 0." in client.get(f"{third}/run").text
            assert last.waiting
        finally:
            os.kill(working.pid, signal.SIGCONT)
        assert working.wait(300) and working.ok, working.error
        assert last.wait(300) and last.ok, last.error  # started when the first run's place freed
        assert last.pid is not None and queued.pid is None  # the ended session's run never started
        assert client.get(f"{third}/file/docx").status_code == 200


@pytest.mark.heavy
def test_ending_a_session_stops_its_working_run_and_frees_its_place(tmp_path):
    with TestClient(create_app(sessions=Sessions(root=tmp_path), max_runs=1), base_url=HERE) as client:
        first, working = start_run(client)
        _second, queued = start_run(client)
        assert queued.waiting
        client.post(f"{first}/end")
        assert not working.running and working.wait(0)
        assert queued.wait(300) and queued.ok, queued.error  # it took the freed place
