"""The header vocabulary of service inventories: column role -> the Korean and English headers researchers write.

Headers are compared after folding (NFC, lower case, no spaces or punctuation: '시·군·구' → '시군구'). Earlier
spellings win when two columns could take the same role; a role's exact spelling beats another role's prefix.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": (
        "서비스명",
        "사업명",
        "단위서비스명",
        "세부서비스명",
        "세부사업명",
        "서비스이름",
        "서비스명칭",
        "과제명",
        "서비스",
        "사업",
        "단위서비스",
        "세부서비스",
        "name",
        "servicename",
        "service",
        "title",
    ),
    "description": (
        "서비스내용",
        "서비스개요",
        "사업내용",
        "사업개요",
        "주요내용",
        "주요기능",
        "내용",
        "개요",
        "설명",
        "서비스설명",
        "description",
        "desc",
        "summary",
        "details",
    ),
    "domain": (
        "서비스분야",
        "분야",
        "서비스유형",
        "유형",
        "구분",
        "부문",
        "영역",
        "domain",
        "category",
        "sector",
        "type",
    ),
    "municipality": (
        "기초자치단체",
        "기초자치단체명",
        "기초지자체",
        "기초지자체명",
        "기초",
        "지자체명",
        "지자체",
        "자치단체명",
        "자치단체",
        "지방자치단체명",
        "지방자치단체",
        "시군구",
        "시군구명",
        "시군",
        "시군명",
        "도시명",
        "도시",
        "지역",
        "municipality",
        "city",
        "localgovernment",
        "region",
    ),
    "metro": (
        "광역자치단체",
        "광역자치단체명",
        "광역지자체",
        "광역지자체명",
        "광역",
        "시도",
        "시도명",
        "광역시도",
        "province",
        "metro",
    ),
    "municipality_code": ("지자체코드", "행정코드", "행정표준코드", "행정구역코드", "municipalitycode", "code"),
    "page": ("페이지", "쪽", "쪽수", "page", "pages", "p"),
    "plan_title": ("계획명", "계획", "문서명", "계획서명", "plan", "plantitle", "document"),
    "period": ("계획기간", "기간", "목표연도", "수립기간", "period", "years"),
}
ROLES = tuple(HEADER_SYNONYMS)
_FOLD = re.compile(r"[\s\W_]+", re.UNICODE)

# ---- the headers of service tables printed in plans (the extractor's table reader); the inventory reader falls
# back on them for a service, description or domain column its own spellings did not find.
NAME_HEADER = re.compile(
    r"^(?:세부|단위|주요|대표|스마트도시|스마트|신규|도입|추진|후보|선정)?(?:서비스|사업)"
    r"(?:\(사업\)|사업|후보)?(?:명|명칭|이름|목록)?$"
)
# '추진과제', '과제명': services only in a services chapter (in the vision chapter they are strategies).
TASK_HEADER = re.compile(r"^(?:세부|단위|주요|추진|실행|핵심)?과제(?:명|명칭)?$")
SELECT_HEADER = re.compile(r"^(?:최종)?(?:선정|채택|반영|선택)(?:여부|결과|유무)?$")
DESC_HEADER = re.compile(r"(?:내용|개요|기능|설명|정의|서비스내용|서비스개요|사업내용|사업개요|주요내용)$")
DOMAIN_HEADER = re.compile(r"^(?:서비스|사업)?(?:분야|구분|부문|영역|대분류|분류|유형|중분류|그룹|테마)$")
NUMBER_HEADER = re.compile(
    r"^(?:no\.?|번호|연번|순번|순서|#|id|코드|code|서비스id|서비스코드|서비스번호|과제번호|"
    r"관리번호|식별번호)$",
    re.IGNORECASE,
)
# English printed beside the Korean header: '서비스명(Service)', '서비스명 Service Name'.
ENGLISH_ASIDE = re.compile(r"[(（\[][^()（）\[\]]*[A-Za-z][^()（）\[\]]*[)）\]]|[A-Za-z][A-Za-z .&/-]*")


def plan_table_role(header: str, tasks: bool = False) -> str | None:
    """The role of a plan table's header cell: name, task, select, domain, description, number, or None."""
    words = re.sub(r"[\s·ㆍ・()（）\[\]]", "", header)
    if not words:
        return None
    if NUMBER_HEADER.match(words):
        return "number"
    if re.search(r"[가-힣]", header):
        words = re.sub(r"[\s·ㆍ・()（）\[\]]", "", ENGLISH_ASIDE.sub("", header)) or words
    if NAME_HEADER.match(words) or words in {"서비스(사업)명", "서비스명(사업명)"}:
        return "name"
    if TASK_HEADER.match(words):
        return "task" if tasks else None
    if SELECT_HEADER.match(words):
        return "select"
    if DOMAIN_HEADER.match(words):
        return "domain"
    if DESC_HEADER.search(words) and len(words) <= 10:
        return "description"
    return None


def fold_header(text: Any) -> str:
    """A header folded for matching."""
    return _FOLD.sub("", unicodedata.normalize("NFC", str(text or ""))).lower()


def detect_columns(header: list[Any], mapping: dict[str, str] | None = None) -> dict[str, int]:
    """Role -> column index for a header row (only roles found). ``mapping`` (header -> role) is applied first."""
    folded = [fold_header(h) for h in header]
    found: dict[str, int] = {}
    taken: set[int] = set()
    for spelled, role in (mapping or {}).items():
        hits = [i for i, h in enumerate(folded) if h and h == fold_header(spelled) and i not in taken]
        if hits:
            found[role] = hits[0]
            taken.add(hits[0])
    for exact in (True, False):
        for role, spellings in HEADER_SYNONYMS.items():
            if role in found:
                continue
            for spelling in spellings:
                hits = [
                    i
                    for i, h in enumerate(folded)
                    if i not in taken
                    and h
                    and (h == spelling if exact else (len(spelling) >= 2 and h.startswith(spelling)))
                ]
                if hits:
                    found[role] = hits[0]
                    taken.add(hits[0])
                    break
    for i, h in enumerate(header):  # then the plan-table spellings ('세부 서비스 목록', '사업 개요' …)
        table_role = plan_table_role(str(h or "")) if i not in taken and h else None
        if table_role in ("name", "description", "domain") and table_role not in found:
            role = table_role
            found[role] = i
            taken.add(i)
    return found


def parse_mapping(specs: list[str]) -> dict[str, str]:
    """'기초자치단체=municipality' options as {header: role}; ValueError naming the bad one."""
    mapping: dict[str, str] = {}
    for spec in specs:
        header, sep, role = spec.partition("=")
        header, role = header.strip(), role.strip()
        if not sep or not header or role not in ROLES:
            raise ValueError(f"--map {spec!r}: '머리글=역할' 형식이어야 하고 역할은 {', '.join(ROLES)} 중 하나입니다")
        mapping[header] = role
    return mapping
