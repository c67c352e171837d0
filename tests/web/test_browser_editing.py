"""In headless Chromium: a person edits a service, merges a duplicate, undoes, and opens the source page."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from scatlas.catalogue import Catalogue

from .conftest import TOKEN, build_catalogue
from .test_browser import ARGS, CHROMIUM, _free_port, browser, page, shot  # noqa: F401  (fixtures)
from .test_editing import write_plan_pdf

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]


@pytest.fixture(scope="module")
def live_pdf(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, int]]]:
    """A live server over a catalogue holding a real ingested PDF plan (kept in the catalogue) and the fixtures."""
    import uvicorn

    from scatlas.pipeline import ingest_file
    from scatlas.web import WebSettings, create_app

    folder = tmp_path_factory.mktemp("edit-browser")
    db = folder / "scatlas.db"
    ids = build_catalogue(db)
    pdf = write_plan_pdf(folder / "plans" / "목포시_스마트도시계획.pdf")
    with Catalogue.open(db) as cat:
        assert ingest_file(cat, pdf).status == "added"
        for row in cat.services("source_file = ?", (pdf.name,)):
            ids[f"pdf/{row['name']}"] = row["service_id"]
    pdf.unlink()  # the original folder moves: the page must still show
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(WebSettings(db=db, token=TOKEN, secret=b"e" * 32)),
            host="127.0.0.1",
            port=port,
            log_level="warning",
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the server did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", ids
    server.should_exit = True
    thread.join(10)


def test_edit_merge_undo_and_open_the_source_page(page, live_pdf) -> None:  # noqa: F811
    base, ids = live_pdf
    keep, dup = ids["춘천시/스마트 버스정류장"], ids["춘천시/주차 공유 서비스"]
    page.goto(f"{base}/login?next=/services/{keep}")
    page.fill("#login-name", "editor")
    page.fill("#login-token", TOKEN)
    page.click("#login-button")
    page.wait_for_url(f"{base}/services/{keep}")

    # rename
    page.fill("#edit-form input[name=name]", "스마트 BIS 정류장")
    page.fill("#edit-form input[name=reason]", "정식 명칭")
    page.click("#edit-form button[type=submit]")
    page.wait_for_url(f"{base}/services/{keep}")
    assert page.locator("#service-name").inner_text() == "스마트 BIS 정류장"

    # merge the duplicate into it
    page.fill("#merge-form input[name=others]", str(dup))
    page.fill("#merge-form input[name=reason]", "중복 추출")
    page.click("#merge-form button[type=submit]")
    page.wait_for_url(f"{base}/services/{keep}")
    assert "병합" in page.locator("#service-edits").inner_text()
    page.goto(f"{base}/services/{dup}")
    page.wait_for_url(f"{base}/edits?service={dup}")
    assert page.locator("#edit-gone").count() == 1
    shot(page, "edit-merged")

    # undo the merge from the service page: the duplicate is back
    page.goto(f"{base}/services/{keep}")
    page.click("#undo-form button[type=submit]")
    page.wait_for_url(f"{base}/services/{keep}")
    page.goto(f"{base}/services/{dup}")
    assert page.locator("#service-name").inner_text() == "주차 공유 서비스"

    # the coding form asks for the sub-type again when the domain changes
    page.goto(f"{base}/services/{keep}")
    page.select_option("#edit-panel .cf-domain", "safety")
    assert page.locator("#edit-panel .cf-subtype").input_value() == ""
    offered = page.locator("#edit-panel .cf-subtype option:not([hidden])").evaluate_all(
        "opts => opts.map(o => o.dataset.domain || '')"
    )
    assert set(offered) <= {"", "safety"}
    shot(page, "edit-panel")

    # open the source page of the service from the ingested PDF (the original file is gone)
    pdf_service = ids["pdf/지능형 CCTV"]
    page.goto(f"{base}/services/{pdf_service}")
    page.click("#source-link")
    page.wait_for_url(f"{base}/services/{pdf_service}/source")
    image = page.locator("#source-page")
    image.wait_for()
    assert page.evaluate("img => img.complete && img.naturalWidth > 500", image.element_handle())
    marked = page.request.get(f"{base}/services/{pdf_service}/source.png").headers["x-marked-boxes"]
    assert int(marked) >= 1
    shot(page, "source-page")
