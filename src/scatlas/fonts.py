"""The Korean font shipped inside the package (Scatlas Gothic, a NanumGothic subset under the SIL OFL 1.1).

Charts, the PDF, the HTML report and the dashboard all load it by file, so Hangul renders with no system font and no
font package that may break on a new Python. `data/fonts/README.md` says how the files were made.
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache
from importlib import resources
from pathlib import Path

FAMILY = "Scatlas Gothic"
WEB_FONTS = {"ScatlasGothic-Regular.woff2": 400, "ScatlasGothic-Bold.woff2": 700}


def font_dir() -> Path:
    """The folder holding the font files (inside the installed package)."""
    return Path(str(resources.files("scatlas.data").joinpath("fonts")))


def ttf(bold: bool = False) -> Path:
    """The TrueType file, regular or bold."""
    return font_dir() / f"ScatlasGothic-{'Bold' if bold else 'Regular'}.ttf"


@lru_cache(maxsize=2)
def _codepoints(bold: bool) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(ttf(bold), lazy=True).getBestCmap())


def missing_characters(text: str) -> list[str]:
    """Characters of `text` (other than spaces and controls) that the font cannot draw."""
    have = _codepoints(False)
    return sorted({c for c in text if ord(c) not in have and not c.isspace() and ord(c) >= 0x20})


def subset_woff(text: str, bold: bool = False) -> bytes:
    """A WOFF font holding just the glyphs `text` needs (plus ASCII), for embedding in a self-contained page."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(ttf(bold))
    options = subset.Options()
    options.flavor = "woff"  # zlib: no brotli needed at run time
    options.name_IDs = ["*"]  # keep the name and licence records
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(text="".join(sorted(set(text))) + "".join(map(chr, range(0x20, 0x7F))))
    sub.subset(font)
    buf = io.BytesIO()
    font.flavor = "woff"
    font.save(buf)
    return buf.getvalue()


def font_face_css(text: str) -> str:
    """@font-face rules (regular and bold) embedding subsets for `text` as data: URLs."""
    rules = []
    for bold in (False, True):
        data = base64.b64encode(subset_woff(text, bold)).decode("ascii")
        rules.append(
            f'@font-face{{font-family:"{FAMILY}";font-weight:{700 if bold else 400};font-style:normal;'
            f'src:url(data:font/woff;base64,{data}) format("woff")}}'
        )
    return "\n".join(rules)
