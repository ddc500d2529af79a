"""The command line: bad input gives one line naming file, line and fix, exit status 2."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED, revision_path
from l10n.catalog.io import read_po
from l10n.cli import main
from l10n.config import Config
from mini_project import MSGIDS, write_project


def run(capsys: pytest.CaptureFixture[str], config: Config, *argv: str) -> tuple[int, str, str]:
    code = main(["--root", str(config.root), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, *fragments: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def test_malformed_po_reports_file_and_line(project: Config, capsys: pytest.CaptureFixture[str]) -> None:
    po = project.po_path("zh_CN")
    lines = po.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith('msgstr "资源"'))
    lines[index] = 'msgstr "资源'
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run(capsys, project, "html", "--language", "zh_CN")
    assert code == 2
    assert_one_line_error(err, f"locale/zh_CN/LC_MESSAGES/README.po:{index + 1}:", "unterminated string")


@pytest.mark.parametrize("code", ["zh-CN", "../etc", "zh_CN\"", "xx", "EN", "zh_cn"])
def test_invalid_language_code_is_rejected(project: Config, capsys: pytest.CaptureFixture[str], code: str) -> None:
    status, _, err = run(capsys, project, "html", "--language", code)
    assert status == 2
    assert_one_line_error(err, "--language: error:", repr(code))


def test_invalid_language_directory_is_reported_and_the_others_updated(
        project: Config, capsys: pytest.CaptureFixture[str]) -> None:
    (project.locale_dir / "zh-Hans").mkdir()
    status, out, err = run(capsys, project, "update")
    assert status == 2
    assert_one_line_error(err, "locale/zh-Hans: error: invalid-language-dir: not a language directory: "
                          "invalid language code 'zh-Hans'")
    assert sorted(line.split(":")[0] for line in out.splitlines() if "translated" in line) == [
        str(Path("locale", code, "LC_MESSAGES", f"{catalog}.po"))
        for code in ("ja", "zh_CN", "zh_TW") for catalog in ("README", "site")]


def test_update_never_writes_through_a_symlinked_language(project: Config, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "ja"
    (project.locale_dir / "ja").rename(elsewhere)
    (project.locale_dir / "ja").symlink_to(elsewhere, target_is_directory=True)
    catalog = elsewhere / "LC_MESSAGES" / "README.po"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace('"Language: ja\\n"', '"Language: jp\\n"'),
                       encoding="utf-8")
    before = catalog.read_bytes()
    status, out, err = run(capsys, project, "update")
    assert status == 2 and "locale/ja: error: symlink" in err and "ja left alone" in err
    assert catalog.read_bytes() == before and "locale/zh_CN/LC_MESSAGES/README.po" in out


def test_missing_source_file(project: Config, capsys: pytest.CaptureFixture[str]) -> None:
    project.source_file().unlink()
    status, _, err = run(capsys, project, "gettext")
    assert status == 2
    assert_one_line_error(err, "source/README.md: error: source file not found", "git checkout")


def test_missing_tool(project: Config, capsys: pytest.CaptureFixture[str],
                      monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "sphinx" else real(name, *a))
    status, _, err = run(capsys, project, "html", "--language", "en")
    assert status == 2
    assert_one_line_error(err, "sphinx: error: sphinx is not installed", "make venv")


def test_missing_catalog_names_the_fix(project: Config, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, project, "html", "--language", "fr")
    assert status == 2
    assert_one_line_error(err, "--language: error: no catalog for 'fr': locale/fr/ does not exist",
                          "make init LANGUAGE=fr")


def test_import_prints_the_three_seed_findings(project: Config, capsys: pytest.CaptureFixture[str]) -> None:
    output = project.root / "imported.po"
    status, out, _ = run(capsys, project, "import", str(SEED), "--english", str(revision_path(15)),
                         "--language", "zh_CN", "--revision", "15 48cbcef", "--output", str(output))
    assert status == 0
    codes = [line.split(": ")[1] for line in out.splitlines() if ": warning " in line]
    assert codes == ["warning extra-block", "warning heading-level-shift", "warning link-dropped"]
    assert "22 blocks paired" in out and "1 fuzzy" in out
    assert len(read_po(output)) == 22
    status, _, err = run(capsys, project, "import", str(SEED), "--english", str(revision_path(15)),
                         "--language", "zh_CN", "--output", str(output))
    assert status == 2 and "--force" in err


def test_init_creates_a_catalog_with_correct_headers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_project(tmp_path / "project")
    for language, lines in {"ja": "BLOOM\t-\tmodel\nlogbook\t日志\n", "zh_CN": "Megatron\t-\nlogbook\t-\n"}.items():
        (config.locale_dir / language).mkdir()
        (config.locale_dir / language / "glossary.tsv").write_text(lines, encoding="utf-8")
    status, out, _ = run(capsys, config, "init", "fr")
    assert status == 0 and f"français (fr): {len(MSGIDS)} entries to translate" in out
    po = read_po(config.po_path("fr"))
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"  # what msginit writes
    assert po.metadata["Language"] == "fr"
    assert po.metadata["X-Source-Revision"] == config.upstream.label
    glossary = (config.locale_dir / "fr" / "glossary.tsv").read_text(encoding="utf-8").splitlines()
    assert "BLOOM\t-" in glossary and "Megatron\t-" in glossary  # names every glossary keeps
    assert not [line for line in glossary if line.startswith("logbook")]  # a term one of them translates
    status, _, err = run(capsys, config, "init", "fr")
    assert status == 2 and "make update LANGUAGE=fr" in err


def test_console_script_and_module_entry_points() -> None:
    bin_dir = Path(sys.executable).parent
    for cmd in ([str(bin_dir / "l10n"), "--help"], [sys.executable, "-m", "l10n.cli", "--help"]):
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        assert proc.returncode == 0 and "gettext" in proc.stdout and "import" in proc.stdout
    proc = subprocess.run([str(bin_dir / "l10n"), "nonsense"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_importing_the_package_has_no_side_effects(tmp_path: Path) -> None:
    code = ("import sys, os; os.chdir(sys.argv[1]); "
            "import l10n, l10n.cli, l10n.build.site, l10n.catalog.sync, l10n.catalog.importer; "
            "print(sorted(os.listdir('.')))")
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.strip() == "[]" and proc.stderr == ""


def test_each_command_is_registered_by_the_module_the_cli_imports_for_it() -> None:
    import argparse
    import importlib

    from l10n.cli import COMMAND_MODULES, COMMANDS, build_parser

    registered = {}
    for module in COMMAND_MODULES:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module).register(sub)
        registered.update(dict.fromkeys(sub.choices, module))
    assert registered == COMMANDS
    every = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert list(every) == list(registered)  # `l10n --help` lists them all, in module order


def test_make_check_does_not_load_the_build_pipeline() -> None:
    code = ("import sys; from l10n.cli import main; status = main(['check', '-l', 'zh_CN']); "
            "print(status, sorted(m for m in sys.modules if m in ('l10n.build.sphinx_build', 'l10n.catalog.sync', "
            "'l10n.catalog.update', 'l10n.build.site', 'sphinx')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.stdout.strip().splitlines()[-1] == "0 []", proc.stderr
    for argv in (["--help"], ["--root", ".", "-h"]):
        proc = subprocess.run([sys.executable, "-m", "l10n.cli", *argv], capture_output=True, text=True, cwd=ROOT)
        assert proc.returncode == 0 and all(name in proc.stdout for name in ("gettext", "check", "compare-md"))
