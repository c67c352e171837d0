"""Map a domain label as printed in a plan or an inventory onto one of the 12 canonical domains."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import permutations

from scatlas.errors import LabelError
from scatlas.taxonomy.codebook import DOMAIN_ORDER

# Separators seen between a domain's parts: / · ・ ㆍ ‧ • , and spaces (docs/contracts.md, docs/plan-layouts.md).
_SEPARATORS = re.compile(r"[\s/·・ㆍ\u119e\u318d‧•∙⋅,，、.\-–_&+|]+")
_DECORATION = re.compile(r"^(?:스마트|smart|u-?)\s*|\s*(?:분야|부문|영역|서비스|서비스군|사업)$", re.IGNORECASE)
_BRACKETS = re.compile(r"^[\s\[\(（〈<【「『]+|[\s\]\)）〉>】」』:：]+$")

# The parts of each domain's name (the legal name split at its middle dots).
_PARTS: dict[str, tuple[str, ...]] = {
    "admin": ("행정",),
    "transport": ("교통",),
    "welfare": ("보건", "의료", "복지"),
    "environment": ("환경", "에너지", "수자원"),
    "safety": ("방범", "방재"),
    "facilities": ("시설물관리",),
    "education": ("교육",),
    "culture": ("문화", "관광", "스포츠"),
    "logistics": ("물류",),
    "employment": ("근로", "고용"),
    "housing": ("주거",),
    "other": ("기타",),
}

#: Further spellings met in real plans and inventories (compact form: separators removed) -> domain_id.
#: A label listed here maps with certainty; anything else that is not a combination of one domain's
#: parts is refused (LabelError) rather than guessed.
EXTRA_ALIASES: dict[str, str | None] = {
    "방법방재": "safety",
    "방재방법": "safety",
    "방법": "safety",  # the misprint 방법 for 방범
    "재난안전": "safety",
    "재난": "safety",
    "재해": "safety",
    "방재안전": "safety",
    "재난재해": "safety",
    "방범안전": "safety",
    "치안": "safety",
    "생활안전": "safety",
    "시설물": "facilities",
    "시설관리": "facilities",
    "시설물관리": "facilities",
    "도시시설물관리": "facilities",
    "도시시설물": "facilities",
    "기반시설관리": "facilities",
    "시설": "facilities",
    "보건의료": "welfare",
    "의료복지": "welfare",
    "보건복지": "welfare",
    "복지의료": "welfare",
    "헬스케어": "welfare",
    "건강": "welfare",
    "사회복지": "welfare",
    "환경에너지": "environment",
    "에너지환경": "environment",
    "수자원환경": "environment",
    "물관리": "environment",
    "에너지": "environment",
    "문화관광": "culture",
    "관광문화": "culture",
    "문화체육관광": "culture",
    "관광": "culture",
    "문화체육": "culture",
    "체육": "culture",
    "여가": "culture",
    "일자리": "employment",
    "고용노동": "employment",
    "근로고용": "employment",
    "노동": "employment",
    "주택": "housing",
    "주거복지": "housing",
    "주거환경": "housing",
    "교통물류": None,  # spans two domains: refused (see below)
    "모빌리티": "transport",
    "교통안전": None,
    "행정서비스": "admin",
    "전자정부": "admin",
    "민원": "admin",
    "기타서비스": "other",
}


def _compact(label: str) -> str:
    text = unicodedata.normalize("NFKC", label)  # full-width forms → ASCII, compatibility dots → plain
    text = unicodedata.normalize("NFC", text).strip()
    text = _BRACKETS.sub("", text)
    for _ in range(3):
        stripped = _DECORATION.sub("", text).strip()
        if stripped == text:
            break
        text = stripped
    return _SEPARATORS.sub("", text)


@lru_cache(maxsize=1)
def _alias_table() -> dict[str, str | None]:
    table: dict[str, str | None] = {}
    for domain_id, parts in _PARTS.items():
        for k in range(1, len(parts) + 1):
            for combo in permutations(parts, k):
                table["".join(combo)] = domain_id
    # '방재·방범' orders, also with the 방법 misprint in every position
    table.update({"방법방재": "safety", "방재방법": "safety"})
    for name in dict(DOMAIN_ORDER).values():
        table[_compact(name)] = {n: i for i, n in DOMAIN_ORDER}[name]
    table.update(EXTRA_ALIASES)
    return table


def normalise_domain(label: str) -> str:
    """The domain_id a printed domain label stands for; LabelError with the reason if it cannot tell.

    >>> normalise_domain("방재/방범")
    'safety'
    """
    if label is None or not str(label).strip():
        raise LabelError("empty domain label")
    compact = _compact(str(label))
    if not compact:
        raise LabelError(f"domain label {label!r} holds no words")
    table = _alias_table()
    if compact in table:
        domain_id = table[compact]
        if domain_id is None:
            raise LabelError(f"domain label {label!r} spans more than one of the 12 legal domains")
        return domain_id
    # A label made of parts of two or more domains (e.g. '교통·환경') is ambiguous, not unknown.
    hits = {d for d, parts in _PARTS.items() for p in parts if p in compact}
    if len(hits) > 1:
        raise LabelError(
            f"domain label {label!r} mixes the domains {', '.join(sorted(hits))}; code such services one by one"
        )
    raise LabelError(f"domain label {label!r} is not one of the 12 legal domains or a known spelling of one")


def try_normalise_domain(label: str | None) -> str | None:
    """Like normalise_domain, but None instead of an error (for plan labels that may be plan-specific)."""
    if label is None:
        return None
    try:
        return normalise_domain(label)
    except LabelError:
        return None


def domain_name(domain_id: str) -> str:
    """The canonical Korean name of a domain id."""
    return dict(DOMAIN_ORDER)[domain_id]
