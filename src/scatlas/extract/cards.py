"""Service cards: one section per service, as text (`□ 서비스명 : …`, `○ 서비스 개요`, …) or as a label table.

A card starts at `서비스명 : X` (or `【서비스명】 X`), at a heading (`3-1. 스마트 버스정류장`, `□ 스마트 버스정류장`,
`1. [S-03] 스마트 횡단보도`) that is followed closely by card fields (`○ 서비스 개요`, `○ 주요 기능`, `○ 적용 기술`,
`○ 추진 주체`) or by a table of them, or at a line marked `●`, `❍`, `▶` … that is followed at once by a 서비스 개요
field marked differently. A label table broken over a page goes on in the next label table without a 서비스명 row.
Service IDs printed with the name go to `extra["id"]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scatlas.extract.candidates import ORDER_SCALE, Candidate, clean_name_id, looks_like_name, where
from scatlas.extract.fields import FIELD_LABELS, field_of
from scatlas.extract.outline import (
    EXCLUDED_ZONES,
    PATTERN_LEVEL_BASE,
    Item,
    Outline,
    TableItem,
    domain_heading_label,
    heading_zone,
)
from scatlas.extract.text import clean_cell, compact, split_service_id, strip_numbering
from scatlas.taxonomy import try_normalise_domain

_CONTINUED = re.compile(r"고도화|확대|지속|계속|연계|유지|계승|확장|재구축")


@dataclass
class _Card:
    name: str
    page: int | None
    order: int
    level: int | None  # the heading level it started at (None for '서비스명 :' cards)
    label: str | None
    zone: str
    fields: dict[str, list[str]] = field(default_factory=dict)
    printed: dict[str, str] = field(default_factory=dict)  # field key -> printed label
    current: str | None = None
    name_label: str | None = None  # a domain printed after the name: '스마트 버스정류장 (교통)'
    service_id: str | None = None  # an ID printed with the name: '[S-03] 스마트 횡단보도'

    def __post_init__(self) -> None:
        self.name, _, self.service_id = clean_name_id(self.name)
        match = _NAME_DOMAIN.search(self.name)
        if match and try_normalise_domain(match.group(1)):
            self.name, self.name_label = self.name[: match.start()].strip(), match.group(1).strip()

    def add(self, key: str, printed: str, value: str) -> None:
        self.current = key
        self.printed.setdefault(key, printed)
        self.fields.setdefault(key, [])
        if value:
            self.fields[key].append(value)

    def body(self, text: str) -> None:
        if self.current is None:
            self.add("body", "본문", "")
        self.fields[self.current or "body"].append(strip_numbering(text))


def _field_pairs(item: TableItem) -> list[tuple[str, str, str]]:
    """(field, printed label, value) pairs of a label table (label cell, then its value cell to the right)."""
    if "card_pairs" not in item.memo:
        item.memo["card_pairs"] = _read_pairs(item)
    return item.memo["card_pairs"]  # type: ignore[return-value]


def _pair_rows(item: TableItem) -> list[int]:
    """The row of each of `_field_pairs(item)` (for the page of a card in a table joined over pages)."""
    _field_pairs(item)
    return item.memo["card_rows"]  # type: ignore[return-value]


def _read_pairs(item: TableItem) -> list[tuple[str, str, str]]:
    pairs = []
    rows: list[int] = []
    item.memo["card_rows"] = rows
    for r, row in enumerate(item.table.grid()):
        cells = [clean_cell(c) for c in row]
        c = 0
        while c < len(cells):
            kind = FIELD_LABELS.get(compact(cells[c]).replace("·", "")) if cells[c] else None
            if kind is not None:
                value = next((v for v in cells[c + 1 :] if v), "")
                if value and FIELD_LABELS.get(compact(value)) is None:
                    pairs.append((kind, cells[c], value))
                    rows.append(r)
                    c += 1 + cells[c + 1 :].index(value)
            c += 1
    return pairs


def is_card_table(item: TableItem) -> bool:
    """True for a table of card fields (서비스명 | …, 서비스 개요 | …) rather than a list of services."""
    pairs = _field_pairs(item)
    kinds = [k for k, _, _ in pairs]
    return (
        len(pairs) >= 2
        and ("name" in kinds or len(set(kinds) & {"overview", "functions"}) >= 1)
        and len(pairs) >= item.table.n_rows * 0.5
    )


_NAME_DOMAIN = re.compile(r"\s*[(（\[]\s*([^()（）\[\]]{1,12})\s*[)）\]]\s*$")
_LABEL_END = re.compile(
    r"(?:사례|현황|계획|방안|효과|내용|기술|주체|예산|시기|위치|대상|구성도?|개념|필요성|배경|목적|규모|"
    r"기간|일정|체계|전략|방향|과제|흐름도|연계|재원)$"
)
_OTHER_FIELD = re.compile(r"^[○□■◦ㅇ❍▣◎]\s*([^:：]{2,12}?)\s*(?:[:：]\s*(.*))?$")


def _other_field(text: str) -> tuple[str, str] | None:
    """(label, value) for a box- or circle-bulleted label line that is not a known card field, else None."""
    match = _OTHER_FIELD.match(text.strip())
    if not match or re.search(r"(?:다|함|음|임|됨)\s*\.?$", match.group(1)):
        return None
    if match.group(2) is None and not _LABEL_END.search(compact(match.group(1))):
        return None  # '○ 실시간 정보 제공' under 주요 기능 is an item of that field, not a field
    return match.group(1).strip(), (match.group(2) or "").strip()


def _has_name(item: TableItem) -> bool:
    return any(kind == "name" for kind, _, _ in _field_pairs(item))


#: Markers of card titles that are not headings by their numbering ('● 스마트 횡단보도', '❍ …', '▶ …').
_TITLE_MARKS = "●❍▶▷►◈◎○◦ㅇ"
# What a service ID can start with (a cheap test before the full one in split_service_id).
_ID_HINT = re.compile(r"[\[【(<〈]?\s*(?:[A-Z]{1,4}[-_]?\d|[가-힣]{1,4}-\d|서비스\s*\d)")


def _marker_title(items: list[Item], i: int) -> bool:
    """True for a marked line followed at once by a 서비스 개요 field with another marker: a card title.

    Items of a card's own fields ('· 실시간 정보 제공' before '- 주요 기능') are followed by other fields, and
    the item before '서비스 개요' in the next card is that card's title, so only an overview counts. A line
    that starts with a service ID ('[S-03] …', '서비스 3. …') may be followed by its 주요 기능 too.
    """
    line = items[i]
    text = line.text.strip()  # type: ignore[union-attr]
    if not text:
        return False
    body = text[1:].lstrip() if text[0] in _TITLE_MARKS else text
    has_id = bool(_ID_HINT.match(body)) and split_service_id(body)[1] is not None
    if (text[0] not in _TITLE_MARKS and not has_id) or field_of(text) is not None:
        return False
    for nxt in items[i + 1 : i + 4]:
        if isinstance(nxt, TableItem):
            return False
        if nxt.skipped:
            continue
        hit = field_of(nxt.text)
        if has_id:
            return bool(hit and hit[0] in ("overview", "functions"))
        return bool(hit and hit[0] == "overview" and nxt.text.strip()[:1] != text[0])
    return False


_CHAPTER_WORDS = re.compile(
    r"스마트도시서비스|서비스(?:구축|도입|세부|목록|계획|개요|발굴|선정|내용|별)|분야별|세부계획"
)


def _starts_card(items: list[Item], i: int) -> bool:
    """True when the heading at i is followed closely by card fields (lines or a label table)."""
    seen = 0
    for nxt in items[i + 1 : i + 12]:
        if isinstance(nxt, TableItem):
            return is_card_table(nxt) and not _has_name(nxt)
        if nxt.skipped:
            continue
        hit = field_of(nxt.text)
        if hit and hit[0] != "name":
            return True
        if nxt.level is not None and not hit:
            return False
        seen += 1
        if seen >= 3:
            return False
    return False


@dataclass
class CardResult:
    """What the card extractor found."""

    candidates: list[Candidate] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)  # outline indices the cards used
    warnings: list[str] = field(default_factory=list)


def _finish(card: _Card | None, result: CardResult) -> None:
    if card is None:
        return
    fields = {k: " ".join(v).strip() for k, v in card.fields.items()}
    continued = card.zone == "existing" and _CONTINUED.search(" ".join(fields.values()))
    if card.zone in EXCLUDED_ZONES and not continued:
        return
    if not any(k in fields for k in ("overview", "functions")) and not any(k.startswith("extra:") for k in fields):
        if card.level is None:  # '서비스명 : X' says it is a service even without fields
            result.warnings.append(f"{where(card.page)}service card {card.name!r} has no 개요 or 기능 field")
        else:
            return
    if card.zone == "strategy" and sum(k in fields for k in ("overview", "functions")) < 2:
        return  # strategies are named like services; a real card has both an overview and functions
    description = fields.get("overview") or fields.get("functions") or fields.get("body", "")
    extra: dict[str, object] = {}
    for key, value in fields.items():
        if not value or key in ("overview", "domain", "name", "body"):
            continue
        if key == "functions" and "overview" not in fields:
            continue
        printed = card.printed.get(key, key)
        extra[printed] = value
    label = fields.get("domain") or card.name_label or card.label
    if card.zone == "existing":
        extra["continued"] = True
    if card.service_id:
        extra["id"] = card.service_id
    result.candidates.append(
        Candidate(
            name=card.name,
            description=description,
            label=label or None,
            page=card.page,
            kind="card",
            order=card.order,
            extra=extra,
        )
    )


def extract_cards(outline: Outline) -> CardResult:
    """Services laid out as cards (text sections or label tables)."""
    result = CardResult()
    items = outline.items
    card: _Card | None = None
    table_card: _Card | None = None  # a label-table card that may go on in the next table, over a page break
    for i, item in enumerate(items):
        if table_card is not None:
            if isinstance(item, TableItem) and is_card_table(item) and not _has_name(item):
                for kind, printed, value in _field_pairs(item):
                    table_card.add(f"extra:{compact(printed)}" if kind == "extra" else kind, printed, value)
                result.consumed.add(i)
                continue
            if not isinstance(item, TableItem) and item.skipped:
                continue
            _finish(table_card, result)
            table_card = None
        if isinstance(item, TableItem):
            if card is not None and is_card_table(item) and not _has_name(item):
                for kind, printed, value in _field_pairs(item):
                    card.add(f"extra:{compact(printed)}" if kind == "extra" else kind, printed, value)
                result.consumed.add(i)
                continue
            if is_card_table(item) and _has_name(item):
                _finish(card, result)
                card = None
                # one card per 서비스명 row: a reader joins label tables that follow each other over pages
                for (kind, printed, value), r in zip(_field_pairs(item), _pair_rows(item), strict=False):
                    if kind == "name":
                        _finish(table_card, result)
                        table_card = _Card(
                            value,
                            item.table.page_of_row(r),
                            item.index * ORDER_SCALE + r,
                            None,
                            item.domain_label,
                            item.zone,
                        )
                    elif table_card is not None:
                        table_card.add(f"extra:{compact(printed)}" if kind == "extra" else kind, printed, value)
                result.consumed.add(i)
            continue
        if item.skipped:
            continue
        hit = field_of(item.text)
        if hit and hit[0] == "name" and hit[2]:
            _finish(card, result)
            card = _Card(hit[2], item.page, item.index * ORDER_SCALE, None, item.domain_label, item.zone)
            result.consumed.add(i)
            continue
        if item.level is None and not hit and _marker_title(items, i):
            _finish(card, result)
            card = _Card(item.text, item.page, item.index * ORDER_SCALE, None, item.domain_label, item.zone)
            result.consumed.add(i)
            continue
        if item.level is not None and not hit:
            heading_name = clean_name_id(item.text)[0]
            if (
                looks_like_name(heading_name)
                and not _CHAPTER_WORDS.search(compact(heading_name))
                and _starts_card(items, i)
            ):
                # A card named like a group ('스마트 헬스케어') is a service: its label comes from its fields.
                own_label = domain_heading_label(item.text) is not None
                _finish(card, result)
                card = _Card(
                    item.text,
                    item.page,
                    item.index * ORDER_SCALE,
                    item.level,
                    None if own_label else item.domain_label,
                    item.zone,
                )
                result.consumed.add(i)
                continue
            ends = (
                item.level < PATTERN_LEVEL_BASE
                or (card is not None and card.level is not None and item.level <= card.level)
                or domain_heading_label(item.text) is not None
                or heading_zone(item.text) not in (None, "services")
            )
            if card is not None and ends:
                _finish(card, result)
                card = None
                continue
        if card is None:
            continue
        result.consumed.add(i)
        if hit:
            kind, printed, value = hit
            card.add(f"extra:{compact(printed)}" if kind == "extra" else kind, printed, value)
        elif (other := _other_field(item.text)) is not None:
            printed, value = other  # '○ 유사 사례 : …' — a field of its own, kept out of the description
            card.add(f"extra:{compact(printed)}", printed, value)
        else:
            card.body(item.text)
    _finish(card, result)
    _finish(table_card, result)
    return result
