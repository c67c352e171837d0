"""Exports for researchers: a tidy service × code 0/1 matrix (R, Stata, SPSS) and REFI-QDA files (QDC, QDPX).

The QDPX project holds one text source per plan: the plan's service inventory as scatlas extracted it (title, then
per service its page, name and description). Each service's span is a selection coded with its domain, sub-type,
function, target groups and technologies on the chosen basis. The catalogue keeps no full plan text, so the
sources are these inventories, not the whole documents.
"""

from __future__ import annotations

import csv
import uuid
import zipfile
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

from scatlas import __version__
from scatlas.analysis.frame import Row
from scatlas.sheets.safe_writer import spreadsheet_safe
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, TARGET_GROUPS, load_codebook

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_NS = "urn:QDA-XML:project:1.0"
#: GUIDs are uuid5 under this namespace, so the same code or service gets the same GUID in every export.
GUID_NS = uuid.UUID("5b0a7c1e-3f1d-4b5e-9a53-5ca7a1a5c0de")
FUNCTION_VARS = {"정보제공": "fn_info", "문제해결": "fn_solve", "기반구축": "fn_infra"}
GROUP_VARS = {
    "일반": "tg_general",
    "노인": "tg_elderly",
    "아동": "tg_children",
    "장애인": "tg_disabled",
    "여성": "tg_women",
    "청년": "tg_youth",
    "다문화": "tg_multicultural",
    "관광객": "tg_tourists",
    "농어민": "tg_farmers",
    "기타": "tg_other",
}
TECH_VARS = {
    "IoT": "iot",
    "CCTV": "cctv",
    "AI": "ai",
    "빅데이터": "bigdata",
    "비콘": "beacon",
    "GPS": "gps",
    "드론": "drone",
    "AR/VR": "arvr",
    "자율주행": "autonomous",
    "WiFi": "wifi",
    "RFID": "rfid",
    "디지털트윈": "digitaltwin",
    "블록체인": "blockchain",
    "5G": "5g",
    "센서": "sensor",
    "모바일앱": "mobileapp",
    "클라우드": "cloud",
    "LoRa/LPWA": "lora_lpwa",
    "GIS": "gis",
    "키오스크": "kiosk",
    "로봇": "robot",
    "메타버스": "metaverse",
}
DOMAIN_COLOURS = [
    "#1F5F8B",
    "#F28E2B",
    "#59A14F",
    "#76B7B2",
    "#E15759",
    "#9C755F",
    "#EDC948",
    "#B07AA1",
    "#FF9DA7",
    "#4E79A7",
    "#8CD17D",
    "#BAB0AC",
]


def guid(*parts: str) -> str:
    """A stable upper-case GUID for a code, source or selection."""
    return str(uuid.uuid5(GUID_NS, "\x1f".join(parts))).upper()


# ----------------------------------------------------------------------------------------------- matrix CSV
def matrix_columns(rows: Sequence[Row]) -> list[tuple[str, str]]:
    """(variable, Korean label) of every 0/1 column: domains, sub-types, functions, target groups, technologies.

    Variable names are ASCII, at most 32 characters and start with a letter (R, Stata and SPSS all accept them).
    """
    book = load_codebook()
    cols = [(f"d_{did}", name) for did, name in DOMAIN_ORDER] + [("d_unlabelled", "분야 미분류")]
    cols += [(f"st_{s.id}", f"{d.name} › {s.label}") for d in book.domains for s in d.subtypes]
    cols += [(FUNCTION_VARS[f], f"기능: {f}") for f in FUNCTIONS]
    cols += [(GROUP_VARS[g], f"대상: {g}") for g in TARGET_GROUPS]
    seen = set(TECH_VARS)
    cols += [(f"tech_{v}", f"기술: {t}") for t, v in TECH_VARS.items()]
    extra = sorted({t for r in rows for t in r.technologies if t not in seen})
    cols += [(f"tech_x{k + 1}", f"기술: {t}") for k, t in enumerate(extra)]
    return cols


def write_matrix(rows: Sequence[Row], path: Path) -> tuple[Path, Path]:
    """The tidy matrix (one row per service, one 0/1 column per code) and its variable-label file beside it."""
    cols = matrix_columns(rows)
    extra = {label.split(": ", 1)[1]: var for var, label in cols if var.startswith("tech_x")}
    ids = [
        "service_id",
        "municipality",
        "plan_id",
        "plan_title",
        "period_start",
        "period_end",
        "page",
        "name",
        "basis_coder",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(ids + [c for c, _ in cols])
        for r in rows:
            on = {f"d_{r.domain_id}" if r.domain_id else "d_unlabelled"}
            if r.subtype:
                on.add(f"st_{r.subtype}")
            if r.function in FUNCTION_VARS:
                on.add(FUNCTION_VARS[r.function])
            on.update(GROUP_VARS[g] for g in r.target_groups if g in GROUP_VARS)
            on.update(f"tech_{TECH_VARS[t]}" if t in TECH_VARS else extra[t] for t in r.technologies)
            w.writerow(
                [
                    r.service_id,
                    spreadsheet_safe(r.municipality),
                    r.plan_id,
                    spreadsheet_safe(r.plan_title),
                    r.period_start,
                    r.period_end,
                    r.page,
                    spreadsheet_safe(r.name),
                    r.coder or "",
                ]
                + [1 if c in on else 0 for c, _ in cols]
            )
    labels = path.with_name(path.stem + ".labels.csv")
    with labels.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["variable", "label"])
        w.writerows(
            [
                ("service_id", "서비스 ID (scatlas catalogue)"),
                ("municipality", "자치단체"),
                ("plan_id", "계획 ID"),
                ("plan_title", "계획명"),
                ("period_start", "계획 시작 연도"),
                ("period_end", "계획 끝 연도"),
                ("page", "쪽 (1부터, 물리적)"),
                ("name", "서비스명"),
                ("basis_coder", "분류자 (human:…, declared, auto:…)"),
                *cols,
            ]
        )
    return path, labels


# ----------------------------------------------------------------------------------------------- REFI-QDA
def _code_tree(parent: etree._Element, ns: str, rows: Sequence[Row], with_notes: bool = False) -> None:
    """The codebook as REFI codes: 분야 › sub-types, 기능, 대상, 기술 (group codes are not codable)."""
    book = load_codebook()
    q = f"{{{ns}}}"

    def code(
        at: etree._Element,
        key: str,
        name: str,
        codable: bool,
        colour: str | None = None,
        description: str | None = None,
    ) -> etree._Element:
        el = etree.SubElement(
            at, q + "Code", guid=guid("code", key), name=name, isCodable="true" if codable else "false"
        )
        if colour:
            el.set("color", colour)
        if description:
            etree.SubElement(el, q + "Description").text = description
        return el

    domains = code(parent, "group:domain", "분야", False, description="스마트도시법 시행령의 12개 서비스 분야")
    for k, d in enumerate(book.domains):
        dom = code(domains, f"domain:{d.id}", d.name, True, DOMAIN_COLOURS[k], d.definition)
        for s in d.subtypes:
            code(dom, f"subtype:{s.id}", s.label, True)
    functions = code(parent, "group:function", "기능", False)
    for f in FUNCTIONS:
        code(functions, f"function:{f}", f, True, description=book.functions.get(f, {}).get("definition"))
    groups = code(parent, "group:target", "대상", False)
    for g in TARGET_GROUPS:
        code(groups, f"target:{g}", g, True)
    techs = code(parent, "group:technology", "기술", False)
    for t in list(TECH_VARS) + sorted({t for r in rows for t in r.technologies if t not in TECH_VARS}):
        code(techs, f"technology:{t}", t, True)


def codebook_xml(rows: Sequence[Row] = ()) -> bytes:
    """The REFI-QDA codebook (QDC) of the scatlas codebook (plus any extra technologies found in `rows`)."""
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS}, origin=f"scatlas {__version__}")
    _code_tree(etree.SubElement(root, f"{{{CODEBOOK_NS}}}Codes"), CODEBOOK_NS, rows)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def write_qdc(rows: Sequence[Row], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(codebook_xml(rows))
    return path


def _codes_of(r: Row) -> list[str]:
    keys = []
    if r.domain_id:
        keys.append(f"domain:{r.domain_id}")
    if r.subtype:
        keys.append(f"subtype:{r.subtype}")
    if r.function:
        keys.append(f"function:{r.function}")
    keys += [f"target:{g}" for g in r.target_groups]
    keys += [f"technology:{t}" for t in r.technologies]
    return keys


def plan_text(members: Sequence[Row]) -> tuple[str, list[tuple[Row, int, int]]]:
    """A plan's inventory as text, and each service's (start, end) character span in it."""
    first = members[0]
    parts = [f"{first.plan_title or first.municipality}\n{first.source_file}\n\n"]
    pos = len(parts[0])
    spans = []
    for r in members:
        block = (f"[p. {r.page}] " if r.page else "") + r.name + ("\n" + r.description if r.description else "")
        spans.append((r, pos, pos + len(block)))
        parts.append(block + "\n\n")
        pos += len(block) + 2
    return "".join(parts), spans


def project_xml(rows: Sequence[Row], name: str = "scatlas") -> tuple[bytes, dict[str, str]]:
    """project.qde and the plan texts it refers to (zip member name → text)."""
    q = f"{{{PROJECT_NS}}}"
    now = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    user = guid("user", "scatlas")
    root = etree.Element(
        q + "Project",
        nsmap={None: PROJECT_NS},
        name=name,
        origin=f"scatlas {__version__}",
        creatingUserGUID=user,
        creationDateTime=now,
    )
    users = etree.SubElement(root, q + "Users")
    etree.SubElement(users, q + "User", guid=user, name="scatlas")
    _code_tree(etree.SubElement(etree.SubElement(root, q + "CodeBook"), q + "Codes"), PROJECT_NS, rows)
    plans: dict[int, list[Row]] = defaultdict(list)
    for r in rows:
        plans[r.plan_id].append(r)
    by_muni: dict[str, list[str]] = defaultdict(list)
    texts: dict[str, str] = {}
    sources_el = etree.Element(q + "Sources")
    for plan_id, members in plans.items():
        source = guid("plan", str(plan_id), members[0].plan_title)
        by_muni[members[0].municipality].append(source)
        text, spans = plan_text(members)
        texts[f"sources/{source}.txt"] = text
        src = etree.SubElement(
            sources_el,
            q + "TextSource",
            guid=source,
            name=members[0].plan_title or members[0].municipality,
            plainTextPath=f"internal://{source}.txt",
            creatingUser=user,
            creationDateTime=now,
        )
        for r, start, end in spans:
            sel = etree.SubElement(
                src,
                q + "PlainTextSelection",
                guid=guid("service", str(r.service_id)),
                name=r.name,
                startPosition=str(start),
                endPosition=str(end),
                creatingUser=user,
                creationDateTime=now,
            )
            if r.coder:
                etree.SubElement(sel, q + "Description").text = f"분류자: {r.coder}"
            for key in _codes_of(r):
                coding = etree.SubElement(
                    sel,
                    q + "Coding",
                    guid=guid("coding", str(r.service_id), key),
                    creatingUser=user,
                    creationDateTime=now,
                )
                etree.SubElement(coding, q + "CodeRef", targetGUID=guid("code", key))
    cases = etree.SubElement(root, q + "Cases")
    for muni, sources in sorted(by_muni.items()):
        case = etree.SubElement(cases, q + "Case", guid=guid("case", muni), name=muni)
        for s in sources:
            etree.SubElement(case, q + "SourceRef", targetGUID=s)
    if len(sources_el):
        root.append(sources_el)
    else:
        root.remove(cases)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True), texts


def write_qdpx(rows: Sequence[Row], path: Path, name: str = "scatlas") -> Path:
    """The REFI-QDA project: a zip of project.qde and sources/<guid>.txt (UTF-8)."""
    xml, texts = project_xml(rows, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", xml)
        for member, text in texts.items():
            zf.writestr(member, text.encode("utf-8"))
    return path
