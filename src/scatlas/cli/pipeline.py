"""Commands: ingest, export, demo — the pipeline's entry points."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from scatlas.cli.app import DEFAULT_DB, DbOption, app, console, fail
from scatlas.i18n import _
from scatlas.ingest.ocr import OcrSettings

#: What an ingest did with a file, for people (the codes stay in the API).
STATUS = {
    "added": lambda: _("새로 추가"),
    "replaced": lambda: _("새 판으로 교체"),
    "unchanged": lambda: _("같은 내용이 이미 있음"),
}


def _load_coder(enabled: bool):
    if not enabled:
        return None
    from scatlas.coding import load_coder  # lazy: loads the Korean analyser and the model

    return load_coder()


def run_ingest(db: Path, paths: list[Path], code: bool = True, mapping: dict[str, str] | None = None) -> list:
    """Ingest with a progress bar and a line per file; returns the FileResults."""
    from scatlas.catalogue import Catalogue
    from scatlas.pipeline import ingest_paths, scan_inputs

    files, skipped = scan_inputs(paths)
    if not files:
        raise fail(
            _("계획 파일을 찾지 못했다: {paths}").format(paths=", ".join(map(str, paths)))
            + (" " + _("(다른 파일 {n}개는 건너뜀)").format(n=len(skipped)) if skipped else "")
        )
    with (
        Catalogue.open(db) as cat,
        Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as progress,
    ):
        task = progress.add_task(_("분류기 불러오는 중") if code else _("읽는 중"), total=len(files) + len(skipped))
        coder = _load_coder(code)
        progress.update(task, description=_("읽는 중"))
        pages: list = []  # the OCR bar, shown while a file's scanned pages are read

        def ocr_progress(done_pages: int, total: int) -> None:
            if not pages:
                pages.append(progress.add_task(_("OCR 쪽"), total=total))
            progress.update(pages[0], completed=done_pages, total=total)
            if done_pages >= total:
                progress.remove_task(pages.pop())

        def done(result) -> None:
            _print_result(result)
            progress.advance(task)

        return ingest_paths(cat, paths, coder, on_result=done, mapping=mapping, ocr=OcrSettings(progress=ocr_progress))


def _print_result(result) -> None:
    name = escape(Path(result.path).name)  # file names and messages are user text: no Rich markup
    if result.failed:
        console.print(f"[red]✗[/] {name}: [red]{result.error['code']}[/] — {escape(result.error['message'])}")
        return
    if result.status == "skipped":
        label = _("건너뜀")  # outside the f-string: Babel reads f-string internals only on Python ≥ 3.12
        console.print(f"[dim]- {name}: {escape(label)} — {escape('; '.join(result.warnings))}[/]")
        return
    mark = {"added": "[green]✓[/]", "replaced": "[yellow]↻[/]", "unchanged": "[dim]=[/]"}[result.status]
    console.print(
        f"{mark} {name}: {escape(STATUS[result.status]())}, "
        + _("계획 {plans}건, 서비스 {services}개").format(plans=result.plans, services=result.services)
        + (", " + _("경고 {n}건").format(n=len(result.warnings)) if result.warnings else "")
    )
    for warning in result.warnings[:8]:
        console.print(f"    [dim]· {escape(warning)}[/]")
    if len(result.warnings) > 8:
        console.print("    [dim]· … " + _("외 {n}건").format(n=len(result.warnings) - 8) + "[/]")


@app.command()
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Plan files (PDF, HWP, HWPX, DOCX, XLSX, CSV, TXT, MD) or folders.")
    ],
    db: DbOption = DEFAULT_DB,
    code: Annotated[bool, typer.Option("--code/--no-code", help="Code every new service automatically.")] = True,
    preview: Annotated[
        bool,
        typer.Option(
            "--preview",
            help="For CSV/XLSX: show the sheet, header row, column mapping, plans and first rows; write nothing.",
        ),
    ] = False,
    maps: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            help="Name a column: '머리글=역할' (municipality, metro, "
            "name, description, domain, plan_title, period, page, "
            "municipality_code). Repeatable.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="With --preview: print JSON.")] = False,
) -> None:
    """Ingest plan documents and service inventories into the catalogue.

    Each file gets a line: services found, warnings, or the error (code and reason). A broken file is reported and
    skipped; the others land. Non-plan files inside a folder (README, images) are skipped with a note. Exit status 1
    when any file failed.

    Example: scatlas ingest plans/ inventory.csv --db scatlas.db

    Example: scatlas ingest 목록.xlsx --preview --map "기초자치단체=municipality"
    """
    from scatlas.sheets.headers import parse_mapping

    try:
        mapping = parse_mapping(maps or [])
    except ValueError as exc:
        raise fail(str(exc), 2) from None
    if preview:
        _preview(paths, mapping, as_json)
        return
    results = run_ingest(db, paths, code, mapping)
    failed = sum(r.failed for r in results)
    skipped = sum(r.status == "skipped" for r in results)
    console.print(
        _("파일 {files}개: 서비스 {services}개 추가, 실패 {failed}개 → {db}").format(
            files=len(results) - skipped, services=sum(r.services for r in results), failed=failed, db=db
        )
        + (" " + _("(계획이 아닌 파일 {n}개 건너뜀)").format(n=skipped) if skipped else "")
    )
    if failed:
        raise typer.Exit(1)


def _preview(paths: list[Path], mapping: dict[str, str], as_json: bool) -> None:
    """--preview: what importing each tabular file would do; nothing is written."""
    import json

    from scatlas.errors import DocumentError
    from scatlas.ingest.tabular import preview_tabular
    from scatlas.pipeline import scan_inputs

    files = [f for f in scan_inputs(paths)[0] if f.suffix.lower() in {".csv", ".xlsx"}]
    if not files:
        raise fail("--preview works on CSV and XLSX files; none given", 2)
    out, failed = {}, False
    for file in files:
        try:
            out[str(file)] = preview_tabular(file, mapping)
        except DocumentError as exc:
            out[str(file)] = {"error": exc.to_json()}
            failed = True
    if as_json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for name, info in out.items():
            _print_preview(name, info)
    if failed:
        raise typer.Exit(1)


def _print_preview(file: str, info: dict) -> None:
    console.rule(escape(Path(file).name))
    if "error" in info:
        console.print(f"[red]{info['error']['code']}[/] — {escape(info['error']['message'])}")
        return
    console.print(
        escape(
            _("시트: {sheet}  머리글 행: {row}  인코딩: {encoding}").format(
                sheet=info["sheet"] or "-", row=info["header_row"], encoding=info["encoding"] or "-"
            )
        )
    )
    console.print(
        escape(
            _("열: {columns}").format(
                columns=", ".join(f"{header} → {role}" for role, header in info["columns"].items())
            )
        )
    )
    table = Table(*[escape(h) or "-" for h in info["rows"][0]]) if info["rows"] else Table()
    for row in info["rows"][1:]:
        table.add_row(*[escape(c[:40]) for c in row])
    console.print(table)
    for plan in info["plans"]:
        period = "~".join(map(str, plan["period"])) if plan["period"] else "?"
        console.print(
            escape(
                _("계획: {municipality} · {title} · {period} · 서비스 {n}개").format(
                    municipality=plan["municipality"] or _("지자체 미상"),
                    title=plan["title"] or "-",
                    period=period,
                    n=plan["services"],
                )
            )
        )
    for line in info["notes"] + info["skipped"]:
        console.print(f"[dim]· {escape(line)}[/]")
    console.print("[dim]" + escape(_("미리보기: 아무것도 저장하지 않았다")) + "[/]")


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, json or xlsx.")] = "csv",
    out: Annotated[
        Path | None, typer.Option("--output", "-o", help="The file to write (default: services.<format>).")
    ] = None,
) -> None:
    """Export the catalogue's services with their effective coding (columns: docs/contracts.md#export-columns).

    Example: scatlas export --db scatlas.db --format xlsx -o services.xlsx
    """
    from scatlas.catalogue import Catalogue
    from scatlas.catalogue.export import EXPORT_FORMATS, export_records, write_export
    from scatlas.sheets.safe_writer import SUFFIXES

    if fmt not in EXPORT_FORMATS:
        raise fail(
            _("--format은 {formats} 중 하나여야 한다 ({fmt!r}은 아님)").format(
                formats=", ".join(EXPORT_FORMATS), fmt=fmt
            ),
            2,
        )
    if not db.exists():
        raise fail(_("{db}: 카탈로그가 없다 (먼저 scatlas ingest)").format(db=db))
    out = out or Path("services" + SUFFIXES[fmt])
    with Catalogue.open(db) as cat:
        records = export_records(cat)
    write_export(records, fmt, out)
    console.print(_("서비스 {n}개 → {out}").format(n=len(records), out=out))


def bundled_samples() -> list[Path]:
    """The bundled, fictional sample plans and inventory (copied out of the package)."""
    root = resources.files("scatlas.data")
    found: list[Path] = []
    for folder in ("samples", "inventory"):
        entry = root.joinpath(folder)
        if entry.is_dir():
            found.extend(
                Path(str(p))
                for p in entry.iterdir()
                if p.name.split(".")[-1].lower() in {"pdf", "hwp", "hwpx", "docx", "xlsx", "csv", "txt", "md"}
                and not p.name.startswith(".")
                and p.name.lower() != "readme.md"
            )
    return sorted(found)


@app.command()
def demo(
    out: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Folder for the demo catalogue and report (default: scatlas-demo, or the next free scatlas-demo-N).",
        ),
    ] = None,
) -> None:
    """Run the whole chain on the bundled, fictional sample plans: ingest, code, analyse, report.

    The sample plans are made up by this project (their covers say so); they exercise every layout scatlas reads.

    Example: scatlas demo -o scatlas-demo
    """
    samples = bundled_samples()
    if not samples:
        raise fail(_("함께 설치된 예시 파일이 없다: 설치가 불완전하다"))
    out = demo_folder(out)
    out.mkdir(parents=True, exist_ok=True)
    db = out / "scatlas.db"
    console.rule("[bold]1. " + escape(_("읽기와 분류")))
    results = run_ingest(db, samples, code=True)
    unread = [r for r in results if r.failed and r.error and r.error["code"] == "needs_ocr"]
    console.print(
        _("파일 {files}개에서 서비스 {services}개").format(
            files=len(results), services=sum(r.services for r in results)
        )
        + (
            " "
            + escape(_("(스캔 예시 {n}개는 읽지 못함: {why})").format(n=len(unread), why=unread[0].error["message"]))
            if unread
            else ""
        )
    )
    console.rule("[bold]2. " + escape(_("분석과 보고서")))
    from scatlas.cli.report import files_table, write_full_report

    report_dir = out / "report"
    paths = write_full_report(db, report_dir)
    console.print(files_table(paths))
    label = _("보고서")  # outside the f-string: Babel reads f-string internals only on Python ≥ 3.12
    console.print(f"[bold green]{escape(label)}:[/] {(report_dir / 'report.html').resolve()}")


def demo_folder(out: Path | None) -> Path:
    """Where the demo writes: never over an existing catalogue (a person may have reviewed in it).

    Without -o: scatlas-demo, or scatlas-demo-2, -3, … when it already holds a catalogue or report. With -o naming a
    folder that holds one: a refusal that says why.
    """

    def used(folder: Path) -> bool:
        return (folder / "scatlas.db").exists() or (folder / "report").exists()

    if out is not None:
        if used(out):
            raise fail(
                _(
                    "{out}에 이미 카탈로그(scatlas.db)나 보고서가 있다: 데모는 기존 작업을 지우지 않는다. "
                    "다른 폴더를 -o로 지정한다"
                ).format(out=out)
            )
        return out
    folder, n = Path("scatlas-demo"), 1
    while used(folder):
        n += 1
        folder = Path(f"scatlas-demo-{n}")
    if n > 1:
        console.print(
            "[yellow]"
            + escape(
                _("scatlas-demo에 이전 카탈로그가 있어 {folder}에 새로 만든다 (기존 것은 그대로)").format(folder=folder)
            )
            + "[/]"
        )
    return folder
