"""The two text helpers plan metadata needs (kept here so the module sits below ingest and extract)."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u3000\u2002-\u200b]+")


def nfc(text: str | None) -> str:
    """The text in NFC; '' for None."""
    return unicodedata.normalize("NFC", text) if text else ""


def collapse(text: str) -> str:
    """Runs of spaces and tabs as one space, trimmed."""
    return _SPACES.sub(" ", text).strip()
