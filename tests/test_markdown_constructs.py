"""The translated-Markdown renderer on constructs the Resources chapter lacks (tables, quotes,
nested and ordered lists, setext headings, hard breaks, images, footnotes)."""

from __future__ import annotations

from conftest import FIXTURES
from l10n.build.markdown import render_markdown
from l10n.text.segments import segments, unique_msgids
from l10n.verify.markdown import compare_markdown

ENGLISH = (FIXTURES / "segmentation.md").read_text(encoding="utf-8")


def test_every_block_segment_is_replaced_and_the_structure_kept() -> None:
    translations = {msgid: f"译{msgid}" for msgid in unique_msgids(ENGLISH)}
    rendered = render_markdown(ENGLISH, translations, "segmentation.md")
    blocks = [s.msgid for s in segments(ENGLISH) if s.kind != "image-alt"]
    assert list(rendered.translated) == blocks and not rendered.kept_english
    # image alt texts are translated inside the msgstr of the block that holds them
    assert [s.msgid for s in segments(ENGLISH) if s.kind == "image-alt"] == ["inline image", "a standalone image"]
    assert compare_markdown(ENGLISH, rendered.text, "en.md", "zh.md") == []
    assert [s.msgid for s in segments(rendered.text) if s.kind != "image-alt"] == [f"译{m}" for m in blocks]
    assert "| 译cell `a`     | 译cell [b](https://example.org/b) |" in rendered.text.splitlines()
    assert "   - 译nested bullet" in rendered.text.splitlines()
    assert '```python\ncode = "not extracted"\n```' in rendered.text


def test_nothing_translated_is_the_english_byte_for_byte() -> None:
    assert render_markdown(ENGLISH, {}).text == ENGLISH
