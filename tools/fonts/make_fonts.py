"""Build scatlas's Korean font files from NanumGothic (SIL OFL 1.1) with fontTools.

    python tools/fonts/make_fonts.py NanumGothic.ttf NanumGothicBold.ttf

(the two files as shipped in koreanize-matplotlib 0.1.1's wheel, or Debian's fonts-nanum). Writes into
src/scatlas/data/fonts/:

- ScatlasGothic-Regular.ttf / -Bold.ttf: for charts (matplotlib) and the PDF (reportlab). Every Hangul syllable,
  jamo, Latin, punctuation and the CJK ideographs NanumGothic has; hinting and Visual TrueType's private TSI*
  tables dropped (Chromium's OpenType Sanitizer refuses NanumGothic's zero-length TSI3); a real minus sign U+2212
  added (NanumGothic has none: the PDF printed −0.9%p as a blank).
- ScatlasGothic-Regular.woff2 / -Bold.woff2: the same fonts for the web dashboard.

The OFL reserves the names Nanum and NanumGothic for the original: a modified font must carry another name, so
these are called "Scatlas Gothic". Needs fontTools and brotli (pip install fonttools brotli).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

OUT = Path(__file__).resolve().parents[2] / "src" / "scatlas" / "data" / "fonts"
FAMILY = "Scatlas Gothic"
#: Unicode ranges kept (NanumGothic's own coverage inside them; nothing is invented but U+2212).
RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x2000, 0x206F), (0x2070, 0x209F), (0x20A0, 0x20CF), (0x2100, 0x215F),
          (0x2160, 0x218F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF), (0x2500, 0x257F),
          (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x3000, 0x303F), (0x3130, 0x318F), (0x3200, 0x32FF),
          (0x3300, 0x33FF), (0x1100, 0x11FF), (0xA960, 0xA97F), (0xD7B0, 0xD7FF), (0xAC00, 0xD7A3),
          (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF)]
MINUS = 0x2212


def add_minus(font: TTFont) -> None:
    """A minus sign as wide as '+', its bar as thick as the hyphen's, centred on the plus sign's bar."""
    cmap = font.getBestCmap()
    glyf, hmtx = font["glyf"], font["hmtx"]
    plus, hyphen = glyf[cmap[ord("+")]], glyf[cmap[ord("-")]]
    plus.recalcBounds(glyf)
    hyphen.recalcBounds(glyf)
    thick = hyphen.yMax - hyphen.yMin
    mid = (plus.yMin + plus.yMax) / 2
    lo, hi = round(mid - thick / 2), round(mid - thick / 2) + thick
    pen = TTGlyphPen(None)
    pen.moveTo((plus.xMin, lo))
    pen.lineTo((plus.xMin, hi))
    pen.lineTo((plus.xMax, hi))
    pen.lineTo((plus.xMax, lo))
    pen.closePath()
    name = "uni2212"
    glyf[name] = pen.glyph()
    hmtx[name] = (hmtx[cmap[ord("+")]][0], plus.xMin)
    font.setGlyphOrder(font.getGlyphOrder() + [name]) if name not in font.getGlyphOrder() else None
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[MINUS] = name
    font["maxp"].numGlyphs = len(font.getGlyphOrder())


def rename(font: TTFont, bold: bool) -> None:
    """Scatlas Gothic Regular/Bold in every name record (the OFL keeps 'NanumGothic' for the original)."""
    style = "Bold" if bold else "Regular"
    ps = f"ScatlasGothic-{style}"
    values = {1: FAMILY, 2: style, 3: f"{ps};scatlas", 4: f"{FAMILY} {style}", 6: ps, 16: FAMILY, 17: style,
              13: "SIL Open Font License 1.1 (see OFL.txt beside this file)",
              14: "https://openfontlicense.org",
              5: "Version 1.0; subset of NanumGothic by scatlas (tools/fonts/make_fonts.py)"}
    table = font["name"]
    table.names = [n for n in table.names if n.nameID not in values]
    for name_id, value in values.items():
        table.setName(value, name_id, 3, 1, 0x409)
        table.setName(value, name_id, 1, 0, 0)
    font["OS/2"].usWeightClass = 700 if bold else 400
    font["OS/2"].fsSelection = (font["OS/2"].fsSelection & ~0b1100001) | (0b100000 if bold else 0b1000000)
    font["head"].macStyle = 1 if bold else 0


def build(source: Path, bold: bool) -> list[Path]:
    font = TTFont(source)
    options = subset.Options()
    options.hinting = False  # drops fpgm/prep/cvt and the hinting instructions
    options.drop_tables += ["TSI0", "TSI1", "TSI2", "TSI3", "TSI5", "kern"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    sub = subset.Subsetter(options)
    cmap = font.getBestCmap()
    sub.populate(unicodes=[u for lo, hi in RANGES for u in range(lo, hi + 1) if u in cmap])
    sub.subset(font)
    add_minus(font)
    rename(font, bold)
    OUT.mkdir(parents=True, exist_ok=True)
    stem = f"ScatlasGothic-{'Bold' if bold else 'Regular'}"
    ttf = OUT / f"{stem}.ttf"
    font.flavor = None
    font.save(ttf)
    woff2 = OUT / f"{stem}.woff2"
    web = TTFont(ttf)
    web.flavor = "woff2"
    web.save(woff2)
    return [ttf, woff2]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    for path, bold in ((Path(argv[0]), False), (Path(argv[1]), True)):
        for out in build(path, bold):
            print(f"{out.relative_to(OUT.parents[3])}: {out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
