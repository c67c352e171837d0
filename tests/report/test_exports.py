"""Researchers' exports: the 0/1 matrix is exact, and the REFI-QDA files validate against the REFI XSDs."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from tests.analysis.builders import S, build

from scatlas.analysis import load_rows
from scatlas.report.exports import codebook_xml, write_matrix, write_qdc, write_qdpx

SCHEMAS = Path(__file__).parent / "schemas"


@pytest.fixture
def rows(tmp_path):
    cat = build(
        tmp_path / "x.db",
        [
            (
                "고양시",
                (2019, 2023),
                [
                    S(
                        "치매노인 스마트슈즈",
                        "safety",
                        subtype="vulnerable_safety",
                        function="정보제공",
                        groups=["노인"],
                        techs=["GPS", "스마트깔창"],
                        description="GPS 위치정보로 치매노인의 위치를 파악",
                    ),
                    S("미확인 서비스", None),
                ],
            ),
            (
                "창원시",
                (2020, 2024),
                [
                    S(
                        "어린이 안심통학",
                        "safety",
                        subtype="vulnerable_safety",
                        function="정보제공",
                        groups=["아동"],
                        techs=["IoT", "비콘"],
                    )
                ],
            ),
        ],
    )
    yield load_rows(cat)
    cat.close()


def test_matrix_has_one_row_per_service_and_exact_zero_one_codes(rows, tmp_path):
    matrix, labels = write_matrix(rows, tmp_path / "m.csv")
    with matrix.open(encoding="utf-8") as fh:
        data = list(csv.DictReader(fh))
    assert len(data) == 3
    shoes = next(r for r in data if r["name"] == "치매노인 스마트슈즈")
    on = {k for k, v in shoes.items() if v == "1" and k.startswith(("d_", "st_", "fn_", "tg_", "tech_"))}
    assert on == {"d_safety", "st_vulnerable_safety", "fn_info", "tg_elderly", "tech_gps", "tech_x1"}
    unknown = next(r for r in data if r["name"] == "미확인 서비스")
    assert unknown["d_unlabelled"] == "1" and sum(unknown[k] == "1" for k in unknown if k.startswith("d_")) == 1
    names = [c for c in data[0] if c not in ("municipality", "plan_title", "name")]
    assert all(c.isascii() and len(c) <= 32 and c[0].isalpha() for c in names)  # R / Stata / SPSS friendly
    label_rows = {r["variable"]: r["label"] for r in csv.DictReader(labels.open(encoding="utf-8"))}
    assert label_rows["tech_x1"] == "기술: 스마트깔창" and label_rows["d_safety"] == "방범·방재"


def test_codebook_validates_against_the_refi_codebook_schema(rows, tmp_path):
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "Codebook.xsd")))
    doc = etree.parse(str(write_qdc(rows, tmp_path / "c.qdc")))
    schema.assertValid(doc)
    names = doc.xpath("//c:Code/@name", namespaces={"c": "urn:QDA-XML:codebook:1.0"})
    assert "방범·방재" in names and "교통정보 수집·제공" in names and "스마트깔창" in names
    assert codebook_xml() == codebook_xml()  # stable GUIDs: the same codebook every time


def test_project_validates_and_selections_cover_each_service(rows, tmp_path):
    path = write_qdpx(rows, tmp_path / "p.qdpx")
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "Project.xsd")))
    with zipfile.ZipFile(path) as zf:
        project = etree.fromstring(zf.read("project.qde"))
        schema.assertValid(project)
        ns = {"p": "urn:QDA-XML:project:1.0"}
        sources = project.xpath("//p:TextSource", namespaces=ns)
        assert len(sources) == 2
        for src in sources:
            text = zf.read("sources/" + src.get("plainTextPath").split("//", 1)[1]).decode("utf-8")
            for sel in src.xpath("p:PlainTextSelection", namespaces=ns):
                span = text[int(sel.get("startPosition")) : int(sel.get("endPosition"))]
                assert sel.get("name") in span
        codes = {c.get("guid"): c.get("name") for c in project.xpath("//p:Code", namespaces=ns)}
        shoes = project.xpath("//p:PlainTextSelection[@name='치매노인 스마트슈즈']", namespaces=ns)[0]
        coded = {codes[r.get("targetGUID")] for r in shoes.xpath(".//p:CodeRef", namespaces=ns)}
        assert {"방범·방재", "사회적 약자 안전", "정보제공", "노인", "GPS"} <= coded
        assert [c.get("name") for c in project.xpath("//p:Case", namespaces=ns)] == ["고양시", "창원시"]
