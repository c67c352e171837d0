"""Mutated bytes of small valid files: read_document returns a Document or raises DocumentError, nothing else."""

from __future__ import annotations

import io
import signal
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scatlas.errors import DocumentError
from scatlas.ingest import Document, read_document

from .builders import build_hwpx, build_pdf, grid_table, hwpx_cell, hwpx_para, hwpx_table, text
from .conftest import HWP_FIXTURES

SECONDS_PER_READ = 10


def _seed_pdf(tmp: Path) -> bytes:
    return build_pdf(
        tmp / "s.pdf",
        [
            lambda c: [
                text(72, 760, "스마트 가로등")(c),
                grid_table(72, 740, [80, 80], [["분야", "서비스"], ["교통", "주차"]])(c),
            ],
            text(72, 700, "둘째 쪽"),
        ],
    ).read_bytes()


def _seed_hwpx(tmp: Path) -> bytes:
    table = hwpx_table(
        [[hwpx_cell("분야", 0, 0), hwpx_cell("서비스", 0, 1)], [hwpx_cell("교통", 1, 0, col_span=2)]], 2, 2
    )
    return build_hwpx(tmp / "s.hwpx", [hwpx_para("스마트 가로등") + table]).read_bytes()


def _seed_docx(tmp: Path) -> bytes:
    d = docx.Document()
    d.add_heading("서비스", 1)
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "교통"
    t.cell(0, 0).merge(t.cell(1, 0))
    path = tmp / "s.docx"
    d.save(str(path))
    return path.read_bytes()


def _seed_hwp(tmp: Path) -> bytes:
    path = HWP_FIXTURES / "lh_power_of_attorney_form.hwp"
    if not path.is_file():
        pytest.skip(f"shared HWP fixture not found at {path}")
    return path.read_bytes()


SEEDS = {
    "pdf": _seed_pdf,
    "hwpx": _seed_hwpx,
    "docx": _seed_docx,
    "hwp": _seed_hwp,
    "txt": lambda tmp: "스마트 가로등\n교통\n".encode("cp949"),
    "md": lambda tmp: "# 제목\n\n| 분야 | 서비스 |\n|---|---|\n| 교통 | 주차 |\n".encode(),
}

mutations = st.tuples(
    st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=12),
    st.one_of(st.none(), st.floats(0, 1)),
    st.booleans(),
)


def _mutate(seed: bytes, edits: list[tuple[float, int]], cut: float | None, inside: bool = False) -> bytes:
    if inside and seed.startswith(b"PK"):
        return _mutate_member(seed, edits, cut)
    data = bytearray(seed)
    for where, value in edits:
        data[int(where * len(data))] = value
    if cut is not None:
        data = data[: int(cut * len(data))]
    return bytes(data)


def _mutate_member(seed: bytes, edits: list[tuple[float, int]], cut: float | None) -> bytes:
    """Mutate the XML inside one package member and re-zip, so the XML readers (not the CRC check) see it."""
    with zipfile.ZipFile(io.BytesIO(seed)) as zin:
        members = {info.filename: zin.read(info) for info in zin.infolist()}
    xml_names = sorted(n for n in members if n.endswith((".xml", ".hpf")))
    target = xml_names[int(edits[0][0] * len(xml_names))]
    members[target] = _mutate(members[target], edits, cut)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in members.items():
            zout.writestr(name, data)
    return out.getvalue()


class _Timeout(Exception):
    pass


def _alarm(signum, frame):  # type: ignore[no-untyped-def]
    raise _Timeout


@pytest.mark.parametrize("fmt", sorted(SEEDS))
def test_mutated_files_fail_only_with_document_errors(fmt: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    tmp = tmp_path_factory.mktemp(f"fuzz_{fmt}")
    seed = SEEDS[fmt](tmp)
    assert isinstance(read_document(_write(tmp, fmt, seed)), Document)  # the seed itself is valid

    @settings(
        max_examples=60,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(mutations)
    def check(mutation: tuple[list[tuple[float, int]], float | None, bool]) -> None:
        path = _write(tmp, fmt, _mutate(seed, *mutation))
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(SECONDS_PER_READ)
        try:
            result = read_document(
                path, ocr=None
            )  # the parsers are fuzzed here; OCR of a damaged page is slow, not wrong
            assert isinstance(result, Document)
        except DocumentError:
            pass
        except _Timeout:
            pytest.fail(f"{fmt}: reading a mutated file took over {SECONDS_PER_READ} s")
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)

    check()


def _write(tmp: Path, fmt: str, data: bytes) -> Path:
    path = tmp / f"m.{fmt}"
    path.write_bytes(data)
    return path
