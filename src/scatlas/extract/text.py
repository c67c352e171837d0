"""Text clean-up shared by the extractors: NFC, joined cell lines, numbering and bullets, name folding."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u3000\u2002-\u200b]+")
# Bullet characters seen at the start of lines, including converted-document artefacts (Ÿ, , ).
BULLETS = "□■◇◆○●◦ㅇㆍ·•∙‧・-–—*※▶▷►▸▪▫➢➤❍▣◈◎◼◻Ÿ\uf0a7\uf09f\uf06c\uf0d8"
_LEADING_BULLET = re.compile(rf"^[{re.escape(BULLETS)}]+\s*")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
#: Numbering at the start of a name: '1.', '1)', '(1)', '①', '3-1.', '가.', '가)', '[1]', 'Ⅰ.'.
_NUMBERING = re.compile(
    # a bare number without '.' or ')' numbers an item only up to 99: '112 긴급출동 지원' is a name
    rf"^(?:\(?\d{{1,3}}(?:[-.]\d{{1,3}}){{0,2}}[.)]|\d{{1,2}}(?:[-.]\d{{1,3}}){{0,2}}(?=\s|$)|\(\d{{1,3}}\)|\[\d{{1,3}}\]|[{_CIRCLED}]"
    r"|[가-하][.)]|\([가-하]\)|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+\.?)\s*"
)
_ONLY_NUMBER = re.compile(rf"^\s*(?:\(?\d{{1,3}}[.)]?|[{_CIRCLED}]|[가-하][.)]?)\s*$")
# Table-of-contents lines: dot leaders (or middle dots) then a page number, possibly '요약-3'.
_TOC_LINE = re.compile(
    r"(?:[.·ㆍ・∙]{3,}|[…‥]{2,}|(?:[.·…]\s){3,})\s*[-–]?\s*(?:[가-힣]{0,3}\s*-\s*)?[\dⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹivxlIVXL]{1,4}\s*[-–]?\s*$"
)
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


#: A service ID as plans print it: 'S-01', 'T-1', 'A01', 'SC-01-2', '교통-01' (Hangul only with a hyphen).
# Letters and digits with no hyphen only as 'A01' (2–3 digits), never a pollutant ('PM10', 'CO2', 'NO2').
_ID = (
    r"(?:[A-Z]{1,4}[-_]\d{1,3}(?:[-_.]\d{1,3})?|(?!PM|CO|NO|SO|CH|NH|H2|O3)[A-Z]{1,3}\d{2,3}(?![.\d])"
    r"|[가-힣]{1,4}-\d{1,3}(?:-\d{1,3})?)"
)
_ID_ONLY = re.compile(rf"^\s*[\[【(<〈]?\s*{_ID}\s*[\]】)>〉]?\s*[.:：)]?\s*$")
# An ID before a name: '[S-03] …', 'S-03 …', 'S-03. …', '교통-01 …', '서비스 3. …'; or after it: '… (S-03)'.
_ID_BEFORE = re.compile(
    rf"^\s*(?:[\[【(<〈]\s*({_ID})\s*[\]】)>〉]\s*[.:：]?|({_ID})\s*[.:：)]?(?=\s)"
    r"|(서비스\s*\d{1,3})\s*[.:：)])\s*"
)
_ID_AFTER = re.compile(rf"\s*[\[【(<〈]\s*({_ID})\s*[\]】)>〉]\s*$")


def is_service_id(text: str) -> bool:
    """True for a cell that holds only a service ID ('S-01', '[T-1]', '교통-01', 'A01')."""
    return bool(_ID_ONLY.match(text))


def split_service_id(text: str) -> tuple[str, str | None]:
    """(the text without a service ID printed before or after it, that ID or None)."""
    match = _ID_BEFORE.match(text)
    if match and match.end() < len(text):
        found = next(g for g in match.groups() if g)
        return text[match.end() :].strip(), re.sub(r"\s+", " ", found)
    match = _ID_AFTER.search(text)
    if match and match.start() > 0:
        return text[: match.start()].strip(), match.group(1)
    return text, None


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
