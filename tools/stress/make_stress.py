"""A second, independent stress set: layouts real Korean smart city plans use that the bundled samples lack.

    .venv/bin/python tools/stress/make_stress.py OUT_DIR      # writes the files and truth.json, prints a summary

Every case is a small but complete plan (cover, chapters, running header and page numbers) in one file, with the
services it really promises in `truth.json`. Nothing here is copied from tools/samples: the drawing code is its
own, so the set does not share the samples' assumptions (full cell grids, one header row, domain on the left).

Cases:
  open_sided      HWP→PDF style table: horizontal rules plus inner verticals, no outer left/right border
  hrule_only      a table drawn with horizontal rules only (header top/bottom rules and row rules)
  underlined      prose with underlined words and a few rules: must give no table and no services
  wrapped_bullets names wrapping over 2–3 lines in a cell; descriptions as '-', '·', '○' bullet lists in one cell
  domain_right    연번 | 서비스명 | 서비스 개요 | 분야 (the domain on the right), open-sided rules
  two_row_header  분야 | 서비스 (over 서비스명 / 주요내용) | 추진시기, a two-row header
  card_pagebreak  □ service cards whose ○ 주요 기능 block goes on over a page break, after the running header
  summary_short   a summary table of shortened names, the full-named cards, and a roadmap repeating the names
  two_column      a two-column page of prose on other cities' services (no services) before the real table
  docx_nested     a DOCX whose services table sits inside a one-cell layout table
  hwpx_cards      an HWPX with card sections (□ 서비스명, ○ 서비스 개요, ○ 주요 기능)

Second round, the vocabulary real plans print (SERVICES_B):
  header_ids / header_units / header_english / header_functions   ID | 서비스 분야 | 서비스 명칭 | 서비스 설명;
                  구분 (교통-01) | 대분류 | 중분류 | 단위서비스 | 구축 내용; 서비스명(Service) with '[T-1]' glued IDs
                  (DOCX); 도입 서비스 | 기능 tables under '부문별 추진계획' sector headings
  tasks / sector_tasks    추진과제 tables: strategies in the vision chapter, services in the services chapter
  cards_*         card titles marked ■ ◆ ● ▣ ▶ ◇ ❍ (HWPX) with fields marked otherwise; '1. [S-03] …' and
                  '<서비스 개요>'; '가. 서비스 1. …' and '【서비스명】 …'; bare '[S-01] …' titles
  card_table_2page        서비스명 | … label tables broken over pages
  survey_decoy / candidates_selected / candidates_adopted    수요조사 and 설문 tables, 후보 long-lists with a
                  선정 or 반영 여부 column, 기 구축 현황 and 국비 공모사업 lists
  summary_multi   several services in one summary cell (commas, line breaks, ' · ')
"""

from __future__ import annotations

import json
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "samples"))
from pdf_layout import font_file

FONT = "StressNanum"
W, H = A4
MARGIN = 56.0
NOTICE = "이 문서는 시험용으로 만든 가상의 계획이며 실제 계획이 아닙니다."


def _register() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(font_file())))


# ---------------------------------------------------------------------------------------------------- content
@dataclass
class Svc:
    name: str
    domain: str  # as the plan prints it
    lines: list[str]  # description lines (bullets included where the layout wants them)
    short: str = ""  # the shortened name summary tables and roadmaps use

    @property
    def text(self) -> str:
        return " ".join(self.lines)


SERVICES_A = [
    Svc("지능형 교차로 신호 제어", "교통", ["교차로 대기 차량을 감지해 신호 주기를 자동 조정"], "신호 제어"),
    Svc("공영주차장 빈자리 안내", "교통", ["주차면 센서로 빈자리를 앱과 전광판에 안내"], "주차 안내"),
    Svc("하천 수위 조기경보", "방재", ["하천 수위계와 CCTV로 범람 위험을 미리 알림"], "수위 경보"),
    Svc("독거노인 생활 안심 돌봄", "복지", ["가정 내 활동 센서로 이상 징후를 보호자에게 통보"], "안심 돌봄"),
    Svc("미세먼지 측정망 고도화", "환경", ["생활권 간이측정기 확충과 실시간 공개"], "미세먼지"),
]


def _cover(title: str, municipality: str) -> list[str]:
    return [title, f"{municipality}", "2024. 12.", NOTICE]


# ------------------------------------------------------------------------------------------------- PDF drawing
@dataclass
class PdfPlan:
    """A plan drawn page by page: a running header and page number on every page but the cover."""

    path: Path
    header: str
    canvas: rl_canvas.Canvas = field(init=False)
    y: float = field(init=False, default=H - MARGIN)
    page: int = field(init=False, default=1)

    def __post_init__(self) -> None:
        _register()
        self.canvas = rl_canvas.Canvas(str(self.path), pagesize=A4)
        self.y = H - MARGIN

    def cover(self, lines: list[str]) -> None:
        y = H * 0.62
        for i, text in enumerate(lines):
            size = 20 if i == 0 else 12
            self.canvas.setFont(FONT, size)
            self.canvas.drawCentredString(W / 2, y, text)
            y -= size * 2.2
        self.new_page()

    def new_page(self) -> None:
        self.canvas.showPage()
        self.page += 1
        self.canvas.setFont(FONT, 8)
        self.canvas.drawString(MARGIN, H - 30, self.header)
        self.canvas.line(MARGIN, H - 34, W - MARGIN, H - 34)
        self.canvas.drawCentredString(W / 2, 24, f"- {self.page - 1} -")
        self.y = H - MARGIN - 14

    def need(self, height: float) -> None:
        if self.y - height < MARGIN:
            self.new_page()

    def text(self, line: str, size: float = 10, indent: float = 0.0, gap: float = 1.6) -> None:
        self.need(size * gap)
        self.canvas.setFont(FONT, size)
        self.canvas.drawString(MARGIN + indent, self.y - size, line)
        self.y -= size * gap

    def underlined(self, parts: list[tuple[str, bool]], size: float = 10) -> None:
        """One prose line whose flagged parts are underlined (a drawn rule under the words)."""
        self.need(size * 1.6)
        x = MARGIN
        base = self.y - size
        self.canvas.setFont(FONT, size)
        for part, under in parts:
            self.canvas.drawString(x, base, part)
            width = pdfmetrics.stringWidth(part, FONT, size)
            if under:
                self.canvas.setLineWidth(0.6)
                self.canvas.line(x, base - 2, x + width, base - 2)
            x += width
        self.y -= size * 1.6

    def table(self, rows: list[list[str]], widths: list[float], style: str, header_rows: int = 1,
              spans: dict[tuple[int, int], int] | None = None, size: float = 9,
              repeat_header: bool = False, shade: bool = False) -> None:
        """A table of cells whose texts may hold '\\n' line breaks.

        style 'grid': every border; 'open': horizontal rules over the full width and inner verticals only (as
        HWP→PDF converters draw them); 'hrule': horizontal rules only (thick ones around the header).
        spans[(row, col)] = n: that cell spreads over n columns (the following n-1 cells are '' and not drawn).
        """
        spans = spans or {}
        x0 = MARGIN
        lead = size * 1.35
        heights = [max(len(c.split("\n")) for c in row) * lead + 8 for row in rows]
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + w)
        c = self.canvas
        r = resume = 0
        repeat = False
        while r < len(rows):
            if self.y - heights[r] < MARGIN:
                self._rule(xs[0], xs[-1], self.y, 1.0 if style == "hrule" else 0.5)
                self.new_page()
                self._rule(xs[0], xs[-1], self.y, 1.0 if style == "hrule" else 0.5)
                if repeat_header and header_rows == 1:
                    resume, r, repeat = r, 0, True  # the header row again, then on where the table broke
            top = self.y
            bottom = top - heights[r]
            if r == 0 and not repeat:
                self._rule(xs[0], xs[-1], top, 1.2 if style == "hrule" else 0.5)
            if shade and r < header_rows:
                c.setFillGray(0.85)
                c.rect(xs[0], bottom, xs[-1] - xs[0], top - bottom, stroke=0, fill=1)
                c.setFillGray(0)
            covered: set[int] = set()
            for col, cell in enumerate(rows[r]):
                if col in covered:
                    continue
                span = spans.get((r, col), 1)
                covered.update(range(col + 1, col + span))
                left, right = xs[col], xs[col + span]
                c.setFont(FONT, size)
                for k, line in enumerate(cell.split("\n")):
                    c.drawString(left + 4, top - 4 - size - k * lead, line)
                if style == "grid" or (style == "open" and col > 0):
                    c.setLineWidth(0.5)
                    c.line(left, top, left, bottom)
                if style == "grid" and col + span == len(widths):
                    c.line(right, top, right, bottom)
            # rules under a row; under the upper row of a two-row header only the spanning cells are ruled
            if r < header_rows - 1:
                for (sr, sc), span in spans.items():
                    if sr == r:
                        self._rule(xs[sc], xs[sc + span], bottom, 0.5)
            else:
                last_header = r == header_rows - 1
                width = 1.0 if style == "hrule" and (last_header or r == len(rows) - 1) else 0.5
                self._rule(xs[0], xs[-1], bottom, width)
            self.y = bottom
            r = resume if repeat and r == 0 else r + 1
            repeat = repeat and r == 0
        self.y -= 10

    def _rule(self, x0: float, x1: float, y: float, width: float) -> None:
        self.canvas.setLineWidth(width)
        self.canvas.line(x0, y, x1, y)

    def two_columns(self, left: list[str], right: list[str], size: float = 9.5) -> None:
        """Prose in two columns side by side (left column first in reading order)."""
        col_w = (W - 2 * MARGIN - 20) / 2
        lead = size * 1.6
        for k, column in enumerate((left, right)):
            y = self.y
            for line in column:
                self.canvas.setFont(FONT, size)
                self.canvas.drawString(MARGIN + k * (col_w + 20), y - size, line)
                y -= lead
        self.y -= lead * max(len(left), len(right))

    def save(self) -> None:
        self.canvas.showPage()
        self.canvas.save()


def _front(p: PdfPlan, title: str, municipality: str) -> None:
    p.cover(_cover(title, municipality))
    p.text("제1장 계획의 개요", 14)
    p.text("1. 계획의 범위", 11)
    p.text(f"○ 공간적 범위: {municipality} 행정구역 전체")
    p.text("○ 시간적 범위: 2025년부터 2029년까지")
    p.text("2. 계획의 성격", 11)
    p.text("○ 스마트도시법 제8조에 따른 법정계획으로 도시 문제 해결을 위한 서비스를 정한다.")


def _services_table_rows(services: list[Svc]) -> list[list[str]]:
    return [["분야", "서비스명", "주요 내용"]] + [[s.domain, s.name, "\n".join(s.lines)] for s in services]


Case = Callable[[Path], list[dict]]


def _truth(services: list[Svc], domain: bool = True) -> list[dict]:
    return [{"name": s.name, "domain": s.domain if domain else None} for s in services]


def case_open_sided(out: Path) -> list[dict]:
    services = SERVICES_A
    p = PdfPlan(out / "open_sided.pdf", "영주시 스마트도시계획(2025~2029)")
    _front(p, "영주시 스마트도시계획(2025~2029)", "경상북도 영주시")
    p.new_page()
    p.text("제4장 스마트도시서비스", 14)
    p.text("1. 서비스 총괄", 11)
    p.text("〈표 4-1〉 스마트도시서비스 목록")
    p.table(_services_table_rows(services), [70, 150, 263], "open")
    p.text("※ 세부 내용은 서비스별 구축 계획에서 설명한다.")
    p.save()
    return _truth(services)


LONG = [
    ("교통", "실시간 버스 도착 정보\n안내 고도화", "정류장 안내기와 앱으로 도착 시각 제공"),
    ("", "교통약자 맞춤형\n이동 지원", "저상버스 예약과 동행 서비스 연계"),
    ("", "스마트 교차로\n보행 신호 연장", "고령 보행자 인식 시 신호 연장"),
    ("방범·방재", "지능형 방범 CCTV\n통합 관제", "영상 분석 기반 이상 행동 선별"),
    ("", "급경사지 붕괴\n조기 감지", "변위 센서와 경보 방송 연계"),
    ("", "침수 우려 지하차도\n자동 진입 차단", "수위 감지 시 차단기 작동"),
    ("보건·의료·복지", "취약계층 스마트\n복약 관리", "복약 알림과 보건소 확인 전화"),
    ("", "공공 산후 돌봄\n원격 상담", "산모 건강 화상 상담"),
    ("환경·에너지·수자원", "공공건물 에너지\n통합 관리", "전력 사용 감시와 절감 제어"),
    ("", "하천 수질 자동\n측정망", "수질 측정값 실시간 공개"),
    ("문화·관광·스포츠", "체육시설 통합\n예약 플랫폼", "공공 체육시설 예약·결제 일원화"),
    ("", "야간 관광 경관\n조명 제어", "관광객 수에 따른 조명 연출"),
    ("행정", "민원 챗봇\n상담 서비스", "24시간 민원 안내 챗봇"),
    ("", "공공데이터\n개방 포털", "시 보유 데이터 개방과 활용 지원"),
]


def case_open_long(out: Path) -> list[dict]:
    """An open-sided table with wrapped names and merged 분야, over a page break with its header repeated."""
    p = PdfPlan(out / "open_long.pdf", "밀양시 스마트도시계획(2025~2029)")
    _front(p, "밀양시 스마트도시계획(2025~2029)", "경상남도 밀양시")
    p.new_page()
    p.text("제5장 스마트도시서비스", 14)
    p.text("1. 서비스 총괄", 11)
    for _ in range(14):
        p.text("○ 시민 수요 조사와 전문가 자문을 거쳐 분야별 서비스를 선정하였다.")
    p.text("〈표 5-1〉 스마트도시서비스 목록")
    rows = [["분야", "서비스명", "주요 내용"]] + [list(r) for r in LONG]
    p.table(rows, [100, 130, 253], "open", repeat_header=True)
    p.save()
    return _long_truth()


def _long_truth() -> list[dict]:
    out_rows = []
    label = ""
    for domain, name, _ in LONG:
        label = domain or label
        out_rows.append({"name": name.replace("\n", " "), "domain": label})
    return out_rows


def case_hrule_long(out: Path) -> list[dict]:
    """A rule-only table with a shaded header row, wrapped names and merged 분야, over a page break."""
    p = PdfPlan(out / "hrule_long.pdf", "안동시 스마트도시계획(2025~2029)")
    _front(p, "안동시 스마트도시계획(2025~2029)", "경상북도 안동시")
    p.new_page()
    p.text("제5장 스마트도시서비스 구축 계획", 14)
    for _ in range(16):
        p.text("○ 분야별 도시 문제와 주민 수요를 고려하여 단계별로 도입할 서비스를 정하였다.")
    p.text("〈표 5-1〉 스마트도시서비스 목록")
    rows = [["분야", "서비스명", "주요 내용"]] + [list(r) for r in LONG]
    p.table(rows, [100, 130, 253], "hrule", repeat_header=True, shade=True)
    p.save()
    return _long_truth()


def case_boxed_prose(out: Path) -> list[dict]:
    """Bulleted prose in boxes drawn as full-width rules above, between and below the paragraphs: no table."""
    p = PdfPlan(out / "boxed_prose.pdf", "문경시 스마트도시계획(2025~2029)")
    _front(p, "문경시 스마트도시계획(2025~2029)", "경상북도 문경시")
    p.new_page()
    p.text("제2장 현황 분석", 14)
    p.text("1. 시사점", 11)
    notes = ["○ 관광객은 늘었으나 체류 시간이 짧고 야간 관광 자원이 부족하다",
             "○ 읍·면 지역 대중교통 배차 간격이 길어 교통 불편이 크다",
             "○ 산사태와 하천 범람 위험 지역이 시가지와 가깝다",
             "○ 고령 인구 비율이 높아 돌봄 수요가 꾸준히 늘고 있다"]
    for k in range(2):
        p.y -= 6
        p.canvas.setLineWidth(0.8)
        p.canvas.line(MARGIN, p.y, W - MARGIN, p.y)
        for note in notes:
            p.y -= 6
            p.text(note)
            p.canvas.setLineWidth(0.4)
            p.canvas.line(MARGIN, p.y, W - MARGIN, p.y)
        p.text("  - 위 내용은 주민 설문과 부서 면담 결과를 정리한 것이다.", 9.5)
    p.save()
    return []


def case_hrule_only(out: Path) -> list[dict]:
    services = [
        Svc("스마트 횡단보도", "교통", ["보행자 감지 시 바닥 신호등과 음성 안내"], ""),
        Svc("수요응답형 버스", "교통", ["호출 앱으로 노선 없이 운행하는 농촌 버스"], ""),
        Svc("스마트 가로등", "방범·방재", ["유동인구에 따라 밝기를 조절하고 비상벨 연계"], ""),
        Svc("전통시장 화재 감지", "방범·방재", ["점포별 불꽃·연기 감지기와 소방서 자동 통보"], ""),
        Svc("공공와이파이 확충", "행정", ["버스정류장과 공원에 무료 무선 인터넷 제공"], ""),
        Svc("스마트 경로당", "보건·의료·복지", ["원격 건강 상담과 화상 프로그램 운영"], ""),
    ]
    p = PdfPlan(out / "hrule_only.pdf", "제천시 스마트도시계획(2025~2029)")
    _front(p, "제천시 스마트도시계획(2025~2029)", "충청북도 제천시")
    p.new_page()
    p.text("제5장 스마트도시서비스 구축 계획", 14)
    p.text("1. 서비스 목록", 11)
    p.text("〈표 5-1〉 도입 서비스")
    rows = _services_table_rows(services)
    rows[2][2] = "호출 앱으로 노선 없이 운행하는\n농촌 버스 (읍·면 순환)"
    for r in range(len(rows) - 1, 1, -1):
        if rows[r][0] == rows[r - 1][0]:
            rows[r][0] = ""  # 분야 printed once per group, as a merged cell reads once extracted
    p.table(rows, [80, 140, 263], "hrule")
    p.text("○ 서비스는 단계적으로 도입하며 시민 의견을 반영하여 조정한다.")
    p.save()
    return _truth(services)


def case_underlined(out: Path) -> list[dict]:
    p = PdfPlan(out / "underlined.pdf", "태백시 스마트도시계획(2025~2029)")
    _front(p, "태백시 스마트도시계획(2025~2029)", "강원특별자치도 태백시")
    p.new_page()
    p.text("제2장 현황 분석", 14)
    p.text("1. 도시 여건", 11)
    phrases = [
        [("○ 인구는 ", False), ("지속적으로 감소", True), ("하고 있으며 고령화율이 ", False), ("30%를 넘는다", True)],
        [("○ 시가지는 ", False), ("좁은 계곡", True), ("을 따라 길게 형성되어 ", False), ("교통 접근성", True),
         ("이 낮다", False)],
        [("○ 폐광 이후 ", False), ("관광 산업", True), ("으로 전환을 추진하고 있다", False)],
        [("○ 겨울철 ", False), ("폭설", True), ("과 ", False), ("결빙", True), ("으로 인한 사고가 잦다", False)],
        [("○ 주민들은 ", False), ("의료 접근성", True), ("과 ", False), ("일자리", True), ("를 가장 큰 문제로 꼽았다",
                                                                                        False)],
        [("○ 노후 상수관로의 ", False), ("누수율", True), ("이 높아 ", False), ("관리 체계", True),
         ("가 필요하다", False)],
    ]
    for parts in phrases:
        p.underlined(parts)
        p.text("  - 관련 부서 의견과 주민 설문 결과를 종합하여 정리하였다.", 9.5)
    p.save()
    return []


def case_wrapped_bullets(out: Path) -> list[dict]:
    services = [
        Svc("인공지능 기반\n스쿨존 보행자\n안전 알리미", "교통",
            ["- 어린이 보행 감지 시 차량에 경고", "- 과속 차량 단속 연계", "- 등하교 시간대 집중 운영"]),
        Svc("스마트 공유\n전동킥보드\n거치 스테이션", "교통", ["· 무단 방치 방지 거치대", "· 충전 및 대여 현황 제공"]),
        Svc("도시침수 예측\n대응 플랫폼", "방범·방재",
            ["○ 강우·수위 자료로 침수 예측", "○ 지하차도 자동 차단 연계", "○ 주민 대피 문자 발송"]),
        Svc("치매어르신\n배회 감지 서비스", "보건·의료·복지", ["- 위치 태그로 배회 감지", "- 보호자 앱 알림"]),
        Svc("스마트 분리배출\n재활용 거점", "환경·에너지·수자원", ["· 투입량 자동 계량", "· 포인트 적립"]),
    ]
    p = PdfPlan(out / "wrapped_bullets.pdf", "논산시 스마트도시계획(2025~2029)")
    _front(p, "논산시 스마트도시계획(2025~2029)", "충청남도 논산시")
    p.new_page()
    p.text("제5장 스마트도시서비스", 14)
    p.text("1. 스마트도시서비스 개요", 11)
    p.text("〈표 5-1〉 스마트도시서비스 구성")
    rows = [["분야", "서비스명", "서비스 내용"]] + [[s.domain, s.name, "\n".join(s.lines)] for s in services]
    p.table(rows, [90, 120, 273], "grid")
    p.save()
    return [{"name": s.name.replace("\n", " "), "domain": s.domain} for s in services]


def case_domain_right(out: Path) -> list[dict]:
    services = [
        Svc("스마트 버스 승강장", "교통", ["냉난방과 도착 정보를 갖춘 승강장"]),
        Svc("지능형 CCTV 관제", "방범·방재", ["영상 분석으로 위험 상황 자동 선별"]),
        Svc("스마트 보건소 예약", "보건·의료·복지", ["모바일 진료 예약과 대기 안내"]),
        Svc("농업용수 원격 관리", "환경·에너지·수자원", ["저수지 수문 원격 제어"]),
        Svc("관광객 동선 분석", "문화·관광·스포츠", ["통신 데이터로 관광객 이동 분석"]),
    ]
    p = PdfPlan(out / "domain_right.pdf", "상주시 스마트도시계획(2025~2029)")
    _front(p, "상주시 스마트도시계획(2025~2029)", "경상북도 상주시")
    p.new_page()
    p.text("제5장 스마트도시서비스 계획", 14)
    p.text("〈표 5-2〉 스마트도시서비스 총괄")
    rows = [["연번", "서비스명", "서비스 개요", "분야"]] + [
        [str(i), s.name, s.text, s.domain] for i, s in enumerate(services, 1)]
    p.table(rows, [36, 130, 227, 90], "open")
    p.save()
    return _truth(services)


def case_two_row_header(out: Path) -> list[dict]:
    services = [
        Svc("스마트 마을방송", "행정", ["휴대전화로 마을 방송 전달"]),
        Svc("주민참여 리빙랩", "행정", ["주민이 도시 문제 해결 과제 제안"]),
        Svc("지능형 산불 감시", "방범·방재", ["열화상 카메라로 산불 조기 발견"]),
        Svc("스마트 팜 데이터 공유", "근로·고용", ["농가 생육 데이터 공동 활용"]),
        Svc("전기차 충전 안내", "교통", ["충전기 위치와 사용 현황 안내"]),
    ]
    p = PdfPlan(out / "two_row_header.pdf", "영동군 스마트도시계획(2025~2029)")
    _front(p, "영동군 스마트도시계획(2025~2029)", "충청북도 영동군")
    p.new_page()
    p.text("제5장 스마트도시서비스", 14)
    p.text("〈표 5-1〉 분야별 서비스")
    rows = [["분야", "서비스", "", "추진시기"], ["", "서비스명", "주요내용", ""]] + [
        [s.domain, s.name, s.text, "2026년"] for s in services]
    p.table(rows, [80, 130, 213, 60], "grid", header_rows=2, spans={(0, 1): 2})
    p.save()
    return _truth(services)


def _card(p: PdfPlan, s: Svc, functions: list[str]) -> None:
    p.text(f"□ {s.name}", 12)
    p.text("○ 서비스 개요", 10.5)
    p.text(f"  - {s.text}")
    p.text("○ 주요 기능", 10.5)
    for f in functions:
        p.text(f"  - {f}")
    p.text("○ 적용 기술", 10.5)
    p.text("  - IoT 센서, 빅데이터 분석")
    p.text(" ", 6)


def case_card_pagebreak(out: Path) -> list[dict]:
    services = [
        Svc("AI 기반 지능형 CCTV 선별관제", "방범·방재", ["영상 분석으로 이상 행동을 가려 관제 요원에게 전달"]),
        Svc("스마트 정류장 미세먼지 쉼터", "환경·에너지·수자원", ["공기정화와 냉난방을 갖춘 버스 쉼터"]),
        Svc("어르신 스마트 건강 지킴이", "보건·의료·복지", ["웨어러블 기기로 건강 상태를 살피고 위급 시 출동"]),
        Svc("공영자전거 실시간 대여", "교통", ["대여소 거치 현황 제공과 앱 대여"]),
    ]
    functions = ["현장 센서 자료 실시간 수집", "이상 상황 자동 판단 및 통보", "관리자 대시보드 제공",
                 "시민 대상 모바일 알림", "운영 이력 축적 및 분석", "유관기관 시스템 연계"]
    p = PdfPlan(out / "card_pagebreak.pdf", "김천시 스마트도시계획(2025~2029)")
    _front(p, "김천시 스마트도시계획(2025~2029)", "경상북도 김천시")
    p.new_page()
    p.text("제5장 스마트도시서비스 구축 계획", 14)
    p.text("1. 서비스별 세부 계획", 11)
    for k, s in enumerate(services):
        # move the cursor so the 주요 기능 block of every other card breaks over the page
        if k % 2 == 1:
            p.y = MARGIN + 10.0 * 1.6 * 6
        _card(p, s, functions)
    p.save()
    return _truth(services, domain=False)  # the cards print no 분야


def case_summary_short(out: Path) -> list[dict]:
    services = [
        Svc("AI 기반 지능형 CCTV 선별관제", "방범·방재", ["영상 분석으로 위험 상황을 선별해 관제"], "AI CCTV"),
        Svc("스마트 버스정류장 쉼터 조성", "교통", ["냉난방과 도착 정보를 갖춘 정류장"], "스마트 버스정류장"),
        Svc("IoT 기반 독거노인 응급안전 돌봄", "보건·의료·복지", ["활동 감지 센서로 응급 상황 통보"], "응급안전 돌봄"),
        Svc("빅데이터 기반 불법주정차 단속 지원", "교통", ["단속 자료 분석으로 단속 구역 선정"], "불법주정차 단속"),
        Svc("스마트 상수도 누수 관리", "환경·에너지·수자원", ["원격 검침과 누수 탐지"], "상수도 누수"),
    ]
    p = PdfPlan(out / "summary_short.pdf", "거제시 스마트도시계획(2025~2029)")
    _front(p, "거제시 스마트도시계획(2025~2029)", "경상남도 거제시")
    p.new_page()
    p.text("요약", 14)
    p.text("〈표 요-1〉 스마트도시서비스 요약")
    rows = [["분야", "서비스명", "주요 내용"]] + [[s.domain, s.short, s.text] for s in services]
    p.table(rows, [90, 130, 263], "grid")
    p.new_page()
    p.text("제5장 스마트도시서비스 구축 계획", 14)
    for s in services:
        p.need(10 * 1.6 * 8)
        p.text(f"□ {s.name}", 12)
        p.text("○ 서비스 개요", 10.5)
        p.text(f"  - {s.text}")
        p.text("○ 주요 기능", 10.5)
        p.text("  - 실시간 자료 수집과 분석")
        p.text("  - 담당 부서 및 시민 알림")
    p.new_page()
    p.text("제6장 추진 계획", 14)
    p.text("1. 추진 로드맵", 11)
    p.text("〈표 6-1〉 서비스 추진 로드맵")
    rows = [["서비스명", "2025", "2026", "2027", "2028", "2029"]] + [
        [s.short, "●", "●", "", "", ""] for s in services]
    p.table(rows, [163, 64, 64, 64, 64, 64], "grid")
    p.save()
    return _truth(services)


def case_two_column(out: Path) -> list[dict]:
    services = [
        Svc("스마트 재난 문자 전광판", "방범·방재", ["재난 정보를 마을 전광판에 표출"]),
        Svc("농촌 공유 전기차", "교통", ["마을 단위 전기차 공동 이용"]),
        Svc("스마트 도서관 무인 대출", "교육", ["무인 대출 반납기 설치"]),
    ]
    p = PdfPlan(out / "two_column.pdf", "해남군 스마트도시계획(2025~2029)")
    _front(p, "해남군 스마트도시계획(2025~2029)", "전라남도 해남군")
    p.new_page()
    p.text("제3장 스마트도시서비스 도입 검토", 14)
    left = ["○ 부천시의 스마트 버스정류장 사례", "  부천시는 2019년부터 도심 정류장에", "  냉난방기와 도착 정보 안내기를",
            "  설치하여 이용자 만족도가 높았다.", "○ 세종시의 자율주행 셔틀 사례", "  세종시는 BRT 구간에서",
            "  자율주행 셔틀을 시범 운행하였다.", "○ 화성시의 스마트 쉼터 사례", "  화성시는 폭염 대비 쉼터를",
            "  버스정류장과 결합하여 운영한다."]
    right = ["○ 시흥시의 드론 순찰 사례", "  시흥시는 해안가 안전 점검에", "  드론 순찰을 도입하였다.",
             "○ 고양시의 스마트 주차 사례", "  고양시는 공영주차장 주차면에", "  센서를 달아 빈자리를 안내한다.",
             "○ 시사점", "  우리 군은 인구 밀도가 낮아", "  수요응답형 교통과 원격 서비스가", "  더 적합한 것으로 판단된다."]
    p.two_columns(left, right)
    p.new_page()
    p.text("제4장 스마트도시서비스 구축 계획", 14)
    p.text("〈표 4-1〉 스마트도시서비스 목록")
    p.table(_services_table_rows(services), [90, 150, 243], "grid")
    p.save()
    return _truth(services)


# ------------------------------------------------------------------------------------------------------ DOCX
def case_docx_nested(out: Path) -> list[dict]:
    import docx

    services = [
        Svc("스마트 무인 민원 발급", "행정", ["24시간 무인 민원 발급기 설치"]),
        Svc("하수관로 악취 모니터링", "환경·에너지·수자원", ["악취 센서로 민원 다발 구역 감시"]),
        Svc("스마트 놀이터 안전 관리", "방범·방재", ["놀이터 CCTV와 비상벨 연계"]),
        Svc("관광지 혼잡도 안내", "문화·관광·스포츠", ["관광지 방문객 수를 실시간 안내"]),
    ]
    d = docx.Document()
    for line in _cover("구미시 스마트도시계획(2025~2029)", "경상북도 구미시"):
        d.add_paragraph(line)
    d.add_heading("제5장 스마트도시서비스", level=1)
    d.add_paragraph("〈표 5-1〉 스마트도시서비스 목록")
    outer = d.add_table(rows=1, cols=1)
    outer.style = "Table Grid"
    cell = outer.cell(0, 0)
    cell.paragraphs[0].text = "서비스 구성 (단위: 개)"
    inner = cell.add_table(rows=len(services) + 1, cols=3)
    inner.style = "Table Grid"
    for c, h in enumerate(["분야", "서비스명", "서비스 개요"]):
        inner.cell(0, c).text = h
    for r, s in enumerate(services, 1):
        inner.cell(r, 0).text = s.domain
        inner.cell(r, 1).text = s.name
        inner.cell(r, 2).text = s.text
    d.add_paragraph("※ 서비스별 세부 내용은 다음 절에 정리한다.")
    d.save(str(out / "docx_nested.docx"))
    return _truth(services)


# ------------------------------------------------------------------------------------------------------ HWPX
_HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
_HS = "http://www.hancom.co.kr/hwpml/2011/section"
_HH = "http://www.hancom.co.kr/hwpml/2011/head"
_OPF = "http://www.idpf.org/2007/opf/"


def _hwpx(path: Path, title: str, paragraphs: list[tuple[str, int]]) -> None:
    """A minimal OWPML package: style 0 body, 1–2 outline levels (개요 1, 개요 2)."""
    def para(text: str, style: int) -> str:
        return (f'<hp:p id="0" paraPrIDRef="0" styleIDRef="{style}" pageBreak="0" columnBreak="0" merged="0">'
                f'<hp:run charPrIDRef="0"><hp:t>{escape(text)}</hp:t></hp:run></hp:p>')

    section = (f'<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="{_HS}" xmlns:hp="{_HP}">'
               + "".join(para(t, s) for t, s in paragraphs) + "</hs:sec>")
    header = (f'<?xml version="1.0" encoding="UTF-8"?><hh:head xmlns:hh="{_HH}"><hh:refList><hh:styles>'
              '<hh:style id="0" type="PARA" name="바탕글" engName="Normal"/>'
              '<hh:style id="1" type="PARA" name="개요 1" engName="Outline 1"/>'
              '<hh:style id="2" type="PARA" name="개요 2" engName="Outline 2"/>'
              "</hh:styles></hh:refList></hh:head>")
    hpf = (f'<?xml version="1.0" encoding="UTF-8"?><opf:package xmlns:opf="{_OPF}"><opf:metadata>'
           f"<opf:title>{escape(title)}</opf:title></opf:metadata><opf:manifest>"
           '<opf:item id="header" href="Contents/header.xml"/><opf:item id="section0" href="Contents/section0.xml"/>'
           '</opf:manifest><opf:spine><opf:itemref idref="header"/><opf:itemref idref="section0"/></opf:spine>'
           "</opf:package>")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip")
        zf.writestr("Contents/header.xml", header)
        zf.writestr("Contents/section0.xml", section)
        zf.writestr("Contents/content.hpf", hpf)
        zf.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><odf:manifest '
                    'xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')


def case_hwpx_cards(out: Path) -> list[dict]:
    services = [
        Svc("스마트 경로 안내 키오스크", "문화·관광·스포츠", ["관광 안내소에 다국어 길안내 키오스크 설치"]),
        Svc("저수지 붕괴 위험 감지", "방범·방재", ["저수지 제방 변위 센서로 붕괴 위험 감지"]),
        Svc("스마트 음식물 쓰레기 계량", "환경·에너지·수자원", ["세대별 배출량 계량과 요금 부과"]),
        Svc("원격 화상 진료 연계", "보건·의료·복지", ["보건지소와 병원 간 화상 진료"]),
    ]
    title = "정읍시 스마트도시계획(2025~2029)"
    paras: list[tuple[str, int]] = [(line, 0) for line in _cover(title, "전라북도 정읍시")]
    paras += [("제2장 현황 분석", 1), ("1. 도시 여건", 2), ("○ 농촌 지역이 넓고 고령 인구가 많다.", 0),
              ("제5장 스마트도시서비스 세부 계획", 1)]
    for k, s in enumerate(services, 1):
        paras += [(f"□ {s.name}", 0), ("○ 서비스 개요", 0), (f"- {s.text}", 0), ("○ 주요 기능", 0),
                  ("- 자료 수집 및 실시간 표출", 0), ("- 관리자 알림", 0), (f"○ 서비스 분야 : {s.domain}", 0),
                  ("○ 추진 주체 : 정읍시 정보통신과", 0)]
    paras += [("제6장 재원 조달", 1), ("○ 국비 공모사업과 연계하여 재원을 확보한다.", 0)]
    _hwpx(out / "hwpx_cards.hwpx", title, paras)
    return _truth(services)



# ------------------------------------------------------------------ vocabulary real plans print (second round)
SERVICES_B = [
    Svc("스마트 횡단보도", "교통", ["보행자 감지 시 바닥 신호등과 음성 안내"]),
    Svc("주차정보 안내", "교통", ["공영주차장 빈자리 실시간 안내"]),
    Svc("지능형 CCTV 관제", "방범·방재", ["영상 분석으로 위험 상황 자동 선별"]),
    Svc("산사태 조기경보", "방범·방재", ["경사지 변위 센서와 마을 방송 연계"]),
    Svc("독거노인 안부 확인", "보건·의료·복지", ["활동 센서로 이상 징후를 보호자에게 통보"]),
    Svc("공공건물 에너지 관리", "환경·에너지·수자원", ["전력 사용 감시와 절감 제어"]),
]


def _plan(out: Path, file: str, city: str, province: str) -> PdfPlan:
    title = f"{city} 스마트도시계획(2025~2029)"
    p = PdfPlan(out / file, title)
    _front(p, title, f"{province} {city}")
    p.new_page()
    return p


def _grid(p: PdfPlan, rows: list[list[str]], widths: list[float], style: str = "grid") -> None:
    p.table(rows, widths, style)


def case_header_ids(out: Path) -> list[dict]:
    """ID | 서비스 분야 | 서비스 명칭 | 서비스 설명, with IDs S-01 … in their own column."""
    p = _plan(out, "header_ids.pdf", "서산시", "충청남도")
    p.text("Ⅴ. 스마트도시서비스 구축계획", 14)
    p.text("1. 서비스 총괄", 11)
    p.text("〈표 5-1〉 도입 서비스 총괄")
    rows = [["ID", "서비스 분야", "서비스 명칭", "서비스 설명"]] + [
        [f"S-{k:02d}", s.domain, s.name, s.text] for k, s in enumerate(SERVICES_B, 1)]
    _grid(p, rows, [40, 90, 120, 233])
    p.save()
    return _truth(SERVICES_B)


def case_header_units(out: Path) -> list[dict]:
    """구분 (IDs 교통-01 …) | 대분류 | 중분류 | 단위서비스 | 구축 내용, open-sided."""
    p = _plan(out, "header_units.pdf", "당진시", "충청남도")
    p.text("제5장 스마트도시 서비스", 14)
    p.text("〈표 5-1〉 단위서비스 구성")
    groups = {"교통": "스마트 교통", "방범·방재": "스마트 안전", "보건·의료·복지": "스마트 복지",
              "환경·에너지·수자원": "스마트 환경"}
    prefix = {"교통": "교통", "방범·방재": "안전", "보건·의료·복지": "복지", "환경·에너지·수자원": "환경"}
    counts: dict[str, int] = {}
    rows = [["구분", "대분류", "중분류", "단위서비스", "구축 내용"]]
    for s in SERVICES_B:
        counts[s.domain] = counts.get(s.domain, 0) + 1
        rows.append([f"{prefix[s.domain]}-{counts[s.domain]:02d}", s.domain, groups[s.domain], s.name, s.text])
    _grid(p, rows, [50, 90, 70, 110, 163], "open")
    p.save()
    return _truth(SERVICES_B)


def case_header_english(out: Path) -> list[dict]:
    """Korean+English headers (서비스명(Service)) and IDs glued before the names ('[T-1] 스마트 횡단보도')."""
    import docx

    d = docx.Document()
    for line in _cover("논산시 스마트도시계획(2025~2029)", "충청남도 논산시"):
        d.add_paragraph(line)
    d.add_heading("제4장 부문별 추진계획", level=1)
    d.add_heading("4.2 서비스 발굴 및 선정", level=2)
    d.add_paragraph("〈표 4-3〉 세부 서비스")
    t = d.add_table(rows=len(SERVICES_B) + 1, cols=3)
    t.style = "Table Grid"
    for c, h in enumerate(["분야(Field)", "서비스명(Service)", "주요 내용(Description)"]):
        t.cell(0, c).text = h
    for r, s in enumerate(SERVICES_B, 1):
        t.cell(r, 0).text = s.domain
        t.cell(r, 1).text = f"[T-{r}] {s.name}" if r % 2 else f"A{r:02d} {s.name}"
        t.cell(r, 2).text = s.text
    d.save(str(out / "header_english.docx"))
    return _truth(SERVICES_B)


def case_header_functions(out: Path) -> list[dict]:
    """도입 서비스 | 기능 under '부문별 추진계획' with the 분야 in the headings above each table."""
    p = _plan(out, "header_functions.pdf", "보령시", "충청남도")
    _by_sector(p, ["도입 서비스", "기능"], "{k}. {domain} 부문", "○ 부문별 도시 문제를 해결하기 위해 다음 서비스를 도입한다.")
    p.save()
    return _truth(SERVICES_B)


def _by_sector(p: PdfPlan, header: list[str], heading: str, intro: str | None = None) -> None:
    """'제4장 부문별 추진계획' with one two-column table of SERVICES_B per sector heading."""
    p.text("제4장 부문별 추진계획", 14)
    by_domain: dict[str, list[Svc]] = {}
    for s in SERVICES_B:
        by_domain.setdefault(s.domain, []).append(s)
    for k, (domain, group) in enumerate(by_domain.items(), 1):
        p.text(heading.format(k=k, domain=domain), 11)
        if intro:
            p.text(intro)
        _grid(p, [header] + [[s.name, s.text] for s in group], [160, 323])


def case_tasks(out: Path) -> list[dict]:
    """추진과제 tables: strategies in the vision chapter (not services), 과제명 in the services chapter (services)."""
    p = _plan(out, "tasks.pdf", "계룡시", "충청남도")
    p.text("제3장 비전 및 추진전략", 14)
    p.text("1. 추진전략 및 추진과제", 11)
    rows = [["추진전략", "추진과제", "주요 내용"],
            ["안전한 도시", "재난 대응 체계 고도화", "재난 정보의 통합 관리"],
            ["", "생활 안전망 강화", "취약 지역 안전 시설 확충"],
            ["편리한 도시", "대중교통 이용 편의 증진", "교통 정보 제공 확대"],
            ["", "데이터 기반 행정 실현", "공공데이터 개방과 활용"]]
    _grid(p, rows, [100, 150, 233])
    p.new_page()
    p.text("제4장 스마트도시서비스 계획", 14)
    p.text("1. 서비스 목록", 11)
    rows = [["분야", "과제명", "주요 내용"]] + [[s.domain, s.name, s.text] for s in SERVICES_B]
    _grid(p, rows, [90, 140, 253])
    p.save()
    return _truth(SERVICES_B)


MARKER_SETS = {  # (card title marker, field label marker, item marker)
    "cards_square": ("■", "❍", "▶"),
    "cards_diamond": ("◆", "◇", "-"),
    "cards_dot": ("●", "▶", "·"),
    "cards_boxed": ("▣", "❍", "-"),
    "cards_pointer": ("▶", "○", "-"),
    "cards_hollow": ("◇", "ㅇ", "-"),
}


def _marker_case(case: str) -> Case:
    title_mark, field_mark, item_mark = MARKER_SETS[case]

    def build(out: Path) -> list[dict]:
        p = _plan(out, f"{case}.pdf", "공주시", "충청남도")
        p.text("제5장 스마트도시서비스 세부 계획", 14)
        for s in SERVICES_B[:4]:
            p.need(10 * 1.6 * 10)
            p.text(f"{title_mark} {s.name}", 12)
            p.text(f"{field_mark} 서비스 개요", 10.5)
            p.text(f"  {item_mark} {s.text}")
            p.text(f"{field_mark} 주요 기능", 10.5)
            p.text(f"  {item_mark} 실시간 자료 수집과 표출")
            p.text(f"  {item_mark} 관리자 및 시민 알림")
            p.text(f"{field_mark} 적용 기술", 10.5)
            p.text(f"  {item_mark} IoT 센서, 빅데이터")
        p.save()
        return _truth(SERVICES_B[:4], domain=False)

    return build


def case_cards_ring(out: Path) -> list[dict]:
    """An HWPX whose card titles are marked ❍ (a glyph PDF fonts here lack), fields '- 서비스 개요', items '·'."""
    title = "예산군 스마트도시계획(2025~2029)"
    paras: list[tuple[str, int]] = [(line, 0) for line in _cover(title, "충청남도 예산군")]
    paras += [("제2장 현황 분석", 1), ("1. 도시 여건", 2), ("❍ 고령 인구가 많고 농촌 지역이 넓다.", 0),
              ("제5장 스마트도시서비스 세부 계획", 1)]
    for s in SERVICES_B[:4]:
        paras += [(f"❍ {s.name}", 0), ("- 서비스 개요", 0), (f"· {s.text}", 0), ("- 주요 기능", 0),
                  ("· 실시간 자료 수집과 표출", 0), ("· 관리자 및 시민 알림", 0), ("- 적용 기술", 0),
                  ("· IoT 센서, 빅데이터", 0)]
    paras += [("제6장 재원 조달", 1), ("❍ 국비 공모사업과 연계하여 재원을 확보한다.", 0)]
    _hwpx(out / "cards_ring.hwpx", title, paras)
    return _truth(SERVICES_B[:4], domain=False)


def case_sector_tasks(out: Path) -> list[dict]:
    """'제4장 부문별 추진계획', one 추진과제 | 과제 내용 table per sector heading; a strategy table before it."""
    p = _plan(out, "sector_tasks.pdf", "청주시", "충청북도")
    p.text("제3장 비전 및 추진전략", 14)
    _grid(p, [["추진전략", "추진과제", "주요 내용"], ["안전 도시", "생활 안전망 강화", "취약 지역 안전 시설 확충"],
              ["편리한 도시", "대중교통 이용 편의 증진", "교통 정보 제공 확대"]], [100, 150, 233])
    p.new_page()
    _by_sector(p, ["추진과제", "과제 내용"], "4.{k} {domain} 부문")
    p.save()
    return _truth(SERVICES_B)


def _text_card(p: PdfPlan, title: str, fields: list[tuple[str, list[str]]], size: float = 12) -> None:
    """A card as text: its title line, then each field label with its '-' items below."""
    p.need(10 * 1.6 * 8)
    p.text(title, size)
    for label, values in fields:
        p.text(label, 10.5)
        for value in values:
            p.text(f"  - {value}")


def case_cards_bare_ids(out: Path) -> list[dict]:
    """Card titles that are only an ID and a name ('[S-01] …', '서비스 2. …'), 주요 기능 before 서비스 개요."""
    p = _plan(out, "cards_bare_ids.pdf", "충주시", "충청북도")
    p.text("Ⅴ. 스마트도시서비스 구축계획", 14)
    for k, s in enumerate(SERVICES_B[:4], 1):
        _text_card(p, f"[S-{k:02d}] {s.name}" if k % 2 else f"서비스 {k}. {s.name}",
                   [("○ 주요 기능", ["실시간 자료 수집과 표출"]), ("○ 서비스 개요", [s.text])])
    p.save()
    return _truth(SERVICES_B[:4], domain=False)


def case_cards_ids(out: Path) -> list[dict]:
    """Numbered card titles carrying an ID ('1. [S-03] 스마트 횡단보도') and <서비스 개요> field labels."""
    p = _plan(out, "cards_ids.pdf", "아산시", "충청남도")
    p.text("제5장 스마트도시서비스", 14)
    for k, s in enumerate(SERVICES_B[:4], 1):
        _text_card(p, f"{k}. [S-{k + 2:02d}] {s.name}",
                   [("<서비스 개요>", [s.text]), ("<주요 기능>", ["실시간 자료 수집과 표출", "관리자 및 시민 알림"])])
    p.save()
    return _truth(SERVICES_B[:4], domain=False)


def case_cards_numbered(out: Path) -> list[dict]:
    """'가. 서비스 3. 스마트 횡단보도' titles; '【서비스명】 …' cards in the next section."""
    p = _plan(out, "cards_numbered.pdf", "홍성군", "충청남도")
    p.text("제5장 스마트도시서비스 구축계획", 14)
    p.text("1. 교통 분야", 11)
    for k, s in enumerate(SERVICES_B[:2], 1):
        _text_card(p, f"{'가나'[k - 1]}. 서비스 {k}. {s.name}",
                   [("○ 서비스 개요", [s.text]), ("○ 주요 기능", ["실시간 정보 제공"])], size=11)
    p.text("2. 안전 및 복지 분야", 11)
    for s in SERVICES_B[2:5]:
        p.need(10 * 1.6 * 8)
        p.text(f"【서비스명】 {s.name}", 11)
        p.text(f"【서비스 개요】 {s.text}", 10)
        p.text("【주요 기능】", 10)
        p.text("  - 위험 상황 감지와 자동 통보")
    p.save()
    # the first two stand under '1. 교통 분야'; '안전 및 복지 분야' maps onto no single domain
    return [{"name": s.name, "domain": "교통" if k < 2 else None} for k, s in enumerate(SERVICES_B[:5])]


def case_card_table_2page(out: Path) -> list[dict]:
    """Card fields as a 2-column label table (서비스명 | …, 서비스 개요 | …) broken over a page."""
    p = _plan(out, "card_table_2page.pdf", "청양군", "충청남도")
    p.text("제5장 스마트도시서비스 세부 계획", 14)
    for s in SERVICES_B[:3]:
        p.y = MARGIN + 95  # the table starts near the foot of the page and goes on over the page break
        rows = [["서비스명", s.name], ["서비스 개요", s.text],
                ["주요 기능", "- 실시간 자료 수집\n- 이상 상황 자동 통보\n- 관리자 대시보드"],
                ["적용 기술", "IoT 센서, 빅데이터, 클라우드"], ["추진 주체", "청양군 정보통신과"]]
        p.table(rows, [100, 383], "grid")
        p.new_page()
    p.save()
    return _truth(SERVICES_B[:3], domain=False)


def case_survey_decoy(out: Path) -> list[dict]:
    """서비스 수요조사 and 시민 설문 tables of candidate services with 응답률 %, before the plan's own list."""
    p = _plan(out, "survey_decoy.pdf", "부여군", "충청남도")
    p.text("제2장 현황 분석", 14)
    p.text("3. 시민 설문", 11)
    rows = [["분야", "희망 서비스", "응답률(%)"], ["교통", "스마트 버스정류장", "32.1"],
            ["안전", "스마트 가로등", "24.5"], ["복지", "원격 건강 상담", "18.0"]]
    _grid(p, rows, [90, 200, 193])
    p.new_page()
    p.text("제5장 스마트도시서비스", 14)
    p.text("1. 서비스 수요조사 결과", 11)
    rows = [["순위", "서비스명", "응답수", "응답률"], ["1", "스마트 버스정류장", "321", "32.1%"],
            ["2", "무인 민원 발급기", "245", "24.5%"], ["3", "스마트 쓰레기통", "180", "18.0%"]]
    _grid(p, rows, [50, 200, 100, 133])
    p.text("2. 서비스 선정", 11)
    rows = [["분야", "서비스명", "서비스 내용"]] + [[s.domain, s.name, s.text] for s in SERVICES_B]
    _grid(p, rows, [90, 140, 253])
    p.save()
    return _truth(SERVICES_B)


CANDIDATES = [("교통", "스마트 횡단보도", "○"), ("교통", "자율주행 셔틀", ""), ("교통", "주차정보 안내", "○"),
              ("방범·방재", "지능형 CCTV 관제", "○"), ("방범·방재", "드론 순찰", "×"),
              ("보건·의료·복지", "독거노인 안부 확인", "○"), ("보건·의료·복지", "원격 진료 키오스크", "-"),
              ("문화·관광·스포츠", "AR 관광 안내", ""), ("환경·에너지·수자원", "공공건물 에너지 관리", "○")]


def case_candidates_selected(out: Path) -> list[dict]:
    """A 후보 서비스 long-list with a 선정 column: only the rows marked ○ are the plan's services."""
    p = _plan(out, "candidates_selected.pdf", "서천군", "충청남도")
    p.text("제5장 스마트도시서비스", 14)
    p.text("5.2 서비스 발굴 및 선정", 11)
    p.text("가. 후보 서비스 도출", 10.5)
    rows = [["연번", "분야", "후보 서비스", "주요 내용", "선정"]] + [
        [str(k), d, n, "도시 문제 해결을 위한 서비스 검토", mark] for k, (d, n, mark) in enumerate(CANDIDATES, 1)]
    _grid(p, rows, [36, 90, 130, 187, 40])
    p.save()
    return [{"name": n, "domain": d} for d, n, mark in CANDIDATES if mark == "○"]


def case_candidates_adopted(out: Path) -> list[dict]:
    """A long-list with a 반영 여부 column (반영 / 미반영), then a 국비 공모사업 list and a 기 구축 현황 table."""
    p = _plan(out, "candidates_adopted.pdf", "금산군", "충청남도")
    p.text("제2장 현황 분석", 14)
    p.text("4. 기 구축 현황", 11)
    rows = [["분야", "서비스명", "주요 내용", "구축연도"], ["교통", "버스정보시스템", "정류장 도착 안내", "2015"],
            ["방범·방재", "방범 CCTV", "주요 지점 영상 감시", "2012"]]
    _grid(p, rows, [90, 140, 193, 60])
    p.new_page()
    p.text("제4장 스마트도시서비스 발굴", 14)
    p.text("1. 서비스 후보 검토", 11)
    rows = [["분야", "서비스명", "서비스 내용", "반영 여부"]] + [
        [d, n, "도입 가능성 검토", "반영" if mark == "○" else "미반영"] for d, n, mark in CANDIDATES]
    _grid(p, rows, [90, 140, 183, 70])
    p.new_page()
    p.text("제6장 추진 계획", 14)
    p.text("1. 국비 공모사업 연계", 11)
    rows = [["사업명", "주관 부처", "사업 내용"], ["스마트도시 챌린지", "국토교통부", "도시 문제 해결 솔루션 실증"],
            ["스마트빌리지 보급", "과학기술정보통신부", "농어촌 생활 서비스 보급"]]
    _grid(p, rows, [140, 110, 233])
    p.save()
    return [{"name": n, "domain": d} for d, n, mark in CANDIDATES if mark == "○"]


def case_summary_multi(out: Path) -> list[dict]:
    """A summary table whose 서비스 cells hold several services (commas, line breaks, middle dots)."""
    p = _plan(out, "summary_multi.pdf", "태안군", "충청남도")
    p.text("요약", 14)
    p.text("〈표 요-1〉 분야별 스마트도시서비스")
    rows = [["분야", "서비스"],
            ["교통", "스마트 버스정류장, 스마트 횡단보도, 주차정보 안내"],
            ["방범·방재", "지능형 CCTV 관제\n산사태 조기경보\n해안 침수 감지"],
            ["보건·의료·복지", "독거노인 안부 확인 · 원격 건강 상담"],
            ["환경·에너지·수자원", "버스·택시 공영차고지 태양광"]]
    _grid(p, rows, [110, 373])
    p.save()
    names = [("교통", "스마트 버스정류장"), ("교통", "스마트 횡단보도"), ("교통", "주차정보 안내"),
             ("방범·방재", "지능형 CCTV 관제"), ("방범·방재", "산사태 조기경보"), ("방범·방재", "해안 침수 감지"),
             ("보건·의료·복지", "독거노인 안부 확인"), ("보건·의료·복지", "원격 건강 상담"),
             ("환경·에너지·수자원", "버스·택시 공영차고지 태양광")]
    return [{"name": n, "domain": d} for d, n in names]


CASES: dict[str, tuple[str, Case]] = {
    "open_sided": ("open_sided.pdf", case_open_sided),
    "hrule_only": ("hrule_only.pdf", case_hrule_only),
    "open_long": ("open_long.pdf", case_open_long),
    "hrule_long": ("hrule_long.pdf", case_hrule_long),
    "boxed_prose": ("boxed_prose.pdf", case_boxed_prose),
    "underlined": ("underlined.pdf", case_underlined),
    "wrapped_bullets": ("wrapped_bullets.pdf", case_wrapped_bullets),
    "domain_right": ("domain_right.pdf", case_domain_right),
    "two_row_header": ("two_row_header.pdf", case_two_row_header),
    "card_pagebreak": ("card_pagebreak.pdf", case_card_pagebreak),
    "summary_short": ("summary_short.pdf", case_summary_short),
    "two_column": ("two_column.pdf", case_two_column),
    "docx_nested": ("docx_nested.docx", case_docx_nested),
    "hwpx_cards": ("hwpx_cards.hwpx", case_hwpx_cards),
    "header_ids": ("header_ids.pdf", case_header_ids),
    "header_units": ("header_units.pdf", case_header_units),
    "header_english": ("header_english.docx", case_header_english),
    "header_functions": ("header_functions.pdf", case_header_functions),
    "tasks": ("tasks.pdf", case_tasks),
    **{case: (f"{case}.pdf", _marker_case(case)) for case in MARKER_SETS},
    "cards_ring": ("cards_ring.hwpx", case_cards_ring),
    "cards_ids": ("cards_ids.pdf", case_cards_ids),
    "cards_bare_ids": ("cards_bare_ids.pdf", case_cards_bare_ids),
    "sector_tasks": ("sector_tasks.pdf", case_sector_tasks),
    "cards_numbered": ("cards_numbered.pdf", case_cards_numbered),
    "card_table_2page": ("card_table_2page.pdf", case_card_table_2page),
    "survey_decoy": ("survey_decoy.pdf", case_survey_decoy),
    "candidates_selected": ("candidates_selected.pdf", case_candidates_selected),
    "candidates_adopted": ("candidates_adopted.pdf", case_candidates_adopted),
    "summary_multi": ("summary_multi.pdf", case_summary_multi),
}


def make_all(out: Path) -> dict[str, dict]:
    """Write every case into `out`; returns {case: {"file": name, "services": [{name, domain}]}} (also truth.json)."""
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for case, (name, build) in CASES.items():
        truth[case] = {"file": name, "services": build(out)}
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "stress-out")
    for case, spec in make_all(target).items():
        print(f"{case:16s} {spec['file']:22s} {len(spec['services'])} services")
