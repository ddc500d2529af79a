"""A real browser on the built site: Debian's Chromium (/usr/bin/chromium), driven by Playwright,
loads the pages from a local HTTP server on 127.0.0.1.

It checks the language switcher (lands on the same page and anchor), the lang attributes,
in-page anchors in every language, and that CJK text renders with a CJK font (no missing
glyphs); it saves a screenshot per language in build/screenshots/<lang>.png.
`.ci/run` installs chromium and fonts-noto-cjk; without them the test is skipped, saying why.
"""

from __future__ import annotations

import functools
import threading
import unicodedata
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from sitebuild import FUZZY_MSGID, LANGUAGES, REPO, built_site

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]
SCREENSHOTS = REPO / "build" / "screenshots"
CJK = ("zh_CN", "zh_TW", "ja")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    site = built_site()
    handler = functools.partial(QuietHandler, directory=str(site.html))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium package "
                    "(`apt-get install chromium fonts-noto-cjk`, done by .ci/run as root)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed: run `make venv`")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 1100, "height": 700})
    page.set_default_timeout(10_000)
    yield page
    page.close()


def section_ids(page: Any) -> list[str]:
    return list(page.eval_on_selector_all("section[id]", "els => els.map(e => e.id)"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_lang_attributes_and_screenshot(page: Any, base_url: str, language: str) -> None:
    page.goto(f"{base_url}/{language}/README.html")
    assert page.evaluate("document.documentElement.lang") == language.replace("_", "-")
    links = page.eval_on_selector_all(
        "nav.l10n-switcher a.l10n-lang", "els => els.map(e => [e.dataset.lang, e.lang, e.textContent])")
    assert {code: (lang, name) for code, lang, name in links} == {
        "en": ("en", "English"), "zh_CN": ("zh-CN", "简体中文"),
        "zh_TW": ("zh-TW", "繁體中文"), "ja": ("ja", "日本語")}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{language}.png"), full_page=True)
    assert (SCREENSHOTS / f"{language}.png").stat().st_size > 10_000


def test_fallback_passages_carry_lang_en(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/zh_CN/README.html")
    marked = page.eval_on_selector_all(".l10n-fallback", "els => els.map(e => [e.tagName, e.lang])")
    assert marked == [["H2", "en"], ["P", "en"]]
    assert page.inner_text("h2.l10n-fallback").startswith(FUZZY_MSGID)
    page.click("a.l10n-english-link")
    assert page.url.endswith("/en/README.html")


@pytest.mark.parametrize(("source", "target"), [("en", t) for t in LANGUAGES if t != "en"]
                         + [(s, "en") for s in LANGUAGES if s != "en"] + [("ja", "zh_TW")])
def test_switcher_lands_on_same_page_and_anchor(page: Any, base_url: str, source: str, target: str) -> None:
    page.goto(f"{base_url}/{source}/README.html")
    anchor = section_ids(page)[5]  # the "2022" section: below the fold
    page.goto(f"{base_url}/{source}/README.html#{anchor}")
    page.click(f'nav.l10n-switcher a[data-lang="{target}"]')
    page.wait_for_load_state()
    assert page.url == f"{base_url}/{target}/README.html#{anchor}"
    assert page.evaluate("document.documentElement.lang") == target.replace("_", "-")
    top = page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top")
    assert page.evaluate("window.scrollY") > 0 and abs(top) < 5


@pytest.mark.parametrize("language", LANGUAGES)
def test_in_page_anchors_work(page: Any, base_url: str, language: str) -> None:
    page.goto(f"{base_url}/{language}/README.html")
    ids = section_ids(page)
    assert len(ids) == 9
    for anchor in ids[1:]:
        page.goto(f"{base_url}/{language}/README.html")
        heading = f"#{anchor} > :is(h2, h3)"
        page.hover(heading)  # the theme shows a heading's permalink on hover
        page.click(f'{heading} > a.headerlink[href="#{anchor}"]')
        assert page.evaluate("window.location.hash") == f"#{anchor}"
        top = page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top")
        height = page.evaluate("window.innerHeight")
        assert -2 <= top < height, (anchor, top)  # scrolled into view (subpixel layout)


CJK_FONT_MARKERS = ("CJK", "Source Han", "WenQuanYi", "Droid Sans Fallback", "IPA")


def _is_cjk(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(
        ("CJK UNIFIED", "CJK COMPATIBILITY", "HIRAGANA", "KATAKANA", "FULLWIDTH", "IDEOGRAPHIC"))


def _text_nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if node.get("nodeType") == 3:
        yield node
    for child in node.get("children", []):
        yield from _text_nodes(child)


@pytest.mark.parametrize("language", CJK)
def test_cjk_text_renders_without_missing_glyphs(page: Any, base_url: str, language: str) -> None:
    """Chromium reports the platform fonts that drew each text node, with glyph counts. A CJK
    character no font has is drawn as a box by a non-CJK fallback font, so the glyphs drawn by
    non-CJK fonts must not outnumber the node's non-CJK characters."""
    page.goto(f"{base_url}/{language}/README.html")
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    document = session.send("DOM.getDocument", {"depth": -1, "pierce": False})["root"]
    body = session.send("DOM.querySelector", {"nodeId": document["nodeId"], "selector": "body"})["nodeId"]
    tree = session.send("DOM.describeNode", {"nodeId": body, "depth": -1})["node"]
    backend_ids = [n["backendNodeId"] for n in _text_nodes(tree) if any(_is_cjk(c) for c in n["nodeValue"])]
    assert len(backend_ids) > 30
    node_ids = session.send("DOM.pushNodesByBackendIdsToFrontend", {"backendNodeIds": backend_ids})["nodeIds"]
    checked = 0
    for node_id in node_ids:
        text = session.send("DOM.describeNode", {"nodeId": node_id})["node"]["nodeValue"]
        fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node_id})["fonts"]
        if not fonts:  # not rendered (e.g. the hidden search box)
            continue
        other = sum(f["glyphCount"] for f in fonts if not any(m in f["familyName"] for m in CJK_FONT_MARKERS))
        assert other <= sum(1 for c in text if not _is_cjk(c) and not c.isspace()), (text[:40], fonts)
        assert any(any(m in f["familyName"] for m in CJK_FONT_MARKERS) for f in fonts), (text[:40], fonts)
        checked += 1
    assert checked > 30
