"""A service as one extractor found it, before duplicates across tables, cards and lists are merged."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scatlas.extract.text import collapse, split_service_id, strip_numbering

# Status marks printed after a name ('스마트 쉼터(신규)'): kept in extra, not in the name.
_STATUS = re.compile(r"\s*[\(（\[]\s*(신규|계속|고도화|기존|확대|확장|연계|시범|공모)\s*[\)）\]]\s*$")
_SENTENCE = re.compile(r"(?:다|함|음|임|됨|요)\s*[.。]?\s*$|[.。]\s*$")
_NOT_NAMES = re.compile(r"^(?:합계|소계|총계|계|합|총|비고|기타|총사업비|사업비|계\s*\(\d+\))$")


#: Room for the rows of one table between two outline positions in `Candidate.order`.
ORDER_SCALE = 100_000


@dataclass
class Candidate:
    """One service found by a table, card or list extractor."""

    name: str
    description: str = ""
    label: str | None = None  # the domain label as printed
    page: int | None = None
    kind: str = "table"  # table | card | list
    order: int = 0  # outline position * ORDER_SCALE + row, to keep the plan's order
    extra: dict[str, object] = field(default_factory=dict)


def clean_name(raw: str) -> tuple[str, str | None]:
    """The service name without numbering and a trailing status mark, and that mark if there was one."""
    name, status, _ = clean_name_id(raw)
    return name, status


def clean_name_id(raw: str) -> tuple[str, str | None, str | None]:
    """The service name without numbering, service ID ('[S-03]', '교통-01') and status mark; the mark; the ID."""
    name, service_id = split_service_id(collapse(strip_numbering(raw)))
    name = collapse(strip_numbering(name)).strip(" :：-–")
    status = None
    match = _STATUS.search(name)
    if match:
        status = match.group(1)
        name = name[: match.start()].strip()
    return name, status, service_id


def looks_like_name(name: str) -> bool:
    """True for text that can be a service name: short, not a sentence, not a total row, holds Hangul or letters."""
    if not name or _NOT_NAMES.match(name.replace(" ", "")):
        return False
    if len(name) < 2 or len(name) > 45:
        return False
    if not re.search(r"[가-힣A-Za-z]", name):
        return False
    return not (_SENTENCE.search(name) and len(name) > 12)


def where(page: int | None) -> str:
    """'page 12: ' for a warning, or '' where the format has no pages."""
    return f"page {page}: " if page is not None else ""
