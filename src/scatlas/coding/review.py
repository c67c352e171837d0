"""The terminal review queue: a person accepts or corrects codings, stored as ``human:<name>`` codings.

The queue comes from the catalogue (declared-vs-coded disagreements and low confidence first). Each service is
shown with its effective coding, the coder's top two domains and rationale; the reviewer answers with one key:
``a`` accept (stores a human coding equal to the one shown), ``d`` change domain (then a number), ``f`` change
function (then a number), ``s`` skip, ``q`` quit. Every answer is read with ``ask``, so the queue works with piped
stdin (end of input quits). Changes are added to the history; nothing is overwritten.
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
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, load_codebook

Ask = Callable[[str], str | None]  # prompt -> answer, or None at end of input


@dataclass
class ReviewSummary:
    shown: int = 0
    accepted: int = 0
    changed: int = 0
    skipped: int = 0
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
        t.add_row("자동 코딩", f"{names.get(auto.get('domain_id'), '-')} (신뢰도 {conf:.2f})" if conf is not None
                  else str(names.get(auto.get("domain_id"), "-")))
        if top2:
            t.add_row("상위 2개", ", ".join(f"{names.get(d, d)} {s:.2f}" for d, s in top2))
        if auto.get("rationale"):
            t.add_row("근거", escape(str(auto["rationale"])))
    console.print(Panel(t, title=escape(f"[{position}/{total}] 서비스 {row['service_id']}"), expand=False))


def _pick(ask: Ask, console: Console, title: str, options: list[tuple[str, str]], allow_none: bool = False
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
    return CodingRecord(domain_id=row.get("domain_id"), subtype=row.get("subtype"), function=row.get("function"),
                        target_groups=_list(row.get("target_groups")),
                        technologies=_list(row.get("technologies")), confidence=1.0,
                        rationale="검토자 확인", coder=reviewer)


def run_review(cat: Any, reviewer: str, ask: Ask, console: Console, limit: int = 50,
               low_confidence: float = 0.6) -> ReviewSummary:
    """Walks the catalogue's review queue, storing each accepted or changed coding as ``reviewer``'s."""
    if not reviewer.startswith("human:"):
        reviewer = "human:" + reviewer
    queue = cat.review_queue(limit=limit, low_confidence=low_confidence)
    summary = ReviewSummary()
    if not queue:
        console.print("검토할 서비스가 없습니다.")
        return summary
    book = load_codebook()
    for pos, row in enumerate(queue, start=1):
        summary.shown += 1
        _show(console, row, _auto_row(cat, row["service_id"]), pos, len(queue))
        while True:
            answer = ask("[a]ccept 승인  [d]omain 분야 변경  [f]unction 기능 변경  [s]kip 건너뛰기  [q]uit 종료: ")
            if answer is None:
                summary.quit = True
                return summary
            key = answer.strip().lower()[:1]
            if key in ("a", "d", "f", "s", "q"):
                break
            console.print("[yellow]a, d, f, s, q 중 하나를 입력하세요[/]")
        if key == "q":
            summary.quit = True
            return summary
        if key == "s":
            summary.skipped += 1
            continue
        coding = _coding_from_row(row, reviewer)
        if key == "d":
            ok, domain_id = _pick(ask, console, "분야:", [(d, n) for d, n in DOMAIN_ORDER])
            if not ok:
                summary.quit = True
                return summary
            coding.domain_id = domain_id
            subs = [(s.id, s.label) for s in book.subtypes_of(domain_id)]
            ok, sub = _pick(ask, console, "세부유형:", subs, allow_none=True)
            if not ok:
                summary.quit = True
                return summary
            coding.subtype = sub
        elif key == "f":
            ok, function = _pick(ask, console, "기능:", [(f, f) for f in FUNCTIONS])
            if not ok:
                summary.quit = True
                return summary
            coding.function = function
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
        console.print(f"[green]저장됨[/] {escape(reviewer)}: {dict(DOMAIN_ORDER).get(coding.domain_id, '-')} / "
                      f"{subtype_labels().get(coding.subtype or '', '-')} / {coding.function or '-'}")
    return summary
