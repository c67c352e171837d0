"""Text clean-up shared by the extractors: NFC, joined cell lines, numbering and bullets, name folding."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u3000\u2002-\u200b]+")
# Bullet characters seen at the start of lines, including converted-document artefacts (Ÿ, , ).
BULLETS = "□■◇◆○●◦ㅇㆍ·•∙‧・-–—*※▶▷►▪▫➢➤Ÿ\uf0a7\uf09f\uf06c\uf0d8"
_LEADING_BULLET = re.compile(rf"^[{re.escape(BULLETS)}]+\s*")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
#: Numbering at the start of a name: '1.', '1)', '(1)', '①', '3-1.', '가.', '가)', '[1]', 'Ⅰ.'.
_NUMBERING = re.compile(
    rf"^(?:\(?\d{{1,3}}(?:[-.]\d{{1,3}}){{0,2}}(?:[.)]|(?=\s|$))|\(\d{{1,3}}\)|\[\d{{1,3}}\]|[{_CIRCLED}]"
    r"|[가-하][.)]|\([가-하]\)|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+\.?)\s*"
)
_ONLY_NUMBER = re.compile(rf"^\s*(?:\(?\d{{1,3}}[.)]?|[{_CIRCLED}]|[가-하][.)]?)\s*$")
# Table-of-contents lines: dot leaders (or middle dots) then a page number, possibly '요약-3'.
_TOC_LINE = re.compile(r"(?:[.·ㆍ・∙]{3,}|[…‥]{2,}|(?:[.·…]\s){3,})\s*[-–]?\s*(?:[가-힣]{0,3}\s*-\s*)?[\dⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹivxlIVXL]{1,4}\s*[-–]?\s*$")
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


def nfc(text: str | None) -> str:
    """The text in NFC with compatibility spaces turned into plain ones; '' for None."""
    if not text:
        return ""
    return unicodedata.normalize("NFC", text)


def collapse(text: str) -> str:
    """Runs of spaces and tabs as one space, trimmed."""
    return _SPACES.sub(" ", text).strip()


def strip_bullet(line: str) -> str:
    """The line without its leading bullet characters."""
    return _LEADING_BULLET.sub("", line).strip()


def clean_cell(text: str | None) -> str:
    """A cell's text on one line: lines joined with a space, bullets at line starts dropped, spaces collapsed.

    Joining with a space rather than nothing never glues two words together; a name broken inside a word
    ('스마트 버스\\n정류장') keeps one extra space, which name folding ignores when comparing.
    """
    lines = [strip_bullet(collapse(line)) for line in nfc(text).splitlines()]
    return collapse(" ".join(line for line in lines if line))


def strip_numbering(text: str) -> str:
    """The text without a leading item number ('1)', '①', '3-1.', '가.') or bullet."""
    previous = None
    out = text.strip()
    while previous != out:
        previous = out
        out = _NUMBERING.sub("", strip_bullet(out), count=1).strip()
    return out


def is_only_number(text: str) -> bool:
    """True for cells that hold only an item number ('1', '①', '가.')."""
    return bool(_ONLY_NUMBER.match(text))


def is_toc_line(line: str) -> bool:
    """True for a table-of-contents line: text, dot leaders, a printed page number."""
    return bool(_TOC_LINE.search(line))


def fold_name(name: str) -> str:
    """The comparison key of a service name: NFC, lower case, no spaces or punctuation, no numbering."""
    text = unicodedata.normalize("NFKC", nfc(name))
    text = unicodedata.normalize("NFC", text)
    text = strip_numbering(text)
    return _PUNCT.sub("", text).lower()


def compact(text: str) -> str:
    """The text with every space removed (for matching header words such as '서 비 스 명')."""
    return re.sub(r"\s+", "", nfc(text))
