"""Plan text cleaned for coding: NFC, HTML and table debris removed, bullets and numbering dropped.

Plans are converted from PDF/HWP tables, so a service description arrives with bullets (□ ○ ※ ▶, ``Ÿ`` from
converted Wingdings), list numbering (``1)``, ``가.``, ``①``), table rules and captions, sometimes HTML. None of
that says anything about the service, and left in it becomes features a model learns from the layout of one
plan. Cleaning never removes a Hangul syllable that belongs to a word: numbering such as ``가.`` is only
dropped where it stands alone at the start of a line or after a space.
"""

from __future__ import annotations

import html
import re
import unicodedata

#: Longest text (characters, after cleaning) that is analysed; a 10,000-character description says what the
#: service is in its first paragraphs, and morphological analysis time grows with length.
MAX_CHARS = 2000

_TAG = re.compile(r"<[^<>]{0,200}>")
_CID = re.compile(r"\(cid:\d+\)")
# 〈표 4-1〉, <그림 3-2>, [표 2] captions: table and figure references, not content.
_CAPTION = re.compile(r"[〈<\[【(（]\s*(?:표|그림|도표|Table|Figure)\s*[\d\-–.·]*\s*[〉>\]】)）]", re.IGNORECASE)
# Bullets and symbols used as bullets in plans and their conversions (Ÿ, § and l come from Wingdings glyphs).
_BULLETS = re.compile(r"[□■▢▣◻◼○●◎◦•∙◆◇◈▶▷►▸▹▪▫※☞➢➤✓✔★☆ⅰⅱⅲⅳⅴ❍❏❑⁃‣◯⊙ŸØ]")
_CIRCLED = re.compile(r"[\u2460-\u24ff\u3200-\u32ff\u2776-\u2793]")  # ①②…, ㉠, ⓐ, ❶
# List numbering standing alone: 1) (1) 1. 가. 가) (가) a) i. — only at the start or after whitespace.
_NUMBERING = re.compile(
    r"(?:(?<=\s)|^)(?:\(?\d{1,2}\)|\d{1,2}\.(?!\d)|\(?[가나다라마바사아자차카타파하]\)|[가나다라마바사아자차카타파하]\."
    r"|\(?[a-zA-Z]\)|[ivx]{1,4}\.)(?=\s|$)",
    re.MULTILINE,
)
# A dash or the jamo ㅇ/ㆍ/- used as a bullet at the start of a line or after a space.
_LINE_BULLET = re.compile(r"(?:(?<=\s)|^)[ㅇㆍ\-–—·*>]+(?=\s)", re.MULTILINE)
# Table rules: runs of box-drawing characters, pipes, long dashes or underscores.
_RULES = re.compile(r"[\u2500-\u257f|¦]+|[-=_~.·]{3,}")
_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """The text in Unicode NFC (Hangul syllables composed), empty for None."""
    if not text:
        return ""
    return unicodedata.normalize("NFC", str(text))


def clean_text(text: str | None, max_chars: int = MAX_CHARS) -> str:
    """The text with markup, table debris, bullets and numbering removed and whitespace collapsed.

    >>> clean_text("□ 스마트 버스정류장 <b>구축</b>\\n ① BIS 연계, 1) 실시간 정보 제공")
    '스마트 버스정류장 구축 BIS 연계, 실시간 정보 제공'
    """
    if not text:
        return ""
    # NFKC first would fold ① to 1 and ㈜ to (주); keep the NFC composition and strip those glyphs ourselves.
    out = nfc(text)
    if "<" in out or "&" in out:
        out = html.unescape(_TAG.sub(" ", out))
    out = _CID.sub(" ", out)
    out = _CAPTION.sub(" ", out)
    out = _BULLETS.sub(" ", out)
    out = _CIRCLED.sub(" ", out)
    out = _RULES.sub(" ", out)
    out = _NUMBERING.sub(" ", out)
    out = _LINE_BULLET.sub(" ", out)
    out = out.replace("\u00a0", " ").replace("\u200b", "")
    out = _SPACES.sub(" ", out).strip()
    if len(out) > max_chars:
        cut = out.rfind(" ", 0, max_chars)
        out = out[: cut if cut > max_chars // 2 else max_chars]
    return out


def service_text(name: str | None, description: str | None) -> str:
    """The one text a service is coded from: its name, then its description, cleaned."""
    name_c = clean_text(name)
    desc_c = clean_text(description)
    if name_c and desc_c:
        return f"{name_c}. {desc_c}"
    return name_c or desc_c
