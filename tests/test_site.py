"""The multilingual site, translated Markdown, status page, conversion and the shipped catalogs.

HTML is built once per session (tests/sitebuild.py) in a copy of the project whose zh_CN
catalog has one fuzzy and one untranslated entry; the repository's files are never written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from l10n.build.markdown import render_markdown, usable_translations
from l10n.build.publish import SKIP, WARN, decide
from l10n.build.site import build_site
from l10n.catalog.convert import convert_catalog, opencc_converter
from l10n.catalog.io import read_po, write_po
from l10n.catalog.stats import catalog_stats, entry_state
from l10n.cli import main
from l10n.config import load_config
from l10n.text.segments import inline_features, parse_blocks, segments
from l10n.text.worddiff import format_html, word_diff
from sitebuild import (
    FUZZY_MSGID,
    FUZZY_PREVIOUS,
    LANGUAGES,
    REPO,
    UNTRANSLATED_PREFIX,
    BuiltSite,
    built_site,
    copy_project,
)

NATIVE = {"en": "English", "zh_CN": "简体中文", "zh_TW": "繁體中文", "ja": "日本語"}


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
        assert {c: e.text for c, e in switcher.items()} == NATIVE
        for target, link in switcher.items():
            assert (site.html / code / link.attrs["href"]).resolve() == (site.html / target / "README.html")
            assert link.attrs["lang"] == target.replace("_", "-")
        assert [c for c, e in switcher.items() if "current" in e.attrs["class"].split()] == [code]


def test_section_anchors_are_the_same_in_every_language(site: BuiltSite) -> None:
    ids = {code: [e.attrs["id"] for e in parse(site.html / code / "README.html").find("section")]
           for code in LANGUAGES}
    assert len(ids["en"]) == 9
    assert all(found == ids["en"] for found in ids.values())


def test_fallback_passages_are_marked_english_and_counted(site: BuiltSite) -> None:
    page = parse(site.html / "zh_CN" / "README.html")
    fallbacks = page.find("h2", class_="l10n-fallback") + page.find("p", class_="l10n-fallback")
    assert [(e.tag, e.attrs["lang"], e.text.strip("¶")) for e in fallbacks] == [
        ("h2", "en", FUZZY_MSGID),
        ("p", "en", next(e.text for e in fallbacks if e.tag == "p")),
    ]
    assert fallbacks[1].text.startswith(UNTRANSLATED_PREFIX)
    assert "l10n-fuzzy" in fallbacks[0].attrs["class"] and "l10n-untranslated" in fallbacks[1].attrs["class"]
    assert sum("l10n-fallback" in e.attrs.get("class", "").split() for e in page.elements) == 2
    assert [e.attrs for e in page.find("h3") if e.text.strip("¶") == "2024"] == [{}]  # same as English
    banner = page.find("div", class_="l10n-fallback-banner")
    assert len(banner) == 1
    assert "1 段尚未翻译" in banner[0].text and "1 段的英文原文在翻译后有改动" in banner[0].text
    english_link = page.find("a", class_="l10n-english-link")[0]
    assert english_link.attrs["href"] == "../en/README.html"


def test_complete_translations_have_no_fallback_and_no_banner(site: BuiltSite) -> None:
    for code in ("en", "ja", "zh_TW"):
        page = parse(site.html / code / "README.html")
        assert not any("l10n-fallback" in e.attrs.get("class", "").split() for e in page.elements), code
        assert not page.find("div", class_="l10n-banner"), code


def test_landing_page_lists_languages_with_completion(site: BuiltSite) -> None:
    page = parse(site.html / "index.html")
    found = [e.text for e in page.find("tr")[1:]]
    assert len(found) == 4
    rows = {name: next(r for r in found if r.startswith(name)) for name in NATIVE.values()}
    assert "26 of 28" in rows["简体中文"] and "93%" in rows["简体中文"]
    assert "100% (28 of 28)" in rows["日本語"] and "100% (28 of 28)" in rows["繁體中文"]
    links = {e.attrs["href"] for e in page.find("a")}
    assert {f"{c}/index.html" for c in LANGUAGES} | {"status.html"} <= links


def test_status_page_shows_progress_stale_diff_and_findings(site: BuiltSite) -> None:
    text = (site.html / "status.html").read_text(encoding="utf-8")
    page = parse(site.html / "status.html")
    assert [e.attrs["aria-label"] for e in page.find("div", class_="bar")] == [
        "28 translated, 0 fuzzy, 0 untranslated",  # ja
        "26 translated, 1 fuzzy, 1 untranslated",  # zh_CN
        "28 translated, 0 fuzzy, 0 untranslated",  # zh_TW
    ]
    # the word diff between the previous and the current English, next to the current translation
    assert f"<td lang=\"en\">{format_html(word_diff(FUZZY_PREVIOUS, FUZZY_MSGID))}</td>" in text
    assert "<del>compilation of links</del><ins>compilations</ins>" in text
    assert any(e.text == "有用的汇总" for e in page.find("td", lang="zh-CN"))
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
    assert not result.built and [s.code for s in result.skipped] == ["ja"] and not stale.exists()
    landing = (root / "build" / "html" / "index.html").read_text(encoding="utf-8")
    assert "not published: below the 100% threshold" in landing


def test_warn_below_threshold_shows_banner(site: BuiltSite, tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace(
        "threshold = { default = 80 }", "threshold = { default = 80, ja = 100.1 }"), encoding="utf-8")
    result = build_site(load_config(root), ["ja"])
    assert [b.language for b in result.built] == ["ja"]
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
    assert f"## {FUZZY_MSGID}\n" in text
    assert "\nLogbooks and chronicles of training LLM/VLM" in text
    assert "## 类似的在线指南\n" in text


def _shape(markdown: str) -> list[tuple[object, ...]]:
    return [(s.kind, s.level, s.containers, sorted(inline_features(s.raw).destinations),
             sorted(inline_features(s.raw).code)) for s in segments(markdown)]


def _blocks(markdown: str) -> list[tuple[str, str, int]]:
    return [(t.type, t.markup, t.level) for t in parse_blocks(markdown) if t.type != "inline"]


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "ja"])
def test_shipped_markdown_keeps_the_english_structure(language: str) -> None:
    config = load_config(REPO)
    english = config.source_file().read_text(encoding="utf-8")
    rendered = render_markdown(english, usable_translations(read_po(config.po_path(language))))
    assert rendered.complete and len(rendered.translated) == 28
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

def test_convert_marks_every_converted_entry_fuzzy() -> None:
    source = read_po(REPO / "locale/zh_CN/LC_MESSAGES/README.po")
    catalog, report = convert_catalog(source, None, opencc_converter("s2twp"), "zh_CN", "zh_TW",
                                      "p", "s2twp")
    active = [e for e in catalog if e.msgid]
    assert len(report.converted) == 28 and all(entry_state(e) == "fuzzy" for e in active)
    assert all("OpenCC (s2twp)" in e.tcomment for e in active)
    by_id = {e.msgid: e.msgstr for e in active}
    assert by_id["Resources"] == "資源" and "軟體" not in by_id["Resources"]
    assert "訓練日誌" in by_id["Publicly available training LLM/VLM logbooks"]  # what review fixes
    # reviewed entries of the target are kept
    reviewed = read_po(REPO / "locale/zh_TW/LC_MESSAGES/README.po")
    _, again = convert_catalog(source, reviewed, opencc_converter("s2twp"), "zh_CN", "zh_TW", "p", "s2twp")
    assert len(again.kept_reviewed) == 28 and not again.converted


def test_convert_cli_and_bad_pair(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path / "p")
    (root / "locale" / "zh_TW" / "LC_MESSAGES" / "README.po").unlink()
    assert main(["--root", str(root), "convert", "zh_CN", "zh_TW"]) == 0
    po = read_po(root / "locale" / "zh_TW" / "LC_MESSAGES" / "README.po")
    assert po.metadata["Language"] == "zh_TW" and catalog_stats(po).fuzzy == 28
    assert main(["--root", str(root), "convert", "zh_CN", "fr"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no conversion from zh_CN to fr" in err[0]


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "ja"])
def test_shipped_catalogs_are_complete_and_honest(language: str) -> None:
    po = read_po(REPO / "locale" / language / "LC_MESSAGES" / "README.po")
    stats = catalog_stats(po)
    assert (stats.translated, stats.fuzzy, stats.untranslated) == (28, 0, 0)
    assert "AI model by Anthropic" in po.metadata["Last-Translator"]
    assert po.metadata["X-Source-Revision"] == "23 f538bea"
    for entry in po:
        if entry.msgid and not entry.obsolete:
            assert sorted(inline_features(entry.msgstr).destinations) == \
                sorted(inline_features(entry.msgid).destinations), entry.msgid


def _glossary(language: str) -> list[tuple[str, str]]:
    rows = []
    for line in (REPO / "locale" / language / "glossary.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            english, translation, *_ = line.split("\t")
            rows.append((english, translation))
    return rows


@pytest.mark.parametrize("language", ["zh_TW", "ja"])
def test_glossary_terms_are_used_consistently(language: str) -> None:
    rows = _glossary(language)
    assert len(rows) >= 10
    po = read_po(REPO / "locale" / language / "LC_MESSAGES" / "README.po")
    used = 0
    for entry in po:
        if not entry.msgid or entry.obsolete:
            continue
        source, target = inline_features(entry.msgid).text, inline_features(entry.msgstr).text
        for english, translation in rows:
            if re.search(rf"\b{re.escape(english)}s?\b", source, re.IGNORECASE):
                used += 1
                assert (english if translation == "-" else translation) in target, (english, entry.msgid)
    assert used > 40


def test_zh_tw_review_fixed_the_conversion_terms() -> None:
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
    assert "build/markdown/zh_CN/README.md: 28 of 28 segments translated" in out
    assert "build/markdown/ja/README.md: 0 of 28 segments translated, 28 kept in English" in out
    english = (root / "source" / "README.md").read_text(encoding="utf-8")
    assert (root / "build/markdown/ja/README.md").read_text(encoding="utf-8") == english


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path / "p")
    po_path = root / "locale" / "ja" / "LC_MESSAGES" / "README.po"
    lines = po_path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("msgstr") and i > 20)
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
