"""An OS error (a folder not writable, a full disk, a directory where a catalog should be) is one
line naming the path and the fix, exit status 2, never a traceback; a failed write keeps the old
file as it was."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import polib
import pytest

import l10n
from conftest import copy_project
from l10n.catalog.io import new_catalog, read_po, write_po
from l10n.cli import main
from l10n.config import Config, load_config
from l10n.errors import L10nError

PO = "locale/zh_CN/LC_MESSAGES/README.po"
FOLDER = "locale/zh_CN/LC_MESSAGES"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Config:
    """The project copied once, with its POT extracted (`update --no-gettext` reads it)."""
    config = copy_project(tmp_path_factory.mktemp("os-errors") / "project")
    assert main(["--root", str(config.root), "gettext"]) == 0
    return config


@pytest.fixture
def scratch(extracted: Config, tmp_path: Path) -> Config:
    """A copy of the extracted project whose zh_CN catalog `update` must rewrite (an old header)."""
    shutil.copytree(extracted.root, tmp_path / "project", symlinks=True)
    config = load_config(tmp_path / "project")
    assert synced_to_an_old_revision(config.root / PO)
    return config


def synced_to_an_old_revision(po: Path) -> bool:
    """Give the catalog a header from an older upstream revision (what `update` rewrites);
    whether it had one from another revision before."""
    catalog = read_po(po)
    before = catalog.metadata.get("X-Source-Revision")
    catalog.metadata["X-Source-Revision"] = "1 0000000"
    write_po(po, catalog)
    return before not in (None, "1 0000000")


def run_update(config: Config, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--root", str(config.root), "update", "--no-gettext", "--language", "zh_CN"])
    return code, capsys.readouterr().err


def assert_one_line(err: str, *fragments: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().split("\n")
    assert len(lines) == 1, err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def _raising(exc: OSError) -> Callable[..., object]:
    def fail(*args: object, **kwargs: object) -> object:
        raise exc
    return fail


@pytest.mark.parametrize(
    ("target", "exc", "fix"),
    [
        ("mkstemp", PermissionError(errno.EACCES, "Permission denied", "{folder}/.README.po.x.tmp"),
         f"make {FOLDER} writable (chmod u+rwx"),
        ("mkstemp", OSError(errno.EROFS, "Read-only file system", "{folder}/.README.po.x.tmp"), "read-only"),
        ("replace", OSError(errno.ENOSPC, "No space left on device"), "free disk space"),
        ("replace", PermissionError(errno.EPERM, "Operation not permitted", "{folder}/.README.po.x.tmp",
                                    None, "{folder}/README.po"), "or run as its owner"),
    ],
    ids=["EACCES", "EROFS", "ENOSPC", "EPERM"],
)
def test_update_that_cannot_write_is_one_line_exit_2(scratch: Config, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch, target: str,
                                                     exc: OSError, fix: str) -> None:
    folder = scratch.root / FOLDER
    if exc.filename:
        exc.filename = exc.filename.format(folder=folder)
    if exc.filename2:
        exc.filename2 = exc.filename2.format(folder=folder)
    before = (scratch.root / PO).read_bytes()
    listing = sorted(p.name for p in folder.iterdir())  # README.po, site.po
    monkeypatch.chdir(scratch.root)
    if target == "mkstemp":
        monkeypatch.setattr(tempfile, "mkstemp", _raising(exc))
    else:
        monkeypatch.setattr(os, "replace", _raising(exc))
    code, err = run_update(scratch, capsys)
    assert code == 2
    assert_one_line(err, f"{PO}: error: cannot write: {exc.strerror} (", fix)
    assert (scratch.root / PO).read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == listing  # no temp file left


def test_a_directory_where_the_catalog_should_be(scratch: Config, capsys: pytest.CaptureFixture[str]) -> None:
    po = scratch.root / PO
    po.unlink()
    po.mkdir()
    (po / "notes.txt").write_text("a folder, not a catalog\n", encoding="utf-8")
    code, err = run_update(scratch, capsys)  # no catalog file: update writes a new one, onto the folder
    assert code == 2
    assert_one_line(err, f"{PO}: error: cannot write: Is a directory (remove the directory there)")
    code = main(["--root", str(scratch.root), "check", "--language", "zh_CN"])
    out = capsys.readouterr().out
    assert code == 1
    assert f"{PO}: error not-a-file: a directory stands where the catalog file should be" in out, out
    assert po.is_dir() and (po / "notes.txt").is_file()


def test_a_file_where_a_folder_should_be(scratch: Config, capsys: pytest.CaptureFixture[str]) -> None:
    folder = scratch.root / FOLDER
    shutil.rmtree(folder)
    folder.write_text("a file, not a folder\n", encoding="utf-8")
    code, err = run_update(scratch, capsys)
    assert code == 2
    assert_one_line(err, f"{PO}: error: cannot write: File exists (a file stands where a folder should be")


def test_cli_turns_any_remaining_os_error_into_one_line(scratch: Config, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The last resort: an OSError no command turned into an L10nError (here, from the POT's read)."""
    pot = scratch.pot_path("README")
    exc = OSError(errno.EIO, "Input/output error", str(pot))
    import l10n.catalog.sync

    monkeypatch.setattr(l10n.catalog.sync, "read_template", _raising(exc))
    code, err = run_update(scratch, capsys)
    assert code == 2
    assert_one_line(err, "build/gettext/README.pot: error: Input/output error (")
    monkeypatch.setattr(l10n.catalog.sync, "read_template", _raising(OSError(errno.ENOSPC, "No space left on device")))
    code, err = run_update(scratch, capsys)
    assert code == 2
    assert_one_line(err, "error: No space left on device (free disk space")


def test_a_failed_replace_keeps_the_old_file_and_its_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "README.po"
    po = new_catalog("zh_CN", "demo")
    po.append(polib.POEntry(msgid="a", msgstr="甲"))
    write_po(path, po)
    path.chmod(0o640)
    before = path.read_bytes()
    po.append(polib.POEntry(msgid="b", msgstr="乙"))
    monkeypatch.setattr(os, "replace", _raising(OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(L10nError) as err:
        write_po(path, po)
    assert err.value.path == str(path) and "free disk space" in err.value.fix
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["README.po"]
    monkeypatch.undo()
    assert write_po(path, po) is True  # the next write succeeds and keeps the mode
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and len(read_po(path)) == 2


def _as_nobody() -> list[str] | None:
    """The command prefix that runs a program as user nobody (None: not root, or no tool)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    if shutil.which("setpriv"):
        return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]
    if shutil.which("runuser"):
        return ["runuser", "-u", "nobody", "--"]
    return None


@pytest.fixture
def shared_copy(extracted: Config) -> Iterator[Path]:
    """A copy of the extracted project every user can read and none but root can write."""
    base = Path(tempfile.mkdtemp(prefix="l10n-os-errors-"))
    try:
        base.chmod(0o755)
        shutil.copytree(extracted.root, base / "project", symlinks=True)
        for folder, _, files in os.walk(base / "project"):
            os.chmod(folder, 0o755)
            for name in files:
                os.chmod(os.path.join(folder, name), 0o644)
        yield base / "project"
    finally:
        shutil.rmtree(base)


@pytest.mark.skipif(_as_nobody() is None, reason="needs root and setpriv or runuser to run as user nobody")
@pytest.mark.parametrize("command", [["update", "--no-gettext"], ["html"]])
def test_real_cli_as_nobody_on_an_unwritable_copy(shared_copy: Path, command: list[str]) -> None:
    prefix = _as_nobody()
    assert prefix is not None
    probe = subprocess.run([*prefix, sys.executable, "-c", "import l10n.cli"], capture_output=True, text=True,
                           cwd=shared_copy, env={"PYTHONPATH": str(Path(l10n.__file__).parent.parent)})
    if probe.returncode != 0:
        pytest.skip(f"user nobody cannot import l10n from this virtualenv: {probe.stderr.strip()[-200:]}")
    po = shared_copy / PO
    if command[0] == "update":  # a header update must write: the old catalog is kept, unchanged
        assert synced_to_an_old_revision(po)
    before = po.read_bytes()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONDONTWRITEBYTECODE": "1", "HOME": "/nonexistent",
           "PYTHONPATH": str(Path(l10n.__file__).parent.parent)}  # the l10n this test process imported
    proc = subprocess.run([*prefix, sys.executable, "-m", "l10n.cli", "--root", str(shared_copy), *command,
                           "--language", "zh_CN"], capture_output=True, text=True, cwd=shared_copy, env=env)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    line = assert_one_line(proc.stderr, ": error: ", "Permission denied", "or run as its owner")
    assert line.startswith(f"{PO}: " if command[0] == "update" else ("locale/", "build/")), line
    assert po.read_bytes() == before
