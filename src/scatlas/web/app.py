"""The FastAPI application: settings, shared state, middleware, error pages; routes live in api.py and pages.py."""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from scatlas.catalogue.store import Coder
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, TARGET_GROUPS, load_codebook
from scatlas.web import charts
from scatlas.web.database import CataloguePool
from scatlas.web.insights import Insights
from scatlas.web.messages import DEFAULT_LANGUAGE, LANGUAGES
from scatlas.web.session import COOKIE, MAX_AGE, SessionSigner, new_session
from scatlas.web.uploads import DEFAULT_MAX_BYTES, JobRunner

WEB_DIR = Path(str(resources.files("scatlas.web")))
LANG_COOKIE = "scatlas_lang"
UPLOAD_PATHS = ("/upload", "/api/uploads")
#: multipart framing around the file: a request this much over the limit may still carry a file under it
_MULTIPART_SLACK = 64 * 1024


def default_coder_factory() -> Coder | None:
    """The pipeline's coder (loaded once, on the first upload, so the server starts fast)."""
    from scatlas.coding import load_coder

    return load_coder()


@dataclass
class WebSettings:
    """How the server runs. `token` None: one is generated (the CLI prints it)."""

    db: Path
    token: str | None = None
    secret: bytes | None = None
    max_upload_bytes: int = DEFAULT_MAX_BYTES
    upload_dir: Path | None = None
    coder_factory: Callable[[], Coder | None] | None = default_coder_factory
    pool_size: int = 8

    def __post_init__(self) -> None:
        self.db = Path(self.db)
        self.token = self.token or os.environ.get("SCATLAS_TOKEN") or secrets.token_urlsafe(24)
        env_secret = os.environ.get("SCATLAS_SECRET")
        self.secret = self.secret or (env_secret.encode() if env_secret else secrets.token_bytes(32))
        self.upload_dir = Path(self.upload_dir) if self.upload_dir else self.db.resolve().parent / "uploads"


@dataclass
class WebContext:
    """What every request shares: settings, connections, cached analysis, upload jobs, templates."""

    settings: WebSettings
    pool: CataloguePool
    insights: Insights
    jobs: JobRunner
    signer: SessionSigner
    templates: Jinja2Templates
    domain_names: dict[str, str] = field(default_factory=lambda: dict(DOMAIN_ORDER))


def _template_env() -> jinja2.Environment:
    # autoescape on for every template: all document text is escaped wherever it is shown
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(WEB_DIR / "templates")),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True)
    book = load_codebook()
    env.globals.update(DOMAINS=DOMAIN_ORDER, FUNCTIONS=FUNCTIONS, TARGET_GROUPS=TARGET_GROUPS,
                       SUBTYPES=[(s.id, s.label, d.id) for d in book.domains for s in d.subtypes],
                       SUBTYPE_LABELS={s.id: s.label for d in book.domains for s in d.subtypes},
                       DOMAIN_NAMES=dict(DOMAIN_ORDER), TECHNOLOGIES=sorted(book.technologies))
    env.globals.update(domain_bars=charts.domain_bars, function_bars=charts.function_bars,
                       target_bars=charts.target_bars, technology_bars=charts.technology_bars,
                       municipality_bars=charts.municipality_bars)
    env.filters["pct"] = lambda x: f"{100 * (x or 0):.1f}%"
    env.filters["split"] = lambda s: [v for v in (s or "").split(";") if v]
    return env


class BodyLimit:
    """Refuses upload requests over the size limit before (Content-Length) or while (streamed) reading them."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes + _MULTIPART_SLACK

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] not in UPLOAD_PATHS:
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        seen = 0
        started = refused = False

        async def counting_receive() -> Message:
            nonlocal seen, refused
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes and not refused:
                refused = True
                if not started:
                    await self._refuse(scope, receive, send)
                raise _TooLarge  # the app may turn this into its own error response: tracking_send drops it
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            pass

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit = f"{(self.max_bytes - _MULTIPART_SLACK) / (1024 * 1024):g} MB"
        response = JSONResponse({"detail": f"the upload is larger than the limit of {limit}"}, status_code=413,
                                headers={"Connection": "close"})
        await response(scope, receive, send)


class _TooLarge(Exception):
    pass


_SECURITY_HEADERS = {
    # scripts only from our own static files: a second wall behind autoescaping against injected markup
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'; "
                               "frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def create_app(settings: WebSettings) -> FastAPI:
    """The dashboard and API over one catalogue file."""
    from scatlas.web import api, edit_pages, pages

    pool = CataloguePool(settings.db, size=settings.pool_size)
    assert settings.secret is not None
    ctx = WebContext(settings=settings, pool=pool, insights=Insights(pool),
                     jobs=JobRunner(settings.db, settings.coder_factory), signer=SessionSigner(settings.secret),
                     templates=Jinja2Templates(env=_template_env()))
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        ctx.jobs.shutdown()
        pool.close()

    # docs_url/redoc_url off: their pages load Swagger/ReDoc from a CDN; /openapi.json describes the API
    app = FastAPI(title="scatlas", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Smart City service Atlas: the catalogue of services in Korean smart city plans. "
                              "Reads are open; writes need `Authorization: Bearer <SCATLAS_TOKEN>`.")
    app.state.web = ctx
    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(edit_pages.router)
    app.include_router(edit_pages.api_router)

    @app.middleware("http")
    async def session_language_headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        raw = request.cookies.get(COOKIE)
        session = ctx.signer.loads(raw)
        fresh = session is None
        request.state.session = session if session is not None else new_session()
        request.state.session_dirty = fresh
        asked = request.query_params.get("lang")
        lang = asked if asked in LANGUAGES else request.cookies.get(LANG_COOKIE)
        request.state.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        response: Response = await call_next(request)
        if request.state.session_dirty and not request.url.path.startswith(("/api/", "/static/")):
            response.set_cookie(COOKIE, ctx.signer.dumps(request.state.session), max_age=MAX_AGE, httponly=True,
                                samesite="lax", path="/")
        if asked in LANGUAGES:
            response.set_cookie(LANG_COOKIE, asked, max_age=365 * 24 * 3600, samesite="lax", path="/")
        for name, value in _SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return pages.error_page(request, exc.status_code, str(exc.detail))

    app.add_middleware(BodyLimit, max_bytes=settings.max_upload_bytes)  # outermost: refuse before parsing
    return app
