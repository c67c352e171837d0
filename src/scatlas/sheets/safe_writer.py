"""One spreadsheet-safe writer for every command that writes CSV or XLSX.

Text a spreadsheet would run as a formula (CSV injection: '=', '+', '@', tab/CR, or '-' before a formula start) gets a
leading apostrophe; CSV is UTF-8 with a BOM so Excel on Korean Windows shows Hangul.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

_FORMULA = re.compile(r"^(?:[=+@\t\r]|-[\d=+@(])")


def spreadsheet_safe(value: Any) -> Any:
    """Text made inert for Excel/LibreOffice: a leading apostrophe before anything formula-like; None → ''."""
    if value is None:
        return ""
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def csv_chunks(header: Sequence[str], rows: Iterable[Mapping[str, Any]], batch: int = 500) -> Iterator[str]:
    """Spreadsheet-safe CSV as text chunks (a BOM first, so Excel shows Hangul), for streaming a download."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    buf.write("\ufeff")
    writer.writerow(header)
    for n, row in enumerate(rows, start=1):
        writer.writerow([spreadsheet_safe(row.get(column)) for column in header])
        if n % batch == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def write_csv(path: str | Path, header: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """Write dict rows (keys outside the header ignored) as spreadsheet-safe UTF-8-BOM CSV."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.writelines(csv_chunks(header, rows))


def write_xlsx(
    path: str | Path, header: Sequence[str], rows: Iterable[Mapping[str, Any]], sheet: str = "services"
) -> int:
    """Write dict rows as a spreadsheet-safe XLSX (streamed: write-only workbook); returns the row count."""
    from openpyxl import Workbook  # lazy: heavy
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.freeze_panes = "A2"
    ws.append(list(header))
    n = 0
    for row in rows:
        ws.append([spreadsheet_safe(row.get(column)) for column in header])
        n += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(max(len(header), 1))}{n + 1}"
    wb.save(path)
    return n


#: Output format -> file suffix, so a default output name always follows the format.
SUFFIXES = {"csv": ".csv", "json": ".json", "xlsx": ".xlsx"}
