"""A real browser on the built site: Debian's Chromium (/usr/bin/chromium), driven by Playwright,
loads the pages from a local HTTP server on 127.0.0.1.

It checks the language switcher (lands on the same page and anchor), the lang attributes,
in-page anchors in every language, and that CJK text renders with a CJK font (no missing
glyphs); every language, on a phone (390 px) and a desktop (1280 px), light and dark, fits the
screen and is saved in build/screenshots/<lang>-<width>-<scheme>.png (under the repository); the
switcher menu fits a 360 px screen with targets of at least 24 px. Two small sites made here add
inline code in English and Japanese (drawn in a monospace font), and the partial French of
tests/partial_fr.py (its passages shown in English, its banner, its switcher). Search and the
row above the article (switcher, banners) are test_browser_chrome.py's.
`.ci/run` installs chromium and fonts-noto-cjk; without them the test is skipped, saying why.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest

import mini_project
from browser_kit import serve
from l10n.build.site import build_site
from l10n.catalog.io import read_po
from l10n.catalog.stats import entry_state
from l10n.config import Config
from partial_fr import write_partial_fr_project
from sitebuild import FUZZY_MSGID, LANGUAGES, REPO

SCREENSHOTS = REPO / "build" / "screenshots"
CJK = ("zh_CN", "zh_TW", "ja")


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 1100, "height": 700})
    page.set_default_timeout(10_000)
    yield page
    page.close()


def section_ids(page: Any) -> list[str]:
    return list(page.eval_on_selector_all("section[id]", "els => els.map(e => e.id)"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_lang_attributes_and_native_names(page: Any, base_url: str, language: str) -> None:
    page.goto(f"{base_url}/{language}/README.html")
    assert page.evaluate("document.documentElement.lang") == language.replace("_", "-")
    links = page.eval_on_selector_all(
        "nav.l10n-switcher a.l10n-lang", "els => els.map(e => [e.dataset.lang, e.lang, e.textContent])")
    assert {code: (lang, name) for code, lang, name in links} == {
        "en": ("en", "English"), "zh_CN": ("zh-CN", "简体中文"),
        "zh_TW": ("zh-TW", "繁體中文"), "ja": ("ja", "日本語")}


PHONE, DESKTOP = 390, 1280


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("language", LANGUAGES)
def test_screenshots_fit_the_screen_in_both_schemes(browser: Any, base_url: str, language: str, width: int,
                                                    scheme: str) -> None:
    """build/screenshots/<lang>-<width>-<scheme>.png; nothing wider than a phone's screen, and the
    dark scheme really dark (furo follows prefers-color-scheme)."""
    page = browser.new_page(viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        page.goto(f"{base_url}/{language}/README.html")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        red, green, blue = (int(n) for n in re.findall(r"\d+", background)[:3])
        assert (red + green + blue < 150) == (scheme == "dark"), background
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shot = SCREENSHOTS / f"{language}-{width}-{scheme}.png"
        page.screenshot(path=str(shot), full_page=width == PHONE)
        assert shot.stat().st_size > 10_000
    finally:
        page.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_switcher_menu_fits_a_phone_with_large_targets(browser: Any, base_url: str, language: str) -> None:
    page = browser.new_page(viewport={"width": 360, "height": 740})
    try:
        page.goto(f"{base_url}/{language}/README.html")
        assert not page.is_visible("nav.l10n-switcher a.l10n-lang")  # closed until asked
        page.click("nav.l10n-switcher summary")
        boxes = page.eval_on_selector_all(
            "nav.l10n-switcher :is(summary, a)",
            "els => els.map(e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);"
            " return [e.textContent.trim(), r.left, r.right, r.width, r.height, parseFloat(s.lineHeight)]; })")
        assert len(boxes) == len(LANGUAGES) + 2  # the summary, each language, the landing page
        for text, left, right, box_width, height, line in boxes:
            assert box_width >= 24 and height >= 24, text  # WCAG 2.2 target size
            assert left >= 0 and right <= 360, text  # on the screen
            assert height < 2 * line + 24, text  # one line: no name wraps
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        page.close()


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
    page.click("nav.l10n-switcher summary")  # the menu opens
    page.click(f'nav.l10n-switcher a[data-lang="{target}"]')
    page.wait_for_load_state()
    assert page.url == f"{base_url}/{target}/README.html#{anchor}"
    assert page.evaluate("document.documentElement.lang") == target.replace("_", "-")
    # furo scrolls smoothly and leaves its scroll-margin-top (2.5rem) above a section
    page.wait_for_function(f"Math.abs(document.getElementById('{anchor}').getBoundingClientRect().top - 40) < 5")
    assert page.evaluate("window.scrollY") > 0


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


CODE_ENGLISH = mini_project.ENGLISH + """
Run `make html` and read `build/html/en/`.

```python
print("hello")
```
"""


@pytest.fixture(scope="module")
def code_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """English with inline code and a code block, and a complete Japanese."""
    root = tmp_path_factory.mktemp("code") / "project"
    config = mini_project.write_project(root, english=CODE_ENGLISH)
    for name in ("source/_templates", "source/_static"):
        shutil.copytree(REPO / name, root / name)
    msgids = [*mini_project.MSGIDS, "Run `make html` and read `build/html/en/`."]
    mini_project.write_catalog(config, "ja", {m: f"訳 {m}" for m in msgids})
    build_site(config)
    with serve(config.build_dir / "html") as url:
        yield url




def _platform_fonts(page: Any, selector: str) -> list[str]:
    """The fonts Chromium drew the first text node under `selector` with."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    document = session.send("DOM.getDocument", {"depth": -1})["root"]
    element = session.send("DOM.querySelector", {"nodeId": document["nodeId"], "selector": selector})["nodeId"]
    text = next(_text_nodes(session.send("DOM.describeNode", {"nodeId": element, "depth": -1})["node"]))
    [node_id] = session.send("DOM.pushNodesByBackendIdsToFrontend",
                             {"backendNodeIds": [text["backendNodeId"]]})["nodeIds"]
    return [f["familyName"] for f in session.send("CSS.getPlatformFontsForNode", {"nodeId": node_id})["fonts"]]


@pytest.mark.parametrize("language", ["en", "ja"])
def test_code_keeps_a_monospace_font(page: Any, code_site: str, language: str) -> None:
    page.goto(f"{code_site}/{language}/README.html")
    assert page.evaluate("document.documentElement.lang") == language
    for selector in ("p code", "pre span.nb"):  # inline code, and `print` in the block
        family = page.eval_on_selector(selector, "e => getComputedStyle(e).fontFamily")
        assert family.endswith("monospace"), (selector, family)
        assert all("Mono" in name for name in _platform_fonts(page, selector)), selector
    text = page.eval_on_selector("p:has(code)", "e => getComputedStyle(e).fontFamily")
    assert text.startswith("-apple-system" if language == "en" else '"Noto Sans CJK JP"'), text  # furo's stack
    heading = page.eval_on_selector("h1", "e => getComputedStyle(e).fontFamily")
    assert heading == text  # one family for headings and body


@pytest.fixture(scope="module")
def partial_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Config, str]]:
    config = write_partial_fr_project(tmp_path_factory.mktemp("partial") / "project")
    build_site(config)
    with serve(config.build_dir / "html") as url:
        yield config, url


def test_partial_french_page(page: Any, partial_site: tuple[Config, str]) -> None:
    config, url = partial_site
    states = [entry_state(e) for e in read_po(config.po_path("fr")) if e.msgid]
    fuzzy, untranslated = states.count("fuzzy"), states.count("untranslated")
    page.goto(f"{url}/fr/README.html")
    assert page.evaluate("document.documentElement.lang") == "fr"
    marked = page.eval_on_selector_all(".l10n-fallback", "els => els.map(e => [e.lang, e.className])")
    assert {lang for lang, _ in marked} == {"en"}
    assert sum("l10n-fuzzy" in c for _, c in marked) == fuzzy
    assert sum("l10n-untranslated" in c for _, c in marked) == untranslated
    banner = page.inner_text(".l10n-fallback-banner")
    assert sorted(int(n) for n in re.findall(r"\d+", banner)) == sorted([fuzzy, untranslated])
    for language in ("fr", "en"):
        page.goto(f"{url}/{language}/README.html")
        switcher = page.eval_on_selector_all("nav.l10n-switcher a.l10n-lang", "els => els.map(e => e.dataset.lang)")
        assert switcher == ["en", "fr"], language
