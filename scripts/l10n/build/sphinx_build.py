"""The Sphinx build of one language: the pre-build gate, the compiled catalogs Sphinx reads
(build/locale/, never locale/), and sphinx-build itself. Returns data; nothing prints."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..catalog.io import read_po
from ..config import Config
from ..errors import L10nError
from ..locales import validate_language


@dataclass
class BuildResult:
    language: str
    outdir: Path
    warnings: list[str] = field(default_factory=list)


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
    proc = subprocess.run(cmd, cwd=config.root, capture_output=True, text=True, env=env)
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


def compile_catalogs(config: Config, language: str) -> list[Path]:
    """Compile the .mo files Sphinx reads from the current, checked PO files, every time (mtimes
    prove nothing), and remove anything else from the language's compiled folder."""
    folder = compiled_dir(config, language)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for document in config.documents:
        po = read_po(config.po_path(language, document), config.max_po_bytes)
        mo_path = folder / f"{document}.mo"
        tmp = mo_path.with_name(f".{mo_path.name}.tmp")
        po.save_as_mofile(str(tmp))
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


def refuse_on_errors(config: Config, language: str) -> None:
    """The pre-build gate: a catalog with check errors is never built."""
    from ..checks.findings import ERROR
    from ..checks.runner import check_catalogs

    errors = [f for f in check_catalogs(config, [language]) if f.severity == ERROR]
    if errors:
        first = errors[0]
        others = "; ".join(f"line {f.line} {f.code}" if f.line else f"{f.path} {f.code}" for f in errors[1:])
        more = f" (and {len(errors) - 1} more: {others})" if others else ""
        raise L10nError(first.path, f"{first.code}: {first.message}{more}; {language} not built",
                        "run `make check` to see every finding", first.line or None)


def build_html(config: Config, language: str, html_context: dict[str, str] | None = None) -> BuildResult:
    """Build build/html/<language>/ (with index.html) from the master and the current catalog;
    `html_context` values reach the templates (`sphinx-build -A name=value`)."""
    if language != "en":
        validate_language(language)
        for document in config.documents:
            if not config.po_path(language, document).is_file():
                raise L10nError(config.relative(config.po_path(language, document)),
                                f"no catalog for {language}", f"run `make update LANGUAGE={language}`")
        refuse_on_errors(config, language)
        compile_catalogs(config, language)
    outdir = config.build_dir / "html" / language
    context = [arg for name, value in (html_context or {}).items() for arg in ("-A", f"{name}={value}")]
    warnings = run_sphinx(config, [
        "-b", "html", "-E", "-W", "--keep-going", "-D", f"language={language}", *_locale_dirs_option(config),
        *context,
        "-d", str(config.build_dir / "doctrees" / language), str(config.source_dir), str(outdir),
    ])
    return BuildResult(language, outdir, warnings)
