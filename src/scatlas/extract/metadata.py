"""Plan metadata of a document: the municipality (official name and code), the plan title and the plan period.

The rules (title spellings, period spellings, which line decides the period, the register) live in
scatlas.planmeta, shared with the tabular importer; this module picks the document's lines to give them.
"""

from __future__ import annotations

from scatlas.extract.outline import EXCLUDED_ZONES, Line, Outline
from scatlas.extract.text import nfc
from scatlas.ingest.document import Document
from scatlas.planmeta import PlanMetadata, decide_period, find_title, metadata_from_lines, parse_period, period_warning
from scatlas.planmeta.register import load_register, resolve_mentions

__all__ = ["PlanMetadata", "extract_metadata", "find_title", "metadata_from_lines", "parse_period"]
_COVER_PAGES = 3


def _early_lines(outline: Outline, document: Document, pages: int) -> list[str]:
    """Lines of the first pages (the first 40 lines for formats without pages), outside 사례/기 구축 chapters."""
    numbers = {p.number for p in document.pages[:pages] if p.number is not None}
    lines = [item for item in outline.items if isinstance(item, Line) and item.zone not in ("case", "existing")]
    if numbers:
        return [item.text for item in lines if item.page in numbers]
    return [item.text for item in lines[:40]]


def extract_metadata(document: Document, outline: Outline) -> PlanMetadata:
    """Municipality, title and period from the cover, the first pages and the running headers."""
    meta = PlanMetadata()
    cover = _early_lines(outline, document, _COVER_PAGES)
    candidates = ([nfc(document.title)] if document.title else []) + cover + outline.running_lines
    meta.title = find_title(candidates)
    if meta.title is None:
        meta.title = find_title(_early_lines(outline, document, 8))

    # Period: a 계획기간 line first, then the title, then 기준연도+목표연도; phasing lines never decide.
    early_lines = _early_lines(outline, document, 12)
    meta.period, _ = decide_period(early_lines, meta.title)
    if meta.period is None:
        meta.warnings.append(period_warning(early_lines))

    # Municipality: the title weighs most, then the cover and running headers, then the body outside 사례 chapters.
    title_text = " ".join([meta.title or ""] * 5 + ([nfc(document.title)] if document.title else []))
    titleish = " ".join([title_text, *cover, *outline.running_lines * 2])
    resolution = resolve_mentions(titleish)
    if resolution.code is None and resolution.name is None:
        body = " ".join(
            item.text for item in outline.items if isinstance(item, Line) and item.zone not in EXCLUDED_ZONES
        )
        resolution = resolve_mentions(body)
    if resolution.code is not None:
        meta.municipality, meta.municipality_code = resolution.name, resolution.code
    elif resolution.name is not None:
        meta.municipality = resolution.name  # printed name kept, code unknown
    meta.warnings.extend(resolution.notes)
    if meta.municipality is None:
        meta.warnings.append("municipality not found in the title, cover or running headers")
    elif meta.title and meta.municipality_code:
        row = load_register().by_code[meta.municipality_code]
        if (
            row.name not in meta.title
            and row.full_name not in meta.title
            and not any(a in meta.title for a in row.aliases if len(a) > 2)
        ):
            meta.warnings.append(f"the title {meta.title!r} does not name {row.full_name}")
    if meta.title is None:
        meta.warnings.append("plan title not found on the cover or first pages")
    return meta
