"""Pages and form posts for correcting the list (logged in): edit, delete, merge, split, move, undo, full coding,
the edit log, and a service's source page rendered as an image with its text marked."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from scatlas.catalogue.edits import ServiceEditor
from scatlas.errors import CatalogueError
from scatlas.web import api
from scatlas.web.deps import ServiceId, check_csrf, context, login_name, require_token
from scatlas.web.editing import apply_service_action, edit_log_rows
from scatlas.web.messages import translate
from scatlas.web.pages import _login_redirect, render
from scatlas.web.review import coding_from_form
from scatlas.web.session import login_form_name, valid_login

router = APIRouter(include_in_schema=False)


async def _logged_in_form(request: Request) -> tuple[Any, str | None]:
    form = await request.form()
    check_csrf(request, form)
    return form, login_name(request)


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def _refused(request: Request) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": translate("login_required", request.state.lang)}, status_code=401)
    return _login_redirect(request)


async def _write(request: Request, work: Any) -> Any:
    """Run ``work(cat)`` on the writer in a thread; bad input becomes a 422 with the reason."""

    def run() -> Any:
        with context(request).pool.write() as cat:
            try:
                return work(cat)
            except (ValueError, CatalogueError) as exc:
                raise HTTPException(422, str(exc)) from None

    return await run_in_threadpool(run)


@router.post("/services/{service_id}/edit")
async def service_edit(request: Request, service_id: ServiceId) -> Response:
    form, user = await _logged_in_form(request)
    if user is None:
        return _refused(request)
    target = await _write(request, lambda cat: apply_service_action(cat, user, service_id, form))
    if _wants_json(request):
        return JSONResponse({"next": target})
    return RedirectResponse(target, status_code=303)


@router.post("/services/{service_id}/coding")
async def service_coding(request: Request, service_id: ServiceId) -> Response:
    form, user = await _logged_in_form(request)
    if user is None:
        return _refused(request)

    def save(cat: Any) -> dict[str, Any]:
        current = api.get_service(cat, service_id)
        cat.add_coding(service_id, coding_from_form(current, user, form, str(form.get("action") or "set")))
        return cat.service(service_id) or {}

    updated = await _write(request, save)
    if _wants_json(request):
        return JSONResponse({"service": updated})
    return RedirectResponse(f"/services/{service_id}", status_code=303)


@router.post("/review/{service_id}/undo")
async def review_undo(request: Request, service_id: ServiceId) -> Response:
    """Undo the latest review decision on a service (kept in the edit log)."""
    form, user = await _logged_in_form(request)
    if user is None:
        return _refused(request)

    def undo(cat: Any) -> dict[str, Any]:
        ServiceEditor(cat, user).uncode(service_id, reason="검토 되돌리기")
        return cat.service(service_id) or {}

    updated = await _write(request, undo)
    if _wants_json(request):
        return JSONResponse({"service": updated})
    return RedirectResponse(
        str(form.get("next") or "/review")
        if str(form.get("next") or "").startswith("/") and not str(form.get("next")).startswith("//")
        else "/review",
        status_code=303,
    )


@router.get("/edits", response_class=HTMLResponse)
def edits(request: Request, service: int | None = None) -> HTMLResponse:
    """The edit log (of one service, or of the whole catalogue), with undo and restore buttons."""
    if service is not None and not 0 < service < 2**62:
        raise HTTPException(422, "service must be a positive id")
    with context(request).pool.reader() as cat:
        rows = edit_log_rows(cat, service)
        exists = cat.service(service) is not None if service is not None else True
    return render(request, "edits.html", rows=rows, service_id=service, exists=exists)


@router.post("/edits/{edit_id}/undo")
async def edit_undo(request: Request, edit_id: ServiceId) -> Response:
    form, user = await _logged_in_form(request)
    if user is None:
        return _refused(request)
    edit = await _write(request, lambda cat: ServiceEditor(cat, user).undo(edit_id, str(form.get("reason") or "")))
    return RedirectResponse(
        f"/edits?service={edit.service_id}" if edit.service_id and edit.action != "plan_choice" else "/edits",
        status_code=303,
    )


@router.post("/services/{service_id}/restore")
async def service_restore(request: Request, service_id: ServiceId) -> Response:
    form, user = await _logged_in_form(request)
    if user is None:
        return _refused(request)
    await _write(request, lambda cat: ServiceEditor(cat, user).restore(service_id, str(form.get("reason") or "")))
    return RedirectResponse(f"/services/{service_id}", status_code=303)


@router.post("/plans/{plan_id}/counts")
async def plan_counts(request: Request, plan_id: ServiceId) -> Response:
    """Which plan counts for its municipality: counts=1 (this one), 0 (not this one), '' (the latest)."""
    form, user = await _logged_in_form(request)
    if user is None:
        return _refused(request)
    raw = str(form.get("counts") or "")
    value = {"1": True, "0": False, "": None}.get(raw)

    def choose(cat: Any) -> str:
        ServiceEditor(cat, user).choose_plan(plan_id, value, str(form.get("reason") or ""))
        row = cat.conn.execute("SELECT municipality FROM plan WHERE id = ?", (plan_id,)).fetchone()
        return row["municipality"] or ""

    municipality = await _write(request, choose)
    from urllib.parse import quote

    return RedirectResponse(f"/municipalities/{quote(municipality)}", status_code=303)


# ---------------------------------------------------------------------------------------------- source page
@router.get("/services/{service_id}/source", response_class=HTMLResponse)
def source_page(request: Request, service_id: ServiceId) -> HTMLResponse:
    """The page of the source document the service came from, with the service's text marked."""
    from scatlas.catalogue.sources import service_source

    with context(request).pool.reader() as cat:
        service = api.get_service(cat, service_id)
        source = service_source(cat, service_id, with_data=False)
    available = bool(source and source["kept"] and source["page"])
    return render(
        request, "source.html", service=service, available=available, file_name=source["file_name"] if source else None
    )


@router.get("/services/{service_id}/source.png")
def source_image(request: Request, service_id: ServiceId) -> Response:
    from scatlas.catalogue.sources import service_source
    from scatlas.web.source_page import render_page

    with context(request).pool.reader() as cat:
        service = api.get_service(cat, service_id)
        source = service_source(cat, service_id)
    if not source or not source["data"] or not source["page"]:
        raise HTTPException(404, "이 서비스의 원문 쪽을 보여 줄 수 없습니다 (PDF 원문과 쪽 번호가 필요합니다)")
    try:
        page = render_page(source["data"], int(source["page"]), service["name"], service["description"] or "")
    except ValueError as exc:
        raise HTTPException(404, str(exc)) from None
    return Response(
        page.png,
        media_type="image/png",
        headers={"Cache-Control": "private, max-age=300", "X-Marked-Boxes": str(page.marked)},
    )


# ---------------------------------------------------------------------------------------------- JSON API
api_router = APIRouter(prefix="/api", tags=["edits"])


class EditIn(BaseModel):
    """A change to the service list, as the service page's forms send it."""

    editor: str = Field(description="who: stored as 'human:<editor>'", examples=["kim"])
    action: str = Field(description="edit, delete, merge, split, move or undo", examples=["edit"])
    reason: str = Field(default="", max_length=500)
    name: str | None = Field(default=None, max_length=500)
    description: str | None = Field(default=None, max_length=20_000)
    page: str | None = Field(default=None, max_length=12)
    others: str | None = Field(default=None, max_length=2_000, description="merge: ids merged into this one")
    parts: str | None = Field(default=None, max_length=20_000, description="split: lines 'name :: description'")
    plan_id: str | None = Field(default=None, max_length=12, description="move: the target plan")


@api_router.get("/services/{service_id}/edits", summary="The edit log of a service (who, when, what, why)")
def service_edits(request: Request, service_id: ServiceId) -> list[dict[str, Any]]:
    from scatlas.catalogue.edits import history

    with context(request).pool.reader() as cat:
        return [e.to_json() for e in history(cat, service_id, 200)]


@api_router.post(
    "/services/{service_id}/edits", summary="Correct the list: edit, delete, merge, split, move, undo (token needed)"
)
async def service_edit_api(
    request: Request, service_id: ServiceId, body: EditIn, _: Annotated[str, Depends(require_token)]
) -> dict[str, Any]:
    editor = login_form_name(body.editor)
    if not valid_login(editor):
        raise HTTPException(422, "editor: letters, digits, '.', '_' and '-' (up to 40)")
    fields = {k: v for k, v in body.model_dump().items() if v is not None}
    target = await _write(request, lambda cat: apply_service_action(cat, editor, service_id, fields))
    return {"next": target}


@api_router.get("/plans", summary="Every plan, which one counts for its municipality, and duplicated services")
def plans_api(request: Request, municipality: str | None = None) -> list[dict[str, Any]]:
    from scatlas.catalogue.plans import plan_overview

    with context(request).pool.reader() as cat:
        return plan_overview(cat, municipality[:100] if municipality else None)
