"""The replay of tests/test_replay.py through the real path: a local git repository of the 23
upstream revisions (tests/upstream_git.py: real dates and subjects), and for each commit the
`make sync REF=<commit>` operation (git history -> source/README.md -> [tool.l10n.upstream] ->
Sphinx's gettext -> update), with the same simulated translator. Each sync runs Sphinx, so the
history is sampled: revision 1, then every revision test_replay asserts on, each right after its
predecessor (4-8, 15-16, 19-23: 13 syncs). A step synced right after its predecessor gives the
counts, the new entries and the fuzzy pairs of test_replay's step of the same revision (its
session fixture, computed from the POTs directly): the expectations live there, once."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from l10n.catalog.follow import SyncResult, sync_upstream
from l10n.catalog.io import read_po
from l10n.catalog.update import UpdateReport
from l10n.config import load_config
from test_replay import LANGUAGE, Step, counts, replay, replayed, revision_pots, translate_everything
from translator_project import run_cli
from upstream_git import build_upstream, manifest

__all__ = ["replay", "replayed", "revision_pots"]  # test_replay's fixtures, used here as they are
ROOT = Path(__file__).resolve().parent.parent
SAMPLE = (1, 4, 5, 6, 7, 8, 15, 16, 19, 20, 21, 22, 23)
COMPARED = tuple(n for n in SAMPLE if n - 1 in SAMPLE)  # 5-8, 16, 20-23: what test_replay asserts

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@dataclass
class SyncStep:
    result: SyncResult
    label: str  # X-Source-Revision of the catalog after the sync


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[int, SyncStep], dict[int, str], Path]:
    base = tmp_path_factory.mktemp("sync-replay")
    commits = build_upstream(base / "upstream")
    root = base / "project"
    (root / "source").mkdir(parents=True)
    (root / "locale" / LANGUAGE / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(ROOT / "conf.py", root / "conf.py")
    (root / "source" / "README.md").write_text("# Placeholder\n", encoding="utf-8")
    (root / "pyproject.toml").write_text(f"""[tool.l10n]
project_name = "sync-replay"
documents = ["README"]

[tool.l10n.upstream]
repository = "{base / 'upstream'}"
path = "resources/README.md"
revision = 0
commit = "0000000"
date = "2000-01-01"
""", encoding="utf-8")
    steps = {}
    for number in SAMPLE:
        commit = commits[number]
        config = load_config(root)
        result = sync_upstream(config, None, commit)  # `make sync REF=<commit>`, the recorded repository
        po = config.po_path(LANGUAGE)
        steps[number] = SyncStep(result, read_po(po).metadata["X-Source-Revision"])
        translate_everything(po)
    return steps, commits, root


def report_of(step: SyncStep) -> UpdateReport:
    [catalog] = [c for c in step.result.catalogs if c.path.endswith("README.po")]
    return catalog.report


def test_every_revision_gives_the_replays_counts(synced: tuple[dict[int, SyncStep], dict[int, str], Path],
                                                 replay: dict[int, Step]) -> None:
    steps, _, _ = synced
    assert sorted(steps) == list(SAMPLE) and set(SAMPLE) <= set(replay)
    for number in COMPARED:
        report = report_of(steps[number])
        assert counts(Step(number, report, [], [])) == counts(replay[number]), f"revision {number}"
        assert report.new == replay[number].report.new, f"revision {number}"
        assert report.fuzzied == replay[number].report.fuzzied, f"revision {number}"
        assert report.obsoleted == replay[number].report.obsoleted, f"revision {number}"


def test_each_sync_records_the_commit_its_date_and_its_revision_number(
        synced: tuple[dict[int, SyncStep], dict[int, str], Path]) -> None:
    steps, commits, _ = synced
    for revision in manifest():
        if revision.number not in steps:
            continue
        commit = steps[revision.number].result.commit
        # numbered as the fixtures are, though another chapter's commit sits between 10 and 11
        assert (commit.revision, commit.sha, commit.date, commit.subject) == (
            revision.number, commits[revision.number], revision.date, revision.subject)
        assert steps[revision.number].label == f"{revision.number} {commits[revision.number][:7]}"


def test_the_last_sync_again_from_the_command_line_changes_no_byte(
        synced: tuple[dict[int, SyncStep], dict[int, str], Path]) -> None:
    _, commits, root = synced
    files = [root / "pyproject.toml", root / "source" / "README.md", *sorted((root / "locale").rglob("*.po"))]
    kept = {p: p.read_bytes() for p in files}
    status, out, err = run_cli(root, "sync", "--ref", commits[SAMPLE[-1]])
    assert status == 0 and out.startswith("nothing changed: source/README.md is revision 23 "), err
    assert {p: p.read_bytes() for p in files} == kept
