"""`make sync`: bring the English master up to a commit of the upstream repository and every
catalog with it. Writes source/README.md (the file at that commit, atomically), records the
commit in `[tool.l10n.upstream]` (`catalog/upstream.py`), extracts the templates and runs the
update of every language (`catalog/sync.py`); returns what changed, per catalog, with the word
diff of each entry that became fuzzy. Nothing changed: no byte of the master, the settings or a
catalog is written. Returns data; nothing prints."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..checks.tree import writable_languages
from ..config import SITE_CATALOG, Config, load_config
from ..errors import L10nError
from ..text.worddiff import DiffOp, word_diff
from . import extract, sync
from .files import write_text_atomic
from .update import UpdateReport
from .upstream import Commit, content_sha256, file_at, history, record, repository, resolve


@dataclass(frozen=True)
class Stale:
    """An entry that became fuzzy: its English now, its English before, the word diff."""

    msgid: str
    previous: str
    diff: tuple[DiffOp, ...]


@dataclass
class CatalogChanges:
    """One catalog after the update: what became fuzzy, new, obsolete or was carried over."""

    report: UpdateReport
    fuzzy: list[Stale] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.report.path

    @property
    def language(self) -> str:
        return self.report.language

    @property
    def obsolete(self) -> list[str]:
        """The English texts gone from the master (not those that live on, fuzzy or carried over)."""
        live_on = {old for _, old in (*self.report.fuzzied, *self.report.carried_over)}
        return [msgid for msgid in self.report.obsoleted if msgid not in live_on]


@dataclass
class SyncResult:
    upstream: str  # the repository as given (URL or path)
    commit: Commit  # the last commit that touched the file, up to REF
    previous: str  # the master's revision label before the sync
    source_written: bool = False
    recorded: bool = False
    catalogs: list[CatalogChanges] = field(default_factory=list)
    refusals: list[L10nError] = field(default_factory=list)  # languages left alone

    @property
    def changed(self) -> bool:
        """Any byte written: the master, the record, or a catalog."""
        return self.source_written or self.recorded or any(c.report.written for c in self.catalogs)


def fetch_master(config: Config, location: str, ref: str) -> tuple[Commit, bytes]:
    """The last commit up to `ref` that touched the upstream file, and the file's bytes there."""
    path = config.upstream.path
    repo = repository(config, location)
    target = resolve(repo, ref, location)
    commits = history(repo, target, path, location)
    if not commits:
        raise L10nError(location, f"no commit up to {target[:7]} touched {path}",
                        "check [tool.l10n.upstream] path, and pass REF= a later commit")
    data = file_at(repo, commits[-1].sha, path, location)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise L10nError(f"{location} {path}@{commits[-1].sha[:7]}", f"invalid UTF-8 at byte {exc.start}",
                        "the master must be UTF-8 text") from None
    return commits[-1], data


def sync_upstream(config: Config, location: str | None = None, ref: str = "") -> SyncResult:
    """Sync the master to `ref` (default: the default branch) of `location` (default: the
    recorded repository), then update every language's catalogs."""
    location = location or config.upstream.repository
    commit, data = fetch_master(config, location, ref)
    result = SyncResult(location, commit, config.upstream.label)
    result.source_written = write_text_atomic(config.source_file(), data.decode("utf-8"))
    result.recorded = record(config, commit, content_sha256(data))
    config = load_config(config.root)  # the new label, for every catalog's X-Source-Revision
    extract.gettext(config)
    languages, result.refusals = writable_languages(config, None)
    catalogs = tuple(c for c in config.catalogs if c != SITE_CATALOG or config.pot_path(c).is_file())
    for report in sync.update(config, languages, catalogs):
        stale = [Stale(msgid, previous, tuple(word_diff(previous, msgid))) for msgid, previous in report.fuzzied]
        result.catalogs.append(CatalogChanges(report, stale))
    return result
