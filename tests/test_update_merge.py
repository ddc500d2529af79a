"""`catalog.update.merge` on real text from the upstream history, and its PO output with gettext."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from l10n.catalog.io import parse_po_text, read_po, render_po, write_po
from l10n.catalog.update import CARRY_COMMENT, WHITESPACE_COMMENT, TemplateEntry, merge, rewrite_destinations

ROOT = Path(__file__).resolve().parent.parent
ZH_CN = ROOT / "locale" / "zh_CN" / "LC_MESSAGES" / "README.po"

# The Imbue item of revision 20, and the same item in revision 21 (only the destination changed).
IMBUE_20 = ("Imbue's [From bare metal to a 70B model: infrastructure set-up and scripts]"
            "(https://imbue.com/research/70b-infrastructure/) very detailed technical post covers many "
            "training-related issues that they had to overcome while training a proprietary 70B-param model.")
RESEARCH, BLOG = "https://imbue.com/research/70b-infrastructure/", "https://imbue.com/blog/70b-infrastructure"
IMBUE_21 = IMBUE_20.replace(RESEARCH, BLOG)
IMBUE_ZH = f"Imbue 的 [从零开始构建70B模型：基础设施设置和脚本]({RESEARCH}) 是一篇非常详细的技术文章。"
INTRO_7 = ("Logbooks and chronicles of training LLM/VLM are the one of the best sources to learn about "
           "how to deal with training instabilities and choosing good hyper parameters.")
INTRO_8 = ("Logbooks and chronicles of training LLM/VLM are one of the best sources to learn from about "
           "dealing with training instabilities and choosing good hyper parameters.")


def catalog(*entries: polib.POEntry) -> polib.POFile:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "zh_CN",
                   "Plural-Forms": "nplurals=1; plural=0;"}
    for entry in entries:
        po.append(entry)
    return po


def template(*msgids: str) -> list[TemplateEntry]:
    return [TemplateEntry(m, (("source/README.md", str(i + 1)),)) for i, m in enumerate(msgids)]


def active(po: polib.POFile) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in po if not e.obsolete}


def test_exact_match_keeps_flags_comments_and_previous_untouched() -> None:
    kept = polib.POEntry(msgid="2021", msgstr="2021年", tcomment="checked by A.", flags=["fuzzy", "no-wrap"],
                         previous_msgid="2020")
    new, report = merge(catalog(kept), template("2021"), "zh_CN")
    entry = active(new)["2021"]
    assert (entry.msgstr, entry.tcomment, entry.flags, entry.previous_msgid) == (
        "2021年", "checked by A.", ["fuzzy", "no-wrap"], "2020")
    assert entry.occurrences == [("source/README.md", "1")]
    assert report.new == report.carried_over == report.fuzzied == []
    assert kept.occurrences == [], "merge does not modify the old catalog"


def test_link_only_change_is_carried_over_with_the_destination_rewritten() -> None:
    new, report = merge(catalog(polib.POEntry(msgid=IMBUE_20, msgstr=IMBUE_ZH)), template(IMBUE_21), "zh_CN")
    entry = active(new)[IMBUE_21]
    assert entry.msgstr == IMBUE_ZH.replace(RESEARCH, BLOG)
    assert "fuzzy" not in entry.flags and entry.previous_msgid is None
    assert entry.tcomment == f"{CARRY_COMMENT}{RESEARCH} -> {BLOG}"
    assert report.carried_over == [(IMBUE_21, IMBUE_20)]
    [gone] = [e for e in new if e.obsolete]
    assert (gone.msgid, gone.msgstr) == (IMBUE_20, IMBUE_ZH), "the old translation is kept, obsolete"


def test_whitespace_only_change_is_carried_over_and_commented() -> None:
    old = "THUDM GLM-130B (2022): (backup:  [1](https://example.org/a) | [2](https://example.org/b))"
    new_text = old.replace("(backup:  [1]", "(backup: [1]")
    new, report = merge(catalog(polib.POEntry(msgid=old, msgstr="译文 [1](https://example.org/a) [2](https://example.org/b)")),
                        template(new_text), "zh_CN")
    entry = active(new)[new_text]
    assert entry.msgstr == "译文 [1](https://example.org/a) [2](https://example.org/b)"
    assert "fuzzy" not in entry.flags and entry.tcomment == WHITESPACE_COMMENT
    assert report.carried_over == [(new_text, old)]


def test_ambiguous_destination_falls_back_to_fuzzy() -> None:
    old = "See [a](https://x.org/1) and [b](https://y.org/2)."
    new_text = "See [a](https://x.org/9) and [b](https://y.org/2)."
    # the translator linked the changed destination twice: which one to rewrite is not clear
    twice = "参见 [a](https://x.org/1)、[a 再次](https://x.org/1) 和 [b](https://y.org/2)。"
    assert rewrite_destinations(twice, old, new_text) is None
    new, report = merge(catalog(polib.POEntry(msgid=old, msgstr=twice)), template(new_text), "zh_CN")
    entry = active(new)[new_text]
    assert "fuzzy" in entry.flags and entry.previous_msgid == old and entry.msgstr == twice
    assert report.carried_over == [] and report.fuzzied == [(new_text, old)]


def test_one_of_two_equal_destinations_changed_falls_back_to_fuzzy() -> None:
    old = "Read [the log](https://x.org/log) or [its backup](https://x.org/log)."
    new_text = "Read [the log](https://y.org/log) or [its backup](https://x.org/log)."
    msgstr = "阅读 [日志](https://x.org/log) 或 [备份](https://x.org/log)。"
    assert rewrite_destinations(msgstr, old, new_text) is None
    new, report = merge(catalog(polib.POEntry(msgid=old, msgstr=msgstr)), template(new_text), "zh_CN")
    assert "fuzzy" in active(new)[new_text].flags and report.carried_over == []


def test_prose_change_is_fuzzy_with_previous_msgid() -> None:
    new, report = merge(catalog(polib.POEntry(msgid=INTRO_7, msgstr="训练日志是最好的来源之一。")),
                        template(INTRO_8), "zh_CN")
    entry = active(new)[INTRO_8]
    assert entry.flags == ["fuzzy"] and entry.previous_msgid == INTRO_7
    assert entry.msgstr == "训练日志是最好的来源之一。"
    assert report.fuzzied == [(INTRO_8, INTRO_7)] and report.fuzzy == 1


def test_unrelated_new_text_is_untranslated() -> None:
    old = catalog(polib.POEntry(msgid=INTRO_7, msgstr="训练日志"))
    new, report = merge(old, template("Hardware setup logbooks"), "zh_CN")
    assert active(new)["Hardware setup logbooks"].msgstr == ""
    assert report.new == ["Hardware setup logbooks"] and report.obsoleted == [INTRO_7]


def test_removed_text_is_recovered_exactly_or_as_fuzzy() -> None:
    po = catalog(polib.POEntry(msgid=INTRO_7, msgstr="旧译文"), polib.POEntry(msgid="2021", msgstr="2021年"))
    removed, report = merge(po, template("2021"), "zh_CN")
    assert report.obsoleted == [INTRO_7] and report.obsolete == 1
    back, report = merge(removed, template("2021", INTRO_7), "zh_CN")
    assert report.recovered == [INTRO_7] and active(back)[INTRO_7].msgstr == "旧译文"
    assert "fuzzy" not in active(back)[INTRO_7].flags
    close, report = merge(removed, template("2021", INTRO_8), "zh_CN")
    entry = active(close)[INTRO_8]
    assert report.recovered == [INTRO_8] and "fuzzy" in entry.flags and entry.previous_msgid == INTRO_7
    assert [e.msgid for e in close if e.obsolete] == [INTRO_7], "still kept after serving as the source"


def test_untranslated_entries_are_not_kept_obsolete() -> None:
    new, report = merge(catalog(polib.POEntry(msgid="Gone", msgstr="")), template("2021"), "zh_CN")
    assert [e.msgid for e in new] == ["2021"] and report.obsolete == 0


def test_merge_of_its_own_output_is_a_fixed_point() -> None:
    po = read_po(ZH_CN)
    msgids = [e.msgid for e in po if not e.obsolete and e.msgid]
    # drop the first item and change a link in another: a real update, then the same again
    changed = [m.replace(BLOG, "https://imbue.com/x") for m in msgids[1:]]
    first, _ = merge(po, template(*changed), "zh_CN")
    second, report = merge(first, template(*changed), "zh_CN")
    assert render_po(second) == render_po(first)
    assert report.new == report.fuzzied == report.carried_over == report.recovered == report.obsoleted == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext not installed (apt install gettext)")
def test_gettext_tools_accept_fuzzy_previous_and_obsolete_entries(tmp_path: Path) -> None:
    po = read_po(ZH_CN)
    msgids = [e.msgid for e in po if not e.obsolete and e.msgid]
    edited = [m.replace("Boris Dayma wrote", "Boris Dayma has written") for m in msgids[2:]]
    new, report = merge(po, template(*edited), "zh_CN")
    assert report.fuzzied and report.obsoleted
    path = tmp_path / "README.po"
    write_po(path, new)
    text = path.read_text(encoding="utf-8")
    assert "#| msgid " in text and "#~ msgid " in text
    subprocess.run(["msgfmt", "-c", "-o", str(tmp_path / "README.mo"), str(path)], check=True,
                   capture_output=True)
    out = subprocess.run(["msgcat", "--no-wrap", str(path)], check=True, capture_output=True,
                         text=True).stdout
    assert "#| msgid \"Boris Dayma wrote" in out


def reread(po: polib.POFile) -> polib.POFile:
    """The catalog as the next `make update` reads it from the file this one is written to."""
    return parse_po_text(render_po(po), "README.po")


def test_an_entry_going_obsolete_keeps_what_a_read_gives_back() -> None:
    """polib writes `#~| msgid` but skips it when reading, and writes no `#.` or `#:` for an obsolete
    entry: the obsolete entry drops them, so its text reads back and renders to the same bytes."""
    fuzzy = polib.POEntry(msgid=INTRO_8, msgstr="训练日志", flags=["fuzzy"], previous_msgid=INTRO_7,
                          previous_msgctxt="old context", comment="extracted", tcomment="checked by A. ",
                          occurrences=[("source/README.md", "7")])
    new, report = merge(catalog(fuzzy), template("2021"), "zh_CN")
    [gone] = [e for e in new if e.obsolete]
    assert (gone.msgid, gone.msgstr, gone.flags, gone.tcomment) == (INTRO_8, "训练日志", ["fuzzy"], "checked by A.")
    assert (gone.previous_msgid, gone.previous_msgctxt, gone.comment, gone.occurrences) == (None, None, "", [])
    assert report.obsoleted == [INTRO_8] and fuzzy.previous_msgid == INTRO_7, "the old catalog is not changed"
    text = render_po(new)
    assert "#~|" not in text and render_po(reread(new)) == text


def test_after_a_revert_the_obsolete_fuzzy_copy_of_the_translation_is_dropped() -> None:
    po = catalog(polib.POEntry(msgid=INTRO_7, msgstr="训练日志是最好的来源之一。"))
    edited, _ = merge(po, template(INTRO_8), "zh_CN")  # INTRO_8 fuzzy, INTRO_7 obsolete (reviewed)
    assert [(e.msgid, e.obsolete, e.flags) for e in edited] == [(INTRO_8, False, ["fuzzy"]), (INTRO_7, True, [])]
    reverted, report = merge(reread(edited), template(INTRO_7), "zh_CN")
    assert report.recovered == [INTRO_7] and report.dropped == [INTRO_8] and report.obsoleted == []
    assert render_po(reverted) == render_po(merge(po, template(INTRO_7), "zh_CN")[0]), "no trace is left"


def test_an_obsolete_translation_found_nowhere_else_is_kept() -> None:
    live = polib.POEntry(msgid="2021", msgstr="2021年")
    kept = [polib.POEntry(msgid=INTRO_8, msgstr="另一个译文", flags=["fuzzy"], obsolete=True),  # msgstr not live
            polib.POEntry(msgid=INTRO_7, msgstr="2021年", obsolete=True),  # reviewed for another msgid
            polib.POEntry(msgid="2021", msgstr="2021 年", obsolete=True)]  # another translation of a live msgid
    dropped = [polib.POEntry(msgid="2020", msgstr="2021年", flags=["fuzzy"], obsolete=True),
               polib.POEntry(msgid="2021", msgstr="2021年", obsolete=True),
               polib.POEntry(msgid=INTRO_8, msgstr="另一个译文", flags=["fuzzy"], obsolete=True)]
    new, report = merge(catalog(live, *kept, *dropped), template("2021"), "zh_CN")
    assert [(e.msgid, e.msgstr) for e in new if e.obsolete] == [(e.msgid, e.msgstr) for e in kept]
    assert report.dropped == ["2020", "2021", INTRO_8]


def test_an_untranslated_entry_gets_the_translation_of_an_obsolete_one_with_its_msgid() -> None:
    empty = polib.POEntry(msgid=INTRO_7, msgstr="")
    reviewed = polib.POEntry(msgid=INTRO_7, msgstr="旧译文", obsolete=True)
    suggestion = polib.POEntry(msgid=INTRO_7, msgstr="模糊译文", flags=["fuzzy"], obsolete=True)
    new, report = merge(catalog(empty, reviewed, suggestion), template(INTRO_7), "zh_CN")
    assert [(e.msgstr, e.obsolete, e.flags) for e in new] == [("旧译文", False, []), ("模糊译文", True, ["fuzzy"])]
    assert report.recovered == [INTRO_7]


def test_obsolete_entries_as_msgmerge_writes_them_are_kept_and_stable() -> None:
    """GNU msgmerge and editors write obsolete comment lines polib reads differently: `#~ #, fuzzy`
    is the flag, `#~ #.` and `#~ #:` are read but never written, `#~|` is skipped, `#~ msgctxt` kept."""
    text = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            'msgid "2021"\nmsgstr "2021年"\n\n'
            '# checked by A.\n#~ #. extracted\n#~ #: source/README.md:3\n#~ #, fuzzy\n'
            '#~| msgid "The old English"\n#~ msgctxt "list"\n#~ msgid "Gone English"\n#~ msgstr "旧译文"\n')
    new, report = merge(parse_po_text(text, "README.po"), template("2021"), "zh_CN")
    [gone] = [e for e in new if e.obsolete]
    assert (gone.msgid, gone.msgstr, gone.msgctxt, gone.flags, gone.tcomment) == (
        "Gone English", "旧译文", "list", ["fuzzy"], "checked by A.")
    written = render_po(new)
    assert written.endswith('# checked by A.\n#, fuzzy\n#~ msgctxt "list"\n#~ msgid "Gone English"\n'
                            '#~ msgstr "旧译文"\n')
    again, report = merge(reread(new), template("2021"), "zh_CN")
    assert render_po(again) == written and report.dropped == report.obsoleted == []
