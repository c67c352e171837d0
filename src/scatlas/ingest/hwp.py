"""HWP 5.x reader (OLE compound file): body text records, tables with spans, distribution documents."""

from __future__ import annotations

import re
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from scatlas.errors import DocumentError
from scatlas.ingest.document import Block, Cell, Document, Page, TextBlock
from scatlas.ingest.hwp_crypto import DistributionError, decrypt_view_text
from scatlas.ingest.limits import DEFAULT_LIMITS, Limits
from scatlas.ingest.normalise import clean, old_hangul
from scatlas.ingest.tables import blocks_text, build_table

HWPTAG_BEGIN = 16
STYLE = HWPTAG_BEGIN + 10
PARA_HEADER = HWPTAG_BEGIN + 50
PARA_TEXT = HWPTAG_BEGIN + 51
CTRL_HEADER = HWPTAG_BEGIN + 55
LIST_HEADER = HWPTAG_BEGIN + 56
TABLE = HWPTAG_BEGIN + 61

FLAG_COMPRESSED, FLAG_PASSWORD, FLAG_DISTRIBUTION = 0x1, 0x2, 0x4

# control characters occupying 8 UTF-16 units (the char, 12 bytes of parameters, the char again)
_WIDE_CONTROLS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}
_CHAR_CONTROLS = {9: "\t", 10: "\n", 24: "-", 30: " ", 31: " "}
_CONTROL = re.compile(r"[\x00-\x1f]")
# controls whose contents are page furniture (running header/footer) or hidden commentary
_SKIP_CTRLS = {"head", "foot", "tcmt", "%%me"}
_MAX_RECORDS = 5_000_000
_SECTION = re.compile(r"^Section(\d+)$")
_OUTLINE = re.compile(r"^(?:개요|Outline)\s*(\d+)$")


@dataclass
class _Record:
    tag: int
    level: int
    data: bytes
    children: list[_Record] = field(default_factory=list)


def read_hwp(path: Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    """An HWP 5 document as one Page (HWP has no fixed pages) of paragraphs and tables in body order."""
    import olefile  # lazy: only HWP needs it

    try:
        ole = olefile.OleFileIO(str(path))
    except Exception as exc:  # olefile signals damage with assorted exception types
        raise DocumentError("corrupt", f"damaged OLE compound file: {exc}", path=path) from exc
    with ole:
        try:
            return _read(ole, path, limits)
        except DocumentError:
            raise
        except (OSError, struct.error, IndexError, ValueError, KeyError, TypeError) as exc:
            raise DocumentError("corrupt", f"damaged HWP structure: {exc}", path=path) from exc


def _read(ole, path: Path, limits: Limits) -> Document:
    if not ole.exists("FileHeader"):
        raise DocumentError("corrupt", "no FileHeader stream", path=path)
    header = ole.openstream("FileHeader").read(256)
    if len(header) < 40 or not header.startswith(b"HWP Document File"):
        raise DocumentError("corrupt", "FileHeader lacks the HWP signature", path=path)
    version = struct.unpack_from("<I", header, 32)[0]
    flags = struct.unpack_from("<I", header, 36)[0]
    if version >> 24 != 5:
        raise DocumentError("unsupported_format", f"HWP version {version >> 24}.x, only 5.x is read", path=path)
    if flags & FLAG_PASSWORD:
        raise DocumentError("encrypted", "password-protected HWP", path=path)
    compressed = bool(flags & FLAG_COMPRESSED)
    distribution = bool(flags & FLAG_DISTRIBUTION)
    doc = Document(path=str(path), format="hwp", pages=[Page(number=None)], title=_title(ole))
    storage = "ViewText" if distribution else "BodyText"
    sections = _section_names(ole, storage)
    blocks = doc.pages[0].blocks
    body = _Body(_heading_styles(ole, compressed, limits, path))
    try:
        if not sections:
            raise DocumentError("corrupt", f"no {storage}/Section streams", path=path)
        for name in sections:
            raw = _stream(ole, name, limits, path)
            if distribution:
                raw = decrypt_view_text(raw)
            data = _inflate(raw, limits, path, name) if compressed else raw
            for record in _tree(_records(data, path, name)):
                body.walk(record, blocks)
    except (DocumentError, DistributionError) as exc:
        if not distribution:
            raise
        # the body cannot be decrypted: the unencrypted preview is the best there is, and says so
        blocks.clear()
        blocks.extend(_preview(ole, path))
        doc.warnings.append(f"partial: distribution document, preview text only ({exc})")
    if distribution and not doc.warnings:
        doc.warnings.append("distribution (배포용) document: body decrypted")
    if not doc.text().strip():
        raise DocumentError("empty", "no text in any section", path=path)
    return doc


def _heading_styles(ole, compressed: bool, limits: Limits, path: Path) -> dict[int, str]:
    """Style id → 'headingN' for the outline styles (개요 N) that DocInfo declares; {} if DocInfo is unreadable."""
    try:
        raw = _stream(ole, "DocInfo", limits, path)
        data = _inflate(raw, limits, path, "DocInfo") if compressed else raw
        records = _records(data, path, "DocInfo")
    except (DocumentError, OSError):
        return {}
    out: dict[int, str] = {}
    style_id = 0
    for rec in records:
        if rec.tag != STYLE:
            continue
        if len(rec.data) >= 2:
            n = struct.unpack_from("<H", rec.data, 0)[0]
            local = rec.data[2 : 2 + 2 * n].decode("utf-16-le", "replace")
            m = _OUTLINE.match(local.strip())
            if m:
                out[style_id] = f"heading{m.group(1)}"
        style_id += 1
    return out


def _section_names(ole, storage: str) -> list[str]:
    found = []
    for entry in ole.listdir(streams=True, storages=False):
        if len(entry) == 2 and entry[0] == storage:
            m = _SECTION.match(entry[1])
            if m:
                found.append((int(m.group(1)), f"{storage}/{entry[1]}"))
    return [name for _, name in sorted(found)]


def _stream(ole, name: str, limits: Limits, path: Path) -> bytes:
    size = ole.get_size(name)
    if size > limits.max_ole_stream_bytes:
        raise DocumentError("too_large", f"stream {name} has {size:,} bytes", path=path)
    return ole.openstream(name).read()


def _inflate(raw: bytes, limits: Limits, path: Path, name: str) -> bytes:
    inflater = zlib.decompressobj(-15)
    try:
        data = inflater.decompress(raw, limits.max_ole_stream_bytes)
    except zlib.error as exc:
        raise DocumentError("corrupt", f"{name}: deflate data damaged ({exc})", path=path) from exc
    if inflater.unconsumed_tail:
        raise DocumentError("too_large", f"{name} inflates beyond {limits.max_ole_stream_bytes:,} bytes", path=path)
    return data


def _records(data: bytes, path: Path, name: str) -> list[_Record]:
    records: list[_Record] = []
    pos, end = 0, len(data)
    while pos + 4 <= end:
        header = struct.unpack_from("<I", data, pos)[0]
        pos += 4
        tag, level, size = header & 0x3FF, (header >> 10) & 0x3FF, header >> 20
        if size == 0xFFF:
            if pos + 4 > end:
                break
            size = struct.unpack_from("<I", data, pos)[0]
            pos += 4
        if pos + size > end:
            raise DocumentError("corrupt", f"{name}: record at byte {pos} runs past the stream end", path=path)
        records.append(_Record(tag, level, data[pos : pos + size]))
        pos += size
        if len(records) > _MAX_RECORDS:
            raise DocumentError("too_large", f"{name}: more than {_MAX_RECORDS:,} records", path=path)
    return records


def _tree(records: list[_Record]) -> list[_Record]:
    """Records nested by level: a record owns the following records of a deeper level."""
    roots: list[_Record] = []
    stack: list[_Record] = []
    for rec in records:
        while stack and stack[-1].level >= rec.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(rec)
        stack.append(rec)
    return roots


def para_text(data: bytes) -> str:
    """A PARA_TEXT payload as text: controls dropped (with their parameters), tab and line break kept."""
    text = data.decode("utf-16-le", "surrogatepass")
    out: list[str] = []
    pos = 0
    while True:
        m = _CONTROL.search(text, pos)
        if m is None:
            out.append(text[pos:])
            break
        out.append(text[pos : m.start()])
        code = ord(m.group())
        out.append(_CHAR_CONTROLS.get(code, ""))
        pos = m.start() + (8 if code in _WIDE_CONTROLS else 1)
    # lone surrogates from damaged data cannot be encoded anywhere downstream
    return "".join(out).encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _ctrl_id(rec: _Record) -> str:
    return rec.data[:4][::-1].decode("latin-1") if len(rec.data) >= 4 else ""


class _Body:
    """Turns a record tree into blocks: paragraphs, tables, and paragraphs of text boxes and notes."""

    def __init__(self, styles: dict[int, str] | None = None) -> None:
        self.styles = styles or {}

    def walk(self, rec: _Record, out: list[Block], depth: int = 0) -> None:
        if depth > 64:  # nesting this deep is damage, not a document
            return
        if rec.tag == PARA_HEADER:
            self.paragraph(rec, out, depth)
        elif rec.tag == CTRL_HEADER:
            cid = _ctrl_id(rec)
            if cid in _SKIP_CTRLS:
                return
            if cid == "tbl ":
                table = self.table(rec, depth)
                if table is not None:
                    out.append(table)
                return
            for child in rec.children:
                self.walk(child, out, depth + 1)
        else:
            for child in rec.children:
                self.walk(child, out, depth + 1)

    def paragraph(self, rec: _Record, out: list[Block], depth: int) -> None:
        text = ""
        nested: list[Block] = []
        for child in rec.children:
            if child.tag == PARA_TEXT:
                text += para_text(child.data)
            elif child.tag == CTRL_HEADER:
                self.walk(child, nested, depth + 1)
        text = clean(old_hangul(text)).strip()
        if text:
            # PARA_HEADER: chars (4 bytes), control mask (4), para shape id (2), then the style id
            style = self.styles.get(rec.data[10]) if len(rec.data) > 10 else None
            out.append(TextBlock(text=text, style=style))
        out.extend(nested)

    def table(self, ctrl: _Record, depth: int) -> Block | None:
        n_rows = n_cols = 0
        cells: list[Cell] = []
        current: tuple[Cell, list[Block]] | None = None
        caption: list[Block] = []
        for child in ctrl.children:
            if child.tag == TABLE and len(child.data) >= 8:
                n_rows, n_cols = struct.unpack_from("<HH", child.data, 4)
            elif child.tag == LIST_HEADER:
                if current is not None:
                    cells.append(_finish(*current))
                if n_cols == 0:  # a list before the TABLE record is the caption
                    current = None
                    continue
                current = (_cell_address(child.data), [])
            elif child.tag == PARA_HEADER:
                self.paragraph(child, current[1] if current is not None else caption, depth + 1)
        if current is not None:
            cells.append(_finish(*current))
        table = build_table(cells, n_rows, n_cols)
        if table is not None and caption:
            table.caption = blocks_text(caption) or None
        return table


def _cell_address(data: bytes) -> Cell:
    # LIST_HEADER: para count (4 bytes), properties (4 bytes), then col, row, col span, row span (UINT16 each)
    if len(data) < 16:
        return Cell(text="", row=-1, col=-1)
    col, row, col_span, row_span = struct.unpack_from("<HHHH", data, 8)
    return Cell(text="", row=row, col=col, row_span=max(1, row_span), col_span=max(1, col_span))


def _finish(cell: Cell, blocks: list[Block]) -> Cell:
    cell.text = blocks_text(blocks)
    return cell


def _preview(ole, path: Path) -> list[Block]:
    if not ole.exists("PrvText"):
        raise DocumentError("encrypted", "distribution document without a preview text to fall back on", path=path)
    text = clean(ole.openstream("PrvText").read().decode("utf-16-le", "replace"))
    lines: list[Block] = [TextBlock(text=line.strip()) for line in text.split("\n") if line.strip()]
    if not lines:
        raise DocumentError("encrypted", "distribution document with an empty preview text", path=path)
    return lines


def _title(ole) -> str | None:
    """The title (PID 2) of the HwpSummaryInformation property set, parsed here with bounds checks.

    olefile's own `getproperties` loops for minutes on some damaged property sets, so it is not used.
    """
    name = "\x05HwpSummaryInformation"
    try:
        if not ole.exists(name) or ole.get_size(name) > 1 << 20:
            return None
        data = ole.openstream(name).read()
        if len(data) < 48:
            return None
        section = struct.unpack_from("<I", data, 44)[0]
        if section + 8 > len(data):
            return None
        count = min(struct.unpack_from("<I", data, section + 4)[0], 256)
        for k in range(count):
            at = section + 8 + 8 * k
            if at + 8 > len(data):
                return None
            pid, offset = struct.unpack_from("<II", data, at)
            if pid != 2:
                continue
            value = section + offset
            if value + 8 > len(data):
                return None
            vtype, length = struct.unpack_from("<II", data, value)
            if vtype == 0x1F:  # VT_LPWSTR: length in characters
                raw = data[value + 8 : value + 8 + 2 * min(length, 4096)]
                title = raw.decode("utf-16-le", "replace")
            elif vtype == 0x1E:  # VT_LPSTR: length in bytes
                title = data[value + 8 : value + 8 + min(length, 4096)].decode("cp949", "replace")
            else:
                return None
            return clean(title.split("\x00", 1)[0]).strip() or None
    except (OSError, struct.error):
        return None  # the summary is optional metadata; damage there must not fail the document
    return None
