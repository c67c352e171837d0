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

from scatlas.catalogue.store import Coder
from scatlas.i18n import set_language
from scatlas.labels import coder_label
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, TARGET_GROUPS, load_codebook
from scatlas.web import charts
from scatlas.web.database import CataloguePool
from scatlas.web.guard import BodyLimits, RequestGuard, readable_size
from scatlas.web.insights import Insights
from scatlas.web.messages import DEFAULT_LANGUAGE, LANGUAGES
from scatlas.web.session import COOKIE, MAX_AGE, SessionSigner, new_session
from scatlas.web.session_store import SessionStore
from scatlas.web.uploads import DEFAULT_MAX_BYTES, JobRunner

WEB_DIR = Path(str(resources.files("scatlas.web")))
LANG_COOKIE = "scatlas_lang"


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
    #: exports of the catalogue open to everyone (default: a logged-in coder or the token holder only)
    public_exports: bool = False
    #: live logins and failed-token counts (default: '<catalogue>.sessions' beside the catalogue)
    session_db: Path | None = None

    def __post_init__(self) -> None:
        self.db = Path(self.db)
        self.token = self.token or os.environ.get("SCATLAS_TOKEN") or secrets.token_urlsafe(24)
        env_secret = os.environ.get("SCATLAS_SECRET")
        self.secret = self.secret or (env_secret.encode() if env_secret else secrets.token_bytes(32))
        self.upload_dir = Path(self.upload_dir) if self.upload_dir else self.db.resolve().parent / "uploads"
        self.session_db = (
            Path(self.session_db) if self.session_db else self.db.resolve().parent / f"{self.db.name}.sessions"
        )


@dataclass
class WebContext:
    """What every request shares: settings, connections, cached analysis, upload jobs, templates."""

    settings: WebSettings
    pool: CataloguePool
    insights: Insights
    jobs: JobRunner
    signer: SessionSigner
    sessions: SessionStore
    templates: Jinja2Templates
    domain_names: dict[str, str] = field(default_factory=lambda: dict(DOMAIN_ORDER))


def _template_env() -> jinja2.Environment:
    # autoescape on for every template: all document text is escaped wherever it is shown
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(WEB_DIR / "templates")),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    book = load_codebook()
    env.globals.update(
        DOMAINS=DOMAIN_ORDER,
        FUNCTIONS=FUNCTIONS,
        TARGET_GROUPS=TARGET_GROUPS,
        SUBTYPES=[(s.id, s.label, d.id) for d in book.domains for s in d.subtypes],
        SUBTYPE_LABELS={s.id: s.label for d in book.domains for s in d.subtypes},
        DOMAIN_NAMES=dict(DOMAIN_ORDER),
        TECHNOLOGIES=sorted(book.technologies),
    )
    env.globals.update(
        domain_bars=charts.domain_bars,
        function_bars=charts.function_bars,
        target_bars=charts.target_bars,
        technology_bars=charts.technology_bars,
        municipality_bars=charts.municipality_bars,
    )
    env.filters["pct"] = lambda x: f"{100 * (x or 0):.1f}%"
    env.filters["split"] = lambda s: [v for v in (s or "").split(";") if v]
    env.filters["coder"] = lambda c: coder_label(c) or "—"  # codes stay in the API; people see labels
    return env


def create_app(settings: WebSettings) -> FastAPI:
    """The dashboard and API over one catalogue file."""
    from scatlas.web import api, edit_pages, pages

    pool = CataloguePool(settings.db, size=settings.pool_size)
    assert settings.secret is not None
    ctx = WebContext(
        settings=settings,
        pool=pool,
        insights=Insights(pool),
        jobs=JobRunner(settings.db, settings.coder_factory),
        signer=SessionSigner(settings.secret),
        sessions=SessionStore(settings.session_db or settings.db.with_suffix(".sessions"), MAX_AGE),
        templates=Jinja2Templates(env=_template_env()),
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        ctx.jobs.shutdown()
        pool.close()
        ctx.sessions.close()

    # docs_url/redoc_url off: their pages load Swagger/ReDoc from a CDN; /openapi.json describes the API
    app = FastAPI(
        title="scatlas",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        description="Smart City service Atlas: the catalogue of services in Korean smart city plans. "
        "Reads are open; writes need `Authorization: Bearer <SCATLAS_TOKEN>`.",
    )
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
        if (
            session is not None
            and session.get("user") is not None
            and ctx.sessions.user(session.get("sid")) != session["user"]
        ):
            session = None  # logged out, expired or never a server-side login: the cookie opens nothing
        fresh = session is None
        request.state.session = session if session is not None else new_session()
        request.state.session_dirty = fresh
        asked = request.query_params.get("lang")
        lang = asked if asked in LANGUAGES else request.cookies.get(LANG_COOKIE)
        request.state.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        set_language(request.state.lang)  # messages made while serving this request (scatlas.i18n)
        response: Response = await call_next(request)
        if request.state.session_dirty and not request.url.path.startswith(("/api/", "/static/")):
            response.set_cookie(
                COOKIE,
                ctx.signer.dumps(request.state.session),
                max_age=MAX_AGE,
                httponly=True,
                samesite="lax",
                path="/",
            )
        if asked in LANGUAGES:
            response.set_cookie(LANG_COOKIE, asked, max_age=365 * 24 * 3600, samesite="lax", path="/")
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return pages.error_page(request, exc.status_code, str(exc.detail))

    # outermost: refuse an oversized body before anything parses it; security headers on every response
    app.add_middleware(
        RequestGuard,
        limits=BodyLimits(upload=settings.max_upload_bytes),
        too_large_message=lambda n: f"요청 본문이 허용 한도({readable_size(n)})를 넘습니다",
        error_message="서버 내부 오류입니다. 관리자에게 알려 주세요.",
    )
    return app
