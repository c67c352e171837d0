"""tools/corpus/import_real.py: harvest rows + labels become real corpus rows; bad rows are reported and skipped."""

from __future__ import annotations

import csv
import shutil
import sys
from importlib import resources
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[2] / "tools" / "corpus"
HARVEST_COLUMNS = [
    "id",
    "name",
    "description",
    "municipality",
    "source_url",
    "source_title",
    "source_kind",
    "published",
    "retrieved",
    "hint_domain",
    "components",
]


@pytest.fixture
def tool(monkeypatch):
    monkeypatch.syspath_prepend(str(TOOLS))
    import import_real

    yield import_real
    sys.modules.pop("import_real", None)


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header)
        w.writeheader()
        w.writerows(rows)
    return path


def _harvest(i: int, **over: str) -> dict[str, str]:
    row = {
        "id": f"hv9-{i:04d}",
        "name": "스마트 버스정류장",
        "description": f"정류장 {i}곳에 냉난방기와 도착정보 안내기를 설치했다.",
        "municipality": "서울특별시 성동구",
        "source_url": f"https://news.example.org/{i}",
        "source_title": "",
        "source_kind": "news",
        "published": "2024-05",
        "retrieved": "2026-12-03",
        "hint_domain": "environment",
        "components": "2",
    }
    row.update(over)
    return row


def test_rows_land_with_provenance_and_bad_rows_are_reported(tool, tmp_path):
    harvest = _write(
        tmp_path / "hv9.csv",
        HARVEST_COLUMNS,
        [
            _harvest(1),
            _harvest(2, source_url=""),
            _harvest(3),
            _harvest(4, municipality=""),
            _harvest(5, description=_harvest(1)["description"]),  # the same text again
        ],
    )
    labels = _write(
        tmp_path / "adjudicated.csv",
        ["id", "domain_id", "alt_domains", "ambiguous", "subtype", "function", "rule"],
        [
            {
                "id": "hv9-0001",
                "domain_id": "transport",
                "alt_domains": "environment;transport",
                "ambiguous": "no",
                "subtype": "traffic_info",
                "function": "정보제공",
                "rule": "R7",
            },
            {
                "id": "hv9-0002",
                "domain_id": "transport",
                "alt_domains": "",
                "ambiguous": "no",
                "subtype": "",
                "function": "정보제공",
                "rule": "",
            },
            {
                "id": "hv9-0003",
                "domain_id": "traffic",
                "alt_domains": "",
                "ambiguous": "no",
                "subtype": "",
                "function": "정보제공",
                "rule": "",
            },
            {
                "id": "hv9-0004",
                "domain_id": "other",
                "alt_domains": "",
                "ambiguous": "yes",
                "subtype": "parking",
                "function": "기반구축",
                "rule": "P5",
            },
        ],
    )
    rows, problems = tool.build([harvest], labels)
    assert [r["id"] for r in rows] == ["hv9-0001", "hv9-0004"]
    first, fourth = rows
    assert first["origin"] == "real" and first["source_url"] == "https://news.example.org/1"
    assert first["alt_domains"] == "environment"  # the label itself is not an alternative
    assert first["note"] == "R7" and first["retrieved"] == "2026-12-03" and first["source_kind"] == "news"
    assert fourth["municipality"] == "미상" and fourth["subtype"] == ""  # parking is not a 기타 sub-type
    assert "environment" not in (first["domain_id"], fourth["domain_id"])  # hint_domain is never a label
    text = "\n".join(problems)
    assert "hv9-0002" in text and "source_url" in text
    assert "hv9-0003" in text and "traffic" in text
    assert "hv9-0005" in text and "duplicate" in text


def test_import_replaces_real_rows_and_keeps_written_ones(tool, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(Path(str(resources.files("scatlas.data").joinpath("corpus"))), corpus)
    written = sum(
        1 for p in corpus.glob("*.csv") for r in csv.DictReader(p.open(encoding="utf-8")) if r["origin"] == "written"
    )
    row = dict.fromkeys(tool.COLUMNS, "")
    row.update(
        id="hv9-0001",
        name="스마트 버스정류장",
        description="정류장에 냉난방기를 설치했다.",
        domain_id="transport",
        function="정보제공",
        origin="real",
        source_url="https://x.example/1",
        source_kind="news",
        municipality="서울특별시 성동구",
        retrieved="2026-12-03",
        ambiguous="no",
    )
    for _ in range(2):  # idempotent
        tool.write([row], corpus)
    rows = [r for p in corpus.glob("*.csv") for r in csv.DictReader(p.open(encoding="utf-8"))]
    assert sum(r["origin"] == "written" for r in rows) == written
    assert [r["id"] for r in rows if r["origin"] == "real"] == ["hv9-0001"]
