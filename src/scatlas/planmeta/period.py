"""The plan period: every spelling plans use for a range of years, and which line decides it.

A 계획기간 line decides first, then the title, then a 기준연도 + 목표연도 pair. Phasing (단기/중기/장기, 1·2·3단계)
never decides: its ranges are parts of the period, and are removed from a line before it is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from scatlas.planmeta.text import nfc

_DASH = r"[~\-–—∼～〜]"
_YEAR = r"(?:19|20)\d{2}"
_RANGE = re.compile(rf"(?<!\d)({_YEAR})\s*(?:년도?|\.)?\s*{_DASH}\s*({_YEAR}|\d{{2}})\s*(?:년도?)?(?!\d)")
#: '2021년부터 2025년까지', '2021년에서 2025년'
_KOREAN_RANGE = re.compile(rf"(?<!\d)({_YEAR})\s*년?\s*(?:부터|에서)\s*({_YEAR}|\d{{2}})\s*년?(?!\d)")
#: "'23~'27", '’21~’25'
_SHORT_RANGE = re.compile(rf"[''‘’`´](\d{{2}})\s*년?\s*{_DASH}\s*[''‘’`´]?(\d{{2}})(?!\d)")
_TARGET = re.compile(rf"목표\s*연도\s*[:：]?\s*({_YEAR})")
_BASE = re.compile(rf"기준\s*연도\s*[:：]?\s*({_YEAR})")
#: Lines that state the period itself.
EXPLICIT_LINE = re.compile(r"계획\s*기간|수립\s*기간|계획\s*년도|사업\s*기간|추진\s*기간\s*[:：]")
#: A phase and what follows it up to the next separator: '단기(2023~2024)', '1단계: 2023-2024', '중기 2025~26'.
_PHASE_HEAD = r"(?:(?<!중)(?:단기|중기|장기)|[1-5１-５]\s*단계|제\s*\d\s*단계|\d\s*차\s*년도)"
_PHASE = re.compile(_PHASE_HEAD + r"\s*[:：]?\s*[(（\[]?\s*['’‘]?\d[^,;/，、]*")


def _valid(start: int, end: int) -> tuple[int, int] | None:
    if 1990 <= start <= end <= 2070 and end - start <= 30:
        return start, end
    return None


def _end_year(start: int, end_text: str) -> int:
    return int(end_text) if len(end_text) == 4 else (start // 100) * 100 + int(end_text)


def without_phases(text: str) -> str:
    """The text with its phasing parts removed ('기준연도 2022년, 단기(2023~2024), …' → '기준연도 2022년, , …')."""
    return _PHASE.sub("", nfc(text))


def parse_period(text: str) -> tuple[int, int] | None:
    """The plan period a text states, phasing parts ignored.

    Reads '2023~2027', '2023-2027', '2023년~2027년', '2023～2027', '2021~25', "'23~'27", '’21~’25',
    '2021년부터 2025년까지', and '기준연도 2022, 목표연도 2030'. A target year alone gives None (no start is guessed).
    """
    text = without_phases(text)
    for pattern in (_RANGE, _KOREAN_RANGE):
        for match in pattern.finditer(text):
            start = int(match.group(1))
            period = _valid(start, _end_year(start, match.group(2)))
            if period:
                return period
    for match in _SHORT_RANGE.finditer(text):
        period = _valid(2000 + int(match.group(1)), 2000 + int(match.group(2)))
        if period:
            return period
    target, base = _TARGET.search(text), _BASE.search(text)
    if target and base:
        return _valid(int(base.group(1)), int(target.group(1)))
    return None


def is_phasing_line(line: str) -> bool:
    """True for a line that lays out phases (단기/중기/장기, N단계): it never decides the period."""
    return bool(_PHASE.search(nfc(line)))


def decide_period(lines: Iterable[str], title: str | None) -> tuple[tuple[int, int] | None, str | None]:
    """(period, what decided it) from a plan's early lines and its title.

    Order: a 계획기간 line; the title; a 기준연도 + 목표연도 pair; any other line that is not a phasing line.
    """
    lines = [nfc(line) for line in lines if line]
    for line in lines:
        if EXPLICIT_LINE.search(line):
            period = parse_period(line)
            if period:
                return period, "계획기간"
    if title:
        period = parse_period(title)
        if period:
            return period, "title"
    joined = " ".join(without_phases(line) for line in lines)
    target, base = _TARGET.search(joined), _BASE.search(joined)
    if target and base:
        period = _valid(int(base.group(1)), int(target.group(1)))
        if period:
            return period, "기준연도/목표연도"
    for line in lines:
        if not is_phasing_line(line):
            period = parse_period(line)
            if period:
                return period, "cover"
    return None, None


def target_year_only(lines: Iterable[str]) -> int | None:
    """A 목표연도 stated without any start year (for the warning that says so)."""
    target = _TARGET.search(" ".join(nfc(line) for line in lines))
    return int(target.group(1)) if target else None
