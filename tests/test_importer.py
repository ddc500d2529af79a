"""Importing the hand-made zh_CN seed against upstream revision 15 (the project's first real import)."""

from __future__ import annotations

import pytest

from conftest import SEED, revision_path
from l10n.catalog.importer import ImportResult, import_translation
from l10n.text.segments import inline_features, segments

STELLA = "https://github.com/StellaAthena"


@pytest.fixture(scope="module")
def result() -> ImportResult:
    return import_translation(revision_path(15).read_text(encoding="utf-8"), SEED.read_text(encoding="utf-8"),
                              "zh_CN", "demo", translated_path="README.zh_CN.md", source_revision="15 48cbcef")


def test_all_22_english_blocks_paired_with_the_right_chinese_block(result: ImportResult) -> None:
    english = segments(revision_path(15).read_text(encoding="utf-8"))
    assert len(english) == 22
    assert len(result.pairs) == 22 and not result.unmatched_english
    chinese = {p.english.msgid: p.translated.msgid for p in result.pairs}
    # spot checks across the document: headings, the paragraph run, a year, the last item
    assert chinese["Resources"] == "资源"
    assert chinese["Useful compilations"] == "有用的汇总"
    assert chinese["Publicly available training LLM/VLM logbooks"] == "公开可用的LLM/VLM训练日志"
    assert chinese["The listing is in no particular order other than being grouped by the year."] == \
        "这些记录按年份分组，没有特定顺序。"
    assert chinese["2023"] == "2023年"
    assert chinese["Hardware setup logbooks"] == "硬件设置日志"
    # every pair keeps its anchors (same links), except the one with the dropped link
    for pair in result.pairs:
        en_links = inline_features(pair.english.msgid).destinations
        zh_links = inline_features(pair.translated.msgid).destinations
        if STELLA in en_links:
            assert zh_links == tuple(u for u in en_links if u != STELLA)
        else:
            assert zh_links == en_links
    # pairs are in document order on both sides
    lines = [(p.english.line, p.translated.line) for p in result.pairs]
    assert lines == sorted(lines) and sorted(t for _, t in lines) == [t for _, t in lines]


def test_extra_title_reported(result: ImportResult) -> None:
    assert [s.msgid for s in result.unmatched_translated] == ["README - 中文翻译"]
    (finding,) = [f for f in result.findings if f.code == "extra-block"]
    assert (finding.path, finding.line) == ("README.zh_CN.md", 1)


def test_heading_level_shift_reported(result: ImportResult) -> None:
    assert result.heading_shift == 1
    (finding,) = [f for f in result.findings if f.code == "heading-level-shift"]
    assert "1 level(s) deeper" in finding.message and "8 headings" in finding.message
    assert not [f for f in result.findings if f.code == "heading-level"]


def test_dropped_link_reported_and_only_that_entry_fuzzy(result: ImportResult) -> None:
    (finding,) = [f for f in result.findings if f.code == "link-dropped"]
    assert STELLA in finding.message and finding.line == 7
    (fuzzy,) = result.fuzzy
    assert fuzzy.msgid.startswith(f"[@StellaAthena]({STELLA})")
    assert STELLA in fuzzy.tcomment and "missing" in fuzzy.tcomment
    assert len(result.findings) == 3
    translated = [e for e in result.catalog if e.msgstr and "fuzzy" not in e.flags]
    assert len(translated) == 21


def test_catalog_header_records_the_revision(result: ImportResult) -> None:
    assert result.catalog.metadata["X-Source-Revision"] == "15 48cbcef"
    assert result.catalog.metadata["Language"] == "zh_CN"


def test_a_dropped_paragraph_is_reported_at_its_english_line_and_its_neighbours_are_unsure() -> None:
    english = revision_path(15).read_text(encoding="utf-8")
    dropped = "这些记录按年份分组，没有特定顺序。\n\n"
    result = import_translation(english, SEED.read_text(encoding="utf-8").replace(dropped, ""), "zh_CN", "demo",
                                english_path="rev15.md", translated_path="zh.md")
    (missing,) = [f for f in result.findings if f.code == "missing-block"]
    assert (missing.path, missing.line) == ("rev15.md", 15) and "The listing is" in missing.message
    assert "after line 15 of zh.md" in missing.message
    unsure = [f for f in result.findings if f.code == "unsure-pair"]
    assert [(f.path, f.line) for f in unsure] == [("zh.md", 15)]  # "If you know...": merged into it?
    entry = result.catalog.find("The listing is in no particular order other than being grouped by the year.")
    assert entry is not None and entry.msgstr == ""
    (neighbour,) = [e for e in result.catalog if "unsure" in e.tcomment]
    assert "fuzzy" in neighbour.flags and neighbour.msgid.startswith("If you know")
    assert "# import: unsure: English line 15 has no translation: merged into this one?" in str(neighbour)
