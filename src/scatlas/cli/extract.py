"""Commands: extract — one document's services and metadata, without a catalogue."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from scatlas.cli.app import app, console
from scatlas.errors import DocumentError


@app.command()
def extract(
    file: Annotated[
        Path, typer.Argument(help="A plan document (PDF, HWP, HWPX, DOCX, TXT, MD) or inventory (CSV, XLSX).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the docs/contracts.md JSON object instead.")] = False,
) -> None:
    """Extract a plan's services, municipality, title and period, and print them (nothing is stored).

    On a document that cannot be read, or in which no service is found, the JSON carries `error: {code, message}`
    and the exit status is 2.

    Example: scatlas extract plan.pdf --json
    """
    from scatlas.extract.output import error_json, plan_json
    from scatlas.pipeline import detect
    from scatlas.sandbox import ReaderCrashed, extract_within_budget

    fmt = None
    try:
        fmt = detect(file) if file.is_file() else None
        try:
            extraction = extract_within_budget(file)
        except ReaderCrashed as crash:
            raise DocumentError("corrupt", f"unexpected {crash}", path=file) from None
        if not any(p.services for p in extraction.plans):
            # the same result `ingest` reports: a clear non-zero exit, never an empty list that looks like success
            raise DocumentError("no_services", "no service list was recognised", path=file)
    except DocumentError as exc:
        result = error_json(file, fmt or file.suffix.lstrip(".").lower() or None, exc)
        if as_json:
            print(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            console.print(f"[bold red]error:[/] [red]{exc.code}[/] — {escape(exc.message)}")
        raise typer.Exit(2) from None
    plans = extraction.plans
    notes = list(extraction.notes)
    if len(plans) > 1:
        notes.append(
            f"the file holds {len(plans)} plans; showing the first ({plans[0].municipality}); "
            "use `scatlas ingest` for all"
        )
    from scatlas.records import PlanRecord

    plan = plans[0] if plans else PlanRecord(municipality=None)
    result = plan_json(file, extraction.source.format, extraction.source.pages, plan, notes)
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    _print_table(result)


def _print_table(result: dict) -> None:
    period = "–".join(map(str, result["period"])) if result["period"] else "?"
    console.print(
        f"[bold]{escape(result['plan_title'] or result['file'])}[/]  {result['municipality'] or '?'} "
        f"({result['municipality_code'] or 'no code'}), period {period}, {result['pages'] or '?'} pages"
    )
    table = Table(show_lines=False)
    for column in ("#", "page", "domain", "service", "description"):
        table.add_column(column, overflow="fold")
    for i, service in enumerate(result["services"], start=1):
        domain = service["declared_domain"] or service.get("declared_label") or ""
        description = service["description"]
        table.add_row(
            str(i),
            str(service["page"] or ""),
            domain,
            service["name"],
            description[:80] + ("…" if len(description) > 80 else ""),
        )
    console.print(table)
    for warning in result["warnings"]:
        console.print(f"[yellow]warning:[/] {escape(warning)}")
