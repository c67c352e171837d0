"""Request dependencies shared by the API and the pages: the context, a catalogue reader, the write checks."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Header, HTTPException, Path, Request

from scatlas.catalogue import Catalogue
from scatlas.web.session import CSRF_FIELD, CSRF_HEADER, bearer_token, token_matches

if TYPE_CHECKING:
    from scatlas.web.app import WebContext

#: path parameters, validated before any handler runs: a SQLite integer is at most 2**63 - 1
ServiceId = Annotated[int, Path(ge=1, le=2**63 - 1, description="service id")]
MunicipalityName = Annotated[str, Path(min_length=1, max_length=200)]
JobId = Annotated[str, Path(min_length=1, max_length=64)]


def context(request: Request) -> WebContext:
    return request.app.state.web


def reader(request: Request) -> Iterator[Catalogue]:
    """A read-only catalogue for one request."""
    with context(request).pool.reader() as cat:
        yield cat


def require_token(request: Request, authorization: str | None = Header(default=None)) -> str:
    """API writes: 'Authorization: Bearer <token>'. 401 without a token, 403 with a wrong one, 429 after too many
    wrong ones from the same address."""
    given = bearer_token(authorization)
    if given is None:
        raise HTTPException(
            401,
            "this endpoint writes: send 'Authorization: Bearer <SCATLAS_TOKEN>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not check_token(request, given):
        raise HTTPException(403, "the bearer token is not valid")
    return given


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def check_token(request: Request, given: str) -> bool:
    """Whether `given` is the server's token; throttled per client address (429 while it must wait)."""
    store = context(request).sessions
    client = client_address(request)
    wait = store.wait_seconds(client)
    if wait > 0:
        raise HTTPException(
            429,
            f"잘못된 토큰이 너무 많이 입력되었습니다. {math.ceil(wait)}초 뒤에 다시 시도하세요.",
            headers={"Retry-After": str(math.ceil(wait))},
        )
    if token_matches(given, context(request).settings.token or ""):
        store.succeeded(client)
        return True
    store.failed(client)
    return False


def session(request: Request) -> dict[str, Any]:
    return request.state.session


def check_csrf(request: Request, form: Any) -> None:
    """Every form post carries the session's CSRF token (form field or X-CSRF-Token header); 403 otherwise."""
    given = form.get(CSRF_FIELD) if form is not None else None
    given = given or request.headers.get(CSRF_HEADER)
    if not isinstance(given, str) or not token_matches(given, session(request)["csrf"]):
        raise HTTPException(403, "missing or invalid CSRF token: reload the page and try again")


def login_name(request: Request) -> str | None:
    return session(request).get("user")
