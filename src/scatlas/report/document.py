"""The report as one document model: numbered sections, their findings, charts and tables.

report.html, report.pdf and report.xlsx are all written from this model, so the three carry the same sections, the
same numbering, the same tables and the same markers. Cells keep their numbers and a kind; `text()` formats a cell
for the page (HTML, PDF) and the XLSX writer gives the number a matching cell format. Where the page cuts a long table
(`Table.limit`), `cut_note()` says so and where the rest is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scatlas.analysis.diagnosis import diagnose
from scatlas.report import findings as fnd
from scatlas.taxonomy import DOMAIN_ORDER

NAMES = dict(DOMAIN_ORDER)
#: The full report carries at most this many municipality diagnoses (the largest plans first).
MAX_DIAGNOSES = 200
#: Rows a page (HTML or PDF) shows of the long tables; report.xlsx always holds every row.
LONG = 250
ARCHETYPE_ROWS = 100
DISAGREEMENT_ROWS = 100
BASIS_NOTES = {
    "effective": ("유효 분류", "사람이 검토한 분류, 없으면 계획서가 밝힌 분야, 없으면 자동 분류"),
    "declared": ("계획서 분야", "계획서(또는 연구자 목록)가 밝힌 분야"),
    "auto": ("자동 분류", "scatlas 자동 분류기의 최신 분류"),
}
STATUS_LABELS = {"published": "공표", "derived": "도출*"}  # the page marks derived figures with *
DERIVED_NOTE = "* 표시는 참고 연구의 공표 수치에서 산술로 도출한 값이다(공표치가 아님). 공표되지 않은 수치는 ‘—’로 두며 추정하지 않는다."


@dataclass
class Cell:
    """One value and how to show it: text, int, float2, float3, pct (a share), pp (percentage points, signed),
    signed (a signed count). `derived` marks a value the reference study does not publish but that follows from it."""

    value: Any
    kind: str = "text"
    derived: bool = False

    def text(self) -> str:
        v = self.value
        if v is None or v == "":
            return "—" if self.kind != "text" else ""
        if self.kind == "int":
            out = f"{v:,}"
        elif self.kind == "pct":
            out = fnd.pct(v)
        elif self.kind == "pp":
            out = fnd.pp(v)
        elif self.kind == "signed":
            out = f"{v:+,}".replace("-", "\u2212") if v else "0"
        elif self.kind == "float2":
            out = f"{v:.2f}"
        elif self.kind == "float3":
            out = f"{v:.3f}"
        else:
            out = str(v)
        return out + ("*" if self.derived else "")

    @property
    def numeric(self) -> bool:
        return self.kind != "text"


def _cells(*values: Any, kinds: str) -> list[Cell]:
    """Cells from values and a kind letter each: t text, i int, p pct, d pp, s signed, 2/3 float."""
    table = {"t": "text", "i": "int", "p": "pct", "d": "pp", "s": "signed", "2": "float2", "3": "float3"}
    return [v if isinstance(v, Cell) else Cell(v, table[k]) for v, k in zip(values, kinds, strict=True)]


@dataclass
class Table:
    """A table of the report. `sheet`: its sheet in report.xlsx; `limit`: rows the page shows (None: all);
    `xlsx_only`: a data sheet that the pages render otherwise (diagnoses) or not at all (member lists)."""

    sheet: str
    title: str
    header: list[str]
    rows: list[list[Cell]]
    total: list[Cell] | None = None
    limit: int | None = None
    note: str | None = None
    xlsx_only: bool = False

    @property
    def shown(self) -> list[list[Cell]]:
        return self.rows if self.limit is None else self.rows[: self.limit]

    def cut_note(self) -> str | None:
        if self.limit is None or len(self.rows) <= self.limit:
            return None
        return (
            f"{len(self.rows):,}행 중 {self.limit:,}행만 싣는다. 전체는 report.xlsx의 ‘{self.sheet}’ 시트와 "
            "analysis.json에 있다."
        )


@dataclass
class Section:
    id: str
    number: int
    title: str
    findings: list[str] = field(default_factory=list)
    charts: list[tuple[str, str]] = field(default_factory=list)  # (chart name, alt text)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)  # bullet points (the method)
    diagnoses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}"


@dataclass
class Document:
    title: str
    meta: list[str]
    sections: list[Section]
    diagnoses_note: str | None = None


def _top_domain(m: dict[str, Any]) -> str:
    counts = [(c, d) for d, c in m["domains"].items() if d in NAMES and c]
    if not counts:
        return "—"
    best = max(c for c, _ in counts)
    return fnd.join_words([NAMES[d] for c, d in counts if c == best])


def _tech_domains(t: dict[str, Any]) -> str:
    top = sorted(t["domains"].items(), key=lambda kv: -kv[1])[:3]
    return ", ".join(f"{NAMES.get(d, '미분류')} {c}" for d, c in top)


def diagnoses_for(analysis: dict[str, Any], limit: int = MAX_DIAGNOSES) -> list[dict[str, Any]]:
    """Diagnoses of the municipalities with the most services (all of them up to `limit`), in name order."""
    munis = sorted(analysis["by_municipality"], key=lambda m: -m["services"])[:limit]
    return [diagnose(analysis, m["municipality"]) for m in sorted(munis, key=lambda m: m["municipality"])]


def neighbours(similarity: dict[str, Any]) -> list[dict[str, Any]]:
    """Each municipality's five most similar others (from the matrix when the analysis kept it)."""
    if similarity.get("neighbours") is not None:
        return similarity["neighbours"]
    if "domain_cosine" not in similarity:
        return []
    munis = similarity["municipalities"]
    out = []
    for i, m in enumerate(munis):
        order = sorted(
            (j for j in range(len(munis)) if j != i),
            key=lambda j: (-similarity["archetype_jaccard"][i][j], -similarity["domain_cosine"][i][j]),
        )
        out.append(
            {
                "municipality": m,
                "neighbours": [
                    {
                        "municipality": munis[j],
                        "archetype_jaccard": similarity["archetype_jaccard"][i][j],
                        "domain_cosine": similarity["domain_cosine"][i][j],
                    }
                    for j in order[:5]
                ],
            }
        )
    return out


def method_items(a: dict[str, Any], basis_label: str, basis_note: str) -> list[str]:
    s = a["archetype_summary"]
    return [
        (
            f"분류 기준 ‘{basis_label}’: {basis_note}. 기준에 따른 분야가 없는 서비스는 ‘미분류’로 집계하며 제외하지 않는다. "
            "비중의 분모는 전체 서비스 수다."
        ),
        "순위는 서비스 수가 같으면 같은 순위를 준다(최소 순위 방식).",
        f"유사 서비스 유형: {s['method']} 기준값: 설명이 있는 쌍 {s['threshold']}, 명칭만 있는 쌍 {s['name_threshold']}.",
        (
            f"차별성 지수: 어떤 유형에도 속하지 않거나 소수({s['few_threshold']}곳 이하) 자치단체만 계획한 유형에 속한 서비스의 "
            f"비중. 보편 유형: {s['generic_threshold']}곳 이상이 계획한 유형. {s.get('shared_by', 3)}곳 이상 공유: "
            f"{s.get('shared_by', 3)}곳 이상의 자치단체가 계획한 유형에 속한 서비스의 비중."
        ),
        "집중도: 12개 분야 구성의 HHI와 정규화 엔트로피(ln 12로 나눔), 전체 분야 구성과의 Jensen–Shannon 거리(밑 2).",
        "비중의 차이는 %p(퍼센트포인트)로 적고, 음수는 빼기 기호(−)로 적는다.",
        *_reading_items(a),
    ]


def _reading_items(a: dict[str, Any]) -> list[str]:
    """A line naming the plans whose services were read by OCR or found in running text (names may hold errors)."""
    plans = []
    for r in a.get("reading") or []:
        parts = []
        if r["ocr_services"]:
            parts.append(f"OCR {r['ocr_services']}개, 평균 OCR 신뢰도 {r['ocr_confidence']:.2f}")
        if r["prose_services"]:
            parts.append(f"본문 문장 {r['prose_services']}개")
        plans.append(f"{r['municipality'] or r['source_file']} ({', '.join(parts)})")
    if not plans:
        return []
    return [
        "스캔 이미지(OCR)나 본문 문장에서 읽은 서비스가 있는 계획: "
        + "; ".join(plans)
        + ". 이 서비스들은 명칭에 인식 오류가 있을 수 있어 검토가 필요하다."
    ]


# ------------------------------------------------------------------------------------------------ the sections
def _domains(a: dict[str, Any], f: dict[str, list[str]]) -> Section:
    rows = [_cells(d["domain"], d["count"], d["share"], d["rank"], kinds="tipi") for d in a["domains"]]
    if a["unlabelled"]["count"]:
        rows.append(_cells("미분류", a["unlabelled"]["count"], a["unlabelled"]["share"], None, kinds="tipi"))
    table = Table(
        "분야별",
        "분야별 서비스 수",
        ["분야", "서비스 수", "비중", "순위"],
        rows,
        total=_cells("합계", a["totals"]["services"], 1.0 if a["totals"]["services"] else 0.0, None, kinds="tipi"),
    )
    return Section(
        "domains", 0, "분야별 현황", f["domains"], [("domains", "분야별 스마트도시 서비스 현황 막대그래프")], [table]
    )


def _municipalities(a: dict[str, Any], f: dict[str, list[str]]) -> Section:
    dist = {d["municipality"]: d for d in a["distinctiveness"]}
    munis = a["by_municipality"]
    summary = Table(
        "자치단체별",
        "자치단체별 현황",
        ["자치단체", "계획 수", "서비스 수", "가장 많은 분야", "차별성 지수"],
        [
            _cells(
                m["municipality"],
                m["plans"],
                m["services"],
                _top_domain(m),
                dist[m["municipality"]]["index"] if m["municipality"] in dist else None,
                kinds="tiitp",
            )
            for m in munis
        ],
        total=_cells(
            "합계", sum(m["plans"] for m in munis), sum(m["services"] for m in munis), "", None, kinds="tiitp"
        ),
        limit=LONG,
    )
    ids = [d for d, _ in DOMAIN_ORDER]
    cross = Table(
        "자치단체×분야",
        "자치단체 × 분야 교차표 (서비스 수)",
        ["자치단체"] + [NAMES[d] for d in ids] + ["미분류", "계"],
        [
            [Cell(m["municipality"])]
            + [Cell(m["domains"].get(d, 0), "int") for d in ids]
            + [Cell(m["domains"].get("unlabelled", 0), "int"), Cell(m["services"], "int")]
            for m in munis
        ],
        total=[Cell("합계")]
        + [Cell(sum(m["domains"].get(d, 0) for m in munis), "int") for d in ids]
        + [
            Cell(sum(m["domains"].get("unlabelled", 0) for m in munis), "int"),
            Cell(sum(m["services"] for m in munis), "int"),
        ],
        limit=LONG,
    )
    shares = Table(
        "자치단체×분야 비중",
        "자치단체 × 분야 비중",
        ["자치단체", "서비스 수"] + [NAMES[d] for d in ids],
        [
            [Cell(m["municipality"]), Cell(m["services"], "int")] + [Cell(m["shares"].get(d, 0.0), "pct") for d in ids]
            for m in munis
        ],
        xlsx_only=True,
    )
    tables = [summary, cross, shares]
    if a.get("plans_not_counted"):
        # several plans of one city: the tables count one (the latest unless a person chose); the others are named
        tables.insert(
            1,
            Table(
                "집계하지 않은 계획",
                "집계하지 않은 계획",
                ["자치단체", "계획 ID", "계획명"],
                [_cells(m, plan_id, title or "—", kinds="tit") for m, plan_id, title in a["plans_not_counted"]],
                note="한 자치단체에 계획이 여럿이면 한 계획만 집계한다(최신 계획; scatlas plans --count "
                "계획ID로 바꿀 수 있다). 이 계획들은 표에서 빠지고 계획 기간별 변화에만 들어간다.",
            ),
        )
    return Section(
        "municipalities", 0, "자치단체별 현황과 교차표", [], [("municipalities", "자치단체별 분야 비중 히트맵")], tables
    )


def _subtypes(a: dict[str, Any], f: dict[str, list[str]]) -> Section:
    rows = []
    for did, _name in DOMAIN_ORDER:
        table = a["subtypes"].get(did, [])
        if sum(t["count"] for t in table):
            rows += [
                _cells(
                    NAMES[did], t["label"] if t["subtype"] else "세부 유형 미상", t["count"], t["share"], kinds="ttip"
                )
                for t in table
            ]
    return Section(
        "subtypes",
        0,
        "세부 유형",
        f["subtypes"],
        [("transport_subtypes", "교통 서비스 세부 유형")],
        [Table("세부유형", "분야별 세부 유형", ["분야", "세부 유형", "서비스 수", "분야 내 비중"], rows)],
    )


def _functions(a: dict[str, Any], f: dict[str, list[str]]) -> Section:
    overall = Table(
        "기능",
        "서비스 기능",
        ["기능", "서비스 수", "비중"],
        [_cells(x["function"] or "미분류", x["count"], x["share"], kinds="tip") for x in a["functions"]],
        total=_cells("합계", a["totals"]["services"], 1.0 if a["totals"]["services"] else 0.0, kinds="tip"),
    )
    names = ["정보제공", "문제해결", "기반구축", None]
    rows = []
    for did, name in DOMAIN_ORDER:
        per = {x["function"]: x for x in a["functions_by_domain"].get(did, [])}
        n = sum(x["count"] for x in per.values())
        if n:
            rows.append(
                [Cell(name), Cell(n, "int")] + [Cell(per[k]["share"] if k in per else 0.0, "pct") for k in names]
            )
    by_domain = Table(
        "기능×분야",
        "분야별 기능 구성 (분야 내 비중)",
        ["분야", "서비스 수", "정보제공", "문제해결", "기반구축", "미분류"],
        rows,
    )
    return Section(
        "functions", 0, "서비스 기능", f["functions"], [("functions", "분야별 기능 구성")], [overall, by_domain]
    )


def _targets(a: dict[str, Any], f: dict[str, list[str]]) -> Section:
    return Section(
        "targets",
        0,
        "서비스 대상",
        f["target_groups"],
        [],
        [
            Table(
                "대상",
                "서비스 대상",
                ["대상", "서비스 수", "비중"],
                [
                    _cells(x["target_group"] or "대상 미상", x["count"], x["share"], kinds="tip")
                    for x in a["target_groups"]
                ],
            )
        ],
        notes=["한 서비스가 여러 대상을 가질 수 있어 비중의 합은 100%를 넘을 수 있다."],
    )


def _technologies(a: dict[str, Any], f: dict[str, list[str]]) -> Section:
    return Section(
        "technologies",
        0,
        "적용 기술",
        f["technologies"],
        [("technologies", "적용 기술 빈도")],
        [
            Table(
                "기술",
                "적용 기술",
                ["기술", "서비스 수", "비중", "많이 쓰인 분야"],
                [
                    _cells(t["technology"], t["count"], t["share"], _tech_domains(t), kinds="tipt")
                    for t in a["technologies"]
                ],
                limit=LONG,
            )
        ],
        notes=["한 서비스가 여러 기술을 쓸 수 있어 비중의 합은 100%를 넘을 수 있다."],
    )


def _archetypes(a: dict[str, Any], f: dict[str, list[str]]) -> Section:
    def page(m: dict[str, Any]) -> str:
        return f" (p. {m['page']})" if m.get("page") else ""

    def members(x: dict[str, Any]) -> str:
        shown = "; ".join(f"{m['municipality']}: {m['name']}{page(m)}" for m in x["members"][:12])
        return shown + (f" … 외 {len(x['members']) - 12}개" if len(x["members"]) > 12 else "")

    method = a["archetype_summary"].get("method")
    main = Table(
        "유사유형",
        "여러 자치단체가 함께 계획한 서비스 유형",
        ["유형", "유형 이름", "분야", "자치단체 수", "서비스 수", "자치단체별 명칭 (계획 쪽)"],
        [
            _cells(
                x["id"],
                x["label"],
                NAMES.get(x["domain_id"] or "", "미분류"),
                x["municipalities"],
                x["services"],
                members(x),
                kinds="tttiit",
            )
            for x in a["archetypes"]
        ],
        limit=ARCHETYPE_ROWS,
        note=method,
    )
    rows = [
        _cells(
            x["id"], x["label"], m["municipality"], m["name"], m.get("plan_title") or "", m.get("page"), kinds="ttttti"
        )
        for x in a["archetypes"]
        for m in x["members"]
    ]
    detail = Table(
        "유사유형 구성",
        "유형별 구성 서비스",
        ["유형", "유형 이름", "자치단체", "서비스명", "계획", "쪽"],
        rows,
        xlsx_only=True,
    )
    return Section("archetypes", 0, "여러 자치단체가 함께 계획한 서비스 유형", f["archetypes"], [], [main, detail])


def _differentiation(a: dict[str, Any], f: dict[str, list[str]]) -> Section:
    by = a["archetype_summary"].get("shared_by", 3)
    dist = Table(
        "차별성",
        "자치단체별 차별성",
        [
            "자치단체",
            "서비스 수",
            f"{by}곳 이상 공유",
            "고유",
            "소수 공유",
            "보편",
            "차별성 지수",
            "가장 차별적인 서비스",
        ],
        [
            _cells(
                d["municipality"],
                d["services"],
                d.get("shared_share"),
                d["unique_share"],
                d["few_share"],
                d["generic_share"],
                d["index"],
                ", ".join(s["name"] for s in d["most_distinctive"][:3]),
                kinds="tipppppt",
            )
            for d in a["distinctiveness"]
        ],
        limit=LONG,
        note=a["archetype_summary"].get("index_definition"),
    )
    conc = Table(
        "집중도",
        "계획별 분야 집중도",
        ["계획", "자치단체", "서비스 수", "분류된 서비스", "HHI", "정규화 엔트로피", "전체와의 JS 거리"],
        [
            _cells(
                c["plan_title"] or c["municipality"],
                c["municipality"],
                c["services"],
                c["labelled"],
                c["hhi"],
                c["entropy"],
                c["js_distance"],
                kinds="ttii333",
            )
            for c in a["concentration"]
        ],
        limit=LONG,
    )
    near = Table(
        "유사도",
        "가장 비슷한 자치단체",
        ["자치단체", "가장 비슷한 자치단체 (공유 유형 비율 / 분야 구성 코사인)"],
        [
            _cells(
                n["municipality"],
                ", ".join(
                    f"{x['municipality']} ({x['archetype_jaccard']:.2f} / {x['domain_cosine']:.2f})"
                    for x in n["neighbours"][:5]
                ),
                kinds="tt",
            )
            for n in neighbours(a["similarity"])
        ],
        limit=LONG,
    )
    return Section(
        "differentiation", 0, "차별성과 집중도", f["distinctiveness"] + f["concentration"], [], [dist, conc, near]
    )


def _consistency(a: dict[str, Any], f: dict[str, list[str]]) -> Section:
    rows = [
        _cells(
            d["municipality"],
            d["name"],
            d["page"],
            d["declared_domain"],
            d["coded_domain"],
            d["confidence"],
            d["rationale"],
            kinds="ttitt2t",
        )
        for d in a["declared_vs_coded"]
    ]
    return Section(
        "consistency",
        0,
        "계획서 분야와 자동 분류의 일치",
        f["consistency"],
        [],
        [
            Table(
                "분야불일치",
                "계획서 분야와 자동 분류가 다른 서비스",
                ["자치단체", "서비스", "쪽", "계획서 분야", "자동 분류", "신뢰도", "근거"],
                rows,
                limit=DISAGREEMENT_ROWS,
            )
        ],
    )


def _reference(a: dict[str, Any], f: dict[str, list[str]]) -> Section:
    def ref(value: Any, status: str | None, kind: str) -> Cell:
        return Cell(value, kind, derived=status == "derived" and value is not None)

    domains = Table(
        "참고연구 분야",
        "분야별 비교: 이 목록과 참고 연구",
        [
            "분야",
            "이 목록 (수)",
            "이 목록 (비중)",
            "이 목록 (순위)",
            "참고 연구 (수)",
            "참고 연구 (비중)",
            "참고 연구 (순위)",
        ],
        [
            [
                *_cells(d["domain"], d["count"], d["share"], d["rank"], kinds="tipi"),
                ref(d["reference_count"], d["reference_count_status"], "int"),
                ref(d["reference_share"], d["reference_share_status"], "pct"),
                ref(d["reference_rank"], d["reference_rank_status"], "int"),
            ]
            for d in a["reference"]["domains"]
        ],
    )
    rows = []
    for x in a["reference"]["figures"]:
        share = x["key"].endswith(".share")
        kind = "pct" if share else "int" if isinstance(x["reference"], int) else "float3"
        rows.append(
            [
                Cell(x["label"]),
                ref(x["reference"], x["status"], kind),
                Cell(STATUS_LABELS.get(x["status"], x["status"])),
                Cell(x["ours"], kind),
                Cell(
                    None if x["difference"] is None else (100 * x["difference"] if share else x["difference"]),
                    "pp" if share else "signed" if kind == "int" else "float3",
                ),
                Cell(x["where"]),
                Cell(x["method"] or ""),
            ]
        )
    figures = Table(
        "참고연구",
        "참고 연구의 수치와 이 목록",
        ["항목", "참고 연구", "구분", "이 목록", "차이", "출처", "도출 방법"],
        rows,
    )
    src = a["reference"]["source"]
    return Section(
        "reference",
        0,
        "참고 연구와의 비교",
        f["reference"],
        [("reference", "참고 연구와 분야별 비중 비교")],
        [domains, figures],
        notes=[f"참고 연구: {src.get('title') or '—'} ({src.get('series') or ''}).", DERIVED_NOTE],
    )


def _trends(a: dict[str, Any], f: dict[str, list[str]]) -> Section:
    t = a["trends"]
    periods = Table(
        "기간별",
        "계획 기간별 규모",
        ["기간", "계획 수", "자치단체 수", "서비스 수"],
        [_cells(p["period"], p["plans"], p["municipalities"], p["services"], kinds="tiii") for p in t["periods"]],
    )
    tables = [periods]
    if t["available"]:
        names = list(t["domains"][0]["shares"])
        tables.append(
            Table(
                "추세",
                "계획 기간별 분야 비중",
                ["분야", *names, "변화"],
                [
                    [Cell(d["domain"])] + [Cell(d["shares"][p], "pct") for p in names] + [Cell(d["change_pp"], "pp")]
                    for d in t["domains"]
                ],
            )
        )
    return Section("trends", 0, "계획 기간별 변화", f["trends"], [("trends", "계획 기간별 분야 비중")], tables)


def _diagnosis_rows(diagnoses: list[dict[str, Any]]) -> Table:
    rows = [
        _cells(
            d["municipality"],
            x["domain"],
            x["count"],
            x["share"],
            x["overall_share"],
            x["difference_pp"],
            kinds="ttippd",
        )
        for d in diagnoses
        for x in d["domain_mix"]
        if x["count"] or x["overall_share"]
    ]
    return Table(
        "진단",
        "자치단체별 분야 구성과 전체 평균",
        ["자치단체", "분야", "서비스 수", "비중", "전체 평균", "차이"],
        rows,
        xlsx_only=True,
    )


def diagnosis_tables(d: dict[str, Any]) -> list[Table]:
    """One municipality's domain and function mix beside the overall picture."""
    mix = [x for x in d["domain_mix"] if x["count"] or x["overall_share"]]
    return [
        Table(
            "진단",
            "분야 구성",
            ["분야", "서비스 수", "비중", "전체 평균", "차이"],
            [
                _cells(x["domain"], x["count"], x["share"], x["overall_share"], x["difference_pp"], kinds="tippd")
                for x in mix
            ],
        ),
        Table(
            "진단",
            "기능 구성",
            ["기능", "서비스 수", "비중", "전체 평균", "차이"],
            [
                _cells(x["function"], x["count"], x["share"], x["overall_share"], x["difference_pp"], kinds="tippd")
                for x in d["function_mix"]
            ],
        ),
    ]


def diagnosis_notes(d: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, text) lines under a diagnosis: generic, distinctive, empty domains, disagreements."""
    out = []
    if d["generic_services"]:
        out.append(
            (
                f"보편적 서비스 ({d['generic_threshold']}곳 이상이 계획)",
                "; ".join(f"{', '.join(g['names'])} ({g['municipalities']}곳)" for g in d["generic_services"][:15]),
            )
        )
    if d["distinctive_services"]:
        out.append(("차별적 서비스", ", ".join(s["name"] for s in d["distinctive_services"])))
    if d["empty_domains"]:
        out.append(
            (
                "비어 있는 분야 (다른 자치단체 절반 이상이 계획)",
                ", ".join(f"{e['domain']} ({e['peers_with']}곳)" for e in d["empty_domains"]),
            )
        )
    if d["disagreements"]:
        out.append(
            (
                "분야 불일치",
                "; ".join(
                    f"{x['name']} (계획서 {x['declared_domain']} → 자동 {x['coded_domain']})"
                    for x in d["disagreements"][:10]
                ),
            )
        )
    return out


def build_document(
    analysis: dict[str, Any],
    *,
    municipality: str | None = None,
    title: str | None = None,
    meta: list[str] | None = None,
    max_diagnoses: int = MAX_DIAGNOSES,
) -> Document:
    """The report's sections (numbered in order) from a built analysis; with `municipality`, its diagnosis first."""
    a = analysis
    f = a.get("findings") or fnd.all_findings(a)
    label, note = BASIS_NOTES[a.get("basis", "effective")]
    method = Section("method", 0, "방법", items=method_items(a, label, note))
    if municipality:
        focus = diagnose(a, municipality)
        sections = [Section("diagnosis", 0, f"{municipality} 계획 진단", diagnoses=[focus]), _domains(a, f), method]
        sections[1].title = "비교: 전체 계획의 분야별 현황"
        diag_note = None
    else:
        diagnoses = diagnoses_for(a, max_diagnoses)
        diag = Section("diagnoses", 0, "자치단체별 계획 진단", diagnoses=diagnoses, tables=[_diagnosis_rows(diagnoses)])
        diag_note = None
        if len(diagnoses) < len(a["by_municipality"]):
            diag_note = (
                f"서비스가 많은 {len(diagnoses)}곳만 싣는다. 다른 자치단체는 "
                "scatlas report --municipality 이름 으로 본다."
            )
            diag.notes.append(diag_note)
        sections = [
            _domains(a, f),
            _municipalities(a, f),
            _subtypes(a, f),
            _functions(a, f),
            _targets(a, f),
            _technologies(a, f),
            _archetypes(a, f),
            _differentiation(a, f),
            _consistency(a, f),
            _reference(a, f),
            _trends(a, f),
            diag,
            method,
        ]
    for k, s in enumerate(sections, 1):
        s.number = k
    t = a["totals"]
    default_meta = [
        f"자치단체 {t['municipalities']}곳 · 계획 {t['plans']}건 · 서비스 {t['services']:,}개 · 분류 기준: {label}"
    ]
    return Document(
        title or (f"{municipality} 스마트도시계획 진단" if municipality else "스마트도시 서비스 분석 보고서"),
        (meta or []) + default_meta,
        sections,
        diag_note,
    )
