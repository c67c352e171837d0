"""PDF: reading order, tables (merged cells, continued over pages), running headers, damage and limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pdfencrypt import StandardEncryption

from scatlas.errors import DocumentError
from scatlas.ingest import Limits, Table, TextBlock, read_document

from .builders import H, W, build_pdf, grid_table, landscape_size, rotated_page, shape_only, text


def lines(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text for b in doc.blocks() if isinstance(b, TextBlock)]


def code_of(path: Path, **kw) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(DocumentError) as err:
        read_document(path, **kw)
    return err.value.code


def test_lines_are_ordered_by_position_not_file_order(tmp_path: Path) -> None:
    # the footer is written first, the right-hand piece before the left-hand one
    path = build_pdf(
        tmp_path / "order.pdf",
        [
            lambda c: [
                f(c)
                for f in (
                    text(280, 30, "각주: 2023년 기준"),
                    text(72, H - 72, "스마트도시계획"),
                    text(300, H - 100, "오른쪽"),
                    text(72, H - 100, "왼쪽"),
                )
            ]
        ],
    )
    assert lines(read_document(path)) == ["스마트도시계획", "왼쪽 오른쪽", "각주: 2023년 기준"]


def test_page_numbers_are_physical_and_one_based(tmp_path: Path) -> None:
    path = build_pdf(tmp_path / "p.pdf", [text(72, 700, "첫 쪽"), text(72, 700, "둘째 쪽")])
    doc = read_document(path)
    assert doc.page_count == 2 and [p.number for p in doc.pages] == [1, 2]
    assert [b.page for b in doc.blocks()] == [1, 2]


def test_merged_cells_become_spans_and_table_text_is_not_repeated(tmp_path: Path) -> None:
    rows = [
        ["분야", "서비스명", "시기"],
        ["교통", "스마트 횡단보도", "2024"],
        [None, "주차 공유", "2025"],
        ["합계: 2개 서비스", None, None],
    ]
    path = build_pdf(
        tmp_path / "merged.pdf",
        [
            lambda c: [
                f(c)
                for f in (
                    text(72, 760, "〈표 4-1〉 스마트도시서비스 목록"),
                    grid_table(72, 740, [100, 200, 100], rows, merges=[(1, 0, 2, 1), (3, 0, 1, 3)]),
                    text(72, 600, "표 아래 본문"),
                )
            ]
        ],
    )
    doc = read_document(path)
    blocks = doc.pages[0].blocks
    assert [type(b).__name__ for b in blocks] == ["TextBlock", "Table", "TextBlock"]
    table = blocks[1]
    assert isinstance(table, Table) and (table.n_rows, table.n_cols) == (4, 3)
    assert table.grid() == [
        ["분야", "서비스명", "시기"],
        ["교통", "스마트 횡단보도", "2024"],
        ["", "주차 공유", "2025"],
        ["합계: 2개 서비스", "", ""],
    ]
    origin = {(c.row, c.col): c for c in table.cells}
    assert (origin[(1, 0)].row_span, origin[(3, 0)].col_span) == (2, 3)
    assert table.page == 1
    assert not any("횡단보도" in t for t in lines(doc))


def _running(page_no: int):  # type: ignore[no-untyped-def]
    def draw(c):  # type: ignore[no-untyped-def]
        text(72, H - 40, "목포시 스마트도시계획(2023~2027)", 9)(c)
        text(W / 2 - 10, 30, f"- {page_no} -", 9)(c)

    return draw


def test_table_continued_over_page_break_is_joined_without_repeated_header(tmp_path: Path) -> None:
    header = ["분야", "서비스명"]
    first = [header] + [["교통", f"서비스 {i}"] for i in range(1, 4)]
    second = [header] + [["안전", f"서비스 {i}"] for i in range(4, 6)]
    pages = [
        lambda c: [
            f(c) for f in (_running(1), text(72, 760, "〈표 4-1〉 서비스 목록"), grid_table(72, 740, [100, 200], first))
        ],
        lambda c: [f(c) for f in (_running(2), grid_table(72, 780, [100, 200], second), text(72, 600, "다음 절"))],
        lambda c: [f(c) for f in (_running(3), text(72, 760, "셋째 쪽 본문"))],
    ]
    doc = read_document(build_pdf(tmp_path / "cont.pdf", pages))
    found = [b for b in doc.blocks() if isinstance(b, Table)]
    assert len(found) == 1
    table = found[0]
    assert [row[1] for row in table.grid()] == ["서비스명"] + [f"서비스 {i}" for i in range(1, 6)]
    assert table.row_pages == [1, 1, 1, 1, 2, 2]
    assert table.page_of_row(5) == 2
    assert any("joined 1 table" in w for w in doc.warnings)


def test_running_header_and_page_numbers_are_dropped_with_one_warning(tmp_path: Path) -> None:
    pages = [lambda c, i=i: [f(c) for f in (_running(i), text(72, 700, f"본문 {i}쪽 내용"))] for i in range(1, 6)]
    doc = read_document(build_pdf(tmp_path / "run.pdf", pages))
    assert lines(doc) == [f"본문 {i}쪽 내용" for i in range(1, 6)]
    notes = [w for w in doc.warnings if "running headers" in w]
    assert len(notes) == 1 and "목포시 스마트도시계획(2023~2027)" in notes[0]


def test_body_line_repeated_mid_page_is_kept(tmp_path: Path) -> None:
    pages = [
        lambda c: [
            f(c)
            for f in (
                text(72, 760, "머리"),
                text(72, 500, "○ 서비스 개요"),
                text(72, 480, "설명"),
                text(72, 100, "꼬리"),
            )
        ]
        for _ in range(4)
    ]
    doc = read_document(build_pdf(tmp_path / "mid.pdf", pages))
    assert lines(doc).count("○ 서비스 개요") == 4


def test_password_protected_pdf_is_encrypted(tmp_path: Path) -> None:
    enc = StandardEncryption("user-secret", ownerPassword="owner-secret", canPrint=0)
    path = build_pdf(tmp_path / "enc.pdf", [text(72, 700, "비밀")], encrypt=enc)
    assert code_of(path) == "encrypted"


def test_image_only_pdf_has_no_text_layer(tmp_path: Path) -> None:
    path = build_pdf(tmp_path / "scan.pdf", [shape_only, shape_only])
    assert code_of(path) == "no_text_layer"


def test_some_image_only_pages_are_a_warning(tmp_path: Path) -> None:
    doc = read_document(build_pdf(tmp_path / "mixed.pdf", [text(72, 700, "본문"), shape_only]))
    assert any("1 page(s) without a text layer" in w and ": 2" in w for w in doc.warnings)


@pytest.mark.parametrize("keep", [0.3, 0.7, 0.98])
def test_truncated_pdf_is_corrupt(tmp_path: Path, keep: float) -> None:
    full = build_pdf(tmp_path / "full.pdf", [text(72, 700, f"본문 {i}") for i in range(5)]).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(full[: int(len(full) * keep)])
    assert code_of(path) == "corrupt"


def test_rotated_and_landscape_pages_read_upright(tmp_path: Path) -> None:
    path = tmp_path / "rot.pdf"
    build_pdf(path, [rotated_page(["가로 표 제목", "둘째 줄", "셋째 줄"])])
    assert lines(read_document(path)) == ["가로 표 제목", "둘째 줄", "셋째 줄"]
    wide = build_pdf(
        tmp_path / "wide.pdf",
        [lambda c: [text(72, 500, "가로 쪽 위")(c), text(600, 100, "아래 오른쪽")(c)]],
        pagesize=landscape_size(),
    )
    assert lines(read_document(wide)) == ["가로 쪽 위", "아래 오른쪽"]


def test_private_use_text_is_garbled(tmp_path: Path) -> None:
    junk = "".join(chr(0xE000 + i) for i in range(40))
    path = build_pdf(tmp_path / "cid.pdf", [text(72, 700, junk), text(72, 700, junk + " 가")])
    assert code_of(path) == "garbled_text"


def test_page_limit_is_too_large(tmp_path: Path) -> None:
    path = build_pdf(tmp_path / "many.pdf", [text(72, 700, f"{i}쪽 본문") for i in range(12)])
    assert code_of(path, limits=Limits(max_pages=10)) == "too_large"


@pytest.mark.slow
def test_two_thousand_page_pdf_reads_page_by_page(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas as rl_canvas

    path = tmp_path / "long.pdf"
    c = rl_canvas.Canvas(str(path), pageCompression=1)
    for i in range(2000):
        c.setFont("Helvetica", 11)
        c.drawString(72, 40, f"Plan p. {i + 1}")
        # a body line that changes by more than a number (a number alone would look like a running footer)
        c.drawString(72, 700, "Service " + "".join(chr(65 + int(d)) for d in str(i)))
        c.showPage()
    c.save()
    doc = read_document(path)
    assert doc.page_count == 2000 and len(doc.pages) == 2000
    assert lines(doc)[:2] == ["Service A", "Service B"] and len(lines(doc)) == 2000


def test_table_on_rotated_page_keeps_rows_and_columns(tmp_path: Path) -> None:
    from .builders import FONT

    def draw(c):  # type: ignore[no-untyped-def]
        c.setPageRotation(90)
        c.saveState()
        c.translate(W, 0)
        c.rotate(90)
        c.setFont(FONT, 11)
        c.drawString(72, W - 60, "가로 표")
        grid_table(
            72, W - 80, [120, 200], [["분야", "서비스명"], ["교통", "스마트 횡단보도"], ["안전", "지능형 CCTV"]]
        )(c)
        c.restoreState()

    doc = read_document(build_pdf(tmp_path / "rot_table.pdf", [draw]))
    blocks = doc.pages[0].blocks
    assert isinstance(blocks[0], TextBlock) and blocks[0].text == "가로 표"
    assert isinstance(blocks[1], Table)
    assert blocks[1].grid() == [["분야", "서비스명"], ["교통", "스마트 횡단보도"], ["안전", "지능형 CCTV"]]


def test_caption_line_names_the_table_and_continued_caption_is_absorbed(tmp_path: Path) -> None:
    header = ["분야", "서비스명"]
    pages = [
        lambda c: [
            f(c)
            for f in (
                text(72, 760, "〈표 4-1〉 스마트도시서비스 목록"),
                grid_table(72, 740, [100, 200], [header, ["교통", "서비스 1"]]),
            )
        ],
        lambda c: [
            f(c)
            for f in (
                text(72, 800, "〈표 4-1〉 스마트도시서비스 목록(계속)"),
                grid_table(72, 780, [100, 200], [header, ["안전", "서비스 2"]]),
            )
        ],
    ]
    doc = read_document(build_pdf(tmp_path / "cap.pdf", pages))
    found = [b for b in doc.blocks() if isinstance(b, Table)]
    assert len(found) == 1 and found[0].caption == "〈표 4-1〉 스마트도시서비스 목록"
    assert [r[1] for r in found[0].grid()] == ["서비스명", "서비스 1", "서비스 2"]
    assert "〈표 4-1〉 스마트도시서비스 목록(계속)" not in lines(doc)


def test_one_garbled_page_among_readable_ones_is_skipped_with_a_warning(tmp_path: Path) -> None:
    junk = "".join(chr(0xE000 + i) for i in range(40))
    path = build_pdf(
        tmp_path / "part.pdf", [text(72, 700, "첫 쪽 본문"), text(72, 700, junk), text(72, 700, "셋째 쪽")]
    )
    doc = read_document(path)
    assert lines(doc) == ["첫 쪽 본문", "셋째 쪽"]
    assert any("1 page(s) with undecodable text" in w and ": 2" in w for w in doc.warnings)


LEFT = [f"왼쪽 단 {i}번째 줄: 스마트 버스정류장 실시간 정보" for i in range(1, 9)]
RIGHT = [f"오른쪽 단 {i}번째 줄: 지능형 CCTV 통합 관제" for i in range(1, 9)]


@pytest.mark.parametrize("interleaved", [False, True])
def test_two_column_page_reads_left_column_then_right(tmp_path: Path, interleaved: bool) -> None:
    def draw(c):  # type: ignore[no-untyped-def]
        text(72, 780, "제3장 스마트도시서비스 구축 계획 — 두 단으로 짠 쪽의 제목은 두 단에 걸친다")(c)
        order = (
            [(i, side) for i in range(8) for side in (0, 1)]
            if interleaved
            else [(i, 0) for i in range(8)] + [(i, 1) for i in range(8)]
        )
        for i, side in order:
            text(72 if side == 0 else 320, 740 - 18 * i, (LEFT if side == 0 else RIGHT)[i], 10)(c)
        text(72, 560, "두 단 아래에 다시 한 단으로 쓴 문단이 이어진다: 추진 일정과 소요 예산")(c)

    doc = read_document(build_pdf(tmp_path / "cols.pdf", [draw]))
    assert lines(doc) == [
        "제3장 스마트도시서비스 구축 계획 — 두 단으로 짠 쪽의 제목은 두 단에 걸친다",
        *LEFT,
        *RIGHT,
        "두 단 아래에 다시 한 단으로 쓴 문단이 이어진다: 추진 일정과 소요 예산",
    ]


def test_table_of_contents_keeps_page_numbers_on_their_lines(tmp_path: Path) -> None:
    entries = [
        ("1. 개요", "5"),
        ("2. 현황 분석", "12"),
        ("3. 스마트도시서비스", "57"),
        ("3.1 교통", "58"),
        ("3.2 방범·방재", "64"),
        ("3.3 환경·에너지·수자원", "71"),
        ("4. 기반시설", "88"),
        ("5. 재원", "102"),
    ]

    def draw(c):  # type: ignore[no-untyped-def]
        for i, (title, page) in enumerate(entries):
            text(72, 760 - 20 * i, title)(c)
            text(520, 760 - 20 * i, page)(c)

    doc = read_document(build_pdf(tmp_path / "toc.pdf", [draw]))
    assert lines(doc) == [f"{t} {p}" for t, p in entries]


def test_title_plus_chapter_headers_are_dropped_but_the_cover_title_stays(tmp_path: Path) -> None:
    title = "고양시 스마트도시계획(2024~2028)"
    chapters = [
        "제1장 계획의 개요",
        "제2장 현황 분석",
        "제3장 국내외 사례",
        "제4장 비전 및 추진 전략",
        "제5장 스마트도시서비스",
    ]

    def cover(c):  # type: ignore[no-untyped-def]
        text(150, 500, title, 20)(c)
        text(220, 460, "2023. 12.")(c)

    def page(i: int):  # type: ignore[no-untyped-def]
        return lambda c: [
            f(c)
            for f in (
                text(72, H - 40, f"{title} {chapters[i]}", 9),
                text(72, 700, f"{i + 1}장 본문"),
                text(W / 2, 30, str(i + 2), 9),
            )
        ]

    doc = read_document(build_pdf(tmp_path / "chap.pdf", [cover] + [page(i) for i in range(5)]))
    assert lines(doc) == [title, "2023. 12."] + [f"{i + 1}장 본문" for i in range(5)]


def test_numbered_figure_captions_at_page_feet_are_kept(tmp_path: Path) -> None:
    def page(i: int):  # type: ignore[no-untyped-def]
        caption = [text(72, 60, f"[그림 5-{i // 2 + 1}] 서비스 구성도")] if i % 2 else []
        return lambda c: [f(c) for f in [text(72, 700, f"서비스 {i} 설명"), *caption]]

    doc = read_document(build_pdf(tmp_path / "fig.pdf", [page(i) for i in range(10)]))
    assert [t for t in lines(doc) if t.startswith("[그림")] == [f"[그림 5-{k}] 서비스 구성도" for k in range(1, 6)]


def test_graph_paper_page_is_not_searched_for_tables(tmp_path: Path) -> None:
    def graph_paper(c):  # type: ignore[no-untyped-def]
        text(72, 800, "모눈 도면")(c)
        for i in range(120):
            c.line(50, 50 + i * 6, 550, 50 + i * 6)
            c.line(50 + i * 4, 50, 50 + i * 4, 770)

    doc = read_document(build_pdf(tmp_path / "grid.pdf", [graph_paper]))
    assert lines(doc) == ["모눈 도면"]
    assert not any(isinstance(b, Table) for b in doc.blocks())
    assert any("ruled too densely" in w for w in doc.warnings)


ROWS = [["분야", "서비스명"], ["교통", "스마트 횡단보도"], ["안전", "지능형 CCTV"]]


def _cell_texts(c, xs, ys):  # type: ignore[no-untyped-def]
    from .builders import FONT

    c.setFont(FONT, 10)
    for r, row in enumerate(ROWS):
        for k, s in enumerate(row):
            c.drawString(xs[k] + 4, ys[r] - 14, s)


@pytest.mark.parametrize("style", ["one_path", "cell_rects", "thin_filled_bars"])
def test_table_rules_drawn_in_any_style_are_found(tmp_path: Path, style: str) -> None:
    xs, ys = [72, 172, 372], [700, 680, 660, 640]

    def draw(c):  # type: ignore[no-untyped-def]
        if style == "one_path":  # every rule in a single path object, as some converters write them
            p = c.beginPath()
            for y in ys:
                p.moveTo(xs[0], y)
                p.lineTo(xs[-1], y)
            for x in xs:
                p.moveTo(x, ys[0])
                p.lineTo(x, ys[-1])
            c.drawPath(p, stroke=1, fill=0)
        elif style == "cell_rects":  # each cell stroked as its own rectangle
            for r in range(3):
                for k in range(2):
                    c.rect(xs[k], ys[r + 1], xs[k + 1] - xs[k], ys[r] - ys[r + 1], stroke=1, fill=0)
        else:  # borders as thin filled rectangles (word processors' PDF export)
            for y in ys:
                c.rect(xs[0], y - 0.25, xs[-1] - xs[0], 0.5, stroke=0, fill=1)
            for x in xs:
                c.rect(x - 0.25, ys[-1], 0.5, ys[0] - ys[-1], stroke=0, fill=1)
        _cell_texts(c, xs, ys)

    doc = read_document(build_pdf(tmp_path / f"{style}.pdf", [draw]))
    tables = [b for b in doc.blocks() if isinstance(b, Table)]
    assert len(tables) == 1 and tables[0].grid() == ROWS
    assert lines(doc) == []


def test_glyph_by_glyph_text_objects_read_as_whole_lines(tmp_path: Path) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from .builders import FONT

    sentence = "스마트 버스정류장은 실시간 도착 정보를 제공한다"

    def draw(c):  # type: ignore[no-untyped-def]
        for k in range(3):
            x = 72.0
            for ch in sentence:  # one text object per glyph, as some converters write Korean
                c.setFont(FONT, 10)
                c.drawString(x, 700 - 20 * k, ch)
                x += stringWidth(ch, FONT, 10)
        text(400, 700, "오른쪽 끝")(c)

    doc = read_document(build_pdf(tmp_path / "glyphs.pdf", [draw]))
    assert lines(doc) == [f"{sentence} 오른쪽 끝", sentence, sentence]
