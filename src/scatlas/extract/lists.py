"""Services listed as numbered or bulleted items under a services chapter's domain headings.

`가. 교통 분야` → `1) 스마트 버스정류장` → `- 버스 도착 정보 …`: the first kind of marker met under a group heading
marks the items, deeper markers their descriptions. Groups outside service chapters, or whose items read as
sentences (strategies, prose), give nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scatlas.extract.candidates import ORDER_SCALE, Candidate, clean_name, clean_name_id, looks_like_name
from scatlas.extract.fields import field_of
from scatlas.extract.outline import (
    EXCLUDED_ZONES,
    Line,
    Outline,
    TableItem,
    domain_heading_label,
    heading_zone,
    numbering_kind,
)
from scatlas.extract.text import strip_bullet, strip_numbering

_BULLET = re.compile(r"^([○●◦ㅇ•∙‧▪▫➢➤Ÿ\uf0a7\uf09f\uf06c\uf0d8\-–·*])\s*")
# Headings in a services chapter that introduce criteria, directions or effects, not a list of services.
_NOT_A_LIST = re.compile(
    r"기준|방향|원칙|절차|방법|과정|전략|배경|필요성|목적|효과|현황|분석|시사점|고려사항|체계|개념|정의"
)
# Aims and effects ('대중교통 편의 증진') are listed like services under domain headings but are not services.
_GOAL = re.compile(r"(?:증진|향상|제고|도모|확보|강화|실현|달성|극대화|최소화|해소|개선|절감|활성화)$")
_INLINE = re.compile(r"\s*(?:[:：]|\s[-–—]\s)\s*")
_SERVICE_WORDS = re.compile(
    r"스마트|서비스|시스템|플랫폼|정보|안내|관리|관제|모니터링|감지|알림|IoT|AI|ICT|앱|키오스크|"
    r"디지털|자율|공유|원격|지능|실시간|센서|드론|로봇|빅데이터|데이터|충전|주차|버스|CCTV|"
    r"안심|케어|측정|예측|통합|무인",
    re.IGNORECASE,
)


def marker_of(text: str) -> tuple[str, str] | None:
    """(marker kind, text after the marker) for an item line ('1) …', '① …', 'Ÿ …', '- …'), else None."""
    kind = numbering_kind(text)
    if kind is not None and kind != "chapter":
        return kind, strip_numbering(text)
    match = _BULLET.match(text)
    if match:
        return f"bullet{match.group(1)}", text[match.end() :].strip()
    return None


@dataclass
class _Group:
    label: str | None
    zone: str
    level: int
    item_kind: str | None = None
    items: list[Candidate] = field(default_factory=list)


@dataclass
class ListResult:
    """What the list extractor found."""

    candidates: list[Candidate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _close(group: _Group | None, result: ListResult) -> None:
    if group is None or not group.items:
        return
    names = [c.name for c in group.items]
    good = sum(looks_like_name(n) and not _GOAL.search(n) for n in names)
    if good / len(names) < 0.6:
        return
    # Without both a service chapter and a domain heading above them, items must read like services.
    if (group.zone != "services" or group.label is None) and (
        (group.zone != "services" and group.label is None)
        or len(names) < 2
        or sum(bool(_SERVICE_WORDS.search(n)) for n in names) / len(names) < 0.6
    ):
        return
    for candidate in group.items:
        if looks_like_name(candidate.name) and not _GOAL.search(candidate.name):
            result.candidates.append(candidate)


def extract_lists(outline: Outline, consumed: set[int] | None = None) -> ListResult:
    """Services listed as items under the group headings of service chapters (lines used by cards skipped)."""
    consumed = consumed or set()
    result = ListResult()
    group: _Group | None = None
    last: Candidate | None = None
    for i, item in enumerate(outline.items):
        if isinstance(item, TableItem):
            continue
        line: Line = item
        if line.skipped or i in consumed:
            if i in consumed:
                last = None
            continue
        is_group_heading = line.level is not None and (
            domain_heading_label(line.text) is not None
            or (heading_zone(line.text) == "services" and not _NOT_A_LIST.search(line.text))
        )
        if is_group_heading:
            _close(group, result)
            group, last = None, None
            if line.zone not in EXCLUDED_ZONES and line.zone != "strategy":
                group = _Group(line.domain_label, line.zone, line.level or 0)
            continue
        if group is None:
            continue
        if line.level is not None and line.level <= group.level:
            _close(group, result)
            group, last = None, None
            continue
        if field_of(line.text) is not None:
            last = None  # a card label ('○ 서비스 개요') is neither an item nor an item's description
            continue
        marked = marker_of(line.text)
        if marked is None:
            if last is not None:
                last.description = f"{last.description} {line.text}".strip()
            continue
        kind, rest = marked
        if group.item_kind is None:
            name_part = _INLINE.split(rest, maxsplit=1)[0]
            if not looks_like_name(clean_name(name_part)[0]):
                continue
            group.item_kind = kind
        if kind == group.item_kind:
            parts = _INLINE.split(rest, maxsplit=1)
            name, status, service_id = clean_name_id(parts[0])
            description = parts[1].strip() if len(parts) > 1 else ""
            extra: dict[str, object] = {"status": status} if status else {}
            if service_id:
                extra["id"] = service_id
            last = Candidate(
                name=name,
                description=description,
                label=group.label,
                page=line.page,
                kind="list",
                order=line.index * ORDER_SCALE,
                extra=extra,
            )
            group.items.append(last)
        elif last is not None:
            last.description = f"{last.description} {strip_bullet(rest) or rest}".strip()
    _close(group, result)
    return result
