"""Glossary precision (issue 14): word boundaries (CJK included), link titles kept in English,
and the `[case]` marker for case-sensitive whole-word terms."""

from __future__ import annotations

from pathlib import Path

import polib

from l10n.catalog.io import new_catalog, write_po
from l10n.checks.glossary import Glossary, parse_glossary, starter_glossary, term_findings
from l10n.checks.glossary_terms import link_texts
from l10n.checks.runner import check_catalogs
from l10n.config import load_config
from translator_project import REPO, copy_project, run_cli

GLOSSARY = parse_glossary(
    "GB\t-\tunit\nGPU\t-\ncluster\t集群\nLarge Language Model\t大语言模型|大型语言模型\n"
    "US\t-\t[case] the country, not the pronoun\nTB\t-\t[case]  terabyte\n", "g.tsv")
FRENCH = parse_glossary("cluster\tgrappe\nlogbook\tjournal de bord\n", "fr.tsv")
TITLE = "BloombergGPT: A Large Language Model for Finance"
PAPER = f"[{TITLE}](https://arxiv.org/abs/2303.17564)"


def missing(msgid: str, msgstr: str, glossary: Glossary = GLOSSARY) -> list[str]:
    return [term.english for term, _ in term_findings(glossary, msgid, msgstr)]


def test_a_latin_term_is_not_matched_inside_a_longer_word_on_either_side() -> None:
    # GB is not in GBS: the msgid does not use the term ...
    assert missing("a 4M GBS run", "一次 4M GBS 的运行") == []
    assert missing("80 GB per GPU", "每个 GPU 80 GB") == []
    # ... and a msgstr writing GBS does not keep GB
    assert missing("80 GB per GPU", "每个 GPU 80 GBS") == ["GB"]
    # a lower-case plural is the term; an upper-case S makes another word
    assert missing("two GPUs", "两块 GPU") == []
    assert missing("two GPUS", "两块图形处理器") == []
    assert missing("two GPUs", "两块图形处理器") == ["GPU"]


def test_cjk_characters_are_boundaries_for_a_kept_term() -> None:
    assert missing("80 GB on each GPU", "每个GPU上有80GB") == []
    assert missing("80 GB on each GPU", "每个图形处理器上有80千兆字节") == ["GB", "GPU"]
    # on the English side too: a term written against CJK text is found
    assert missing("在GPU上", "在图形处理器上") == ["GPU"]
    assert missing("在GPU上", "在GPU上") == []
    # a unit written against its number is the term, on both sides
    assert missing("an 80GB card", "一张80GB的卡") == []
    assert missing("an 80GB card", "一张80千兆字节的卡") == ["GB"]


def test_a_cjk_translation_matches_as_a_substring_and_a_latin_one_as_a_word() -> None:
    assert missing("a GPU cluster", "一个GPU集群") == []
    assert missing("a GPU cluster", "一个 GPU 节点组") == ["cluster"]
    assert missing("the cluster and its logbook", "la grappe et son journal de bord", FRENCH) == []
    assert missing("two clusters", "deux grappes", FRENCH) == []
    # a Latin translation inside a longer word is not the translation
    assert missing("the cluster", "le grappillage", FRENCH) == ["cluster"]
    assert missing("the logbook", "le journal de bordereau", FRENCH) == ["logbook"]


def test_a_paper_title_kept_in_english_as_link_text_needs_no_translation() -> None:
    msgid = f"See {PAPER}."
    assert missing(msgid, f"见 {PAPER}。") == []
    # kept with markup inside the link text, or written against CJK punctuation
    emphasised = "[*BloombergGPT*: A Large Language Model for Finance](https://arxiv.org/abs/2303.17564)"
    assert missing(f"See {emphasised}.", f"见{emphasised}。") == []


def test_terms_outside_a_kept_title_or_in_a_changed_title_are_still_checked() -> None:
    # the term also outside the title
    msgid = f"A Large Language Model for finance: {PAPER}"
    assert missing(msgid, f"一个金融 Large Language Model：{PAPER}") == ["Large Language Model"]
    assert missing(msgid, f"一个金融大语言模型：{PAPER}") == []
    # the title half translated is not a title kept in English
    half = "[BloombergGPT: A Large Language Model 金融版](https://arxiv.org/abs/2303.17564)"
    assert missing(f"See {PAPER}.", f"见 {half}。") == ["Large Language Model"]
    # the title written as plain text, not as the msgstr's link text
    assert missing(f"See {PAPER}.", f"见 {TITLE}（https://arxiv.org/abs/2303.17564）。") == ["Large Language Model"]
    # a link whose whole text is the term, left in English, is a term not translated
    link = "[Large Language Model](https://example.org/llm)"
    assert missing(f"What is a {link}?", f"什么是 {link}？") == ["Large Language Model"]


def test_link_texts_come_from_the_markdown_parser() -> None:
    text = "a [*b* `c` d](u) and <https://x.y> and [e\nf](v 'title') and \\[not a link](w)"
    assert link_texts(text) == ["b d", "e f"]
    assert link_texts("[outer ![img alt](i.png) text](u)") == ["outer img alt text"]


def test_the_case_marker_makes_a_term_case_sensitive_and_a_whole_word() -> None:
    us = next(term for term in GLOSSARY.terms if term.english == "US")
    assert (us.case_sensitive, us.note) == (True, "the country, not the pronoun")
    assert next(term for term in GLOSSARY.terms if term.english == "TB").note == "terabyte"
    assert [term.english for term in GLOSSARY.terms if term.case_sensitive] == ["US", "TB"]
    assert missing("let us see", "我们来看看") == []
    assert missing("the US market", "美国市场") == ["US"]
    assert missing("the US market", "US 市场") == []
    # whole word: no plural, and the msgstr must have the exact case
    assert missing("many TBs", "许多太字节") == []
    assert missing("3 TB", "3 tb") == ["TB"]
    assert missing("3 TB", "3TB") == []
    unmarked = parse_glossary("US\t-\nTB\t-\n", "g.tsv")
    assert missing("let us see", "我们来看看", unmarked) == ["US"]
    assert missing("many TBs", "许多太字节", unmarked) == ["TB"]


def test_a_case_sensitive_translation_must_match_its_case() -> None:
    glossary = parse_glossary("Transformer\tTransformer\t[case] the architecture\n", "g.tsv")
    assert missing("a Transformer model", "un modèle Transformer", glossary) == []
    assert missing("a Transformer model", "un modèle transformer", glossary) == ["Transformer"]
    assert missing("a transformer (electrical)", "un transformateur", glossary) == []


def test_a_bad_marker_is_a_syntax_error_at_its_line() -> None:
    text = ("GB\t-\t[case] gigabyte\n"
            "TB\t-\t[cas] terabyte\n"         # 2: unknown marker
            "PB\t-\t[case petabyte\n"         # 3: unclosed
            "EB\t-\t[Case]\n"                 # 4: markers are lower case
            "ZB\t-\tnote: [case] later\n"     # 5: not at the start: a plain note
            "chronicles\t编年史\tchronicles-prequel: 前传编年史\n")
    glossary = parse_glossary(text, "locale/xx/glossary.tsv")
    assert [(p.line, p.code) for p in glossary.problems] == [
        (2, "glossary-syntax"), (3, "glossary-syntax"), (4, "glossary-syntax")]
    assert "'[cas]'" in glossary.problems[0].message and "[case]" in glossary.problems[0].fix
    assert [(t.english, t.case_sensitive) for t in glossary.terms] == [
        ("GB", True), ("ZB", False), ("chronicles", False)]


def test_the_shipped_glossaries_have_no_marker_mistakes() -> None:
    for path in sorted((REPO / "locale").glob("*/glossary.tsv")):
        assert parse_glossary(path.read_text(encoding="utf-8"), str(path)).problems == (), path


def test_a_new_language_inherits_the_case_marker_of_a_kept_term(tmp_path: Path) -> None:
    (tmp_path / "ja").mkdir()
    (tmp_path / "ja/glossary.tsv").write_text("GB\t-\t[case] unit\nGPU\t-\n", encoding="utf-8")
    lines = starter_glossary(tmp_path, "fr").splitlines()
    assert "GB\t-\t[case]" in lines and "GPU\t-" in lines
    assert parse_glossary("\n".join(lines), "fr.tsv").problems == ()


def test_make_check_reports_a_bad_marker_and_no_longer_over_fires(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    (root / "locale/zh_CN/glossary.tsv").write_text(
        "GB\t-\t[case] gigabyte\nLarge Language Model\t大语言模型\n", encoding="utf-8")
    catalog = new_catalog("zh_CN", "demo")
    catalog.append(polib.POEntry(msgid="Global batch size (GBS) of 4M tokens", msgstr="4M token 的全局批量大小（GBS）"))
    catalog.append(polib.POEntry(msgid=f"See {PAPER}.", msgstr=f"见 {PAPER}。"))
    catalog.append(polib.POEntry(msgid="80 GB of memory", msgstr="80 千兆字节内存"))
    write_po(root / "locale/zh_CN/LC_MESSAGES/README.po", catalog)
    findings = check_catalogs(load_config(root), ["zh_CN"], only=["glossary"])
    assert [(f.code, f.message.split()[0]) for f in findings] == [("glossary-keep", "'GB'")]

    (root / "locale/zh_CN/glossary.tsv").write_text("GB\t-\t[gb]\n", encoding="utf-8")
    status, out, _ = run_cli(root, "check", "-l", "zh_CN")
    assert status == 1
    assert "locale/zh_CN/glossary.tsv:1: error glossary-syntax: unknown marker '[gb]'" in out
