"""Real prose texts end to end through the PDF reader (text layer) and through OCR (the same pages scanned)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from scatlas.extract import extract_plan
from scatlas.ingest import read_document
from scatlas.ingest.ocr import ocr_unavailable

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools" / "prose"))

from render_texts import DATA, scan_pdf, text_pdf  # noqa: E402
from score_prose import key  # noqa: E402

#: texts of the dev part with lists, markers and sentences; one page each
TEXTS = ["theasian_gongju_2020", "eknews_sejong_2017", "cctoday_sejong_2017"]
TRUTH = json.loads((DATA / "truth.json").read_text(encoding="utf-8"))["texts"]


def found(path: Path) -> tuple[set[str], str | None]:
    plan = extract_plan(read_document(path))
    return {key(s.name) for s in plan.services}, plan.municipality


@pytest.mark.parametrize("text_id", TEXTS)
def test_prose_pdf_with_text_layer_finds_what_the_text_file_finds(tmp_path: Path, text_id: str) -> None:
    txt = DATA / f"{text_id}.txt"
    pdf = text_pdf(txt.read_text(encoding="utf-8"), tmp_path / f"{text_id}.pdf")
    from_txt, municipality = found(txt)
    from_pdf, pdf_municipality = found(pdf)
    truth = {key(n) for n in TRUTH[text_id]["services"]}
    assert len(from_pdf & truth) >= len(from_txt & truth) - 1, (from_pdf, from_txt)
    assert pdf_municipality == municipality


@pytest.mark.skipif(ocr_unavailable() is not None, reason=f"Tesseract's Korean model is absent: {ocr_unavailable()}")
def test_scanned_prose_is_read_by_ocr_and_its_services_found(tmp_path: Path) -> None:
    text_id = "sedaily_yongin_2018"
    pdf = text_pdf((DATA / f"{text_id}.txt").read_text(encoding="utf-8"), tmp_path / "t.pdf")
    scan = scan_pdf(pdf, tmp_path / "scan.pdf")
    plan = extract_plan(read_document(scan))
    truth = {key(n) for n in TRUTH[text_id]["services"]}
    got = {key(s.name) for s in plan.services}
    assert len(got & truth) >= 3, got  # OCR of 10.5 pt text at 200 dpi loses a marker or a syllable here and there
    assert all(s.from_prose and s.ocr_confidence is not None for s in plan.services)
    assert plan.municipality == "용인시"
