"""The build-cost bound of a msgstr (scripts/l10n/checks/build_cost.py): the markup characters a
translation adds to its msgid's, and how deep its inline markup nests. Outcomes only, never
times: benchmarks/bench_build_bound.py times the worst accepted catalog against the shipped one."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from l10n.catalog.io import clear_fuzzy, read_po, write_po
from l10n.checks import shape
from l10n.checks.build_cost import MAX_ADDED_MARKUP, MAX_INLINE_DEPTH
from l10n.checks.findings import ERROR
from l10n.checks.message import MAX_MSGSTR_CHARS, message_problems
from l10n.checks.runner import check_catalogs
from l10n.cli import main
from l10n.config import load_config
from l10n.text import segments
from l10n.text.segments import clear_inline_features_cache, inline_features, markup_characters

MSGID = "The listing is in no particular order other than being grouped by the year."
ZH = "这些记录按年份分组。"
ISSUE = "*a" * 4999  # the issue's msgstr: `make check` passed it, the build took 16 s instead of 2


def _errors(msgid: str, msgstr: str) -> set[str]:
    return {p.code for p in message_problems(msgid, msgstr, "zh_CN") if p.severity == ERROR}


@pytest.mark.parametrize("unit", ["*a", "[a]", "&a", "<a ", "_a_ ", "**a**b", "a\\*"])
def test_markup_just_over_the_bound_is_refused_and_just_under_accepted(unit: str) -> None:
    per_unit = markup_characters(unit)
    assert MAX_ADDED_MARKUP % per_unit == 0
    under = ZH + unit * (MAX_ADDED_MARKUP // per_unit)
    over = under + unit
    assert markup_characters(under) == MAX_ADDED_MARKUP
    assert _errors(MSGID, under) == set()
    assert _errors(MSGID, over) == {"markup-count"}


def test_the_bound_is_counted_beyond_the_msgids_own_markup() -> None:
    msgid = "Read **the guide** at [the site](https://example.com/guide) and `pip install x`."
    kept = "阅读 [网站](https://example.com/guide) 上的 **指南** 和 `pip install x`。"
    assert markup_characters(kept) == markup_characters(msgid) > 0
    assert _errors(msgid, kept + "*a" * MAX_ADDED_MARKUP) == set()
    assert _errors(msgid, kept + "*a" * (MAX_ADDED_MARKUP + 1)) == {"markup-count"}


def test_the_issues_msgstr_is_refused() -> None:
    problems = message_problems("Resources", ISSUE, "zh_CN")
    (flood,) = [p for p in problems if p.severity == ERROR]
    assert flood.code == "markup-count"
    assert f"{markup_characters(ISSUE)} markup characters" in flood.message
    assert f"over the {MAX_ADDED_MARKUP} accepted" in flood.message and flood.fix


def test_a_flood_is_refused_before_it_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parsing it is the cost the bound refuses: the check's parsers are never reached."""
    def refuse(*args: object) -> object:
        raise AssertionError("the flood was parsed")

    clear_inline_features_cache()
    shape.block_shape.cache_clear()
    monkeypatch.setattr(segments, "_parse_inline_features", refuse)
    monkeypatch.setattr(shape, "md_parser", refuse)
    assert _errors("Resources", "[" * MAX_MSGSTR_CHARS) == {"markup-count"}
    assert _errors("Resources", ISSUE) == {"markup-count"}


def _nested(depth: int) -> str:
    """`depth` strong spans, one inside the other, around a word."""
    return ZH + "**" * depth + "分组" + "**" * depth


def test_nesting_just_over_the_bound_is_refused_and_just_under_accepted() -> None:
    assert inline_features(_nested(MAX_INLINE_DEPTH)).depth == MAX_INLINE_DEPTH
    assert _errors(MSGID, _nested(MAX_INLINE_DEPTH)) == set()
    assert _errors(MSGID, _nested(MAX_INLINE_DEPTH + 1)) == {"markup-nesting"}
    # sphinx-build crashes from 193 levels (RecursionError pickling the doctree); a msgid with much
    # markup of its own leaves room for that many within the count: the depth bound refuses it
    msgid = "Q&A " * 800
    deep = "**" * 200 + "问答" + "**" * 200
    assert markup_characters(deep) <= markup_characters(msgid) + MAX_ADDED_MARKUP
    assert _errors(msgid, deep) == {"markup-nesting"}


def test_a_msgid_that_nests_deeper_allows_as_deep_a_translation() -> None:
    msgid = "**" * (MAX_INLINE_DEPTH + 2) + "deep" + "**" * (MAX_INLINE_DEPTH + 2)
    msgstr = "**" * (MAX_INLINE_DEPTH + 2) + "深" + "**" * (MAX_INLINE_DEPTH + 2)
    assert "markup-nesting" not in _errors(msgid, msgstr)


def _catalog_with(tmp_path: Path, msgstr_of: dict[str, str]) -> Path:
    """A copy of the project whose zh_CN catalog has these translations (not fuzzy, as a translator
    leaves an entry: a sync may have left some of them fuzzy in the shipped catalog)."""
    root = copy_project(tmp_path / "project").root
    path = root / "locale" / "zh_CN" / "LC_MESSAGES" / "README.po"
    catalog = read_po(path)
    for entry in catalog:
        if entry.msgid in msgstr_of and not entry.obsolete:
            entry.msgstr = msgstr_of[entry.msgid]
            clear_fuzzy(entry)
    write_po(path, catalog)
    return root


def _link_free(msgid: str) -> bool:
    return not inline_features(msgid).destinations and not inline_features(msgid).images


def _link_free_msgids() -> list[str]:
    catalog = read_po(ROOT / "locale" / "zh_CN" / "LC_MESSAGES" / "README.po")
    return [e.msgid for e in catalog if e.msgid and not e.obsolete and _link_free(e.msgid)]


def test_the_worst_accepted_catalog_passes_the_gate_and_builds(tmp_path: Path) -> None:
    """The bench's worst accepted catalog (the bound's pattern, padded to the longest msgstr, in
    every link-free entry; one of them nested as deep as accepted) is checked and built."""
    msgids = _link_free_msgids()
    master = segments.segments(load_config(ROOT).source_file().read_text(encoding="utf-8"))
    assert sorted(msgids) == sorted({s.msgid for s in master if _link_free(s.msgid)}) and MSGID in msgids
    worst = "*a" * MAX_ADDED_MARKUP
    worst += "a" * (MAX_MSGSTR_CHARS - len(worst))
    msgstr_of = dict.fromkeys(msgids, worst)
    msgstr_of[MSGID] = _nested(MAX_INLINE_DEPTH)
    root = _catalog_with(tmp_path, msgstr_of)
    assert [f for f in check_catalogs(load_config(root), ["zh_CN"]) if f.severity == ERROR] == []
    assert main(["--root", str(root), "site", "--language", "zh_CN"]) == 0
    page = (root / "build" / "html" / "zh_CN" / "README.html").read_text(encoding="utf-8")
    assert page.count("<em>a</em>") >= MAX_ADDED_MARKUP // 2 * len(msgids[:-1])  # built as written
    assert "<strong>" * MAX_INLINE_DEPTH + "分组" in page


def test_the_issues_catalog_is_refused_by_the_gate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _catalog_with(tmp_path, dict.fromkeys(_link_free_msgids(), ISSUE))
    assert main(["--root", str(root), "site", "--language", "zh_CN"]) == 2
    err = capsys.readouterr().err
    assert "error markup-count" in err or "markup-count:" in err
    assert "zh_CN not built" in err
    assert not (root / "build" / "html" / "zh_CN").exists()
