"""The JSON API under /api/: everything the pages show. Reads are open; writes need the bearer token."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Header, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, Response, StreamingResponse
from pydantic import BaseModel, Field
from starlette.background import BackgroundTask

from scatlas.catalogue import Catalogue
from scatlas.catalogue.export import EXPORT_FORMATS, csv_chunks, export_record, json_chunks, write_export
from scatlas.errors import CatalogueError
from scatlas.records import CodingRecord
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, TARGET_GROUPS, load_codebook
from scatlas.web.deps import JobId, MunicipalityName, ServiceId, check_token, context, reader, require_token
from scatlas.web.insights import compare
from scatlas.web.search import FilterError, ServiceFilter, search_services
from scatlas.web.session import bearer_token, login_form_name, valid_login
from scatlas.web.similar import similar_services
from scatlas.web.uploads import UploadRefused, store_upload

router = APIRouter(prefix="/api", tags=["api"])
MAX_COMPARE = 20
Reader = Annotated[Catalogue, Depends(reader)]

_FILTER_DOC = (
    "Filters (all optional, repeatable where a list): q (Korean substring search), municipality, domain "
    "(domain_id), subtype, function, target, tech, period ('2025' or '2023~2027'), conf_min, conf_max, "
    "sort (id, name, municipality, domain, confidence, page, period; '-' prefix = descending), page, "
    "per_page (≤200)."
)


def parse_filter(request: Request) -> ServiceFilter:
    try:
        return ServiceFilter.from_query(request.query_params)
    except FilterError as exc:
        raise HTTPException(422, str(exc)) from None


def get_service(cat: Catalogue, service_id: int) -> dict[str, Any]:
    service = cat.service(service_id)
    if service is None:
        raise HTTPException(404, f"no service with id {service_id}")
    return service


def service_detail(request: Request, cat: Catalogue, service_id: int) -> dict[str, Any]:
    """A service with its text, source, coding, history, extra fields and similar services elsewhere."""
    service = get_service(cat, service_id)
    extra_row = cat.conn.execute("SELECT extra FROM service WHERE id = ?", (service_id,)).fetchone()
    history = coding_history(cat, service_id)
    archetypes = context(request).insights.latest_archetypes()
    from_prose, ocr_confidence = cat.service_origin(service_id)
    return {
        "service": service,
        "extra": json.loads(extra_row["extra"] or "{}"),
        "history": history,
        "similar": similar_services(cat, service, archetypes),
        "origin": {"from_prose": from_prose, "ocr_confidence": ocr_confidence},
    }


def coding_history(cat: Catalogue, service_id: int) -> list[dict[str, Any]]:
    """Every coding of the service, newest first, with top2 decoded from its JSON text."""
    history = cat.coding_history(service_id)
    for h in history:
        h["top2"] = json.loads(h["top2"] or "[]")
    return history


@router.get("/overview", summary="Totals and the main tables (analysis.json shapes)")
def overview(request: Request) -> dict[str, Any]:
    return context(request).insights.overview()


@router.get("/facets", summary="The values the service filters take")
def facets(cat: Reader) -> dict[str, Any]:
    book = load_codebook()
    return {
        "municipalities": [
            r[0]
            for r in cat.conn.execute(
                "SELECT DISTINCT municipality FROM plan WHERE municipality IS NOT NULL ORDER BY municipality"
            )
        ],
        "domains": [{"domain_id": d, "domain": n} for d, n in DOMAIN_ORDER],
        "subtypes": [{"subtype": s.id, "label": s.label, "domain_id": d.id} for d in book.domains for s in d.subtypes],
        "functions": list(FUNCTIONS),
        "target_groups": list(TARGET_GROUPS),
        "technologies": sorted(book.technologies),
        "periods": [
            f"{a}~{b}"
            for a, b in cat.conn.execute(
                "SELECT DISTINCT period_start, period_end FROM plan WHERE period_start IS NOT NULL ORDER BY 1, 2"
            )
        ],
    }


@router.get("/services", summary="Search and filter services", description=_FILTER_DOC)
def services(cat: Reader, flt: Annotated[ServiceFilter, Depends(parse_filter)]) -> dict[str, Any]:
    return search_services(cat, flt).to_json()


@router.get(
    "/services/export",
    summary="The current selection as CSV, XLSX or JSON (docs/contracts.md export columns)",
    description=_FILTER_DOC + " format: csv, xlsx or json. Needs the bearer token or a logged-in session "
    "unless the server runs with --public-exports.",
)
def export(
    request: Request,
    flt: Annotated[ServiceFilter, Depends(parse_filter)],
    format: Annotated[str, Query(pattern="^(csv|xlsx|json)$")] = "csv",
    authorization: Annotated[str | None, Header()] = None,
) -> Response:
    require_export_access(request, authorization)
    return export_response(request, flt, format)


def require_export_access(request: Request, authorization: str | None) -> None:
    """Exports of the whole catalogue are heavy: open to a logged-in coder or the token holder, or to everyone when
    the server was started with --public-exports."""
    if context(request).settings.public_exports or request.state.session.get("user"):
        return
    given = bearer_token(authorization)
    if given is None:
        raise HTTPException(
            401,
            "내보내기에는 로그인(또는 'Authorization: Bearer <SCATLAS_TOKEN>')이 필요합니다. "
            "서버를 --public-exports로 시작하면 누구나 받을 수 있습니다.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not check_token(request, given):
        raise HTTPException(403, "the bearer token is not valid")


_MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_response(request: Request, flt: ServiceFilter, fmt: str) -> Response:
    """The selection as a download. CSV and JSON stream row by row from their own read connection (memory stays
    flat at any size); XLSX is written in openpyxl's write-only mode to a temporary file first."""
    assert fmt in EXPORT_FORMATS
    pool = context(request).pool
    where, params = flt.where()
    disposition = {"Content-Disposition": f'attachment; filename="scatlas-services.{fmt}"'}

    def records() -> Iterator[dict[str, Any]]:
        with pool.reader() as cat:
            yield from (export_record(r) for r in cat.iter_services(where, params, order_by=flt.order_by()))

    if fmt in ("csv", "json"):
        chunks = csv_chunks(records()) if fmt == "csv" else json_chunks(records())
        return StreamingResponse((c.encode("utf-8") for c in chunks), media_type=_MEDIA[fmt], headers=disposition)
    tmp = Path(tempfile.mkdtemp(prefix="scatlas-export-")) / f"services.{fmt}"
    write_export(records(), fmt, tmp)
    cleanup = BackgroundTask(lambda: (tmp.unlink(missing_ok=True), tmp.parent.rmdir()))
    return FileResponse(tmp, media_type=_MEDIA[fmt], filename=f"scatlas-services.{fmt}", background=cleanup)


@router.get("/services/{service_id}", summary="One service: text, source, coding, history, similar services")
def service(request: Request, cat: Reader, service_id: ServiceId) -> dict[str, Any]:
    return service_detail(request, cat, service_id)


@router.get("/services/{service_id}/history", summary="Every coding of a service, newest first")
def history(cat: Reader, service_id: ServiceId) -> list[dict[str, Any]]:
    get_service(cat, service_id)
    return coding_history(cat, service_id)


@router.get("/services/{service_id}/similar", summary="Similar services in other municipalities")
def similar(request: Request, cat: Reader, service_id: ServiceId) -> dict[str, Any]:
    service = get_service(cat, service_id)
    return similar_services(cat, service, context(request).insights.latest_archetypes())


class CodingIn(BaseModel):
    """A human coding. Dimensions left out are carried over from the service's effective coding."""

    coder: str = Field(description="the coder's name; stored as 'human:<coder>'", examples=["kim"])
    domain_id: str | None = Field(default=None, examples=["transport"])
    subtype: str | None = None
    function: str | None = Field(default=None, examples=["정보제공"])
    target_groups: list[str] | None = None
    technologies: list[str] | None = None
    rationale: str = ""


@router.post("/services/{service_id}/codings", status_code=201, summary="Store a human coding (token needed)")
def add_coding(
    request: Request, service_id: ServiceId, body: CodingIn, _: Annotated[str, Depends(require_token)]
) -> dict[str, Any]:
    body.coder = login_form_name(body.coder)
    if not valid_login(body.coder):
        raise HTTPException(422, "coder: letters, digits, '.', '_' and '-' only (up to 40)")
    pool = context(request).pool
    with pool.write() as cat:
        current = get_service(cat, service_id)
        split = lambda v: [x for x in (v or "").split(";") if x]
        domain_id = body.domain_id if body.domain_id is not None else current["domain_id"]
        subtype = (
            body.subtype
            if body.subtype is not None
            else (current["subtype"] if domain_id == current["domain_id"] else None)
        )
        record = CodingRecord(
            domain_id=domain_id,
            subtype=subtype,
            function=body.function if body.function is not None else current["function"],
            target_groups=body.target_groups if body.target_groups is not None else split(current["target_groups"]),
            technologies=body.technologies if body.technologies is not None else split(current["technologies"]),
            confidence=1.0,
            rationale=body.rationale or "coded through the API",
            coder=f"human:{body.coder}",
        )
        try:
            coding_id = cat.add_coding(service_id, record)
        except CatalogueError as exc:
            raise HTTPException(422, str(exc)) from None
        return {"coding_id": coding_id, "service": cat.service(service_id)}


@router.get("/municipalities", summary="Every municipality with its service count and top domain")
def municipalities(request: Request) -> list[dict[str, Any]]:
    return context(request).insights.municipalities()


@router.get("/municipalities/{name:path}", summary="One municipality's profile")
def municipality(request: Request, name: MunicipalityName) -> dict[str, Any]:
    profile = context(request).insights.municipality(name)
    if profile is None:
        raise HTTPException(404, f"no services of a municipality named {name!r}")
    return profile


@router.get("/compare", summary="Side-by-side profiles of two or more municipalities")
def compare_municipalities(request: Request, m: Annotated[list[str], Query()] = []) -> list[dict[str, Any]]:  # noqa: B006
    if len(m) < 2:
        raise HTTPException(422, "name two or more municipalities: ?m=A&m=B")
    if len(m) > MAX_COMPARE or any(len(x) > 200 for x in m):
        raise HTTPException(422, f"비교할 지자체는 {MAX_COMPARE}곳 이내, 이름은 200자 이내여야 합니다")
    try:
        return compare(context(request).insights, m)
    except KeyError as exc:
        raise HTTPException(404, f"no services of a municipality named {exc.args[0]!r}") from None


@router.get("/archetypes", summary="Groups of near-identical services across municipalities")
def archetypes(request: Request, response: Response) -> dict[str, Any]:
    result = context(request).insights.archetypes(wait=10.0)
    if result is None:
        response.status_code = 202
        return {"status": "computing", "error": context(request).insights.archetype_error, "archetypes": []}
    return {"status": "ready", "archetypes": result.archetypes}


@router.get("/review-queue", summary="Services to review: disagreements and low confidence first")
def review_queue(
    cat: Reader,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    municipality: Annotated[str | None, Query(max_length=100)] = None,
    domain_id: Annotated[str | None, Query(max_length=40)] = None,
    max_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
) -> list[dict[str, Any]]:
    """One page of the queue (page on with offset: the queue itself has no cap), optionally filtered."""
    return cat.review_queue(
        limit=limit, offset=offset, municipality=municipality, domain_id=domain_id, max_confidence=max_confidence
    )


@router.post("/uploads", status_code=202, summary="Upload a plan document for ingestion (token needed)")
async def upload(
    request: Request,
    file: Annotated[UploadFile, File()],
    _: Annotated[str, Depends(require_token)],
    coder: Annotated[str, Form()] = "api",
) -> dict[str, Any]:
    if not valid_login(coder):
        raise HTTPException(422, "coder: letters, digits, '.', '_' and '-' only (up to 40)")
    job = await accept_upload(request, file, f"api:{coder}")
    return {"job": job.to_json(), "status_url": f"/api/jobs/{job.id}"}


async def accept_upload(request: Request, file: UploadFile, submitted_by: str):
    """Check and store an upload, then queue its ingestion; refusals become HTTP errors."""
    ctx = context(request)
    try:
        path, _ = await run_in_threadpool(
            store_upload, file.file, file.filename or "upload", ctx.settings.upload_dir, ctx.settings.max_upload_bytes
        )
    except UploadRefused as exc:
        raise HTTPException(exc.status, exc.message) from None
    return ctx.jobs.submit(path, submitted_by)


@router.get("/jobs", summary="Recent upload jobs")
def jobs(request: Request) -> list[dict[str, Any]]:
    return [j.to_json() for j in context(request).jobs.jobs()]


@router.get("/jobs/{job_id}", summary="One upload job's progress and what it found")
def job(request: Request, cat: Reader, job_id: JobId) -> dict[str, Any]:
    return job_status(cat, request, job_id)


def job_status(cat: Catalogue, request: Request, job_id: str) -> dict[str, Any]:
    """A job as JSON, with the services it found (id, name, domain, page) once it is done."""
    found = context(request).jobs.get(job_id)
    if found is None:
        raise HTTPException(404, f"no upload job {job_id!r}")
    data = found.to_json()
    ids = found.service_ids[:1000]
    rows = (
        cat.services(f"service_id IN ({', '.join('?' * len(ids))})", ids, order_by="plan_id, position") if ids else []
    )
    data["services"] = [
        {k: r[k] for k in ("service_id", "municipality", "name", "domain", "domain_id", "page", "confidence", "coder")}
        for r in rows
    ]
    return data
