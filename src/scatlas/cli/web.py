"""Command: serve — the web dashboard and JSON API over a catalogue."""

from __future__ import annotations

from typing import Annotated

import typer

from scatlas.cli.app import DEFAULT_DB, DbOption, app, console, fail
from scatlas.i18n import _


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    max_upload_mb: Annotated[float, typer.Option("--max-upload-mb", help="Largest upload accepted, in MB.")] = 50.0,
    workers: Annotated[int, typer.Option(help="Worker processes (default: one per CPU core, at most 8).")] = 0,
    public_exports: Annotated[
        bool,
        typer.Option(
            "--public-exports", help="Let anyone download whole-catalogue exports (default: logged-in coders only)."
        ),
    ] = False,
) -> None:
    """Serve the web dashboard and the JSON API (/api/, described at /openapi.json).

    Reads are open. Writes (review, upload) need the token in SCATLAS_TOKEN — sent as 'Authorization: Bearer …'
    to the API, or typed into the login page; when SCATLAS_TOKEN is unset a token is generated and printed.

    Several worker processes share the catalogue file (SQLite WAL), the logins and the upload jobs.

    Example: SCATLAS_TOKEN=secret scatlas serve --db scatlas.db --port 8000 --workers 4
    """
    import os

    import uvicorn

    from scatlas.errors import CatalogueError
    from scatlas.web import WebSettings, create_app

    if max_upload_mb <= 0:
        raise fail(_("--max-upload-mb는 0보다 커야 한다"), 2)
    generated = not os.environ.get("SCATLAS_TOKEN")
    if workers < 0:
        raise fail(_("--workers는 0(코어마다 하나) 이상이어야 한다"), 2)
    workers = workers or min(os.cpu_count() or 1, 8)
    settings = WebSettings(db=db, max_upload_bytes=int(max_upload_mb * 1024 * 1024), public_exports=public_exports)
    try:
        web_app = create_app(settings)  # creates or migrates the catalogue once, before any worker opens it
    except CatalogueError as exc:
        raise fail(str(exc)) from None
    console.print(
        _("scatlas: 카탈로그 {db} → {url}  (API: /api/, OpenAPI: /openapi.json)").format(
            db=db, url=f"http://{host}:{port}/"
        )
    )
    if generated:
        console.print(_("쓰기 토큰 (SCATLAS_TOKEN이 없어 만듦)") + f": [bold]{settings.token}[/]")
    if workers == 1:
        uvicorn.run(web_app, host=host, port=port, log_level="info")
        return
    from scatlas.web.factory import settings_to_env

    os.environ.update(settings_to_env(settings))  # the workers rebuild the same settings from these
    console.print(_("작업 프로세스: {n}").format(n=workers))
    uvicorn.run(
        "scatlas.web.factory:app_from_env", factory=True, workers=workers, host=host, port=port, log_level="info"
    )
