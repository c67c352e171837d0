"""Plan metadata from loose lines: what both the document extractor and the tabular importer say about a plan."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scatlas.planmeta.period import decide_period, target_year_only
from scatlas.planmeta.register import load_register, resolve_mentions
from scatlas.planmeta.text import collapse, nfc
from scatlas.planmeta.title import find_title


@dataclass
class PlanMetadata:
    """Municipality (official name and code), title and period of one plan, with notes on what was not found."""

    municipality: str | None = None
    municipality_code: str | None = None
    title: str | None = None
    period: tuple[int, int] | None = None
    warnings: list[str] = field(default_factory=list)


def period_warning(lines: list[str]) -> str:
    """The warning for a plan whose period was not found."""
    target = target_year_only(lines)
    if target:
        return f"계획기간: 목표연도 {target}년은 있으나 시작 연도(기준연도)가 없습니다"
    return "계획기간을 표지나 앞 페이지에서 찾지 못했습니다"


def metadata_from_lines(lines: list[str], *, names: tuple[str, ...] = ()) -> PlanMetadata:
    """Title, period and municipality from loose lines (a workbook's cover sheet, title rows, a file name).

    ``names`` are file or sheet names: used for the municipality only when the lines name none.
    """
    lines = [collapse(nfc(line)) for line in lines if line and collapse(nfc(line))]
    meta = PlanMetadata(title=find_title(lines))
    meta.period, _ = decide_period(lines, meta.title)
    resolution = resolve_mentions(" ".join([meta.title or ""] * 5 + lines))
    if resolution.name is None:
        for name in names:
            found = municipality_from_name(name)
            if found:
                resolution = resolve_mentions(found)
                if resolution.name is None:
                    meta.municipality = found
                break
    if resolution.name is not None:
        meta.municipality, meta.municipality_code = resolution.name, resolution.code
    meta.warnings.extend(resolution.notes)
    return meta


def municipality_from_name(stem: str) -> str | None:
    """A municipality named in a file or sheet name ('목포시_서비스목록' → '목포시'), else None."""
    match = re.search(r"([가-힣]{1,10}(?:특별시|광역시|특별자치시|특별자치도|시|군|구))", nfc(stem))
    return match.group(1) if match else None


def resolve_name(name: str) -> tuple[str, str | None]:
    """Official municipality name and code when the register knows the name, else the name as written."""
    resolution = resolve_mentions(nfc(name))
    if resolution.name is not None:
        return resolution.name, resolution.code
    text = collapse(nfc(name))
    stem = _bare_stem(text)
    if stem is not None:
        return stem
    return text, None


def _bare_stem(text: str) -> tuple[str, str] | None:
    """A cell holding only a name's stem ('수원', '양평'): the one government it can be (ambiguous stems: None)."""
    if not re.fullmatch(r"[가-힣]{2,5}", text):
        return None
    register = load_register()
    hits = [
        r
        for r in register.rows
        if r.level in ("basic", "metro")
        and (r.name in (text + "시", text + "군", text + "구") or (r.level == "metro" and r.name.startswith(text)))
    ]
    if len(hits) != 1:
        return None
    return register.display_name(hits[0]), hits[0].code
