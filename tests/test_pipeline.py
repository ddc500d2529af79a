"""The pipeline end to end: gettext, update from the seed's revision to today's, HTML per language."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, SEED, revision_path
from l10n.build import sphinx_build
from l10n.catalog import extract, sync
from l10n.catalog.importer import import_translation
from l10n.catalog.io import read_po, write_po
from l10n.config import Config
from l10n.errors import L10nError
from l10n.text.segments import inline_features, segments


class BodyText(HTMLParser):
    """Text of each heading, paragraph and list item inside the page body; the site's banners, in
    the row above it (source/_templates/l10n/banners.html: `div.l10n-banner`), apart, by their classes."""

    BLOCKS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p"})

    def __init__(self) -> None:
        super().__init__()
        self.in_body = 0
        self.main_tag = ""
        self.in_banner = 0  # div depth inside a banner
        self.current: list[str] | None = None
        self.blocks: list[tuple[str, str]] = []
        self.banners: list[str] = []  # the class attribute of each banner
        self.tag = ""
        self.lang_of_html = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang_of_html = attributes.get("lang") or ""
        if not self.in_body and attributes.get("role") == "main":  # the theme's main element
            self.in_body, self.main_tag = 1, tag
        elif self.in_body and tag == self.main_tag:
            self.in_body += 1
        if tag == "div":  # a banner, inside the body or not, is never its text
            classes = (attributes.get("class") or "").split()
            if self.in_banner:
                self.in_banner += 1
            elif "l10n-banner" in classes:
                self.in_banner = 1
                self.banners.append(" ".join(classes))
        if self.in_body and not self.in_banner and tag in self.BLOCKS:
            self.current, self.tag = [], tag

    def handle_endtag(self, tag: str) -> None:
        if self.in_banner and tag == "div":
            self.in_banner -= 1
        if self.in_body and tag == self.main_tag:
            self.in_body -= 1
        if self.current is not None and tag == self.tag:
            self.blocks.append((tag, "".join(self.current).replace("¶", "").strip()))
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data)


def page_blocks(path: Path) -> BodyText:
    parser = BodyText()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_seed_import_brought_to_revision_23(project: Config) -> None:
    """Import from revision 15, update to 23 (the fixtures, whatever the master is now): link
    edits carried over, new entries untranslated."""
    result = import_translation(revision_path(15).read_text(encoding="utf-8"), SEED.read_text(encoding="utf-8"),
                                "zh_CN", project.project_name)
    write_po(project.po_path("zh_CN"), result.catalog)
    project.source_file().write_text(revision_path(23).read_text(encoding="utf-8"), encoding="utf-8")
    extract.gettext(project)
    (report,) = sync.update(project, ["zh_CN"])
    # 15 -> 23 adds 4 "Similar online guides" items, their heading and the SemiAnalysis item (6 new);
    # 5 items changed only link destinations (github blob -> tree, THUDM -> zai-org, imbue research -> blog)
    assert len(report.new) == 6
    assert len(report.carried_over) == 5 and not report.fuzzied
    assert (report.translated, report.fuzzy, report.untranslated) == (21, 1, 6)  # fuzzy: the import's Stella
    assert report.obsolete == 5  # the 5 old link versions stay as #~ entries
    po = read_po(project.po_path("zh_CN"))
    glm = next(e for e in po if e.msgid.startswith("THUDM GLM-130B") and not e.obsolete)
    assert "https://github.com/zai-org/GLM-130B/blob/main/logs/main-log.md" in glm.msgstr
    assert "THUDM/GLM-130B" not in glm.msgstr and "links updated automatically" in glm.tcomment
    (second,) = sync.update(project, ["zh_CN"])
    assert not second.written


def test_english_page_is_the_original(built_project: Config) -> None:
    page = page_blocks(built_project.build_dir / "html" / "en" / "index.html")
    texts = [t for _, t in page.blocks]
    assert texts[0] == "Resources"
    master = segments(built_project.source_file().read_text(encoding="utf-8"))
    assert len(texts) == len(master)
    assert page.lang_of_html == "en"


def _words(text: str) -> str:
    """Visible text without its spacing (the HTML and the msgstr space inline markup differently)."""
    return "".join(text.split())


def test_zh_cn_page_shows_each_translation_in_its_place(built_project: Config) -> None:
    page = page_blocks(built_project.build_dir / "html" / "zh_CN" / "index.html")
    english = page_blocks(built_project.build_dir / "html" / "en" / "index.html")
    assert [tag for tag, _ in page.blocks] == [tag for tag, _ in english.blocks]
    catalog = [entry for entry in read_po(built_project.po_path("zh_CN")) if entry.msgid and not entry.obsolete]
    translations = {entry.msgid: entry.msgstr for entry in catalog if entry.msgstr and "fuzzy" not in entry.flags}
    master = segments(built_project.source_file().read_text(encoding="utf-8"))
    # a banner above the document when (and only when) a passage is shown in English
    in_english = any(segment.msgid not in translations for segment in master)
    assert any("l10n-fallback-banner" in banner.split() for banner in page.banners) == in_english
    assert any(translations.get(segment.msgid, segment.msgid) != segment.msgid for segment in master)
    for (tag, text), segment in zip(page.blocks, master, strict=True):
        shown = translations.get(segment.msgid, segment.msgid)  # the English where there is no translation
        assert _words(text) == _words(inline_features(shown).text), f"<{tag}> {text[:60]}"
    assert page.lang_of_html == "zh-CN"


def test_every_language_has_an_index(built_project: Config) -> None:
    for language in ["en", *built_project.languages()]:
        assert (built_project.build_dir / "html" / language / "index.html").is_file()


def test_mo_is_recompiled_from_the_current_po_every_build(project: Config) -> None:
    sphinx_build.build_html(project, "zh_CN")
    po = read_po(project.po_path("zh_CN"))
    po.find("Resources").msgstr = "资源（新）"
    write_po(project.po_path("zh_CN"), po)
    mo = sphinx_build.compiled_dir(project, "zh_CN") / "README.mo"
    future = project.po_path("zh_CN").stat().st_mtime + 3600
    os.utime(mo, (future, future))  # a .mo newer than its .po must not be trusted
    sphinx_build.build_html(project, "zh_CN")
    page = page_blocks(project.build_dir / "html" / "zh_CN" / "index.html")
    assert page.blocks[0][1] == "资源（新）"


def test_translations_cannot_read_files(project: Config) -> None:
    """docutils file insertion and raw are off in the build itself, below the check gate."""
    secret = project.root / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    po = read_po(project.po_path("zh_CN"))
    entry = po.find("The listing is in no particular order other than being grouped by the year.")
    entry.msgstr = "```{include} ../secret.txt\n```"
    write_po(project.po_path("zh_CN"), po)
    sphinx_build.compile_catalogs(project, "zh_CN")
    outdir = project.build_dir / "raw"
    with contextlib.suppress(L10nError):  # a refused directive may fail the build; nothing may leak either way
        sphinx_build.run_sphinx(project, ["-b", "html", "-E", "-D", "language=zh_CN", str(project.source_dir),
                                      str(outdir)])
    for page in outdir.glob("**/*.html") if outdir.exists() else []:
        assert "TOP-SECRET-CONTENT" not in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_safe_docutils_settings_in_effect(built_project: Config, language: str) -> None:
    from l10n.build.sphinx_ext import SAFE_SETTINGS

    assert SAFE_SETTINGS == {"file_insertion_enabled": False, "raw_enabled": False}
    assert (built_project.build_dir / "html" / language / "README.html").is_file()


FAKE_MAKE = """#!/bin/sh
echo "$1" >> "$CI_LOG"
[ "$1" = "$CI_FAIL" ] && exit 2
exit 0
"""


@pytest.mark.parametrize(("failing", "ran", "status"), [
    ("", ["test", "check", "stale"], 0),
    ("check", ["test", "check", "stale"], 1),  # the other gate still runs: CI shows both
    ("stale", ["test", "check", "stale"], 1),
    ("test", ["test"], 2),
])
def test_ci_runs_the_translation_gate_on_the_shipped_catalogs_after_the_tests(
        tmp_path: Path, failing: str, ran: list[str], status: int) -> None:
    """.ci/run, with `make` (and apt-get, should it want to install) replaced by recorders."""
    ci = tmp_path / "repo" / ".ci" / "run"
    ci.parent.mkdir(parents=True)
    shutil.copy(ROOT / ".ci" / "run", ci)
    tools = tmp_path / "bin"
    tools.mkdir()
    for name, script in (("make", FAKE_MAKE), ("apt-get", "#!/bin/sh\nexit 0\n")):
        (tools / name).write_text(script, encoding="utf-8")
        (tools / name).chmod(0o755)
    log = tmp_path / "ran"
    env = {**os.environ, "PATH": f"{tools}:{os.environ.get('PATH', '/usr/bin:/bin')}", "CI_LOG": str(log),
           "CI_FAIL": failing, "PYTHON": sys.executable}
    proc = subprocess.run(["bash", str(ci)], env=env, capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == status, proc.stderr
    assert log.read_text(encoding="utf-8").split() == ran
