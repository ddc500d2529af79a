"""Structure comparison of hand-made translated Markdown (`l10n compare-md`)."""

from __future__ import annotations

import pytest

from conftest import ROOT
from l10n.cli import main
from l10n.verify.markdown import compare_markdown, document_blocks

SEED = ROOT / "tests" / "fixtures" / "seeds" / "README.zh_CN.md"
REV15 = ROOT / "tests" / "fixtures" / "upstream" / "15-2024-10-26-48cbcef.md"
SEED_PATH = "tests/fixtures/seeds/README.zh_CN.md"


def test_seed_against_revision_15_reports_exactly_the_three_differences() -> None:
    findings = compare_markdown(REV15.read_text(encoding="utf-8"), SEED.read_text(encoding="utf-8"),
                                str(REV15.relative_to(ROOT)), SEED_PATH)
    assert [(f.path, f.line, f.code) for f in findings] == [
        (SEED_PATH, 1, "extra-block"),          # the added title heading "README - 中文翻译"
        (SEED_PATH, 3, "heading-level-shift"),  # every heading one level deeper
        (SEED_PATH, 7, "link-dropped"),         # the @StellaAthena link
    ]
    assert "README - 中文翻译" in findings[0].message
    assert "1 level(s) deeper" in findings[1].message
    assert findings[2].message == "link https://github.com/StellaAthena of the English is missing"


def test_compare_md_command(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--root", str(ROOT), "compare-md", str(SEED.relative_to(ROOT)),
                   "--english", str(REV15.relative_to(ROOT))])
    out = capsys.readouterr().out.splitlines()
    assert status == 1  # the dropped link is an error
    assert [line.split(": ", 2)[:2] for line in out] == [
        [f"{SEED_PATH}:1", "warning extra-block"],
        [f"{SEED_PATH}:3", "warning heading-level-shift"],
        [f"{SEED_PATH}:7", "error link-dropped"],
    ]


def test_compare_md_missing_file_is_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(ROOT), "compare-md", "nope.md", "--english", str(REV15)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "nope.md: error: file not found (check the path)"


def test_identical_documents_have_no_findings() -> None:
    for revision in sorted((ROOT / "tests" / "fixtures" / "upstream").glob("*.md"))[::5]:
        text = revision.read_text(encoding="utf-8")
        assert compare_markdown(text, text) == []


ENGLISH = """# Title

Intro with [a link](https://example.com/a) and `code`.

- one item
- two item
- three item

```python
print("hello")
```

| a | b |
|---|---|
| 1 | 2 |
"""


def _translated(**changes: str) -> str:
    text = ENGLISH.replace("Title", "标题").replace("Intro with", "介绍").replace("item", "项")
    for old, new in changes.items():
        text = text.replace(old.replace("_", " "), new)
    return text


def test_structure_faults_in_markdown() -> None:
    assert compare_markdown(ENGLISH, _translated()) == []
    cases = {
        "dropped list item": (_translated().replace("- two 项\n", ""), "list-items", 5),
        "changed code block": (_translated().replace('print("hello")', 'print("你好")'),
                               "code-block-changed", 9),
        "table shape": (_translated().replace("| 1 | 2 |", "| 1 | 2 | 3 |")
                        .replace("|---|---|", "|---|---|---|").replace("| a | b |", "| a | b | c |"),
                        "table-shape", 13),
        # a replaced anchor is one changed anchor, as `make check` reports it (text/anchors.py)
        "changed link": (_translated().replace("https://example.com/a", "https://evil.example/a"),
                         "link-changed", 3),
        "dropped link": (_translated().replace("[a link](https://example.com/a)", "一个链接"), "link-dropped", 3),
        "changed code span": (_translated().replace("`code`", "`代码`"), "code-changed", 3),
        "added code span": (_translated().replace("`code`", "`code` `x`"), "code-added", 3),
    }
    for name, (translated, code, line) in cases.items():
        found = {(f.code, f.line) for f in compare_markdown(ENGLISH, translated)}
        assert (code, line) in found, (name, found)


def test_code_blocks_changed_dropped_and_added() -> None:
    """Code blocks go through the one anchors diff: a replaced block is one changed block at the
    translation's line; a missing one is dropped (at the English line, named), an extra one added."""
    changed = compare_markdown(ENGLISH, _translated().replace('print("hello")', 'print("你好")'))
    assert [(f.code, f.line) for f in changed] == [("code-block-changed", 9)]
    assert "(line 9)" in changed[0].message
    dropped = compare_markdown(ENGLISH, _translated().replace('```python\nprint("hello")\n```\n', ""))
    assert [(f.code, f.line) for f in dropped] == [("code-block-dropped", 0)]
    assert "English code block at line 9" in dropped[0].message
    added = compare_markdown(ENGLISH, _translated() + '\n```sh\nrm -rf /\n```\n')
    assert [(f.code, f.line) for f in added] == [("code-block-added", 17)]


def test_document_blocks() -> None:
    blocks = document_blocks(ENGLISH)
    assert [(b.kind, b.items, b.first_line) for b in blocks.lists] == [("bullet_list", 3, 5)]
    assert [b.content for b in blocks.code] == ['print("hello")\n']
    assert [(t.rows, t.columns) for t in blocks.tables] == [(2, 2)]


def test_one_added_heading_is_one_extra_block() -> None:
    english = REV15.read_text(encoding="utf-8")
    findings = compare_markdown(english, "# 我的标题\n\n" + english)
    # either "# 我的标题" or the English "# Resources" after it is the extra one: both are headings
    assert [(f.code, f.line) for f in findings] in ([("extra-block", 1)], [("extra-block", 3)])


def test_rendered_translations_keep_the_english_structure() -> None:
    """The translated Markdown the site publishes (render/markdown.py), for every shipped language."""
    from l10n.build.markdown import render_markdown, usable_translations
    from l10n.catalog.io import read_po
    from l10n.config import load_config

    config = load_config(ROOT)
    english = config.source_file().read_text(encoding="utf-8")
    assert config.languages()
    for language in config.languages():
        translations = usable_translations(read_po(config.po_path(language)))
        assert compare_markdown(english, render_markdown(english, translations).text) == []
        stella = next(m for m in translations if m.startswith("[@StellaAthena]"))
        translations[stella] = translations[stella].replace("[@StellaAthena](https://github.com/StellaAthena)",
                                                            "@StellaAthena")
        found = [(f.code, f.message) for f in compare_markdown(english, render_markdown(english, translations).text)]
        assert found == [("link-dropped", "link https://github.com/StellaAthena of the English is missing")]


def test_names_the_missing_block_at_its_english_line() -> None:
    """Of three anchorless paragraphs, the middle one dropped: the one named missing is that one."""
    english = (ROOT / "tests/fixtures/seeds/accelerators.md").read_text(encoding="utf-8")
    translated = (ROOT / "tests/fixtures/seeds/accelerators.zh_CN.md").read_text(encoding="utf-8")
    findings = compare_markdown(english, translated.replace("以下是一些例子：\n\n", ""), "en.md", "zh.md")
    (missing,) = [f for f in findings if f.code == "missing-block"]
    assert (missing.path, missing.line) == ("en.md", 5)
    assert "'Here are some examples:'" in missing.message and "after line 3 of zh.md" in missing.message
    assert findings[-1] is missing  # the translated file's findings first, then the English file's
