"""What keeps the app safe to run: bind rules, an operator token, CSRF tokens, headers, body limits.

The CSRF protection is hand-written with ``hmac`` (no extra dependency): each browser gets a random
nonce in an HttpOnly, SameSite=Strict cookie, and every form carries ``<time>.<HMAC(secret, nonce.time)>``;
a POST is accepted only when the token is fresh and signed for the nonce of the browser that sends it.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_COOKIE = "cg_csrf"
TOKEN_COOKIE = "cg_token"
CSRF_MAX_AGE = 12 * 3600
MAX_BODY = 2 * 1024 * 1024 + 64 * 1024  # the largest upload plus the other form fields
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
LOOPBACK_NAMES = frozenset({"localhost", "ip6-localhost", "ip6-loopback"})


class BindError(ValueError):
    """Refusing to listen where others could reach the ledger without a token."""


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """A non-loopback address only with an operator token that every request must then carry."""
    if not is_loopback(host) and not token:
        raise BindError(
            f"--host {host}: not a loopback address; set a token (--token or CLAIMGRAPH_TOKEN) "
            "that every request must carry"
        )


class Csrf:
    """Signed, expiring form tokens bound to the browser's nonce cookie."""

    def __init__(self, secret: bytes | None = None, max_age: int = CSRF_MAX_AGE) -> None:
        self.secret = secret or secrets.token_bytes(32)
        self.max_age = max_age

    def _mac(self, nonce: str, stamp: int) -> str:
        return hmac.new(self.secret, f"{nonce}.{stamp}".encode(), hashlib.sha256).hexdigest()

    def token(self, nonce: str, now: float | None = None) -> str:
        stamp = int(time.time() if now is None else now)
        return f"{stamp}.{self._mac(nonce, stamp)}"

    def verify(self, token: str | None, nonce: str | None, now: float | None = None) -> bool:
        if not token or not nonce or "." not in token:
            return False
        stamp_text, mac = token.split(".", 1)
        if not stamp_text.isdigit():
            return False
        stamp = int(stamp_text)
        age = (time.time() if now is None else now) - stamp
        return 0 <= age <= self.max_age and hmac.compare_digest(mac, self._mac(nonce, stamp))


def _cookie(name: str, value: str) -> str:
    return f"{name}={value}; Path=/; HttpOnly; SameSite=Strict"


def _given_token(conn: HTTPConnection) -> str | None:
    auth = conn.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return (
        conn.headers.get("x-claimgraph-token")
        or conn.query_params.get("token")
        or conn.cookies.get(TOKEN_COOKIE)
    )


async def _plain(send: Send, status: int, text: str, extra: dict[str, str] | None = None) -> None:
    headers = {**HEADERS, "content-type": "text/plain; charset=utf-8", **(extra or {})}
    raw = [(k.encode(), v.encode()) for k, v in headers.items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": text.encode()})


class Guard:
    """ASGI middleware: the operator token, the CSRF nonce cookie, body limits, security headers."""

    def __init__(self, app: ASGIApp, token: str | None = None, max_body: int = MAX_BODY) -> None:
        self.app, self.token, self.max_body = app, token, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        conn = HTTPConnection(scope)
        cookies: list[str] = []
        if self.token:
            given = _given_token(conn)
            if not given or not hmac.compare_digest(given.encode(), self.token.encode()):
                await _plain(send, 401, "a token is required (Authorization: Bearer ...)\n",
                             {"www-authenticate": 'Bearer realm="claimgraph"'})  # fmt: skip
                return
            if conn.cookies.get(TOKEN_COOKIE) != self.token:  # a browser keeps it after ?token=...
                cookies.append(_cookie(TOKEN_COOKIE, self.token))
        nonce = conn.cookies.get(CSRF_COOKIE) or ""
        if not (16 <= len(nonce) <= 64 and nonce.replace("-", "").replace("_", "").isalnum()):
            nonce = secrets.token_urlsafe(18)
            cookies.append(_cookie(CSRF_COOKIE, nonce))
        scope.setdefault("state", {})["csrf_nonce"] = nonce
        if scope["method"] in ("POST", "PUT", "PATCH", "DELETE"):
            length = conn.headers.get("content-length")
            if length is None or not length.isdigit():
                await _plain(send, 411, "a Content-Length is required\n")
                return
            if int(length) > self.max_body:
                await _plain(send, 413, f"request too large (limit {self.max_body // 1024} KiB)\n")
                return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers[name] = value
                for cookie in cookies:
                    headers.append("set-cookie", cookie)
            await send(message)

        await self.app(scope, receive, send_with_headers)
