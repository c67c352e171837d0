"""Plain text and Markdown: encoding detection without losing a syllable, Markdown pipe tables as Tables."""

from __future__ import annotations

import re
from pathlib import Path

from scatlas.errors import DocumentError
from scatlas.ingest.document import Block, Cell, Document, Page, Table, TextBlock
from scatlas.ingest.normalise import clean

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """The text and the encoding that decoded it: BOMs, then strict UTF-8, then strict CP949 (EUC-KR's superset)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    "garbled_text", f"byte order mark says {enc} but byte {exc.start} is not", path=path
                ) from exc
    for enc in ("utf-8", "cp949"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise DocumentError("garbled_text", "neither UTF-8, UTF-16 nor CP949/EUC-KR: convert it to UTF-8", path=path)


def read_text(path: Path, fmt: str = "txt") -> Document:
    """A plain-text or Markdown file as one page of lines (and pipe tables, for Markdown)."""
    text, encoding = decode(path.read_bytes(), path)
    lines = clean(text).split("\n")
    blocks = _markdown_blocks(lines) if fmt == "md" else _text_blocks(lines)
    doc = Document(path=str(path), format=fmt, pages=[Page(number=None, blocks=blocks)], page_count=None)
    if encoding not in {"utf-8", "utf-8-sig"}:
        doc.warnings.append(f"decoded as {encoding}")
    if not blocks:
        raise DocumentError("empty", "only whitespace", path=path)
    return doc


def _text_blocks(lines: list[str]) -> list[Block]:
    return [TextBlock(text=line.strip()) for line in lines if line.strip()]


def _markdown_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if line.startswith("|") and i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]):
            j = i + 2
            rows = [_pipe_cells(line)]
            while j < len(lines) and lines[j].strip().startswith("|"):
                rows.append(_pipe_cells(lines[j].strip()))
                j += 1
            blocks.append(_table(rows))
            i = j
            continue
        if line:
            heading = _HEADING.match(line)
            if heading:
                blocks.append(TextBlock(text=heading.group(2), style=f"heading{len(heading.group(1))}"))
            else:
                blocks.append(TextBlock(text=line))
        i += 1
    return blocks


def _pipe_cells(line: str) -> list[str]:
    body = line.strip()
    body = body.removeprefix("|")
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    # an escaped pipe stays inside its cell
    parts = re.split(r"(?<!\\)\|", body)
    return [p.strip().replace("\\|", "|") for p in parts]


def _table(rows: list[list[str]]) -> Table:
    n_cols = max(len(r) for r in rows)
    cells = [Cell(text=text, row=r, col=c) for r, row in enumerate(rows) for c, text in enumerate(row)]
    return Table(cells=cells, n_rows=len(rows), n_cols=n_cols)
