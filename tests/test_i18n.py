"""Korean throughout, English on request: the message catalogue is current and complete, and no English word reaches
a person in the default locale — walked over the CLI's messages, the web pages and report.html."""

from __future__ import annotations

import html as htmllib
import re
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scatlas import i18n
from scatlas.taxonomy import DOMAIN_ORDER

#: Latin-script words a Korean reader may see: codes, units, formats, technologies and names.
ALLOWED = {
    # names and formats
    "scatlas",
    "KRIEA",
    "ISSUE",
    "PAPER",
    "API",
    "OpenAPI",
    "JSON",
    "CSV",
    "XLSX",
    "PDF",
    "HWP",
    "HWPX",
    "DOCX",
    "TXT",
    "MD",
    "PNG",
    "SVG",
    "UTF",
    "BOM",
    "CP",
    "ID",
    "OCR",
    "CID",
    "SCATLAS_TOKEN",
    "SCATLAS_LANG",
    "Jensen",
    "Shannon",
    # technologies (the codebook's own names)
    "IoT",
    "CCTV",
    "AI",
    "GPS",
    "GIS",
    "WiFi",
    "RFID",
    "LoRa",
    "LPWA",
    "AR",
    "VR",
    "MR",
    "BIS",
    "BIT",
    "ITS",
    "SW",
    "DRT",
    "MaaS",
    "NFC",
    "BLE",
    "XR",
    "UAM",
    "PM",
    "EV",
    "ESS",
    "BEMS",
    "HEMS",
    # units and statistics
    "dpi",
    "MB",
    "km",
    "HHI",
    "JS",
    "TF",
    "IDF",
    "ln",
    "gram",
    "UTC",
    # error codes printed beside their Korean reason, commands and options a person types
    "no_text_layer",
    "encrypted",
    "corrupt",
    "unsupported_format",
    "too_large",
    "empty",
    "no_services",
    "bad_table",
    "garbled_text",
    "ingest",
    "report",
    "format",
    "municipality",
    "db",
    "PATH",
    "lang",
    "ko",
    "en",
}
ALLOWED |= {w.lower() for w in ALLOWED} | {
    "yaml"
}  # format names are codes in either case; yaml: the user's own input echoed
WORD = re.compile(r"[A-Za-z][A-Za-z_]+")
PATHLIKE = re.compile(r"\S*[/\\]\S*|\S+\.(?:db|csv|pdf|xlsx|html|json|svg|png)\b")


def latin_words(text: str) -> set[str]:
    """Latin-script words of `text` outside the allow-list (file paths left out: they are the user's)."""
    return {w for w in WORD.findall(PATHLIKE.sub(" ", text)) if w not in ALLOWED}


def visible_text(page: str) -> str:
    """What a reader sees of an HTML page: no tags, scripts, styles or attribute values."""
    page = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", page)
    page = re.sub(r"(?s)<[^>]+>", " ", page)
    return htmllib.unescape(page)


@pytest.fixture()
def korean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SCATLAS_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    i18n.set_language(None)


def test_the_catalogue_is_current_and_every_message_has_english() -> None:
    pytest.importorskip("babel")
    from tools.i18n import catalogue

    po, mo, missing = catalogue.build()
    assert not missing, f"messages without English: {missing}"
    assert catalogue._stable(po) == catalogue._stable(catalogue.PO.read_bytes()), "run python tools/i18n/catalogue.py"
    assert mo == catalogue.MO.read_bytes(), "the shipped .mo is not the compiled .po"


def test_the_language_comes_from_the_option_then_the_environment() -> None:
    assert i18n.language_from_env({}) == "ko"
    assert i18n.language_from_env({"LANG": "C.UTF-8"}) == "ko"
    assert i18n.language_from_env({"LANG": "en_US.UTF-8"}) == "en"
    assert i18n.language_from_env({"LANG": "ko_KR.UTF-8", "LC_ALL": "en_GB.UTF-8"}) == "en"
    assert i18n.language_from_env({"SCATLAS_LANG": "ko", "LANG": "en_US.UTF-8"}) == "ko"
    with i18n.language("en"):
        assert i18n._("파일이 비어 있다") == "the file is empty"
    with i18n.language("ko"):
        assert i18n._("파일이 비어 있다") == "파일이 비어 있다"


def _inventory(path: Path, municipality: str, names: list[str]) -> Path:
    rows = ["지자체,분야,서비스명,내용"] + [f"{municipality},교통,{n},{n} 안내" for n in names]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_cli_messages_are_korean_by_default_and_english_with_lang_en(tmp_path: Path, korean_env: None) -> None:
    from scatlas.cli import app

    runner = CliRunner()
    folder = tmp_path / "계획"
    folder.mkdir()
    _inventory(folder / "목포.csv", "목포시", ["스마트 버스정류장", "주차 공유"])
    (folder / "빈파일.pdf").write_bytes(b"")
    db = tmp_path / "카탈로그.db"
    outputs = [
        runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--no-code"]),
        runner.invoke(app, ["ingest", str(folder / "목포.csv"), "--db", str(db), "--no-code"]),
        runner.invoke(app, ["stats", "--db", str(db)]),
        runner.invoke(app, ["export", "--db", str(db), "-o", str(tmp_path / "목록.csv")]),
        runner.invoke(app, ["export", "--db", str(db), "--format", "yaml"]),
        runner.invoke(app, ["stats", "--db", str(tmp_path / "없음.db")]),
    ]
    text = "\n".join(r.output for r in outputs)
    assert "새로 추가" in text and "같은 내용이 이미 있음" in text and "파일이 비어 있다" in text
    assert latin_words(text) == set(), text
    english = runner.invoke(app, ["--lang", "en", "ingest", str(folder / "목포.csv"), "--db", str(db), "--no-code"])
    assert "unchanged (same content already in the catalogue)" in english.output


def test_web_pages_show_no_english_in_the_default_locale(tmp_path: Path, korean_env: None) -> None:
    from fastapi.testclient import TestClient
    from tests.web.conftest import TOKEN

    from scatlas.catalogue import Catalogue
    from scatlas.records import CodingRecord, PlanRecord, ServiceRecord, SourceRecord
    from scatlas.web import WebSettings, create_app

    db = tmp_path / "web.db"
    with Catalogue.open(db) as cat:
        for n, (muni, names) in enumerate(
            [
                ("춘천시", ["스마트 버스정류장", "독거노인 돌봄"]),
                ("목포시", ["스마트 버스정류장 구축", "침수 감지 경보"]),
            ]
        ):
            plan = PlanRecord(
                municipality=muni,
                title=f"{muni} 스마트도시계획",
                period=(2023, 2027),
                services=[
                    ServiceRecord(name=s, description=f"{s} 서비스", page=10 + i, position=i)
                    for i, s in enumerate(names)
                ],
            )
            result = cat.import_source(
                SourceRecord(
                    path=f"/계획/{n}.pdf", file_name=f"계획{n}.pdf", sha256=f"{n:064x}", format="pdf", pages=9, size=9
                ),
                [plan],
            )
            for row in cat.services("plan_id = ?", (result.plan_ids[0],), order_by="position"):
                cat.add_coding(
                    row["service_id"],
                    CodingRecord(
                        domain_id="transport",
                        subtype="traffic_info",
                        function="정보제공",
                        target_groups=["일반"],
                        technologies=["IoT"],
                        confidence=0.9,
                        rationale="버스(+1.0)",
                        coder="auto:시험",
                    ),
                )
                last = row["service_id"]
    client = TestClient(create_app(WebSettings(db=db, token=TOKEN, secret=b"k" * 32, coder_factory=None)))
    deadline = time.monotonic() + 120  # the archetypes are computed in the background: walk their table too
    while "archetypes-pending" in client.get("/archetypes", headers={"Accept": "text/html"}).text:
        assert time.monotonic() < deadline, "archetypes never computed"
        time.sleep(0.5)
    pages = [
        "/",
        "/services",
        f"/services/{last}",
        "/municipalities",
        "/municipalities/춘천시",
        "/compare?m=춘천시&m=목포시",
        "/archetypes",
        "/login",
        "/services?q=정류장",
    ]
    seen = {}
    for url in pages:
        response = client.get(url, headers={"Accept": "text/html"})
        assert response.status_code == 200, url
        seen[url] = latin_words(visible_text(response.text)) - {"English"}  # the toggle names its language
    assert all(not words for words in seen.values()), {url: words for url, words in seen.items() if words}
    english = client.get("/?lang=en", headers={"Accept": "text/html"}).text
    assert "Overview" in english and "한국어" in english


def test_report_html_shows_no_english(tmp_path: Path, korean_env: None) -> None:
    from tests.analysis.builders import study_inventory

    from scatlas.report.writer import write_report

    cat = study_inventory(tmp_path / "study.db")
    result = write_report(cat, tmp_path / "out", formats=("html",), chart_files=False)
    cat.close()
    text = visible_text(result.files["html"].read_text(encoding="utf-8"))
    text = re.sub(r"\b[a-z]+-\d\d\b", " ", text)  # the fixture's service names end in an id (admin-07): plan text
    # archetype names are made of the members' shared name words, so the fixture's id word (admin, …) is plan text
    # there too; the report's own columns show domains by their Korean names, which this test still checks
    text = re.sub(r"(서비스) (" + "|".join(d for d, _ in DOMAIN_ORDER) + r")\b", r"\1", text)
    words = latin_words(text)
    assert words == set(), words
