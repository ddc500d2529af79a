"""Shared fixtures: paths, a scratch copy of the project, and one HTML build per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from browser_kit import base_url, browser  # noqa: F401 (the browser tests' fixtures)
from l10n.config import Config, load_config

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
UPSTREAM = FIXTURES / "upstream"
SEED = FIXTURES / "seeds" / "README.zh_CN.md"
PROJECT_FILES = ("pyproject.toml", "conf.py", "source", "locale")


def revision_path(number: int) -> Path:
    """The upstream revision file `NN-date-commit.md` for a revision number (1..23)."""
    (match,) = UPSTREAM.glob(f"{number:02d}-*.md")
    return match


def copy_project(dest: Path, extra: tuple[str, ...] = ()) -> Config:
    """A writable copy of the project (sources, catalogs, configuration, and the `extra` files)
    without build output or compiled catalogs."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in (*PROJECT_FILES, *extra):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return load_config(dest)


@pytest.fixture
def project(tmp_path: Path) -> Config:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Config:
    """The project copied once and built: English and every language, as `make html` does."""
    from l10n.build import sphinx_build

    config = copy_project(tmp_path_factory.mktemp("built") / "project")
    for language in ["en", *config.languages()]:
        sphinx_build.build_html(config, language)
    return config


@pytest.fixture(scope="session")
def partial_fr_pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The partial French project (tests/partial_fr.py), extracted once: never changed."""
    from partial_fr import extracted_partial_fr_project

    return extracted_partial_fr_project(tmp_path_factory.mktemp("partial_fr") / "project")


@pytest.fixture
def partial_fr_project(partial_fr_pristine: Path, tmp_path: Path) -> Path:
    """A copy of the partial French project of the test's own."""
    copy = tmp_path / "partial_fr"
    shutil.copytree(partial_fr_pristine, copy)
    return copy
