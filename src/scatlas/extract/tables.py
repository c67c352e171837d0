"""Service tables: which tables list this plan's services, and the services in their rows.

A table counts as a service list when its header names a service column (서비스명, 사업명, 단위서비스 …) and a
description or domain column, and nothing marks it as a budget (억원, 국비 …), roadmap (year columns) or KPI
table, a survey (numbers in most cells), or a table in another chapter (국내외 사례, 기 구축 서비스).
A 과제명 / 추진과제 column counts only in a services chapter (elsewhere it lists strategies); a long-list of
candidates with a 선정 / 채택 / 반영 column gives only the rows marked selected; a leading ID column ('S-01',
'교통-01') and IDs printed before names go to `extra["id"]`; a summary cell holding several names ('스마트
버스정류장, 스마트 횡단보도') gives one service each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from scatlas.extract.candidates import (
    ORDER_SCALE,
    Candidate,
    clean_name,
    clean_name_id,
    looks_like_name,
    where,
)
from scatlas.extract.cards import is_card_table
from scatlas.extract.outline import EXCLUDED_ZONES, Line, Outline, TableItem, domain_heading_label
from scatlas.extract.text import BULLETS, clean_cell, compact, is_only_number, is_service_id, strip_numbering
from scatlas.ingest.document import Table
from scatlas.sheets.headers import plan_table_role as _role
from scatlas.taxonomy import try_normalise_domain

_SELECTED = re.compile(r"^(?:[○●◎OoVv✓✔☑]|선정|채택|반영|최종선정|Y|y|예)$")
_CANDIDATE = re.compile(r"후보")
# A line of a name that goes on on the next line ('교통약자 맞춤형' / '이동 지원'), not a whole name.
_GOES_ON = re.compile(r"(?:및|의|와|과|을|를|에|형|기반|위한|통한|활용|연계|이용|대상|등|·|ㆍ|,)$")
_SENTENCE = re.compile(r"(?:다|함|음|임|됨|요)\s*[.。]?\s*$|[.。]\s*$")
_NOT_A_START = re.compile(r"^(?:및|등|또는|대응|시스템|서비스|플랫폼|기반|연계|구축|운영|관리)(?:\s|$)")
_SEPARATORS = re.compile(r"\s*[,，、;]\s*|\s+[·ㆍ•]\s+")
_MONEY = re.compile(r"억원|백만원|천원|국비|도비|시비|군비|구비|민자|지방비|예산|금액|합계|소계|투자")
_YEAR = re.compile(r"^(?:'\d{2}|(?:19|20)\d{2})(?:년|년도)?$|^(?:19|20)\d{2}\s*[~\-]")
_STAGE = re.compile(r"^(?:\d단계|단기|중기|장기|1차년도|2차년도|3차년도|\d차년도?)")
_KPI = re.compile(r"성과지표|지표|목표치|목표값|kpi|측정방법|산출식", re.IGNORECASE)
_CAPTION_OTHER = re.compile(
    r"투자계획|재원|예산|로드맵|추진일정|일정|성과지표|조직|사례|기구축|구축현황|운영현황|설문|"
    r"응답|벤치마킹|선진"
)
_CAPTION_SERVICES = re.compile(
    r"서비스(?:목록|구성|도입|계획|선정|발굴|개요|총괄|현황표|내용|체계)|세부서비스|단위서비스"
)
_NUMERIC = re.compile(r"^[\d,.%\s()~\-+/]+(?:억원|백만원|천원|원|명|개소|개|건|%|점|대|km|㎞)?$")
_SURVEY = re.compile(r"응답|비율|순위|%|점수|선호|만족|빈도|건수|인원|수요|필요도|중요도")
_STATUS_WORDS = {"신규", "계속", "기존", "고도화", "확대", "확장", "단기", "중기", "장기", "연계", "시범"}
_CONTINUED = re.compile(r"고도화|확대|지속|계속|연계|유지|계승|확장|재구축")
_LABEL_COUNT = re.compile(r"\s*[(（]\s*\d+\s*(?:개|건|종)?\s*[)）]\s*$")  # '교통 (4)': the count is not the label
_TABLE_NUMBER = re.compile(r"[〈<\[(]?\s*표\s*[\dA-Za-z]+(?:\s*[-.]\s*\d+)*\s*[〉>\])]?")
_TOTAL = re.compile(r"^(?:합계|소계|총계|계|합|총)$")


@dataclass
class ColumnMap:
    """Which column holds what, found from a table's header row(s)."""

    name: int
    header_rows: int  # rows before the data starts
    description: list[int] = field(default_factory=list)
    domain: int | None = None
    number: int | None = None
    select: int | None = None  # a 선정 / 채택 / 반영 column of a candidate long-list
    headers: list[str] = field(default_factory=list)  # header text of every column (for extra fields)
    score: int = 0
    reasons: list[str] = field(default_factory=list)


def find_columns(grid: list[list[str]], tasks: bool = False) -> ColumnMap | None:
    """The column map of a table whose header names a service column, or None.

    `tasks`: the table stands in a services chapter, where a 과제명 / 추진과제 column lists services.
    """
    best: ColumnMap | None = None
    for r, row in enumerate(grid[:3]):
        roles = [_role(clean_cell(c), tasks) for c in row]
        if "name" not in roles and "task" in roles:
            roles[roles.index("task")] = "name"  # a 서비스명 column beside it is the better name column
        if "name" not in roles:
            continue
        headers = [clean_cell(c) for c in row]
        # Headers merged down from the rows above (a two-row header): fill what this row leaves blank.
        for above in grid[:r]:
            for c, text in enumerate(above):
                if not headers[c] and clean_cell(text):
                    headers[c] = clean_cell(text)
                    roles[c] = roles[c] or _role(headers[c], tasks)
        _find_ids(grid[r + 1 :], roles)
        cmap = ColumnMap(name=roles.index("name"), header_rows=r + 1, headers=headers)
        cmap.description = [c for c, role in enumerate(roles) if role == "description"]
        domains = [c for c, role in enumerate(roles) if role == "domain" and c < cmap.name]
        domains = domains or [c for c, role in enumerate(roles) if role == "domain"]
        cmap.domain = domains[0] if domains else None
        cmap.number = roles.index("number") if "number" in roles else None
        cmap.select = roles.index("select") if "select" in roles else None
        if best is None or len(cmap.description) + (cmap.domain is not None) > len(best.description) + (
            best.domain is not None
        ):
            best = cmap
    return best


def _find_ids(data: list[list[str]], roles: list[str | None]) -> None:
    """A column before the names that holds service IDs ('S-01', '교통-01') under any header is the ID column."""
    name = roles.index("name")
    for c in range(name):
        values = [clean_cell(row[c]) for row in data if c < len(row) and clean_cell(row[c])]
        if values and roles[c] != "number" and sum(map(is_service_id, values)) >= 0.8 * len(values):
            if "number" in roles:
                roles[roles.index("number")] = None
            roles[c] = "number"
            return


def _score(item: TableItem, cmap: ColumnMap, grid: list[list[str]], own_names: tuple[str, ...]) -> None:
    headers = [compact(h) for h in cmap.headers]
    if cmap.select is not None and not any(
        _SELECTED.match(compact(row[cmap.select])) for row in grid[cmap.header_rows :] if cmap.select < len(row)
    ):
        cmap.select = None  # a 선정 column left blank everywhere chooses nothing: not a reason to drop every row
    cmap.score = 3 + 2 * bool(cmap.description) + (cmap.domain is not None)
    money = sum(bool(_MONEY.search(h)) for h in headers)
    years = sum(bool(_YEAR.search(h)) for h in headers) + sum(bool(_STAGE.search(h)) for h in headers)
    if money >= 2:
        cmap.score -= 5
        cmap.reasons.append("budget columns")
    if years >= 2:
        cmap.score -= 5
        cmap.reasons.append("year columns (roadmap or budget)")
    if any(_KPI.search(h) for h in headers):
        cmap.score -= 5
        cmap.reasons.append("KPI columns")
    caption = compact(item.caption) if item.caption != item.zone_heading else ""  # the zone counts below
    if _CAPTION_OTHER.search(caption):
        cmap.score -= 3
        cmap.reasons.append(f"caption {item.caption!r}")
    elif _CAPTION_SERVICES.search(caption):
        cmap.score += 1
    candidates = item.zone == "candidates" or _CANDIDATE.search(headers[cmap.name])
    if candidates and cmap.select is None:
        cmap.score -= 4  # a long-list of candidates without a mark of which the plan chose
        cmap.reasons.append("a list of candidate services without a 선정 column")
    elif item.zone == "services":
        cmap.score += 1
    elif item.zone in EXCLUDED_ZONES and item.zone not in ("existing", "candidates"):
        cmap.score -= 4
        cmap.reasons.append(f"in a {item.zone} chapter ({item.zone_heading})")
    if (
        item.source_note
        and not re.search(r"본\s*계획|연구진|저자|자체|작성", item.source_note)
        and not any(name in item.source_note for name in own_names)
    ):
        cmap.score -= 6  # a table citing another source shows someone else's services
        cmap.reasons.append(f"cites another source ({item.source_note})")
    data = grid[cmap.header_rows :]
    other_columns = [
        [clean_cell(row[c]) for row in data if c < len(row) and clean_cell(row[c])]
        for c in range(len(grid[0]))
        if c not in (cmap.name, cmap.domain, cmap.number, cmap.select)
    ]
    other_columns = [col for col in other_columns if col]
    survey_words = any(_SURVEY.search(h) for h in headers)
    if (
        other_columns
        and (survey_words or cmap.domain is None)
        and all(sum(bool(_NUMERIC.match(v)) for v in col) / len(col) >= 0.7 for col in other_columns)
    ):
        cmap.score -= 4  # every column beside the names holds numbers: a survey or statistics table
        cmap.reasons.append("only numbers beside the names (a survey or statistics table)")
    names = [clean_cell(row[cmap.name]) for row in data if clean_cell(row[cmap.name])]
    if names and sum(looks_like_name(clean_name(n)[0]) or is_only_number(n) for n in names) / len(names) < 0.6:
        cmap.score -= 3
        cmap.reasons.append("the name column holds sentences")


def _label_or_status(value: str) -> tuple[str | None, str | None]:
    """A domain cell's value as a domain label, or as a status word ('신규', '고도화') when it is one."""
    if not value:
        return None, None
    if compact(value) in _STATUS_WORDS:
        return None, value
    return _LABEL_COUNT.sub("", value) or None, None


@dataclass
class TableResult:
    """What the table extractor found: candidates and doubts."""

    candidates: list[Candidate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    service_tables: int = 0
    unselected: int = 0  # rows of candidate long-lists not marked selected (for the warning)


def _group_rows(table: Table) -> dict[int, str]:
    """Rows that are one cell across the table ('Ⅰ. 교통 분야' over every column): row -> text."""
    return {
        c.row: clean_cell(c.text)
        for c in table.cells
        if c.col_span >= 2 and c.col_span >= table.n_cols - 1 and clean_cell(c.text)
    }


def _split_name_cell(raw: str) -> tuple[str, str]:
    """A name cell that also holds the description on its later, bulleted lines: (name, description)."""
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    if (
        len(lines) >= 2
        and all(re.match(r"^[-–·ㆍ•○◦※*(（]", line) for line in lines[1:])
        and lines[0][0] != lines[1][0]
    ):  # '- A' / '- B' marked alike: a list of names, not a name and its details
        return lines[0], clean_cell("\n".join(lines[1:]))
    return raw, ""


def _width(text: str) -> float:
    """Printed width of a line in Hangul characters (Latin letters, digits and spaces are narrower)."""
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.55 for ch in text)


def _deliberate_breaks(lines: list[str], column_width: float) -> bool:
    """True when no line break is a wrap: the next line's first word would have fitted on the line before."""
    return all(_width(a) + _width(" " + b.split(" ", 1)[0]) <= column_width for a, b in pairwise(lines))


def _split_services(raw: str, described: bool, column_width: float) -> list[str]:
    """The names a summary cell holds when it lists several ('A, B, C', 'A · B', one per line), else [].

    Never for a cell with a sentence in it; line breaks split only where no description column exists and
    every line reads as a whole name: bulleted, or three or more lines that are not wrapped (the next word
    would have fitted the column, whose width is that of its longest line) and none ending mid-phrase.
    """
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    if any(_SENTENCE.search(ln) for ln in lines):
        return []
    joined = clean_cell(raw)
    parts = [p for p in _SEPARATORS.split(joined) if p]
    if len(parts) < 2 and len(lines) >= 2 and not described:
        bulleted = all(ln[0] in BULLETS or is_only_number(ln.split(" ", 1)[0]) for ln in lines)
        if bulleted or (
            len(lines) >= 3
            and not any(_GOES_ON.search(ln) for ln in lines[:-1])
            and _deliberate_breaks(lines, column_width)
        ):
            parts = [clean_cell(ln) for ln in lines]
    if len(parts) < 2 or any(
        len(compact(p)) < 4 or not looks_like_name(clean_name(p)[0]) or p.count("(") != p.count(")") for p in parts
    ):
        return []  # a part too short to be a name, or a cut inside brackets: '스마트 쉼터(냉방, 난방)'
    if any(_NOT_A_START.match(p) for p in parts[1:]):
        return []  # '재난 감지, 대응 시스템': the second part goes on from the first
    return parts


def _rows(
    item: TableItem,
    cmap: ColumnMap,
    grid: list[list[str]],
    carried_label: str | None,
    result: TableResult,
    chunk: int = 0,
) -> str | None:
    """Candidates from the data rows; gives back the domain label in force at the end (to carry on)."""
    table = item.table
    label = carried_label or (item.domain_label if cmap.domain is None else None)
    header_name = compact(grid[cmap.header_rows - 1][cmap.name]) if cmap.header_rows else ""
    last: Candidate | None = None
    existing = item.zone == "existing"
    group_rows = _group_rows(table)
    # '●' selected beside '○' (partly, later) in one column: only the full mark counts
    marks = {compact(row[cmap.select]) for row in grid[cmap.header_rows :]} if cmap.select is not None else set()
    weaker = {"○", "O", "o"} if marks & {"●", "◎"} and marks & {"○", "O", "o"} else set()
    column_width = max(
        (
            _width(ln.strip())
            for row in grid[cmap.header_rows :]
            if cmap.name < len(row)
            for ln in row[cmap.name].splitlines()
        ),
        default=0.0,
    )
    for r in range(cmap.header_rows, len(grid)):
        if r in group_rows:
            group = _LABEL_COUNT.sub("", strip_numbering(group_rows[r]))
            if domain_heading_label(group) or try_normalise_domain(group):
                label = group
            continue
        row = [clean_cell(c) for c in grid[r]]
        if not any(row):
            continue
        if header_name and compact(row[cmap.name]) == header_name:
            continue  # the header repeated after a page break
        if cmap.domain is not None and row[cmap.domain]:
            if _TOTAL.match(compact(row[cmap.domain])):
                continue
            new_label, status = _label_or_status(row[cmap.domain])
            if new_label:
                label = new_label
        raw_name = row[cmap.name]
        name_col = cmap.name
        service_id = row[cmap.number] if cmap.number is not None and is_service_id(row[cmap.number]) else None
        if (
            (is_only_number(raw_name) or is_service_id(raw_name))
            and name_col + 1 < len(row)
            and name_col + 1 not in cmap.description
        ):
            if is_service_id(raw_name):
                service_id = raw_name
            raw_name, name_col = row[name_col + 1], name_col + 1  # '1' | '스마트 버스정류장' under one header
        mark = compact(grid[r][cmap.select]) if cmap.select is not None else ""  # raw: '○' is a bullet too
        if cmap.select is not None and not (_SELECTED.match(mark) and mark not in weaker):
            result.unselected += 1
            continue
        if _TOTAL.match(compact(raw_name)) or any(_TOTAL.match(compact(c)) for c in row[: cmap.name]):
            continue
        description = " ".join(row[c] for c in cmap.description[:1] if row[c])
        if not cmap.description:
            raw_name, description = _split_name_cell(grid[r][name_col])
            raw_name = clean_cell(raw_name)
        if not raw_name:
            if last is not None and description:  # a wrapped row: the same service goes on
                last.description = f"{last.description} {description}".strip()
            continue
        names = _split_services(grid[r][name_col], bool(cmap.description), column_width) if not description else []
        name, status, glued_id = clean_name_id(names[0] if names else raw_name)
        service_id = glued_id or service_id
        if not looks_like_name(name):
            result.warnings.append(
                f"{where(table.page_of_row(r))}skipped a row whose name cell is not a service name: {raw_name[:40]!r}"
            )
            continue
        if existing and not any(_CONTINUED.search(c) for c in row):
            continue
        extra: dict[str, object] = {}
        for c, value in enumerate(row):
            if value and c not in (name_col, cmap.domain, cmap.number, cmap.select, *cmap.description[:1]):
                key = cmap.headers[c] or f"column {c + 1}"
                extra[key] = value
        if cmap.domain is not None and row[cmap.domain]:
            _, status_word = _label_or_status(row[cmap.domain])
            if status_word:
                extra.setdefault("status", status_word)
        if status:
            extra["status"] = status
        if service_id:
            extra["id"] = service_id
        if existing:
            extra["continued"] = True
        if cmap.select is not None:
            extra["selected"] = mark
        for k, part in enumerate(names or [raw_name]):
            if k:
                name, status, _ = clean_name_id(part)
                extra = {**extra, "status": status} if status else {k: v for k, v in extra.items() if k != "status"}
            last = Candidate(
                name=name,
                description=description,
                label=label,
                page=table.page_of_row(r),
                kind="table",
                order=item.index * ORDER_SCALE + chunk * len(grid) + r,
                extra=dict(extra),
            )
            result.candidates.append(last)
    return label


def extract_tables(outline: Outline, own_names: tuple[str, ...] = ()) -> TableResult:
    """Services from every table that scores as this plan's service list (continuations joined).

    `own_names` are the plan's municipality's names: a table citing them as its source is the plan's own.
    """
    result = TableResult()
    previous: tuple[TableItem, ColumnMap, str | None] | None = None
    for item in outline.items:
        if not isinstance(item, TableItem):
            continue
        grid = item.table.grid()
        if not grid or is_card_table(item):
            previous = None
            continue
        cmap = find_columns(grid, tasks=item.zone == "services")
        carried: str | None = None
        if cmap is None:
            # A table without its own header right after a service table, same width: the rest of that table.
            if previous and previous[0].table.n_cols == item.table.n_cols and _continues(outline, previous[0], item):
                prev_map = previous[1]
                cmap = ColumnMap(
                    name=prev_map.name,
                    header_rows=0,
                    description=prev_map.description,
                    domain=prev_map.domain,
                    number=prev_map.number,
                    headers=prev_map.headers,
                    score=prev_map.score,
                )
                carried = previous[2]
            else:
                previous = None
                continue
        else:
            _score(item, cmap, grid, own_names)
            if cmap.score < 4:
                if cmap.score >= 1:
                    result.warnings.append(
                        f"{where(item.table.page)}a table with a service column was not "
                        f"taken as a service list ({'; '.join(cmap.reasons) or 'no description or domain column'})"
                    )
                previous = None
                continue
            if previous and previous[1].headers == cmap.headers and _continues(outline, previous[0], item):
                carried = previous[2]  # the same table continued after a page break with its header repeated
        result.service_tables += 1
        label = carried
        before = (len(result.candidates), result.unselected)
        for chunk, (part, part_map) in enumerate(_side_by_side(grid, cmap, item.zone == "services")):
            label = _rows(item, part_map, part, carried if chunk == 0 else None, result, chunk)
        if cmap.select is not None:
            result.warnings.append(
                f"{where(item.table.page)}a list of candidate services with a "
                f"{cmap.headers[cmap.select]!r} column: kept the {len(result.candidates) - before[0]} row(s) "
                f"marked selected, left out {result.unselected - before[1]}"
            )
        previous = (item, cmap, label)
    return result


def _side_by_side(
    grid: list[list[str]], cmap: ColumnMap, tasks: bool = False
) -> list[tuple[list[list[str]], ColumnMap]]:
    """A table printed as two or more lists side by side (분야 | 서비스명 | 분야 | 서비스명), one per part."""
    headers = [compact(h) for h in cmap.headers]
    width = len(headers)
    for k in range(2, width // 2 + 1):
        if (
            width % k
            or headers[:k] != headers[k : 2 * k]
            or any(headers[i : i + k] != headers[:k] for i in range(0, width, k))
        ):
            continue
        parts = []
        for start in range(0, width, k):
            part = [row[start : start + k] for row in grid]
            part_map = find_columns(part, tasks)
            if part_map is None:
                break
            part_map.header_rows = cmap.header_rows
            parts.append((part, part_map))
        else:
            return parts
    return [(grid, cmap)]


def _continues(outline: Outline, before: TableItem, after: TableItem) -> bool:
    """True when `after` can be the rest of `before` over a page break: same zone, nothing but running lines
    (headers, footers, page numbers) between them."""
    between = outline.items[before.index + 1 : after.index]
    number = _TABLE_NUMBER.search(before.caption)

    def running_or_repeat(item: object) -> bool:
        if not isinstance(item, Line):
            return False
        if item.skipped or re.search(r"[(（\[]\s*(?:계속|continued)\s*[)）\]]", item.text, re.IGNORECASE):
            return True
        return bool(number and number.group(0) in item.text)  # the caption repeated: '〈표 5-1〉 …'

    return before.zone == after.zone and all(running_or_repeat(i) for i in between)
