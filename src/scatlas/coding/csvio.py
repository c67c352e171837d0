"""Reading the CSV files researchers hand us (UTF-8, UTF-8 with BOM or CP949) and writing coded ones."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from scatlas.errors import ScatlasError

#: Tried in order. CP949 is the Korean Windows encoding Excel writes ("CSV" without "UTF-8").
ENCODINGS = ("utf-8-sig", "cp949")


class CsvInputError(ScatlasError, ValueError):
    """A CSV file that cannot be used: names the file and the reason."""


def read_csv(path: str | Path, required: tuple[str, ...] = ("name",)) -> tuple[list[str], list[dict[str, str]], str]:
    """The header, rows and encoding of a CSV file; CsvInputError if unreadable or a required column is missing."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CsvInputError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    if not data.strip():
        raise CsvInputError(f"{path}: the file is empty")
    text, encoding = None, None
    for enc in ENCODINGS:
        try:
            text, encoding = data.decode(enc), enc
            break
        except UnicodeDecodeError:
            continue
    if text is None or encoding is None:
        raise CsvInputError(f"{path}: not UTF-8 or CP949 text; save it as 'CSV UTF-8' and try again")
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = [h.strip() for h in (reader.fieldnames or [])]
        reader.fieldnames = header
        rows = []
        for row in reader:
            rows.append({k: (v if isinstance(v, str) else "" if v is None else ";".join(v))
                         for k, v in row.items() if k is not None})
    except csv.Error as exc:
        raise CsvInputError(f"{path}, line {reader.line_num}: {exc}") from None
    missing = [c for c in required if c not in header]
    if missing:
        shown = ", ".join(header) if header else "none"
        raise CsvInputError(f"{path}: no {', '.join(repr(m) for m in missing)} column (columns found: {shown})")
    return header, rows, encoding


def write_csv(path: str | Path, header: list[str], rows: list[dict[str, object]]) -> None:
    """Writes rows as UTF-8 with a BOM, so Excel on Korean Windows opens the Hangul correctly."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
