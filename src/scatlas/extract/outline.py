"""A Document read as an outline: lines and tables in order, each with the chapter zone and domain heading above it.

Real plans put services, other cities' examples (국내외 사례), already-built services and surveys in different
chapters, and say which only in headings. Walking the headings with a stack of levels tells every line and table
which zone it sits in, so the extractors can keep what lies in this plan's own service chapters.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from scatlas.extract.fields import field_of
from scatlas.extract.text import collapse, compact, is_toc_line, nfc, strip_numbering
from scatlas.ingest.document import Document, Table, TextBlock
from scatlas.taxonomy import try_normalise_domain

#: Zones a heading can open. 'services' holds this plan's services; the rest hold other things.
EXCLUDED_ZONES = frozenset({"case", "existing", "analysis", "toc", "budget", "infra", "candidates"})

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
#: Heading kinds by their numbering. Chapters are always level 1; the others take their level from the order
#: in which they first appear under the current chapter, because plans nest '가.' and '1-1.' either way round.
_HEADING_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("chapter", re.compile(r"^제\s*\d{1,2}\s*[장편부](?:\s|$|[.:])")),
    ("chapter", re.compile(r"^[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,4}\s*[.．]?\s*[가-힣A-Za-z]")),
    ("chapter", re.compile(r"^[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,4}\s*[.．]?$")),
    ("chapter", re.compile(r"^(?:PART|Part|CHAPTER|Chapter)\s*\d")),
    ("chapter", re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\s*[.．]\s*[가-힣]")),
    ("chapter", re.compile(r"^\d{1,2}\s*장\s")),
    ("절", re.compile(r"^제\s*\d{1,2}\s*절(?:\s|$)")),
    ("n.", re.compile(r"^\d{1,2}\s*[.．](?!\d)\s*[가-힣A-Za-z(\[【<〈]")),  # '1. [S-03] 스마트 횡단보도'
    ("n-n", re.compile(r"^\d{1,2}\s*[-.]\s*\d{1,2}\s*[.]?\s+[가-힣A-Za-z(\[【<〈]")),
    ("n-n-n", re.compile(r"^\d{1,2}-\d{1,2}-\d{1,2}\.?\s")),
    ("가.", re.compile(r"^[가-하]\s*[.．]\s*\S")),
    ("n)", re.compile(r"^\d{1,2}\s*\)\s*\S")),
    ("가)", re.compile(r"^[가-하]\s*\)\s*\S")),
    ("(n)", re.compile(r"^\(\s*\d{1,2}\s*\)\s*\S")),
    ("circled", re.compile(rf"^[{_CIRCLED}]\s*\S")),
    ("box", re.compile(r"^[□■◇◆▣]\s*\S")),
]
# A chapter number on a line of its own ('제3장', 'Ⅲ', 'PART 3'): its title is on the next line.
_BARE_CHAPTER = re.compile(
    r"^(?:제\s*\d{1,2}\s*[장편부]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,4}\s*[.．]?|(?:PART|Part|CHAPTER|Chapter)\s*\d{1,2})$"
)
#: Levels of numbered (unstyled) headings start here, below every styled heading (heading1 … heading6).
PATTERN_LEVEL_BASE = 10
_SENTENCE_END = re.compile(r"(?:다|함|음|임|됨|요|니다)\s*[.。]?\s*$")
_STYLE_LEVEL = re.compile(r"heading\s*(\d)", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^[-–\s]*(?:[가-힣]{1,3}\s*-\s*)?\d{1,4}[-–\s]*$|^[ivxlIVXL]{1,5}$")
_GROUP_WORDS = {
    "안전",
    "교통",
    "복지",
    "환경",
    "행정",
    "경제",
    "산업",
    "생활",
    "관광",
    "문화",
    "에너지",
    "건강",
    "교육",
    "농업",
    "농촌",
    "도시",
    "리빙",
    "거버넌스",
    "시민",
    "헬스케어",
    "모빌리티",
    "방재",
    "방범",
    "물류",
    "주거",
    "일자리",
    "의료",
    "보건",
    "안심",
    "그린",
    "해양",
    "항만",
    "수자원",
    "재난",
    "치안",
}

_ZONE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("toc", re.compile(r"^(?:목차|차례|contents|표목차|그림목차)$", re.IGNORECASE)),
    ("case", re.compile(r"사례|벤치마킹|선진|해외동향|국내외동향|국외동향|타지자체|타시도|타도시")),
    (
        "existing",
        re.compile(
            r"기구축|기존서비스|기존사업|기존스마트|구축현황|운영현황|추진현황|도입현황|운영중|"
            r"기존계획|기정계획|제1차계획|이전계획|1차계획"
        ),
    ),
    (
        "budget",
        re.compile(
            r"재원|투자계획|예산|로드맵|추진일정|단계별추진|추진단계|연차별|성과지표|성과관리|"
            r"관리운영|운영관리|관리및운영|운영계획|조직|추진체계|사업비|공모사업|국비공모|국비지원사업"
        ),
    ),
    ("infra", re.compile(r"기반시설|정보통신망|통합운영센터|통합플랫폼구축|데이터허브구축")),
    # long-lists the plan chooses from ('후보 서비스 도출'): only a 선정 column says which are the plan's
    ("candidates", re.compile(r"후보|롱리스트|longlist", re.IGNORECASE)),
    ("analysis", re.compile(r"현황|여건|분석|설문|수요조사|실태|의견수렴|시사점|동향|과업")),
    # '부문별 추진계획' holds the services sector by sector (its 추진과제 are the services)
    ("services", re.compile(r"서비스|(?:부문|분야)별(?:세부)?(?:추진|실행)?계획")),
    ("strategy", re.compile(r"비전|목표|전략|추진방향|기본방향|기본구상|미래상")),
]


@dataclass
class Line:
    """One line of text with where it stands."""

    text: str
    page: int | None
    index: int  # position in the outline
    level: int | None = None  # heading level: 1 chapter, 1–6 styled, PATTERN_LEVEL_BASE+ numbered; None for body
    kind: str | None = None  # the heading's numbering kind
    zone: str = "neutral"
    zone_heading: str | None = None
    domain_label: str | None = None
    toc: bool = False
    running: bool = False  # a running header/footer or a page number
    note: bool = False  # a source note ('* 자료: …') under a table or figure

    @property
    def skipped(self) -> bool:
        """True for lines no extractor reads as content (contents, running headers, source notes)."""
        return self.toc or self.running or self.note


@dataclass
class TableItem:
    """One table with where it stands and the text around it."""

    table: Table
    index: int
    zone: str = "neutral"
    zone_heading: str | None = None
    domain_label: str | None = None
    caption: str = ""  # the table's caption, or the line just above it
    source_note: str | None = None  # a '자료:' / '출처:' line right below it
    memo: dict[str, object] = field(default_factory=dict)  # what extractors worked out about it, computed once


Item = Line | TableItem


@dataclass
class Outline:
    """The document's items in reading order, plus the running headers found."""

    items: list[Item] = field(default_factory=list)
    running_lines: list[str] = field(default_factory=list)

    def lines(self) -> list[Line]:
        """The text lines only."""
        return [i for i in self.items if isinstance(i, Line)]


def numbering_kind(text: str) -> str | None:
    """The kind of numbering a line starts with ('chapter', 'n.', '가.', 'n)', 'circled', 'box' …), or None."""
    line = text.strip()
    for kind, pattern in _HEADING_PATTERNS:
        if pattern.match(line):
            return kind
    return None


def heading_kind(text: str) -> str | None:
    """The numbering kind of a heading line, or None for body text (long lines, numbered sentences)."""
    line = text.strip()
    if not line or len(line) > 60 or is_toc_line(line):
        return None
    kind = numbering_kind(line)
    if kind not in (None, "chapter") and _SENTENCE_END.search(line) and len(line) > 25:
        return None  # a numbered sentence, not a heading
    return kind


def style_level(style: str | None) -> int | None:
    """The level a reader's style gives ('heading2' → 2, 'title' → 1), or None."""
    if not style:
        return None
    match = _STYLE_LEVEL.search(style)
    if match:
        return int(match.group(1))
    return 1 if style.lower() == "title" else None


def heading_zone(text: str) -> str | None:
    """The zone a heading opens ('services', 'case', …), or None for a heading that says nothing of it."""
    words = compact(strip_numbering(text)).lower()
    if not words:
        return None
    for zone, pattern in _ZONE_RULES:
        if pattern.search(words):
            if zone == "infra" and "서비스" in words:
                return "services"  # '스마트도시 기반시설 및 서비스' holds the services too
            return zone
    return None


def domain_heading_label(text: str) -> str | None:
    """The domain label a heading stands for ('가. 교통 분야' → '교통 분야', '1. 스마트 안전'), or None."""
    label = collapse(strip_numbering(text)).strip(" :：")
    label = re.sub(r"^\[|\]$", "", label).strip()
    words = compact(label)
    if not words or len(words) > 14:
        return None
    if re.search(r"(?:분야|부문|영역)(?:서비스)?$", words) and len(words) <= 12:
        return label
    if try_normalise_domain(label) is not None:
        return label
    match = re.match(r"^(?:스마트|smart|Smart|SMART)\s*(.+)$", words)
    if match and match.group(1) in _GROUP_WORDS:
        return label
    return None


_PREFIX = 12  # characters of a page-edge line compared for running headers that end in the chapter name


def _edge_key(line: str) -> str:
    return re.sub(r"\d+", "#", line)


def _page_lines(document: Document) -> list[list[str]]:
    return [
        [
            collapse(raw)
            for block in page.blocks
            if isinstance(block, TextBlock)
            for raw in nfc(block.text).splitlines()
            if collapse(raw)
        ]
        for page in document.pages
    ]


def _running_lines(pages: list[list[str]]) -> tuple[set[str], set[str]]:
    """Running headers and footers: whole lines, and line beginnings, repeated at the page edges of many pages.

    Only the first and last two lines of a page count: card labels such as '○ 서비스 개요' repeat on every
    page of a services chapter too, but in the body. Beginnings catch headers that end in the chapter's name
    ('고양시 스마트도시계획(2024~2028) 제5장 …'), which no single chapter repeats often enough on its own.
    """
    pages = [p for p in pages if p]
    if len(pages) < 4:
        return set(), set()
    whole: Counter[str] = Counter()
    starts: Counter[str] = Counter()
    for lines in pages:
        edges = lines[:2] + lines[-2:] if len(lines) > 4 else lines
        # Card labels and numbered headings are content even when a chapter repeats them on every page.
        edges = [ln for ln in edges if len(ln) <= 80 and field_of(ln) is None and numbering_kind(ln) is None]
        whole.update({_edge_key(line) for line in edges})
        starts.update({_edge_key(line)[:_PREFIX] for line in edges if len(line) >= 2 * _PREFIX})
    threshold = max(3, int(len(pages) * 0.3))
    return (
        {line for line, count in whole.items() if count >= threshold},
        {start for start, count in starts.items() if count >= max(threshold, int(len(pages) * 0.5))},
    )


def _is_source_note(text: str) -> bool:
    return bool(re.match(r"^[*※\s]*(?:자료|출처|source)\s*[:：]", text, re.IGNORECASE))


def build_outline(document: Document) -> Outline:
    """The outline of a document: every line and table with its zone and domain heading."""
    page_lines = _page_lines(document)
    running, running_starts = _running_lines(page_lines)
    outline = Outline(running_lines=sorted(running))
    stack: dict[int, tuple[str | None, str | None, str]] = {}  # level -> (zone, domain label, heading text)
    in_toc = False
    toc_lines = 0
    bare_chapter: int | None = None  # level of a chapter heading still waiting for its title line
    kind_order: list[str] = []

    def state() -> tuple[str, str | None, str | None]:
        zone, zone_heading, label = "neutral", None, None
        for level in sorted(stack):
            z, lab, text = stack[level]
            # A heading that names services inside a 사례 / 현황 / 재원 chapter does not make it a service chapter.
            if z is not None and not (z == "services" and zone in EXCLUDED_ZONES):
                zone, zone_heading = z, text
            if lab is not None:
                label = lab
        if in_toc:
            return "toc", "목차", label
        return zone, zone_heading, label

    for page, lines in zip(document.pages, page_lines, strict=True):
        edges = set(lines[:2] + lines[-2:])
        for block in page.blocks:
            if isinstance(block, Table):
                zone, zone_heading, label = state()
                caption = nfc(block.caption) if block.caption else ""
                if not caption:
                    for prev in reversed(outline.items[-2:]):
                        if isinstance(prev, Line) and not prev.running:
                            caption = prev.text
                            break
                outline.items.append(TableItem(block, len(outline.items), zone, zone_heading, label, caption))
                continue
            for raw in nfc(block.text).splitlines():
                text = collapse(raw)
                if not text:
                    continue
                line = Line(text, block.page if block.page is not None else page.number, len(outline.items))
                key = _edge_key(text)
                if key in running or _PAGE_NUMBER.match(text) or (key[:_PREFIX] in running_starts and text in edges):
                    line.running = True
                elif is_toc_line(text) or (in_toc and re.search(r"\s(?:[가-힣]{1,3}-)?\d{1,3}$", text)):
                    line.toc = True
                    toc_lines += 1
                elif _is_source_note(text):
                    line.note = True
                    for prev in reversed(outline.items[-3:]):
                        if isinstance(prev, TableItem):
                            prev.source_note = text
                            break
                if in_toc and toc_lines and not line.skipped and not (len(text) <= 12 and heading_zone(text) == "toc"):
                    in_toc, toc_lines = False, 0  # the contents end at the first line that is not an entry
                if line.skipped:
                    pass
                elif bare_chapter is not None and len(text) <= 30 and heading_kind(text) is None:
                    # the title of a chapter whose number stood alone on the line before
                    _, _, number = stack.get(bare_chapter, (None, None, ""))
                    title = f"{number} {text}"
                    label = domain_heading_label(text)
                    stack[bare_chapter] = (None if label else heading_zone(text), label, title)
                    line.level, line.kind = bare_chapter, "chapter"
                    bare_chapter = None
                elif len(text) <= 12 and heading_zone(text) == "toc":
                    in_toc = True  # '목 차' is rarely numbered, so it is caught apart from other headings
                    line.level = 1
                else:
                    bare_chapter = None
                    level = style_level(block.style)
                    kind = heading_kind(text) if level is None else None
                    if kind == "chapter":
                        level = 1
                    elif kind is not None:
                        if kind not in kind_order:
                            kind_order.append(kind)
                        level = PATTERN_LEVEL_BASE + kind_order.index(kind)
                    if level is not None and (kind == "chapter" or kind is None):
                        kind_order.clear()  # a chapter or styled heading starts a new numbering hierarchy
                    if level is not None:
                        opened = heading_zone(text)
                        if opened == "toc":
                            in_toc = True
                        elif in_toc and level <= 2 and kind != "n.":
                            in_toc = False  # the first real chapter heading after the contents
                        for deeper in [k for k in stack if k >= level]:
                            del stack[deeper]
                        label = domain_heading_label(text)
                        stack[level] = (None if label else opened, label, text)
                        line.level, line.kind = level, kind
                        bare_chapter = level if kind == "chapter" and _BARE_CHAPTER.match(text) else None
                line.zone, line.zone_heading, line.domain_label = state()
                if line.toc and line.zone != "toc":
                    line.zone = "toc"
                outline.items.append(line)
    return outline
