"""The one anchors diff (scripts/l10n/text/anchors.py), and that each code it makes means the same
in every comparison: `make check`, `l10n import`, `compare-md` and `check-build`."""

from __future__ import annotations

import pytest

from conftest import ROOT
from l10n.catalog.importer import import_translation
from l10n.checks.message import message_problems, run_rule
from l10n.config import load_config
from l10n.text.anchors import AnchorDifference, differences, text_differences
from l10n.verify.built_html import Tracer, compare_pages
from l10n.verify.html_structure import page_structure
from l10n.verify.markdown import compare_markdown

A, B, C = "https://a.example/", "https://b.example/", "https://c.example/"


def test_a_dropped_and_an_added_item_in_document_order_are_one_changed_item() -> None:
    assert differences("link", [A, B, C], [A, B, C]) == []
    assert differences("link", [A, B], [B, A]) == []  # multisets: the order is not this diff's business
    assert differences("link", [A, B], [A, C]) == [AnchorDifference("link", "changed", B, C, 1, 1)]
    assert differences("link", [A, B], [A]) == [AnchorDifference("link", "dropped", B, None, 1, None)]
    assert differences("link", [A], [C, A]) == [AnchorDifference("link", "added", None, C, None, 0)]
    # two dropped, one added: the first dropped pairs with it, the second stays dropped
    assert [(d.change, d.old, d.new) for d in differences("code", ["x", "y", "z"], ["q", "z"])] == [
        ("changed", "x", "q"), ("dropped", "y", None)]
    # a repeated item counts: one of two copies missing is dropped
    assert [(d.code, d.old) for d in differences("image", [A, A], [A])] == [("image-dropped", A)]


def test_each_difference_describes_itself() -> None:
    changed, dropped, added = (differences("link", [A], [B])[0], differences("link", [A], [])[0],
                               differences("link", [], [B])[0])
    assert (changed.code, changed.describe("msgid")) == ("link-changed", f"link {A} became {B}")
    assert (dropped.code, dropped.describe("English")) == ("link-dropped", f"link {A} of the English is missing")
    assert (added.code, added.describe("msgid")) == ("link-added", f"link {B} is not in the msgid")


def test_text_differences_compare_links_images_and_code_of_two_texts() -> None:
    found = text_differences(f"[a]({A}) ![i](p.png) `x`", f"[甲]({B}) `y` `z`")
    assert [(d.code, d.old, d.new) for d in found] == [
        ("link-changed", A, B), ("image-dropped", "p.png", None), ("code-changed", "x", "y"), ("code-added", None, "z")]


ENGLISH = f"See [one]({A}) and [two]({B})."
CASES = {  # the translation, and the one difference each comparison must report
    "changed": (f"参见[一]({A})和[二]({C})。", f"link {B} became {C}"),
    "dropped": (f"参见[一]({A})和二。", None),
    "added": (f"参见[一]({A})、[二]({B})和[三]({C})。", None),
}


def _html(text_links: list[str]) -> str:
    anchors = " ".join(f'<a href="{url}">x</a>' for url in text_links)
    body = f'<div class="body" role="main"><section id="s"><h1>T</h1><p>{anchors}</p></section></div>'
    return f"<html><body>{body}</body></html>"


def _built_codes(english: list[str], translated: list[str]) -> list[tuple[str, str]]:
    config = load_config(ROOT)
    tracer = Tracer(config, "xx", "README", config.build_dir / "html" / "xx" / "README.html")
    return [(f.code, f.message) for f in compare_pages(page_structure(_html(english)),
                                                       page_structure(_html(translated)), tracer)]


@pytest.mark.parametrize("change", sorted(CASES))
def test_one_code_means_one_thing_in_every_comparison(change: str) -> None:
    """The same translation of the same paragraph: `make check`, the importer and compare-md give
    the same code (the built page's ordered comparison, the same with `built-`)."""
    translated, message = CASES[change]
    code = f"link-{change}"
    check = [(p.code, p.message) for p in message_problems(ENGLISH, translated, "zh_CN")]
    compared = [(f.code, f.message) for f in compare_markdown(ENGLISH, translated)]
    imported = import_translation(ENGLISH, translated, "zh_CN", "demo")
    built = _built_codes([A, B], {"changed": [A, C], "dropped": [A], "added": [A, B, C]}[change])
    assert [c for c, _ in check] == [c for c, _ in compared] == [code]
    assert [(f.code, f.severity) for f in imported.findings] == [(code, "warning")]
    assert [c for c, _ in built] == [f"built-{code}"]
    if message is not None:  # a changed link reads the same everywhere
        assert check[0][1] == compared[0][1] == imported.findings[0].message == built[0][1] == message
    (entry,) = imported.fuzzy  # the importer leaves the entry fuzzy and says why
    assert f"import: {imported.findings[0].message}" in entry.tcomment


def test_the_built_pages_ordered_comparison_pairs_only_within_a_differing_run() -> None:
    """difflib finds the runs that differ; each run goes through the same diff: a replaced target
    is changed; a target gone before an unchanged one and another added after it are two runs (on
    a page the position is what differs), and the same targets reordered are an order finding."""
    assert [c for c, _ in _built_codes([A, B, C], [A, "https://x.example/", C])] == ["built-link-changed"]
    assert [c for c, _ in _built_codes([A, B], [B, C])] == ["built-link-dropped", "built-link-added"]
    assert differences("link", [A, B], [B, C]) == [AnchorDifference("link", "changed", A, C, 0, 1)]  # unordered
    assert [c for c, _ in _built_codes([A, B], [B, A])] == ["link-order"]


def test_the_message_checks_footnotes_and_images_use_the_same_pairing() -> None:
    assert [p.code for p in run_rule("footnotes", "a[^1] b[^2]", "甲[^1] 乙[^3]", "zh_CN")] == ["footnote-changed"]
    assert [p.code for p in run_rule("images", "![i](a.png)", "![图](a.png) ![图](b.png)", "zh_CN")] == ["image-added"]
