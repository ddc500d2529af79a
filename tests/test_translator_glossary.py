"""The glossary check: locale/<lang>/glossary.tsv, its parser, and findings on real catalogs."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from l10n.catalog.io import new_catalog, read_po, write_po
from l10n.checks.glossary import glossary_path, load_glossary, parse_glossary, term_findings
from l10n.checks.runner import check_catalogs
from l10n.config import load_config
from translator_project import REPO, copy_project, run_cli

SEED = REPO / "tests/fixtures/seeds/README.zh_CN.md"
REVISION_15 = REPO / "tests/fixtures/upstream/15-2024-10-26-48cbcef.md"


def test_zh_cn_glossary_is_the_seed_translations_own_choice() -> None:
    """Every translated term that occurs in the English of revision 15 is rendered the glossary's
    way somewhere in the hand-made seed translation of that revision. (Shipped data, kept on
    purpose: no gate compares the glossary with the seed.)"""
    glossary = load_glossary(glossary_path(REPO / "locale", "zh_CN"), "glossary.tsv")
    assert glossary is not None
    english = REVISION_15.read_text(encoding="utf-8")
    seed = SEED.read_text(encoding="utf-8")
    checked = 0
    for term in glossary.terms:
        if term.keep or not term.pattern.search(english):
            continue
        checked += 1
        assert any(t in seed for t in term.translations), term.english
    assert checked  # the glossary has terms the seed's English uses


def test_term_matching_is_case_insensitive_on_word_boundaries_and_ignores_link_destinations() -> None:
    glossary = parse_glossary("chronicles\t编年史\nPR\t-\nfloat16\t-\nspec\t规范\n", "g.tsv")
    msgid = "[Chronicles](https://example.org/chronicles.md) of a PR"
    assert list(term_findings(glossary, msgid, "[编年史](https://example.org/chronicles.md)，通过PR")) == []
    drifted = "[记录](https://x/chronicles.md) 通过拉取请求"
    missing = [(t.english, used) for t, used in term_findings(glossary, msgid, drifted)]
    assert missing == [("chronicles", "Chronicles"), ("PR", "PR")]
    # a word containing the term is not the term; plural forms are
    assert list(term_findings(glossary, "the specification", "说明")) == []
    assert [t.english for t, _ in term_findings(glossary, "two specs", "两个说明")] == ["spec"]
    # a kept term inside a longer word of the translation does not count as kept
    found = term_findings(glossary, "float16 vs bfloat16", "浮点16与bfloat16")
    assert [t.english for t, _ in found] == ["float16"]
    # a URL shown as text (autolink, bare URL) is not a term to translate; the words around it are
    for msgid in ("see <https://example.org/spec-chronicles/>", "see https://example.org/chronicles"):
        assert list(term_findings(glossary, msgid, f"见 {msgid.split()[-1]}")) == []
    assert [t.english for t, _ in term_findings(glossary, "the spec: https://example.org/spec",
                                                "说明：https://example.org/spec")] == ["spec"]


def test_glossary_mistakes_are_reported_with_file_and_line(tmp_path: Path) -> None:
    text = ("# comment\n\nlogbook\t训练日志\n"
            "chronicles\n"                      # 4: one column
            "backup\t备份\tnote\textra\n"       # 5: four columns
            "\t空\n"                            # 6: empty term
            "Logbook\t日志\n"                   # 7: duplicate (any case)
            "PR\t\n")                           # 8: empty translation
    glossary = parse_glossary(text, "locale/xx/glossary.tsv")
    assert [(p.line, p.code) for p in glossary.problems] == [
        (4, "glossary-syntax"), (5, "glossary-syntax"), (6, "glossary-syntax"), (7, "glossary-duplicate"),
        (8, "glossary-syntax")]
    assert "already defined on line 3" in glossary.problems[3].message
    assert [t.english for t in glossary.terms] == ["logbook"]

    root = copy_project(tmp_path / "project")
    (root / "locale/zh_CN/glossary.tsv").write_text(text, encoding="utf-8")
    site = root / "locale/zh_CN/LC_MESSAGES/site.po"
    write_po(site, new_catalog("zh_CN", "demo"))  # a second catalog: the glossary is still reported once
    status, out, _ = run_cli(root, "check", "-l", "zh_CN")
    assert status == 1
    assert out.count("locale/zh_CN/glossary.tsv:4: error glossary-syntax: expected 2 or 3 tab-separated columns") == 1
    assert "locale/zh_CN/glossary.tsv:7: error glossary-duplicate:" in out


GLOSSARY = "# English\ttranslation\nlogbook\t训练日志\nchronicles\t编年史\nBLOOM\t-\n"
DRIFTED = "BigScience BLOOM-176B: [chronicles](https://example.org/c.md), [logbook](https://example.org/l.md)"


@pytest.fixture
def drifted_project(tmp_path: Path) -> Path:
    """zh_CN with its own glossary and catalog: one entry follows the glossary, one drifts from
    it twice (编年史 -> 纪事, BLOOM -> 布鲁姆)."""
    root = copy_project(tmp_path / "project")
    (root / "locale/zh_CN/glossary.tsv").write_text(GLOSSARY, encoding="utf-8")
    catalog = new_catalog("zh_CN", "demo")
    catalog.append(polib.POEntry(msgid="A logbook", msgstr="一份训练日志"))
    catalog.append(polib.POEntry(msgid=DRIFTED, msgstr="BigScience 布鲁姆-176B：[纪事](https://example.org/c.md)，"
                                                      "[训练日志](https://example.org/l.md)"))
    write_po(root / "locale/zh_CN/LC_MESSAGES/README.po", catalog)
    return root


def test_drifted_terms_are_warnings_naming_the_glossary_line_and_the_fix(drifted_project: Path) -> None:
    config = load_config(drifted_project)
    findings = check_catalogs(config, ["zh_CN"], only=["glossary"])
    po_text = config.po_path("zh_CN").read_text(encoding="utf-8").splitlines()
    msgid_line = po_text.index(f'msgid "{DRIFTED}"') + 1
    line = next(i for i, raw in enumerate(po_text, 1) if i > msgid_line and raw.startswith("msgstr "))
    chronicles_line = GLOSSARY.splitlines().index("chronicles\t编年史") + 1
    assert sorted((f.line, f.severity, f.code) for f in findings) == [
        (line, "warning", "glossary-keep"), (line, "warning", "glossary-term")]
    term = next(f for f in findings if f.code == "glossary-term")
    assert f"locale/zh_CN/glossary.tsv:{chronicles_line}" in term.message
    assert "'编年史'" in term.fix
    # warnings do not block the build
    status, out, _ = run_cli(drifted_project, "check", "-l", "zh_CN")
    assert status == 0 and "glossary-keep" in out


def test_fuzzy_and_untranslated_entries_are_not_checked(drifted_project: Path) -> None:
    path = drifted_project / "locale/zh_CN/LC_MESSAGES/README.po"
    catalog = read_po(path)
    assert check_catalogs(load_config(drifted_project), ["zh_CN"], only=["glossary"])
    catalog.find(DRIFTED).flags.append("fuzzy")
    write_po(path, catalog)
    assert check_catalogs(load_config(drifted_project), ["zh_CN"], only=["glossary"]) == []
    catalog.find(DRIFTED).flags.remove("fuzzy")
    catalog.find(DRIFTED).msgstr = ""
    write_po(path, catalog)
    assert check_catalogs(load_config(drifted_project), ["zh_CN"], only=["glossary"]) == []


def test_a_language_without_glossary_has_no_glossary_findings(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    (root / "locale/zh_CN/glossary.tsv").unlink()
    assert check_catalogs(load_config(root), ["zh_CN"], only=["glossary"]) == []
