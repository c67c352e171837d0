"""Hangul is drawn, not tofu, in the dashboard and in report.html on a machine with only Latin system fonts.

Chromium runs with a fontconfig configuration that knows one folder of Latin fonts (DejaVu). A control first shows
that such a browser draws every Hangul syllable as the same empty box in a system font; then the same syllables in the
page's own font (the dashboard's /fonts/ WOFF2, the report's embedded subset) must come out as different pictures.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .test_browser import ARGS, ARTIFACTS, CHROMIUM, live  # noqa: F401  (live: the module's server fixture)

LATIN_FONTS = Path("/usr/share/fonts/truetype/dejavu")
SYLLABLES = "분야서비스"  # all of them appear in the report's and the dashboard's headings

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
    pytest.mark.skipif(not LATIN_FONTS.is_dir(), reason="no DejaVu fonts to stand for a Latin-only machine"),
]


@pytest.fixture(scope="module")
def latin_only_browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    folder = tmp_path_factory.mktemp("fontconfig")
    fonts = folder / "fonts"
    fonts.mkdir()
    for ttf in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        if (LATIN_FONTS / ttf).exists():
            shutil.copy(LATIN_FONTS / ttf, fonts / ttf)
    (folder / "fonts.conf").write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{fonts}</dir><cachedir>{folder / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = {"FONTCONFIG_FILE": str(folder / "fonts.conf"), "HOME": str(folder), "PATH": "/usr/bin:/bin"}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True, env=env)
        yield browser
        browser.close()


def _glyph_shots(page: object, family: str | None) -> list[bytes]:
    """A screenshot of each syllable drawn alone, in `family` (None: the page's own font)."""
    page.evaluate(  # type: ignore[attr-defined]
        """([text, family]) => {
             const box = document.createElement('div');
             box.id = 'glyph-probe';
             box.style.cssText = 'position:fixed;top:0;left:0;z-index:99;background:#fff;color:#000;font-size:40px;';
             for (const ch of text) {
               const s = document.createElement('span');
               s.className = 'probe'; s.textContent = ch;
               s.style.cssText = 'display:inline-block;padding:4px;' + (family ? 'font-family:' + family : '');
               box.appendChild(s);
             }
             document.body.appendChild(box);
           }""",
        [SYLLABLES, family],
    )
    page.evaluate("document.fonts.ready")  # type: ignore[attr-defined]
    shots = [
        page.locator("#glyph-probe .probe").nth(k).screenshot()  # type: ignore[attr-defined]
        for k in range(len(SYLLABLES))
    ]
    page.evaluate("document.getElementById('glyph-probe').remove()")  # type: ignore[attr-defined]
    return shots


def _check_page(page: object, name: str) -> None:
    tofu = _glyph_shots(page, '"DejaVu Sans"')
    assert len(set(tofu)) == 1, "the control failed: this browser has a font with Hangul, so the test proves nothing"
    drawn = _glyph_shots(page, None)
    assert len(set(drawn)) == len(SYLLABLES), f"{name}: Hangul syllables drawn as identical boxes (tofu)"
    assert not set(drawn) & set(tofu)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"latin-only-{name}.png"))  # type: ignore[attr-defined]


def test_the_dashboard_draws_hangul_with_its_own_web_font(latin_only_browser, live) -> None:  # noqa: F811
    base, _ = live
    context = latin_only_browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    fonts_seen: list[str] = []
    page.on("response", lambda r: fonts_seen.append(r.url) if "/fonts/" in r.url and r.ok else None)
    page.goto(base + "/")
    page.evaluate("document.fonts.ready")
    _check_page(page, "dashboard")
    assert any(u.endswith("ScatlasGothic-Regular.woff2") for u in fonts_seen)
    context.close()


def test_report_html_draws_hangul_with_its_embedded_font(latin_only_browser, tmp_path) -> None:
    from tests.analysis.builders import study_inventory

    from scatlas.report.writer import write_report

    cat = study_inventory(tmp_path / "study.db")
    result = write_report(cat, tmp_path / "out", formats=("html",))
    cat.close()
    html = result.files["html"].read_text(encoding="utf-8")
    assert html.count("data:font/woff;base64,") == 2  # regular and bold, inside the file
    context = latin_only_browser.new_context(
        viewport={"width": 1280, "height": 900},  # type: ignore[attr-defined]
        offline=True,
    )
    page = context.new_page()
    page.goto(result.files["html"].as_uri())
    page.evaluate("document.fonts.ready")
    _check_page(page, "report")
    context.close()
