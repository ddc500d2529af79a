"""A local upstream repository of the tests' own: the 23 revisions of resources/README.md in
tests/fixtures/upstream/ committed with their real dates and subjects (MANIFEST.tsv), and a
commit that touches another file only (it does not count as a revision of the chapter)."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import conftest

PATH = "resources/README.md"


@dataclass(frozen=True)
class Revision:
    number: int
    file: Path
    commit: str  # the real upstream commit (MANIFEST.tsv)
    date: str
    subject: str


def manifest() -> list[Revision]:
    rows = [line.split("\t") for line in (conftest.UPSTREAM / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return [Revision(n, conftest.UPSTREAM / name, commit, date, subject)
            for n, (name, commit, date, subject) in enumerate(rows, 1)]


def git(repo: Path, *args: str, date: str = "2030-01-01") -> str:
    stamp = f"{date}T12:00:00+00:00"
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
           "GIT_AUTHOR_NAME": "Upstream", "GIT_AUTHOR_EMAIL": "upstream@example.org",
           "GIT_COMMITTER_NAME": "Upstream", "GIT_COMMITTER_EMAIL": "upstream@example.org",
           "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_CONFIG_GLOBAL": os.devnull}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True,
                          timeout=60).stdout.strip()


def commit_file(repo: Path, data: bytes, date: str, subject: str, path: str = PATH) -> str:
    target = repo / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    git(repo, "add", path)
    git(repo, "commit", "--quiet", "-m", subject, date=date)
    return git(repo, "rev-parse", "HEAD")


def build_upstream(repo: Path) -> dict[int, str]:
    """The repository at `repo` (branch main): revision number -> its commit here."""
    repo.mkdir(parents=True)
    git(repo, "init", "--quiet", "--initial-branch=main")
    commits = {}
    for revision in manifest():
        commits[revision.number] = commit_file(repo, revision.file.read_bytes(), revision.date,
                                               revision.subject)
        if revision.number == 10:  # another chapter's commit: not a revision of this one
            commit_file(repo, b"# Other chapter\n", revision.date, "other chapter", "other/README.md")
    return commits
