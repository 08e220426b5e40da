"""The web app's guards: a body stops being read at its limit (also when sent in chunks, with no
Content-Length), the upload limit of ``reportgen serve`` is a size, other host names and other
sites' forms are refused, and every response carries the security headers."""

from __future__ import annotations

import select
import socket
from urllib.parse import urlsplit

import pytest
from helpers import EXAMPLES, invoke
from served import served
from starlette.testclient import TestClient

from reportgen.web.app import UPLOAD_FIELDS_BYTES, create_app
from reportgen.web.guard import APP_POLICY, allowed_hosts
from reportgen.web.sessions import Sessions

THESIS_DATA = EXAMPLES / "luwu-timur" / "responses.csv"
HERE = "http://127.0.0.1"
SECURITY_HEADERS = {
    "content-security-policy": APP_POLICY,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
}


class Counted:
    """The app, counting the body bytes it reads and the largest piece it was given."""

    def __init__(self, app):
        self.app, self.read, self.largest = app, 0, 0

    async def __call__(self, scope, receive, send):
        async def counted():
            message = await receive()
            if message["type"] == "http.request":
                self.read += len(message.get("body", b""))
                self.largest = max(self.largest, len(message.get("body", b"")))
            return message

        await self.app(scope, counted, send)


def chunked_post(address: str, path: str, head: bytes, pieces) -> tuple[bytes, int]:
    """POST ``head`` then ``pieces`` in chunks (no Content-Length) until the server answers or
    closes; what it answered, and how many bytes of ``pieces`` were taken."""
    where = urlsplit(address)
    taken = 0
    with socket.create_connection((where.hostname, where.port), timeout=60) as sock:
        sock.sendall(
            f"POST {path} HTTP/1.1\r\nHost: {where.netloc}\r\nTransfer-Encoding: chunked\r\n"
            f"Content-Type: multipart/form-data; boundary=cut\r\n\r\n".encode()
        )
        for piece in [head, *pieces]:
            if select.select([sock], [], [], 0)[0]:  # the server answered: stop sending
                break
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
            except OSError:  # the server closed the connection
                break
            taken += len(piece)
        answer = b""
        try:
            while chunk := sock.recv(65536):
                answer += chunk
        except ConnectionResetError:  # the server closed with the body unread
            pass
    return answer, taken - len(head)


def test_a_chunked_upload_stops_being_read_at_the_limit(tmp_path):
    app = Counted(create_app(max_upload_mb=1, sessions=Sessions(root=tmp_path)))
    offered = 1536 * 2**20  # 1.5 GB, in pieces of 64 KiB, made only as they are taken
    pieces = (b"1\n" * 32768 for _ in range(offered // 65536))
    head = b'--cut\r\nContent-Disposition: form-data; name="data"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\nX1.1\n'
    with served(app) as address:
        answer, taken = chunked_post(address, "/upload", head, pieces)
    status, _, page = answer.partition(b"\r\n\r\n")
    assert status.startswith(b"HTTP/1.1 413") and b"connection: close" in status.lower()
    assert "Berkas terlalu besar; batasnya 1 MB." in page.decode()
    limit = 2**20 + UPLOAD_FIELDS_BYTES
    assert limit < app.read <= limit + app.largest  # read up to the limit and one piece past it
    assert taken < limit + 32 * 2**20, taken  # the rest of 1.5 GB was never asked for (socket buffers aside)
    assert list(tmp_path.iterdir()) == []
    print(f"\n1.5 GB offered in chunks: {app.read} bytes read by the app, {taken} taken from the generator")


def test_a_body_announced_too_large_is_not_read(tmp_path):
    app = Counted(create_app(max_upload_mb=1, sessions=Sessions(root=tmp_path)))
    with TestClient(app, base_url=HERE) as client:
        big = client.post("/upload?lang=en", files={"data": ("big.csv", b"X1.1\n" + b"1\n" * 2**20, "text/csv")})
    assert big.status_code == 413 and app.read == 0
    assert "The file is too large (2.0 MB); the limit is 1 MB." in big.text
    assert list(tmp_path.iterdir()) == []


def test_a_study_form_over_its_limit_is_refused(tmp_path):
    with TestClient(create_app(sessions=Sessions(root=tmp_path)), base_url=HERE) as client:
        where = client.post("/upload", files={"data": ("responses.csv", THESIS_DATA.read_bytes(), "text/csv")}, follow_redirects=False).headers[
            "location"
        ]
        big = client.post(where, data={"title": "x" * 2**20, "action": "check"})
        assert big.status_code == 413 and '<p class="error" role="alert">Isian formulir terlalu besar; batasnya 1 MB.</p>' in big.text
        assert client.post(where, data={"title": "x" * 1000, "action": "update"}).status_code == 200


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "1025", "lots"])
def test_the_upload_limit_is_a_size(value):
    result = invoke(["serve", "--max-upload-mb", value])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"error: reportgen serve: argument --max-upload-mb: '{value}' is not an upload limit; use a number of MB above 0 and at most 1024"
    ]


@pytest.mark.parametrize(
    "option, value", [("--allow-host", "pc.local:80"), ("--allow-host", "*.example"), ("--host", "a b"), ("--allow-host", "http://pc")]
)
def test_a_host_name_is_a_name(option, value):
    result = invoke(["serve", option, value])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: reportgen serve: argument {option}: '{value}' is not a host name; give a "
        f"name such as pc.local or an address such as 192.168.1.5, without a port"
    ]


def test_the_host_names_answered_follow_the_address_listened_on():
    loopback = ["127.0.0.1", "localhost", "[::1]"]
    assert allowed_hosts("127.0.0.1") == loopback and allowed_hosts("::1") == loopback
    assert allowed_hosts("localhost", ["PC.local", "fe80::1"]) == [*loopback, "pc.local", "[fe80::1]"]
    assert allowed_hosts("192.168.1.5") == [*loopback, "192.168.1.5"]
    assert allowed_hosts("0.0.0.0") == allowed_hosts("::") == ["*"]


@pytest.mark.parametrize(
    "bound, extra, answered, refused",
    [
        ("127.0.0.1", [], ["127.0.0.1:8765", "localhost:8765", "[::1]:8765", "localhost"], ["evil.example", "192.168.1.5:8765"]),
        ("192.168.1.5", ["pc.local"], ["192.168.1.5:8765", "pc.local:8765", "localhost:8765"], ["evil.example:8765"]),
        ("0.0.0.0", [], ["evil.example", "192.168.1.5:8765"], []),
    ],
)
def test_other_host_names_are_refused(tmp_path, bound, extra, answered, refused):
    with TestClient(create_app(sessions=Sessions(root=tmp_path), host=bound, allow_hosts=extra), base_url=HERE) as client:
        for host in answered:
            assert client.get("/", headers={"Host": host}).status_code == 200, host
        for host in refused:
            page = client.get("/", headers={"Host": host})
            assert page.status_code == 400 and page.headers["x-frame-options"] == "DENY", host


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "http://127.0.0.1:9999"},  # another port of this computer is another site
        {"Origin": "null"},
        {"Referer": "http://evil.example/page"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "http://127.0.0.1", "Sec-Fetch-Site": "cross-site"},
    ],
)
def test_a_post_from_another_site_is_refused(tmp_path, headers):
    with TestClient(create_app(sessions=Sessions(root=tmp_path)), base_url=HERE) as client:
        refused = client.post("/upload", files={"data": ("responses.csv", THESIS_DATA.read_bytes(), "text/csv")}, headers=headers)
        assert refused.status_code == 403 and refused.headers["connection"] == "close"
        assert (
            '<p class="error" role="alert">Permintaan ini dikirim dari situs lain dan ditolak; buka aplikasi di alamatnya sendiri lalu coba lagi.</p>'
        ) in refused.text
        english = client.post("/s/any/end?lang=en", headers=headers)
        assert english.status_code == 403 and "This request was sent from another site and is refused" in english.text
    assert list(tmp_path.iterdir()) == []  # no session folder


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "http://127.0.0.1"}, {"Referer": "http://127.0.0.1/?lang=en"}, {"Origin": "http://127.0.0.1", "Sec-Fetch-Site": "same-origin"}, {}],
)
def test_a_post_from_the_apps_own_pages_works(tmp_path, headers):
    with TestClient(create_app(sessions=Sessions(root=tmp_path)), base_url=HERE) as client:
        done = client.post(
            "/upload", files={"data": ("responses.csv", THESIS_DATA.read_bytes(), "text/csv")}, headers=headers, follow_redirects=False
        )
        assert done.status_code == 303 and len(list(tmp_path.iterdir())) == 1


def test_the_origin_is_checked_on_every_address_too(tmp_path):
    with TestClient(create_app(sessions=Sessions(root=tmp_path), host="0.0.0.0"), base_url="http://192.168.1.5:8765") as client:
        assert client.post("/s/any/end", headers={"Origin": "http://evil.example"}).status_code == 403
        assert client.post("/s/any/end", headers={"Origin": "http://192.168.1.5:8765"}).status_code == 200


def test_every_response_carries_the_security_headers(tmp_path):
    with TestClient(create_app(sessions=Sessions(root=tmp_path)), base_url=HERE) as client:
        for response in (
            client.get("/"),
            client.get("/s/none"),
            client.get("/static/app.css"),
            client.post("/upload", files={}),
            client.post("/upload", headers={"Origin": "http://evil.example"}),
        ):
            assert {name: response.headers.get(name) for name in SECURITY_HEADERS} == SECURITY_HEADERS, response.url
