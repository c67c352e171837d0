"""Text clean-up shared by the readers: NFC, control characters out, garbled text recognised."""

from __future__ import annotations

import re
import unicodedata

# C0/C1 controls except tab and newline; U+FFFE/U+FFFF non-characters
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_CID = re.compile(r"\(cid:\d+\)")


def clean(text: str) -> str:
    """NFC text without control characters; old Hangul in conjoining jamo and U+2027 pass through unchanged."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", text)


_PUA = re.compile(r"[\ue000-\uf8ff]")


def old_hangul(text: str) -> str:
    """Hanyang private-use old-Hangul syllables (written by Hancom Office) as standard conjoining jamo."""
    if not _PUA.search(text):
        return text
    import hypua2jamo  # lazy: only documents with private-use characters need the table

    return hypua2jamo.translate(text)


def squash(text: str) -> str:
    """Runs of spaces (including ideographic and no-break spaces) as one space, ends stripped."""
    return _SPACES.sub(" ", text).strip()


# undecodable output: private-use and replacement characters, controls other than whitespace
_BAD = re.compile("[\ue000-\uf8ff\ufffd\U000f0000-\U0010ffff\x00-\x08\x0e-\x1f\x7f-\x9f]")
_WHITESPACE = re.compile(r"\s+")


def garbled_share(text: str) -> float:
    """The share of visible characters that are undecodable: `(cid:N)` codes, private-use or replacement chars."""
    visible = _WHITESPACE.sub("", text)
    if not visible:
        return 0.0
    cid_chars = sum(len(m) for m in _CID.findall(visible))
    bad = len(_BAD.findall(_CID.sub("", visible)))
    return (bad + cid_chars) / len(visible)


#: a page (or document) whose visible text is more than this share undecodable is garbled
GARBLED_THRESHOLD = 0.3
