"""The site manifest (build/site.json): what build/html/ publishes now, one record per language.

Each record is a language's last good build: the digest of the inputs it was built from, its
figures and decision, when and from which English revision it was built, and the languages its
pages link to. `make html` reads it to link exactly the languages that have a published build
(after a one-language build too), to keep a refused language's last good build, and to skip a
language whose inputs did not change. A record whose pages are gone (`rm -r build/html/fr`)
counts as no build.
"""

from __future__ import annotations

import hashlib
import json
import stat
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from ..catalog.files import write_text_atomic
from ..catalog.stats import CatalogStats
from ..config import Config
from ..errors import L10nError
from .publish import LanguageStatus

MANIFEST = "site.json"  # under build/, beside html/: not a published file
SPHINX_SIDE = ("sphinx_ext.py", "ui.py", "publish.py")  # the package code that shapes every page


@dataclass(frozen=True)
class Published:
    """One language's build as published now: its last good build."""

    status: LanguageStatus  # the decision and figures it was built with (publish or warn)
    digest: str  # `inputs_digest` of that build
    revision: str  # the upstream revision of the English it was built from
    built: str  # UTC, ISO 8601, to the minute
    links: tuple[str, ...]  # the languages its pages link to

    @property
    def code(self) -> str:
        return self.status.code


def manifest_path(config: Config) -> Path:
    return config.build_dir / MANIFEST


def read_manifest(config: Config) -> dict[str, Published]:
    """The records of the languages whose pages exist ({} before the first build)."""
    path = manifest_path(config)
    if not path.is_file():
        return {}
    try:
        items = json.loads(path.read_text(encoding="utf-8"))["languages"]
        records = [_record(item) for item in items]
    except json.JSONDecodeError as exc:
        raise L10nError(config.relative(path), f"not a site manifest: {exc.msg}",
                        "remove it (or run `make clean`), then run `make html`", exc.lineno) from None
    except (KeyError, TypeError, ValueError, UnicodeDecodeError) as exc:
        raise L10nError(config.relative(path), f"not a site manifest: {type(exc).__name__} {exc}",
                        "remove it (or run `make clean`), then run `make html`") from None
    html = config.build_dir / "html"
    return {r.code: r for r in records if (html / r.code / "index.html").is_file()}


def write_manifest(config: Config, records: list[Published]) -> Path:
    path = manifest_path(config)
    items = [{**asdict(r), "status": {**asdict(r.status), "stats": asdict(r.status.stats)}} for r in records]
    write_text_atomic(path, json.dumps({"languages": items}, ensure_ascii=False, indent=1) + "\n")
    return path


def _record(item: dict) -> Published:
    status = dict(item["status"])
    status["stats"] = CatalogStats(**status["stats"])
    return Published(LanguageStatus(**status), str(item["digest"]), str(item["revision"]), str(item["built"]),
                     tuple(str(code) for code in item["links"]))


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


def inputs_digest(config: Config, status: LanguageStatus, links: list[str]) -> str:
    """What a language's pages are made of: the English, its catalogs (every file of its
    LC_MESSAGES), conf.py, the templates and static files, the Sphinx-side code and versions,
    its decision and figures (the threshold banner), and the languages its pages link to."""
    digest = hashlib.sha256()
    own = {"decision": status.decision, "percent": round(status.stats.percent, 6), "threshold": status.threshold,
           "links": links, "revision": config.upstream.label,
           "versions": [_version(name) for name in ("sphinx", "myst-parser", "docutils", "jinja2", "furo")]}
    digest.update(json.dumps(own, sort_keys=True).encode("utf-8"))
    files = [config.source_file(document) for document in config.documents]
    files += [config.root / "conf.py", *(Path(__file__).parent / name for name in SPHINX_SIDE)]
    for folder in (config.source_dir / "_templates", config.source_dir / "_static",
                   config.locale_dir / status.code / "LC_MESSAGES"):
        files += sorted(folder.rglob("*")) if folder.is_dir() else []
    for path in files:
        digest.update(str(path.relative_to(config.root) if path.is_relative_to(config.root) else path.name)
                      .encode("utf-8") + b"\0" + _content(path) + b"\0")
    return digest.hexdigest()


def _content(path: Path) -> bytes:
    """A regular file's bytes (a symlink, a folder or a FIFO is named, never read)."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return b"missing"
    return path.read_bytes() if stat.S_ISREG(mode) else f"not a file {stat.filemode(mode)}".encode()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""
