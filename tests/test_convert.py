"""`l10n convert`'s operation (catalog/convert.py: convert_file): it reads the source catalog,
writes the target through `write_po` and returns the report the command prints. Each test
works in its own copy of the project (conftest.copy_project)."""

from __future__ import annotations

import pytest

from l10n.catalog.convert import convert_file, opencc_converter
from l10n.catalog.io import read_po
from l10n.catalog.stats import entry_state
from l10n.config import Config
from l10n.errors import L10nError


def _translated(config: Config, language: str) -> dict[str, str]:
    return {e.msgid: e.msgstr for e in read_po(config.po_path(language)) if entry_state(e) == "translated"}


def test_convert_file_writes_the_target_it_reports(project: Config) -> None:
    target = project.po_path("zh_TW")
    target.unlink()
    report = convert_file(project, "zh_CN", "zh_TW")
    assert (report.path, report.written, report.profile) == ("locale/zh_TW/LC_MESSAGES/README.po", True, "s2twp")
    po = read_po(target)
    assert po.metadata["Language"] == "zh_TW"
    assert po.metadata["X-Source-Revision"] == f"{project.upstream.revision} {project.upstream.commit[:7]}"
    source = _translated(project, "zh_CN")
    fuzzy = {entry.msgid: entry.msgstr for entry in po if entry_state(entry) == "fuzzy"}
    assert list(fuzzy) == report.converted == list(source) and len(fuzzy) > 10 and not report.kept_reviewed
    to_traditional = opencc_converter("s2twp")
    assert fuzzy == {msgid: to_traditional(text) for msgid, text in source.items()}
    assert any(fuzzy[msgid] != text for msgid, text in source.items())  # the script did change


def test_convert_file_keeps_a_reviewed_target_byte_for_byte(project: Config) -> None:
    target = project.po_path("zh_TW")
    before = target.read_bytes()
    reviewed = list(_translated(project, "zh_TW"))
    report = convert_file(project, "zh_CN", "zh_TW")
    assert report.kept_reviewed == reviewed and not report.converted and not report.written
    assert target.read_bytes() == before
    forced = convert_file(project, "zh_CN", "zh_TW", force=True)
    assert forced.converted == reviewed and forced.written and target.read_bytes() != before


def test_convert_file_without_a_source_catalog_writes_nothing(project: Config) -> None:
    project.po_path("zh_CN").unlink()
    target = project.po_path("zh_TW")
    before = target.read_bytes()
    with pytest.raises(L10nError, match="no catalog for zh_CN") as err:
        convert_file(project, "zh_CN", "zh_TW")
    assert err.value.one_line().startswith("locale/zh_CN/LC_MESSAGES/README.po: error: no catalog for zh_CN")
    assert target.read_bytes() == before
