"""report.html: one self-contained page (inline PNG charts, inline CSS and JS, an embedded font subset)."""

from __future__ import annotations

import base64
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from scatlas import __version__, fonts
from scatlas.report import findings as fnd
from scatlas.report.document import (  # noqa: F401
    BASIS_NOTES,
    MAX_DIAGNOSES,
    Document,
    build_document,
    diagnoses_for,
    diagnosis_notes,
    diagnosis_tables,
)

#: Where the template wants the @font-face rules.
FONT_SLOT = "/*@font-face*/"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment; autoescape is on, so text from documents is always HTML-escaped."""
    env = Environment(
        loader=PackageLoader("scatlas.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.globals.update(
        pct=fnd.pct, diagnosis_text=fnd.diagnosis, diagnosis_tables=diagnosis_tables, diagnosis_notes=diagnosis_notes
    )
    return env


def render_html(
    analysis: dict[str, Any],
    charts: dict[str, bytes],
    *,
    municipality: str | None = None,
    title: str | None = None,
    doc: Document | None = None,
    generated: str = "",
) -> str:
    """The report page; with `municipality`, that municipality's diagnosis beside the overall picture."""
    doc = doc or build_document(analysis, municipality=municipality, title=title)
    page = (
        environment()
        .get_template("report.html.j2")
        .render(
            doc=doc,
            title=doc.title,
            charts={k: base64.b64encode(v).decode() for k, v in charts.items()},
            version=__version__,
            generated=generated,
        )
    )
    return embed_font(page)


def embed_font(page: str) -> str:
    """The page with a subset of the Korean font (just the characters it shows) embedded as WOFF data URLs, so it
    renders Hangul on a machine without a Korean font."""
    return page.replace(FONT_SLOT, fonts.font_face_css(page), 1)
