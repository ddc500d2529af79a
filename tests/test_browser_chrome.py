"""The row above the article in a real browser (Chromium through Playwright, tests/browser_kit.py),
on the site of tests/sitebuild.py, whose zh_CN pages carry the fallback banner.

The language switcher and the banners sit in furo's `.content-icon-container`, outside
`<article role="main">`: Sphinx's search (searchtools.js) builds each result's snippet from that
element's text, so a snippet shows the page's own words, from its first one when the word searched
is near the top. The switcher is in the same place on the document, search and index pages, above
the article, on a phone and a desktop, with targets of at least 24 px, and it opens and switches
without JavaScript.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

SEARCH_WORDS = {"en": "spreadsheet", "zh_CN": "训练", "ja": "学習"}  # each in its language's page text
PAGES = ("README.html", "search.html", "genindex.html")  # a document, and furo's pages of their own
PHONE, DESKTOP = 390, 1280
# the text searchtools.js's htmlToText keeps of a page: [role=main] without .headerlink, script, style
ARTICLE_TEXT = """() => { const main = document.querySelector('[role="main"]').cloneNode(true);
  main.querySelectorAll('.headerlink, script, style').forEach(e => e.remove()); return main.textContent; }"""
CHROME_TEXTS = """() => [...document.querySelectorAll(
  'nav.l10n-switcher summary, nav.l10n-switcher a, .l10n-banner')].map(e => [e.className, e.textContent])"""
BOX = "e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"
# where the switcher's right edge belongs: the row's end, before the furo icons shown after it (a page
# without a table of contents, like search, has no icon for one)
ROW_END = """() => { const nav = document.querySelector('nav.l10n-switcher'), row = nav.parentElement;
  const gap = parseFloat(getComputedStyle(row).columnGap); let end = row.getBoundingClientRect().right;
  for (let e = nav.nextElementSibling; e; e = e.nextElementSibling) {
    const width = e.getBoundingClientRect().width; if (width && !e.matches('.l10n-banner')) end -= width + gap; }
  return end; }"""


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": DESKTOP, "height": 800})
    page.set_default_timeout(15_000)
    yield page
    page.close()


def squeeze(text: str) -> str:
    return " ".join(text.split())


def chrome_texts(page: Any) -> list[tuple[str, str]]:
    """The switcher's summary and links and each banner on the page: (class, text)."""
    return [(cls, squeeze(text)) for cls, text in page.evaluate(CHROME_TEXTS)]


def readme_snippets(page: Any, language: str) -> list[str]:
    """The snippet of each search result that is the language's README, once every one is shown."""
    page.wait_for_selector("#search-results ul.search li p.context")
    results = page.eval_on_selector_all(
        "#search-results ul.search li",
        "els => els.map(e => [e.querySelector('a').href, e.querySelector('p.context')?.textContent ?? ''])")
    found = [squeeze(text) for href, text in results if href.split("?")[0].split("#")[0].endswith(
        f"/{language}/README.html")]
    assert found, results
    return found


def assert_page_text_only(snippet: str, article: str, chrome: list[tuple[str, str]]) -> None:
    assert snippet.removeprefix("...").removesuffix("...") in article, snippet
    for cls, text in chrome:
        assert text not in snippet, (cls, snippet)


@pytest.mark.parametrize("language", SEARCH_WORDS)
def test_search_finds_a_word_of_the_language(page: Any, base_url: str, language: str) -> None:
    """Sphinx's index splits Chinese with jieba and Japanese with its own splitter: a word in the
    middle of a sentence finds the page, and its snippet is the page's text around the word."""
    word = SEARCH_WORDS[language]
    page.goto(f"{base_url}/{language}/README.html")
    article, chrome = squeeze(page.evaluate(ARTICLE_TEXT)), chrome_texts(page)
    assert word in article
    page.goto(f"{base_url}/{language}/search.html?q={word}")
    for snippet in readme_snippets(page, language):
        assert word in snippet
        assert_page_text_only(snippet, article, chrome)


@pytest.mark.parametrize("language", ["en", "zh_CN", "ja"])
def test_search_from_a_page_shows_its_text_first(page: Any, base_url: str, language: str) -> None:
    """The page's title typed into the sidebar's search box: the word is at the top of the page,
    so the snippet starts where the page's text does, never with the switcher or a banner."""
    page.goto(f"{base_url}/{language}/README.html")
    article, chrome = squeeze(page.evaluate(ARTICLE_TEXT)), chrome_texts(page)
    classes = {cls for cls, _ in chrome}
    assert "l10n-home" in classes
    assert ("l10n-banner l10n-fallback-banner" in classes) == (language == "zh_CN")  # sitebuild's fallbacks
    title = squeeze(page.eval_on_selector("h1", "e => e.firstChild.textContent"))
    page.fill("form.sidebar-search-container input[name=q]", title)
    page.press("form.sidebar-search-container input[name=q]", "Enter")
    page.wait_for_url(f"{base_url}/{language}/search.html?*")
    for snippet in readme_snippets(page, language):
        assert snippet.startswith(title) and article.startswith(snippet.removesuffix("...")), snippet
        assert_page_text_only(snippet, article, chrome)


def outside_the_article(page: Any, selector: str) -> list[bool]:
    return page.eval_on_selector_all(
        selector, "els => els.map(e => !e.closest('[role=main]') && !!e.closest('.content-icon-container'))")


def assert_in_the_row_above_the_article(page: Any, width: int) -> None:
    assert outside_the_article(page, "nav.l10n-switcher") == [True]
    assert all(outside_the_article(page, ".l10n-banner"))
    article = page.eval_on_selector("[role=main]", BOX)
    for left, _top, right, bottom in page.eval_on_selector_all("nav.l10n-switcher summary, .l10n-banner",
                                                              f"els => els.map({BOX})"):
        assert bottom <= article[1] and left >= 0 and right <= width
    for left, _, right, _ in page.eval_on_selector_all(".l10n-banner", f"els => els.map({BOX})"):
        assert abs(left - article[0]) < 1 and abs(right - article[2]) < 1  # as wide as the article


def assert_menu_opens_with_large_targets(page: Any, width: int) -> None:
    page.click("nav.l10n-switcher summary")
    assert all(link.is_visible() for link in page.locator("nav.l10n-switcher a").all())
    links = page.eval_on_selector_all("nav.l10n-switcher a", f"els => els.map({BOX})")
    assert len(links) >= 3  # two languages at least, and the landing page
    for left, top, right, bottom in [page.eval_on_selector("nav.l10n-switcher summary", BOX), *links]:
        assert right - left >= 24 and bottom - top >= 24  # WCAG 2.2 target size
        assert left >= 0 and right <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("language", ["en", "zh_CN", "ja"])
def test_switcher_is_in_the_same_place_above_the_article(browser: Any, base_url: str, language: str,
                                                         width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 800})
    try:
        places = set()
        for name in PAGES:
            page.goto(f"{base_url}/{language}/{name}")
            assert page.is_visible("nav.l10n-switcher summary"), name
            left, top, right, bottom = page.eval_on_selector("nav.l10n-switcher summary", BOX)
            assert abs(right - page.evaluate(ROW_END)) < 1, name  # first of the row's right-aligned items
            places.add((round(top), round(bottom), round(right - left)))
            assert_in_the_row_above_the_article(page, width)
            assert_menu_opens_with_large_targets(page, width)
        assert len(places) == 1, places  # the same height on every page, the same size
    finally:
        page.close()


def test_switcher_works_without_javascript(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport={"width": PHONE, "height": 800}, java_script_enabled=False)
    try:
        page.goto(f"{base_url}/zh_CN/README.html")
        assert not page.is_visible('nav.l10n-switcher a[data-lang="ja"]')
        page.click("nav.l10n-switcher summary")  # <details> opens by itself
        page.click('nav.l10n-switcher a[data-lang="ja"]')  # a plain link
        page.wait_for_url(f"{base_url}/ja/README.html")
        assert page.evaluate("document.documentElement.lang") == "ja"
    finally:
        page.close()


# each heading's text, the top of its text's last line, and the top of its permalink (¶, hidden until hovered)
PERMALINKS = """() => [...document.querySelectorAll('article :is(h1, h2, h3) > a.headerlink')].map(a => {
  const text = document.createRange(); text.setStart(a.parentElement, 0); text.setEndBefore(a);
  return [a.parentElement.textContent, [...text.getClientRects()].at(-1).top, a.getBoundingClientRect().top]; })"""


@pytest.mark.parametrize("language", ["ja", "zh_CN", "en"])
def test_a_headings_hidden_permalink_takes_no_line_of_its_own(browser: Any, base_url: str, language: str) -> None:
    """A heading that fills its last line (CJK breaks anywhere) gets no blank line for its ¶."""
    page = browser.new_page(viewport={"width": PHONE, "height": 800})
    page.goto(f"{base_url}/{language}/README.html")
    headings = page.evaluate(PERMALINKS)
    page.close()
    assert len(headings) >= 5
    assert [text for text, line, link in headings if abs(link - line) > 12] == []
