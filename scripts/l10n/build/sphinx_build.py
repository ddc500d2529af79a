"""The Sphinx build of one language: the pre-build gate (the language's plan, `plan.py`), the
compiled catalogs Sphinx reads (build/locale/, never locale/), and sphinx-build itself. Returns
data; nothing prints."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..catalog.io import parse_po_text, read_po_text
from ..config import Config
from ..errors import L10nError, os_error
from ..locales import validate_language

if TYPE_CHECKING:
    from .plan import LanguagePlan


@dataclass
class BuildResult:
    language: str
    outdir: Path
    warnings: list[str] = field(default_factory=list)
    state: str = "built"  # BUILT; UP_TO_DATE: its inputs did not change, no Sphinx run; RELINKED


BUILT, UP_TO_DATE, RELINKED = "built", "up to date", "relinked"


def require_sphinx() -> None:
    for module in ("sphinx", "myst_parser"):
        if importlib.util.find_spec(module) is None:
            raise L10nError(module, f"{module} is not installed in this Python ({sys.executable})",
                            "run `make venv`, or `pip install -e .`")


def run_sphinx(config: Config, args: list[str]) -> list[str]:
    """Run sphinx-build with the project's conf.py; return its warnings, raise on failure."""
    require_sphinx()
    source = config.source_file()
    if not source.is_file():
        raise L10nError(config.relative(source), "source file not found",
                        "restore it with `git checkout source/README.md`")
    cmd = [sys.executable, "-m", "sphinx", "-q", "-c", str(config.root), *args]
    env = dict(os.environ, PYTHONHASHSEED="0", SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "0"))
    try:
        proc = subprocess.run(cmd, cwd=config.root, capture_output=True, text=True, env=env)
    except OSError as exc:
        raise os_error(exc, sys.executable, "run") from None
    lines = [line for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]
    if proc.returncode != 0:
        detail = "; ".join(lines[-5:]) or f"exit status {proc.returncode}"
        raise L10nError(config.relative(source), f"sphinx-build failed: {detail}",
                        "fix the reported problem and run the command again")
    return lines


def compiled_dir(config: Config, language: str) -> Path:
    """Where the build compiles a language's checked catalogs: the only catalogs Sphinx reads
    (`locale_dirs` points at build/locale, never at locale/)."""
    return config.build_dir / "locale" / language / "LC_MESSAGES"


def catalog_digest(text: str) -> str:
    """What identifies a catalog's text: the plan records it for each catalog the checks passed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def compile_catalogs(config: Config, language: str, checked: Mapping[str, str] | None = None) -> list[Path]:
    """Compile the .mo files Sphinx reads from the current PO files, every time (mtimes prove
    nothing), and remove anything else from the language's compiled folder. With `checked`
    (document -> `catalog_digest` of the text the checks passed), a catalog whose text changed
    since is refused, so only checked text reaches Sphinx."""
    folder = compiled_dir(config, language)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for document in config.catalogs_of(language):  # the documents' catalogs, and site.po when it has one
        path = config.po_path(language, document)
        text = read_po_text(path, config.max_po_bytes)
        if checked is not None and checked.get(document) != catalog_digest(text):
            raise L10nError(config.relative(path), f"the catalog changed after it was checked; {language} not built",
                            "run the command again")
        mo_path = folder / f"{document}.mo"
        tmp = mo_path.with_name(f".{mo_path.name}.tmp")
        parse_po_text(text, path).save_as_mofile(str(tmp))
        os.replace(tmp, mo_path)
        written.append(mo_path)
    for stray in set(folder.iterdir()) - set(written):
        shutil.rmtree(stray) if stray.is_dir() and not stray.is_symlink() else stray.unlink()
    return written


def _locale_dirs_option(config: Config) -> list[str]:
    """`-D locale_dirs=...`: the compiled catalogs, relative to the source dir as Sphinx wants."""
    relative = os.path.relpath(config.build_dir / "locale", config.source_dir)
    if "," in relative:  # Sphinx splits a list setting given with -D on commas
        raise L10nError(config.relative(config.build_dir), "the build directory's path holds a comma",
                        "set [tool.l10n] build_dir to a path without one")
    return ["-D", f"locale_dirs={relative}"]


def build_html(config: Config, language: str, html_context: dict[str, str] | None = None,
               plan: LanguagePlan | None = None) -> BuildResult:
    """Build build/html/<language>/ (with index.html) from the master and the current catalog;
    `html_context` values reach the templates (`sphinx-build -A name=value`). The pre-build gate
    refuses a catalog with check errors: `plan` is the language's plan already made (`make html`
    makes one for every language); without it, the language is checked here."""
    if language != "en":
        validate_language(language)
        for document in config.documents:
            if not config.po_path(language, document).is_file():
                raise L10nError(config.relative(config.po_path(language, document)),
                                f"no catalog for {language}", f"run `make update LANGUAGE={language}`")
        if plan is None:
            from .plan import plan_language  # the checks load only for a build without a plan

            plan = plan_language(config, language)
        refusal = plan.refusal()
        if refusal is not None:
            raise refusal
        compile_catalogs(config, language, plan.digests)
    return _run_html(config, language, html_context)


def relink_html(config: Config, language: str, html_context: dict[str, str]) -> BuildResult:
    """Build a refused language's pages again from its last good compiled catalogs (build/locale/,
    written only after the gate passed), so its switcher links the site's languages as they are
    now; its catalogs in locale/ are neither read nor compiled."""
    if not has_compiled(config, language):
        raise L10nError(config.relative(compiled_dir(config, language)),
                        f"the last good compiled catalogs of {language} are missing",
                        f"fix {language}'s check errors (`make check`), then run `make html`")
    result = _run_html(config, language, html_context)
    result.state = RELINKED
    return result


def has_compiled(config: Config, language: str) -> bool:
    """Whether build/locale/ holds a compiled catalog of each document (English needs none)."""
    return language == "en" or all((compiled_dir(config, language) / f"{document}.mo").is_file()
                                   for document in config.documents)


def _run_html(config: Config, language: str, html_context: dict[str, str] | None) -> BuildResult:
    """sphinx-build into build/staging/<lang>/, then in place of build/html/<lang>/: a failed build
    leaves the published pages as they were."""
    outdir = config.build_dir / "html" / language
    staging = config.build_dir / "staging" / language  # the same depth: relative links hold
    doctrees = config.build_dir / "doctrees" / language
    shutil.rmtree(staging, ignore_errors=True)
    for folder in (staging, doctrees, outdir.parent):  # an unwritable build/ is one line naming it, before Sphinx runs
        folder.mkdir(parents=True, exist_ok=True)
    context = [arg for name, value in (html_context or {}).items() for arg in ("-A", f"{name}={value}")]
    try:
        warnings = run_sphinx(config, [
            "-b", "html", "-E", "-W", "--keep-going", "-D", f"language={language}", *_locale_dirs_option(config),
            *context,
            "-d", str(doctrees), str(config.source_dir), str(staging),
        ])
    except L10nError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _replace_folder(outdir, staging)
    return BuildResult(language, outdir, warnings)


def _replace_folder(old: Path, new: Path) -> None:
    """`new` in place of `old` by two renames, so that `old` is whole at every moment but one."""
    retired = new.with_name(f"{new.name}.old")
    shutil.rmtree(retired, ignore_errors=True)
    if old.exists():
        old.rename(retired)
    new.rename(old)
    shutil.rmtree(retired, ignore_errors=True)
