"""Commands: report, stats, export-matrix, export-qda — the analysis and what researchers take away from it."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from scatlas.cli.app import DEFAULT_DB, DbOption, app, console, fail
from scatlas.i18n import N_, _

if TYPE_CHECKING:
    from scatlas.report.writer import ReportOptions


class BasisChoice(StrEnum):
    effective = "effective"
    declared = "declared"
    auto = "auto"


class ByChoice(StrEnum):
    domain = "domain"
    municipality = "municipality"
    period = "period"


BasisOption = Annotated[
    BasisChoice,
    typer.Option("--basis", help="Which coding to count: effective (human > declared > auto), declared, or auto."),
]
FILE_WHAT = {
    "json": N_("계산한 모든 표 (analysis.json)"),
    "html": N_("보고서, 파일 하나로 완결 (오프라인으로 열림)"),
    "xlsx": N_("표마다 시트 하나 + 분류한 서비스 목록"),
    "pdf": N_("차트가 든 A4 보고서"),
    "charts": N_("모든 차트를 300dpi PNG와 SVG로"),
}


def _open(db: Path):
    from scatlas.catalogue import Catalogue
    from scatlas.errors import ScatlasError

    if not db.exists():
        raise fail(_("{db}: 카탈로그가 없다. 먼저 계획을 넣는다 (scatlas ingest PATH --db {db})").format(db=db))
    try:
        return Catalogue.open(db, readonly=True)
    except ScatlasError as exc:
        raise fail(str(exc)) from exc


def _rows(db: Path, basis: BasisChoice) -> list:
    from scatlas.analysis import load_rows

    with _open(db) as cat:
        return load_rows(cat, basis.value)


def write_full_report(
    db: Path, out: Path, basis: str = "effective", municipality: str | None = None, options: ReportOptions | None = None
) -> list[tuple[Path, str]]:
    """Write the report files for a catalogue; (path, what) per file. Used by `report` and `demo`."""
    from scatlas.report.writer import ReportError, write_report

    with _open(db) as cat:
        try:
            result = write_report(cat, out, basis, municipality, options=options)  # type: ignore[arg-type]
        except ReportError as exc:
            raise fail(str(exc)) from exc
    return [(path, _(FILE_WHAT[kind])) for kind, path in result.files.items()]


def files_table(files: list[tuple[Path, str]]) -> Table:
    table = Table(_("파일"), _("내용"))
    for path, what in files:
        table.add_row(str(path), what)
    return table


@app.command()
def report(
    out: Annotated[Path, typer.Option("--output", "-o", help="Folder for the report files (created if missing).")],
    db: DbOption = DEFAULT_DB,
    basis: BasisOption = BasisChoice.effective,
    municipality: Annotated[
        str | None,
        typer.Option("--municipality", "-m", help="Diagnose one municipality's plan against all the others."),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="The report's title.")] = None,
    author: Annotated[str | None, typer.Option("--author", help="Author line of the report.")] = None,
    institution: Annotated[str | None, typer.Option("--institution", help="Institution line of the report.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Date printed on the report (default: today).")] = None,
) -> None:
    """Write the analysis report: report.html, report.xlsx, report.pdf and analysis.json.

    Distributions over the 12 legal domains, sub-types, functions, target groups and technologies; archetypes of
    near-identical services across municipalities; distinctiveness, concentration and similarity; declared-vs-coded
    disagreements; the reference study's figures beside ours; trends between plan periods; a diagnosis per plan.

    Every chart is also written beside the report as a 300-dpi PNG and an SVG (charts/).

    Example: scatlas report --db scatlas.db -o report/ --title "스마트도시 서비스 분석" --author 홍길동 --institution 한국지방행정연구원
    """
    from scatlas.report.writer import ReportOptions

    files = write_full_report(
        db,
        out,
        basis.value,
        municipality,
        ReportOptions(title=title, author=author, institution=institution, date=date),
    )
    console.print(files_table(files))


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


@app.command()
def stats(
    db: DbOption = DEFAULT_DB,
    by: Annotated[
        ByChoice, typer.Option("--by", help="Table to print: domain, municipality or period.")
    ] = ByChoice.domain,
    basis: BasisOption = BasisChoice.effective,
) -> None:
    """Print the main tables in the terminal: domain distribution, or domains per municipality or plan period.

    Example: scatlas stats --db scatlas.db --by municipality
    """
    from scatlas.analysis import distributions, load_rows, trends
    from scatlas.report.document import BASIS_NOTES
    from scatlas.taxonomy import DOMAIN_ORDER

    with _open(db) as cat:
        rows = load_rows(cat, basis.value)
    if not rows:
        raise fail(_("{db}: 카탈로그에 서비스가 없다").format(db=db))
    plans = len({r.plan_id for r in rows})
    munis = len({r.municipality for r in rows})
    console.print(
        _("서비스 {services}개 · 계획 {plans}건 · 자치단체 {munis}곳 · 분류 기준 {basis}").format(
            services=f"{len(rows):,}", plans=plans, munis=munis, basis=BASIS_NOTES[basis.value][0]
        )
    )
    if by is ByChoice.domain:
        table = Table("분야", "서비스 수", "비중", "순위", title="분야별 현황")
        for d in distributions.domain_table(rows):
            table.add_row(d["domain"], f"{d['count']:,}", _pct(d["share"]), str(d["rank"]))
        un = distributions.unlabelled(rows)
        if un["count"]:
            table.add_row("[dim]미분류[/]", f"{un['count']:,}", _pct(un["share"]), "—")
        console.print(table)
        sub = Table("교통 세부 유형", "서비스 수", "교통 내 비중", title="교통 세부 유형")
        for t in distributions.subtype_tables(rows)["transport"]:
            sub.add_row(t["label"], f"{t['count']:,}", _pct(t["share"]))
        console.print(sub)
        console.print(_simple("기능", "function", distributions.function_table(rows), "미분류"))
        return
    groups = distributions.by_municipality(rows) if by is ByChoice.municipality else trends.by_period(rows)
    key = "municipality" if by is ByChoice.municipality else "period"
    table = Table(
        "자치단체" if key == "municipality" else "기간",
        "계",
        title=f"{'자치단체' if key == 'municipality' else '기간'} × 분야",
    )
    for _did, name in DOMAIN_ORDER:
        table.add_column(name[:2], justify="right", no_wrap=True)
    table.add_column("미분류", justify="right")
    for g in groups:
        table.add_row(
            str(g[key]),
            f"{g['services']:,}",
            *[str(g["domains"].get(d, 0)) for d, _name in DOMAIN_ORDER],
            str(g["domains"].get("unlabelled", 0)),
        )
    # A 14-column cross-tab needs more than 80 cells; a wider console beats squeezed, ellipsised headers.
    Console(width=max(console.width, 140)).print(table)


def _simple(title: str, key: str, rows: Iterable[dict], none_label: str) -> Table:
    table = Table(title, "서비스 수", "비중", title=title)
    for r in rows:
        table.add_row(r[key] or none_label, f"{r['count']:,}", _pct(r["share"]))
    return table


@app.command("export-matrix")
def export_matrix(
    out: Annotated[Path, typer.Option("--output", "-o", help="CSV file to write (a .labels.csv lands beside it).")],
    db: DbOption = DEFAULT_DB,
    basis: BasisOption = BasisChoice.effective,
) -> None:
    """Export a tidy service × code 0/1 matrix (UTF-8 CSV) for R, Stata or SPSS, with a variable-label file.

    Example: scatlas export-matrix --db scatlas.db -o services_matrix.csv
    """
    from scatlas.report.exports import write_matrix

    rows = _rows(db, basis)
    matrix, labels = write_matrix(rows, out)
    console.print(
        _("서비스 {n}개 → {matrix} (변수 설명: {labels})").format(n=f"{len(rows):,}", matrix=matrix, labels=labels)
    )


@app.command("export-qda")
def export_qda(
    out: Annotated[Path, typer.Option("--output", "-o", help="A .qdpx project or a .qdc codebook file.")],
    db: DbOption = DEFAULT_DB,
    basis: BasisOption = BasisChoice.effective,
) -> None:
    """Export REFI-QDA files for NVivo, MAXQDA, ATLAS.ti or QualCoder: codebook (.qdc) or project (.qdpx).

    The project holds each plan's service inventory as a text source, every service a coded selection.

    Example: scatlas export-qda --db scatlas.db -o plans.qdpx
    """
    from scatlas.report.exports import write_qdc, write_qdpx

    suffix = out.suffix.lower()
    if suffix not in (".qdpx", ".qdc"):
        raise fail(_("{out}: 파일 이름은 .qdpx(프로젝트) 또는 .qdc(코드북)로 끝나야 한다").format(out=out))
    rows = _rows(db, basis)
    path = write_qdc(rows, out) if suffix == ".qdc" else write_qdpx(rows, out, name=out.stem)
    what = _("코드북") if suffix == ".qdc" else _("분류한 서비스 {n}개").format(n=f"{len(rows):,}")
    console.print(f"{what} → {path}")
