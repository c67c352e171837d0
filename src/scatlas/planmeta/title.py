"""The plan title among cover lines: joined when a cover breaks it over lines, without quote marks."""

from __future__ import annotations

import re

from scatlas.planmeta.register import resolve_mentions
from scatlas.planmeta.text import collapse, nfc

_DASH = r"[~\-–—∼～〜]"
_TITLE = re.compile(
    r"(?:제\s*\d+\s*차\s*)?[^\s]{0,20}?\s*[가-힣·\s]{0,24}?스마트\s*(?:도시|시티)\s*(?:기본\s*|실행\s*|종합\s*|조성\s*)?계획"
    r"(?:\s*[(（\[]?\s*(?:(?:19|20)\d{2}|['’]\d{2})\s*년?\s*"
    + _DASH
    + r"\s*(?:(?:19|20)\d{2}|['’]?\d{2})\s*년?\s*[)）\]]?)?(?:\s*[(（]\s*(?:변경|재수립|안)\s*[)）])?"
)
#: Quote marks covers put around a title (「」『』“”‘’"'《》〈〉).
_QUOTES = "「」『』“”‘’\"'《》〈〉≪≫"
_PERIOD_TAIL = re.compile(rf"[(（]?\s*(?:(?:19|20)\d{{2}}|['’]\d{{2}})\s*년?\s*{_DASH}.{{2,8}}")


def strip_quotes(text: str) -> str:
    """The text without quote marks around it or its parts ('「목포시 스마트도시계획」' → '목포시 스마트도시계획')."""
    return collapse(re.sub(f"[{re.escape(_QUOTES)}]", " ", text)).strip(" -·:")


def _is_municipality_line(line: str) -> bool:
    return len(line) <= 14 and bool(resolve_mentions(line).counts)


def find_title(lines: list[str]) -> str | None:
    """The plan title among cover lines ('○○시 스마트도시계획(2023~2027)'), joining a title split over lines."""
    lines = [collapse(strip_quotes(nfc(line))) for line in lines]
    for i, line in enumerate(lines):
        if not re.search(r"스마트\s*(?:도시|시티)?", line):
            continue
        joined = line
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        # A cover often breaks the title: '목포시' / '스마트도시' / '계획' / '(2023~2027)'.
        if not re.search(r"스마트\s*(?:도시|시티)", line) and re.match(r"(?:도시|시티)", nxt):
            joined, nxt = f"{joined}{nxt}", lines[i + 2] if i + 2 < len(lines) else ""
        if "계획" not in joined:
            if not re.match(r"(?:기본\s*|실행\s*|종합\s*|조성\s*)?계획", nxt):
                continue
            joined = f"{joined} {nxt}"
            nxt = lines[i + 2] if i + 2 < len(lines) else ""
        if i > 0 and _is_municipality_line(lines[i - 1]) and not resolve_mentions(line).counts:
            joined = f"{lines[i - 1]} {joined}"
        if _PERIOD_TAIL.fullmatch(nxt):
            joined = f"{joined}{nxt}"
        match = _TITLE.search(collapse(joined))
        if match:
            title = collapse(match.group(0)).strip(" -·:")
            if len(title) >= 6:
                return title
    return None
