"""The HWPX sample plans, written as OWPML by hand (zipfile + string building, no HWPX library).

Namespaces, file names and the table markup (hp:tbl/hp:tr/hp:tc with hp:cellAddr and hp:cellSpan; cells covered by
a merge are left out of their row) follow the real Hancom fixture /work/shared/fixtures/hwp/exam_scores_table.hwpx.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from content import FICTION_NOTICE, Plan, short_name

NS = (
    'xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" '
    'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" '
    'xmlns:hp10="http://www.hancom.co.kr/hwpml/2016/paragraph" '
    'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
    'xmlns:hc="http://www.hancom.co.kr/hwpml/2011/core" '
    'xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head" '
    'xmlns:hhs="http://www.hancom.co.kr/hwpml/2011/history" '
    'xmlns:hm="http://www.hancom.co.kr/hwpml/2011/master-page" '
    'xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:opf="http://www.idpf.org/2007/opf/" '
    'xmlns:ooxmlchart="http://www.hancom.co.kr/hwpml/2016/ooxmlchart" '
    'xmlns:hwpunitchar="http://www.hancom.co.kr/hwpml/2016/HwpUnitChar" '
    'xmlns:epub="http://www.idpf.org/2007/ops" '
    'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"'
)
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
FIXED_DATE = (2024, 1, 1, 0, 0, 0)

# style ids defined in header.xml below
BODY, OUTLINE1, OUTLINE2, OUTLINE3 = 0, 1, 2, 3


def _header_xml() -> str:
    fonts = "".join(
        f'<hh:fontface lang="{lang}" fontCnt="1"><hh:font id="0" face="함초롬바탕" type="TTF" isEmbedded="0"/>'
        "</hh:fontface>" for lang in ("HANGUL", "LATIN", "HANJA", "JAPANESE", "OTHER", "SYMBOL", "USER"))
    border = ('<hh:borderFill id="{id}" threeD="0" shadow="0" centerLine="NONE" breakCellSeparateLine="0">'
              '<hh:leftBorder type="{t}" width="0.12 mm" color="#000000"/>'
              '<hh:rightBorder type="{t}" width="0.12 mm" color="#000000"/>'
              '<hh:topBorder type="{t}" width="0.12 mm" color="#000000"/>'
              '<hh:bottomBorder type="{t}" width="0.12 mm" color="#000000"/>'
              '<hh:diagonal type="SOLID" width="0.1 mm" color="#000000"/></hh:borderFill>')
    borders = border.format(id=1, t="NONE") + border.format(id=2, t="NONE") + border.format(id=3, t="SOLID")
    char = ('<hh:charPr id="{id}" height="{h}" textColor="#000000" shadeColor="none" useFontSpace="0" '
            'useKerning="0" symMark="NONE" borderFillIDRef="2"><hh:fontRef hangul="0" latin="0" hanja="0" '
            'japanese="0" other="0" symbol="0" user="0"/>{bold}</hh:charPr>')
    chars = (char.format(id=0, h=1000, bold="") + char.format(id=1, h=1600, bold="<hh:bold/>")
             + char.format(id=2, h=1300, bold="<hh:bold/>") + char.format(id=3, h=2400, bold="<hh:bold/>"))
    para = ('<hh:paraPr id="{id}" tabPrIDRef="0" condense="0" fontLineHeight="0" snapToGrid="1" '
            'suppressLineNumbers="0" checked="0"><hh:align horizontal="{al}" vertical="BASELINE"/>'
            '<hh:heading type="{ht}" idRef="0" level="{lvl}"/></hh:paraPr>')
    paras = (para.format(id=0, al="JUSTIFY", ht="NONE", lvl=0) + para.format(id=1, al="LEFT", ht="OUTLINE", lvl=0)
             + para.format(id=2, al="LEFT", ht="OUTLINE", lvl=1) + para.format(id=3, al="LEFT", ht="OUTLINE", lvl=2)
             + para.format(id=4, al="CENTER", ht="NONE", lvl=0))
    style = ('<hh:style id="{id}" type="PARA" name="{name}" engName="{eng}" paraPrIDRef="{pp}" charPrIDRef="{cp}" '
             'nextStyleIDRef="0" langID="1042" lockForm="0"/>')
    styles = (style.format(id=0, name="바탕글", eng="Normal", pp=0, cp=0)
              + style.format(id=1, name="개요 1", eng="Outline 1", pp=1, cp=1)
              + style.format(id=2, name="개요 2", eng="Outline 2", pp=2, cp=2)
              + style.format(id=3, name="개요 3", eng="Outline 3", pp=3, cp=0))
    return (f'{DECL}<hh:head {NS} version="1.4" secCnt="1"><hh:beginNum page="1" footnote="1" endnote="1" pic="1" '
            f'tbl="1" equation="1"/><hh:refList><hh:fontfaces itemCnt="7">{fonts}</hh:fontfaces>'
            f'<hh:borderFills itemCnt="3">{borders}</hh:borderFills><hh:charProperties itemCnt="4">{chars}'
            f'</hh:charProperties><hh:tabProperties itemCnt="1"><hh:tabPr id="0" autoTabLeft="0" autoTabRight="0"/>'
            f'</hh:tabProperties><hh:paraProperties itemCnt="5">{paras}</hh:paraProperties>'
            f'<hh:styles itemCnt="4">{styles}</hh:styles></hh:refList>'
            '<hh:compatibleDocument targetProgram="HWP201X"><hh:layoutCompatibility/></hh:compatibleDocument>'
            '<hh:docOption><hh:linkinfo path="" pageInherit="0" footnoteInherit="0"/></hh:docOption>'
            '<hh:trackchageConfig flags="56"/></hh:head>')


class Section:
    """Builds section0.xml: paragraphs, page breaks, tables with merged cells, a running header and footer."""

    def __init__(self, running_title: str) -> None:
        self.parts: list[str] = []
        self.next_id = 1
        self.running_title = running_title
        self.plain: list[str] = []  # the text in reading order, for Preview/PrvText.txt

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id

    def para(self, text: str, *, style: int = BODY, char: int = 0, page_break: bool = False,
             center: bool = False) -> None:
        para_pr = 4 if center else {BODY: 0, OUTLINE1: 1, OUTLINE2: 2, OUTLINE3: 3}[style]
        self.parts.append(
            f'<hp:p id="{self._id()}" paraPrIDRef="{para_pr}" styleIDRef="{style}" pageBreak="{int(page_break)}" '
            f'columnBreak="0" merged="0"><hp:run charPrIDRef="{char}"><hp:t>{escape(text)}</hp:t></hp:run></hp:p>')
        self.plain.append(text)

    def table(self, header: list[str], rows: list[list[str]], widths: list[int], *,
              merge_first: bool = False) -> None:
        """A table; with merge_first, runs of equal first cells become one cell with rowSpan."""
        n_rows, n_cols = len(rows) + 1, len(header)
        spans: dict[int, int] = {}  # row index (in rows) -> rowSpan of its first cell; absent = covered
        if merge_first:
            i = 0
            while i < len(rows):
                j = i
                while j + 1 < len(rows) and rows[j + 1][0] == rows[i][0]:
                    j += 1
                spans[i] = j - i + 1
                i = j + 1
        else:
            spans = dict.fromkeys(range(len(rows)), 1)

        def cell(text: str, row: int, col: int, row_span: int = 1, is_header: bool = False) -> str:
            height = 282 * max(1, row_span)
            return (f'<hp:tc name="" header="{int(is_header)}" hasMargin="0" protect="0" editable="0" dirty="0" '
                    'borderFillIDRef="3"><hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" '
                    'vertAlign="CENTER" linkListIDRef="0" linkListNextIDRef="0" textWidth="0" textHeight="0" '
                    f'hasTextRef="0" hasNumRef="0"><hp:p id="0" paraPrIDRef="0" styleIDRef="0" pageBreak="0" '
                    f'columnBreak="0" merged="0"><hp:run charPrIDRef="0"><hp:t>{escape(text)}</hp:t></hp:run>'
                    f'</hp:p></hp:subList><hp:cellAddr colAddr="{col}" rowAddr="{row}"/>'
                    f'<hp:cellSpan colSpan="1" rowSpan="{row_span}"/><hp:cellSz width="{widths[col]}" '
                    f'height="{height}"/><hp:cellMargin left="510" right="510" top="141" bottom="141"/></hp:tc>')

        trs = ["<hp:tr>" + "".join(cell(h, 0, c, is_header=True) for c, h in enumerate(header)) + "</hp:tr>"]
        self.plain.append("\t".join(header))
        for i, row in enumerate(rows):
            cells = []
            for c, text in enumerate(row):
                if c == 0 and i not in spans:
                    continue  # covered by the merged cell above
                cells.append(cell(text, i + 1, c, spans.get(i, 1) if c == 0 else 1))
            trs.append("<hp:tr>" + "".join(cells) + "</hp:tr>")
            self.plain.append("\t".join(row))
        width = sum(widths)
        tbl = (f'<hp:tbl id="{self._id()}" zOrder="0" numberingType="TABLE" textWrap="TOP_AND_BOTTOM" '
               'textFlow="BOTH_SIDES" lock="0" dropcapstyle="None" pageBreak="CELL" repeatHeader="1" '
               f'rowCnt="{n_rows}" colCnt="{n_cols}" cellSpacing="0" borderFillIDRef="3" noAdjust="0">'
               f'<hp:sz width="{width}" widthRelTo="ABSOLUTE" height="{282 * n_rows}" heightRelTo="ABSOLUTE" '
               'protect="0"/><hp:pos treatAsChar="0" affectLSpacing="0" flowWithText="1" allowOverlap="0" '
               'holdAnchorAndSO="0" vertRelTo="PARA" horzRelTo="COLUMN" vertAlign="TOP" horzAlign="LEFT" '
               'vertOffset="0" horzOffset="0"/><hp:outMargin left="283" right="283" top="283" bottom="283"/>'
               '<hp:inMargin left="510" right="510" top="141" bottom="141"/>' + "".join(trs) + "</hp:tbl>")
        self.parts.append(f'<hp:p id="{self._id()}" paraPrIDRef="0" styleIDRef="0" pageBreak="0" columnBreak="0" '
                          f'merged="0"><hp:run charPrIDRef="0">{tbl}<hp:t/></hp:run></hp:p>')

    def xml(self) -> str:
        # The first paragraph carries the section definition (A4 portrait) and the running header/footer.
        sec_pr = ('<hp:secPr id="" textDirection="HORIZONTAL" spaceColumns="1134" tabStop="8000" tabStopVal="4000" '
                  'tabStopUnit="HWPUNIT" outlineShapeIDRef="1" memoShapeIDRef="0" textVerticalWidthHead="0" '
                  'masterPageCnt="0"><hp:grid lineGrid="0" charGrid="0" wonggojiFormat="0"/>'
                  '<hp:startNum pageStartsOn="BOTH" page="0" pic="0" tbl="0" equation="0"/>'
                  '<hp:pagePr landscape="WIDELY" width="59528" height="84188" gutterType="LEFT_ONLY">'
                  '<hp:margin header="4252" footer="4252" gutter="0" left="8504" right="8504" top="5668" '
                  'bottom="4252"/></hp:pagePr></hp:secPr>')
        running = (f'<hp:ctrl><hp:header id="1" applyPageType="BOTH"><hp:subList id="" textDirection="HORIZONTAL" '
                   'lineWrap="BREAK" vertAlign="TOP" linkListIDRef="0" linkListNextIDRef="0" textWidth="42520" '
                   'textHeight="4252" hasTextRef="0" hasNumRef="0"><hp:p id="0" paraPrIDRef="0" styleIDRef="0" '
                   'pageBreak="0" columnBreak="0" merged="0"><hp:run charPrIDRef="0">'
                   f'<hp:t>{escape(self.running_title)}</hp:t></hp:run></hp:p></hp:subList></hp:header></hp:ctrl>'
                   '<hp:ctrl><hp:pageNum pos="BOTTOM_CENTER" formatType="DIGIT" sideChar="-"/></hp:ctrl>')
        first = (f'<hp:p id="1" paraPrIDRef="0" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0">'
                 f'<hp:run charPrIDRef="0">{sec_pr}<hp:ctrl><hp:colPr id="" type="NEWSPAPER" layout="LEFT" '
                 f'colCount="1" sameSz="1" sameGap="0"/></hp:ctrl>{running}<hp:t/></hp:run></hp:p>')
        return f"{DECL}<hs:sec {NS}>{first}{''.join(self.parts)}</hs:sec>"


def write_hwpx(path: Path, title: str, section: Section) -> None:
    """Zip the package: mimetype first and stored, the rest deflated, fixed timestamps for stable bytes."""
    content_hpf = (f'{DECL}<opf:package {NS} version="" unique-identifier="" id=""><opf:metadata>'
                   f'<opf:title>{escape(title)}</opf:title><opf:language>ko</opf:language>'
                   '<opf:meta name="creator" content="text">scatlas samples (fictional)</opf:meta>'
                   '<opf:meta name="CreatedDate" content="text">2024-01-01T00:00:00Z</opf:meta>'
                   '<opf:meta name="ModifiedDate" content="text">2024-01-01T00:00:00Z</opf:meta></opf:metadata>'
                   '<opf:manifest><opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>'
                   '<opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/>'
                   '<opf:item id="settings" href="settings.xml" media-type="application/xml"/></opf:manifest>'
                   '<opf:spine><opf:itemref idref="header" linear="yes"/><opf:itemref idref="section0" linear="yes"/>'
                   '</opf:spine></opf:package>')
    files = [
        ("mimetype", "application/hwp+zip", zipfile.ZIP_STORED),
        ("version.xml", (f'{DECL}<hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" '
                        'tagetApplication="WORDPROCESSOR" major="5" minor="0" micro="5" buildNumber="0" os="1" '
                        'xmlVersion="1.4" application="Hancom Office Hangul" appVersion="9, 1, 1, 5656 WIN32LEWindows_10"/>'),
         zipfile.ZIP_STORED),
        ("Contents/header.xml", _header_xml(), zipfile.ZIP_DEFLATED),
        ("Contents/section0.xml", section.xml(), zipfile.ZIP_DEFLATED),
        ("Preview/PrvText.txt", "\r\n".join(section.plain)[:1024], zipfile.ZIP_DEFLATED),
        ("settings.xml", (f'{DECL}<ha:HWPApplicationSetting xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" '
                         'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"><ha:CaretPosition '
                         'listIDRef="0" paraIDRef="0" pos="0"/></ha:HWPApplicationSetting>'), zipfile.ZIP_DEFLATED),
        ("META-INF/container.xml", (f'{DECL}<ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container" '
                                   'xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf"><ocf:rootfiles><ocf:rootfile '
                                   'full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/>'
                                   '<ocf:rootfile full-path="Preview/PrvText.txt" media-type="text/plain"/>'
                                   '</ocf:rootfiles></ocf:container>'), zipfile.ZIP_DEFLATED),
        ("Contents/content.hpf", content_hpf, zipfile.ZIP_DEFLATED),
        ("META-INF/manifest.xml", f'{DECL}<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
         zipfile.ZIP_DEFLATED),
    ]
    with zipfile.ZipFile(path, "w") as zf:
        for name, text, method in files:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"))


def _front(sec: Section, plan: Plan, toc: list[tuple[str, str]]) -> None:
    sec.para(plan.title, style=BODY, char=3, center=True)
    sec.para(f"{plan.period[0] - 1}. 12.", center=True)
    sec.para(f"{plan.province} {plan.municipality}", char=2, center=True)
    sec.para(f"수행기관: {plan.consultant}", center=True)
    sec.para(FICTION_NOTICE, center=True)
    sec.para("목  차", char=2, page_break=True, center=True)
    for label, printed in toc:
        sec.para(f"{label} {'·' * max(4, 40 - len(label))} {printed}")


def _chapters_before(sec: Section, plan: Plan, numbered_strategies: bool) -> None:
    sec.para("제1장 계획의 개요", style=OUTLINE1, page_break=True)
    sec.para("1. 계획의 범위", style=OUTLINE2)
    sec.para(f"○ 시간적 범위: {plan.period[0]}년~{plan.period[1]}년")
    sec.para(f"○ 공간적 범위: {plan.municipality} 전역")
    sec.para("제2장 현황 분석", style=OUTLINE1, page_break=True)
    for text in plan.context:
        sec.para(text)
    sec.para("가. 기 구축 서비스", style=OUTLINE2)
    for item in plan.built:
        sec.para(f"- {item}: 기존 사업으로 운영 중")
    sec.para("제3장 국내외 사례", style=OUTLINE1, page_break=True)
    sec.para("가. 국내외 스마트도시 서비스 사례", style=OUTLINE2)
    for i, (city, name, what) in enumerate(plan.cases, 1):
        sec.para(f"{i}) {city} {name}")
        sec.para(f"- {what}")
    sec.para("제4장 비전 및 추진 전략", style=OUTLINE1, page_break=True)
    sec.para(f"비전: {plan.vision}")
    sec.para("가. 추진 전략", style=OUTLINE2)
    for strategy in plan.strategies:
        sec.para(strategy)
        sec.para("- 관련 서비스를 묶어 단계적으로 추진한다.")


def _chapter_after(sec: Section, plan: Plan) -> None:
    rng = random.Random(plan.key)
    years = [str(y) for y in range(plan.period[0], plan.period[1] + 1)]
    sec.para("제6장 재원 조달 및 추진 계획", style=OUTLINE1, page_break=True)
    sec.para("가. 연차별 투자계획", style=OUTLINE2)
    sec.para("〈표 6-1〉 연차별 투자계획 (단위: 억원)")
    labels = list(dict.fromkeys(s.label for s in plan.services))
    rows = [[lab] + [f"{rng.uniform(1, 30):.1f}" for _ in years] for lab in labels]
    rows.append(["합계"] + [f"{sum(float(r[k + 1]) for r in rows):.1f}" for k in range(len(years))])
    sec.table(["구분"] + years, rows, [8000] + [6800] * len(years))
    sec.para("나. 추진 로드맵", style=OUTLINE2)
    sec.para("〈표 6-2〉 단계별 추진 로드맵")
    road = [[short_name(s.name)] + ["●" if rng.random() < 0.6 else "" for _ in years] for s in plan.services]
    sec.table(["사업명"] + years, road, [14000] + [5600] * len(years))
    sec.para("다. 성과지표", style=OUTLINE2)
    picks = rng.sample(plan.services, k=4)
    sec.table(["성과지표", "현재", "목표"],
              [[f"{short_name(s.name)} 이용자 수", f"{rng.randrange(1, 9)}천 명", f"{rng.randrange(10, 30)}천 명"]
               for s in picks], [20000, 10000, 10000])


def build_list_hwpx(plan: Plan, path: Path) -> None:
    """Numbered lists under domain headings: 가. 교통 분야 / 1) 서비스명 / - 설명."""
    sec = Section(plan.title)
    _front(sec, plan, [("제1장 계획의 개요", "1"), ("제2장 현황 분석", "5"), ("제3장 국내외 사례", "19"),
                       ("제4장 비전 및 추진 전략", "31"), ("제5장 스마트도시서비스 구축 계획", "45"),
                       ("제6장 재원 조달 및 추진 계획", "97")])
    _chapters_before(sec, plan, numbered_strategies=True)
    sec.para("제5장 스마트도시서비스 구축 계획", style=OUTLINE1, page_break=True)
    sec.para(f"시민 수요와 도시 문제를 바탕으로 {len(plan.services)}개 서비스를 분야별로 선정하였다.")
    letters = "가나다라마바사아자차카타파하"
    labels = list(dict.fromkeys(s.label for s in plan.services))
    rng = random.Random(plan.key)
    for k, label in enumerate(labels):
        sec.para(f"{letters[k]}. {label} 분야", style=OUTLINE2)
        for n, s in enumerate([s for s in plan.services if s.label == label], 1):
            sec.para(f"{n}) {s.name}", style=OUTLINE3)
            sec.para(f"- {s.description}")
            start = plan.period[0] + rng.randrange(0, 3)
            sec.para(f"- 추진시기: {start}년 ~ {min(plan.period[1], start + 2)}년")
    _chapter_after(sec, plan)
    write_hwpx(path, plan.title, sec)


def build_table_hwpx(plan: Plan, path: Path) -> None:
    """One services table whose 분야 cells are merged over rows (cellSpan rowSpan)."""
    sec = Section(plan.title)
    _front(sec, plan, [("제1장 계획의 개요", "1-1"), ("제2장 현황 분석", "2-1"), ("제3장 국내외 사례", "3-1"),
                       ("제4장 비전 및 추진 전략", "4-1"), ("제5장 스마트도시서비스", "5-1"),
                       ("제6장 재원 조달 및 추진 계획", "6-1")])
    _chapters_before(sec, plan, numbered_strategies=False)
    sec.para("제5장 스마트도시서비스", style=OUTLINE1, page_break=True)
    sec.para("1. 서비스 총괄", style=OUTLINE2)
    sec.para("〈표 5-1〉 스마트도시서비스 목록")
    rows = [[s.label, s.name, s.description, "1단계" if i % 2 else "2단계"] for i, s in enumerate(plan.services)]
    sec.table(["분야", "서비스명", "주요 내용", "추진시기"], rows, [7000, 11000, 19000, 5500], merge_first=True)
    _chapter_after(sec, plan)
    write_hwpx(path, plan.title, sec)
