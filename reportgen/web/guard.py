"""The app's guards: the Host names it answers, the origin of a POST, the size of a request's
body, and the security headers of every response.

A page of another site can make a browser post a form to this app (cross-site request forgery),
and a name of another site that resolves to this computer (DNS rebinding) can let that site's
scripts read the app's pages. So:

* the Host header must be a name of the address the server listens on (Starlette's
  TrustedHostMiddleware, with :func:`allowed_hosts`): the loopback names for a loopback address;
  that address and the loopback names for another one; any name for every address (0.0.0.0, ::);
  and the names given with ``--allow-host``;
* a POST must carry an Origin (or, lacking it, a Referer) naming the host and port of its Host
  header, or neither (a client that is not a browser); ``Sec-Fetch-Site: cross-site`` is always
  refused (:class:`SameOrigin`);
* a request's body is counted as it arrives and reading stops past its limit (:class:`BodyLimit`),
  whether or not a Content-Length announced it: a body sent in chunks is not read to its end
  before it is refused. (Starlette's RequestBodyLimitMiddleware does the same but answers a
  body announced too large with its own English text, never the app's page.)
* every response forbids framing by other pages, type sniffing and Referers to other sites, and has
  a Content-Security-Policy (:class:`SecurityHeaders`): the app's pages load their own files only;
  the chapter's preview (:data:`PREVIEW_HEADERS`) runs no script and loads nothing but its inline
  styles and ``data:`` images.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Awaitable, Callable, Iterable
from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
DEFAULT_PORTS = {"http": 80, "https": 443}
_NAME = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?")

APP_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
PREVIEW_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
APP_HEADERS = {
    "Content-Security-Policy": APP_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
PREVIEW_HEADERS = {"Content-Security-Policy": PREVIEW_POLICY, "X-Frame-Options": "SAMEORIGIN"}  # framed by the result page
REFUSALS = (403, 413, 503)  # answered before the request's body is read: the connection ends instead


def host_name(text: str) -> str:
    """A host name or address as a Host header carries it (lowercase; an IPv6 address in
    brackets); ValueError for anything else (a port, a path, a wildcard)."""
    name = text.strip().lower()
    try:
        address = ipaddress.ip_address(name[1:-1] if name.startswith("[") and name.endswith("]") else name)
    except ValueError:
        if not _NAME.fullmatch(name) or len(name) > 253:
            raise ValueError(f"'{text}' is not a host name or address") from None
        return name
    return f"[{address}]" if address.version == 6 else str(address)


def allowed_hosts(bound: str, extra: Iterable[str] = ()) -> list[str]:
    """The Host names answered by a server listening on ``bound``; ``["*"]`` (any) when it listens
    on every address."""
    name = host_name(bound) if bound.strip() else ""
    address = _address(name)
    if not name or (address is not None and address.is_unspecified):
        return ["*"]
    names = [*LOOPBACK_NAMES, name, *map(host_name, extra)]
    return list(dict.fromkeys(names))


def _address(name: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return None


def from_this_site(headers: Headers, scheme: str) -> bool:
    """Whether a request was sent by the app's own pages, or by a client that is not a browser."""
    if headers.get("sec-fetch-site") == "cross-site":
        return False
    sender = headers.get("origin") or headers.get("referer")
    if sender is None:
        return True
    here = _place(f"{scheme}://{headers.get('host', '')}")
    return here is not None and _place(sender) == here


def _place(url: str) -> tuple[str, int] | None:
    """The host and port a URL names (its scheme's port when it names none); None when it names
    no host (``Origin: null``)."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname:
        return None
    return parts.hostname, port or DEFAULT_PORTS.get(parts.scheme, 0)


class BodyTooLarge(Exception):
    """A request's body is over ``limit`` bytes: ``size`` when a Content-Length announced it, None
    when counted as it arrived."""

    def __init__(self, limit: int, size: int | None):
        super().__init__(limit, size)
        self.limit, self.size = limit, size


class BodyLimit:
    """Raise :class:`BodyTooLarge` from ``receive`` once a body is over its limit: ``paths``'
    bytes for those paths, ``default`` for any other. A Content-Length over the limit is refused
    before anything is read; else the body is counted as it arrives, so no more than the limit and
    one chunk is ever read. The app's exception handler answers it."""

    def __init__(self, app: ASGIApp, default: int, paths: dict[str, int] | None = None):
        self.app = app
        self.default = default
        self.paths = paths or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        route = scope["path"].removeprefix(scope.get("root_path", ""))  # behind a path prefix, the route's own path
        limit = self.paths.get(route or "/", self.default)
        declared = Headers(scope=scope).get("content-length", "")
        size = int(declared) if declared.isdigit() else None
        read = 0

        async def limited() -> Message:
            nonlocal read
            if size is not None and size > limit:
                raise BodyTooLarge(limit, size)
            message = await receive()
            if message["type"] == "http.request":
                read += len(message.get("body", b""))
                if read > limit:
                    raise BodyTooLarge(limit, None)
            return message

        await self.app(scope, limited, send)


class SameOrigin:
    """Refuse a POST sent by a page of another site with ``refuse(request)``'s page (a 403),
    before its body is read."""

    def __init__(self, app: ASGIApp, refuse: Callable[[Request], Awaitable[Response]]):
        self.app = app
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and not from_this_site(Headers(scope=scope), scope["scheme"]):
            response = await self.refuse(Request(scope, receive))
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """Give every response the headers of :data:`APP_HEADERS` it does not set itself (the preview
    sets its own policy); a refusal (:data:`REFUSALS`) also closes the connection, so that the
    server does not go on reading the rest of a body it refused."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in APP_HEADERS.items():
                    headers.setdefault(name, value)
                if message["status"] in REFUSALS:
                    headers["Connection"] = "close"
            await send(message)

        await self.app(scope, receive, send_with_headers)
