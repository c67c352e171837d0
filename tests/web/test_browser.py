"""The real pages in headless Chromium (Debian's /usr/bin/chromium driven by Playwright) against a live server.

Each scenario saves a screenshot to tests/artifacts/. No scenario may open a JavaScript dialog: names that look
like markup must stay text.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from .conftest import TOKEN, XSS_IMG, XSS_MUNICIPALITY, XSS_SCRIPT, build_catalogue

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, int]]]:
    """A uvicorn server on loopback over a fresh catalogue, with the real coder for uploads."""
    import uvicorn

    from scatlas.web import WebSettings, create_app

    db = tmp_path_factory.mktemp("browser") / "scatlas.db"
    ids = build_catalogue(db)
    port = _free_port()
    app = create_app(WebSettings(db=db, token=TOKEN, secret=b"b" * 32))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
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


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")  # type: ignore[attr-defined]
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs  # type: ignore[attr-defined]
    yield page
    context.close()
    assert dialogs == [], f"a JavaScript dialog fired: {dialogs}"


def shot(page: object, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"web-{name}.png"), full_page=True)  # type: ignore[attr-defined]


def log_in(page: object, base: str, name: str = "kim") -> None:
    page.goto(f"{base}/login?next=/review")  # type: ignore[attr-defined]
    page.fill("#login-name", name)  # type: ignore[attr-defined]
    page.fill("#login-token", TOKEN)  # type: ignore[attr-defined]
    page.click("#login-button")  # type: ignore[attr-defined]
    page.wait_for_url(f"{base}/review")  # type: ignore[attr-defined]


def test_overview_shows_totals_and_charts(page, live) -> None:
    base, _ = live
    page.goto(base + "/")
    assert page.locator("#totals .num").first.inner_text() == "4"
    assert page.locator("#chart-domains rect.bar").count() == 12
    assert page.get_by_text(XSS_MUNICIPALITY, exact=True).count() >= 1  # the markup name is plain text
    shot(page, "overview")


def test_search_in_korean_finds_substrings(page, live) -> None:
    base, _ = live
    page.goto(base + "/services")
    page.fill("#q", "버스정류장")
    page.press("#q", "Enter")
    page.wait_for_url("**/services?q=*")
    rows = page.locator("#results tbody tr")
    assert rows.count() == 4
    assert "4" in page.locator("#result-count").inner_text()
    shot(page, "search")


def test_filter_by_domain_and_function(page, live) -> None:
    base, _ = live
    page.goto(base + "/services")
    page.click("details summary")
    page.select_option("#f-domain", ["safety"])
    page.select_option("#f-function", ["문제해결"])
    page.click("#apply-button")
    page.wait_for_url("**domain=safety**")
    names = page.locator("#results .svc-name").all_inner_texts()
    assert sorted(names) == ["드론 순찰", "침수 감지 경보"]
    shot(page, "filter")


def test_open_a_service_from_the_list(page, live) -> None:
    base, _ = live
    page.goto(base + "/services?q=" + "독거노인")
    page.click("#results .svc-name")
    page.wait_for_url("**/services/*")
    assert page.locator("#service-name").inner_text() == "AI 독거노인 돌봄"
    assert "자동 분류(fixture)" in page.locator("#history").inner_text()  # the coder's label, not its code
    assert page.locator("#similar").is_visible()
    shot(page, "service")


def test_markup_names_stay_text_on_every_page(page, live) -> None:
    base, ids = live
    page.goto(base + "/services?q=주입 시험")
    assert page.get_by_text(XSS_SCRIPT, exact=True).count() == 1
    assert page.get_by_text(XSS_IMG, exact=True).count() == 1
    assert page.locator("#results img").count() == 0
    page.goto(f"{base}/services/{ids['목포시/' + XSS_IMG]}")
    assert page.locator("#service-name").inner_text() == XSS_IMG
    page.goto(f"{base}/services/{ids['춘천시/' + XSS_SCRIPT]}")
    assert page.locator("#service-name").inner_text() == XSS_SCRIPT
    page.goto(f"{base}/compare?m=춘천시&m=고양시&m={quote(XSS_MUNICIPALITY)}")
    assert page.locator("#compare-table b").count() == 0
    assert page.get_by_text(XSS_MUNICIPALITY).count() >= 1
    shot(page, "compare")
    page.goto(base + "/archetypes")
    log_in(page, base, "xss-check")
    assert page.locator("article.rv img").count() == 0
    assert page.get_by_text(XSS_SCRIPT, exact=True).count() >= 1
    shot(page, "escaping-review")


def test_archetypes_page_states_the_method_and_differentiation(page, live) -> None:
    base, _ = live
    page.goto(base + "/archetypes")
    page.wait_for_selector("#shared-share", timeout=120_000)  # the page reloads itself while computing
    assert "3곳 이상" in page.locator("#shared-share").inner_text()
    assert page.locator("#distinctiveness tbody tr").count() >= 3  # one row per municipality
    page.locator("#archetypes-method summary").click()
    assert "평균 연결" in page.locator("#archetypes-method").inner_text()
    assert "차별성 지수 =" in page.locator("p.note").first.inner_text()
    shot(page, "archetypes-differentiation")


def test_review_with_the_keyboard(page, live) -> None:
    base, _ = live
    log_in(page, base, "reviewer")
    first = page.locator("article.rv").first
    first_id = first.get_attribute("data-id")
    page.keyboard.press("5")  # 방범·방재
    page.wait_for_selector(f"#rv-{first_id}.saved")
    assert page.locator(f"#rv-{first_id} .rv-domain").inner_text() == "방범·방재"
    assert "human:reviewer" in page.locator(f"#rv-{first_id} .rv-status").inner_text()
    # a domain pick stays on the card and asks for the sub-type again: only the new domain's sub-types are offered
    assert "current" in (first.get_attribute("class") or "")
    offered = page.locator(f"#rv-{first_id} select[name=subtype] option:not([hidden])").evaluate_all(
        "opts => opts.map(o => o.dataset.domain || '')"
    )
    assert set(offered) <= {"", "safety"}
    page.keyboard.press("j")
    second = page.locator("article.rv").nth(1)
    assert "current" in (second.get_attribute("class") or "")
    second_id = second.get_attribute("data-id")
    before = page.locator(f"#rv-{second_id} .rv-function").inner_text()
    page.keyboard.press("f")
    page.wait_for_selector(f"#rv-{second_id}.saved")
    assert page.locator(f"#rv-{second_id} .rv-function").inner_text() != before
    with page.expect_response(lambda r: r.url.endswith(f"/review/{second_id}") and r.status == 200):
        page.keyboard.press("a")
    page.keyboard.press("j")
    page.keyboard.press("k")
    shot(page, "review")
    history = page.request.get(f"{base}/api/services/{first_id}/history").json()
    assert history[0]["coder"] == "human:reviewer" and history[0]["domain_id"] == "safety"
    assert [h["coder"] for h in page.request.get(f"{base}/api/services/{second_id}/history").json()[:2]] == [
        "human:reviewer",
        "human:reviewer",
    ]


def test_upload_a_plan_inventory_and_see_its_services(page, live, tmp_path: Path) -> None:
    base, _ = live
    inventory = tmp_path / "양양군_서비스목록.csv"
    inventory.write_text(
        "지자체,계획기간,서비스명,서비스내용\n"
        "양양군,2025~2029,서핑 해변 안전 관제,해변 CCTV와 AI로 익수자를 감지해 구조대에 알림\n"
        "양양군,2025~2029,스마트 버스정류장,버스 도착 정보와 냉난방 쉼터\n",
        encoding="utf-8",
    )
    log_in(page, base, "uploader")
    page.goto(base + "/upload")
    page.set_input_files("#upload-file", str(inventory))
    page.click("#upload-button")
    page.wait_for_url("**/upload/*")
    page.wait_for_selector("#job[data-status=done], #job[data-status=failed]", timeout=90_000)
    assert page.locator("#job").get_attribute("data-status") == "done", page.locator("#job-error").inner_text()
    names = page.locator("#job-services a").all_inner_texts()
    assert names == ["서핑 해변 안전 관제", "스마트 버스정류장"]
    shot(page, "upload")
    page.click("#job-services a >> nth=0")
    page.wait_for_url("**/services/*")
    assert page.locator("#coding").inner_text().count("자동 분류(") == 1  # coded by the real coder
    shot(page, "uploaded-service")


def test_english_interface_by_parameter_and_cookie(page, live) -> None:
    base, ids = live
    page.goto(base + "/municipalities/" + quote("고양시") + "?lang=en")
    assert page.locator("header nav a").first.inner_text() == "Overview"
    page.goto(f"{base}/services/{ids['고양시/드론 순찰']}")  # the cookie keeps English
    assert "Coding history" in page.locator("main").inner_text()
    shot(page, "english-service")
