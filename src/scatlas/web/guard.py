"""The outermost layer of the web server: request-body caps on every route, security headers on every response
(errors included), and a last-resort 500 that keeps the connection open.

It is a plain ASGI middleware so that it sees a request before FastAPI parses anything: a body over its route's limit
is refused with 413 from its Content-Length, or as soon as the streamed bytes pass the limit, before authentication
and before any form or JSON parser has buffered it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("scatlas.web")

#: multipart framing around an uploaded file: a request this much over the limit may still carry a file under it
MULTIPART_SLACK = 64 * 1024
#: JSON bodies (codings, edits) and form posts (login, review) are small; nothing the app accepts comes near this
SMALL_BODY_BYTES = 64 * 1024
UPLOAD_PATHS = ("/upload", "/api/uploads")

SECURITY_HEADERS: dict[str, str] = {
    # scripts only from our own static files: a second wall behind autoescaping against injected markup
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}
_ENCODED_HEADERS = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()]


@dataclass(frozen=True)
class BodyLimits:
    """The largest request body each kind of route accepts, in bytes."""

    upload: int
    other: int = SMALL_BODY_BYTES

    def for_path(self, path: str) -> int:
        return self.upload + MULTIPART_SLACK if path in UPLOAD_PATHS else self.other


def readable_size(n: int) -> str:
    """Bytes as people read them: '50 MB', '64 KB'."""
    return f"{n / (1024 * 1024):.3g} MB" if n >= 1024 * 1024 else f"{n / 1024:.3g} KB"


class _TooLarge(Exception):
    pass


def _with_security_headers(message: Message) -> Message:
    present = {name.lower() for name, _ in message.get("headers", [])}
    headers = list(message.get("headers", [])) + [(k, v) for k, v in _ENCODED_HEADERS if k not in present]
    return {**message, "headers": headers}


async def _send_json(send: Send, status: int, detail: str, *, close: bool = False) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    if close:
        headers.append((b"connection", b"close"))
    await send(_with_security_headers({"type": "http.response.start", "status": status, "headers": headers}))
    await send({"type": "http.response.body", "body": body})


class RequestGuard:
    """Caps bodies per route, adds the security headers to every response, and answers unhandled errors with a 500.

    ``too_large_message`` turns a limit in bytes into the 413's message (the app passes its translated text).
    """

    def __init__(
        self,
        app: ASGIApp,
        limits: BodyLimits,
        too_large_message: Callable[[int], str] = lambda n: f"request body over {n} bytes",
        error_message: str = "internal error",
    ) -> None:
        self.app = app
        self.limits = limits
        self.too_large_message = too_large_message
        self.error_message = error_message

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.for_path(scope["path"])
        shown_limit = limit - MULTIPART_SLACK if scope["path"] in UPLOAD_PATHS else limit
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None:
            if not length.isdigit():
                await _send_json(send, 400, "Content-Length is not a number", close=True)
                return
            if int(length) > limit:
                # the body is never read: the connection closes so the client stops sending
                await _send_json(send, 413, self.too_large_message(shown_limit), close=True)
                return
        seen = 0
        started = refused = False

        async def counting_receive() -> Message:
            nonlocal seen, refused
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit and not refused:
                refused = True
                if not started:
                    await _send_json(send, 413, self.too_large_message(shown_limit), close=True)
                raise _TooLarge  # the app may turn this into its own error response: guarded_send drops it
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
                message = _with_security_headers(message)
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except _TooLarge:
            pass
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if not started and not refused:
                await _send_json(send, 500, self.error_message)
