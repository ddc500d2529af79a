"""`update` is a fixed point: after any sequence of English edits and reverts, a second update with
no source change writes the same bytes, and no translation is ever lost on the way."""

from __future__ import annotations

import re
from pathlib import Path

import polib
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.catalog.io import parse_po_text, read_po, render_po
from l10n.catalog.update import TemplateEntry, merge
from l10n.cli import main
from l10n.config import Config

# Each base sentence and its edits: reworded twice, a link destination moved, whitespace changed.
# The third has no link: its "link moved" edit is itself, so an obsolete entry may share the msgid of
# a live one or of another obsolete one (a hand-edited catalog), which must not lose it either.
BASE = (
    "Boris Dayma wrote [A Recipe for Training Large Models](https://example.org/recipe) for everyone.",
    "The HuggingFace team published [The Ultra-Scale Playbook](https://example.org/playbook) on clusters.",
    "Logbooks and chronicles of training are one of the best sources to learn about instabilities.",
    "Jacob Austin maintains [How to Scale Your Model](https://example.org/scaling) as a free book.",
)
UNRELATED = "Entries marked with a star have a video recording of the talk."
ABSENT = 5  # the variant number of "not in this template"


def variant(base: int, number: int) -> str:
    text = BASE[base]
    return (text,
            "Indeed, " + text,
            text.removesuffix(".") + " today.",
            text.replace("https://example.org/", "https://example.com/"),
            text.replace(" ", "  ", 1))[number]


def translation(base: int, number: int, role: str) -> str:
    """A distinct msgstr that links where the English does (so a link-only edit can be carried over)."""
    links = re.findall(r"\]\([^)]*\)", variant(base, number))
    return f"{role}{base}-{number} [链接{links[0]}" if links else f"{role}{base}-{number}"


def template_of(choices: list[int], unrelated: bool) -> list[TemplateEntry]:
    msgids = [variant(i, v) for i, v in enumerate(choices) if v != ABSENT]
    msgids += [UNRELATED] if unrelated else []
    return [TemplateEntry(m, (("source/README.md", str(n)),)) for n, m in enumerate(msgids, start=1)]


templates = st.builds(template_of, st.lists(st.integers(0, ABSENT), min_size=len(BASE), max_size=len(BASE)),
                      st.booleans())


@st.composite
def start_catalogs(draw: st.DrawFn) -> polib.POFile:
    """A catalog at some variant of every sentence (translated, fuzzy or not), with old translations
    of other variants kept obsolete."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "zh_CN"}
    for base in range(len(BASE)):
        live = draw(st.integers(0, ABSENT - 1))
        state = draw(st.sampled_from(["translated", "fuzzy", "untranslated"]))
        entry = polib.POEntry(msgid=variant(base, live), occurrences=[("source/README.md", str(base))])
        if state != "untranslated":
            entry.msgstr = translation(base, live, "译文")
        if state == "fuzzy":
            entry.flags, entry.previous_msgid = ["fuzzy"], variant(base, (live + 1) % ABSENT)
        po.append(entry)
        for old in draw(st.sets(st.integers(0, ABSENT - 1), max_size=2)) - {live}:
            flags = ["fuzzy"] if draw(st.booleans()) else []
            po.append(polib.POEntry(msgid=variant(base, old), msgstr=translation(base, old, "旧译"),
                                    flags=flags, obsolete=True))
    return po


def update_as_the_pipeline_does(po: polib.POFile, template: list[TemplateEntry]) -> tuple[polib.POFile, str]:
    """merge, render, and the catalog read back from that text (as the next `make update` reads it)."""
    new, _ = merge(po, template, "zh_CN")
    text = render_po(new)
    return parse_po_text(text, "x.po"), text


@settings(max_examples=500, deadline=None)
@given(start_catalogs(), st.lists(templates, min_size=1, max_size=5), templates)
def test_any_edits_and_reverts_then_two_updates_give_the_same_bytes(
        start: polib.POFile, history: list[list[TemplateEntry]], final: list[TemplateEntry]) -> None:
    po = parse_po_text(render_po(start), "x.po")
    for template in history:
        po, _ = update_as_the_pipeline_does(po, template)
    po, before = update_as_the_pipeline_does(po, final)
    po, after = update_as_the_pipeline_does(po, final)
    assert after == before
    kept = {entry.msgstr for entry in po}
    assert {entry.msgstr for entry in start if entry.msgstr} <= kept, "a translation was lost"
    live = {entry.msgstr for entry in po if not entry.obsolete and entry.msgstr}
    duplicates = [e.msgid for e in po if e.obsolete and "fuzzy" in e.flags and e.msgstr in live]
    assert duplicates == [], "an obsolete fuzzy entry only repeats a live translation"


def catalogs(config: Config) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(config.locale_dir.glob("*/LC_MESSAGES/*.po"))}


def cli(config: Config, *args: str) -> None:
    assert main(["--root", str(config.root), *args]) == 0


def reword(text: str) -> str:
    """The Markdown with one sentence reworded: the first long list item starts with "Notably, "."""
    item = next(line for line in text.splitlines() if line.startswith("- ") and len(line) > 60)
    return text.replace(item, "- Notably, " + item[2:], 1)


def test_reword_and_restore_a_sentence_leaves_no_trace(project: Config) -> None:
    """The issue's scenario through `l10n gettext` and `l10n update` on a copy of the project."""
    source = project.source_file()
    english = source.read_text(encoding="utf-8")
    cli(project, "gettext")
    cli(project, "update")
    baseline = catalogs(project)
    translations = {p: {e.msgstr for e in read_po(p) if e.msgstr} for p in baseline}

    source.write_text(reword(english), encoding="utf-8")
    cli(project, "gettext")
    cli(project, "update")
    documents = [path for path in baseline if path.name == "README.po"]  # site.po: the site's own words
    assert len(documents) == len(project.languages())
    for path in documents:  # the edit made the item fuzzy, with its previous English (`#| msgid`)
        [entry] = [e for e in read_po(path) if e.msgid.startswith("Notably, ") and not e.obsolete]
        assert "fuzzy" in entry.flags and entry.previous_msgid == entry.msgid.removeprefix("Notably, ")

    source.write_text(english, encoding="utf-8")
    cli(project, "gettext")
    cli(project, "update")
    restored = catalogs(project)
    cli(project, "update")
    assert catalogs(project) == restored, "a second update with no source change changed bytes"
    assert restored == baseline, "the edit and its revert left something behind"
    for path, msgstrs in translations.items():
        assert msgstrs <= {e.msgstr for e in read_po(path)}, path
