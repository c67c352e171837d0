"""The server-rendered pages: overview, services, service detail, municipalities, compare, archetypes, review,
upload and login. Thin: they call the same functions as the API and hand the results to Jinja2 templates."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from scatlas.errors import CatalogueError
from scatlas.web import api
from scatlas.web.deps import JobId, MunicipalityName, ServiceId, check_csrf, check_token, context, login_name, session
from scatlas.web.insights import compare
from scatlas.web.messages import translate
from scatlas.web.review import coding_from_form
from scatlas.web.search import SORTS, FilterError, ServiceFilter, search_services
from scatlas.web.session import CSRF_FIELD, login_form_name, new_session, valid_login

router = APIRouter(include_in_schema=False)
REVIEW_PAGE = 50  # services per review page; the queue itself has no cap (pages go on)


def render(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    """A page in the request's language, with the login state and CSRF token every form needs."""
    lang = request.state.lang
    values.update(
        request=request,
        lang=lang,
        t=lambda key: translate(key, lang),
        user=login_name(request),
        exports_open=context(request).settings.public_exports or login_name(request) is not None,
        csrf_field=CSRF_FIELD,
        csrf_token=session(request)["csrf"],
        path=request.url.path,
        query=request.url.query,
    )
    return context(request).templates.TemplateResponse(request, template, values, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status=status, status_code=status, message=message)


def _read(request: Request):
    return context(request).pool.reader()


# ---------------------------------------------------------------------------------------------- reading pages
@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    data = context(request).insights.overview()
    return render(request, "overview.html", data=data)


@router.get("/services", response_class=HTMLResponse)
def services(request: Request) -> HTMLResponse:
    try:
        flt = ServiceFilter.from_query(request.query_params)
    except FilterError as exc:
        return error_page(request, 422, str(exc))
    with _read(request) as cat:
        result = search_services(cat, flt)
        facets = api.facets(cat)
    base = lambda **changes: "/services?" + urlencode(flt.query_pairs(**changes))
    export_query = urlencode(flt.query_pairs(page=1))
    return render(
        request,
        "services.html",
        flt=flt,
        result=result,
        facets=facets,
        sorts=list(SORTS),
        page_url=base,
        export_query=export_query,
    )


@router.get("/services/{service_id}", response_class=HTMLResponse)
def service(request: Request, service_id: ServiceId) -> Response:
    from scatlas.catalogue.edits import edited_away
    from scatlas.catalogue.sources import service_source
    from scatlas.web.editing import edit_panel

    with _read(request) as cat:
        if edited_away(cat, service_id):
            return RedirectResponse(f"/edits?service={service_id}", status_code=303)  # deleted or merged away
        detail = api.service_detail(request, cat, service_id)
        source = service_source(cat, service_id, with_data=False)
        panel = edit_panel(cat, service_id) if login_name(request) else None
    return render(
        request, "service.html", **detail, panel=panel, source_view=bool(source and source["kept"] and source["page"])
    )


@router.get("/municipalities", response_class=HTMLResponse)
def municipalities(request: Request) -> HTMLResponse:
    return render(request, "municipalities.html", items=context(request).insights.municipalities())


@router.get("/municipalities/{name:path}", response_class=HTMLResponse)
def municipality(request: Request, name: MunicipalityName) -> HTMLResponse:
    profile = context(request).insights.municipality(name)
    if profile is None:
        raise HTTPException(404, f"no services of a municipality named {name!r}")
    from scatlas.catalogue.plans import duplicate_services, plan_overview

    with _read(request) as cat:
        items = cat.services("municipality = ?", (name,), order_by="plan_id, position", limit=500)
        plan_rows, duplicates = plan_overview(cat, name), duplicate_services(cat, name)
    return render(
        request, "municipality.html", profile=profile, items=items, plan_rows=plan_rows, duplicates=duplicates
    )


@router.get("/compare", response_class=HTMLResponse)
def compare_page(request: Request) -> HTMLResponse:
    names = [m for m in request.query_params.getlist("m") if m]
    if len(names) > api.MAX_COMPARE or any(len(m) > 200 for m in names):
        return error_page(request, 422, f"비교할 지자체는 {api.MAX_COMPARE}곳 이내, 이름은 200자 이내여야 합니다")
    insights = context(request).insights
    profiles: list[dict[str, Any]] = []
    if len(names) >= 2:
        try:
            profiles = compare(insights, names)
        except KeyError as exc:
            raise HTTPException(404, f"no services of a municipality named {exc.args[0]!r}") from None
    return render(
        request,
        "compare.html",
        names=names,
        profiles=profiles,
        all_names=[m["municipality"] for m in insights.municipalities()],
    )


@router.get("/archetypes", response_class=HTMLResponse)
def archetypes(request: Request) -> HTMLResponse:
    insights = context(request).insights
    result = insights.archetypes(wait=5.0)
    return render(
        request,
        "archetypes.html",
        result=result,
        error=insights.archetype_error,
        diff=insights.differentiation() if result is not None else None,
    )


# ---------------------------------------------------------------------------------------------- login
@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/review") -> HTMLResponse:
    return render(request, "login.html", next=_local(next), failed=None)


@router.post("/login")
async def login(request: Request) -> Response:
    form = await request.form()
    check_csrf(request, form)
    name, token, target = login_form_name(form.get("name")), str(form.get("token", "")), _local(form.get("next"))
    if not valid_login(name):
        return render(request, "login.html", status=400, next=target, failed="login_bad_name")
    if not check_token(request, token):
        return render(request, "login.html", status=403, next=target, failed="login_failed")
    # a new server-side session and a new CSRF token at login: nothing from before the login carries over
    sid = context(request).sessions.create(name)
    request.state.session = {**new_session(), "user": name, "sid": sid}
    request.state.session_dirty = True
    return RedirectResponse(target, status_code=303)


@router.post("/logout")
async def logout(request: Request) -> Response:
    check_csrf(request, await request.form())
    context(request).sessions.end(session(request).get("sid"))  # the old cookie opens nothing from now on
    request.state.session = new_session()
    request.state.session_dirty = True
    return RedirectResponse("/", status_code=303)


def _local(target: Any) -> str:
    """Only same-site paths are followed after login (no open redirect)."""
    target = str(target or "/review")
    return target if target.startswith("/") and not target.startswith("//") else "/review"


def _login_redirect(request: Request) -> RedirectResponse:
    return RedirectResponse("/login?" + urlencode({"next": request.url.path}), status_code=303)


# ---------------------------------------------------------------------------------------------- review
@router.get("/review", response_class=HTMLResponse)
def review(request: Request) -> Response:
    if login_name(request) is None:
        return _login_redirect(request)
    from scatlas.web.editing import review_filters

    try:
        filters, page = review_filters(request.query_params)
    except ValueError as exc:
        return error_page(request, 422, str(exc))
    with _read(request) as cat:
        queue = cat.review_queue(limit=REVIEW_PAGE + 1, offset=(page - 1) * REVIEW_PAGE, **filters)
        for s in queue[:REVIEW_PAGE]:  # the coder's top two candidates, as the terminal review shows them
            auto = next(
                (h for h in cat.coding_history(s["service_id"]) if str(h.get("coder", "")).startswith("auto:")), None
            )
            s["auto_top2"] = json.loads(auto.get("top2") or "[]") if auto else []
    more = len(queue) > REVIEW_PAGE
    names = [m["municipality"] for m in context(request).insights.municipalities()]
    page_url = lambda n: "/review?" + urlencode({**{k: v for k, v in filters.items() if v is not None}, "page": n})
    return render(
        request,
        "review.html",
        queue=queue[:REVIEW_PAGE],
        filters=filters,
        page=page,
        more=more,
        page_url=page_url,
        municipality_names=names,
    )


@router.post("/review/{service_id}")
async def review_save(request: Request, service_id: ServiceId) -> Response:
    form = await request.form()
    check_csrf(request, form)
    user = login_name(request)
    wants_json = "application/json" in request.headers.get("accept", "")
    if user is None:
        if wants_json:
            return JSONResponse({"detail": translate("login_required", request.state.lang)}, status_code=401)
        return _login_redirect(request)
    action = str(form.get("action", "accept"))
    if action not in ("accept", "set"):
        raise HTTPException(422, f"action must be 'accept' or 'set', not {action!r}")

    def save() -> dict[str, Any]:
        with context(request).pool.write() as cat:
            current = api.get_service(cat, service_id)
            try:
                coding = coding_from_form(current, user, form, action)
                cat.add_coding(service_id, coding)
            except (ValueError, CatalogueError) as exc:
                raise HTTPException(422, str(exc)) from None
            return cat.service(service_id) or {}

    updated = await run_in_threadpool(save)
    if wants_json:
        return JSONResponse({"service": updated})
    return RedirectResponse("/review", status_code=303)


# ---------------------------------------------------------------------------------------------- upload
@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request) -> Response:
    if login_name(request) is None:
        return _login_redirect(request)
    ctx = context(request)
    return render(
        request,
        "upload.html",
        limit_mb=ctx.settings.max_upload_bytes / (1024 * 1024),
        jobs=[j.to_json() for j in ctx.jobs.jobs()[:10]],
    )


@router.post("/upload")
async def upload(request: Request) -> Response:
    form = await request.form()
    check_csrf(request, form)
    user = login_name(request)
    if user is None:
        return _login_redirect(request)
    file = form.get("file")
    if not isinstance(file, UploadFile) or not file.filename:
        raise HTTPException(422, "choose a file to upload")
    job = await api.accept_upload(request, file, f"human:{user}")
    return RedirectResponse(f"/upload/{job.id}", status_code=303)


@router.get("/upload/{job_id}", response_class=HTMLResponse)
def upload_status(request: Request, job_id: JobId) -> HTMLResponse:
    with _read(request) as cat:
        status = api.job_status(cat, request, job_id)
    return render(request, "job.html", job=status)


# ---------------------------------------------------------------------------------------------- font
@router.get("/fonts/{name}")
def font(name: str) -> Response:
    """The package's Korean web font (WOFF2, checked by the OpenType Sanitizer in the tests), for browsers without
    a Korean system font."""
    from scatlas import fonts

    if name not in fonts.WEB_FONTS:
        raise HTTPException(404, "no such font")
    return FileResponse(
        str(fonts.font_dir() / name), media_type="font/woff2", headers={"Cache-Control": "max-age=86400"}
    )
