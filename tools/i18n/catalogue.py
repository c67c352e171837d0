"""Keep the message catalogue current: extract every _() message and web label, merge into the .po, compile the .mo.

    python tools/i18n/catalogue.py            # extract + merge + compile; lists messages still without English
    python tools/i18n/catalogue.py --check    # exit 1 if the .po or .mo is out of date (the tests run this check)

Sources: `_("…")` calls in src/scatlas/**/*.py (Babel's Python extractor) and the Korean texts of the web's
MESSAGES table (its English texts seed new entries). Needs Babel (a test extra).
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "scatlas"
PO = PACKAGE / "locale" / "en" / "LC_MESSAGES" / "scatlas.po"
MO = PO.with_suffix(".mo")
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)


def extracted() -> dict[str, tuple[str | None, list[tuple[str, int]]]]:
    """msgid → (English seed or None, [(file, line)])."""
    found: dict[str, tuple[str | None, list[tuple[str, int]]]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords={"_": None, "N_": None}):
        if isinstance(message, str) and message:
            seed, where = found.setdefault(message, (None, []))
            where.append((f"src/scatlas/{filename}", lineno))
    sys.path.insert(0, str(ROOT / "src"))
    from scatlas.web.messages import MESSAGES

    for key, entry in MESSAGES.items():
        ko = entry.get("ko")
        if ko:
            _seed, where = found.get(ko, (None, []))
            found[ko] = (entry.get("en"), where + [(f"web/messages.py:{key}", 0)])
    return found


def build() -> tuple[bytes, bytes, list[str]]:
    """The new .po and .mo bytes and the messages that have no English yet."""
    old = read_po(PO.open("rb")) if PO.exists() else Catalog(locale="en")
    # fixed dates: the same sources give byte-identical .po and .mo files (the check compares them)
    catalog = Catalog(locale="en", domain="scatlas", project="scatlas", version="0.1", charset="utf-8",
                      fuzzy=False, creation_date=FIXED_DATE, revision_date=FIXED_DATE)
    missing = []
    for msgid, (seed, where) in sorted(extracted().items()):
        known = old.get(msgid)
        english = (known.string if known is not None and known.string else None) or seed or ""
        if not english:
            missing.append(msgid)
        catalog.add(msgid, english, locations=[(f, n) for f, n in where])
    po, mo = io.BytesIO(), io.BytesIO()
    write_po(po, catalog, width=110, omit_header=False, sort_output=True, no_location=True)
    write_mo(mo, catalog, use_fuzzy=False)
    return po.getvalue(), mo.getvalue(), missing


def _stable(po: bytes) -> bytes:
    """The .po without its creation date (which changes on every run)."""
    return b"\n".join(line for line in po.splitlines() if not line.startswith(b'"POT-Creation-Date'))


def main(argv: list[str]) -> int:
    po, mo, missing = build()
    if "--check" in argv:
        current_po = PO.read_bytes() if PO.exists() else b""
        current_mo = MO.read_bytes() if MO.exists() else b""
        stale = _stable(po) != _stable(current_po) or mo != current_mo
        if stale:
            print("the message catalogue is out of date: run python tools/i18n/catalogue.py")
        for m in missing:
            print(f"no English for: {m}")
        return 1 if stale or missing else 0
    PO.parent.mkdir(parents=True, exist_ok=True)
    if _stable(po) != _stable(PO.read_bytes() if PO.exists() else b""):
        PO.write_bytes(po)
    MO.write_bytes(mo)
    print(f"{PO.relative_to(ROOT)}, {MO.relative_to(ROOT)}: written")
    for m in missing:
        print(f"no English yet (add msgstr in the .po, run again): {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
