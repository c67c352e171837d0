"""The terminal review queue: a person accepts or corrects codings, stored as ``human:<name>`` codings.

The queue comes from the catalogue (declared-vs-coded disagreements and low confidence first). Each service is
shown with its effective coding, the coder's top two domains and rationale; the reviewer answers with one key:
``a`` accept (stores a human coding equal to the one shown), ``d`` change domain (then a number; the sub-type is
asked again, since it belongs to the domain), ``t`` sub-type, ``f`` function, ``g`` target groups (numbers, comma-
separated), ``k`` technologies (names, ';'-separated), ``u`` undo the last decision (it goes back on the queue),
``s`` skip, ``q`` quit. Every answer is read with ``ask``, so the queue works with piped stdin (end of input quits).
Changes are added to the history; an undone decision is kept in the edit log.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from scatlas.labels import subtype_labels
from scatlas.records import CodingRecord
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, TARGET_GROUPS, load_codebook

Ask = Callable[[str], str | None]  # prompt -> answer, or None at end of input


@dataclass
class ReviewSummary:
    shown: int = 0
    accepted: int = 0
    changed: int = 0
    skipped: int = 0
    undone: int = 0
    stored: list[int] = field(default_factory=list)  # coding ids written
    quit: bool = False


def _list(value: Any) -> list[str]:
    if not value:
        return []
    return [p for p in str(value).split(";") if p]


def _auto_row(cat: Any, service_id: int) -> dict[str, Any] | None:
    for row in cat.coding_history(service_id):
        if str(row.get("coder", "")).startswith("auto:"):
            return row
    return None


def _show(console: Console, row: dict[str, Any], auto: dict[str, Any] | None, position: int, total: int) -> None:
    names = dict(DOMAIN_ORDER)
    t = Table.grid(padding=(0, 1))
    t.add_column(style="bold cyan", no_wrap=True)
    t.add_column()
    where = " · ".join(str(x) for x in (row.get("municipality"), row.get("plan_title")) if x)
    if row.get("page"):
        where += f" (p. {row['page']})"
    t.add_row("서비스", escape(str(row.get("name") or "")))
    desc = str(row.get("description") or "")
    t.add_row("설명", escape(desc[:400] + ("…" if len(desc) > 400 else "")))
    if where:
        t.add_row("계획", escape(where))
    if row.get("declared_domain") or row.get("declared_label"):
        t.add_row("계획상 분야", escape(f"{row.get('declared_domain') or '-'} ({row.get('declared_label') or ''})"))
    t.add_row("분야", f"{escape(str(row.get('domain') or '-'))}  [dim]{escape(str(row.get('domain_id') or ''))}[/]")
    t.add_row("세부유형", escape(subtype_labels().get(row.get("subtype") or "", row.get("subtype") or "-")))
    t.add_row("기능", escape(str(row.get("function") or "-")))
    t.add_row("대상", escape(", ".join(_list(row.get("target_groups"))) or "-"))
    t.add_row("기술", escape(", ".join(_list(row.get("technologies"))) or "-"))
    if auto is not None:
        conf = auto.get("confidence")
        top2 = json.loads(auto.get("top2") or "[]")
        t.add_row(
            "자동 코딩",
            f"{names.get(auto.get('domain_id') or '', '-')} (신뢰도 {conf:.2f})"
            if conf is not None
            else str(names.get(auto.get("domain_id") or "", "-")),
        )
        if top2:
            t.add_row("상위 2개", ", ".join(f"{names.get(d, d)} {s:.2f}" for d, s in top2))
        if auto.get("rationale"):
            t.add_row("근거", escape(str(auto["rationale"])))
    console.print(Panel(t, title=escape(f"[{position}/{total}] 서비스 {row['service_id']}"), expand=False))


def _pick(
    ask: Ask, console: Console, title: str, options: list[tuple[str, str]], allow_none: bool = False
) -> tuple[bool, str | None]:
    """(answered, value): a numbered choice; Enter picks None when allowed; end of input gives (False, None)."""
    console.print(title)
    for k, (_value, label) in enumerate(options, start=1):
        console.print(f"  {k:>2}. {label}")
    while True:
        answer = ask("번호" + (" (Enter: 없음)" if allow_none else "") + ": ")
        if answer is None:
            return False, None
        answer = answer.strip()
        if not answer and allow_none:
            return True, None
        if answer.isdigit() and 1 <= int(answer) <= len(options):
            return True, options[int(answer) - 1][0]
        console.print(f"[yellow]1–{len(options)} 사이의 번호를 입력하세요[/]")


def _coding_from_row(row: dict[str, Any], reviewer: str) -> CodingRecord:
    return CodingRecord(
        domain_id=row.get("domain_id"),
        subtype=row.get("subtype"),
        function=row.get("function"),
        target_groups=_list(row.get("target_groups")),
        technologies=_list(row.get("technologies")),
        confidence=1.0,
        rationale="검토자 확인",
        coder=reviewer,
    )


def _pick_many(
    ask: Ask, console: Console, title: str, options: tuple[str, ...], current: list[str]
) -> tuple[bool, list[str]]:
    """(answered, values): numbers separated by commas; Enter keeps the current ones, '-' clears them."""
    console.print(title + f" (지금: {', '.join(current) or '없음'})")
    for k, label in enumerate(options, start=1):
        console.print(f"  {k:>2}. {label}")
    while True:
        answer = ask("번호들 (예: 1,3; Enter: 그대로, -: 없음): ")
        if answer is None:
            return False, current
        answer = answer.strip()
        if not answer:
            return True, current
        if answer == "-":
            return True, []
        parts = [a.strip() for a in answer.replace(" ", ",").split(",") if a.strip()]
        if all(p.isdigit() and 1 <= int(p) <= len(options) for p in parts):
            return True, list(dict.fromkeys(options[int(p) - 1] for p in parts))
        console.print(f"[yellow]1–{len(options)} 사이의 번호를 쉼표로 구분해 입력하세요[/]")


_KEYS = "adtfgksuq"
_PROMPT = (
    "[a]ccept 승인  [d]omain 분야 변경  [t] 세부유형  [f]unction 기능 변경  [g] 대상  [k] 기술  [u] 되돌리기  "
    "[s]kip 건너뛰기  [q]uit 종료: "
)


def _change(key: str, coding: CodingRecord, ask: Ask, console: Console) -> bool:
    """Apply one change key to the draft coding; False when input ended."""
    book = load_codebook()
    if key in ("d", "t"):
        if key == "d":
            ok, domain_id = _pick(ask, console, "분야:", [(d, n) for d, n in DOMAIN_ORDER])
            if not ok:
                return False
            coding.domain_id = domain_id
        subs = [(s.id, s.label) for s in book.subtypes_of(coding.domain_id)] if coding.domain_id else []
        if subs:
            ok, sub = _pick(ask, console, "세부유형:", subs, allow_none=True)
            if not ok:
                return False
            coding.subtype = sub
        else:
            coding.subtype = None
            if key == "t":
                console.print("[yellow]이 분야에는 세부유형이 없습니다[/]")
    elif key == "f":
        ok, function = _pick(ask, console, "기능:", [(f, f) for f in FUNCTIONS])
        if not ok:
            return False
        coding.function = function
    elif key == "g":
        ok, groups = _pick_many(ask, console, "대상:", TARGET_GROUPS, coding.target_groups)
        if not ok:
            return False
        coding.target_groups = groups
    elif key == "k":
        answer = ask(f"기술 (';'로 구분, 지금: {';'.join(coding.technologies) or '없음'}; Enter: 그대로, -: 없음): ")
        if answer is None:
            return False
        if answer.strip() == "-":
            coding.technologies = []
        elif answer.strip():
            coding.technologies = list(dict.fromkeys(t.strip() for t in answer.split(";") if t.strip()))
    return True


def run_review(
    cat: Any,
    reviewer: str,
    ask: Ask,
    console: Console,
    limit: int | None = None,
    low_confidence: float = 0.6,
    **filters: Any,
) -> ReviewSummary:
    """Walks the catalogue's review queue (filters: municipality, domain_id, max_confidence; no cap unless
    ``limit``), storing each accepted or changed coding as ``reviewer``'s; ``u`` undoes the last one."""
    from scatlas.catalogue.edits import ServiceEditor

    if not reviewer.startswith("human:"):
        reviewer = "human:" + reviewer
    queue = cat.review_queue(limit=limit, low_confidence=low_confidence, **filters)
    summary = ReviewSummary()
    if not queue:
        console.print("검토할 서비스가 없습니다.")
        return summary
    book = load_codebook()
    decided: list[int] = []  # positions in the queue with a stored decision, for undo
    pos = 0
    while pos < len(queue):
        row = cat.service(queue[pos]["service_id"]) or queue[pos]
        summary.shown += 1
        _show(console, row, _auto_row(cat, row["service_id"]), pos + 1, len(queue))
        while True:
            answer = ask(_PROMPT)
            if answer is None:
                summary.quit = True
                return summary
            key = answer.strip().lower()[:1]
            if key and key in _KEYS:
                break
            console.print("[yellow]a, d, t, f, g, k, u, s, q 중 하나를 입력하세요[/]")
        if key == "q":
            summary.quit = True
            return summary
        if key == "s":
            summary.skipped += 1
            pos += 1
            continue
        if key == "u":
            if not decided:
                console.print("[yellow]되돌릴 결정이 없습니다[/]")
                continue
            back = decided.pop()
            ServiceEditor(cat, reviewer).uncode(queue[back]["service_id"], reason="검토 중 되돌림")
            summary.undone += 1
            console.print(f"[green]되돌림[/] 서비스 {queue[back]['service_id']}: 다시 검토합니다")
            pos = back
            continue
        coding = _coding_from_row(row, reviewer)
        if not _change(key, coding, ask, console):
            summary.quit = True
            return summary
        if coding.subtype is not None and coding.domain_id is not None:
            try:
                if book.subtype(coding.subtype).domain_id != coding.domain_id:
                    coding.subtype = None  # the shown sub-type belonged to the auto domain, not this one
            except KeyError:
                coding.subtype = None
        if key == "a":
            coding.rationale = "검토자 승인"
            summary.accepted += 1
        else:
            coding.rationale = "검토자 수정"
            summary.changed += 1
        summary.stored.append(cat.add_coding(row["service_id"], coding))
        decided.append(pos)
        console.print(
            f"[green]저장됨[/] {escape(reviewer)}: {dict(DOMAIN_ORDER).get(coding.domain_id or '', '-')} / "
            f"{subtype_labels().get(coding.subtype or '', '-')} / {coding.function or '-'} / "
            f"{', '.join(coding.target_groups) or '-'} / {escape(';'.join(coding.technologies)) or '-'}"
        )
        pos += 1
    return summary
