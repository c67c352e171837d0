"""report.xlsx: one sheet per table plus the full coded catalogue; header rows frozen, autofilters on.

Written in openpyxl's write-only mode so 100,000 services stream to disk without building a cell tree.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape
from typing import Any, Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from scatlas.analysis.frame import Row
from scatlas.taxonomy import DOMAIN_ORDER

NAMES = dict(DOMAIN_ORDER)
CATALOGUE_SHEET = "서비스목록"
_HEAD_FONT = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDE7F0")


class _Book:
    """A write-only workbook whose sheets get openpyxl's header, frozen pane and filter, and streamed rows.

    openpyxl builds an object per cell (about 45 s for the 2M cells of 100,000 services); the data rows are instead
    written as sheet XML straight into the saved file (inline strings, so document text is never a formula).
    """

    def __init__(self) -> None:
        self.wb = Workbook(write_only=True)
        self.pending: dict[str, tuple[Iterable[Sequence[Any]], str]] = {}  # sheet XML → (rows, used range)

    def sheet(self, title: str, header: Sequence[str], rows: Iterable[Sequence[Any]], count: int,
              widths: Sequence[int] | None = None) -> None:
        ws = self.wb.create_sheet(title)
        ws.freeze_panes = "A2"
        for k, w in enumerate(widths or [max(10, min(40, 2 * len(h) + 4)) for h in header], 1):
            ws.column_dimensions[get_column_letter(k)].width = w
        head = []
        for h in header:
            cell = WriteOnlyCell(ws, value=h)
            cell.font, cell.fill = _HEAD_FONT, _HEAD_FILL
            head.append(cell)
        ws.append(head)
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"
        self.pending[f"xl/worksheets/sheet{len(self.wb.worksheets)}.xml"] = (
            rows, f"A1:{get_column_letter(len(header))}{count + 1}")

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.wb.save(path)
        _stream_rows(path, self.pending)
        return path


def _sheet(book: _Book, title: str, header: Sequence[str], rows: Iterable[Sequence[Any]],
           widths: Sequence[int] | None = None) -> None:
    rows = list(rows)
    book.sheet(title, header, rows, len(rows), widths)


def write_xlsx(analysis: dict[str, Any], rows: Sequence[Row], path: Path) -> Path:
    """Write the workbook; `rows` are the analysed services (the coded catalogue sheet)."""
    wb = _Book()
    a = analysis
    arch_of = {m["service_id"]: x["id"] for x in a["archetypes"] for m in x["members"]}
    _sheet(wb, "요약", ["항목", "값"], [
        ["분류 기준", a["basis"]], ["자치단체 수", a["totals"]["municipalities"]], ["계획 수", a["totals"]["plans"]],
        ["서비스 수", a["totals"]["services"]], ["미분류 서비스 수", a["totals"]["unlabelled"]],
        ["유사 서비스 유형 수", a["archetype_summary"]["archetypes"]],
        ["유형 판정 기준값", a["archetype_summary"]["threshold"]]], [24, 20])
    _sheet(wb, "분야별", ["domain_id", "분야", "서비스 수", "비중", "순위"],
           [[d["domain_id"], d["domain"], d["count"], d["share"], d["rank"]] for d in a["domains"]]
           + ([["unlabelled", "미분류", a["unlabelled"]["count"], a["unlabelled"]["share"], None]]
              if a["unlabelled"]["count"] else []))
    ids = [d for d, _ in DOMAIN_ORDER]
    _sheet(wb, "자치단체×분야", ["자치단체", "계획 수", "서비스 수"] + [NAMES[d] for d in ids] + ["미분류"],
           [[m["municipality"], m["plans"], m["services"]] + [m["domains"].get(d, 0) for d in ids]
            + [m["domains"].get("unlabelled", 0)] for m in a["by_municipality"]])
    _sheet(wb, "자치단체×분야 비중", ["자치단체", "서비스 수"] + [NAMES[d] for d in ids],
           [[m["municipality"], m["services"]] + [m["shares"].get(d, 0.0) for d in ids] for m in a["by_municipality"]])
    _sheet(wb, "기간별", ["기간", "계획 수", "자치단체 수", "서비스 수"] + [NAMES[d] for d in ids],
           [[p["period"], p["plans"], p["municipalities"], p["services"]] + [p["domains"].get(d, 0) for d in ids]
            for p in a["by_period"]])
    _sheet(wb, "세부유형", ["domain_id", "분야", "subtype", "세부 유형", "서비스 수", "분야 내 비중"],
           [[d, NAMES[d], t["subtype"], t["label"], t["count"], t["share"]]
            for d, table in a["subtypes"].items() for t in table])
    _sheet(wb, "기능", ["분야", "기능", "서비스 수", "비중"],
           [["전체", f["function"] or "미분류", f["count"], f["share"]] for f in a["functions"]]
           + [[NAMES.get(d, "미분류"), f["function"] or "미분류", f["count"], f["share"]]
              for d, table in a["functions_by_domain"].items() for f in table])
    _sheet(wb, "대상", ["대상", "서비스 수", "비중"],
           [[t["target_group"] or "대상 미상", t["count"], t["share"]] for t in a["target_groups"]])
    _sheet(wb, "기술", ["기술", "서비스 수", "비중"] + [NAMES[d] for d in ids],
           [[t["technology"], t["count"], t["share"]] + [t["domains"].get(d, 0) for d in ids]
            for t in a["technologies"]])
    _sheet(wb, "유사유형", ["유형", "유형 이름", "자치단체 수", "서비스 수", "분야", "자치단체", "서비스명", "계획",
                        "쪽"],
           [[x["id"], x["label"], x["municipalities"], x["services"], NAMES.get(x["domain_id"] or "", ""),
             m["municipality"], m["name"], m.get("plan_title", ""), m.get("page")]
            for x in a["archetypes"] for m in x["members"]])
    _sheet(wb, "차별성", ["자치단체", "서비스 수", "3곳 이상 공유", "3곳 이상 공유 비중", "고유", "고유 비중", "소수 공유",
                       "소수 공유 비중", "보편", "보편 비중", "차별성 지수", "가장 차별적인 서비스"],
           [[d["municipality"], d["services"], d.get("shared"), d.get("shared_share"), d["unique"], d["unique_share"],
             d["few"], d["few_share"], d["generic"], d["generic_share"], d["index"],
             ", ".join(s["name"] for s in d["most_distinctive"])] for d in a["distinctiveness"]])
    _sheet(wb, "집중도", ["plan_id", "자치단체", "계획", "서비스 수", "분류된 서비스", "HHI", "정규화 엔트로피",
                       "JS 거리"],
           [[c["plan_id"], c["municipality"], c["plan_title"], c["services"], c["labelled"], c["hhi"], c["entropy"],
             c["js_distance"]] for c in a["concentration"]])
    sim = a["similarity"]
    if "domain_cosine" in sim:
        munis = sim["municipalities"]
        _sheet(wb, "유사도", ["자치단체 A", "자치단체 B", "분야 구성 코사인", "공유 유형 비율"],
               [[munis[i], munis[j], sim["domain_cosine"][i][j], sim["archetype_jaccard"][i][j]]
                for i in range(len(munis)) for j in range(len(munis)) if i < j])
    else:
        _sheet(wb, "유사도", ["자치단체 A", "자치단체 B", "분야 구성 코사인", "공유 유형 비율"],
               [[n["municipality"], x["municipality"], x["domain_cosine"], x["archetype_jaccard"]]
                for n in sim["neighbours"] for x in n["neighbours"]])
    _sheet(wb, "분야불일치", ["service_id", "자치단체", "서비스", "쪽", "계획서 분야", "자동 분류", "신뢰도", "근거"],
           [[d["service_id"], d["municipality"], d["name"], d["page"], d["declared_domain"], d["coded_domain"],
             d["confidence"], d["rationale"]] for d in a["declared_vs_coded"]])
    _sheet(wb, "참고연구", ["항목", "key", "참고 연구", "구분", "이 목록", "차이", "출처", "도출 방법"],
           [[f["label"], f["key"], f["reference"], f["status"], f["ours"], f["difference"], f["where"],
             f["method"] or ""] for f in a["reference"]["figures"]])
    if a["trends"]["available"]:
        periods = list(a["trends"]["domains"][0]["shares"])
        _sheet(wb, "추세", ["분야"] + periods + ["변화(%p)"],
               [[d["domain"]] + [d["shares"][p] for p in periods] + [d["change_pp"]] for d in a["trends"]["domains"]])
    header = ["service_id", "자치단체", "계획", "계획 시작", "계획 끝", "원본 파일", "쪽", "서비스명", "설명", "계획서 분야",
              "분야", "domain_id", "세부 유형", "기능", "대상", "기술", "분류자", "자동 분류", "자동 신뢰도", "유사 유형"]
    catalogue = ([r.service_id, r.municipality, r.plan_title, r.period_start, r.period_end, r.source_file, r.page,
                  r.name, r.description, NAMES.get(r.declared_domain_id or "", None),
                  NAMES.get(r.domain_id or "", "미분류"), r.domain_id, r.subtype, r.function,
                  ";".join(r.target_groups), ";".join(r.technologies), r.coder, r.auto_domain_id, r.auto_confidence,
                  arch_of.get(r.service_id)] for r in rows)
    wb.sheet(CATALOGUE_SHEET, header, catalogue, len(rows),
             [10, 12, 28, 8, 8, 18, 6, 30, 50, 14, 14, 12, 18, 10, 12, 18, 14, 12, 10, 10])
    return wb.save(path)


def _xml_cell(ref: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    text = xml_escape(ILLEGAL_CHARACTERS_RE.sub("", str(value)))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _stream_rows(path: Path, pending: dict[str, tuple[Iterable[Sequence[Any]], str]]) -> None:
    """Append rows to worksheets of a saved workbook (member name → rows; inline strings, cells in order)."""
    tmp = path.with_suffix(".tmp.xlsx")
    # level 1: the catalogue sheet is ~100 MB of XML at 100,000 services; tighter levels cost seconds, not MBs
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED,
                                                       compresslevel=1) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename in pending:
                head, sep, tail = data.decode("utf-8").partition("</sheetData>")
                if not sep:  # an empty sheetData is written as <sheetData/>
                    head, sep, tail = data.decode("utf-8").partition("<sheetData/>")
                    head += "<sheetData>"
                rows, used = pending[info.filename]
                if "<dimension" not in head:  # readers size the sheet from it (openpyxl's read-only mode does)
                    head = head.replace("<sheetViews>", f'<dimension ref="{used}"/><sheetViews>', 1)
                letters = [get_column_letter(k) for k in range(1, 200)]
                # explicit row and cell references (r=…): optional in the standard, expected by some readers
                body = "".join(f'<row r="{n}">' + "".join(_xml_cell(f"{letters[k]}{n}", v) for k, v in enumerate(row))
                               + "</row>" for n, row in enumerate(rows, 2))
                data = (head + body + "</sheetData>" + tail).encode("utf-8")
            dst.writestr(info, data)
    tmp.replace(path)

