"""The shipped Korean font: valid for browsers (OpenType Sanitizer), complete for Hangul, with a minus sign."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from scatlas import fonts

SHIPPED = sorted(p for p in fonts.font_dir().iterdir() if p.suffix in {".ttf", ".woff2"})


def _sanitize(path) -> tuple[int, str]:
    ots = pytest.importorskip("ots", reason="opentype-sanitizer is a test extra")
    result = ots.sanitize(str(path), "/dev/null", capture_output=True)
    return result.returncode, (result.stdout + result.stderr).decode("utf-8", "replace")


def test_every_shipped_font_passes_the_opentype_sanitizer() -> None:
    assert {p.name for p in SHIPPED} >= {"ScatlasGothic-Regular.ttf", "ScatlasGothic-Bold.ttf", *fonts.WEB_FONTS}
    for path in SHIPPED:
        code, output = _sanitize(path)
        assert code == 0, f"{path.name}: {output}"


def test_the_sanitizer_refuses_a_font_with_a_zero_length_table(tmp_path) -> None:
    # the check can fail: a font with an empty TSI3 table (NanumGothic's defect) is refused
    font = TTFont(fonts.ttf())
    from fontTools.ttLib.tables.DefaultTable import DefaultTable

    empty = DefaultTable("TSI3")
    empty.data = b""
    font["TSI3"] = empty
    bad = tmp_path / "bad.ttf"
    font.save(bad)
    code, output = _sanitize(bad)
    assert code != 0 and "TSI3" in output


@pytest.mark.parametrize("bold", [False, True])
def test_the_font_draws_every_hangul_syllable_jamo_and_the_minus_sign(bold: bool) -> None:
    cmap = TTFont(fonts.ttf(bold), lazy=True).getBestCmap()
    assert all(c in cmap for c in range(0xAC00, 0xD7A4))
    assert all(c in cmap for c in range(0x3131, 0x318F))
    assert all(c in cmap for c in (0x2212, 0x00B7, 0x2014, 0x2013, 0x2192, 0x203A, 0x25B2, 0x25BC, 0x2026))


def test_the_modified_font_does_not_carry_the_reserved_name() -> None:
    for bold in (False, True):
        names = {n.toUnicode() for n in TTFont(fonts.ttf(bold))["name"].names if n.nameID in (1, 4, 6, 16)}
        assert names and not any("Nanum" in n for n in names)
    assert "Reserved Font Name" in (fonts.font_dir() / "OFL.txt").read_text(encoding="utf-8")


def test_an_embedded_subset_holds_only_the_glyphs_a_text_needs() -> None:
    import io

    data = fonts.subset_woff("스마트도시 −0.9%p")
    assert data[:4] == b"wOFF" and len(data) < 40_000
    cmap = TTFont(io.BytesIO(data)).getBestCmap()
    assert {ord(c) for c in "스마트도시−"} <= set(cmap) and ord("가") not in cmap
