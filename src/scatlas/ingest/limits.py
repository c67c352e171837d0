"""Size limits every reader enforces, and safe access to zip packages (HWPX, DOCX) and their XML."""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Self

from lxml import etree

from scatlas.errors import DocumentError
from scatlas.i18n import _

#: What zipfile and zlib raise on a damaged package (truncated, bad CRC, unknown compression, …).
ZIP_DAMAGE: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    OSError,
    ValueError,
    EOFError,
    NotImplementedError,
    RuntimeError,
)


@dataclass(frozen=True)
class Limits:
    """Caps that keep one hostile or huge file from exhausting memory or time.

    The defaults leave room for the largest real plans (400 pages, ~150 MB PDFs with scans) while refusing
    zip bombs and absurd page counts early, before any expensive work starts.
    """

    max_file_bytes: int = 1024 * 1024 * 1024
    max_pages: int = 3000
    max_zip_members: int = 10_000
    max_member_bytes: int = 256 * 1024 * 1024
    max_total_inflated: int = 1024 * 1024 * 1024
    #: deflate ratios of real XML stay well below 100; bombs reach 1,000 and more
    max_ratio: float = 200.0
    #: the ratio test only applies to members whose declared size exceeds this (tiny members compress oddly)
    ratio_floor_bytes: int = 1024 * 1024
    max_xml_depth: int = 200
    #: one XML member parsed into a tree costs ~10x its size in memory; real plans' document.xml stay under 40 MB
    max_xml_bytes: int = 128 * 1024 * 1024
    max_ole_stream_bytes: int = 512 * 1024 * 1024


DEFAULT_LIMITS = Limits()


def check_file_size(path: Path, limits: Limits) -> int:
    """The file's size in bytes; raises `empty` or `too_large` as the limits say."""
    size = path.stat().st_size
    if size == 0:
        raise DocumentError("empty", _("0바이트"), path=path)
    if size > limits.max_file_bytes:
        raise DocumentError("too_large", f"{size:,} bytes > limit {limits.max_file_bytes:,}", path=path)
    return size


class SafeZip:
    """A zip package whose members are vetted before inflation and capped while inflating."""

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.path = path
        self.limits = limits
        try:
            self._zip = zipfile.ZipFile(path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, ValueError, EOFError) as exc:
            raise DocumentError("corrupt", f"not a readable zip package: {exc}", path=path) from exc
        if len(infos) > limits.max_zip_members:
            raise DocumentError(
                "too_large", f"{len(infos):,} zip members > limit {limits.max_zip_members:,}", path=path
            )
        total = 0
        for info in infos:
            self._vet(info)
            total += info.file_size
        if total > limits.max_total_inflated:
            raise DocumentError(
                "too_large", f"members declare {total:,} bytes in all > limit {limits.max_total_inflated:,}", path=path
            )
        self._infos = {info.filename: info for info in infos}
        self._inflated = 0

    def _vet(self, info: zipfile.ZipInfo) -> None:
        lim = self.limits
        if info.file_size > lim.max_member_bytes:
            raise DocumentError(
                "too_large", f"member {info.filename} declares {info.file_size:,} bytes", path=self.path
            )
        if info.file_size > lim.ratio_floor_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > lim.max_ratio:
                raise DocumentError(
                    "too_large", f"member {info.filename} inflates {ratio:,.0f}:1 (zip bomb?)", path=self.path
                )

    def names(self) -> list[str]:
        """Member names in archive order."""
        return list(self._infos)

    def has(self, name: str) -> bool:
        """Whether the package holds a member of this exact name."""
        return name in self._infos

    def read(self, name: str) -> bytes:
        """A member's bytes, inflated under the member and total caps (declared sizes can lie)."""
        info = self._infos.get(name)
        if info is None:
            raise DocumentError("corrupt", f"missing package member {name}", path=self.path)
        if info.flag_bits & 0x1:
            raise DocumentError("encrypted", f"member {name} is encrypted", path=self.path)
        cap = min(self.limits.max_member_bytes, self.limits.max_total_inflated - self._inflated)
        try:
            with self._zip.open(info) as fh:
                data = _read_capped(fh, cap)
        except DocumentError:
            raise
        except ZIP_DAMAGE as exc:
            raise DocumentError("corrupt", f"member {name}: {exc}", path=self.path) from exc
        if data is None:
            raise DocumentError("too_large", f"member {name} inflates beyond {cap:,} bytes", path=self.path)
        self._inflated += len(data)
        return data

    def xml(self, name: str) -> etree._Element:
        """A member parsed as XML with entities, network and huge trees refused, and a depth cap."""
        return parse_xml(self.read(name), self.path, name, self.limits)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _read_capped(fh: IO[bytes], cap: int) -> bytes | None:
    chunks: list[bytes] = []
    got = 0
    while True:
        chunk = fh.read(1024 * 1024)
        if not chunk:
            return b"".join(chunks)
        got += len(chunk)
        if got > cap:
            return None
        chunks.append(chunk)


def _xml_parser() -> etree.XMLParser:
    # huge_tree=False keeps libxml2's own depth and text-node caps; entities are never expanded
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, path: Path, member: str, limits: Limits = DEFAULT_LIMITS) -> etree._Element:
    """Parse one package member; malformed or too deeply nested XML is `corrupt`, XML too big to hold as a tree is
    `too_large` (checked before parsing)."""
    if len(data) > limits.max_xml_bytes:
        raise DocumentError(
            "too_large", f"{member}: {len(data):,} bytes of XML > limit {limits.max_xml_bytes:,}", path=path
        )
    try:
        root = etree.fromstring(data, parser=_xml_parser())
    except etree.XMLSyntaxError as exc:
        raise DocumentError("corrupt", f"{member}: malformed XML ({exc})", path=path) from exc
    if root is None:
        raise DocumentError("corrupt", f"{member}: no XML root", path=path)
    depth = xml_depth(root)
    if depth > limits.max_xml_depth:
        raise DocumentError(
            "corrupt", f"{member}: XML nested {depth} levels deep > limit {limits.max_xml_depth}", path=path
        )
    return root


def xml_depth(root: etree._Element) -> int:
    """The element tree's depth, walked iteratively (a recursive walk could itself overflow)."""
    deepest = 0
    stack = [(root, 1)]
    while stack:
        el, d = stack.pop()
        deepest = max(deepest, d)
        stack.extend((child, d + 1) for child in el)
    return deepest
