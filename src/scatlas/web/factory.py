"""The app for each worker process of `scatlas serve --workers N`: settings come from the environment that the
serving command sets before uvicorn starts the workers (every worker shares the token, the session secret and the
catalogue file; each opens its own read-only connections)."""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI

from scatlas.web.app import WebSettings, create_app

ENV_DB = "SCATLAS_DB"
ENV_SECRET_HEX = "SCATLAS_SECRET_HEX"
ENV_MAX_UPLOAD = "SCATLAS_MAX_UPLOAD_BYTES"
ENV_PUBLIC_EXPORTS = "SCATLAS_PUBLIC_EXPORTS"


def settings_to_env(settings: WebSettings) -> dict[str, str]:
    """What a worker needs to rebuild the same settings."""
    assert settings.secret is not None and settings.token is not None
    return {
        ENV_DB: str(Path(settings.db).resolve()),
        "SCATLAS_TOKEN": settings.token,
        ENV_SECRET_HEX: settings.secret.hex(),
        ENV_MAX_UPLOAD: str(settings.max_upload_bytes),
        ENV_PUBLIC_EXPORTS: "1" if settings.public_exports else "",
    }


def app_from_env() -> FastAPI:
    """uvicorn's factory for each worker."""
    return create_app(
        WebSettings(
            db=Path(os.environ[ENV_DB]),
            token=os.environ["SCATLAS_TOKEN"],
            secret=bytes.fromhex(os.environ[ENV_SECRET_HEX]),
            max_upload_bytes=int(os.environ[ENV_MAX_UPLOAD]),
            public_exports=bool(os.environ.get(ENV_PUBLIC_EXPORTS)),
        )
    )
