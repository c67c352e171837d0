"""Line assembly from positioned text pieces: spaces only at real gaps, columns, reading order."""

from __future__ import annotations

from scatlas.ingest.pdf_layout import PageItems, Reading


def piece(left: float, right: float, text: str, top: float = -709.0, bottom: float = -699.7) -> tuple[Reading, str]:
    return Reading(top=top, bottom=bottom, left=left, right=right), text


def test_font_switches_inside_a_word_add_no_space_even_around_a_small_middle_dot() -> None:
    items = PageItems(number=1)
    items.add_pieces(
        [
            piece(229.8, 271.1, "에 모아 경"),
            piece(273.0, 281.6, "찰"),
            piece(282.7, 283.8, "·", top=-705.0, bottom=-703.8),
            piece(285.0, 293.8, "소"),
            piece(295.2, 303.3, "방"),
        ]
    )
    assert [line.text for line in items.lines] == ["에 모아 경찰·소방"]


def test_a_clear_gap_between_pieces_is_a_space() -> None:
    items = PageItems(number=1)
    items.add_pieces([piece(300, 340, "오른쪽"), piece(72, 100, "왼쪽")])
    assert [line.text for line in items.lines] == ["왼쪽 오른쪽"]


def test_lines_follow_each_other_top_down() -> None:
    items = PageItems(number=1)
    items.add_pieces([piece(72, 120, "둘째", top=-690, bottom=-680), piece(72, 120, "첫째", top=-709, bottom=-699)])
    assert [b.text for b in items.blocks()] == ["첫째", "둘째"]  # type: ignore[union-attr]
