"""`make venv` for real (README "Dependencies"): a new environment made from the locks, on a copy
of the project, with Python and make alone (no uv on PATH). The venv is made without pip; the
installer comes from requirements/venv.txt, put there by the Python's own pip, or by ensurepip when
that Python has no pip. It holds exactly the build group's locked packages, compiled, and none of
the tools."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project
from test_dependencies import canonical, lock_entries

TOOLS = ("pytest", "hypothesis", "playwright", "mypy", "ruff", "opencc", "jieba")
BASE_PYTHON = getattr(sys, "_base_executable", sys.executable)


def path_without_uv() -> str:
    """PATH without the folders that hold a `uv`: the Makefile must manage with pip alone."""
    folders = os.environ.get("PATH", "").split(os.pathsep)
    return os.pathsep.join(folder for folder in folders if not (Path(folder) / "uv").exists())


def make_venv(project: Path, python: str, venv: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PATH=path_without_uv(), PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run(["make", "venv", f"PYTHON={python}", f"VENV={venv}"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)


def run_in(venv: Path, code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(venv / "bin" / "python"), "-c", code], capture_output=True, text=True, timeout=60)


def installed_versions(venv: Path) -> dict[str, str]:
    listing = run_in(venv, "import importlib.metadata as m\n"
                           "for d in m.distributions(): print(d.metadata['Name'], d.version)")
    assert listing.returncode == 0, listing.stderr
    return {canonical(name): version for name, version in (line.split() for line in listing.stdout.splitlines())}


def python_without_pip(where: Path) -> str:
    subprocess.run([BASE_PYTHON, "-m", "venv", "--without-pip", str(where)], check=True, timeout=120)
    python = where / "bin" / "python"
    assert run_in(where, "import pip").returncode != 0
    return str(python)


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize("python_has_pip", [True, False], ids=["python-with-pip", "python-without-pip"])
def test_make_venv_installs_the_build_lock_and_nothing_else(tmp_path: Path, python_has_pip: bool) -> None:
    project = tmp_path / "project"
    copy_project(project, extra=("Makefile", "requirements", "scripts", "README.md", "LICENSE"))
    python = BASE_PYTHON if python_has_pip else python_without_pip(tmp_path / "bare")
    venv = tmp_path / "venv"

    result = make_venv(project, python, venv)

    assert result.returncode == 0, result.stdout + result.stderr
    locked = {name: version for name, (version, _) in (lock_entries("venv") | lock_entries("build")).items()}
    found = installed_versions(venv)
    project_name = canonical("ml-engineering-resources-l10n")
    assert set(found) - {project_name} <= set(locked)
    for name in ("pip", "hatchling", "sphinx", "myst-parser", "rjieba", "polib", "babel", "furo"):
        assert found[name] == locked[name], name
    assert not set(map(canonical, TOOLS)) & set(found)
    assert run_in(venv, "import sphinx, myst_parser, rjieba, l10n.cli").returncode == 0
    purelib = run_in(venv, "import sysconfig; print(sysconfig.get_path('purelib'))").stdout.strip()
    assert list((Path(purelib) / "sphinx" / "__pycache__").glob("*.pyc")), "the build group is compiled"
    assert subprocess.run([str(venv / "bin" / "l10n"), "--help"], capture_output=True, timeout=60).returncode == 0
