"""Page layout for the PDF reader: reading order, lines, running headers/footers, tables continued over pages."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from typing import NamedTuple

from scatlas.ingest.document import Block, Cell, Page, Table, TextBlock
from scatlas.ingest.normalise import clean, squash
from scatlas.ingest.tables import row_key

#: (left, bottom, right, top) in PDF user space
Box = tuple[float, float, float, float]

_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"^[-–—\s(\[<]*(?:(?!(?:19|20)\d\d\b)\d{1,4}|[ivxlcdm]{1,7})(?:\s*/\s*\d{1,4})?[-–—\s)\]>]*$", re.IGNORECASE
)
_CONTINUED = re.compile(r"[(（]\s*계속\s*[)）]|\(cont(?:inued|'d)?\.?\)", re.IGNORECASE)
#: a line repeated at the top or bottom edge of this share of the text pages is a running header/footer
RUNNING_SHARE = 0.3
#: … or at the same edge of this many consecutive pages (chapter headers)
RUNNING_RUN = 5


class Reading(NamedTuple):
    """A box in reading space: `top` grows downwards, `left` grows along the line."""

    top: float
    bottom: float
    left: float
    right: float


def to_reading(box: Box | tuple[float, ...], quarter: int) -> Reading:
    """A user-space box in the reading space of text turned `quarter` quarter turns counter-clockwise."""
    left, bottom, right, top = box[:4]
    if quarter == 1:
        return Reading(left, right, bottom, top)
    if quarter == 2:
        return Reading(bottom, top, -right, -left)
    if quarter == 3:
        return Reading(-right, -left, -top, -bottom)
    return Reading(-top, -bottom, left, right)


@dataclass
class Line:
    top: float
    bottom: float
    text: str
    left: float = 0.0
    right: float = 0.0


Piece = tuple[Reading, str]
#: a gutter between two text columns is at least this wide (points)
MIN_GUTTER = 8.0


@dataclass
class PageItems:
    """What one PDF page gave: its lines and tables with their positions in reading space."""

    number: int
    chars: int = 0
    garbled: bool = False
    grid_skipped: bool = False  # rules too dense to search for tables
    lines: list[Line] = field(default_factory=list)
    tables: list[tuple[Reading, Table]] = field(default_factory=list)
    gutter: float | None = None  # the x between two text columns, on two-column pages
    spans: list[float] = field(default_factory=list)  # tops of full-width lines on two-column pages

    def add_pieces(self, pieces: list[Piece]) -> None:
        """Group text pieces into lines (overlapping vertically), each ordered along the line.

        On a two-column page the columns are grouped separately, so a left and a right line at the same height
        do not run together; `blocks()` then reads the left column before the right one.
        """
        groups = _group_lines(pieces)
        gutter = _gutter(pieces) if sum(1 for g in groups if _wide_gap(g)) >= 3 else None
        if gutter is None:
            self.lines.extend(_line(g) for g in groups)
        else:
            self.gutter = gutter
            left = [p for p in pieces if p[0].right <= gutter]
            right = [p for p in pieces if p[0].left >= gutter]
            spanning = [p for p in pieces if p[0].right > gutter and p[0].left < gutter]
            for part in (left, right, spanning):
                self.lines.extend(_line(g) for g in _group_lines(part))
            self.spans = sorted(line.top for line in self.lines if line.left < gutter < line.right)
        self.lines = [line for line in self.lines if line.text]

    def _order(self, top: float, left: float, right: float) -> tuple[int, int, float]:
        if self.gutter is None:
            return (0, 0, top)
        if left < self.gutter < right:
            return (sum(1 for t in self.spans if t <= top), 0, top)
        band = sum(1 for t in self.spans if t < top)
        return (band, 1 if right <= self.gutter else 2, top)

    def blocks(self) -> list[Block]:
        """Lines and tables merged in reading order."""
        ordered: list[tuple[tuple[int, int, float], int, Block]] = [
            (self._order(line.top, line.left, line.right), 0, TextBlock(text=line.text, page=self.number))
            for line in self.lines
        ]
        ordered += [(self._order(area.top, area.left, area.right), 1, table) for area, table in self.tables]
        ordered.sort(key=lambda item: (item[0], item[1]))
        return [block for _, _, block in ordered]


def _group_lines(pieces: list[Piece]) -> list[list[Piece]]:
    pieces = sorted(pieces, key=lambda p: ((p[0].top + p[0].bottom) / 2, p[0].left))
    groups: list[list[Piece]] = []
    for box, text in pieces:
        centre = (box.top + box.bottom) / 2
        if groups:
            head = groups[-1][0][0]
            if head.top <= centre <= head.bottom:
                groups[-1].append((box, text))
                continue
        groups.append([(box, text)])
    for group in groups:
        group.sort(key=lambda p: p[0].left)
    return groups


def _wide_gap(group: list[Piece]) -> bool:
    """Whether a line has a gap of several line heights between two of its pieces (a column gutter?)."""
    return any(b.left - a.right > max(MIN_GUTTER, 2 * (a.bottom - a.top)) for (a, _), (b, _) in pairwise(group))


def _line(group: list[Piece]) -> Line:
    parts: list[str] = []
    prev: Reading | None = None
    for box, text in group:
        if prev is not None and parts and not parts[-1].endswith(" ") and not text.startswith(" "):
            gap = box.left - prev.right
            # pdfium puts its own (generated) spaces into rectangles at word breaks; rectangles also split
            # inside words where the font changes, so only a clear gap adds a space
            if gap > 0.5 * max(prev.bottom - prev.top, box.bottom - box.top, 1.0):
                parts.append(" ")
        parts.append(text)
        prev = box
    text = squash(clean(" ".join("".join(parts).split("\n"))))
    return Line(
        top=min(b.top for b, _ in group),
        bottom=max(b.bottom for b, _ in group),
        text=text,
        left=min(b.left for b, _ in group),
        right=max(b.right for b, _ in group),
    )


def _gutter(pieces: list[Piece]) -> float | None:
    """The x of a gutter that splits the page's text into two wide columns, or None.

    Narrow right-hand pieces (page numbers of a table of contents, values after labels) do not make a column:
    both sides must hold pieces a quarter of the text width wide, and few pieces may cross the gutter.
    """
    if len(pieces) < 8:
        return None
    lo = min(b.left for b, _ in pieces)
    hi = max(b.right for b, _ in pieces)
    width = hi - lo
    best: tuple[int, float] | None = None
    candidates = sorted({b.right for b, _ in pieces if lo + 0.3 * width <= b.right <= lo + 0.7 * width})
    # each candidate costs a pass over the pieces: 40 spread over the middle keep dense pages linear
    step = max(1, len(candidates) // 40)
    for x in candidates[::step]:
        gutter = x + MIN_GUTTER / 2
        left = [b for b, _ in pieces if b.right <= gutter]
        right = [b for b, _ in pieces if b.left >= x + MIN_GUTTER]
        crossing = len(pieces) - len(left) - len(right)
        if len(left) < 4 or len(right) < 4 or crossing > 0.15 * len(pieces):
            continue
        if (
            _median([b.right - b.left for b in left]) < 0.25 * width
            or _median([b.right - b.left for b in right]) < 0.25 * width
        ):
            continue
        if best is None or crossing < best[0]:
            best = (crossing, gutter)
    return best[1] if best else None


def _median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2]


def _key(text: str) -> str:
    return _DIGITS.sub("#", squash(text))


def drop_running_lines(pages: list[PageItems]) -> list[str]:
    """Remove running headers/footers and page numbers from the page edges; the distinct texts dropped."""
    text_pages = [p for p in pages if p.lines]
    if len(text_pages) < 2:
        return []
    edge_keys: list[set[str]] = []
    counts: Counter[str] = Counter()
    seen: dict[str, list[tuple[int, str]]] = {}
    later: list[Line] = []  # edge lines of the pages after the first
    for index, page in enumerate(pages):
        edge_lines = _edges(page)
        edge = {_key(line.text): line.text for line in edge_lines}
        edge_keys.append(set(edge))
        counts.update(edge.keys())
        for key, text in edge.items():
            seen.setdefault(key, []).append((page.number, text))
        if index:
            later.extend(edge_lines)
    threshold = max(3, RUNNING_SHARE * len(text_pages))
    running = {k for k, n in counts.items() if n >= threshold}
    running |= _runs(edge_keys)
    running = {k for k in running if _numbers_follow_pages(seen[k])}
    prefixes = _running_prefixes(pages, len(text_pages))
    dropped: dict[str, None] = {}
    for index, page in enumerate(pages):
        for _ in range(2):  # a header line, then a sub-header (or the page number) next to it
            for line in {id(x): x for x in page.lines[:1] + page.lines[-1:]}.values():
                if _PAGE_NUMBER.match(line.text):
                    page.lines.remove(line)
                    dropped.setdefault("page numbers")
                elif index == 0 and not _also_there(line, later, prefixes):
                    continue  # a cover's title often reads like the running header but stands elsewhere
                elif _key(line.text) in running or _starts_with_any(line.text, prefixes):
                    page.lines.remove(line)
                    dropped.setdefault(line.text)
    return list(dropped)


def _running_prefixes(pages: list[PageItems], n_text_pages: int) -> list[str]:
    """Word prefixes (2+ words) that begin the top or bottom line of at least half the text pages.

    Catches '<plan title> <chapter name>' headers, whose chapter part changes too often for exact repeats.
    """
    counts: Counter[str] = Counter()
    for page in pages:
        if not page.lines:
            continue
        found: set[str] = set()
        for line in (page.lines[0], page.lines[-1]):
            words = squash(line.text).split(" ")
            found.update(" ".join(words[:k]) for k in range(2, min(len(words), 8) + 1))
        counts.update(found)
    need = max(3, 0.5 * n_text_pages)
    return sorted((p for p, n in counts.items() if n >= need and len(p) >= 8), key=len)


def _also_there(line: Line, others: list[Line], prefixes: list[str]) -> bool:
    """Whether the same running line (same key or header prefix) stands at the same height on another page."""
    key = _key(line.text)
    own = {p for p in prefixes if _starts_with_any(line.text, [p])}
    return any(
        abs(other.top - line.top) <= 3
        and (_key(other.text) == key or any(_starts_with_any(other.text, [p]) for p in own))
        for other in others
    )


def _starts_with_any(text: str, prefixes: list[str]) -> bool:
    text = squash(text)
    return any(text == p or text.startswith(p + " ") for p in prefixes)


def _edges(page: PageItems) -> list[Line]:
    """The lines a running header or footer can be: the outermost ones, the next ones on fuller pages."""
    lines = sorted(page.lines, key=lambda line: line.top)
    page.lines = lines
    if len(lines) > 4:
        return lines[:2] + lines[-2:]
    return lines[:1] + lines[-1:] if len(lines) > 1 else lines


def _numbers_follow_pages(occurrences: list[tuple[int, str]]) -> bool:
    """Whether the numbers that differ between a repeated line's occurrences move like page numbers.

    Running headers carry constant numbers (a year, a chapter) or the page number; a figure caption
    '[그림 5-3]' repeated at the foot of service pages numbers its figures instead, and is content.
    """
    numbers = [(page, [int(n) for n in _DIGITS.findall(text)]) for page, text in occurrences]
    ok = total = 0
    for (p0, n0), (p1, n1) in pairwise(numbers):
        for v0, v1 in zip(n0, n1, strict=False):
            if v1 != v0:
                total += 1
                # same step as the page, or a restart (chapter-relative page numbers)
                ok += v1 - v0 == p1 - p0 or v1 < v0
    return total == 0 or ok >= 0.8 * total


def _runs(edge_keys: list[set[str]]) -> set[str]:
    """Keys present at the page edges of RUNNING_RUN or more consecutive pages."""
    found: set[str] = set()
    streak: dict[str, int] = {}
    for keys in edge_keys:
        streak = {k: streak.get(k, 0) + 1 for k in keys}
        found |= {k for k, n in streak.items() if n >= RUNNING_RUN}
    return found


def join_continued_tables(pages: list[Page]) -> int:
    """Join a table that ends a page with one that starts the next page with as many columns; how many joined."""
    joined = 0
    open_table: Table | None = None
    for page in pages:
        blocks = page.blocks
        # a '(계속)' caption line may stand between the page top and the continued part
        lead = 1 if len(blocks) > 1 and isinstance(blocks[0], TextBlock) and _CONTINUED.search(blocks[0].text) else 0
        if (
            open_table is not None
            and len(blocks) > lead
            and isinstance(continued := blocks[lead], Table)
            and continued.n_cols == open_table.n_cols
        ):
            del blocks[: lead + 1]
            _append(open_table, continued)
            joined += 1
            if not blocks:
                continue  # the table fills the whole page and may go on
        open_table = blocks[-1] if blocks and isinstance(blocks[-1], Table) else None
    return joined


def _append(head: Table, tail: Table) -> None:
    if not head.row_pages:
        head.row_pages = [head.page] * head.n_rows
    skip = 1 if tail.n_rows > 1 and row_key(tail, 0) == row_key(head, 0) else 0
    offset = head.n_rows - skip
    for cell in tail.cells:
        if cell.row < skip:
            continue
        head.cells.append(
            Cell(text=cell.text, row=cell.row + offset, col=cell.col, row_span=cell.row_span, col_span=cell.col_span)
        )
    head.n_rows += tail.n_rows - skip
    head.row_pages.extend([tail.page] * (tail.n_rows - skip))
