"""The multilingual site, translated Markdown, status page and conversion.

HTML is built once per session (tests/sitebuild.py) in a copy of the project whose zh_CN
catalog has one fuzzy and one untranslated entry; the repository's files are never written.
Expected figures are counted here from the catalogs the site was built from, never written down:
an upstream sync or a translation edit changes them (the shipped catalogs themselves are checked
by the translation gate, `make check` and `make stale`, in .ci/run).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest

from l10n.build.markdown import render_markdown, usable_translations
from l10n.build.publish import SKIP, WARN, decide
from l10n.build.site import build_site
from l10n.catalog.convert import convert_catalog, opencc_converter
from l10n.catalog.io import new_catalog, read_po, write_po
from l10n.catalog.stats import catalog_stats, entry_state
from l10n.cli import main
from l10n.config import Config, load_config
from l10n.locales import native_name
from l10n.text.segments import inline_features, parse_blocks, segments
from l10n.text.worddiff import format_html, word_diff
from sitebuild import (
    FUZZY,
    FUZZY_MSGID,
    FUZZY_PREVIOUS,
    HEADINGS,
    LANGUAGES,
    REPO,
    SAME_AS_ENGLISH,
    SECTIONS,
    UNTRANSLATED,
    BuiltSite,
    built_site,
    copy_project,
)

NATIVE = {"en": "English", "zh_CN": "简体中文", "zh_TW": "繁體中文", "ja": "日本語"}  # babel's, and ours for zh


def native(code: str) -> str:
    return NATIVE.get(code) or native_name(code)


@dataclass(frozen=True)
class Figures:
    """A catalog's entries, counted here (not by the code under test)."""

    translated: int
    fuzzy: int
    untranslated: int

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def fallbacks(self) -> int:
        return self.fuzzy + self.untranslated


def figures(config: Config, language: str) -> Figures:
    entries = [entry for entry in read_po(config.po_path(language)) if entry.msgid and not entry.obsolete]
    fuzzy = sum(bool(entry.msgstr) and "fuzzy" in entry.flags for entry in entries)
    untranslated = sum(not entry.msgstr for entry in entries)
    return Figures(len(entries) - fuzzy - untranslated, fuzzy, untranslated)


def _words(text: str) -> str:
    """Visible text without its spacing (a page and a msgstr space inline markup differently)."""
    return "".join(text.split())


def shows(element: Element, msgid: str) -> bool:
    """Whether an element's text is the visible text of this msgid (its ¶ permalink aside)."""
    return _words(element.text.replace("¶", "")) == _words(inline_features(msgid).text)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class Page(HTMLParser):
    """Every element with its attributes and its own text (children's text included)."""

    elements: list[Element] = field(default_factory=list)

    def __post_init__(self) -> None:
        HTMLParser.__init__(self)
        self._open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.elements.append(element)
        if tag not in ("meta", "link", "br", "img", "input", "hr"):
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i].tag == tag:
                del self._open[i:]
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data

    def find(self, tag: str, **attrs: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag and all(
            (v in e.attrs.get(k.rstrip("_"), "").split()) if k.endswith("_") else e.attrs.get(k) == v
            for k, v in attrs.items())]


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def site() -> BuiltSite:
    return built_site()


def test_every_language_has_lang_hreflang_and_switcher(site: BuiltSite) -> None:
    for code in LANGUAGES:
        page = parse(site.html / code / "README.html")
        assert page.find("html")[0].attrs["lang"] == code.replace("_", "-")
        alternates = {e.attrs["hreflang"]: e.attrs["href"] for e in page.find("link", rel="alternate")}
        assert alternates == {**{c.replace("_", "-"): f"../{c}/README.html" for c in LANGUAGES},
                              "x-default": "../en/README.html"}
        switcher = {e.attrs["data-lang"]: e for e in page.find("a", class_="l10n-lang")}
        assert {c: e.text for c, e in switcher.items()} == {c: native(c) for c in LANGUAGES}
        for target, link in switcher.items():
            assert (site.html / code / link.attrs["href"]).resolve() == (site.html / target / "README.html")
            assert link.attrs["lang"] == target.replace("_", "-")
        assert [c for c, e in switcher.items() if "current" in e.attrs["class"].split()] == [code]


SITE_WORDS = {  # from the shipped site.po files: the site name, the search box, the 404 page
    "en": ("Machine Learning Engineering", "Search", "Page not found"),
    "zh_CN": ("机器学习工程", "搜索", "找不到页面"),
    "zh_TW": ("機器學習工程", "搜尋", "找不到頁面"),
    "ja": ("機械学習エンジニアリング", "検索", "ページが見つかりません"),
}


def test_every_page_head_has_one_viewport_a_favicon_and_the_site_title(site: BuiltSite) -> None:
    for code in LANGUAGES:
        page = parse(site.html / code / "README.html")
        name, search, _ = SITE_WORDS[code]
        assert len(page.find("meta", name="viewport")) == 1
        [icon] = [e for e in page.find("link") if "icon" in e.attrs.get("rel", "").split()]
        assert (site.html / code / icon.attrs["href"]).is_file() and icon.attrs["href"].endswith(".svg")
        [title] = [e.text for e in page.find("title") if e.text.endswith(name)]  # furo's icons have titles too
        heading = page.find("h1")[0].text.replace("¶", "").strip()
        assert title == f"{heading} \N{EM DASH} {name}" and heading != name
        [box] = page.find("input", name="q")
        assert box.attrs["placeholder"] == search == box.attrs["aria-label"]


def test_every_language_has_its_404_page_in_its_words(site: BuiltSite) -> None:
    for code in LANGUAGES:
        page = parse(site.html / code / "404.html")
        _, _, not_found = SITE_WORDS[code]
        [section] = page.find("section", id="page-not-found")
        assert section.attrs["lang"] == code.replace("_", "-")
        assert page.find("h1")[0].text == not_found
        assert page.find("a", href="README.html")  # back to the book, in the same language
        switcher = {e.attrs["data-lang"]: e.attrs["href"] for e in page.find("a", class_="l10n-lang")}
        assert switcher == {c: f"../{c}/404.html" for c in LANGUAGES}


def test_switcher_is_a_menu_of_plain_links(site: BuiltSite) -> None:
    page = parse(site.html / "ja" / "README.html")
    [nav] = page.find("nav", class_="l10n-switcher")
    assert nav.attrs["aria-label"] == "言語" and nav.attrs["lang"] == "ja"
    assert page.find("details") and page.find("summary")  # opens without JavaScript
    assert "日本語" in page.find("summary")[0].text  # the current language, by its native name
    [home] = page.find("a", class_="l10n-home")
    assert home.attrs["href"] == "../index.html" and home.text == "すべての言語" and home.attrs["lang"] == "ja"


def test_section_anchors_are_the_same_in_every_language(site: BuiltSite) -> None:
    ids = {code: [e.attrs["id"] for e in parse(site.html / code / "README.html").find("section")]
           for code in LANGUAGES}
    assert len(ids["en"]) == SECTIONS
    assert all(found == ids["en"] for found in ids.values())


def _classes(element: Element) -> list[str]:
    return element.attrs.get("class", "").split()


def test_fallback_passages_are_marked_english_and_counted(site: BuiltSite) -> None:
    page = parse(site.html / "zh_CN" / "README.html")
    counted = figures(site.config, "zh_CN")
    fallbacks = [e for e in page.elements if "l10n-fallback" in _classes(e)]
    assert len(fallbacks) == counted.fallbacks and counted.fuzzy >= 1 and counted.untranslated >= 1
    [heading] = [e for e in fallbacks if e.tag == f"h{FUZZY.level}" and shows(e, FUZZY_MSGID)]
    [paragraph] = [e for e in fallbacks if e.tag == "p" and shows(e, UNTRANSLATED.msgid)]
    assert heading.attrs["lang"] == paragraph.attrs["lang"] == "en"
    assert "l10n-fuzzy" in _classes(heading) and "l10n-untranslated" in _classes(paragraph)
    same = [e for e in page.find(f"h{SAME_AS_ENGLISH.level}") if shows(e, SAME_AS_ENGLISH.msgid)]
    assert [e.attrs for e in same] == [{}]  # translated as the English: no fallback
    banner = page.find("div", class_="l10n-fallback-banner")
    assert len(banner) == 1
    assert f"{counted.untranslated} 段尚未翻译" in banner[0].text
    assert f"{counted.fuzzy} 段的英文原文在翻译后有改动" in banner[0].text
    english_link = page.find("a", class_="l10n-english-link")[0]
    assert english_link.attrs["href"] == "../en/README.html"


def test_only_languages_with_fallbacks_have_them_and_a_banner(site: BuiltSite) -> None:
    for code in LANGUAGES:
        page = parse(site.html / code / "README.html")
        expected = figures(site.config, code).fallbacks if code != "en" else 0
        assert sum("l10n-fallback" in _classes(e) for e in page.elements) == expected, code
        assert bool(page.find("div", class_="l10n-fallback-banner")) == bool(expected), code
        if not expected and code != "en":  # complete: no banner of any kind
            assert not page.find("div", class_="l10n-banner"), code


def test_landing_page_lists_languages_with_completion(site: BuiltSite) -> None:
    page = parse(site.html / "index.html")
    found = [e.text for e in page.find("tr")[1:]]
    assert len(found) == len(LANGUAGES)
    for code in LANGUAGES[1:]:
        counted = figures(site.config, code)
        row = next(r for r in found if r.startswith(native(code)))
        assert f"{100 * counted.translated / counted.total:.0f}% ({counted.translated} of {counted.total})" in row
    links = {e.attrs["href"] for e in page.find("a")}
    assert {f"{c}/index.html" for c in LANGUAGES} | {"status.html"} <= links


def test_status_page_shows_progress_stale_diff_and_findings(site: BuiltSite) -> None:
    text = (site.html / "status.html").read_text(encoding="utf-8")
    page = parse(site.html / "status.html")
    assert [e.attrs["aria-label"] for e in page.find("div", class_="bar")] == [
        f"{c.translated} translated, {c.fuzzy} fuzzy, {c.untranslated} untranslated"
        for c in (figures(site.config, code) for code in LANGUAGES[1:])]
    # the word diff between the previous and the current English, next to the current translation
    assert f"<td lang=\"en\">{format_html(word_diff(FUZZY_PREVIOUS, FUZZY_MSGID))}</td>" in text
    assert f"<del>{FUZZY_PREVIOUS.removesuffix(FUZZY_MSGID)}</del>{FUZZY_MSGID}" in text
    translation = read_po(site.config.po_path("zh_CN")).find(FUZZY_MSGID).msgstr
    assert translation and any(e.text == translation for e in page.find("td", lang="zh-CN"))
    assert "Open check findings" in text


def test_publishing_threshold() -> None:
    assert decide(80.0, 80.0, WARN) == "publish"
    assert decide(79.9, 80.0, WARN) == WARN
    assert decide(79.9, 80.0, SKIP) == SKIP


def test_skip_below_threshold_removes_and_does_not_build(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace(
        'below_threshold = "warn"', 'below_threshold = "skip"').replace(
        "threshold = { default = 80 }", "threshold = { default = 80, ja = 100.1 }"), encoding="utf-8")
    stale = root / "build" / "html" / "ja"
    stale.mkdir(parents=True)
    result = build_site(load_config(root), ["ja"])
    assert [s.code for s in result.skipped] == ["ja"] and not stale.exists()
    assert [b.language for b in result.built] == ["en"]  # not built yet, and every page links it
    assert "../ja/" not in (root / "build" / "html" / "en" / "README.html").read_text(encoding="utf-8")
    landing = (root / "build" / "html" / "index.html").read_text(encoding="utf-8")
    assert "not published: below the 100% threshold" in landing


def test_warn_below_threshold_shows_banner(site: BuiltSite, tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace(
        "threshold = { default = 80 }", "threshold = { default = 80, ja = 100.1 }"), encoding="utf-8")
    result = build_site(load_config(root), ["ja"])
    assert [b.language for b in result.built] == ["en", "ja"]  # English too: it had no build yet
    page = parse(root / "build" / "html" / "ja" / "README.html")
    warning = page.find("div", class_="l10n-below-threshold")
    assert warning and "公開基準の 100% を下回っています" in warning[0].text


# --- translated Markdown -------------------------------------------------------------------

def test_markdown_uses_exactly_the_pot_segmentation(site: BuiltSite) -> None:
    pot = read_po(site.config.pot_path())
    english = site.config.source_file().read_text(encoding="utf-8")
    rendered = render_markdown(english, {})
    assert set(rendered.msgids) == {e.msgid for e in pot if e.msgid}
    assert rendered.text == english  # nothing translated: the English, byte for byte


def test_markdown_keeps_fuzzy_and_untranslated_english(site: BuiltSite) -> None:
    text = (site.root / "build" / "markdown" / "zh_CN" / "README.md").read_text(encoding="utf-8")
    assert f"{'#' * FUZZY.level} {FUZZY_MSGID}\n" in text
    assert f"\n{UNTRANSLATED.raw.splitlines()[0]}" in text
    translated = next(h for h in HEADINGS if h not in (FUZZY, SAME_AS_ENGLISH))
    translation = read_po(site.config.po_path("zh_CN")).find(translated.msgid).msgstr
    assert translation and f"{'#' * translated.level} {translation}\n" in text


def _shape(markdown: str) -> list[tuple[object, ...]]:
    return [(s.kind, s.level, s.containers, sorted(inline_features(s.raw).destinations),
             sorted(inline_features(s.raw).code)) for s in segments(markdown)]


def _blocks(markdown: str) -> list[tuple[str, str, int]]:
    return [(t.type, t.markup, t.level) for t in parse_blocks(markdown) if t.type != "inline"]


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_shipped_markdown_keeps_the_english_structure(language: str) -> None:
    config = load_config(REPO)
    english = config.source_file().read_text(encoding="utf-8")
    translations = usable_translations(read_po(config.po_path(language)))
    rendered = render_markdown(english, translations)
    in_blocks = {s.msgid for s in segments(english) if s.kind != "image-alt"}  # alt text: in its block's msgstr
    assert set(rendered.translated) == in_blocks & translations.keys()
    assert _shape(rendered.text) == _shape(english)  # headings, levels, lists, links, code
    assert _blocks(rendered.text) == _blocks(english)  # every block marker: #, -, fences


def test_markdown_keeps_block_markers_code_and_tables() -> None:
    english = ("# Title\n\n> quoted text\n> goes on\n\n| a | b |\n|---|---|\n| c | d |\n\n"
               "1. item\n   continued\n\n```python\nprint('x')\n```\n\n## Closed ##\n")
    rendered = render_markdown(english, {"Title": "標題", "quoted text goes on": "引用\n二行目",
                                         "a": "甲", "d": "丁", "item continued": "項目", "Closed": "終"})
    assert rendered.text == ("# 標題\n\n> 引用\n> 二行目\n\n| 甲 | b |\n|---|---|\n| c | 丁 |\n\n"
                             "1. 項目\n\n```python\nprint('x')\n```\n\n## 終 ##\n")
    assert rendered.kept_english == ("b", "c")


# --- conversion and the shipped catalogs ---------------------------------------------------

def _zh_catalog(language: str, translations: dict[str, str], fuzzy: tuple[str, ...] = ()) -> polib.POFile:
    catalog = new_catalog(language, "p")
    for msgid, msgstr in translations.items():
        catalog.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=["fuzzy"] if msgid in fuzzy else []))
    return catalog


def test_convert_marks_every_converted_entry_fuzzy() -> None:
    simplified = {"Resources": "资源", "Publicly available training LLM/VLM logbooks": "公开的训练日志",
                  "Software": "软件", "Not yet": "", "Unsure": "不确定"}
    source = _zh_catalog("zh_CN", simplified, fuzzy=("Unsure",))
    catalog, report = convert_catalog(source, None, opencc_converter("s2twp"), "zh_CN", "zh_TW", "p", "s2twp")
    active = {e.msgid: e for e in catalog if e.msgid}
    assert report.converted == ["Resources", "Publicly available training LLM/VLM logbooks", "Software"]
    assert report.not_translated == ["Not yet", "Unsure"]  # nothing reviewed to convert
    assert all(entry_state(active[msgid]) == "fuzzy" for msgid in report.converted)
    assert all("OpenCC (s2twp)" in active[msgid].tcomment for msgid in report.converted)
    assert active["Resources"].msgstr == "資源" and active["Software"].msgstr == "軟體"
    assert "訓練日誌" in active["Publicly available training LLM/VLM logbooks"].msgstr  # what review fixes
    # reviewed entries of the target are kept
    reviewed = _zh_catalog("zh_TW", {msgid: f"已審閱 {msgid}" for msgid in simplified})
    _, again = convert_catalog(source, reviewed, opencc_converter("s2twp"), "zh_CN", "zh_TW", "p", "s2twp")
    assert again.kept_reviewed == report.converted and not again.converted


def test_convert_cli_and_bad_pair(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path / "p")
    (root / "locale" / "zh_TW" / "LC_MESSAGES" / "README.po").unlink()
    assert main(["--root", str(root), "convert", "zh_CN", "zh_TW"]) == 0
    po = read_po(root / "locale" / "zh_TW" / "LC_MESSAGES" / "README.po")
    converted = figures(load_config(root), "zh_CN").translated
    assert po.metadata["Language"] == "zh_TW" and converted and catalog_stats(po).fuzzy == converted
    assert main(["--root", str(root), "convert", "zh_CN", "fr"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no conversion from zh_CN to fr" in err[0]


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_shipped_catalogs_say_who_translated_them(language: str) -> None:
    """Shipped data, kept on purpose: no gate reads Last-Translator (the template's placeholder
    names nobody)."""
    translator = read_po(REPO / "locale" / language / "LC_MESSAGES" / "README.po").metadata["Last-Translator"]
    assert translator.strip() and "FULL NAME" not in translator


def test_zh_tw_review_fixed_the_conversion_terms() -> None:
    """Shipped data, kept on purpose: no gate refuses a mainland term in zh_TW yet (the glossary
    check asks for a term's translation; it has no list of words a translation must not use)."""
    text = " ".join(e.msgstr for e in read_po(REPO / "locale/zh_TW/LC_MESSAGES/README.po"))
    for mainland_or_misconverted in ("日誌", "電子表格", "引數", "指令碼", "擴充套件", "釋出", "通過"):
        assert mainland_or_misconverted not in text


def test_markdown_command_writes_published_languages(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path / "p")
    po_path = root / "locale" / "ja" / "LC_MESSAGES" / "README.po"
    po = read_po(po_path)
    for entry in po:
        entry.msgstr = ""
    write_po(po_path, po)
    assert main(["--root", str(root), "markdown"]) == 0
    out = capsys.readouterr().out
    blocks = [s.msgid for s in segments((root / "source" / "README.md").read_text(encoding="utf-8"))
              if s.kind != "image-alt"]  # an image's alt text is translated in its block's msgstr
    zh_cn = usable_translations(read_po(root / "locale" / "zh_CN" / "LC_MESSAGES" / "README.po"))
    translated = sum(msgid in zh_cn for msgid in blocks)
    assert f"build/markdown/zh_CN/README.md: {translated} of {len(blocks)} segments translated" in out
    assert f"build/markdown/ja/README.md: 0 of {len(blocks)} segments translated, {len(blocks)} kept in English" in out
    english = (root / "source" / "README.md").read_text(encoding="utf-8")
    assert (root / "build/markdown/ja/README.md").read_text(encoding="utf-8") == english


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path / "p")
    po_path = root / "locale" / "ja" / "LC_MESSAGES" / "README.po"
    lines = po_path.read_text(encoding="utf-8").splitlines()
    number = max(i for i, line in enumerate(lines) if line.startswith("msgstr"))  # an entry's, not the header's
    lines[number] = 'msgstr "unterminated'
    po_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["--root", str(root), "markdown"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"locale/ja/LC_MESSAGES/README.po:{number + 1}: error: po-syntax: PO syntax error: "
                   "unterminated string; ja not built (run `make check` to see every finding)"]
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace(
        'below_threshold = "warn"', 'below_threshold = "hide"'), encoding="utf-8")
    assert main(["--root", str(root), "status"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "below_threshold is 'hide'" in err[0] and 'set it to "warn" or "skip"' in err[0]
