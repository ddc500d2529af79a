"""The catalog boundary: nothing next to, behind or around a catalog reaches the site.

Each test builds its own scratch copy of the project (conftest.copy_project) and plants one
hostile or stray thing under locale/, then runs the commands a maintainer runs.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import polib
import pytest

from l10n.build import sphinx_build
from l10n.build.site import build_site
from l10n.catalog.io import read_po, write_po
from l10n.checks.runner import check_catalogs
from l10n.cli import main
from l10n.config import Config, load_config

XSS = "<img src=x onerror=alert(1)>"
SECRET = "PWD=/home/secret-value-1234"
REPO = Path(__file__).resolve().parent.parent


def _hostile_sphinx_catalog() -> polib.POFile:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "zh_CN"}
    for text in ("Navigation", "Search", "Quick search", "Go"):
        po.append(polib.POEntry(msgid=text, msgstr=XSS))
    return po


def _run(project: Config, *args: str) -> int:
    return main(["--root", str(project.root), *args])


def _built_pages(project: Config) -> list[Path]:
    return sorted((project.build_dir / "html").rglob("*.html"))


@pytest.mark.parametrize("name", ["sphinx.po", "sphinx.mo"])
def test_a_second_catalog_is_refused_everywhere(project: Config, name: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    stray = project.locale_dir / "zh_CN" / "LC_MESSAGES" / name
    hostile = _hostile_sphinx_catalog()
    hostile.save(str(stray)) if name.endswith(".po") else hostile.save_as_mofile(str(stray))

    assert _run(project, "check") == 1
    out = capsys.readouterr().out
    assert f"locale/zh_CN/LC_MESSAGES/{name}: error unchecked-catalog" in out

    assert _run(project, "site") == 2
    out, err = capsys.readouterr()
    assert f"locale/zh_CN/LC_MESSAGES/{name}: error: unchecked-catalog" in err and "zh_CN not built" in err
    assert "built build/html/en/index.html" in out and "built build/html/ja/index.html" in out
    assert not (project.build_dir / "html" / "zh_CN").exists()
    assert all(XSS not in page.read_text(encoding="utf-8") for page in _built_pages(project))

    assert _run(project, "check-build", "--language", "zh_CN") == 1
    assert f"locale/zh_CN/LC_MESSAGES/{name}: error unchecked-catalog" in capsys.readouterr().out


def test_sphinx_reads_only_the_compiled_checked_catalogs(project: Config) -> None:
    """Even a sphinx-build run by hand, with a stray catalog in locale/, shows none of it."""
    sphinx_build.compile_catalogs(project, "zh_CN")
    _hostile_sphinx_catalog().save_as_mofile(str(project.locale_dir / "zh_CN" / "LC_MESSAGES" / "sphinx.mo"))
    outdir = project.build_dir / "by-hand"
    sphinx_build.run_sphinx(project, ["-b", "html", "-E", "-D", "language=zh_CN", str(project.source_dir), str(outdir)])
    page = (outdir / "README.html").read_text(encoding="utf-8")
    assert XSS not in page and "资源" in page  # translated from the compiled README.mo, nothing else


def test_a_stray_compiled_catalog_is_removed_by_the_build_and_named_by_check_build(
        project: Config, capsys: pytest.CaptureFixture[str]) -> None:
    compiled = sphinx_build.compiled_dir(project, "ja")
    compiled.mkdir(parents=True)
    _hostile_sphinx_catalog().save_as_mofile(str(compiled / "sphinx.mo"))
    assert _run(project, "check-build", "--language", "ja") == 2  # not built yet: nothing to compare
    capsys.readouterr()
    assert _run(project, "site", "--language", "en,ja") == 0
    assert sorted(p.name for p in compiled.iterdir()) == ["README.mo", "site.mo"]  # the checked catalogs only
    _hostile_sphinx_catalog().save_as_mofile(str(compiled / "sphinx.mo"))
    assert _run(project, "check-build", "--language", "ja") == 1
    assert "build/locale/ja/LC_MESSAGES/sphinx.mo: error unchecked-catalog" in capsys.readouterr().out


@pytest.mark.parametrize("target_text", [SECRET + "\nSHELL=/bin/bash\n", f'msgid ""\nmsgstr "{SECRET}"\n'])
def test_a_symlinked_catalog_is_never_read_or_published(project: Config, tmp_path: Path, target_text: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "environ"
    target.write_text(target_text, encoding="utf-8")
    catalog = project.po_path("zh_CN")
    catalog.unlink()
    catalog.symlink_to(target)

    findings = check_catalogs(project)
    assert [(f.path, f.code) for f in findings if f.severity == "error"] == [
        ("locale/zh_CN/LC_MESSAGES/README.po", "symlink")]
    assert _run(project, "site") == 2
    out, err = capsys.readouterr()
    assert "secret-value" not in out + err and "zh_CN not built" in err
    for page in _built_pages(project):
        assert "secret-value" not in page.read_text(encoding="utf-8"), page


def test_status_page_shows_no_catalog_text_and_escapes_translations(project: Config) -> None:
    path = project.po_path("ja")
    po = read_po(path)
    fuzzy = next(e for e in po if e.msgstr and not e.obsolete and e.msgid != "Resources")
    fuzzy.flags.append("fuzzy")
    fuzzy.msgstr = "<script>alert('fuzzy')</script>" + fuzzy.msgstr
    write_po(path, po)
    broken = project.po_path("zh_TW")
    broken.write_text(broken.read_text(encoding="utf-8") + f"\n{SECRET}\n", encoding="utf-8")
    assert _run(project, "site") == 2
    status = (project.build_dir / "html" / "status.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;fuzzy&#39;)&lt;/script&gt;" in status
    assert "<script>" not in status
    assert "po-syntax" in status and "secret-value" not in status


def test_a_stray_language_directory_refuses_no_language(project: Config,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    (project.locale_dir / "xx_YY" / "LC_MESSAGES").mkdir(parents=True)
    (project.locale_dir / "zh-cn").mkdir()
    (project.locale_dir / "notes.txt").write_text("stray", encoding="utf-8")
    assert _run(project, "site") == 2
    out, err = capsys.readouterr()
    for language in ("en", "ja", "zh_CN", "zh_TW"):
        assert f"built build/html/{language}/index.html" in out
    errors = [line for line in err.splitlines() if "error" in line]
    assert sorted(line.split(":")[0] for line in errors) == ["locale/notes.txt", "locale/xx_YY", "locale/zh-cn"]
    assert not any("not built" in line for line in errors)
    assert _run(project, "check") == 1
    assert "locale/xx_YY: error invalid-language-dir" in capsys.readouterr().out
    assert _run(project, "check", "--language", "ja") == 0  # a problem of locale/ is charged to no language


def test_a_symlinked_language_refuses_that_language_alone(project: Config, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "zh_CN"
    (project.locale_dir / "zh_CN").rename(elsewhere)
    (project.locale_dir / "zh_CN").symlink_to(elsewhere, target_is_directory=True)
    assert _run(project, "site") == 2
    out, err = capsys.readouterr()
    assert "built build/html/ja/index.html" in out and "built build/html/zh_TW/index.html" in out
    assert [line for line in err.splitlines() if "error" in line] == [
        "locale/zh_CN: error: symlink: a symlink: the pipeline never reads through one; zh_CN not built "
        "(run `make check` to see every finding)"]


def test_a_symlinked_glossary_refuses_its_language(project: Config, tmp_path: Path) -> None:
    glossary = project.locale_dir / "ja" / "glossary.tsv"
    target = tmp_path / "glossary.tsv"
    target.write_bytes(glossary.read_bytes())
    glossary.unlink()
    glossary.symlink_to(target)
    assert [(f.path, f.code) for f in check_catalogs(project, ["ja"]) if f.severity == "error"] == [
        ("locale/ja/glossary.tsv", "symlink")]


def test_a_language_header_that_does_not_match_its_directory_is_a_warning(project: Config) -> None:
    path = project.po_path("ja")
    po = read_po(path)
    po.metadata["Language"] = "ko"
    write_po(path, po)
    mismatch = [f for f in check_catalogs(project, ["ja"]) if f.code == "language-mismatch"]
    assert len(mismatch) == 1 and mismatch[0].severity == "warning" and "'ko'" in mismatch[0].message
    assert mismatch[0].line == next(i for i, line in enumerate(path.read_text().split("\n"), 1)
                                    if line.startswith('"Language: '))


def test_publishing_uses_the_real_percentage(project: Config) -> None:
    path = project.po_path("ja")
    po = read_po(path)
    active = [e for e in po if e.msgid and not e.obsolete]
    for entry in active[: len(active) // 2]:
        entry.msgstr = ""
    write_po(path, po)
    # the copy's own states (the shipped catalog may already have fuzzy or untranslated entries):
    # translated entries only, fuzzy ones count as not translated
    translated = [e for e in active if e.msgstr and "fuzzy" not in e.flags]
    assert len(translated) <= len(active) - len(active) // 2
    percent = 100 * len(translated) / len(active)
    pyproject = project.root / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8").replace('below_threshold = "warn"', 'below_threshold = "skip"')
    for threshold, built in ((percent + 1, False), (percent - 1, True)):
        pyproject.write_text(text.replace("threshold = { default = 80 }", f"threshold = {{ default = {threshold} }}"),
                             encoding="utf-8")
        result = build_site(load_config(project.root), ["ja"])
        # English is built too when it has no build yet: the one named language is ja
        assert [b.language for b in result.built if b.language != "en"] == (["ja"] if built else []), threshold
        assert [s.code for s in result.skipped] == ([] if built else ["ja"])


def test_locale_itself_a_symlink_builds_english(project: Config, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    os.rename(project.locale_dir, tmp_path / "locale")
    project.locale_dir.symlink_to(tmp_path / "locale", target_is_directory=True)
    assert _run(project, "site") == 2
    out, err = capsys.readouterr()
    assert "built build/html/en/index.html" in out
    assert "locale: error: symlink" in err


# --- the tree, file by file (moved from test_check_faults.py) ------------------------------

def _tree_errors(root: Path) -> set[tuple[str, str]]:
    return {(f.path, f.code) for f in check_catalogs(load_config(root)) if f.severity == "error"}


def _project_with_catalog(tmp_path: Path) -> Path:
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    dest = tmp_path / "locale" / "zh_CN" / "LC_MESSAGES" / "README.po"
    dest.parent.mkdir(parents=True)
    shutil.copy(REPO / "locale" / "zh_CN" / "LC_MESSAGES" / "README.po", dest)
    return tmp_path


def test_locale_tree_allows_the_glossary_and_the_document_catalogs_only(tmp_path: Path) -> None:
    root = _project_with_catalog(tmp_path)
    (root / "locale" / "zh_CN" / "glossary.tsv").write_text("term\tzh\n", encoding="utf-8")
    assert _tree_errors(root) == set()
    messages = root / "locale" / "zh_CN" / "LC_MESSAGES"
    for name in ("README.mo", "sphinx.po", "other.pot"):
        (messages / name).write_bytes(b"")
    assert _tree_errors(root) == {(f"locale/zh_CN/LC_MESSAGES/{name}", "unchecked-catalog")
                                  for name in ("README.mo", "sphinx.po", "other.pot")}


def test_locale_tree_symlinks_and_unexpected_paths(tmp_path: Path) -> None:
    root = _project_with_catalog(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("x", encoding="utf-8")
    os.symlink(secret, root / "locale" / "zh_CN" / "LC_MESSAGES" / "other.po")
    (root / "locale" / "zh_CN" / "images").mkdir()
    (root / "locale" / "zh_CN" / "LC_MESSAGES" / "notes.txt").write_text("x", encoding="utf-8")
    (root / "locale" / "README").write_text("x", encoding="utf-8")
    assert _tree_errors(root) == {
        ("locale/zh_CN/LC_MESSAGES/other.po", "symlink"),
        ("locale/zh_CN/images", "unexpected-path"),
        ("locale/zh_CN/LC_MESSAGES/notes.txt", "unexpected-path"),
        ("locale/README", "unexpected-path"),
    }


def test_symlinked_catalog_is_reported(tmp_path: Path) -> None:
    root = _project_with_catalog(tmp_path)
    catalog = root / "locale" / "zh_CN" / "LC_MESSAGES" / "README.po"
    real = tmp_path / "elsewhere.po"
    catalog.rename(real)
    os.symlink(real, catalog)
    assert ("locale/zh_CN/LC_MESSAGES/README.po", "symlink") in _tree_errors(root)
