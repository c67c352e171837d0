"""One spreadsheet-safe writer for every command that writes CSV or XLSX.

Text a spreadsheet would run as a formula (CSV injection: '=', '+', '@', tab/CR, or '-' before a formula start) gets a
leading apostrophe; CSV is UTF-8 with a BOM so Excel on Korean Windows shows Hangul.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
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


def write_csv(path: str | Path, header: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> int:
    """Write dict rows (keys outside the header ignored) as spreadsheet-safe UTF-8-BOM CSV; returns the row count."""
    n = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for row in rows:
            writer.writerow([spreadsheet_safe(row.get(column)) for column in header])
            n += 1
    return n


def write_xlsx(path: str | Path, header: Sequence[str], rows: Iterable[Mapping[str, Any]],
               sheet: str = "services") -> int:
    """Write dict rows as a spreadsheet-safe XLSX (streamed: write-only workbook); returns the row count."""
    from openpyxl import Workbook  # lazy: heavy

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.freeze_panes = "A2"
    ws.append(list(header))
    n = 0
    for row in rows:
        ws.append([spreadsheet_safe(row.get(column)) for column in header])
        n += 1
    wb.save(path)
    return n


#: Output format -> file suffix, so a default output name always follows the format.
SUFFIXES = {"csv": ".csv", "json": ".json", "xlsx": ".xlsx"}
