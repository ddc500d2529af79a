"""`make html` decides once and passes the decision down: each catalog is checked once, for the
site's plan, and the gate, the Sphinx builds and the site's pages use that plan. A sphinx-build
run by hand checks nothing. Each test builds its own copy of the project (conftest.copy_project).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import l10n.build.site
import l10n.checks.runner
from l10n.build import sphinx_build
from l10n.build.plan import SitePlan, plan_language, plan_site
from l10n.build.site import build_languages, build_site
from l10n.catalog.io import mark_fuzzy, read_po, write_po
from l10n.catalog.stats import CatalogStats, catalog_stats
from l10n.config import Config
from l10n.errors import L10nError
from mini_project import complete_entries

SCRIPT = "<script>alert(1)</script>"


def _count_checks(monkeypatch: pytest.MonkeyPatch) -> Counter[Path]:
    """How many times the runner checks each catalog file from now on."""
    counts: Counter[Path] = Counter()
    check_catalog = l10n.checks.runner.check_catalog

    def counting(config: Config, language: str, path: Path, *args: Any, **kwargs: Any) -> Any:
        counts[path] += 1
        return check_catalog(config, language, path, *args, **kwargs)

    monkeypatch.setattr(l10n.checks.runner, "check_catalog", counting)
    return counts


def _keep_plans(monkeypatch: pytest.MonkeyPatch) -> list[SitePlan]:
    """Every plan `build_site` makes, as it made it."""
    plans: list[SitePlan] = []

    def keeping(config: Config) -> SitePlan:
        plans.append(plan_site(config))
        return plans[-1]

    monkeypatch.setattr(l10n.build.site, "plan_site", keeping)
    return plans


def _once(config: Config, *languages: str) -> dict[Path, int]:
    """Each catalog of these languages (every .po of their LC_MESSAGES), checked once."""
    return {path: 1 for code in languages for path in config.po_path(code).parent.glob("*.po")}


def _stats(config: Config, language: str) -> CatalogStats:
    return catalog_stats(read_po(config.po_path(language)))


def _edit(config: Config, language: str) -> None:
    """ja: a raw <script> in a msgstr (refused); zh_CN: one fuzzy and one untranslated entry, its
    only ones (the copy's catalog is completed first: the shipped one may be behind the master)."""
    po = read_po(config.po_path(language))
    entries = [entry for entry in po if entry.msgid and not entry.obsolete]
    if language == "ja":
        entries[0].msgstr += SCRIPT
    else:
        complete_entries(po)
        mark_fuzzy(entries[1], f"Earlier {entries[1].msgid}")
        entries[2].msgstr = ""
    write_po(config.po_path(language), po)


def test_make_html_checks_each_catalog_once_and_pages_show_the_plan(project: Config,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _edit(project, "ja")
    _edit(project, "zh_CN")
    counts, plans = _count_checks(monkeypatch), _keep_plans(monkeypatch)
    result = build_site(project)

    assert counts == _once(project, "ja", "zh_CN", "zh_TW")
    (plan,) = plans
    assert [b.language for b in result.built] == ["en", "zh_CN", "zh_TW"]
    refusal = plan.languages[1].refusal()
    assert refusal is not None and [r.one_line() for r in result.refused] == [refusal.one_line()]
    assert re.fullmatch(r"locale/ja/LC_MESSAGES/README\.po:(\d+): error: raw-html: raw HTML '</script>' is not in "
                        r"the msgid \(and 1 more: line \1 raw-html\); ja not built \(run `make check` to see every "
                        r"finding\)", refusal.one_line())
    assert not (project.build_dir / "html" / "ja").exists()

    html = project.build_dir / "html"
    landing = (html / "index.html").read_text(encoding="utf-8")
    status = (html / "status.html").read_text(encoding="utf-8")
    # a refused language's figures are real too: counted, never shown beyond them
    assert [s.stats for s in plan.statuses[1:]] == [_stats(project, code) for code in ("ja", "zh_CN", "zh_TW")]
    assert (plan.statuses[2].stats.fuzzy, plan.statuses[2].stats.untranslated) == (1, 1)
    for status_ in plan.statuses[1:]:
        s = status_.stats
        assert f'aria-label="{s.translated} translated, {s.fuzzy} fuzzy, {s.untranslated} untranslated"' in landing
        assert f"{s.translated} translated, {s.fuzzy} fuzzy, {s.untranslated} untranslated of {s.total}" in status
        assert f"{s.percent:.0f}% ({s.translated} of {s.total})" in landing
        assert (f'href="{status_.code}/index.html"' in landing) == status_.published
    assert 'href="ja/index.html"' not in landing and "its catalog has check errors" in landing
    zh_cn = plan.languages[2].catalogs[0]
    assert len(zh_cn.stale) == 1 and len(zh_cn.untranslated) == 1
    assert "Stale entries: the English changed since they were translated (1)" in status
    assert status.count("<tr><td><code>") == len(plan.findings) > 0  # one row per finding of the plan
    assert "raw-html" in status and "<script>" not in status


def test_build_html_with_a_plan_checks_nothing_and_without_one_runs_the_gate(
        project: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = plan_language(project, "zh_TW")
    counts = _count_checks(monkeypatch)
    sphinx_build.build_html(project, "zh_TW", plan=plan)
    assert counts == {}
    _edit(project, "ja")
    with pytest.raises(L10nError, match=r"raw-html.*; ja not built"):
        sphinx_build.build_html(project, "ja")
    assert counts == _once(project, "ja")
    assert not sphinx_build.compiled_dir(project, "ja").exists()


def test_a_catalog_changed_after_its_check_is_not_compiled(project: Config) -> None:
    plan = plan_language(project, "ja")
    assert plan.refusal() is None
    assert "README.mo" in [p.name for p in sphinx_build.compile_catalogs(project, "ja", plan.digests)]
    (sphinx_build.compiled_dir(project, "ja") / "README.mo").unlink()
    _edit(project, "ja")  # the <script> arrives after the check passed
    with pytest.raises(L10nError, match="changed after it was checked; ja not built"):
        sphinx_build.compile_catalogs(project, "ja", plan.digests)
    assert not (sphinx_build.compiled_dir(project, "ja") / "README.mo").exists()


def test_sphinx_build_by_hand_runs_no_check(project: Config) -> None:
    """A Sphinx user's own `sphinx-build -D language=zh_CN`: the extension lists every language of
    locale/ (even a refused one: it checks nothing) and imports no module of l10n.checks."""
    _edit(project, "ja")
    code = ("import sys; from sphinx.cmd.build import main; "
            "rc = main(['-q', '-b', 'html', '-E', '-c', '.', '-D', 'language=zh_CN', 'source', sys.argv[1]]); "
            "print(rc, 'l10n.build.sphinx_ext' in sys.modules, "
            "sorted(m for m in sys.modules if m == 'l10n.checks' or m.startswith('l10n.checks.')))")
    out = project.build_dir / "by-hand"
    proc = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, text=True, cwd=project.root)
    assert proc.stdout.strip().splitlines()[-1] == "0 True []", proc.stdout + proc.stderr
    page = (out / "README.html").read_text(encoding="utf-8")
    switcher = re.findall(r'data-lang="([^"]+)"', page)
    assert switcher == ["en", "ja", "zh_CN", "zh_TW"]
    assert "l10n-below-threshold" not in page


def test_l10n_html_builds_with_the_plan_s_decisions(project: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    """`l10n html` (build/site.py: build_languages) checks each catalog once; the switcher offers
    the languages with a published build: English (built too, since every page links it) and
    zh_TW, never zh_CN (not built yet) nor the refused ja."""
    _edit(project, "ja")
    counts = _count_checks(monkeypatch)
    english, zh_tw = build_languages(project, ["zh_TW"])
    assert (zh_tw.language, english.language) == ("zh_TW", "en")
    assert counts == _once(project, "ja", "zh_CN", "zh_TW")
    page = (zh_tw.outdir / "README.html").read_text(encoding="utf-8")
    assert re.findall(r'data-lang="([^"]+)"', page) == ["en", "zh_TW"]
    with pytest.raises(L10nError, match=r"raw-html.*; ja not built"):
        build_languages(project, ["ja"])
