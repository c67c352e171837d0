"""Commands: service add|edit|delete|restore|merge|split|move|undo|history, and plans — people correct the list."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from scatlas.cli.app import DEFAULT_DB, DbOption, app, console, fail
from scatlas.errors import CatalogueError

if TYPE_CHECKING:
    from scatlas.catalogue.edits import ServiceEditor

service_app = typer.Typer(
    name="service",
    help="Correct the service list: add, edit, delete, restore, merge, split, move, undo, history. Every change is "
    "logged (who, when, what, why) and can be undone; a re-ingest of the file keeps it.\n\n"
    'Example: scatlas service edit 12 --name "스마트 버스정류장" --reason "본문 표기"',
    no_args_is_help=True,
)
app.add_typer(service_app)

EditorOption = Annotated[
    str | None, typer.Option("--editor", help="Your name: edits are logged as human:<name> (default: $USER).")
]
ReasonOption = Annotated[str, typer.Option("--reason", "-r", help="Why (kept in the log).")]


def _run(db: Path, editor: str | None, action: Callable[[Any], Any]) -> Any:
    from scatlas.catalogue import Catalogue
    from scatlas.catalogue.edits import ServiceEditor

    if not db.exists():
        raise fail(f"{db}: 카탈로그가 없습니다 (먼저 scatlas ingest, 또는 --db FILE)")
    with Catalogue.open(db) as cat:
        try:
            return action(ServiceEditor(cat, editor or os.environ.get("USER") or "editor"))
        except CatalogueError as exc:
            raise fail(str(exc)) from None


def _show(cat: Any, service_id: int) -> None:
    row = cat.service(service_id)
    if row:
        console.print(
            f"  [bold]{row['service_id']}[/] {escape(row['name'])} — {escape(row['municipality'] or '-')}"
            f" · {escape(row['plan_title'] or '-')}" + (f" · p.{row['page']}" if row["page"] else "")
        )


@service_app.command("add")
def add(
    plan: Annotated[int, typer.Option("--plan", help="The plan id (see `scatlas plans`).")],
    name: Annotated[str, typer.Option("--name", help="The service name.")],
    description: Annotated[str, typer.Option("--description", help="What it does.")] = "",
    page: Annotated[int | None, typer.Option("--page", help="Physical page in the source document.")] = None,
    reason: ReasonOption = "",
    editor: EditorOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Add a service the extraction missed.

    Example: scatlas service add --plan 3 --name "스마트 쉼터" --page 57 --reason "목차에만 있던 서비스"
    """

    def action(ed: Any) -> None:
        new = ed.add(plan, name, description, page, reason=reason)
        console.print(f"[green]추가함[/] 서비스 {new}")
        _show(ed.cat, new)

    _run(db, editor, action)


@service_app.command("edit")
def edit(
    service_id: Annotated[int, typer.Argument(help="The service id.")],
    name: Annotated[str | None, typer.Option("--name", help="New name.")] = None,
    description: Annotated[str | None, typer.Option("--description", help="New description.")] = None,
    page: Annotated[int | None, typer.Option("--page", help="New page.")] = None,
    reason: ReasonOption = "",
    editor: EditorOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Rename a service, or fix its description or page.

    Example: scatlas service edit 12 --name "스마트 BIS 정류장" --reason "정식 명칭"
    """

    def action(ed: Any) -> None:
        ed.edit(service_id, reason=reason, name=name, description=description, page=page)
        console.print("[green]고침[/]")
        _show(ed.cat, service_id)

    _run(db, editor, action)


@service_app.command("delete")
def delete(
    service_id: Annotated[int, typer.Argument(help="The service id.")],
    reason: ReasonOption = "",
    editor: EditorOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Take a service off the list (kept in the log with its codings; `restore` or `undo` brings it back).

    Example: scatlas service delete 40 --reason "사례 소개이지 계획 서비스가 아님"
    """

    def delete_one(ed: ServiceEditor) -> None:
        ed.delete(service_id, reason)
        console.print(f"[yellow]삭제함[/] 서비스 {service_id} (복원: scatlas service restore {service_id})")

    _run(db, editor, delete_one)


@service_app.command("restore")
def restore(
    service_id: Annotated[int, typer.Argument(help="The deleted service's id.")],
    reason: ReasonOption = "",
    editor: EditorOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Bring back a deleted service with its id and codings.

    Example: scatlas service restore 40 --reason "다시 보니 계획 서비스"
    """

    def restore_one(ed: ServiceEditor) -> None:
        ed.restore(service_id, reason)
        console.print(f"[green]복원함[/] 서비스 {service_id}")
        _show(ed.cat, service_id)

    _run(db, editor, restore_one)


@service_app.command("merge")
def merge(
    keep: Annotated[int, typer.Argument(help="The service to keep.")],
    others: Annotated[list[int], typer.Argument(help="Duplicates merged into it.")],
    reason: ReasonOption = "",
    editor: EditorOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Merge duplicates into one service: their human codings and history move to it.

    Example: scatlas service merge 12 31 --reason "같은 서비스가 두 번 추출됨"
    """

    def action(ed: Any) -> None:
        ed.merge(keep, others, reason)
        console.print(f"[green]병합함[/] {', '.join(map(str, others))} → {keep}")
        _show(ed.cat, keep)

    _run(db, editor, action)


@service_app.command("split")
def split(
    service_id: Annotated[int, typer.Argument(help="The service whose cell holds several services.")],
    parts: Annotated[list[str], typer.Option("--part", help="'이름' or '이름::설명'; give it once per service.")],
    reason: ReasonOption = "",
    editor: EditorOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Split a cell that holds several services; the first part keeps the id and codings.

    Example: scatlas service split 18 --part "스마트 가로등::LED 디밍" --part "스마트 벤치::태양광 충전"
    """
    pairs = [(p.split("::", 1)[0], p.split("::", 1)[1] if "::" in p else "") for p in parts]

    def action(ed: Any) -> None:
        ids = ed.split(service_id, pairs, reason)
        console.print(f"[green]나눔[/] 서비스 {service_id} → {', '.join(map(str, ids))}")
        for new in ids:
            _show(ed.cat, new)

    _run(db, editor, action)


@service_app.command("move")
def move(
    service_id: Annotated[int, typer.Argument(help="The service id.")],
    plan: Annotated[int, typer.Option("--plan", help="The plan it belongs to (see `scatlas plans`).")],
    reason: ReasonOption = "",
    editor: EditorOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Move a service to another plan (filed under the wrong plan or municipality).

    Example: scatlas service move 27 --plan 4 --reason "세종시 서비스"
    """

    def action(ed: Any) -> None:
        ed.move(service_id, plan, reason)
        console.print(f"[green]옮김[/] 서비스 {service_id} → 계획 {plan}")
        _show(ed.cat, service_id)

    _run(db, editor, action)


@service_app.command("undo")
def undo(
    edit_id: Annotated[int | None, typer.Argument(help="The edit to undo (default: the latest).")] = None,
    reason: ReasonOption = "",
    editor: EditorOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Undo an edit or a review decision (the latest by default; see `scatlas service history`).

    Example: scatlas service undo            (or: scatlas service undo 57)
    """

    def action(ed: Any) -> None:
        edit = ed.undo(edit_id, reason)
        console.print(f"[green]되돌림[/] 편집 {edit.id} ({edit.action}, {escape(edit.editor)}, {edit.created_at})")

    _run(db, editor, action)


@service_app.command("history")
def history_command(
    service_id: Annotated[int | None, typer.Argument(help="One service (default: the whole catalogue).")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Edits to show.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """The edit log, newest first: who, when, what, why, and whether it was undone.

    Example: scatlas service history 12
    """
    from scatlas.catalogue.edits import history

    edits = _run(db, None, lambda ed: history(ed.cat, service_id, limit))
    if as_json:
        print(json.dumps([e.to_json() for e in edits], ensure_ascii=False, indent=1))
        return
    table = Table("편집", "언제", "누가", "무엇", "서비스", "바뀐 내용", "왜", "되돌림")
    for e in edits:
        what = ", ".join(
            f"{k}={v}" for k, v in e.after.items() if k in ("name", "description", "page", "plan_id", "counts")
        )
        table.add_row(
            str(e.id),
            e.created_at,
            escape(e.editor),
            e.action,
            str(e.service_id or ""),
            escape(what[:60]),
            escape(e.reason),
            escape(e.undone_by or ""),
        )
    console.print(table)


@app.command()
def plans(
    count: Annotated[int | None, typer.Option("--count", help="This plan counts for its municipality.")] = None,
    exclude: Annotated[int | None, typer.Option("--exclude", help="This plan does not count.")] = None,
    auto: Annotated[int | None, typer.Option("--auto", help="Back to the rule: the latest plan counts.")] = None,
    reason: ReasonOption = "",
    editor: EditorOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """The plans in the catalogue, and which one counts for each municipality (the latest, unless chosen).

    Several plans of one city stay visible; the analysis counts one per municipality. Services that appear in two
    plans of one city are flagged.

    Example: scatlas plans --count 3 --reason "2024년 재수립 계획이 최신"
    """
    from scatlas.catalogue.plans import plan_overview

    def action(ed: Any) -> list[dict[str, Any]]:
        for plan_id, value in ((count, True), (exclude, False), (auto, None)):
            if plan_id is not None:
                ed.choose_plan(plan_id, value, reason)
        return plan_overview(ed.cat)

    rows = _run(db, editor, action)
    table = Table("계획", "지자체", "계획명", "기간", "서비스", "집계", "중복 서비스")
    for p in rows:
        period = f"{p['period_start']}~{p['period_end']}" if p["period_start"] else "?"
        table.add_row(
            str(p["id"]),
            escape(p["municipality"] or "미상"),
            escape(p["title"] or "-"),
            period,
            str(p["services"]),
            ("✓ " if p["counted"] else "— ") + ("선택" if p["rule"] == "chosen" else "최신 기준"),
            str(p["duplicates"] or ""),
        )
    console.print(table)
