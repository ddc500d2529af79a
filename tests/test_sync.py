"""`make sync` (issue 15): the master brought up to an upstream commit from a local git repository
of the tests' own (tests/upstream_git.py), the commit and the content's sha256 recorded in
[tool.l10n.upstream], every catalog updated; and provenance by content: a master that is not the
recorded upstream text fails `make stale` and `make verifs` with one line naming `make sync`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import polib
import pytest

from l10n.catalog.io import read_po
from l10n.catalog.upstream import content_sha256
from l10n.config import load_config
from l10n.reports.gate import PROVENANCE
from partial_fr import write_partial_fr_project
from translator_project import run_cli
from upstream_git import PATH, build_upstream, commit_file, manifest

VENV = Path(sys.executable).parent.parent
OLD_SENTENCE = "The listing is in no particular order other than being grouped by the year."
NEW_SENTENCE = "The listing is in no particular order other than being grouped by year."
OLD_URL = "https://wandb.ai/craiyon/report/reports/Recipe-Training-Large-Models--VmlldzozNjc4MzQz"
NEW_URL = "https://wandb.ai/craiyon/report/reports/Recipe-Training-Large-Models--v2"
REVISION_24 = ("2026-09-01", "reword the listing note, move the recipe")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture(scope="module")
def upstream(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[int, str]]:
    """The 23 revisions, then a 24th commit: one sentence reworded, one URL changed."""
    repo = tmp_path_factory.mktemp("upstream") / "ml-engineering"
    commits = build_upstream(repo)
    text = manifest()[-1].file.read_text(encoding="utf-8")
    assert text.count(OLD_SENTENCE) == 1 and text.count(OLD_URL) == 1
    new = text.replace(OLD_SENTENCE, NEW_SENTENCE).replace(OLD_URL, NEW_URL)
    commits[24] = commit_file(repo, new.encode("utf-8"), *REVISION_24)
    return repo, commits


@pytest.fixture(scope="module")
def synced_23(upstream: tuple[Path, dict[int, str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The partial French project (revision 23), synced once to revision 23: its sha256 recorded."""
    root = tmp_path_factory.mktemp("project") / "project"
    write_partial_fr_project(root)
    repo, commits = upstream
    status, _, err = run_cli(root, "sync", "--upstream", str(repo), "--ref", commits[23])
    assert status == 0, err
    assert load_config(root).upstream.sha256 == content_sha256((root / "source" / "README.md").read_bytes())
    return root


@pytest.fixture
def project(synced_23: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(synced_23, copy)
    return copy


def snapshot(root: Path) -> dict[str, bytes]:
    """Every byte a sync may write: the master, the settings, the catalogs."""
    files = [root / "pyproject.toml", root / "source" / "README.md", *sorted((root / "locale").rglob("*"))]
    return {str(p.relative_to(root)): p.read_bytes() for p in files if p.is_file()}


def make(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if not (VENV / "bin" / "l10n").exists() or shutil.which("make") is None:
        pytest.skip("needs make and the l10n command in this run's virtual environment")
    return subprocess.run(["make", "--no-print-directory", "-o", f"{VENV}/bin/.installed", f"VENV={VENV}", *args],
                          cwd=root, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)


def entry(root: Path, start: str) -> polib.POEntry:
    return next(e for e in read_po(root / "locale" / "fr" / "LC_MESSAGES" / "README.po")
                if e.msgid.startswith(start) and not e.obsolete)


def test_acceptance_a_24th_commit_rewords_one_sentence_and_moves_one_url(
        project: Path, upstream: tuple[Path, dict[int, str]]) -> None:
    repo, commits = upstream
    before = (project / "pyproject.toml").read_text(encoding="utf-8")
    old_translation = entry(project, OLD_SENTENCE).msgstr
    result = make(project, "sync", f"UPSTREAM={repo}")  # REF: the default branch
    assert result.returncode == 0, result.stderr
    master = (project / "source" / "README.md").read_bytes()
    assert master == (repo / PATH).read_bytes()
    up = load_config(project).upstream
    assert (up.commit, up.revision, up.date, up.sha256) == (commits[24], 24, REVISION_24[0], content_sha256(master))
    after = (project / "pyproject.toml").read_text(encoding="utf-8")
    assert [line for line in after.splitlines() if line not in before.splitlines()] == [
        "revision = 24", f'commit = "{commits[24]}"', f'date = "{REVISION_24[0]}"', f'sha256 = "{up.sha256}"']
    assert len(after.splitlines()) == len(before.splitlines())  # each value in its place, nothing else
    assert f"synced source/README.md to revision 24 {commits[24][:7]}" in result.stdout
    assert "  fuzzy: The listing is in no particular order other than being grouped by [-the -]year." in result.stdout
    assert "obsolete:" not in result.stdout  # the old texts live on: one fuzzy, one carried over

    reworded = entry(project, NEW_SENTENCE)
    assert "fuzzy" in reworded.flags and reworded.previous_msgid == OLD_SENTENCE
    assert reworded.msgstr == old_translation
    boris = entry(project, "Boris Dayma wrote")
    assert "fuzzy" not in boris.flags and NEW_URL in boris.msgstr and OLD_URL not in boris.msgstr

    # the gate lists the entry as fuzzy; the project's policy allows fuzzy entries, --fuzzy fail fails them
    stale = make(project, "stale", "LANGUAGE=fr")
    line = next(line for line in stale.stdout.splitlines() if "warning fuzzy: fuzzy: The listing is" in line)
    assert stale.returncode == 0 and "(was: The listing is in no particular order other than being grouped by " \
                                     "the year.)" in line
    failing = make(project, "stale", "LANGUAGE=fr", "STALE_ARGS=--fuzzy fail")
    assert failing.returncode != 0 and line in failing.stdout  # make exits 2 on the recipe's 1
    assert "fr fails the pull-request gate: 3 fuzzy entries" in failing.stdout

    # a second sync changes no byte
    kept = snapshot(project)
    again = make(project, "sync", f"UPSTREAM={repo}")
    assert again.returncode == 0 and "nothing changed" in again.stdout, again.stdout + again.stderr
    assert snapshot(project) == kept


def test_a_hand_edit_of_the_master_fails_stale_and_verifs_naming_make_sync(project: Path) -> None:
    source = project / "source" / "README.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Boris Dayma wrote", "Boris Dayma has written"),
                      encoding="utf-8")
    status, out, _ = run_cli(project, "stale", "-l", "fr", "--format", "json")
    [report] = json.loads(out)
    assert status == 1 and report["reasons"][0]["rule"] == PROVENANCE
    assert report["reasons"][0]["text"] == ("source/README.md does not match its recorded upstream content "
                                            f"(sha256 of revision {load_config(project).upstream.label} in "
                                            "[tool.l10n.upstream])")
    assert "`make sync REF=" in report["fix"] and "`make sync`" in report["fix"]
    status, out, _ = run_cli(project, "verifs", "-l", "fr")
    assert status == 1 and report["reasons"][0]["text"] in out
    # marked as a deliberate local edit: no provenance reason (the catalog is still out of date)
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace(
        "[tool.l10n.upstream]\n", '[tool.l10n.upstream]\nlocal_edit = true\nnote = "house style"\n'), encoding="utf-8")
    status, out, _ = run_cli(project, "stale", "-l", "fr", "--format", "json")
    assert PROVENANCE not in [r["rule"] for r in json.loads(out)[0]["reasons"]]


def test_the_unedited_master_has_no_provenance_reason(project: Path) -> None:
    status, out, _ = run_cli(project, "stale", "-l", "fr", "--format", "json")
    assert status == 0 and json.loads(out)[0]["reasons"] == []


def test_a_url_is_cloned_once_into_build_and_its_default_branch_followed(
        project: Path, upstream: tuple[Path, dict[int, str]]) -> None:
    repo, commits = upstream
    url = repo.as_uri()  # file://: the clone path, without a network
    status, out, err = run_cli(project, "sync", "--upstream", url)
    assert status == 0, err
    assert load_config(project).upstream.commit == commits[24]
    assert list((project / "build" / "upstream").glob("*.git/HEAD"))
    kept = snapshot(project)
    status, out, err = run_cli(project, "sync", "--upstream", url)  # fetched again: nothing new
    assert status == 0 and out.startswith("nothing changed") and snapshot(project) == kept, err


def test_going_back_to_an_older_commit_records_it(project: Path, upstream: tuple[Path, dict[int, str]]) -> None:
    repo, commits = upstream
    status, out, err = run_cli(project, "sync", "--upstream", str(repo), "--ref", commits[16])
    assert status == 0, err
    up = load_config(project).upstream
    assert (up.revision, up.commit, up.date) == (16, commits[16], manifest()[15].date)
    assert (project / "source" / "README.md").read_bytes() == manifest()[15].file.read_bytes()
    assert "obsolete: Similar online guides" in out  # translated at 20: kept as #~


@pytest.mark.parametrize(("args", "expected"), [
    (["--upstream", "https://127.0.0.1:9/nowhere.git"], "clone it and pass UPSTREAM=/path/to/the/clone"),
    (["--upstream", "{missing}"], "no such directory"),
    (["--upstream", "{repo}", "--ref", "no-such-branch"], "REF=no-such-branch is not a commit"),
    (["--upstream", "{repo}", "--ref=--upload-pack=touch"], "not a git ref"),
])
def test_bad_upstream_or_ref_is_one_line_and_changes_nothing(
        project: Path, upstream: tuple[Path, dict[int, str]], tmp_path: Path, args: list[str], expected: str) -> None:
    kept = snapshot(project)
    named = [a.format(repo=upstream[0], missing=tmp_path / "missing") for a in args]
    status, out, err = run_cli(project, "sync", *named)
    assert status == 2 and out == "" and len(err.splitlines()) == 1 and expected in err, err
    assert "Traceback" not in err and snapshot(project) == kept


def test_record_keeps_every_other_byte_of_pyproject(project: Path) -> None:
    pyproject = project / "pyproject.toml"
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["l10n"]
    assert set(data["upstream"]) == {"repository", "path", "revision", "commit", "date", "sha256"}
    assert pyproject.read_text(encoding="utf-8").startswith('[tool.l10n]\nproject_name = "partial-fr-l10n"\n')
