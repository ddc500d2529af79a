"""The upstream repository of the English master, read with the `git` CLI: the history of the
chapter's file, its text at a commit, and the record of what the master is (`[tool.l10n.upstream]`:
commit, date, revision number, the content's sha256), checked against the file itself.

A local path is read in place; a URL is cloned once (bare, no blobs until needed) into
`build/upstream/` and fetched again on each sync. Every git failure is one `L10nError`.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..config import Config, Upstream
from ..errors import L10nError
from .files import write_text_atomic

GIT = ("git", "-c", "protocol.ext.allow=never", "-c", "core.quotepath=off")
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://|^[\w.-]+@[\w.-]+:")
OFFLINE_FIX = "clone it and pass UPSTREAM=/path/to/the/clone"


@dataclass(frozen=True)
class Commit:
    """A commit of the upstream repository that touched the chapter's file."""

    sha: str
    date: str  # the author date, YYYY-MM-DD
    subject: str
    revision: int  # how many commits touched the file up to this one (the first is 1)

    @property
    def label(self) -> str:
        return f"{self.revision} {self.sha[:7]}"


def content_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_url(location: str) -> bool:
    return bool(_URL.match(location))


def _git(args: list[str], where: str, cwd: Path | None = None, fix: str = "") -> str:
    try:
        done = subprocess.run([*GIT, *args], cwd=cwd, capture_output=True, text=True, timeout=600,
                              stdin=subprocess.DEVNULL, env=_environment())
    except FileNotFoundError:
        raise L10nError(where, "git is not installed", "install git (apt-get install git)") from None
    except subprocess.TimeoutExpired:
        raise L10nError(where, "git took more than 10 minutes", fix or "try again, or pass UPSTREAM=/path") from None
    if done.returncode != 0:
        said = " ".join((done.stderr.strip().splitlines() or ["failed"])[-1].split())
        raise L10nError(where, f"git {args[0]}: {said}", fix or "check UPSTREAM= and REF=")
    return done.stdout


def _environment() -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return {**env, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}  # never a password prompt


def repository(config: Config, location: str) -> Path:
    """The git directory to read: a local path as it is, a URL's clone under build/upstream/
    (created, or fetched again). No network with a URL: the one-line error with the fix."""
    if not is_url(location):
        path = Path(location).expanduser()
        if not path.is_dir():
            raise L10nError(location, "no such directory", f"pass UPSTREAM= a git URL or a clone; {OFFLINE_FIX}")
        _git(["rev-parse", "--git-dir"], location, path, "pass UPSTREAM= the path of a git clone")
        return path
    name = re.sub(r"[^\w.-]+", "_", location.split("://", 1)[-1]).strip("._") or "upstream"
    cache = config.build_dir / "upstream" / f"{name}.git"
    if (cache / "HEAD").is_file():
        _git(["fetch", "--quiet", "--prune", "origin", "+refs/heads/*:refs/heads/*"], location, cache, OFFLINE_FIX)
        head = _git(["ls-remote", "--symref", "origin", "HEAD"], location, cache, OFFLINE_FIX)
        branch = re.search(r"^ref: (refs/heads/\S+)\tHEAD$", head, re.M)
        if branch:  # the remote's default branch, as a fresh clone would take it
            _git(["symbolic-ref", "HEAD", branch.group(1)], location, cache)
        return cache
    cache.parent.mkdir(parents=True, exist_ok=True)
    _git(["clone", "--quiet", "--bare", "--filter=blob:none", "--", location, str(cache)], location, None, OFFLINE_FIX)
    return cache


def resolve(repo: Path, ref: str, where: str) -> str:
    """The commit a ref names ("" or None: the repository's HEAD, its default branch)."""
    if ref.startswith("-"):
        raise L10nError("REF", f"not a git ref: {ref!r}", "pass REF= a branch, tag or commit")
    name = ref or "HEAD"  # a clone's HEAD: the remote's default branch
    try:
        return _git(["rev-parse", "--verify", "--quiet", f"{name}^{{commit}}"], where, repo).strip()
    except L10nError:
        raise L10nError(where, f"REF={ref or 'HEAD'} is not a commit of the upstream repository",
                        "pass REF= a branch, tag or commit of it (`git ls-remote` lists them)") from None


def history(repo: Path, commit: str, path: str, where: str) -> list[Commit]:
    """Every commit up to `commit` that touched `path`, oldest first, numbered from 1."""
    out = _git(["log", "--format=%H%x09%as%x09%s", commit, "--", path], where, repo)
    rows = [line.split("\t", 2) for line in reversed(out.splitlines()) if line]
    return [Commit(sha, date, subject, number) for number, (sha, date, subject) in enumerate(rows, 1)]


def file_at(repo: Path, commit: str, path: str, where: str) -> bytes:
    try:
        done = subprocess.run([*GIT, "show", f"{commit}:{path}"], cwd=repo, capture_output=True, timeout=600,
                              stdin=subprocess.DEVNULL, env=_environment())
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise L10nError(where, f"git show: {exc}", OFFLINE_FIX) from None
    if done.returncode != 0:
        raise L10nError(where, f"{path} does not exist at {commit[:7]}", "pass REF= a commit that has the file")
    return done.stdout


def provenance_problem(config: Config) -> str | None:
    """Why the master is not the recorded upstream content (None: it is, or it is marked as a
    deliberate local edit, or no sha256 is recorded yet)."""
    upstream = config.upstream
    if not upstream.sha256 or upstream.local_edit:
        return None
    source = config.source_file()
    try:
        actual = content_sha256(source.read_bytes())
    except OSError:
        return f"{config.relative(source)} cannot be read"
    if actual == upstream.sha256:
        return None
    return (f"{config.relative(source)} does not match its recorded upstream content (sha256 of revision "
            f"{upstream.label} in [tool.l10n.upstream])")


def provenance_fix(upstream: Upstream) -> str:
    return (f"run `make sync REF={upstream.commit[:7]}` to restore revision {upstream.label}, `make sync` to "
            "follow upstream, or mark a deliberate edit with local_edit = true in [tool.l10n.upstream]")


def record(config: Config, commit: Commit, sha256: str) -> bool:
    """Write the commit, its date and revision and the master's sha256 into [tool.l10n.upstream]
    of pyproject.toml, every other byte of the file kept (tomlkit); True if it changed."""
    import tomlkit

    pyproject = config.root / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    document = tomlkit.parse(text)
    table = document["tool"]["l10n"]["upstream"]
    values = {"revision": commit.revision, "commit": commit.sha, "date": commit.date, "sha256": sha256}
    for key, value in values.items():
        table[key] = value
    for key in ("local_edit", "note"):  # a sync replaces a local edit with upstream's text
        if key in table:
            del table[key]
    return write_text_atomic(pyproject, tomlkit.dumps(document))
