"""report.html: one self-contained page (inline PNG charts, inline CSS and JS), readable offline."""

from __future__ import annotations

import base64
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from scatlas import __version__, fonts
from scatlas.analysis.diagnosis import diagnose
from scatlas.report import findings as fnd
from scatlas.taxonomy import DOMAIN_ORDER

#: Where the template wants the @font-face rules.
FONT_SLOT = "/*@font-face*/"
#: The full report carries at most this many municipality diagnoses (the largest plans first).
MAX_DIAGNOSES = 200
#: Archetype rows shown in the page (all of them are in the XLSX and analysis.json).
MAX_ARCHETYPE_ROWS = 200
BASIS_NOTES = {
    "effective": ("유효 분류", "사람이 검토한 분류, 없으면 계획서가 밝힌 분야, 없으면 자동 분류"),
    "declared": ("계획서 분야", "계획서(또는 연구자 목록)가 밝힌 분야"),
    "auto": ("자동 분류", "scatlas 자동 분류기의 최신 분류"),
}
TOC = [("domains", "분야별 현황"), ("municipalities", "자치단체별 현황과 교차표"), ("subtypes", "세부 유형"),
       ("functions", "서비스 기능"), ("targets", "서비스 대상"), ("technologies", "적용 기술"),
       ("archetypes", "여러 자치단체가 함께 계획한 서비스 유형"), ("differentiation", "차별성과 집중도"),
       ("consistency", "계획서 분야와 자동 분류의 일치"), ("reference", "참고 연구와의 비교"),
       ("trends", "계획 기간별 변화"), ("diagnoses", "자치단체별 계획 진단"), ("method", "방법")]


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment; autoescape is on, so text from documents is always HTML-escaped."""
    env = Environment(loader=PackageLoader("scatlas.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"], default=True),
                      trim_blocks=False, lstrip_blocks=False)
    env.globals.update(pct=fnd.pct, diagnosis_text=fnd.diagnosis, fmt=_fmt, ref=_ref)
    return env


def _fmt(key: str, value: Any, signed: bool = False) -> str:
    if value is None:
        return "—"
    if key.endswith(".share"):
        return (f"{100 * value:+.1f}%p" if signed else f"{100 * value:.1f}%")
    return f"{value:+,}" if signed and isinstance(value, int) else f"{value:,}"


def _ref(value: Any, status: str | None, share: bool = False) -> str:
    if value is None:
        return "—"
    text = fnd.pct(value) if share else f"{value:,}"
    return text + ("*" if status == "derived" else "")


def _top_domain(m: dict[str, Any]) -> str:
    names = dict(DOMAIN_ORDER)
    counts = [(c, d) for d, c in m["domains"].items() if d in names and c]
    if not counts:
        return "—"
    best = max(c for c, _ in counts)
    return ", ".join(names[d] for c, d in counts if c == best)


def _tech_domains(t: dict[str, Any]) -> str:
    names = dict(DOMAIN_ORDER)
    top = sorted(t["domains"].items(), key=lambda kv: -kv[1])[:3]
    return ", ".join(f"{names.get(d, '미분류')} {c}" for d, c in top)


def diagnoses_for(analysis: dict[str, Any], limit: int = MAX_DIAGNOSES) -> list[dict[str, Any]]:
    """Diagnoses of the municipalities with the most services (all of them up to `limit`), in name order."""
    munis = sorted(analysis["by_municipality"], key=lambda m: -m["services"])[:limit]
    return [diagnose(analysis, m["municipality"]) for m in sorted(munis, key=lambda m: m["municipality"])]


def render_html(analysis: dict[str, Any], charts: dict[str, bytes], *, municipality: str | None = None,
                title: str | None = None) -> str:
    """The report page; with `municipality`, that municipality's diagnosis beside the overall picture."""
    focus = diagnose(analysis, municipality) if municipality else None
    diagnoses = [] if focus else diagnoses_for(analysis)
    label, note = BASIS_NOTES[analysis.get("basis", "effective")]
    similarity = analysis["similarity"]
    neighbours = similarity.get("neighbours")
    if neighbours is None and "domain_cosine" in similarity:
        neighbours = _neighbours_from_matrix(similarity)
    toc = [(i, t) for i, t in TOC if not focus or i in ("domains", "method")]
    if focus:
        toc.insert(0, ("diagnosis", f"{municipality} 계획 진단"))
    page = environment().get_template("report.html.j2").render(
        a=analysis, f=fnd.all_findings(analysis), charts={k: base64.b64encode(v).decode() for k, v in charts.items()},
        title=title or (f"{municipality} 스마트도시계획 진단" if focus else "스마트도시 서비스 분석 보고서"),
        basis_label=label, basis_note=note, version=__version__,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), toc=toc,
        domain_order=DOMAIN_ORDER, dist={d["municipality"]: d for d in analysis["distinctiveness"]},
        top_domain=_top_domain, tech_domains=_tech_domains, archetypes=analysis["archetypes"][:MAX_ARCHETYPE_ROWS],
        neighbours=neighbours or [], diagnoses=diagnoses,
        diagnoses_cut=len(diagnoses) < len(analysis["by_municipality"]), focus=focus)
    return embed_font(page)


def embed_font(page: str) -> str:
    """The page with a subset of the Korean font (just the characters it shows) embedded as WOFF data URLs, so it
    renders Hangul on a machine without a Korean font."""
    return page.replace(FONT_SLOT, fonts.font_face_css(page), 1)


def _neighbours_from_matrix(similarity: dict[str, Any]) -> list[dict[str, Any]]:
    munis = similarity["municipalities"]
    out = []
    for i, m in enumerate(munis):
        order = sorted((j for j in range(len(munis)) if j != i),
                       key=lambda j: (-similarity["archetype_jaccard"][i][j], -similarity["domain_cosine"][i][j]))
        out.append({"municipality": m, "neighbours": [
            {"municipality": munis[j], "archetype_jaccard": similarity["archetype_jaccard"][i][j],
             "domain_cosine": similarity["domain_cosine"][i][j]} for j in order[:5]]})
    return out
