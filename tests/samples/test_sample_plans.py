"""End to end on the bundled fictional sample plans: read -> extract, scored against the ground truth.

Run with `-s` to see the per-file table (the same one tools/samples/score_extraction.py prints).
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools" / "samples"))

from score_extraction import (
    SAMPLES,
    Extracted,
    Score,
    fold_name,
    format_table,
    load_truths,
    run_extraction,
    score,
    totals,
)

TRUTHS = load_truths(SAMPLES)
BY_FILE = {t["file"]: t for t in TRUTHS}
#: read from a text layer; the scanned sample (read by OCR, names not exact) is scored in tests/ingest/test_ocr.py
WITH_SERVICES = [t["file"] for t in TRUTHS if t["expected_error"] is None and not t.get("scan")]
WITH_ERROR = [t["file"] for t in TRUTHS if t["expected_error"] is not None]
SCANNED = [t["file"] for t in TRUTHS if t.get("scan")]


@pytest.fixture(scope="module")
def results() -> dict[str, tuple[Score, Extracted]]:
    """Every sample extracted once for the whole module."""
    out = {}
    for truth in TRUTHS:
        got = run_extraction(SAMPLES / truth["file"])
        out[truth["file"]] = (score(truth, got), got)
    print("\n" + format_table([s for s, _ in out.values()], show_misses=True))
    return out


def _why(s: Score, got: Extracted) -> str:
    return (
        f"{s.file}: P={s.precision:.2f} R={s.recall:.2f}; missed {s.missed}; spurious {s.spurious}; "
        f"error {got.error}: {got.error_message}; warnings {got.warnings[:5]}"
    )


# ------------------------------------------------------------------------------------------------ the set itself
def test_sample_set_covers_the_formats_and_layouts_it_promises() -> None:
    formats = [t["format"] for t in TRUTHS]
    assert len(TRUTHS) >= 8
    assert formats.count("pdf") >= 4 and formats.count("hwpx") >= 2
    assert formats.count("docx") >= 2 and formats.count("xlsx") >= 1
    assert SCANNED == ["haenam_2024_scan.pdf"] and not WITH_ERROR
    assert len({tuple(t["period"]) for t in TRUTHS}) >= 2, "two plan periods are needed to show trends"
    for t in TRUTHS:
        if t["expected_error"] is None and not t.get("scan"):
            assert 15 <= len(t["services"]) <= 45, t["file"]
        assert (SAMPLES / t["file"]).stat().st_size < 300 * 1024, t["file"]
    assert sum(p.stat().st_size for p in SAMPLES.iterdir()) < 3 * 1024 * 1024


def test_archetype_services_recur_across_municipalities() -> None:
    """Realistic cross-city repetition (the study's finding) is in the set: 스마트 버스정류장 in most plans."""
    holders = {t["municipality"] for t in TRUTHS for s in t["services"] if fold_name(s["name"]) == "스마트버스정류장"}
    assert len(holders) >= 6


def test_every_sample_says_it_is_fictional() -> None:
    from openpyxl import load_workbook

    from scatlas.ingest import read_document

    notice = "scatlas 시험용 가상 문서"
    for t in TRUTHS:
        path = SAMPLES / t["file"]
        if t["format"] == "xlsx":
            wb = load_workbook(path, read_only=True)
            text = "\n".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v)
        elif t.get("scan"):
            continue  # the notice is in its pixels only
        else:
            text = read_document(path).text()
        assert notice in unicodedata.normalize("NFC", text).replace("  ", " "), t["file"]


def _fingerprint(path: Path) -> object:
    """What a sample holds, independent of the zlib build that compressed it: zip members, or PDF pages' text."""
    import hashlib
    import zipfile

    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            return [(i.filename, hashlib.sha256(zf.read(i)).hexdigest()) for i in zf.infolist()]
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return [
            (tuple(round(v) for v in page.get_mediabox()), page.get_rotation(), page.get_textpage().get_text_range())
            for page in doc
        ]
    finally:
        doc.close()


def test_committed_samples_match_the_generator(tmp_path: Path) -> None:
    """The files and truths in the package hold exactly what tools/samples/make_samples.py writes today."""
    import make_samples

    make_samples.main(["--out", str(tmp_path)])
    for t in TRUTHS:
        truth = f"{t['file']}.truth.json"
        assert (tmp_path / truth).read_bytes() == (SAMPLES / truth).read_bytes(), f"{truth} is stale: regenerate"
        assert _fingerprint(tmp_path / t["file"]) == _fingerprint(SAMPLES / t["file"]), f"{t['file']} is stale"


# ------------------------------------------------------------------------------------------------ extraction
def test_precision_and_recall_pooled_over_the_set(results) -> None:
    scores = [s for s, _ in results.values() if s.file in WITH_SERVICES]
    t = totals(scores)
    assert t["precision"] >= 0.95 and t["recall"] >= 0.95, format_table(scores, show_misses=True)


@pytest.mark.parametrize("file", WITH_SERVICES)
def test_precision_and_recall_per_file(results, file: str) -> None:
    s, got = results[file]
    assert s.error is None, _why(s, got)
    assert s.precision >= 0.9 and s.recall >= 0.9, _why(s, got)


@pytest.mark.parametrize("file", WITH_SERVICES)
def test_municipality_code_and_period_are_right(results, file: str) -> None:
    s, _ = results[file]
    assert s.meta_ok, f"{file}: {s.meta_detail}"


def test_physical_page_right_for_matched_services(results) -> None:
    scores = [s for s, _ in results.values() if s.file in WITH_SERVICES]
    checked = sum(s.page_checked for s in scores)
    assert checked >= 70  # the PDFs with services carry pages in their truth
    share = sum(s.page_right for s in scores) / checked
    assert share >= 0.95, [w for s in scores for w in s.wrong_pages]


def test_descriptions_keep_every_syllable(results) -> None:
    """The matched services' descriptions hold the printed description (folded), not a truncated or mangled one."""
    kept = total = 0
    lost = []
    for file in WITH_SERVICES:
        _, got = results[file]
        truth = {fold_name(s["name"]): s for s in BY_FILE[file]["services"]}
        for service in got.services:
            t = truth.get(fold_name(service["name"]))
            if t is None:
                continue
            total += 1
            if fold_name(t["description"]) in fold_name(service.get("description") or ""):
                kept += 1
            else:
                lost.append(f"{file}: {t['name']}: {service.get('description')!r}")
    assert total and kept / total >= 0.95, lost[:10]


@pytest.mark.parametrize("file", SCANNED)
def test_scanned_sample_is_read_by_ocr_or_says_what_to_install(results, file: str) -> None:
    from scatlas.ingest.ocr import ocr_unavailable

    s, got = results[file]
    if ocr_unavailable() is not None:
        assert got.error == "needs_ocr" and "tesseract-ocr-kor" in (got.error_message or ""), got
        return
    assert got.error is None, got
    assert s.meta_ok, s.meta_detail
    assert len(got.services) >= 8, got.services


def test_truth_files_are_well_formed() -> None:
    for t in TRUTHS:
        assert set(t) >= {"file", "municipality", "municipality_code", "period", "expected_error", "services"}
        assert len(t["municipality_code"]) == 10 and t["municipality_code"].isdigit()
        names = [fold_name(s["name"]) for s in t["services"]]
        assert len(names) == len(set(names)), f"{t['file']}: duplicate service names in truth"
        for s in t["services"]:
            assert s["name"] == unicodedata.normalize("NFC", s["name"])
            if t["format"] == "pdf":
                assert isinstance(s["page"], int) and s["page"] >= 1
            else:
                assert s["page"] is None
        json.dumps(t)  # plain JSON types only
