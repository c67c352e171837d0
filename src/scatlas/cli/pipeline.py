"""Commands: ingest, export, demo — the pipeline's entry points."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from scatlas.cli.app import DEFAULT_DB, DbOption, app, console, fail
from scatlas.ingest.ocr import OcrSettings


def _load_coder(enabled: bool):
    if not enabled:
        return None
    from scatlas.coding import load_coder  # lazy: loads the Korean analyser and the model

    return load_coder()


def run_ingest(db: Path, paths: list[Path], code: bool = True) -> list:
    """Ingest with a progress bar and a line per file; returns the FileResults."""
    from scatlas.catalogue import Catalogue
    from scatlas.pipeline import ingest_paths, iter_input_files

    files = list(iter_input_files(paths))
    if not files:
        raise fail("no plan files found in " + ", ".join(map(str, paths)))
    with Catalogue.open(db) as cat, Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=console, transient=True) as progress:
        task = progress.add_task("loading the coder" if code else "ingesting", total=len(files))
        coder = _load_coder(code)
        progress.update(task, description="ingesting")
        pages: list = []  # the OCR bar, shown while a file's scanned pages are read

        def ocr_progress(done_pages: int, total: int) -> None:
            if not pages:
                pages.append(progress.add_task("OCR pages", total=total))
            progress.update(pages[0], completed=done_pages, total=total)
            if done_pages >= total:
                progress.remove_task(pages.pop())

        def done(result) -> None:
            _print_result(result)
            progress.advance(task)

        return ingest_paths(cat, files, coder, on_result=done, ocr=OcrSettings(progress=ocr_progress))


def _print_result(result) -> None:
    name = escape(Path(result.path).name)  # file names and messages are user text: no Rich markup
    if result.failed:
        console.print(f"[red]✗[/] {name}: [red]{result.error['code']}[/] — {escape(result.error['message'])}")
        return
    mark = {"added": "[green]✓[/]", "replaced": "[yellow]↻[/]", "unchanged": "[dim]=[/]"}[result.status]
    console.print(f"{mark} {name}: {result.status}, {result.plans} plan(s), {result.services} service(s)"
                  + (f", {len(result.warnings)} warning(s)" if result.warnings else ""))
    for warning in result.warnings[:8]:
        console.print(f"    [dim]· {escape(warning)}[/]")
    if len(result.warnings) > 8:
        console.print(f"    [dim]· … and {len(result.warnings) - 8} more[/]")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Plan files (PDF, HWP, HWPX, DOCX, XLSX, CSV, TXT, MD) or folders.")],
    db: DbOption = DEFAULT_DB,
    code: Annotated[bool, typer.Option("--code/--no-code", help="Code every new service automatically.")] = True,
) -> None:
    """Ingest plan documents and service inventories into the catalogue.

    Each file gets a line: services found, warnings, or the error (code and reason). A broken file is reported and
    skipped; the others land. Exit status 1 when any file failed.

    Example: scatlas ingest plans/ inventory.csv --db scatlas.db
    """
    results = run_ingest(db, paths, code)
    failed = sum(r.failed for r in results)
    console.print(f"{len(results)} file(s): {sum(r.services for r in results)} service(s) added, "
                  f"{failed} failed → {db}")
    if failed:
        raise typer.Exit(1)


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, json or xlsx.")] = "csv",
    out: Annotated[Path, typer.Option("--output", "-o", help="The file to write.")] = Path("services.csv"),
) -> None:
    """Export the catalogue's services with their effective coding (DESIGN.md columns).

    Example: scatlas export --db scatlas.db --format xlsx -o services.xlsx
    """
    from scatlas.catalogue import Catalogue
    from scatlas.catalogue.export import EXPORT_FORMATS, export_records, write_export

    if fmt not in EXPORT_FORMATS:
        raise fail(f"--format must be one of {', '.join(EXPORT_FORMATS)}, not {fmt!r}", 2)
    if not db.exists():
        raise fail(f"{db}: no such catalogue (run scatlas ingest first)")
    with Catalogue.open(db) as cat:
        records = export_records(cat)
    write_export(records, fmt, out)
    console.print(f"{len(records)} service(s) → {out}")


def bundled_samples() -> list[Path]:
    """The bundled, fictional sample plans and inventory (copied out of the package)."""
    root = resources.files("scatlas.data")
    found = []
    for folder in ("samples", "inventory"):
        entry = root.joinpath(folder)
        if entry.is_dir():
            found.extend(Path(str(p)) for p in entry.iterdir()
                         if p.name.split(".")[-1].lower() in {"pdf", "hwp", "hwpx", "docx", "xlsx", "csv", "txt", "md"}
                         and not p.name.startswith(".") and p.name.lower() != "readme.md")
    return sorted(found)


@app.command()
def demo(
    out: Annotated[Path, typer.Option("--output", "-o", help="Folder for the demo catalogue and report.")]
    = Path("scatlas-demo"),
) -> None:
    """Run the whole chain on the bundled, fictional sample plans: ingest, code, analyse, report.

    The sample plans are made up by this project (their covers say so); they exercise every layout scatlas reads.

    Example: scatlas demo -o scatlas-demo
    """
    samples = bundled_samples()
    if not samples:
        raise fail("no bundled sample files found: the installation is incomplete")
    out.mkdir(parents=True, exist_ok=True)
    db = out / "scatlas.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)  # a demo starts from an empty catalogue
    console.rule("[bold]1. ingest + code")
    results = run_ingest(db, samples, code=True)
    unread = [r for r in results if r.failed and r.error and r.error["code"] == "needs_ocr"]
    console.print(f"{sum(r.services for r in results)} services from {len(results)} files"
                  + (f" ({len(unread)} scanned sample not read: {unread[0].error['message']})" if unread else ""))
    console.rule("[bold]2. analyse + report")
    from scatlas.cli.report import write_full_report

    report_dir = out / "report"
    if report_dir.exists():
        shutil.rmtree(report_dir)
    paths = write_full_report(db, report_dir)
    table = Table("file", "what")
    for path, what in paths:
        table.add_row(str(path), what)
    console.print(table)
    console.print(f"[bold green]Report:[/] {(report_dir / 'report.html').resolve()}")
