"""One CSV reader for every command: UTF-8, UTF-8 with BOM, CP949/EUC-KR and UTF-16 with a BOM.

A row that cannot be decoded or parsed is reported by its line number and skipped; the other rows are kept. A file
is refused whole only when it is not CSV text at all (binary, or most lines undecodable).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from scatlas.errors import DocumentError

MAX_ROWS = 200_000
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
#: Tried in order for files without a BOM. CP949 is what Excel on Korean Windows writes ("CSV", not "CSV UTF-8").
_EIGHT_BIT = ("utf-8", "cp949")


@dataclass
class BadRow:
    """A row left out, with its 1-based line number in the file."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.line}행: {self.reason}"


@dataclass
class CsvRows:
    """The rows of a CSV file as (line number, cells), and how it was read."""

    rows: list[tuple[int, list[str]]]
    encoding: str
    delimiter: str = ","
    bad_rows: list[BadRow] = field(default_factory=list)


def _decode_lines(data: bytes, path: Path) -> tuple[str, str, list[BadRow]]:
    """The text (bad lines blanked, so line numbers stay), the encoding, and the lines that did not decode."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, []
            except UnicodeDecodeError as exc:
                if enc == "utf-16":
                    raise DocumentError(
                        "garbled_text", f"the byte order mark says UTF-16 but byte {exc.start} is not", path=path
                    ) from exc
                data = data[len(bom) :]
                break
    for enc in _EIGHT_BIT:
        try:
            return data.decode(enc), enc, []
        except UnicodeDecodeError:
            continue
    # Some lines are undecodable: keep the encoding most lines decode with, blank the others.
    lines = data.split(b"\n")  # safe in UTF-8 and CP949: 0x0A is never part of a multi-byte character

    def decodes(line: bytes, enc: str) -> bool:
        try:
            line.decode(enc)
            return True
        except UnicodeDecodeError:
            return False

    enc = max(_EIGHT_BIT, key=lambda e: (sum(decodes(line, e) for line in lines), e == "utf-8"))
    out, bad = [], []
    for number, line in enumerate(lines, start=1):
        try:
            out.append(line.decode(enc))
        except UnicodeDecodeError as exc:
            bad.append(BadRow(number, f"{enc}로 읽을 수 없는 바이트 (열 {exc.start + 1}): 이 행은 건너뜀"))
            out.append("")
    if len(bad) * 2 > len([line for line in lines if line.strip()]):
        raise DocumentError(
            "bad_table", f"most lines are neither UTF-8 nor CP949 text ({len(bad)} of {len(lines)} lines)", path=path
        )
    return "\n".join(out), enc + "-partial" if enc != "utf-8" else "utf-8-partial", bad


def read_csv_rows(path: str | Path, max_rows: int = MAX_ROWS) -> CsvRows:
    """The rows of a CSV file; DocumentError when the file is not usable CSV text at all."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError("not_found", "no such file", path=path) from None
    except OSError as exc:
        raise DocumentError("corrupt", f"cannot read the file ({exc.strerror or exc})", path=path) from None
    if not data.strip():
        raise DocumentError("empty", "no data", path=path)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError("unsupported_format", "binary data, not a CSV text file", path=path)
    text, encoding, bad = _decode_lines(data, path)
    encoding = encoding.replace("-partial", "")
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\r\n\t")
    if controls > 8:
        raise DocumentError("unsupported_format", "control characters: binary data renamed .csv?", path=path)
    try:
        delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",\t;|").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            bad.append(BadRow(start, f"CSV 형식 오류 ({exc}): 이 행은 건너뜀"))
            continue
        if not row:
            continue  # a blank line (or a line left out above)
        rows.append((start, row))
        if len(rows) > max_rows:
            raise DocumentError("too_large", f"more than {max_rows:,} rows", path=path)
    bad.sort(key=lambda b: b.line)
    return CsvRows(rows, encoding, delimiter, bad)
