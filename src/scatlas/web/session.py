"""Signed session cookies, the write token, and CSRF tokens.

A session is a small JSON object (coder name once logged in, a CSRF token) signed with HMAC-SHA256; the server
keeps no session state. Writes through the API need `Authorization: Bearer <token>`; writes through the pages need a
logged-in session (the login form takes the same token) and the session's CSRF token in the form or a header.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import time
import unicodedata
from typing import Any

COOKIE = "scatlas_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
MAX_AGE = 12 * 3600
#: a coder name becomes part of 'human:<name>': letters (Hangul included), digits, '.', '_' and '-'
_LOGIN = re.compile(r"^[\w.\-]{1,40}$", re.UNICODE)


class SessionSigner:
    """Signs and checks session cookies with a server secret."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise ValueError("the session secret must be at least 16 bytes")
        self._secret = secret

    def _mac(self, payload: bytes) -> str:
        return _b64(hmac.new(self._secret, payload, hashlib.sha256).digest())

    def dumps(self, data: dict[str, Any]) -> str:
        """The cookie value for a session."""
        payload = _b64(json.dumps({**data, "iat": int(time.time())}, separators=(",", ":")).encode())
        return f"{payload}.{self._mac(payload.encode())}"

    def loads(self, value: str | None) -> dict[str, Any] | None:
        """The session in a cookie value, or None if it is missing, forged or expired."""
        if not value or value.count(".") != 1:
            return None
        payload, mac = value.split(".")
        if not hmac.compare_digest(mac, self._mac(payload.encode())):
            return None
        try:
            data = json.loads(_unb64(payload))
        except (ValueError, UnicodeDecodeError):
            return None
        if not isinstance(data, dict) or time.time() - data.get("iat", 0) > MAX_AGE:
            return None
        return data


def new_session() -> dict[str, Any]:
    """An anonymous session with a fresh CSRF token."""
    return {"csrf": secrets.token_urlsafe(24), "user": None}


def token_matches(given: str | None, expected: str) -> bool:
    """Constant-time comparison of a presented token with the server's."""
    return given is not None and given != "" and hmac.compare_digest(given.encode(), expected.encode())


def bearer_token(authorization: str | None) -> str | None:
    """The token of an 'Authorization: Bearer …' header, or None."""
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    return value.strip() or None if scheme.lower() == "bearer" else None


def valid_login(name: str) -> bool:
    """Whether a coder name can be stored as 'human:<name>' (callers store it NFC-normalised)."""
    return bool(_LOGIN.match(name))


def login_form_name(raw: object) -> str:
    """A coder name as typed, NFC-normalised and stripped (macOS input methods send decomposed Hangul)."""
    return unicodedata.normalize("NFC", str(raw or "")).strip()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
