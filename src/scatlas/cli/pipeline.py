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
from scatlas.i18n import _

#: What an ingest did with a file, for people (the codes stay in the API).
STATUS = {"added": lambda: _("새로 추가"), "replaced": lambda: _("새 판으로 교체"),
          "unchanged": lambda: _("같은 내용이 이미 있음")}


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
        raise fail(_("계획 파일을 찾지 못했다: {paths}").format(paths=", ".join(map(str, paths))))
    with Catalogue.open(db) as cat, Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=console, transient=True) as progress:
        task = progress.add_task(_("분류기 불러오는 중") if code else _("읽는 중"), total=len(files))
        coder = _load_coder(code)
        progress.update(task, description=_("읽는 중"))

        def done(result) -> None:
            _print_result(result)
            progress.advance(task)

        return ingest_paths(cat, files, coder, on_result=done)


def _print_result(result) -> None:
    name = escape(Path(result.path).name)  # file names and messages are user text: no Rich markup
    if result.failed:
        console.print(f"[red]✗[/] {name}: [red]{result.error['code']}[/] — {escape(result.error['message'])}")
        return
    mark = {"added": "[green]✓[/]", "replaced": "[yellow]↻[/]", "unchanged": "[dim]=[/]"}[result.status]
    console.print(f"{mark} {name}: {escape(STATUS[result.status]())}, "
                  + _("계획 {plans}건, 서비스 {services}개").format(plans=result.plans, services=result.services)
                  + (", " + _("경고 {n}건").format(n=len(result.warnings)) if result.warnings else ""))
    for warning in result.warnings[:8]:
        console.print(f"    [dim]· {escape(warning)}[/]")
    if len(result.warnings) > 8:
        console.print("    [dim]· … " + _("외 {n}건").format(n=len(result.warnings) - 8) + "[/]")


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
    console.print(_("파일 {files}개: 서비스 {services}개 추가, 실패 {failed}개 → {db}").format(
        files=len(results), services=sum(r.services for r in results), failed=failed, db=db))
    if failed:
        raise typer.Exit(1)


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, json or xlsx.")] = "csv",
    out: Annotated[Path, typer.Option("--output", "-o", help="The file to write.")] = Path("services.csv"),
) -> None:
    """Export the catalogue's services with their effective coding (columns: docs/contracts.md#export-columns).

    Example: scatlas export --db scatlas.db --format xlsx -o services.xlsx
    """
    from scatlas.catalogue import Catalogue
    from scatlas.catalogue.export import EXPORT_FORMATS, export_records, write_export

    if fmt not in EXPORT_FORMATS:
        raise fail(_("--format은 {formats} 중 하나여야 한다 ({fmt!r}은 아님)").format(
            formats=", ".join(EXPORT_FORMATS), fmt=fmt), 2)
    if not db.exists():
        raise fail(_("{db}: 카탈로그가 없다 (먼저 scatlas ingest)").format(db=db))
    with Catalogue.open(db) as cat:
        records = export_records(cat)
    write_export(records, fmt, out)
    console.print(_("서비스 {n}개 → {out}").format(n=len(records), out=out))


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
        raise fail(_("함께 설치된 예시 파일이 없다: 설치가 불완전하다"))
    out.mkdir(parents=True, exist_ok=True)
    db = out / "scatlas.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)  # a demo starts from an empty catalogue
    console.rule("[bold]1. " + escape(_("읽기와 분류")))
    results = run_ingest(db, samples, code=True)
    expected_failures = [r for r in results if r.failed and r.error and r.error["code"] == "no_text_layer"]
    console.print(_("파일 {files}개에서 서비스 {services}개 (텍스트 층 없는 스캔 예시 {scanned}개는 그렇게 보고함)").format(
        files=len(results), services=sum(r.services for r in results), scanned=len(expected_failures)))
    console.rule("[bold]2. " + escape(_("분석과 보고서")))
    from scatlas.cli.report import files_table, write_full_report

    report_dir = out / "report"
    if report_dir.exists():
        shutil.rmtree(report_dir)
    paths = write_full_report(db, report_dir)
    console.print(files_table(paths))
    console.print(f"[bold green]{escape(_('보고서'))}:[/] {(report_dir / 'report.html').resolve()}")
