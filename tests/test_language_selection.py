"""Naming a language that has no catalog is an error naming `make init`, never a silent no-op."""

from __future__ import annotations

import pytest

from l10n.cli import main
from l10n.config import Config


@pytest.mark.parametrize(("asked", "hint"), [("de", ""), ("ja_JP", "did you mean ja?"), ("jp", "did you mean ja?")])
def test_a_build_of_a_language_without_a_catalog_names_make_init(project: Config, asked: str, hint: str,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project.root), "site", "--language", asked]) == 2
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err and out == ""
    assert f"make init LANGUAGE={asked}" in lines[0] and hint in lines[0]
    assert not (project.build_dir / "html").exists()  # nothing built, nothing half-written


def test_english_and_existing_languages_still_build(project: Config, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project.root), "site", "--language", "en,ja"]) == 0
    assert "built build/html/ja/index.html" in capsys.readouterr().out


def test_a_hostile_code_is_still_an_invalid_language_code(project: Config,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project.root), "site", "--language", "zh_CN; echo x"]) == 2
    assert "invalid language code" in capsys.readouterr().err
