"""The project's settings: paths, languages, upstream revision. One typed object, read from
`[tool.l10n]` in pyproject.toml, the one place the tooling reads them from."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import L10nError

SITE_CATALOG = "site"  # locale/<lang>/LC_MESSAGES/site.po: the site's own words


@dataclass(frozen=True)
class Upstream:
    """The upstream revision the English master corresponds to."""

    repository: str
    path: str
    revision: int
    commit: str
    date: str
    sha256: str = ""  # of source/README.md as `make sync` wrote it ("" when never recorded)
    local_edit: bool = False  # the master was edited here on purpose: its sha256 is not checked
    note: str = ""  # why (with local_edit)

    @property
    def label(self) -> str:
        """The revision as every catalog records it (`X-Source-Revision`), every report compares
        it and the pages show it: `23 f538bea` (the number, then the commit's short hash)."""
        return f"{self.revision} {self.commit[:7]}"


@dataclass(frozen=True)
class CheckSettings:
    """`[tool.l10n.checks]`: the message check codes switched off (never a protected one), and the
    CJK–Latin spacing of zh and ja catalogs (checks/typography.py)."""

    disabled_codes: frozenset[str] = frozenset()
    cjk_latin_space: str = "majority"  # "majority" of the catalog, "always", "never" or "off"


FUZZY_POLICIES = ("allow", "fail")


@dataclass(frozen=True)
class GatePolicy:
    """`[tool.l10n.gate]`: what a pull request may contain, per language (`reports/gate.py`
    decides). Check errors and catalogs out of date with the English master always fail: they
    are not settings. Fuzzy entries fail only with fuzzy = "fail"; a language fails under its
    fail_under percent of entries translated (0 by default: a new, partial language passes)."""

    fuzzy: str = "allow"  # "allow" (annotated) or "fail"
    fail_under: Mapping[str, float] = field(default_factory=dict)  # language or "default" -> percent

    def threshold(self, language: str) -> float:
        return self.fail_under.get(language, self.fail_under.get("default", 0.0))


@dataclass(frozen=True)
class Config:
    root: Path
    project_name: str
    upstream: Upstream
    source_dir: Path
    locale_dir: Path
    build_dir: Path
    documents: tuple[str, ...] = ("README",)
    # per language: minimum percent translated to publish, and what to do below it
    publish_threshold: dict[str, float] = field(default_factory=dict)
    below_threshold: str = "warn"  # "warn" or "skip"
    max_po_bytes: int = 4_000_000
    checks: CheckSettings = CheckSettings()
    gate: GatePolicy = GatePolicy()
    # where the site is served: the sitemap protocol wants absolute addresses
    site_url: str = "https://ml-engineering-resources-l10n.invalid/"

    def source_file(self, document: str = "README") -> Path:
        return self.source_dir / f"{document}.md"

    def po_path(self, language: str, document: str = "README") -> Path:
        return self.locale_dir / language / "LC_MESSAGES" / f"{document}.po"

    @property
    def catalogs(self) -> tuple[str, ...]:
        """Every catalog a language may have: one per document, and `site` (the site's own
        words: build/ui.py and source/_templates/site/, extracted by catalog/site_strings.py)."""
        return (*self.documents, SITE_CATALOG)

    def catalogs_of(self, language: str) -> tuple[str, ...]:
        """The catalogs a language has: every document's, and `site` when its file exists (a
        language without one shows the site's words in English)."""
        site = os.path.lexists(self.po_path(language, SITE_CATALOG))
        return self.catalogs if site else self.documents

    def pot_path(self, document: str = "README") -> Path:
        return self.build_dir / "gettext" / f"{document}.pot"

    def languages(self) -> list[str]:
        """Every directory under locale/ named by a valid language code, sorted (the catalog
        boundary, `catalog/boundary.py`, reports the others and what is wrong inside these)."""
        from .catalog.boundary import scan_locale_tree

        return list(scan_locale_tree(self).languages)

    def relative(self, path: Path) -> Path:
        try:
            return path.resolve().relative_to(self.root.resolve())
        except ValueError:
            return path

    def threshold(self, language: str) -> float:
        return self.publish_threshold.get(language, self.publish_threshold.get("default", 0.0))


def find_root(start: Path | None = None) -> Path:
    """The nearest directory upwards with a pyproject.toml that has a [tool.l10n] table."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and "[tool.l10n]" in pyproject.read_text(encoding="utf-8"):
            return candidate
    raise L10nError(here, "no pyproject.toml with a [tool.l10n] table here or above",
                    "run the command from the project's root")


def _check_settings(pyproject: Path, table: object) -> CheckSettings:
    """`[tool.l10n.checks]`, each code checked against the message rules that can emit it: a
    protected code (one the pre-build gate relies on) cannot be switched off."""
    unknown = sorted(set(table) - {"disabled_codes", "cjk_latin_space"}) if isinstance(table, dict) else []
    if unknown:
        raise L10nError(pyproject, f"[tool.l10n.checks] has no setting {', '.join(unknown)}",
                        "the settings are disabled_codes and cjk_latin_space")
    spacing = table.get("cjk_latin_space", "majority") if isinstance(table, dict) else "majority"
    if spacing not in ("majority", "always", "never", "off"):
        raise L10nError(pyproject, f"[tool.l10n.checks] cjk_latin_space = {spacing!r} is not a spacing",
                        'write "majority", "always", "never" or "off"')
    return CheckSettings(_disabled_codes(pyproject, table), str(spacing))


def _disabled_codes(pyproject: Path, table: object) -> frozenset[str]:
    codes = table.get("disabled_codes", []) if isinstance(table, dict) else None
    if not isinstance(codes, list) or not all(isinstance(code, str) for code in codes):
        raise L10nError(pyproject, "[tool.l10n.checks] disabled_codes must be a list of finding codes",
                        'e.g. disabled_codes = ["length-ratio"]')
    if not codes:
        return frozenset()
    from .checks.registry import load_message_rules  # only when codes are named: it loads the parser

    rules = load_message_rules().values()
    for code in codes:
        if any(code in rule.protected for rule in rules):
            raise L10nError(pyproject, f"[tool.l10n.checks] disabled_codes: {code} cannot be switched off "
                            "(the pre-build gate relies on it)", f"remove {code!r} from disabled_codes")
        if not any(code in rule.codes for rule in rules):
            raise L10nError(pyproject, f"[tool.l10n.checks] disabled_codes: {code} is not a message check code",
                            "use a code of README.md, Message checks")
    return frozenset(codes)


def _setting_line(text: str, table: str, key: str) -> int | None:
    """The line of `key` in the TOML table `[table]` (of the table's header when the key is not
    there), for an error's file:line; tomllib reports no positions of values."""
    inside, header = False, None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped == f"[{table}]"
            header = number if inside else header
        elif inside and stripped.split("=", 1)[0].strip() == key:
            return number
    return header


def _percent(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if 0 <= value <= 100 else None


def _gate_policy(pyproject: Path, text: str, table: object) -> GatePolicy:
    """`[tool.l10n.gate]`, every key and value checked; an error names its line and the fix."""
    def error(key: str, message: str, fix: str) -> L10nError:
        return L10nError(pyproject, f"[tool.l10n.gate] {message}", fix, _setting_line(text, "tool.l10n.gate", key))

    if not isinstance(table, dict):
        raise error("", "must be a table", 'e.g. [tool.l10n.gate] with fuzzy = "allow" and fail_under = 0')
    for key in table:
        if key not in ("fuzzy", "fail_under"):
            raise error(key, f"has no setting {key}", 'the settings are fuzzy ("allow" or "fail") and fail_under')
    fuzzy = table.get("fuzzy", "allow")
    if fuzzy not in FUZZY_POLICIES:
        raise error("fuzzy", f"fuzzy must be \"allow\" or \"fail\", not {fuzzy!r}",
                    'fuzzy = "allow" lets fuzzy entries through as annotations; "fail" fails the pull request')
    fail_under = table.get("fail_under", {})
    if not isinstance(fail_under, dict):
        fail_under = {"default": fail_under}
    from .locales import language_code_problem

    thresholds = {}
    for language, value in fail_under.items():
        if language != "default" and language_code_problem(language):
            raise error("fail_under", f"fail_under: {language!r} is not a language code",
                        'name a language (zh_CN = 95) or "default"')
        percent = _percent(value)
        if percent is None:
            raise error("fail_under", f"fail_under: {value!r} is not a percent",
                        "give a number from 0 to 100: fail_under = 50, or fail_under = { default = 0, zh_CN = 95 }")
        thresholds[language] = percent
    return GatePolicy(str(fuzzy), thresholds)


def _upstream(up: dict) -> Upstream:
    """`[tool.l10n.upstream]`: what the master is (`make sync` writes it; a KeyError: not set)."""
    return Upstream(repository=str(up["repository"]), path=str(up["path"]), revision=int(up["revision"]),
                    commit=str(up["commit"]), date=str(up["date"]), sha256=str(up.get("sha256", "")),
                    local_edit=up.get("local_edit", False) is True, note=str(up.get("note", "")))


def _site_url(pyproject: Path, value: object) -> str:
    if not isinstance(value, str) or not value.startswith(("https://", "http://")) or any(c.isspace() for c in value):
        raise L10nError(pyproject, f"[tool.l10n] site_url must be an http(s) address, not {value!r}",
                        'e.g. site_url = "https://example.github.io/ml-engineering-resources-l10n/"')
    return value if value.endswith("/") else value + "/"


def load_config(root: Path | None = None) -> Config:
    root = (root or find_root()).resolve()
    pyproject = root / "pyproject.toml"
    try:
        text = pyproject.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError:
        raise L10nError(pyproject, "file not found", "run the command from the project's root") from None
    except tomllib.TOMLDecodeError as exc:
        raise L10nError(pyproject, f"invalid TOML: {exc}", "fix the syntax") from None
    table = data.get("tool", {}).get("l10n")
    if not isinstance(table, dict):
        raise L10nError(pyproject, "no [tool.l10n] table", "add the project's settings")
    try:
        upstream = _upstream(table["upstream"])
        publish = {str(k): float(v) for k, v in table.get("publish", {}).get("threshold", {}).items()}
        below = str(table.get("publish", {}).get("below_threshold", "warn"))
        return Config(
            root=root,
            project_name=str(table["project_name"]),
            upstream=upstream,
            source_dir=root / str(table.get("source_dir", "source")),
            locale_dir=root / str(table.get("locale_dir", "locale")),
            build_dir=root / str(table.get("build_dir", "build")),
            documents=tuple(table.get("documents", ["README"])),
            publish_threshold=publish,
            below_threshold=below,
            max_po_bytes=int(table.get("max_po_bytes", 4_000_000)),
            checks=_check_settings(pyproject, table.get("checks", {})),
            gate=_gate_policy(pyproject, text, table.get("gate", {})),
            site_url=_site_url(pyproject, table.get("site_url", Config.site_url)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise L10nError(pyproject, f"bad [tool.l10n] setting: {exc}", "see README.md, Configuration") from None
