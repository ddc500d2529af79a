"""`l10n init` is an operation (`catalog/sync.py: init_language`) that writes the new language's
catalog and its starter glossary atomically (`catalog/files.py: write_text_atomic`): a failed
write never leaves half a glossary, nor a temp file; the command only prints what it did."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from l10n.catalog.files import read_text, write_text_atomic
from l10n.catalog.sync import init_language
from l10n.config import Config
from l10n.errors import L10nError
from mini_project import LABEL, MSGIDS, write_project, write_template
from translator_project import run_cli


@pytest.fixture
def config(tmp_path: Path) -> Config:
    config = write_project(tmp_path / "project", code=())
    write_template(config, MSGIDS)
    return config


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_init_language_writes_the_catalog_and_a_starter_glossary_and_returns_them(
        config: Config, capsys: pytest.CaptureFixture[str]) -> None:
    result = init_language(config, "fr", extract_first=False)
    assert capsys.readouterr() == ("", "")
    assert result.report.path == "locale/fr/LC_MESSAGES/README.po"
    assert result.report.untranslated == len(MSGIDS)
    assert result.glossary == config.locale_dir / "fr" / "glossary.tsv"
    assert "glossary" in read_text(result.glossary).lower()

    status, out, _ = run_cli(config.root, "init", "de", "--no-gettext")
    assert status == 0
    assert out.splitlines() == [f"created locale/de/LC_MESSAGES/README.po for Deutsch (de): {len(MSGIDS)} entries "
                                "to translate",
                                "created locale/de/glossary.tsv: the names and units to keep; add your terms"]


def test_init_keeps_a_glossary_the_language_has_already(config: Config) -> None:
    for language in ("fr", "de"):
        glossary = config.locale_dir / language / "glossary.tsv"
        glossary.parent.mkdir(parents=True)
        glossary.write_text("GPU\t-\n", encoding="utf-8")
    assert init_language(config, "fr", extract_first=False).glossary is None
    status, out, _ = run_cli(config.root, "init", "de", "--no-gettext")
    assert status == 0 and len(out.splitlines()) == 1 and "glossary" not in out
    for language in ("fr", "de"):
        assert (config.locale_dir / language / "glossary.tsv").read_text(encoding="utf-8") == "GPU\t-\n"


def test_init_refuses_an_existing_catalog_before_extracting_anything(config: Config,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    init_language(config, "fr", extract_first=False)
    monkeypatch.setattr("l10n.catalog.sync.gettext", lambda config: pytest.fail("extracted"))
    with pytest.raises(L10nError, match="catalog exists already") as caught:
        init_language(config, "fr")
    assert caught.value.fix == "run `make update LANGUAGE=fr`"


def test_a_failed_glossary_write_leaves_no_glossary_and_no_temp_file(config: Config,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.replace

    def full_disk(src: str, dst: str) -> None:
        if str(dst).endswith("glossary.tsv"):
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", full_disk)
    status, out, err = run_cli(config.root, "init", "fr", "--no-gettext")
    assert status == 2 and out == ""
    assert err.startswith("locale/fr/glossary.tsv: error: cannot write: No space left on device")
    assert len(err.strip().splitlines()) == 1
    folder = config.locale_dir / "fr"
    assert not (folder / "glossary.tsv").exists() and leftovers(folder) == []
    assert (folder / "LC_MESSAGES" / "README.po").is_file()  # the catalog before it was written whole
    assert LABEL in (folder / "LC_MESSAGES" / "README.po").read_text(encoding="utf-8")


def test_write_text_atomic_replaces_whole_files_and_reports_a_change(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "notes" / "glossary.tsv"
    assert write_text_atomic(path, "one\n") is True  # creates the folder too
    path.chmod(0o600)
    assert write_text_atomic(path, "one\n") is False  # same bytes: not rewritten
    assert write_text_atomic(path, "two\n") is True and path.read_text(encoding="utf-8") == "two\n"
    assert path.stat().st_mode & 0o777 == 0o600  # the file's mode is kept

    def interrupted(src: str, dst: str) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(L10nError, match="cannot write"):
        write_text_atomic(path, "three\n")
    assert path.read_text(encoding="utf-8") == "two\n" and leftovers(path.parent) == []


def test_read_text_names_the_file_and_the_fix(tmp_path: Path) -> None:
    missing, latin1 = tmp_path / "missing.md", tmp_path / "latin1.md"
    latin1.write_bytes("café\n".encode("latin-1"))
    with pytest.raises(L10nError, match="file not found") as caught:
        read_text(missing)
    assert caught.value.fix == "check the path"
    with pytest.raises(L10nError, match="invalid UTF-8 at byte 3") as caught:
        read_text(latin1)
    assert caught.value.fix == "save the file as UTF-8"
