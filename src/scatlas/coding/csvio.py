"""The CSV files researchers hand the coder: read with the shared reader, written with the shared safe writer."""

from __future__ import annotations

from pathlib import Path

from scatlas.errors import DocumentError, ScatlasError
from scatlas.sheets.csv_reader import BadRow, read_csv_rows
from scatlas.sheets.safe_writer import write_csv as _write_safe_csv


class CsvInputError(ScatlasError, ValueError):
    """A CSV file that cannot be used: names the file and the reason."""


def read_csv(
    path: str | Path, required: tuple[str, ...] = ("name",), bad_rows: list[BadRow] | None = None
) -> tuple[list[str], list[dict[str, str]], str]:
    """The header, rows and encoding of a CSV file (UTF-8, UTF-8-BOM, CP949/EUC-KR, UTF-16 with BOM).

    A row that cannot be decoded or parsed is skipped and appended to ``bad_rows`` (with its line number); the file
    is refused (CsvInputError) only when it is unreadable as a whole or a required column is missing.
    """
    path = Path(path)
    try:
        table = read_csv_rows(path)
    except DocumentError as exc:
        raise CsvInputError(exc.message) from None
    if not table.rows:
        raise CsvInputError(f"{path}: the file is empty")
    header = [h.strip() for h in table.rows[0][1]]
    rows = []
    for _, cells in table.rows[1:]:
        if not any(c.strip() for c in cells):
            continue
        row = {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(header)}
        rows.append(row)
    if bad_rows is not None:
        bad_rows.extend(table.bad_rows)
    missing = [c for c in required if c not in header]
    if missing:
        shown = ", ".join(header) if header else "none"
        raise CsvInputError(f"{path}: no {', '.join(repr(m) for m in missing)} column (columns found: {shown})")
    return header, rows, table.encoding


def write_csv(path: str | Path, header: list[str], rows: list[dict[str, object]]) -> None:
    """Writes rows as spreadsheet-safe UTF-8 with a BOM, so Excel on Korean Windows opens the Hangul correctly."""
    _write_safe_csv(path, header, rows)
