"""The PDF sample plans: ruled table (고양시), service cards (목포시), landscape + /Rotate 90 (김해시), image-only (해남군).

Each builder draws the plan twice: the first pass finds the printed page numbers the 목차 needs, the second draws
the file. Builders return {service name: physical page} for the ground truth.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from pathlib import Path

from content import FICTION_NOTICE, Plan, Service, short_name
from pdf_layout import Column, PlanPdf
from reportlab.lib.pagesizes import A4, landscape

ROMAN = ["i", "ii", "iii", "iv", "v", "vi"]

# 주요 기능 lines of a card, by domain: plausible plan boilerplate, varied by the service's own words
FUNCTIONS: dict[str | None, list[str]] = {
    "교통": ["실시간 운행·교통 정보 수집 및 제공", "모바일 앱·전광판 연계 안내", "이용 통계 분석을 통한 노선·시설 개선"],
    "방범·방재": ["현장 센서·영상 기반 이상 상황 감지", "통합관제센터 및 유관기관 자동 통보", "주민 대상 경보·대피 안내"],
    "환경·에너지·수자원": ["측정 데이터 실시간 수집 및 공개", "기준 초과 시 담당 부서 알림", "절감·개선 효과 분석 보고"],
    "보건·의료·복지": ["대상자 상태 상시 확인", "위급 시 보호자·기관 연계", "돌봄 인력 방문 일정 관리"],
    "문화·관광·스포츠": ["관광 콘텐츠 및 편의 정보 제공", "방문객 이동·소비 데이터 분석", "다국어 안내 지원"],
    "행정": ["부서 간 데이터 연계·공유", "시민 대상 정보 개방", "운영 현황 대시보드 제공"],
    "시설물관리": ["원격 상태 점검 및 제어", "고장·이상 자동 알림", "유지보수 이력 관리"],
    "물류": ["생산·유통 이력 기록", "소비자 조회 서비스", "유통 데이터 분석"],
}


def _rng(plan: Plan) -> random.Random:
    return random.Random(plan.key)  # deterministic figures per plan


def _budget_rows(plan: Plan) -> tuple[list[str], list[list[str]], list[str]]:
    """연차별 투자계획 by 분야 (억원): a decoy table that repeats the domain labels, not the services."""
    rng = _rng(plan)
    years = list(range(plan.period[0], plan.period[1] + 1))
    labels: list[str] = []
    for s in plan.services:
        if s.label not in labels:
            labels.append(s.label)
    rows, totals = [], [0.0] * len(years)
    for label in labels:
        values = [round(rng.uniform(2, 40), 1) for _ in years]
        totals = [t + v for t, v in zip(totals, values)]
        rows.append([label] + [f"{v:.1f}" for v in values] + [f"{sum(values):.1f}"])
    total = ["합계"] + [f"{t:.1f}" for t in totals] + [f"{sum(totals):.1f}"]
    return ["구분"] + [f"{y}년" for y in years] + ["계"], rows, total


def _roadmap_rows(plan: Plan) -> list[list[str]]:
    """추진 로드맵: shortened service names with the years each runs (a decoy that repeats names)."""
    rng = _rng(plan)
    n_years = plan.period[1] - plan.period[0] + 1
    rows = []
    for s in plan.services:
        start = rng.randrange(0, 3)
        length = rng.randrange(2, n_years - start + 1)
        rows.append([s.label, short_name(s.name)] + ["●" if start <= k < start + length else "" for k in range(n_years)])
    return rows


def _kpi_rows(plan: Plan) -> list[list[str]]:
    rng = _rng(plan)
    picks = rng.sample(plan.services, k=min(5, len(plan.services)))
    units = ["%", "분", "건", "회"]
    rows = []
    for s in picks:
        unit = rng.choice(units)
        now = rng.randrange(10, 60)
        rows.append([f"{short_name(s.name)} 만족도" if unit == "%" else f"{short_name(s.name)} 처리 시간",
                     f"{now}{unit}", f"{now + rng.randrange(5, 30)}{unit}", s.name])
    return rows


class _Pass:
    """One layout pass: collects the printed page label of every anchor."""

    def __init__(self, known: dict[str, str]) -> None:
        self.known = known
        self.found: dict[str, str] = {}

    def get(self, key: str) -> str:
        return self.known.get(key, "00")


def _two_pass(path: Path, draw: Callable[[_Pass, Path | io.BytesIO], dict[str, int]]) -> dict[str, int]:
    first = _Pass({})
    draw(first, io.BytesIO())
    return draw(_Pass(first.found), path)


def _printed_body(offset: int, front: int) -> Callable[[int], str | None]:
    """Cover unnumbered, front matter in roman numerals, body from 1 (physical page - offset)."""

    def number(physical: int) -> str | None:
        if physical == 1:
            return None
        if physical <= front:
            return ROMAN[physical - 2]
        return str(physical - offset)

    return number


def _cover(doc: PlanPdf, plan: Plan, year_text: str) -> None:
    doc.new_page(decorate=False)
    doc.y = doc.height - 260
    doc.text(plan.title, size=24, bold=True, center=True, gap=30)
    doc.text(f"{year_text}", size=14, center=True, gap=8)
    doc.text(plan.municipality if plan.province == "" else f"{plan.province} {plan.municipality}", size=16,
             bold=True, center=True, gap=120)
    doc.text(f"수행기관: {plan.consultant}", size=10, center=True, gap=12)
    doc.text(FICTION_NOTICE, size=9, center=True)


def _intro_chapters(doc: PlanPdf, plan: Plan, p: _Pass, chapter_no: Callable[[], int]) -> None:
    """제1장 개요 … 제4장 비전 및 추진 전략, with their decoys."""
    n = chapter_no()
    doc.chapter = f"제{n}장 계획의 개요"
    doc.new_page()
    p.found["ch1"] = doc.pages[-1].printed or ""
    doc.heading(f"제{n}장 계획의 개요")
    doc.heading("1. 계획의 배경 및 목적", 12)
    doc.text(f"이 계획은 「스마트도시 조성 및 산업진흥 등에 관한 법률」 제8조에 따라 {plan.municipality}의 스마트도시 "
             "조성 방향과 서비스 구축 계획을 정하기 위하여 수립한다(가상의 시험용 내용).")
    doc.heading("2. 계획의 범위", 12)
    doc.text(f"○ 시간적 범위: {plan.period[0]}년 ~ {plan.period[1]}년 (5개년)", indent=8)
    doc.text(f"○ 공간적 범위: {plan.municipality} 행정구역 전역", indent=8)
    doc.text("○ 내용적 범위: 현황 분석, 비전 및 전략, 스마트도시서비스, 기반시설, 재원 조달", indent=8)

    n = chapter_no()
    doc.chapter = f"제{n}장 현황 분석"
    doc.new_page()
    p.found["ch2"] = doc.pages[-1].printed or ""
    doc.heading(f"제{n}장 현황 분석")
    doc.heading("1. 도시 현황", 12)
    for para in plan.context:
        doc.text(para)
    doc.heading("2. 기 구축 서비스 현황", 12)
    doc.text("시가 이미 구축하여 운영 중인 서비스는 다음과 같으며, 이 계획의 신규 서비스와 구분한다.")
    doc.table([Column("서비스명", 190), Column("구축연도", 90, "center"), Column("비고", 203)],
              [[item, str(plan.period[0] - 6 + k), "운영 중"] for k, item in enumerate(plan.built)],
              caption="〈표 2-1〉 기 구축 서비스 현황")
    if plan.previous:
        doc.heading("3. 제1차 계획 추진 실적", 12)
        doc.text("제1차 계획에서 제시한 서비스의 추진 실적은 다음과 같다. 완료된 서비스는 운영 단계로 넘어갔다.")
        doc.table([Column("분야", 80, "center"), Column("서비스명", 190), Column("추진 실적", 213, "center")],
                  [list(item) for item in plan.previous], merge_first=True,
                  caption="〈표 2-2〉 제1차 계획 서비스 추진 실적")
    doc.heading(f"{4 if plan.previous else 3}. 시민 수요 조사", 12)
    rng = _rng(plan)
    doc.table([Column("분야", 160), Column("응답 비율(%)", 120, "center"), Column("순위", 80, "center")],
              [[lab, f"{rng.randrange(5, 40)}", str(i + 1)] for i, lab in enumerate(["교통", "안전", "복지", "환경"])],
              caption=f"〈표 2-{3 if plan.previous else 2}〉 분야별 서비스 수요")

    n = chapter_no()
    doc.chapter = f"제{n}장 국내외 사례"
    doc.new_page()
    p.found["ch3"] = doc.pages[-1].printed or ""
    doc.heading(f"제{n}장 국내외 사례 분석")
    doc.text("다른 도시의 스마트도시 서비스 추진 사례를 살펴 시사점을 도출하였다.")
    doc.table([Column("지역", 90), Column("서비스명", 140), Column("주요 내용", 253)],
              [[city, name, what] for city, name, what in plan.cases], caption=f"〈표 {n}-1〉 국내외 스마트도시 서비스 사례")
    doc.text("시사점: 사례 도시들은 시민 참여와 데이터 연계를 통해 서비스의 지속성을 확보하였다.")

    n = chapter_no()
    doc.chapter = f"제{n}장 비전 및 추진 전략"
    doc.new_page()
    p.found["ch4"] = doc.pages[-1].printed or ""
    doc.heading(f"제{n}장 비전 및 추진 전략")
    doc.text(f"비전: 「{plan.vision}」", size=12, bold=True, gap=10)
    doc.heading("추진 전략", 12)
    for strategy in plan.strategies:
        doc.text(strategy, bold=True, indent=6, gap=2)
        doc.text("관련 서비스를 단계적으로 구축하고 성과를 점검한다.", indent=18)


def _finance_chapter(doc: PlanPdf, plan: Plan, p: _Pass, n: int, *, wide: bool = False) -> None:
    doc.chapter = f"제{n}장 재원 조달 및 추진 계획"
    doc.new_page()
    p.found["ch6"] = doc.pages[-1].printed or ""
    doc.heading(f"제{n}장 재원 조달 및 추진 계획")
    doc.heading("1. 연차별 투자계획", 12)
    header, rows, total = _budget_rows(plan)
    first = 90.0
    rest = (doc.text_width - first) / (len(header) - 1)
    doc.text("(단위: 억원)", size=8)
    doc.table([Column(header[0], first)] + [Column(h, rest, "center") for h in header[1:]], rows,
              caption=f"〈표 {n}-1〉 연차별 투자계획", total_row=total)
    doc.heading("2. 추진 로드맵", 12)
    years = [str(y) for y in range(plan.period[0], plan.period[1] + 1)]
    doc.table([Column("분야", 80), Column("사업명", 173)] + [Column(y, 46, "center") for y in years],
              _roadmap_rows(plan), merge_first=True, caption=f"〈표 {n}-2〉 단계별 추진 로드맵", size=8)
    doc.heading("3. 성과지표", 12)
    doc.table([Column("성과지표", 150), Column("현재", 60, "center"), Column("목표", 60, "center"),
               Column("관련 서비스", 213)], _kpi_rows(plan), caption=f"〈표 {n}-3〉 성과지표(KPI)")


INTRO_TOC = [("제1장 계획의 개요", "ch1", 0.0), ("제2장 현황 분석", "ch2", 0.0), ("제3장 국내외 사례", "ch3", 0.0),
             ("제4장 비전 및 추진 전략", "ch4", 0.0)]


def _services_chapter(doc: PlanPdf, p: _Pass, n: int, title: str) -> None:
    """Open the services chapter on a new page and note its printed page for the 목차."""
    doc.chapter = f"제{n}장 스마트도시서비스"
    doc.new_page()
    p.found["ch5"] = doc.pages[-1].printed or ""
    doc.heading(f"제{n}장 {title}")


def _toc(doc: PlanPdf, p: _Pass, entries: list[tuple[str, str, float]]) -> None:
    doc.chapter = ""
    doc.new_page()
    doc.heading("목 차", 16)
    for label, key, indent in entries:
        doc.toc_line(label, p.get(key), indent=indent)


# ------------------------------------------------------------------------------------------------ 고양시
def build_table_pdf(plan: Plan, path: Path) -> dict[str, int]:
    """One big ruled services table: 분야 merged over rows, continuing over page breaks with the header repeated."""

    def draw(p: _Pass, out: Path | io.BytesIO) -> dict[str, int]:
        doc = PlanPdf(out, plan.title, _printed_body(offset=3, front=3))
        chapters = iter(range(1, 10))
        _cover(doc, plan, "2023. 12.")
        _toc(doc, p, INTRO_TOC + [("제5장 스마트도시서비스 구축 계획", "ch5", 0),
                      ("1. 서비스 선정 결과", "ch5", 14), ("2. 분야별 스마트도시서비스", "svc", 14),
                      ("제6장 재원 조달 및 추진 계획", "ch6", 0)])
        doc.new_page()  # second 목차 page: 표 목차
        doc.heading("표 목차", 14)
        for label, key in [("〈표 2-1〉 기 구축 서비스 현황", "ch2"), ("〈표 2-2〉 분야별 서비스 수요", "ch2"),
                           ("〈표 3-1〉 국내외 스마트도시 서비스 사례", "ch3"),
                           ("〈표 5-1〉 스마트도시서비스 목록", "svc"), ("〈표 6-1〉 연차별 투자계획", "ch6")]:
            doc.toc_line(label, p.get(key))
        _intro_chapters(doc, plan, p, lambda: next(chapters))
        n = next(chapters)
        _services_chapter(doc, p, n, "스마트도시서비스 구축 계획")
        doc.heading("1. 서비스 선정 결과", 12)
        doc.text(f"시민 수요 조사와 전문가 검토를 거쳐 10개 분야 {len(plan.services)}개 서비스를 선정하였다. "
                 "분야별 서비스는 다음 표와 같다.")
        doc.heading("2. 분야별 스마트도시서비스", 12)
        p.found["svc"] = doc.pages[-1].printed or ""
        rows = [[s.label, s.name, s.description, "단기" if i % 3 else "중기"] for i, s in enumerate(plan.services)]
        pages = doc.table([Column("분야", 62, "center"), Column("서비스명", 118), Column("서비스 내용", 243),
                           Column("추진시기", 60, "center")], rows, merge_first=True,
                          caption=f"〈표 {n}-1〉 스마트도시서비스 목록")
        doc.text("주: 추진시기 단기는 2024~2025년, 중기는 2026~2028년을 말함", size=8, gap=1)
        doc.text("자료: 고양시 부서 수요 조사 및 시민 설문(가상)", size=8)
        _finance_chapter(doc, plan, p, next(chapters))
        doc.finish()
        return {s.name: pg for s, pg in zip(plan.services, pages)}

    return _two_pass(path, draw)


# ------------------------------------------------------------------------------------------------ 목포시
def _card(doc: PlanPdf, s: Service, number: str, budget: float, fig_no: str) -> int:
    doc.new_page()
    page = doc.page
    doc.text(f"□ {s.name}", size=13, bold=True, gap=8)
    doc.text(f"○ 서비스 분야 : {s.label}", indent=6)
    doc.text("○ 서비스 개요", indent=6, bold=True, gap=2)
    doc.text(s.description, indent=18)
    doc.text("○ 주요 기능", indent=6, bold=True, gap=2)
    for line in FUNCTIONS.get(s.domain, FUNCTIONS["행정"]):
        doc.text(f"- {line}", indent=18, gap=1)
    doc.text("○ 적용 기술", indent=6, bold=True, gap=2)
    doc.text(f"- {s.technologies or '해당 없음'}", indent=18)
    doc.text("○ 추진 주체 : 스마트도시과(가상), 관련 부서 협업", indent=6)
    doc.text(f"○ 소요 예산 : {budget:.1f}억원 (국비 50%, 시비 50%)", indent=6, gap=10)
    # the service diagram: boxes with a few words, as plans draw them
    c = doc.c
    top = doc.y - 10
    for k, label in enumerate(["현장 장치", "통합플랫폼", "시민·기관"]):
        x = doc.margin + 20 + k * 160
        c.rect(x, top - 50, 120, 44)
        c.setFont("NanumGothic", 9)
        c.drawCentredString(x + 60, top - 32, label)
        if k < 2:
            c.line(x + 120, top - 28, x + 160, top - 28)
    doc.y = top - 70
    doc.text(f"[그림 {fig_no}] {number} 서비스 구성도", size=8, center=True)
    return page


def build_cards_pdf(plan: Plan, path: Path) -> dict[str, int]:
    """One card per service, a summary table in front (요약-N pages), the 목차 listing every service."""

    def draw(p: _Pass, out: Path | io.BytesIO) -> dict[str, int]:
        summary_pages = 2  # decided below; the printed labels need it before drawing
        front = 1 + 2  # cover + two 목차 pages

        def number(physical: int) -> str | None:
            if physical == 1:
                return None
            if physical <= front:
                return ROMAN[physical - 2]
            if physical <= front + summary_pages:
                return f"요약-{physical - front}"
            return str(physical - front - summary_pages)

        doc = PlanPdf(out, plan.title, number)
        _cover(doc, plan, "2018. 11.")
        doc.chapter = ""
        doc.new_page()
        doc.heading("목 차", 16)
        doc.toc_line("요약", p.get("summary"))
        for label, key, _ in INTRO_TOC:
            doc.toc_line(label, p.get(key))
        doc.toc_line("제5장 스마트도시서비스 구축 계획", p.get("ch5"))
        for i, s in enumerate(plan.services):
            if doc.y < doc.margin + 30:
                doc.new_page()
            doc.toc_line(f"5-{i + 1}. {s.name}", p.get(f"svc{i}"), indent=14, size=9.5)
        doc.toc_line("제6장 재원 조달 및 추진 계획", p.get("ch6"))
        doc.new_page()
        doc.heading("표 목차", 14)
        doc.toc_line("〈요약표〉 스마트도시서비스 총괄", p.get("summary"))
        doc.toc_line("〈표 6-1〉 연차별 투자계획", p.get("ch6"))
        assert doc.page == front, "the 목차 must fill exactly two pages"

        doc.chapter = "요약"
        doc.new_page()
        p.found["summary"] = doc.pages[-1].printed or ""
        doc.heading("요 약", 16)
        doc.text(f"{plan.municipality}는 {len(plan.services)}개 스마트도시서비스를 {plan.period[0]}년부터 "
                 f"{plan.period[1]}년까지 단계적으로 구축한다. 서비스별 세부 내용은 제5장에 수록하였다.")
        doc.table([Column("분야", 80, "center"), Column("서비스명", 160), Column("추진시기", 80, "center"),
                   Column("사업비(억원)", 80, "center")],
                  [[s.label, s.name, f"{plan.period[0] + i % 3}~{plan.period[1]}", f"{5 + i * 1.5:.1f}"]
                   for i, s in enumerate(plan.services)], merge_first=True, caption="〈요약표〉 스마트도시서비스 총괄")
        doc.new_page()
        doc.heading("추진 방향", 13)
        for strategy in plan.strategies:
            doc.text(f"▶ {strategy}", indent=6)
        assert doc.page == front + summary_pages, "the summary must fill exactly two pages"

        chapters = iter(range(1, 10))
        _intro_chapters(doc, plan, p, lambda: next(chapters))
        n = next(chapters)
        _services_chapter(doc, p, n, "스마트도시서비스 구축 계획")
        doc.text("분야별 서비스의 개요, 주요 기능, 적용 기술, 추진 주체와 소요 예산은 다음과 같다.")
        pages: dict[str, int] = {}
        for i, s in enumerate(plan.services):
            pages[s.name] = _card(doc, s, f"5-{i + 1}", 3 + i * 1.3, f"5-{i + 1}")
            p.found[f"svc{i}"] = doc.pages[-1].printed or ""
        _finance_chapter(doc, plan, p, next(chapters))
        doc.finish()
        return pages

    return _two_pass(path, draw)


# ------------------------------------------------------------------------------------------------ 김해시
def build_landscape_pdf(plan: Plan, path: Path) -> dict[str, int]:
    """Services table on a landscape page, continued on a portrait MediaBox page with /Rotate 90."""

    def draw(p: _Pass, out: Path | io.BytesIO) -> dict[str, int]:
        doc = PlanPdf(out, plan.title, _printed_body(offset=2, front=2))
        chapters = iter(range(1, 10))
        _cover(doc, plan, "2024. 3.")
        _toc(doc, p, INTRO_TOC + [("제5장 스마트도시서비스", "ch5", 0),
                      ("〈표 5-1〉 스마트도시서비스 총괄표", "svc", 14), ("제6장 재원 조달 및 추진 계획", "ch6", 0)])
        _intro_chapters(doc, plan, p, lambda: next(chapters))
        n = next(chapters)
        _services_chapter(doc, p, n, "스마트도시서비스")
        doc.text("서비스는 시민 수요, 도시 문제, 기술 성숙도를 기준으로 평가하여 선정하였으며, 총괄표는 다음 쪽과 같다.")
        doc.text("※ 총괄표는 가로 방향으로 수록함", size=9)

        columns = [Column("분야", 80, "center"), Column("서비스명", 140), Column("서비스 내용", 330),
                   Column("주요 기술", 110), Column("추진시기", 70, "center")]
        techs = ["IoT", "AI", "빅데이터", "CCTV", "디지털트윈", "5G", "GPS"]
        rows = [[s.label, s.name, s.description, techs[i % len(techs)], "1단계" if i % 2 else "2단계"]
                for i, s in enumerate(plan.services)]
        split = 11  # inside the 환경 run: its merged cell continues, blank, on the rotated page
        second = rows[split:]
        if second and second[0][0] == rows[split - 1][0]:
            second = [[""] + second[0][1:]] + second[1:]  # the merged 분야 cell continues from the page before
        doc.new_page(size=landscape(A4))
        p.found["svc"] = doc.pages[-1].printed or ""
        pages = doc.table(columns, rows[:split], merge_first=True, caption=f"〈표 {n}-1〉 스마트도시서비스 총괄표")
        doc.new_page(rotate90=True)
        doc.text(f"〈표 {n}-1〉 스마트도시서비스 총괄표(계속)", size=9.5, bold=True, gap=2)
        pages += doc.table(columns, second, merge_first=True)
        _finance_chapter(doc, plan, p, next(chapters))
        doc.finish()
        return {s.name: pg for s, pg in zip(plan.services, pages)}

    return _two_pass(path, draw)


# ------------------------------------------------------------------------------------------------ 해남군
def build_scanned_pdf(plan: Plan, path: Path) -> dict[str, int]:
    """Draw a short plan, rasterise every page, and keep only the images: a PDF with no text layer.

    Scanned as offices scan: 200 dpi, one bit per pixel, the sheet fed a little askew (0.7°).
    """
    import pypdfium2 as pdfium
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas as rl_canvas

    buffer = io.BytesIO()
    doc = PlanPdf(buffer, plan.title, _printed_body(offset=1, front=1))
    _cover(doc, plan, "2024. 6.")
    doc.chapter = "제5장 스마트도시서비스"
    doc.new_page()
    doc.heading("제5장 스마트도시서비스 구축 계획")
    doc.table([Column("분야", 90, "center"), Column("서비스명", 130), Column("서비스 내용", 263)],
              [[s.label, s.name, s.description] for s in plan.services], caption="〈표 5-1〉 스마트도시서비스 목록")
    doc.finish()

    pdf = pdfium.PdfDocument(buffer.getvalue())
    out = rl_canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for page in pdf:
        image = page.render(scale=200 / 72, grayscale=True).to_pil().convert("L")
        image = image.rotate(0.7, resample=Image.Resampling.BICUBIC, fillcolor=255)
        image = image.point(lambda v: 0 if v < 150 else 255).convert("1")  # a bilevel scan
        out.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
        out.showPage()
    out.save()
    return {s.name: 2 for s in plan.services}  # the cover, then the services table
