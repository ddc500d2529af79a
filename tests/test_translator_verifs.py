"""`l10n verifs`: one run, one summary, and every failure names the command that fixes it; on a
small project of the tests' own."""

from __future__ import annotations

import re
from pathlib import Path

from l10n.config import Config
from mini_project import LABEL, translate_all, write_project
from test_translator_wrap import poedit_style
from translator_project import run_cli

FIX_COMMAND = re.compile(r"run `make (\w+)(?: LANGUAGE=(\w+))?`")
LANGUAGES = ["ja", "zh_CN"]


def summary_of(out: str) -> list[str]:
    lines = out.splitlines()
    return lines[lines.index("verifs summary:") + 1:]


def translated_project(root: Path) -> Config:
    """The small project with a complete catalog for each of LANGUAGES, and zh_CN's glossary."""
    config = write_project(root)
    for language in LANGUAGES:
        status, _, err = run_cli(root, "init", language)
        assert status == 0, err
        translate_all(config, language)
    (config.locale_dir / "zh_CN" / "glossary.tsv").write_text("GPU\t-\n", encoding="utf-8")
    return config


def test_verifs_passes_on_an_up_to_date_translated_project(tmp_path: Path) -> None:
    root = translated_project(tmp_path / "project").root
    status, out, err = run_cli(root, "verifs")
    assert status == 0, err
    summary = summary_of(out)
    assert summary[-1] == "verifs: ready for a pull request (CI's `make stale` gives the same verdict)"
    # layout and checks, then progress and the gate's verdict for each language
    assert [line.split()[0] for line in summary[:2]] == ["ok", "ok"]
    for language in LANGUAGES:
        assert any(line.startswith(f"  ok    gate: {language} passes the pull-request gate: no check error, "
                                   "up to date with the English master") for line in summary)
    assert not any(line.lstrip().startswith("FAIL") for line in summary)


def test_verifs_fails_with_one_summary_and_the_named_commands_fix_it(tmp_path: Path) -> None:
    config = translated_project(tmp_path / "project")
    root = config.root
    po_path = config.po_path("zh_CN")
    po_path.write_text(poedit_style(po_path.read_text(encoding="utf-8"), annotate=False), encoding="utf-8")
    source = config.source_file()
    source.write_text(source.read_text(encoding="utf-8") + "\nA paragraph added upstream.\n", encoding="utf-8")
    glossary = config.locale_dir / "zh_CN" / "glossary.tsv"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "gpu\t-\tdefined twice\n", encoding="utf-8")

    status, out, _ = run_cli(root, "verifs")
    assert status == 1
    summary = summary_of(out)
    # the layout, and each language's gate: the English edit makes every catalog out of date
    assert summary[-1] == f"verifs: {1 + len(LANGUAGES)} problem(s) to fix before opening a pull request"
    failing = [line for line in summary if line.lstrip().startswith("FAIL")]
    assert len(failing) == 1 + len(LANGUAGES)
    assert "layout: not normalized: locale/zh_CN/LC_MESSAGES/README.po (run `make wrap`)" in failing[0]
    for line, language in zip(failing[1:], LANGUAGES, strict=True):
        assert f"gate: {language} fails the pull-request gate: " in line
        assert f"locale/{language}/LC_MESSAGES/README.po is out of date with the English master: 1 entry " \
               f"changed since revision {LABEL}" in line
        assert f"run `make update LANGUAGE={language}`" in line
    assert " check error" in failing[-1] and "(first: locale/zh_CN/glossary.tsv:2 glossary-duplicate)" in failing[-1]
    assert "then run `make check LANGUAGE=zh_CN`" in failing[-1]
    # the details come first, the summary last
    assert out.index("glossary.tsv:") < out.index("verifs summary:")
    assert "error glossary-duplicate: 'gpu' is already defined on line 1" in out

    # follow the summary: fix the glossary by hand, then run exactly the commands it names
    glossary.write_text("GPU\t-\n", encoding="utf-8")
    for line in failing:
        for command, language in FIX_COMMAND.findall(line):
            args = [command] + (["-l", language] if language else [])
            assert run_cli(root, *args)[0] == 0, args
    status, out, _ = run_cli(root, "verifs")
    assert status == 0
    summary = summary_of(out)
    assert summary[-1] == "verifs: ready for a pull request (CI's `make stale` gives the same verdict)"
    # what is left to translate is a note, not a failure, and names its command too
    assert any(line.lstrip().startswith("note  zh_CN progress:")
               and "untranslated (run `make todo`)" in line for line in summary)


def test_verifs_of_an_unknown_language_is_one_line_and_status_2(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project", code=()).root
    status, out, err = run_cli(root, "verifs", "-l", "zh-CN", "--no-gettext")
    assert status == 2 and out == ""
    assert err.startswith("--language: error: invalid language code 'zh-CN'")
