"""Service search: Korean substring search over the FTS5 trigram and bigram indexes, filters, sorting and pagination."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any

from scatlas.catalogue import Catalogue
from scatlas.catalogue.bigrams import indexable as bigram_indexable

#: sort keys a client may ask for → SQL (a '-' prefix sorts descending); service_id breaks ties
SORTS: dict[str, str] = {
    "id": "service_id",
    "name": "name",
    "municipality": "municipality",
    "domain": "domain_id",
    "confidence": "confidence",
    "page": "page",
    "period": "period_start",
}
MAX_PER_PAGE = 200
#: bounds on what a client may send: longer values, more words or later pages are refused with 422, never a 500
MAX_TEXT = 200
MAX_WORDS = 20
MAX_VALUES = 50
MAX_PAGE = 100_000
#: counting every match of a broad query costs a scan of the whole catalogue; past this we say "N+"
COUNT_CAP = 1000
_PERIOD = re.compile(r"^\s*(\d{4})\s*(?:[~\-–]\s*(\d{4}))?\s*$")


class FilterError(ValueError):
    """A filter value that cannot be used (the message names the parameter)."""


@dataclass
class ServiceFilter:
    """What the services page and /api/services select, sort and page by (all optional)."""

    q: str = ""
    municipality: list[str] = field(default_factory=list)
    domain: list[str] = field(default_factory=list)  # domain ids
    subtype: list[str] = field(default_factory=list)
    function: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    tech: list[str] = field(default_factory=list)
    period: str = ""  # '2025' (plans covering that year) or '2023~2027' (exactly that period)
    conf_min: float | None = None
    conf_max: float | None = None
    sort: str = "id"
    page: int = 1
    per_page: int = 50

    @classmethod
    def from_query(cls, params: Any) -> ServiceFilter:
        """Build from a request's query parameters (a Starlette QueryParams or a dict of lists/strings)."""

        def many(name: str) -> list[str]:
            values = params.getlist(name) if hasattr(params, "getlist") else _as_list(params.get(name))
            return [_nfc(v).strip() for v in values if v and v.strip()]

        def one(name: str) -> str:
            values = many(name)
            return values[0] if values else ""

        def number(name: str, kind: type) -> Any:
            raw = one(name)
            if not raw:
                return None
            try:
                if len(raw) > 30:
                    raise ValueError(raw)
                value = kind(raw)
                if kind is float and value != value:  # NaN compares false with everything: refuse it here
                    raise ValueError(raw)
                return value
            except ValueError:
                raise FilterError(f"{name}: {raw!r} is not a number") from None

        flt = cls(
            q=_nfc(params.get("q") or "").strip(),
            municipality=many("municipality"),
            domain=many("domain"),
            subtype=many("subtype"),
            function=many("function"),
            target=many("target"),
            tech=many("tech"),
            period=one("period"),
            conf_min=number("conf_min", float),
            conf_max=number("conf_max", float),
            sort=one("sort") or "id",
            page=_default(number("page", int), 1),
            per_page=_default(number("per_page", int), 50),
        )
        flt.validate()
        return flt

    def validate(self) -> None:
        if self.sort.lstrip("-") not in SORTS:
            raise FilterError(f"sort: {self.sort!r} is not one of {', '.join(SORTS)} (prefix '-' for descending)")
        if not 1 <= self.page <= MAX_PAGE:
            raise FilterError(f"page: 1에서 {MAX_PAGE} 사이여야 합니다")
        if len(self.q) > MAX_TEXT:
            raise FilterError(f"q: 검색어는 {MAX_TEXT}자 이내여야 합니다 ({len(self.q)}자)")
        if len(self.q.split()) > MAX_WORDS:
            raise FilterError(f"q: 검색어는 {MAX_WORDS}단어 이내여야 합니다 ({len(self.q.split())}단어)")
        for name in ("municipality", "domain", "subtype", "function", "target", "tech"):
            values = getattr(self, name)
            if len(values) > MAX_VALUES:
                raise FilterError(f"{name}: 값은 {MAX_VALUES}개 이내여야 합니다 ({len(values)}개)")
            if any(len(v) > MAX_TEXT for v in values):
                raise FilterError(f"{name}: 값은 {MAX_TEXT}자 이내여야 합니다")
        if len(self.period) > MAX_TEXT or len(self.sort) > MAX_TEXT:
            raise FilterError(f"period/sort: 값은 {MAX_TEXT}자 이내여야 합니다")
        if not 1 <= self.per_page <= MAX_PER_PAGE:
            raise FilterError(f"per_page: must be between 1 and {MAX_PER_PAGE}")
        for name in ("conf_min", "conf_max"):
            value = getattr(self, name)
            if value is not None and not 0.0 <= value <= 1.0:
                raise FilterError(f"{name}: {value} is outside 0–1")
        if self.period and not _PERIOD.match(self.period):
            raise FilterError(f"period: {self.period!r} is neither a year (2025) nor a period (2023~2027)")

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition over service_view and its parameters."""
        conds: list[str] = []
        params: list[Any] = []
        text_cond, text_params = text_condition(self.q)
        if text_cond:
            conds.append(text_cond)
            params += text_params
        for column, values in (
            ("municipality", self.municipality),
            ("domain_id", self.domain),
            ("subtype", self.subtype),
            ("function", self.function),
        ):
            if values:
                conds.append(f"{column} IN ({', '.join('?' * len(values))})")
                params += values
        for column, values in (("target_groups", self.target), ("technologies", self.tech)):
            if values:  # ';'-joined lists: a value matches only a whole item
                conds.append("(" + " OR ".join(f"(';' || {column} || ';') LIKE ? ESCAPE '\\'" for _ in values) + ")")
                params += [f"%;{_escape_like(v)};%" for v in values]
        if self.period:
            match = _PERIOD.match(self.period)
            assert match is not None  # validate() ran
            start, end = match.group(1), match.group(2)
            if end:
                conds.append("period_start = ? AND period_end = ?")
                params += [int(start), int(end)]
            else:
                conds.append("period_start <= ? AND period_end >= ?")
                params += [int(start), int(start)]
        if self.conf_min is not None:
            conds.append("confidence >= ?")
            params.append(self.conf_min)
        if self.conf_max is not None:
            conds.append("confidence <= ?")
            params.append(self.conf_max)
        return " AND ".join(conds), params

    def text_only(self) -> bool:
        """Whether the filter is search words alone (every other selecting field at its default)."""
        defaults = ServiceFilter()
        return bool(self.q) and all(
            getattr(self, f.name) == getattr(defaults, f.name)
            for f in fields(self)
            if f.name not in ("q", "sort", "page", "per_page")
        )

    def order_by(self) -> str:
        key = self.sort.lstrip("-")
        direction = "DESC" if self.sort.startswith("-") else "ASC"
        column = SORTS[key]
        if key == "id":
            return f"service_id {direction}"
        return f"{column} IS NULL, {column} {direction}, service_id"

    def query_pairs(self, **changes: Any) -> list[tuple[str, str]]:
        """The filter as (name, value) pairs for a link, with some fields changed (e.g. page=2)."""
        pairs: list[tuple[str, str]] = []
        defaults = ServiceFilter()
        for f in fields(self):
            value = changes.get(f.name, getattr(self, f.name))
            default = getattr(defaults, f.name)
            if isinstance(value, list):
                pairs += [(f.name, v) for v in value]
            elif value is not None and value != "" and value != default:
                pairs.append((f.name, str(value)))
        return pairs


@dataclass
class SearchResult:
    items: list[dict[str, Any]]
    total: int  # exact, or COUNT_CAP when capped
    capped: bool
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "total_is_lower_bound": self.capped,
            "page": self.page,
            "per_page": self.per_page,
            "pages": self.pages,
            "items": self.items,
        }


def search_services(cat: Catalogue, flt: ServiceFilter) -> SearchResult:
    """One page of services matching the filter, and how many match (capped at COUNT_CAP)."""
    where, params = flt.where()
    offset = (flt.page - 1) * flt.per_page
    if flt.text_only():
        # service_view has exactly one row per service: words alone need none of its joins, which cost more than
        # the index look-up itself when a common word such as 주차 matches thousands of services.
        text, text_params = text_condition(flt.q, id_column="id")
        matching, matching_params, id_column = f"service WHERE {text}", text_params, "id"
    else:
        matching = f"service_view WHERE {where}" if where else "service_view"
        matching_params, id_column = params, "service_id"
    if flt.sort.lstrip("-") == "id" and offset + flt.per_page <= COUNT_CAP:
        # One scan gives both the count and the page: a one-character word is a LIKE scan over every service,
        # and scanning once instead of twice halves the slowest searches.
        direction = "DESC" if flt.sort.startswith("-") else "ASC"
        ids = [
            r[0]
            for r in cat.conn.execute(
                f"SELECT {id_column} FROM {matching} ORDER BY {id_column} {direction} LIMIT {COUNT_CAP + 1}",
                matching_params,
            )
        ]
        count = len(ids)
        page_ids = ids[offset : offset + flt.per_page]
        by_id = (
            {r["service_id"]: r for r in cat.services(f"service_id IN ({', '.join('?' * len(page_ids))})", page_ids)}
            if page_ids
            else {}
        )
        rows = [by_id[i] for i in page_ids]
    else:
        count = cat.conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {matching} LIMIT {COUNT_CAP + 1})", matching_params
        ).fetchone()[0]
        rows = cat.services(where, params, order_by=flt.order_by(), limit=flt.per_page, offset=offset)
    capped = count > COUNT_CAP
    return SearchResult(rows, COUNT_CAP if capped else count, capped, flt.page, flt.per_page)


def text_condition(q: str, id_column: str = "service_id") -> tuple[str, list[Any]]:
    """SQL for a free-text query: every word must occur in the name or description.

    Words of three or more characters go to the FTS5 trigram index, two-character words such as 주차 or 버스 to
    the bigram index (catalogue.bigrams): both are exact substring matches, Hangul included. One-character words,
    and two-character words with an ASCII punctuation mark or space in them (5%), keep LIKE.
    """
    words = [w for w in _nfc(q).split() if w]
    conds: list[str] = []
    params: list[Any] = []
    long_words = [w for w in words if len(w) >= 3]
    if long_words:
        conds.append(f"{id_column} IN (SELECT rowid FROM service_fts WHERE service_fts MATCH ?)")
        params.append(" AND ".join(fts_phrase(w) for w in long_words))
    pairs = [w for w in words if bigram_indexable(w)]
    if pairs:
        conds.append(f"{id_column} IN (SELECT rowid FROM service_bigram WHERE service_bigram MATCH ?)")
        params.append(" AND ".join(fts_phrase(w) for w in pairs))
    for word in (w for w in words if len(w) < 3 and not bigram_indexable(w)):
        conds.append("(name LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\')")
        params += [f"%{_escape_like(word)}%"] * 2
    return " AND ".join(conds), params


def fts_phrase(text: str) -> str:
    """An FTS5 string literal matching `text` as typed (quotes doubled), so user input is never FTS syntax."""
    return '"' + text.replace('"', '""') + '"'


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _default(value: Any, default: Any) -> Any:
    return default if value is None else value


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]
