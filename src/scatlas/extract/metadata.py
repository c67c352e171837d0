"""Plan metadata: the municipality (official name and code), the plan title and the plan period."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scatlas.extract.municipalities import load_register, resolve_mentions
from scatlas.extract.outline import EXCLUDED_ZONES, Line, Outline
from scatlas.extract.text import collapse, nfc
from scatlas.ingest.document import Document

_DASH = r"[~\-–—∼～〜]"
_RANGE = re.compile(rf"(?<!\d)((?:19|20)\d{{2}})\s*(?:년도?|\.)?\s*{_DASH}\s*((?:19|20)\d{{2}}|\d{{2}})\s*(?:년도?)?(?!\d)")
_SHORT_RANGE = re.compile(rf"[''‘’`](\d{{2}})\s*{_DASH}\s*[''‘’`]?(\d{{2}})(?!\d)")
_TARGET = re.compile(r"목표\s*연도\s*[:：]?\s*((?:19|20)\d{2})")
_BASE = re.compile(r"기준\s*연도\s*[:：]?\s*((?:19|20)\d{2})")
_PERIOD_LINE = re.compile(r"계획\s*기간|목표\s*연도|기준\s*연도|계획\s*년도|수립\s*기간")
_TITLE = re.compile(r"(?:제\s*\d+\s*차\s*)?[^\s]{0,20}?\s*[가-힣·\s]{0,24}?스마트\s*(?:도시|시티)\s*(?:기본\s*|실행\s*|종합\s*|조성\s*)?계획"
                    r"(?:\s*[(（\[]?\s*(?:(?:19|20)\d{2}|'\d{2})\s*년?\s*" + _DASH +
                    r"\s*(?:(?:19|20)\d{2}|'?\d{2})\s*년?\s*[)）\]]?)?(?:\s*[(（]\s*(?:변경|재수립|안)\s*[)）])?")
_COVER_PAGES = 3


def _valid(start: int, end: int) -> tuple[int, int] | None:
    if 1990 <= start <= end <= 2070 and end - start <= 30:
        return start, end
    return None


def parse_period(text: str) -> tuple[int, int] | None:
    """The plan period a text states: '2023~2027', '2023-2027', '2023년~2027년', "'23~'27", '목표연도 2030'."""
    text = nfc(text)
    for match in _RANGE.finditer(text):
        start, end_text = int(match.group(1)), match.group(2)
        end = int(end_text) if len(end_text) == 4 else (start // 100) * 100 + int(end_text)
        period = _valid(start, end)
        if period:
            return period
    for match in _SHORT_RANGE.finditer(text):
        period = _valid(2000 + int(match.group(1)), 2000 + int(match.group(2)))
        if period:
            return period
    target = _TARGET.search(text)
    if target:
        end = int(target.group(1))
        base = _BASE.search(text)
        if base:
            return _valid(int(base.group(1)), end)
    return None  # a target year alone gives no start: reported by the caller, not guessed


def find_title(lines: list[str]) -> str | None:
    """The plan title among cover lines ('○○시 스마트도시계획(2023~2027)'), joining a title split over lines."""
    for i, line in enumerate(lines):
        if not re.search(r"스마트\s*(?:도시|시티)", line) or "계획" not in line and not (
                i + 1 < len(lines) and lines[i + 1].startswith("계획")):
            continue
        joined = line
        # A cover often breaks the title: '목포시' / '스마트도시계획' / '(2023~2027)'.
        if i > 0 and len(lines[i - 1]) <= 14 and resolve_mentions(lines[i - 1]).counts and \
                not resolve_mentions(line).counts:
            joined = f"{lines[i - 1]} {joined}"
        if i + 1 < len(lines) and re.fullmatch(rf"[(（]?\s*(?:(?:19|20)\d{{2}}|'\d{{2}})\s*년?\s*{_DASH}.{{2,8}}",
                                               lines[i + 1]):
            joined = f"{joined}{lines[i + 1]}"
        match = _TITLE.search(collapse(joined))
        if match:
            title = collapse(match.group(0)).strip(" -·:")
            if len(title) >= 6:
                return title
    return None


@dataclass
class PlanMetadata:
    """What the extractor says about the plan as a whole."""

    municipality: str | None = None
    municipality_code: str | None = None
    title: str | None = None
    period: tuple[int, int] | None = None
    warnings: list[str] = field(default_factory=list)


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
        early = _early_lines(outline, document, 8)
        meta.title = find_title(early)

    # Period: a line that says 계획기간/목표연도 first, then the title, then the first pages.
    early_lines = _early_lines(outline, document, 12)
    period_lines = [ln for ln in early_lines if _PERIOD_LINE.search(ln)]
    for source in (" ".join(period_lines), meta.title or "", " ".join(cover)):
        meta.period = parse_period(source) if source else None
        if meta.period:
            break
    if meta.period is None:
        target = _TARGET.search(" ".join(period_lines))
        if target:
            meta.warnings.append(f"plan period: target year {target.group(1)} found, but no start year (기준연도)")
        else:
            meta.warnings.append("plan period not found on the cover or first pages")

    # Municipality: the title weighs most, then the cover and running headers, then the body outside 사례 chapters.
    title_text = " ".join([meta.title or ""] * 5 + ([nfc(document.title)] if document.title else []))
    titleish = " ".join([title_text, *cover, *outline.running_lines * 2])
    resolution = resolve_mentions(titleish)
    if resolution.code is None and resolution.name is None:
        body = " ".join(item.text for item in outline.items
                        if isinstance(item, Line) and item.zone not in EXCLUDED_ZONES)
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
        if row.name not in meta.title and row.full_name not in meta.title and \
                not any(a in meta.title for a in row.aliases if len(a) > 2):
            meta.warnings.append(f"the title {meta.title!r} does not name {row.full_name}")
    if meta.title is None:
        meta.warnings.append("plan title not found on the cover or first pages")
    return meta


def metadata_from_lines(lines: list[str]) -> PlanMetadata:
    """Title, period and municipality from loose lines (a workbook's cover sheet or title rows).

    For importers of tabular inventories whose sheets carry a title such as '양평군 스마트도시계획(2024~2028) 부록'.
    """
    lines = [collapse(nfc(line)) for line in lines if line and collapse(nfc(line))]
    meta = PlanMetadata(title=find_title(lines))
    meta.period = parse_period(meta.title or "") or parse_period(" ".join(lines))
    resolution = resolve_mentions(" ".join([meta.title or ""] * 5 + lines))
    meta.municipality, meta.municipality_code = resolution.name, resolution.code
    meta.warnings.extend(resolution.notes)
    return meta
