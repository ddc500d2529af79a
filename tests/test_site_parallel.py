"""`make html` builds the languages side by side, one sphinx-build per CPU, and a language whose
Sphinx build fails is refused alone: the others are built, published and linked without it
(the partial French project of tests/partial_fr.py, with ja beside it)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from l10n.build import sphinx_build
from l10n.build.manifest import read_manifest
from l10n.build.site import build_languages, build_site
from l10n.build.sphinx_build import BUILT, RELINKED
from l10n.catalog.io import read_po, write_po
from l10n.errors import L10nError
from partial_fr import write_partial_fr_project
from test_site_whole import add_ja, assert_every_page_lists, dead_links, states

real_build_html = sphinx_build.build_html


@pytest.fixture
def project(tmp_path: Path) -> Any:
    config = write_partial_fr_project(tmp_path / "project")
    add_ja(config)
    return config


def test_the_languages_are_built_side_by_side(project: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    spans: dict[str, tuple[float, float]] = {}
    lock = threading.Lock()

    def timed_build(config: Any, language: str, *args: Any) -> sphinx_build.BuildResult:
        start = time.monotonic()
        built = real_build_html(config, language, *args)
        with lock:
            spans[language] = (start, time.monotonic())
        return built

    monkeypatch.setattr("os.cpu_count", lambda: 2)
    monkeypatch.setattr(sphinx_build, "build_html", timed_build)
    result = build_site(project)

    assert states(result) == {"en": BUILT, "fr": BUILT, "ja": BUILT}
    assert list(states(result)) == ["en", "fr", "ja"]  # reported in the site's order, whatever ends first
    overlapping = [(a, b) for a in spans for b in spans if a < b
                   and spans[a][0] < spans[b][1] and spans[b][0] < spans[a][1]]
    assert overlapping, spans


def test_a_failed_sphinx_build_refuses_that_language_alone(project: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    failure = L10nError("source/README.md", "sphinx-build failed: ja broke", "fix the reported problem")

    def failing_build(config: Any, language: str, *args: Any) -> sphinx_build.BuildResult:
        built = real_build_html(config, language, *args)
        if language == "ja":  # as sphinx-build -W --keep-going fails: after writing the pages
            raise failure
        return built

    monkeypatch.setattr(sphinx_build, "build_html", failing_build)
    result = build_site(project)

    html = project.build_dir / "html"
    assert result.refused == [failure]
    # built linking ja, then linked again without it once ja failed
    assert [(built.language, built.state) for built in result.built] == [
        ("en", BUILT), ("fr", BUILT), ("en", RELINKED), ("fr", RELINKED)]
    assert sorted(read_manifest(project)) == ["en", "fr"]
    assert not (html / "ja").exists()
    assert_every_page_lists(html, ["en", "fr"])
    assert dead_links(html) == []
    with pytest.raises(L10nError) as raised:  # make html LANGUAGE=ja: that language's failure, one line
        build_languages(project, ["ja"])
    assert raised.value is failure


def test_a_failed_sphinx_run_leaves_the_published_pages_as_they_were(project: Any,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Sphinx writes into build/staging/<lang>/; only a build that succeeds takes the place of
    build/html/<lang>/, so a failure (after Sphinx wrote pages, as -W --keep-going does) leaves
    the last good pages, whole."""
    build_site(project)
    page = project.build_dir / "html" / "ja" / "README.html"
    good = page.read_text(encoding="utf-8")
    failure = L10nError("source/README.md", "sphinx-build failed: a warning", "fix the reported problem")

    def failing_sphinx(config: Any, args: list[str]) -> list[str]:
        (Path(args[-1]) / "README.html").write_text("half a build", encoding="utf-8")
        raise failure

    catalog = read_po(project.po_path("ja"))
    next(entry for entry in catalog if entry.msgstr).msgstr += " (2)"  # a change to build
    write_po(project.po_path("ja"), catalog)
    monkeypatch.setattr(sphinx_build, "run_sphinx", failing_sphinx)
    with pytest.raises(L10nError):
        build_languages(project, ["ja"])

    assert page.read_text(encoding="utf-8") == good
    assert not (project.build_dir / "staging" / "ja").exists()
